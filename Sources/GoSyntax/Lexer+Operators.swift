// Operators, punctuation and keywords.
extension Lexer {
    /// Scans the longest operator or punctuation token that starts with `c`, or an illegal
    /// character.
    mutating func scanOperator(startingWith c: UInt8) -> Token {
        let start = offset
        let next = byte(offset + 1)
        let (kind, length) = operatorKind(c, next, byte(offset + 2))
        offset += length
        switch kind {
        case .rightParen, .rightBracket, .rightBrace, .increment, .decrement:
            return finish(kind, from: start, semicolon: true)
        case .illegal:
            if c == 0 {
                report("invalid NUL character", at: start, length: 1)
            } else {
                report("invalid character U+\(codePointHex(UInt32(c)))", at: start, length: 1)
            }
            return finish(kind, from: start, semicolon: insertSemicolon)
        default:
            return finish(kind, from: start, semicolon: false)
        }
    }

    /// Returns the operator that starts with the bytes `c`, `next` and `third`, and its length.
    private func operatorKind(_ c: UInt8, _ next: UInt8, _ third: UInt8) -> (TokenKind, Int) {
        let equals = next == UInt8(ascii: "=")
        switch c {
        case UInt8(ascii: "("): return (.leftParen, 1)
        case UInt8(ascii: ")"): return (.rightParen, 1)
        case UInt8(ascii: "["): return (.leftBracket, 1)
        case UInt8(ascii: "]"): return (.rightBracket, 1)
        case UInt8(ascii: "{"): return (.leftBrace, 1)
        case UInt8(ascii: "}"): return (.rightBrace, 1)
        case UInt8(ascii: ","): return (.comma, 1)
        case UInt8(ascii: ";"): return (.semicolon, 1)
        case UInt8(ascii: "~"): return (.tilde, 1)
        case UInt8(ascii: "."):
            return next == UInt8(ascii: ".") && third == UInt8(ascii: ".") ? (.ellipsis, 3) : (.period, 1)
        case UInt8(ascii: ":"): return equals ? (.define, 2) : (.colon, 1)
        case UInt8(ascii: "="): return equals ? (.equal, 2) : (.assign, 1)
        case UInt8(ascii: "!"): return equals ? (.notEqual, 2) : (.not, 1)
        case UInt8(ascii: "*"): return equals ? (.multiplyAssign, 2) : (.multiply, 1)
        case UInt8(ascii: "/"): return equals ? (.divideAssign, 2) : (.divide, 1)
        case UInt8(ascii: "%"): return equals ? (.remainderAssign, 2) : (.remainder, 1)
        case UInt8(ascii: "^"): return equals ? (.xorAssign, 2) : (.xor, 1)
        case UInt8(ascii: "+"):
            if next == UInt8(ascii: "+") { return (.increment, 2) }
            return equals ? (.addAssign, 2) : (.add, 1)
        case UInt8(ascii: "-"):
            if next == UInt8(ascii: "-") { return (.decrement, 2) }
            return equals ? (.subtractAssign, 2) : (.subtract, 1)
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { return (.logicalOr, 2) }
            return equals ? (.orAssign, 2) : (.or, 1)
        case UInt8(ascii: "&"):
            if next == UInt8(ascii: "&") { return (.logicalAnd, 2) }
            if next == UInt8(ascii: "^") {
                return third == UInt8(ascii: "=") ? (.andNotAssign, 3) : (.andNot, 2)
            }
            return equals ? (.andAssign, 2) : (.and, 1)
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "-") { return (.arrow, 2) }
            if next == UInt8(ascii: "<") {
                return third == UInt8(ascii: "=") ? (.shiftLeftAssign, 3) : (.shiftLeft, 2)
            }
            return equals ? (.lessOrEqual, 2) : (.less, 1)
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: ">") {
                return third == UInt8(ascii: "=") ? (.shiftRightAssign, 3) : (.shiftRight, 2)
            }
            return equals ? (.greaterOrEqual, 2) : (.greater, 1)
        default:
            return (.illegal, 1)
        }
    }

    /// Returns the keyword spelled by the ASCII bytes `start..<start+length`, or nil.
    func keywordKind(start: Int, length: Int) -> TokenKind? {
        guard length >= 2 && length <= 11 else { return nil }
        func spells(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == length else { return false }
            let letters = word.utf8Start
            for index in 1..<length where letters[index] != base[start + index] {
                return false
            }
            return true
        }
        switch base[start] {
        case UInt8(ascii: "b"): return spells("break") ? .break : nil
        case UInt8(ascii: "c"):
            if spells("case") { return .case }
            if spells("chan") { return .chan }
            if spells("const") { return .const }
            return spells("continue") ? .continue : nil
        case UInt8(ascii: "d"):
            if spells("default") { return .default }
            return spells("defer") ? .defer : nil
        case UInt8(ascii: "e"): return spells("else") ? .else : nil
        case UInt8(ascii: "f"):
            if spells("for") { return .for }
            if spells("func") { return .func }
            return spells("fallthrough") ? .fallthrough : nil
        case UInt8(ascii: "g"):
            if spells("go") { return .go }
            return spells("goto") ? .goto : nil
        case UInt8(ascii: "i"):
            if spells("if") { return .if }
            if spells("import") { return .import }
            return spells("interface") ? .interface : nil
        case UInt8(ascii: "m"): return spells("map") ? .map : nil
        case UInt8(ascii: "p"): return spells("package") ? .package : nil
        case UInt8(ascii: "r"):
            if spells("range") { return .range }
            return spells("return") ? .return : nil
        case UInt8(ascii: "s"):
            if spells("select") { return .select }
            if spells("struct") { return .struct }
            return spells("switch") ? .switch : nil
        case UInt8(ascii: "t"): return spells("type") ? .type : nil
        case UInt8(ascii: "v"): return spells("var") ? .var : nil
        default: return nil
        }
    }
}
