import GoSyntax
import ReviewModel

/// Runs the checklist rules over changed files and keeps what the change touched.
public struct Matcher: Sendable {
    /// Every rule, in checklist order.
    public static let allRules: [any Rule.Type] = [
        PoolScopeRule.self,
        NewReturnsPointerRule.self,
        DeferredPutRule.self,
        ResetBeforeUseRule.self,
        ResetKeepsAllocationRule.self,
        SizeCapRule.self,
        CopyBeforePutRule.self,
        FDResourcePoolRule.self,
        TimerPoolingRule.self,
        TypedGetRule.self,
        WorkerBackpressureRule.self,
        BenchmemEvidenceRule.self,
    ]

    /// The items to check; findings of other items are not produced.
    public var enabledItems: Set<ChecklistItemID>
    /// Severities that replace a rule's default.
    public var severities: [ChecklistItemID: Severity]

    public init(
        enabledItems: Set<ChecklistItemID> = Set(ChecklistItemID.allCases),
        severities: [ChecklistItemID: Severity] = [:]
    ) {
        self.enabledItems = enabledItems
        self.severities = severities
    }

    /// Reviews one file: runs the enabled rules, keeps the findings the change touched, applies
    /// suppression comments and reports suppressions that are malformed or match nothing.
    ///
    /// - Parameter deadline: when the clock passes it between two rules, the review stops and
    ///   returns with `exceededBudget` set and no findings, because a partial review would
    ///   report only some items.
    public func review(_ context: FileContext, deadline: ContinuousClock.Instant? = nil) -> FileReview {
        var review = FileReview()
        var allFindings: [Finding] = []

        for rule in Self.allRules where enabledItems.contains(rule.description.id) {
            if let deadline, ContinuousClock.now > deadline {
                return FileReview(exceededBudget: true)
            }
            if context.file.isTest, !rule.description.checksTestFiles { continue }
            let result = rule.init().check(context)
            if result.findings.contains(where: { $0.isTouched(by: context.touched, elsewhere: context.touchedElsewhere) })
                || result.examined.contains(where: context.touched.touches) {
                review.touchedItems.insert(rule.description.id)
            }
            allFindings += result.findings
        }

        // Suppressions are matched against every finding, touched or not, so a new comment
        // above an old finding counts as used.
        let suppressions = context.file.syntax.comments.compactMap(Suppression.init)
        var used = Set<Int>()
        for var finding in allFindings {
            if let index = suppressions.firstIndex(where: { $0.covers(finding) }) {
                used.insert(index)
                if finding.isTouched(by: context.touched, elsewhere: context.touchedElsewhere) { review.suppressedCount += 1 }
                continue
            }
            guard finding.isTouched(by: context.touched, elsewhere: context.touchedElsewhere) else { continue }
            if let severity = severities[finding.item] { finding.severity = severity }
            review.findings.append(finding)
        }

        for (index, suppression) in suppressions.enumerated()
        where !used.contains(index) && context.touched.touches(line: suppression.line) {
            let message = suppression.problem ?? "suppression matches no finding"
            if let item = suppression.items.first {
                review.findings.append(Finding(
                    item: item, path: context.file.path, line: suppression.line, severity: .info,
                    message: message, bugs: [], anchorText: Suppression.marker))
            } else {
                review.notes.append("\(context.file.path):\(suppression.line): \(message)")
            }
        }
        // Two borrows of one object (aliases) can produce the same finding twice.
        var seen = Set<String>()
        review.findings = review.findings.filter { seen.insert("\($0.item.rawValue)|\($0.line)|\($0.message)").inserted }
        review.findings.sort { ($0.line, $0.item) < ($1.line, $1.item) }
        return review
    }
}

/// The outcome of reviewing one file.
public struct FileReview: Sendable {
    /// Findings on touched lines that no suppression hides, and problems with suppressions.
    public var findings: [Finding] = []
    /// Items whose examined code or findings the change touched.
    public var touchedItems: Set<ChecklistItemID> = []
    public var suppressedCount = 0
    /// Problems that belong to no checklist item, such as a suppression of an unknown item.
    public var notes: [String] = []
    /// True when the review ran out of time and stopped.
    public var exceededBudget = false
}
