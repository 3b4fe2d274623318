import Foundation
import GoSyntax
import ReviewModel

/// What the rules know about one Go package at head: its declarations, its pools, and the
/// functions that wrap them.
///
/// Built once per package from all of its files (test files included), then shared by the
/// analysis of every changed file in that package.
public final class PackageContext: @unchecked Sendable {
    let files: [GoFile]
    let index: PackageIndex
    let registry: PoolRegistry
    /// Pools by key.
    private(set) var pools: [String: PoolDeclaration] = [:]
    /// Wrappers found in the package's own source, by name (`getBuf`, `BufferPool.Get`).
    var helpers: [String: WrapperSpec] = [:]
    /// The pool key of each helper, by helper name.
    var helperPools: [String: String] = [:]
    /// The last name of every helper and registered wrapper (`getBuf`, `AcquireRequest`, `Free`),
    /// the only names besides `Get` and `Put` that a pool operation can call.
    var operationNames: Set<String> = []
    /// Every release of every pool, by pool key.
    var releaseSites: [String: [ReleaseSite]] = [:]
    /// Paths of the package's files that the change adds.
    let addedFiles: Set<String>
    /// The type environments computed so far, by function.
    private let environments = EnvironmentCache()
    /// Package-wide facts that some rules need, each computed on first use.
    let derivedFacts = DerivedFacts()
    /// Channel fields that worker goroutines drain, by `Type.field`.
    var workerQueues: [String: WorkerQueue] = [:]

    /// Indexes `files`, which must all belong to one package directory.
    ///
    /// - Parameter addedFiles: the paths among `files` that the change adds, so a benchmark
    ///   file added with a new pool counts as evidence.
    public init(files: [GoFile], registry: PoolRegistry = .wellKnown, addedFiles: Set<String> = []) {
        self.files = files
        self.addedFiles = addedFiles
        self.index = PackageIndex(files: files)
        self.registry = registry
        self.operationNames = Set(registry.wrappers.keys.map { String($0.split(separator: ".").last ?? "") })
        discoverPools()
        discoverNewFunctions()
        discoverHelpers()
        collectReleaseSites()
        workerQueues = findWorkerQueues()
        allPools = pools.values.sorted { ($0.path, $0.span.start) < ($1.path, $1.span.start) }
    }

    /// Every function of `file` with the types of its local names.
    func unitsWithEnvironments(_ file: GoFile) -> [(unit: FunctionUnit, environment: TypeEnvironment)] {
        file.units.map { ($0, environment(of: $0, in: file)) }
    }

    /// The types of the local names of `unit`, computed once per function on first use. A
    /// function literal also sees the names of the function declaration around it.
    func environment(of unit: FunctionUnit, in file: GoFile) -> TypeEnvironment {
        if let cached = environments.value(for: unit) { return cached }
        var outer: TypeEnvironment?
        if let start = unit.declarationStart, let declaration = file.units.first(where: { !$0.isLiteral && $0.span.start == start }) {
            outer = environment(of: declaration, in: file)
        }
        let environment = TypeEnvironment(unit: unit, package: index, importNames: file.importNames, outer: outer)
        environments.store(environment, for: unit)
        return environment
    }

    /// The package's files, by path.
    public var filePaths: [String] { files.map(\.path) }

    /// The parsed file at `path`, if it belongs to the package.
    public func file(at path: String) -> GoFile? {
        files.first { $0.path == path }
    }

    /// True when a change touched a pool declaration or a `New` function of this package, so
    /// files that use those pools can have new findings although the change did not touch them.
    public func changesPoolDefinitions(_ touched: [String: TouchedLines]) -> Bool {
        pools.values.contains { pool in
            if touched[pool.path]?.touches(pool.span.lines) == true { return true }
            guard let path = pool.newPath, let function = pool.newFunction else { return false }
            return touched[path]?.touches(function.span.lines) == true
        }
    }

    /// The pools in a stable order, for rules that look at every declaration. Sorted once at
    /// the end of `init`, which is the last change to `pools`.
    private(set) var allPools: [PoolDeclaration] = []

    // MARK: - Pools

    private func discoverPools() {
        for file in files {
            let syntax = SyncPoolSyntax(importNames: file.importNames)
            guard syntax.syncName != nil else { continue }
            for decl in file.syntax.decls {
                guard case .gen(let gen) = decl, gen.keyword == .var || gen.keyword == .type else { continue }
                for spec in gen.specs {
                    switch spec {
                    case .value(let value):
                        addPackageVariablePools(value, file: file, syntax: syntax)
                    case .type(let typeSpec):
                        addFieldPools(typeSpec, file: file, syntax: syntax)
                    case .import:
                        break
                    }
                }
            }
            for unit in file.units {
                addLocalPools(in: unit, file: file, syntax: syntax)
            }
        }
    }

