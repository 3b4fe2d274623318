import GoSyntax
import ReviewModel

/// The type asserted at every `Get` matches what `New` returns, and `Put` is given that type.
///
/// `New` is a `func() any`, so the compiler cannot see a `Get().(*T)` whose `T` drifted away
/// from what `New` builds: the assertion panics at run time. The rule compares, across the
/// files of the package, the type of `New`'s first `return` with each assertion at a `Get`
/// and with the argument of each `Put`, when both are concrete types the rule can name
/// (pointers, slices, maps, or struct and basic types). Interface assertions such as
/// `.(flate.Resetter)` are not judged.
struct TypedGetRule: Rule {
    static let description = RuleDescription(
        id: .typedGet, severity: .error, bugs: ["assertion-type-drift", "value-type-in-pool"],
        triggering: [
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            var docs = sync.Pool{
            \tNew: func() any {
            \t\tb := bytes.NewBuffer(make([]byte, 0, 1024))
            \t\treturn *b
            \t},
            }

            func title(s string) string {
            \tb := docs.Get().(*bytes.Buffer) // want
            \tdefer docs.Put(b)
            \tb.Reset()
            \tb.WriteString(s)
            \treturn b.String()
            }
            """),
            RuleExample("""
            package example

            import "sync"

            type frame struct{ data []byte }

            var framePool = sync.Pool{New: func() any { return &frame{} }}

            func process(n int) int {
            \tf := framePool.Get().(*frame)
            \tf.data = f.data[:0]
            \tfor i := 0; i < n; i++ {
            \t\tf.data = append(f.data, byte(i))
            \t}
            \tsize := len(f.data)
            \tframePool.Put(&f) // want
            \treturn size
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"compress/flate"
            \t"io"
            \t"sync"
            )

            var docs = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 1024)) }}

            var inflaters = sync.Pool{New: func() any { return flate.NewReader(nil) }}

            func title(s string) string {
            \tb := docs.Get().(*bytes.Buffer)
            \tdefer docs.Put(b)
            \tb.Reset()
            \tb.WriteString(s)
            \treturn b.String()
            }

            func inflate(src io.Reader) ([]byte, error) {
            \tr := inflaters.Get().(io.ReadCloser)
            \tdefer inflaters.Put(r)
            \tif err := r.(flate.Resetter).Reset(src, nil); err != nil {
            \t\treturn nil, err
            \t}
            \treturn io.ReadAll(r)
            }
            """),
        ])

    static let assertionMismatch = "Get of %@ asserts %@, but New returns %@, so this assertion panics"
    static let putMismatch = "Put of %@ gives %@ a %@, but New returns %@"

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        let index = context.package.index
        for facts in context.functions {
            for borrow in facts.borrows {
                guard let pool = borrow.acquire.pool, borrow.acquire.isDirect, let assertion = borrow.assertion else { continue }
                result.examined.append(borrow.statement.span.lines)
                guard let expected = pool.newResultType, let asserted = borrow.assertedType,
                      isConcrete(expected, index), isConcrete(asserted, index), expected != asserted else { continue }
                result.findings.append(context.finding(
                    Self.self, lines: assertion.span.lines,
                    message: formatMessage(Self.assertionMismatch, pool.displayName, asserted.description, expected.description),
                    related: newResultLines(pool, in: context), relatedElsewhere: newResultReference(pool),
                    anchor: "\(pool.displayName).Get().(\(asserted))"))
            }
            for operation in facts.operations where operation.kind == .release && operation.isDirect {
                guard let pool = operation.pool, let object = operation.object else { continue }
                result.examined.append(operation.call.span.lines)
                guard let expected = pool.newResultType, let given = facts.environment.type(of: object),
                      isConcrete(expected, index), isConcrete(given, index), expected != given else { continue }
                // An object put back with the type its Get asserted is consistent with the call
                // sites; the drift is reported at the Get.
                let asserted = facts.borrows.first { $0.names.contains(object.identName ?? "") }?.assertedType
                if asserted == given { continue }
                result.findings.append(context.finding(
                    Self.self, lines: operation.call.span.lines,
                    message: formatMessage(
                        Self.putMismatch, object.canonicalText, pool.displayName, given.description, expected.description),
                    anchor: operation.call.canonicalText))
            }
        }
        return result
    }

    /// The line of `New`'s result when `New` is in this file: a change there makes every
    /// mismatching assertion part of the review.
    private func newResultLines(_ pool: PoolDeclaration, in context: FileContext) -> [Int] {
        guard pool.newPath == context.file.path, let result = pool.newResult else { return [] }
        return [result.span.line]
    }

    /// Where `New`'s result is, when `New` is in another file of the package.
    private func newResultReference(_ pool: PoolDeclaration) -> [LineReference] {
        guard let path = pool.newPath, let result = pool.newResult else { return [] }
        return [LineReference(path: path, line: result.span.line)]
    }

    /// True for a type whose values the rule can compare: not an interface, and not a named
    /// type from another package unless it is a known struct.
    private func isConcrete(_ type: GoType, _ index: PackageIndex) -> Bool {
        switch type {
        case .pointer, .slice, .array, .map, .chan:
            return true
        case .function, .interface, .anonymousStruct:
            return false
        case .named(let name):
            if KnownTypes.predeclaredValues.contains(name) || KnownTypes.standardStructs.contains(name) { return true }
            guard let spec = index.types[name] else { return false }
            if case .interfaceType = spec.type { return false }
            return true
        }
    }
}
