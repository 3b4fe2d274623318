import Foundation
import TestSupport
import Testing

/// `.poolreview.json`, `--config-from`, baselines and source links, on the built-in example.
@Suite("Configuration and baselines")
struct ConfigurationTests {
    /// The example repository with `.poolreview.json` committed on the feature branch only.
    private func makeExample(_ fixture: GitFixture, headConfiguration: String) throws {
        try fixture.makeExampleWithRemote()
        try fixture.commit([".poolreview.json": headConfiguration], message: "Configure poolreview")
    }

    private func items(_ run: ToolRun) throws -> [String] {
        try run.jsonFindings().map(\.item)
    }

    @Test("disabled item is not reported")
    func disabledItem() throws {
        try withGitFixture { fixture in
            try makeExample(fixture, headConfiguration: #"{"items": {"size-cap": {"enabled": false}}}"#)
            let run = runTool(["review", "main..csv-export", "--format", "json"], in: fixture.path("repo"))
            #expect(run.status == 1, "\(run.standardError)")
            let found = try items(run)
            #expect(!found.contains("size-cap"))
            #expect(found.contains("copy-before-put"))
        }
    }

    @Test("uncommitted configuration is named in a note")
    func uncommittedConfigurationNote() throws {
        try withGitFixture { fixture in
            try makeExample(fixture, headConfiguration: #"{"items": {"size-cap": {"enabled": false}}}"#)
            try fixture.git("checkout", "-q", "csv-export")

            let committed = runTool(["review", "main..csv-export", "--format", "json"], in: fixture.path("repo"))
            #expect(try notes(committed).isEmpty)

            try fixture.write("repo/.poolreview.json", #"{"items": {"copy-before-put": {"enabled": false}}}"#)
            let edited = runTool(["review", "main..csv-export", "--format", "json"], in: fixture.path("repo"))
            #expect(try items(edited).contains("copy-before-put"), "the review reads the committed file")
            let note = try #require(try notes(edited).first)
            #expect(note.hasPrefix(".poolreview.json in the working tree differs from the one at head "), "\(note)")
            #expect(note.hasSuffix("pass --config-from .poolreview.json to try it"), "\(note)")

            let tried = runTool(
                ["review", "main..csv-export", "--format", "json", "--config-from", ".poolreview.json"], in: fixture.path("repo"))
            #expect(!(try items(tried).contains("copy-before-put")))
            #expect(try notes(tried).isEmpty)
        }
    }

    private func notes(_ run: ToolRun) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        return try #require(object?["notes"] as? [String], "\(run.standardOutput)")
    }

    @Test("CI reads configuration from the base")
    func ciUsesBaseConfiguration() throws {
        try withGitFixture { fixture in
            try makeExample(fixture, headConfiguration: #"{"items": {"size-cap": {"enabled": false}}}"#)
            let payload = pullRequestPayload(base: try fixture.sha("main"), head: try fixture.sha("csv-export"))
            let environment = try fixture.gitHubEnvironment(event: "pull_request", payload: payload)

            let ci = try binaryOutcome(fixture, ["review", "--format", "json", "--no-step-summary"], extra: environment)
            #expect(ci.status == 1, "\(ci.standardError)")
            #expect(try items(ci).contains("size-cap"), "a pull request must not switch off its own review")

            let fromHead = try binaryOutcome(
                fixture, ["review", "--format", "json", "--no-step-summary", "--config-from", "head"], extra: environment)
            #expect(!(try items(fromHead).contains("size-cap")))
        }
    }

    @Test("severity override applies")
    func severityOverride() throws {
        try withGitFixture { fixture in
            try makeExample(fixture, headConfiguration: #"{"items": {"copy-before-put": {"severity": "info"}}}"#)
            let run = runTool(["review", "main..csv-export", "--format", "json"], in: fixture.path("repo"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
            let findings = try #require(object["findings"] as? [[String: Any]])
            let copy = try #require(findings.first { $0["item"] as? String == "copy-before-put" })
            #expect(copy["severity"] as? String == "info")
        }
    }

    @Test("excluded paths are not reviewed")
    func excludedPaths() throws {
        try withGitFixture { fixture in
            try makeExample(fixture, headConfiguration: #"{"paths": {"exclude": ["receipt*.go"]}}"#)
            let run = runTool(["review", "main..csv-export", "--format", "json"], in: fixture.path("repo"))
            #expect(run.status == 0, "\(run.standardOutput)")
            #expect(try items(run).isEmpty)
            let allNotes = try notes(run)
            let excluded = allNotes.filter { $0.hasSuffix("not reviewed because the configuration's paths exclude them") }
            #expect(excluded.count == 1, "\(allNotes)")
            #expect(excluded.first?.first?.isNumber == true)
        }
    }

    @Test("configured wrapper is recognised")
    func configuredWrapper() throws {
        try withGitFixture { fixture in
            try fixture.git("init", "-q", "repo", in: "")
            let source = """
                package render

                import "example.com/bufpool"

                // Title writes the title and never gives the buffer back.
                func Title(s string) string {
                \tb := bufpool.Take()
                \tb.WriteString(s)
                \treturn b.String()
                }

                """
            try fixture.commit([
                "render.go": source,
                ".poolreview.json": #"{"wrappers": [{"name": "bufpool.Take", "kind": "acquire", "objectType": "*bytes.Buffer", "resets": true}, {"name": "bufpool.Give", "kind": "release"}]}"#,
            ], message: "Render titles")
            let run = runTool(["review", "--all", "--format", "json"], in: fixture.path("repo"))
            #expect(try items(run).contains("deferred-put"), "\(run.standardOutput)")

            let unconfigured = runTool(["review", "--all", "--format", "json", "--config-from", "none"], in: fixture.path("repo"))
            #expect(!(try items(unconfigured).contains("deferred-put")))
        }
    }

    @Test("loose size limit is reported")
    func looseSizeLimit() throws {
        try withGitFixture { fixture in
            try fixture.git("init", "-q", "repo", in: "")
            let source = """
                package render

                import (
                \t"bytes"
                \t"sync"
                )

                const keep = 1 << 30

                var pages = sync.Pool{New: func() any { return new(bytes.Buffer) }}

                func put(b *bytes.Buffer) {
                \tif b.Cap() > keep {
                \t\treturn
                \t}
                \tb.Reset()
                \tpages.Put(b)
                }

                """
            try fixture.commit(["render.go": source, ".poolreview.json": #"{"sizeCap": {"maxBytes": 1048576}}"#], message: "Pool pages")
            let run = runTool(["review", "--all", "--format", "text"], in: fixture.path("repo"))
            #expect(run.standardOutput.contains("size-cap: the size limit keep"), "\(run.standardOutput)")
            #expect(run.standardOutput.contains("1073741824 bytes"))
        }
    }

    @Test("invalid configuration names the key", arguments: [
        (#"{"item": {}}"#, "'item'"),
        (#"{"items": {"size-cap": {"enabled": "no"}}}"#, "'items.size-cap.enabled'"),
        (#"{"items": {"sizecap": {}}}"#, "'items.sizecap'"),
        (#"{"items": {"size-cap": {"severity": "fatal"}}}"#, "'items.size-cap.severity'"),
        (#"{"paths": {"exclude": "vendor"}}"#, "'paths.exclude'"),
        (#"{"sizeCap": {"maxBytes": -1}}"#, "'sizeCap.maxBytes'"),
        (#"{"hookMode": "strict"}"#, "'hookMode'"),
        (#"{"linkTemplate": "http://x/{path}"}"#, "'linkTemplate'"),
        (#"{"wrappers": [{"name": "Take", "kind": "acquire"}]}"#, "'wrappers[0].name'"),
        ("{not json", "not valid JSON"),
    ])
    func invalidConfiguration(text: String, named: String) throws {
        try withGitFixture { fixture in
            try makeExample(fixture, headConfiguration: text)
            let run = runTool(["review", "main..csv-export"], in: fixture.path("repo"))
            #expect(run.status == 2)
            #expect(run.standardError.contains(named), "\(run.standardError)")
            #expect(run.standardError.contains(".poolreview.json at head"))
            #expect(run.standardOutput.isEmpty)
        }
    }

    @Test("unreadable --config-from file is named", arguments: [
        ("missing.json", "No such file or directory"),
        ("repo", "Is a directory"),
        ("/dev/zero", "it is larger than 1 MiB, too large for a configuration file"),
    ])
    func unreadableConfigurationFile(path: String, reason: String) throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let file = path.hasPrefix("/") ? path : fixture.path(path)
            let run = runTool(["review", "main..csv-export", "--config-from", file], in: fixture.path("repo"))
            #expect(run.status == 2)
            #expect(run.standardError.contains("cannot read the configuration file '\(file)': \(reason);"),
                    "\(run.standardError)")
            #expect(run.standardError.contains("or head, base or none"), "\(run.standardError)")
            #expect(!run.standardError.contains("NSCocoaErrorDomain"), "\(run.standardError)")
            #expect(run.standardOutput.isEmpty)
        }
    }

    @Test("baseline hides recorded findings across line moves")
    func baselineHidesRecordedFindings() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let baselinePath = fixture.path("baseline.json")
            let first = runTool(["review", "main..csv-export", "--format", "json", "--write-baseline", baselinePath],
                                in: fixture.path("repo"))
            #expect(first.status == 1)
            let recorded = try first.jsonFindings()

            // Move every line down by two and add one new finding.
            let receipt = try fixture.read("receipt.go")
            let moved = receipt.replacingOccurrences(of: "// Package receipts", with: "// Moved.\n\n// Package receipts")
                + "\n// Echo returns its input through a pooled buffer.\nfunc Echo(s string) []byte {\n\tb := getBuffer()\n\tdefer putBuffer(b)\n\tb.WriteString(s)\n\treturn b.Bytes()\n}\n"
            try fixture.commit(["receipt.go": moved], message: "Move and add Echo")

            let second = runTool(["review", "main..csv-export", "--format", "json", "--baseline", baselinePath],
                                 in: fixture.path("repo"))
            let remaining = try second.jsonFindings()
            #expect(remaining.map(\.item) == ["copy-before-put"], "\(remaining) of \(recorded)")
            #expect(second.standardOutput.contains("hidden by the baseline"))
            #expect(second.status == 1)
        }
    }

    @Test("link template builds https links")
    func linkTemplate() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            let run = runTool(
                ["review", "main..csv-export", "--link-template", "https://git.example.com/receipts/{sha}/{path}#L{line}"],
                in: fixture.path("repo"))
            let head = try fixture.sha("csv-export")
            #expect(run.standardOutput.contains("https://git.example.com/receipts/\(head)/receipt.go#L"), "\(run.standardOutput.prefix(600))")
        }
    }

    @Test("invalid baseline is named")
    func invalidBaseline() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try fixture.write("bad.json", "{\"version\": 7}")
            let run = runTool(["review", "main..csv-export", "--baseline", fixture.path("bad.json")], in: fixture.path("repo"))
            #expect(run.status == 2)
            #expect(run.standardError.contains("bad.json"))
        }
    }
}
