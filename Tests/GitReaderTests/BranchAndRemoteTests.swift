import Foundation
import GitReader
import ReviewModel
import TestSupport
import Testing

@Suite("Branches and remotes")
struct BranchAndRemoteTests {
    /// Builds `repo` with branches `main` and `topic`, a bare copy `remote.git`, and a clone `clone`
    /// of it that also has a second remote `backup`.
    private func makeClone(_ fixture: GitFixture) throws {
        try fixture.makeRepository(files: ["a.go": "package a\n"])
        try fixture.git("branch", "topic")
        try fixture.git("clone", "-q", "--bare", "repo", "remote.git", in: "")
        try fixture.git("clone", "-q", "file://" + fixture.path("remote.git"), "clone", in: "")
        try fixture.git("remote", "add", "backup", "file://" + fixture.path("elsewhere.git"), in: "clone")
    }

    @Test func currentBranchFollowsHEAD() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            try fixture.git("checkout", "-q", "-b", "feature/pools")
            #expect(try fixture.open().currentBranchName() == "feature/pools")

            try fixture.git("checkout", "-q", "--detach")
            #expect(try fixture.open().currentBranchName() == nil)
        }
    }

    @Test func remoteNamesAndURLs() throws {
        try withGitFixture { fixture in
            try makeClone(fixture)
            let repository = try fixture.open("clone")

            #expect(try repository.remoteNames() == ["backup", "origin"])
            #expect(try repository.remoteURL(named: "origin") == "file://" + fixture.path("remote.git"))
            #expect(try repository.remoteURL(named: "backup") == "file://" + fixture.path("elsewhere.git"))
            #expect(try repository.remoteURL(named: "missing") == nil)
            #expect(try repository.remoteURL(named: "not a valid..name") == nil)
        }
    }

    @Test func repositoryWithoutRemotes() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            let repository = try fixture.open()

            #expect(try repository.remoteNames() == [])
            #expect(try repository.remoteTrackingBranches(ofRemote: "origin").isEmpty)
        }
    }

    @Test func trackingBranchesOfOneRemote() throws {
        try withGitFixture { fixture in
            try makeClone(fixture)
            // A ref of another remote whose name starts the same must not be listed.
            let mainSHA = try fixture.gitLine("rev-parse", "main")
            try fixture.git("update-ref", "refs/remotes/origin-old/main", mainSHA, in: "clone")
            let repository = try fixture.open("clone")
            let branches = try repository.remoteTrackingBranches(ofRemote: "origin")

            #expect(branches.map(\.name) == ["origin/main", "origin/topic"])
            #expect(branches.map(\.target.sha) == [mainSHA, mainSHA])
            #expect(branches.map(\.target.spec) == ["origin/main", "origin/topic"])
            #expect(try repository.remoteTrackingBranches(ofRemote: "backup").isEmpty)
            #expect(try repository.remoteTrackingBranches(ofRemote: "file:///some/url.git").isEmpty)
        }
    }
}
