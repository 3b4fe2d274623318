/// Converts the Markdown of checklist explanations into plain terminal text.
///
/// Headings become plain lines, paragraphs and list items are wrapped to the line width,
/// fenced code is indented by four spaces with its fences dropped, and inline markup (bold,
/// emphasis with `*`, code spans, links, backslash escapes) is removed. Emphasis with `_` is
/// kept because Go identifiers contain underscores. Tables and raw HTML pass through as
/// written.
enum TerminalMarkdown {
    /// Returns the text with every line prefixed by `indentation` and wrapped to `lineWidth`
    /// columns where words allow, without a line break at the end.
    static func plainText(_ markdown: String, lineWidth: Int, indentation: String = "") -> String {
        var output: [String] = []
        var paragraph: [Substring] = []
        var inFence = false

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            output.append(contentsOf: wrappedBlock(paragraph, lineWidth: lineWidth, indentation: indentation))
            paragraph = []
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = Substring(VisibleCharacters.escape(String(rawLine), keepingTabs: true))
            let trimmed = line.trimmingSpaces()

            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushParagraph()
                inFence.toggle()
            } else if inFence {
                output.append(indentation + "    " + line.replacing("\t", with: "    "))
            } else if trimmed.isEmpty {
                flushParagraph()
                if output.last.map({ !$0.isEmpty }) ?? false {
                    output.append("")
                }
            } else if trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") {
                continue
            } else if isHeading(trimmed) {
                flushParagraph()
                output.append(indentation + inlineText(trimmed.drop { $0 == "#" }.trimmingSpaces()))
            } else if listMarker(of: trimmed) != nil {
                flushParagraph()
                paragraph = [trimmed]
            } else if trimmed.hasPrefix(">") {
                flushParagraph()
                output.append(indentation + "  " + inlineText(trimmed.dropFirst().trimmingSpaces()))
            } else {
                paragraph.append(trimmed)
            }
        }
        flushParagraph()

        while output.last == "" {
            output.removeLast()
        }
        return output.joined(separator: "\n")
    }

    /// Wraps words into lines of at most `lineWidth` characters. A word longer than a line
    /// gets a line of its own.
    static func wrap(_ text: String, lineWidth: Int, firstPrefix: String, nextPrefix: String) -> [String] {
        var lines: [String] = []
        var current = firstPrefix
        var currentIsEmpty = true

        for word in text.split(separator: " ") {
            if !currentIsEmpty, current.count + 1 + word.count > lineWidth {
                lines.append(current)
                current = nextPrefix
                currentIsEmpty = true
            }
            current += (currentIsEmpty ? "" : " ") + word
            currentIsEmpty = false
        }
        lines.append(current)
        return lines
    }

    // MARK: - Helpers

    /// Wraps a paragraph, or a list item with its continuation lines under its text.
    private static func wrappedBlock(_ lines: [Substring], lineWidth: Int, indentation: String) -> [String] {
        let joined = lines.map { inlineText($0) }.joined(separator: " ")
        guard let marker = listMarker(of: lines[0]) else {
            return wrap(joined, lineWidth: lineWidth, firstPrefix: indentation, nextPrefix: indentation)
        }

        let text = inlineText(lines[0].dropFirst(marker.count).trimmingSpaces())
            + lines.dropFirst().map { " " + inlineText($0) }.joined()
        let bullet = marker.first == "*" || marker.first == "+" ? "-" : marker
        return wrap(
            text, lineWidth: lineWidth, firstPrefix: indentation + bullet + " ",
            nextPrefix: indentation + String(repeating: " ", count: bullet.count + 1))
    }

    /// Returns true for an ATX heading line: one to six `#` followed by a space or the line end,
    /// so that text such as `#12` stays prose.
    private static func isHeading(_ line: Substring) -> Bool {
        let level = line.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return false }
        return line.dropFirst(level).first.map { $0 == " " } ?? true
    }

    /// Returns the marker of a list item line, such as `-` or `2.`, or nil for other lines.
    private static func listMarker(of line: Substring) -> String? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return String(first)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        let rest = line.dropFirst(digits.count)
        guard !digits.isEmpty, let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " "
        else { return nil }
        return String(digits) + String(marker)
    }

    /// Removes inline Markdown: `**` and `*` emphasis, code span backticks, link syntax
    /// (keeping the URL in parentheses) and backslash escapes.
    static func inlineText(_ text: Substring) -> String {
        var output = ""
        var index = text.startIndex

        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)

            if character == "\\", next < text.endIndex, text[next].isASCII, text[next].isPunctuation || text[next].isSymbol {
                output.append(text[next])
                index = text.index(after: next)
            } else if character == "`" {
                let run = text[index...].prefix { $0 == "`" }
                let contentStart = run.endIndex
                if let close = text[contentStart...].firstRange(of: String(run)) {
                    output += text[contentStart..<close.lowerBound].trimmingSpaces()
                    index = close.upperBound
                } else {
                    output += run
                    index = run.endIndex
                }
            } else if character == "*", let emphasis = emphasis(in: text, at: index) {
                output += inlineText(emphasis.content)
                index = emphasis.end
            } else if character == "[", let link = link(in: text, at: index) {
                output += inlineText(link.text) + " (" + link.url + ")"
                index = link.end
            } else {
                output.append(character)
                index = next
            }
        }
        return output
    }

    /// Parses `*text*` or `**text**` starting at `start`: the text must not start or end with a
    /// space, so a lone `*`, as in a Go pointer type outside a code span, is kept.
    private static func emphasis(in text: Substring, at start: Substring.Index) -> (content: Substring, end: Substring.Index)? {
        let run = text[start...].prefix { $0 == "*" }
        guard run.count <= 2, let first = text[run.endIndex...].first, first != " " else { return nil }
        guard let close = text[run.endIndex...].firstRange(of: String(run)) else { return nil }

        let content = text[run.endIndex..<close.lowerBound]
        guard let last = content.last, last != " " else { return nil }
        return (content, close.upperBound)
    }

    /// Parses `[text](url)` starting at `start`.
    private static func link(in text: Substring, at start: Substring.Index) -> (text: Substring, url: Substring, end: Substring.Index)? {
        guard let closeBracket = text[start...].firstIndex(of: "]") else { return nil }
        let openParen = text.index(after: closeBracket)
        guard openParen < text.endIndex, text[openParen] == "(",
            let closeParen = text[openParen...].firstIndex(of: ")")
        else { return nil }
        return (text[text.index(after: start)..<closeBracket], text[text.index(after: openParen)..<closeParen], text.index(after: closeParen))
    }
}
