import Foundation
import Rendering
import ReviewModel
import Testing

@Suite("reviewdog rdjson renderer")
struct RDJSONRendererTests {
    private func render(_ report: Report) throws -> String {
        try RDJSONRenderer().render(report, checklist: Fixtures.checklist, options: Fixtures.options)
    }

    private func result(_ report: Report) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(try render(report).utf8))
        return try #require(object as? [String: Any])
    }

    private func diagnostics(_ report: Report) throws -> [[String: Any]] {
        try #require(try result(report)["diagnostics"] as? [[String: Any]])
    }

    // MARK: - Golden files

    @Test func reportWithFindingsMatchesGolden() throws {
        Golden.expectMatch(try render(Fixtures.reportWithFindings), file: "findings.rdjson")
    }

    @Test func cleanReportMatchesGolden() throws {
        Golden.expectMatch(try render(Fixtures.cleanReport), file: "clean.rdjson")
    }

    @Test func wholeTreeReportMatchesGolden() throws {
        Golden.expectMatch(try render(Fixtures.wholeTreeReport), file: "whole-tree.rdjson")
    }

    // MARK: - Diagnostics

    @Test func sourceNamesTool() throws {
        #expect(try result(Fixtures.cleanReport)["source"] as? [String: String] == ["name": "poolreview"])
        #expect(try diagnostics(Fixtures.cleanReport).isEmpty)
    }

    @Test func diagnosticHasReviewdogFields() throws {
        let diagnostic = try diagnostics(Fixtures.reportWithFindings)[2]
        #expect(diagnostic["message"] as? String == "buf is written before buf.Reset()")
        #expect(diagnostic["severity"] as? String == "WARNING")
        #expect(diagnostic["code"] as? [String: String] == ["value": "reset-before-use"])

        let location = try #require(diagnostic["location"] as? [String: Any])
        #expect(location["path"] as? String == "internal/render/buffer.go")
        let range = try #require(location["range"] as? [String: [String: Int]])
        #expect(range["start"] == ["line": 57])
        #expect(range["end"] == ["line": 59])
    }

    @Test(arguments: [(Severity.error, "ERROR"), (.warning, "WARNING"), (.info, "INFO")])
    func severityMapsToRDJSONName(severity: Severity, expected: String) {
        #expect(RDJSONRenderer.severity(of: severity) == expected)
    }

    @Test func diagnosticsKeepReportOrder() throws {
        let codes = try diagnostics(Fixtures.reportWithFindings).map { ($0["code"] as? [String: String])?["value"] }
        #expect(codes == ["size-cap", "deferred-put", "reset-before-use"])
    }

    // MARK: - Hostile input

    @Test func hostileStringsRoundTripUnchanged() throws {
        let diagnostic = try #require(try diagnostics(Hostile.report).first)
        #expect(diagnostic["message"] as? String == Hostile.message)
        #expect((diagnostic["location"] as? [String: Any])?["path"] as? String == Hostile.path)
    }

    @Test func controlCharactersStayValidJSON() throws {
        let text = String(String.UnicodeScalarView((0...0x20).compactMap(Unicode.Scalar.init)))
            + "\u{7F}\u{85}\u{2028}\u{2029}\u{202E}\"\\/::%,é🙂"
        var report = Fixtures.wholeTreeReport
        report.findings[0].path = text
        report.findings[0].message = text

        let output = try render(report)
        #expect(!output.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(!output.unicodeScalars.contains { Hostile.invisibleScalars.contains($0.value) })

        let diagnostic = try #require(try diagnostics(report).first)
        #expect(diagnostic["message"] as? String == text)
        #expect((diagnostic["location"] as? [String: Any])?["path"] as? String == text)
    }
}
