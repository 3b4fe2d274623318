import Testing
@testable import GoSyntax

@Suite("Parser: expressions")
struct ExpressionParserTests {
    /// Prints binary and unary operators with explicit parentheses, to show how the parser
    /// grouped them.
    private func grouped(_ expression: Expr) -> String {
        switch expression {
        case .binary(let binary): return "(\(grouped(binary.left)) \(binary.op) \(grouped(binary.right)))"
        case .unary(let unary): return "(\(unary.op)\(grouped(unary.operand)))"
        case .star(let star): return "(*\(grouped(star.operand)))"
        default: return expression.canonicalText
        }
    }

    @Test("binary operator precedence", arguments: [
        ("a + b * c", "(a + (b * c))"),
        ("a * b + c", "((a * b) + c)"),
        ("a - b - c", "((a - b) - c)"),
        ("a || b && c", "(a || (b && c))"),
        ("a == b || c != d && e < f", "((a == b) || ((c != d) && (e < f)))"),
        ("x << 1 | y &^ z", "((x << 1) | (y &^ z))"),
        ("a % b / c ^ d", "(((a % b) / c) ^ d)"),
        ("-x * -y", "((-x) * (-y))"),
        ("*p + *q", "((*p) + (*q))"),
        ("!ok && <-ch", "((!ok) && (<-ch))"),
        ("a >= b == (c <= d)", "((a >= b) == (c <= d))"),
        ("^x & y", "((^x) & y)"),
    ])
    func precedence(source: String, expected: String) {
        #expect(grouped(parseExpression(source)) == expected)
    }

    @Test("primary expressions print canonically", arguments: [
        "p.pool.Get().(*bytes.Buffer)", "buf[:0]", "buf[1:]", "buf[lo:hi:max]", "s[i]", "&T{}", "make([]byte, 0, n)",
        "append(buf, data...)", "[]byte(s)", "(*T)(p)", "interface{}(x)", "new(sync.Pool)", "F[int](x)",
        "Map[string, int]{}", "x.(type)", "map[string][]int{}", "[...]int{1, 2, 3}",
        "struct{}{}", "chan int(nil)", "<-ch", "-1.5e3", "'x'", "`raw`", "f(g(h()))",
    ])
    func canonicalText(source: String) {
        #expect(parseExpression(source).canonicalText == source)
    }

    @Test("canonical text normalizes spacing and comments")
    func canonicalSpacing() {
        #expect(parseExpression("p . pool . Get ( ) . ( * bytes . Buffer )").canonicalText == "p.pool.Get().(*bytes.Buffer)")
        #expect(parseExpression("make( []byte,0 ,\n\tn /* size */ )").canonicalText == "make([]byte, 0, n)")
        #expect(parseExpression("a+b*c").canonicalText == "a + b * c")
        #expect(parseExpression("T{A:1,B:2}").canonicalText == "T{A: 1, B: 2}")
    }

