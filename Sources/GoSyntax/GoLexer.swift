/// Splits Go source into tokens.
public enum GoLexer {
    /// The tokens of a file and the lexical errors found on the way.
    public struct Result: Sendable {
        /// Every token in order, comments and inserted semicolons included, ending with `.eof`.
        public var tokens: [Token]
        public var errors: [SyntaxError]
    }

    /// Scans `bytes` as Go source.
    ///
    /// A leading byte order mark is skipped. Every other byte, NUL bytes and invalid UTF-8
    /// included, ends up in some token, and an error is recorded where the Go specification
    /// rejects the input.
    public static func tokenize(_ bytes: [UInt8]) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = Lexer(buffer)
            var tokens: [Token] = []
            while true {
                let token = lexer.next()
                tokens.append(token)
                if token.kind == .eof { break }
            }
            return Result(tokens: tokens, errors: lexer.errors)
        }
    }
}
