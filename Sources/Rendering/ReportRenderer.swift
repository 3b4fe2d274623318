import ChecklistData
import ReviewModel

/// Turns a finished report into the text of one output format.
public protocol ReportRenderer: Sendable {
    /// Renders the whole report.
    ///
    /// - Parameter checklist: the item titles and bug explanations the output may quote.
    /// - Throws: `RenderingError` when the template is invalid or the checklist does not
    ///   match the report.
    func render(_ report: Report, checklist: Checklist, options: RenderOptions) throws -> String
}
