/// A streaming Go lexer over a byte buffer.
///
/// It follows the lexical grammar of the Go specification, including automatic semicolon
/// insertion. After an identifier, a literal, one of the keywords `break`, `continue`,
/// `fallthrough` and `return`, or one of `++ -- ) ] }`, the next newline becomes a
/// semicolon. So do the end of the file, a line comment, and a block comment that contains
/// a newline. Comments come back as `.comment` tokens. Problems such as an unterminated
/// string are appended to `errors` and scanning goes on, so every call makes progress and
/// the last token is always `.eof`.
///
/// The buffer must stay valid for the lexer's lifetime; `GoLexer.tokenize(_:)` and
/// `GoParser.parse(_:)` are the safe entry points.
struct Lexer {
    let base: UnsafePointer<UInt8>
    let count: Int
    var offset = 0
    /// The current line, 1-based.
    var line = 1
    /// The offset of the first byte of the current line.
    var lineStart = 0
    var insertSemicolon = false
    var errors: [SyntaxError] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no base address; a dangling pointer is never read.
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = buffer.count
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF {
            offset = 3
        }
    }

    /// The number of lines scanned so far. Once the lexer has reached the end, it is the
    /// number of lines in the file: a last line without a newline counts, and an empty file
    /// has none.
    var lineCount: Int {
        if count == 0 { return 0 }
        return base[count - 1] == UInt8(ascii: "\n") ? line - 1 : line
    }

    /// Returns the byte at `index`, or 0 past the end. Callers that must tell a NUL byte from
    /// the end compare with `count` first.
    @inline(__always)
    func byte(_ index: Int) -> UInt8 {
        index < count ? base[index] : 0
    }

    /// Scans and returns the next token.
    mutating func next() -> Token {
        while offset < count {
            let c = base[offset]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                let token = makeToken(.semicolon, from: offset, to: offset)
                newLine(after: offset)
                offset += 1
                if insertSemicolon {
                    insertSemicolon = false
                    return token
                }
            default:
                return scanToken(startingWith: c)
            }
        }
        if insertSemicolon {
            insertSemicolon = false
            return makeToken(.semicolon, from: count, to: count)
        }
        return makeToken(.eof, from: count, to: count)
    }

    // MARK: - Tokens

    private mutating func scanToken(startingWith c: UInt8) -> Token {
        let start = offset
        if isASCIILetter(c) || c == UInt8(ascii: "_") {
            return scanIdentifier(from: start)
        }
        if isDecimalDigit(c) || (c == UInt8(ascii: ".") && isDecimalDigit(byte(start + 1))) {
            let kind = scanNumber()
            return finish(kind, from: start, semicolon: true)
        }
        switch c {
        case UInt8(ascii: "\""):
            scanInterpretedString()
            return finish(.string, from: start, semicolon: true)
        case UInt8(ascii: "`"):
            let startLine = line
            let startColumn = start - lineStart + 1
            scanRawString()
            insertSemicolon = true
            return Token(kind: .string, start: start, end: offset, line: startLine, column: startColumn, endLine: line)
        case UInt8(ascii: "'"):
            scanRune()
            return finish(.rune, from: start, semicolon: true)
        case UInt8(ascii: "/") where byte(start + 1) == UInt8(ascii: "/") || byte(start + 1) == UInt8(ascii: "*"):
            return scanComment(from: start)
        case 0x80...:
            return scanNonASCII(from: start)
        default:
            return scanOperator(startingWith: c)
        }
    }

    private mutating func scanIdentifier(from start: Int) -> Token {
        var allASCII = true
        while offset < count {
            let c = base[offset]
            if isASCIILetter(c) || isDecimalDigit(c) || c == UInt8(ascii: "_") {
                offset += 1
            } else if c >= 0x80, let length = letterOrDigitLength(at: offset) {
                allASCII = false
                offset += length
            } else {
                break
            }
        }
        var kind = TokenKind.identifier
        if allASCII, let keyword = keywordKind(start: start, length: offset - start) {
            kind = keyword
        }
        switch kind {
        case .identifier, .break, .continue, .fallthrough, .return:
            return finish(kind, from: start, semicolon: true)
        default:
            return finish(kind, from: start, semicolon: false)
        }
    }

    /// Scans a token that starts with a byte of 0x80 or above: an identifier that starts with
    /// a Unicode letter, or an illegal character.
    private mutating func scanNonASCII(from start: Int) -> Token {
        let decoded = decodeScalar(at: start)
        if decoded.isValid, let scalar = Unicode.Scalar(decoded.value), isLetter(scalar) {
            return scanIdentifier(from: start)
        }
        offset += decoded.length
        if !decoded.isValid {
            report("invalid UTF-8 encoding", at: start, length: decoded.length)
        } else if decoded.value == 0xFEFF {
            report("invalid byte order mark in the middle of the file", at: start, length: decoded.length)
        } else {
            report("invalid character U+\(codePointHex(decoded.value))", at: start, length: decoded.length)
        }
        return finish(.illegal, from: start, semicolon: insertSemicolon)
    }

    private mutating func scanComment(from start: Int) -> Token {
        let isBlock = byte(start + 1) == UInt8(ascii: "*")
        if insertSemicolon && (!isBlock || blockCommentContainsNewline(from: start)) {
            // The comment stands for the newline that ends the line. The next call scans it.
            insertSemicolon = false
            return makeToken(.semicolon, from: start, to: start)
        }
        let startLine = line
        let startColumn = start - lineStart + 1
        var end: Int
        if isBlock {
            scanBlockComment(from: start)
            end = offset
        } else {
            offset = start + 2
            while offset < count && base[offset] != UInt8(ascii: "\n") {
                if base[offset] == 0 { report("invalid NUL character", at: offset, length: 1) }
                offset += 1
            }
            end = offset
            if end > start + 2 && base[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        return Token(kind: .comment, start: start, end: end, line: startLine, column: startColumn, endLine: line)
    }

    private mutating func scanBlockComment(from start: Int) {
        offset = start + 2
        while offset < count {
            let c = base[offset]
            if c == UInt8(ascii: "*") && byte(offset + 1) == UInt8(ascii: "/") {
                offset += 2
                return
            }
            if c == UInt8(ascii: "\n") {
                newLine(after: offset)
            } else if c == 0 {
                report("invalid NUL character", at: offset, length: 1)
            }
            offset += 1
        }
        report("comment not terminated", at: start, length: 2)
    }

    private func blockCommentContainsNewline(from start: Int) -> Bool {
        var index = start + 2
        while index < count {
            let c = base[index]
            if c == UInt8(ascii: "\n") { return true }
            if c == UInt8(ascii: "*") && byte(index + 1) == UInt8(ascii: "/") { return false }
            index += 1
        }
        // An unterminated comment runs to the end of the file, which also ends the line.
        return true
    }

    // MARK: - Positions and errors

    /// Records that the byte at `newlineOffset` is a newline the lexer has consumed.
    @inline(__always)
    mutating func newLine(after newlineOffset: Int) {
        line += 1
        lineStart = newlineOffset + 1
    }

    @inline(__always)
    func makeToken(_ kind: TokenKind, from start: Int, to end: Int) -> Token {
        Token(kind: kind, start: start, end: end, line: line, column: start - lineStart + 1, endLine: line)
    }

    /// Builds the token that ends at the current offset and sets whether a newline after it
    /// becomes a semicolon.
    @inline(__always)
    mutating func finish(_ kind: TokenKind, from start: Int, semicolon: Bool) -> Token {
        insertSemicolon = semicolon
        return makeToken(kind, from: start, to: offset)
    }

    /// Records a lexical error at a position on the current line.
    mutating func report(_ message: String, at position: Int, length: Int) {
        let column = position >= lineStart ? position - lineStart + 1 : 1
        let span = Span(start: position, end: position + length, line: line, column: column, endLine: line)
        errors.append(SyntaxError(message: message, span: span))
    }
}

/// Formats a code point as at least four uppercase hexadecimal digits, as in `U+00E9`.
func codePointHex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
