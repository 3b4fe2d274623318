/// Whether a checklist item applies to a change, and what its rule concluded.
public enum ItemStatus: String, Sendable, Hashable, Codable {
    /// The rule reported at least one finding on touched code.
    case finding
    /// The change touched code the rule examines, and the rule found nothing.
    case clean
    /// The change did not touch anything this item is about.
    case untouched
}

/// The status of one checklist item in a review.
public struct ChecklistStatus: Sendable, Hashable, Codable {
    public var item: ChecklistItemID
    public var status: ItemStatus

    public init(item: ChecklistItemID, status: ItemStatus) {
        self.item = item
        self.status = status
    }
}

/// A file the review counted but did not analyse, with the reason.
public struct SkippedFile: Sendable, Hashable, Codable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Counts of the files in a change, for the summary line.
public struct FileSummary: Sendable, Hashable, Codable {
    /// Go files whose head side was analysed.
    public var goFilesAnalysed: Int = 0
    /// Changed files that are not Go source, counted but not analysed.
    public var otherFiles: Int = 0
    /// Go files that were deleted by the change.
    public var goFilesDeleted: Int = 0
    /// Go files under a `testdata` folder, which the Go tools ignore and the review skips.
    public var testdataFiles: Int = 0
    public var skipped: [SkippedFile] = []

    public init() {}

    public var totalFiles: Int { goFilesAnalysed + otherFiles + goFilesDeleted + testdataFiles + skipped.count }
}

/// The outcome of one review: what was compared, the checklist status and the findings.
///
/// Renderers turn this value into text; it carries nothing from git or the Go reader.
public struct Report: Sendable, Hashable, Codable {
    public var base: Revision
    public var head: Revision
    /// How the base was chosen when the user did not name it, for example
    /// "merge base of HEAD and origin/main"; nil when the user named it.
    public var baseNote: String?
    /// True when `--all` reviewed every Go file at head as if it were new.
    public var reviewsWholeTree: Bool
    public var files: FileSummary
    public var checklist: [ChecklistStatus]
    /// Findings sorted by path, then line, then checklist order.
    public var findings: [Finding]
    /// Problems that belong to no checklist item, such as a suppression comment that names an
    /// unknown item, each a full line with its path and line number.
    public var notes: [String]

    public init(
        base: Revision, head: Revision, baseNote: String? = nil, reviewsWholeTree: Bool = false,
        files: FileSummary, checklist: [ChecklistStatus], findings: [Finding], notes: [String] = []
    ) {
        self.base = base
        self.head = head
        self.baseNote = baseNote
        self.reviewsWholeTree = reviewsWholeTree
        self.files = files
        self.checklist = checklist
        self.findings = findings
        self.notes = notes
    }

    public func status(of item: ChecklistItemID) -> ItemStatus {
        checklist.first { $0.item == item }?.status ?? .untouched
    }
}
