import ReviewModel

/// Formats a source excerpt as a fenced Go code block with line numbers, marking the
/// anchored lines with `>`.
///
/// ```go
///   41 | 	buf := bufPool.Get().(*bytes.Buffer)
/// > 42 | 	return buf.Bytes()
/// ```
enum ExcerptBlock {
    /// Returns the fenced block, ending without a line break.
    ///
    /// The fence is longer than any backtick run in the excerpt, although every content line
    /// starts with its number, so no source line can close the fence anyway. Tabs are kept and
    /// other control and format characters are made visible.
    static func markdown(_ excerpt: SourceExcerpt, anchored: ClosedRange<Int>) -> String {
        let lines = excerpt.lines.map { VisibleCharacters.escape($0, keepingTabs: true) }
        let longestRun = lines.map(MarkdownEscaping.longestBacktickRun).max() ?? 0
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        let numberWidth = String(excerpt.lastLine).count

        var block = [fence + "go"]
        for (offset, line) in lines.enumerated() {
            let number = excerpt.firstLine + offset
            let marker = anchored.contains(number) ? "> " : "  "
            let paddedNumber = String(repeating: " ", count: numberWidth - String(number).count) + String(number)
            block.append(marker + paddedNumber + " |" + (line.isEmpty ? "" : " " + line))
        }
        block.append(fence)
        return block.joined(separator: "\n")
    }
}
