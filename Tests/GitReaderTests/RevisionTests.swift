import Foundation
import GitReader
import ReviewModel
import TestSupport
import Testing

@Suite("Resolving revisions")
struct RevisionTests {
    /// Builds `repo` with three commits on `main`, tags on the first two and a branch `feature` that
    /// adds one more commit.
    private func makeHistory(_ fixture: GitFixture) throws {
        try fixture.makeRepository(files: ["a.go": "package a\n"])
        try fixture.git("tag", "-a", "v1", "-m", "version 1")
        try fixture.commit(["a.go": "package a\n\nvar x = 1\n"], message: "second")
        try fixture.git("tag", "light")
        try fixture.commit(["a.go": "package a\n\nvar x = 2\n"], message: "third")
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit(["b.go": "package a\n"], message: "feature work")
        try fixture.git("checkout", "-q", "main")
    }

    private func expectResolves(
        _ spec: String, in fixture: GitFixture, repository: GitRepository, directory: String = "repo",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let expected = try fixture.gitLine(
            "rev-parse", "\(spec)^{commit}", in: directory, sourceLocation: sourceLocation
        )
        let revision = try repository.resolve(spec)
        #expect(revision.sha == expected, "sha of \(spec)", sourceLocation: sourceLocation)
        #expect(revision.spec == spec, sourceLocation: sourceLocation)
    }

    @Test func resolvesBranchesTagsAndAncestors() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let repository = try fixture.open()

