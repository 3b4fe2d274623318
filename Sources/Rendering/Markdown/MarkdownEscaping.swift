/// Escapes repository text for a GitHub Markdown comment, so that it renders as the same
/// characters and cannot end the comment's structure, hide text or notify anyone.
///
/// Every function first makes control and bidirectional characters visible. Mentions, issue
/// references and bare URLs are neutralised by a zero-width space written as the entity
/// `&#8203;` after the `@`, `#`, `GH-`, `://` colon or `www`. The raw Markdown stays ASCII and
/// readable, and GitHub no longer turns the text into a mention or a link. Inside code spans
/// and code blocks GitHub links nothing, so those need no entity.
public enum MarkdownEscaping {
    /// The entity inserted where GitHub would otherwise start a mention, reference or link.
    public static let referenceBreaker = "&#8203;"

    /// Escapes text for inline Markdown, including table cells.
    ///
    /// `&`, `<` and `>` become entities, so no HTML tag or comment can start. Backslashes,
    /// backticks, `*`, `_`, `[`, `]`, `#`, `|`, `~` and `$` (GitHub's math delimiter) get a
    /// backslash. A leading `-`, `+` or `=`, or the `.` or `)` after leading digits, gets one
    /// as well, so that a value placed at the start of a line cannot begin a list or a heading.
    public static func text(_ text: String) -> String {
        let scalars = Array(VisibleCharacters.escape(text).unicodeScalars)
        let listMarker = leadingListMarkerIndex(scalars)
        var output = ""

        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "$": output += "\\" + String(scalar)
            case "#": output += "\\#"
            default:
                if index == listMarker {
                    output += "\\"
                }
                output.unicodeScalars.append(scalar)
            }
            if startsReferenceOrLink(scalars, at: index) {
                output += referenceBreaker
            }
        }
        return output
    }

    /// Escapes text for the inside of an HTML element such as `<summary>`, where Markdown is
    /// not parsed: entities for `&`, `<`, `>` and `"`, and broken mentions, references and links.
    public static func html(_ text: String) -> String {
        let scalars = Array(VisibleCharacters.escape(text).unicodeScalars)
        var output = ""

        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.unicodeScalars.append(scalar)
            }
            if startsReferenceOrLink(scalars, at: index) {
                output += referenceBreaker
            }
        }
        return output
    }

    /// Wraps text in a code span whose backtick fence is longer than any backtick run inside.
    ///
    /// A space pads the content when it starts or ends with a backtick, or starts and ends with
    /// a space, because CommonMark strips one such space from each side.
    ///
    /// NOTE: a `|` inside a code span still splits a GFM table cell, so paths are never placed
    /// in the table of the default template.
    public static func codeSpan(_ text: String) -> String {
        let content = VisibleCharacters.escape(text)
        guard !content.isEmpty else { return "` `" }

        let fence = String(repeating: "`", count: longestBacktickRun(in: content) + 1)
        let startsOrEndsWithBacktick = content.unicodeScalars.first == "`" || content.unicodeScalars.last == "`"
        let isWrappedInSpaces = content.unicodeScalars.first == " " && content.unicodeScalars.last == " "
            && content.unicodeScalars.contains { $0 != " " }
        let padding = startsOrEndsWithBacktick || isWrappedInSpaces ? " " : ""
        return fence + padding + content + padding + fence
    }

    /// Returns a link destination for an `https` URL, or nil for any other scheme or a URL
    /// without a host.
    ///
    /// Characters that could end the destination or the link (spaces, parentheses, angle
    /// brackets, quotes, backslashes, backticks, control and non-ASCII characters) are
    /// percent-encoded as UTF-8, and `&` becomes `&amp;` because CommonMark decodes entities in
    /// destinations.
    public static func linkDestination(_ url: String) -> String? {
        let scheme = "https://"
        guard url.lowercased().hasPrefix(scheme) else { return nil }
        let rest = url.dropFirst(scheme.count)
        guard let first = rest.first, first != "/", first != "?", first != "#" else { return nil }

        var output = ""
        for byte in url.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte == UInt8(ascii: "&") {
                output += "&amp;"
            } else if isAllowedInDestination(byte) {
                output.unicodeScalars.append(scalar)
            } else {
                output += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return output
    }

    // MARK: - Helpers

    /// The length of the longest run of consecutive backticks, counted on Unicode scalars so
    /// that a combining mark after a backtick cannot hide it.
    static func longestBacktickRun(in text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            current = scalar == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// Returns true when `scalars[index]` ends an `@`, `#`, `GH-`, the colon of `://` or a
    /// `www` that GitHub would turn into a mention, an issue reference or an autolink together
    /// with the characters after it.
    private static func startsReferenceOrLink(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 1 < scalars.count else { return false }
        let next = scalars[index + 1]

        switch scalars[index] {
        case "@":
            return next.isASCIIWordCharacter || next == "-"
        case "#":
            return ("0"..."9").contains(next)
        case "-":
            guard index >= 2, ("0"..."9").contains(next) else { return false }
            let prefix = String(String.UnicodeScalarView(scalars[(index - 2)..<index])).lowercased()
            return prefix == "gh"
        case ":":
            return next == "/" && index + 2 < scalars.count && scalars[index + 2] == "/"
        case "w", "W":
            guard index >= 2, next == "." else { return false }
            let word = String(String.UnicodeScalarView(scalars[(index - 2)...index])).lowercased()
            return word == "www"
        default:
            return false
        }
    }

    /// Returns the index of a leading `-`, `+` or `=`, or of the `.` or `)` after leading digits.
    /// A backslash there keeps text at the start of a line from beginning a list, a thematic
    /// break or a setext heading underline.
    private static func leadingListMarkerIndex(_ scalars: [Unicode.Scalar]) -> Int? {
        guard let first = scalars.first else { return nil }
        if first == "-" || first == "+" || first == "=" {
            return 0
        }

        let digits = scalars.prefix { ("0"..."9").contains($0) }.count
        guard digits > 0, digits < scalars.count else { return nil }
        let marker = scalars[digits]
        return marker == "." || marker == ")" ? digits : nil
    }

    private static func isAllowedInDestination(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~:/?#[]@!$*+,;=%".utf8.contains(byte)
        }
    }
}
