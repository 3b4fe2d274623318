/// A problem in a template, with the 1-based template line and the tag as written.
///
/// Users can pass their own Markdown template, so every case names where to look.
public enum TemplateError: Error, Hashable, CustomStringConvertible {
    /// A `{{` without a matching `}}`.
    case unclosedTag(line: Int)
    /// A tag this engine does not implement, such as a partial `{{>name}}` or `{{{name}}}`.
    case unsupportedTag(tag: String, line: Int)
    /// A tag whose name is empty or contains characters other than letters, digits, `_` and `.`.
    case invalidName(tag: String, line: Int)
    /// A `{{#name}}` or `{{^name}}` section with no `{{/name}}` before the end of the template.
    case unclosedSection(tag: String, line: Int)
    /// A `{{/name}}` that closes a different section than the one open at that point.
    case mismatchedSection(tag: String, line: Int, openTag: String, openLine: Int)
    /// A `{{/name}}` with no open section.
    case unexpectedClose(tag: String, line: Int)
    /// A section that opens inside more than `maximum` other open sections.
    case sectionsTooDeep(tag: String, line: Int, maximum: Int)
    /// A name that no value in scope defines.
    case unknownVariable(tag: String, line: Int)
    /// A `{{name}}` whose value is a flag, a list or an object rather than text.
    case notText(tag: String, line: Int)

    /// The 1-based template line of the tag.
    public var line: Int {
        switch self {
        case .unclosedTag(let line): line
        case .unsupportedTag(_, let line), .invalidName(_, let line), .unclosedSection(_, let line),
            .mismatchedSection(_, let line, _, _), .unexpectedClose(_, let line), .sectionsTooDeep(_, let line, _),
            .unknownVariable(_, let line), .notText(_, let line):
            line
        }
    }

    public var description: String {
        switch self {
        case .unclosedTag(let line):
            "line \(line): '{{' has no matching '}}'"
        case .unsupportedTag(let tag, let line):
            "line \(line): \(tag) is not supported; use {{name}}, {{#name}}, {{^name}}, {{/name}} or {{! comment }}, "
                + "and note that values are inserted already escaped"
        case .invalidName(let tag, let line):
            "line \(line): \(tag) has an invalid name; names use letters, digits, '_' and '.'"
        case .unclosedSection(let tag, let line):
            "line \(line): section \(tag) is never closed; add the matching {{/name}}"
        case .mismatchedSection(let tag, let line, let openTag, let openLine):
            "line \(line): \(tag) does not close \(openTag) opened on line \(openLine)"
        case .unexpectedClose(let tag, let line):
            "line \(line): \(tag) closes a section that is not open"
        case .sectionsTooDeep(let tag, let line, let maximum):
            "line \(line): \(tag) opens a section inside \(maximum) others; nest sections at most \(maximum) deep"
        case .unknownVariable(let tag, let line):
            "line \(line): \(tag) is not a known variable; check its spelling and the section it is in"
        case .notText(let tag, let line):
            "line \(line): \(tag) is a flag, list or object; use it as a section with {{#name}}...{{/name}}"
        }
    }
}
