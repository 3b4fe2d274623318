import ChecklistData
import Rendering
import ReviewModel

// A `--template` file on arbitrary bytes: the template is validated and, when valid, renders
// a report that has a finding of every checklist item, skipped files and a note. A crash, a
// sanitizer report, a time-out or a broken output invariant is a finding.

private let templateChecklist = try! Checklist.builtIn()

/// A report that sets every variable of the Markdown template to something.
private let templateReport: Report = {
    var files = FileSummary()
    files.goFilesAnalysed = 2
    files.skipped = [SkippedFile(path: "gen/x.pb.go", reason: "generated code")]
    let findings = ChecklistItemID.allCases.enumerated().map { index, item in
        var finding = Finding(
            item: item, path: "pkg/file\(index % 2).go", line: index + 1, severity: .warning,
            message: "message \(index)", bugs: templateChecklist.item(item)?.bugs ?? [])
        finding.excerpt = SourceExcerpt(firstLine: index + 1, lines: ["\tb := pool.Get()"])
        return finding
    }
    return Report(
        base: Revision(sha: String(repeating: "a", count: 40), spec: "main"),
        head: Revision(sha: String(repeating: "b", count: 40), spec: "HEAD"),
        baseNote: "merge base", files: files,
        checklist: ChecklistItemID.allCases.map { ChecklistStatus(item: $0, status: .finding) },
        findings: findings, notes: ["pkg/file0.go:1: suppression names unknown item 'x'"])
}()

/// Validates `input` as a Markdown template and renders the sample report with it.
///
/// The libFuzzer entry point in FuzzEntry.swift calls this, and RobustnessTests links this
/// file too to replay the inputs that once failed.
func fuzzTemplate(_ input: [UInt8]) {
    let source = String(decoding: input, as: UTF8.self)
    guard (try? MarkdownRenderer.validateTemplate(source)) != nil else { return }

    let options = RenderOptions(toolVersion: "fuzz", markdownTemplate: source, maxMarkdownLength: 200_000)
    let output: String
    do {
        output = try MarkdownRenderer().render(templateReport, checklist: templateChecklist, options: options)
    } catch RenderingError.outputTooLong {
        return
    } catch {
        fatalError("a template that validated failed to render: \(error)")
    }
    precondition(output.hasPrefix("<!-- poolreview:review -->\n"), "the output lost its marker line")
}
