import GoSyntax

/// Follows one borrowed object along every path of its function and reports the exits
/// where it is still held.
///
/// The object counts as handed back once a path runs its `Put` (or a release helper), runs a
/// `defer` that releases it, or gives it to a new owner. These count as new owners: a `return`
/// that mentions the object, a store into a field, an element, a package variable or through a
/// pointer, a channel send, and a `go` statement. So do a function literal that releases it (a
/// callback) and a call named like a release (`release`, `recycle`, `free`, `put…`).
/// A store into a local variable or a local composite literal makes that variable an alias.
/// Paths that panic or exit are not reported. A `goto` ends the analysis with no report.
///
/// A class, not a struct: the tree walks it runs take closures that use its methods, and a
/// struct with this many stored references was copied into each of them.
final class ReleaseFlow {
    /// An exit that leaves the function, or the loop iteration that owns the variable, while
    /// the object is still borrowed.
    struct Leak: Hashable {
        enum Exit: Hashable { case returnStatement, continueStatement, breakStatement, endOfLoopBody, endOfFunction }
        let line: Int
        let exit: Exit
    }

    private struct State: OptionSet, Hashable {
        let rawValue: UInt8
        static let inactive = State(rawValue: 1)
        static let holding = State(rawValue: 2)
        static let released = State(rawValue: 4)

        /// Replaces `holding` with `other` on every path.
        func handing(to other: State) -> State {
            contains(.holding) ? subtracting(.holding).union(other) : self
        }
    }

    private struct Outcome {
        var next: State = []
        var breaks: [(label: String?, state: State)] = []
        var continues: [(label: String?, state: State)] = []
    }

    private let borrow: Borrow
    private let facts: FunctionFacts
    private let context: PackageContext
    private let file: GoFile
    private var names: Set<String>
    private var found: [Leak] = []
    private var gaveUp = false
    /// A deferred closure that releases the variable whenever the function ends, registered
    /// before the borrow.
    private var closureDeferCovers = false
    /// True once any statement released the object or gave it to a new owner, on any path.
    private(set) var sawHandOver = false
    /// True once a `defer` that releases the object was seen.
    private(set) var sawDeferredRelease = false

    /// The condition of the `if` whose then-branch contains the borrow, written out.
    private let borrowGuard: String?
    /// The offset where the borrow's `err` is next assigned. Until then, `err != nil` means the
    /// borrow returned nothing.
    private let errorValidUntil: Int

    init(borrow: Borrow, facts: FunctionFacts, package: PackageContext, file: GoFile) {
        self.borrow = borrow
        self.facts = facts
        self.context = package
        self.file = file
        self.names = borrow.names
        let path = StatementPath(to: borrow.statement.span.start, in: borrow.unit.body.statements)
        var guardText: String?
        for frame in path.frames.dropLast() {
            if case .if(let node) = frame.statement, node.then.span.start <= borrow.statement.span.start,
               borrow.statement.span.end <= node.then.span.end {
                guardText = node.condition.canonicalText
            }
        }
        self.borrowGuard = guardText
        var until = Int.max
        if let error = borrow.errorName {
            Walk.statements(in: borrow.unit.body.statements) { statement in
                guard until == Int.max else { return .skip }
                if statement.span.start > borrow.statement.span.end, statement.isSimple,
                   case .assign(let assign) = statement, assign.lhs.contains(where: { $0.identName == error }) {
                    until = statement.span.start
                }
                return .children
            }
        }
        self.errorValidUntil = until
    }

    /// The exits where the object is still held; nil when the analysis could not follow the
    /// function (a `goto`).
    func leaks() -> [Leak]? {
        let outcome = run(borrow.unit.body.statements, from: .inactive, loops: [])
        if outcome.next.contains(.holding) {
            found.append(Leak(line: borrow.unit.body.span.endLine, exit: .endOfFunction))
        }
        return gaveUp ? nil : Array(Set(found)).sorted { $0.line < $1.line }
    }

    // MARK: - Statements

    /// A loop on the path: its label, and whether the borrowed variable is declared inside it.
    private struct Loop {
        let label: String?
        let ownsVariable: Bool
    }

    private func run(_ statements: [Stmt], from start: State, loops: [Loop]) -> Outcome {
        var outcome = Outcome(next: start)
        for statement in statements {
            guard !outcome.next.isEmpty, !gaveUp else { break }
            let step = run(statement, from: outcome.next, loops: loops, label: nil)
            outcome.next = step.next
            outcome.breaks += step.breaks
            outcome.continues += step.continues
        }
        return outcome
    }

