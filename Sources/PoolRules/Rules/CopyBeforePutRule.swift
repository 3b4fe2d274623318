import GoSyntax
import ReviewModel

/// Nothing that shares memory with a pooled object outlives its `Put`.
///
/// Data that aliases the object: `Bytes()`, `Next`, `Peek`, `AvailableBuffer`, fasthttp's
/// `Body()`, slice fields (`b.B`, `r.buf`), `*bp` of a `*[]byte`, sub-slices of these, strings
/// made from them with `unsafe` or a zero-copy helper (`b2s`), struct literals that hold them,
/// and local variables assigned any of these. The object itself counts too. The rule reports
/// such data when it is returned, stored in a field, element or package variable, sent on a
/// channel or given to a goroutine while the object is released by a `defer` or by a `Put`
/// on the same path; any use of the object after a `Put` that is not deferred; and a deferred
/// call that uses the object after such a `Put`. Copies (`string(b.Bytes())`, `b.String()`,
/// `append([]byte(nil), b.Bytes()...)`, `bytes.Clone`) are not aliases.
struct CopyBeforePutRule: Rule {
    static let description = RuleDescription(
        id: .copyBeforePut, severity: .error, bugs: ["returned-slice-aliases-pool", "result-shared-after-put"],
        triggering: [
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            var tokens = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            func sign(user string) []byte {
            \tb := tokens.Get().(*bytes.Buffer)
            \tdefer tokens.Put(b)
            \tb.Reset()
            \tb.WriteString("sig:")
            \tb.WriteString(user)
            \treturn b.Bytes() // want
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            var frames = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            type Frame struct{ Payload []byte }

            func encode(id string) *Frame {
            \tb := frames.Get().(*bytes.Buffer)
            \tb.Reset()
            \tb.WriteString(id)
            \tf := &Frame{Payload: b.Bytes()}
            \tframes.Put(b)
            \treturn f // want
            }

            func audit(id string, log chan<- []byte) {
            \tb := frames.Get().(*bytes.Buffer)
            \tdefer frames.Put(b)
            \tb.Reset()
            \tb.WriteString(id)
            \tlog <- b.Bytes() // want
            }

            func size(id string) int {
            \tb := frames.Get().(*bytes.Buffer)
            \tb.Reset()
            \tb.WriteString(id)
            \tframes.Put(b)
            \treturn b.Len() // want
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

            var tokens = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            func sign(user string) []byte {
            \tb := tokens.Get().(*bytes.Buffer)
            \tdefer tokens.Put(b)
            \tb.Reset()
            \tb.WriteString("sig:")
            \tb.WriteString(user)
            \treturn append([]byte(nil), b.Bytes()...)
            }

            func label(user string) string {
            \tb := tokens.Get().(*bytes.Buffer)
            \tdefer tokens.Put(b)
            \tb.Reset()
            \tb.WriteString(user)
            \treturn b.String()
            }

            func copyOut(user string) []byte {
            \tb := tokens.Get().(*bytes.Buffer)
            \tb.Reset()
            \tb.WriteString(user)
            \tout := make([]byte, b.Len())
            \tcopy(out, b.Bytes())
            \ttokens.Put(b)
            \treturn out
            }
            """),
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"errors"
            \t"sync"
            )

            var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            // On failure the buffer goes back; on success the caller owns it.
            func build(parts []string) (*bytes.Buffer, error) {
            \tb := bufs.Get().(*bytes.Buffer)
            \tb.Reset()
            \tfor _, p := range parts {
            \t\tif p == "" {
            \t\t\tbufs.Put(b)
            \t\t\treturn nil, errors.New("empty part")
            \t\t}
            \t\tb.WriteString(p)
            \t}
            \treturn b, nil
            }

            // The callback runs while the buffer is still borrowed.
            func withBytes(s string, use func([]byte)) {
            \tb := bufs.Get().(*bytes.Buffer)
            \tdefer bufs.Put(b)
            \tb.Reset()
            \tb.WriteString(s)
            \tuse(b.Bytes())
            }
            """),
        ],
        checksTestFiles: false)

    static let escapes = "%@ shares memory with %@, which is put back before %@"
    static let escapesItself = "%@ is put back while %@"
    static let usedAfterPut = "%@ is used after it is put back"
    static let deferredUseAfterPut = "deferred call uses %@ after it is put back"

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        for facts in context.functions {
            for borrow in facts.borrows {
                let scan = AliasScan(borrow: borrow, facts: facts, package: context.package, file: context.file)
                guard scan.isReleasedHere else { continue }
                result.examined.append(borrow.statement.span.lines)
                result.examined += scan.releaseLines.map { $0...$0 }
                let escapes = escapeFindings(scan, borrow: borrow, context: context)
                let escapeLines = Set(escapes.map(\.line))
                result.findings += escapes
                result.findings += useAfterPutFindings(scan, borrow: borrow, context: context)
                    .filter { !escapeLines.contains($0.line) }
            }
        }
        return result
    }

    private func escapeFindings(_ scan: AliasScan, borrow: Borrow, context: FileContext) -> [Finding] {
        scan.escapes().map { escape in
            let message = escape.text == borrow.name || borrow.names.contains(escape.text)
                ? formatMessage(Self.escapesItself, escape.text, escape.consumer)
                : formatMessage(Self.escapes, escape.text, borrow.name, escape.consumer)
            return context.finding(
                Self.self, lines: escape.line...max(escape.line, escape.endLine ?? escape.line), message: message,
                related: [borrow.line] + scan.releaseLines + scan.definitionLines(of: escape.text), anchor: escape.text)
        }
    }

    private func useAfterPutFindings(_ scan: AliasScan, borrow: Borrow, context: FileContext) -> [Finding] {
        var findings: [Finding] = []
        for use in scan.usesAfterPut() {
            findings.append(context.finding(
                Self.self, lines: use.line...use.line,
                message: formatMessage(Self.usedAfterPut, use.name),
                related: [use.putLine] + scan.definitionLines(of: use.name), anchor: "\(use.name) after put"))
        }
        for deferred in scan.deferredUsesAfterPut() {
            findings.append(context.finding(
                Self.self, lines: deferred.line...deferred.line,
                message: formatMessage(Self.deferredUseAfterPut, borrow.name),
                related: [deferred.putLine], anchor: "defer \(borrow.name) after put"))
        }
        return findings
    }
}
