import Foundation
import PoolReviewCLI
import TestSupport
import Testing

// MARK: - Processes whose failure is an expected outcome

/// The environment for `git` and hooks in a fixture: the same isolation as `GitFixture.git`
/// (no system or global config, a fixed identity, `HOME` inside the fixture), without the CI
/// variables of the machine running the tests.
func hookEnvironment(_ fixture: GitFixture, extra: [String: String] = [:]) -> [String: String] {
    let dropped: Set<String> = ["CI", "GITHUB_ACTIONS", "GITLAB_CI", "NO_COLOR"]
    var environment = ProcessInfo.processInfo.environment.filter { key, _ in
        !key.hasPrefix("GIT_") && !key.hasPrefix("PRE_COMMIT") && !key.hasPrefix("GITHUB_")
            && !key.hasPrefix("CI_") && !dropped.contains(key)
    }
    environment["HOME"] = fixture.root
    environment["TMPDIR"] = fixture.path("tmp")
    try? FileManager.default.createDirectory(atPath: fixture.path("tmp"), withIntermediateDirectories: true)
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_AUTHOR_NAME"] = "Fixture Author"
    environment["GIT_AUTHOR_EMAIL"] = "author@example.com"
    environment["GIT_COMMITTER_NAME"] = "Fixture Committer"
    environment["GIT_COMMITTER_EMAIL"] = "committer@example.com"
    environment["GIT_CONFIG_COUNT"] = "2"
    environment["GIT_CONFIG_KEY_0"] = "init.defaultBranch"
    environment["GIT_CONFIG_VALUE_0"] = "main"
    environment["GIT_CONFIG_KEY_1"] = "advice.detachedHead"
    environment["GIT_CONFIG_VALUE_1"] = "false"
    environment.merge(extra) { _, new in new }
    return environment
}

/// Runs `program` with `arguments` and returns its status and output, whatever the status.
///
/// Standard output and standard error go to files, so a chatty hook cannot block on a full pipe.
/// A process still running after `timeout` seconds is terminated and reported as failed.
func runProcess(
    _ program: String, _ arguments: [String], in directory: String, environment: [String: String],
    input: String? = nil, timeout: TimeInterval = 600
) throws -> ToolRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = environment

    let folder = NSTemporaryDirectory() + "poolreview-process-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outputPath = folder + "/stdout"
    let errorPath = folder + "/stderr"
    let inputPath = folder + "/stdin"
    _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    _ = FileManager.default.createFile(atPath: inputPath, contents: Data((input ?? "").utf8))
    let outputFile = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
    let errorFile = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
    let inputFile = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
    process.standardOutput = outputFile
    process.standardError = errorFile
    process.standardInput = input == nil ? FileHandle.nullDevice : inputFile

    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline {
        usleep(50_000)
    }
    let timedOut = process.isRunning
    if timedOut {
        process.terminate()
    }
    process.waitUntilExit()
    try outputFile.close()
    try errorFile.close()
    try inputFile.close()
    let timeoutNote = timedOut ? "\n\(program) timed out after \(Int(timeout)) seconds and was terminated\n" : ""
    return ToolRun(
        status: timedOut ? -1 : process.terminationStatus,
        standardOutput: try String(contentsOfFile: outputPath, encoding: .utf8),
        standardError: try String(contentsOfFile: errorPath, encoding: .utf8) + timeoutNote)
}

/// Runs `git` in `directory` (relative to the fixture) and returns the outcome without judging it.
func gitOutcome(_ fixture: GitFixture, _ arguments: [String], in directory: String = "repo") throws -> ToolRun {
    try runProcess("/usr/bin/git", arguments, in: fixture.path(directory), environment: hookEnvironment(fixture))
}

/// Runs the built binary with `arguments` in `directory` (relative to the fixture).
func binaryOutcome(
    _ fixture: GitFixture, _ arguments: [String], in directory: String = "repo", extra: [String: String] = [:]
) throws -> ToolRun {
    try runProcess(
        poolreviewBinary.path, arguments, in: fixture.path(directory), environment: hookEnvironment(fixture, extra: extra))
}

/// Runs `PoolReviewTool` in this process with `input` as standard input.
func runTool(_ arguments: [String], in directory: String, environment: [String: String] = [:], input: String) -> ToolRun {
    final class Capture {
        var output = ""
        var error = ""
    }
    let capture = Capture()
    let tool = PoolReviewTool(
        currentDirectory: directory, environment: environment, readStandardInput: { Data(input.utf8) },
        standardOutput: { capture.output += $0 }, standardError: { capture.error += $0 })
    let status = tool.run(arguments)
    return ToolRun(status: status.rawValue, standardOutput: capture.output, standardError: capture.error)
}

// MARK: - Repositories with a remote

extension GitFixture {
    /// Builds the built-in example as a repository with a remote: `repo` has `main` (the clean
    /// base, pushed to the bare `remote.git` as `origin`) and `csv-export` (the change with
    /// error-severity findings, not pushed).
    func makeExampleWithRemote() throws {
        let examples = packageRoot.appendingPathComponent("Examples/receipts").path
        try git("init", "-q", "repo", in: "")
        try copyFolder(examples + "/base", to: ".", matching: "")
        try commit(message: "Render receipts as text and JSON")
        try git("init", "-q", "--bare", "remote.git", in: "")
        try git("remote", "add", "origin", path("remote.git"))
        try git("push", "-q", "origin", "main")
        try git("checkout", "-q", "-b", "csv-export")
        try copyFolder(examples + "/head", to: ".", matching: "")
        try commit(message: "Add CSV export and a summary handler")
    }

    /// Returns the full SHA of the commit that `revision` names in `directory`.
    func sha(_ revision: String, in directory: String = "repo") throws -> String {
        try gitLine("rev-parse", revision, in: directory)
    }

    /// The range `base..head` with both revisions as full SHAs, as the hook prints it.
    func range(_ base: String, _ head: String) throws -> String {
        try sha(base) + ".." + sha(head)
    }

    /// True when the bare remote has the branch `name`.
    func remoteHasBranch(_ name: String) throws -> Bool {
        let output = try git("for-each-ref", "--format=%(refname)", "refs/heads/" + name, in: "remote.git")
        return !output.isEmpty
    }
}

/// Returns the `base..head` of each "the full review" line of a hook's output.
func reviewedRanges(in output: String) -> [String] {
    let marker = "the full review: poolreview review "
    return output.split(separator: "\n").compactMap { line in
        guard let range = line.range(of: marker) else { return nil }
        return String(line[range.upperBound...])
    }
}
