import GoSyntax

/// One place in the package that gives an object back to a pool, and what it does first.
struct ReleaseSite: Sendable {
    let path: String
    let line: Int
    /// True when the object is reset before it goes back (by the code or the wrapper).
    let resets: Bool
    /// True when the object's timer is stopped before it goes back.
    let stopsTimer: Bool
}

extension PackageContext {
    /// Collects every release of every pool in the package, closures included.
    func collectReleaseSites() {
        var sites: [String: [ReleaseSite]] = [:]
        // A release calls Put or a helper or wrapper, and `operationNames` has the last names of
        // all of those, so a function that calls none of them holds no release.
        let releaseNames = operationNames.union(["Put"])
        for file in files {
            for unit in file.units where !unit.calleeNames.isDisjoint(with: releaseNames) {
                let environment = environment(of: unit, in: file)
                // The first reset and the first Stop of each released variable are found once per
                // function. Walking the function again for each release took seconds when it had
                // 2,000 Puts.
                var firstResets: [Set<String>: Int] = [:]
                var firstStops: [Set<String>: Int] = [:]
                for statement in unit.body.statements {
                    Walk.expressions(in: statement) { expr in
                        if case .funcLit = expr { return .skip }
                        guard case .call(let call) = expr,
                              let operation = operation(call, environment: environment, unit: unit, file: file),
                              operation.kind == .release else { return .children }
                        let names = Set([operation.object?.rootName].compactMap { $0 })
                        let firstReset = firstResets[names] ?? self.firstReset(in: unit.body.statements, of: names)
                        let firstStop = firstStops[names] ?? firstStopOffset(in: unit.body.statements, of: names)
                        firstResets[names] = firstReset
                        firstStops[names] = firstStop
                        let resets = operation.resets || firstReset < call.span.start
                        let stops = operation.resets || firstStop < call.span.start
                        sites[operation.poolKey, default: []].append(
                            ReleaseSite(path: file.path, line: call.span.line, resets: resets, stopsTimer: stops))
                        return .children
                    }
                }
            }
        }
        releaseSites = sites
    }

    /// True when every release of the pool resets the object first, so a borrower gets a
    /// clean object even without resetting it.
    func resetsOnRelease(_ poolKey: String) -> Bool {
        guard let sites = releaseSites[poolKey], !sites.isEmpty else { return false }
        return sites.allSatisfy(\.resets)
    }

    /// Returns the byte offset of the first statement, at any depth, that resets the object
    /// held by `names`, or `Int.max` when none does.
    func firstReset(in statements: [Stmt], of names: Set<String>) -> Int {
        var first = Int.max
        Walk.statements(in: statements) { statement in
            if statement.span.start >= first { return .skip }
            if ObjectUse.isReset(statement, of: names) { first = statement.span.start }
            return .children
        }
        return first
    }

    /// Returns the byte offset of the first `Stop()` call on the object, or `Int.max`.
    private func firstStopOffset(in statements: [Stmt], of names: Set<String>) -> Int {
        var first = Int.max
        for statement in statements {
            Walk.expressions(in: statement) { expr in
                if expr.span.start >= first { return .skip }
                if case .call(let call) = expr, call.calleeName == "Stop", let root = call.calleeBase?.rootName,
                   names.contains(root) {
                    first = expr.span.start
                }
                return .children
            }
        }
        return first
    }
}
