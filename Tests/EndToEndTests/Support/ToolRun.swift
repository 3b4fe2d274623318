import Foundation
import PoolReviewCLI
import TestSupport
import Testing

/// The outcome of one run of the command line.
struct ToolRun {
    var status: Int32
    var standardOutput: String
    var standardError: String

    /// The findings of a `--format json` run, as (item, path, line) triples.
    func jsonFindings(sourceLocation: SourceLocation = #_sourceLocation) throws -> [FindingKey] {
        let object = try JSONSerialization.jsonObject(with: Data(standardOutput.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]], sourceLocation: sourceLocation)
        return findings.compactMap { finding in
            guard let item = finding["item"] as? String, let path = finding["path"] as? String,
                  let line = finding["line"] as? Int else { return nil }
            return FindingKey(item: item, path: path, line: line)
        }
    }
}

/// A finding reduced to what a test compares.
struct FindingKey: Hashable, CustomStringConvertible {
    var item: String
    var path: String
    var line: Int

    var description: String { "\(path):\(line): \(item)" }
}

/// Runs `PoolReviewTool` in this process, from `directory`.
func runTool(_ arguments: [String], in directory: String, environment: [String: String] = [:]) -> ToolRun {
    final class Capture {
        var output = ""
        var error = ""
    }
    let capture = Capture()
    let tool = PoolReviewTool(
        currentDirectory: directory, environment: environment,
        standardOutput: { capture.output += $0 }, standardError: { capture.error += $0 })
    let status = tool.run(arguments)
    return ToolRun(status: status.rawValue, standardOutput: capture.output, standardError: capture.error)
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

/// Runs the built binary as a separate process, from `directory`.
func runBinary(_ arguments: [String], in directory: String, environment: [String: String]? = nil) throws -> ToolRun {
    let process = Process()
    process.executableURL = poolreviewBinary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    if let environment { process.environment = environment }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Standard error is read on another thread so that neither pipe can fill up and block.
    let errorData = LockedData()
    let reader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return ToolRun(
        status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
        standardError: String(decoding: errorData.value, as: UTF8.self))
}

/// The 1-based number of the only line of `text` that contains `marker`.
func lineNumber(of marker: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let matches = lines.indices.filter { lines[$0].contains(marker) }
    #expect(matches.count == 1, "'\(marker)' occurs on \(matches.count) lines", sourceLocation: sourceLocation)
    return (matches.first ?? -1) + 1
}
