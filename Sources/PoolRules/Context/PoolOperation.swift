import GoSyntax

/// One call that borrows an object from a pool or gives one back.
struct PoolOperation: Sendable {
    enum Kind: Sendable { case acquire, release }

    let kind: Kind
    /// A key shared by the Get and Put of one pool: a declared pool's key, a wrapper's pool,
    /// or the written pool expression for a pool the package does not declare.
    let poolKey: String
    /// The pool or wrapper as the message names it: `bufPool`, `getBuf`.
    let poolName: String
    /// The declaration, for a `sync.Pool` this package declares.
    let pool: PoolDeclaration?
    /// The wrapper called, when the operation goes through one; nil for a direct Get or Put.
    let wrapper: String?
    /// The object given back (releases only).
    let object: Expr?
    /// The type of the object, when the wrapper or the pool's `New` tells it.
    let objectType: GoType?
    /// True when the wrapper itself resets the object (on acquire or before pooling it).
    let resets: Bool
    /// True when the wrapper itself drops oversized objects.
    let limitsSize: Bool
    let call: CallExpr

    var isDirect: Bool { wrapper == nil }
}

extension PackageContext {
    /// Classifies a call as a pool operation, or returns nil for any other call.
    func operation(_ call: CallExpr, environment: TypeEnvironment, unit: FunctionUnit, file: GoFile) -> PoolOperation? {
        // Most calls are not pool operations; their name says so without any type lookup.
        guard let name = call.calleeName, name == "Get" || name == "Put" || operationNames.contains(name) else { return nil }
        switch call.function.unparenthesized {
        case .ident(let ident):
            guard environment.type(ofName: ident.name) == nil, let spec = helpers[ident.name] else { return nil }
            return operation(call, spec: spec, receiver: nil)
        case .selector(let selector):
            return selectorOperation(call, selector: selector, environment: environment, unit: unit, file: file)
        default:
            return nil
        }
    }

    private func selectorOperation(
        _ call: CallExpr, selector: SelectorExpr, environment: TypeEnvironment, unit: FunctionUnit, file: GoFile
    ) -> PoolOperation? {
        let method = selector.name.name
        let base = selector.base

        if method == "Get" || method == "Put", let pool = resolvePool(base, environment: environment, unit: unit) {
            return directOperation(call, method: method, poolKey: pool.key, poolName: pool.displayName, pool: pool)
        }

        if let packageName = base.identName, environment.type(ofName: packageName) == nil,
           let path = file.importNames[packageName] {
            let qualified = defaultImportName(path) + "." + method
            return registry.wrapper(named: qualified).flatMap { operation(call, spec: $0, receiver: nil) }
        }

        if let receiverType = environment.type(of: base) {
            if let name = receiverType.shortName, let spec = helpers[name + "." + method] {
                return operation(call, spec: spec, receiver: base)
            }
            if let qualified = qualifiedTypeName(receiverType, environment: environment),
               let spec = registry.wrapper(named: qualified + "." + method) {
                return operation(call, spec: spec, receiver: base)
            }
        }

        if method == "Get" || method == "Put", Self.looksLikePool(base) {
            let text = base.canonicalText
            return directOperation(call, method: method, poolKey: text, poolName: text, pool: nil)
        }
        return nil
    }

    /// `package.Type` with the import's default package name, for registry look-ups.
    private func qualifiedTypeName(_ type: GoType, environment: TypeEnvironment) -> String? {
        guard let name = type.baseName, let dot = name.firstIndex(of: ".") else { return nil }
        let package = environment.canonicalPackage(String(name[..<dot]))
        var typeName = String(name[name.index(after: dot)...])
        if let bracket = typeName.firstIndex(of: "[") { typeName = String(typeName[..<bracket]) }
        return package + "." + typeName
    }

    /// True when the last name of a pool expression says it is a pool (`bufPool`, `s.pool`,
    /// `pools[i]`), for pools declared outside the package.
    static func looksLikePool(_ expr: Expr) -> Bool {
        let name: String?
        switch expr.unparenthesized {
        case .ident(let ident): name = ident.name
        case .selector(let selector): name = selector.name.name
        case .index(let index): return looksLikePool(index.base)
        case .unary(let unary) where unary.op == "&": return looksLikePool(unary.operand)
        default: name = nil
        }
        return name?.lowercased().contains("pool") ?? false
    }

    private func directOperation(
        _ call: CallExpr, method: String, poolKey: String, poolName: String, pool: PoolDeclaration?
    ) -> PoolOperation? {
        if method == "Get", call.arguments.isEmpty {
            return PoolOperation(
                kind: .acquire, poolKey: poolKey, poolName: poolName, pool: pool, wrapper: nil, object: nil,
                objectType: pool?.newResultType, resets: false, limitsSize: false, call: call)
        }
        if method == "Put", call.arguments.count == 1 {
            return PoolOperation(
                kind: .release, poolKey: poolKey, poolName: poolName, pool: pool, wrapper: nil,
                object: call.arguments[0], objectType: pool?.newResultType, resets: false, limitsSize: false, call: call)
        }
        return nil
    }

    private func operation(_ call: CallExpr, spec: WrapperSpec, receiver: Expr?) -> PoolOperation? {
        let object: Expr?
        switch spec.kind {
        case .acquire:
            object = nil
        case .release:
            if let argument = spec.argument {
                guard argument < call.arguments.count else { return nil }
                object = call.arguments[argument]
            } else {
                guard let receiver else { return nil }
                object = receiver
            }
        }
        let poolKey = helperPools[spec.name] ?? spec.counterpart.map { [spec.name, $0].sorted()[0] } ?? spec.name
        let pool = pools[poolKey]
        return PoolOperation(
            kind: spec.kind == .acquire ? .acquire : .release, poolKey: poolKey,
            poolName: pool?.displayName ?? spec.name, pool: pool, wrapper: spec.name, object: object,
            objectType: spec.objectType.flatMap(GoType.parse) ?? pool?.newResultType, resets: spec.resets,
            limitsSize: spec.limitsSize, call: call)
    }
}

extension GoType {
    /// Reads a type written as text in a wrapper spec: `*pkg.Type`, `[]byte`, `Name`.
    static func parse(_ text: String) -> GoType? {
        if text.hasPrefix("*") { return parse(String(text.dropFirst())).map { .pointer($0) } }
        if text.hasPrefix("[]") { return parse(String(text.dropFirst(2))).map { .slice($0) } }
        guard !text.isEmpty, !text.contains(" ") else { return nil }
        return .named(text)
    }
}
