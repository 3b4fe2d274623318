import GoSyntax
import ReviewModel

/// A change that adds a pool comes with a benchmark that reports allocations.
///
/// A pool only earns its complexity when allocs/op drops, and only a benchmark run with
/// `-benchmem` or `b.ReportAllocs()` shows that. The rule asks for that evidence when a
/// change declares a pool, or starts borrowing from one, in a package whose test files have
/// no benchmark that calls `ReportAllocs`. Test files that the change adds count as evidence
/// when they declare a benchmark at all, since the author may run them with `-benchmem`.
struct BenchmemEvidenceRule: Rule {
    static let description = RuleDescription(
        id: .benchmemEvidence, severity: .info,
        bugs: ["get-without-put", "value-type-in-pool", "reset-reallocates", "pool-per-request"],
        triggering: [
            RuleExample("""
            package example

            import (
            \t"bytes"
            \t"sync"
            )

            var pages = sync.Pool{New: func() any { return new(bytes.Buffer) }} // want

            func render(s string) string {
            \tb := pages.Get().(*bytes.Buffer)
            \tdefer pages.Put(b)
            \tb.Reset()
            \tb.WriteString(s)
            \treturn b.String()
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            package example

            import "strings"

            // No pool, so no evidence is needed.
            func render(parts []string) string {
            \treturn strings.Join(parts, ",")
            }
            """),
        ])

    static let askForEvidence = "%@ adds a pool but the package has no benchmark that reports allocations"
    static let askForEvidenceAtUse = "this change borrows from %@ but the package has no benchmark that reports allocations"

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        guard !context.file.isTest else { return result }
        let declared = context.package.allPools.filter { $0.path == context.file.path }
        let borrows = context.functions.flatMap(\.borrows).filter { $0.acquire.isDirect && $0.acquire.pool != nil }
        result.examined = declared.map(\.span.lines) + borrows.map(\.statement.span.lines)
        guard !(declared.isEmpty && borrows.isEmpty), !context.package.hasAllocationBenchmark else { return result }

        // A new pool gets one finding at its declaration; borrows from a pool whose
        // declaration the change does not touch get one per function.
        var asked: Set<String> = []
        for pool in declared where context.touched.touches(line: pool.span.line) {
            asked.insert(pool.key)
            result.findings.append(context.finding(
                Self.self, lines: pool.span.line...pool.span.line,
                message: formatMessage(Self.askForEvidence, pool.displayName),
                anchor: "benchmark for \(pool.displayName)"))
        }
        var askedAt: Set<String> = []
        for borrow in borrows where !asked.contains(borrow.acquire.poolKey) {
            guard askedAt.insert(borrow.acquire.poolKey + "@" + borrow.unit.identity).inserted else { continue }
            result.findings.append(context.finding(
                Self.self, lines: borrow.statement.span.lines,
                message: formatMessage(Self.askForEvidenceAtUse, borrow.acquire.poolName),
                anchor: "benchmark for \(borrow.acquire.poolName) in \(borrow.unit.identity)"))
        }
        return result
    }
}

extension PackageContext {
    /// True when a test file of the package has a benchmark that calls `ReportAllocs`, or a
    /// test file the change adds declares any benchmark.
    var hasAllocationBenchmark: Bool {
        files.contains { file in
            guard file.isTest else { return false }
            let added = addedFiles.contains(file.path)
            return file.syntax.decls.contains { decl in
                guard case .function(let function) = decl, function.name.name.hasPrefix("Benchmark"),
                      let body = function.body else { return false }
                if added { return true }
                return body.statements.contains { statement in
                    statement.containsCallNamed("ReportAllocs")
                }
            }
        }
    }
}

extension Stmt {
    func containsCallNamed(_ name: String) -> Bool {
        var found = false
        Walk.expressions(in: self) { expr in
            if found { return .skip }
            if case .call(let call) = expr, call.calleeName == name { found = true }
            return found ? .skip : .children
        }
        return found
    }
}
