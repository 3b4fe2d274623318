/// A file's bytes with a table of line starts, for reading lines and spans as text.
///
/// Text is decoded as UTF-8, with invalid sequences replaced by U+FFFD.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// The offset of the first byte of each line, with the start of line 1 first. When the
    /// file ends with a newline, the last element is `bytes.count`, the start of a line that
    /// does not exist.
    public let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The number of lines, counted the way `SourceFile.lineCount` counts them.
    public var lineCount: Int {
        guard let last = bytes.last else { return 0 }
        return last == UInt8(ascii: "\n") ? lineStarts.count - 1 : lineStarts.count
    }

    /// Returns line `number` (1-based) without its `\n` or `\r\n`, or nil when the file has
    /// no such line. A byte order mark at the start of line 1 is left out.
    public func line(_ number: Int) -> String? {
        guard number >= 1 && number <= lineCount else { return nil }
        var start = lineStarts[number - 1]
        let endsWithNewline = number < lineStarts.count
        var end = endsWithNewline ? lineStarts[number] - 1 : bytes.count
        if endsWithNewline && end > start && bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        if number == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = min(3, end)
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Returns the source text that `span` covers, clamped to the file.
    public func text(of span: Span) -> String {
        let start = min(max(span.start, 0), bytes.count)
        let end = min(max(span.end, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Returns the 1-based line that contains the byte at `offset`. Offsets past the end
    /// belong to the last line.
    public func lineNumber(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return min(low + 1, max(lineCount, 1))
    }
}
