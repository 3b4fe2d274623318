import ChecklistData
import ReviewModel

/// The SARIF rule descriptors: one per checklist item, in checklist order, so that a
/// result's `ruleIndex` is its item's checklist number minus one.
enum SARIFRules {
    /// Returns the `tool.driver.rules` array.
    ///
    /// - Throws: `RenderingError.missingChecklistItem` when the checklist lacks an item, and
    ///   `RenderingError.missingBugExplanation` when an item links to a bug it does not explain.
    static func descriptors(for checklist: Checklist) throws -> [JSONValue] {
        try ChecklistItemID.allCases.map { id in
            guard let item = checklist.item(id) else { throw RenderingError.missingChecklistItem(id) }
            let bugs = try item.bugs.map { bugID in
                guard let bug = checklist.bug(bugID) else {
                    throw RenderingError.missingBugExplanation(bug: bugID, item: id)
                }
                return bug
            }
            return descriptor(for: item, bugs: bugs, checklist: checklist)
        }
    }

    /// The SARIF level of a severity: `error` and `warning` keep their names and `info` is
    /// SARIF's `note`.
    static func level(of severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The rule's `name`, the item id in UpperCamelCase, such as `DeferredPut`, because SARIF
    /// asks for a name that reads as an identifier.
    static func name(of id: ChecklistItemID) -> String {
        id.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    // MARK: - Helpers

    /// Builds one descriptor. The help text is the `explain` command's output and the help
    /// Markdown repeats the question and the bug explanations as the checklist writes them.
    private static func descriptor(for item: ChecklistItem, bugs: [BugExplanation], checklist: Checklist) -> JSONValue {
        var markdown = item.question
        for bug in bugs {
            markdown += "\n\n### " + MarkdownEscaping.text(bug.title) + "\n\n" + bug.markdownBody
        }
        let helpText = ChecklistText.explanation(of: item, in: checklist)

        return .object([
            ("id", .string(item.id.rawValue)),
            ("name", .string(name(of: item.id))),
            ("shortDescription", .object([("text", .string(TerminalMarkdown.inlineText(Substring(item.title))))])),
            ("fullDescription", .object([
                ("text", .string(TerminalMarkdown.inlineText(Substring(item.question)))),
                ("markdown", .string(item.question)),
            ])),
            ("help", .object([
                ("text", .string(String(helpText.dropLast(helpText.hasSuffix("\n") ? 1 : 0)))),
                ("markdown", .string(markdown)),
            ])),
            ("defaultConfiguration", .object([("level", .string(level(of: item.severity)))])),
        ])
    }
}
