import Foundation
import GitReader
import ReviewModel
import TestSupport
import Testing

/// Go source with `count` distinct lines, so that similarity and line numbers are easy to reason about.
func goSource(lines count: Int, name: String = "value") -> String {
    var text = "package p\n"
    for index in 2...count {
        text += "var \(name)\(index) = \(index)\n"
    }
    return text
}

/// Replaces line `number` (1-based) of `text` with `replacement`.
func replacingLine(_ number: Int, of text: String, with replacement: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[number - 1] = replacement
    return lines.joined(separator: "\n")
}

@Suite("Change sets")
struct ChangeSetTests {
    /// Commits a base with one file per kind of change and a head that applies every kind, and returns
    /// the change set between them.
    private func makeEveryKindOfChange(_ fixture: GitFixture) throws -> ChangeSet {
        let source = goSource(lines: 20, name: "source")
        try fixture.makeRepository(files: [
            "modified.go": goSource(lines: 10),
            "deleted.go": goSource(lines: 3, name: "gone"),
            "old_name.go": goSource(lines: 20, name: "moved"),
            "source.go": source,
            "link.go": goSource(lines: 4, name: "link"),
            "mode.go": goSource(lines: 4, name: "mode"),
            "notes.txt": "first\n",
        ])
        try fixture.write("repo/modified.go", replacingLine(5, of: goSource(lines: 10), with: "var value5 = 50"))
        try fixture.git("rm", "-q", "deleted.go")
        try fixture.git("mv", "old_name.go", "new_name.go")
        try fixture.write("repo/new_name.go", replacingLine(3, of: goSource(lines: 20, name: "moved"), with: "var x = 0"))
        try fixture.write("repo/source.go", replacingLine(7, of: source, with: "var source7 = 70"))
        try fixture.write("repo/copy.go", replacingLine(12, of: source, with: "var copied = 12"))
        try FileManager.default.removeItem(atPath: fixture.path("repo/link.go"))
        try FileManager.default.createSymbolicLink(atPath: fixture.path("repo/link.go"), withDestinationPath: "modified.go")
        try fixture.run("/bin/chmod", ["+x", "mode.go"])
        try fixture.write("repo/notes.txt", "second\n")
        try fixture.write("repo/added.go", goSource(lines: 3, name: "added"))
        try fixture.commit(message: "every kind of change")

        let repository = try fixture.open()
        return try repository.changeSet(base: repository.resolve("HEAD~1"), head: repository.resolve("HEAD"))
    }

