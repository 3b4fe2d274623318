import Testing
@testable import GoSyntax

@Suite("Lexer")
struct LexerTests {
    @Test("integer literals in every base", arguments: [
        "42", "0", "0600", "0_600", "0o600", "0O600", "0xBadFace", "0XBAD_FACE", "0b1011", "0B_1_0",
        "1_000_000", "170141183460469231731687303715884105727",
    ])
    func integerLiterals(text: String) {
        let result = GoLexer.tokenize(Array(text.utf8))
        #expect(result.tokens.first?.kind == .int)
        #expect(result.tokens.first?.end == text.utf8.count)
        #expect(result.errors.isEmpty, "\(result.errors)")
    }

    @Test("floating-point literals", arguments: [
        "0.", "72.40", "072.40", "2.71828", "1.e+0", "6.67428e-11", "1E6", ".25", ".12345E+5", "1_5.", "0.15e+0_2",
        "0x1p-2", "0x2.p10", "0x1.Fp+0", "0X.8p-0", "0X_1FFFP-16", "09.5",
    ])
    func floatLiterals(text: String) {
        let result = GoLexer.tokenize(Array(text.utf8))
        #expect(result.tokens.first?.kind == .float)
        #expect(result.tokens.first?.end == text.utf8.count)
        #expect(result.errors.isEmpty, "\(result.errors)")
    }

    @Test("imaginary literals", arguments: [
        "0i", "0123i", "0o123i", "0xabci", "0.i", "2.71828i", "1.e+0i", "6.67428e-11i", "1E6i", ".25i",
        ".12345E+5i", "0x1p-2i", "09i",
    ])
    func imaginaryLiterals(text: String) {
        let result = GoLexer.tokenize(Array(text.utf8))
        #expect(result.tokens.first?.kind == .imaginary)
        #expect(result.tokens.first?.end == text.utf8.count)
        #expect(result.errors.isEmpty, "\(result.errors)")
    }

    @Test("malformed numbers are one token with an error", arguments: [
        "0x", "1e", "0x1.5", "1p2", "0b102", "08", "0o8", "1__0", "1_", "0_x1", "0b1.0",
    ])
    func malformedNumbers(text: String) {
        let result = GoLexer.tokenize(Array(text.utf8))
        #expect(result.errors.count >= 1, "no error for \(text)")
        let numberKinds: [TokenKind] = [.int, .float, .imaginary]
        #expect(numberKinds.contains(result.tokens.first?.kind ?? .eof))
    }

    @Test("rune literals with escapes", arguments: [
        "'a'", "'ä'", "'本'", "'\\t'", "'\\000'", "'\\007'", "'\\377'", "'\\x07'", "'\\xff'", "'\\u12e4'",
        "'\\U00101234'", "'\\''", "'\\\\'",
    ])
    func runeLiterals(text: String) {
        let result = GoLexer.tokenize(Array(text.utf8))
        #expect(result.tokens.first?.kind == .rune)
        #expect(result.tokens.first?.end == text.utf8.count)
        #expect(result.errors.isEmpty, "\(result.errors)")
    }

    @Test("invalid runes are reported", arguments: [
        "'aa'", "''", "'\\8'", "'\\400'", "'\\uD800'", "'\\U00110000'", "'\\xa'", "'\\q'",
    ])
    func invalidRunes(text: String) {
        let result = GoLexer.tokenize(Array(text.utf8))
        #expect(result.tokens.first?.kind == .rune)
        #expect(!result.errors.isEmpty, "no error for \(text)")
    }

    @Test("interpreted strings with escapes", arguments: [
        "\"\"", "\"Hello, world!\\n\"", "\"日本語\"", "\"\\u65e5本\\U00008a9e\"", "\"\\xff\\u00FF\"",
        "\"\\\"quoted\\\"\"", "\"a\\\\b\"", "\"\\a\\b\\f\\n\\r\\t\\v\"",
    ])
    func interpretedStrings(text: String) {
        let result = GoLexer.tokenize(Array(text.utf8))
        #expect(result.tokens.first?.kind == .string)
        #expect(result.tokens.first?.end == text.utf8.count)
        #expect(result.errors.isEmpty, "\(result.errors)")
    }

