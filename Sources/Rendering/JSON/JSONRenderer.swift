import ChecklistData
import ReviewModel

/// Renders a report as JSON for other tools.
///
/// The keys `base`, `head`, `findings` (with `item`, `path`, `line`, `endLine`, `severity`,
/// `message` and `bugs`) and `checklist` (with `item` and `status`) are a public contract:
/// they keep their names, types and meaning, and new keys are only added. Strings carry the
/// repository's text unchanged, control characters included, escaped as JSON requires, so a
/// tool can open the paths it reads.
public struct JSONRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report, checklist: Checklist, options: RenderOptions) throws -> String {
        let counts = FindingCounts(report.findings)
        let document: JSONValue = .object([
            ("base", .string(report.base.sha)),
            ("head", .string(report.head.sha)),
            ("findings", .array(report.findings.map(findingValue))),
            ("checklist", .array(ChecklistItemID.allCases.map { checklistValue($0, in: report) })),
            ("baseSpec", .string(report.base.spec)),
            ("headSpec", .string(report.head.spec)),
            ("baseNote", report.baseNote.map(JSONValue.string) ?? .null),
            ("reviewsWholeTree", .bool(report.reviewsWholeTree)),
            ("summary", .object([
                ("findings", .integer(counts.total)),
                ("errors", .integer(counts.errors)),
                ("warnings", .integer(counts.warnings)),
                ("info", .integer(counts.infos)),
                ("goFilesAnalysed", .integer(report.files.goFilesAnalysed)),
                ("goFilesDeleted", .integer(report.files.goFilesDeleted)),
                ("otherFiles", .integer(report.files.otherFiles)),
                ("testdataFiles", .integer(report.files.testdataFiles)),
            ])),
            ("notes", .array(report.notes.map { .string($0) })),
            ("skipped", .array(report.files.skipped.map { .object([("path", .string($0.path)), ("reason", .string($0.reason))]) })),
            ("tool", .object([("name", .string("poolreview")), ("version", .string(options.toolVersion))])),
        ])
        return document.serialized() + "\n"
    }

    private func findingValue(_ finding: Finding) -> JSONValue {
        .object([
            ("item", .string(finding.item.rawValue)),
            ("path", .string(finding.path)),
            ("line", .integer(finding.line)),
            ("endLine", .integer(finding.endLine)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("bugs", .array(finding.bugs.map(JSONValue.string))),
        ])
    }

    private func checklistValue(_ item: ChecklistItemID, in report: Report) -> JSONValue {
        .object([("item", .string(item.rawValue)), ("status", .string(report.status(of: item).rawValue))])
    }
}
