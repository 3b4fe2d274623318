import ChecklistData
import ReviewModel

/// Renders a report as a GitLab Code Quality report, which GitLab shows in the merge request
/// and on the changed lines.
///
/// The report is a JSON array with one issue per finding, in the Code Climate issue format
/// that GitLab reads. Each issue has `type` (always `issue`), `check_name` (the item id),
/// `description` (the item title and the message), `fingerprint`, `severity`, and `location`
/// with `path`, `lines.begin` and `lines.end`. The fingerprint is a `FindingFingerprint`, so
/// GitLab matches the same finding in the base and head reports when lines move. Strings
/// carry the repository's text unchanged, escaped as JSON requires.
///
/// Severities map to the Code Climate scale of info, minor, major, critical and blocker as
/// error to `critical`, warning to `major` and info to `info`. In the built-in checklist,
/// error items are bugs that corrupt data, leak handles, fire stale timers or panic, and
/// warning items lose the pool's benefit, pin memory or block callers, so both rank above
/// style issues. `blocker` stays for a team's own gate, and `minor` is unused so that errors
/// and warnings stay two levels apart.
public struct CodeQualityRenderer: ReportRenderer {
    public init() {}

    /// Renders the report.
    ///
    /// - Throws: `RenderingError.missingChecklistItem` when the checklist lacks a finding's item.
    public func render(_ report: Report, checklist: Checklist, options: RenderOptions) throws -> String {
        let fingerprints = FindingFingerprint.fingerprints(of: report.findings)
        let issues = try zip(report.findings, fingerprints).map { finding, fingerprint -> JSONValue in
            guard let item = checklist.item(finding.item) else { throw RenderingError.missingChecklistItem(finding.item) }
            let title = TerminalMarkdown.inlineText(Substring(item.title))

            return .object([
                ("type", .string("issue")),
                ("check_name", .string(finding.item.rawValue)),
                ("description", .string(title + ": " + finding.message)),
                ("fingerprint", .string(fingerprint)),
                ("severity", .string(Self.severity(of: finding.severity))),
                ("location", .object([
                    ("path", .string(finding.path)),
                    ("lines", .object([("begin", .integer(finding.line)), ("end", .integer(finding.endLine))])),
                ])),
            ])
        }
        return JSONValue.array(issues).serialized() + "\n"
    }

    /// Returns the Code Climate severity of a finding's severity.
    public static func severity(of severity: Severity) -> String {
        switch severity {
        case .error: "critical"
        case .warning: "major"
        case .info: "info"
        }
    }
}
