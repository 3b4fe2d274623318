import ChecklistData
import Rendering
import ReviewModel

/// Small checklists and reports for the renderer tests, independent of the built-in data.
enum Fixtures {
    static let version = "0.1.0-test"

    static let checklist = Checklist(
        items: ChecklistItemID.allCases.map { id in
            ChecklistItem(
                id: id, title: titles[id]!, question: "Does the change handle \(id.rawValue) correctly?",
                severity: id == .benchmemEvidence ? .info : .warning,
                bugs: id == .deferredPut ? ["get-without-put"] : [])
        },
        bugs: [
            BugExplanation(
                id: "get-without-put", title: "Get without Put",
                sections: [
                    .init(heading: "What goes wrong", body: "An object taken with `Get` is never returned, so the pool allocates again."),
                    .init(heading: "Fix", body: "Return it with a deferred `Put`:\n\n```go\nbuf := bufPool.Get().(*bytes.Buffer)\ndefer bufPool.Put(buf)\n```"),
                ]),
            BugExplanation(
                id: "forgotten-reset", title: "Forgotten reset",
                sections: [.init(heading: "What goes wrong", body: "The buffer still holds the **previous** caller's bytes.")]),
            BugExplanation(
                id: "unbounded-buffer-growth", title: "Unbounded buffer growth",
                sections: [.init(heading: "What goes wrong", body: "One huge request pins a huge buffer in the pool.")]),
        ])

    static let titles: [ChecklistItemID: String] = [
        .poolScope: "Pool Scope", .newReturnsPointer: "New Returns a Pointer", .deferredPut: "Deferred Put",
        .resetBeforeUse: "Reset Before Use", .resetKeepsAllocation: "Reset Keeps the Allocation",
        .sizeCap: "Size Cap on Put", .copyBeforePut: "Copy Before Put", .fdResourcePool: "Pools of File Descriptors",
        .timerPooling: "Timer Pooling", .typedGet: "Typed Get", .workerBackpressure: "Worker Backpressure",
        .benchmemEvidence: "Benchmark Evidence",
    ]

    static let base = Revision(sha: "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39", spec: "origin/main")
    static let head = Revision(sha: "9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c", spec: "HEAD")

    static func files(analysed: Int, skipped: [SkippedFile] = []) -> FileSummary {
        var files = FileSummary()
        files.goFilesAnalysed = analysed
        files.otherFiles = 1
        files.skipped = skipped
        return files
    }

    static func statuses(_ overrides: [ChecklistItemID: ItemStatus]) -> [ChecklistStatus] {
        ChecklistItemID.allCases.map { ChecklistStatus(item: $0, status: overrides[$0] ?? .untouched) }
    }

    static func finding(
        _ item: ChecklistItemID, _ path: String, line: Int, endLine: Int? = nil, _ severity: Severity,
        _ message: String, bugs: [String] = [], excerpt: SourceExcerpt? = nil
    ) -> Finding {
        var finding = Finding(item: item, path: path, line: line, endLine: endLine, severity: severity, message: message, bugs: bugs)
        finding.excerpt = excerpt
        return finding
    }

    /// Three findings of three severities in two files.
    static let reportWithFindings = Report(
        base: base, head: head, baseNote: "merge base of HEAD and origin/main",
        files: files(analysed: 2),
        checklist: statuses([
            .poolScope: .clean, .newReturnsPointer: .clean, .deferredPut: .finding, .resetBeforeUse: .finding,
            .sizeCap: .finding,
        ]),
        findings: [
            finding(
                .sizeCap, "cmd/server/main.go", line: 18, .info, "buffers of any size go back to bufPool",
                bugs: ["unbounded-buffer-growth"],
                excerpt: SourceExcerpt(firstLine: 17, lines: ["func release(buf *bytes.Buffer) {", "\tbufPool.Put(buf)", "}"])),
            finding(
                .deferredPut, "internal/render/buffer.go", line: 42, .error,
                "buf from bufPool.Get is not put back when render fails", bugs: ["get-without-put"],
                excerpt: SourceExcerpt(firstLine: 40, lines: [
                    "func render(w io.Writer, page Page) error {",
                    "\tbuf := bufPool.Get().(*bytes.Buffer)",
                    "\tif err := page.Execute(buf); err != nil {",
                    "\t\treturn err",
                    "\t}",
                ])),
            finding(
                .resetBeforeUse, "internal/render/buffer.go", line: 57, endLine: 59, .warning,
                "buf is written before buf.Reset()", bugs: ["forgotten-reset", "get-without-put"],
                excerpt: SourceExcerpt(firstLine: 56, lines: [
                    "\tbuf := bufPool.Get().(*bytes.Buffer)",
                    "\tbuf.WriteString(header)",
                    "",
                    "\tbuf.Reset()",
                ])),
        ])

    /// No findings; the user named the base, so there is no base note.
    static let cleanReport = Report(
        base: Revision(sha: base.sha, spec: "origin/release-1.4"), head: head,
        files: files(analysed: 2),
        checklist: statuses([.poolScope: .clean, .deferredPut: .clean, .resetBeforeUse: .clean]),
        findings: [])

    /// A `--all` review with one finding and one skipped file.
    static let wholeTreeReport = Report(
        base: head, head: head, reviewsWholeTree: true,
        files: files(analysed: 14, skipped: [SkippedFile(path: "internal/gen/tables.go", reason: "the file is not valid UTF-8")]),
        checklist: statuses([.poolScope: .clean, .deferredPut: .finding, .typedGet: .clean]),
        findings: [
            finding(
                .deferredPut, "internal/cache/entry.go", line: 88, .error, "e from entryPool.Get is never put back",
                bugs: ["get-without-put"], excerpt: SourceExcerpt(firstLine: 88, lines: ["\te := entryPool.Get().(*entry)"])),
        ])

    static let options = RenderOptions(toolVersion: version)
}
