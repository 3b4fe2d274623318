import ChecklistData
import ReviewModel

/// Renders a report in reviewdog's rdjson format, the `DiagnosticResult` message of the
/// Reviewdog Diagnostic Format, for `reviewdog -f=rdjson`.
///
/// The object names `poolreview` as `source` and lists one diagnostic per finding. Each has
/// the message, `location.path`, the severity as `ERROR`, `WARNING` or `INFO`, and the item
/// id as `code.value`. Its `location.range` has `start.line` and `end.line` without columns,
/// which reviewdog reads as whole lines, end line included. Strings carry the repository's
/// text unchanged, escaped as JSON requires.
public struct RDJSONRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report, checklist: Checklist, options: RenderOptions) throws -> String {
        let diagnostics = report.findings.map { finding -> JSONValue in
            .object([
                ("message", .string(finding.message)),
                ("location", .object([
                    ("path", .string(finding.path)),
                    ("range", .object([
                        ("start", .object([("line", .integer(finding.line))])),
                        ("end", .object([("line", .integer(finding.endLine))])),
                    ])),
                ])),
                ("severity", .string(Self.severity(of: finding.severity))),
                ("code", .object([("value", .string(finding.item.rawValue))])),
            ])
        }

        let result: JSONValue = .object([
            ("source", .object([("name", .string("poolreview"))])),
            ("diagnostics", .array(diagnostics)),
        ])
        return result.serialized() + "\n"
    }

    /// Returns the rdjson severity name of a finding's severity.
    public static func severity(of severity: Severity) -> String {
        switch severity {
        case .error: "ERROR"
        case .warning: "WARNING"
        case .info: "INFO"
        }
    }
}
