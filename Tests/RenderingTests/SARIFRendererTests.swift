import Foundation
import Rendering
import ReviewModel
import Testing

@Suite("SARIF renderer")
struct SARIFRendererTests {
    private func render(_ report: Report, options: RenderOptions = Fixtures.options) throws -> String {
        try SARIFRenderer().render(report, checklist: Fixtures.checklist, options: options)
    }

    private func run(_ report: Report, options: RenderOptions = Fixtures.options) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(try render(report, options: options).utf8))
        let log = try #require(object as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    private func results(_ report: Report, options: RenderOptions = Fixtures.options) throws -> [[String: Any]] {
        try #require(try run(report, options: options)["results"] as? [[String: Any]])
    }

    // MARK: - Golden files

    @Test func reportWithFindingsMatchesGolden() throws {
        Golden.expectMatch(try render(Fixtures.reportWithFindings), file: "findings.sarif")
    }

    @Test func cleanReportMatchesGolden() throws {
        Golden.expectMatch(try render(Fixtures.cleanReport), file: "clean.sarif")
    }

    @Test func wholeTreeReportMatchesGolden() throws {
        let options = RenderOptions(toolVersion: Fixtures.version, repositoryURL: "https://github.com/owner/repo.git")
        Golden.expectMatch(try render(Fixtures.wholeTreeReport, options: options), file: "whole-tree.sarif")
    }

    // MARK: - Log and rules

    @Test func logNamesSchemaAndVersion() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try render(Fixtures.cleanReport).utf8))
        let log = try #require(object as? [String: Any])
        #expect(log["$schema"] as? String == SARIFRenderer.schemaURI)
        #expect(log["version"] as? String == "2.1.0")
    }

    @Test func driverListsOneRulePerItem() throws {
        let tool = try #require(try run(Fixtures.cleanReport)["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "poolreview")
        #expect(driver["version"] as? String == Fixtures.version)

        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ChecklistItemID.allCases.map(\.rawValue))
        #expect(rules[2]["name"] as? String == "DeferredPut")
        #expect(rules[1]["name"] as? String == "NewReturnsPointer")
        #expect((rules[2]["shortDescription"] as? [String: String])?["text"] == "Deferred Put")
        #expect((rules[2]["fullDescription"] as? [String: String])?["text"] == "Does the change handle deferred-put correctly?")
    }

    @Test func ruleLevelFollowsItemSeverity() throws {
        let tool = try #require(try run(Fixtures.cleanReport)["tool"] as? [String: Any])
        let rules = try #require((tool["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let levels = rules.map { ($0["defaultConfiguration"] as? [String: String])?["level"] }
        #expect(levels.filter { $0 == "warning" }.count == 11)
        #expect(levels[11] == "note")
    }

    @Test func ruleHelpCarriesBugExplanations() throws {
        let tool = try #require(try run(Fixtures.cleanReport)["tool"] as? [String: Any])
        let rules = try #require((tool["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let help = try #require(rules[2]["help"] as? [String: String])
        let markdown = try #require(help["markdown"])
        let text = try #require(help["text"])

        #expect(markdown.hasPrefix("Does the change handle deferred-put correctly?\n\n### Get without Put\n\n"))
        #expect(markdown.contains("**What goes wrong.** An object taken with `Get` is never returned"))
        #expect(markdown.contains("```go\nbuf := bufPool.Get().(*bytes.Buffer)\ndefer bufPool.Put(buf)\n```"))
        #expect(text.hasPrefix("deferred-put: Deferred Put\n"))
        #expect(text.contains("Get without Put (get-without-put)"))
        #expect(!text.contains("`"))
        #expect((rules[0]["help"] as? [String: String])?["markdown"] == "Does the change handle pool-scope correctly?")
    }

    @Test func missingBugExplanationIsAnError() {
        var checklist = Fixtures.checklist
        checklist.items[4].bugs = ["no-such-bug"]
        #expect(throws: RenderingError.missingBugExplanation(bug: "no-such-bug", item: .resetKeepsAllocation)) {
            try SARIFRenderer().render(Fixtures.cleanReport, checklist: checklist, options: Fixtures.options)
        }
    }

    // MARK: - Results

    @Test func resultsReferenceRulesAndLevels() throws {
        let results = try results(Fixtures.reportWithFindings)
        #expect(results.map { $0["ruleId"] as? String } == ["size-cap", "deferred-put", "reset-before-use"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [5, 2, 3])
        #expect(results.map { $0["level"] as? String } == ["note", "error", "warning"])
        #expect((results[1]["message"] as? [String: String])?["text"] == "buf from bufPool.Get is not put back when render fails")
        #expect((results[2]["properties"] as? [String: [String]])?["bugs"] == ["forgotten-reset", "get-without-put"])
    }

    @Test func locationHasRegionSnippetAndContext() throws {
        let result = try results(Fixtures.reportWithFindings)[2]
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: String])
        #expect(artifact == ["uri": "internal/render/buffer.go", "uriBaseId": "%SRCROOT%"])

        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 57)
        #expect(region["endLine"] as? Int == 59)
        #expect((region["snippet"] as? [String: String])?["text"] == "\tbuf.WriteString(header)\n\n\tbuf.Reset()")

        let context = try #require(location["contextRegion"] as? [String: Any])
        #expect(context["startLine"] as? Int == 56)
        #expect(context["endLine"] as? Int == 59)
        #expect((context["snippet"] as? [String: String])?["text"]?.hasPrefix("\tbuf := bufPool.Get().(*bytes.Buffer)\n") == true)
    }

    @Test func regionOutsideExcerptHasNoSnippet() throws {
        var report = Fixtures.wholeTreeReport
        report.findings[0].endLine = 90
        let location = try #require(
            (try results(report)[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["snippet"] == nil)
        #expect(region["endLine"] as? Int == 90)
        #expect(location["contextRegion"] != nil)
    }

    @Test func relatedLinesBecomeRelatedLocations() throws {
        var report = Fixtures.wholeTreeReport
        report.findings[0].relatedLines = [80, 95]
        let related = try #require(try results(report)[0]["relatedLocations"] as? [[String: Any]])
        #expect(related.map { $0["id"] as? Int } == [1, 2])
        let lines = related.map { (($0["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])?["startLine"] }
        #expect(lines == [80, 95])
    }

    @Test func fingerprintsUseAnchorText() throws {
        var report = Fixtures.reportWithFindings
        report.findings[1].anchorText = "buf := bufPool.Get().(*bytes.Buffer)"
        let results = try results(report)
        let expected = FindingFingerprint.fingerprints(of: report.findings)
        let actual = results.map { ($0["partialFingerprints"] as? [String: String])?[FindingFingerprint.sarifKey] }
        #expect(actual == expected)
        #expect(actual[1] == "02a29e9d0ad8e223a49818d2a3b88d5fed78d252eab2728ec66467e79f2be56e:1")
    }

    // MARK: - Run details

    @Test func provenanceNeedsRepositoryURL() throws {
        #expect(try run(Fixtures.reportWithFindings)["versionControlProvenance"] == nil)

        let options = RenderOptions(toolVersion: "1", repositoryURL: "https://gitlab.com/group/sub/repo/")
        let provenance = try #require(try run(Fixtures.reportWithFindings, options: options)["versionControlProvenance"] as? [[String: Any]])
        #expect(provenance.first?["repositoryUri"] as? String == "https://gitlab.com/group/sub/repo")
        #expect(provenance.first?["revisionId"] as? String == Fixtures.head.sha)
        #expect((provenance.first?["mappedTo"] as? [String: String])?["uriBaseId"] == "%SRCROOT%")
    }

    @Test func invalidRepositoryURLIsAnError() {
        let options = RenderOptions(toolVersion: "1", repositoryURL: "git@github.com:owner/repo.git")
        #expect(throws: RenderingError.invalidRepositoryURL("git@github.com:owner/repo.git")) {
            try render(Fixtures.cleanReport, options: options)
        }
    }

    @Test func runPropertiesNameBothRevisions() throws {
        let properties = try #require(try run(Fixtures.reportWithFindings)["properties"] as? [String: Any])
        #expect(properties["baseRevision"] as? String == Fixtures.base.sha)
        #expect(properties["headRevision"] as? String == Fixtures.head.sha)
        #expect(properties["reviewsWholeTree"] as? Bool == false)
    }

    @Test func notesAndSkippedFilesBecomeNotifications() throws {
        var report = Fixtures.wholeTreeReport
        report.notes = ["internal/cache/entry.go:12: //poolreview:ignore names the unknown item 'defered-put'"]
        let invocation = try #require((try run(report)["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)

        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 2)
        #expect(notifications[0]["level"] as? String == "warning")
        #expect((notifications[0]["message"] as? [String: String])?["text"] == report.notes[0])
        #expect(notifications[1]["level"] as? String == "note")
        #expect((notifications[1]["message"] as? [String: String])?["text"] == "the file was not analysed: the file is not valid UTF-8")
    }

    // MARK: - Hostile input

    @Test func hostilePathIsRelativeURIReference() throws {
        let results = try results(Hostile.report)
        let location = try #require((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let uri = try #require((location["artifactLocation"] as? [String: String])?["uri"])

        #expect(uri.removingPercentEncoding == Hostile.path)
        #expect(uri.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(!uri.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(!uri.contains(":"))
        #expect(!uri.contains("#"))
        #expect(!uri.contains("?"))
        #expect(!uri.contains(" "))
    }

    @Test(arguments: [
        ("c:/windows/x.go", "c%3A/windows/x.go"),
        ("//evil.example/x.go", ".//evil.example/x.go"),
        ("/etc/passwd", "./etc/passwd"),
        ("a b/100%.go", "a%20b/100%25.go"),
        ("dir/ünï.go", "dir/%C3%BCn%C3%AF.go"),
    ])
    func pathBecomesSafeReference(path: String, expected: String) throws {
        var report = Fixtures.wholeTreeReport
        report.findings[0].path = path
        let location = try #require((try results(report)[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: String])?["uri"] == expected)
    }

    @Test func hostileTextRoundTripsWithoutRawControls() throws {
        let output = try render(Hostile.report)
        #expect(!output.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(!output.unicodeScalars.contains { Hostile.invisibleScalars.contains($0.value) })

        let result = try #require(try results(Hostile.report).first)
        #expect((result["message"] as? [String: String])?["text"] == Hostile.message)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let context = try #require(location["contextRegion"] as? [String: Any])
        #expect((context["snippet"] as? [String: String])?["text"] == Hostile.excerptLines.joined(separator: "\n"))
    }

    @Test func everyControlCharacterStaysValidJSON() throws {
        let text = String(String.UnicodeScalarView((0...0x20).compactMap(Unicode.Scalar.init)))
            + "\u{7F}\u{85}\u{2028}\u{2029}\u{202E}\u{2066}\"\\/::%,é🙂"
        var report = Fixtures.wholeTreeReport
        report.findings[0].message = text
        report.findings[0].anchorText = text
        report.notes = [text]

        let result = try #require(try results(report).first)
        #expect((result["message"] as? [String: String])?["text"] == text)
        let invocation = try #require((try run(report)["invocations"] as? [[String: Any]])?.first)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect((notification["message"] as? [String: String])?["text"] == text)
    }
}
