import GoSyntax

/// A channel field that worker goroutines drain, and how it is made.
struct WorkerQueue: Sendable {
    /// True when the field is made with `make(chan T)`, so a send blocks until a worker is free.
    var unbuffered = false
    /// The line of the `make`, when the package has one.
    var makeLine: Int?
}

extension PackageContext {
    /// Channel fields drained by worker goroutines, by `Type.field`, and how they are made.
    func findWorkerQueues() -> [String: WorkerQueue] {
        var drained: Set<String> = []
        var made: [String: WorkerQueue] = [:]
        let started = startedFunctions()
        for file in files {
            for unit in file.units {
                let isWorker = unit.isLiteral ? started.literals.contains(unit.span.start) : started.names.contains(unit.name)
                guard isWorker || unit.calleeNames.contains("make") else { continue }
                let environment = environment(of: unit, in: file)
                if isWorker {
                    collectDrains(in: unit, environment: environment, into: &drained)
                }
                collectMakes(in: unit, environment: environment, into: &made)
            }
        }
        return made.filter { drained.contains($0.key) }.merging(
            drained.filter { made[$0] == nil }.map { ($0, WorkerQueue()) }, uniquingKeysWith: { first, _ in first })
    }

    /// True for a channel element that is a job, not a signal or a token: `bool`, `struct{}`
    /// and numbers are semaphores and wake-ups.
    private func carriesWork(_ element: GoType) -> Bool {
        switch element {
        case .anonymousStruct: return false
        case .named(let name): return name != "bool" && !KnownTypes.predeclaredValues.contains(name)
        default: return true
        }
    }

    /// Where the package starts goroutines inside a loop: the start offsets of the function
    /// literals it starts, and the names of the functions and methods it starts by name.
    private func startedFunctions() -> (literals: Set<Int>, names: Set<String>) {
        var literals: Set<Int> = []
        var names: Set<String> = []
        for file in files {
            for unit in file.units {
                Walk.statements(in: unit.body.statements) { statement in
                    let body: [Stmt]
                    switch statement {
                    case .for(let node): body = node.body.statements
                    case .range(let node): body = node.body.statements
                    default: return .children
                    }
                    for inner in body {
                        guard case .go(let node) = inner, let call = node.call.asCall else { continue }
                        if case .funcLit(let literal) = call.function.unparenthesized {
                            literals.insert(literal.span.start)
                        } else if let name = call.calleeName {
                            names.insert(name)
                        }
                    }
                    return .children
                }
            }
        }
        return (literals, names)
    }

    private func collectDrains(in unit: FunctionUnit, environment: TypeEnvironment, into drained: inout Set<String>) {
        Walk.statements(in: unit.body.statements) { statement in
            var channels: [Expr] = []
            switch statement {
            case .range(let range):
                channels.append(range.collection)
            case .select(let select):
                channels += select.clauses.compactMap { clause in
                    guard let communication = clause.communication else { return nil }
                    return communication.receivedChannel
                }
            default:
                break
            }
            for channel in channels {
                guard case .selector(let selector) = channel.unparenthesized,
                      let owner = environment.type(of: selector.base)?.shortName,
                      case .chan(let element) = index.fieldType(selector.name.name, in: owner),
                      carriesWork(element) else { continue }
                drained.insert(owner + "." + selector.name.name)
            }
            return .children
        }
    }

    private func collectMakes(in unit: FunctionUnit, environment: TypeEnvironment, into made: inout [String: WorkerQueue]) {
        for statement in unit.body.statements {
            Walk.expressions(in: statement) { expr in
                switch expr {
                case .compositeLit(let literal):
                    guard let owner = literal.type.flatMap({ GoType(typeExpr: $0) })?.shortName else { break }
                    for element in literal.elements {
                        guard case .keyValue(let pair) = element, let field = pair.key.identName,
                              let call = pair.value.asCall, call.isBuiltin("make") else { continue }
                        made[owner + "." + field] = WorkerQueue(unbuffered: call.arguments.count < 2, makeLine: call.span.line)
                    }
                default:
                    break
                }
                return .children
            }
        }
        Walk.statements(in: unit.body.statements) { statement in
            guard case .assign(let assign) = statement, assign.lhs.count == assign.rhs.count else { return .children }
            for (target, value) in zip(assign.lhs, assign.rhs) {
                guard case .selector(let selector) = target.unparenthesized, let call = value.asCall, call.isBuiltin("make"),
                      let owner = environment.type(of: selector.base)?.shortName else { continue }
                made[owner + "." + selector.name.name] = WorkerQueue(unbuffered: call.arguments.count < 2, makeLine: call.span.line)
            }
            return .children
        }
    }
}
