import GoSyntax
import ReviewModel

/// A `//poolreview:ignore ITEM[,ITEM…] reason` comment.
///
/// It hides findings of the named items on its own line and on the line below. A reason is
/// required, as in staticcheck's `//lint:ignore`: a suppression without one hides nothing.
struct Suppression {
    static let marker = "//poolreview:ignore"

    let line: Int
    let items: [ChecklistItemID]
    /// Item names that are not checklist ids, as written.
    let unknownItems: [String]
    let reason: String

    /// Reads a comment; nil when it is not a suppression.
    init?(_ comment: Comment) {
        guard comment.text.hasPrefix(Self.marker) else { return nil }
        let rest = comment.text.dropFirst(Self.marker.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let words = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let names = words.first.map { $0.split(separator: ",").map(String.init) } ?? []
        line = comment.span.line
        items = names.compactMap(ChecklistItemID.init(rawValue:))
        unknownItems = names.filter { ChecklistItemID(rawValue: $0) == nil }
        reason = words.dropFirst().joined(separator: " ")
    }

    var isValid: Bool { !items.isEmpty && unknownItems.isEmpty && !reason.isEmpty }

    func covers(_ finding: Finding) -> Bool {
        isValid && items.contains(finding.item) && (finding.line == line || finding.line == line + 1)
    }

    /// The problem with a suppression that cannot hide anything, as a short message.
    var problem: String? {
        if items.isEmpty && unknownItems.isEmpty { return "suppression names no checklist item" }
        if !unknownItems.isEmpty {
            return "suppression names unknown item '\(unknownItems.joined(separator: ","))'"
        }
        if reason.isEmpty { return "suppression of \(items.map(\.rawValue).joined(separator: ",")) has no reason" }
        return nil
    }
}
