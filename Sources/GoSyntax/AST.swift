/// A region of a source file.
///
/// Offsets are byte offsets into the file, `end` exclusive. Lines and columns are 1-based;
/// columns count bytes. `endLine` is the line of the last byte of the node.
public struct Span: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var line: Int
    public var column: Int
    public var endLine: Int

    public init(start: Int, end: Int, line: Int, column: Int, endLine: Int) {
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.endLine = endLine
    }

    /// The lines the node covers.
    public var lines: ClosedRange<Int> { line...max(line, endLine) }

    /// The smallest span that covers both spans.
    public func union(_ other: Span) -> Span {
        let first = start <= other.start ? self : other
        let last = end >= other.end ? self : other
        return Span(start: first.start, end: last.end, line: first.line, column: first.column, endLine: last.endLine)
    }
}

/// A name with its position.
public struct Ident: Sendable, Hashable {
    public var name: String
    public var span: Span

    public init(name: String, span: Span) {
        self.name = name
        self.span = span
    }
}

// MARK: - Expressions

/// A Go expression or type expression.
///
/// The parser produces `.bad` for input it cannot read; a `.bad` node still has a span, so
/// callers can skip it and go on.
public indirect enum Expr: Sendable {
    case ident(Ident)
    case basicLit(BasicLit)
    case compositeLit(CompositeLit)
    case funcLit(FuncLit)
    case paren(ParenExpr)
    case selector(SelectorExpr)
    case index(IndexExpr)
    case slice(SliceExpr)
    case typeAssert(TypeAssertExpr)
    case call(CallExpr)
    case star(StarExpr)
    case unary(UnaryExpr)
    case binary(BinaryExpr)
    case keyValue(KeyValueExpr)
    case arrayType(ArrayType)
    case structType(StructType)
    case funcType(FuncType)
    case interfaceType(InterfaceType)
    case mapType(MapType)
    case chanType(ChanType)
    case ellipsis(EllipsisExpr)
    case bad(Span)
}

/// A literal: integer, floating-point, imaginary, rune or string.
public struct BasicLit: Sendable {
    public enum Kind: Sendable { case int, float, imaginary, rune, string }
    public var kind: Kind
    /// The literal as written, quotes included.
    public var raw: String
    public var span: Span
}

/// `T{a, b}` or `{k: v}` (an elided type inside another composite literal has `type == nil`).
public struct CompositeLit: Sendable {
    public var type: Expr?
    public var elements: [Expr]
    public var span: Span
}

/// `func(params) results { body }`.
public struct FuncLit: Sendable {
    public var type: FuncType
    public var body: Block
    public var span: Span
}

public struct ParenExpr: Sendable {
    public var inner: Expr
    public var span: Span
}

/// `base.name`.
public struct SelectorExpr: Sendable {
    public var base: Expr
    public var name: Ident
    public var span: Span
}

/// `base[i]`, or `base[T1, T2]` for an instantiated generic.
public struct IndexExpr: Sendable {
    public var base: Expr
    public var indices: [Expr]
    public var span: Span
}

/// `base[low:high]` or `base[low:high:max]`.
public struct SliceExpr: Sendable {
    public var base: Expr
    public var low: Expr?
    public var high: Expr?
    public var max: Expr?
    public var span: Span
}

/// `base.(T)`; `type` is nil for the `base.(type)` of a type switch.
public struct TypeAssertExpr: Sendable {
    public var base: Expr
    public var type: Expr?
    public var span: Span
}

/// `function(arguments)`, including conversions such as `[]byte(s)`.
public struct CallExpr: Sendable {
    public var function: Expr
    public var arguments: [Expr]
    /// True for `f(xs...)`.
    public var hasEllipsis: Bool
    public var span: Span
}

/// `*x`: a dereference or a pointer type.
public struct StarExpr: Sendable {
    public var operand: Expr
    public var span: Span
}

/// A prefix operator: `&`, `-`, `+`, `!`, `^`, `<-`, or `~` in a constraint.
public struct UnaryExpr: Sendable {
    public var op: String
    public var operand: Expr
    public var span: Span
}

