import Rendering
import ReviewModel
import Testing

@Suite("Text renderer")
struct TextRendererTests {
    private func render(_ report: Report, color: Bool = false) throws -> String {
        let options = RenderOptions(toolVersion: "1", usesANSIColor: color)
        return try TextRenderer().render(report, checklist: Fixtures.checklist, options: options)
    }

    @Test func findingsAreCompilerStyleLines() throws {
        let lines = try render(Fixtures.reportWithFindings).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0] == "cmd/server/main.go:18: info: size-cap: buffers of any size go back to bufPool")
        #expect(lines[1] == "internal/render/buffer.go:42: error: deferred-put: buf from bufPool.Get is not put back when render fails")
        #expect(lines[2] == "internal/render/buffer.go:57: warning: reset-before-use: buf is written before buf.Reset()")
    }

    @Test func summaryNamesCountsFilesAndRange() throws {
        let lastLine = try render(Fixtures.reportWithFindings).split(separator: "\n").last.map(String.init)
        let expected = "poolreview: 3 findings (1 error, 1 warning, 1 info) in 2 Go files, 3f2a9c1..9b8c7d6 "
            + "(base: merge base of HEAD and origin/main)"
        #expect(lastLine == expected)
    }

    @Test func cleanSummaryShowsBaseSpec() throws {
        #expect(try render(Fixtures.cleanReport) == "poolreview: no findings in 2 Go files, 3f2a9c1..9b8c7d6 (base: origin/release-1.4)\n")
    }

    @Test func wholeTreeSummaryAndSkippedFiles() throws {
        let lines = try render(Fixtures.wholeTreeReport).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1] == "internal/gen/tables.go: not analysed: the file is not valid UTF-8")
        #expect(lines[2] == "poolreview: 1 finding (1 error) in 14 Go files, whole tree at 9b8c7d6")
    }

    @Test func notesAreLinesBeforeSkippedFiles() throws {
        var report = Fixtures.wholeTreeReport
        report.notes = ["pkg/a.go:3: suppression names unknown item '\u{1B}[31m'"]
        let lines = try render(report).split(separator: "\n")
        let noteIndex = try #require(lines.firstIndex { $0.hasPrefix("poolreview: note: ") })
        #expect(lines[noteIndex] == "poolreview: note: pkg/a.go:3: suppression names unknown item '<U+001B>[31m'")
        let skippedIndex = try #require(lines.firstIndex { $0.contains(": not analysed: ") })
        #expect(noteIndex < skippedIndex)
    }

    @Test func colorWrapsSeverityAndPath() throws {
        let output = try render(Fixtures.wholeTreeReport, color: true)
        #expect(output.hasPrefix("\u{1B}[1minternal/cache/entry.go:88\u{1B}[0m: \u{1B}[1;31merror\u{1B}[0m: deferred-put: "))
    }

    @Test func withoutColorOutputHasNoEscapeSequences() throws {
        let output = try render(Hostile.report)
        #expect(!output.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    }

    @Test func escapeByteInPathIsShownNotSent() throws {
        var report = Fixtures.wholeTreeReport
        report.findings[0].path = "evil\u{1B}]0;owned\u{07}\u{1B}[2J.go"
        report.findings[0].message = "buf\u{1B}[31m is red\r"

        let plain = try render(report)
        #expect(plain.hasPrefix("evil<U+001B>]0;owned<U+0007><U+001B>[2J.go:88: error: deferred-put: buf<U+001B>[31m is red<U+000D>\n"))

        let colored = try render(report, color: true)
        var withoutOwnSequences = colored
        for sequence in ["\u{1B}[0m", "\u{1B}[1m", "\u{1B}[1;31m", "\u{1B}[33m", "\u{1B}[36m"] {
            withoutOwnSequences = withoutOwnSequences.replacing(sequence, with: "")
        }
        #expect(!withoutOwnSequences.unicodeScalars.contains("\u{1B}"))
    }

    @Test func hostileReportKeepsOneLinePerFinding() throws {
        let lines = try render(Hostile.report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("we`ird``/<script>alert(1)</script>/@someone/#12/new<U+000A>line/<U+202E>og.go:2: error: "))
        #expect(lines[3] == "")
        #expect(!lines.joined().unicodeScalars.contains { Hostile.invisibleScalars.contains($0.value) })
    }
}
