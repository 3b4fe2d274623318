import Foundation
import TestSupport
import Testing

/// Repository layouts and revision ranges that a CI job or a hook can meet, reviewed by the
/// built binary: each gives a correct review or a one-line message that names the fix.
@Suite("Odd repositories and revisions")
struct OddRepositoryTests {
    /// A pool file whose `Get` always reaches a deferred `Put`.
    static let cleanPool = """
        package pkg

        import (
        \t"bytes"
        \t"sync"
        )

        var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

        func Render(s string) string {
        \tb := bufPool.Get().(*bytes.Buffer)
        \tdefer bufPool.Put(b)
        \tb.Reset()
        \tb.WriteString(s)
        \treturn b.String()
        }

        """

    /// `cleanPool` with a second function whose `Get` never reaches a `Put`, which deferred-put
    /// reports on the line of that `Get` (`leakLine`).
    static let leakingPool = cleanPool + """

        func Leak() int {
        \tb := bufPool.Get().(*bytes.Buffer)
        \treturn b.Len()
        }

        """
    static let leakLine = 19

    // MARK: - Clones and repository kinds

    @Test func shallowCloneMissingBaseSuggestsDeepening() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.cleanPool)], head: ["pkg/a.go": goBytes(Self.leakingPool)])
            try fixture.git("clone", "-q", "--depth", "1", "file://" + fixture.path("repo"), "shallow", in: "")
            let base = try fixture.gitLine("rev-parse", "main~1")

            let run = try fixture.review(["review", base + "..HEAD"], in: "shallow")
            #expect(run.status == 2)
            #expect(run.standardOutput.isEmpty)
            #expect(run.standardError.contains(base))
            #expect(run.standardError.contains("shallow clone"))
            #expect(run.standardError.contains("git fetch --deepen"))
            #expect(run.standardError.contains("fetch-depth: 0"))
            #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
        }
    }

    @Test func bareRepositoryIsReviewed() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.cleanPool)], head: ["pkg/a.go": goBytes(Self.leakingPool)])
            try fixture.git("clone", "-q", "--bare", "repo", "bare.git", in: "")

            let run = try fixture.review(["review", "--repo", fixture.path("bare.git"), "main~1..main", "--format", "json"], in: "")
            #expect(run.status == 1, "\(run.standardError)")
            #expect(try ReviewJSON(run).items(at: "pkg/a.go").contains("deferred-put:\(Self.leakLine)"))
        }
    }

    @Test func linkedWorktreeIsReviewed() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.cleanPool)], head: [:])
            try fixture.git("worktree", "add", "-q", "-b", "feature", fixture.path("linked"))
            try fixture.commitBytes(["pkg/a.go": goBytes(Self.leakingPool)], message: "leak", in: "linked")

            let run = try fixture.review(["review", "main..feature", "--format", "json"], in: "linked/pkg")
            #expect(run.status == 1, "\(run.standardError)")
            #expect(try ReviewJSON(run).items(at: "pkg/a.go").contains("deferred-put:\(Self.leakLine)"))
        }
    }

    @Test func submoduleChangeIsSkipped() throws {
        try withGitFixture { fixture in
            try fixture.git("init", "-q", "library", in: "")
            try fixture.commit(["lib.go": "package lib\n"], message: "library", in: "library")
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.cleanPool)], head: [:])
            // A gitlink whose name ends in .go, so only the submodule check keeps it out.
            try fixture.git("submodule", "add", "-q", fixture.path("library"), "vendor.go")
            try fixture.git("commit", "-q", "-m", "add submodule")
            try fixture.commit(["lib.go": "package lib\n\nfunc F() {}\n"], message: "change", in: "repo/vendor.go")
            try fixture.git("commit", "-q", "-am", "bump submodule")

            for range in ["main~2..main~1", "main~1..main"] {
                let run = try fixture.review(["review", range, "--format", "json"])
                #expect(run.status == 0, "\(range): \(run.standardError)")
                let review = try ReviewJSON(run)
                #expect(review.findings.isEmpty, "\(range)")
                #expect(review.skipped.map(\.path) == ["vendor.go"], "\(range)")
                #expect(review.skipped.map(\.reason) == ["submodule"], "\(range)")
            }
        }
    }

    @Test func symlinkNamedLikeGoIsSkipped() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.leakingPool)], head: [:])
            try FileManager.default.createSymbolicLink(atPath: fixture.path("repo/pkg/x.go"), withDestinationPath: "a.go")
            try fixture.git("add", "-A")
            try fixture.git("commit", "-q", "-m", "link")

            let run = try fixture.review(["review", "main~1..main", "--format", "json"])
            #expect(run.status == 0, "\(run.standardError)")
            let review = try ReviewJSON(run)
            #expect(review.findings.isEmpty)
            // The review reads no file through the link.
            #expect(review.summary["goFilesAnalysed"] == 0)
            #expect(review.skipped.map(\.path) == ["pkg/x.go"])
        }
    }

    @Test(.enabled(if: getuid() == 0, "changing a folder's owner needs root"))
    func otherOwnerNeedsSafeDirectory() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.cleanPool)], head: ["pkg/a.go": goBytes(Self.leakingPool)])
            let repository = fixture.path("repo")
            // libgit2 compares the owner of the working tree's top folder and of .git with the
            // current user. Making them nobody's fakes a repository of another user.
            try fixture.run("/bin/chown", ["65534", repository, repository + "/.git"], in: "")
            defer { _ = try? fixture.run("/bin/chown", ["0", repository, repository + "/.git"], in: "") }

            let rejected = try fixture.review(["review", "main~1..main"])
            #expect(rejected.status == 2)
            #expect(rejected.standardOutput.isEmpty)
            #expect(rejected.standardError.contains("safe.directory"), "\(rejected.standardError)")
            #expect(rejected.standardError.contains(repository))
            #expect(rejected.standardError.split(separator: "\n").count == 1)

            // The command the message suggests, in the HOME the review reads, makes it work.
            try fixture.write(".gitconfig", "[safe]\n\tdirectory = \(repository)\n")
            let accepted = try fixture.review(["review", "main~1..main", "--format", "json"])
            #expect(accepted.status == 1, "\(accepted.standardError)")
            #expect(try ReviewJSON(accepted).items(at: "pkg/a.go").contains("deferred-put:\(Self.leakLine)"))
        }
    }

    // MARK: - Ranges

    @Test("empty and identical ranges", arguments: ["main..main", "main~1..main~1", "main..v1", "v1...main"])
    func emptyRangeHasNoFindings(range: String) throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.leakingPool)], head: ["pkg/b.go": goBytes("package pkg\n")])
            try fixture.git("tag", "v1")

            let run = try fixture.review(["review", range, "--format", "json"])
            #expect(run.status == 0, "\(run.standardError)")
            let review = try ReviewJSON(run)
            #expect(review.findings.isEmpty)
            #expect(review.summary["goFilesAnalysed"] == 0)
            let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
            let notes = object?["notes"] as? [String] ?? []
            #expect(notes.contains { $0.hasPrefix("the base and the head are the same commit") }, "\(notes)")
        }
    }

    @Test func rootCommitAsBase() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.cleanPool)], head: ["pkg/a.go": goBytes(Self.leakingPool)])
            let root = try fixture.gitLine("rev-list", "--max-parents=0", "main")

            let run = try fixture.review(["review", root + "..main", "--format", "json"])
            #expect(run.status == 1, "\(run.standardError)")
            #expect(try ReviewJSON(run).items(at: "pkg/a.go").contains("deferred-put:\(Self.leakLine)"))
        }
    }

    @Test func mergeCommitComparesWithEachParent() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.cleanPool)], head: [:])
            try fixture.git("checkout", "-q", "-b", "side")
            try fixture.commitBytes(["pkg/a.go": goBytes(Self.leakingPool)], message: "leak on side")
            try fixture.git("checkout", "-q", "main")
            try fixture.commitBytes(["README.md": goBytes("main\n")], message: "readme on main")
            try fixture.git("merge", "-q", "--no-edit", "side")

            // From the first parent the merge brings in the leak. From the second it brings
            // only the README.
            let first = try fixture.review(["review", "main^1..main", "--format", "json"])
            #expect(first.status == 1, "\(first.standardError)")
            #expect(try ReviewJSON(first).items(at: "pkg/a.go").contains("deferred-put:\(Self.leakLine)"))

            let second = try fixture.review(["review", "main^2..main", "--format", "json"])
            #expect(second.status == 0, "\(second.standardError)")
            #expect(try ReviewJSON(second).findings.isEmpty)
            #expect(try ReviewJSON(second).summary["otherFiles"] == 1)
        }
    }

    // MARK: - Kinds of change

    @Test func renamedAndModifiedFileKeepsDiffAwareness() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.leakingPool)], head: [:])
            try fixture.git("mv", "pkg/a.go", "pkg/renamed.go")
            try fixture.commitBytes(["pkg/renamed.go": goBytes(Self.leakingPool + "\nfunc Extra() {}\n")], message: "rename")

            let run = try fixture.review(["review", "main~1..main", "--format", "json"])
            #expect(run.status == 0, "\(run.standardError)")
            // The old leak is on untouched lines, so the rename does not report it again.
            let review = try ReviewJSON(run)
            #expect(review.findings.isEmpty, "\(review.findings)")
            #expect(review.summary["goFilesAnalysed"] == 1)
        }
    }

    @Test func deletedFilesAreCounted() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(
                base: ["pkg/a.go": goBytes(Self.leakingPool), "pkg/b.go": goBytes("package pkg\n")], head: ["pkg/a.go": nil])

            let run = try fixture.review(["review", "main~1..main", "--format", "json"])
            #expect(run.status == 0, "\(run.standardError)")
            let review = try ReviewJSON(run)
            #expect(review.findings.isEmpty)
            #expect(review.summary["goFilesDeleted"] == 1)
        }
    }

    @Test func modeOnlyChangeReportsNothing() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["pkg/a.go": goBytes(Self.leakingPool)], head: [:])
            try fixture.git("update-index", "--chmod=+x", "pkg/a.go")
            try fixture.git("commit", "-q", "-m", "mode")

            let run = try fixture.review(["review", "main~1..main", "--format", "json"])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(try ReviewJSON(run).findings.isEmpty)
        }
    }

    @Test("unusual path characters round-trip", arguments: [
        "with space/a b.go", "unicode/ünïcödé_日本.go", "tick/a`b``c.go", "brackets/[x](y)<z>.go", "dash/-leading.go",
        "quote/it's \"q\".go", "backslash/a\\b.go",
    ])
    func unusualPathRoundTrips(path: String) throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["README.md": goBytes("x\n")], head: [path: goBytes(Self.leakingPool)])

            let run = try fixture.review(["review", "main~1..main", "--format", "json"])
            #expect(run.status == 1, "\(run.standardError)")
            #expect(try ReviewJSON(run).items(at: path).contains("deferred-put:\(Self.leakLine)"))

            let text = try fixture.review(["review", "main~1..main", "--format", "text"])
            #expect(text.standardOutput.contains(path + ":\(Self.leakLine): warning: deferred-put:"))
        }
    }
}
