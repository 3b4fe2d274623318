// Type specs and type parameter lists.
extension Parser {
    mutating func parseTypeSpec() -> TypeSpec {
        let first = token
        let name = parseIdent()
        var typeParams: [Field] = []
        var arrayType: Expr?
        if token.kind == .leftBracket {
            (typeParams, arrayType) = parseTypeParametersOrArrayType()
        }
        if let arrayType {
            return TypeSpec(name: name, typeParams: [], isAlias: false, type: arrayType, span: span(from: first))
        }
        let isAlias = accept(.assign)
        let type = parseType()
        return TypeSpec(name: name, typeParams: typeParams, isAlias: isAlias, type: type, span: span(from: first))
    }

    /// Parses `[` after `type Name`, which opens either a type parameter list or an array
    /// or slice type. Returns the type parameters, or the array type when it was one.
    ///
    /// The Go specification resolves `type T[P *C] …` as an array of length `P*C`. A type
    /// element on the right (`[P *struct{}]`, `[P ~int]`) or a comma (`[P *C,]`) makes it a
    /// type parameter list.
    private mutating func parseTypeParametersOrArrayType() -> ([Field], Expr?) {
        let bracket = token
        guard peekKind() == .identifier else { return ([], parseType()) }
        advance()
        let nameToken = token
        let name = parseIdent()
        if token.kind == .leftBracket {
            // `[P []E]`: an index would be no constant length, so this is a constraint.
            let entry = ParameterEntry(name: name, type: parseConstraint(), span: span(from: nameToken))
            return (finishTypeParameters([entry]), nil)
        }
        exprLevel += 1
        let expression = parseBinary(minPrecedence: 1, left: parsePrimary(.ident(name), first: nameToken),
                                     first: nameToken)
        exprLevel -= 1

        switch token.kind {
        case .rightBracket:
            if let (parameter, constraint) = splitTypeParameter(expression, force: false) {
                let entry = ParameterEntry(name: parameter, type: constraint, span: parameter.span.union(constraint.span))
                return (finishTypeParameters([entry]), nil)
            }
            advance()
            let element = parseType()
            return ([], .arrayType(ArrayType(length: expression, element: element, span: span(from: bracket))))
        case .comma:
            var entry = ParameterEntry(name: name, type: nil, span: span(from: nameToken))
            if let (parameter, constraint) = splitTypeParameter(expression, force: true) {
                entry = ParameterEntry(name: parameter, type: constraint, span: parameter.span.union(constraint.span))
            } else if case .ident = expression {
            } else {
                report("expected type parameter name and constraint", at: expression.span)
            }
            return (finishTypeParameters([entry]), nil)
        default:
            if case .ident = expression {} else {
                report("expected type parameter name", at: expression.span)
            }
            let entry = ParameterEntry(name: name, type: parseConstraint(), span: span(from: nameToken))
            return (finishTypeParameters([entry]), nil)
        }
    }

    /// Parses `[P any, Q comparable]` of a generic function.
    mutating func parseTypeParameters() -> [Field] {
        let bracket = token
        advance()
        if token.kind == .rightBracket {
            report("empty type parameter list", at: span(from: bracket))
            advance()
            return []
        }
        return finishTypeParameters([parseTypeParameterEntry()])
    }

    /// Parses the rest of a type parameter list after `entries`, through the closing `]`.
    private mutating func finishTypeParameters(_ entries: [ParameterEntry]) -> [Field] {
        var entries = entries
        while accept(.comma) && token.kind != .rightBracket {
            entries.append(parseTypeParameterEntry())
        }
        expectClosing(.rightBracket)
        return groupParameters(entries, alwaysNamed: true)
    }

    private mutating func parseTypeParameterEntry() -> ParameterEntry {
        let first = token
        let name = parseIdent()
        if token.kind == .comma || token.kind == .rightBracket {
            return ParameterEntry(name: name, type: nil, span: span(from: first))
        }
        return ParameterEntry(name: name, type: parseConstraint(), span: span(from: first))
    }

    /// Splits `P *C`, `P *C | D` or `P (C)` into the parameter name and its constraint when
    /// `force` is set or the constraint contains a type element.
    private func splitTypeParameter(_ expression: Expr, force: Bool) -> (Ident, Expr)? {
        if case .call(let call) = expression, case .ident(let name) = call.function, call.arguments.count == 1,
           !call.hasEllipsis, force || isTypeElement(call.arguments[0]) {
            // `[P (C),]` reads as a call of P until the comma shows it is not one.
            return (name, call.arguments[0])
        }
        guard case .binary(let binary) = expression else { return nil }
        switch binary.op {
        case "*":
            guard case .ident(let name) = binary.left, force || isTypeElement(binary.right) else { return nil }
            let star = offsetOfOperator(before: binary.right.span.start)
            let starSpan = Span(start: star, end: binary.span.end, line: name.span.line,
                                column: name.span.column + star - name.span.start, endLine: binary.span.endLine)
            return (name, .star(StarExpr(operand: binary.right, span: starSpan)))
        case "|":
            guard let (name, left) = splitTypeParameter(binary.left, force: force || isTypeElement(binary.right)) else {
                return nil
            }
            var union = binary
            union.left = left
            union.span = left.span.union(binary.right.span)
            return (name, .binary(union))
        default:
            return nil
        }
    }

    /// Returns the offset of the one-byte operator that precedes `offset`, with only spaces and tabs
    /// in between.
    private func offsetOfOperator(before offset: Int) -> Int {
        var index = offset - 1
        while index > 0 && (lexer.base[index] == UInt8(ascii: " ") || lexer.base[index] == UInt8(ascii: "\t")) {
            index -= 1
        }
        return index
    }

    /// True for an expression that can only be a type: a type literal, `~T`, or a union
    /// or parenthesized expression that contains one.
    private func isTypeElement(_ expression: Expr) -> Bool {
        switch expression {
        case .arrayType, .structType, .funcType, .interfaceType, .mapType, .chanType:
            return true
        case .binary(let binary):
            return isTypeElement(binary.left) || isTypeElement(binary.right)
        case .unary(let unary):
            return unary.op == "~"
        case .paren(let paren):
            return isTypeElement(paren.inner)
        default:
            return false
        }
    }
}
