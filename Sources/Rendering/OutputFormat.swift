/// The output formats of a review, as `--format` names them.
///
/// A new format is one renderer file, one case here and one line in `renderer`.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// A GitHub review comment, filled from a Markdown template.
    case markdown
    /// Terse terminal lines for a pre-push hook.
    case text
    /// The machine-readable report that other tools read.
    case json
    /// A SARIF 2.1.0 log for GitHub code scanning and SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands that annotate the changed lines.
    case github
    /// A GitLab Code Quality report for merge requests.
    case codeclimate
    /// Diagnostics in reviewdog's rdjson format.
    case rdjson

    public var renderer: any ReportRenderer {
        switch self {
        case .markdown: MarkdownRenderer()
        case .text: TextRenderer()
        case .json: JSONRenderer()
        case .sarif: SARIFRenderer()
        case .github: GitHubAnnotationsRenderer()
        case .codeclimate: CodeQualityRenderer()
        case .rdjson: RDJSONRenderer()
        }
    }

    /// The usual file name extension for a saved report, without the dot.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .text: "txt"
        case .json: "json"
        case .sarif: "sarif"
        case .github: "txt"
        case .codeclimate: "json"
        case .rdjson: "json"
        }
    }
}
