import GoSyntax
import ReviewModel

/// A pool's `New` returns a pointer, and `Put` is given one.
///
/// `sync.Pool` stores `any`, so a struct, array, slice, string or number is boxed on every
/// `Put`, which allocates and copies, and a borrower mutates a copy, as staticcheck's SA6002
/// reports. The rule flags a `New` whose first `return` yields such a value (`T{}`,
/// `make([]byte, n)`, `*p`, a variable of a value type) and a `Put` to a pool the package
/// declares whose argument has such a type. Pointers, maps, channels and functions are
/// pointer-shaped and fine. Values whose type the rule cannot tell are not judged.
struct NewReturnsPointerRule: Rule {
    static let description = RuleDescription(
        id: .newReturnsPointer, severity: .warning, bugs: ["value-type-in-pool"],
        triggering: [
            RuleExample("""
            package example

            import "sync"

            type histogram struct {
            \tbuckets [64]uint32
            \ttotal   int
            }

            var histograms = sync.Pool{
            \tNew: func() any {
            \t\treturn histogram{} // want
            \t},
            }

            func count(samples []int) int {
            \th := histograms.Get().(histogram)
            \tfor _, s := range samples {
            \t\th.buckets[s%64]++
            \t\th.total++
            \t}
            \thistograms.Put(h) // want
            \treturn h.total
            }
            """),
            RuleExample("""
            package example

            import "sync"

            var lineBufs = sync.Pool{New: func() any { return make([]byte, 0, 256) }} // want

            func line(s string) string {
            \tb := lineBufs.Get().([]byte)
            \tb = append(b[:0], s...)
            \tb = append(b, '\\n')
            \tout := string(b)
            \tlineBufs.Put(b) // want
            \treturn out
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

            type histogram struct {
            \tbuckets [64]uint32
            \ttotal   int
            }

            var histograms = sync.Pool{New: func() any { return new(histogram) }}
            var lineBufs = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}
            var buffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 64)) }}
            var indexes = sync.Pool{New: func() any { return make(map[string]int) }}

            func count(samples []int) int {
            \th := histograms.Get().(*histogram)
            \t*h = histogram{}
            \tfor _, s := range samples {
            \t\th.buckets[s%64]++
            \t\th.total++
            \t}
            \ttotal := h.total
            \thistograms.Put(h)
            \treturn total
            }

            func line(s string) string {
            \tbp := lineBufs.Get().(*[]byte)
            \tb := append((*bp)[:0], s...)
            \tout := string(b)
            \t*bp = b
            \tlineBufs.Put(bp)
            \treturn out
            }
            """),
        ])

    static let newReturnsValue = "New of %@ returns a %@ value, so every Put allocates; return a pointer"
    static let putOfValue = "Put of %@ boxes a %@ value and allocates on every call; put a pointer"

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        let index = context.package.index

        for pool in context.package.allPools where pool.newPath == context.file.path {
            guard let function = pool.newFunction else { continue }
            result.examined.append(function.span.lines)
            guard let type = pool.newResultType, index.isNonPointerValue(type), let value = pool.newResult else { continue }
            result.findings.append(context.finding(
                Self.self, lines: value.span.lines,
                message: formatMessage(Self.newReturnsValue, pool.displayName, type.description),
                anchor: "New of \(pool.displayName) returns \(type)"))
        }

        for facts in context.functions {
            for operation in facts.operations where operation.kind == .release && operation.isDirect && operation.pool != nil {
                guard let object = operation.object else { continue }
                result.examined.append(operation.call.span.lines)
                guard let type = facts.environment.type(of: object), index.isNonPointerValue(type) else { continue }
                result.findings.append(context.finding(
                    Self.self, lines: operation.call.span.lines,
                    message: formatMessage(Self.putOfValue, object.canonicalText, type.description),
                    anchor: operation.call.canonicalText))
            }
        }
        return result
    }
}