    @Test("raw string spans lines and keeps positions")
    func rawStringOverLines() throws {
        let source = "x := `first\nsecond \\n \"q\"\nthird`\ny"
        let tokens = GoLexer.tokenize(Array(source.utf8)).tokens
        let raw = try #require(tokens.first { $0.kind == .string })
        #expect(raw.line == 1)
        #expect(raw.column == 6)
        #expect(raw.endLine == 3)
        #expect(raw.end == source.utf8.count - 2)
        let last = try #require(tokens.first { $0.kind == .identifier && $0.start > raw.start })
        #expect(last.line == 4)
        #expect(last.column == 1)
    }

    @Test("comments are tokens with their text span")
    func comments() {
        let source = "a // line\n/* block\nspans */ b /* same line */ c"
        let tokens = GoLexer.tokenize(Array(source.utf8)).tokens
        let comments = tokens.filter { $0.kind == .comment }
        #expect(comments.count == 3)
        #expect(comments.map(\.start) == [2, 10, 30])
        #expect(comments.map(\.end) == [9, 27, 45])
        #expect(comments.map(\.endLine) == [1, 3, 3])
    }

    @Test("every operator and punctuation token")
    func operators() {
        let spellings = TokenKind.spellings.filter { !$0.key.isKeyword }
        for (kind, spelling) in spellings {
            let kinds = tokenKinds(spelling)
            #expect(kinds.first == kind, "\(spelling) scanned as \(kinds)")
            #expect(kinds.count == 1 || kinds == [kind, .semicolon], "\(spelling) scanned as \(kinds)")
        }
    }

    @Test("longest operator wins")
    func maximalMunch() {
        #expect(tokenKinds("a&^=b") == [.identifier, .andNotAssign, .identifier, .semicolon])
        #expect(tokenKinds("a&&^b") == [.identifier, .logicalAnd, .xor, .identifier, .semicolon])
        #expect(tokenKinds("x<<=y") == [.identifier, .shiftLeftAssign, .identifier, .semicolon])
        #expect(tokenKinds("<-ch") == [.arrow, .identifier, .semicolon])
        #expect(tokenKinds("f(a...)") == [.identifier, .leftParen, .identifier, .ellipsis, .rightParen, .semicolon])
        #expect(tokenKinds("a..b") == [.identifier, .period, .period, .identifier, .semicolon])
        #expect(tokenKinds("x.5") == [.identifier, .float, .semicolon])
    }

    @Test("keywords and Unicode identifiers")
    func keywordsAndIdentifiers() {
        for (kind, spelling) in TokenKind.spellings where kind.isKeyword {
            #expect(tokenKinds(spelling).first == kind, "\(spelling)")
        }
        #expect(tokenKinds("funcs typed _x x9 αβ Über 日本 x٣") == Array(repeating: .identifier, count: 8) + [.semicolon])
    }

    @Test("semicolon after line-ending tokens", arguments: [
        "x", "42", "4.2", "4i", "'x'", "\"s\"", "`raw`", "break", "continue", "fallthrough", "return",
        "x++", "x--", "f()", "a[1]", "T{}",
    ])
    func semicolonInserted(line: String) {
        let kinds = tokenKinds(line + "\nnext")
        let newline = kinds.firstIndex(of: .semicolon)
        #expect(newline != nil, "no semicolon after \(line)")
        #expect(kinds.last == .semicolon, "no semicolon at the end of the file")
    }

    @Test("no semicolon after other tokens", arguments: [
        "x +", "x ,", "f(", "a[", "T{", "x =", "x :=", "x.", "x &&", "if", "func", "var", "type", "go", "defer",
        "chan", "map", "struct", "interface", "<-", "!", "case", "default", "else", "for", "import", "package",
    ])
    func semicolonNotInserted(line: String) {
        let kinds = tokenKinds(line + "\n")
        #expect(!kinds.contains(.semicolon), "\(line) got \(kinds)")
    }

    @Test("comments at line end count as newlines")
    func semicolonAtComments() {
        #expect(tokenKinds("x // c\ny") == [.identifier, .semicolon, .comment, .identifier, .semicolon])
        #expect(tokenKinds("x /* a\nb */ y") == [.identifier, .semicolon, .comment, .identifier, .semicolon])
        #expect(tokenKinds("x /* c */\ny") == [.identifier, .comment, .semicolon, .identifier, .semicolon])
        #expect(tokenKinds("x /* c */ + y") == [.identifier, .comment, .add, .identifier, .semicolon])
    }

