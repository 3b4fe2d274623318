// Struct and interface types.
extension Parser {
    mutating func parseStructType() -> Expr {
        let first = token
        advance()
        let fields = parseMemberList { parser in parser.parseStructField() }
        return .structType(StructType(fields: fields, span: span(from: first)))
    }

    mutating func parseInterfaceType() -> Expr {
        let first = token
        advance()
        let elements = parseMemberList { parser in parser.parseInterfaceElement() }
        return .interfaceType(InterfaceType(elements: elements, span: span(from: first)))
    }

    /// Parses `{ member; member }`, skipping to the next member after a malformed one.
    private mutating func parseMemberList(_ parseMember: (inout Parser) -> Field) -> [Field] {
        guard expect(.leftBrace) else { return [] }
        var members: [Field] = []
        while token.kind != .rightBrace && token.kind != .eof && !atDeclarationStartInBody {
            let before = consumed
            members.append(parseMember(&self))
            if !accept(.semicolon) && token.kind != .rightBrace {
                reportExpected("';' or '}'")
                skipToStatementEnd()
            }
            if consumed == before {
                advance()
            }
        }
        expectClosing(.rightBrace)
        return members
    }

    /// Parses `a, b T "tag"`, an embedded `T`, `*T`, `pkg.T` or `T[A]`, or a field with an
    /// array type such as `buf [64]byte`.
    private mutating func parseStructField() -> Field {
        let first = token
        var names: [Ident] = []
        let type: Expr
        switch token.kind {
        case .identifier:
            let name = parseIdent()
            switch token.kind {
            case .period:
                advance()
                let qualified = Expr.selector(SelectorExpr(base: .ident(name), name: parseIdent(), span: span(from: first)))
                type = parseTypeArgumentsIfAny(after: qualified, first: first)
            case .leftBracket:
                let (declared, parsedType) = parseArrayOrInstance(after: name, first: first)
                names = declared.map { [$0] } ?? []
                type = parsedType
            case .string, .semicolon, .rightBrace:
                type = .ident(name)
            default:
                names = [name]
                while accept(.comma) {
                    names.append(parseIdent())
                }
                type = parseType()
            }
        case .multiply:
            advance()
            let pointee = parseTypeName()
            type = .star(StarExpr(operand: pointee, span: span(from: first)))
        default:
            reportExpected("field name or embedded type")
            type = token.kind == .leftParen ? parseType() : .bad(span(from: first))
        }
        var tag: String?
        if token.kind == .string {
            tag = tokenText
            advance()
        }
        return Field(names: names, type: type, tag: tag, span: span(from: first))
    }

    /// Parses a method `Name(params) results`, an embedded interface, or a type-set
    /// element such as `~int | ~string`.
    private mutating func parseInterfaceElement() -> Field {
        let first = token
        guard token.kind == .identifier else {
            return Field(names: [], type: parseConstraint(), tag: nil, span: span(from: first))
        }
        let name = parseIdent()
        if token.kind == .leftParen {
            let signature = parseSignature(from: token, typeParams: [])
            return Field(names: [name], type: .funcType(signature), tag: nil, span: span(from: first))
        }
        var embedded = Expr.ident(name)
        if accept(.period) {
            embedded = .selector(SelectorExpr(base: embedded, name: parseIdent(), span: span(from: first)))
        }
        embedded = parseTypeArgumentsIfAny(after: embedded, first: first)
        let type = parseUnion(startingWith: embedded, first: first)
        return Field(names: [], type: type, tag: nil, span: span(from: first))
    }
}
