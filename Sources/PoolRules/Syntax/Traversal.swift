import GoSyntax

/// What a visitor wants after seeing a node.
enum Descend {
    /// Visit the node's children.
    case children
    /// Skip the node's children and go on with its siblings.
    case skip
}

/// Depth-first pre-order walks over expressions and statements.
///
/// Function literals are visited like any other expression; a visitor that treats closures as
/// separate functions returns `.skip` for `.funcLit`.
enum Walk {
    static func expressions(in expr: Expr, _ visit: (Expr) -> Descend) {
        guard visit(expr) == .children else { return }
        for child in expr.childExpressions {
            expressions(in: child, visit)
        }
        if case .funcLit(let literal) = expr {
            for statement in literal.body.statements {
                expressions(in: statement, visit)
            }
        }
    }

    static func expressions(in stmt: Stmt, _ visit: (Expr) -> Descend) {
        for expr in stmt.ownExpressions {
            expressions(in: expr, visit)
        }
        for child in stmt.childStatements {
            expressions(in: child, visit)
        }
    }

    /// Visits `stmt` and every statement nested in it, not entering function literals.
    static func statements(in stmt: Stmt, _ visit: (Stmt) -> Descend) {
        guard visit(stmt) == .children else { return }
        for child in stmt.childStatements {
            statements(in: child, visit)
        }
    }

    static func statements(in body: [Stmt], _ visit: (Stmt) -> Descend) {
        for statement in body {
            statements(in: statement, visit)
        }
    }
}

extension Expr {
    /// The direct sub-expressions, in source order. A function literal's body is not included:
    /// its statements are reached through `Walk`.
    var childExpressions: [Expr] {
        switch self {
        case .ident, .basicLit, .bad:
            return []
        case .compositeLit(let node):
            return (node.type.map { [$0] } ?? []) + node.elements
        case .funcLit(let node):
            return fieldTypes(node.type)
        case .paren(let node):
            return [node.inner]
        case .selector(let node):
            return [node.base]
        case .index(let node):
            return [node.base] + node.indices
        case .slice(let node):
            return [node.base] + [node.low, node.high, node.max].compactMap { $0 }
        case .typeAssert(let node):
            return [node.base] + (node.type.map { [$0] } ?? [])
        case .call(let node):
            return [node.function] + node.arguments
        case .star(let node):
            return [node.operand]
        case .unary(let node):
            return [node.operand]
        case .binary(let node):
            return [node.left, node.right]
        case .keyValue(let node):
            return [node.key, node.value]
        case .arrayType(let node):
            return (node.length.map { [$0] } ?? []) + [node.element]
        case .structType(let node):
            return node.fields.map(\.type)
        case .funcType(let node):
            return fieldTypes(node)
        case .interfaceType(let node):
            return node.elements.map(\.type)
        case .mapType(let node):
            return [node.key, node.value]
        case .chanType(let node):
            return [node.value]
        case .ellipsis(let node):
            return node.element.map { [$0] } ?? []
        }
    }

    private func fieldTypes(_ type: FuncType) -> [Expr] {
        (type.typeParams + type.params + type.results).map(\.type)
    }
}

extension Stmt {
    /// The expressions that belong to this statement itself, not to nested statements.
    var ownExpressions: [Expr] {
        switch self {
        case .bad, .empty, .labeled, .branch, .block, .select:
            return []
        case .decl(let decl):
            return decl.specs.flatMap { spec -> [Expr] in
                if case .value(let value) = spec { return (value.type.map { [$0] } ?? []) + value.values }
                return []
            }
        case .expr(let node):
            return [node.expr]
        case .send(let node):
            return [node.channel, node.value]
        case .incDec(let node):
            return [node.target]
        case .assign(let node):
            return node.lhs + node.rhs
        case .go(let node):
            return [node.call]
        case .defer(let node):
            return [node.call]
        case .return(let node):
            return node.results
        case .if(let node):
            return [node.condition]
        case .switch(let node):
            return (node.tag.map { [$0] } ?? []) + node.clauses.flatMap { $0.expressions ?? [] }
        case .typeSwitch(let node):
            return node.clauses.flatMap { $0.expressions ?? [] }
        case .for(let node):
            return node.condition.map { [$0] } ?? []
        case .range(let node):
            return [node.key, node.value].compactMap { $0 } + [node.collection]
        }
    }

    /// The statements nested directly in this one, in source order.
    var childStatements: [Stmt] {
        switch self {
        case .bad, .empty, .decl, .expr, .send, .incDec, .assign, .go, .defer, .return, .branch:
            return []
        case .labeled(let node):
            return [node.statement]
        case .block(let node):
            return node.statements
        case .if(let node):
            return (node.initializer.map { [$0] } ?? []) + node.then.statements + (node.elseBranch.map { [$0] } ?? [])
        case .switch(let node):
            return (node.initializer.map { [$0] } ?? []) + node.clauses.flatMap(\.body)
        case .typeSwitch(let node):
            return (node.initializer.map { [$0] } ?? []) + [node.guardStmt] + node.clauses.flatMap(\.body)
        case .select(let node):
            return node.clauses.flatMap { ($0.communication.map { [$0] } ?? []) + $0.body }
        case .for(let node):
            return [node.initializer, node.post].compactMap { $0 } + node.body.statements
        case .range(let node):
            return node.body.statements
        }
    }
}
