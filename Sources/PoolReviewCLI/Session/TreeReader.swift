import GitReader
import GoSyntax
import PoolRules
import ReviewModel

/// Reads and parses files of the two revisions once each, however many packages and rules
/// ask for them.
struct TreeReader {
    let repository: GitRepository
    let base: Revision
    let head: Revision
    private var headCache: [String: [UInt8]?] = [:]
    private var parsedHeadCache: [String: GoFile] = [:]

    init(repository: GitRepository, base: Revision, head: Revision) {
        self.repository = repository
        self.base = base
        self.head = head
    }

    /// The bytes of `path` at head, or nil when it is not a regular file there.
    mutating func headBytes(_ path: String) throws -> [UInt8]? {
        if let cached = headCache[path] { return cached }
        let bytes = try repository.contents(of: path, at: head)
        headCache[path] = bytes
        return bytes
    }

    /// The parsed file at head; nil when it cannot be read.
    mutating func parsedHead(_ path: String) -> GoFile? {
        if let cached = parsedHeadCache[path] { return cached }
        guard let bytes = try? headBytes(path) else { return nil }
        let file = GoFile(path: path, bytes: bytes, syntax: GoParser.parse(bytes))
        parsedHeadCache[path] = file
        return file
    }

    /// The parsed file at head, or nil when the review skips it (generated, too large, binary).
    mutating func parsedHeadIfReviewable(_ path: String) throws -> GoFile? {
        guard let bytes = try headBytes(path), FileFilter.skipReason(path: path, bytes: bytes) == nil else { return nil }
        return parsedHead(path)
    }

    /// The parsed file at base, or nil when it does not exist there or the review skips it.
    func parsedBase(_ path: String) throws -> GoFile? {
        guard let bytes = try repository.contents(of: path, at: base),
              FileFilter.skipReason(path: path, bytes: bytes) == nil else { return nil }
        return GoFile(path: path, bytes: bytes, syntax: GoParser.parse(bytes))
    }

    /// The `.go` files of a directory at head.
    func goFiles(in directory: String) throws -> [String] {
        try repository.goFiles(inDirectory: directory, at: head)
    }
}
