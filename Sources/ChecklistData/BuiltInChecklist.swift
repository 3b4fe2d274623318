import Foundation
import ReviewModel

extension Checklist {
    /// The checklist compiled into the binary from `Checklists/`.
    ///
    /// - Throws: `ChecklistDataError` when the data does not parse or an item links to a bug
    ///   that has no explanation. The test suite loads it, so a shipped binary never throws here.
    public static func builtIn() throws -> Checklist {
        try load(checklistJSON: Data(PackageResources.checklist_json), bugFiles: builtInBugFiles)
    }

    /// Parses a checklist from the JSON of `checklist.json` and the Markdown of each bug file.
    ///
    /// - Parameter bugFiles: pairs of bug id and file contents, in the order the bugs are numbered.
    public static func load(checklistJSON: Data, bugFiles: [(id: String, markdown: [UInt8])]) throws -> Checklist {
        let items: [ChecklistItem]
        do {
            items = try JSONDecoder().decode(ChecklistFile.self, from: checklistJSON).items
        } catch {
            throw ChecklistDataError.invalidChecklist(String(describing: error))
        }
        guard items.map(\.id) == ChecklistItemID.allCases else {
            throw ChecklistDataError.invalidChecklist("the items must be the 12 checklist ids in checklist order")
        }

        let bugs = try bugFiles.map { file in
            // Decoding through a buffer pointer takes the fast path for valid UTF-8.
            let markdown = file.markdown.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
            return try BugExplanation(id: file.id, markdown: markdown)
        }
        let known = Set(bugs.map(\.id))
        for item in items {
            for bug in item.bugs where !known.contains(bug) {
                throw ChecklistDataError.missingBugExplanation(item: item.id.rawValue, bug: bug)
            }
        }
        return Checklist(items: items, bugs: bugs)
    }

    /// The embedded bug files by id. SwiftPM names each embedded file after its file name, so a
    /// new explanation needs a line here; a test checks this table against `Checklists/bugs`.
    static var builtInBugFiles: [(id: String, markdown: [UInt8])] {
        [
            ("forgotten-reset", PackageResources.forgotten_reset_md),
            ("get-without-put", PackageResources.get_without_put_md),
            ("put-not-deferred", PackageResources.put_not_deferred_md),
            ("returned-slice-aliases-pool", PackageResources.returned_slice_aliases_pool_md),
            ("unbounded-buffer-growth", PackageResources.unbounded_buffer_growth_md),
            ("value-type-in-pool", PackageResources.value_type_in_pool_md),
            ("connection-in-sync-pool", PackageResources.connection_in_sync_pool_md),
            ("reset-reallocates", PackageResources.reset_reallocates_md),
            ("unbuffered-worker-queue", PackageResources.unbuffered_worker_queue_md),
            ("reader-source-not-reset", PackageResources.reader_source_not_reset_md),
            ("pooled-timer-not-stopped", PackageResources.pooled_timer_not_stopped_md),
            ("partial-size-cap", PackageResources.partial_size_cap_md),
            ("pool-per-request", PackageResources.pool_per_request_md),
            ("result-shared-after-put", PackageResources.result_shared_after_put_md),
            ("assertion-type-drift", PackageResources.assertion_type_drift_md),
        ]
    }

    /// The ids of the built-in bug explanations, in their numbered order.
    public static var builtInBugIDs: [String] { builtInBugFiles.map(\.id) }
}

/// The built-in Markdown templates from `Templates/`.
public enum BuiltInTemplates {
    /// The template of the Markdown review comment.
    public static var review: String { String(decoding: PackageResources.review_md, as: UTF8.self) }
}

private struct ChecklistFile: Decodable {
    var items: [ChecklistItem]
}

extension BugExplanation {
    /// Parses an explanation: a `# Title` line, then `## Heading` sections.
    ///
    /// HTML comments on lines of their own are dropped; they carry notes for the fixture
    /// checks, such as the imports a Go example needs to compile.
    init(id: String, markdown: String) throws {
        var title: String?
        var sections: [Section] = []
        var heading: String?
        var body: [Substring] = []

        func closeSection() {
            if let heading {
                let text = String(body.joined(separator: "\n").trimmingWhitespace())
                sections.append(Section(heading: heading, body: text))
            }
            body = []
        }

        var inFence = false
        // Split on the newline byte: splitting on the Character runs grapheme breaking over every
        // byte, which made loading the checklist a tenth of a small review.
        for rawBytes in markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let rawLine = Substring(rawBytes)
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, line.hasPrefix("<!--"), line.hasSuffix("-->") { continue }
            if !inFence, title == nil, line.hasPrefix("# ") {
                title = String(line.dropFirst(2).trimmingWhitespace())
            } else if !inFence, line.hasPrefix("## ") {
                closeSection()
                heading = String(line.dropFirst(3).trimmingWhitespace())
            } else if heading != nil {
                body.append(line)
            }
        }
        closeSection()

        guard let title, !title.isEmpty else {
            throw ChecklistDataError.invalidBugExplanation(id: id, reason: "the file has no '# Title' line")
        }
        guard !sections.isEmpty else {
            throw ChecklistDataError.invalidBugExplanation(id: id, reason: "the file has no '## ' sections")
        }
        self.init(id: id, title: title, sections: sections)
    }
}

extension StringProtocol {
    /// Returns the text without leading and trailing whitespace and newlines. Foundation's
    /// `trimmingCharacters(in:)` goes through NSString on Linux, which made loading the checklist slow.
    func trimmingWhitespace() -> SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
