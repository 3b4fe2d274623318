import Foundation
import Rendering
import ReviewModel
import Testing

@Suite("GitLab Code Quality renderer")
struct CodeQualityRendererTests {
    private func render(_ report: Report) throws -> String {
        try CodeQualityRenderer().render(report, checklist: Fixtures.checklist, options: Fixtures.options)
    }

    private func issues(_ report: Report) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(try render(report).utf8))
        return try #require(object as? [[String: Any]])
    }

    // MARK: - Golden files

    @Test func reportWithFindingsMatchesGolden() throws {
        Golden.expectMatch(try render(Fixtures.reportWithFindings), file: "findings.codeclimate.json")
    }

    @Test func cleanReportIsEmptyArray() throws {
        #expect(try render(Fixtures.cleanReport) == "[]\n")
    }

    @Test func wholeTreeReportMatchesGolden() throws {
        Golden.expectMatch(try render(Fixtures.wholeTreeReport), file: "whole-tree.codeclimate.json")
    }

    // MARK: - Issues

    @Test func issueHasGitLabFields() throws {
        let issue = try issues(Fixtures.reportWithFindings)[2]
        #expect(issue["type"] as? String == "issue")
        #expect(issue["check_name"] as? String == "reset-before-use")
        #expect(issue["description"] as? String == "Reset Before Use: buf is written before buf.Reset()")
        #expect(issue["severity"] as? String == "major")

        let location = try #require(issue["location"] as? [String: Any])
        #expect(location["path"] as? String == "internal/render/buffer.go")
        #expect(location["lines"] as? [String: Int] == ["begin": 57, "end": 59])
    }

    @Test(arguments: [(Severity.error, "critical"), (.warning, "major"), (.info, "info")])
    func severityMapsToCodeClimateScale(severity: Severity, expected: String) {
        #expect(CodeQualityRenderer.severity(of: severity) == expected)
    }

    @Test func severitiesFollowFindings() throws {
        let severities = try issues(Fixtures.reportWithFindings).map { $0["severity"] as? String }
        #expect(severities == ["info", "critical", "major"])
    }

    @Test func fingerprintsAreStableAndUnique() throws {
        var report = Fixtures.reportWithFindings
        report.findings.append(report.findings[1])
        report.findings[3].line = 142
        let fingerprints = try issues(report).compactMap { $0["fingerprint"] as? String }

        #expect(fingerprints == FindingFingerprint.fingerprints(of: report.findings))
        #expect(Set(fingerprints).count == 4)
        #expect(fingerprints[1].dropLast(2) == fingerprints[3].dropLast(2))
    }

    @Test func missingChecklistItemIsAnError() {
        var checklist = Fixtures.checklist
        checklist.items.removeAll { $0.id == .deferredPut }
        #expect(throws: RenderingError.missingChecklistItem(.deferredPut)) {
            try CodeQualityRenderer().render(Fixtures.wholeTreeReport, checklist: checklist, options: Fixtures.options)
        }
    }

    // MARK: - Hostile input

    @Test func hostileStringsRoundTripUnchanged() throws {
        let issue = try #require(try issues(Hostile.report).first)
        let location = try #require(issue["location"] as? [String: Any])
        #expect(location["path"] as? String == Hostile.path)
        #expect(issue["description"] as? String == "Deferred Put: " + Hostile.message)
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

        let issue = try #require(try issues(report).first)
        #expect((issue["location"] as? [String: Any])?["path"] as? String == text)
        #expect(issue["description"] as? String == "Deferred Put: " + text)
    }
}
