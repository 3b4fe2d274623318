import GoSyntax

/// One parsed Go file and where it lives.
public final class GoFile: Sendable {
    /// The repository-relative path.
    public let path: String
    /// The file's bytes, as read from git.
    public let bytes: [UInt8]
    public let syntax: SourceFile
    /// The local names of the file's imports, mapped to their import paths: `gzip` for
    /// `compress/gzip`, or the explicit name.
    let importNames: [String: String]
    /// Every function and function literal of the file, outermost first.
    let units: [FunctionUnit]

    public init(path: String, bytes: [UInt8], syntax: SourceFile) {
        self.path = path
        self.bytes = bytes
        self.syntax = syntax
        var names: [String: String] = [:]
        for spec in syntax.imports {
            names[spec.name?.name ?? defaultImportName(spec.path)] = spec.path
        }
        self.importNames = names
        self.units = FunctionUnit.all(in: syntax)
    }

    /// The source text a span covers, with invalid UTF-8 replaced.
    func text(of span: Span) -> String {
        let start = max(0, min(span.start, bytes.count))
        let end = max(start, min(span.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// True for `_test.go` files.
    public var isTest: Bool { path.hasSuffix("_test.go") }
}

/// The package name Go assumes for an import path: its last element, without a `go-` prefix
/// or a `.go`/`-go` suffix, and without a major version element such as `v2`.
func defaultImportName(_ path: String) -> String {
    var elements = path.split(separator: "/").map(String.init)
    if elements.count > 1, let last = elements.last, last.count >= 2, last.first == "v",
       last.dropFirst().allSatisfy(\.isNumber) {
        elements.removeLast()
    }
    var name = elements.last ?? path
    if name.hasPrefix("go-") { name.removeFirst(3) }
    if name.hasSuffix(".go") || name.hasSuffix("-go") { name.removeLast(3) }
    return name
}

/// A function or method body, or a function literal's body, that the rules analyse on its own.
final class FunctionUnit: Sendable {
    /// The declared name; for a function literal, the enclosing declaration's name.
    let name: String
    /// The receiver's type name for a method (without `*` or type arguments).
    let receiverType: String?
    let receiverName: String?
    let type: FuncType
    let body: Block
    let span: Span
    /// True for a function literal.
    let isLiteral: Bool
    /// For a function literal inside a function declaration, where that declaration starts.
    let declarationStart: Int?
    /// The parameters in declaration order, with the names they bind.
    let parameters: [(name: String, type: GoType?)]
    /// The names of the functions and methods the body calls, function literals included.
    let calleeNames: Set<String>

    init(
        name: String, receiverType: String?, receiverName: String?, type: FuncType, body: Block, span: Span,
        isLiteral: Bool, declarationStart: Int? = nil
    ) {
        self.name = name
        self.receiverType = receiverType
        self.receiverName = receiverName
        self.type = type
        self.body = body
        self.span = span
        self.isLiteral = isLiteral
        self.declarationStart = declarationStart
        self.parameters = type.params.flatMap { field in field.names.map { ($0.name, GoType(typeExpr: field.type)) } }
        var names: Set<String> = []
        for statement in body.statements {
            Walk.expressions(in: statement) { expr in
                if case .call(let call) = expr, let name = call.calleeName { names.insert(name) }
                return .children
            }
        }
        self.calleeNames = names
    }

    var resultTypes: [GoType?] {
        type.results.flatMap { field -> [GoType?] in
            let type = GoType(typeExpr: field.type)
            return field.names.isEmpty ? [type] : field.names.map { _ in type }
        }
    }

    /// Every function and function literal in the file, outermost first.
    static func all(in file: SourceFile) -> [FunctionUnit] {
        var units: [FunctionUnit] = []
        for decl in file.decls {
            switch decl {
            case .function(let function):
                guard let body = function.body else { continue }
                let receiver = function.receiver
                let receiverType = receiver.flatMap { GoType(typeExpr: $0.type)?.shortName }
                units.append(FunctionUnit(
                    name: function.name.name, receiverType: receiverType, receiverName: receiver?.names.first?.name,
                    type: function.type, body: body, span: function.span, isLiteral: false))
                collectLiterals(
                    in: body.statements, enclosing: function.name.name, declarationStart: function.span.start, into: &units)
            case .gen(let gen):
                for spec in gen.specs {
                    guard case .value(let value) = spec else { continue }
                    for expr in value.values {
                        collectLiterals(in: expr, enclosing: value.names.first?.name ?? "", declarationStart: nil, into: &units)
                    }
                }
            case .bad:
                continue
            }
        }
        return units
    }

    private static func collectLiterals(
        in statements: [Stmt], enclosing: String, declarationStart: Int?, into units: inout [FunctionUnit]
    ) {
        for statement in statements {
            Walk.expressions(in: statement) { expr in
                guard case .funcLit(let literal) = expr else { return .children }
                units.append(FunctionUnit(
                    name: enclosing, receiverType: nil, receiverName: nil, type: literal.type,
                    body: literal.body, span: literal.span, isLiteral: true, declarationStart: declarationStart))
                return .children
            }
        }
    }

    private static func collectLiterals(
        in expr: Expr, enclosing: String, declarationStart: Int?, into units: inout [FunctionUnit]
    ) {
        Walk.expressions(in: expr) { expr in
            guard case .funcLit(let literal) = expr else { return .children }
            units.append(FunctionUnit(
                name: enclosing, receiverType: nil, receiverName: nil, type: literal.type,
                body: literal.body, span: literal.span, isLiteral: true, declarationStart: declarationStart))
            return .children
        }
    }
}
