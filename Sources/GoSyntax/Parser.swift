/// A recursive-descent Go parser that keeps going after errors.
///
/// The parser reads one token ahead. Each parse function starts at the current token and
/// leaves the token after its construct as current. On unexpected input it records a
/// `SyntaxError`, returns a `.bad` node and skips ahead to a point where parsing can resume,
/// so every loop consumes at least one token per iteration or ends.
///
/// Nesting deeper than `maxDepth` (through parentheses, blocks, unary operators, types, or
/// long chains of binary operators, selectors, calls and indexes) becomes a `.bad` node and
/// is skipped. That bounds both this parser's recursion and the depth of the tree, which
/// the walker, the printer and Swift's release of nested enum values recurse through.
struct Parser {
    /// The deepest nesting the parser follows. A block inside a block costs two levels (the
    /// statement and the block), and a parenthesis or a link in a chain of operators,
    /// selectors, calls or indexes costs one. At this limit the parser uses about
    /// 1–2 MB of stack in a debug build and under 0.5 MB in a release build, measured on
    /// x86_64 Linux by nesting parentheses until an 8 MB stack overflowed.
    static let maxDepth = 500
    /// The number of operands of one associative operator kept as a left-deep tree. The rest
    /// of the run is grouped as a balanced tree, as `parseBinary` explains.
    static let leftDeepChainLimit = 64

    var lexer: Lexer
    /// The current token, never a comment.
    var token: Token
    /// The end offset and line of the last consumed token other than a semicolon. Spans end
    /// here.
    var lastEnd = 0
    var lastEndLine = 1
    /// The number of tokens consumed, so loops can check that they made progress.
    var consumed = 0
    var comments: [Comment] = []
    var errors: [SyntaxError] = []
    /// Below zero inside the header of an `if`, `for` or `switch`, where `name {` starts the
    /// block rather than a composite literal.
    var exprLevel = 0
    var depth = 0
    /// False inside a block whose first statement starts in column 1, as in a test fixture
    /// that was never formatted; see `atDeclarationStartInBody`.
    var blockIsIndented = true

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        lexer = Lexer(buffer)
        token = Token(kind: .eof, start: 0, end: 0, line: 1, column: 1, endLine: 1)
        readToken()
    }

    // MARK: - Tokens

    /// Consumes the current token and reads the next one that is not a comment.
    mutating func advance() {
        if token.kind != .semicolon && token.kind != .eof {
            lastEnd = token.end
            lastEndLine = token.endLine
        }
        consumed += 1
        readToken()
    }

    private mutating func readToken() {
        while true {
            let next = lexer.next()
            if !lexer.errors.isEmpty {
                for error in lexer.errors { record(error) }
                lexer.errors.removeAll(keepingCapacity: true)
            }
            guard next.kind == .comment else {
                token = next
                return
            }
            comments.append(Comment(text: text(from: next.start, to: next.end), span: next.span))
        }
    }

    /// Returns the kind of the token after the current one, without consuming anything.
    func peekKind() -> TokenKind {
        var copy = lexer
        var next = copy.next()
        while next.kind == .comment { next = copy.next() }
        return next.kind
    }

    /// Consumes the current token if it has the given kind.
    @discardableResult
    mutating func accept(_ kind: TokenKind) -> Bool {
        guard token.kind == kind else { return false }
        advance()
        return true
    }

    /// Consumes a token of the given kind, or records an error and consumes nothing.
    @discardableResult
    mutating func expect(_ kind: TokenKind) -> Bool {
        if accept(kind) { return true }
        reportExpected("'\(kind)'")
        return false
    }

    // MARK: - Text and positions

    func text(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: lexer.base + start, count: end - start), as: UTF8.self)
    }

    var tokenText: String { text(from: token.start, to: token.end) }

    /// Returns the span from the start of `first` to the end of the last consumed token, or
    /// an empty span at `first` when nothing was consumed since.
    func span(from first: Token) -> Span {
        guard lastEnd > first.start else {
            return Span(start: first.start, end: first.start, line: first.line, column: first.column, endLine: first.line)
        }
        return Span(start: first.start, end: lastEnd, line: first.line, column: first.column, endLine: lastEndLine)
    }

    /// Reads the current identifier, or records an error and returns `_` without consuming
    /// anything.
    mutating func parseIdent() -> Ident {
        guard token.kind == .identifier else {
            reportExpected("identifier")
            return Ident(name: "_", span: span(from: token))
        }
        let ident = Ident(name: tokenText, span: token.span)
        advance()
        return ident
    }

    // MARK: - Errors

    /// Records an error unless one was already recorded on the same line, because one
    /// mistake often causes several.
    mutating func record(_ error: SyntaxError) {
        if let last = errors.last, last.span.line == error.span.line { return }
        errors.append(error)
    }

    mutating func report(_ message: String, at span: Span) {
        record(SyntaxError(message: message, span: span))
    }

    mutating func reportExpected(_ what: String) {
        report("expected \(what), found \(describe(token))", at: token.span)
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .eof: return "end of file"
        case .semicolon where token.isAutomaticSemicolon: return "newline"
        case .identifier, .int, .float, .imaginary, .rune, .string, .illegal:
            let length = min(token.end - token.start, 24)
            var shown = text(from: token.start, to: token.start + length)
            if length < token.end - token.start { shown += "…" }
            if token.kind == .identifier { return "identifier \(shown)" }
            return token.kind == .illegal ? "illegal character" : "literal \(shown)"
        default:
            return "'\(token.kind)'"
        }
    }
}
