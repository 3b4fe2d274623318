import Foundation
import Testing

/// The parts of a `--format json` review that the robustness tests compare.
struct ReviewJSON {
    var findings: [(item: String, path: String, line: Int)]
    var summary: [String: Int]
    var skipped: [(path: String, reason: String)]

    init(_ run: BinaryRun, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        let root = try #require(object, "not a JSON object: \(run.standardOutput) \(run.standardError)", sourceLocation: sourceLocation)
        let findings = try #require(root["findings"] as? [[String: Any]], sourceLocation: sourceLocation)
        self.findings = findings.map { finding in
            (finding["item"] as? String ?? "", finding["path"] as? String ?? "", finding["line"] as? Int ?? 0)
        }
        summary = (root["summary"] as? [String: Int]) ?? [:]
        let skipped = (root["skipped"] as? [[String: Any]]) ?? []
        self.skipped = skipped.map { ($0["path"] as? String ?? "", $0["reason"] as? String ?? "") }
    }

    /// The items of the findings at `path`, as `item:line` strings in report order.
    func items(at path: String) -> [String] {
        findings.filter { $0.path == path }.map { "\($0.item):\($0.line)" }
    }
}
