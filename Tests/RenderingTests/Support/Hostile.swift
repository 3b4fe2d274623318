import Rendering
import ReviewModel

/// Repository text that tries to break out of the review comment or the terminal.
enum Hostile {
    static let path = "we`ird``/<script>alert(1)</script>/@someone/#12/new\nline/\u{202E}og.go"
    static let message = "buf --> <!-- hidden --> @someone fixes #12 in <img src=x onerror=alert(1)> | *bold* \u{202E}"
    static let excerptLines = ["```", "````", "</details>", "<!-- hidden", "\tfmt.Println(\"\u{202E}txet\") // @someone #12"]
    static let baseNote = "merge base of HEAD and <b>@team</b>\n# heading #7"
    static let spec = "origin/`main`<script>"
    static let skipReason = "<!-- the rest is hidden"

    static let report: Report = {
        var finding = Finding(
            item: .deferredPut, path: path, line: 2, endLine: 3, severity: .error, message: message,
            bugs: ["get-without-put"])
        finding.excerpt = SourceExcerpt(firstLine: 1, lines: excerptLines)
        var files = FileSummary()
        files.goFilesAnalysed = 1
        files.skipped = [SkippedFile(path: path, reason: skipReason)]
        return Report(
            base: Revision(sha: Fixtures.base.sha, spec: spec), head: Revision(sha: Fixtures.head.sha, spec: spec),
            baseNote: baseNote, files: files, checklist: Fixtures.statuses([.deferredPut: .finding]),
            findings: [finding])
    }()

    /// The bidirectional controls and invisible marks that must never reach the output.
    static let invisibleScalars: Set<UInt32> = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
}
