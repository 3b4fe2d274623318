import GoSyntax

/// Questions about what a statement or call does to a pooled object, named by the variable
/// (and aliases) that hold it.
enum ObjectUse {
    /// Methods that put an object back into its empty state.
    static let resetMethods: Set<String> = ["Reset", "reset", "Truncate", "Init", "init", "Clear", "clear"]

    /// True when `call` resets the object held by one of `names`: `b.Reset()`, `b.Reset(src)`,
    /// `b.buf.Reset()`, `b.Truncate(0)`, `clear(b.m)`, or a function whose name starts with
    /// "reset" or "clear" called with the object.
    static func isReset(_ call: CallExpr, of names: Set<String>) -> Bool {
        if let method = call.calleeName, resetMethods.contains(method), let base = call.calleeBase,
           let root = base.rootName, names.contains(root) {
            if method == "Truncate" { return call.arguments.first?.isZeroLiteral ?? false }
            return true
        }
        if call.isBuiltin("clear"), let argument = call.arguments.first, let root = argument.rootName, names.contains(root) {
            return true
        }
        if let name = call.function.identName?.lowercased(), name.hasPrefix("reset") || name.hasPrefix("clear"),
           call.arguments.contains(where: { $0.rootName.map(names.contains) ?? false }) {
            return true
        }
        return false
    }

    /// True when `statement` resets the object: a reset call, a truncation such as
    /// `*b = (*b)[:0]` or `b.buf = b.buf[:0]`, a fresh value stored through the pointer
    /// (`*b = T{}`), or a field set to a value that does not read the object (`b.n = 0`).
    static func isReset(_ statement: Stmt, of names: Set<String>) -> Bool {
        switch statement {
        case .expr(let node):
            guard let call = node.expr.asCall else { return false }
            return isReset(call, of: names)
        case .assign(let assign):
            guard assign.op == "=" || assign.op == ":=" else { return false }
            // `err := r.Reset(src)` and `x.r, x.err = r, r.Reset(src)`.
            if assign.rhs.contains(where: { $0.asCall.map { isReset($0, of: names) } ?? false }) { return true }
            for (target, value) in zip(assign.lhs, assign.rhs) {
                if isTruncation(value, of: names) { return true }
                guard let root = target.rootName, names.contains(root) else { continue }
                switch target.unparenthesized {
                case .star, .selector:
                    if !value.mentionsAny(names) { return true }
                default:
                    continue
                }
            }
            return false
        default:
            return false
        }
    }

    /// True for `x[:0]` where `x` is the object or one of its fields.
    static func isTruncation(_ expr: Expr, of names: Set<String>) -> Bool {
        guard case .slice(let slice) = expr.unparenthesized, slice.low == nil || slice.low?.isZeroLiteral == true,
              slice.high?.isZeroLiteral == true, let root = slice.base.rootName else { return false }
        return names.contains(root)
    }

    /// True when the call is `obj.Reset(src)` with a source argument, as pooled readers,
    /// writers and decompressors are re-bound.
    static func isSourceReset(_ call: CallExpr, of names: Set<String>) -> Bool {
        guard call.calleeName == "Reset", !call.arguments.isEmpty, let base = call.calleeBase,
              let root = base.rootName, names.contains(root) else { return false }
        return true
    }
}

extension Expr {
    /// True when the expression hands the object itself on: one of `names` appears other than
    /// as the receiver of a method call or field access (`b.Len()`, `b.buf`) or the argument
    /// of `len` or `cap`. `return b`, `wrap(b)` and `&T{buf: b}` pass it; `b.String()` does not.
    func passesValue(of names: Set<String>) -> Bool {
        var found = false
        Walk.expressions(in: self) { expr in
            if found { return .skip }
            switch expr {
            case .selector(let selector) where selector.base.identName.map(names.contains) == true:
                return .skip
            case .call(let call) where (call.isBuiltin("len") || call.isBuiltin("cap")):
                return .skip
            case .ident(let ident) where names.contains(ident.name):
                found = true
            default:
                break
            }
            return found ? .skip : .children
        }
        return found
    }

    /// True when the expression is the object itself, its address, a conversion of it, or a
    /// composite literal holding it: what a callee could keep. `*bp`, `b[:n]` and `b.Bytes()`
    /// are data of the object, not the object.
    func passesObject(of names: Set<String>) -> Bool {
        switch unparenthesized {
        case .ident(let ident):
            return names.contains(ident.name)
        case .unary(let unary) where unary.op == "&":
            return unary.operand.passesObject(of: names)
        case .compositeLit(let literal):
            return literal.elements.contains { element in
                if case .keyValue(let pair) = element { return pair.value.passesObject(of: names) }
                return element.passesObject(of: names)
            }
        case .call(let call) where call.arguments.count == 1 && call.function.isTypeLike:
            return call.arguments[0].passesObject(of: names)
        case .call(let call) where call.isBuiltin("append"):
            return call.arguments.dropFirst().contains { $0.passesObject(of: names) }
        default:
            return false
        }
    }

    /// True for an expression that can only be a type in call position: `(*T)`, `[]byte`,
    /// `map[K]V`, `*T`.
    var isTypeLike: Bool {
        switch unparenthesized {
        case .star, .arrayType, .mapType, .chanType, .funcType, .interfaceType, .structType: true
        default: false
        }
    }

    /// True for the literal `0`.
    var isZeroLiteral: Bool {
        if case .basicLit(let literal) = unparenthesized { return literal.raw == "0" }
        return false
    }

    /// True when any of `names` occurs in the expression.
    func mentionsAny(_ names: Set<String>) -> Bool {
        Walk.contains(self) { expr in
            if case .ident(let ident) = expr { return names.contains(ident.name) }
            return false
        }
    }
}

extension Stmt {
    /// True when any of `names` occurs in the statement, nested statements and closures included.
    func mentionsAny(_ names: Set<String>) -> Bool {
        Walk.contains(self) { expr in
            if case .ident(let ident) = expr { return names.contains(ident.name) }
            return false
        }
    }
}
