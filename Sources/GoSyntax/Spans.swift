extension Expr {
    /// The region the expression covers.
    public var span: Span {
        switch self {
        case .ident(let node): return node.span
        case .basicLit(let node): return node.span
        case .compositeLit(let node): return node.span
        case .funcLit(let node): return node.span
        case .paren(let node): return node.span
        case .selector(let node): return node.span
        case .index(let node): return node.span
        case .slice(let node): return node.span
        case .typeAssert(let node): return node.span
        case .call(let node): return node.span
        case .star(let node): return node.span
        case .unary(let node): return node.span
        case .binary(let node): return node.span
        case .keyValue(let node): return node.span
        case .arrayType(let node): return node.span
        case .structType(let node): return node.span
        case .funcType(let node): return node.span
        case .interfaceType(let node): return node.span
        case .mapType(let node): return node.span
        case .chanType(let node): return node.span
        case .ellipsis(let node): return node.span
        case .bad(let span): return span
        }
    }
}

extension Stmt {
    /// The region the statement covers, without its terminating semicolon.
    public var span: Span {
        switch self {
        case .bad(let span), .empty(let span): return span
        case .decl(let node): return node.span
        case .labeled(let node): return node.span
        case .expr(let node): return node.span
        case .send(let node): return node.span
        case .incDec(let node): return node.span
        case .assign(let node): return node.span
        case .go(let node): return node.span
        case .defer(let node): return node.span
        case .return(let node): return node.span
        case .branch(let node): return node.span
        case .block(let node): return node.span
        case .if(let node): return node.span
        case .switch(let node): return node.span
        case .typeSwitch(let node): return node.span
        case .select(let node): return node.span
        case .for(let node): return node.span
        case .range(let node): return node.span
        }
    }
}

extension Decl {
    /// The region the declaration covers, from its keyword to its closing brace or
    /// parenthesis.
    public var span: Span {
        switch self {
        case .function(let node): return node.span
        case .gen(let node): return node.span
        case .bad(let span): return span
        }
    }
}

extension Spec {
    /// The region the spec covers.
    public var span: Span {
        switch self {
        case .value(let node): return node.span
        case .type(let node): return node.span
        case .import(let node): return node.span
        }
    }
}
