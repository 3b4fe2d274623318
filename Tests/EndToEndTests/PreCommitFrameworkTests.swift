import Foundation
import TestSupport
import Testing

/// Real pushes through hooks that the pre-commit framework installs and runs.
@Suite("pre-commit framework")
struct PreCommitFrameworkTests {
    /// Returns the `pre-commit` executable, or cancels the test with the reason it is missing.
    private func preCommit() throws -> String {
        switch PreCommitInstallation.installed {
        case .success(let executable):
            return executable
        case .failure(let error):
            try Test.cancel("pre-commit could not be installed, so this test did not run: \(error)")
        }
    }

    /// Writes `config` as `.pre-commit-config.yaml` on `csv-export`, and installs pre-commit's
    /// pre-push hook with its cache inside the fixture.
    private func setUp(_ fixture: GitFixture, config: String, preCommit: String) throws -> [String: String] {
        try fixture.makeExampleWithRemote()
        try fixture.commit([".pre-commit-config.yaml": config], message: "Run poolreview before pushes")
        let environment = hookEnvironment(fixture, extra: ["PRE_COMMIT_HOME": fixture.path("pre-commit-home")])
        let install = try runProcess(
            preCommit, ["install", "--hook-type", "pre-push"], in: fixture.path("repo"), environment: environment)
        try #require(install.status == 0, "pre-commit install failed: \(install.standardOutput)\(install.standardError)")
        return environment
    }

    private func push(_ fixture: GitFixture, environment: [String: String]) throws -> ToolRun {
        try runProcess(
            "/usr/bin/git", ["push", "origin", "csv-export"], in: fixture.path("repo"), environment: environment,
            timeout: 900)
    }

    @Test("local system hook follows the mode", arguments: ["warn", "block"])
    func localSystemHook(mode: String) throws {
        let preCommit = try preCommit()
        try withGitFixture { fixture in
            let config = """
                repos:
                  - repo: local
                    hooks:
                      - id: poolreview
                        name: poolreview
                        entry: \(poolreviewBinary.path) pre-commit --mode \(mode)
                        language: system
                        stages: [pre-push]
                        pass_filenames: false
                        always_run: true
                        verbose: true

                """
            let environment = try setUp(fixture, config: config, preCommit: preCommit)

            let push = try push(fixture, environment: environment)
            let output = push.standardOutput + push.standardError
            #expect(output.contains("error: reset-before-use"), "\(output)")
            #expect(output.contains(try fixture.range("main", "csv-export")), "pre-commit must pass the pushed range")
            if mode == "block" {
                #expect(push.status != 0)
                #expect(output.contains("SKIP=poolreview git push"))
                #expect(try !fixture.remoteHasBranch("csv-export"))
            } else {
                #expect(push.status == 0, "\(output)")
                #expect(try fixture.remoteHasBranch("csv-export"))
            }
        }
    }

    /// pre-commit clones the hook repository at `rev` and builds it with `swift build -c release`,
    /// which needs no network because the package has no dependencies.
    @Test("swift hook builds from a clone", .timeLimit(.minutes(20)))
    func swiftHookFromClone() throws {
        let preCommit = try preCommit()
        try withGitFixture { fixture in
            let revision = try makeHookRepository(fixture)
            let config = """
                repos:
                  - repo: \(fixture.path("hook-repo"))
                    rev: \(revision)
                    hooks:
                      - id: poolreview
                        args: [--mode, block]

                """
            let environment = try setUp(fixture, config: config, preCommit: preCommit)

            let push = try push(fixture, environment: environment)
            let output = push.standardOutput + push.standardError
            #expect(push.status != 0, "\(output)")
            #expect(output.contains("error: reset-before-use"), "\(output)")
            #expect(output.contains("the push is stopped"))
            #expect(try !fixture.remoteHasBranch("csv-export"))
        }
    }

    /// Commits the files of this checkout, as git would commit them now (tracked and untracked,
    /// not ignored), into `hook-repo`, and returns the commit.
    private func makeHookRepository(_ fixture: GitFixture) throws -> String {
        let root = packageRoot.path
        let listing = try runProcess(
            "/usr/bin/git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], in: root,
            environment: hookEnvironment(fixture))
        guard listing.status == 0 else {
            try Test.cancel("the package folder is not a git checkout, so it cannot serve as a hook repository")
        }
        try fixture.git("init", "-q", "hook-repo", in: "")
        let manager = FileManager.default
        for path in listing.standardOutput.split(separator: "\0").map(String.init) {
            let source = root + "/" + path
            let destination = fixture.path("hook-repo/" + path)
            guard (try? manager.attributesOfItem(atPath: source)) != nil else { continue }
            try manager.createDirectory(
                atPath: URL(fileURLWithPath: destination).deletingLastPathComponent().path,
                withIntermediateDirectories: true)
            try manager.copyItem(atPath: source, toPath: destination)
        }
        try fixture.commit(message: "Snapshot of the poolreview checkout", in: "hook-repo")
        return try fixture.gitLine("rev-parse", "HEAD", in: "hook-repo")
    }
}
