import GitReader
import ReviewModel

/// A changed Go file the review analyses, and the lines the change touched.
struct ChangedGoFile: Sendable {
    let change: FileChange
    let path: String
    /// True when every line counts as new: `--all`, a copied file, an added file with no hunks.
    let wholeFile: Bool
    let touched: TouchedLines

    /// Returns the changed files that the review analyses, and counts the others in `summary`.
    static func select(from changes: [FileChange], summary: inout FileSummary) -> [ChangedGoFile] {
        var selected: [ChangedGoFile] = []
        for change in changes {
            guard change.isGoFile else {
                summary.otherFiles += 1
                continue
            }
            if FileFilter.isInTestdata(change.displayPath) {
                summary.testdataFiles += 1
                continue
            }
            if let reason = FileFilter.skipReason(change) {
                if change.status == .deleted {
                    summary.goFilesDeleted += 1
                } else {
                    summary.skipped.append(SkippedFile(path: change.displayPath, reason: reason))
                }
                continue
            }
            guard let path = change.newPath else { continue }
            let wholeFile = change.status == .copied || (change.status == .added && change.hunks.isEmpty)
            selected.append(ChangedGoFile(change: change, path: path, wholeFile: wholeFile, touched: change.touchedLines))
        }
        return selected
    }
}

/// Everything needed to analyse one Go package, read from git before the analysis starts so
/// that the analysis can run on several threads without touching the repository.
struct PackageWork: Sendable {
    let directory: String
    /// Every `.go` file of the package's folder at head.
    let sources: [GoSource]
    /// The changed files of this package, by path.
    let reviewed: [String: ChangedGoFile]
    /// The base side of modified files, by head path.
    let baseSources: [String: GoSource]
    /// The touched lines of every changed file of the review, by path.
    let touchedElsewhere: [String: TouchedLines]
    let addedPaths: Set<String>
    let wholeTree: Bool

    /// Reads the packages of the changed files from the repository.
    static func read(
        _ changed: [ChangedGoFile], changes: [FileChange], repository: GitRepository, base: Revision, head: Revision,
        wholeTree: Bool, summary: inout FileSummary
    ) throws -> [PackageWork] {
        let addedPaths = Set(changes.filter { $0.status == .added || $0.status == .copied }.compactMap(\.newPath))
        let touchedByPath = Dictionary(changed.map { ($0.path, $0.touched) }, uniquingKeysWith: { first, _ in first })
        let byDirectory = Dictionary(grouping: changed) { FileFilter.directory(of: $0.path) }

        var work: [PackageWork] = []
        for directory in byDirectory.keys.sorted() {
            let files = byDirectory[directory] ?? []
            let sources = try repository.goSources(inDirectory: directory, at: head)
            let present = Set(sources.map(\.path))
            var baseSources: [String: GoSource] = [:]
            if !wholeTree {
                for file in files where file.change.status != .added {
                    guard let oldPath = file.change.oldPath, let bytes = try repository.contents(of: oldPath, at: base) else { continue }
                    baseSources[file.path] = GoSource(path: oldPath, bytes: bytes)
                }
            }
            for file in files where !present.contains(file.path) {
                summary.skipped.append(SkippedFile(path: file.path, reason: "not a regular file at head"))
            }
            work.append(PackageWork(
                directory: directory, sources: sources,
                reviewed: Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }),
                baseSources: baseSources, touchedElsewhere: touchedByPath, addedPaths: addedPaths, wholeTree: wholeTree))
        }
        return work
    }
}

/// Decides cheaply, on bytes, whether a package can contain anything the rules look for.
enum PackageRelevance {
    /// Text that every pool, pool wrapper, pool library call or worker queue needs: a
    /// `sync.Pool`, a zero-argument `Get()`, a `Put(`, an `Acquire…`/`Release…` function,
    /// or a channel together with a `go` statement.
    static let markers: [[UInt8]] = ["sync.Pool", ".Get()", ".Put(", "Acquire", "Release", "Pool[", "Free()"].map { Array($0.utf8) }
    static let channel = Array("chan ".utf8)
    static let goStatement = Array("go ".utf8)

    /// - Parameter extraNames: names of configured wrappers, which count as markers too.
    static func isRelevant(_ files: [[UInt8]], extraNames: [String] = []) -> Bool {
        let extra = extraNames.map { Array(($0 + "(").utf8) }
        return files.contains { bytes in
            markers.contains { contains(bytes, $0) } || extra.contains { contains(bytes, $0) }
                || (contains(bytes, channel) && contains(bytes, goStatement))
        }
    }

    /// True when `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { buffer in
            var index = 0
            let last = buffer.count - needle.count
            while index <= last {
                if buffer[index] == first {
                    var matched = true
                    for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                index += 1
            }
            return false
        }
    }
}
