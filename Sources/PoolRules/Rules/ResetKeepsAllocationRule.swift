import GoSyntax
import ReviewModel

/// Resetting a pooled object keeps its grown storage.
///
/// The rule reads the `Reset` and `reset` methods of the package's pooled types (what a
/// pool's `New` returns, or what a `Get` asserts) and the package's release helpers. Inside
/// them, storing `make(…)`, a composite literal or `nil` into a slice or map field that the
/// package grows in place (appends to, truncates, or writes by key), or a whole new value
/// through the receiver (`*r = T{}`) when the type has such fields, throws the storage away.
/// A store under an `if` that checks the field's `cap` or `len` is a deliberate shrink and is
/// not reported.
struct ResetKeepsAllocationRule: Rule {
    static let description = RuleDescription(
        id: .resetKeepsAllocation, severity: .warning, bugs: ["reset-reallocates"],
        triggering: [
            RuleExample("""
            package example

            import "sync"

            type Encoder struct {
            \tout   []byte
            \tseen  map[string]bool
            \tdepth int
            }

            func (e *Encoder) Reset() {
            \te.out = make([]byte, 0, 1024) // want
            \te.seen = map[string]bool{} // want
            \te.depth = 0
            }

            var encoders = sync.Pool{New: func() any { return &Encoder{} }}

            func encode(s string) string {
            \te := encoders.Get().(*Encoder)
            \tdefer encoders.Put(e)
            \te.Reset()
            \te.seen[s] = true
            \te.out = append(e.out, s...)
            \treturn string(e.out)
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            package example

            import "sync"

            type Encoder struct {
            \tout   []byte
            \tseen  map[string]bool
            \tdepth int
            }

            func (e *Encoder) Reset() {
            \tif cap(e.out) > 1<<20 {
            \t\te.out = nil
            \t}
            \te.out = e.out[:0]
            \tfor k := range e.seen {
            \t\tdelete(e.seen, k)
            \t}
            \te.depth = 0
            }

            var encoders = sync.Pool{New: func() any { return &Encoder{seen: map[string]bool{}} }}

            func encode(s string) string {
            \te := encoders.Get().(*Encoder)
            \tdefer encoders.Put(e)
            \te.Reset()
            \te.out = append(e.out, s...)
            \treturn string(e.out)
            }
            """),
        ])

