import Foundation
import TestSupport
import Testing

/// The built-in example that `Scripts/demo` reviews: `Examples/receipts`.
@Suite("Built-in example change")
struct ExampleChangeTests {
    private func makeExampleRepository(_ fixture: GitFixture) throws {
        let examples = packageRoot.appendingPathComponent("Examples/receipts").path
        try fixture.git("init", "-q", "repo", in: "")
        try fixture.copyFolder(examples + "/base", to: ".")
        try fixture.commit(message: "Render receipts as text and JSON")
        try fixture.git("checkout", "-q", "-b", "csv-export")
        try fixture.copyFolder(examples + "/head", to: ".")
        try fixture.commit(message: "Add CSV export and a summary handler")
    }

    @Test("review flags the introduced bugs")
    func reviewFlagsIntroducedBugs() throws {
        try withGitFixture { fixture in
            try makeExampleRepository(fixture)
            let run = runTool(["review", "main..csv-export", "--format", "json"], in: fixture.path("repo"))
            #expect(run.status == 1, "\(run.standardError)")
            let head = try fixture.read("receipt.go")
            let expected: Set<FindingKey> = [
                FindingKey(item: "benchmem-evidence", path: "receipt.go", line: lineNumber(of: "func RenderCSV(", in: head) + 1),
                FindingKey(item: "deferred-put", path: "receipt.go", line: lineNumber(of: "return \"\", ErrEmpty", in: head)),
                FindingKey(item: "reset-before-use", path: "receipt.go", line: lineNumber(of: "b.WriteString(\"name,cents", in: head)),
                FindingKey(item: "pool-scope", path: "receipt.go", line: lineNumber(of: "scratch := sync.Pool", in: head)),
                FindingKey(item: "benchmem-evidence", path: "receipt.go", line: lineNumber(of: "scratch := sync.Pool", in: head)),
                FindingKey(item: "size-cap", path: "receipt.go", line: lineNumber(of: "defer scratch.Put(sb)", in: head)),
                FindingKey(item: "copy-before-put", path: "receipt.go", line: lineNumber(of: "return b.Bytes(), nil", in: head)),
            ]
            let found = try run.jsonFindings()
            #expect(Set(found) == expected)
            #expect(found.count == expected.count)
        }
    }

    @Test("base revision alone is clean")
    func baseIsClean() throws {
        try withGitFixture { fixture in
            try makeExampleRepository(fixture)
            let run = runTool(["review", "--all", "--head", "main", "--format", "json"], in: fixture.path("repo"))
            let found = try run.jsonFindings()
            #expect(found.allSatisfy { $0.item == "benchmem-evidence" }, "\(found)")
        }
    }

    @Test("markdown review names the chosen base")
    func markdownNamesDefaultBase() throws {
        try withGitFixture { fixture in
            try makeExampleRepository(fixture)
            let run = runTool(["review"], in: fixture.path("repo"))
            #expect(run.status == 1)
            #expect(run.standardOutput.hasPrefix("<!-- poolreview:review -->"))
            #expect(run.standardOutput.contains("merge base of"), "\(run.standardOutput.prefix(400))")
            #expect(run.standardOutput.contains("main"))
        }
    }

    @Test("binary runs from another folder")
    func binaryRunsElsewhere() throws {
        try withGitFixture { fixture in
            try makeExampleRepository(fixture)
            let run = try runBinary(
                ["review", "main..csv-export", "--repo", fixture.path("repo"), "--format", "text"], in: "/")
            #expect(run.status == 1)
            #expect(run.standardOutput.contains("receipt.go:"))
            #expect(run.standardOutput.contains("copy-before-put"))
        }
    }

    @Test("output file and custom template")
    func outputFileWithTemplate() throws {
        try withGitFixture { fixture in
            try makeExampleRepository(fixture)
            try fixture.write("custom.md", "Findings: {{findingCount}}\n{{#findings}}- {{location}} {{item}}\n{{/findings}}")
            let target = fixture.path("out/review.md")
            try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
            let run = runTool(
                ["review", "main..csv-export", "--template", fixture.path("custom.md"), "--output", target],
                in: fixture.path("repo"))
            #expect(run.status == 1)
            #expect(run.standardOutput.isEmpty)
            let written = try String(contentsOfFile: target, encoding: .utf8)
            #expect(written.contains("Findings: 7"), "\(written)")
            #expect(written.contains("copy-before-put"))
            #expect(!written.contains("Pool review"))
        }
    }
}
