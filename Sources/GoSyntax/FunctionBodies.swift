/// The body of a function declaration, a method declaration or a function literal.
public struct FunctionBody: Sendable {
    /// The declaration, for the body of a declared function or method.
    public var declaration: FuncDecl?
    /// The literal, for the body of a function literal.
    public var literal: FuncLit?
    /// The name of the declared function or method that is or contains this body, or nil for
    /// a function literal outside any function, such as a package-level variable's value.
    public var enclosingFunctionName: String?
    /// The receiver type name of that method (`Pool` for `func (p *Pool[T]) Get()`), or nil
    /// when the enclosing function is no method.
    public var enclosingReceiverTypeName: String?
    public var signature: FuncType
    public var body: Block
    /// The span from the `func` keyword to the closing brace.
    public var span: Span

    /// True for the body of a function literal.
    public var isLiteral: Bool { literal != nil }

    /// The lines from the `func` keyword to the closing brace.
    public var lines: ClosedRange<Int> { span.lines }
}

extension SourceFile {
    /// Every function body in the file, in source order: each declared function or method
    /// with a body, followed by the function literals inside it, nested ones included, and
    /// the function literals of package-level declarations.
    public var functionBodies: [FunctionBody] {
        var bodies: [FunctionBody] = []
        for decl in decls {
            switch decl {
            case .function(let function):
                guard let body = function.body else { continue }
                let receiverName = function.receiverTypeName
                bodies.append(FunctionBody(
                    declaration: function, literal: nil, enclosingFunctionName: function.name.name,
                    enclosingReceiverTypeName: receiverName, signature: function.type, body: body, span: function.span))
                appendLiterals(in: .function(function), function: function.name.name, receiver: receiverName, to: &bodies)
            case .gen, .bad:
                appendLiterals(in: decl, function: nil, receiver: nil, to: &bodies)
            }
        }
        return bodies
    }

    private func appendLiterals(in decl: Decl, function: String?, receiver: String?, to bodies: inout [FunctionBody]) {
        decl.forEachExpr { expression in
            if case .funcLit(let literal) = expression {
                bodies.append(FunctionBody(
                    declaration: nil, literal: literal, enclosingFunctionName: function,
                    enclosingReceiverTypeName: receiver, signature: literal.type, body: literal.body, span: literal.span))
            }
            return .visitChildren
        }
    }
}

extension FuncDecl {
    /// The name of the receiver's type without `*` or type arguments (`Pool` for
    /// `func (p *Pool[T]) Get()`), or nil for a function or an unreadable receiver.
    public var receiverTypeName: String? {
        guard var type = receiver?.type else { return nil }
        while true {
            switch type {
            case .ident(let name): return name.name
            case .star(let star): type = star.operand
            case .paren(let paren): type = paren.inner
            case .index(let index): type = index.base
            default: return nil
            }
        }
    }
}
