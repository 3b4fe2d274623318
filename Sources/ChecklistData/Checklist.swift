import ReviewModel

/// One item of the review checklist, as `Checklists/checklist.json` describes it.
public struct ChecklistItem: Sendable, Hashable, Codable {
    public var id: ChecklistItemID
    /// A short Title Case name, such as "Pool Scope".
    public var title: String
    /// The question a reviewer asks of the change.
    public var question: String
    /// The severity findings of this item get unless configuration changes it.
    public var severity: Severity
    /// The ids of the bug explanations this item links to.
    public var bugs: [String]

    public init(id: ChecklistItemID, title: String, question: String, severity: Severity, bugs: [String]) {
        self.id = id
        self.title = title
        self.question = question
        self.severity = severity
        self.bugs = bugs
    }
}

/// The explanation of one bug shape, from `Checklists/bugs/<id>.md`.
public struct BugExplanation: Sendable, Hashable {
    public var id: String
    /// The title from the file's first `# ` heading.
    public var title: String
    /// The `## ` sections in file order, headings without the `## `.
    public var sections: [Section]

    /// One `## ` section of an explanation, its body as Markdown.
    public struct Section: Sendable, Hashable {
        public var heading: String
        public var body: String

        public init(heading: String, body: String) {
            self.heading = heading
            self.body = body
        }
    }

    public init(id: String, title: String, sections: [Section]) {
        self.id = id
        self.title = title
        self.sections = sections
    }

    /// The whole explanation as Markdown, starting at the first section (without the title).
    public var markdownBody: String {
        sections.map { "**\($0.heading).** \($0.body)" }.joined(separator: "\n\n")
    }
}

/// The checklist and the bug explanations it links to.
public struct Checklist: Sendable {
    /// The 12 items in checklist order.
    public var items: [ChecklistItem]
    /// The bug explanations in their numbered order.
    public var bugs: [BugExplanation]

    /// Creates a checklist without the checks of `load(checklistJSON:bugFiles:)`, for tests and
    /// callers that build their own data.
    public init(items: [ChecklistItem], bugs: [BugExplanation]) {
        self.items = items
        self.bugs = bugs
    }

    public func item(_ id: ChecklistItemID) -> ChecklistItem? {
        items.first { $0.id == id }
    }

    public func bug(_ id: String) -> BugExplanation? {
        bugs.first { $0.id == id }
    }
}

/// A problem in the checklist data compiled into the binary or given by the user.
public enum ChecklistDataError: Error, Equatable, CustomStringConvertible {
    case invalidChecklist(String)
    case missingBugExplanation(item: String, bug: String)
    case invalidBugExplanation(id: String, reason: String)

    public var description: String {
        switch self {
        case .invalidChecklist(let reason):
            "the built-in checklist is invalid: \(reason)"
        case .missingBugExplanation(let item, let bug):
            "checklist item '\(item)' links to bug '\(bug)', which has no explanation in Checklists/bugs"
        case .invalidBugExplanation(let id, let reason):
            "the explanation of bug '\(id)' is invalid: \(reason)"
        }
    }
}