    private func run(_ statement: Stmt, from state: State, loops: [Loop], label: String?) -> Outcome {
        switch statement {
        case .block(let block):
            return run(block.statements, from: state, loops: loops)
        case .labeled(let labeled):
            return run(labeled.statement, from: state, loops: loops, label: labeled.label.name)
        case .if(let node):
            return runIf(node, from: state, loops: loops)
        case .for(let node):
            var start = state
            if let initializer = node.initializer { start = simple(initializer, start) }
            return runLoop(body: node.body, from: start, loops: loops, label: label, endless: node.condition == nil)
        case .range(let node):
            // `for _, x := range list` over a list that contains the object makes x an alias.
            if node.collection.mentionsAny(names), let value = node.value?.identName ?? node.key?.identName {
                names.insert(value)
            }
            return runLoop(body: node.body, from: state, loops: loops, label: label, endless: false)
        case .switch(let node):
            let start = node.initializer.map { simple($0, state) } ?? state
            let hasDefault = node.clauses.contains { $0.expressions == nil }
            return runClauses(node.clauses.map(\.body), from: start, loops: loops, label: label, exhaustive: hasDefault)
        case .typeSwitch(let node):
            let start = node.initializer.map { simple($0, state) } ?? state
            let hasDefault = node.clauses.contains { $0.expressions == nil }
            return runClauses(node.clauses.map(\.body), from: start, loops: loops, label: label, exhaustive: hasDefault)
        case .select(let node):
            let bodies = node.clauses.map { clause in (clause.communication.map { [$0] } ?? []) + clause.body }
            return runClauses(bodies, from: state, loops: loops, label: label, exhaustive: true)
        case .return(let ret):
            let namedResults = facts.unit.type.results.flatMap(\.names).map(\.name)
            let handsOver = ret.results.contains { $0.passesValue(of: names) }
                || (ret.results.isEmpty && namedResults.contains(where: names.contains))
            if handsOver { sawHandOver = true }
            if state.contains(.holding), !handsOver {
                found.append(Leak(line: ret.span.line, exit: .returnStatement))
            }
            return Outcome(next: [])
        case .branch(let branch):
            return runBranch(branch, state: state, loops: loops)
        case .expr(let node) where node.expr.asCall?.neverReturns == true:
            return Outcome(next: [])
        default:
            return Outcome(next: simple(statement, state))
        }
    }

    private func runIf(_ node: IfStmt, from state: State, loops: [Loop]) -> Outcome {
        var start = state
        if let initializer = node.initializer { start = simple(initializer, start) }
        var thenStart = start
        var elseStart = start
        if let empty = emptinessCheck(node.condition) {
            if empty { thenStart = start.handing(to: .inactive) } else { elseStart = start.handing(to: .inactive) }
        }
        // A size check before Put drops oversized objects on purpose: `if b.Cap() > max {
        // return }` or `if b.Cap() <= max { pool.Put(b) }`. The dropping branch is no leak.
        if let thenDrops = SizeGate.dropBranch(node.condition, names) {
            if thenDrops { thenStart = thenStart.handing(to: .released) } else { elseStart = elseStart.handing(to: .released) }
        }
        var outcome = run(node.then.statements, from: thenStart, loops: loops)
        if let elseBranch = node.elseBranch {
            let other = run(elseBranch, from: elseStart, loops: loops, label: nil)
            outcome.next.formUnion(other.next)
            outcome.breaks += other.breaks
            outcome.continues += other.continues
        } else {
            outcome.next.formUnion(elseStart)
        }
        return outcome
    }

    /// True when `condition` holds only if the pool gave nothing (`b == nil`, `!ok` of a
    /// comma-ok Get), false when it holds only if it gave an object (`b != nil`, `ok`), nil
    /// for any other condition.
    private func emptinessCheck(_ condition: Expr) -> Bool? {
        let condition = condition.unparenthesized
        if let guardText = borrowGuard, condition.canonicalText == guardText {
            // The same condition that guarded the borrow: its else branch never borrowed.
            return false
        }
        if let error = borrow.errorName, condition.span.start < errorValidUntil,
           case .binary(let binary) = condition, binary.op == "!=" || binary.op == "==",
           [binary.left, binary.right].contains(where: { $0.identName == error }),
           [binary.left, binary.right].contains(where: { $0.identName == "nil" }) {
            return binary.op == "!="
        }
        if let ok = borrow.okName {
            if condition.identName == ok { return false }
            if case .unary(let unary) = condition, unary.op == "!", unary.operand.identName == ok { return true }
        }
        guard case .binary(let binary) = condition, binary.op == "==" || binary.op == "!=" else { return nil }
        let sides = [binary.left, binary.right]
        guard sides.contains(where: { $0.identName == "nil" }),
              sides.contains(where: { $0.identName.map(names.contains) == true }) else { return nil }
        return binary.op == "=="
    }

