/// Parses Go source files into syntax trees.
public enum GoParser {
    /// Parses one Go source file.
    ///
    /// Parsing never fails. Input that is not valid Go is recorded in
    /// `SourceFile.syntaxErrors` and becomes `.bad` nodes, and the parser resumes at the next
    /// statement or declaration. Code nested more than about 250 blocks or 500 parentheses
    /// deep is skipped the same way. Time grows linearly with the size of the input.
    ///
    /// - Parameter bytes: The file's contents, as UTF-8 (invalid sequences are reported, not
    ///   rejected). A leading byte order mark is skipped.
    public static func parse(_ bytes: [UInt8]) -> SourceFile {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(buffer)
            return parser.parseFile()
        }
    }

    /// Parses one Go source file given as text.
    public static func parse(_ text: String) -> SourceFile {
        parse(Array(text.utf8))
    }
}
