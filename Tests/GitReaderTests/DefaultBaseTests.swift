import Foundation
import GitReader
import ReviewModel
import TestSupport
import Testing

@Suite("Default base")
struct DefaultBaseTests {
    @Test func upstreamOfCurrentBranchComesFirst() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["a.go": "package a\n"])
            try fixture.git("clone", "-q", "--bare", "repo", "remote.git", in: "")
            try fixture.git("clone", "-q", "file://" + fixture.path("remote.git"), "clone", in: "")
            try fixture.git("checkout", "-q", "-b", "feature", in: "clone")
            try fixture.commit(["b.go": "package a\n"], message: "pushed work", in: "clone")
            try fixture.git("push", "-q", "-u", "origin", "feature", in: "clone")
            try fixture.commit(["c.go": "package a\n"], message: "unpushed work", in: "clone")
            let repository = try fixture.open("clone")
            let head = try repository.resolve("HEAD")
            let chosen = try repository.defaultBase(head: head)

            #expect(chosen.base.sha == (try fixture.gitLine("rev-parse", "origin/feature", in: "clone")))
            #expect(chosen.note == "merge base of HEAD and origin/feature (the upstream of branch feature)")
        }
    }

    @Test func originHEADWhenBranchHasNoUpstream() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["a.go": "package a\n"])
            try fixture.git("branch", "-m", "trunk")
            try fixture.git("clone", "-q", "--bare", "repo", "remote.git", in: "")
            try fixture.git("clone", "-q", "file://" + fixture.path("remote.git"), "clone", in: "")
            try fixture.git("checkout", "-q", "-b", "feature", in: "clone")
            try fixture.commit(["b.go": "package a\n"], message: "work", in: "clone")
            let repository = try fixture.open("clone")
            let chosen = try repository.defaultBase(head: try repository.resolve("HEAD"))

            #expect(chosen.base.sha == (try fixture.gitLine("rev-parse", "origin/trunk", in: "clone")))
            #expect(chosen.note == "merge base of HEAD and origin/trunk (the default branch of remote origin)")
        }
    }

    @Test func localMainWithoutRemotes() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["a.go": "package a\n"])
            try fixture.git("checkout", "-q", "-b", "feature")
            try fixture.commit(["b.go": "package a\n"], message: "feature work")
            try fixture.git("checkout", "-q", "main")
            try fixture.commit(["c.go": "package a\n"], message: "main moves on")
            try fixture.git("checkout", "-q", "feature")
            let repository = try fixture.open()
            let head = try repository.resolve("HEAD")
            let chosen = try repository.defaultBase(head: head)

            #expect(chosen.base.sha == (try fixture.gitLine("merge-base", "main", "feature")))
            #expect(chosen.base.spec == "merge base of HEAD and main")
            #expect(chosen.note == "merge base of HEAD and main (local branch main)")
        }
    }

    @Test func currentBranchIsNotItsOwnBase() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["a.go": "package a\n"])
            try fixture.git("branch", "master")
            try fixture.commit(["b.go": "package a\n"], message: "work on main")
            let repository = try fixture.open()
            let chosen = try repository.defaultBase(head: try repository.resolve("HEAD"))

            #expect(chosen.base.sha == (try fixture.gitLine("rev-parse", "master")))
            #expect(chosen.note == "merge base of HEAD and master (local branch master)")
        }
    }

    @Test func nothingToCompareWithIsAnError() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["a.go": "package a\n"])
            try fixture.git("branch", "-m", "feature")
            let repository = try fixture.open()
            let head = try repository.resolve("HEAD")
            let error = #expect(throws: GitReaderError.self) { try repository.defaultBase(head: head) }

            #expect(error == .noDefaultBase(tried: [
                "the upstream of branch feature", "origin/HEAD", "main", "origin/main", "master", "origin/master",
            ]))
            #expect(error?.description.contains("pass the base explicitly") == true)
        }
    }
}
