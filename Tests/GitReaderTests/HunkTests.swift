import Foundation
import GitReader
import ReviewModel
import TestSupport
import Testing

@Suite("Hunks and line numbers")
struct HunkTests {
    /// Commits a 30-line Go file, then a head that deletes at the start, replaces one line with two,
    /// inserts lines, deletes in the middle and changes the last line while dropping its line break.
    /// Returns the file's change and `git diff -U0` output for the same two commits.
    private func makeEditedFile(_ fixture: GitFixture) throws -> (change: FileChange, gitOutput: String) {
        let base = goSource(lines: 30)
        try fixture.makeRepository(files: ["edited.go": base])

        var lines = base.split(separator: "\n").map(String.init)
        lines[29] = "var last = 30"
        lines.removeSubrange(19...21)
        lines.insert(contentsOf: ["// inserted one", "// inserted two"], at: 15)
        lines.replaceSubrange(9...9, with: ["var value10 = 100", "var extra = 1"])
        lines.removeSubrange(0...1)
        try fixture.commit(["edited.go": lines.joined(separator: "\n")], message: "edit")

        let repository = try fixture.open()
        let changes = try repository.changeSet(base: repository.resolve("HEAD~1"), head: repository.resolve("HEAD"))
        let change = try #require(changes.files.first)
        let gitOutput = try fixture.git("diff", "-U0", "--no-color", "--no-ext-diff", "HEAD~1", "HEAD", "--", "edited.go")
        return (change, gitOutput)
    }

    @Test func hunksMatchGitDiffZeroContext() throws {
        try withGitFixture { fixture in
            let (change, gitOutput) = try makeEditedFile(fixture)
            let expected = hunksFromUnifiedDiff(gitOutput)

            #expect(expected.count == 5)
            #expect(change.hunks == expected)
        }
    }

    @Test func pureDeletionHunkNumbers() throws {
        try withGitFixture { fixture in
            let (change, _) = try makeEditedFile(fixture)
            let first = try #require(change.hunks.first)

            // Lines 1 and 2 were removed before head line 1.
            #expect(first.oldStart == 1)
            #expect(first.oldCount == 2)
            #expect(first.newStart == 0)
            #expect(first.newCount == 0)
            #expect(first.lines == [
                DiffLine(kind: .deletion, oldLine: 1, newLine: nil),
                DiffLine(kind: .deletion, oldLine: 2, newLine: nil),
            ])

            // Base lines 20 to 22 were removed after what is now head line 20.
            let middle = try #require(change.hunks.first { $0.newCount == 0 && $0.oldStart == 20 })
            #expect(middle.oldCount == 3)
            #expect(middle.newStart == 20)
            #expect(middle.lines.map(\.oldLine) == [20, 21, 22])
            #expect(middle.lines.allSatisfy { $0.newLine == nil })
        }
    }

    @Test func mixedHunkNumbers() throws {
        try withGitFixture { fixture in
            let (change, _) = try makeEditedFile(fixture)
            let mixed = try #require(change.hunks.first { $0.oldStart == 10 })

            // Base line 10 became head lines 8 and 9, because two lines were removed above it.
            #expect(mixed.oldCount == 1)
            #expect(mixed.newStart == 8)
            #expect(mixed.newCount == 2)
            #expect(mixed.lines == [
                DiffLine(kind: .deletion, oldLine: 10, newLine: nil),
                DiffLine(kind: .addition, oldLine: nil, newLine: 8),
                DiffLine(kind: .addition, oldLine: nil, newLine: 9),
            ])
        }
    }

    @Test func touchedLinesAgreeWithGit() throws {
        try withGitFixture { fixture in
            let (change, gitOutput) = try makeEditedFile(fixture)
            let expected = touchedLinesFromUnifiedDiff(gitOutput)
            let touched = change.touchedLines

            #expect(touched.added == expected.added)
            #expect(touched.removalPoints == expected.removalPoints)
            // Head lines 8-9 replace base line 10, 15-16 are inserted and 28 replaces base line 30.
            #expect(touched.added == [8, 9, 15, 16, 28])
            // Removed before head line 1 and between head lines 20 and 21; the other removals were
            // replaced by added lines, which carry the change.
            #expect(touched.removalPoints == [1, 21])
        }
    }

    @Test func crlfContentIsReturnedByteForByte() throws {
        try withGitFixture { fixture in
            let crlf = "package p\r\n\r\nvar a = 1\r\n"
            try fixture.makeRepository(files: ["windows.go": crlf])
            let edited = "package p\r\n\r\nvar a = 2\r\nvar b = 3\r\n"
            try fixture.commit(["windows.go": edited], message: "edit with CRLF")
            let stored = try fixture.git("cat-file", "-p", "HEAD:windows.go")
            try #require(stored == edited, "the fixture must store CRLF in the blob")
            // An attribute that converts line endings must not change what the reader returns.
            try fixture.write("repo/.gitattributes", "*.go text eol=lf\n")
            try fixture.git("add", ".gitattributes")
            try fixture.git("commit", "-q", "-m", "add attributes")
            try #require(try fixture.git("cat-file", "-p", "HEAD:windows.go") == edited)

            let repository = try fixture.open()
            let head = try repository.resolve("HEAD")
            #expect(try repository.contents(of: "windows.go", at: head) == Array(edited.utf8))
            #expect(try repository.contents(of: "windows.go", at: repository.resolve("HEAD~2")) == Array(crlf.utf8))

            let changes = try repository.changeSet(base: repository.resolve("HEAD~2"), head: head)
            let change = try #require(changes.files.first { $0.displayPath == "windows.go" })
            let gitOutput = try fixture.git("diff", "-U0", "--no-color", "HEAD~2", "HEAD", "--", "windows.go")
            #expect(change.hunks == hunksFromUnifiedDiff(gitOutput))
        }
    }
}
