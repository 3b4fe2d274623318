import Testing
@testable import GoSyntax

@Suite("Parser: statements")
struct StatementParserTests {
    @Test("simple statements")
    func simpleStatements() {
        let statements = parseStatements("""
            x := pool.Get()
            a, b = b, a
            n += 2
            mask &^= bit
            i++
            j--
            ch <- buf
            <-done
            f()
            var local int
            type inner struct{}
            const k = 1
            ;
            """)
        let kinds = statements.map { statement -> String in
            switch statement {
            case .assign(let assign): return "assign \(assign.op) \(assign.lhs.count) \(assign.rhs.count)"
            case .incDec(let incDec): return "incDec \(incDec.op)"
            case .send(let send): return "send \(send.channel.canonicalText) \(send.value.canonicalText)"
            case .expr(let expression): return "expr \(expression.expr.canonicalText)"
            case .decl(let declaration): return "decl \(declaration.keyword)"
            case .empty: return "empty"
            default: return "other"
            }
        }
        #expect(kinds == [
            "assign := 1 1", "assign = 2 2", "assign += 1 1", "assign &^= 1 1", "incDec ++", "incDec --",
            "send ch buf", "expr <-done", "expr f()", "decl var", "decl type", "decl const", "empty",
        ])
        if case .assign(let assign) = statements[0] {
            #expect(assign.isDefine)
        }
    }

    @Test("go, defer, return and branches")
    func jumps() {
        let statements = parseStatements("""
            go worker(ch)
            defer pool.Put(buf)
            return
            return x, nil
            break
            continue outer
            goto done
            fallthrough
            """)
        #expect(statements.count == 8)
        if case .go(let go) = statements[0] { #expect(go.call.canonicalText == "worker(ch)") }
        if case .defer(let deferred) = statements[1] { #expect(deferred.call.canonicalText == "pool.Put(buf)") }
        if case .return(let bare) = statements[2] { #expect(bare.results.isEmpty) }
        if case .return(let results) = statements[3] { #expect(results.results.map(\.canonicalText) == ["x", "nil"]) }
        let branches = statements.compactMap { statement -> String? in
            guard case .branch(let branch) = statement else { return nil }
            return "\(branch.keyword.rawValue) \(branch.label?.name ?? "-")"
        }
        #expect(branches == ["break -", "continue outer", "goto done", "fallthrough -"])
    }

    @Test("labeled statements")
    func labels() {
        let statements = parseStatements("""
            outer:
            \tfor {
            \t\tbreak outer
            \t}
            empty:
            """)
        guard statements.count == 2, case .labeled(let loop) = statements[0], case .labeled(let end) = statements[1] else {
            Issue.record("expected two labeled statements, got \(statements)")
            return
        }
        #expect(loop.label.name == "outer")
        if case .for = loop.statement {} else { Issue.record("label does not wrap the loop") }
        #expect(end.label.name == "empty")
        if case .empty = end.statement {} else { Issue.record("label before } has no empty statement") }
    }

    @Test("if with initializer and else chain")
    func ifStatements() throws {
        let statement = parseStatement("""
            if buf, ok := v.(*bytes.Buffer); ok {
            \tuse(buf)
            } else if x == nil {
            } else {
            \tother()
            }
            """)
        guard case .if(let first) = statement else {
            Issue.record("not an if statement")
            return
        }
        #expect(first.initializer != nil)
        #expect(first.condition.canonicalText == "ok")
        #expect(first.then.statements.count == 1)
        guard case .if(let second)? = first.elseBranch else {
            Issue.record("else if is missing")
            return
        }
        #expect(second.condition.canonicalText == "x == nil")
        if case .block(let last)? = second.elseBranch {
            #expect(last.statements.count == 1)
        } else {
            Issue.record("final else block is missing")
        }
    }

    @Test("for loop forms")
    func forLoops() {
        let statements = parseStatements("""
            for {}
            for n > 0 {}
            for i := 0; i < n; i++ {}
            for ;; {}
            for i := 0; i < n; {}
            """)
        let parts = statements.map { statement -> String in
            guard case .for(let loop) = statement else { return "not a for loop" }
            let initializer = loop.initializer == nil ? "-" : "init"
            let post = loop.post == nil ? "-" : "post"
            return "\(initializer) \(loop.condition?.canonicalText ?? "-") \(post)"
        }
        #expect(parts == ["- - -", "- n > 0 -", "init i < n post", "- - -", "init i < n -"])
    }

    @Test("range loop forms")
    func rangeLoops() {
        let statements = parseStatements("""
            for k, v := range m {}
            for i := range 10 {}
            for k = range m {}
            for range ch {}
            for range n {}
            for _, b := range []byte{1, 2} {}
            """)
        let parts = statements.map { statement -> String in
            guard case .range(let loop) = statement else { return "not a range loop" }
            let key = loop.key?.canonicalText ?? "-"
            let value = loop.value?.canonicalText ?? "-"
            return "\(key) \(value) \(loop.isDefine) \(loop.collection.canonicalText)"
        }
        #expect(parts == [
            "k v true m", "i - true 10", "k - false m", "- - false ch", "- - false n", "_ b true []byte{1, 2}",
        ])
    }

    @Test("expression switch")
    func expressionSwitch() {
        let statements = parseStatements("""
            switch x := f(); x {
            case 1, 2:
            \ta()
            \tfallthrough
            case 3:
            default:
            \tb()
            }
            switch {
            case x > 1:
            }
            """)
        guard case .switch(let first) = statements[0], case .switch(let second) = statements[1] else {
            Issue.record("expected two switch statements")
            return
        }
        #expect(first.initializer != nil)
        #expect(first.tag?.canonicalText == "x")
        #expect(first.clauses.map { $0.expressions?.count } == [2, 1, nil])
        #expect(first.clauses.map(\.body.count) == [2, 0, 1])
        #expect(second.tag == nil)
        #expect(second.clauses.first?.expressions?.first?.canonicalText == "x > 1")
    }

    @Test("type switch with binding")
    func typeSwitch() {
        let statements = parseStatements("""
            switch v := x.(type) {
            case *bytes.Buffer, []byte:
            case nil:
            default:
            }
            switch y := f(); y.(type) {
            }
            """)
        guard case .typeSwitch(let first) = statements[0], case .typeSwitch(let second) = statements[1] else {
            Issue.record("expected two type switches, got \(statements)")
            return
        }
        guard case .assign(let binding) = first.guardStmt else {
            Issue.record("the guard is not an assignment")
            return
        }
        #expect(binding.lhs.map(\.canonicalText) == ["v"])
        #expect(binding.rhs.map(\.canonicalText) == ["x.(type)"])
        #expect(first.clauses.map { $0.expressions?.map(\.canonicalText) } == [["*bytes.Buffer", "[]byte"], ["nil"], nil])
        #expect(second.initializer != nil)
        if case .expr(let guardExpr) = second.guardStmt {
            #expect(guardExpr.expr.canonicalText == "y.(type)")
        } else {
            Issue.record("the second guard is not an expression")
        }
    }

    @Test("select with comm clauses")
    func select() {
        let statement = parseStatement("""
            select {
            case buf := <-free:
            \tuse(buf)
            case v, ok := <-ch:
            case out <- buf:
            case <-ctx.Done():
            \treturn
            default:
            }
            """)
        guard case .select(let select) = statement else {
            Issue.record("not a select statement")
            return
        }
        let communications = select.clauses.map { clause -> String in
            switch clause.communication {
            case .assign(let assign)?: return "assign \(assign.lhs.count) \(assign.rhs.map(\.canonicalText))"
            case .send(let send)?: return "send \(send.channel.canonicalText)"
            case .expr(let expression)?: return "receive \(expression.expr.canonicalText)"
            case nil: return "default"
            default: return "other"
            }
        }
        #expect(communications == ["assign 1 [\"<-free\"]", "assign 2 [\"<-ch\"]", "send out", "receive <-ctx.Done()", "default"])
        #expect(select.clauses.map(\.body.count) == [1, 0, 0, 1, 0])
    }

    @Test("statement spans exclude the semicolon")
    func statementSpans() {
        let statements = parseStatements("\tx := 1\n\tif x > 0 {\n\t\tx++\n\t}")
        let body = "package p\nfunc f() {\n"
        let start = body.utf8.count
        #expect(statements.map(\.span.start) == [start + 1, start + 9])
        #expect(statements.map(\.span.end) == [start + 7, start + 28])
        #expect(statements.map(\.span.lines) == [3...3, 4...6])
    }
}
