import ChecklistData
import ReviewModel
import Testing

@Suite("Checklist items")
struct ChecklistItemTests {
    let checklist: Checklist

    init() throws {
        checklist = try Checklist.builtIn()
    }

    @Test func builtInHasTwelveItemsInContractOrder() {
        #expect(checklist.items.count == 12)
        #expect(checklist.items.map(\.id) == ChecklistItemID.allCases)
    }

    @Test func everyItemLinksToBugs() {
        for item in checklist.items {
            #expect(!item.bugs.isEmpty, "item \(item.id.rawValue) links to no bug")
            #expect(Set(item.bugs).count == item.bugs.count, "item \(item.id.rawValue) lists a bug twice: \(item.bugs)")
        }
    }

    @Test func everyBugIsLinkedByAnItem() {
        let linked = Set(checklist.items.flatMap(\.bugs))
        for bug in checklist.bugs {
            #expect(linked.contains(bug.id), "no checklist item links to bug \(bug.id)")
        }
    }

    @Test func titlesAreSingleLines() {
        for item in checklist.items {
            #expect(!item.title.isEmpty, "item \(item.id.rawValue) has an empty title")
            #expect(!item.title.contains("\n"), "the title of \(item.id.rawValue) spans several lines")
            #expect(item.title.first?.isUppercase == true, "the title of \(item.id.rawValue) is not in Title Case: \(item.title)")
        }
    }

    @Test func questionsAreSingleLineQuestions() {
        for item in checklist.items {
            #expect(!item.question.isEmpty, "item \(item.id.rawValue) has an empty question")
            #expect(!item.question.contains("\n"), "the question of \(item.id.rawValue) spans several lines")
            #expect(item.question.hasSuffix("?"), "the question of \(item.id.rawValue) does not end with '?': \(item.question)")
        }
    }

    @Test func benchmemQuestionAsksForAllocsBeforeAndAfter() throws {
        let item = try #require(checklist.item(.benchmemEvidence))
        #expect(item.question.contains("allocs/op"))
        #expect(item.question.contains("before and after"))
    }
}
