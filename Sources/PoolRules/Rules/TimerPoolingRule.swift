import GoSyntax
import ReviewModel

/// A pooled `*time.Timer` goes back stopped, with its channel drained.
///
/// Before Go 1.23 a timer that fired but was never read keeps a tick in its channel, and a
/// timer that was not stopped can still fire. A later borrower then gets a stale tick, a fake
/// timeout, and its `Reset` races with the old one. The rule flags each `Put` of a timer pool
/// (one whose `New` makes a timer, or whose `Get` asserts `*time.Timer`) unless the function
/// first calls `Stop` on the timer and receives from its channel. A package function that does
/// both, such as `stopTimer(t)`, counts. fasthttp's `ReleaseTimer` stops and
/// drains, and is not flagged.
struct TimerPoolingRule: Rule {
    static let description = RuleDescription(
        id: .timerPooling, severity: .error, bugs: ["pooled-timer-not-stopped"],
        triggering: [
            RuleExample("""
            package example

            import (
            \t"sync"
            \t"time"
            )

            var timers = sync.Pool{New: func() any { return time.NewTimer(time.Hour) }}

            func await(done <-chan struct{}, d time.Duration) bool {
            \tt := timers.Get().(*time.Timer)
            \tdefer timers.Put(t) // want
            \tt.Reset(d)
            \tselect {
            \tcase <-done:
            \t\treturn true
            \tcase <-t.C:
            \t\treturn false
            \t}
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            package example

            import (
            \t"sync"
            \t"time"
            )

            var timers = sync.Pool{New: func() any {
            \tt := time.NewTimer(time.Hour)
            \tt.Stop()
            \treturn t
            }}

            func releaseTimer(t *time.Timer) {
            \tif !t.Stop() {
            \t\tselect {
            \t\tcase <-t.C:
            \t\tdefault:
            \t\t}
            \t}
            \ttimers.Put(t)
            }

            func await(done <-chan struct{}, d time.Duration) bool {
            \tt := timers.Get().(*time.Timer)
            \tdefer releaseTimer(t)
            \tt.Reset(d)
            \tselect {
            \tcase <-done:
            \t\treturn true
            \tcase <-t.C:
            \t\treturn false
            \t}
            }
            """),
        ],
        checksTestFiles: false)

    static let notStopped = "timer %@ goes back to %@ without Stop and a drain of %@.C"
    static let notDrained = "timer %@ is stopped but %@.C is not drained before it goes back to %@"

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        for facts in context.functions {
            for operation in facts.operations where operation.kind == .release && operation.isDirect {
                guard let object = operation.object, let name = object.rootName,
                      isTimerPool(operation, facts: facts) else { continue }
                result.examined.append(operation.call.span.lines)
                let before = operation.call.span.start
                let helperStops = callsStoppingHelper(on: name, before: before, in: facts.unit, context.package.index)
                let stops = helperStops || calls("Stop", on: name, before: before, in: facts.unit)
                let drains = helperStops || receivesFromChannel(of: name, before: before, in: facts.unit)
                guard !(stops && drains) else { continue }
                let lines = StatementPath(to: before, in: facts.unit.body.statements).innermost?.span.lines
                    ?? operation.call.span.lines
                let template = stops ? Self.notDrained : Self.notStopped
                let message = stops
                    ? formatMessage(template, name, name, operation.poolName)
                    : formatMessage(template, name, operation.poolName, name)
                result.findings.append(context.finding(
                    Self.self, lines: lines, message: message, anchor: "\(operation.poolName).Put(\(name)) timer"))
            }
        }
        return result
    }

    private func isTimerPool(_ operation: PoolOperation, facts: FunctionFacts) -> Bool {
        let timer = GoType.pointer(.named("time.Timer"))
        if operation.objectType == timer { return true }
        if let object = operation.object, facts.environment.type(of: object) == timer { return true }
        return false
    }

    /// True when an expression of the function before the offset `limit` satisfies `predicate`.
    private func occursBefore(_ limit: Int, in unit: FunctionUnit, where predicate: (Expr) -> Bool) -> Bool {
        unit.body.statements.contains { statement in
            Walk.contains(statement) { expr in expr.span.start < limit && predicate(expr) }
        }
    }

    /// True when the function passes the timer to a package function that stops it and drains
    /// its channel, such as `stopTimer(t)`.
    private func callsStoppingHelper(on name: String, before limit: Int, in unit: FunctionUnit, _ index: PackageIndex) -> Bool {
        occursBefore(limit, in: unit) { expr in
            guard case .call(let call) = expr, let helper = call.function.identName, let decl = index.functions[helper],
                  let body = decl.body, let position = call.arguments.firstIndex(where: { $0.identName == name })
            else { return false }
            let parameters = decl.type.params.flatMap { field in field.names.map(\.name) }
            guard position < parameters.count else { return false }
            let helperUnit = FunctionUnit(
                name: helper, receiverType: nil, receiverName: nil, type: decl.type, body: body, span: decl.span,
                isLiteral: false)
            return calls("Stop", on: parameters[position], before: Int.max, in: helperUnit)
                && receivesFromChannel(of: parameters[position], before: Int.max, in: helperUnit)
        }
    }

    private func calls(_ method: String, on name: String, before limit: Int, in unit: FunctionUnit) -> Bool {
        occursBefore(limit, in: unit) { expr in
            guard case .call(let call) = expr else { return false }
            return call.calleeName == method && call.calleeBase?.identName == name
        }
    }

    /// True for `<-t.C` before `limit`, in a statement or a select case.
    private func receivesFromChannel(of name: String, before limit: Int, in unit: FunctionUnit) -> Bool {
        occursBefore(limit, in: unit) { expr in
            guard case .unary(let unary) = expr, unary.op == "<-",
                  case .selector(let selector) = unary.operand.unparenthesized else { return false }
            return selector.name.name == "C" && selector.base.identName == name
        }
    }
}
