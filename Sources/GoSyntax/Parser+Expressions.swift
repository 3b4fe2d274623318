// Expressions, with Go's five binary precedence levels. Types may appear wherever an
// expression may (conversions, `make([]byte, n)`, type arguments), so the operand parser
// also reads type literals.
extension Parser {
    mutating func parseExpr() -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { return .bad(skipTooDeep()) }
        let first = token
        return parseBinary(minPrecedence: 1, left: parseUnary(), first: first)
    }

    mutating func parseExprList() -> [Expr] {
        var list = [parseExpr()]
        while accept(.comma) {
            list.append(parseExpr())
        }
        return list
    }

    /// Parses binary operators of at least `minPrecedence` after the operand `left`, which
    /// started at `first`. Operators of equal precedence associate to the left.
    ///
    /// NOTE: generated code joins thousands of string literals with `+`, and a left-deep
    /// tree that deep would overflow the stack of every recursive walk. After
    /// `leftDeepChainLimit` operands, a run of one associative operator (`+ * & | ^ && ||`)
    /// is grouped as a balanced tree instead; the operands keep their order.
    mutating func parseBinary(minPrecedence: Int, left: Expr, first: Token) -> Expr {
        var result = left
        // Each link deepens the tree by one, so it counts as nesting for the operands too.
        var chainLength = 0
        defer { depth -= chainLength }
        while token.kind.binaryPrecedence >= minPrecedence {
            let precedence = token.kind.binaryPrecedence
            let op = token.kind
            if chainLength >= Parser.leftDeepChainLimit && op.isAssociative {
                result = parseAssociativeRun(after: result, first: first)
                continue
            }
            chainLength += 1
            depth += 1
            if depth > Parser.maxDepth {
                _ = skipTooDeep()
                return .bad(span(from: first))
            }
            advance()
            let rightFirst = token
            let right = parseBinary(minPrecedence: precedence + 1, left: parseUnary(), first: rightFirst)
            result = .binary(BinaryExpr(op: op.description, left: result, right: right, span: span(from: first)))
        }
        return result
    }

    /// Parses `op operand op operand …` after `left` while the operator stays the current
    /// one, and returns `left op (balanced tree of the operands)`.
    private mutating func parseAssociativeRun(after left: Expr, first: Token) -> Expr {
        let op = token.kind
        var operands: [Expr] = []
        while token.kind == op {
            advance()
            let operandFirst = token
            operands.append(parseBinary(minPrecedence: op.binaryPrecedence + 1, left: parseUnary(), first: operandFirst))
        }
        let right = balancedTree(operands[...], op: op.description)
        return .binary(BinaryExpr(op: op.description, left: left, right: right, span: span(from: first)))
    }

    private func balancedTree(_ operands: ArraySlice<Expr>, op: String) -> Expr {
        if operands.count == 1 { return operands[operands.startIndex] }
        let middle = operands.startIndex + operands.count / 2
        let left = balancedTree(operands[..<middle], op: op)
        let right = balancedTree(operands[middle...], op: op)
        return .binary(BinaryExpr(op: op, left: left, right: right, span: left.span.union(right.span)))
    }

    mutating func parseUnary() -> Expr {
        let first = token
        switch token.kind {
        case .arrow where peekKind() == .chan:
            // `<-chan T` is a channel type, not a receive from `chan T`.
            return parsePrimary(parseReceiveChannelType(), first: first)
        case .add, .subtract, .not, .xor, .and, .tilde, .arrow, .multiply:
            depth += 1
            defer { depth -= 1 }
            if depth > Parser.maxDepth { return .bad(skipTooDeep()) }
            let op = token.kind
            advance()
            let operand = parseUnary()
            if op == .multiply {
                return .star(StarExpr(operand: operand, span: span(from: first)))
            }
            return .unary(UnaryExpr(op: op.description, operand: operand, span: span(from: first)))
        default:
            return parsePrimary(parseOperand(), first: first)
        }
    }

    // MARK: - Operands

    mutating func parseOperand() -> Expr {
        let first = token
        if atDeclarationStartInBody {
            reportExpected("expression")
            return .bad(span(from: first))
        }
        switch token.kind {
        case .identifier:
            return .ident(parseIdent())
        case .int, .float, .imaginary, .rune, .string:
            let kind: BasicLit.Kind
            switch token.kind {
            case .int: kind = .int
            case .float: kind = .float
            case .imaginary: kind = .imaginary
            case .rune: kind = .rune
            default: kind = .string
            }
            let literal = BasicLit(kind: kind, raw: tokenText, span: token.span)
            advance()
            return .basicLit(literal)
        case .leftParen:
            advance()
            exprLevel += 1
            let inner = parseExpr()
            exprLevel -= 1
            expectClosing(.rightParen)
            return .paren(ParenExpr(inner: inner, span: span(from: first)))
        case .func:
            return parseFuncTypeOrLiteral()
        case .leftBracket, .struct, .map, .chan, .interface:
            return parseType()
        default:
            reportExpected("expression")
            return .bad(span(from: first))
        }
    }

    /// Parses `func(…) …` and, when a body follows, the function literal.
    private mutating func parseFuncTypeOrLiteral() -> Expr {
        let first = token
        advance()
        let signature = parseSignature(from: first, typeParams: [])
        guard token.kind == .leftBrace else { return .funcType(signature) }
        let body = parseBlock()
        return .funcLit(FuncLit(type: signature, body: body, span: span(from: first)))
    }

    // MARK: - Primary expressions

    /// Parses selectors, indexes, slices, type assertions, calls and composite literals
    /// after the operand `operand`, which started at `first`.
    mutating func parsePrimary(_ operand: Expr, first: Token) -> Expr {
        var result = operand
        // Each suffix deepens the tree by one, so it counts as nesting for its operands too.
        var chainLength = 0
        defer { depth -= chainLength }
        while true {
            switch token.kind {
            case .period, .leftBracket, .leftParen:
                break
            case .leftBrace where isCompositeLiteralType(result):
                break
            default:
                return result
            }
            chainLength += 1
            depth += 1
            if depth > Parser.maxDepth {
                _ = skipTooDeep()
                return .bad(span(from: first))
            }
            switch token.kind {
            case .period: result = parseSelectorOrAssertion(result, first: first)
            case .leftBracket: result = parseIndexOrSlice(result, first: first)
            case .leftParen: result = parseCall(result, first: first)
            default: result = parseLiteralValue(type: result, first: first)
            }
        }
    }

    /// True when `{` after `type` starts a composite literal. In a statement header, a bare
    /// type name followed by `{` starts the block instead, as the Go specification requires,
    /// so a literal of such a type must be parenthesized there.
    private func isCompositeLiteralType(_ type: Expr) -> Bool {
        switch type {
        case .ident, .selector, .index: return exprLevel >= 0
        case .arrayType, .structType, .mapType: return true
        default: return false
        }
    }

    private mutating func parseSelectorOrAssertion(_ base: Expr, first: Token) -> Expr {
        advance()
        switch token.kind {
        case .identifier:
            let name = parseIdent()
            return .selector(SelectorExpr(base: base, name: name, span: span(from: first)))
        case .leftParen:
            advance()
            var type: Expr?
            if !accept(.type) {
                type = parseType()
            }
            expectClosing(.rightParen)
            return .typeAssert(TypeAssertExpr(base: base, type: type, span: span(from: first)))
        default:
            reportExpected("selector or type assertion")
            let name = Ident(name: "_", span: span(from: token))
            return .selector(SelectorExpr(base: base, name: name, span: span(from: first)))
        }
    }

    /// Parses `[i]`, `[T1, T2]` (type arguments), `[low:high]` or `[low:high:max]`.
    private mutating func parseIndexOrSlice(_ base: Expr, first: Token) -> Expr {
        advance()
        exprLevel += 1
        var parts: [Expr?] = [nil]
        var colons = 0
        if token.kind != .colon {
            parts[0] = parseExpr()
        }
        if token.kind == .comma {
            var indices = [parts[0] ?? .bad(span(from: token))]
            while accept(.comma) && token.kind != .rightBracket {
                indices.append(parseExpr())
            }
            exprLevel -= 1
            expectClosing(.rightBracket)
            return .index(IndexExpr(base: base, indices: indices, span: span(from: first)))
        }

        while colons < 2 && accept(.colon) {
            colons += 1
            let part: Expr? = token.kind == .colon || token.kind == .rightBracket ? nil : parseExpr()
            parts.append(part)
        }
        exprLevel -= 1
        expectClosing(.rightBracket)

        if colons == 0 {
            return .index(IndexExpr(base: base, indices: [parts[0] ?? .bad(span(from: first))], span: span(from: first)))
        }
        if colons == 2 && (parts[1] == nil || parts[2] == nil) {
            report("middle and final index required in 3-index slice", at: span(from: first))
        }
        return .slice(SliceExpr(
            base: base, low: parts[0], high: parts[1], max: colons == 2 ? parts[2] : nil, span: span(from: first)))
    }

    private mutating func parseCall(_ function: Expr, first: Token) -> Expr {
        advance()
        exprLevel += 1
        var arguments: [Expr] = []
        var hasEllipsis = false
        while token.kind != .rightParen && token.kind != .eof && !atDeclarationStartInBody {
            arguments.append(parseExpr())
            if accept(.ellipsis) {
                hasEllipsis = true
            }
            if !accept(.comma) { break }
        }
        exprLevel -= 1
        expectClosing(.rightParen)
        return .call(CallExpr(function: function, arguments: arguments, hasEllipsis: hasEllipsis, span: span(from: first)))
    }

    /// Parses `{elements}`; `type` is nil for a literal whose type is elided inside another.
    mutating func parseLiteralValue(type: Expr?, first: Token) -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { return .bad(skipTooDeep()) }
        advance()
        exprLevel += 1
        var elements: [Expr] = []
        while token.kind != .rightBrace && token.kind != .eof && !atDeclarationStartInBody {
            elements.append(parseElement())
            if !accept(.comma) { break }
        }
        exprLevel -= 1
        expectClosing(.rightBrace)
        return .compositeLit(CompositeLit(type: type, elements: elements, span: span(from: first)))
    }

    private mutating func parseElement() -> Expr {
        let first = token
        let key = parseElementValue()
        guard accept(.colon) else { return key }
        let value = parseElementValue()
        return .keyValue(KeyValueExpr(key: key, value: value, span: span(from: first)))
    }

    private mutating func parseElementValue() -> Expr {
        token.kind == .leftBrace ? parseLiteralValue(type: nil, first: token) : parseExpr()
    }
}
