import ReviewModel

/// A report that cannot be rendered, or a template or topic that is invalid.
public enum RenderingError: Error, Equatable, CustomStringConvertible {
    /// The Markdown template does not parse or uses a name the renderer does not define.
    case invalidTemplate(TemplateError)
    /// The checklist has no entry for an item the report lists.
    case missingChecklistItem(ChecklistItemID)
    /// A finding links to a bug that the checklist does not explain.
    case missingBugExplanation(bug: String, item: ChecklistItemID)
    /// Even without any finding the Markdown output is longer than the maximum.
    case outputTooLong(length: Int, maximum: Int)
    /// `explain` was given a name that is neither a checklist item nor a bug.
    case unknownTopic(String, known: [String])

    public var description: String {
        switch self {
        case .invalidTemplate(let error):
            "the Markdown template is invalid: \(error)"
        case .missingChecklistItem(let item):
            "the checklist has no item '\(item.rawValue)'; the checklist data and the report do not match"
        case .missingBugExplanation(let bug, let item):
            "a finding of '\(item.rawValue)' links to bug '\(bug)', which the checklist does not explain"
        case .outputTooLong(let length, let maximum):
            "the Markdown review is \(length) characters long without any finding, over the maximum of "
                + "\(maximum); raise the maximum or shorten the template"
        case .unknownTopic(let topic, let known):
            "'\(topic)' is not a checklist item or bug; use one of: \(known.joined(separator: ", "))"
        }
    }
}
