import Foundation
import GitReader
import ReviewModel

/// Reads `.poolreview.json` from the source the request names.
enum ConfigurationLoader {
    /// The largest `--config-from` file read. A `.poolreview.json` is a few hundred bytes.
    static let maxFileBytes = 1 << 20

    static func load(
        _ choice: ConfigurationChoice, repository: GitRepository, base: Revision, head: Revision
    ) throws -> Configuration {
        switch choice {
        case .none:
            return Configuration()
        case .head:
            return try fromRevision(head, side: "head", repository: repository)
        case .base:
            return try fromRevision(base, side: "base", repository: repository)
        case .file(let path):
            let data: Data
            do {
                data = try InputFile.read(path, maxBytes: maxFileBytes)
            } catch {
                throw ConfigurationError.unreadableFile(path: path, reason: error.reason)
            }
            guard data.count <= maxFileBytes else {
                throw ConfigurationError.unreadableFile(
                    path: path, reason: "it is larger than \(maxFileBytes >> 20) MiB, too large for a configuration file")
            }
            return try Configuration.parse(Array(data), source: path)
        }
    }

    /// Returns a note when the review reads `.poolreview.json` from the head commit but the
    /// working tree has a different one, such as a file not committed yet. Without it, an edit
    /// to the configuration seems to do nothing.
    static func workingTreeNote(_ choice: ConfigurationChoice, repository: GitRepository, head: Revision) -> String? {
        guard case .head = choice, let folder = repository.workingDirectory else { return nil }
        let path = URL(fileURLWithPath: folder).appendingPathComponent(Configuration.fileName).path
        guard let working = FileManager.default.contents(atPath: path) else { return nil }
        let committed = (try? repository.contents(of: Configuration.fileName, at: head)) ?? nil
        guard committed.map({ Data($0) }) != working else { return nil }
        let state = committed == nil
            ? "is not committed at head \(head.shortSHA), so this review used the default settings"
            : "differs from the one at head \(head.shortSHA), which this review used"
        return "\(Configuration.fileName) in the working tree \(state); commit it, or pass "
            + "--config-from \(Configuration.fileName) to try it"
    }

    private static func fromRevision(_ revision: Revision, side: String, repository: GitRepository) throws -> Configuration {
        guard let bytes = try repository.contents(of: Configuration.fileName, at: revision) else { return Configuration() }
        return try Configuration.parse(bytes, source: "\(Configuration.fileName) at \(side) \(revision.shortSHA)")
    }
}
