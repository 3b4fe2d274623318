// Numbers, strings and runes. Each scanner starts at the literal's first byte, leaves
// `offset` after its last byte and reports malformed input without stopping.
extension Lexer {
    // MARK: - Numbers

    /// Scans an integer, floating-point or imaginary literal and returns its kind.
    mutating func scanNumber() -> TokenKind {
        let start = offset
        var kind = TokenKind.int
        var radix = 10
        // "x", "o" or "b" for a prefixed literal, or "0" for a legacy octal literal such as 0755.
        var prefix: UInt8 = 0
        var digits = NumberDigits()

        if base[offset] != UInt8(ascii: ".") {
            if base[offset] == UInt8(ascii: "0") {
                offset += 1
                let marker = byte(offset) | 0x20
                switch marker {
                case UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "b"):
                    radix = marker == UInt8(ascii: "x") ? 16 : marker == UInt8(ascii: "o") ? 8 : 2
                    prefix = marker
                    offset += 1
                default:
                    radix = 8
                    prefix = UInt8(ascii: "0")
                    digits.count = 1
                }
            }
            scanDigits(radix: radix, into: &digits)
        }
        if byte(offset) == UInt8(ascii: ".") {
            kind = .float
            if prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "b") {
                report("invalid radix point in \(literalName(prefix)) literal", at: offset, length: 1)
            }
            offset += 1
            scanDigits(radix: radix, into: &digits)
        }
        if digits.count == 0 {
            report("\(literalName(prefix)) literal has no digits", at: start, length: offset - start)
        }

        let exponent = byte(offset) | 0x20
        if exponent == UInt8(ascii: "e") || exponent == UInt8(ascii: "p") {
            scanExponent(exponent, prefix: prefix)
            kind = .float
        } else if prefix == UInt8(ascii: "x") && kind == .float {
            report("hexadecimal mantissa requires a 'p' exponent", at: start, length: offset - start)
        }
        if byte(offset) == UInt8(ascii: "i") {
            kind = .imaginary
            offset += 1
        }

        // A legacy octal literal may contain 8 and 9 when it turns out to be a float or an
        // imaginary number, as in 09.5 and 09i.
        if let invalid = digits.firstInvalid, kind == .int || prefix != UInt8(ascii: "0") {
            let digit = Character(Unicode.Scalar(base[invalid]))
            report("invalid digit '\(digit)' in \(literalName(prefix)) literal", at: invalid, length: 1)
        }
        if digits.hasUnderscore {
            checkUnderscores(from: start, radix: radix, prefixed: prefix != 0 && prefix != UInt8(ascii: "0"))
        }
        return kind
    }

    private mutating func scanExponent(_ exponent: UInt8, prefix: UInt8) {
        if exponent == UInt8(ascii: "e") && prefix != 0 && prefix != UInt8(ascii: "0") {
            report("'e' exponent requires decimal mantissa", at: offset, length: 1)
        } else if exponent == UInt8(ascii: "p") && prefix != UInt8(ascii: "x") {
            report("'p' exponent requires hexadecimal mantissa", at: offset, length: 1)
        }
        offset += 1
        if byte(offset) == UInt8(ascii: "+") || byte(offset) == UInt8(ascii: "-") {
            offset += 1
        }
        var exponentDigits = NumberDigits()
        scanDigits(radix: 10, into: &exponentDigits)
        if exponentDigits.count == 0 {
            report("exponent has no digits", at: offset, length: 0)
        }
    }

    /// Scans digits and underscores. Decimal digits beyond the radix are consumed and
    /// remembered so that `0b102` is one token with one error.
    private mutating func scanDigits(radix: Int, into digits: inout NumberDigits) {
        while offset < count {
            let c = base[offset]
            let value: Int
            if isDecimalDigit(c) {
                value = Int(c - UInt8(ascii: "0"))
            } else if radix == 16 && isHexLetter(c) {
                value = 10
            } else if c == UInt8(ascii: "_") {
                digits.hasUnderscore = true
                offset += 1
                continue
            } else {
                break
            }
            if value >= radix && digits.firstInvalid == nil {
                digits.firstInvalid = offset
            }
            digits.count += 1
            offset += 1
        }
    }

    /// Reports an underscore that does not sit between two digits (or right after a
    /// `0x`, `0o` or `0b` prefix), as the Go specification requires.
    private mutating func checkUnderscores(from start: Int, radix: Int, prefixed: Bool) {
        func isDigit(_ c: UInt8) -> Bool { isDecimalDigit(c) || (radix == 16 && isHexLetter(c)) }
        for index in start..<offset where base[index] == UInt8(ascii: "_") {
            let afterPrefix = prefixed && index == start + 2
            let previousIsDigit = index > start && isDigit(base[index - 1])
            let nextIsDigit = index + 1 < offset && isDigit(base[index + 1])
            if !(afterPrefix || previousIsDigit) || !nextIsDigit {
                report("'_' must separate successive digits", at: index, length: 1)
                return
            }
        }
    }

    private func literalName(_ prefix: UInt8) -> String {
        switch prefix {
        case UInt8(ascii: "x"): return "hexadecimal"
        case UInt8(ascii: "o"), UInt8(ascii: "0"): return "octal"
        case UInt8(ascii: "b"): return "binary"
        default: return "decimal"
        }
    }

    // MARK: - Strings and runes

    /// Scans `"…"`. A newline or the end of the file ends an unterminated string, and the
    /// newline is left for the next token.
    mutating func scanInterpretedString() {
        let start = offset
        offset += 1
        while offset < count {
            let c = base[offset]
            switch c {
            case UInt8(ascii: "\""):
                offset += 1
                return
            case UInt8(ascii: "\n"):
                report("string literal not terminated", at: start, length: offset - start)
                return
            case UInt8(ascii: "\\"):
                scanEscape(quote: UInt8(ascii: "\""))
            default:
                skipCharacter(c)
            }
        }
        report("string literal not terminated", at: start, length: offset - start)
    }

    /// Scans `` `…` ``, which may span lines and ends at the end of the file if unterminated.
    mutating func scanRawString() {
        let start = offset
        offset += 1
        while offset < count {
            let c = base[offset]
            if c == UInt8(ascii: "`") {
                offset += 1
                return
            }
            if c == UInt8(ascii: "\n") {
                newLine(after: offset)
                offset += 1
            } else {
                skipCharacter(c)
            }
        }
        report("raw string literal not terminated", at: start, length: 1)
    }

    /// Scans `'…'`, which must contain exactly one character or escape.
    mutating func scanRune() {
        let start = offset
        var characters = 0
        offset += 1
        while true {
            guard offset < count, base[offset] != UInt8(ascii: "\n") else {
                report("rune literal not terminated", at: start, length: offset - start)
                return
            }
            let c = base[offset]
            if c == UInt8(ascii: "'") {
                offset += 1
                break
            }
            if c == UInt8(ascii: "\\") {
                scanEscape(quote: UInt8(ascii: "'"))
            } else {
                skipCharacter(c)
            }
            characters += 1
        }
        if characters == 0 {
            report("empty rune literal or unescaped ' in rune literal", at: start, length: offset - start)
        } else if characters > 1 {
            report("more than one character in rune literal", at: start, length: offset - start)
        }
    }

    /// Steps over one character of a string, rune or comment, reporting a NUL byte or
    /// invalid UTF-8.
    @inline(__always)
    mutating func skipCharacter(_ c: UInt8) {
        if c < 0x80 {
            if c == 0 { report("invalid NUL character", at: offset, length: 1) }
            offset += 1
            return
        }
        let decoded = decodeScalar(at: offset)
        if !decoded.isValid { report("invalid UTF-8 encoding", at: offset, length: decoded.length) }
        offset += decoded.length
    }

    /// Scans an escape sequence that starts at the backslash under `offset`.
    private mutating func scanEscape(quote: UInt8) {
        let start = offset
        offset += 1
        guard offset < count, base[offset] != UInt8(ascii: "\n") else {
            report("escape sequence not terminated", at: start, length: offset - start)
            return
        }
        let c = base[offset]
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
             UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "\\"), quote:
            offset += 1
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            scanEscapeDigits(from: start, count: 3, radix: 8, maximum: 255)
        case UInt8(ascii: "x"):
            offset += 1
            scanEscapeDigits(from: start, count: 2, radix: 16, maximum: 255)
        case UInt8(ascii: "u"):
            offset += 1
            scanEscapeDigits(from: start, count: 4, radix: 16, maximum: 0x10FFFF)
        case UInt8(ascii: "U"):
            offset += 1
            scanEscapeDigits(from: start, count: 8, radix: 16, maximum: 0x10FFFF)
        default:
            report("unknown escape sequence", at: start, length: 2)
            skipCharacter(c)
        }
    }

    private mutating func scanEscapeDigits(from start: Int, count digitCount: Int, radix: UInt32, maximum: UInt32) {
        var value: UInt32 = 0
        for _ in 0..<digitCount {
            let c = byte(offset)
            let digit: UInt32
            if isDecimalDigit(c) {
                digit = UInt32(c - UInt8(ascii: "0"))
            } else if isHexLetter(c) {
                digit = UInt32((c | 0x20) - UInt8(ascii: "a")) + 10
            } else {
                digit = radix
            }
            guard offset < count, digit < radix else {
                report("invalid character in escape sequence", at: start, length: offset - start)
                return
            }
            value = value &* radix &+ digit
            offset += 1
        }
        if value > maximum || (value >= 0xD800 && value < 0xE000 && maximum > 255) {
            report("escape sequence is invalid Unicode code point", at: start, length: offset - start)
        }
    }
}

/// The digit count and anomalies that `scanDigits` found in a number.
struct NumberDigits {
    var count = 0
    var hasUnderscore = false
    /// The offset of the first digit that is not valid for the radix.
    var firstInvalid: Int?
}
