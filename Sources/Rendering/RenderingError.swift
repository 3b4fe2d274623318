import ReviewModel

/// A report that cannot be rendered, or a template, option or topic that is invalid.
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
    /// A source link template that does not start with `https://`.
    case sourceLinkTemplateNotHTTPS(template: String)
    /// A source link template with a placeholder other than `{path}`, `{line}`, `{endLine}`
    /// and `{sha}`. The associated name has no braces.
    case unknownSourceLinkPlaceholder(String, template: String)
    /// A source link template with an unclosed brace, no written-out host, no `{path}` or a
    /// character that a URL cannot contain.
    case invalidSourceLinkTemplate(template: String, reason: String)
    /// A repository URL that is not `https` with a host, or that has a user name, query,
    /// fragment, space, control or non-ASCII character.
    case invalidRepositoryURL(String)
    /// A maximum number of GitHub annotations per severity below 1.
    case invalidAnnotationLimit(Int)

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
        case .sourceLinkTemplateNotHTTPS(let template):
            "the link template '\(visible(template))' is not an https URL; start it with https:// and the host"
        case .unknownSourceLinkPlaceholder(let name, let template):
            "the link template '\(visible(template))' uses the unknown placeholder '{\(visible(name))}'; "
                + "use {path}, {line}, {endLine} or {sha}"
        case .invalidSourceLinkTemplate(let template, let reason):
            "the link template '\(visible(template))' is invalid: \(reason)"
        case .invalidRepositoryURL(let url):
            "the repository URL '\(visible(url))' is invalid; use an https URL such as https://github.com/owner/repo, "
                + "without a user name, query or fragment"
        case .invalidAnnotationLimit(let limit):
            "the maximum number of GitHub annotations per severity is \(limit); use 1 or more"
        }
    }

    /// Shows control and bidirectional characters of a value the user gave as `<U+XXXX>`.
    private func visible(_ text: String) -> String {
        VisibleCharacters.escape(text)
    }
}
