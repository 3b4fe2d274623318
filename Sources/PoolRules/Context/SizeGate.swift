import GoSyntax

/// Finds the size checks that guard a `Put`, as in `if buf.Cap() <= maxSize { pool.Put(buf) }`
/// or `if cap(r.Body) > limit { return }` earlier in the function.
enum SizeGate {
    /// The parts of the object a size check guards, or nil when the release is not gated.
    ///
    /// The empty string stands for the whole object (`cap(b)`, `b.Cap()`, `len(*b)`);
    /// a field path such as `Body` for `cap(r.Body)`.
    ///
    /// - Parameter memo: the facts earlier calls found in the same function for the same object.
    ///   Pass one per function and object when asking about many releases, so the function is read once.
    static func covers(
        release call: CallExpr, in unit: FunctionUnit, objectNames: Set<String>, package: PackageIndex? = nil,
        objectType: String? = nil, memo: Memo = Memo()
    ) -> Set<String>? {
        let path = StatementPath(to: call.span.start, in: unit.body.statements)
        var covered: Set<String> = []
        var gated = false

        // A shrink before the Put bounds a field too: `if cap(b.buf) > max { b.buf = nil }`,
        // in this function or in a method of the object it calls first, such as a Reset.
        if memo.shrinkSites == nil {
            memo.shrinkSites = shrinkSites(in: unit.body.statements, objectNames: objectNames)
                + methodShrinkSites(unit, objectNames, package, objectType)
        }
        for site in memo.shrinkSites ?? [] where site.start < call.span.start {
            covered.formUnion(site.fields)
            gated = true
        }

        for frame in path.frames {
            if case .if(let node) = frame.statement, let parts = memo.checkedParts(of: node, objectNames) {
                covered.formUnion(parts)
                gated = true
            }
            for earlier in frame.preceding {
                guard case .if(let node) = earlier, node.then.statements.last?.isTerminating ?? false,
                      let parts = memo.checkedParts(of: node, objectNames) else { continue }
                covered.formUnion(parts)
                gated = true
            }
        }
        return gated ? covered : nil
    }

    /// The facts `covers` and `checkLines` found in one function for one object: its size checks
    /// and the places that shrink a part of it. Without them, a function with 2,000 Puts of one
    /// buffer was read 2,000 times.
    final class Memo {
        private var checkedParts: [Int: Set<String>?] = [:]
        fileprivate var shrinkSites: [(start: Int, fields: Set<String>)]?
        fileprivate var checkLines: [Int]?

        init() {}

        /// Returns `SizeGate.checkedParts` of the `if`'s condition, computed once per `if`.
        fileprivate func checkedParts(of node: IfStmt, _ objectNames: Set<String>) -> Set<String>? {
            if let known = checkedParts[node.span.start] { return known }
            let parts = SizeGate.checkedParts(node.condition, objectNames)
            checkedParts[node.span.start] = parts
            return parts
        }
    }

    /// Returns the lines of the `if` statements in the function that check the object's size.
    static func checkLines(in unit: FunctionUnit, objectNames: Set<String>, memo: Memo = Memo()) -> [Int] {
        if let known = memo.checkLines { return known }
        var lines: [Int] = []
        Walk.statements(in: unit.body.statements) { statement in
            if case .if(let node) = statement, memo.checkedParts(of: node, objectNames) != nil {
                lines.append(node.span.line)
            }
            return .children
        }
        memo.checkLines = lines
        return lines
    }

    /// The size limits that guard a release: the constant side of each comparison of the
    /// object's size in an enclosing `if` or an earlier `if … { return }`, when it evaluates.
    static func limits(
        release call: CallExpr, in unit: FunctionUnit, objectNames: Set<String>, package: PackageIndex
    ) -> [(value: Int, text: String, line: Int)] {
        let path = StatementPath(to: call.span.start, in: unit.body.statements)
        var conditions: [Expr] = []
        for frame in path.frames {
            if case .if(let node) = frame.statement { conditions.append(node.condition) }
            for earlier in frame.preceding {
                if case .if(let node) = earlier, node.then.statements.last?.isTerminating ?? false {
                    conditions.append(node.condition)
                }
            }
        }
        var found: [(value: Int, text: String, line: Int)] = []
        for condition in conditions {
            Walk.expressions(in: condition) { expr in
                guard case .binary(let binary) = expr, [">", ">=", "<", "<="].contains(binary.op) else { return .children }
                let limit: Expr?
                if checkedParts(binary.left, objectNames) != nil {
                    limit = binary.right
                } else if checkedParts(binary.right, objectNames) != nil {
                    limit = binary.left
                } else {
                    limit = nil
                }
                if let limit, let value = package.integerValue(of: limit) {
                    found.append((value, limit.canonicalText, expr.span.line))
                }
                return .skip
            }
        }
        return found
    }

