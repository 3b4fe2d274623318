import Foundation
import GitReader
import ReviewModel

/// Reads `.poolreview.json` from the source the request names.
enum ConfigurationLoader {
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
            let bytes: [UInt8]
            do {
                bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw ConfigurationError.unreadableFile(path: path, reason: (error as NSError).localizedDescription)
            }
            return try Configuration.parse(bytes, source: path)
        }
    }

    private static func fromRevision(_ revision: Revision, side: String, repository: GitRepository) throws -> Configuration {
        guard let bytes = try repository.contents(of: Configuration.fileName, at: revision) else { return Configuration() }
        return try Configuration.parse(bytes, source: "\(Configuration.fileName) at \(side) \(revision.shortSHA)")
    }
}
