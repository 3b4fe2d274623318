import ChecklistData
import ReviewModel

/// Builds the values that the Markdown template renders, escaped for Markdown.
///
/// Repository text (paths, messages, excerpts, revision specs, the base note, skip reasons,
/// report notes) is escaped here. Paths and revisions become code spans, messages and notes escaped text,
/// excerpts complete fenced code blocks. Checklist titles are escaped as text, and bug titles
/// as HTML because the default template puts them inside `<summary>`. Bug section bodies are
/// the checklist's own Markdown and are inserted as written.
struct MarkdownContext {
    let report: Report
    let toolVersion: String
    let sourceLink: RenderOptions.SourceLinkBuilder?
    /// Every checklist item, checked by `init`.
    private let items: [ChecklistItemID: ChecklistItem]
    /// Every bug that a finding of the report links to, checked by `init`.
    private let bugs: [String: BugExplanation]

    /// - Throws: `RenderingError` when the checklist lacks an item or a bug that the report uses.
    init(report: Report, checklist: Checklist, options: RenderOptions) throws {
        self.report = report
        self.toolVersion = options.toolVersion
        self.sourceLink = options.sourceLink

        var items: [ChecklistItemID: ChecklistItem] = [:]
        for id in ChecklistItemID.allCases {
            guard let item = checklist.item(id) else { throw RenderingError.missingChecklistItem(id) }
            items[id] = item
        }
        var bugs: [String: BugExplanation] = [:]
        for finding in report.findings {
            for id in finding.bugs where bugs[id] == nil {
                guard let bug = checklist.bug(id) else {
                    throw RenderingError.missingBugExplanation(bug: id, item: finding.item)
                }
                bugs[id] = bug
            }
        }
        self.items = items
        self.bugs = bugs
    }

    /// The indices of the findings from most to least severe, in report order within a
    /// severity: the order in which findings are kept when the output must shrink.
    var findingIndicesBySeverity: [Int] {
        report.findings.indices.sorted { left, right in
            let leftSeverity = report.findings[left].severity
            let rightSeverity = report.findings[right].severity
            return leftSeverity != rightSeverity ? leftSeverity > rightSeverity : left < right
        }
    }

    /// The length of the longer of the two lists that `value(keeping:listing:)` can cut: the
    /// skipped files and the notes.
    var listLength: Int { max(report.files.skipped.count, report.notes.count) }

    /// Returns the template context showing the findings at `kept`, in report order, and the
    /// first `listed` skipped files and notes (all of them when nil).
    func value(keeping kept: [Int], listing listed: Int? = nil) -> TemplateValue {
        let shownFindings = kept.sorted().map { report.findings[$0] }
        let counts = FindingCounts(report.findings)
        let omitted = report.findings.count - shownFindings.count
        let shownSkipped = report.files.skipped.prefix(listed ?? report.files.skipped.count)
        let omittedSkipped = report.files.skipped.count - shownSkipped.count
        let shownNotes = report.notes.prefix(listed ?? report.notes.count)
        let omittedNotes = report.notes.count - shownNotes.count

        let context: [String: TemplateValue] = [
            "toolVersion": .text(MarkdownEscaping.text(toolVersion)),
            "reviewsWholeTree": .bool(report.reviewsWholeTree),
            "base": revisionValue(report.base),
            "head": revisionValue(report.head),
            "range": .text(MarkdownEscaping.codeSpan(report.base.shortSHA + ".." + report.head.shortSHA)),
            "baseNote": .text(report.baseNote.map(MarkdownEscaping.text) ?? ""),
            "hasFindings": .bool(counts.total > 0),
            "findingCount": .text(String(counts.total)),
            "findingsText": .text(counts.findingsPhrase.prefix(1).uppercased() + counts.findingsPhrase.dropFirst()),
            "severityText": .text(counts.severityPhrase),
            "errorCount": .text(String(counts.errors)),
            "warningCount": .text(String(counts.warnings)),
            "infoCount": .text(String(counts.infos)),
            "goFilesAnalysed": .text(String(report.files.goFilesAnalysed)),
            "goFilesText": .text(FindingCounts.phrase(report.files.goFilesAnalysed, "Go file", "Go files")),
            "hasSkipped": .bool(!report.files.skipped.isEmpty),
            "skipped": .list(shownSkipped.map(skippedValue)),
            "hasOmittedSkipped": .bool(omittedSkipped > 0),
            "omittedSkippedText": .text(FindingCounts.phrase(omittedSkipped, "file", "files")),
            "hasNotes": .bool(!report.notes.isEmpty),
            "notes": .list(shownNotes.map { ["text": .text(MarkdownEscaping.text($0))] }),
            "hasOmittedNotes": .bool(omittedNotes > 0),
            "omittedNotesText": .text(FindingCounts.phrase(omittedNotes, "note", "notes")),
            "checklist": .list(ChecklistItemID.allCases.map(checklistRowValue)),
            "findings": .list(findingValues(shownFindings)),
            "hasOmittedFindings": .bool(omitted > 0),
            "omittedFindingCount": .text(String(omitted)),
            "omittedFindingsText": .text(FindingCounts.phrase(omitted, "finding", "findings")),
            "shownFindingCount": .text(String(shownFindings.count)),
        ]
        return .object(context)
    }