public struct BinaryExpr: Sendable {
    public var op: String
    public var left: Expr
    public var right: Expr
    public var span: Span
}

/// `key: value` inside a composite literal.
public struct KeyValueExpr: Sendable {
    public var key: Expr
    public var value: Expr
    public var span: Span
}

/// `[N]T`, `[...]T` or, with `length == nil`, the slice type `[]T`.
public struct ArrayType: Sendable {
    public var length: Expr?
    public var element: Expr
    public var span: Span

    public var isSlice: Bool { length == nil }
}

public struct StructType: Sendable {
    public var fields: [Field]
    public var span: Span
}

/// A function signature. `typeParams` is empty for a non-generic function.
public struct FuncType: Sendable {
    public var typeParams: [Field]
    public var params: [Field]
    public var results: [Field]
    public var span: Span
}

/// An interface; each element is a method (a field with a `FuncType`), an embedded type or
/// a type-set term.
public struct InterfaceType: Sendable {
    public var elements: [Field]
    public var span: Span
}

public struct MapType: Sendable {
    public var key: Expr
    public var value: Expr
    public var span: Span
}

public struct ChanType: Sendable {
    public enum Direction: Sendable { case both, send, receive }
    public var direction: Direction
    public var value: Expr
    public var span: Span
}

/// `...T` in a variadic parameter list, or `...` as an array length.
public struct EllipsisExpr: Sendable {
    public var element: Expr?
    public var span: Span
}

/// A struct field, a parameter, a result, a type parameter or an interface element.
///
/// `names` is empty for an embedded field or an unnamed parameter.
public struct Field: Sendable {
    public var names: [Ident]
    public var type: Expr
    /// The raw tag literal of a struct field, quotes included.
    public var tag: String?
    public var span: Span
}

// MARK: - Statements

/// A Go statement.
public indirect enum Stmt: Sendable {
    case bad(Span)
    case empty(Span)
    case decl(GenDecl)
    case labeled(LabeledStmt)
    case expr(ExprStmt)
    case send(SendStmt)
    case incDec(IncDecStmt)
    case assign(AssignStmt)
    case go(GoStmt)
    case `defer`(DeferStmt)
    case `return`(ReturnStmt)
    case branch(BranchStmt)
    case block(Block)
    case `if`(IfStmt)
    case `switch`(SwitchStmt)
    case typeSwitch(TypeSwitchStmt)
    case select(SelectStmt)
    case `for`(ForStmt)
    case range(RangeStmt)
}

/// `{ statements }`; the span runs from the opening to the closing brace.
public struct Block: Sendable {
    public var statements: [Stmt]
    public var span: Span
}

public struct LabeledStmt: Sendable {
    public var label: Ident
    public var statement: Stmt
    public var span: Span
}

public struct ExprStmt: Sendable {
    public var expr: Expr
    public var span: Span
}

/// `channel <- value`.
public struct SendStmt: Sendable {
    public var channel: Expr
    public var value: Expr
    public var span: Span
}

/// `x++` or `x--`.
public struct IncDecStmt: Sendable {
    public var target: Expr
    public var op: String
    public var span: Span
}

/// `=`, `:=` or an operator assignment such as `+=`.
public struct AssignStmt: Sendable {
    public var lhs: [Expr]
    public var op: String
    public var rhs: [Expr]
    public var span: Span

    /// True for a short variable declaration (`:=`).
    public var isDefine: Bool { op == ":=" }
}

public struct GoStmt: Sendable {
    public var call: Expr
    public var span: Span
}

public struct DeferStmt: Sendable {
    public var call: Expr
    public var span: Span
}

public struct ReturnStmt: Sendable {
    public var results: [Expr]
    public var span: Span
}

/// `break`, `continue`, `goto` or `fallthrough`, with an optional label.
public struct BranchStmt: Sendable {
    public enum Keyword: String, Sendable { case `break`, `continue`, goto, `fallthrough` }
    public var keyword: Keyword
    public var label: Ident?
    public var span: Span
}

