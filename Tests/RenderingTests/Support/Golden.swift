import Foundation
import Testing

/// Compares output with a file in `Golden/`, printing a line diff on mismatch.
///
/// To re-record every golden file, run
/// `POOLREVIEW_RECORD_GOLDEN=1 swift test --filter RenderingTests`, review the changes with
/// `git diff Tests/RenderingTests/Golden`, then run the tests again without the variable.
/// A recording run fails on purpose so that it is never mistaken for a passing run.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["POOLREVIEW_RECORD_GOLDEN"] == "1" }

    static func expectMatch(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)

        if isRecording {
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded \(name); run the tests again without POOLREVIEW_RECORD_GOLDEN", sourceLocation: sourceLocation)
            } catch {
                Issue.record("failed to write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }

        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden file \(url.path); record it with POOLREVIEW_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            Issue.record(
                "output differs from \(name) (- expected, + actual):\n\(lineDiff(expected: expected, actual: actual))",
                sourceLocation: sourceLocation)
        }
    }

    /// Expects two texts to be equal, recording the differing lines when they are not.
    static func expectEqualText(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if actual != expected {
            Issue.record(
                "text differs (- expected, + actual):\n\(lineDiff(expected: expected, actual: actual))",
                sourceLocation: sourceLocation)
        }
    }

    /// Returns the lines that differ, from a longest-common-subsequence alignment, each with its
    /// line number in the expected or the actual text.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)

        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }

        var lines: [String] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                i += 1
                j += 1
            } else if j < new.count, i == old.count || common[i][j + 1] >= common[i + 1][j] {
                lines.append("+\(j + 1): \(new[j])")
                j += 1
            } else {
                lines.append("-\(i + 1): \(old[i])")
                i += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
