import GoSyntax

/// A `sync.Pool` the package declares, with what its `New` function returns.
struct PoolDeclaration: Sendable {
    enum Scope: Sendable, Equatable {
        /// A package-level variable.
        case packageVariable
        /// A field of the named struct type.
        case field(typeName: String)
        /// A variable local to the function with this name.
        case local(function: String)
    }

    /// A key unique in the package: the variable name, `Type.field`, or the function and
    /// variable name of a local pool.
    let key: String
    /// The name used in messages: `bufPool`, `Server.pool`.
    let displayName: String
    let scope: Scope
    /// The file and place of the declaration.
    let path: String
    let span: Span
    /// True for an array or slice of pools, one per size class.
    let isCollection: Bool
    /// The `New` function, when the package sets one.
    var newFunction: FuncLit?
    var newPath: String?
    /// The expression the first `return` of `New` returns.
    var newResult: Expr?
    /// What `New` returns, when the rules can tell.
    var newResultType: GoType?
}

/// Recognises `sync.Pool` types and values, under whatever name the file imports `sync`.
struct SyncPoolSyntax {
    /// The file's local name for the `sync` package, or nil when it does not import it.
    let syncName: String?

    init(importNames: [String: String]) {
        syncName = importNames.first { $0.value == "sync" }?.key
    }

    /// True for `sync.Pool` and `*sync.Pool`.
    func isPoolType(_ expr: Expr) -> Bool {
        switch expr.unparenthesized {
        case .selector(let selector):
            return selector.name.name == "Pool" && syncName != nil && selector.base.identName == syncName
        case .star(let star):
            return isPoolType(star.operand)
        default:
            return false
        }
    }

    /// True for an array, slice or map of pools.
    func isPoolCollectionType(_ expr: Expr) -> Bool {
        switch expr.unparenthesized {
        case .arrayType(let array): isPoolType(array.element)
        case .mapType(let map): isPoolType(map.value)
        default: false
        }
    }

    /// The `sync.Pool{…}` literal of `sync.Pool{…}`, `&sync.Pool{…}`; nil otherwise.
    func poolLiteral(_ expr: Expr) -> CompositeLit? {
        switch expr.unparenthesized {
        case .compositeLit(let literal):
            guard let type = literal.type, isPoolType(type) else { return nil }
            return literal
        case .unary(let unary) where unary.op == "&":
            return poolLiteral(unary.operand)
        default:
            return nil
        }
    }

    /// True for `sync.Pool{…}`, `&sync.Pool{…}` and `new(sync.Pool)`.
    func createsPool(_ expr: Expr) -> Bool {
        if poolLiteral(expr) != nil { return true }
        if let call = expr.asCall, call.isBuiltin("new"), let type = call.arguments.first {
            return isPoolType(type)
        }
        return false
    }

    /// The `New` function literal of a pool literal, if it sets one.
    func newFunction(of literal: CompositeLit) -> FuncLit? {
        for element in literal.elements {
            guard case .keyValue(let pair) = element, pair.key.identName == "New" else { continue }
            if case .funcLit(let function) = pair.value.unparenthesized { return function }
        }
        return nil
    }
}
