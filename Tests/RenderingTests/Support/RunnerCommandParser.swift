/// Reads workflow command lines the way the GitHub runner does (`ActionCommand.TryParseV2` in
/// actions/runner), so tests can check what the runner would take from a line.
///
/// It works on Unicode scalars instead of characters, as the runner works on UTF-16 code units,
/// and trims leading whitespace before looking for the `::` prefix.
struct RunnerCommand: Equatable {
    var name: String
    var properties: [String: String]
    var message: String

    static let annotationNames: Set<String> = ["error", "warning", "notice"]

    /// Parses a line as a command, or returns nil when the runner would print it as text.
    init?(line: String) {
        let scalars = Array(line.unicodeScalars.drop { $0.properties.isWhitespace })
        guard scalars.starts(with: [":", ":"]), let end = Self.index(of: [":", ":"], in: scalars, from: 2) else { return nil }

        let info = scalars[2..<end]
        let space = info.firstIndex(of: " ")
        name = Self.string(info[..<(space ?? info.endIndex)])

        var properties: [String: String] = [:]
        if let space {
            for pair in info[(space + 1)...].split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2 {
                    properties[Self.string(parts[0])] = Self.unescape(Self.string(parts[1]), property: true)
                }
            }
        }
        self.properties = properties
        message = Self.unescape(Self.string(scalars[(end + 2)...]), property: false)
    }

    /// True when the runner's legacy parser would find `##[` in a line it does not read as a
    /// `::` command.
    static func containsLegacyCommandPrefix(_ line: String) -> Bool {
        index(of: ["#", "#", "["], in: Array(line.unicodeScalars), from: 0) != nil
    }

    private static func index(of needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard scalars.count >= needle.count, start <= scalars.count - needle.count else { return nil }
        return (start...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }
    }

    private static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// Undoes the escapes in the runner's order, with `%25` last.
    private static func unescape(_ text: String, property: Bool) -> String {
        var output = text.replacing("%0D", with: "\r").replacing("%0A", with: "\n")
        if property {
            output = output.replacing("%3A", with: ":").replacing("%2C", with: ",")
        }
        return output.replacing("%25", with: "%")
    }
}
