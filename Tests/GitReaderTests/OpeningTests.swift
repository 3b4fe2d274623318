import Foundation
import GitReader
import ReviewModel
import TestSupport
import Testing

@Suite("Opening repositories")
struct OpeningTests {
    @Test func opensFromSubdirectory() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["pkg/deep/file.go": "package deep\n"])
            let repository = try fixture.open("repo/pkg/deep")

            #expect(repository.workingDirectory == fixture.path("repo") + "/")
            #expect(repository.gitDirectory == fixture.path("repo/.git") + "/")
            #expect(!repository.isBare)
            #expect(!repository.isShallow)
            #expect(repository.objectFormat == .sha1)
        }
    }

    @Test func opensBareRepository() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            try fixture.git("clone", "-q", "--bare", "repo", "bare.git", in: "")
            let repository = try fixture.open("bare.git/refs")

            #expect(repository.isBare)
            #expect(repository.workingDirectory == nil)
            #expect(repository.gitDirectory == fixture.path("bare.git") + "/")
            let head = try repository.resolve("HEAD")
            #expect(head.sha == (try fixture.gitLine("rev-parse", "HEAD")))
        }
    }

    @Test func opensLinkedWorktree() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            try fixture.git("worktree", "add", "-q", "-b", "side", "../linked")
            try fixture.commit(["side.go": "package side\n"], message: "on side", in: "linked")
            let repository = try fixture.open("linked")

            #expect(repository.workingDirectory == fixture.path("linked") + "/")
            #expect(repository.gitDirectory == fixture.path("repo/.git/worktrees/linked") + "/")
            #expect(repository.currentBranchName() == "side")
            let head = try repository.resolve("HEAD")
            #expect(head.sha == (try fixture.gitLine("rev-parse", "HEAD", in: "linked")))
        }
    }

    @Test func notARepositoryNamesPath() throws {
        try withGitFixture { fixture in
            try FileManager.default.createDirectory(atPath: fixture.path("plain"), withIntermediateDirectories: true)
            let path = fixture.path("plain")
            let error = #expect(throws: GitReaderError.self) { try GitRepository(discoveringFrom: path) }

            #expect(error == .notARepository(path: path))
            #expect(error?.description.contains("'\(path)'") == true)
            #expect(error?.description.contains("is not inside a git repository") == true)
        }
    }

    @Test func missingFolderIsNotARepository() throws {
        try withGitFixture { fixture in
            let path = fixture.path("does/not/exist")
            let error = #expect(throws: GitReaderError.self) { try GitRepository(discoveringFrom: path) }

            #expect(error == .notARepository(path: path))
        }
    }

    @Test func emptyRepositoryHasNoCommits() throws {
        try withGitFixture { fixture in
            try fixture.git("init", "-q", "repo", in: "")
            let repository = try fixture.open()
            let error = #expect(throws: GitReaderError.self) { try repository.resolve("HEAD") }

            #expect(error == .emptyRepository(path: fixture.path("repo") + "/"))
            #expect(error?.description.contains("has no commits yet") == true)
            #expect(repository.currentBranchName() == "main")
        }
    }

    @Test func orphanBranchIsUnborn() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            try fixture.git("checkout", "-q", "--orphan", "fresh")
            let repository = try fixture.open()
            let error = #expect(throws: GitReaderError.self) { try repository.resolve("HEAD") }

            #expect(error == .unbornBranch(name: "fresh"))
            #expect(error?.description.contains("'fresh'") == true)
            #expect(error?.description.hasSuffix("in place of HEAD") == true)
        }
    }

    @Test func sha256RepositoryIsRejected() throws {
        try withGitFixture { fixture in
            try fixture.git("init", "-q", "--object-format=sha256", "repo", in: "")
            let path = fixture.path("repo")
            let error = #expect(throws: GitReaderError.self) { try GitRepository(discoveringFrom: path) }

            #expect(error == .unsupportedObjectFormat(path: path, format: "sha256"))
            #expect(error?.description.contains("libgit2 1.5") == true)
        }
    }

    /// Needs root, because only root can give a folder to another user.
    @Test(.enabled(if: getuid() == 0, "changing a folder's owner needs root"))
    func repositoryOfAnotherUserIsRejected() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["pkg/a.go": "package pkg\n"])
            try fixture.run("/bin/chown", ["-R", "65534:65534", fixture.path("repo")], in: "")
            let path = fixture.path("repo")
            let error = #expect(throws: GitReaderError.self) { try GitRepository(discoveringFrom: path) }

            guard case .repositoryNotOwned(let reportedPath, _) = error else {
                Issue.record("expected repositoryNotOwned, got \(String(describing: error))")
                return
            }
            #expect(reportedPath == path)
            #expect(error?.description.contains("git config --global --add safe.directory '\(path)'") == true)

            let subfolderError = #expect(throws: GitReaderError.self) {
                try GitRepository(discoveringFrom: path + "/pkg")
            }
            guard case .repositoryNotOwned(let topLevel, _) = subfolderError else {
                Issue.record("expected repositoryNotOwned, got \(String(describing: subfolderError))")
                return
            }
            #expect(topLevel == path)
        }
    }
}