    private func addPackageVariablePools(_ value: ValueSpec, file: GoFile, syntax: SyncPoolSyntax) {
        for (position, name) in value.names.enumerated() {
            let initial = position < value.values.count ? value.values[position] : nil
            let typed = value.type.map { syntax.isPoolType($0) } ?? false
            let collection = value.type.map { syntax.isPoolCollectionType($0) } ?? false
            guard typed || collection || initial.map(syntax.createsPool) == true else { continue }
            var pool = PoolDeclaration(
                key: name.name, displayName: name.name, scope: .packageVariable, path: file.path,
                span: value.span, isCollection: collection)
            if let literal = initial.flatMap(syntax.poolLiteral), let function = syntax.newFunction(of: literal) {
                pool.newFunction = function
                pool.newPath = file.path
            }
            pools[pool.key] = pool
        }
    }

    private func addFieldPools(_ typeSpec: TypeSpec, file: GoFile, syntax: SyncPoolSyntax) {
        guard case .structType(let structType) = typeSpec.type else { return }
        for field in structType.fields {
            let single = syntax.isPoolType(field.type)
            let collection = syntax.isPoolCollectionType(field.type)
            guard single || collection else { continue }
            let names = field.names.isEmpty ? ["Pool"] : field.names.map(\.name)
            for name in names {
                let key = typeSpec.name.name + "." + name
                pools[key] = PoolDeclaration(
                    key: key, displayName: key, scope: .field(typeName: typeSpec.name.name), path: file.path,
                    span: field.span, isCollection: collection)
            }
        }
    }

    private func addLocalPools(in unit: FunctionUnit, file: GoFile, syntax: SyncPoolSyntax) {
        Walk.statements(in: unit.body.statements) { statement in
            switch statement {
            case .assign(let assign) where assign.isDefine && assign.lhs.count == assign.rhs.count:
                for (target, value) in zip(assign.lhs, assign.rhs) {
                    guard let name = target.identName, syntax.createsPool(value) else { continue }
                    addLocalPool(name: name, value: value, span: assign.span, unit: unit, file: file, syntax: syntax)
                }
            case .decl(let decl):
                for spec in decl.specs {
                    guard case .value(let value) = spec else { continue }
                    for (position, name) in value.names.enumerated() {
                        let initial = position < value.values.count ? value.values[position] : nil
                        let typed = value.type.map { syntax.isPoolType($0) } ?? false
                        guard typed || initial.map(syntax.createsPool) == true else { continue }
                        addLocalPool(name: name.name, value: initial, span: value.span, unit: unit, file: file, syntax: syntax)
                    }
                }
            default:
                break
            }
            return .children
        }
    }

    private func addLocalPool(
        name: String, value: Expr?, span: Span, unit: FunctionUnit, file: GoFile, syntax: SyncPoolSyntax
    ) {
        let key = Self.localKey(function: unit, name: name)
        var pool = PoolDeclaration(
            key: key, displayName: name, scope: .local(function: unit.name), path: file.path, span: span,
            isCollection: false)
        if let literal = value.flatMap(syntax.poolLiteral), let function = syntax.newFunction(of: literal) {
            pool.newFunction = function
            pool.newPath = file.path
        }
        pools[key] = pool
    }

    static func localKey(function: FunctionUnit, name: String) -> String {
        "\(function.name)@\(function.span.start).\(name)"
    }

    // MARK: - New functions set outside the declaration

    /// Finds `New` functions given in struct literals (`&T{pool: sync.Pool{New: …}}`), in
    /// assignments of a pool literal to a field, and in `x.New = func…` assignments.
    private func discoverNewFunctions() {
        for file in files {
            let syntax = SyncPoolSyntax(importNames: file.importNames)
            guard syntax.syncName != nil else { continue }
            for unit in file.units {
                for statement in unit.body.statements {
                    Walk.statements(in: statement) { statement in
                        recordNewFunctions(in: statement, unit: unit, file: file, syntax: syntax)
                        return .children
                    }
                    Walk.expressions(in: statement) { expr in
                        recordNewFunctions(inLiteral: expr, file: file, syntax: syntax)
                        return .children
                    }
                }
            }
            for decl in file.syntax.decls {
                guard case .gen(let gen) = decl else { continue }
                for spec in gen.specs {
                    guard case .value(let value) = spec else { continue }
                    for expr in value.values {
                        Walk.expressions(in: expr) { expr in
                            recordNewFunctions(inLiteral: expr, file: file, syntax: syntax)
                            return .children
                        }
                    }
                }
            }
        }
        for key in pools.keys {
            inferNewResult(key)
        }
    }

