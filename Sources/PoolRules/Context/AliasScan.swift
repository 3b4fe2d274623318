import GoSyntax

/// Finds the data that shares memory with a borrowed object, and where that data or the
/// object itself is used after the object goes back to its pool.
struct AliasScan {
    /// Alias data that leaves the function or the goroutine while the object is released.
    struct Escape {
        let text: String
        let line: Int
        /// The last line of the statement that hands the data on.
        var endLine: Int? = nil
        /// The reader of the data after the release, as the message names it.
        let consumer: String
    }

    /// A use of the object or an alias after a `Put` that is not deferred.
    struct LateUse {
        let name: String
        let line: Int
        let putLine: Int
    }

    /// Functions of package `bytes` whose result is a sub-slice of their first argument.
    static let subSliceFunctions: Set<String> = [
        "bytes.TrimSpace", "bytes.TrimSuffix", "bytes.TrimPrefix", "bytes.TrimLeft", "bytes.TrimRight", "bytes.Trim",
        "bytes.TrimFunc", "bytes.TrimLeftFunc", "bytes.TrimRightFunc", "bytes.Fields", "bytes.FieldsFunc",
        "bytes.Split", "bytes.SplitN", "bytes.SplitAfter", "bytes.SplitAfterN", "bytes.Cut", "bytes.CutPrefix",
        "bytes.CutSuffix",
    ]

    /// Methods whose result is a window into the object's memory.
    static let aliasingMethods: Set<String> = ["Bytes", "Next", "Peek", "AvailableBuffer", "Body", "Buffer"]

    let borrow: Borrow
    let facts: FunctionFacts
    let package: PackageContext
    /// The `defer` statements that release the object.
    let deferredReleases: [Span]
    /// The releases that are not deferred.
    let directReleases: [CallExpr]
    /// Local variables that hold alias data, by name, with the text that made them aliases.
    private(set) var aliasVariables: [String: String] = [:]
    /// The lines where each alias variable was assigned alias data.
    private(set) var aliasLines: [String: [Int]] = [:]
    /// The reach of each statement of the function, computed on first use.
    private let flow: FlowCache

    init(borrow: Borrow, facts: FunctionFacts, package: PackageContext, file: GoFile) {
        self.borrow = borrow
        self.facts = facts
        self.package = package
        flow = FlowCache(body: facts.unit.body.statements)
        var deferred: [Span] = []
        Walk.statements(in: facts.unit.body.statements) { statement in
            if case .defer(let node) = statement,
               node.call.containsCall(where: { call in
                   facts.releases(of: borrow).contains { $0.call.span.start == call.span.start }
                       || Self.isClosureRelease(call, borrow: borrow, package: package, facts: facts, file: file)
               }) {
                deferred.append(statement.span)
            }
            return .children
        }
        deferredReleases = deferred
        directReleases = facts.releases(of: borrow).map(\.call).filter { call in
            !deferred.contains { $0.start <= call.span.start && call.span.end <= $0.end }
        }
        (aliasVariables, aliasLines) = collectAliasVariables()
    }

    private static func isClosureRelease(
        _ call: CallExpr, borrow: Borrow, package: PackageContext, facts: FunctionFacts, file: GoFile
    ) -> Bool {
        guard let operation = package.operation(call, environment: facts.environment, unit: facts.unit, file: file),
              operation.kind == .release else { return false }
        return operation.object?.rootName.map(borrow.names.contains) ?? false
    }

    var isReleasedHere: Bool { !deferredReleases.isEmpty || !directReleases.isEmpty }

    var releaseLines: [Int] { deferredReleases.map(\.line) + directReleases.map(\.span.line) }

    // MARK: - Aliases

    private func collectAliasVariables() -> ([String: String], [String: [Int]]) {
        var aliases: [String: String] = [:]
        var lines: [String: [Int]] = [:]
        Walk.statements(in: facts.unit.body.statements) { statement in
            guard case .assign(let assign) = statement, assign.op == ":=" || assign.op == "=",
                  assign.lhs.count == assign.rhs.count else { return .children }
            for (target, value) in zip(assign.lhs, assign.rhs) {
                guard let name = target.identName, !borrow.names.contains(name) else { continue }
                if let text = aliasText(value, aliases: aliases, includeObject: false) {
                    aliases[name] = text
                    lines[name, default: []].append(assign.span.line)
                }
            }
            return .children
        }
        return (aliases, lines)
    }

    /// Returns the lines where the alias variable `text` was assigned alias data.
    func definitionLines(of text: String) -> [Int] {
        aliasLines[text] ?? []
    }

    /// Returns the aliasing part of `expr`, written out, or nil when `expr` contains no alias data.
    func aliasText(_ expr: Expr, includeObject: Bool) -> String? {
        aliasText(expr, aliases: aliasVariables, includeObject: includeObject)
    }

