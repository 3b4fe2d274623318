import Foundation
import TestSupport
import Testing

/// `poolreview review` in simulated GitHub Actions and GitLab CI jobs: the variables and event
/// files those services provide, and no network.
@Suite("CI runs")
struct CIRunTests {
    private let zeros = String(repeating: "0", count: 40)

    // MARK: - GitHub Actions

    @Test("GitHub pull request writes outputs", arguments: ["pull_request", "pull_request_target"])
    func gitHubPullRequest(event: String) throws {
        try withGitFixture { fixture in
            let forkPoint = try fixture.makeExampleWithMovedMain()
            let payload = pullRequestPayload(base: try fixture.sha("main"), head: try fixture.sha("csv-export"))
            let environment = try fixture.gitHubEnvironment(event: event, payload: payload)
            try fixture.write("summary.md", "# Build\n\nearlier step\n")

            let run = try binaryOutcome(
                fixture, ["review", "--format", "text", "--output", "markdown=../review.md", "--output", "json=../review.json"],
                extra: environment)
            #expect(run.status == 1, "\(run.standardError)")
            #expect(run.standardOutput.contains("receipt.go:"))
            #expect(run.standardOutput.contains("error: reset-before-use"))
            #expect(run.standardError.contains("GitHub Actions \(event) event: reviewing"))

            let markdown = try String(contentsOfFile: fixture.path("review.md"), encoding: .utf8)
            #expect(markdown.hasPrefix("<!-- poolreview:review -->"))
            let summary = try String(contentsOfFile: fixture.path("summary.md"), encoding: .utf8)
            #expect(summary.hasPrefix("# Build\n\nearlier step\n"))
            #expect(summary.contains(markdown))

            let range = try fixture.jsonRange("review.json")
            #expect(range.base == forkPoint, "the base must be the merge base, as GitHub's diff shows it")
            #expect(range.head == (try fixture.sha("csv-export")))
        }
    }

    @Test("GitHub pull request writes SARIF")
    func gitHubPullRequestSARIF() throws {
        try withGitFixture { fixture in
            _ = try fixture.makeExampleWithMovedMain()
            let payload = pullRequestPayload(base: try fixture.sha("main"), head: try fixture.sha("csv-export"))
            let environment = try fixture.gitHubEnvironment(event: "pull_request", payload: payload)
            let run = try binaryOutcome(
                fixture, ["review", "--output", "../review.md", "--output", "sarif=../poolreview.sarif"], extra: environment)
            #expect(run.status == 1, "\(run.standardError)")

            let data = try Data(contentsOf: URL(fileURLWithPath: fixture.path("poolreview.sarif")))
            let sarif = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(sarif["version"] as? String == "2.1.0")
            let runs = try #require(sarif["runs"] as? [[String: Any]])
            let results = try #require(runs.first?["results"] as? [[String: Any]])
            #expect(results.count == 7)
            try checkWithSARIFTools(fixture.path("poolreview.sarif"), levels: results.compactMap { $0["level"] as? String })
        }
    }

    /// Validates the file against the official schema and checks that Microsoft's
    /// `sarif-tools` counts the same levels as `levels`.
    private func checkWithSARIFTools(_ path: String, levels: [String]) throws {
        let environment: URL
        switch SARIFTools.environment {
        case .success(let folder):
            environment = folder
        case .failure(let error):
            Issue.record("the SARIF checks need Python 3 with venv and pip, and PyPI: \(error)")
            return
        }
        let validation = try SARIFTools.validate([path], in: environment)
        #expect(validation.schemaID == SARIFTools.officialSchemaID)
        #expect(validation.errors[path] == [], "\(validation.errors[path] ?? ["not validated"])")

        let summary = try SARIFTools.python(["-m", "sarif", "summary", path], in: environment)
        #expect(summary.status == 0, "sarif summary failed: \(summary.standardError)")
        let lines = summary.standardOutput.split(separator: "\n").map(String.init)
        for level in ["error", "warning", "note"] {
            let count = levels.filter { $0 == level }.count
            #expect(lines.contains("\(level): \(count)"), "expected '\(level): \(count)' in:\n\(summary.standardOutput)")
        }
    }

