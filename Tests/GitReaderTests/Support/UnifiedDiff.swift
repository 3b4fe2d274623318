import ReviewModel

/// Reads the hunks of `git diff -U0` output for one file into the model's `Hunk` values.
///
/// This is an independent reading of git's own output, used to check the hunks that the reader builds
/// with libgit2. Lines before the first `@@` header (the `diff --git`, `---` and `+++` lines) are skipped,
/// and so are the "\ No newline at end of file" markers.
func hunksFromUnifiedDiff(_ output: String) -> [Hunk] {
    var hunks: [Hunk] = []
    var nextOld = 0
    var nextNew = 0
    // Swift reads "\r\n" as one Character, so CRLF content lines need their own separator.
    let lines = output.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    for line in lines {
        if line.hasPrefix("@@ ") {
            let ranges = line.split(separator: " ")
            let old = parseRange(ranges[1].dropFirst())
            let new = parseRange(ranges[2].dropFirst())
            hunks.append(Hunk(oldStart: old.start, oldCount: old.count, newStart: new.start, newCount: new.count, lines: []))
            nextOld = old.start
            nextNew = new.start
            continue
        }
        guard !hunks.isEmpty else { continue }
        if line.hasPrefix("-") {
            hunks[hunks.count - 1].lines.append(DiffLine(kind: .deletion, oldLine: nextOld, newLine: nil))
            nextOld += 1
        } else if line.hasPrefix("+") {
            hunks[hunks.count - 1].lines.append(DiffLine(kind: .addition, oldLine: nil, newLine: nextNew))
            nextNew += 1
        }
    }
    return hunks
}

/// Parses `12,3` or `12` (a count of 1) from a hunk header.
private func parseRange(_ text: Substring) -> (start: Int, count: Int) {
    let parts = text.split(separator: ",")
    let start = Int(parts[0]) ?? -1
    let count = parts.count > 1 ? Int(parts[1]) ?? -1 : 1
    return (start, count)
}

/// Computes the head lines that `git diff -U0` output adds, and the removal points it implies.
///
/// A hunk that only removes lines (`+c,0`) removed them after head line `c`, so its removal point is
/// `c + 1`. A hunk that replaces lines is a modification: its added lines carry the change and it has
/// no removal point. This follows the definition in `TouchedLines`, computed from the headers alone.
func touchedLinesFromUnifiedDiff(_ output: String) -> TouchedLines {
    var touched = TouchedLines()
    for hunk in hunksFromUnifiedDiff(output) {
        for line in hunk.lines where line.kind == .addition {
            if let number = line.newLine {
                touched.added.insert(number)
            }
        }
        if hunk.oldCount > 0, hunk.newCount == 0 {
            touched.removalPoints.insert(hunk.newStart + 1)
        }
    }
    return touched
}
