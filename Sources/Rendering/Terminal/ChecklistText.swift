import ChecklistData
import ReviewModel

/// Renders the checklist and the bug explanations as plain terminal text, for the
/// `checklist` and `explain` commands.
public enum ChecklistText {
    /// Lists the checklist items: number, id, severity and title on one line, the question
    /// wrapped and indented below.
    ///
    /// - Parameter lineWidth: the column at which questions wrap.
    public static func list(_ checklist: Checklist, lineWidth: Int = 80) -> String {
        let idWidth = checklist.items.map(\.id.rawValue.count).max() ?? 0
        let severityWidth = Severity.allCases.map(\.rawValue.count).max() ?? 0
        var blocks: [String] = []

        for item in checklist.items {
            let number = item.id.number < 10 ? " \(item.id.number)" : "\(item.id.number)"
            let header = number + "  " + padded(item.id.rawValue, to: idWidth) + "  "
                + padded(item.severity.rawValue, to: severityWidth) + "  " + plain(item.title)
            let question = TerminalMarkdown.wrap(
                plain(item.question), lineWidth: lineWidth, firstPrefix: "    ", nextPrefix: "    ")
            blocks.append(([header] + question).joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Explains a topic given on the command line: a checklist item by id or number, or a bug
    /// by id.
    ///
    /// - Throws: `RenderingError.unknownTopic` listing the valid names.
    public static func explanation(of topic: String, in checklist: Checklist, lineWidth: Int = 80) throws -> String {
        if let item = checklist.items.first(where: { $0.id.rawValue == topic || String($0.id.number) == topic }) {
            return explanation(of: item, in: checklist, lineWidth: lineWidth)
        }
        if let bug = checklist.bug(topic) {
            return explanation(of: bug, lineWidth: lineWidth)
        }
        throw RenderingError.unknownTopic(topic, known: checklist.items.map(\.id.rawValue) + checklist.bugs.map(\.id))
    }

    /// Explains a checklist item: its title, number and severity, its question, then the
    /// explanation of each bug it links to.
    public static func explanation(of item: ChecklistItem, in checklist: Checklist, lineWidth: Int = 80) -> String {
        let count = ChecklistItemID.allCases.count
        var blocks = [
            item.id.rawValue + ": " + plain(item.title) + "\n"
                + "Checklist item \(item.id.number) of \(count), severity \(item.severity.rawValue).",
            TerminalMarkdown.plainText(item.question, lineWidth: lineWidth),
        ]
        for bug in item.bugs.compactMap(checklist.bug) {
            blocks.append(explanationBody(of: bug, lineWidth: lineWidth))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Explains one bug: its title and id, then each section's heading with its body indented.
    public static func explanation(of bug: BugExplanation, lineWidth: Int = 80) -> String {
        explanationBody(of: bug, lineWidth: lineWidth) + "\n"
    }

    // MARK: - Helpers

    private static func explanationBody(of bug: BugExplanation, lineWidth: Int) -> String {
        let title = plain(bug.title) + " (" + bug.id + ")"
        var blocks = [title + "\n" + String(repeating: "=", count: title.count)]
        for section in bug.sections {
            let body = TerminalMarkdown.plainText(section.body, lineWidth: lineWidth, indentation: "  ")
            blocks.append(plain(section.heading) + (body.isEmpty ? "" : "\n" + body))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// Returns a one-line checklist value without inline Markdown or invisible characters.
    private static func plain(_ text: String) -> String {
        TerminalMarkdown.inlineText(Substring(VisibleCharacters.escape(text)))
    }

    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
