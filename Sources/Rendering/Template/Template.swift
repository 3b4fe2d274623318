/// A parsed template in a subset of Mustache, hand-written because the package takes no
/// outside dependencies.
///
/// The subset: `{{name}}` and dotted `{{a.b}}` insert text, `{{.}}` inserts the current list
/// item, `{{#name}}…{{/name}}` renders once for a true flag, non-empty text or an object and
/// once per item of a list, `{{^name}}…{{/name}}` renders when the value is false, empty text
/// or an empty list, and `{{! comment }}` renders nothing. A line holding only whitespace and a
/// section, close or comment tag is removed with its line break.
///
/// Unlike Mustache, values are inserted without HTML escaping, and an unknown name is an error
/// instead of empty text. A name is looked up from the innermost section outwards, and the
/// parts after the first dot are looked up inside the value found.
public struct Template: Sendable {
    private let nodes: [TemplateNode]

    /// Parses template text.
    ///
    /// - Throws: `TemplateError` for an unclosed tag or section, a mismatched close, an
    ///   unsupported tag or an invalid name.
    public init(parsing source: String) throws {
        nodes = try TemplateParser.parse(source)
    }

    /// Fills the template with the values of `context`.
    ///
    /// - Throws: `TemplateError.unknownVariable` for a name that no value in scope defines and
    ///   `TemplateError.notText` for a `{{name}}` whose value is not text.
    public func render(_ context: TemplateValue) throws -> String {
        var output = ""
        var scopes = [context]
        try render(nodes, scopes: &scopes, into: &output)
        return output
    }

    /// Checks every name in the template, including those inside sections that would not render
    /// for this data, against a context of the expected shape.
    ///
    /// Inside a `{{#list}}` section, names are checked against the first item of the list in
    /// `shape`, so every list in the shape needs at least one item. Sections over an empty list
    /// are not checked.
    ///
    /// - Throws: the first `TemplateError` found, in template order.
    public func validate(against shape: TemplateValue) throws {
        var scopes = [shape]
        try validate(nodes, scopes: &scopes)
    }

    // MARK: - Rendering

    private func render(_ nodes: [TemplateNode], scopes: inout [TemplateValue], into output: inout String) throws {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text

            case .variable(let tag):
                guard case .text(let text) = try Self.resolve(tag, in: scopes) else {
                    throw TemplateError.notText(tag: tag.text, line: tag.line)
                }
                output += text

            case .section(let tag, let inverted, let children):
                let value = try Self.resolve(tag, in: scopes)
                if inverted {
                    if !value.isTruthy {
                        try render(children, scopes: &scopes, into: &output)
                    }
                    continue
                }
                let items: [TemplateValue]
                switch value {
                case .list(let list): items = list
                default: items = value.isTruthy ? [value] : []
                }
                for item in items {
                    scopes.append(item)
                    try render(children, scopes: &scopes, into: &output)
                    scopes.removeLast()
                }
            }
        }
    }

    // MARK: - Validation

    private func validate(_ nodes: [TemplateNode], scopes: inout [TemplateValue]) throws {
        for node in nodes {
            switch node {
            case .text:
                continue

            case .variable(let tag):
                guard case .text = try Self.resolve(tag, in: scopes) else {
                    throw TemplateError.notText(tag: tag.text, line: tag.line)
                }

            case .section(let tag, let inverted, let children):
                let value = try Self.resolve(tag, in: scopes)
                if inverted {
                    try validate(children, scopes: &scopes)
                    continue
                }
                let scope: TemplateValue
                switch value {
                case .list(let list):
                    guard let first = list.first else { continue }
                    scope = first
                default:
                    scope = value
                }
                scopes.append(scope)
                try validate(children, scopes: &scopes)
                scopes.removeLast()
            }
        }
    }

    // MARK: - Lookup

    /// Finds a dotted name: its first part in the innermost scope that defines it, the other
    /// parts inside the value found.
    private static func resolve(_ tag: TemplateTag, in scopes: [TemplateValue]) throws -> TemplateValue {
        if tag.name == "." {
            return scopes[scopes.count - 1]
        }

        let parts = tag.name.split(separator: ".").map(String.init)
        guard var value = scopes.reversed().lazy.compactMap({ $0.member(parts[0]) }).first else {
            throw TemplateError.unknownVariable(tag: tag.text, line: tag.line)
        }
        for part in parts.dropFirst() {
            guard let member = value.member(part) else {
                throw TemplateError.unknownVariable(tag: tag.text, line: tag.line)
            }
            value = member
        }
        return value
    }
}
