import Foundation
import GitReader
import ReviewModel
import TestSupport
import Testing

@Suite("Shallow clones")
struct ShallowCloneTests {
    /// Builds a bare remote where `feature` branches off `main` and both move on, then clones only the
    /// tip of `feature` into `clone` with `git clone --depth 1`, as CI checkouts do by default.
    private func makeShallowClone(_ fixture: GitFixture) throws {
        try fixture.makeRepository(files: ["a.go": "package a\n"])
        try fixture.commit(["a.go": "package a\n\nvar x = 1\n"], message: "second")
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit(["b.go": "package a\n"], message: "feature one")
        try fixture.commit(["b.go": "package a\n\nvar y = 1\n"], message: "feature two")
        try fixture.git("checkout", "-q", "main")
        try fixture.commit(["c.go": "package a\n"], message: "main moves on")
        try fixture.git("clone", "-q", "--bare", "repo", "remote.git", in: "")
        try fixture.git(
            "clone", "-q", "--depth", "1", "--branch", "feature", "file://" + fixture.path("remote.git"), "clone",
            in: ""
        )
    }

    @Test func shallowCloneIsDetected() throws {
        try withGitFixture { fixture in
            try makeShallowClone(fixture)
            #expect(try fixture.open("clone").isShallow)
            #expect(try !fixture.open("repo").isShallow)
        }
    }

    @Test func missingAncestorSuggestsDeepening() throws {
        try withGitFixture { fixture in
            try makeShallowClone(fixture)
            let repository = try fixture.open("clone")
            let error = #expect(throws: GitReaderError.self) { try repository.resolve("HEAD~1") }

            #expect(error == .revisionMissingFromShallowClone(spec: "HEAD~1"))
            #expect(error?.description.contains("git fetch --deepen=N") == true)
            #expect(error?.description.contains("git fetch --unshallow") == true)
            #expect(error?.description.contains("fetch-depth: 0") == true)
        }
    }

    @Test func missingBaseSHASuggestsDeepening() throws {
        try withGitFixture { fixture in
            try makeShallowClone(fixture)
            let baseSHA = try fixture.gitLine("rev-parse", "main~1")
            let repository = try fixture.open("clone")
            let error = #expect(throws: GitReaderError.self) { try repository.resolveRange("\(baseSHA)..HEAD") }

            #expect(error == .revisionMissingFromShallowClone(spec: baseSHA))
            #expect(error?.description.contains("git fetch --deepen=N") == true)
        }
    }

    @Test func missingMergeBaseSuggestsDeepening() throws {
        try withGitFixture { fixture in
            try makeShallowClone(fixture)
            try fixture.git("fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main", in: "clone")
            let repository = try fixture.open("clone")
            let error = #expect(throws: GitReaderError.self) { try repository.resolveRange("origin/main...HEAD") }

            #expect(error == .mergeBaseMissingFromShallowClone("origin/main", "HEAD"))
            #expect(error?.description.contains("git fetch --unshallow") == true)
        }
    }

    @Test func missingBranchNameIsPlainNotFound() throws {
        try withGitFixture { fixture in
            try makeShallowClone(fixture)
            let repository = try fixture.open("clone")
            let error = #expect(throws: GitReaderError.self) { try repository.resolve("no-such-branch") }

            #expect(error == .revisionNotFound(spec: "no-such-branch"))
        }
    }

    @Test func deepenedCloneFindsMergeBase() throws {
        try withGitFixture { fixture in
            try makeShallowClone(fixture)
            try fixture.git("fetch", "-q", "--unshallow", "origin", "main:refs/remotes/origin/main", in: "clone")
            let repository = try fixture.open("clone")
            let range = try repository.resolveRange("origin/main...HEAD")

            #expect(!repository.isShallow)
            #expect(range.base.sha == (try fixture.gitLine("merge-base", "main", "feature")))
        }
    }

    /// Pins a known gap: git finds a merge base that is itself a shallow boundary commit, but libgit2 1.5
    /// also reads the merge base's parents, which were not fetched. Deepening by one commit fixes it.
    @Test func mergeBaseOnShallowBoundaryNeedsOneMoreCommit() throws {
        try withGitFixture { fixture in
            try makeShallowClone(fixture)
            try fixture.git("fetch", "-q", "--depth", "3", "origin", "feature", in: "clone")
            try fixture.git("fetch", "-q", "--depth", "2", "origin", "main:refs/remotes/origin/main", in: "clone")
            let gitMergeBase = try fixture.gitLine("merge-base", "origin/main", "HEAD", in: "clone")
            #expect(gitMergeBase == (try fixture.gitLine("rev-parse", "main~1")))

            let repository = try fixture.open("clone")
            let error = #expect(throws: GitReaderError.self) { try repository.resolveRange("origin/main...HEAD") }
            #expect(error == .mergeBaseMissingFromShallowClone("origin/main", "HEAD"))

            try fixture.git("fetch", "-q", "--deepen", "1", "origin", in: "clone")
            let deepened = try fixture.open("clone")
            #expect(try deepened.resolveRange("origin/main...HEAD").base.sha == gitMergeBase)
        }
    }
}