    /// Records the `New` function that an assignment in `unit` gives a pool. The function's type
    /// environment is built only for an assignment that may set one, because most functions have none.
    private func recordNewFunctions(in statement: Stmt, unit: FunctionUnit, file: GoFile, syntax: SyncPoolSyntax) {
        guard case .assign(let assign) = statement, assign.lhs.count == assign.rhs.count else { return }
        for (target, value) in zip(assign.lhs, assign.rhs) {
            if case .selector(let selector) = target.unparenthesized, selector.name.name == "New",
               case .funcLit(let function) = value.unparenthesized,
               let pool = resolvePool(selector.base, environment: environment(of: unit, in: file), unit: unit),
               pools[pool.key]?.newFunction == nil {
                pools[pool.key]?.newFunction = function
                pools[pool.key]?.newPath = file.path
            } else if let literal = syntax.poolLiteral(value), let function = syntax.newFunction(of: literal),
                      let pool = resolvePool(target, environment: environment(of: unit, in: file), unit: unit),
                      pools[pool.key]?.newFunction == nil {
                pools[pool.key]?.newFunction = function
                pools[pool.key]?.newPath = file.path
            }
        }
    }

    private func recordNewFunctions(inLiteral expr: Expr, file: GoFile, syntax: SyncPoolSyntax) {
        guard case .compositeLit(let literal) = expr, let type = literal.type,
              let typeName = GoType(typeExpr: type)?.shortName else { return }
        for element in literal.elements {
            guard case .keyValue(let pair) = element, let field = pair.key.identName,
                  let poolLiteral = syntax.poolLiteral(pair.value), let function = syntax.newFunction(of: poolLiteral)
            else { continue }
            let key = typeName + "." + field
            if pools[key] != nil, pools[key]?.newFunction == nil {
                pools[key]?.newFunction = function
                pools[key]?.newPath = file.path
            }
        }
    }

    private func inferNewResult(_ key: String) {
        guard let function = pools[key]?.newFunction,
              let file = files.first(where: { $0.path == pools[key]?.newPath }) else { return }
        let unit = FunctionUnit(
            name: "New", receiverType: nil, receiverName: nil, type: function.type, body: function.body,
            span: function.span, isLiteral: true)
        let environment = TypeEnvironment(unit: unit, package: index, importNames: file.importNames)
        var result: Expr?
        Walk.statements(in: function.body.statements) { statement in
            if result == nil, case .return(let ret) = statement, let first = ret.results.first {
                result = first
            }
            return .children
        }
        pools[key]?.newResult = result
        pools[key]?.newResultType = result.flatMap { environment.type(of: $0) }
    }

    // MARK: - Resolving a pool expression

    /// The pool that `expr` (the `x` of `x.Get()`) names, if the package declares it.
    func resolvePool(_ expr: Expr, environment: TypeEnvironment, unit: FunctionUnit) -> PoolDeclaration? {
        switch expr.unparenthesized {
        case .ident(let ident):
            return pools[Self.localKey(function: unit, name: ident.name)]
                ?? outerLocalPool(named: ident.name, around: unit)
                ?? (environment.type(ofName: ident.name) == nil ? pools[ident.name] : nil)
        case .selector(let selector):
            let field = selector.name.name
            if let owner = environment.type(of: selector.base)?.shortName, let pool = pools[owner + "." + field] {
                return pool
            }
            let candidates = pools.values.filter {
                if case .field = $0.scope { return $0.key.hasSuffix("." + field) }
                return false
            }
            return candidates.count == 1 ? candidates[0] : nil
        case .index(let index):
            let pool = resolvePool(index.base, environment: environment, unit: unit)
            return pool?.isCollection == true ? pool : nil
        case .unary(let unary) where unary.op == "&":
            return resolvePool(unary.operand, environment: environment, unit: unit)
        case .star(let star):
            return resolvePool(star.operand, environment: environment, unit: unit)
        default:
            return nil
        }
    }

    /// A pool declared in a function that encloses the function literal `unit`.
    private func outerLocalPool(named name: String, around unit: FunctionUnit) -> PoolDeclaration? {
        guard unit.isLiteral else { return nil }
        return pools.values.first { pool in
            guard case .local(let function) = pool.scope, function == unit.name, pool.displayName == name else { return false }
            return pool.span.start < unit.span.start
        }
    }
}

/// Facts about a whole package that a rule computes once and every file's review reuses.
final class DerivedFacts: @unchecked Sendable {
    private let lock = NSLock()
    private var grownFields: Set<String>?

    /// Returns the stored field names, or stores and returns what `compute` returns.
    func grownFields(_ compute: () -> Set<String>) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        if let grownFields { return grownFields }
        let names = compute()
        grownFields = names
        return names
    }
}

/// Type environments by function, filled on first use by the thread that needs one.
final class EnvironmentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var environments: [ObjectIdentifier: TypeEnvironment] = [:]

    func value(for unit: FunctionUnit) -> TypeEnvironment? {
        lock.lock()
        defer { lock.unlock() }
        return environments[ObjectIdentifier(unit)]
    }

    func store(_ environment: TypeEnvironment, for unit: FunctionUnit) {
        lock.lock()
        environments[ObjectIdentifier(unit)] = environment
        lock.unlock()
    }
}