    private func runLoop(body: Block, from state: State, loops: [Loop], label: String?, endless: Bool) -> Outcome {
        let owns = body.span.start <= borrow.statement.span.start && borrow.statement.span.start < body.span.end
            && borrow.statement.isDefinition(of: borrow.name)
        let loop = Loop(label: label, ownsVariable: owns)
        var entry = state
        var after: State = endless ? [] : state
        var outerBreaks: [(label: String?, state: State)] = []
        var outerContinues: [(label: String?, state: State)] = []

        // Two passes reach the fixed point of this three-state lattice.
        for _ in 0..<2 {
            let outcome = run(body.statements, from: entry, loops: loops + [loop])
            var loopBack = outcome.next
            if owns, outcome.next.contains(.holding) {
                found.append(Leak(line: body.span.endLine, exit: .endOfLoopBody))
                loopBack = outcome.next.handing(to: .inactive)
            }
            // A jump out of an iteration that owns the variable was reported at the jump; the
            // variable goes out of scope there.
            for jump in outcome.continues {
                let state = owns ? jump.state.handing(to: .inactive) : jump.state
                if jump.label == nil || jump.label == label { loopBack.formUnion(state) } else { outerContinues.append((jump.label, state)) }
            }
            for jump in outcome.breaks {
                let state = owns ? jump.state.handing(to: .inactive) : jump.state
                if jump.label == nil || jump.label == label { after.formUnion(state) } else { outerBreaks.append((jump.label, state)) }
            }
            if !endless { after.formUnion(loopBack) }
            let widened = entry.union(loopBack)
            if widened == entry { break }
            entry = widened
        }
        return Outcome(next: after, breaks: outerBreaks, continues: outerContinues)
    }

    private func runClauses(
        _ bodies: [[Stmt]], from state: State, loops: [Loop], label: String?, exhaustive: Bool
    ) -> Outcome {
        var result = Outcome(next: exhaustive ? [] : state)
        for body in bodies {
            let outcome = run(body, from: state, loops: loops)
            result.next.formUnion(outcome.next)
            for jump in outcome.breaks {
                if jump.label == nil || jump.label == label { result.next.formUnion(jump.state) } else { result.breaks.append(jump) }
            }
            result.continues += outcome.continues
        }
        return result
    }

    private func runBranch(_ branch: BranchStmt, state: State, loops: [Loop]) -> Outcome {
        switch branch.keyword {
        case .goto:
            gaveUp = true
            return Outcome(next: [])
        case .fallthrough:
            return Outcome(next: state)
        case .break, .continue:
            let target = branch.label.map { label in loops.last { $0.label == label.name } } ?? loops.last
            if let target, target.ownsVariable, state.contains(.holding) {
                found.append(Leak(line: branch.span.line, exit: branch.keyword == .break ? .breakStatement : .continueStatement))
            }
            let label = branch.label?.name
            return branch.keyword == .break
                ? Outcome(next: [], breaks: [(label, state)])
                : Outcome(next: [], continues: [(label, state)])
        }
    }

    // MARK: - Simple statements

    /// Returns the state after a statement with no control flow of its own.
    private func simple(_ statement: Stmt, _ state: State) -> State {
        if statement.span.start == borrow.statement.span.start {
            return closureDeferCovers ? [.released] : [.holding]
        }
        if case .defer(let node) = statement {
            guard releases(node.call) else { return state }
            sawHandOver = true
            sawDeferredRelease = true
            if case .funcLit = node.call.asCall?.function.unparenthesized, !state.contains(.holding) {
                closureDeferCovers = true
            }
            return state.handing(to: .released)
        }
        // A statement that never names the object can neither release it nor hand it over.
        guard statement.mentionsAny(names) else { return state }
        var handed = containsRelease(statement) || passesToPossibleOwner(statement)
        switch statement {
        case .go(let node): handed = handed || node.call.mentionsAny(names)
        case .send(let node): handed = handed || node.value.passesValue(of: names)
        case .assign(let assign): handed = handsOver(assign) || handed
        default: break
        }
        guard handed else { return state }
        sawHandOver = true
        return state.handing(to: .released)
    }

