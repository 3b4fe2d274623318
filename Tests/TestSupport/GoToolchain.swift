import Foundation

/// The `go` and `gofmt` commands on PATH, used to compile the Go examples of the bug explanations.
public struct GoToolchain: Sendable {
    public var go: URL
    public var gofmt: URL?

    /// The toolchain on PATH, or nil when `go` is not installed.
    public static let installed: GoToolchain? = find(path: ProcessInfo.processInfo.environment["PATH"] ?? "")

    /// Looks up `go` and `gofmt` in the folders of a PATH value.
    public static func find(path: String) -> GoToolchain? {
        let folders = path.split(separator: ":").map { URL(fileURLWithPath: String($0), isDirectory: true) }

        func executable(named name: String) -> URL? {
            folders
                .map { $0.appendingPathComponent(name) }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        }

        guard let go = executable(named: "go") else { return nil }
        return GoToolchain(go: go, gofmt: executable(named: "gofmt"))
    }

    /// Runs `go` with `arguments` in `directory` and returns its exit status and combined output.
    public func runGo(_ arguments: [String], in directory: URL) throws -> CommandResult {
        try Self.run(go, arguments, in: directory)
    }

    /// Runs `gofmt` with `arguments` in `directory`, or returns nil when `gofmt` is not installed.
    public func runGofmt(_ arguments: [String], in directory: URL) throws -> CommandResult? {
        guard let gofmt else { return nil }
        return try Self.run(gofmt, arguments, in: directory)
    }

    // MARK: - Private

    private static func run(_ executable: URL, _ arguments: [String], in directory: URL) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = isolatedEnvironment(temporaryFolder: directory)

        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()

        // Read before waiting: a full pipe would otherwise block the child forever.
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    /// Returns the inherited environment, changed so that `go` stays offline and ignores a
    /// developer's `go.work` and `GOFLAGS`.
    private static func isolatedEnvironment(temporaryFolder: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GOWORK"] = "off"
        environment["GOFLAGS"] = ""
        environment["GOPROXY"] = "off"
        environment["GOTOOLCHAIN"] = "local"
        if environment["GOCACHE"] == nil, environment["HOME"] == nil, environment["XDG_CACHE_HOME"] == nil {
            environment["GOCACHE"] = temporaryFolder.appendingPathComponent(".gocache").path
        }
        return environment
    }
}

/// The exit status and the combined standard output and error of a finished command.
public struct CommandResult: Sendable {
    public var status: Int32
    public var output: String
}
