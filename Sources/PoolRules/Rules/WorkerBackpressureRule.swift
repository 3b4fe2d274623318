import GoSyntax
import ReviewModel

/// Submitting to a worker pool cannot block forever.
///
/// A worker pool is a struct whose channel field is drained by goroutines that the package
/// starts in a loop, several at once (`for job := range p.jobs`, or a `select` receiving from
/// it). A single goroutine serving one connection is not a pool, and a channel of `bool`,
/// `struct{}` or numbers is a semaphore, not a job queue. The rule flags a
/// send to that field outside a `select`, in a function that is not itself one of the
/// workers: with every worker busy it blocks, with no way for the caller to give up. The
/// message says whether the channel is made unbuffered, which makes the block immediate.
/// A send in a `select` with a `default` or a `<-ctx.Done()` case is the fix.
struct WorkerBackpressureRule: Rule {
    static let description = RuleDescription(
        id: .workerBackpressure, severity: .warning, bugs: ["unbuffered-worker-queue"],
        triggering: [
            RuleExample("""
            package example

            type Workers struct {
            \ttasks chan func()
            }

            func NewWorkers(n int) *Workers {
            \tw := &Workers{tasks: make(chan func())}
            \tfor i := 0; i < n; i++ {
            \t\tgo func() {
            \t\t\tfor task := range w.tasks {
            \t\t\t\ttask()
            \t\t\t}
            \t\t}()
            \t}
            \treturn w
            }

            func (w *Workers) Submit(task func()) {
            \tw.tasks <- task // want
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            package example

            import (
            \t"context"
            \t"errors"
            )

            type Workers struct {
            \ttasks chan func()
            }

            var ErrBusy = errors.New("all workers are busy")

            func NewWorkers(n, queue int) *Workers {
            \tw := &Workers{tasks: make(chan func(), queue)}
            \tfor i := 0; i < n; i++ {
            \t\tgo func() {
            \t\t\tfor task := range w.tasks {
            \t\t\t\ttask()
            \t\t\t}
            \t\t}()
            \t}
            \treturn w
            }

            func (w *Workers) Submit(ctx context.Context, task func()) error {
            \tselect {
            \tcase w.tasks <- task:
            \t\treturn nil
            \tcase <-ctx.Done():
            \t\treturn ctx.Err()
            \t}
            }

            func (w *Workers) TrySubmit(task func()) error {
            \tselect {
            \tcase w.tasks <- task:
            \t\treturn nil
            \tdefault:
            \t\treturn ErrBusy
            \t}
            }
            """),
        ])

    static let unbufferedSend = "%@ is unbuffered and this send has no select, so %@ blocks while every worker is busy"
    static let bufferedSend = "this send to %@ has no select on a context or default, so %@ blocks once the queue is full"

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        let queues = workerQueues(context.package)
        guard !queues.isEmpty else { return result }

        for facts in context.functions where !facts.unit.isLiteral {
            Walk.statements(in: facts.unit.body.statements) { statement in
                if case .select = statement { return .skip }
                guard case .send(let send) = statement, case .selector(let selector) = send.channel.unparenthesized,
                      let owner = facts.environment.type(of: selector.base)?.shortName,
                      let queue = queues[owner + "." + selector.name.name] else { return .children }
                result.examined.append(send.span.lines)
                let template = queue.unbuffered ? Self.unbufferedSend : Self.bufferedSend
                let message = formatMessage(template, send.channel.canonicalText, facts.unit.name)
                result.findings.append(context.finding(
                    Self.self, lines: send.span.lines, message: message, related: queue.makeLine.map { [$0] } ?? [],
                    anchor: "\(owner).\(selector.name.name) <- in \(facts.unit.name)"))
                return .children
            }
        }
        return result
    }

    private struct Queue {
        var unbuffered = false
        var makeLine: Int?
    }

    /// Channel fields drained by worker goroutines, by `Type.field`, and how they are made.
    private func workerQueues(_ package: PackageContext) -> [String: Queue] {
        var drained: Set<String> = []
        var made: [String: Queue] = [:]
        let started = startedFunctions(package)
        for file in package.files {
            for (unit, environment) in FunctionUnit.withEnvironments(in: file, package: package.index) {
                if unit.isLiteral ? started.literals.contains(unit.span.start) : started.names.contains(unit.name) {
                    collectDrains(in: unit, environment: environment, package: package, into: &drained)
                }
                collectMakes(in: unit, environment: environment, package: package, into: &made)
            }
        }
        return made.filter { drained.contains($0.key) }.merging(
            drained.filter { made[$0] == nil }.map { ($0, Queue()) }, uniquingKeysWith: { first, _ in first })
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
    private func startedFunctions(_ package: PackageContext) -> (literals: Set<Int>, names: Set<String>) {
        var literals: Set<Int> = []
        var names: Set<String> = []
        for file in package.files {
            for unit in FunctionUnit.all(in: file.syntax) {
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

    private func collectDrains(
        in unit: FunctionUnit, environment: TypeEnvironment, package: PackageContext, into drained: inout Set<String>
    ) {
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
                      case .chan(let element) = package.index.fieldType(selector.name.name, in: owner),
                      carriesWork(element) else { continue }
                drained.insert(owner + "." + selector.name.name)
            }
            return .children
        }
    }

    private func collectMakes(
        in unit: FunctionUnit, environment: TypeEnvironment, package: PackageContext, into made: inout [String: Queue]
    ) {
        for statement in unit.body.statements {
            Walk.expressions(in: statement) { expr in
                switch expr {
                case .compositeLit(let literal):
                    guard let owner = literal.type.flatMap({ GoType(typeExpr: $0) })?.shortName else { break }
                    for element in literal.elements {
                        guard case .keyValue(let pair) = element, let field = pair.key.identName,
                              let call = pair.value.asCall, call.isBuiltin("make") else { continue }
                        made[owner + "." + field] = Queue(unbuffered: call.arguments.count < 2, makeLine: call.span.line)
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
                made[owner + "." + selector.name.name] = Queue(unbuffered: call.arguments.count < 2, makeLine: call.span.line)
            }
            return .children
        }
    }
}

extension Stmt {
    /// The channel of a receive statement in a select case: `c` of `<-c`, `v := <-c`,
    /// `v, ok = <-c`.
    var receivedChannel: Expr? {
        let value: Expr?
        switch self {
        case .expr(let node): value = node.expr
        case .assign(let assign): value = assign.rhs.first
        default: value = nil
        }
        guard case .unary(let unary) = value?.unparenthesized, unary.op == "<-" else { return nil }
        return unary.operand
    }
}