    @Test("canonical text abbreviates long parts")
    func canonicalAbbreviations() {
        #expect(parseExpression("func() { a(); b() }").canonicalText == "func() {…}")
        #expect(parseExpression("[]int{1, 2, 3, 4, 5}").canonicalText == "[]int{…}")
        #expect(parseExpression("T{Name: \"a rather long name\", Value: 12345678}").canonicalText == "T{…}")
        #expect(parseExpression("struct{ a int }{}").canonicalText == "struct{…}{}")
        #expect(parseExpression("\"0123456789012345678901234567890123456789xyz\"").canonicalText == "\"0123456789012345678…\"")
        #expect(parseExpression("`line one\nline two`").canonicalText == "`line one…`")
        #expect(parseExpression("func(a, b int, c ...string) (n int, err error) {}").canonicalText
            == "func(a, b int, c ...string) (n int, err error) {…}")
    }

    @Test("composite literal after a type name in headers", arguments: [
        ("if x == y {\n}", 0),
        ("if x == (T{}) {\n}", 1),
        ("for _, v := range []T{{1}, {2}} {\n}", 3),
        ("switch T{}.Kind {\n}", 0),
        ("if v, ok := m[Key{1}]; ok {\n}", 1),
        ("for i := range (T{}).Items {\n}", 1),
        ("if f(T{}) {\n}", 1),
    ])
    func compositeLiteralAmbiguity(body: String, literals: Int) {
        let file = GoParser.parse("package p\nfunc f() {\n\(body)\n}\n")
        var count = 0
        file.forEachExpr { expression in
            if case .compositeLit = expression { count += 1 }
            return .visitChildren
        }
        #expect(count == literals)
        if body.hasPrefix("switch") {
            // `switch T{}.Kind {` reads `T` as the tag and `{` as the body, which Go rejects.
            #expect(!file.syntaxErrors.isEmpty)
        } else {
            #expect(file.syntaxErrors.isEmpty, "\(file.syntaxErrors)")
        }
    }

    @Test("composite literal structure")
    func compositeLiterals() throws {
        guard case .compositeLit(let literal) = parseExpression("map[string][]T{\"a\": {{X: 1}}, \"b\": nil}") else {
            Issue.record("not a composite literal")
            return
        }
        #expect(literal.type?.canonicalText == "map[string][]T")
        #expect(literal.elements.count == 2)
        guard case .keyValue(let first) = literal.elements[0], case .compositeLit(let inner) = first.value else {
            Issue.record("first element is not a key with a literal value")
            return
        }
        #expect(inner.type == nil)
        #expect(inner.elements.map(\.canonicalText) == ["{X: 1}"])
    }

    @Test("function literal body is parsed")
    func functionLiteral() {
        guard case .funcLit(let literal) = parseExpression("func(b *bytes.Buffer) { b.Reset(); pool.Put(b) }") else {
            Issue.record("not a function literal")
            return
        }
        #expect(literal.type.params.map { $0.names.map(\.name) } == [["b"]])
        #expect(literal.body.statements.count == 2)
    }

    @Test("generic instantiation is an index expression")
    func genericInstantiation() {
        guard case .call(let call) = parseExpression("Sum[int, float64](xs)"), case .index(let index) = call.function else {
            Issue.record("not a call of an instantiated function")
            return
        }
        #expect(index.base.canonicalText == "Sum")
        #expect(index.indices.map(\.canonicalText) == ["int", "float64"])
        #expect(call.arguments.map(\.canonicalText) == ["xs"])
    }

    @Test("slice and index expressions")
    func slices() {
        guard case .slice(let full) = parseExpression("buf[a:b:c]"), case .slice(let open) = parseExpression("buf[:]") else {
            Issue.record("not slice expressions")
            return
        }
        #expect([full.low, full.high, full.max].map { $0?.canonicalText } == ["a", "b", "c"])
        #expect(open.low == nil)
        #expect(open.high == nil)
        #expect(open.max == nil)
    }

    @Test("type assertion and conversion")
    func assertionsAndConversions() {
        guard case .typeAssert(let assertion) = parseExpression("v.(interface{ Reset() })") else {
            Issue.record("not a type assertion")
            return
        }
        #expect(assertion.type?.canonicalText == "interface{…}")
        guard case .call(let conversion) = parseExpression("(<-chan int)(ch)") else {
            Issue.record("not a conversion")
            return
        }
        #expect(conversion.function.canonicalText == "(<-chan int)")
    }

    @Test("channel directions", arguments: [
        ("chan int", "both"), ("chan<- int", "send"), ("<-chan int", "receive"),
        ("chan<- chan int", "send both"), ("<-chan <-chan int", "receive receive"), ("chan (<-chan int)", "both"),
        ("chan<- <-chan int", "send receive"),
    ])
    func channelDirections(type: String, directions: String) {
        let decl = parseDecl("var c \(type)")
        guard case .gen(let gen) = decl, case .value(let spec)? = gen.specs.first, var current = spec.type else {
            Issue.record("no variable type")
            return
        }
        var found: [String] = []
        while case .chanType(let channel) = current {
            found.append("\(channel.direction)")
            current = channel.value
        }
        #expect(found.joined(separator: " ") == directions)
        #expect(spec.type?.canonicalText == type)
    }

    @Test("expression spans")
    func spans() {
        let expression = parseExpression("pool.Get().(*T)")
        let start = "package p\nvar _ = ".utf8.count
        #expect(expression.span.start == start)
        #expect(expression.span.end == start + 15)
        guard case .typeAssert(let assertion) = expression, case .call(let call) = assertion.base else {
            Issue.record("unexpected structure")
            return
        }
        #expect(call.span.end == start + 10)
        #expect(assertion.type?.span.start == start + 12)
    }
}
