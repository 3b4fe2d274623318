import GoSyntax
import ReviewModel

/// Every object taken from a pool goes back on every path, and the `Put` is deferred when
/// anything between `Get` and `Put` can panic.
///
/// The rule follows each borrowed variable through its function (see `ReleaseFlow` for the
/// ownership transfers it accepts instead of a `Put`) and reports the `return`, `continue` or
/// `break` that leaves while the object is still borrowed, or the `Get` itself when nothing
/// ever gives the object back. A `Put` that is not deferred is reported when a call between
/// `Get` and `Put` can panic: `panic` with a value such as an error, `log.Panic…`, a `must…`
/// function, a package function that always panics, a callback parameter, or a type assertion
/// of another value without the comma-ok form. A `panic("BUG: …")` with a message is an
/// invariant check that does not fire on any input, so it is not counted, nor is `t.Fatal`. When the change removes a `defer` that
/// released the object, the finding says so.
struct DeferredPutRule: Rule {
    static let description = RuleDescription(
        id: .deferredPut, severity: .warning, bugs: ["get-without-put", "put-not-deferred"],
        triggering: [
            RuleExample("""
            package example

            import (
            \t"encoding/json"
            \t"sync"
            )

            var encoders = sync.Pool{New: func() any { return json.NewEncoder(nil) }}

            func check(v any) error {
            \tenc := encoders.Get().(*json.Encoder) // want
            \treturn enc.Encode(v)
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"errors"
            \t"sync"
            )

            var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            func label(parts []string) (string, error) {
            \tb := scratch.Get().(*bytes.Buffer)
            \tb.Reset()
            \tfor _, p := range parts {
            \t\tif p == "" {
            \t\t\treturn "", errors.New("empty part") // want
            \t\t}
            \t\tb.WriteString(p)
            \t}
            \ts := b.String()
            \tscratch.Put(b)
            \treturn s, nil
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            var rows = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            func lines(items [][]byte, emit func([]byte)) {
            \tfor _, item := range items {
            \t\tb := rows.Get().(*bytes.Buffer)
            \t\tb.Reset()
            \t\tif len(item) == 0 {
            \t\t\tcontinue // want
            \t\t}
            \t\tb.Write(item)
            \t\temit(b.Bytes())
            \t\trows.Put(b)
            \t}
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"strconv"
            \t"sync"
            )

            var digits = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            func mustAtoi(s string) int {
            \tn, err := strconv.Atoi(s)
            \tif err != nil {
            \t\tpanic(err)
            \t}
            \treturn n
            }

            func render(s string) string {
            \tb := digits.Get().(*bytes.Buffer)
            \tb.Reset()
            \tb.WriteString(strconv.Itoa(mustAtoi(s) * 2))
            \tout := b.String()
            \tdigits.Put(b) // want
            \treturn out
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            package example

            import (
            \t"encoding/json"
            \t"io"
            \t"sync"
            )

            var encoders = sync.Pool{New: func() any { return json.NewEncoder(io.Discard) }}

            func check(v any) error {
            \tenc := encoders.Get().(*json.Encoder)
            \tdefer encoders.Put(enc)
            \treturn enc.Encode(v)
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            // getBuf hands its buffer to the caller, who must call putBuf.
            func getBuf() *bytes.Buffer {
            \tb := bufs.Get().(*bytes.Buffer)
            \tb.Reset()
            \treturn b
            }

            func putBuf(b *bytes.Buffer) { bufs.Put(b) }

            func join(a, b string) string {
            \tbuf := getBuf()
            \tdefer putBuf(buf)
            \tbuf.WriteString(a)
            \tbuf.WriteString(b)
            \treturn buf.String()
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            var frames = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            type conn struct {
            \tpending *bytes.Buffer
            \tout     chan *bytes.Buffer
            }

            // The buffer moves to the connection, which puts it back after writing it.
            func (c *conn) queue(p []byte) {
            \tb := frames.Get().(*bytes.Buffer)
            \tb.Reset()
            \tb.Write(p)
            \tc.out <- b
            }

            func (c *conn) hold(p []byte) {
            \tb := frames.Get().(*bytes.Buffer)
            \tb.Reset()
            \tb.Write(p)
            \tc.pending = b
            }

            func (c *conn) async(p []byte) {
            \tb := frames.Get().(*bytes.Buffer)
            \tb.Reset()
            \tgo func() {
            \t\tdefer frames.Put(b)
            \t\tb.Write(p)
            \t}()
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            var pieces = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            // A Put that is not deferred is fine when nothing in between can panic.
            func concat(a, b string) string {
            \tbuf := pieces.Get().(*bytes.Buffer)
            \tbuf.Reset()
            \tbuf.WriteString(a)
            \tbuf.WriteString(b)
            \ts := buf.String()
            \tpieces.Put(buf)
            \treturn s
            }

            func first(v any) *bytes.Buffer {
            \tif b, ok := v.(*bytes.Buffer); ok {
            \t\treturn b
            \t}
            \tp := pieces.Get()
            \tif p == nil {
            \t\treturn nil
            \t}
            \treturn p.(*bytes.Buffer)
            }
            """),
        ],
        checksTestFiles: false)