    /// True when the call, or a function literal it calls, releases the object.
    private func releases(_ call: Expr) -> Bool {
        call.containsCall(where: isRelease)
    }

    private func containsRelease(_ statement: Stmt) -> Bool {
        Walk.contains(statement) { expr in
            if case .call(let call) = expr { return isRelease(call) }
            return false
        }
    }

    private func isRelease(_ call: CallExpr) -> Bool {
        if let operation = context.operation(call, environment: facts.environment, unit: facts.unit, file: file),
           operation.kind == .release {
            return operation.object?.passesObject(of: names) ?? false
        }
        // Closing an object from a pool that is not a sync.Pool (a connection pool, a wrapper)
        // disposes of it: connection pools return or discard connections in Close.
        if borrow.acquire.pool == nil, call.calleeName == "Close", call.arguments.isEmpty,
           call.calleeBase?.passesObject(of: names) == true {
            return true
        }
        // A method of the borrowed object's own type that releases it, called through an
        // alias whose declared type is an interface (`c = pooledConn; c.Close()`).
        if let method = call.calleeName, let base = call.calleeBase?.rootName, names.contains(base),
           let typeName = borrow.objectType?.shortName,
           context.helpers[typeName + "." + method]?.kind == .release {
            return true
        }
        guard let name = call.calleeName?.lowercased(),
              ["release", "recycle", "free", "put"].contains(where: { name.hasPrefix($0) }) || name.hasSuffix("release")
        else { return false }
        return call.arguments.contains { $0.passesObject(of: names) }
            || (call.calleeBase?.identName.map(names.contains) ?? false)
    }

    /// True when the statement passes the object to code that may keep it: a function or method
    /// of this package (not the object's own methods) or a function-typed parameter. Calls into
    /// imported packages (`json.NewEncoder(b)`, `io.Copy(b, r)`) only use the object.
    ///
    /// NOTE: `render(b)` with no `Put` is therefore not reported, because `render` may own `b`
    /// from then on. Telling would take reading ownership across functions.
    private func passesToPossibleOwner(_ statement: Stmt) -> Bool {
        var found = false
        for expr in statement.ownExpressions where !found {
            Walk.expressions(in: expr) { expr in
                if found { return .skip }
                if case .funcLit = expr { return .skip }
                guard case .call(let call) = expr, call.arguments.contains(where: { $0.passesObject(of: names) }) else {
                    return .children
                }
                switch call.function.unparenthesized {
                case .ident(let ident):
                    found = context.index.functions[ident.name] != nil
                        || facts.unit.parameters.contains { parameter in
                            parameter.name == ident.name && parameter.type.map { context.index.underlying($0) } == .function
                        }
                case .selector(let selector):
                    let base = selector.base.rootName
                    let isImport = base.map { facts.environment.type(ofName: $0) == nil && file.importNames[$0] != nil } ?? false
                    let isOwnMethod = base.map(names.contains) ?? false
                    found = !isImport && !isOwnMethod
                default:
                    break
                }
                return found ? .skip : .children
            }
        }
        return found
    }

    /// Records aliases and returns true when an assignment gives the object to a new owner.
    private func handsOver(_ assign: AssignStmt) -> Bool {
        guard assign.lhs.count == assign.rhs.count else { return false }
        var handed = false
        for (target, value) in zip(assign.lhs, assign.rhs) where value.passesValue(of: names) {
            switch target.unparenthesized {
            case .ident(let ident):
                if isLocalValue(ident.name) || facts.unit.parameters.contains(where: { $0.name == ident.name }) {
                    names.insert(ident.name)
                } else if ident.name != "_" {
                    handed = true
                }
            case .selector, .index, .star:
                if let root = target.rootName, isLocalValue(root) {
                    names.insert(root)
                } else {
                    handed = true
                }
            default:
                break
            }
        }
        return handed
    }

    /// True for a variable declared in the function body, as opposed to the receiver, a
    /// parameter or a package variable.
    private func isLocalValue(_ name: String) -> Bool {
        facts.localNames.contains(name)
    }
}

extension Stmt {
    /// True for `name := …` or `var name …`.
    func isDefinition(of name: String) -> Bool {
        switch self {
        case .assign(let assign): assign.isDefine && assign.lhs.contains { $0.identName == name }
        case .decl(let decl): decl.specs.contains { spec in
            if case .value(let value) = spec { return value.names.contains { $0.name == name } }
            return false
        }
        default: false
        }
    }
}