    /// Fields that an `if` checking their size replaces or truncates before `limit`.
    static func shrinks(in statements: [Stmt], before limit: Int, objectNames: Set<String>) -> Set<String> {
        var fields: Set<String> = []
        for site in shrinkSites(in: statements, objectNames: objectNames) where site.start < limit {
            fields.formUnion(site.fields)
        }
        return fields
    }

    /// Returns each `if` that checks the size of fields and replaces or truncates them, by
    /// offset. A statement nested in another starts after it, so the sites before an offset are
    /// the ones a walk that stops at that offset would find.
    private static func shrinkSites(in statements: [Stmt], objectNames: Set<String>) -> [(start: Int, fields: Set<String>)] {
        var sites: [(start: Int, fields: Set<String>)] = []
        Walk.statements(in: statements) { statement in
            guard case .if(let node) = statement, let checked = checkedParts(node.condition, objectNames) else {
                return .children
            }
            var fields: Set<String> = []
            for inner in node.then.statements + (node.elseBranch.map { [$0] } ?? []) {
                guard case .assign(let assign) = inner else { continue }
                for target in assign.lhs {
                    if let part = fieldPath(target, objectNames), checked.contains(part) { fields.insert(part) }
                }
            }
            if !fields.isEmpty { sites.append((statement.span.start, fields)) }
            return .children
        }
        return sites
    }

    /// Returns the statements that call a method of the object's type that shrinks fields, by
    /// offset, with the fields it shrinks.
    private static func methodShrinkSites(
        _ unit: FunctionUnit, _ objectNames: Set<String>, _ package: PackageIndex?, _ typeName: String?
    ) -> [(start: Int, fields: Set<String>)] {
        guard let package, let typeName, let methods = package.methods[typeName] else { return [] }
        var sites: [(start: Int, fields: Set<String>)] = []
        Walk.statements(in: unit.body.statements) { statement in
            var fields: Set<String> = []
            for expr in statement.ownExpressions {
                guard let call = expr.asCall, let name = call.calleeName, let base = call.calleeBase?.identName,
                      objectNames.contains(base), let method = methods[name], let body = method.body,
                      let receiver = method.receiver?.names.first?.name else { continue }
                fields.formUnion(shrinks(in: body.statements, before: Int.max, objectNames: [receiver]))
            }
            if !fields.isEmpty { sites.append((statement.span.start, fields)) }
            return .children
        }
        return sites
    }

    /// Which branch of an `if` drops the object because it is too large: true for the
    /// then-branch (`cap(b) > max`, `a || b`), false for the else-branch (`b.Cap() <= max`),
    /// nil when the condition is not a size check of the object.
    static func dropBranch(_ condition: Expr, _ names: Set<String>) -> Bool? {
        guard case .binary(let binary) = condition.unparenthesized else { return nil }
        switch binary.op {
        case "||":
            return dropBranch(binary.left, names) == true || dropBranch(binary.right, names) == true ? true : nil
        case "&&":
            return dropBranch(binary.left, names) == false || dropBranch(binary.right, names) == false ? false : nil
        case ">", ">=", "<", "<=":
            let sizeOnLeft = checkedParts(binary.left, names) != nil
            let sizeOnRight = checkedParts(binary.right, names) != nil
            guard sizeOnLeft != sizeOnRight else { return nil }
            // `len(b) > 0` tests whether the object is empty, not whether it is too large.
            let limit = sizeOnLeft ? binary.right : binary.left
            if case .basicLit(let literal) = limit.unparenthesized, literal.raw == "0" || literal.raw == "1" { return nil }
            let greater = binary.op.hasPrefix(">")
            return sizeOnLeft ? greater : !greater
        default:
            return nil
        }
    }

    /// The parts of the object whose size `condition` reads, or nil when it reads none.
    static func checkedParts(_ condition: Expr, _ names: Set<String>) -> Set<String>? {
        var parts: Set<String> = []
        Walk.expressions(in: condition) { expr in
            guard case .call(let call) = expr else { return .children }
            if (call.isBuiltin("cap") || call.isBuiltin("len")), let argument = call.arguments.first,
               let part = fieldPath(argument, names) {
                parts.insert(part)
            } else if let method = call.calleeName, ["Cap", "Len", "Size", "Available"].contains(method),
                      let base = call.calleeBase, let part = fieldPath(base, names) {
                parts.insert(part)
            }
            return .children
        }
        return parts.isEmpty ? nil : parts
    }

    /// `""` for the object itself (`b`, `*b`, `(*b)`), `Body` for `b.Body`, `a.b` for `x.a.b`;
    /// nil when the expression does not start at one of `names`.
    static func fieldPath(_ expr: Expr, _ names: Set<String>) -> String? {
        switch expr.unparenthesized {
        case .ident(let ident):
            return names.contains(ident.name) ? "" : nil
        case .star(let star):
            return fieldPath(star.operand, names)
        case .selector(let selector):
            guard let base = fieldPath(selector.base, names) else { return nil }
            return base.isEmpty ? selector.name.name : base + "." + selector.name.name
        default:
            return nil
        }
    }
}
