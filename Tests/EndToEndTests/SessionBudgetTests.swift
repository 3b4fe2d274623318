import PoolReviewCLI
import ReviewModel
import TestSupport
import Testing

@Suite("Review session budget")
struct SessionBudgetTests {
    @Test("file over budget is skipped")
    func fileOverBudgetIsSkipped() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            var session = ReviewSession()
            session.fileBudget = .zero
            let report = try session.run(ReviewRequest(repositoryPath: fixture.path("repo"), range: "main..csv-export"))
            #expect(report.findings.isEmpty)
            #expect(report.files.skipped.map(\.path) == ["receipt.go"])
            #expect(report.files.skipped.first?.reason.contains("longer than") == true)
            #expect(report.files.goFilesAnalysed == 0)
        }
    }

    @Test("file within budget is reviewed")
    func fileWithinBudgetIsReviewed() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let report = try ReviewSession().run(ReviewRequest(repositoryPath: fixture.path("repo"), range: "main..csv-export"))
            #expect(!report.findings.isEmpty)
            #expect(report.files.skipped.isEmpty)
            #expect(report.files.goFilesAnalysed == 1)
        }
    }
}