    @Test("annotations print workflow commands")
    func annotationsPrintWorkflowCommands() throws {
        try withGitFixture { fixture in
            _ = try fixture.makeExampleWithMovedMain()
            let payload = pullRequestPayload(base: try fixture.sha("main"), head: try fixture.sha("csv-export"))
            let environment = try fixture.gitHubEnvironment(event: "pull_request", payload: payload)
            let run = try binaryOutcome(
                fixture, ["review", "--output", "../review.md", "--annotations", "--no-step-summary"], extra: environment)
            #expect(run.status == 1, "\(run.standardError)")
            #expect(!FileManager.default.fileExists(atPath: fixture.path("summary.md")))
            #expect(run.standardOutput.contains("::error file="), "\(run.standardOutput)")
        }
    }

    @Test("GitHub push of a new branch")
    func gitHubPushNewBranch() throws {
        try withGitFixture { fixture in
            let forkPoint = try fixture.makeExampleWithMovedMain()
            try fixture.git("push", "-q", "origin", "csv-export")
            try fixture.git("clone", "-q", "--branch", "csv-export", fixture.path("remote.git"), "checkout", in: "")
            let payload: [String: Any] = [
                "ref": "refs/heads/csv-export", "before": zeros, "after": try fixture.sha("csv-export"), "created": true,
                "repository": ["default_branch": "main"],
            ]
            let environment = try fixture.gitHubEnvironment(event: "push", payload: payload)
            let run = try binaryOutcome(
                fixture, ["review", "--format", "json", "--output", "../review.json"], in: "checkout", extra: environment)
            #expect(run.status == 1, "\(run.standardError)")
            #expect(run.standardError.contains("merge base of"))
            #expect(run.standardError.contains("origin/main, because the push created the branch"))
            #expect(try fixture.jsonRange("review.json").base == forkPoint)
        }
    }

    @Test("GitHub push reviews before..after")
    func gitHubPushExistingBranch() throws {
        try withGitFixture { fixture in
            _ = try fixture.makeExampleWithMovedMain()
            let before = try fixture.sha("csv-export")
            try fixture.commit(["notes.txt": "later\n"], message: "Add notes")
            let payload: [String: Any] = [
                "ref": "refs/heads/csv-export", "before": before, "after": try fixture.sha("csv-export"),
            ]
            let environment = try fixture.gitHubEnvironment(event: "push", payload: payload)
            let run = try binaryOutcome(
                fixture, ["review", "--format", "json", "--output", "../review.json"], extra: environment)
            #expect(run.status == 0, "\(run.standardError)")
            let range = try fixture.jsonRange("review.json")
            #expect(range.base == before)
            #expect(range.head == (try fixture.sha("csv-export")))
        }
    }

