import Rendering
import Testing

@Suite("Markdown golden files")
struct MarkdownGoldenTests {
    @Test func reportWithFindingsMatchesGolden() throws {
        let output = try MarkdownRenderer().render(Fixtures.reportWithFindings, checklist: Fixtures.checklist, options: Fixtures.options)
        Golden.expectMatch(output, file: "findings.md")
    }

    @Test func cleanReportMatchesGolden() throws {
        let output = try MarkdownRenderer().render(Fixtures.cleanReport, checklist: Fixtures.checklist, options: Fixtures.options)
        Golden.expectMatch(output, file: "clean.md")
    }

    @Test func wholeTreeReportMatchesGolden() throws {
        let output = try MarkdownRenderer().render(Fixtures.wholeTreeReport, checklist: Fixtures.checklist, options: Fixtures.options)
        Golden.expectMatch(output, file: "whole-tree.md")
    }
}
