import Testing
@testable import GoSyntax

@Suite("Parser: broken input")
struct ToleranceTests {
    private let goodFunction = """

        func good(p *sync.Pool) *bytes.Buffer {
        \tb := p.Get().(*bytes.Buffer)
        \tb.Reset()
        \treturn b
        }

        """

    /// Checks that `good` parsed with its three statements.
    private func expectGoodFunction(in file: SourceFile, sourceLocation: SourceLocation = #_sourceLocation) {
        let good = functionDecls(in: file)["good"]
        #expect(good != nil, "the function after the broken code is missing", sourceLocation: sourceLocation)
        #expect(good?.body?.statements.count == 3, sourceLocation: sourceLocation)
        #expect(good?.type.results.map { $0.type.canonicalText } == ["*bytes.Buffer"], sourceLocation: sourceLocation)
    }

    @Test("broken function before a good one", arguments: [
        "func broken() {\n\tx := foo(\n}\n",
        "func broken() {\n\tif x {\n\t\tfoo()\n",
        "func broken() {\n\tb := pool.Get().(\n",
        "func broken(a int, {\n\treturn\n}\n",
        "func broken() {\n\tx := []int{1, 2,\n",
        "func broken() {\n\tfor i := 0; i < ; i++ {\n\t}\n}\n",
        "func broken() {\n\tswitch x {\n\tcase 1\n\t\ty()\n\t}\n}\n",
        "func broken() {\n\tgo func() {\n\t\tdefer wg.Done(\n\t}()\n}\n",
        "func (p *Pool) Put(b *Buffer {\n\tp.pool.Put(b)\n}\n",
        "func broken() {\n\tx := 1 +\n}\n",
        "type T struct {\n\ta int\n\tb\n",
        "var x = T{\n\ta: 1,\n",
        "}\n)\n",
        "func broken() {\n\tvar x = map[string\n}\n",
    ])
    func brokenThenGood(broken: String) {
        let file = GoParser.parse("package p\n\n" + broken + goodFunction)
        #expect(!file.syntaxErrors.isEmpty)
        expectGoodFunction(in: file)
    }

    @Test("good method after a function that lacks its closing brace")
    func methodAfterUnclosedFunction() {
        let file = GoParser.parse("""
            package p

            func (p *Pool) Get() *Buffer {
            \tb := p.pool.Get().(*Buffer)
            \tif b == nil {
            \t\treturn new(Buffer)

            func (p *Pool) Put(b *Buffer) {
            \tp.pool.Put(b)
            }
            """)
        let decls = functionDecls(in: file)
        #expect(decls["Get"]?.body?.statements.count == 2)
        #expect(decls["Put"]?.receiverTypeName == "Pool")
        #expect(decls["Put"]?.body?.statements.count == 1)
        #expect(file.syntaxErrors.count >= 1)
    }

    @Test("statements after a broken one still parse")
    func resumesAfterBrokenStatement() {
        let file = GoParser.parse("""
            package p

            func f() {
            \tx := foo(a b)
            \ty := 1 + ] 2
            \tpool.Put(buf)
            \tdefer mu.Unlock()
            }
            """)
        let body = functionDecls(in: file)["f"]?.body?.statements ?? []
        #expect(body.count == 4)
        #expect(file.syntaxErrors.count == 2)
        if case .defer(let deferred)? = body.last {
            #expect(deferred.call.canonicalText == "mu.Unlock()")
        } else {
            Issue.record("the last statement is not the defer")
        }
    }

    @Test("unformatted code with declarations in column 1")
    func unformattedBodies() {
        let file = parseClean("""
            package p
            func f() {
            var b bytes.Buffer
            const n = 1
            type local struct{}
            defer func() {
            }()
            }
            """)
        #expect(functionDecls(in: file)["f"]?.body?.statements.count == 4)
    }

    @Test("unterminated literals and comments", arguments: [
        "package p\nfunc f() {\n\ts := \"abc\n\tg()\n}\n",
        "package p\nfunc f() {\n\tr := 'a\n}\n",
        "package p\nfunc f() {\n\ts := `abc\n}\n",
        "package p\nfunc f() {\n\t/* abc\n}\n",
        "package p\nvar s = \"",
        "package p\nvar r = '",
        "package p\n/*",
    ])
    func unterminated(source: String) {
        let file = GoParser.parse(source)
        #expect(!file.syntaxErrors.isEmpty)
        #expect(file.packageName?.name == "p")
    }

    @Test("NUL bytes and invalid UTF-8")
    func invalidBytes() {
        var source = Array("package p\n\nfunc f() {\n\tx := 1\n".utf8)
        source += [0x00, 0xFF, 0xFE, 0xC0, 0x80, 0x0A]
        source += Array("\ts := \"\u{0}".utf8) + [0xED, 0xA0, 0x80] + Array("\"\n}\n".utf8)
        source += Array(goodFunction.utf8)
        let file = GoParser.parse(source)
        #expect(!file.syntaxErrors.isEmpty)
        #expect(file.syntaxErrors.allSatisfy { $0.span.start >= 0 })
        #expect(file.syntaxErrors.allSatisfy { $0.span.end <= source.count })
        expectGoodFunction(in: file)
    }

    @Test("CRLF line endings parse like LF")
    func crlf() {
        let unix = "package p\n\n// Get returns a buffer.\nfunc Get() *Buffer {\n\treturn pool.Get().(*Buffer)\n}\n"
        let windows = unix.replacingOccurrences(of: "\n", with: "\r\n")
        let unixFile = parseClean(unix)
        let windowsFile = parseClean(windows)
        #expect(windowsFile.lineCount == unixFile.lineCount)
        #expect(windowsFile.decls.map(\.span.lines) == unixFile.decls.map(\.span.lines))
        #expect(windowsFile.comments.map(\.text) == ["// Get returns a buffer."])
        #expect(SourceText(Array(windows.utf8)).line(5) == "\treturn pool.Get().(*Buffer)")
    }

    @Test("byte order mark")
    func byteOrderMark() {
        let file = GoParser.parse([0xEF, 0xBB, 0xBF] + Array("package p\nfunc f() {}\n".utf8))
        #expect(file.syntaxErrors.isEmpty)
        #expect(file.packageName?.name == "p")
        #expect(file.decls.count == 1)
    }

    @Test("empty and tiny files")
    func tinyFiles() {
        let inputs = ["", "\n", "package", "package p", "func", "}", "{", "(", "package p; func (", "package p\nfunc f("]
        for input in inputs {
            let file = GoParser.parse(input)
            #expect(file.lineCount == input.split(separator: "\n", omittingEmptySubsequences: false).count
                - (input.hasSuffix("\n") || input.isEmpty ? 1 : 0), "\(input)")
        }
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
