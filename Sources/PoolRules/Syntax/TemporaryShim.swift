// TEMPORARY: stands in for GoSyntax's span accessors and printer until the parser lands.
import GoSyntax

extension Expr {
    var span: Span {
        switch self {
        case .ident(let n): n.span
        case .basicLit(let n): n.span
        case .compositeLit(let n): n.span
        case .funcLit(let n): n.span
        case .paren(let n): n.span
        case .selector(let n): n.span
        case .index(let n): n.span
        case .slice(let n): n.span
        case .typeAssert(let n): n.span
        case .call(let n): n.span
        case .star(let n): n.span
        case .unary(let n): n.span
        case .binary(let n): n.span
        case .keyValue(let n): n.span
        case .arrayType(let n): n.span
        case .structType(let n): n.span
        case .funcType(let n): n.span
        case .interfaceType(let n): n.span
        case .mapType(let n): n.span
        case .chanType(let n): n.span
        case .ellipsis(let n): n.span
        case .bad(let s): s
        }
    }

    var canonicalText: String {
        switch self {
        case .ident(let n): n.name
        case .basicLit(let n): n.raw
        case .selector(let n): n.base.canonicalText + "." + n.name.name
        case .star(let n): "*" + n.operand.canonicalText
        case .paren(let n): "(" + n.inner.canonicalText + ")"
        case .call(let n): n.function.canonicalText + "(" + n.arguments.map(\.canonicalText).joined(separator: ", ") + ")"
        case .typeAssert(let n): n.base.canonicalText + ".(" + (n.type?.canonicalText ?? "type") + ")"
        case .index(let n): n.base.canonicalText + "[" + n.indices.map(\.canonicalText).joined(separator: ", ") + "]"
        case .slice(let n): n.base.canonicalText + "[" + (n.low?.canonicalText ?? "") + ":" + (n.high?.canonicalText ?? "") + "]"
        case .unary(let n): n.op + n.operand.canonicalText
        case .binary(let n): n.left.canonicalText + " " + n.op + " " + n.right.canonicalText
        case .arrayType(let n): "[" + (n.length?.canonicalText ?? "") + "]" + n.element.canonicalText
        case .mapType(let n): "map[" + n.key.canonicalText + "]" + n.value.canonicalText
        case .compositeLit(let n): (n.type?.canonicalText ?? "") + "{…}"
        case .funcLit: "func(){…}"
        default: "…"
        }
    }
}

extension Stmt {
    var span: Span {
        switch self {
        case .bad(let s), .empty(let s): s
        case .decl(let n): n.span
        case .labeled(let n): n.span
        case .expr(let n): n.span
        case .send(let n): n.span
        case .incDec(let n): n.span
        case .assign(let n): n.span
        case .go(let n): n.span
        case .defer(let n): n.span
        case .return(let n): n.span
        case .branch(let n): n.span
        case .block(let n): n.span
        case .if(let n): n.span
        case .switch(let n): n.span
        case .typeSwitch(let n): n.span
        case .select(let n): n.span
        case .for(let n): n.span
        case .range(let n): n.span
        }
    }
}
