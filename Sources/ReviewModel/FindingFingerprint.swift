
/// Stable identities for findings that survive lines moving within a file, used by the SARIF
/// and GitLab Code Quality outputs to match a finding with the same finding of an earlier run.
///
/// A fingerprint is the SHA-256 of the checklist item id, the path and the anchored statement
/// text, separated by NUL bytes (which neither an item id nor a git path can contain), as 64
/// lowercase hex digits, followed by `:` and the 1-based occurrence of that hash in the report.
/// Whitespace runs in the statement text are collapsed to one space and trimmed first, so
/// re-indenting the code keeps the fingerprint. A finding without anchor text hashes its
/// message in place of the statement. The occurrence keeps two findings on identical
/// statements in one file apart; it counts in report order, which is path, line, then
/// checklist order.
///
/// Moving a statement to another line keeps its fingerprint. Renaming the file, editing the
/// statement or adding an identical statement above it changes it.
public enum FindingFingerprint {
    /// The `partialFingerprints` key under which SARIF results carry the fingerprint. The
    /// version suffix changes whenever the scheme does.
    public static let sarifKey = "poolreviewAnchorHash/v1"

    /// Returns one fingerprint per finding, in the order given.
    public static func fingerprints(of findings: [Finding]) -> [String] {
        var occurrences: [String: Int] = [:]
        return findings.map { finding in
            let hash = contentHash(of: finding)
            let occurrence = (occurrences[hash] ?? 0) + 1
            occurrences[hash] = occurrence
            return hash + ":" + String(occurrence)
        }
    }

    /// The hex SHA-256 of the item id, path and normalised anchor text (or message).
    static func contentHash(of finding: Finding) -> String {
        var statement = normalisedWhitespace(finding.anchorText)
        if statement.isEmpty {
            statement = normalisedWhitespace(finding.message)
        }
        return SHA256.hexDigest(finding.item.rawValue + "\u{0}" + finding.path + "\u{0}" + statement)
    }

    /// Returns `text` with each run of whitespace replaced by one space, without leading or
    /// trailing whitespace.
    static func normalisedWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
