import GoSyntax

/// Runs the Go reader on arbitrary bytes: tokenizes and parses them, walks every statement,
/// expression and identifier, and prints every expression. A crash, a sanitizer report, a
/// time-out or a failed precondition is a finding.
///
/// The libFuzzer entry point in FuzzEntry.swift calls this, and RobustnessTests links this
/// file too to replay the inputs that once failed.
func fuzzGoReader(_ bytes: [UInt8]) {

    _ = GoLexer.tokenize(bytes)
    let file = GoParser.parse(bytes)

    var printed = 0
    file.walk(
        statements: { _ in .visitChildren },
        expressions: { expression in
            printed &+= expression.canonicalText.utf8.count
            let span = expression.span
            precondition(span.start >= 0 && span.start <= span.end && span.end <= bytes.count,
                         "expression span \(span) outside \(bytes.count) bytes")
            return .visitChildren
        },
        identifiers: { identifier in printed &+= identifier.name.utf8.count }
    )
    for body in file.functionBodies {
        printed &+= body.enclosingFunctionName?.utf8.count ?? 0
        body.body.forEachStmt { _ in .visitChildren }
    }
    for comment in file.comments {
        _ = file.comments(onLine: comment.span.line)
    }
    _ = file.isGenerated

    // Every span must lie inside the input, because callers cut excerpts with them.
    let text = SourceText(bytes)
    for error in file.syntaxErrors {
        precondition(error.span.start >= 0 && error.span.start <= error.span.end && error.span.end <= bytes.count,
                     "syntax error span \(error.span) outside \(bytes.count) bytes")
        _ = text.text(of: error.span)
    }
    for line in 0...(text.lineCount + 1) { _ = text.line(line) }
    precondition(printed >= 0)
}
