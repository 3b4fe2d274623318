import GoSyntax
import ReviewModel

/// A pool lives as long as the program, or as a long-lived struct, never one call.
///
/// The rule flags a `sync.Pool` created inside a function and used there, unless the
/// function builds something that keeps it (a constructor returns it or stores it in a
/// struct), the pool is created once and shared by a loop, goroutines or kept closures (an
/// HTTP handler registered by a `run` function) of the same call, or the function is a test
/// or benchmark. A pool created inside a loop body is flagged even in
/// a constructor, unless it is stored into an element (one pool per size class). A pool
/// assigned to a field in a method that is not a constructor is flagged unless a nil check
/// or `sync.Once` guards the assignment.
struct PoolScopeRule: Rule {
    static let description = RuleDescription(
        id: .poolScope, severity: .warning, bugs: ["pool-per-request"],
        triggering: [
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"net/http"
            \t"sync"
            )

            func serve(w http.ResponseWriter, r *http.Request) {
            \tscratch := sync.Pool{New: func() any { return new(bytes.Buffer) }} // want
            \tb := scratch.Get().(*bytes.Buffer)
            \tdefer scratch.Put(b)
            \tb.Reset()
            \tb.WriteString(r.URL.Path)
            \tw.Write(b.Bytes())
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            type Renderer struct {
            \tbufs *sync.Pool
            }

            func (r *Renderer) Render(s string) string {
            \tr.bufs = &sync.Pool{New: func() any { return new(bytes.Buffer) }} // want
            \tb := r.bufs.Get().(*bytes.Buffer)
            \tdefer r.bufs.Put(b)
            \tb.Reset()
            \tb.WriteString(s)
            \treturn b.String()
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            type Renderer struct {
            \tbufs *sync.Pool
            \tonce sync.Once
            }

            func NewRenderer() *Renderer {
            \tp := &sync.Pool{New: func() any { return new(bytes.Buffer) }}
            \treturn &Renderer{bufs: p}
            }

            func (r *Renderer) lazyPool() *sync.Pool {
            \tif r.bufs == nil {
            \t\tr.bufs = &sync.Pool{New: func() any { return new(bytes.Buffer) }}
            \t}
            \treturn r.bufs
            }

            func (r *Renderer) oncePool() *sync.Pool {
            \tr.once.Do(func() {
            \t\tr.bufs = &sync.Pool{New: func() any { return new(bytes.Buffer) }}
            \t})
            \treturn r.bufs
            }

            var sizeClasses [4]*sync.Pool

            func init() {
            \tfor i := range sizeClasses {
            \t\tsize := 64 << (2 * i)
            \t\tsizeClasses[i] = &sync.Pool{New: func() any { b := make([]byte, size); return &b }}
            \t}
            }

            // One pool shared by every worker of this call.
            func compressAll(items [][]byte, workers int) {
            \tpool := &sync.Pool{New: func() any { return new(bytes.Buffer) }}
            \tvar wg sync.WaitGroup
            \tfor i := 0; i < workers; i++ {
            \t\twg.Add(1)
            \t\tgo func() {
            \t\t\tdefer wg.Done()
            \t\t\tb := pool.Get().(*bytes.Buffer)
            \t\t\tdefer pool.Put(b)
            \t\t\tb.Reset()
            \t\t\tfor _, item := range items {
            \t\t\t\tb.Write(item)
            \t\t\t}
            \t\t}()
            \t}
            \twg.Wait()
            }
            """),
        ])

    static let localPool = "%@ is created on every call of %@, so no object is ever reused"
    static let loopPool = "%@ is created on every loop iteration, so no object is ever reused"
    static let fieldPool = "%@ is replaced on every call of %@, so no object is ever reused"

    static let constructorPrefixes = ["New", "new", "Make", "make", "Init", "init", "Create", "create",
                                      "Build", "build", "Open", "open", "Setup", "setup", "Start", "start"]

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        let syntax = SyncPoolSyntax(importNames: context.file.importNames)
        guard syntax.syncName != nil else { return result }

        for facts in context.functions {
            let unit = facts.unit
            for statement in unit.body.statements {
                Walk.statements(in: statement) { statement in
                    guard case .assign(let assign) = statement, assign.lhs.count == assign.rhs.count else { return .children }
                    for (target, value) in zip(assign.lhs, assign.rhs) where syntax.createsPool(value) {
                        result.examined.append(assign.span.lines)
                        if let finding = judge(target: target, assign: assign, value: value, facts: facts, context: context) {
                            result.findings.append(finding)
                        }
                    }
                    return .children
                }
            }
            for pool in context.package.allPools where pool.path == context.file.path {
                guard case .local = pool.scope, unit.body.span.lines.contains(pool.span.line),
                      pool.key == PackageContext.localKey(function: unit, name: pool.displayName) else { continue }
                if case .decl = StatementPath(to: pool.span.start, in: unit.body.statements).innermost {
                    result.examined.append(pool.span.lines)
                    if let finding = judgeLocal(name: pool.displayName, at: pool.span, facts: facts, context: context) {
                        result.findings.append(finding)
                    }
                }
            }
        }
        return result
    }

    private func judge(target: Expr, assign: AssignStmt, value: Expr, facts: FunctionFacts, context: FileContext) -> Finding? {
        let unit = facts.unit
        switch target.unparenthesized {
        case .ident(let ident) where facts.localNames.contains(ident.name):
            return judgeLocal(name: ident.name, at: assign.span, facts: facts, context: context)
        case .selector:
            guard !isConstructor(unit), !unit.isLiteral, !isGuarded(assign.span, in: unit) else { return nil }
            return context.finding(
                Self.self, lines: assign.span.lines,
                message: formatMessage(Self.fieldPool, target.canonicalText, unit.name),
                anchor: "\(target.canonicalText) = sync.Pool")
        default:
            return nil
        }
    }

    private func judgeLocal(name: String, at span: Span, facts: FunctionFacts, context: FileContext) -> Finding? {
        let unit = facts.unit
        guard !isTestFunction(unit) else { return nil }
        if isInsideLoop(span, in: unit) {
            return context.finding(
                Self.self, lines: span.lines, message: formatMessage(Self.loopPool, name),
                anchor: "\(name) := sync.Pool in loop")
        }
        if isConstructor(unit) || escapes(name, in: unit) || isSharedWithinCall(name, after: span, in: unit) {
            return nil
        }
        return context.finding(
            Self.self, lines: span.lines, message: formatMessage(Self.localPool, name, unit.name),
            anchor: "\(name) := sync.Pool")
    }

    private func isConstructor(_ unit: FunctionUnit) -> Bool {
        Self.constructorPrefixes.contains { unit.name.hasPrefix($0) }
    }

    private func isTestFunction(_ unit: FunctionUnit) -> Bool {
        ["Test", "Benchmark", "Fuzz", "Example"].contains { unit.name.hasPrefix($0) }
    }

    /// True when the statement at `span` sits in a loop body of the function.
    private func isInsideLoop(_ span: Span, in unit: FunctionUnit) -> Bool {
        StatementPath(to: span.start, in: unit.body.statements).frames.dropLast().contains { frame in
            switch frame.statement {
            case .for, .range: true
            default: false
            }
        }
    }

    /// True for an assignment under `if x == nil` or inside a `sync.Once`'s function.
    private func isGuarded(_ span: Span, in unit: FunctionUnit) -> Bool {
        StatementPath(to: span.start, in: unit.body.statements).frames.dropLast().contains { frame in
            guard case .if(let node) = frame.statement, case .binary(let binary) = node.condition.unparenthesized else {
                return false
            }
            return binary.op == "==" && (binary.left.identName == "nil" || binary.right.identName == "nil")
        }
    }

    /// True when the function returns the pool or stores it outside itself, directly or
    /// through a local value that holds it (`s := &Server{pool: p}; return s`).
    private func escapes(_ name: String, in unit: FunctionUnit) -> Bool {
        var holders: Set<String> = [name]
        var found = false
        Walk.statements(in: unit.body.statements) { statement in
            guard !found else { return .skip }
            switch statement {
            case .return(let ret):
                found = ret.results.contains { $0.mentionsAny(holders) }
            case .assign(let assign):
                for (target, value) in zip(assign.lhs, assign.rhs) where value.mentionsAny(holders) {
                    if let local = target.identName {
                        if !value.isCallOnPool(holders) { holders.insert(local) }
                    } else {
                        found = true
                    }
                }
            case .send(let send):
                found = send.value.mentionsAny(holders)
            default:
                break
            }
            return found ? .skip : .children
        }
        return found
    }

    /// True when the pool is used inside a loop or a goroutine of the same call, so one pool
    /// serves many borrows.
    private func isSharedWithinCall(_ name: String, after span: Span, in unit: FunctionUnit) -> Bool {
        var shared = false
        Walk.statements(in: unit.body.statements) { statement in
            guard !shared, statement.span.start >= span.end || statement.span.end > span.end else { return .skip }
            switch statement {
            case .for(let node) where node.body.span.start > span.end:
                shared = node.body.statements.contains { $0.mentions(name) }
            case .range(let node) where node.body.span.start > span.end:
                shared = node.body.statements.contains { $0.mentions(name) }
            case .go(let node):
                shared = node.call.mentions(name)
            default:
                break
            }
            // A function literal that is kept (passed on, stored, returned) rather than called
            // on the spot outlives this call, and so does the pool it captures.
            for expr in statement.ownExpressions where !shared {
                shared = expr.keepsClosureMentioning(name)
            }
            return shared ? .skip : .children
        }
        return shared
    }
}

private extension Expr {
    /// True when the expression holds a function literal that mentions `name` and is not
    /// called right away, such as a handler passed to `mux.HandleFunc`.
    func keepsClosureMentioning(_ name: String) -> Bool {
        var found = false
        Walk.expressions(in: self) { expr in
            if found { return .skip }
            if case .call(let call) = expr, case .funcLit = call.function.unparenthesized {
                // Called on the spot: look inside its arguments only.
                for argument in call.arguments where argument.keepsClosureMentioning(name) { found = true }
                return .skip
            }
            if case .funcLit = expr, expr.mentions(name) {
                found = true
                return .skip
            }
            return .children
        }
        return found
    }

    /// True for `p.Get()`, `p.Get().(T)` and other method calls on the pool, whose result is
    /// an object, not the pool.
    func isCallOnPool(_ names: Set<String>) -> Bool {
        switch unparenthesized {
        case .typeAssert(let assert): return assert.base.isCallOnPool(names)
        case .call(let call): return call.calleeBase?.identName.map(names.contains) ?? false
        default: return false
        }
    }
}
