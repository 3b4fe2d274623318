// `if`, `for`, `switch` and `select`. Their headers are parsed with `exprLevel` below zero,
// so that in `if x == y {` the brace opens the block.
extension Parser {
    mutating func parseIf() -> Stmt {
        let first = token
        advance()
        let (initializer, condition) = parseIfHeader()
        let then = parseBlock()
        var elseBranch: Stmt?
        if accept(.else) {
            switch token.kind {
            case .if: elseBranch = parseStatement()
            case .leftBrace: elseBranch = .block(parseBlock())
            default: reportExpected("'if' or '{' after else")
            }
        }
        return .if(IfStmt(initializer: initializer, condition: condition, then: then, elseBranch: elseBranch,
                          span: span(from: first)))
    }

    private mutating func parseIfHeader() -> (Stmt?, Expr) {
        if token.kind == .leftBrace {
            report("missing condition in if statement", at: token.span)
            return (nil, .bad(span(from: token)))
        }
        let savedLevel = exprLevel
        exprLevel = -1
        defer { exprLevel = savedLevel }
        var initializer: Stmt?
        var header: Stmt?
        if token.kind != .semicolon {
            header = parseSimpleStatement(labelAllowed: false, rangeAllowed: false).statement
        }
        if accept(.semicolon) {
            initializer = header
            header = nil
            if token.kind != .leftBrace {
                header = parseSimpleStatement(labelAllowed: false, rangeAllowed: false).statement
            }
        }
        return (initializer, condition(from: header, in: "if"))
    }

    /// Returns the expression of an `if` or `for` condition, or records an error and returns
    /// `.bad` when the header contains no expression there.
    private mutating func condition(from statement: Stmt?, in keyword: String) -> Expr {
        switch statement {
        case .expr(let expression)?:
            return expression.expr
        case let other?:
            report("cannot use \(keyword) header statement as a condition", at: other.span)
            return .bad(other.span)
        case nil:
            report("missing condition in \(keyword) statement", at: token.span)
            return .bad(span(from: token))
        }
    }

    mutating func parseFor() -> Stmt {
        let first = token
        advance()
        let savedLevel = exprLevel
        exprLevel = -1
        var initializer: Stmt?
        var conditionExpr: Expr?
        var post: Stmt?
        var header: SimpleStatement?

        if token.kind != .leftBrace {
            if token.kind != .semicolon {
                header = parseSimpleStatement(labelAllowed: false, rangeAllowed: true)
            }
            if case .rangeClause = header {
                // The range clause is the whole header.
            } else if accept(.semicolon) {
                initializer = header?.statement
                header = nil
                if token.kind != .semicolon && token.kind != .leftBrace {
                    conditionExpr = parseExpr()
                }
                if accept(.semicolon) {
                    if token.kind != .leftBrace {
                        post = parseSimpleStatement(labelAllowed: false, rangeAllowed: false).statement
                    }
                } else {
                    reportExpected("';' in for clause")
                }
            } else {
                conditionExpr = condition(from: header?.statement, in: "for")
            }
        }
        exprLevel = savedLevel

        let body = parseBlock()
        if case .rangeClause(let key, let value, let isDefine, let collection)? = header {
            return .range(RangeStmt(key: key, value: value, isDefine: isDefine, collection: collection, body: body,
                                    span: span(from: first)))
        }
        return .for(ForStmt(initializer: initializer, condition: conditionExpr, post: post, body: body,
                            span: span(from: first)))
    }

    // MARK: - Switch and select

    mutating func parseSwitch() -> Stmt {
        let first = token
        advance()
        let savedLevel = exprLevel
        exprLevel = -1
        var initializer: Stmt?
        var header: Stmt?
        if token.kind != .leftBrace {
            if token.kind != .semicolon {
                header = parseSimpleStatement(labelAllowed: false, rangeAllowed: false).statement
            }
            if accept(.semicolon) {
                initializer = header
                header = nil
                if token.kind != .leftBrace {
                    header = parseSimpleStatement(labelAllowed: false, rangeAllowed: false).statement
                }
            }
        }
        exprLevel = savedLevel

        let clauses = parseClauses { parser in parser.parseCaseClause() }
        if let guardStmt = header, isTypeSwitchGuard(guardStmt) {
            return .typeSwitch(TypeSwitchStmt(initializer: initializer, guardStmt: guardStmt, clauses: clauses,
                                              span: span(from: first)))
        }

        var tag: Expr?
        if let header {
            if case .expr(let expression) = header {
                tag = expression.expr
            } else {
                report("switch expression must be an expression", at: header.span)
                tag = .bad(header.span)
            }
        }
        return .switch(SwitchStmt(initializer: initializer, tag: tag, clauses: clauses, span: span(from: first)))
    }

    /// True for `x := y.(type)` and `y.(type)`.
    private func isTypeSwitchGuard(_ statement: Stmt) -> Bool {
        switch statement {
        case .expr(let expression):
            if case .typeAssert(let assertion) = expression.expr { return assertion.type == nil }
        case .assign(let assignment) where assignment.isDefine && assignment.lhs.count == 1 && assignment.rhs.count == 1:
            if case .typeAssert(let assertion) = assignment.rhs[0] { return assertion.type == nil }
        default:
            break
        }
        return false
    }

    mutating func parseSelect() -> Stmt {
        let first = token
        advance()
        let clauses = parseClauses { parser in parser.parseCommClause() }
        return .select(SelectStmt(clauses: clauses, span: span(from: first)))
    }

    /// Parses `{ case …: … default: … }` with `parseClause` for each clause.
    private mutating func parseClauses<Clause>(_ parseClause: (inout Parser) -> Clause) -> [Clause] {
        guard expect(.leftBrace) else { return [] }
        var clauses: [Clause] = []
        while token.kind != .rightBrace && token.kind != .eof && !atDeclarationStartInBody {
            let before = consumed
            if token.kind == .case || token.kind == .default {
                clauses.append(parseClause(&self))
            } else {
                reportExpected("'case' or 'default'")
                skipToStatementEnd()
            }
            if consumed == before {
                advance()
            }
        }
        expectClosing(.rightBrace)
        return clauses
    }

    private mutating func parseCaseClause() -> CaseClause {
        let first = token
        var expressions: [Expr]?
        if accept(.case) {
            expressions = parseExprList()
        } else {
            advance()
        }
        expect(.colon)
        let body = parseStatementList(inClause: true)
        return CaseClause(expressions: expressions, body: body, span: clauseSpan(from: first, body: body))
    }

    private mutating func parseCommClause() -> CommClause {
        let first = token
        var communication: Stmt?
        if accept(.case) {
            communication = parseSimpleStatement(labelAllowed: false, rangeAllowed: false).statement
        } else {
            advance()
        }
        expect(.colon)
        let body = parseStatementList(inClause: true)
        return CommClause(communication: communication, body: body, span: clauseSpan(from: first, body: body))
    }

    /// Returns the span of a clause, which runs to the end of its last statement, even an empty
    /// statement written as `;`.
    private func clauseSpan(from first: Token, body: [Stmt]) -> Span {
        guard let last = body.last else { return span(from: first) }
        return span(from: first).union(last.span)
    }
}
