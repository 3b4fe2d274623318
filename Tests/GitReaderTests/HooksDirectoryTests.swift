import Foundation
import GitReader
import TestSupport
import Testing

@Suite("Hooks folder")
struct HooksDirectoryTests {
    /// Returns the folder that `git rev-parse --git-path hooks` prints in `directory`, made absolute.
    private func gitHooksPath(_ fixture: GitFixture, in directory: String = "repo") throws -> String {
        let printed = try fixture.gitLine("rev-parse", "--git-path", "hooks", in: directory)
        let absolute = printed.hasPrefix("/") ? printed : fixture.path(directory) + "/" + printed
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    @Test func defaultIsHooksOfGitDirectory() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            let repository = try fixture.open()

            #expect(repository.commonDirectory == fixture.path("repo/.git/"))
            #expect(try repository.hooksDirectory() == fixture.path("repo/.git/hooks"))
            #expect(try repository.hooksDirectory() == gitHooksPath(fixture))
        }
    }

    @Test func relativeHooksPathStartsAtWorkingTree() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            try fixture.git("config", "core.hooksPath", ".githooks/")
            try FileManager.default.createDirectory(atPath: fixture.path("repo/sub/dir"), withIntermediateDirectories: true)
            let repository = try fixture.open("repo/sub/dir")

            #expect(try repository.hooksDirectory() == fixture.path("repo/.githooks"))
            #expect(try repository.hooksDirectory() == gitHooksPath(fixture))
        }
    }

    @Test func absoluteHooksPathIsKept() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            try fixture.git("config", "core.hooksPath", fixture.path("shared-hooks"))

            #expect(try fixture.open().hooksDirectory() == fixture.path("shared-hooks"))
        }
    }

    @Test func linkedWorktreeUsesMainHooks() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            try fixture.git("worktree", "add", "-q", "-b", "topic", fixture.path("linked"))
            let repository = try fixture.open("linked")

            #expect(repository.gitDirectory == fixture.path("repo/.git/worktrees/linked/"))
            #expect(repository.commonDirectory == fixture.path("repo/.git/"))
            #expect(try repository.hooksDirectory() == fixture.path("repo/.git/hooks"))
            #expect(try repository.hooksDirectory() == gitHooksPath(fixture, in: "linked"))
        }
    }

    @Test func bareRepositoryRelativeToGitDirectory() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            try fixture.git("clone", "-q", "--bare", "repo", "bare.git", in: "")
            try fixture.git("config", "core.hooksPath", "custom-hooks", in: "bare.git")
            let repository = try fixture.open("bare.git")

            #expect(try repository.hooksDirectory() == fixture.path("bare.git/custom-hooks"))
        }
    }
}
