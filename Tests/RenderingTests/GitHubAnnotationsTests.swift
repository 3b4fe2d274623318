@testable import Rendering
import ReviewModel
import Testing

@Suite("GitHub annotations renderer")
struct GitHubAnnotationsTests {
    private func render(_ report: Report, options: RenderOptions = Fixtures.options) throws -> String {
        try GitHubAnnotationsRenderer().render(report, checklist: Fixtures.checklist, options: options)
    }

    private func lines(_ report: Report, options: RenderOptions = Fixtures.options) throws -> [String] {
        try render(report, options: options).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func commands(_ report: Report, options: RenderOptions = Fixtures.options) throws -> [RunnerCommand] {
        try lines(report, options: options).compactMap(RunnerCommand.init(line:))
    }

    // MARK: - Golden files

    @Test func reportWithFindingsMatchesGolden() throws {
        Golden.expectMatch(try render(Fixtures.reportWithFindings), file: "findings.github.txt")
    }

    @Test func cleanReportMatchesGolden() throws {
        Golden.expectMatch(try render(Fixtures.cleanReport), file: "clean.github.txt")
    }

    @Test func wholeTreeReportMatchesGolden() throws {
        Golden.expectMatch(try render(Fixtures.wholeTreeReport), file: "whole-tree.github.txt")
    }

    // MARK: - Commands

    @Test func findingBecomesOneCommandLine() throws {
        let lines = try lines(Fixtures.reportWithFindings)
        #expect(lines.count == 5)
        #expect(lines[0] == "::notice file=cmd/server/main.go,line=18,endLine=18,title=Size Cap on Put (size-cap)::buffers of any size go back to bufPool")
        #expect(lines[1].hasPrefix("::error file=internal/render/buffer.go,line=42,endLine=42,title=Deferred Put (deferred-put)::"))
        #expect(lines[2] == "::warning file=internal/render/buffer.go,line=57,endLine=59,title=Reset Before Use (reset-before-use)::buf is written before buf.Reset()")
        #expect(lines[3].hasPrefix("poolreview: 3 findings (1 error, 1 warning, 1 info) in 2 Go files, 3f2a9c1..9b8c7d6"))
        #expect(lines[4] == "")
    }

    @Test func runnerReadsPropertiesAndMessage() throws {
        let command = try #require(try commands(Fixtures.reportWithFindings).dropFirst().first)
        #expect(command.name == "error")
        #expect(command.properties == [
            "file": "internal/render/buffer.go", "line": "42", "endLine": "42", "title": "Deferred Put (deferred-put)",
        ])
        #expect(command.message == "buf from bufPool.Get is not put back when render fails")
    }

    @Test func skippedFilesAndNotesArePlainLines() throws {
        var report = Fixtures.wholeTreeReport
        report.notes = ["internal/cache/entry.go:12: //poolreview:ignore names the unknown item 'defered-put'"]
        let lines = try lines(report)
        #expect(lines[1] == "poolreview: note: internal/cache/entry.go:12: //poolreview:ignore names the unknown item 'defered-put'")
        #expect(lines[2] == "poolreview: not analysed: internal/gen/tables.go: the file is not valid UTF-8")
        #expect(lines[3] == "poolreview: 1 finding (1 error) in 14 Go files, whole tree at 9b8c7d6")
    }

    // MARK: - Escaping

    @Test(arguments: [
        ("100% done", "100%25 done"),
        ("a\r\nb\nc\rd", "a%0D%0Ab%0Ac%0Dd"),
        ("%0A", "%250A"),
        ("a::b,c:d", "a::b,c:d"),
    ])
    func dataEscapingMatchesToolkit(text: String, expected: String) {
        #expect(WorkflowCommand.escapedData(text) == expected)
    }

    @Test(arguments: [
        ("100% done", "100%25 done"),
        ("a\r\nb", "a%0D%0Ab"),
        ("a::b,c:d", "a%3A%3Ab%2Cc%3Ad"),
        (",\u{301}x", "%2C\u{301}x"),
        ("%3A", "%253A"),
    ])
    func propertyEscapingMatchesToolkit(text: String, expected: String) {
        #expect(WorkflowCommand.escapedProperty(text) == expected)
    }

    @Test func specialPathCharactersRoundTrip() throws {
        var report = Fixtures.wholeTreeReport
        report.findings[0].path = "dir,with:colons/100%/a=b::c.go"
        report.findings[0].message = "buf:: leaked, 100% of the time %0A::error::x"
        let command = try #require(try commands(report).first)
        #expect(command.properties["file"] == "dir,with:colons/100%/a=b::c.go")
        #expect(command.properties["line"] == "88")
        #expect(command.message == "buf:: leaked, 100% of the time %0A::error::x")
        #expect(command.properties.count == 4)
    }

    // MARK: - Hostile input

    @Test func hostileTextCannotStartACommand() throws {
        var report = Hostile.report
        report.findings[0].message = "x\n::error file=evil.go::owned\r::add-mask::secret ##[add-mask]secret"
        report.findings[0].path = "a.go\n::warning::injected,title=x"
        report.notes = ["note\n::error::from a note ##[error]legacy"]
        report.files.skipped = [SkippedFile(path: "##[add-mask]x.go", reason: "::stop-commands::token\n::error::y")]

        let lines = try lines(report)
        let commandLines = lines.filter { RunnerCommand(line: $0) != nil }
        #expect(commandLines.count == 1)
        for line in lines where RunnerCommand(line: line) == nil {
            #expect(line.isEmpty || line.hasPrefix("poolreview: "), "\(line)")
            #expect(!RunnerCommand.containsLegacyCommandPrefix(line), "\(line)")
        }

        let command = try #require(RunnerCommand(line: commandLines[0]))
        #expect(command.name == "error")
        #expect(Set(command.properties.keys) == ["file", "line", "endLine", "title"])
        #expect(command.properties["file"] == "a.go<U+000A>::warning::injected,title=x")
        #expect(command.message == "x<U+000A>::error file=evil.go::owned<U+000D>::add-mask::secret ##[add-mask]secret")
        #expect(lines.contains("poolreview: not analysed: ##<U+005B>add-mask]x.go: ::stop-commands::token<U+000A>::error::y"))
    }

    @Test func hostileReportHasNoInvisibleCharacters() throws {
        let output = try render(Hostile.report)
        #expect(!output.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(!output.unicodeScalars.contains { Hostile.invisibleScalars.contains($0.value) })
        #expect(output.split(separator: "\n").count == 3)
    }

    @Test func unicodeLineBreaksStayOnOneLine() throws {
        var report = Fixtures.wholeTreeReport
        report.findings[0].message = "a\u{85}b\u{2028}c\u{2029}d\u{0B}e\u{0C}f"
        let lines = try lines(report)
        #expect(lines[0].hasSuffix("::a<U+0085>b<U+2028>c<U+2029>d<U+000B>e<U+000C>f"))
    }

    // MARK: - Annotation limit

    /// Findings in report order with the given severities, each on its own line.
    private func report(_ severities: [Severity]) -> Report {
        let findings = severities.enumerated().map { index, severity in
            Fixtures.finding(.deferredPut, "pkg/file.go", line: index + 1, severity, "buf\(index) is not put back")
        }
        return Report(
            base: Fixtures.base, head: Fixtures.head, files: Fixtures.files(analysed: 1),
            checklist: Fixtures.statuses([.deferredPut: .finding]), findings: findings)
    }

    private func annotationCounts(_ commands: [RunnerCommand]) -> [String: Int] {
        commands.reduce(into: [:]) { counts, command in counts[command.name, default: 0] += 1 }
    }

    @Test func twentyFiveErrorsGetTenAnnotationsAndNotice() throws {
        let commands = try commands(report(Array(repeating: .error, count: 25)))
        #expect(annotationCounts(commands) == ["error": 10, "notice": 1])
        #expect(commands.prefix(10).map { $0.properties["line"] } == (1...10).map { String($0) })

        let notice = try #require(commands.last)
        #expect(notice.name == "notice")
        #expect(notice.properties == ["title": "poolreview"])
        #expect(notice.message == "15 more findings (15 errors) have no annotation, because this step shows at most 10 annotations "
            + "of each severity. All 25 findings are in the Markdown review.")
    }

    @Test func mixedSeveritiesAreLimitedEach() throws {
        let severities: [Severity] = Array(repeating: .error, count: 12) + Array(repeating: .warning, count: 12) + [.info]
        let commands = try commands(report(severities))
        #expect(annotationCounts(commands) == ["error": 10, "warning": 10, "notice": 2])
        #expect(commands.last?.message.hasPrefix("4 more findings (2 errors, 2 warnings) have no annotation") == true)
    }

    @Test func noticeKeepsASlotForTheOmissionNotice() throws {
        let commands = try commands(report(Array(repeating: .info, count: 25)))
        #expect(annotationCounts(commands) == ["notice": 10])
        #expect(commands.last?.message.hasPrefix("16 more findings (16 info) have no annotation") == true)
    }

    @Test func tenOfEachSeverityNeedNoNotice() throws {
        let severities: [Severity] = Array(repeating: .error, count: 10) + Array(repeating: .warning, count: 10)
            + Array(repeating: .info, count: 5)
        let commands = try commands(report(severities))
        #expect(commands.count == 25)
        #expect(annotationCounts(commands) == ["error": 10, "warning": 10, "notice": 5])
    }

    @Test func limitIsARenderOption() throws {
        let options = RenderOptions(toolVersion: "1", maxAnnotationsPerSeverity: 3, fullReviewLocation: "the poolreview-review artifact")
        let commands = try commands(report(Array(repeating: .warning, count: 25)), options: options)
        #expect(annotationCounts(commands) == ["warning": 3, "notice": 1])
        #expect(commands.last?.message == "22 more findings (22 warnings) have no annotation, because this step shows at most "
            + "3 annotations of each severity. All 25 findings are in the poolreview-review artifact.")
    }

    @Test(arguments: [0, -1])
    func limitBelowOneIsAnError(limit: Int) {
        #expect(throws: RenderingError.invalidAnnotationLimit(limit)) {
            try render(Fixtures.reportWithFindings, options: RenderOptions(toolVersion: "1", maxAnnotationsPerSeverity: limit))
        }
    }
}
