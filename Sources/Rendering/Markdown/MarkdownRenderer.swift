import ChecklistData
import ReviewModel

/// Renders a report as a GitHub review comment from a Markdown template.
///
/// The output starts with `stickyMarker` on a line of its own, followed by the filled template.
/// When the output would be longer than `RenderOptions.maxMarkdownLength`, the renderer keeps
/// the summary, the checklist table and as many findings as fit, most severe first, and the
/// template's `hasOmittedFindings` section reports how many were left out.
public struct MarkdownRenderer: ReportRenderer {
    /// The hidden first line by which a CI step finds the comment to update.
    public static let stickyMarker = "<!-- poolreview:review -->"

    public init() {}

    /// Renders the report.
    ///
    /// - Throws: `RenderingError.invalidTemplate` for a template that does not parse or uses
    ///   an unknown name, `RenderingError.outputTooLong` when the output exceeds the maximum
    ///   even without findings, and `RenderingError` when the checklist does not match the report.
    public func render(_ report: Report, checklist: Checklist, options: RenderOptions) throws -> String {
        let template = try Self.parseTemplate(options.markdownTemplate ?? BuiltInTemplates.review)
        let context = try MarkdownContext(report: report, checklist: checklist, options: options)
        let ranked = context.findingIndicesBySeverity

        func output(keeping count: Int) throws -> String {
            let body = try template.render(context.value(keeping: Array(ranked.prefix(count))))
            return Self.stickyMarker + "\n" + body
        }

        let maximum = options.maxMarkdownLength
        let full = try output(keeping: ranked.count)
        if full.utf16.count <= maximum {
            return full
        }

        let bare = try output(keeping: 0)
        guard bare.utf16.count <= maximum else {
            throw RenderingError.outputTooLong(length: bare.utf16.count, maximum: maximum)
        }

        // The length grows with every finding kept, so a binary search finds the largest
        // count that fits. `fitting` always fits and `tooMany` never does.
        var fitting = 0
        var best = bare
        var tooMany = ranked.count
        while tooMany - fitting > 1 {
            let middle = (fitting + tooMany) / 2
            let candidate = try output(keeping: middle)
            if candidate.utf16.count <= maximum {
                fitting = middle
                best = candidate
            } else {
                tooMany = middle
            }
        }
        return best
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