    @Test("inserted semicolons are empty")
    func automaticSemicolonPositions() throws {
        let tokens = GoLexer.tokenize(Array("a\nb".utf8)).tokens
        #expect(tokens.map(\.kind) == [.identifier, .semicolon, .identifier, .semicolon, .eof])
        #expect(tokens[1].start == 1)
        #expect(tokens[1].isAutomaticSemicolon)
        #expect(tokens[3].start == 3)
        let explicit = GoLexer.tokenize(Array("a;".utf8)).tokens[1]
        #expect(!explicit.isAutomaticSemicolon)
    }

    @Test("token positions count bytes")
    func positions() {
        let source = "package p\n\nfunc ünï() {\n\treturn\n}\n"
        let tokens = GoLexer.tokenize(Array(source.utf8)).tokens.filter { !$0.isAutomaticSemicolon }
        let expected: [(TokenKind, Int, Int, Int)] = [
            (.package, 0, 1, 1), (.identifier, 8, 1, 9), (.func, 11, 3, 1), (.identifier, 16, 3, 6),
            (.leftParen, 21, 3, 11), (.rightParen, 22, 3, 12), (.leftBrace, 24, 3, 14), (.return, 27, 4, 2),
            (.rightBrace, 34, 5, 1), (.eof, 36, 6, 1),
        ]
        #expect(tokens.count == expected.count)
        for (token, (kind, offset, line, column)) in zip(tokens, expected) {
            #expect(token.kind == kind)
            #expect(token.start == offset, "\(kind)")
            #expect(token.line == line, "\(kind)")
            #expect(token.column == column, "\(kind)")
        }
    }

    @Test("unterminated literals end with an error", arguments: [
        ("\"abc\nx", TokenKind.string, 4), ("'a\nx", .rune, 2), ("`abc\nx", .string, 6), ("/* abc\nx", .comment, 8),
        ("\"abc", .string, 4), ("'", .rune, 1),
    ])
    func unterminated(source: String, kind: TokenKind, end: Int) {
        let result = GoLexer.tokenize(Array(source.utf8))
        #expect(result.tokens.first?.kind == kind)
        #expect(result.tokens.first?.end == end)
        #expect(result.errors.count == 1, "\(result.errors)")
        #expect(result.tokens.last?.kind == .eof)
    }

    @Test("illegal bytes become tokens with errors")
    func illegalBytes() {
        let source: [UInt8] = Array("a @ b ".utf8) + [0x00, 0x20, 0xFF, 0x20, 0xC3] + Array(" # $ ?".utf8)
        let result = GoLexer.tokenize(source)
        let kinds = result.tokens.map(\.kind)
        #expect(kinds.filter { $0 == .illegal }.count == 7)
        #expect(kinds.filter { $0 == .identifier }.count == 2)
        #expect(result.errors.count == 7)
        #expect(result.errors.contains { $0.message == "invalid NUL character" })
        #expect(result.errors.contains { $0.message == "invalid UTF-8 encoding" })
    }

    @Test("byte order mark is skipped only at the start")
    func byteOrderMark() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let atStart = GoLexer.tokenize(bom + Array("x".utf8))
        #expect(atStart.tokens.map(\.kind) == [.identifier, .semicolon, .eof])
        #expect(atStart.errors.isEmpty)
        let inside = GoLexer.tokenize(Array("x ".utf8) + bom)
        #expect(inside.tokens.map(\.kind).contains(.illegal))
        #expect(inside.errors.count == 1)
    }

    @Test("carriage returns are whitespace")
    func carriageReturns() {
        let result = GoLexer.tokenize(Array("x := 1\r\n// note\r\ny\r\n".utf8))
        #expect(result.tokens.map(\.kind) == [.identifier, .define, .int, .semicolon, .comment, .identifier, .semicolon, .eof])
        let comment = result.tokens[4]
        #expect(comment.end - comment.start == "// note".utf8.count)
        #expect(result.tokens[5].line == 3)
    }
}
