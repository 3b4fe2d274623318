/// A JSON value whose objects keep their keys in the order written, so that the report's
/// keys appear in the documented order.
indirect enum JSONValue: Sendable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// Returns the value as JSON text, indented by two spaces per level, with no line break at
    /// the end.
    func serialized(indentation: String = "") -> String {
        let inner = indentation + "  "
        switch self {
        case .string(let text):
            return Self.quoted(text)
        case .integer(let number):
            return String(number)
        case .bool(let flag):
            return flag ? "true" : "false"
        case .null:
            return "null"
        case .array(let elements):
            guard !elements.isEmpty else { return "[]" }
            let lines = elements.map { inner + $0.serialized(indentation: inner) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + indentation + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.map { inner + Self.quoted($0.key) + ": " + $0.value.serialized(indentation: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indentation + "}"
        }
    }

    /// Returns a JSON string literal that decodes to exactly `text`.
    ///
    /// Control characters, DEL, the line and paragraph separators U+2028 and U+2029, and
    /// format characters such as the bidirectional controls U+202A–U+202E and U+2066–U+2069
    /// are written as `\u` escapes (as UTF-16 surrogate pairs above U+FFFF). The text stays
    /// valid JSON and valid JavaScript, and a terminal or editor showing the file shows no raw
    /// control character and no reordered text.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if VisibleCharacters.needsEscape(scalar) {
                    output += unicodeEscape(scalar)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Returns `\uXXXX` for a scalar of the Basic Multilingual Plane, or the two escapes of its
    /// UTF-16 surrogate pair above it.
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        UTF16.encode(scalar)!.map { unit in
            let hex = String(unit, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
    }
}
