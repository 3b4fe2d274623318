import Foundation
import TestSupport
import Testing

/// The YAML examples in `docs/` and the hook definition parse, and have the shape their tools need.
@Suite("Documentation examples")
struct DocsExamplesTests {
    /// Returns the YAML code blocks of a Markdown file under the package root.
    private func yamlBlocks(in relative: String) throws -> [String] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(relative), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```yaml" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    /// Parses each YAML text with PyYAML's `safe_load` and returns the values as JSON objects.
    private func parseYAML(_ texts: [String]) throws -> [Any] {
        guard let python = pythonWithYAML() else {
            try Test.cancel("no Python with PyYAML was found, and pre-commit (which brings it) could not be installed")
        }
        return try withGitFixture { fixture in
            var paths: [String] = []
            for (index, text) in texts.enumerated() {
                try fixture.write("example-\(index).yaml", text)
                paths.append(fixture.path("example-\(index).yaml"))
            }
            let script = "import json, sys, yaml\n"
                + "print(json.dumps([yaml.safe_load(open(p)) for p in sys.argv[1:]], default=str))\n"
            let run = try runProcess(python, ["-c", script] + paths, in: fixture.root, environment: hookEnvironment(fixture))
            try #require(run.status == 0, "a YAML example does not parse: \(run.standardError)")
            return try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [Any])
        }
    }

    private func pythonWithYAML() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [findExecutable("python3", environment: environment), "/usr/bin/python3"].compactMap { $0 }
        for python in candidates where FileManager.default.isExecutableFile(atPath: python) {
            if let run = try? runProcess(python, ["-c", "import yaml"], in: "/", environment: environment), run.status == 0 {
                return python
            }
        }
        return PreCommitInstallation.python
    }

    @Test("CI workflows are valid YAML")
    func ciWorkflows() throws {
        let blocks = try yamlBlocks(in: "docs/ci.md")
        try #require(blocks.count == 2, "docs/ci.md should have the GitHub and the GitLab example")
        let parsed = try parseYAML(blocks)

        let workflow = try #require(parsed[0] as? [String: Any])
        // YAML 1.1, which PyYAML reads, turns the key `on` into true.
        #expect(workflow["on"] != nil || workflow["true"] != nil)
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let review = try #require(jobs["review"] as? [String: Any])
        let steps = try #require(review["steps"] as? [[String: Any]])
        for step in steps {
            #expect(step["uses"] != nil || step["run"] != nil, "a step needs 'uses' or 'run': \(step)")
        }
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses.contains("actions/checkout@v4"))
        #expect(uses.contains("github/codeql-action/upload-sarif@v3"))
        let checkout = try #require(steps.first { $0["uses"] as? String == "actions/checkout@v4" })
        #expect((checkout["with"] as? [String: Any])?["fetch-depth"] as? Int == 0)
        let scripts = steps.compactMap { ($0["with"] as? [String: Any])?["script"] as? String }
        #expect(scripts.contains { $0.contains("<!-- poolreview:review -->") })
        let commands = steps.compactMap { $0["run"] as? String }
        #expect(commands.contains { $0.contains("poolreview review --ci") })

        let pipeline = try #require(parsed[1] as? [String: Any])
        let job = try #require(pipeline["poolreview"] as? [String: Any])
        #expect((job["script"] as? [String])?.first?.contains("poolreview review --ci") == true)
        let artifacts = try #require(job["artifacts"] as? [String: Any])
        let reports = try #require(artifacts["reports"] as? [String: Any])
        #expect(reports["codequality"] as? String == "gl-code-quality-report.json")
        #expect((job["variables"] as? [String: Any])?["GIT_DEPTH"] as? String == "0")
    }

    @Test("hook examples are valid YAML")
    func hookExamples() throws {
        let blocks = try yamlBlocks(in: "docs/hooks.md")
        try #require(blocks.count == 3, "docs/hooks.md should have two pre-commit examples and one lefthook example")
        let parsed = try parseYAML(blocks)

        for config in parsed.prefix(2) {
            let repos = try #require((config as? [String: Any])?["repos"] as? [[String: Any]])
            let hooks = try #require(repos.first?["hooks"] as? [[String: Any]])
            #expect(hooks.first?["id"] as? String == "poolreview")
        }
        let lefthook = try #require(parsed[2] as? [String: Any])
        let command = (((lefthook["pre-push"] as? [String: Any])?["commands"] as? [String: Any])?["poolreview"])
            as? [String: Any]
        #expect(command?["use_stdin"] as? Bool == true)
        #expect((command?["run"] as? String)?.hasPrefix("poolreview pre-push {1} {2}") == true)

        if case .success(let preCommit) = PreCommitInstallation.installed {
            try withGitFixture { fixture in
                for (index, block) in blocks.prefix(2).enumerated() {
                    try fixture.write("config-\(index).yaml", block)
                    let run = try runProcess(
                        preCommit, ["validate-config", fixture.path("config-\(index).yaml")], in: fixture.root,
                        environment: hookEnvironment(fixture))
                    #expect(run.status == 0, "pre-commit rejects example \(index): \(run.standardOutput)\(run.standardError)")
                }
            }
        }
    }

    @Test("hook definition has the pre-push shape")
    func hookDefinition() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let parsed = try parseYAML([text])
        let hooks = try #require(parsed.first as? [[String: Any]])
        let hook = try #require(hooks.first)
        #expect(hooks.count == 1)
        #expect(hook["id"] as? String == "poolreview")
        #expect(hook["entry"] as? String == "poolreview pre-commit")
        #expect(hook["language"] as? String == "swift")
        #expect(hook["stages"] as? [String] == ["pre-push"])
        #expect(hook["pass_filenames"] as? Bool == false)
        #expect(hook["always_run"] as? Bool == true)

        if case .success(let preCommit) = PreCommitInstallation.installed {
            let run = try runProcess(
                preCommit, ["validate-manifest", packageRoot.appendingPathComponent(".pre-commit-hooks.yaml").path],
                in: packageRoot.path, environment: ProcessInfo.processInfo.environment)
            #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        }
    }
}
