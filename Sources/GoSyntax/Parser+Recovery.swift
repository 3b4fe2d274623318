// Error recovery: skipping malformed input and finding where the next declaration starts.
extension Parser {
    /// Consumes the `)`, `]` or `}` that closes a list, skipping stray tokens before it on the
    /// same nesting level, so a typo inside a call does not leak into the next statement.
    mutating func expectClosing(_ kind: TokenKind) {
        if accept(kind) { return }
        reportExpected("'\(kind)'")
        guard kind != .rightBrace else { return }
        var balance = 0
        while token.kind != .eof && !atDeclarationStartInBody {
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace:
                balance += 1
            case .rightParen, .rightBracket, .rightBrace:
                if balance == 0 {
                    if token.kind == kind { advance() }
                    return
                }
                balance -= 1
            case .semicolon where balance == 0:
                return
            default:
                break
            }
            advance()
        }
    }

    /// True when the current token starts a top-level declaration although the parser is
    /// inside a body, a literal or a list. That happens after a missing `}` or `)`, and
    /// lists stop there so a half-written function does not swallow the next one.
    ///
    /// NOTE: this relies on gofmt, which indents everything inside a declaration. It takes
    /// `func` in column 1 followed by a name or a method receiver, `import` in column 1, and
    /// `var`, `const` and `type` in column 1 unless the enclosing block's first statement
    /// also starts in column 1. Unformatted code that puts a named function or an import
    /// in column 1 inside a body gets a syntax error there.
    var atDeclarationStartInBody: Bool {
        guard token.column == 1 && depth > 0 else { return false }
        switch token.kind {
        case .import: return true
        case .var, .const, .type: return blockIsIndented
        case .func: return functionDeclarationFollows()
        default: return false
        }
    }

    /// Returns true when the `func` under the current token is followed by a name, or by a
    /// receiver in parentheses and then a name and `(` or `[`. A function literal is followed
    /// by its parameters and then its results or its body.
    private func functionDeclarationFollows() -> Bool {
        var lookahead = lexer
        func nextKind() -> TokenKind {
            var next = lookahead.next()
            while next.kind == .comment { next = lookahead.next() }
            return next.kind
        }
        switch nextKind() {
        case .identifier: return true
        case .leftParen: break
        default: return false
        }
        // A receiver is short, so a bounded scan keeps this check cheap on hostile input.
        var balance = 1
        var scanned = 0
        while balance > 0 {
            scanned += 1
            guard scanned <= 32 else { return false }
            switch nextKind() {
            case .leftParen: balance += 1
            case .rightParen: balance -= 1
            case .eof, .semicolon, .leftBrace: return false
            default: break
            }
        }
        guard balance == 0, nextKind() == .identifier else { return false }
        let afterName = nextKind()
        return afterName == .leftParen || afterName == .leftBracket
    }

    /// Skips to the end of a malformed statement: past the next `;` outside braces, or up to
    /// an unmatched `}`. Parentheses are not counted, so a missing `)` ends at the newline.
    mutating func skipToStatementEnd() {
        var braces = 0
        while token.kind != .eof && !atDeclarationStartInBody {
            switch token.kind {
            case .leftBrace:
                braces += 1
            case .rightBrace:
                if braces == 0 { return }
                braces -= 1
            case .semicolon where braces == 0:
                advance()
                return
            default:
                break
            }
            advance()
        }
    }

    /// Reports nesting beyond `maxDepth` and skips the construct at the current token: up
    /// to the closing bracket, comma or semicolon that ends it on the enclosing level.
    mutating func skipTooDeep() -> Span {
        let first = token
        report("nesting deeper than \(Parser.maxDepth) levels is not parsed", at: token.span)
        var brackets = 0
        var braces = 0
        while token.kind != .eof && !atDeclarationStartInBody {
            switch token.kind {
            case .leftParen, .leftBracket:
                brackets += 1
            case .leftBrace:
                braces += 1
            case .rightParen, .rightBracket, .rightBrace:
                if brackets + braces == 0 { return span(from: first) }
                if token.kind == .rightBrace { braces = max(0, braces - 1) } else { brackets = max(0, brackets - 1) }
            case .comma where brackets + braces == 0:
                return span(from: first)
            case .semicolon where braces == 0:
                return span(from: first)
            default:
                break
            }
            advance()
        }
        return span(from: first)
    }
}