/// `if init; condition { then } else …`; `elseBranch` is an `.if` or a `.block`.
public struct IfStmt: Sendable {
    public var initializer: Stmt?
    public var condition: Expr
    public var then: Block
    public var elseBranch: Stmt?
    public var span: Span
}

/// A `case` or `default` clause of an expression or type switch; `expressions` is nil for
/// `default`.
public struct CaseClause: Sendable {
    public var expressions: [Expr]?
    public var body: [Stmt]
    public var span: Span
}

public struct SwitchStmt: Sendable {
    public var initializer: Stmt?
    public var tag: Expr?
    public var clauses: [CaseClause]
    public var span: Span
}

/// `switch x := y.(type) { … }`; `guardStmt` is the `x := y.(type)` or `y.(type)` part.
public struct TypeSwitchStmt: Sendable {
    public var initializer: Stmt?
    public var guardStmt: Stmt
    public var clauses: [CaseClause]
    public var span: Span
}

/// A `case` or `default` clause of a `select`; `communication` is nil for `default`.
public struct CommClause: Sendable {
    public var communication: Stmt?
    public var body: [Stmt]
    public var span: Span
}

public struct SelectStmt: Sendable {
    public var clauses: [CommClause]
    public var span: Span
}

/// `for init; condition; post { body }`; all three parts are optional.
public struct ForStmt: Sendable {
    public var initializer: Stmt?
    public var condition: Expr?
    public var post: Stmt?
    public var body: Block
    public var span: Span
}

/// `for key, value := range collection { body }`.
public struct RangeStmt: Sendable {
    public var key: Expr?
    public var value: Expr?
    /// True for `:=`, false for `=` or a range with no variables.
    public var isDefine: Bool
    public var collection: Expr
    public var body: Block
    public var span: Span
}

// MARK: - Declarations

/// A `var`, `const`, `type` or `import` declaration, with one or more specs.
public struct GenDecl: Sendable {
    public enum Keyword: String, Sendable { case `var`, const, type, `import` }
    public var keyword: Keyword
    public var specs: [Spec]
    public var span: Span
}

public enum Spec: Sendable {
    case value(ValueSpec)
    case type(TypeSpec)
    case `import`(ImportSpec)
}

/// `names [type] [= values]` of a `var` or `const` declaration.
public struct ValueSpec: Sendable {
    public var names: [Ident]
    public var type: Expr?
    public var values: [Expr]
    public var span: Span
}

/// `name[typeParams] type` or the alias `name = type`.
public struct TypeSpec: Sendable {
    public var name: Ident
    public var typeParams: [Field]
    public var isAlias: Bool
    public var type: Expr
    public var span: Span
}

/// `[name] "path"`; `name` is the explicit package name, `_` or `.`.
public struct ImportSpec: Sendable {
    public var name: Ident?
    /// The import path without quotes.
    public var path: String
    public var span: Span
}

/// A function or a method.
public struct FuncDecl: Sendable {
    /// The receiver of a method; nil for a function.
    public var receiver: Field?
    public var name: Ident
    public var type: FuncType
    /// Nil for a function declared without a body (implemented in assembly).
    public var body: Block?
    public var span: Span
}

public enum Decl: Sendable {
    case function(FuncDecl)
    case gen(GenDecl)
    case bad(Span)
}

/// A `//` or `/* */` comment; `text` includes the comment markers.
public struct Comment: Sendable {
    public var text: String
    public var span: Span
}

/// One parsed Go source file.
public struct SourceFile: Sendable {
    /// The package clause's name; nil when the file has none or it could not be read.
    public var packageName: Ident?
    public var imports: [ImportSpec]
    public var decls: [Decl]
    public var comments: [Comment]
    /// The number of lines in the file (a final line without a newline counts).
    public var lineCount: Int
    /// Places where the parser gave up on a construct and skipped ahead.
    public var syntaxErrors: [SyntaxError]
}

/// A construct the parser could not read, with where it resumed.
public struct SyntaxError: Sendable, Hashable {
    public var message: String
    public var span: Span
}
