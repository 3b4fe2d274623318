import ChecklistData
import Rendering
import ReviewModel
import Testing

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    private func render(_ report: Report, options: RenderOptions = Fixtures.options) throws -> String {
        try MarkdownRenderer().render(report, checklist: Fixtures.checklist, options: options)
    }

    // MARK: - Structure

    @Test func firstLineIsStickyMarker() throws {
        for report in [Fixtures.reportWithFindings, Fixtures.cleanReport, Fixtures.wholeTreeReport] {
            let output = try render(report)
            #expect(output.split(separator: "\n").first == "<!-- poolreview:review -->")
        }
    }

    @Test func customTemplateStillGetsStickyMarker() throws {
        let options = RenderOptions(toolVersion: "1", markdownTemplate: "{{findingCount}} findings\n")
        #expect(try render(Fixtures.reportWithFindings, options: options) == "<!-- poolreview:review -->\n3 findings\n")
    }

    @Test func summaryShowsBaseNoteWhenBaseWasChosen() throws {
        let output = try render(Fixtures.reportWithFindings)
        #expect(output.contains("in 2 Go files changed in `3f2a9c1..9b8c7d6` (base: merge base of HEAD and origin/main)."))
    }

    @Test func summaryShowsBaseSpecWhenUserNamedIt() throws {
        let output = try render(Fixtures.cleanReport)
        #expect(output.contains("(base: `origin/release-1.4`)"))
    }

    @Test func checklistTableHasTwelveRows() throws {
        let rows = try render(Fixtures.cleanReport).split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| #") }
        #expect(rows.count == 12)
    }

    // MARK: - Bug explanations

    @Test func mostSevereFindingHoldsExplanation() throws {
        // The info finding on line 18 comes first and links the same bug as the error below.
        var report = Fixtures.reportWithFindings
        report.findings[0].bugs = ["get-without-put"]
        let output = try render(report)

        let sections = output.components(separatedBy: "\n#### ")
        let info = try #require(sections.first { $0.hasPrefix("info: `cmd/server/main.go:18`") })
        let error = try #require(sections.first { $0.hasPrefix("error: `internal/render/buffer.go:42`") })
        let warning = try #require(sections.first { $0.hasPrefix("warning: `internal/render/buffer.go:57-59`") })
        #expect(error.contains("<details><summary>Get without Put</summary>"))
        #expect(!info.contains("<details>"))
        #expect(info.contains("Get without Put: explained under `internal/render/buffer.go:42`."))
        #expect(warning.contains("Get without Put: explained under `internal/render/buffer.go:42`."))
        #expect(output.components(separatedBy: "<summary>Get without Put</summary>").count == 2)
    }

    @Test func equalSeverityKeepsFirstFinding() throws {
        var report = Fixtures.reportWithFindings
        report.findings[2].severity = .error
        let output = try render(report)
        let sections = output.components(separatedBy: "\n#### ")
        let later = try #require(sections.first { $0.hasPrefix("error: `internal/render/buffer.go:57-59`") })
        #expect(later.contains("Get without Put: explained under `internal/render/buffer.go:42`."))
    }

    // MARK: - Links

    @Test func locationLinksToHTTPSURL() throws {
        let options = RenderOptions(toolVersion: "1", sourceLink: { path, line, _ in "https://forge.example/blob/main/\(path)#L\(line)" })
        let output = try render(Fixtures.wholeTreeReport, options: options)
        #expect(output.contains("#### error: [`internal/cache/entry.go:88`](https://forge.example/blob/main/internal/cache/entry.go#L88)"))
    }

    @Test func linkBuilderGetsFirstAndLastLine() throws {
        let options = RenderOptions(
            toolVersion: "1", sourceLink: { path, line, endLine in "https://forge.example/\(path)#L\(line)-L\(endLine)" })
        let output = try render(Fixtures.reportWithFindings, options: options)
        #expect(output.contains("[`internal/render/buffer.go:57-59`](https://forge.example/internal/render/buffer.go#L57-L59)"))
        #expect(output.contains("[`internal/render/buffer.go:42`](https://forge.example/internal/render/buffer.go#L42-L42)"))
    }

    @Test(arguments: ["http://forge.example/x", "javascript:alert(1)", "HTTPS:", "https:///path", "//forge.example/x", "data:text/html,x"])
    func locationIgnoresNonHTTPSURL(url: String) throws {
        let options = RenderOptions(toolVersion: "1", sourceLink: { _, _, _ in url })
        let output = try render(Fixtures.wholeTreeReport, options: options)
        #expect(output.contains("#### error: `internal/cache/entry.go:88`\n"))
    }

    @Test func linkTargetIsPercentEncoded() throws {
        let options = RenderOptions(toolVersion: "1", sourceLink: { _, _, _ in "https://forge.example/a b/(x)<y>\"z\"`q`?a=1&lt;" })
        let output = try render(Fixtures.wholeTreeReport, options: options)
        #expect(output.contains("](https://forge.example/a%20b/%28x%29%3Cy%3E%22z%22%60q%60?a=1&amp;lt;)"))
    }

    // MARK: - Templates

    @Test func invalidTemplateNamesLineAndTag() {
        let options = RenderOptions(toolVersion: "1", markdownTemplate: "# Review\n{{#findings}}\n{{message}}\n")
        #expect(throws: RenderingError.invalidTemplate(.unclosedSection(tag: "{{#findings}}", line: 2))) {
            try render(Fixtures.cleanReport, options: options)
        }
    }

    @Test func typoInsideFindingsFailsEvenWithoutFindings() {
        let template = "{{#findings}}\n{{mesage}}\n{{/findings}}\n"
        #expect(throws: RenderingError.invalidTemplate(.unknownVariable(tag: "{{mesage}}", line: 2))) {
            try render(Fixtures.cleanReport, options: RenderOptions(toolVersion: "1", markdownTemplate: template))
        }
        #expect(throws: RenderingError.invalidTemplate(.unknownVariable(tag: "{{mesage}}", line: 2))) {
            try MarkdownRenderer.validateTemplate(template)
        }
    }

    @Test func builtInTemplateIsValid() throws {
        try MarkdownRenderer.validateTemplate(BuiltInTemplates.review)
    }

    @Test func everyDocumentedVariableIsDefined() throws {
        let names = [
            "toolVersion", "reviewsWholeTree", "base.sha", "base.shortSHA", "base.spec", "head.sha", "head.shortSHA",
            "head.spec", "range", "baseNote", "hasFindings", "findingCount", "findingsText", "severityText", "errorCount",
            "warningCount", "infoCount", "goFilesAnalysed", "goFilesText", "hasSkipped", "hasOmittedFindings",
            "omittedFindingCount", "omittedFindingsText", "shownFindingCount",
        ]
        let template = names.map { "{{#\($0)}}{{/\($0)}}" }.joined()
            + "{{#skipped}}{{path}}{{reason}}{{/skipped}}"
            + "{{#checklist}}{{number}}{{id}}{{title}}{{status}}{{findingCount}}{{findingsText}}"
            + "{{#isFinding}}{{/isFinding}}{{#isClean}}{{/isClean}}{{#isUntouched}}{{/isUntouched}}{{/checklist}}"
            + "{{#findings}}{{location}}{{path}}{{line}}{{endLine}}{{lineRange}}{{severity}}{{item}}{{itemNumber}}"
            + "{{title}}{{message}}{{#hasExcerpt}}{{/hasExcerpt}}{{excerpt}}"
            + "{{#bugs}}{{id}}{{title}}{{#sections}}{{heading}}{{body}}{{/sections}}{{#isExplainedHere}}{{/isExplainedHere}}{{explainedAt}}"
            + "{{#isFirstMention}}{{/isFirstMention}}{{/bugs}}"
            + "{{/findings}}"
        try MarkdownRenderer.validateTemplate(template)
    }

    // MARK: - Checklist data

    @Test func bugMissingFromChecklistIsAnError() {
        var report = Fixtures.wholeTreeReport
        report.findings[0].bugs = ["no-such-bug"]
        #expect(throws: RenderingError.missingBugExplanation(bug: "no-such-bug", item: .deferredPut)) {
            try render(report)
        }
    }

    @Test func checklistWithoutItemsIsAnError() {
        #expect(throws: RenderingError.missingChecklistItem(.poolScope)) {
            try MarkdownRenderer().render(Fixtures.cleanReport, checklist: Checklist(items: [], bugs: []), options: Fixtures.options)
        }
    }

    // MARK: - Size limit

    @Test func twoThousandFindingsStayUnderCommentLimit() throws {
        let report = Self.reportWithManyFindings(2_000)
        let output = try render(report)

        #expect(output.utf16.count <= 65_000)
        #expect(output.unicodeScalars.count < 65_536)
        #expect(output.hasPrefix("<!-- poolreview:review -->\n"))
        #expect(output.contains("| 12 | `benchmem-evidence` |"))
        #expect(output.contains("poolreview 0\\.1.0-test."))

        let shownCount = output.components(separatedBy: "\n#### ").count - 1
        #expect(shownCount > 0)
        #expect(shownCount < 2_000)
        #expect(output.contains("**\(2_000 - shownCount) findings left out**"))
    }

    @Test func sizeLimitKeepsMostSevereFindings() throws {
        let report = Self.reportWithManyFindings(2_000)
        let output = try render(report, options: RenderOptions(toolVersion: "1", maxMarkdownLength: 20_000))

        let errors = output.components(separatedBy: "\n#### error: ").count - 1
        let warnings = output.components(separatedBy: "\n#### warning: ").count - 1
        let infos = output.components(separatedBy: "\n#### info: ").count - 1
        #expect(output.utf16.count <= 20_000)
        #expect(errors > 0)
        #expect(warnings == 0 || errors == report.findings.count { $0.severity == .error })
        #expect(infos == 0)
    }

    @Test func sizeLimitLeavesLessThanOneFindingUnused() throws {
        let maximum = 12_000
        let output = try render(Self.reportWithManyFindings(50), options: RenderOptions(toolVersion: "1", maxMarkdownLength: maximum))
        let blocks = output.components(separatedBy: "\n---\n\n#### ").dropFirst()
        let longestBlock = blocks.map { $0.utf16.count + 10 }.max() ?? 0

        #expect(blocks.count < 50)
        #expect(output.utf16.count <= maximum)
        #expect(maximum - output.utf16.count < longestBlock)
    }

    @Test func reportThatFitsIsNotShortened() throws {
        let output = try render(Self.reportWithManyFindings(5))
        #expect(!output.contains("left out"))
        #expect(output.components(separatedBy: "\n#### ").count - 1 == 5)
    }

    @Test func longSkipListIsCutBeforeFindings() throws {
        var report = Self.reportWithManyFindings(3)
        report.files.skipped = (0..<3_000).map { SkippedFile(path: "api/gen/v1/service_\($0).pb.go", reason: "generated code") }
        report.notes = (0..<3_000).map { "pkg/file.go:\($0): suppression names unknown item 'x'" }
        let output = try render(report)

        #expect(output.utf16.count <= 65_000)
        #expect(output.components(separatedBy: "\n- `api/gen/v1/service_").count - 1 == 50)
        #expect(output.contains("- 2950 files more, not listed here to keep this comment under its size limit"))
        #expect(output.contains("- 2950 notes more, not listed here to keep this comment under its size limit"))
        #expect(output.components(separatedBy: "\n#### ").count - 1 == 3)
        #expect(!output.contains("findings left out"))
    }

    @Test func notesAreListedEscaped() throws {
        var report = Fixtures.cleanReport
        report.notes = ["pkg/a.go:3: suppression names unknown item '<img>@someone'"]
        let output = try render(report)
        #expect(output.contains("Notes:\n\n- pkg/a.go:3: suppression names unknown item '&lt;img&gt;@&#8203;someone'\n"))
    }

    @Test func tooSmallMaximumIsAnError() {
        #expect(throws: RenderingError.self) {
            try render(Fixtures.cleanReport, options: RenderOptions(toolVersion: "1", maxMarkdownLength: 100))
        }
    }

    /// Findings that cycle through the three severities, errors every third.
    static func reportWithManyFindings(_ count: Int) -> Report {
        let severities: [Severity] = [.info, .warning, .error]
        let findings = (0..<count).map { index in
            Fixtures.finding(
                .deferredPut, "pkg/file\(index / 100).go", line: index + 1, severities[index % 3],
                "buf\(index) from bufPool.Get is not put back", bugs: ["get-without-put"],
                excerpt: SourceExcerpt(firstLine: index + 1, lines: ["\tbuf\(index) := bufPool.Get().(*bytes.Buffer)"]))
        }
        return Report(
            base: Fixtures.base, head: Fixtures.head, files: Fixtures.files(analysed: 20),
            checklist: Fixtures.statuses([.deferredPut: .finding]), findings: findings)
    }
}