    private func file(_ path: String, in changes: ChangeSet, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> FileChange
    {
        try #require(changes.files.first { $0.displayPath == path }, "no change for \(path)", sourceLocation: sourceLocation)
    }

    @Test func statusesMatchGitNameStatus() throws {
        try withGitFixture { fixture in
            let changes = try makeEveryKindOfChange(fixture)
            let letters: [ChangeStatus: String] = [
                .added: "A", .modified: "M", .renamed: "R", .deleted: "D", .copied: "C", .typeChange: "T",
            ]
            let ours = Set(changes.files.map { change in
                [letters[change.status] ?? "?", change.oldPath ?? "", change.newPath ?? ""].joined(separator: " ")
            })
            let gitOutput = try fixture.git("diff", "--name-status", "-C", "HEAD~1", "HEAD")
            let git = Set(gitOutput.split(separator: "\n").map { line in
                let fields = line.split(separator: "\t").map(String.init)
                let letter = String(fields[0].prefix(1))
                switch letter {
                case "A": return "A  \(fields[1])"
                case "D": return "D \(fields[1]) "
                case "R", "C": return "\(letter) \(fields[1]) \(fields[2])"
                default: return "\(letter) \(fields[1]) \(fields[1])"
                }
            })

            #expect(ours == git)
            #expect(changes.files.count == 9)
        }
    }

    @Test func everyKindOfChangeHasExpectedShape() throws {
        try withGitFixture { fixture in
            let changes = try makeEveryKindOfChange(fixture)

            let renamed = try file("new_name.go", in: changes)
            #expect(renamed.status == .renamed)
            #expect(renamed.oldPath == "old_name.go")
            #expect(renamed.hunks == [Hunk(oldStart: 3, oldCount: 1, newStart: 3, newCount: 1, lines: [
                DiffLine(kind: .deletion, oldLine: 3, newLine: nil),
                DiffLine(kind: .addition, oldLine: nil, newLine: 3),
            ])])

            let copied = try file("copy.go", in: changes)
            #expect(copied.status == .copied)
            #expect(copied.oldPath == "source.go")
            #expect(copied.hunks.map(\.newStart) == [12])

            let added = try file("added.go", in: changes)
            #expect(added.status == .added)
            #expect(added.oldPath == nil)
            #expect(added.hunks == [Hunk(oldStart: 0, oldCount: 0, newStart: 1, newCount: 3, lines: [
                DiffLine(kind: .addition, oldLine: nil, newLine: 1),
                DiffLine(kind: .addition, oldLine: nil, newLine: 2),
                DiffLine(kind: .addition, oldLine: nil, newLine: 3),
            ])])

            let deleted = try file("deleted.go", in: changes)
            #expect(deleted.status == .deleted)
            #expect(deleted.newPath == nil)
            #expect(deleted.hunks.first?.lines.map(\.kind) == [.deletion, .deletion, .deletion])
            #expect(deleted.hunks.first?.newCount == 0)
        }
    }

    @Test func filesWithoutHunks() throws {
        try withGitFixture { fixture in
            let changes = try makeEveryKindOfChange(fixture)

            let typeChange = try file("link.go", in: changes)
            #expect(typeChange.status == .typeChange)
            #expect(typeChange.hunks.isEmpty, "a symlink named *.go is not Go source")

            let modeOnly = try file("mode.go", in: changes)
            #expect(modeOnly.status == .modified)
            #expect(modeOnly.hunks.isEmpty)
            #expect(!modeOnly.isBinary)

            let notes = try file("notes.txt", in: changes)
            #expect(notes.status == .modified)
            #expect(notes.hunks.isEmpty, "only Go files get hunks")
            #expect(!notes.isGoFile)
        }
    }

    @Test func binaryGoFileHasNoHunks() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository()
            try fixture.write("repo/data.go", bytes: [0x70, 0x00, 0x01, 0x02, 0x0A])
            try fixture.commit(message: "add binary")
            try fixture.write("repo/data.go", bytes: [0x70, 0x00, 0x01, 0x03, 0x0A])
            try fixture.write("repo/image.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0A])
            try fixture.commit(message: "change binary")
            let repository = try fixture.open()
            let changes = try repository.changeSet(base: repository.resolve("HEAD~1"), head: repository.resolve("HEAD"))

            let data = try file("data.go", in: changes)
            #expect(data.isBinary)
            #expect(data.hunks.isEmpty)
            #expect(try file("image.png", in: changes).isBinary)
        }
    }

    @Test func submoduleIsListedWithoutHunks() throws {
        try withGitFixture { fixture in
            try fixture.git("init", "-q", "library", in: "")
            try fixture.commit(["lib.go": "package lib\n"], message: "library v1", in: "library")
            try fixture.makeRepository()
            try fixture.git("submodule", "add", "-q", "file://" + fixture.path("library"), "vendor/lib.go")
            try fixture.commit(message: "add submodule")
            try fixture.commit(["lib.go": "package lib\n\nvar v = 2\n"], message: "library v2", in: "library")
            try fixture.git("pull", "-q", in: "repo/vendor/lib.go")
            try fixture.commit(message: "bump submodule")
            let repository = try fixture.open()

            let bump = try repository.changeSet(base: repository.resolve("HEAD~1"), head: repository.resolve("HEAD"))
            #expect(bump.files.count == 1)
            let gitlink = try file("vendor/lib.go", in: bump)
            #expect(gitlink.status == .modified)
            #expect(gitlink.isSubmodule)
            #expect(gitlink.hunks.isEmpty)
            #expect(!gitlink.isBinary)

            let addition = try repository.changeSet(base: repository.resolve("HEAD~2"), head: repository.resolve("HEAD~1"))
            #expect(try file("vendor/lib.go", in: addition).isSubmodule)
            #expect(try file("vendor/lib.go", in: addition).status == .added)
            #expect(try file(".gitmodules", in: addition).status == .added)
        }
    }

    @Test func symlinkBecomingGoFileAddsWholeFile() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["target.go": goSource(lines: 2)])
            try FileManager.default.createSymbolicLink(atPath: fixture.path("repo/alias.go"), withDestinationPath: "target.go")
            try fixture.commit(message: "add symlink")
            try FileManager.default.removeItem(atPath: fixture.path("repo/alias.go"))
            try fixture.write("repo/alias.go", goSource(lines: 3, name: "own"))
            try fixture.commit(message: "replace symlink with source")
            let repository = try fixture.open()

            let linkAdded = try repository.changeSet(base: repository.resolve("HEAD~2"), head: repository.resolve("HEAD~1"))
            let link = try file("alias.go", in: linkAdded)
            #expect(link.status == .added)
            #expect(link.hunks.isEmpty, "a symlink named *.go is not Go source")

            let replaced = try repository.changeSet(base: repository.resolve("HEAD~1"), head: repository.resolve("HEAD"))
            let source = try file("alias.go", in: replaced)
            #expect(source.status == .typeChange)
            #expect(source.hunks == [Hunk(oldStart: 0, oldCount: 0, newStart: 1, newCount: 3, lines: [
                DiffLine(kind: .addition, oldLine: nil, newLine: 1),
                DiffLine(kind: .addition, oldLine: nil, newLine: 2),
                DiffLine(kind: .addition, oldLine: nil, newLine: 3),
            ])])
        }
    }

    @Test func sameRevisionGivesNoFiles() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["a.go": goSource(lines: 3)])
            let repository = try fixture.open()
            let head = try repository.resolve("HEAD")
            let changes = try repository.changeSet(base: head, head: head)

            #expect(changes.files.isEmpty)
            #expect(changes.base == head)
            #expect(changes.head == head)
        }
    }

    @Test func unusualPathsRoundTrip() throws {
        try withGitFixture { fixture in
            let paths = ["dir with space/file name.go", "ünïcødé/日本語.go", "back`tick.go", "brackets[1]/x[a-z].go"]
            try fixture.makeRepository(files: Dictionary(uniqueKeysWithValues: paths.map { ($0, goSource(lines: 3)) }))
            try fixture.commit(
                Dictionary(uniqueKeysWithValues: paths.map { ($0, goSource(lines: 4)) }), message: "edit all"
            )
            let repository = try fixture.open()
            let head = try repository.resolve("HEAD")
            let changes = try repository.changeSet(base: repository.resolve("HEAD~1"), head: head)

            #expect(Set(changes.files.compactMap(\.newPath)) == Set(paths))
            for path in paths {
                #expect(try file(path, in: changes).hunks.count == 1, "hunks of \(path)")
                #expect(try repository.contents(of: path, at: head) == Array(goSource(lines: 4).utf8), "contents of \(path)")
            }
        }
    }
}
