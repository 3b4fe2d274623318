import GoSyntax
import ReviewModel

/// Every growable part of a pooled object has a size limit before `Put`.
///
/// A `Put` of a buffer (`bytes.Buffer`, `strings.Builder`, a struct embedding one, or a slice
/// the code appends to or that `New` makes with spare capacity) must sit under a size check of
/// the object: `if b.Cap() <= max`, an earlier `if cap(b) > max { return }`, or a shrink such
/// as `if cap(b.buf) > max { b.buf = nil }` before the `Put` or in a method it calls first.
/// For a struct with slice or map fields that has a size check, the check must cover each of
/// them, maps included, because a `delete` loop empties a map without shrinking it. A struct
/// with no check at all is not judged, since only buffers are known to grow with their input.
/// Wrappers that limit the size themselves (bytebufferpool) need no check; a release helper is
/// checked once, at its own `Put`. With `sizeCap.maxBytes` configured, a limit whose constant
/// value is larger than it is reported too.
struct SizeCapRule: Rule {
    static let description = RuleDescription(
        id: .sizeCap, severity: .warning, bugs: ["unbounded-buffer-growth", "partial-size-cap"],
        triggering: [
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"encoding/json"
            \t"sync"
            )

            var reports = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            func export(rows []map[string]any) ([]byte, error) {
            \tb := reports.Get().(*bytes.Buffer)
            \tdefer reports.Put(b) // want
            \tb.Reset()
            \tif err := json.NewEncoder(b).Encode(rows); err != nil {
            \t\treturn nil, err
            \t}
            \treturn append([]byte(nil), b.Bytes()...), nil
            }
            """),
            RuleExample("""
            package example

            import "sync"

            const maxBody = 64 << 10

            type message struct {
            \tattrs map[string]string
            \tbody  []byte
            }

            var messages = sync.Pool{New: func() any { return &message{attrs: map[string]string{}} }}

            func release(m *message) {
            \tif cap(m.body) > maxBody {
            \t\treturn
            \t}
            \tfor k := range m.attrs {
            \t\tdelete(m.attrs, k)
            \t}
            \tm.body = m.body[:0]
            \tmessages.Put(m) // want
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"io"
            \t"sync"
            )

            const maxKept = 1 << 16

            var reports = sync.Pool{New: func() any { return new(bytes.Buffer) }}
            var copyBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

            type message struct {
            \tattrs map[string]string
            \tbody  []byte
            }

            var messages = sync.Pool{New: func() any { return &message{attrs: map[string]string{}} }}

            func export(data []byte) []byte {
            \tb := reports.Get().(*bytes.Buffer)
            \tb.Reset()
            \tb.Write(data)
            \tout := append([]byte(nil), b.Bytes()...)
            \tif b.Cap() <= maxKept {
            \t\treports.Put(b)
            \t}
            \treturn out
            }

            // The slice never grows: it is used at its fixed length.
            func pipe(dst io.Writer, src io.Reader) (int64, error) {
            \tbp := copyBufs.Get().(*[]byte)
            \tdefer copyBufs.Put(bp)
            \treturn io.CopyBuffer(dst, src, *bp)
            }

            func release(m *message) {
            \tif cap(m.body) > maxKept || len(m.attrs) > 64 {
            \t\treturn
            \t}
            \tfor k := range m.attrs {
            \t\tdelete(m.attrs, k)
            \t}
            \tm.body = m.body[:0]
            \tmessages.Put(m)
            }
            """),
        ],
        checksTestFiles: false)

    static let noGate = "%@ goes back to %@ with no size limit, so one large use keeps its memory in the pool"
    static let partialGate = "the size limit before %@ checks %@ but not %@"
    static let looseGate = "the size limit %@ before %@ is %@ bytes, above the configured maximum of %@"

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        let memos = GateMemos()
        for facts in context.functions {
            for operation in facts.operations where operation.kind == .release && operation.isDirect && !operation.limitsSize {
                guard let object = operation.object, let root = object.rootName else { continue }
                let names = namesHolding(root, in: facts)
                guard let parts = growableParts(object: object, names: names, operation: operation, facts: facts, context: context)
                else { continue }
                result.examined.append(operation.call.span.lines)
                let anchorLines = releaseStatementLines(operation, in: facts.unit)
                let objectTypeName = (facts.environment.type(of: object) ?? operation.objectType)?.shortName
                let covered = SizeGate.covers(
                    release: operation.call, in: facts.unit, objectNames: names, package: context.package.index,
                    objectType: objectTypeName, memo: memos.memo(for: facts.unit, names: names, typeName: objectTypeName))
                let objectName = object.canonicalText
                guard let covered else {
                    // A struct with no size check at all is not judged: only a buffer is
                    // known to grow with its input. Structs are judged when a check exists.
                    guard parts == [""] else { continue }
                    result.findings.append(context.finding(
                        Self.self, lines: anchorLines,
                        message: formatMessage(Self.noGate, objectName, operation.poolName),
                        related: relatedLines(
                            names: names, typeName: objectTypeName, unit: facts.unit, context: context, memos: memos),
                        anchor: "\(operation.poolName).Put(\(objectName)) ungated"))
                    continue
                }
                if let maximum = context.settings.sizeCapMaxBytes,
                   let loose = SizeGate.limits(
                       release: operation.call, in: facts.unit, objectNames: names, package: context.package.index)
                       .first(where: { $0.value > maximum }) {
                    result.findings.append(context.finding(
                        Self.self, lines: anchorLines,
                        message: formatMessage(Self.looseGate, loose.text, operation.call.canonicalText, String(loose.value), String(maximum)),
                        related: [loose.line], anchor: "\(operation.poolName).Put(\(objectName)) loose"))
                    continue
                }
                if covered.contains("") { continue }
                let missing = parts.subtracting(covered).sorted()
                guard !parts.contains(""), !missing.isEmpty else { continue }
                result.findings.append(context.finding(
                    Self.self, lines: anchorLines,
                    message: formatMessage(
                        Self.partialGate, operation.call.canonicalText,
                        covered.sorted().map { "\(objectName).\($0)" }.joined(separator: ", "),
                        missing.map { "\(objectName).\($0)" }.joined(separator: ", ")),
                    related: relatedLines(
                            names: names, typeName: objectTypeName, unit: facts.unit, context: context, memos: memos),
                    anchor: "\(operation.poolName).Put(\(objectName)) partial"))
            }
        }
        return result
    }

    /// The lines a change can alter to make a `Put` unsafe without touching it: the size checks
    /// of the object, removals in the function when they deleted a size check, and the
    /// declarations of the object type's fields in this file (a new growable field).
    private func relatedLines(
        names: Set<String>, typeName: String?, unit: FunctionUnit, context: FileContext, memos: GateMemos
    ) -> [Int] {
        var lines: Set<Int> = []
        let checks = SizeGate.checkLines(in: unit, objectNames: names, memo: memos.memo(for: unit, names: names, typeName: typeName))
        lines.formUnion(checks)
        // A removal counts when the base version of the function had more size checks: the
        // change deleted one.
        if let base = context.baseFacts(of: unit),
           SizeGate.checkLines(in: base.unit, objectNames: names, memo: memos.memo(for: base.unit, names: names, typeName: typeName))
               .count > checks.count {
            lines.formUnion(context.touched.removalPoints.filter { unit.span.lines.contains($0) })
        }
        if let typeName, let spec = context.package.index.types[typeName], case .structType(let structType) = spec.type,
           context.package.index.typePaths[typeName] == context.file.path {
            lines.formUnion(structType.fields.map(\.span.line))
        }
        return lines.sorted()
    }

    /// The `SizeGate.Memo` of each function and released object, so that a function with many
    /// Puts is read once per object, not once per Put.
    private final class GateMemos {
        private struct Key: Hashable {
            let unit: ObjectIdentifier
            let names: Set<String>
            let typeName: String?
        }

        private var memos: [Key: SizeGate.Memo] = [:]

        func memo(for unit: FunctionUnit, names: Set<String>, typeName: String?) -> SizeGate.Memo {
            let key = Key(unit: ObjectIdentifier(unit), names: names, typeName: typeName)
            if let known = memos[key] { return known }
            let memo = SizeGate.Memo()
            memos[key] = memo
            return memo
        }
    }

    /// The object's variable and its aliases when it is a borrow of this function.
    private func namesHolding(_ root: String, in facts: FunctionFacts) -> Set<String> {
        facts.borrows.first { $0.names.contains(root) }?.names ?? [root]
    }

    /// The growable parts of the released object: `""` for a buffer or a growable slice, the
    /// slice and map field names for a struct; nil when nothing of it grows.
    private func growableParts(
        object: Expr, names: Set<String>, operation: PoolOperation, facts: FunctionFacts, context: FileContext
    ) -> Set<String>? {
        let index = context.package.index
        let type = facts.environment.type(of: object) ?? operation.objectType
        guard let type else { return nil }
        if let name = type.baseName, ObjectKind.bufferTypes.contains(name) { return [""] }
        let target = type.pointee ?? type
        switch index.underlying(target) {
        case .slice:
            return isAppended(names, in: facts) || newHasSpareCapacity(operation.pool) ? [""] : nil
        default:
            break
        }
        guard let typeName = target.shortName, let fields = index.fields[typeName] else { return nil }
        // A struct that embeds a buffer is a buffer with extra state.
        if index.types[typeName].map(embedsBuffer) == true {
            return [""]
        }
        let growable = fields.filter { field in
            switch index.underlying(field.value) {
            case .slice, .map: return true
            default: return false
            }
        }
        return growable.isEmpty ? nil : Set(growable.keys)
    }

    private func isAppended(_ names: Set<String>, in facts: FunctionFacts) -> Bool {
        var found = false
        for statement in facts.unit.body.statements where !found {
            Walk.expressions(in: statement) { expr in
                if found { return .skip }
                if case .call(let call) = expr, call.isBuiltin("append"), let first = call.arguments.first,
                   let root = first.rootName, names.contains(root) {
                    found = true
                }
                return found ? .skip : .children
            }
        }
        return found
    }

    private func embedsBuffer(_ spec: TypeSpec) -> Bool {
        guard case .structType(let structType) = spec.type else { return false }
        return structType.fields.contains { field in
            field.names.isEmpty && GoType(typeExpr: field.type)?.baseName.map(ObjectKind.bufferTypes.contains) == true
        }
    }

    /// True when `New` makes a slice with a length of 0 and a capacity: a buffer meant to grow.
    private func newHasSpareCapacity(_ pool: PoolDeclaration?) -> Bool {
        guard let function = pool?.newFunction else { return false }
        var found = false
        for statement in function.body.statements where !found {
            Walk.expressions(in: statement) { expr in
                if case .call(let call) = expr, call.isBuiltin("make"), call.arguments.count == 3,
                   call.arguments[1].isZeroLiteral {
                    found = true
                }
                return found ? .skip : .children
            }
        }
        return found
    }

    /// The lines of the statement that releases: the `defer` line for `defer pool.Put(b)`.
    private func releaseStatementLines(_ operation: PoolOperation, in unit: FunctionUnit) -> ClosedRange<Int> {
        StatementPath(to: operation.call.span.start, in: unit.body.statements).innermost?.span.lines
            ?? operation.call.span.lines
    }
}
