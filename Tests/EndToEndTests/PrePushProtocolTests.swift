import Foundation
@testable import PoolReviewCLI
import TestSupport
import Testing

/// `poolreview pre-push` fed git's hook input directly, for the cases a real push rarely produces.
@Suite("Pre-push protocol")
struct PrePushProtocolTests {
    private let sha1Zeros = String(repeating: "0", count: 40)
    private let sha256Zeros = String(repeating: "0", count: 64)

    @Test("input lines parse with both hash sizes")
    func parsesBothHashSizes() throws {
        let sha256 = String(repeating: "ab", count: 32)
        let input = """
            refs/heads/a \(String(repeating: "1", count: 40)) refs/heads/a \(sha1Zeros)
            (delete) \(sha256Zeros) refs/heads/b \(sha256)

            HEAD~ \(String(repeating: "f", count: 40)) refs/heads/c \(String(repeating: "e", count: 40))
            """
        let refs = try PushedRef.parseAll(input)
        #expect(refs.count == 3)
        #expect(refs[0].createsRemoteRef)
        #expect(!refs[0].isDeletion)
        #expect(refs[1].isDeletion)
        #expect(refs[1].remoteSHA == sha256)
        #expect(refs[2].localRef == "HEAD~")
        #expect(!refs[2].createsRemoteRef)
    }

    @Test("malformed lines are rejected by number")
    func malformedLines() {
        #expect(throws: PushInputError.wrongFieldCount(line: 1, text: "refs/heads/a abc", count: 2)) {
            try PushedRef.parseAll("refs/heads/a abc\n")
        }
        #expect(throws: PushInputError.invalidObjectID(line: 2, value: "xyz")) {
            try PushedRef.parseAll("\nrefs/heads/a xyz refs/heads/a \(sha1Zeros)\n")
        }
    }

    @Test("only deletions review nothing")
    func onlyDeletions() {
        let input = "(delete) \(sha1Zeros) refs/heads/a \(String(repeating: "1", count: 40))\n"
            + "(delete) \(sha256Zeros) refs/heads/b \(String(repeating: "2", count: 64))\n"
        for mode in ["warn", "block"] {
            let run = runTool(["pre-push", "origin", "/no/such/remote", "--mode", mode], in: "/", input: input)
            #expect(run.status == 0)
            #expect(run.standardOutput.isEmpty)
            #expect(run.standardError.isEmpty)
        }
    }

    @Test("empty input reviews nothing")
    func emptyInput() {
        let run = runTool(["pre-push", "origin", "url", "--mode", "block"], in: "/", input: "")
        #expect(run.status == 0)
        #expect(run.standardOutput.isEmpty)
    }

    @Test("failures exit 0 in warn, 2 in block", arguments: [
        (["pre-push", "origin", "url"], "refs/heads/a 123 refs/heads/a 456\n"),
        (["pre-push"], ""),
        (["pre-push", "origin", "url", "--colour"], ""),
        (["pre-push", "origin", "url"], "refs/heads/a \(String(repeating: "1", count: 40)) refs/heads/a \(String(repeating: "0", count: 40))\n"),
    ])
    func failuresFollowMode(arguments: [String], input: String) throws {
        try withGitFixture { fixture in
            try fixture.write("plain/readme.txt", "not a repository\n")
            let folder = fixture.path("plain")

            let warn = runTool(arguments, in: folder, input: input)
            #expect(warn.status == 0)
            #expect(warn.standardError.hasPrefix("poolreview: "), "\(warn.standardError)")
            #expect(warn.standardError.contains("the push goes ahead"))

            let block = runTool(arguments + ["--mode", "block"], in: folder, input: input)
            #expect(block.status == 2)
            #expect(block.standardError.contains("the push is stopped because the review failed"))
            #expect(block.standardError.contains("git push --no-verify"))
        }
    }

    @Test("remote commit missing here is explained")
    func remoteCommitMissing() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let unknown = String(repeating: "7", count: 40)
            let input = "refs/heads/csv-export \(try fixture.sha("csv-export")) refs/heads/csv-export \(unknown)\n"
            let run = runTool(["pre-push", "origin", fixture.path("remote.git")], in: fixture.path("repo"), input: input)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput.contains("7777777, which this repository does not have"))
            let expected = try fixture.range("main", "csv-export")
            #expect(reviewedRanges(in: run.standardOutput) == [expected])
        }
    }

    @Test("push to a URL falls back to main")
    func pushToURL() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let url = "file://" + fixture.path("remote.git")
            let input = "refs/heads/csv-export \(try fixture.sha("csv-export")) refs/heads/csv-export \(sha1Zeros)\n"
            let run = runTool(["pre-push", url, url, "--mode", "block"], in: fixture.path("repo"), input: input)
            #expect(run.status == 1, "\(run.standardError)")
            #expect(run.standardOutput.contains("merge base of csv-export and main (local branch main)"))
        }
    }
}
