import Foundation
import TestSupport
import Testing

@Suite("Command-line errors")
struct CommandLineErrorTests {
    @Test("unknown revision exits 2 naming it")
    func unknownRevision() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["main.go": "package main\n"])
            let run = try runBinary(["review", "main..no-such-branch"], in: fixture.path("repo"))
            #expect(run.status == 2)
            #expect(run.standardError.contains("no-such-branch"))
            #expect(run.standardError.split(separator: "\n").count == 1, "expected one line: \(run.standardError)")
            #expect(run.standardOutput.isEmpty)
        }
    }

    @Test("path outside a repository exits 2 naming it")
    func notARepository() throws {
        try withGitFixture { fixture in
            try fixture.write("plain/readme.txt", "not a repository\n")
            let folder = fixture.path("plain")
            let run = try runBinary(["review", "--repo", folder], in: fixture.root)
            #expect(run.status == 2)
            #expect(run.standardError.contains(folder))
            #expect(run.standardError.split(separator: "\n").count == 1, "expected one line: \(run.standardError)")
        }
    }

    @Test("unknown option exits 2 naming it")
    func unknownOption() throws {
        let run = try runBinary(["review", "--colour"], in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.standardError.contains("--colour"))
        #expect(run.standardError.contains("poolreview review --help"))
        #expect(run.standardError.split(separator: "\n").count == 1)
    }

    @Test("invalid format value is named")
    func invalidFormat() {
        let run = runTool(["review", "--format", "yaml"], in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.standardError.contains("'yaml'"))
        #expect(run.standardError.contains("markdown"))
    }

    @Test("missing option value is named")
    func missingValue() {
        let run = runTool(["review", "--base"], in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.standardError.contains("--base"))
    }

    @Test("unknown command is named")
    func unknownCommand() {
        let run = runTool(["reveiw"], in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.standardError.contains("'reveiw'"))
    }

    @Test("unknown explain topic exits 2")
    func unknownTopic() {
        let run = runTool(["explain", "no-such-item"], in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.standardError.contains("no-such-item"))
    }

    @Test("unreadable template is named")
    func unreadableTemplate() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["main.go": "package main\n"])
            let run = runTool(["review", "--template", "missing.md", "--all"], in: fixture.path("repo"))
            #expect(run.status == 2)
            #expect(run.standardError.contains("missing.md"))
        }
    }

    @Test("invalid template is rejected before review")
    func invalidTemplate() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["main.go": "package main\n"])
            try fixture.write("bad.md", "{{#findings}}unclosed\n")
            let run = runTool(["review", "--template", fixture.path("bad.md"), "--all"], in: fixture.path("repo"))
            #expect(run.status == 2)
            #expect(run.standardError.contains("bad.md"))
            #expect(run.standardError.contains("findings"))
        }
    }

    @Test("output into a missing folder fails whole")
    func outputFolderMissing() throws {
        try withGitFixture { fixture in
            try fixture.makeRepository(files: ["main.go": "package main\n"])
            let target = fixture.path("no/such/folder/review.md")
            let run = runTool(["review", "--all", "--output", target], in: fixture.path("repo"))
            #expect(run.status == 2)
            #expect(run.standardError.contains(target))
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }
}
