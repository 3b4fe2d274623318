extension SourceFile {
    /// True when the file carries Go's generated-code marker: a line comment that matches
    /// `^// Code generated .* DO NOT EDIT\.$` before the package clause. The convention is
    /// documented in `go help generate` (Go 1.19).
    public var isGenerated: Bool {
        let packageStart = packageName?.span.start ?? decls.first?.span.start ?? Int.max
        let prefix = "// Code generated "
        let suffix = " DO NOT EDIT."
        for comment in comments {
            guard comment.span.start < packageStart else { break }
            // The prefix and suffix must not share the space between them.
            if comment.text.hasPrefix(prefix) && comment.text.hasSuffix(suffix)
                && comment.text.utf8.count >= prefix.utf8.count + suffix.utf8.count {
                return true
            }
        }
        return false
    }

    /// Returns the comments that start, end or continue on `line`, in source order.
    public func comments(onLine line: Int) -> [Comment] {
        // Comments do not overlap, so both their first and last lines ascend.
        var low = 0
        var high = comments.count
        while low < high {
            let middle = (low + high) / 2
            if comments[middle].span.endLine < line {
                low = middle + 1
            } else {
                high = middle
            }
        }
        var result: [Comment] = []
        var index = low
        while index < comments.count && comments[index].span.line <= line {
            result.append(comments[index])
            index += 1
        }
        return result
    }
}