    @Test("GitHub push that deletes a branch")
    func gitHubPushDeletion() throws {
        try withGitFixture { fixture in
            _ = try fixture.makeExampleWithMovedMain()
            let payload: [String: Any] = ["ref": "refs/heads/gone", "before": try fixture.sha("main"), "after": zeros]
            let environment = try fixture.gitHubEnvironment(event: "push", payload: payload)
            let run = try binaryOutcome(fixture, ["review", "--format", "text"], extra: environment)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardError.contains("the push deleted the branch"))
        }
    }

    @Test("shallow checkout names the fix")
    func shallowCheckout() throws {
        try withGitFixture { fixture in
            _ = try fixture.makeExampleWithMovedMain()
            try fixture.git("push", "-q", "origin", "csv-export")
            try fixture.git(
                "clone", "-q", "--depth", "1", "--branch", "csv-export", "file://" + fixture.path("remote.git"),
                "checkout", in: "")
            let payload = pullRequestPayload(base: try fixture.sha("main"), head: try fixture.sha("csv-export"))
            let environment = try fixture.gitHubEnvironment(event: "pull_request", payload: payload)
            let run = try binaryOutcome(fixture, ["review"], in: "checkout", extra: environment)
            #expect(run.status == 2)
            #expect(run.standardError.contains("fetch-depth: 0"), "\(run.standardError)")
            #expect(run.standardError.contains("git fetch --deepen"))
            #expect(run.standardOutput.isEmpty)
        }
    }

    @Test("explicit base wins over the event")
    func explicitBaseWins() throws {
        try withGitFixture { fixture in
            _ = try fixture.makeExampleWithMovedMain()
            let payload = pullRequestPayload(base: try fixture.sha("main"), head: try fixture.sha("csv-export"))
            let environment = try fixture.gitHubEnvironment(event: "pull_request", payload: payload)
            let run = try binaryOutcome(
                fixture, ["review", "--ci", "--base", "main", "--format", "json", "--output", "../review.json"],
                extra: environment)
            #expect(run.status == 1, "\(run.standardError)")
            let range = try fixture.jsonRange("review.json")
            #expect(range.base == (try fixture.sha("main")))
            #expect(range.head == (try fixture.sha("csv-export")))
        }
    }

    @Test("event without commits")
    func eventWithoutCommits() throws {
        try withGitFixture { fixture in
            _ = try fixture.makeExampleWithMovedMain()
            let environment = try fixture.gitHubEnvironment(event: "workflow_dispatch", payload: ["inputs": [:]])

            let automatic = try binaryOutcome(fixture, ["review", "--format", "text"], extra: environment)
            #expect(automatic.status == 1, "\(automatic.standardError)")
            #expect(automatic.standardError.contains("'workflow_dispatch' names no commits"))
            #expect(automatic.standardError.contains("as outside CI"))

            let explicit = try binaryOutcome(fixture, ["review", "--ci"], extra: environment)
            #expect(explicit.status == 2)
            #expect(explicit.standardError.contains("--base and --head"))
        }
    }

    @Test("CI mode needs a known provider")
    func unknownProvider() throws {
        try withGitFixture { fixture in
            _ = try fixture.makeExampleWithMovedMain()
            let explicit = try binaryOutcome(fixture, ["review", "--ci"], extra: ["CI": "true"])
            #expect(explicit.status == 2)
            #expect(explicit.standardError.contains("neither GitHub Actions"))

            let automatic = try binaryOutcome(fixture, ["review", "--format", "text"], extra: ["CI": "true"])
            #expect(automatic.status == 1, "\(automatic.standardError)")
            #expect(automatic.standardError.isEmpty)
        }
    }

    // MARK: - GitLab CI

    @Test("GitLab merge request picks the range")
    func gitLabMergeRequest() throws {
        try withGitFixture { fixture in
            let forkPoint = try fixture.makeExampleWithMovedMain()
            let environment = [
                "CI": "true", "GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "merge_request_event",
                "CI_MERGE_REQUEST_DIFF_BASE_SHA": forkPoint, "CI_COMMIT_SHA": try fixture.sha("csv-export"),
                "CI_COMMIT_BEFORE_SHA": zeros, "CI_DEFAULT_BRANCH": "main",
            ]
            let run = try binaryOutcome(
                fixture,
                [
                    "review", "--format", "json", "--output", "../review.json", "--output", "markdown=../review.md",
                    "--output", "codeclimate=../gl-code-quality-report.json",
                ],
                extra: environment)
            #expect(run.status == 1, "\(run.standardError)")
            #expect(run.standardError.contains("GitLab CI merge_request_event pipeline"))
            let range = try fixture.jsonRange("review.json")
            #expect(range.base == forkPoint)
            #expect(range.head == (try fixture.sha("csv-export")))
            #expect(!FileManager.default.fileExists(atPath: fixture.path("summary.md")))
            try checkCodeQualityReport(fixture.path("gl-code-quality-report.json"), findingsIn: fixture.path("review.json"))
        }
    }

    /// Checks the fields GitLab reads from a Code Quality report. There must be one entry per
    /// finding of the JSON review. Each entry needs a description, a check name, a unique
    /// fingerprint, a severity that GitLab accepts, and a location with a path and a first line.
    private func checkCodeQualityReport(_ path: String, findingsIn reviewPath: String) throws {
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let entries = try #require(report as? [[String: Any]])
        let review = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reviewPath))) as? [String: Any])
        let findings = try #require(review["findings"] as? [[String: Any]])
        #expect(entries.count == findings.count)
        #expect(!entries.isEmpty)

        let severities: Set<String> = ["info", "minor", "major", "critical", "blocker"]
        for entry in entries {
            #expect((entry["description"] as? String)?.isEmpty == false)
            #expect((entry["check_name"] as? String)?.isEmpty == false)
            #expect(severities.contains(entry["severity"] as? String ?? ""), "\(entry)")
            let location = entry["location"] as? [String: Any]
            #expect((location?["path"] as? String)?.hasSuffix(".go") == true, "\(entry)")
            #expect(((location?["lines"] as? [String: Any])?["begin"] as? Int ?? 0) >= 1, "\(entry)")
        }
        let fingerprints = entries.compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints.count == entries.count)
        #expect(Set(fingerprints).count == fingerprints.count)
    }

    @Test("GitLab merged results use the source branch")
    func gitLabMergedResults() throws {
        try withGitFixture { fixture in
            let forkPoint = try fixture.makeExampleWithMovedMain()
            try fixture.git("checkout", "-q", "-b", "merged-result", "main")
            try fixture.git("merge", "-q", "--no-edit", "csv-export")
            let environment = [
                "CI": "true", "GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "merge_request_event",
                "CI_MERGE_REQUEST_DIFF_BASE_SHA": forkPoint, "CI_COMMIT_SHA": try fixture.sha("merged-result"),
                "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA": try fixture.sha("csv-export"),
            ]
            let run = try binaryOutcome(
                fixture, ["review", "--format", "json", "--output", "../review.json"], extra: environment)
            #expect(run.status == 1, "\(run.standardError)")
            #expect(try fixture.jsonRange("review.json").head == fixture.sha("csv-export"))
        }
    }

    @Test("GitLab push of a new branch")
    func gitLabPushNewBranch() throws {
        try withGitFixture { fixture in
            let forkPoint = try fixture.makeExampleWithMovedMain()
            let environment = [
                "CI": "true", "GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "push",
                "CI_COMMIT_BEFORE_SHA": zeros, "CI_COMMIT_SHA": try fixture.sha("csv-export"), "CI_DEFAULT_BRANCH": "main",
            ]
            let run = try binaryOutcome(
                fixture, ["review", "--format", "json", "--output", "../review.json"], extra: environment)
            #expect(run.status == 1, "\(run.standardError)")
            #expect(try fixture.jsonRange("review.json").base == forkPoint)
        }
    }

    // MARK: - Outputs and exit status

    @Test("fail-on sets the exit threshold", arguments: [("never", 0), ("error", 1), ("warning", 1), ("info", 1)])
    func failOn(level: String, status: Int32) throws {
        try withGitFixture { fixture in
            _ = try fixture.makeExampleWithMovedMain()
            let run = try binaryOutcome(fixture, ["review", "main...csv-export", "--format", "text", "--fail-on", level])
            #expect(run.status == status, "\(run.standardError)")
        }
    }

    @Test("output options are checked", arguments: [
        (["--output", "a.md", "--output", "b.md"], "only one --output may be a plain FILE"),
        (["--output", "yaml=x.yaml"], "./yaml=x.yaml"),
        (["--output", "json=same.json", "--output", "same.json"], "a file that no other --output names"),
        (["--output", "json="], "FILE or FORMAT=FILE"),
        (["--fail-on", "sometimes"], "error, warning, info, never"),
    ])
    func invalidOutputs(arguments: [String], message: String) {
        let run = runTool(["review"] + arguments, in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.standardError.contains(message), "\(run.standardError)")
    }

    @Test("plain output keeps the format")
    func plainOutputWithExtras() throws {
        try withGitFixture { fixture in
            _ = try fixture.makeExampleWithMovedMain()
            let run = runTool(
                ["review", "main...csv-export", "--format", "json", "--output", "../review.json",
                 "--output", "text=../review.txt", "--output", "markdown=../review.md"],
                in: fixture.path("repo"))
            #expect(run.status == 1, "\(run.standardError)")
            #expect(run.standardOutput.isEmpty)
            #expect(try fixture.jsonRange("review.json").head == fixture.sha("csv-export"))
            let text = try String(contentsOfFile: fixture.path("review.txt"), encoding: .utf8)
            #expect(text.contains("poolreview: 7 findings"))
            #expect(!text.contains("\u{1B}["))
            let markdown = try String(contentsOfFile: fixture.path("review.md"), encoding: .utf8)
            #expect(markdown.hasPrefix("<!-- poolreview:review -->"))
        }
    }
}
