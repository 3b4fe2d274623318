import Foundation
import TestSupport
import Testing

/// `poolreview hook install` and `uninstall` next to other hooks and in unusual layouts.
@Suite("Hook install and uninstall")
struct HookInstallTests {
    /// A hook that records its arguments and standard input in `hook-calls.txt` at the top of
    /// the working tree, where git runs hooks.
    private let recordingHook = """
        #!/bin/sh
        echo "args: $*" >> hook-calls.txt
        cat >> hook-calls.txt
        echo "end" >> hook-calls.txt

        """

    private func writeHook(_ fixture: GitFixture, _ text: String, at relative: String = "repo/.git/hooks/pre-push") throws {
        try fixture.write(relative, text)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.path(relative))
    }

    @Test("existing hook runs first and comes back")
    func existingHookChained() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try writeHook(fixture, recordingHook)

            let install = try binaryOutcome(fixture, ["hook", "install", "--mode", "block"])
            #expect(install.status == 0, "\(install.standardError)")
            #expect(install.standardOutput.contains("pre-push.local"))
            #expect(try fixture.read(".git/hooks/pre-push.local") == recordingHook)

            let push = try gitOutcome(fixture, ["push", "origin", "csv-export"])
            #expect(push.status != 0, "the poolreview hook must still stop the push")
            let calls = try fixture.read("hook-calls.txt")
            let pushedLine = "refs/heads/csv-export \(try fixture.sha("csv-export")) refs/heads/csv-export "
            #expect(calls.contains("args: origin \(fixture.path("remote.git"))"))
            #expect(calls.contains(pushedLine), "the chained hook must get git's input: \(calls)")
            #expect((push.standardOutput + push.standardError).contains("reset-before-use"))

            let uninstall = try binaryOutcome(fixture, ["hook", "uninstall"])
            #expect(uninstall.status == 0, "\(uninstall.standardError)")
            #expect(try fixture.read(".git/hooks/pre-push") == recordingHook)
            #expect(!FileManager.default.fileExists(atPath: fixture.path("repo/.git/hooks/pre-push.local")))

            try fixture.write("repo/hook-calls.txt", "")
            let second = try gitOutcome(fixture, ["push", "origin", "csv-export"])
            #expect(second.status == 0)
            #expect(try fixture.read("hook-calls.txt").contains(pushedLine))
            #expect(!(second.standardOutput + second.standardError).contains("poolreview"))
        }
    }

    @Test("failing chained hook stops the push")
    func failingChainedHook() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try writeHook(fixture, "#!/bin/sh\necho 'local checks failed' >&2\nexit 3\n")
            _ = try binaryOutcome(fixture, ["hook", "install"])

            let push = try gitOutcome(fixture, ["push", "origin", "csv-export"])
            #expect(push.status != 0)
            #expect(push.standardError.contains("local checks failed"))
            #expect(!(push.standardOutput + push.standardError).contains("poolreview: reviewing"))
        }
    }

    @Test("install refuses when both hooks exist")
    func installRefusesSecondChain() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try writeHook(fixture, "#!/bin/sh\nexit 0\n")
            try writeHook(fixture, "#!/bin/sh\nexit 0\n", at: "repo/.git/hooks/pre-push.local")

            let refused = try binaryOutcome(fixture, ["hook", "install"])
            #expect(refused.status == 2)
            #expect(refused.standardError.contains("--force"))
            #expect(try fixture.read(".git/hooks/pre-push") == "#!/bin/sh\nexit 0\n")

            let forced = try binaryOutcome(fixture, ["hook", "install", "--force"])
            #expect(forced.status == 0, "\(forced.standardError)")
            #expect(try fixture.read(".git/hooks/pre-push.poolreview-backup") == "#!/bin/sh\nexit 0\n")
            #expect(try fixture.read(".git/hooks/pre-push").contains("# poolreview:pre-push-hook"))
        }
    }

    @Test("uninstall leaves a foreign hook alone")
    func uninstallLeavesForeignHook() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try writeHook(fixture, recordingHook)
            let run = try binaryOutcome(fixture, ["hook", "uninstall"])
            #expect(run.status == 0)
            #expect(run.standardOutput.contains("not installed by poolreview"))
            #expect(try fixture.read(".git/hooks/pre-push") == recordingHook)
        }
    }

    @Test("install again changes the mode")
    func reinstallChangesMode() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            _ = try binaryOutcome(fixture, ["hook", "install"])
            let again = try binaryOutcome(fixture, ["hook", "install", "--mode", "block"])
            #expect(again.status == 0)
            #expect(again.standardOutput.contains("Updated"))
            #expect(again.standardOutput.contains("was warn"))
            #expect(!FileManager.default.fileExists(atPath: fixture.path("repo/.git/hooks/pre-push.local")))

            let push = try gitOutcome(fixture, ["push", "origin", "csv-export"])
            #expect(push.status != 0)
        }
    }

    @Test("core.hooksPath relative to the working tree")
    func relativeHooksPath() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try fixture.git("config", "core.hooksPath", ".githooks")
            try FileManager.default.createDirectory(atPath: fixture.path("repo/sub"), withIntermediateDirectories: true)

            let install = try binaryOutcome(fixture, ["hook", "install", "--mode", "block"], in: "repo/sub")
            #expect(install.status == 0, "\(install.standardError)")
            #expect(install.standardOutput.contains("inside the working tree"))
            #expect(FileManager.default.isExecutableFile(atPath: fixture.path("repo/.githooks/pre-push")))
            #expect(!FileManager.default.fileExists(atPath: fixture.path("repo/.git/hooks/pre-push")))

            let push = try gitOutcome(fixture, ["push", "origin", "csv-export"])
            #expect(push.status != 0)
            #expect((push.standardOutput + push.standardError).contains("the push is stopped"))
        }
    }

    @Test("linked worktree uses the shared hooks")
    func linkedWorktree() throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            try fixture.git("checkout", "-q", "main")
            try fixture.git("worktree", "add", "-q", fixture.path("linked"), "csv-export")

            let install = try binaryOutcome(fixture, ["hook", "install", "--mode", "block"], in: "linked")
            #expect(install.status == 0, "\(install.standardError)")
            #expect(FileManager.default.isExecutableFile(atPath: fixture.path("repo/.git/hooks/pre-push")))

            let push = try gitOutcome(fixture, ["push", "origin", "csv-export"], in: "linked")
            #expect(push.status != 0)
            #expect((push.standardOutput + push.standardError).contains("reset-before-use"))

            let uninstall = try binaryOutcome(fixture, ["hook", "uninstall"], in: "linked")
            #expect(uninstall.status == 0)
            #expect(!FileManager.default.fileExists(atPath: fixture.path("repo/.git/hooks/pre-push")))
        }
    }

    @Test("moved binary falls back or reports", arguments: ["warn", "block"])
    func movedBinary(mode: String) throws {
        try withGitFixture { fixture in
            try fixture.makeExampleWithRemote()
            _ = try binaryOutcome(fixture, ["hook", "install", "--mode", mode])
            let hookPath = "repo/.git/hooks/pre-push"
            let script = try fixture.read(".git/hooks/pre-push")
            let quoted = "'" + poolreviewBinary.path + "'"
            try #require(script.contains("poolreview=" + quoted))
            try writeHook(fixture, script.replacingOccurrences(of: quoted, with: "'/nonexistent/poolreview'"), at: hookPath)

            // Without poolreview on PATH the hook can only report that the binary is gone.
            let missing = try runProcess(
                "/usr/bin/git", ["push", "origin", "csv-export"], in: fixture.path("repo"),
                environment: hookEnvironment(fixture, extra: ["PATH": "/usr/bin:/bin"]))
            #expect(missing.standardError.contains("/nonexistent/poolreview is missing"))
            #expect(missing.status == (mode == "block" ? 1 : 0), "\(missing.standardError)")

            // With a poolreview on PATH the hook runs that one and says so. The warn-mode push
            // above went through, so the branch is removed from the remote to push it again.
            if try fixture.remoteHasBranch("csv-export") {
                try fixture.git("push", "-q", "--no-verify", "origin", "--delete", "csv-export")
            }
            let bin = fixture.path("bin")
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: bin + "/poolreview", withDestinationPath: poolreviewBinary.path)
            let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            let environment = hookEnvironment(fixture, extra: ["PATH": path])
            let fallback = try runProcess(
                "/usr/bin/git", ["push", "origin", "csv-export"], in: fixture.path("repo"), environment: environment)
            let output = fallback.standardOutput + fallback.standardError
            #expect(output.contains("from PATH runs instead"))
            #expect(output.contains("reset-before-use"))
            #expect(fallback.status == (mode == "block" ? 1 : 0))
        }
    }
}
