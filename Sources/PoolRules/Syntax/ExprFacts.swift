import GoSyntax

extension Expr {
    /// The expression without enclosing parentheses.
    var unparenthesized: Expr {
        var expr = self
        while case .paren(let paren) = expr { expr = paren.inner }
        return expr
    }

    /// The name of a bare identifier.
    var identName: String? {
        if case .ident(let ident) = unparenthesized { return ident.name }
        return nil
    }

    /// The call, if the expression is one.
    var asCall: CallExpr? {
        if case .call(let call) = unparenthesized { return call }
        return nil
    }

    /// The identifier at the root of a selector, index, slice, star or address chain:
    /// `b` for `b.buf[:0]`, `*b`, `&b.x` and `(*b)[i]`.
    var rootName: String? {
        switch unparenthesized {
        case .ident(let ident): ident.name
        case .selector(let node): node.base.rootName
        case .index(let node): node.base.rootName
        case .slice(let node): node.base.rootName
        case .star(let node): node.operand.rootName
        case .unary(let node) where node.op == "&": node.operand.rootName
        case .typeAssert(let node): node.base.rootName
        case .call(let node) where node.arguments.count == 1 && node.function.isTypeLike: node.arguments[0].rootName
        default: nil
        }
    }

    /// True when an identifier named `name` occurs anywhere in the expression, function
    /// literal bodies included.
    func mentions(_ name: String) -> Bool {
        mentionsAny([name])
    }

    /// True when the expression contains a call that satisfies `predicate`, function literal
    /// bodies included.
    func containsCall(where predicate: (CallExpr) -> Bool) -> Bool {
        Walk.contains(self) { expr in
            if case .call(let call) = expr { return predicate(call) }
            return false
        }
    }

    /// True for `x == nil` and `x != nil`, which test whether a pool gave an object and use
    /// nothing of it.
    var isNilComparison: Bool {
        guard case .binary(let binary) = self, binary.op == "==" || binary.op == "!=" else { return false }
        return binary.left.identName == "nil" || binary.right.identName == "nil"
    }
}

extension CallExpr {
    /// The called method or function name: `Put` for `pool.Put(b)`, `putBuf` for `putBuf(b)`.
    var calleeName: String? {
        switch function.unparenthesized {
        case .ident(let ident): ident.name
        case .selector(let selector): selector.name.name
        case .index(let index): index.base.identName ?? {
            if case .selector(let selector) = index.base.unparenthesized { return selector.name.name }
            return nil
        }()
        default: nil
        }
    }

    /// The receiver or package of a selector call: `pool` for `pool.Put(b)`; nil for `putBuf(b)`.
    var calleeBase: Expr? {
        if case .selector(let selector) = function.unparenthesized { return selector.base }
        return nil
    }

    /// `pkg.Name` for a call through a package-qualified or receiver selector whose base is an
    /// identifier, or just the name of a plain function.
    var qualifiedName: String? {
        switch function.unparenthesized {
        case .ident(let ident):
            return ident.name
        case .selector(let selector):
            guard let base = selector.base.identName else { return nil }
            return base + "." + selector.name.name
        default:
            return nil
        }
    }

    /// True when the call is the built-in or function `name` called with a plain identifier.
    func isBuiltin(_ name: String) -> Bool {
        function.identName == name
    }
}

extension Stmt {
    /// True when the statement or any statement or expression nested in it, closures
    /// included, mentions `name`.
    func mentions(_ name: String) -> Bool {
        mentionsAny([name])
    }

    /// True when the statement ends the function's normal flow: a `return`, or a call to
    /// `panic`, `log.Fatal…`, `os.Exit` or `t.Fatal…`-style helpers that never return.
    var isTerminating: Bool {
        switch self {
        case .return:
            return true
        case .expr(let node):
            guard let call = node.expr.asCall else { return false }
            return call.neverReturns
        case .block(let block):
            return block.statements.last?.isTerminating ?? false
        default:
            return false
        }
    }
}

extension CallExpr {
    /// True for calls that end the goroutine or the process: `panic`, `log.Fatal*`,
    /// `log.Panic*`, `os.Exit`, `runtime.Goexit`, and `t.Fatal*`/`b.Fatal*` in tests.
    var neverReturns: Bool {
        if isBuiltin("panic") { return true }
        guard let name = calleeName else { return false }
        if let base = calleeBase?.identName {
            if base == "os", name == "Exit" { return true }
            if base == "runtime", name == "Goexit" { return true }
            if base == "log", name.hasPrefix("Fatal") || name.hasPrefix("Panic") { return true }
        }
        return name == "Fatal" || name == "Fatalf" || name == "FailNow" || name == "SkipNow" || name == "Skip" || name == "Skipf"
    }
}

extension CallExpr {
    /// The call written out in canonical form.
    var canonicalText: String { Expr.call(self).canonicalText }
}
