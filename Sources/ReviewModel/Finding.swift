/// One problem a rule found, anchored at head-side lines of one file.
public struct Finding: Sendable, Hashable, Codable {
    public var item: ChecklistItemID
    /// The repository-relative path at head.
    public var path: String
    /// The first line of the anchored code, 1-based, at head.
    public var line: Int
    /// The last line of the anchored code; equal to `line` for a one-line finding.
    public var endLine: Int
    public var severity: Severity
    /// A short lowercase message that names the pooled variable.
    public var message: String
    /// The ids of the bug explanations this finding links to.
    public var bugs: [String]
    /// Other head lines the finding rests on, such as the `Get` of a missing `Put`. A change
    /// that touches any of them, or `line...endLine`, makes the finding part of the review.
    public var relatedLines: [Int]
    /// Lines in other files of the package that the finding rests on, such as the `New` of a
    /// pool declared elsewhere. A change there makes the finding part of the review.
    public var relatedElsewhere: [LineReference] = []
    /// The whitespace-normalised text of the anchored statement, used for fingerprints that
    /// survive line moves.
    public var anchorText: String
    /// The head-side source around the finding, filled in by the review session.
    public var excerpt: SourceExcerpt?

    public init(
        item: ChecklistItemID, path: String, line: Int, endLine: Int? = nil, severity: Severity,
        message: String, bugs: [String], relatedLines: [Int] = [], anchorText: String = ""
    ) {
        self.item = item
        self.path = path
        self.line = line
        self.endLine = max(line, endLine ?? line)
        self.severity = severity
        self.message = message
        self.bugs = bugs
        self.relatedLines = relatedLines
        self.anchorText = anchorText
    }

    /// The anchored lines.
    public var lines: ClosedRange<Int> { line...endLine }

    /// Returns true when the change touched the anchored lines or any related line.
    ///
    /// - Parameters:
    ///   - touched: the touched lines of the finding's own file.
    ///   - elsewhere: the touched lines of other changed files, by path.
    public func isTouched(by touched: TouchedLines, elsewhere: [String: TouchedLines] = [:]) -> Bool {
        if touched.touches(lines) { return true }
        if relatedLines.contains(where: { touched.touches(line: $0) }) { return true }
        return relatedElsewhere.contains { reference in
            elsewhere[reference.path]?.touches(line: reference.line) ?? false
        }
    }
}

/// Consecutive source lines shown with a finding.
public struct SourceExcerpt: Sendable, Hashable, Codable {
    /// The 1-based number of the first line.
    public var firstLine: Int
    /// The lines without their line terminators, decoded as UTF-8 with invalid bytes replaced.
    public var lines: [String]

    public init(firstLine: Int, lines: [String]) {
        self.firstLine = firstLine
        self.lines = lines
    }

    public var lastLine: Int { firstLine + max(lines.count, 1) - 1 }
}

/// A line of a file, by repository-relative path and 1-based number.
public struct LineReference: Sendable, Hashable, Codable {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }
}
