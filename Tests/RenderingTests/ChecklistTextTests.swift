import ChecklistData
import Rendering
import ReviewModel
import Testing

@Suite("Checklist and explanation text")
struct ChecklistTextTests {
    static let richBug = BugExplanation(
        id: "rich-bug", title: "A **rich** bug",
        sections: [
            .init(
                heading: "What goes wrong",
                body: """
                    The `Get` result is kept after **Put**, see [the docs](https://pkg.go.dev/sync#Pool).
                    A *T stays a pointer and snake_case_names stay.
                    #12 stays prose.

                    ## Background

                    - first point that is long enough to wrap around the narrow line width of this test
                    * second point
                    1. numbered

                    ```go
                    func f() {
                    \tdefer pool.Put(buf)
                    }
                    ```
                    """),
            .init(heading: "Fix", body: "Call `Reset`\u{202E} first."),
        ])

    @Test func listShowsEveryItemInOrder() {
        let output = ChecklistText.list(Fixtures.checklist)
        let headers = output.split(separator: "\n").filter { !$0.hasPrefix("    ") }
        #expect(headers.count == 12)
        #expect(headers.first == " 1  pool-scope              warning  Pool Scope")
        #expect(headers.last == "12  benchmem-evidence       info     Benchmark Evidence")
        #expect(output.contains("\n    Does the change handle pool-scope correctly?\n"))
    }

    @Test func listWrapsLongQuestions() {
        var checklist = Fixtures.checklist
        checklist.items[0].question = Array(repeating: "word", count: 40).joined(separator: " ")
        let lines = ChecklistText.list(checklist, lineWidth: 40).split(separator: "\n")
        let questionLines = lines.prefix { !$0.hasPrefix(" 2") }.dropFirst().filter { !$0.isEmpty }
        #expect(questionLines.count > 3)
        #expect(questionLines.allSatisfy { $0.count <= 40 })
        #expect(questionLines.allSatisfy { $0.hasPrefix("    word") })
    }

    @Test func explainItemShowsQuestionAndBugs() throws {
        let output = try ChecklistText.explanation(of: "deferred-put", in: Fixtures.checklist)
        #expect(output.hasPrefix("deferred-put: Deferred Put\nChecklist item 3 of 12, severity warning.\n\n"))
        #expect(output.contains("Does the change handle deferred-put correctly?"))
        #expect(output.contains("Get without Put (get-without-put)\n=================================\n"))
        #expect(output.contains("\nWhat goes wrong\n  An object taken with Get is never returned, so the pool allocates again.\n"))
        #expect(output.contains("\n      buf := bufPool.Get().(*bytes.Buffer)\n      defer bufPool.Put(buf)\n"))
    }

    @Test func explainAcceptsItemNumber() throws {
        let byNumber = try ChecklistText.explanation(of: "3", in: Fixtures.checklist)
        let byID = try ChecklistText.explanation(of: "deferred-put", in: Fixtures.checklist)
        #expect(byNumber == byID)
    }

    @Test func explainBugByID() throws {
        let output = try ChecklistText.explanation(of: "forgotten-reset", in: Fixtures.checklist)
        #expect(output == "Forgotten reset (forgotten-reset)\n=================================\n\nWhat goes wrong\n  The buffer still holds the previous caller's bytes.\n")
    }

    @Test func unknownTopicListsValidNames() {
        #expect(throws: RenderingError.self) {
            try ChecklistText.explanation(of: "no-such-thing", in: Fixtures.checklist)
        }
        let error = RenderingError.unknownTopic("x", known: ["pool-scope", "forgotten-reset"])
        #expect(error.description == "'x' is not a checklist item or bug; use one of: pool-scope, forgotten-reset")
    }

    @Test func markdownNoiseIsRemoved() {
        let output = ChecklistText.explanation(of: Self.richBug, lineWidth: 50)
        let expected = """
            A rich bug (rich-bug)
            =====================

            What goes wrong
              The Get result is kept after Put, see the docs
              (https://pkg.go.dev/sync#Pool). A *T stays a
              pointer and snake_case_names stay. #12 stays
              prose.

              Background

              - first point that is long enough to wrap around
                the narrow line width of this test
              - second point
              1. numbered

                  func f() {
                      defer pool.Put(buf)
                  }

            Fix
              Call Reset<U+202E> first.

            """
        Golden.expectEqualText(output, expected)
    }
}
