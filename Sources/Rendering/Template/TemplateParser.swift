/// One `{{…}}` tag as written in a template.
struct TemplateTag: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case variable
        case section
        case invertedSection
        case close
        case comment
    }

    var kind: Kind
    /// The name without sigil and surrounding spaces; empty for a comment.
    var name: String
    /// The tag exactly as written, such as `{{#findings}}`, for error messages.
    var text: String
    /// The 1-based template line where the tag starts.
    var line: Int

    /// True for the tags that vanish with their line when they stand alone on it.
    var canStandAlone: Bool { kind != .variable }
}

/// A parsed template: text, insertions and sections.
indirect enum TemplateNode: Sendable, Hashable {
    case text(String)
    case variable(TemplateTag)
    case section(TemplateTag, inverted: Bool, children: [TemplateNode])
}

/// Turns template text into nodes: tokens first, then standalone lines removed, then sections
/// nested.
enum TemplateParser {
    static func parse(_ source: String) throws -> [TemplateNode] {
        var tokens = try tokenize(source)
        removeStandaloneLines(&tokens)
        return try nest(tokens)
    }

    // MARK: - Tokens

    enum Token: Hashable {
        case text(String)
        case tag(TemplateTag)
    }

    static func tokenize(_ source: String) throws -> [Token] {
        var tokens: [Token] = []
        var line = 1
        var rest = source[...]

        while let open = rest.firstRange(of: "{{") {
            let before = rest[..<open.lowerBound]
            if !before.isEmpty {
                tokens.append(.text(String(before)))
                line += newlineCount(before)
            }
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                throw TemplateError.unclosedTag(line: line)
            }

            var end = close.upperBound
            if rest[open.upperBound...].hasPrefix("{"), end < rest.endIndex, rest[end] == "}" {
                end = rest.index(after: end)
            }
            let content = rest[open.upperBound..<close.lowerBound]
            tokens.append(.tag(try makeTag(content: content, text: String(rest[open.lowerBound..<end]), line: line)))

            line += newlineCount(content)
            rest = rest[end...]
        }
        if !rest.isEmpty {
            tokens.append(.text(String(rest)))
        }
        return tokens
    }

    private static func makeTag(content: Substring, text: String, line: Int) throws -> TemplateTag {
        let trimmed = content.trimmingSpaces()
        let kind: TemplateTag.Kind
        var name = trimmed

        switch trimmed.first {
        case "#": kind = .section
        case "^": kind = .invertedSection
        case "/": kind = .close
        case "!": return TemplateTag(kind: .comment, name: "", text: text, line: line)
        case ">", "=", "&", "{", "<", "$":
            throw TemplateError.unsupportedTag(tag: text, line: line)
        default: kind = .variable
        }
        if kind != .variable {
            name = name.dropFirst().trimmingSpaces()
        }

        guard isValidName(name) else {
            throw TemplateError.invalidName(tag: text, line: line)
        }
        return TemplateTag(kind: kind, name: String(name), text: text, line: line)
    }

    /// Accepts `.` (the current item) and dotted names whose parts are letters, digits and `_`.
    private static func isValidName(_ name: Substring) -> Bool {
        if name == "." { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return !name.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { $0.isASCIIWordCharacter }
        }
    }

    private static func newlineCount(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
    }

    // MARK: - Standalone lines

    /// Removes the lines that hold nothing but whitespace and one section, close or comment tag,
    /// including their line break, so that such tags leave no blank lines behind.
    ///
    /// Every tag is judged on the original tokens before any text is trimmed, because one text
    /// token can sit between two standalone tags.
    static func removeStandaloneLines(_ tokens: inout [Token]) {
        var dropPrefix = [Int](repeating: 0, count: tokens.count)
        var dropSuffix = [Int](repeating: 0, count: tokens.count)

        for index in tokens.indices {
            guard case .tag(let tag) = tokens[index], tag.canStandAlone else { continue }
            guard let before = leadingIndentation(of: index, in: tokens),
                let after = trailingLineEnd(of: index, in: tokens)
            else { continue }
            if index > 0 { dropSuffix[index - 1] = before }
            if index + 1 < tokens.count { dropPrefix[index + 1] = after }
        }

        for index in tokens.indices {
            guard case .text(let text) = tokens[index], dropPrefix[index] + dropSuffix[index] > 0 else { continue }
            let scalars = Array(text.unicodeScalars)
            let kept = scalars.count > dropPrefix[index] + dropSuffix[index]
                ? scalars[dropPrefix[index]..<(scalars.count - dropSuffix[index])]
                : []
            tokens[index] = .text(String(String.UnicodeScalarView(kept)))
        }
    }

    /// Returns how many scalars of whitespace precede the tag on its line, or nil when other
    /// content shares the line.
    private static func leadingIndentation(of index: Int, in tokens: [Token]) -> Int? {
        guard index > 0 else { return 0 }
        guard case .text(let text) = tokens[index - 1] else { return nil }

        let scalars = Array(text.unicodeScalars)
        let lineStart = (scalars.lastIndex(of: "\n") ?? -1) + 1
        let indentation = scalars[lineStart...]
        guard indentation.allSatisfy(isInlineSpace) else { return nil }
        guard lineStart > 0 || index - 1 == 0 else { return nil }
        return indentation.count
    }

    /// Returns how many scalars up to and including the line break follow the tag, or nil when
    /// other content shares the line.
    private static func trailingLineEnd(of index: Int, in tokens: [Token]) -> Int? {
        guard index + 1 < tokens.count else { return 0 }
        guard case .text(let text) = tokens[index + 1] else { return nil }

        let scalars = Array(text.unicodeScalars)
        let newline = scalars.firstIndex(of: "\n")
        let rest = scalars[..<(newline ?? scalars.count)]
        guard rest.allSatisfy({ isInlineSpace($0) || $0 == "\r" }) else { return nil }
        guard let newline else {
            return index + 1 == tokens.count - 1 ? scalars.count : nil
        }
        return newline + 1
    }

    private static func isInlineSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }

    // MARK: - Sections

    /// The deepest nesting of sections a template may use. The built-in template nests three
    /// deep. Validating and rendering recurse once per level, and 20,000 levels overflowed
    /// the main thread's stack.
    static let maxSectionDepth = 100

    private static func nest(_ tokens: [Token]) throws -> [TemplateNode] {
        var open: [(tag: TemplateTag, children: [TemplateNode])] = []
        var nodes: [TemplateNode] = []

        func append(_ node: TemplateNode) {
            if open.isEmpty {
                nodes.append(node)
            } else {
                open[open.count - 1].children.append(node)
            }
        }

        for token in tokens {
            switch token {
            case .text(let text) where !text.isEmpty:
                append(.text(text))
            case .text:
                continue
            case .tag(let tag):
                switch tag.kind {
                case .comment:
                    continue
                case .variable:
                    append(.variable(tag))
                case .section, .invertedSection:
                    guard open.count < maxSectionDepth else {
                        throw TemplateError.sectionsTooDeep(tag: tag.text, line: tag.line, maximum: maxSectionDepth)
                    }
                    open.append((tag, []))
                case .close:
                    guard let section = open.popLast() else {
                        throw TemplateError.unexpectedClose(tag: tag.text, line: tag.line)
                    }
                    guard section.tag.name == tag.name else {
                        throw TemplateError.mismatchedSection(
                            tag: tag.text, line: tag.line, openTag: section.tag.text, openLine: section.tag.line)
                    }
                    append(.section(section.tag, inverted: section.tag.kind == .invertedSection, children: section.children))
                }
            }
        }

        if let unclosed = open.last {
            throw TemplateError.unclosedSection(tag: unclosed.tag.text, line: unclosed.tag.line)
        }
        return nodes
    }
}

extension Unicode.Scalar {
    /// True for ASCII letters, digits and `_`.
    var isASCIIWordCharacter: Bool {
        isASCII && (properties.isAlphabetic || ("0"..."9").contains(self) || self == "_")
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
