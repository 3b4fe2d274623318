// Type expressions: names, pointers, arrays, slices, maps, channels, functions, structs and
// interfaces.
extension Parser {
    mutating func parseType() -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { return .bad(skipTooDeep()) }
        let first = token
        if atDeclarationStartInBody {
            reportExpected("type")
            return .bad(span(from: first))
        }
        switch token.kind {
        case .identifier:
            return parseTypeName()
        case .leftBracket:
            return parseArrayType()
        case .multiply:
            advance()
            let pointee = parseType()
            return .star(StarExpr(operand: pointee, span: span(from: first)))
        case .map:
            advance()
            expect(.leftBracket)
            let key = parseType()
            expectClosing(.rightBracket)
            let value = parseType()
            return .mapType(MapType(key: key, value: value, span: span(from: first)))
        case .chan:
            return parseChannelType()
        case .arrow:
            return parseReceiveChannelType()
        case .func:
            advance()
            return .funcType(parseSignature(from: first, typeParams: []))
        case .struct:
            return parseStructType()
        case .interface:
            return parseInterfaceType()
        case .leftParen:
            advance()
            let inner = parseType()
            expectClosing(.rightParen)
            return .paren(ParenExpr(inner: inner, span: span(from: first)))
        default:
            reportExpected("type")
            return .bad(span(from: first))
        }
    }

    /// Parses `T`, `pkg.T`, `T[A, B]` or `pkg.T[A]`.
    mutating func parseTypeName() -> Expr {
        let first = token
        var name = Expr.ident(parseIdent())
        if accept(.period) {
            name = .selector(SelectorExpr(base: name, name: parseIdent(), span: span(from: first)))
        }
        return parseTypeArgumentsIfAny(after: name, first: first)
    }

    /// Parses `[]T`, `[N]T` or `[...]T`.
    private mutating func parseArrayType() -> Expr {
        let first = token
        advance()
        var length: Expr?
        if token.kind == .ellipsis {
            let ellipsis = token
            advance()
            length = .ellipsis(EllipsisExpr(element: nil, span: span(from: ellipsis)))
        } else if token.kind != .rightBracket {
            exprLevel += 1
            length = parseExpr()
            exprLevel -= 1
        }
        expectClosing(.rightBracket)
        let element = parseType()
        return .arrayType(ArrayType(length: length, element: element, span: span(from: first)))
    }

    /// Parses `chan T` or `chan<- T`. The arrow binds to the leftmost `chan`, so
    /// `chan<- chan int` sends channels of `chan int`.
    private mutating func parseChannelType() -> Expr {
        let first = token
        advance()
        let direction: ChanType.Direction = accept(.arrow) ? .send : .both
        let value = parseType()
        return .chanType(ChanType(direction: direction, value: value, span: span(from: first)))
    }

    /// Parses `<-chan T` at its arrow. In `<-chan <-chan T` the second arrow belongs to the
    /// inner channel, so both are receive-only.
    mutating func parseReceiveChannelType() -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { return .bad(skipTooDeep()) }
        let first = token
        advance()
        guard accept(.chan) else {
            reportExpected("'chan'")
            return .bad(span(from: first))
        }
        let value = token.kind == .arrow && peekKind() == .chan ? parseReceiveChannelType() : parseType()
        return .chanType(ChanType(direction: .receive, value: value, span: span(from: first)))
    }

    /// True when the current token can start a type.
    var atTypeStart: Bool {
        switch token.kind {
        case .identifier, .leftBracket, .multiply, .map, .chan, .arrow, .func, .struct, .interface, .leftParen:
            return true
        default:
            return false
        }
    }

    // MARK: - Constraints

    /// Parses a type constraint or an interface's type-set element: terms such as `~int`
    /// or `[]byte` joined by `|`.
    mutating func parseConstraint() -> Expr {
        let first = token
        return parseUnion(startingWith: parseConstraintTerm(), first: first)
    }

    /// Parses `| term` repeatedly after the term `left`, which started at `first`.
    mutating func parseUnion(startingWith left: Expr, first: Token) -> Expr {
        var result = left
        var termCount = 0
        defer { depth -= termCount }
        while token.kind == .or {
            termCount += 1
            depth += 1
            if depth > Parser.maxDepth {
                _ = skipTooDeep()
                return .bad(span(from: first))
            }
            advance()
            let term = parseConstraintTerm()
            result = .binary(BinaryExpr(op: "|", left: result, right: term, span: span(from: first)))
        }
        return result
    }

    private mutating func parseConstraintTerm() -> Expr {
        let first = token
        guard accept(.tilde) else { return parseType() }
        let type = parseType()
        return .unary(UnaryExpr(op: "~", operand: type, span: span(from: first)))
    }
}
