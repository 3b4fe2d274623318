import GoSyntax

/// The types of a function's local names, inferred from its signature, declarations and
/// assignments.
///
/// The inference is flow-insensitive: the first binding that reveals a name's type wins.
/// Names it cannot type are absent, and every question about them answers nil.
struct TypeEnvironment {
    private(set) var locals: [String: GoType] = [:]
    let package: PackageIndex
    /// Import names of the file, so `gzip.NewReader` is recognised under any alias.
    let importNames: [String: String]

    init(unit: FunctionUnit, package: PackageIndex, importNames: [String: String], outer: TypeEnvironment? = nil) {
        self.package = package
        self.importNames = importNames
        if let outer { locals = outer.locals }

        if let receiver = unit.receiverName, let typeName = unit.receiverType {
            locals[receiver] = .pointer(.named(typeName))
        }
        for field in unit.type.params + unit.type.results {
            guard let type = GoType(typeExpr: field.type) else { continue }
            for name in field.names {
                locals[name.name] = type
            }
        }
        Walk.statements(in: unit.body.statements) { statement in
            bind(statement)
            return .children
        }
    }

    private mutating func bind(_ statement: Stmt) {
        switch statement {
        case .assign(let assign) where assign.op == ":=" || assign.op == "=":
            if assign.lhs.count == assign.rhs.count {
                for (target, value) in zip(assign.lhs, assign.rhs) {
                    guard let name = target.identName, name != "_", locals[name] == nil else { continue }
                    if let type = type(of: value) { locals[name] = type }
                }
            } else if assign.rhs.count == 1, let first = assign.lhs.first?.identName, locals[first] == nil {
                if let type = typeOfFirstResult(assign.rhs[0]) { locals[first] = type }
            }
        case .decl(let decl):
            for spec in decl.specs {
                guard case .value(let value) = spec else { continue }
                let written = value.type.flatMap { GoType(typeExpr: $0) }
                for (index, name) in value.names.enumerated() where locals[name.name] == nil {
                    if let written {
                        locals[name.name] = written
                    } else if index < value.values.count, let type = type(of: value.values[index]) {
                        locals[name.name] = type
                    }
                }
            }
        case .range(let range) where range.isDefine:
            guard let collection = type(of: range.collection) else { return }
            if let value = range.value?.identName {
                switch package.underlying(collection) {
                case .slice(let element), .array(let element): locals[value] = element
                case .map(_, let element): locals[value] = element
                default: break
                }
            }
        default:
            break
        }
    }

    /// The type of a local name, if known.
    func type(ofName name: String) -> GoType? {
        locals[name]
    }

    /// The type of an expression, if the inference can tell.
    func type(of expr: Expr) -> GoType? {
        type(of: expr, resolving: [])
    }

    /// Returns the type of `expr`. `resolving` contains the package variables whose initializers
    /// are being typed, so a cycle such as `var a = b; var b = a` gives nil, not a crash.
    private func type(of expr: Expr, resolving: Set<String>) -> GoType? {
        switch expr.unparenthesized {
        case .ident(let ident):
            if let local = locals[ident.name] { return local }
            guard let spec = package.variables[ident.name], !resolving.contains(ident.name) else { return nil }
            return typeOfPackageVariable(spec, resolving: resolving.union([ident.name]))
        case .basicLit(let literal):
            return literal.kind == .string ? .named("string") : nil
        case .compositeLit(let literal):
            return literal.type.flatMap { GoType(typeExpr: $0) }
        case .unary(let unary) where unary.op == "&":
            if case .compositeLit(let literal) = unary.operand.unparenthesized {
                return literal.type.flatMap { GoType(typeExpr: $0) }.map { .pointer($0) }
            }
            return type(of: unary.operand, resolving: resolving).map { .pointer($0) }
        case .star(let star):
            return type(of: star.operand, resolving: resolving)?.pointee
        case .typeAssert(let assert):
            return assert.type.flatMap { GoType(typeExpr: $0) }
        case .slice(let slice):
            guard let base = type(of: slice.base, resolving: resolving) else { return nil }
            if case .array(let element) = base { return .slice(element) }
            if case .pointer(.array(let element)) = base { return .slice(element) }
            return base
        case .index(let index):
            guard let base = type(of: index.base, resolving: resolving) else { return nil }
            switch package.underlying(base) {
            case .slice(let element), .array(let element), .map(_, let element): return element
            case .pointer(.array(let element)): return element
            default: return nil
            }
        case .selector(let selector):
            guard let base = type(of: selector.base, resolving: resolving), let typeName = base.baseName else { return nil }
            return package.fieldType(selector.name.name, in: typeName)
        case .call(let call):
            return typeOfCall(call, resolving: resolving)
        default:
            return nil
        }
    }

    private func typeOfPackageVariable(_ spec: ValueSpec, resolving: Set<String>) -> GoType? {
        if let written = spec.type { return GoType(typeExpr: written) }
        guard spec.values.count == spec.names.count, let first = spec.values.first else { return nil }
        return type(of: first, resolving: resolving)
    }

    private func typeOfCall(_ call: CallExpr, resolving: Set<String>) -> GoType? {
        let function = call.function.unparenthesized
        if let name = function.identName {
            switch name {
            case "new":
                return call.arguments.first.flatMap { GoType(typeExpr: $0) }.map { .pointer($0) }
            case "make":
                return call.arguments.first.flatMap { GoType(typeExpr: $0) }
            case "append":
                return call.arguments.first.flatMap { type(of: $0, resolving: resolving) }
            case "string":
                return .named("string")
            default:
                if locals[name] == nil, package.types[name] != nil { return .named(name) }
                return package.resultType(ofFunction: name)
            }
        }
        switch function {
        case .arrayType, .mapType, .chanType, .funcType, .interfaceType, .star:
            return GoType(typeExpr: function)
        case .paren(let paren):
            return GoType(typeExpr: paren.inner)
        case .selector(let selector):
            if let package = selector.base.identName, locals[package] == nil, importNames[package] != nil {
                return KnownTypes.constructorResults[canonicalPackage(package) + "." + selector.name.name]
            }
            if let receiver = type(of: selector.base, resolving: resolving)?.shortName {
                return package.resultType(ofFunction: selector.name.name, receiverType: receiver)
            }
            return nil
        default:
            return nil
        }
    }

    /// The type of the first result of a call with two results, such as `r, err := gzip.NewReader(src)`.
    func typeOfFirstResult(_ expr: Expr) -> GoType? {
        switch expr.unparenthesized {
        case .typeAssert(let assert):
            return assert.type.flatMap { GoType(typeExpr: $0) }
        case .call(let call):
            if case .selector(let selector) = call.function.unparenthesized, let package = selector.base.identName,
               locals[package] == nil, importNames[package] != nil {
                return KnownTypes.constructorResultsWithError[canonicalPackage(package) + "." + selector.name.name]
            }
            if let name = call.function.identName, let decl = package.functions[name], let first = decl.type.results.first {
                return GoType(typeExpr: first.type)
            }
            return nil
        default:
            return nil
        }
    }

    /// The default name of an imported package, so an aliased import still matches the
    /// tables of known functions.
    func canonicalPackage(_ localName: String) -> String {
        guard let path = importNames[localName] else { return localName }
        return defaultImportName(path)
    }
}