    private func aliasText(_ expr: Expr, aliases: [String: String], includeObject: Bool) -> String? {
        let names = borrow.names
        switch expr.unparenthesized {
        case .ident(let ident):
            if aliases[ident.name] != nil { return ident.name }
            return includeObject && names.contains(ident.name) ? ident.name : nil
        case .call(let call):
            if let method = call.calleeName, Self.aliasingMethods.contains(method),
               let root = call.calleeBase?.rootName, names.contains(root) {
                return expr.canonicalText
            }
            if call.isBuiltin("append"), let first = call.arguments.first {
                return aliasText(first, aliases: aliases, includeObject: false)
            }
            if let name = call.qualifiedName, Self.subSliceFunctions.contains(name), let first = call.arguments.first {
                return aliasText(first, aliases: aliases, includeObject: false).map { _ in expr.canonicalText }
            }
            if isZeroCopyConversion(call), let argument = call.arguments.first {
                return aliasText(argument, aliases: aliases, includeObject: false).map { _ in expr.canonicalText }
            }
            return nil
        case .selector(let selector):
            guard let root = selector.base.rootName, names.contains(root), isSliceField(selector) else { return nil }
            return expr.canonicalText
        case .star(let star):
            guard let root = star.operand.identName, names.contains(root),
                  case .slice = package.index.underlying(borrow.objectType?.pointee ?? .interface) else { return nil }
            return expr.canonicalText
        case .slice(let slice):
            if let root = slice.base.identName, names.contains(root) { return expr.canonicalText }
            return aliasText(slice.base, aliases: aliases, includeObject: false).map { _ in expr.canonicalText }
        case .compositeLit(let literal):
            for element in literal.elements {
                let value: Expr
                if case .keyValue(let pair) = element { value = pair.value } else { value = element }
                if let text = aliasText(value, aliases: aliases, includeObject: includeObject) { return text }
            }
            return nil
        case .unary(let unary) where unary.op == "&":
            if case .compositeLit = unary.operand.unparenthesized {
                return aliasText(unary.operand, aliases: aliases, includeObject: includeObject)
            }
            return nil
        default:
            return nil
        }
    }

    /// `unsafe.String`, `unsafe.Slice`, `unsafe.Pointer` and helpers named like zero-copy
    /// conversions (`b2s`, `s2b`, `unsafeString`, `bytesToStringUnsafe`).
    private func isZeroCopyConversion(_ call: CallExpr) -> Bool {
        if let base = call.calleeBase?.identName, base == "unsafe" { return true }
        guard let name = call.calleeName else { return false }
        return name == "b2s" || name == "s2b" || name.lowercased().contains("unsafe")
    }

    /// True for a field of slice type: `b.B` of bytebufferpool, or a slice field the package
    /// declares on the object's type.
    private func isSliceField(_ selector: SelectorExpr) -> Bool {
        let field = selector.name.name
        if field == "B", borrow.objectType?.baseName == "bytebufferpool.ByteBuffer" { return true }
        guard let typeName = borrow.objectType?.shortName,
              let type = package.index.fieldType(field, in: typeName) else { return false }
        if case .slice = package.index.underlying(type) { return true }
        return false
    }

    // MARK: - Escapes

    func escapes() -> [Escape] {
        var escapes: [Escape] = []
        Walk.statements(in: facts.unit.body.statements) { statement in
            switch statement {
            case .return(let ret):
                guard releasedBefore(exitAt: ret.span.start) else { break }
                for result in ret.results {
                    if let text = aliasText(result, includeObject: true) {
                        escapes.append(Escape(text: text, line: ret.span.line, endLine: ret.span.endLine, consumer: "the caller uses it"))
                        break
                    }
                }
            case .send(let send):
                if let text = aliasText(send.value, includeObject: true), releaseFollows(send.span) {
                    escapes.append(Escape(text: text, line: send.span.line, consumer: "the receiver uses it"))
                }
            case .go(let node):
                if let text = goroutineAlias(node.call), releaseFollows(node.span) {
                    escapes.append(Escape(text: text, line: node.span.line, consumer: "the goroutine uses it"))
                }
            case .assign(let assign) where assign.lhs.count == assign.rhs.count:
                for (target, value) in zip(assign.lhs, assign.rhs) where isNonLocal(target) {
                    if let text = aliasText(value, includeObject: true), releaseFollows(assign.span) {
                        escapes.append(Escape(text: text, line: assign.span.line, consumer: "the stored copy is used"))
                        break
                    }
                }
            default:
                break
            }
            return .children
        }
        return escapes
    }

    /// True when, after the statement at `span` hands data on, the function itself puts the
    /// object back with nothing in between that waits for the new holder: no receive, no
    /// `select`, no `Wait()`, and no new value for the variable.
    private func releaseFollows(_ span: Span) -> Bool {
        let ends = directReleases.filter { flow.flows(from: span.start, to: $0.span.start) }
            .map(\.span.start)
            + (deferredReleases.isEmpty ? [] : [facts.unit.body.span.end])
        return ends.contains { !waitsOrRebinds(between: span.end, and: $0) }
    }

