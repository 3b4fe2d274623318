// Blocks, statement lists and simple statements.
extension Parser {
    /// A simple statement, or the `k, v := range x` clause of a `for` header.
    enum SimpleStatement {
        case statement(Stmt)
        case rangeClause(key: Expr?, value: Expr?, isDefine: Bool, collection: Expr)

        var statement: Stmt? {
            if case .statement(let statement) = self { return statement }
            return nil
        }
    }

    mutating func parseBlock() -> Block {
        let first = token
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { return Block(statements: [], span: skipTooDeep()) }
        guard expect(.leftBrace) else { return Block(statements: [], span: span(from: first)) }
        let savedLevel = exprLevel
        let savedIndentation = blockIsIndented
        exprLevel = 0
        if token.line > first.line && token.kind != .rightBrace {
            blockIsIndented = token.column > 1
        }
        let statements = parseStatementList(inClause: false)
        exprLevel = savedLevel
        blockIsIndented = savedIndentation
        expectClosing(.rightBrace)
        return Block(statements: statements, span: span(from: first))
    }

    /// Parses statements up to a `}` (or, in a `case` clause, the next `case` or `default`).
    mutating func parseStatementList(inClause: Bool) -> [Stmt] {
        var statements: [Stmt] = []
        while token.kind != .rightBrace && token.kind != .eof && !atDeclarationStartInBody {
            if inClause && (token.kind == .case || token.kind == .default) { break }
            let before = consumed
            if token.kind == .semicolon {
                if !token.isAutomaticSemicolon {
                    statements.append(.empty(token.span))
                }
                advance()
                continue
            }
            statements.append(parseStatement())
            finishStatement(inClause: inClause)
            if consumed == before {
                advance()
            }
        }
        return statements
    }

    /// Consumes the semicolon after a statement, or reports its absence and skips to the
    /// end of the statement.
    private mutating func finishStatement(inClause: Bool) {
        if accept(.semicolon) || token.kind == .rightBrace || token.kind == .eof || atDeclarationStartInBody {
            return
        }
        if inClause && (token.kind == .case || token.kind == .default) { return }
        reportExpected("';' or newline")
        skipToStatementEnd()
    }

    mutating func parseStatement() -> Stmt {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { return .bad(skipTooDeep()) }
        let first = token
        switch token.kind {
        case .var, .const, .type:
            return .decl(parseGenDecl())
        case .go:
            advance()
            return .go(GoStmt(call: parseExpr(), span: span(from: first)))
        case .defer:
            advance()
            return .defer(DeferStmt(call: parseExpr(), span: span(from: first)))
        case .return:
            advance()
            let atEnd = token.kind == .semicolon || token.kind == .rightBrace
            let results = atEnd ? [] : parseExprList()
            return .return(ReturnStmt(results: results, span: span(from: first)))
        case .break, .continue, .goto, .fallthrough:
            return parseBranch()
        case .leftBrace:
            return .block(parseBlock())
        case .if:
            return parseIf()
        case .switch:
            return parseSwitch()
        case .select:
            return parseSelect()
        case .for:
            return parseFor()
        case .semicolon:
            // The statement list consumes the semicolon as the terminator.
            return .empty(token.isAutomaticSemicolon ? span(from: first) : token.span)
        case .identifier, .int, .float, .imaginary, .rune, .string, .func, .leftParen, .leftBracket,
             .struct, .map, .chan, .interface, .add, .subtract, .multiply, .and, .xor, .not, .arrow, .tilde:
            return parseSimpleStatement(labelAllowed: true, rangeAllowed: false).statement ?? .bad(span(from: first))
        default:
            reportExpected("statement")
            return .bad(span(from: first))
        }
    }

    private mutating func parseBranch() -> Stmt {
        let first = token
        let keyword: BranchStmt.Keyword
        switch token.kind {
        case .break: keyword = .break
        case .continue: keyword = .continue
        case .goto: keyword = .goto
        default: keyword = .fallthrough
        }
        advance()
        var label: Ident?
        if keyword != .fallthrough && token.kind == .identifier {
            label = parseIdent()
        }
        return .branch(BranchStmt(keyword: keyword, label: label, span: span(from: first)))
    }

    /// Parses an expression statement, send, increment, assignment or short variable
    /// declaration; a label when `labelAllowed`; a range clause when `rangeAllowed`.
    mutating func parseSimpleStatement(labelAllowed: Bool, rangeAllowed: Bool) -> SimpleStatement {
        let first = token
        if rangeAllowed && accept(.range) {
            return .rangeClause(key: nil, value: nil, isDefine: false, collection: parseExpr())
        }
        let lhs = parseExprList()
        switch token.kind {
        case .colon where labelAllowed && lhs.count == 1:
            guard case .ident(let label) = lhs[0] else { break }
            advance()
            // A label may end a block, as in `L: }`.
            let statement = token.kind == .rightBrace ? Stmt.empty(span(from: token)) : parseStatement()
            let labeled = LabeledStmt(label: label, statement: statement, span: span(from: first).union(statement.span))
            return .statement(.labeled(labeled))
        case .define, .assign, .addAssign, .subtractAssign, .multiplyAssign, .divideAssign, .remainderAssign,
             .andAssign, .orAssign, .xorAssign, .shiftLeftAssign, .shiftRightAssign, .andNotAssign:
            let op = token.kind
            advance()
            if rangeAllowed && (op == .define || op == .assign) && accept(.range) {
                if lhs.count > 2 {
                    report("range clause permits at most two iteration variables", at: lhs[2].span)
                }
                return .rangeClause(key: lhs[0], value: lhs.count > 1 ? lhs[1] : nil, isDefine: op == .define,
                                    collection: parseExpr())
            }
            let rhs = parseExprList()
            return .statement(.assign(AssignStmt(lhs: lhs, op: op.description, rhs: rhs, span: span(from: first))))
        case .arrow:
            advance()
            let value = parseExpr()
            return .statement(.send(SendStmt(channel: lhs[0], value: value, span: span(from: first))))
        case .increment, .decrement:
            let op = token.kind.description
            advance()
            return .statement(.incDec(IncDecStmt(target: lhs[0], op: op, span: span(from: first))))
        default:
            break
        }
        if lhs.count > 1 {
            reportExpected("':=' or '='")
        }
        return .statement(.expr(ExprStmt(expr: lhs[0], span: span(from: first))))
    }
}
