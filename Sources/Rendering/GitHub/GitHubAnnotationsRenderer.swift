import ChecklistData
import ReviewModel

/// Renders a report as GitHub Actions workflow commands, which the runner turns into
/// annotations on the pull request's changed lines.
///
/// Each finding is one line, `::error`, `::warning` or `::notice` for the severities error,
/// warning and info, such as
/// `::error file=internal/render/buffer.go,line=42,endLine=42,title=Deferred Put (deferred-put)::buf from bufPool.Get is not put back`.
/// GitHub shows at most 10 annotations of each of these kinds per step (the GitHub Actions
/// toolkit's documentation of problem matchers states this limit), so the renderer writes at
/// most `RenderOptions.maxAnnotationsPerSeverity` of each, in report order. It then adds one
/// `::notice` that counts the findings left out and names where to read them, and keeps a
/// notice slot free for it. Plain log lines follow for report notes, skipped files and the
/// summary, each starting with `poolreview: `.
///
/// NOTE: GitHub also limits a job to 50 annotations over all its steps, which the renderer
/// cannot see. A job with other annotating steps may lose some of these annotations.
public struct GitHubAnnotationsRenderer: ReportRenderer {
    public init() {}

    /// Renders the report.
    ///
    /// - Throws: `RenderingError.invalidAnnotationLimit` for a limit below 1, and
    ///   `RenderingError.missingChecklistItem` when the checklist lacks a finding's item.
    public func render(_ report: Report, checklist: Checklist, options: RenderOptions) throws -> String {
        let limit = options.maxAnnotationsPerSeverity
        guard limit >= 1 else { throw RenderingError.invalidAnnotationLimit(limit) }

        let shown = Self.annotatedIndices(of: report.findings, limit: limit)
        var lines = try shown.map { try annotation(for: report.findings[$0], checklist: checklist) }

        let shownSet = Set(shown)
        let omitted = report.findings.indices.filter { !shownSet.contains($0) }.map { report.findings[$0] }
        if !omitted.isEmpty {
            lines.append(omissionNotice(for: omitted, total: report.findings.count, limit: limit, options: options))
        }

        for note in report.notes {
            lines.append(WorkflowCommand.logLine("poolreview: note: " + note))
        }
        for skipped in report.files.skipped {
            lines.append(WorkflowCommand.logLine("poolreview: not analysed: " + skipped.path + ": " + skipped.reason))
        }
        lines.append(WorkflowCommand.logLine(TextRenderer.summary(of: report, style: TerminalStyle(enabled: false))))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Returns the indices of the findings that get an annotation: the first `limit` of each
    /// severity in report order. When any finding is left out, info findings get one slot
    /// less, because the notice that reports the omission is a notice annotation too.
    static func annotatedIndices(of findings: [Finding], limit: Int) -> [Int] {
        func select(infoLimit: Int) -> [Int] {
            var counts: [Severity: Int] = [:]
            return findings.indices.filter { index in
                let severity = findings[index].severity
                let count = counts[severity, default: 0]
                counts[severity] = count + 1
                return count < (severity == .info ? infoLimit : limit)
            }
        }

        let all = select(infoLimit: limit)
        return all.count == findings.count ? all : select(infoLimit: limit - 1)
    }

    // MARK: - Lines

    private func annotation(for finding: Finding, checklist: Checklist) throws -> String {
        guard let item = checklist.item(finding.item) else { throw RenderingError.missingChecklistItem(finding.item) }
        let title = TerminalMarkdown.inlineText(Substring(item.title)) + " (" + finding.item.rawValue + ")"
        return WorkflowCommand.line(
            Self.commandName(of: finding.severity),
            properties: [
                ("file", finding.path), ("line", String(finding.line)), ("endLine", String(finding.endLine)),
                ("title", title),
            ],
            message: finding.message)
    }

    /// Builds the notice such as "15 more findings (2 errors, 13 warnings) have no annotation,
    /// because this step shows at most 10 annotations of each severity. All 40 findings are in
    /// the Markdown review."
    private func omissionNotice(for omitted: [Finding], total: Int, limit: Int, options: RenderOptions) -> String {
        let counts = FindingCounts(omitted)
        let verb = counts.total == 1 ? "has" : "have"
        let location = options.fullReviewLocation ?? "the Markdown review"

        var message = FindingCounts.phrase(counts.total, "more finding", "more findings")
        message += " (" + counts.severityPhrase + ") " + verb + " no annotation, because this step shows at most "
        message += FindingCounts.phrase(limit, "annotation", "annotations") + " of each severity. "
        message += "All \(total) findings are in " + location + "."
        return WorkflowCommand.line("notice", properties: [("title", "poolreview")], message: message)
    }

    /// Returns the workflow command for a severity, because GitHub's annotation kinds are
    /// error, warning and notice.
    static func commandName(of severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }
}
