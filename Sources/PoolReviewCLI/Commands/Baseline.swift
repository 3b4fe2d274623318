import Foundation
import ReviewModel

/// Findings recorded once so that later reviews hide them: how a team adopts the tool on an
/// old code base without drowning its first pull request.
///
/// A finding is matched by its fingerprint: the item, the path and the whitespace-normalised
/// text of the anchored statement, so it stays matched when lines move.
struct Baseline {
    /// The fingerprints, by `item|path|fingerprint`.
    let keys: Set<String>

    init(findings: [Finding]) {
        let fingerprints = FindingFingerprint.fingerprints(of: findings)
        keys = Set(zip(findings, fingerprints).map { Self.key($0.0, fingerprint: $0.1) })
    }

    private init(keys: Set<String>) {
        self.keys = keys
    }

    private static func key(_ finding: Finding, fingerprint: String) -> String {
        finding.item.rawValue + "|" + finding.path + "|" + fingerprint
    }

    /// Writes the baseline file: `{"version": 1, "findings": [{"item", "path", "fingerprint"}]}`.
    func write(to path: String) throws {
        let entries = keys.sorted().map { key -> [String: String] in
            let parts = key.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            return ["item": parts[0], "path": parts[1], "fingerprint": parts[2]]
        }
        let object: [String: Any] = ["version": 1, "findings": entries]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try OutputFile.write(String(decoding: data, as: UTF8.self) + "\n", to: path)
    }

    /// Reads a baseline file that `write(to:)` wrote.
    static func read(from path: String, shownAs name: String) throws -> Baseline {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandError.unreadableFile(path: name, option: "--baseline", reason: ReviewCommand.reason(error))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["version"] as? Int == 1, let entries = object["findings"] as? [[String: Any]] else {
            throw CommandError.invalidBaseline(path: name, reason: "it is not a version 1 baseline written by --write-baseline")
        }
        var keys: Set<String> = []
        for (index, entry) in entries.enumerated() {
            guard let item = entry["item"] as? String, let path = entry["path"] as? String,
                  let fingerprint = entry["fingerprint"] as? String else {
                throw CommandError.invalidBaseline(path: name, reason: "entry \(index) lacks item, path or fingerprint")
            }
            keys.insert(item + "|" + path + "|" + fingerprint)
        }
        return Baseline(keys: keys)
    }

    /// Returns the report without the findings the baseline lists, with a note of how many it hid.
    func hiding(from report: Report, name: String) -> Report {
        var report = report
        let fingerprints = FindingFingerprint.fingerprints(of: report.findings)
        let kept = zip(report.findings, fingerprints).filter { !keys.contains(Self.key($0.0, fingerprint: $0.1)) }.map(\.0)
        let hidden = report.findings.count - kept.count
        report.findings = kept
        if hidden > 0 {
            report.notes.append("\(hidden) finding\(hidden == 1 ? "" : "s") hidden by the baseline \(name)")
            let itemsWithFindings = Set(kept.map(\.item))
            report.checklist = report.checklist.map { status in
                var status = status
                if status.status == .finding, !itemsWithFindings.contains(status.item) { status.status = .clean }
                return status
            }
        }
        return report
    }
}
