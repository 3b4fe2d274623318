import Foundation
import GitReader
import ReviewModel
import TestSupport
import Testing

@Suite("Unusual input")
struct UnusualInputTests {
    @Test func oddRevisionsThrowOrResolve() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["main.go": "package main\n"])
            let repository = try fixture.open()
            let specs = [
                "", " ", "..", "...", "....", "@", "HEAD^{tree}", "HEAD@{upstream}", ":/initial", "HEAD:",
                "HEAD~-1", "HEAD~99999999999999999999", "refs/", "main..main..main", "\u{0}", "-h", "💥",
            ]
            for spec in specs {
                do throws(GitReaderError) {
                    _ = try repository.resolve(spec)
                } catch {
                    #expect(!error.description.isEmpty, "message for \(spec)")
                }
                do throws(GitReaderError) {
                    _ = try repository.resolveRange(spec)
                } catch {
                    #expect(!error.description.isEmpty, "range message for \(spec)")
                }
            }
        }
    }

    @Test func oddPathsGiveNil() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["main.go": "package main\n"])
            let repository = try fixture.open()
            let head = try repository.resolve("HEAD")

            for path in ["/main.go", "main.go/", "./main.go", "../main.go", "a//b", "/", "."] {
                #expect(try repository.contents(of: path, at: head) == nil, "contents of \(path)")
                #expect(try repository.goFiles(inDirectory: path, at: head).allSatisfy { $0.hasSuffix(".go") })
            }
        }
    }

    @Test func revisionFromAnotherRepositoryIsNotFound() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["main.go": "package main\n"])
            let repository = try fixture.open()
            let foreign = Revision(sha: String(repeating: "ab", count: 20), spec: "foreign")
            let error = #expect(throws: GitReaderError.self) { try repository.contents(of: "main.go", at: foreign) }

            #expect(error == .revisionNotFound(spec: "foreign"))
            let malformed = Revision(sha: "not hex", spec: "typo")
            #expect(throws: GitReaderError.self) { try repository.changeSet(base: malformed, head: malformed) }
        }
    }
}
