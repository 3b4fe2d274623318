import Foundation
import GitReader
import ReviewModel
import TestSupport
import Testing

@Suite("File contents and listings")
struct TreeContentsTests {
    /// Commits a tree with Go files at the root and in packages, a non-Go file, an executable,
    /// a symlink named `*.go`, a folder named `*.go` and a submodule, and returns the opened repository.
    private func makeTree(_ fixture: GitFixture) throws -> GitRepository {
        try fixture.git("init", "-q", "library", in: "")
        try fixture.commit(["lib.go": "package lib\n"], message: "library", in: "library")
        try fixture.makeRepository(files: [
            "main.go": "package main\n",
            "main_test.go": "package main\n",
            "README.md": "readme\n",
            "pkg/pool/pool.go": "package pool\n",
            "pkg/pool/pool_test.go": "package pool\n",
            "pkg/pool/internal/deep.go": "package internal\n",
            "pkg/pool/doc.txt": "docs\n",
            "tools/run.sh": "#!/bin/sh\n",
            "odd.go/inner.go": "package odd\n",
        ])
        try fixture.run("/bin/chmod", ["+x", "tools/run.sh"])
        try FileManager.default.createSymbolicLink(
            atPath: fixture.path("repo/pkg/pool/alias.go"), withDestinationPath: "pool.go"
        )
        try fixture.git("submodule", "add", "-q", "file://" + fixture.path("library"), "pkg/pool/vendored.go")
        try fixture.commit(message: "layout")
        return try fixture.open()
    }

    @Test func contentsOfRegularFiles() throws {
        try withGitFixture { fixture in
            let repository = try makeTree(fixture)
            let head = try repository.resolve("HEAD")

            #expect(try repository.contents(of: "main.go", at: head) == Array("package main\n".utf8))
            #expect(try repository.contents(of: "pkg/pool/pool.go", at: head) == Array("package pool\n".utf8))
            #expect(try repository.contents(of: "tools/run.sh", at: head) == Array("#!/bin/sh\n".utf8))
        }
    }

    @Test func contentsOfOtherEntriesIsNil() throws {
        try withGitFixture { fixture in
            let repository = try makeTree(fixture)
            let head = try repository.resolve("HEAD")

            #expect(try repository.contents(of: "missing.go", at: head) == nil)
            #expect(try repository.contents(of: "pkg/missing/x.go", at: head) == nil)
            #expect(try repository.contents(of: "pkg/pool", at: head) == nil, "a folder")
            #expect(try repository.contents(of: "pkg/pool/alias.go", at: head) == nil, "a symlink")
            #expect(try repository.contents(of: "pkg/pool/vendored.go", at: head) == nil, "a submodule")
            #expect(try repository.contents(of: "", at: head) == nil)
        }
    }

    @Test func contentsAtEarlierRevision() throws {
        try withGitFixture { fixture in
            _ = try makeTree(fixture)
            try fixture.commit(["main.go": "package main\n\nfunc main() {}\n"], message: "edit main")
            let repository = try fixture.open()

            #expect(try repository.contents(of: "main.go", at: repository.resolve("HEAD~1")) == Array("package main\n".utf8))
            #expect(try repository.contents(of: "main.go", at: repository.resolve("HEAD"))?.count == 29)
        }
    }

    @Test func goFilesOfOnePackage() throws {
        try withGitFixture { fixture in
            let repository = try makeTree(fixture)
            let head = try repository.resolve("HEAD")

            #expect(try repository.goFiles(inDirectory: "pkg/pool", at: head) == ["pkg/pool/pool.go", "pkg/pool/pool_test.go"])
            #expect(try repository.goFiles(inDirectory: "pkg/pool/", at: head) == ["pkg/pool/pool.go", "pkg/pool/pool_test.go"])
            #expect(try repository.goFiles(inDirectory: "", at: head) == ["main.go", "main_test.go"])
            #expect(try repository.goFiles(inDirectory: "odd.go", at: head) == ["odd.go/inner.go"])
        }
    }

    @Test func goFilesOfMissingFolderIsEmpty() throws {
        try withGitFixture { fixture in
            let repository = try makeTree(fixture)
            let head = try repository.resolve("HEAD")

            #expect(try repository.goFiles(inDirectory: "no/such/folder", at: head) == [])
            #expect(try repository.goFiles(inDirectory: "main.go", at: head) == [], "a file is not a folder")
        }
    }

    @Test func allFilesSkipsSymlinksAndSubmodules() throws {
        try withGitFixture { fixture in
            let repository = try makeTree(fixture)
            let listing = try fixture.git("ls-tree", "-r", "HEAD")
            let regularFiles = listing.split(separator: "\n").compactMap { line -> String? in
                let fields = line.split(separator: "\t", maxSplits: 1)
                let mode = fields[0].prefix(6)
                return mode == "100644" || mode == "100755" ? String(fields[1]) : nil
            }
            let files = try repository.allFiles(at: repository.resolve("HEAD"))

            #expect(files == regularFiles)
            #expect(files.contains(".gitmodules"))
            #expect(files.contains("pkg/pool/internal/deep.go"))
            #expect(!files.contains("pkg/pool/alias.go"))
            #expect(!files.contains("pkg/pool/vendored.go"))
        }
    }
}
