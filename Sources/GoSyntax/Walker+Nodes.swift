/// The recursion behind `SyntaxWalkable`: one `walk` per kind of node, each returning false
/// once a callback returned `.stop`.
struct Walker {
    let statements: (Stmt) -> WalkAction
    let expressions: (Expr) -> WalkAction
    let identifiers: (Ident) -> Void

    /// Runs `body` with a walker over the given callbacks, which the walker holds only for
    /// the duration of the call.
    static func run(
        _ statements: (Stmt) -> WalkAction,
        _ expressions: (Expr) -> WalkAction,
        _ identifiers: (Ident) -> Void,
        _ body: (Walker) -> Bool
    ) {
        withoutActuallyEscaping(statements) { statements in
            withoutActuallyEscaping(expressions) { expressions in
                withoutActuallyEscaping(identifiers) { identifiers in
                    _ = body(Walker(statements: statements, expressions: expressions, identifiers: identifiers))
                }
            }
        }
    }

    // MARK: - Declarations

    func walk(_ decls: [Decl]) -> Bool {
        decls.allSatisfy { walk($0) }
    }

    func walk(_ decl: Decl) -> Bool {
        switch decl {
        case .function(let function):
            if let receiver = function.receiver, !walk(receiver) { return false }
            identifiers(function.name)
            guard walk(function.type) else { return false }
            return function.body.map { walk($0) } ?? true
        case .gen(let declaration):
            return walk(declaration)
        case .bad:
            return true
        }
    }

    func walk(_ declaration: GenDecl) -> Bool {
        declaration.specs.allSatisfy { spec in
            switch spec {
            case .import(let importSpec):
                if let name = importSpec.name { identifiers(name) }
                return true
            case .value(let value):
                value.names.forEach(identifiers)
                return walk(optional: value.type) && walk(value.values)
            case .type(let type):
                identifiers(type.name)
                return walk(type.typeParams) && walk(type.type)
            }
        }
    }

    func walk(_ fields: [Field]) -> Bool {
        fields.allSatisfy { walk($0) }
    }

    func walk(_ field: Field) -> Bool {
        field.names.forEach(identifiers)
        return walk(field.type)
    }

    func walk(_ type: FuncType) -> Bool {
        walk(type.typeParams) && walk(type.params) && walk(type.results)
    }

    // MARK: - Statements

    func walk(_ block: Block) -> Bool {
        walk(block.statements)
    }

    func walk(_ list: [Stmt]) -> Bool {
        list.allSatisfy { walk($0) }
    }

    func walk(optional statement: Stmt?) -> Bool {
        statement.map { walk($0) } ?? true
    }

    func walk(_ statement: Stmt) -> Bool {
        switch statements(statement) {
        case .stop: return false
        case .skipChildren: return true
        case .visitChildren: return walkChildren(of: statement)
        }
    }

    private func walkChildren(of statement: Stmt) -> Bool {
        switch statement {
        case .bad, .empty: return true
        case .decl(let declaration): return walk(declaration)
        case .labeled(let labeled):
            identifiers(labeled.label)
            return walk(labeled.statement)
        case .expr(let node): return walk(node.expr)
        case .send(let node): return walk(node.channel) && walk(node.value)
        case .incDec(let node): return walk(node.target)
        case .assign(let node): return walk(node.lhs) && walk(node.rhs)
        case .go(let node): return walk(node.call)
        case .defer(let node): return walk(node.call)
        case .return(let node): return walk(node.results)
        case .branch(let node):
            if let label = node.label { identifiers(label) }
            return true
        case .block(let block): return walk(block)
        case .if(let node):
            return walk(optional: node.initializer) && walk(node.condition) && walk(node.then)
                && walk(optional: node.elseBranch)
        case .switch(let node):
            return walk(optional: node.initializer) && walk(optional: node.tag) && walk(node.clauses)
        case .typeSwitch(let node):
            return walk(optional: node.initializer) && walk(node.guardStmt) && walk(node.clauses)
        case .select(let node):
            return node.clauses.allSatisfy { walk(optional: $0.communication) && walk($0.body) }
        case .for(let node):
            return walk(optional: node.initializer) && walk(optional: node.condition) && walk(optional: node.post)
                && walk(node.body)
        case .range(let node):
            return walk(optional: node.key) && walk(optional: node.value) && walk(node.collection) && walk(node.body)
        }
    }

    private func walk(_ clauses: [CaseClause]) -> Bool {
        clauses.allSatisfy { walk($0.expressions ?? []) && walk($0.body) }
    }

    // MARK: - Expressions

    func walk(_ list: [Expr]) -> Bool {
        list.allSatisfy { walk($0) }
    }

    func walk(optional expression: Expr?) -> Bool {
        expression.map { walk($0) } ?? true
    }

    func walk(_ expression: Expr) -> Bool {
        switch expressions(expression) {
        case .stop: return false
        case .skipChildren: return true
        case .visitChildren: return walkChildren(of: expression)
        }
    }

    private func walkChildren(of expression: Expr) -> Bool {
        switch expression {
        case .ident(let ident):
            identifiers(ident)
            return true
        case .basicLit, .bad: return true
        case .compositeLit(let node): return walk(optional: node.type) && walk(node.elements)
        case .funcLit(let node): return walk(node.type) && walk(node.body)
        case .paren(let node): return walk(node.inner)
        case .selector(let node):
            guard walk(node.base) else { return false }
            identifiers(node.name)
            return true
        case .index(let node): return walk(node.base) && walk(node.indices)
        case .slice(let node):
            return walk(node.base) && walk(optional: node.low) && walk(optional: node.high) && walk(optional: node.max)
        case .typeAssert(let node): return walk(node.base) && walk(optional: node.type)
        case .call(let node): return walk(node.function) && walk(node.arguments)
        case .star(let node): return walk(node.operand)
        case .unary(let node): return walk(node.operand)
        case .binary(let node): return walk(node.left) && walk(node.right)
        case .keyValue(let node): return walk(node.key) && walk(node.value)
        case .arrayType(let node): return walk(optional: node.length) && walk(node.element)
        case .structType(let node): return walk(node.fields)
        case .funcType(let node): return walk(node)
        case .interfaceType(let node): return walk(node.elements)
        case .mapType(let node): return walk(node.key) && walk(node.value)
        case .chanType(let node): return walk(node.value)
        case .ellipsis(let node): return walk(optional: node.element)
        }
    }
}
