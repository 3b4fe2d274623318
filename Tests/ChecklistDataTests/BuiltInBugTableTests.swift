@testable import ChecklistData
import Testing

@Suite("Built-in bug table")
struct BuiltInBugTableTests {
    @Test func tableListsEveryFileInBugsFolder() throws {
        let ids = Checklist.builtInBugIDs

        #expect(ids.sorted() == (try RepositoryFiles.bugFileIDs()))
        #expect(Set(ids).count == ids.count, "the table lists a bug twice: \(ids)")
    }

    @Test func tableEmbedsEachBugsOwnFile() throws {
        for entry in Checklist.builtInBugFiles {
            // Compared outside #expect, which would print both files as byte arrays on failure.
            let embedsOwnFile = entry.markdown == (try RepositoryFiles.bugFileBytes(id: entry.id))
            #expect(embedsOwnFile, "the table entry '\(entry.id)' does not embed \(RepositoryFiles.bugFilePath(id: entry.id))")
        }
    }

    @Test func builtInChecklistKeepsTableOrder() throws {
        #expect(try Checklist.builtIn().bugs.map(\.id) == Checklist.builtInBugIDs)
    }
}
