import GoSyntax

/// A visitor's choice after seeing a node.
enum Descend {
    /// Visit the node's children.
    case children
    /// Skip the node's children and go on with its siblings.
    case skip
}

/// Depth-first pre-order walks over expressions and statements.
///
/// Function literals are visited like any other expression; a visitor that treats closures as
/// separate functions returns `.skip` for `.funcLit`. The walks switch over the node kinds
/// directly instead of building arrays of children, because they run over every node of
/// every analysed file.
enum Walk {
    static func expressions(in expr: Expr, _ visit: (Expr) -> Descend) {
        guard visit(expr) == .children else { return }
        switch expr {
        case .ident, .basicLit, .bad:
            break
        case .compositeLit(let node):
            if let type = node.type { expressions(in: type, visit) }
            for element in node.elements { expressions(in: element, visit) }
        case .funcLit(let node):
            fields(of: node.type, visit)
            for statement in node.body.statements { expressions(in: statement, visit) }
        case .paren(let node):
            expressions(in: node.inner, visit)
        case .selector(let node):
            expressions(in: node.base, visit)
        case .index(let node):
            expressions(in: node.base, visit)
            for index in node.indices { expressions(in: index, visit) }
        case .slice(let node):
            expressions(in: node.base, visit)
            if let low = node.low { expressions(in: low, visit) }
            if let high = node.high { expressions(in: high, visit) }
            if let max = node.max { expressions(in: max, visit) }
        case .typeAssert(let node):
            expressions(in: node.base, visit)
            if let type = node.type { expressions(in: type, visit) }
        case .call(let node):
            expressions(in: node.function, visit)
            for argument in node.arguments { expressions(in: argument, visit) }
        case .star(let node):
            expressions(in: node.operand, visit)
        case .unary(let node):
            expressions(in: node.operand, visit)
        case .binary(let node):
            expressions(in: node.left, visit)
            expressions(in: node.right, visit)
        case .keyValue(let node):
            expressions(in: node.key, visit)
            expressions(in: node.value, visit)
        case .arrayType(let node):
            if let length = node.length { expressions(in: length, visit) }
            expressions(in: node.element, visit)
        case .structType(let node):
            for field in node.fields { expressions(in: field.type, visit) }
        case .funcType(let node):
            fields(of: node, visit)
        case .interfaceType(let node):
            for element in node.elements { expressions(in: element.type, visit) }
        case .mapType(let node):
            expressions(in: node.key, visit)
            expressions(in: node.value, visit)
        case .chanType(let node):
            expressions(in: node.value, visit)
        case .ellipsis(let node):
            if let element = node.element { expressions(in: element, visit) }
        }
    }

    private static func fields(of type: FuncType, _ visit: (Expr) -> Descend) {
        for field in type.typeParams { expressions(in: field.type, visit) }
        for field in type.params { expressions(in: field.type, visit) }
        for field in type.results { expressions(in: field.type, visit) }
    }

    /// Visits every expression of `stmt` and of the statements nested in it.
    static func expressions(in stmt: Stmt, _ visit: (Expr) -> Descend) {
        stmt.forEachOwnExpression { expressions(in: $0, visit) }
        stmt.forEachChildStatement { expressions(in: $0, visit) }
    }

    /// Visits `stmt` and every statement nested in it, not entering function literals.
    static func statements(in stmt: Stmt, _ visit: (Stmt) -> Descend) {
        guard visit(stmt) == .children else { return }
        stmt.forEachChildStatement { statements(in: $0, visit) }
    }

    static func statements(in body: [Stmt], _ visit: (Stmt) -> Descend) {
        for statement in body {
            statements(in: statement, visit)
        }
    }

    /// True when an expression in `expr`, function literals included, satisfies `predicate`.
    static func contains(_ expr: Expr, where predicate: (Expr) -> Bool) -> Bool {
        var found = false
        expressions(in: expr) { expr in
            if found { return .skip }
            found = predicate(expr)
            return found ? .skip : .children
        }
        return found
    }

    /// True when an expression of `stmt` or of a statement nested in it, function literals
    /// included, satisfies `predicate`.
    static func contains(_ stmt: Stmt, where predicate: (Expr) -> Bool) -> Bool {
        var found = false
        expressions(in: stmt) { expr in
            if found { return .skip }
            found = predicate(expr)
            return found ? .skip : .children
        }
        return found
    }
}

extension Stmt {
    /// The expressions that belong to this statement itself, not to nested statements.
    var ownExpressions: [Expr] {
        var result: [Expr] = []
        forEachOwnExpression { result.append($0) }
        return result
    }

    /// The statements nested directly in this one, in source order.
    var childStatements: [Stmt] {
        var result: [Stmt] = []
        forEachChildStatement { result.append($0) }
        return result
    }

    /// True when the statement has no statements nested in it.
    var isSimple: Bool {
        switch self {
        case .bad, .empty, .decl, .expr, .send, .incDec, .assign, .go, .defer, .return, .branch: true
        default: false
        }
    }

    /// Calls `body` with each expression of this statement itself, in source order.
    func forEachOwnExpression(_ body: (Expr) -> Void) {
        switch self {
        case .bad, .empty, .labeled, .branch, .block, .select:
            break
        case .decl(let decl):
            for spec in decl.specs {
                guard case .value(let value) = spec else { continue }
                if let type = value.type { body(type) }
                for expr in value.values { body(expr) }
            }
        case .expr(let node):
            body(node.expr)
        case .send(let node):
            body(node.channel)
            body(node.value)
        case .incDec(let node):
            body(node.target)
        case .assign(let node):
            for expr in node.lhs { body(expr) }
            for expr in node.rhs { body(expr) }
        case .go(let node):
            body(node.call)
        case .defer(let node):
            body(node.call)
        case .return(let node):
            for expr in node.results { body(expr) }
        case .if(let node):
            body(node.condition)
        case .switch(let node):
            if let tag = node.tag { body(tag) }
            for clause in node.clauses { for expr in clause.expressions ?? [] { body(expr) } }
        case .typeSwitch(let node):
            for clause in node.clauses { for expr in clause.expressions ?? [] { body(expr) } }
        case .for(let node):
            if let condition = node.condition { body(condition) }
        case .range(let node):
            if let key = node.key { body(key) }
            if let value = node.value { body(value) }
            body(node.collection)
        }
    }

    /// Calls `body` with each statement nested directly in this one, in source order.
    func forEachChildStatement(_ body: (Stmt) -> Void) {
        switch self {
        case .bad, .empty, .decl, .expr, .send, .incDec, .assign, .go, .defer, .return, .branch:
            break
        case .labeled(let node):
            body(node.statement)
        case .block(let node):
            for statement in node.statements { body(statement) }
        case .if(let node):
            if let initializer = node.initializer { body(initializer) }
            for statement in node.then.statements { body(statement) }
            if let elseBranch = node.elseBranch { body(elseBranch) }
        case .switch(let node):
            if let initializer = node.initializer { body(initializer) }
            for clause in node.clauses { for statement in clause.body { body(statement) } }
        case .typeSwitch(let node):
            if let initializer = node.initializer { body(initializer) }
            body(node.guardStmt)
            for clause in node.clauses { for statement in clause.body { body(statement) } }
        case .select(let node):
            for clause in node.clauses {
                if let communication = clause.communication { body(communication) }
                for statement in clause.body { body(statement) }
            }
        case .for(let node):
            if let initializer = node.initializer { body(initializer) }
            if let post = node.post { body(post) }
            for statement in node.body.statements { body(statement) }
        case .range(let node):
            for statement in node.body.statements { body(statement) }
        }
    }
}
