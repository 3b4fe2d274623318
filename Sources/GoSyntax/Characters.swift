// Character classes of the Go specification, over UTF-8 bytes.

@inline(__always)
func isASCIILetter(_ c: UInt8) -> Bool {
    (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
}

@inline(__always)
func isDecimalDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
}

/// True for `a`–`f` and `A`–`F`.
@inline(__always)
func isHexLetter(_ c: UInt8) -> Bool {
    (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "f")
}

/// True for a code point of the Unicode category Letter, which Go accepts in identifiers.
func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
        return true
    default:
        return false
    }
}

/// One code point read from UTF-8; an invalid sequence reads as one byte with
/// `isValid == false`.
struct DecodedScalar {
    var value: UInt32
    var length: Int
    var isValid: Bool
}

extension Lexer {
    /// Decodes the UTF-8 sequence at `index`, rejecting overlong forms, surrogates and
    /// values above U+10FFFF.
    func decodeScalar(at index: Int) -> DecodedScalar {
        let invalid = DecodedScalar(value: 0xFFFD, length: 1, isValid: false)
        let lead = base[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return DecodedScalar(value: UInt32(lead), length: 1, isValid: true)
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return invalid
        }
        guard index + length <= count else { return invalid }
        for position in 1..<length {
            let continuation = base[index + position]
            guard continuation & 0xC0 == 0x80 else { return invalid }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        let minimum: UInt32
        switch length {
        case 2: minimum = 0x80
        case 3: minimum = 0x800
        default: minimum = 0x10000
        }
        if value < minimum || value > 0x10FFFF || (value >= 0xD800 && value < 0xE000) {
            return invalid
        }
        return DecodedScalar(value: value, length: length, isValid: true)
    }

    /// Returns the byte length of the letter or decimal digit at `index`, or nil when the code point
    /// there cannot continue an identifier.
    func letterOrDigitLength(at index: Int) -> Int? {
        let decoded = decodeScalar(at: index)
        guard decoded.isValid, let scalar = Unicode.Scalar(decoded.value) else { return nil }
        if isLetter(scalar) || scalar.properties.generalCategory == .decimalNumber {
            return decoded.length
        }
        return nil
    }
}
