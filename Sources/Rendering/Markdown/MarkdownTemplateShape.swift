import ChecklistData
import ReviewModel

/// A template context with every variable the Markdown renderer defines and one item in every
/// list, built by the real context builder from a made-up report, so that template validation
/// cannot drift from what rendering provides.
enum MarkdownTemplateShape {
    static let context: TemplateValue = {
        let bug = BugExplanation(id: "sample-bug", title: "Sample", sections: [.init(heading: "Sample", body: "Sample")])
        let items = ChecklistItemID.allCases.map { id in
            ChecklistItem(id: id, title: id.rawValue, question: "", severity: .warning, bugs: [bug.id])
        }
        let checklist = Checklist(items: items, bugs: [bug])

        var finding = Finding(
            item: .poolScope, path: "sample.go", line: 1, severity: .warning, message: "sample", bugs: [bug.id])
        finding.excerpt = SourceExcerpt(firstLine: 1, lines: ["package sample"])
        var files = FileSummary()
        files.skipped = [SkippedFile(path: "sample.go", reason: "sample")]

        let revision = Revision(sha: "0000000", spec: "HEAD")
        let report = Report(
            base: revision, head: revision, baseNote: "sample", files: files,
            checklist: [], findings: [finding], notes: ["sample"])

        // The context is built from values made above, which always match each other.
        let builder = try! MarkdownContext(
            report: report, checklist: checklist, options: RenderOptions(toolVersion: "0"))
        return builder.value(keeping: [0])
    }()
}
