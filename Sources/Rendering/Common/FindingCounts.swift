import ReviewModel

/// The number of findings of each severity, and the count phrases that the Markdown and text
/// summaries share.
struct FindingCounts: Sendable, Hashable {
    var errors = 0
    var warnings = 0
    var infos = 0

    init(_ findings: some Sequence<Finding>) {
        for finding in findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    var total: Int { errors + warnings + infos }

    /// "no findings", "1 finding" or "3 findings".
    var findingsPhrase: String {
        total == 0 ? "no findings" : Self.phrase(total, "finding", "findings")
    }

    /// The non-zero severities, most severe first, such as "1 error, 2 warnings, 1 info";
    /// empty when there are no findings.
    var severityPhrase: String {
        [
            (errors, "error", "errors"),
            (warnings, "warning", "warnings"),
            (infos, "info", "info"),
        ]
        .filter { $0.0 > 0 }
        .map { Self.phrase($0.0, $0.1, $0.2) }
        .joined(separator: ", ")
    }

    /// Returns a count with the singular or plural noun, such as "1 Go file" or "2 Go files".
    static func phrase(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}
