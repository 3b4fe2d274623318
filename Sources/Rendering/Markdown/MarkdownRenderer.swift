import ChecklistData
import ReviewModel

/// Renders a report as a GitHub review comment from a Markdown template.
///
/// The output starts with `stickyMarker` on a line of its own, followed by the filled template.
/// When the output would be longer than `RenderOptions.maxMarkdownLength`, the renderer keeps
/// the summary, the checklist table and as many findings as fit, most severe first, and the
/// template's `hasOmittedFindings` section reports how many were left out. A change that adds
/// thousands of generated or binary `.go` files can make even the output without findings too
/// long. Then the lists of skipped files and notes are cut first, to at most
/// `maxListedWhenShrinking` entries each, and `hasOmittedSkipped` and `hasOmittedNotes`
/// report the rest.
public struct MarkdownRenderer: ReportRenderer {
    /// The hidden first line by which a CI step finds the comment to update.
    public static let stickyMarker = "<!-- poolreview:review -->"

    /// The most skipped files and notes listed, each, once the lists must be cut. Fifty
    /// lines name the kind of files a change skipped and leave room for findings.
    static let maxListedWhenShrinking = 50

    public init() {}

    /// Renders the report.
    ///
    /// - Throws: `RenderingError.invalidTemplate` for a template that does not parse or uses
    ///   an unknown name, `RenderingError.outputTooLong` when the output exceeds the maximum
    ///   even without findings, skipped files and notes, and `RenderingError` when the
    ///   checklist does not match the report.
    public func render(_ report: Report, checklist: Checklist, options: RenderOptions) throws -> String {
        let template = try Self.parseTemplate(options.markdownTemplate ?? BuiltInTemplates.review)
        let context = try MarkdownContext(report: report, checklist: checklist, options: options)
        let ranked = context.findingIndicesBySeverity

        var listed: Int?
        func output(keeping count: Int) throws -> String {
            let body = try template.render(context.value(keeping: Array(ranked.prefix(count)), listing: listed))
            return Self.stickyMarker + "\n" + body
        }

        let maximum = options.maxMarkdownLength
        let full = try output(keeping: ranked.count)
        if full.utf16.count <= maximum {
            return full
        }

        var bare = try output(keeping: 0)
        if bare.utf16.count > maximum {
            // The lists of skipped files and notes are too long on their own. Keep as many
            // entries as fit, up to the cap, so findings get the rest of the room.
            let fittingCount = try Self.largestFitting(upTo: min(Self.maxListedWhenShrinking, context.listLength)) { count in
                listed = count
                return try output(keeping: 0).utf16.count <= maximum
            }
            guard let fittingCount else {
                listed = 0
                let shortest = try output(keeping: 0)
                throw RenderingError.outputTooLong(length: shortest.utf16.count, maximum: maximum)
            }
            listed = fittingCount
            bare = try output(keeping: 0)
        }

        let keptCount = try Self.largestFitting(upTo: ranked.count) { count in
            try output(keeping: count).utf16.count <= maximum
        } ?? 0
        return keptCount == 0 ? bare : try output(keeping: keptCount)
    }

    /// Returns the largest count in `0...upperBound` for which `fits` holds, or nil when none
    /// does. Output length grows with every entry kept, so `fits` holds for every count below
    /// one for which it holds, and a binary search finds that count.
    private static func largestFitting(upTo upperBound: Int, _ fits: (Int) throws -> Bool) rethrows -> Int? {
        guard try fits(0) else { return nil }
        // `fitting` always fits and `tooMany` never does.
        var fitting = 0
        var tooMany = upperBound + 1
        while tooMany - fitting > 1 {
            let middle = (fitting + tooMany) / 2
            if try fits(middle) {
                fitting = middle
            } else {
                tooMany = middle
            }
        }
        return fitting
    }

    /// Checks a Markdown template before a review runs, so that a bad `--template` file fails
    /// at once instead of on the first report that reaches the broken part.
    ///
    /// - Throws: `RenderingError.invalidTemplate` naming the template line and tag.
    public static func validateTemplate(_ source: String) throws {
        _ = try parseTemplate(source)
    }

    /// Parses a template and checks every name against a context that has every variable and
    /// a non-empty value for every list.
    private static func parseTemplate(_ source: String) throws -> Template {
        do {
            let template = try Template(parsing: source)
            try template.validate(against: MarkdownTemplateShape.context)
            return template
        } catch let error as TemplateError {
            throw RenderingError.invalidTemplate(error)
        }
    }
}
