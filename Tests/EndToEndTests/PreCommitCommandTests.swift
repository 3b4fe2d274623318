import Foundation
import TestSupport
import Testing

/// `poolreview pre-commit` with the variables the pre-commit framework sets, without the framework.
@Suite("pre-commit command")
struct PreCommitCommandTests {
    @Test("range comes from PRE_COMMIT refs")
    func rangeFromRefs() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let environment = [
                "PRE_COMMIT_FROM_REF": try fixture.sha("main"), "PRE_COMMIT_TO_REF": try fixture.sha("csv-export"),
                "PRE_COMMIT_REMOTE_BRANCH": "refs/heads/csv-export",
            ]
            let run = runTool(["pre-commit", "--mode", "block"], in: fixture.path("repo"), environment: environment)
            #expect(run.status == 1, "\(run.standardError)")
            #expect(run.standardOutput.contains("reviewing refs/heads/csv-export"))
            #expect(run.standardOutput.contains("(PRE_COMMIT_FROM_REF)"))
            let expected = try fixture.range("main", "csv-export")
            #expect(reviewedRanges(in: run.standardOutput) == [expected])
        }
    }

    @Test("root push uses the new-branch rule")
    func rootPushNewBranchRule() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let environment = [
                "PRE_COMMIT_REMOTE_NAME": "origin", "PRE_COMMIT_LOCAL_BRANCH": "refs/heads/csv-export",
                "PRE_COMMIT_REMOTE_BRANCH": "refs/heads/csv-export", "PRE_COMMIT_REMOTE_URL": fixture.path("remote.git"),
            ]
            let run = runTool(["pre-commit"], in: fixture.path("repo"), environment: environment)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput.contains("the nearest remote-tracking branch of origin"))
            let expected = try fixture.range("main", "csv-export")
            #expect(reviewedRanges(in: run.standardOutput) == [expected])
        }
    }

    @Test("manual run reviews HEAD against its base")
    func manualRun() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let run = runTool(["pre-commit", "--mode", "block"], in: fixture.path("repo"))
            #expect(run.status == 1, "\(run.standardError)")
            let expected = try fixture.range("main", "csv-export")
            #expect(reviewedRanges(in: run.standardOutput) == [expected])
        }
    }

    @Test("failure exits 0 in warn mode")
    func failureInWarnMode() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let environment = ["PRE_COMMIT_FROM_REF": "no-such-ref", "PRE_COMMIT_TO_REF": "HEAD"]
            let warn = runTool(["pre-commit"], in: fixture.path("repo"), environment: environment)
            #expect(warn.status == 0)
            #expect(warn.standardError.contains("no-such-ref"))
            let block = runTool(["pre-commit", "--mode", "block"], in: fixture.path("repo"), environment: environment)
            #expect(block.status == 2)
            #expect(block.standardError.contains("SKIP=poolreview git push"))
        }
    }
}
