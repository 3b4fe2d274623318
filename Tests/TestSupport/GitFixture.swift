import Foundation
import Testing

/// A temporary folder for building git repositories with the `git` command line.
///
/// `git` runs with no system or global config and with a fixed identity, so the fixtures do not depend
/// on the machine. The reader under test uses libgit2 only. `withGitFixture` removes the folder.
public final class GitFixture {
    /// The temporary folder, without a trailing slash.
    public let root: String

    public init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let template = NSTemporaryDirectory() + "gitreader-tests-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let created = mkdtemp(&bytes) else {
            Issue.record("mkdtemp failed for \(template)", sourceLocation: sourceLocation)
            throw FixtureError.commandFailed("mkdtemp")
        }
        // Resolve symlinks such as /tmp -> /private/tmp so paths compare equal to libgit2's.
        root = URL(fileURLWithPath: String(cString: created)).resolvingSymlinksInPath().path
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The absolute path of `relative` inside the fixture folder.
    public func path(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    // MARK: - Running git

    /// Runs `git` in the folder `directory` (relative to the fixture) and returns its standard output.
    @discardableResult
    public func git(
        _ arguments: String..., in directory: String = "repo",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        try run("/usr/bin/git", arguments, in: directory, sourceLocation: sourceLocation)
    }

    /// Runs a program with the fixture's environment and returns its standard output.
    @discardableResult
    public func run(
        _ program: String, _ arguments: [String], in directory: String = "repo",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let folder = path(directory)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = environment

        // Standard error goes to a file so that a chatty command cannot block on a full pipe.
        let errorPath = root + "/.stderr-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let errorFile = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorFile
        process.standardInput = FileHandle.nullDevice

        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorFile.close()

        guard process.terminationStatus == 0 else {
            let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            let command = ([program] + arguments).joined(separator: " ")
            Issue.record(
                "\(command) in \(folder) exited with \(process.terminationStatus): \(errorText)",
                sourceLocation: sourceLocation
            )
            throw FixtureError.commandFailed(command)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `git` and returns its output without the final line break, as for `git rev-parse`.
    public func gitLine(
        _ arguments: String..., in directory: String = "repo",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let output = try run("/usr/bin/git", arguments, in: directory, sourceLocation: sourceLocation)
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    private var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["HOME"] = root
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_AUTHOR_NAME"] = "Fixture Author"
        environment["GIT_AUTHOR_EMAIL"] = "author@example.com"
        environment["GIT_COMMITTER_NAME"] = "Fixture Committer"
        environment["GIT_COMMITTER_EMAIL"] = "committer@example.com"
        let settings = [
            ("init.defaultBranch", "main"),
            ("protocol.file.allow", "always"),
            ("core.autocrlf", "false"),
            ("commit.gpgSign", "false"),
            ("advice.detachedHead", "false"),
        ]
        environment["GIT_CONFIG_COUNT"] = String(settings.count)
        for (index, setting) in settings.enumerated() {
            environment["GIT_CONFIG_KEY_\(index)"] = setting.0
            environment["GIT_CONFIG_VALUE_\(index)"] = setting.1
        }
        return environment
    }

    // MARK: - Files

    /// Writes `text` as UTF-8 to `relative` inside the fixture folder, creating folders as needed.
    public func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    public func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true
        )
        try Data(bytes).write(to: url)
    }

    // MARK: - Common setups

    /// Creates `repo` with one commit on `main` that adds `files`.
    public func makeRepository(files: [String: String] = ["README.md": "hello\n"]) throws {
        try git("init", "-q", "repo", in: "")
        try commit(files, message: "initial")
    }

    /// Writes `files` into `repo`, stages everything and commits.
    public func commit(_ files: [String: String] = [:], message: String, in directory: String = "repo") throws {
        for (name, text) in files {
            try write(directory + "/" + name, text)
        }
        try git("add", "-A", in: directory)
        try git("commit", "-q", "--allow-empty", "-m", message, in: directory)
    }
}

public enum FixtureError: Error {
    case commandFailed(String)
}

/// Creates a fixture folder, runs `body` with it and removes the folder afterwards.
public func withGitFixture<Result>(
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (GitFixture) throws -> Result
) throws -> Result {
    let fixture = try GitFixture(sourceLocation: sourceLocation)
    defer { fixture.remove() }
    return try body(fixture)
}
