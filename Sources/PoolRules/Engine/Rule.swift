import ReviewModel

/// A checklist rule: finds one kind of pool misuse in a Go file.
///
/// Each rule is one type in its own file under `Rules/`, named after its checklist item. Its
/// description carries the triggering and non-triggering examples that the test suite
/// replays, so the examples are the rule's specification.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Returns every finding in the file, touched by the change or not, and the lines of code
    /// the rule examined. The matcher keeps what the change touched.
    func check(_ context: FileContext) -> RuleResult
}

/// What a rule is and how it must behave.
public struct RuleDescription: Sendable {
    public let id: ChecklistItemID
    /// The default severity of its findings.
    public let severity: Severity
    /// The bug explanations its findings link to.
    public let bugs: [String]
    /// Whole Go files in which every line that ends with `// want` must get a finding of this
    /// rule, and no other line may.
    public let triggering: [RuleExample]
    /// Whole Go files on which the rule must stay silent.
    public let nonTriggering: [RuleExample]
    /// False for rules that follow objects through functions: tests borrow objects to inspect
    /// them, skip `Put` on purpose and end with `t.Fatal`, so those rules skip `_test.go` files.
    public let checksTestFiles: Bool

    public init(
        id: ChecklistItemID, severity: Severity, bugs: [String],
        triggering: [RuleExample], nonTriggering: [RuleExample], checksTestFiles: Bool = true
    ) {
        self.id = id
        self.severity = severity
        self.bugs = bugs
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.checksTestFiles = checksTestFiles
    }
}

/// A Go file used as a rule example, with the place it is written so a failure points at it.
public struct RuleExample: Sendable {
    public let code: String
    public let file: String
    public let line: Int

    public init(_ code: String, file: String = #filePath, line: Int = #line) {
        self.code = code
        self.file = file
        self.line = line
    }

    /// The 1-based lines that carry a `// want` marker.
    public var expectedLines: [Int] {
        code.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            line.hasSuffix("// want") ? offset + 1 : nil
        }
    }
}

/// The findings of one rule on one file.
public struct RuleResult: Sendable {
    public var findings: [Finding] = []
    /// Code the rule looked at (pool declarations, borrows, releases). When the change touches
    /// any of it and there is no finding, the checklist shows the item as checked and clean.
    public var examined: [ClosedRange<Int>] = []

    public init(findings: [Finding] = [], examined: [ClosedRange<Int>] = []) {
        self.findings = findings
        self.examined = examined
    }
}
