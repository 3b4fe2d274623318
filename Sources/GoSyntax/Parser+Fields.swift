// Field lists: parameters, results, type parameters, struct fields and interface elements.
extension Parser {
    /// One entry of a parameter list before grouping: a name, a type, or both.
    struct ParameterEntry {
        var name: Ident?
        var type: Expr?
        var span: Span
    }

    // MARK: - Signatures and parameters

    /// Parses the parameters and results of a function whose `func` keyword (or name) is
    /// `first`.
    mutating func parseSignature(from first: Token, typeParams: [Field]) -> FuncType {
        var params: [Field] = []
        if token.kind == .leftParen {
            params = parseParameters()
        } else {
            reportExpected("'('")
        }
        var results: [Field] = []
        if token.kind == .leftParen {
            results = parseParameters()
        } else if atTypeStart {
            let type = parseType()
            results = [Field(names: [], type: type, tag: nil, span: type.span)]
        }
        return FuncType(typeParams: typeParams, params: params, results: results, span: span(from: first))
    }

    /// Parses `(…)` of parameters, results or a receiver.
    ///
    /// Go decides only at the end of the list whether identifiers are names or types:
    /// `(a, b int)` declares two names, `(int, string)` two unnamed parameters.
    mutating func parseParameters() -> [Field] {
        advance()
        var entries: [ParameterEntry] = []
        while token.kind != .rightParen && token.kind != .eof && !atDeclarationStartInBody {
            entries.append(parseParameterEntry())
            if !accept(.comma) { break }
        }
        expectClosing(.rightParen)
        return groupParameters(entries)
    }

    private mutating func parseParameterEntry() -> ParameterEntry {
        let first = token
        if token.kind == .ellipsis {
            return ParameterEntry(name: nil, type: parseVariadicType(), span: span(from: first))
        }
        guard token.kind == .identifier else {
            return ParameterEntry(name: nil, type: parseType(), span: span(from: first))
        }
        let name = parseIdent()
        switch token.kind {
        case .period:
            advance()
            let qualified = Expr.selector(SelectorExpr(base: .ident(name), name: parseIdent(), span: span(from: first)))
            return ParameterEntry(name: nil, type: parseTypeArgumentsIfAny(after: qualified, first: first),
                                  span: span(from: first))
        case .leftBracket:
            let (declared, type) = parseArrayOrInstance(after: name, first: first)
            return ParameterEntry(name: declared, type: type, span: span(from: first))
        case .ellipsis:
            return ParameterEntry(name: name, type: parseVariadicType(), span: span(from: first))
        default:
            let type: Expr? = atTypeStart ? parseType() : nil
            return ParameterEntry(name: name, type: type, span: span(from: first))
        }
    }

    private mutating func parseVariadicType() -> Expr {
        let first = token
        advance()
        let element = parseType()
        return .ellipsis(EllipsisExpr(element: element, span: span(from: first)))
    }

    /// Parses `[…]` after an identifier in a parameter or field list, where `a [4]int` and
    /// `a []int` declare `a` while `List[T]` is an instantiated type. Returns the declared
    /// name (nil for a type) and the type.
    mutating func parseArrayOrInstance(after name: Ident, first: Token) -> (Ident?, Expr) {
        let bracket = token
        let next = peekKind()
        if next == .rightBracket || next == .ellipsis {
            return (name, parseType())
        }
        advance()
        exprLevel += 1
        var arguments = [parseExpr()]
        while accept(.comma) && token.kind != .rightBracket {
            arguments.append(parseExpr())
        }
        exprLevel -= 1
        expectClosing(.rightBracket)
        if arguments.count == 1 && atTypeStart {
            let element = parseType()
            return (name, .arrayType(ArrayType(length: arguments[0], element: element, span: span(from: bracket))))
        }
        return (nil, .index(IndexExpr(base: .ident(name), indices: arguments, span: span(from: first))))
    }

    mutating func parseTypeArgumentsIfAny(after name: Expr, first: Token) -> Expr {
        guard token.kind == .leftBracket else { return name }
        advance()
        exprLevel += 1
        var arguments: [Expr] = []
        while token.kind != .rightBracket && token.kind != .eof {
            arguments.append(parseType())
            if !accept(.comma) { break }
        }
        exprLevel -= 1
        expectClosing(.rightBracket)
        return .index(IndexExpr(base: name, indices: arguments, span: span(from: first)))
    }

    /// Turns entries into fields. When any entry has both a name and a type, or
    /// `alwaysNamed` is set, bare identifiers are names that share the next type. Otherwise
    /// every entry is a type.
    mutating func groupParameters(_ entries: [ParameterEntry], alwaysNamed: Bool = false) -> [Field] {
        let named = alwaysNamed || entries.contains { $0.name != nil && $0.type != nil }
        guard named else {
            return entries.map { entry in
                let type = entry.type ?? entry.name.map { Expr.ident($0) } ?? .bad(entry.span)
                return Field(names: [], type: type, tag: nil, span: entry.span)
            }
        }
        var fields: [Field] = []
        var pending: [Ident] = []
        for entry in entries {
            if let name = entry.name, entry.type == nil {
                pending.append(name)
                continue
            }
            if entry.name == nil {
                report("mixed named and unnamed parameters", at: entry.span)
            }
            let names = pending + (entry.name.map { [$0] } ?? [])
            let start = pending.first?.span ?? entry.span
            fields.append(Field(names: names, type: entry.type ?? .bad(entry.span), tag: nil,
                                span: start.union(entry.span)))
            pending = []
        }
        if let first = pending.first, let last = pending.last {
            let end = Span(start: last.span.end, end: last.span.end, line: last.span.line,
                           column: last.span.column + last.span.end - last.span.start, endLine: last.span.line)
            report("missing type after \(last.name)", at: last.span)
            fields.append(Field(names: pending, type: .bad(end), tag: nil, span: first.span.union(last.span)))
        }
        return fields
    }
}
