import Foundation
import Testing

/// The outcome of one run of the `poolreview` binary.
struct BinaryRun {
    var status: Int32
    var standardOutput: String
    var standardError: String
    /// True when the run passed its deadline and was killed.
    var timedOut: Bool
    /// Wall-clock time of the run.
    var duration: Duration
}

/// The built `poolreview` binary, next to the test bundle.
let poolreviewBinary: URL = {
    let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
        bundleFolder.appendingPathComponent("poolreview"),
        bundleFolder.deletingLastPathComponent().appendingPathComponent("poolreview"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}()

/// Runs the built binary from `directory` and kills it with SIGKILL when it is still running
/// after `deadline`, so that a hang fails the test instead of blocking the suite.
///
/// Standard output and standard error go to files, not pipes, so a large review cannot block
/// on a full pipe. `environment` replaces the process environment when given.
func runBinary(
    _ arguments: [String], in directory: String, environment: [String: String]? = nil,
    deadline: Duration = .seconds(60)
) throws -> BinaryRun {
    let outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent("poolreview-run-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: outputFolder) }
    let outputURL = outputFolder.appendingPathComponent("stdout")
    let errorURL = outputFolder.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let outputHandle = try FileHandle(forWritingTo: outputURL)
    let errorHandle = try FileHandle(forWritingTo: errorURL)

    let process = Process()
    process.executableURL = poolreviewBinary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = environment ?? cleanEnvironment()
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    process.standardInput = FileHandle.nullDevice

    let clock = ContinuousClock()
    let start = clock.now
    try process.run()
    var timedOut = false
    while process.isRunning {
        if clock.now - start > deadline {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            break
        }
        usleep(10_000)
    }
    process.waitUntilExit()
    let duration = clock.now - start
    try outputHandle.close()
    try errorHandle.close()

    return BinaryRun(
        status: process.terminationStatus,
        standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
        standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self),
        timedOut: timedOut, duration: duration)
}

/// The test process's environment without CI and git variables, so that a review run by the
/// suite inside a CI job does not read the job's pull request or repository.
func cleanEnvironment() -> [String: String] {
    ProcessInfo.processInfo.environment.filter { key, _ in
        key != "CI" && key != "GITLAB_CI" && !key.hasPrefix("GIT_") && !key.hasPrefix("GITHUB_") && !key.hasPrefix("CI_")
    }
}
