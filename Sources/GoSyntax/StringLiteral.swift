extension BasicLit {
    /// The value of a string literal with its escapes decoded, or nil when the literal is
    /// not a string or is malformed. Escapes that encode bytes which are not valid UTF-8,
    /// such as `"\xff"`, decode to U+FFFD.
    public var stringValue: String? {
        guard kind == .string else { return nil }
        return stringLiteralValue(raw)
    }
}

/// Decodes a Go string literal, raw or interpreted, written with its quotes.
func stringLiteralValue(_ raw: String) -> String? {
    let bytes = Array(raw.utf8)
    guard bytes.count >= 2, let quote = bytes.first, bytes.last == quote else { return nil }
    let body = bytes[1..<(bytes.count - 1)]
    if quote == UInt8(ascii: "`") {
        // Carriage returns are discarded from raw string values.
        return String(decoding: body.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
    }
    guard quote == UInt8(ascii: "\"") else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(body.count)
    var index = body.startIndex
    while index < body.endIndex {
        let c = body[index]
        guard c == UInt8(ascii: "\\") else {
            result.append(c)
            index += 1
            continue
        }
        guard let (decoded, length) = decodeEscape(body[index...]) else { return nil }
        result.append(contentsOf: decoded)
        index += length
    }
    return String(decoding: result, as: UTF8.self)
}

/// Decodes the escape at the start of `text`, returning its UTF-8 bytes and the length of
/// the escape.
private func decodeEscape(_ text: ArraySlice<UInt8>) -> ([UInt8], Int)? {
    let start = text.startIndex
    guard text.count >= 2 else { return nil }
    let simple: [UInt8: UInt8] = [
        UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10,
        UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9, UInt8(ascii: "v"): 11, UInt8(ascii: "\\"): 92,
        UInt8(ascii: "\""): 34, UInt8(ascii: "'"): 39,
    ]
    let letter = text[start + 1]
    if let byte = simple[letter] { return ([byte], 2) }
    let (digits, radix): (Int, UInt32)
    switch letter {
    case UInt8(ascii: "0")...UInt8(ascii: "7"): (digits, radix) = (3, 8)
    case UInt8(ascii: "x"): (digits, radix) = (2, 16)
    case UInt8(ascii: "u"): (digits, radix) = (4, 16)
    case UInt8(ascii: "U"): (digits, radix) = (8, 16)
    default: return nil
    }
    let firstDigit = start + (radix == 8 ? 1 : 2)
    guard firstDigit + digits <= text.endIndex else { return nil }
    let digitText = String(decoding: text[firstDigit..<(firstDigit + digits)], as: UTF8.self)
    guard let value = UInt32(digitText, radix: Int(radix)) else { return nil }
    let length = firstDigit - start + digits
    if letter == UInt8(ascii: "u") || letter == UInt8(ascii: "U") {
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (Array(String(Character(scalar)).utf8), length)
    }
    guard value <= 255 else { return nil }
    return ([UInt8(value)], length)
}
