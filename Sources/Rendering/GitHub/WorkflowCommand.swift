/// GitHub Actions workflow command lines and plain log lines, escaped so that repository text
/// cannot start, end or change a command.
///
/// The GitHub runner (`ActionCommand.cs` in actions/runner) reads a line as a command when it
/// starts with `::` after leading whitespace. It takes the text up to the next `::` as the
/// command name and comma-separated properties, and unescapes `%0D`, `%0A`, `%3A`, `%2C` and
/// `%25` in property values and `%0D`, `%0A` and `%25` in the message. A line that is not such
/// a command is searched for a legacy `##[name ...]` command anywhere in it.
enum WorkflowCommand {
    /// Returns one command line, such as `::error file=a.go,line=3::message`.
    ///
    /// Control and format characters in values and message are first made visible as
    /// `<U+XXXX>`, as in the text output, so no line break or terminal escape reaches the log.
    /// The property values can then contain no `::` and no `,` that ends them.
    static func line(_ name: String, properties: [(key: String, value: String)] = [], message: String) -> String {
        var command = "::" + name
        if !properties.isEmpty {
            let pairs = properties.map { $0.key + "=" + escapedProperty(VisibleCharacters.escape($0.value)) }
            command += " " + pairs.joined(separator: ",")
        }
        return command + "::" + escapedData(VisibleCharacters.escape(message))
    }

    /// Returns a line that the runner prints as it is, never as a command.
    ///
    /// Control and format characters become visible, and the `[` of every `##[` is written as
    /// `<U+005B>`, because the runner looks for legacy commands anywhere in a plain line. The
    /// caller starts the line with its own text, so it cannot start with `::`.
    static func logLine(_ text: String) -> String {
        var output = ""
        var hashes = 0
        for scalar in VisibleCharacters.escape(text).unicodeScalars {
            if scalar == "[", hashes >= 2 {
                output += VisibleCharacters.notation(for: scalar)
            } else {
                output.unicodeScalars.append(scalar)
            }
            hashes = scalar == "#" ? hashes + 1 : 0
        }
        return output
    }

    /// Escapes a command's message as the GitHub Actions toolkit does: `%`, CR and LF.
    static func escapedData(_ text: String) -> String {
        escaped(text, replacing: ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// Escapes a property value as the GitHub Actions toolkit does: `%`, CR, LF, `:` and `,`.
    static func escapedProperty(_ text: String) -> String {
        escaped(text, replacing: ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    /// Replaces Unicode scalars, not characters, because the runner compares UTF-16 code units:
    /// a `,` followed by a combining mark is one Swift character but still ends a property.
    private static func escaped(_ text: String, replacing replacements: [Unicode.Scalar: String]) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] {
                output += replacement
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
