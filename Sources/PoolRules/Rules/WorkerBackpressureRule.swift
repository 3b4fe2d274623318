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
        let queues = context.package.workerQueues
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
