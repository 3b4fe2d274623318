import ChecklistData
import Testing

@Suite("Bug explanations")
struct BugExplanationTests {
    static let sectionHeadings = ["What goes wrong", "Why review misses it", "How to spot it", "Fix"]

    @Test(arguments: Checklist.builtInBugIDs)
    func sectionsFollowFixedOrder(bugID: String) throws {
        let bug = try #require(try Checklist.builtIn().bug(bugID))

        #expect(bug.sections.map(\.heading) == Self.sectionHeadings)
        for section in bug.sections {
            #expect(!section.body.isEmpty, "section '\(section.heading)' of \(bugID) is empty")
            // BugExplanation.markdownBody puts the bold heading in front of the body's first line.
            #expect(!section.body.hasPrefix("```"), "section '\(section.heading)' of \(bugID) starts with a code block")
        }
    }

    @Test(arguments: Checklist.builtInBugIDs)
    func titleIsOneSentenceCaseLine(bugID: String) throws {
        let bug = try #require(try Checklist.builtIn().bug(bugID))

        #expect(bug.title.first?.isUppercase == true, "the title of \(bugID) does not start with a capital: \(bug.title)")
        #expect(!bug.title.hasSuffix("."), "the title of \(bugID) ends with a period: \(bug.title)")
        #expect(!bug.title.contains("\n"))
    }

    @Test(arguments: Checklist.builtInBugIDs)
    func fixEndsWithGoExample(bugID: String) throws {
        let bug = try #require(try Checklist.builtIn().bug(bugID))
        let fix = try #require(bug.sections.last)

        #expect(fix.body.contains("```go\n"), "the Fix section of \(bugID) has no ```go block")
        #expect(fix.body.hasSuffix("\n```"), "the Fix section of \(bugID) does not end with its code block")
    }

    @Test(arguments: Checklist.builtInBugIDs)
    func shownTextHasNoHTMLComments(bugID: String) throws {
        let bug = try #require(try Checklist.builtIn().bug(bugID))

        #expect(!bug.markdownBody.contains("<!--"), "an HTML comment of \(bugID) reaches the shown text")
    }
}
