import Testing
@testable import GoSyntax

@Suite("Walker")
struct WalkerTests {
    @Test("walk visits every identifier once")
    func everyIdentifier() {
        let file = parseClean(allConstructsSource)
        let tokens = GoLexer.tokenize(Array(allConstructsSource.utf8)).tokens
        let expected = tokens.filter { $0.kind == .identifier }.map(\.start)
        var visited: [Int] = []
        var dotImports = 0
        file.forEachIdent { ident in
            // The name of a dot import is an identifier in the tree but a period token.
            if ident.name == "." {
                dotImports += 1
            } else {
                visited.append(ident.span.start)
            }
        }
        #expect(visited.sorted() == expected)
        #expect(visited == visited.sorted(), "identifiers are not visited in source order")
        #expect(dotImports == 1)
    }

    @Test("walk reaches every kind of node")
    func everyNodeKind() {
        let file = parseClean(allConstructsSource)
        var expressionKinds = Set<String>()
        var statementKinds = Set<String>()
        file.walk(
            statements: { statement in
                statementKinds.insert(String(describing: statement).prefix { $0 != "(" }.description)
                return .visitChildren
            },
            expressions: { expression in
                expressionKinds.insert(String(describing: expression).prefix { $0 != "(" }.description)
                return .visitChildren
            },
            identifiers: { _ in })
        let allExpressions: Set<String> = [
            "ident", "basicLit", "compositeLit", "funcLit", "paren", "selector", "index", "slice", "typeAssert", "call",
            "star", "unary", "binary", "keyValue", "arrayType", "structType", "funcType", "interfaceType", "mapType",
            "chanType", "ellipsis",
        ]
        let allStatements: Set<String> = [
            "empty", "decl", "labeled", "expr", "send", "incDec", "assign", "go", "defer", "return", "branch", "block",
            "if", "switch", "typeSwitch", "select", "for", "range",
        ]
        #expect(allExpressions.subtracting(expressionKinds).isEmpty, "never visited: \(allExpressions.subtracting(expressionKinds))")
        #expect(allStatements.subtracting(statementKinds).isEmpty, "never visited: \(allStatements.subtracting(statementKinds))")
    }

    @Test("walk enters function literals")
    func entersClosures() {
        let statements = parseStatements("\tgo func() {\n\t\tpool.Put(b)\n\t}()\n\tdone()")
        var calls: [String] = []
        for statement in statements {
            statement.forEachExpr { expression in
                if case .call(let call) = expression { calls.append(call.function.canonicalText) }
                return .visitChildren
            }
        }
        #expect(calls == ["func() {…}", "pool.Put", "done"])
    }

    @Test("skipping children leaves closures out")
    func skipsClosures() {
        let statement = parseStatement("\tdefer func() {\n\t\tpool.Put(b)\n\t\tif x {\n\t\t}\n\t}()")
        var calls: [String] = []
        var statements: [String] = []
        statement.walk(
            statements: { statement in
                statements.append(String(describing: statement).prefix { $0 != "(" }.description)
                return .visitChildren
            },
            expressions: { expression in
                if case .funcLit = expression { return .skipChildren }
                if case .call(let call) = expression { calls.append(call.function.canonicalText) }
                return .visitChildren
            },
            identifiers: { _ in })
        #expect(calls == ["func() {…}"])
        #expect(statements == ["defer"])
    }

    @Test("forEachStmt visits nested statements in order")
    func nestedStatements() {
        let statement = parseStatement("\tfor {\n\t\tif x {\n\t\t\tf := func() { g() }\n\t\t\tf()\n\t\t}\n\t}")
        var kinds: [String] = []
        statement.forEachStmt { statement in
            kinds.append(String(describing: statement).prefix { $0 != "(" }.description)
            return .visitChildren
        }
        #expect(kinds == ["for", "if", "assign", "expr", "expr"])
    }

    @Test("stop ends the walk")
    func stops() {
        let file = parseClean(allConstructsSource)
        var visited = 0
        file.forEachExpr { expression in
            visited += 1
            if case .funcLit = expression { return .stop }
            return .visitChildren
        }
        var total = 0
        file.forEachExpr { _ in
            total += 1
            return .visitChildren
        }
        #expect(visited > 1)
        #expect(visited < total)
    }
}
