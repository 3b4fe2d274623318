import GoSyntax
import ReviewModel

/// A borrowed object is reset before it is first read or written, unless every `Put` of
/// its pool resets it on the way back.
///
/// For buffers (`bytes.Buffer`, `strings.Builder`, bytebufferpool and zap buffers) and
/// package structs with a `Reset` method, any method call, field read or hand-off before
/// `Reset()` is a use. For slices, only an `append` before `[:0]` is, because filling a slice
/// by index overwrites it. For stream-bound types (bufio, gzip, flate, zlib, bytes and strings
/// readers) the first use must come after `Reset(src)`, whatever the release path does, and
/// when that `Reset` returns an error it must not be dropped. Objects of other types are
/// not judged. A change that removes the reset is named in the message.
struct ResetBeforeUseRule: Rule {
    static let description = RuleDescription(
        id: .resetBeforeUse, severity: .error, bugs: ["forgotten-reset", "reader-source-not-reset"],
        triggering: [
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"net/http"
            \t"sync"
            )

            var pages = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            func greet(w http.ResponseWriter, name string) {
            \tb := pages.Get().(*bytes.Buffer)
            \tdefer pages.Put(b)
            \tb.WriteString("hello, ") // want
            \tb.WriteString(name)
            \tw.Write(b.Bytes())
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"compress/gzip"
            \t"io"
            \t"sync"
            )

            var inflaters = sync.Pool{New: func() any { return new(gzip.Reader) }}

            func inflate(blob []byte) ([]byte, error) {
            \tzr := inflaters.Get().(*gzip.Reader)
            \tdefer inflaters.Put(zr)
            \treturn io.ReadAll(zr) // want
            }

            func inflateQuietly(blob []byte) ([]byte, error) {
            \tzr := inflaters.Get().(*gzip.Reader)
            \tdefer inflaters.Put(zr)
            \tzr.Reset(bytes.NewReader(blob)) // want
            \treturn io.ReadAll(zr)
            }
            """),
            RuleExample("""
            package example

            import "sync"

            var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

            func quote(s string) string {
            \tbp := scratch.Get().(*[]byte)
            \tdefer scratch.Put(bp)
            \tout := append(*bp, '"') // want
            \tout = append(out, s...)
            \tout = append(out, '"')
            \t*bp = out
            \treturn string(out)
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            package example

            import (
            \t"bufio"
            \t"bytes"
            \t"compress/gzip"
            \t"io"
            \t"sync"
            )

            var pages = sync.Pool{New: func() any { return new(bytes.Buffer) }}
            var inflaters = sync.Pool{New: func() any { return new(gzip.Reader) }}
            var readers = sync.Pool{New: func() any { return bufio.NewReader(nil) }}

            func greet(name string) string {
            \tb := pages.Get().(*bytes.Buffer)
            \tdefer pages.Put(b)
            \tb.Reset()
            \tb.WriteString("hello, ")
            \tb.WriteString(name)
            \treturn b.String()
            }

            func inflate(blob []byte) ([]byte, error) {
            \tzr := inflaters.Get().(*gzip.Reader)
            \tdefer inflaters.Put(zr)
            \tif err := zr.Reset(bytes.NewReader(blob)); err != nil {
            \t\treturn nil, err
            \t}
            \treturn io.ReadAll(zr)
            }

            func firstLine(r io.Reader) (string, error) {
            \tbr := readers.Get().(*bufio.Reader)
            \tbr.Reset(r)
            \tdefer readers.Put(br)
            \treturn br.ReadString('\\n')
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            var lines = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            // Every Put resets the buffer, so a borrower always gets an empty one.
            func putLine(b *bytes.Buffer) {
            \tb.Reset()
            \tlines.Put(b)
            }

            func render(fields []string) string {
            \tb := lines.Get().(*bytes.Buffer)
            \tdefer putLine(b)
            \tfor _, f := range fields {
            \t\tb.WriteString(f)
            \t\tb.WriteByte(' ')
            \t}
            \treturn b.String()
            }
            """),
            RuleExample("""
            package example

            import (
            \t"io"
            \t"sync"
            )

            var chunks = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

            // The slice is overwritten by ReadFull, never appended to.
            func readBlock(r io.Reader, n int) ([]byte, error) {
            \tbp := chunks.Get().(*[]byte)
            \tdefer chunks.Put(bp)
            \tblock := (*bp)[:n]
            \tif _, err := io.ReadFull(r, block); err != nil {
            \t\treturn nil, err
            \t}
            \treturn append([]byte(nil), block...), nil
            }

            func tag(s string) string {
            \tbp := chunks.Get().(*[]byte)
            \tdefer chunks.Put(bp)
            \tout := append((*bp)[:0], '<')
            \tout = append(out, s...)
            \t*bp = out
            \treturn string(out)
            }
            """),
        ],
        checksTestFiles: false)

    static let usedBeforeReset = "%@ from %@ is used before it is reset"
    static let usedBeforeSourceReset = "%@ from %@ is used before Reset binds it to the new stream"
    static let resetErrorIgnored = "the error from %@.Reset is ignored"
    static let removedResetSuffix = "; this change removes its reset"

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        for facts in context.functions {
            for borrow in facts.borrows where !borrow.acquire.resets {
                let kind = ObjectKind(borrow.objectType, package: context.package.index)
                guard kind != .unknown else { continue }
                result.examined.append(borrow.statement.span.lines)
                result.findings += findings(for: borrow, kind: kind, facts: facts, context: context)
            }
        }
        return result
    }

    private func findings(for borrow: Borrow, kind: ObjectKind, facts: FunctionFacts, context: FileContext) -> [Finding] {
        var findings: [Finding] = []
        let scan = BorrowScan(borrow: borrow, kind: kind)
        let pool = borrow.acquire.poolName

        if case .streamBound(true) = kind {
            for call in scan.ignoredResetErrors() {
                findings.append(context.finding(
                    Self.self, lines: call.span.lines, message: formatMessage(Self.resetErrorIgnored, borrow.name),
                    related: [borrow.line], anchor: call.canonicalText, severity: .warning))
            }
        }

        guard case .use(let useLine) = scan.firstEvent() else { return findings }
        if case .streamBound = kind {} else if context.package.resetsOnRelease(borrow.acquire.poolKey) {
            return findings
        }
        let template: String
        if case .streamBound = kind { template = Self.usedBeforeSourceReset } else { template = Self.usedBeforeReset }
        let removal = removedReset(of: borrow, kind: kind, facts: facts, context: context)
        let message = formatMessage(template, borrow.name, pool) + (removal.isEmpty ? "" : Self.removedResetSuffix)
        findings.append(context.finding(
            Self.self, lines: useLine...useLine, message: message, related: [borrow.line] + removal,
            anchor: borrow.statement.anchorText(in: context)))
        return findings
    }

    /// The removal points in the function when its base version reset the same pool's object.
    private func removedReset(of borrow: Borrow, kind: ObjectKind, facts: FunctionFacts, context: FileContext) -> [Int] {
        guard let base = context.baseFacts(of: facts.unit),
              let baseBorrow = base.borrows.first(where: { $0.acquire.poolKey == borrow.acquire.poolKey }),
              case .reset = BorrowScan(borrow: baseBorrow, kind: kind).firstEvent() else { return [] }
        return context.touched.removalPoints.filter { facts.unit.span.lines.contains($0) }.sorted()
    }
}

/// Walks the statements after a borrow in source order and finds the first reset or use of
/// the object. Deferred calls, releases and nil checks are neither; function literals are not
/// entered because they run later.
struct BorrowScan {
    enum Event {
        case reset
        case use(line: Int)
    }

    let borrow: Borrow
    let kind: ObjectKind

    func firstEvent() -> Event? {
        scan(borrow.unit.body.statements, after: borrow.statement.span.end)
    }

    /// The first event in `statements` after the offset `start`. The branch of an `if` taken
    /// only when the pool gave nothing (`x == nil`, `!ok`) is skipped, because what it does to
    /// a fresh object tells nothing about a reused one.
    private func scan(_ statements: [Stmt], after start: Int) -> Event? {
        var event: Event?
        Walk.statements(in: statements) { statement in
            guard event == nil else { return .skip }
            if case .defer = statement { return .skip }
            if statement.span.end <= start { return .skip }
            if case .if(let node) = statement, let emptyBranch = emptinessBranch(node.condition) {
                if node.condition.span.start >= start, let line = use(in: node.condition) {
                    event = .use(line: line)
                    return .skip
                }
                let taken: [Stmt] = emptyBranch ? (node.elseBranch.map { [$0] } ?? []) : node.then.statements
                event = scan((node.initializer.map { [$0] } ?? []) + taken, after: start)
                return .skip
            }
            let simple = statement.isSimple
            if let found = classify(statement, simple: simple, after: start) {
                event = found
                return .skip
            }
            return .children
        }
        return event
    }

    /// True when `condition` holds only if the pool gave nothing (`x == nil`, `!ok`), false
    /// when it holds only if it gave an object; nil otherwise.
    private func emptinessBranch(_ condition: Expr) -> Bool? {
        let condition = condition.unparenthesized
        if let ok = borrow.okName {
            if condition.identName == ok { return false }
            if case .unary(let unary) = condition, unary.op == "!", unary.operand.identName == ok { return true }
        }
        guard case .binary(let binary) = condition, binary.op == "==" || binary.op == "!=",
              [binary.left, binary.right].contains(where: { $0.identName == "nil" }),
              [binary.left, binary.right].contains(where: { $0.identName.map(borrow.names.contains) == true })
        else { return nil }
        return binary.op == "=="
    }

    private func classify(_ statement: Stmt, simple: Bool, after start: Int) -> Event? {
        let names = borrow.names
        let expressions = statement.ownExpressions.filter { $0.span.start >= start }
        if expressions.contains(where: { isReset($0) }) { return .reset }
        if simple, statement.span.start >= start, !isStreamBound, ObjectUse.isReset(statement, of: names) { return .reset }
        if case .assign(let assign) = statement, assign.op == "=",
           assign.lhs.contains(where: { $0.identName.map(names.contains) == true }) {
            return .reset
        }
        for expr in expressions {
            if let line = use(in: expr) { return .use(line: line) }
        }
        return nil
    }

    private var isStreamBound: Bool {
        if case .streamBound = kind { return true }
        return false
    }

    private func isReset(_ expr: Expr) -> Bool {
        var found = false
        Walk.expressions(in: expr) { expr in
            if found { return .skip }
            if case .funcLit = expr { return .skip }
            if case .call(let call) = expr {
                found = isStreamBound ? ObjectUse.isSourceReset(call, of: borrow.names) : ObjectUse.isReset(call, of: borrow.names)
            } else if !isStreamBound, ObjectUse.isTruncation(expr, of: borrow.names) {
                found = true
            }
            return found ? .skip : .children
        }
        return found
    }

    /// Returns the line of the first use of the object in `expr`, if any.
    private func use(in expr: Expr) -> Int? {
        let names = borrow.names
        var line: Int?
        Walk.expressions(in: expr) { expr in
            guard line == nil else { return .skip }
            switch expr {
            case .funcLit:
                return .skip
            case .binary where expr.isNilComparison:
                return .skip
            case .call(let call):
                if isReleaseLike(call) { return .skip }
                if kind == .slice {
                    if call.isBuiltin("append"), let first = call.arguments.first, let root = first.rootName,
                       names.contains(root), !ObjectUse.isTruncation(first, of: names) {
                        line = call.span.line
                    }
                    return .children
                }
            case .ident(let ident) where kind != .slice && names.contains(ident.name):
                line = ident.span.line
            default:
                break
            }
            return line == nil ? .children : .skip
        }
        return line
    }

    /// True for a call that gives the object back, which is not a use.
    private func isReleaseLike(_ call: CallExpr) -> Bool {
        guard let name = call.calleeName else { return false }
        let lowered = name.lowercased()
        return name == "Put" || lowered.hasPrefix("put") || lowered.hasPrefix("release") || lowered == "free"
    }

    /// Bare `x.Reset(src)` statements on the object whose error result is dropped.
    func ignoredResetErrors() -> [CallExpr] {
        var calls: [CallExpr] = []
        Walk.statements(in: borrow.unit.body.statements) { statement in
            if case .expr(let node) = statement, let call = node.expr.asCall,
               ObjectUse.isSourceReset(call, of: borrow.names) {
                calls.append(call)
            }
            return .children
        }
        return calls
    }
}