    // MARK: - Parts

    private func revisionValue(_ revision: Revision) -> TemplateValue {
        [
            "sha": .text(MarkdownEscaping.codeSpan(revision.sha)),
            "shortSHA": .text(MarkdownEscaping.codeSpan(revision.shortSHA)),
            "spec": .text(MarkdownEscaping.codeSpan(revision.spec)),
        ]
    }

    private func skippedValue(_ file: SkippedFile) -> TemplateValue {
        [
            "path": .text(MarkdownEscaping.codeSpan(file.path)),
            "reason": .text(MarkdownEscaping.text(file.reason)),
        ]
    }

    private func checklistRowValue(_ id: ChecklistItemID) -> TemplateValue {
        let status = report.status(of: id)
        let findingCount = report.findings.count { $0.item == id }
        return [
            "number": .text(String(id.number)),
            "id": .text(id.rawValue),
            "title": .text(MarkdownEscaping.text(items[id]!.title)),
            "status": .text(status.rawValue),
            "isFinding": .bool(status == .finding),
            "isClean": .bool(status == .clean),
            "isUntouched": .bool(status == .untouched),
            "findingCount": .text(String(findingCount)),
            "findingsText": .text(FindingCounts.phrase(findingCount, "finding", "findings")),
        ]
    }

    /// Builds the finding values in order. Each bug is explained in full at its first finding
    /// only, so that many findings of one kind do not repeat the same explanation.
    private func findingValues(_ findings: [Finding]) -> [TemplateValue] {
        let holders = explanationHolders(findings)
        return findings.enumerated().map { index, finding in
            let bugValues = finding.bugs.map { id in
                let holder = findings[holders[id] ?? index]
                let explainedAt = MarkdownEscaping.codeSpan(holder.path + ":" + String(holder.line))
                return bugValue(id, isExplainedHere: holders[id] == index, explainedAt: explainedAt)
            }
            return findingValue(finding, bugs: bugValues)
        }
    }

    /// Picks, for each bug, the finding whose entry shows the bug's explanation: the most
    /// severe finding that links the bug, and the first of those in review order. Findings are
    /// sorted by line, so the first mention is often an info finding on a pool declaration,
    /// and the error below it would then point back to a block about a missing benchmark.
    private func explanationHolders(_ findings: [Finding]) -> [String: Int] {
        var holders: [String: Int] = [:]
        for (index, finding) in findings.enumerated() {
            for id in finding.bugs {
                if let holder = holders[id], findings[holder].severity >= finding.severity { continue }
                holders[id] = index
            }
        }
        return holders
    }

    private func findingValue(_ finding: Finding, bugs: [TemplateValue]) -> TemplateValue {
        let lineRange = finding.endLine > finding.line ? "\(finding.line)-\(finding.endLine)" : "\(finding.line)"
        return [
            "location": .text(location(of: finding, lineRange: lineRange)),
            "path": .text(MarkdownEscaping.codeSpan(finding.path)),
            "line": .text(String(finding.line)),
            "endLine": .text(String(finding.endLine)),
            "lineRange": .text(lineRange),
            "severity": .text(finding.severity.rawValue),
            "item": .text(finding.item.rawValue),
            "itemNumber": .text(String(finding.item.number)),
            "title": .text(MarkdownEscaping.text(items[finding.item]!.title)),
            "message": .text(MarkdownEscaping.text(finding.message)),
            "hasExcerpt": .bool(finding.excerpt != nil),
            "excerpt": .text(finding.excerpt.map { ExcerptBlock.markdown($0, anchored: finding.lines) } ?? ""),
            "bugs": .list(bugs),
        ]
    }

    private func bugValue(_ id: String, isExplainedHere: Bool, explainedAt: String) -> TemplateValue {
        let bug = bugs[id]!
        let sections = bug.sections.map { section -> TemplateValue in
            ["heading": .text(MarkdownEscaping.text(section.heading)), "body": .text(section.body)]
        }
        return [
            "id": .text(id),
            "title": .text(MarkdownEscaping.html(bug.title)),
            "sections": .list(sections),
            // `isFirstMention` is the name that templates written before `isExplainedHere`
            // use; both hold the same value.
            "isExplainedHere": .bool(isExplainedHere),
            "isFirstMention": .bool(isExplainedHere),
            "explainedAt": .text(explainedAt),
        ]
    }

    /// The `path:line` code span, linked when the link builder returns an `https` URL.
    private func location(of finding: Finding, lineRange: String) -> String {
        let span = MarkdownEscaping.codeSpan(finding.path + ":" + lineRange)
        guard let url = sourceLink?(finding.path, finding.line, finding.endLine),
            let destination = MarkdownEscaping.linkDestination(url)
        else {
            return span
        }
        return "[" + span + "](" + destination + ")"
    }
}
