import Testing
@testable import GoSyntax

/// Parses `source` and records an issue for every syntax error.
func parseClean(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> SourceFile {
    let file = GoParser.parse(source)
    for error in file.syntaxErrors {
        Issue.record("unexpected syntax error at \(error.span.line):\(error.span.column): \(error.message)",
                     sourceLocation: sourceLocation)
    }
    return file
}

/// Parses `body` as the body of a function and returns its statements.
func parseStatements(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Stmt] {
    let file = parseClean("package p\nfunc f() {\n\(body)\n}\n", sourceLocation: sourceLocation)
    guard case .function(let function)? = file.decls.first, let block = function.body else {
        Issue.record("no function body parsed", sourceLocation: sourceLocation)
        return []
    }
    return block.statements
}

/// Parses `body` as a function body that must contain exactly one statement.
func parseStatement(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) -> Stmt {
    let statements = parseStatements(body, sourceLocation: sourceLocation)
    #expect(statements.count == 1, "expected one statement, got \(statements.count)", sourceLocation: sourceLocation)
    return statements.first ?? .bad(Span(start: 0, end: 0, line: 0, column: 0, endLine: 0))
}

/// Parses `text` as the value of a package-level variable.
func parseExpression(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Expr {
    let file = parseClean("package p\nvar _ = \(text)\n", sourceLocation: sourceLocation)
    guard case .gen(let declaration)? = file.decls.first, case .value(let spec)? = declaration.specs.first,
          let value = spec.values.first
    else {
        Issue.record("no expression parsed from \(text)", sourceLocation: sourceLocation)
        return .bad(Span(start: 0, end: 0, line: 0, column: 0, endLine: 0))
    }
    return value
}

/// Parses `source` as a file and returns its only declaration.
func parseDecl(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> Decl {
    let file = parseClean("package p\n\(source)\n", sourceLocation: sourceLocation)
    #expect(file.decls.count == 1, "expected one declaration, got \(file.decls.count)", sourceLocation: sourceLocation)
    return file.decls.first ?? .bad(Span(start: 0, end: 0, line: 0, column: 0, endLine: 0))
}

/// Returns the kinds of the tokens of `source`, without the final `.eof`.
func tokenKinds(_ source: String) -> [TokenKind] {
    GoLexer.tokenize(Array(source.utf8)).tokens.map(\.kind).dropLast()
}

/// Returns the function declarations of a file by name.
func functionDecls(in file: SourceFile) -> [String: FuncDecl] {
    var result: [String: FuncDecl] = [:]
    for case .function(let function) in file.decls {
        result[function.name.name] = function
    }
    return result
}

/// A deterministic pseudo-random generator (SplitMix64), so that mutation tests repeat.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