            for spec in ["main", "feature", "HEAD", "HEAD~2", "feature^", "v1", "light", "refs/tags/v1"] {
                try expectResolves(spec, in: fixture, repository: repository)
            }
        }
    }

    @Test func annotatedTagPeelsToCommit() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let repository = try fixture.open()
            let tagObject = try fixture.gitLine("rev-parse", "v1")
            let commit = try fixture.gitLine("rev-parse", "v1^{commit}")

            #expect(tagObject != commit)
            #expect(try repository.resolve("v1").sha == commit)
        }
    }

    @Test func resolvesAbbreviatedSHA() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let repository = try fixture.open()
            let full = try fixture.gitLine("rev-parse", "HEAD~1")
            let revision = try repository.resolve(String(full.prefix(8)))

            #expect(revision.sha == full)
            #expect(revision.spec == String(full.prefix(8)))
            #expect(revision.shortSHA == String(full.prefix(7)))
        }
    }

    @Test func resolvesRemoteTrackingBranchAfterClone() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            try fixture.git("clone", "-q", "--bare", "repo", "remote.git", in: "")
            try fixture.git("clone", "-q", "file://" + fixture.path("remote.git"), "clone", in: "")
            try fixture.commit(["c.go": "package a\n"], message: "local work", in: "clone")
            let repository = try fixture.open("clone")

            let originMain = try repository.resolve("origin/main")
            #expect(originMain.sha == (try fixture.gitLine("rev-parse", "main")))
            #expect(originMain.spec == "origin/main")
            try expectResolves("origin/feature", in: fixture, repository: repository, directory: "clone")
        }
    }

    // MARK: - Ranges

    @Test func twoDotRangeUsesBothSidesAsGiven() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let repository = try fixture.open()
            let range = try repository.resolveRange("v1..feature")

            #expect(range.base.sha == (try fixture.gitLine("rev-parse", "v1^{commit}")))
            #expect(range.base.spec == "v1")
            #expect(range.head.sha == (try fixture.gitLine("rev-parse", "feature")))
            #expect(range.head.spec == "feature")
        }
    }

    @Test func threeDotRangeStartsAtMergeBase() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            // Make main and feature diverge.
            try fixture.commit(["main.go": "package a\n"], message: "main moves on")
            let repository = try fixture.open()
            let range = try repository.resolveRange("main...feature")
            let expectedBase = try fixture.gitLine("merge-base", "main", "feature")

            #expect(expectedBase != (try fixture.gitLine("rev-parse", "main")))
            #expect(range.base.sha == expectedBase)
            #expect(range.base.spec == "merge base of main and feature")
            #expect(range.head.sha == (try fixture.gitLine("rev-parse", "feature")))
        }
    }

    @Test func emptySideOfRangeMeansHEAD() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            try fixture.git("checkout", "-q", "feature")
            let repository = try fixture.open()
            let head = try fixture.gitLine("rev-parse", "HEAD")

            let openEnded = try repository.resolveRange("HEAD~2..")
            #expect(openEnded.base.sha == (try fixture.gitLine("rev-parse", "HEAD~2")))
            #expect(openEnded.head.sha == head)
            #expect(openEnded.head.spec == "HEAD")

            let openStart = try repository.resolveRange("...main")
            #expect(openStart.base.sha == (try fixture.gitLine("merge-base", "HEAD", "main")))
            #expect(openStart.head.sha == (try fixture.gitLine("rev-parse", "main")))
        }
    }

    @Test func singleRevisionIsNotARange() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let repository = try fixture.open()
            let error = #expect(throws: GitReaderError.self) { try repository.resolveRange("main") }

            #expect(error == .notARange(spec: "main"))
            #expect(error?.description.contains("BASE..HEAD") == true)
        }
    }

    @Test("malformed range is named whole", arguments: ["main..HEAD..main", "main....HEAD"])
    func malformedRangeIsNamedWhole(spec: String) throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let repository = try fixture.open()
            let error = #expect(throws: GitReaderError.self) { try repository.resolveRange(spec) }

            #expect(error == .malformedRange(spec: spec))
            #expect(error?.description.hasPrefix("'\(spec)' is not a valid range") == true)
        }
    }

    @Test func unrelatedHistoriesHaveNoMergeBase() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            try fixture.git("checkout", "-q", "--orphan", "island")
            try fixture.commit(["island.go": "package island\n"], message: "unrelated root")
            let repository = try fixture.open()
            let error = #expect(throws: GitReaderError.self) { try repository.resolveRange("main...island") }

            #expect(error == .noMergeBase("main", "island"))
            #expect(error?.description.contains("no common ancestor") == true)
        }
    }

    // MARK: - Errors

    @Test func unknownRevisionIsNotFound() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let repository = try fixture.open()
            let error = #expect(throws: GitReaderError.self) { try repository.resolve("no-such-branch") }

            #expect(error == .revisionNotFound(spec: "no-such-branch"))
            #expect(error?.description.contains("'no-such-branch' was not found") == true)
        }
    }

    @Test func unknownAbbreviatedSHASaysSo() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let repository = try fixture.open()
            // An object id that starts with "0000000" is astronomically unlikely in a small fixture.
            let error = #expect(throws: GitReaderError.self) { try repository.resolve("0000000") }

            #expect(error == .revisionNotFound(spec: "0000000"))
            #expect(error?.description.contains("abbreviated SHA") == true)
        }
    }

    @Test func ancestorBeyondRootIsNotFound() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let repository = try fixture.open()
            let error = #expect(throws: GitReaderError.self) { try repository.resolve("HEAD~10") }

            #expect(error == .revisionNotFound(spec: "HEAD~10"))
        }
    }

    @Test func invalidSyntaxIsReported() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let repository = try fixture.open()
            let error = #expect(throws: GitReaderError.self) { try repository.resolve("main@{") }

            #expect(error == .invalidRevision(spec: "main@{"))
        }
    }

    @Test func blobAndTreeAreNotCommits() throws {
        try withGitFixture { fixture in
            try makeHistory(fixture)
            let blob = try fixture.gitLine("rev-parse", "HEAD:a.go")
            try fixture.git("tag", "tree-tag", "HEAD^{tree}")
            let repository = try fixture.open()

            let blobError = #expect(throws: GitReaderError.self) { try repository.resolve("HEAD:a.go") }
            #expect(blobError == .notACommit(spec: "HEAD:a.go", objectType: "blob"))
            #expect(blobError?.description.contains("names a blob, not a commit") == true)

            let shaError = #expect(throws: GitReaderError.self) { try repository.resolve(blob) }
            #expect(shaError == .notACommit(spec: blob, objectType: "blob"))

            let treeError = #expect(throws: GitReaderError.self) { try repository.resolve("tree-tag") }
            #expect(treeError == .notACommit(spec: "tree-tag", objectType: "tree"))
        }
    }

    @Test func ambiguousAbbreviatedSHAIsReported() throws {
        try withGitFixture { fixture in
            try fixture.git("init", "-q", "repo", in: "")
            // 1500 distinct blobs make a shared 4-digit prefix all but certain (birthday bound over 65536).
            for index in 0..<1500 {
                try fixture.write("repo/blobs/\(index).txt", "blob \(index)\n")
            }
            try fixture.commit(message: "many blobs")
            let objects = try fixture.git("cat-file", "--batch-all-objects", "--batch-check=%(objectname)")
            var seen: Set<Substring> = []
            var shared: String?
            for line in objects.split(separator: "\n") where shared == nil {
                let prefix = line.prefix(4)
                if !seen.insert(prefix).inserted {
                    shared = String(prefix)
                }
            }
            let prefix = try #require(shared)
            let repository = try fixture.open()
            let error = #expect(throws: GitReaderError.self) { try repository.resolve(prefix) }

            #expect(error == .ambiguousRevision(spec: prefix))
            #expect(error?.description.contains("matches more than one object") == true)
        }
    }
}