    static let neverReturned = "%@ from %@ is never put back"
    static let leavesWhileBorrowed = "%@ from %@ is not put back on this %@"
    static let putNotDeferred = "%@ is put back without defer, so a panic from %@ on line %@ skips it"
    static let removedDeferSuffix = "; this change removes its deferred release"

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        for facts in context.functions {
            for borrow in facts.borrows {
                result.examined.append(borrow.statement.span.lines)
                result.examined += facts.releases(of: borrow).map(\.call.span.lines)
                result.findings += findings(for: borrow, facts: facts, context: context)
            }
        }
        return result
    }

    private func findings(for borrow: Borrow, facts: FunctionFacts, context: FileContext) -> [Finding] {
        let flow = ReleaseFlow(borrow: borrow, facts: facts, package: context.package, file: context.file)
        guard let leaks = flow.leaks() else { return [] }
        let pool = borrow.acquire.poolName
        let removal = removedDeferredRelease(of: borrow, facts: facts, context: context)
        let suffix = removal.isEmpty ? "" : Self.removedDeferSuffix

        if !leaks.isEmpty {
            if !flow.sawHandOver {
                let message = formatMessage(Self.neverReturned, borrow.name, pool) + suffix
                return [context.finding(
                    Self.self, lines: borrow.statement.span.lines, message: message,
                    related: leaks.map(\.line) + removal, anchor: borrow.statement.anchorText(in: context))]
            }
            return leaks.map { leak in
                let message = formatMessage(Self.leavesWhileBorrowed, borrow.name, pool, leak.exit.pathName) + suffix
                return context.finding(
                    Self.self, lines: leak.line...leak.line, message: message,
                    related: [borrow.line] + removal, anchor: "\(borrow.statement.anchorText(in: context)) \(leak.exit.pathName)")
            }
        }

        guard !flow.sawDeferredRelease, let put = facts.releases(of: borrow).first,
              let panicking = firstPanickingCall(
                  after: borrow.statement.span.end, before: put.call.span.start, in: facts, index: context.package.index,
                  objectNames: borrow.names)
        else { return [] }
        let message = formatMessage(Self.putNotDeferred, borrow.name, panicking.text, String(panicking.line))
        return [context.finding(
            Self.self, lines: put.call.span.lines, message: message, related: [borrow.line, panicking.line],
            anchor: put.call.function.canonicalText)]
    }

    /// The removal points inside the function when the base version of the function released
    /// the same pool's object with `defer` and the head version does not.
    private func removedDeferredRelease(of borrow: Borrow, facts: FunctionFacts, context: FileContext) -> [Int] {
        guard let base = context.baseFacts(of: facts.unit),
              let baseBorrow = base.borrows.first(where: { $0.acquire.poolKey == borrow.acquire.poolKey }) else { return [] }
        let baseFlow = ReleaseFlow(borrow: baseBorrow, facts: base, package: context.package, file: context.baseFile ?? context.file)
        _ = baseFlow.leaks()
        guard baseFlow.sawDeferredRelease else { return [] }
        return context.touched.removalPoints.filter { facts.unit.span.lines.contains($0) }.sorted()
    }

    /// The first call between two offsets of the function that can panic.
    private func firstPanickingCall(
        after start: Int, before end: Int, in facts: FunctionFacts, index: PackageIndex, objectNames: Set<String>
    ) -> (text: String, line: Int)? {
        let callbacks = Set(facts.unit.parameters.filter { $0.type == .function }.map(\.name))
        var found: (text: String, line: Int)?
        for statement in facts.unit.body.statements {
            Walk.statements(in: statement) { statement in
                guard found == nil else { return .skip }
                let span = statement.span
                guard span.end > start, span.start < end else { return .skip }
                if case .assign(let assign) = statement, assign.lhs.count == 2, assign.rhs.count == 1,
                   case .typeAssert = assign.rhs[0].unparenthesized {
                    return .children
                }
                for expr in statement.ownExpressions where found == nil {
                    found = panickingCall(
                        in: expr, callbacks: callbacks, index: index, objectNames: objectNames, after: start, before: end)
                }
                return found == nil ? .children : .skip
            }
        }
        return found
    }

    private func panickingCall(
        in expr: Expr, callbacks: Set<String>, index: PackageIndex, objectNames: Set<String>, after start: Int, before end: Int
    ) -> (text: String, line: Int)? {
        var found: (text: String, line: Int)?
        Walk.expressions(in: expr) { expr in
            guard found == nil else { return .skip }
            if case .funcLit = expr { return .skip }
            let span = expr.span
            guard span.start >= start, span.end <= end else { return .children }
            switch expr {
            case .call(let call):
                let name = call.calleeName ?? ""
                let plainName = call.function.identName
                let panics = (call.isBuiltin("panic") && !(call.arguments.first?.isAssertionMessage ?? true))
                    || name.hasPrefix("must") || name.hasPrefix("Must")
                    || (call.calleeBase?.identName == "log" && name.hasPrefix("Panic"))
                    || (plainName.map(callbacks.contains) ?? false)
                    || (plainName.map(index.alwaysPanics) ?? false)
                if panics {
                    found = ((call.isBuiltin("panic") ? "panic" : call.function.canonicalText) + "(…)", span.line)
                }
            case .typeAssert(let assert) where assert.type != nil && assert.base.rootName.map(objectNames.contains) != true:
                found = (expr.canonicalText, span.line)
            default:
                break
            }
            return found == nil ? .children : .skip
        }
        return found
    }
}

extension ReleaseFlow.Leak.Exit {
    /// How a message names the path that leaves the function or loop.
    var pathName: String {
        switch self {
        case .returnStatement: "return path"
        case .continueStatement: "continue path"
        case .breakStatement: "break path"
        case .endOfLoopBody: "loop iteration"
        case .endOfFunction: "path to the end of the function"
        }
    }
}

extension Stmt {
    /// The statement's source text with runs of white space folded, for fingerprints.
    func anchorText(in context: FileContext) -> String {
        let text = context.file.text(of: span)
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}

extension Expr {
    /// True for a panic argument that is a message: a string literal, a concatenation that
    /// starts with one, or `fmt.Sprintf`/`fmt.Errorf`/`errors.New` of a literal.
    var isAssertionMessage: Bool {
        switch unparenthesized {
        case .basicLit(let literal):
            return literal.kind == .string
        case .binary(let binary) where binary.op == "+":
            return binary.left.isAssertionMessage
        case .call(let call):
            guard let name = call.qualifiedName, ["fmt.Sprintf", "fmt.Errorf", "errors.New"].contains(name) else {
                return false
            }
            return call.arguments.first?.isAssertionMessage ?? false
        default:
            return false
        }
    }
}
