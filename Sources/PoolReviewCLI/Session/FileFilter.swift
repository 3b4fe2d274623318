import ReviewModel

/// Decides which Go files the review reads.
enum FileFilter {
    /// Files above this size are skipped with a note: 4 MiB is far above hand-written Go.
    static let maxFileBytes = 4 << 20

    /// Why a changed Go file is not analysed, judged from the change alone; nil to analyse it.
    static func skipReason(_ change: FileChange) -> String? {
        if change.status == .deleted || change.newPath == nil { return "deleted" }
        if change.isSubmodule { return "submodule" }
        if change.isBinary { return "binary file" }
        if change.newPath?.hasSuffix(".go") != true { return "renamed to a file that is not Go source" }
        return nil
    }

    /// Why a Go file is not analysed, judged from its contents; nil to analyse it.
    static func skipReason(path: String, bytes: [UInt8]) -> String? {
        if bytes.count > maxFileBytes {
            return "larger than \(maxFileBytes >> 20) MiB"
        }
        if isGenerated(bytes) { return "generated code" }
        return nil
    }

    /// True for a file with Go's `// Code generated … DO NOT EDIT.` line before its package
    /// clause.
    static func isGenerated(_ bytes: [UInt8]) -> Bool {
        let prefix = "// Code generated ".utf8
        let suffix = " DO NOT EDIT.".utf8
        for line in SourceLines.lines(of: bytes.prefix(64 << 10)) {
            if line.starts(with: "package ".utf8) { return false }
            guard line.starts(with: prefix) else { continue }
            var trimmed = line[...]
            while let last = trimmed.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") { trimmed = trimmed.dropLast() }
            if trimmed.count >= prefix.count + suffix.count, trimmed.suffix(suffix.count).elementsEqual(suffix) { return true }
        }
        return false
    }

    /// True for a path with a `testdata` folder in it: Go's tools ignore those folders, which
    /// hold inputs for tests, often invalid on purpose.
    static func isInTestdata(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains("testdata")
    }

    /// The directory part of a repository-relative path; "" for the root.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}

/// Splits file contents into lines and cuts excerpts.
enum SourceLines {
    /// The lines of `bytes` without their `\n` terminators.
    static func lines(of bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            result.append(bytes[start..<index])
            start = index + 1
        }
        if start < bytes.endIndex { result.append(bytes[start...]) }
        return result
    }

    /// The number of lines, counting a last line without a line break.
    static func lineCount(of bytes: [UInt8]) -> Int {
        let breaks = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return bytes.last == UInt8(ascii: "\n") || bytes.isEmpty ? breaks : breaks + 1
    }

    /// The lines around `lines` with `context` lines on each side, decoded as UTF-8 with
    /// invalid bytes replaced and a trailing `\r` removed. `all` is the file split by
    /// `lines(of:)`, once for all of its findings.
    static func excerpt(ofLines all: [ArraySlice<UInt8>], lines wanted: ClosedRange<Int>, context: Int) -> SourceExcerpt? {
        guard !all.isEmpty, wanted.lowerBound <= all.count else { return nil }
        let first = max(1, wanted.lowerBound - context)
        let last = min(all.count, wanted.upperBound + context)
        let text = all[(first - 1)..<last].map { line -> String in
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            return String(decoding: trimmed, as: UTF8.self)
        }
        return SourceExcerpt(firstLine: first, lines: text)
    }
}
