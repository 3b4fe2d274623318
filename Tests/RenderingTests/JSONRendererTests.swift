import Foundation
import Rendering
import ReviewModel
import Testing

@Suite("JSON renderer")
struct JSONRendererTests {
    private func render(_ report: Report) throws -> String {
        try JSONRenderer().render(report, checklist: Fixtures.checklist, options: Fixtures.options)
    }

    private func parse(_ report: Report, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let data = Data(try render(report).utf8)
        let object = try JSONSerialization.jsonObject(with: data)
        return try #require(object as? [String: Any], sourceLocation: sourceLocation)
    }

    @Test func contractFieldsHaveDocumentedValues() throws {
        let json = try parse(Fixtures.reportWithFindings)
        #expect(json["base"] as? String == Fixtures.base.sha)
        #expect(json["head"] as? String == Fixtures.head.sha)

        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 3)
        let warning = findings[2]
        #expect(warning["item"] as? String == "reset-before-use")
        #expect(warning["path"] as? String == "internal/render/buffer.go")
        #expect(warning["line"] as? Int == 57)
        #expect(warning["endLine"] as? Int == 59)
        #expect(warning["severity"] as? String == "warning")
        #expect(warning["message"] as? String == "buf is written before buf.Reset()")
        #expect(warning["bugs"] as? [String] == ["forgotten-reset", "get-without-put"])

        let checklist = try #require(json["checklist"] as? [[String: String]])
        #expect(checklist.map { $0["item"] } == ChecklistItemID.allCases.map(\.rawValue))
        #expect(checklist[0]["status"] == "clean")
        #expect(checklist[2]["status"] == "finding")
        #expect(checklist[11]["status"] == "untouched")
    }

    @Test func contractKeysComeFirstInOrder() throws {
        let output = try render(Fixtures.reportWithFindings)
        let positions = ["\"base\"", "\"head\"", "\"findings\"", "\"checklist\""].map { output.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(output.hasPrefix("{\n  \"base\": "))
    }

    @Test func findingKeysKeepContractOrder() throws {
        let output = try render(Fixtures.wholeTreeReport)
        let keys = ["\"item\"", "\"path\"", "\"line\"", "\"endLine\"", "\"severity\"", "\"message\"", "\"bugs\""]
        let positions = keys.compactMap { output.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
    }

    @Test func addedFieldsDescribeTheReview() throws {
        let json = try parse(Fixtures.wholeTreeReport)
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary["findings"] == 1)
        #expect(summary["errors"] == 1)
        #expect(summary["goFilesAnalysed"] == 14)
        #expect(json["reviewsWholeTree"] as? Bool == true)
        #expect(json["baseNote"] is NSNull)
        let skipped = try #require(json["skipped"] as? [[String: String]])
        #expect(skipped == [["path": "internal/gen/tables.go", "reason": "the file is not valid UTF-8"]])
        let tool = try #require(json["tool"] as? [String: String])
        #expect(tool == ["name": "poolreview", "version": Fixtures.version])
    }

    @Test func notesAreListed() throws {
        var report = Fixtures.cleanReport
        #expect(try parse(report)["notes"] as? [String] == [])
        report.notes = ["pkg/a.go:3: suppression names unknown item 'defered-put'", "x\u{202E}\n"]
        #expect(try parse(report)["notes"] as? [String] == report.notes)
    }

    @Test func hostileStringsRoundTripUnchanged() throws {
        let json = try parse(Hostile.report)
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(finding["path"] as? String == Hostile.path)
        #expect(finding["message"] as? String == Hostile.message)
        #expect(json["baseSpec"] as? String == Hostile.spec)
        #expect(json["baseNote"] as? String == Hostile.baseNote)
        let skipped = try #require((json["skipped"] as? [[String: String]])?.first)
        #expect(skipped["reason"] == Hostile.skipReason)
    }

    @Test func everyControlCharacterRoundTrips() throws {
        let text = String(String.UnicodeScalarView((0...0x20).compactMap(Unicode.Scalar.init)))
            + "\u{7F}\u{2028}\u{2029}\u{202E}\"\\/é🙂"
        var report = Fixtures.wholeTreeReport
        report.findings[0].path = text
        report.findings[0].message = text

        let output = try render(report)
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!output.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{7F}" })

        let finding = try #require((try parse(report)["findings"] as? [[String: Any]])?.first)
        #expect(finding["path"] as? String == text)
        #expect(finding["message"] as? String == text)
    }

    @Test func invisibleCharactersAreEscapedAndRoundTrip() throws {
        let text = "a\u{202E}b\u{2066}c\u{200B}d\u{85}e\u{FEFF}f\u{E0041}g"
        var report = Fixtures.wholeTreeReport
        report.findings[0].message = text

        let output = try render(report)
        #expect(output.contains("\"a\\u202eb\\u2066c\\u200bd\\u0085e\\ufefff\\udb40\\udc41g\""))
        #expect(!output.unicodeScalars.contains { $0.value > 0x7E })

        let finding = try #require((try parse(report)["findings"] as? [[String: Any]])?.first)
        #expect(finding["message"] as? String == text)
    }
}
