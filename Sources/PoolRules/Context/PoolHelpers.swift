import GoSyntax

extension PackageContext {
    /// Finds the package's own pool wrappers.
    ///
    /// A function or method whose first result is an object from a pool is an acquire helper
    /// (`func getBuf() *bytes.Buffer { return bufPool.Get().(*bytes.Buffer) }`, with or without
    /// a reset before the return). One that gives a parameter or its receiver back to a pool is
    /// a release helper (`func putBuf(b *bytes.Buffer) { bufPool.Put(b) }`, or
    /// `func (b *Buf) Free() { pool.Put(b) }`). Wrappers of wrappers are found too, up to three
    /// levels deep.
    func discoverHelpers() {
        // Only a function that calls Get, Put, a known wrapper or a helper found so far can be a
        // helper, so its callee names are checked before anything else.
        for _ in 0..<3 {
            let before = helpers.count
            let interesting = Set(["Get", "Put"]).union((Array(helpers.keys) + Array(registry.wrappers.keys)).map {
                String($0.split(separator: ".").last ?? "")
            })
            for file in files {
                for unit in file.units where !unit.isLiteral && !unit.calleeNames.isDisjoint(with: interesting) {
                    let name = unit.receiverType.map { $0 + "." + unit.name } ?? unit.name
                    guard helpers[name] == nil else { continue }
                    let environment = environment(of: unit, in: file)
                    if let found = acquireHelper(unit, name: name, environment: environment, file: file)
                        ?? releaseHelper(unit, name: name, environment: environment, file: file) {
                        helpers[name] = found.spec
                        helperPools[name] = found.poolKey
                        operationNames.insert(unit.name)
                    }
                }
            }
            if helpers.count == before { break }
        }
    }

    private func acquireHelper(
        _ unit: FunctionUnit, name: String, environment: TypeEnvironment, file: GoFile
    ) -> (spec: WrapperSpec, poolKey: String)? {
        guard !unit.type.results.isEmpty else { return nil }
        var bound: [String: PoolOperation] = [:]
        var found: (operation: PoolOperation, variable: String?)?

        Walk.statements(in: unit.body.statements) { statement in
            switch statement {
            case .assign(let assign) where assign.lhs.count == assign.rhs.count:
                for (target, value) in zip(assign.lhs, assign.rhs) {
                    guard let variable = target.identName else { continue }
                    if let operation = acquisition(in: value, environment, unit, file) {
                        bound[variable] = operation
                    } else if let source = value.assertedOrCopiedName, let operation = bound[source] {
                        bound[variable] = operation
                    }
                }
            case .return(let ret):
                guard found == nil, let first = ret.results.first else { break }
                if let operation = acquisition(in: first, environment, unit, file) {
                    found = (operation, nil)
                } else if let variable = first.identName, let operation = bound[variable] {
                    found = (operation, variable)
                }
            default:
                break
            }
            return .children
        }

        guard let found else { return nil }
        // A function that also gives the object to a goroutine or stores it keeps a second
        // owner, so its callers do not own what it returns (a worker pool's getCh).
        if let variable = found.variable, sharesObject(variable, in: unit) { return nil }
        let resets = found.operation.resets || found.variable.map { variable in
            firstReset(in: unit.body.statements, of: [variable]) != Int.max
        } == true
        let resultType = unit.resultTypes.first.flatMap { $0 } ?? found.operation.objectType
        let spec = WrapperSpec(
            name: name, kind: .acquire, objectType: resultType?.description, resets: resets,
            limitsSize: found.operation.limitsSize)
        return (spec, found.operation.poolKey)
    }

    private func releaseHelper(
        _ unit: FunctionUnit, name: String, environment: TypeEnvironment, file: GoFile
    ) -> (spec: WrapperSpec, poolKey: String)? {
        var candidates: [(name: String, argument: Int?)] = unit.parameters.enumerated().map { ($0.element.name, $0.offset) }
        if let receiver = unit.receiverName { candidates.append((receiver, nil)) }
        guard !candidates.isEmpty else { return nil }

        var releases: [PoolOperation] = []
        for statement in unit.body.statements {
            Walk.expressions(in: statement) { expr in
                if case .call(let call) = expr, let operation = operation(call, environment: environment, unit: unit, file: file),
                   operation.kind == .release {
                    releases.append(operation)
                }
                return .children
            }
        }
        guard !releases.isEmpty else { return nil }

        for candidate in candidates where candidate.name != "_" {
            let release = releases.first { $0.object?.passesObject(of: [candidate.name]) == true }
            guard let release else { continue }
            let resetsFirst = firstReset(in: unit.body.statements, of: [candidate.name]) < release.call.span.start
            let gated = release.limitsSize || SizeGate.covers(release: release.call, in: unit, objectNames: [candidate.name]) != nil
            let objectType = candidate.argument.flatMap { unit.parameters[$0].type }
                ?? unit.receiverType.map { GoType.pointer(.named($0)) }
            let spec = WrapperSpec(
                name: name, kind: .release, argument: candidate.argument, objectType: objectType?.description,
                resets: resetsFirst || release.resets, limitsSize: gated)
            return (spec, release.poolKey)
        }
        return nil
    }

    /// True when the function starts a goroutine that uses `variable`, or stores it into a
    /// field, an element or a package variable.
    private func sharesObject(_ variable: String, in unit: FunctionUnit) -> Bool {
        var shared = false
        Walk.statements(in: unit.body.statements) { statement in
            switch statement {
            case .go(let node):
                shared = shared || node.call.mentionsAny([variable])
            case .assign(let assign) where assign.lhs.count == assign.rhs.count:
                for (target, value) in zip(assign.lhs, assign.rhs) where value.passesObject(of: [variable]) {
                    switch target.unparenthesized {
                    case .selector, .index, .star: shared = true
                    default: break
                    }
                }
            default:
                break
            }
            return shared ? .skip : .children
        }
        return shared
    }

    /// The pool operation that produces `expr`: an acquire call, possibly behind a type
    /// assertion or parentheses.
    func acquisition(in expr: Expr, _ environment: TypeEnvironment, _ unit: FunctionUnit, _ file: GoFile) -> PoolOperation? {
        switch expr.unparenthesized {
        case .typeAssert(let assert):
            return acquisition(in: assert.base, environment, unit, file)
        case .call(let call):
            guard let operation = operation(call, environment: environment, unit: unit, file: file),
                  operation.kind == .acquire else { return nil }
            return operation
        default:
            return nil
        }
    }

}

extension Expr {
    /// The variable a value copies: `v` for `v`, `v.(*T)` and `*v`.
    var assertedOrCopiedName: String? {
        switch unparenthesized {
        case .ident(let ident): ident.name
        case .typeAssert(let assert): assert.base.identName
        case .star(let star): star.operand.identName
        default: nil
        }
    }
}
