/// A commit that one side of a review was read from.
public struct Revision: Sendable, Hashable, Codable {
    /// The full object id in hex (40 characters for SHA-1 repositories, 64 for SHA-256).
    public var sha: String
    /// What the user or the defaults named, such as `origin/main` or `HEAD~2`.
    public var spec: String

    public init(sha: String, spec: String) {
        self.sha = sha
        self.spec = spec
    }

    /// The first 7 hex digits, as git prints them.
    public var shortSHA: String { String(sha.prefix(7)) }
}

/// How a file changed between the base and the head tree, as libgit2's `git_delta_t` classifies it.
public enum ChangeStatus: String, Sendable, Codable, CaseIterable {
    case added
    case modified
    case renamed
    case deleted
    case copied
    case typeChange = "type-change"
}

/// The role of one line inside a diff hunk.
public enum DiffLineKind: String, Sendable, Codable {
    case context
    case addition
    case deletion
}

/// One line of a hunk with its numbers on both sides.
///
/// `oldLine` is nil for an added line and `newLine` is nil for a deleted one. Both are 1-based.
public struct DiffLine: Sendable, Hashable, Codable {
    public var kind: DiffLineKind
    public var oldLine: Int?
    public var newLine: Int?

    public init(kind: DiffLineKind, oldLine: Int?, newLine: Int?) {
        self.kind = kind
        self.oldLine = oldLine
        self.newLine = newLine
    }
}

/// A contiguous region of change, with the line ranges git prints in its `@@` header.
///
/// A pure deletion has `newCount == 0`, and then `newStart` is the head line after which the
/// lines were removed, as in unified diff output.
public struct Hunk: Sendable, Hashable, Codable {
    public var oldStart: Int
    public var oldCount: Int
    public var newStart: Int
    public var newCount: Int
    public var lines: [DiffLine]

    public init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int, lines: [DiffLine]) {
        self.oldStart = oldStart
        self.oldCount = oldCount
        self.newStart = newStart
        self.newCount = newCount
        self.lines = lines
    }
}

/// One file of a change set.
public struct FileChange: Sendable, Hashable, Codable {
    /// The path in the base tree; nil for an added file.
    public var oldPath: String?
    /// The path in the head tree; nil for a deleted file.
    public var newPath: String?
    public var status: ChangeStatus
    /// True when libgit2 classified either side as binary; such files have no hunks.
    public var isBinary: Bool
    /// True when either side is a submodule (a gitlink), which has no readable content.
    public var isSubmodule: Bool
    public var hunks: [Hunk]

    public init(
        oldPath: String?, newPath: String?, status: ChangeStatus,
        isBinary: Bool = false, isSubmodule: Bool = false, hunks: [Hunk] = []
    ) {
        self.oldPath = oldPath
        self.newPath = newPath
        self.status = status
        self.isBinary = isBinary
        self.isSubmodule = isSubmodule
        self.hunks = hunks
    }

    /// The path a reviewer knows the file by: the head path, or the base path of a deleted file.
    public var displayPath: String { newPath ?? oldPath ?? "" }

    /// True when the file is Go source on either side (by its `.go` suffix).
    public var isGoFile: Bool {
        (newPath?.hasSuffix(".go") ?? false) || (oldPath?.hasSuffix(".go") ?? false)
    }

    /// The head-side lines this change added, and the places where it removed lines.
    public var touchedLines: TouchedLines {
        var touched = TouchedLines()
        for hunk in hunks {
            var nextHeadLine = hunk.newCount == 0 ? hunk.newStart + 1 : hunk.newStart
            var pendingRemoval = false
            for line in hunk.lines {
                switch line.kind {
                case .addition:
                    // Deleted lines replaced by added lines are a modification: the added
                    // lines carry the change, so no removal point is recorded.
                    pendingRemoval = false
                    if let number = line.newLine {
                        touched.added.insert(number)
                        nextHeadLine = number + 1
                    }
                case .context:
                    if pendingRemoval {
                        touched.removalPoints.insert(nextHeadLine)
                        pendingRemoval = false
                    }
                    if let number = line.newLine {
                        nextHeadLine = number + 1
                    }
                case .deletion:
                    pendingRemoval = true
                }
            }
            if pendingRemoval {
                touched.removalPoints.insert(nextHeadLine)
            }
        }
        return touched
    }
}

/// Which head-side lines a change touched.
///
/// A removal point `p` means that base lines were removed, and not replaced, between head lines
/// `p - 1` and `p`. It touches line `p`, the line that now follows the removed ones. Rules that
/// compare with the base (a removed `defer Put`) relate their findings to removal points
/// themselves.
public struct TouchedLines: Sendable, Hashable, Codable {
    public var added: Set<Int> = []
    public var removalPoints: Set<Int> = []

    public init(added: Set<Int> = [], removalPoints: Set<Int> = []) {
        self.added = added
        self.removalPoints = removalPoints
    }

    /// Every line of the file, as `--all` reviews it.
    public static func wholeFile(lineCount: Int) -> TouchedLines {
        TouchedLines(added: Set(1...max(1, lineCount)))
    }

    public var isEmpty: Bool { added.isEmpty && removalPoints.isEmpty }

    /// Returns true when the change added a line in `lines`, or removed lines right before one
    /// of them.
    public func touches(_ lines: ClosedRange<Int>) -> Bool {
        func meets(_ points: Set<Int>) -> Bool {
            points.count < lines.count ? points.contains { lines.contains($0) } : lines.contains { points.contains($0) }
        }
        return meets(added) || meets(removalPoints)
    }

    public func touches(line: Int) -> Bool { touches(line...line) }
}

/// Everything a review reads from git: the two revisions and the changed files between them.
public struct ChangeSet: Sendable, Hashable, Codable {
    public var base: Revision
    public var head: Revision
    public var files: [FileChange]

    public init(base: Revision, head: Revision, files: [FileChange]) {
        self.base = base
        self.head = head
        self.files = files
    }
}
