import Foundation
import TestSupport
import Testing

/// Real `git push` runs through the hook that `poolreview hook install` writes.
@Suite("Pre-push hook")
struct PrePushHookTests {
    @Test("block mode stops a push with errors")
    func blockModeStopsPush() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let install = try binaryOutcome(fixture, ["hook", "install", "--mode", "block"])
            #expect(install.status == 0, "\(install.standardError)")
            #expect(install.standardOutput.contains(fixture.path("repo/.git/hooks/pre-push")))

            let push = try gitOutcome(fixture, ["push", "origin", "csv-export"])
            let output = push.standardOutput + push.standardError
            #expect(push.status != 0, "\(output)")
            #expect(output.contains("receipt.go:"))
            #expect(output.contains("error: reset-before-use"))
            #expect(output.contains("the push is stopped"))
            #expect(output.contains("git push --no-verify"))
            #expect(output.contains("//poolreview:ignore ITEM reason"))
            #expect(try !fixture.remoteHasBranch("csv-export"))

            let skipped = try gitOutcome(fixture, ["push", "--no-verify", "origin", "csv-export"])
            #expect(skipped.status == 0)
            #expect(try fixture.remoteHasBranch("csv-export"))
        }
    }

    @Test("warn mode lets the push through")
    func warnModeAllowsPush() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let install = try binaryOutcome(fixture, ["hook", "install"])
            #expect(install.status == 0, "\(install.standardError)")
            #expect(install.standardOutput.contains("mode warn"))

            let push = try gitOutcome(fixture, ["push", "origin", "csv-export"])
            let output = push.standardOutput + push.standardError
            #expect(push.status == 0, "\(output)")
            #expect(output.contains("error: copy-before-put"))
            #expect(output.contains("warn mode, so the push goes ahead"))
            #expect(try fixture.remoteHasBranch("csv-export"))
        }
    }

    @Test("full review command reproduces the findings")
    func fullReviewLine() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            _ = try binaryOutcome(fixture, ["hook", "install"])
            let push = try gitOutcome(fixture, ["push", "origin", "csv-export"])
            let ranges = reviewedRanges(in: push.standardOutput + push.standardError)
            let expected = try fixture.range("main", "csv-export")
            #expect(ranges == [expected])

            let review = try binaryOutcome(fixture, ["review", expected])
            #expect(review.status == 1)
            #expect(review.standardOutput.hasPrefix("<!-- poolreview:review -->"))
        }
    }

    @Test("new branch starts at nearest tracking branch")
    func newBranchNearestTrackingBranch() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            // `csv-export` is on the remote; `follow-up` adds one clean commit on top of it.
            try fixture.git("push", "-q", "origin", "csv-export")
            try fixture.git("checkout", "-q", "-b", "follow-up")
            try fixture.commit(["notes.txt": "later\n"], message: "Add notes")
            _ = try binaryOutcome(fixture, ["hook", "install", "--mode", "block"])

            let push = try gitOutcome(fixture, ["push", "origin", "follow-up"])
            let output = push.standardOutput + push.standardError
            #expect(push.status == 0, "\(output)")
            let expected = try fixture.range("csv-export", "follow-up")
            #expect(reviewedRanges(in: output) == [expected])
            #expect(output.contains("origin/csv-export (the nearest remote-tracking branch of origin)"))
            #expect(!output.contains("reset-before-use"))
        }
    }

    @Test("existing branch is reviewed from the remote commit")
    func existingBranchFromRemoteCommit() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try fixture.git("push", "-q", "origin", "csv-export")
            let before = try fixture.sha("csv-export")
            try fixture.commit(["notes.txt": "later\n"], message: "Add notes")
            _ = try binaryOutcome(fixture, ["hook", "install", "--mode", "block"])

            let push = try gitOutcome(fixture, ["push", "origin", "csv-export"])
            let output = push.standardOutput + push.standardError
            #expect(push.status == 0, "\(output)")
            let expected = before + ".." + (try fixture.sha("csv-export"))
            #expect(reviewedRanges(in: output) == [expected])
            #expect(output.contains("refs/heads/csv-export on origin before this push"))
        }
    }

    @Test("forced push uses the new-branch rule")
    func forcedPush() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try fixture.git("push", "-q", "origin", "csv-export")
            try fixture.git("commit", "-q", "--amend", "-m", "Add CSV export, reworded")
            _ = try binaryOutcome(fixture, ["hook", "install", "--mode", "block"])

            let push = try gitOutcome(fixture, ["push", "--force", "origin", "csv-export"])
            let output = push.standardOutput + push.standardError
            #expect(push.status != 0, "\(output)")
            #expect(output.contains("so this is a forced push"))
            let expected = try fixture.range("main", "csv-export")
            #expect(reviewedRanges(in: output) == [expected])
        }
    }

    @Test("deletion is skipped")
    func deletionSkipped() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try fixture.git("push", "-q", "--no-verify", "origin", "csv-export")
            _ = try binaryOutcome(fixture, ["hook", "install", "--mode", "block"])

            let push = try gitOutcome(fixture, ["push", "origin", "--delete", "csv-export"])
            let output = push.standardOutput + push.standardError
            #expect(push.status == 0, "\(output)")
            #expect(!output.contains("poolreview: reviewing"))
            #expect(try !fixture.remoteHasBranch("csv-export"))
        }
    }

    @Test("two refs reviewed once per range")
    func twoRefsOneRange() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try fixture.git("branch", "csv-export-copy", "csv-export")
            try fixture.git("checkout", "-q", "-b", "docs", "main")
            try fixture.commit(["notes.txt": "docs\n"], message: "Add notes")
            _ = try binaryOutcome(fixture, ["hook", "install"])

            let push = try gitOutcome(fixture, ["push", "origin", "csv-export", "csv-export-copy", "docs"])
            let output = push.standardOutput + push.standardError
            #expect(push.status == 0, "\(output)")
            let expected: Set = [try fixture.range("main", "csv-export"), try fixture.range("main", "docs")]
            let ranges = reviewedRanges(in: output)
            #expect(ranges.count == 2, "\(output)")
            #expect(Set(ranges) == expected)
            #expect(output.contains("reviewing refs/heads/csv-export, refs/heads/csv-export-copy"))
            #expect(output.components(separatedBy: "error: reset-before-use").count == 2)
        }
    }

    @Test("branch without shared history is not reviewed")
    func unrelatedBranchNotReviewed() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try fixture.git("checkout", "-q", "--orphan", "island")
            try fixture.commit(message: "Start over")
            _ = try binaryOutcome(fixture, ["hook", "install", "--mode", "block"])

            let push = try gitOutcome(fixture, ["push", "origin", "island"])
            let output = push.standardOutput + push.standardError
            #expect(push.status == 0, "\(output)")
            #expect(output.contains("nothing is reviewed rather than its whole history"))
            #expect(reviewedRanges(in: output).isEmpty)
        }
    }
}
