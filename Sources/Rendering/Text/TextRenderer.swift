import ChecklistData
import ReviewModel

/// Renders a report as terse terminal lines for a pre-push hook.
///
/// Each finding is one line in the form compilers use, so editors can jump to it:
/// `path:line: severity: item: message`. Report notes follow as `poolreview: note: …` lines,
/// then the skipped files and a summary line. Control and bidirectional
/// characters from the repository are shown as `<U+XXXX>`, so no escape sequence from a path
/// or message reaches the terminal. The only escape sequences in the output are the
/// renderer's own colors when `RenderOptions.usesANSIColor` is set.
public struct TextRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report, checklist: Checklist, options: RenderOptions) throws -> String {
        let style = TerminalStyle(enabled: options.usesANSIColor)
        var lines: [String] = []

        for finding in report.findings {
            let location = VisibleCharacters.escape(finding.path) + ":" + String(finding.line)
            lines.append(
                style.bold(location) + ": " + style.severity(finding.severity) + ": " + finding.item.rawValue + ": "
                    + VisibleCharacters.escape(finding.message))
        }
        for note in report.notes {
            lines.append("poolreview: note: " + VisibleCharacters.escape(note))
        }
        for skipped in report.files.skipped {
            lines.append(
                style.bold(VisibleCharacters.escape(skipped.path)) + ": not analysed: "
                    + VisibleCharacters.escape(skipped.reason))
        }

        lines.append(Self.summary(of: report, style: style))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Builds the last line, such as
    /// `poolreview: 3 findings (1 error, 2 warnings) in 2 Go files, abc1234..def5678 (base: origin/main)`.
    static func summary(of report: Report, style: TerminalStyle) -> String {
        let counts = FindingCounts(report.findings)
        var text = style.bold("poolreview: " + counts.findingsPhrase)
        if counts.total > 0 {
            text += " (" + counts.severityPhrase + ")"
        }
        text += " in " + FindingCounts.phrase(report.files.goFilesAnalysed, "Go file", "Go files")

        if report.reviewsWholeTree {
            text += ", whole tree at " + VisibleCharacters.escape(report.head.shortSHA)
        } else {
            let base = report.baseNote ?? report.base.spec
            text += ", " + VisibleCharacters.escape(report.base.shortSHA + ".." + report.head.shortSHA)
            text += " (base: " + VisibleCharacters.escape(base) + ")"
        }
        return text
    }
}

/// ANSI styles for terminal text, or plain text when disabled.
struct TerminalStyle {
    var enabled: Bool

    func bold(_ text: String) -> String { wrap(text, code: "1") }

    /// Colors the severity name red, yellow or cyan.
    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: wrap(severity.rawValue, code: "1;31")
        case .warning: wrap(severity.rawValue, code: "33")
        case .info: wrap(severity.rawValue, code: "36")
        }
    }

    private func wrap(_ text: String, code: String) -> String {
        enabled ? "\u{1B}[" + code + "m" + text + "\u{1B}[0m" : text
    }
}