    private func waitsOrRebinds(between start: Int, and end: Int) -> Bool {
        var found = false
        Walk.statements(in: facts.unit.body.statements) { statement in
            guard !found, statement.span.end > start, statement.span.start < end else { return .skip }
            if statement.span.start >= start, case .select = statement { found = true }
            if statement.span.start >= start, statement.isSimple, statement.rebinds(borrow.names) { found = true }
            for expr in statement.ownExpressions where expr.span.start >= start && expr.span.end <= end {
                Walk.expressions(in: expr) { expr in
                    if found { return .skip }
                    if case .funcLit = expr { return .skip }
                    if case .unary(let unary) = expr, unary.op == "<-" { found = true }
                    if case .call(let call) = expr, call.calleeName == "Wait" { found = true }
                    return found ? .skip : .children
                }
            }
            return found ? .skip : .children
        }
        return found
    }

    /// True when the object is released on the way out through an exit at `offset`: a
    /// `defer` registered before it, or a direct release that flows to it.
    private func releasedBefore(exitAt offset: Int) -> Bool {
        if deferredReleases.contains(where: { $0.start < offset }) { return true }
        return directReleases.contains { flow.flows(from: $0.span.start, to: offset) }
    }

    private func goroutineAlias(_ call: Expr) -> String? {
        guard let call = call.asCall else { return nil }
        for argument in call.arguments {
            if let text = aliasText(argument, includeObject: true) { return text }
        }
        guard case .funcLit(let literal) = call.function.unparenthesized else { return nil }
        let watched = borrow.names.union(aliasVariables.keys)
        for statement in literal.body.statements where statement.mentionsAny(watched) {
            return watched.first { statement.mentionsAny([$0]) }
        }
        return nil
    }

    /// True for a store that outlives the function: a field, an element, a pointer target,
    /// or a variable not declared in the function.
    private func isNonLocal(_ target: Expr) -> Bool {
        switch target.unparenthesized {
        case .ident(let ident):
            return ident.name != "_" && !facts.localNames.contains(ident.name)
                && !facts.unit.parameters.contains { $0.name == ident.name }
                && !(facts.unit.type.results.flatMap(\.names).contains { $0.name == ident.name })
        case .selector, .index, .star:
            guard let root = target.rootName else { return true }
            return !facts.localNames.contains(root)
        default:
            return false
        }
    }

    // MARK: - Uses after Put

    func usesAfterPut() -> [LateUse] {
        let watched = borrow.names.union(aliasVariables.keys)
        var uses: [LateUse] = []
        for put in directReleases {
            var found: LateUse?
            var rebound = false
            let reach = flow.reach(from: put.span.start)
            Walk.statements(in: facts.unit.body.statements) { statement in
                guard found == nil, !rebound else { return .skip }
                // Nothing at or after the end of the reach can be a use after this Put.
                guard statement.span.end > put.span.end, statement.span.start < reach.end else { return .skip }
                if statement.isSimple || statement.span.start > put.span.end {
                    if case .defer = statement { return .skip }
                    if statement.rebinds(borrow.names) { rebound = true; return .skip }
                }
                let expressions = statement.ownExpressions.filter { $0.span.start > put.span.end }
                for expr in expressions where found == nil {
                    guard let name = firstMention(in: expr, of: watched),
                          reach.contains(expr.span.start)
                    else { continue }
                    found = LateUse(name: name, line: expr.span.line, putLine: put.span.line)
                }
                return found == nil ? .children : .skip
            }
            if let found { uses.append(found) }
        }
        return uses
    }

    func deferredUsesAfterPut() -> [(line: Int, putLine: Int)] {
        guard let put = directReleases.first else { return [] }
        var uses: [(line: Int, putLine: Int)] = []
        Walk.statements(in: facts.unit.body.statements) { statement in
            if case .defer(let node) = statement, statement.span.start < put.span.start,
               !deferredReleases.contains(where: { $0.start == statement.span.start }),
               node.call.mentionsAny(borrow.names) {
                uses.append((statement.span.line, put.span.line))
            }
            return .children
        }
        return uses
    }

    /// Returns the first name of `names` used in `expr`, ignoring nil comparisons and closures.
    private func firstMention(in expr: Expr, of names: Set<String>) -> String? {
        var found: String?
        Walk.expressions(in: expr) { expr in
            guard found == nil else { return .skip }
            switch expr {
            case .funcLit:
                return .skip
            case .binary where expr.isNilComparison:
                return .skip
            case .ident(let ident) where names.contains(ident.name):
                found = ident.name
            default:
                break
            }
            return found == nil ? .children : .skip
        }
        return found
    }
}

extension Stmt {
    /// True when the statement assigns a new value to one of `names` (`b = nil`, `b = pool.Get()`).
    func rebinds(_ names: Set<String>) -> Bool {
        guard case .assign(let assign) = self, assign.op == "=" || assign.op == ":=" else { return false }
        return assign.lhs.contains { $0.identName.map(names.contains) == true }
    }
}