    static let fieldReallocated = "%@ of pooled %@ is replaced with %@ on reset, discarding its grown storage"
    static let wholeValueReplaced = "reset of pooled %@ replaces the whole value, discarding %@"

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        let pooled = pooledTypeNames(context)
        for facts in context.functions where !facts.unit.isLiteral {
            let unit = facts.unit
            let isResetMethod = (unit.name == "Reset" || unit.name == "reset") && unit.receiverType.map(pooled.contains) == true
            let releasedParameter = releaseHelperObject(unit, context: context)
            guard isResetMethod || releasedParameter != nil else { continue }
            let object = isResetMethod ? unit.receiverName : releasedParameter
            guard let object, let typeName = isResetMethod ? unit.receiverType : parameterTypeName(unit, object) else { continue }
            result.examined.append(unit.span.lines)
            result.findings += reallocations(in: unit, object: object, typeName: typeName, context: context)
        }
        return result
    }

    private func pooledTypeNames(_ context: FileContext) -> Set<String> {
        var names: Set<String> = []
        for pool in context.package.allPools {
            if let name = pool.newResultType?.shortName { names.insert(name) }
        }
        for facts in context.functions {
            for borrow in facts.borrows {
                if let name = borrow.objectType?.shortName { names.insert(name) }
            }
        }
        return names
    }

    /// The parameter a release helper of the package gives back, if `unit` is one.
    private func releaseHelperObject(_ unit: FunctionUnit, context: FileContext) -> String? {
        guard let spec = context.package.helpers[unit.identity], spec.kind == .release else { return nil }
        if let argument = spec.argument, argument < unit.parameters.count { return unit.parameters[argument].name }
        return unit.receiverName
    }

    private func parameterTypeName(_ unit: FunctionUnit, _ name: String) -> String? {
        if name == unit.receiverName { return unit.receiverType }
        return unit.parameters.first { $0.name == name }?.type?.shortName
    }

    private func reallocations(in unit: FunctionUnit, object: String, typeName: String, context: FileContext) -> [Finding] {
        let index = context.package.index
        let grown = context.package.derivedFacts.grownFields { grownFields(in: context.package) }
        let growable = (index.fields[typeName] ?? [:]).filter { isGrowable($0.value, index) && grown.contains($0.key) }
        var findings: [Finding] = []
        Walk.statements(in: unit.body.statements) { statement in
            guard case .assign(let assign) = statement, assign.op == "=", assign.lhs.count == assign.rhs.count else {
                return .children
            }
            for (target, value) in zip(assign.lhs, assign.rhs) {
                if case .selector(let selector) = target.unparenthesized, selector.base.identName == object,
                   growable[selector.name.name] != nil, let replacement = freshValue(value),
                   !isShrinkGuarded(assign.span, field: selector.name.name, object: object, in: unit) {
                    findings.append(context.finding(
                        Self.self, lines: assign.span.lines,
                        message: formatMessage(Self.fieldReallocated, target.canonicalText, typeName, replacement),
                        anchor: "\(typeName).\(selector.name.name) = \(replacement)"))
                } else if case .star(let star) = target.unparenthesized, star.operand.identName == object,
                          !growable.isEmpty, freshValue(value) != nil {
                    let fields = growable.keys.sorted().joined(separator: ", ")
                    findings.append(context.finding(
                        Self.self, lines: assign.span.lines,
                        message: formatMessage(Self.wholeValueReplaced, typeName, fields),
                        anchor: "*\(typeName) = {}"))
                }
            }
            return .children
        }
        return findings
    }

    /// Names of fields the package grows in place: `x.f = append(x.f, …)`, `x.f = x.f[:0]`, or
    /// a map field written by index. A slice field that only ever points at memory someone
    /// else owns (`resp.bodyRaw = body`) has no grown storage to keep.
    private func grownFields(in package: PackageContext) -> Set<String> {
        var names: Set<String> = []
        for file in package.files {
            for decl in file.syntax.decls {
                guard case .function(let function) = decl, let body = function.body else { continue }
                Walk.statements(in: body.statements) { statement in
                    guard case .assign(let assign) = statement else { return .children }
                    for (target, value) in zip(assign.lhs, assign.rhs) {
                        if case .selector(let selector) = target.unparenthesized,
                           value.isGrowth(of: selector.name.name) {
                            names.insert(selector.name.name)
                        }
                        if case .index(let index) = target.unparenthesized,
                           case .selector(let selector) = index.base.unparenthesized {
                            names.insert(selector.name.name)
                        }
                    }
                    return .children
                }
            }
        }
        return names
    }

    private func isGrowable(_ type: GoType, _ index: PackageIndex) -> Bool {
        switch index.underlying(type) {
        case .slice, .map: true
        default: false
        }
    }

    /// `make(…)`, a composite literal or `nil`, written out; nil for other values.
    private func freshValue(_ value: Expr) -> String? {
        switch value.unparenthesized {
        case .call(let call) where call.isBuiltin("make"): "make(…)"
        case .compositeLit: "a new literal"
        case .ident(let ident) where ident.name == "nil": "nil"
        default: nil
        }
    }

    private func isShrinkGuarded(_ span: Span, field: String, object: String, in unit: FunctionUnit) -> Bool {
        StatementPath(to: span.start, in: unit.body.statements).frames.dropLast().contains { frame in
            guard case .if(let node) = frame.statement,
                  let parts = SizeGate.checkedParts(node.condition, [object]) else { return false }
            return parts.contains(field) || parts.contains("")
        }
    }
}

private extension Expr {
    /// True for `append(x.field, …)` and `x.field[:0]`: the field owns storage the code reuses.
    func isGrowth(of field: String) -> Bool {
        func isField(_ expr: Expr) -> Bool {
            if case .selector(let selector) = expr.unparenthesized { return selector.name.name == field }
            return false
        }
        switch unparenthesized {
        case .call(let call) where call.isBuiltin("append"):
            return call.arguments.first.map(isField) ?? false
        case .slice(let slice):
            // Truncating to zero reuses the storage; other slicing makes a view of it.
            return isField(slice.base) && slice.high?.isZeroLiteral == true
        default:
            return false
        }
    }
}
