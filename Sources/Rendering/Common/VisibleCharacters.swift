/// Rewrites invisible and line-breaking characters as visible `<U+XXXX>` text.
///
/// Repository text such as paths and Go source can carry control characters (ESC, CR, NUL),
/// bidirectional overrides (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F) and other
/// zero-width format characters, which can reorder or hide what a reviewer reads. Every
/// renderer passes such text through here before styling it.
enum VisibleCharacters {
    /// Returns `text` with every control, format, line separator and paragraph separator
    /// character replaced by `<U+XXXX>`.
    ///
    /// - Parameter keepingTabs: keeps tabs as they are, for source lines where they indent code.
    static func escape(_ text: String, keepingTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingTabs: keepingTabs) }) else {
            return text
        }

        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingTabs: keepingTabs) {
                output.append(contentsOf: notation(for: scalar).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// The Unicode notation of a scalar with at least four hex digits, such as `<U+202E>`.
    static func notation(for scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// True for the characters that `escape` replaces. Zero-width joiners count as well, so an
    /// emoji sequence in a path shows its joiners.
    static func needsEscape(_ scalar: Unicode.Scalar, keepingTabs: Bool = false) -> Bool {
        if keepingTabs, scalar == "\t" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }
}
