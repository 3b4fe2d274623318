/// Settings the caller chooses for one rendering. Each format reads the ones it needs.
public struct RenderOptions: Sendable {
    /// Builds a web link to head-side lines, such as a blob URL of the forge. `SourceLinks`
    /// makes one from a forge or a URL template.
    ///
    /// The parameters are the repository-relative path and the first and last 1-based lines of
    /// the finding, equal for a one-line finding. A result that is not an `https` URL is
    /// ignored, and so is nil.
    public typealias SourceLinkBuilder = @Sendable (_ path: String, _ line: Int, _ endLine: Int) -> String?

    /// The poolreview version shown in the Markdown footer and the JSON output.
    public var toolVersion: String
    /// The Markdown template, such as the contents of a `--template` file, or nil for the
    /// built-in `Templates/review.md`.
    public var markdownTemplate: String?
    /// The maximum length of the Markdown output in UTF-16 code units, which is never less
    /// than its number of Unicode characters. GitHub rejects comments over 65,536 characters,
    /// so the default leaves room for a CI step to add a line.
    public var maxMarkdownLength: Int
    /// True to color terminal text with ANSI escape sequences. The caller decides, for example
    /// from whether standard output is a terminal and from `NO_COLOR`.
    public var usesANSIColor: Bool
    /// Links each finding's location in the Markdown output when set.
    public var sourceLink: SourceLinkBuilder?
    /// The repository's `https` web URL, such as `GitRemote.repositoryURL`. SARIF output names
    /// it with the head commit in `versionControlProvenance` when set.
    public var repositoryURL: String?
    /// The maximum number of GitHub annotations of each severity. GitHub shows at most 10 error,
    /// 10 warning and 10 notice annotations per step, so the default fills each of them. Must be
    /// at least 1.
    public var maxAnnotationsPerSeverity: Int
    /// The place that lists every finding, such as "the poolreview-review artifact", named in
    /// the GitHub notice about findings left without an annotation. Nil names the Markdown review.
    public var fullReviewLocation: String?

    public init(
        toolVersion: String, markdownTemplate: String? = nil, maxMarkdownLength: Int = 65_000,
        usesANSIColor: Bool = false, sourceLink: SourceLinkBuilder? = nil, repositoryURL: String? = nil,
        maxAnnotationsPerSeverity: Int = 10, fullReviewLocation: String? = nil
    ) {
        self.toolVersion = toolVersion
        self.markdownTemplate = markdownTemplate
        self.maxMarkdownLength = maxMarkdownLength
        self.usesANSIColor = usesANSIColor
        self.sourceLink = sourceLink
        self.repositoryURL = repositoryURL
        self.maxAnnotationsPerSeverity = maxAnnotationsPerSeverity
        self.fullReviewLocation = fullReviewLocation
    }
}
