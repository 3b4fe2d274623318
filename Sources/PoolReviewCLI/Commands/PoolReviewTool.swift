import ChecklistData
import Foundation
import GitReader
import PoolRules
import Rendering
import ReviewModel

/// The `poolreview` command line: parses arguments, runs a command and returns the exit status.
///
/// Everything the binary does goes through `run`, so tests call it without a process.
public struct PoolReviewTool {
    public static let version = "0.1.0"

    /// Exit statuses: no findings, findings, and a usage, repository or revision error.
    public enum ExitStatus: Int32 {
        case clean = 0
        case findings = 1
        case failure = 2
    }

    public var currentDirectory: String
    public var environment: [String: String]
    public var standardOutput: (String) -> Void
    public var standardError: (String) -> Void
    /// True when standard output is a terminal, so text output may use colour.
    public var outputIsTerminal: Bool
    /// Reads all of standard input; only `pre-push` calls it, for git's list of pushed refs.
    public var readStandardInput: () -> Data
    /// The absolute path of the running binary, which `hook install` writes into the hook; nil
    /// when it cannot be found.
    public var executablePath: String?

    public init(
        currentDirectory: String, environment: [String: String], outputIsTerminal: Bool = false,
        executablePath: String? = nil, readStandardInput: @escaping () -> Data = { Data() },
        standardOutput: @escaping (String) -> Void, standardError: @escaping (String) -> Void
    ) {
        self.currentDirectory = currentDirectory
        self.environment = environment
        self.outputIsTerminal = outputIsTerminal
        self.executablePath = executablePath
        self.readStandardInput = readStandardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Runs the command line `arguments` (without the program name).
    public func run(_ arguments: [String]) -> ExitStatus {
        do {
            return try dispatch(arguments)
        } catch let error as UsageError {
            standardError("poolreview: \(error)\n")
        } catch let error as GitReaderError {
            standardError("poolreview: \(error)\n")
        } catch let error as CommandError {
            standardError("poolreview: \(error)\n")
        } catch let error as ConfigurationError {
            standardError("poolreview: \(error)\n")
        } catch {
            standardError("poolreview: \(error)\n")
        }
        return .failure
    }

    private func dispatch(_ arguments: [String]) throws -> ExitStatus {
        guard let command = arguments.first else {
            standardOutput(Usage.main)
            return .clean
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "--help", "-h":
            standardOutput(Usage.main)
            return .clean
        case "--version":
            standardOutput("poolreview \(Self.version)\n")
            return .clean
        case "help":
            return try help(rest)
        case "review":
            if wantsHelp(rest) { return printUsage(of: "review") }
            return try ReviewCommand(tool: self).run(rest)
        case "hook":
            if wantsHelp(rest) { return printUsage(of: "hook") }
            return try HookCommand(tool: self).run(rest)
        case PrePushCommand.name:
            if wantsHelp(rest) { return printUsage(of: PrePushCommand.name) }
            return PrePushCommand(tool: self).run(rest)
        case PreCommitCommand.name:
            if wantsHelp(rest) { return printUsage(of: PreCommitCommand.name) }
            return PreCommitCommand(tool: self).run(rest)
        case "checklist":
            if wantsHelp(rest) { return printUsage(of: "checklist") }
            _ = try ArgumentList(rest, spec: .init(), command: "checklist")
            standardOutput(ChecklistText.list(try Checklist.builtIn()))
            return .clean
        case "explain":
            if wantsHelp(rest) { return printUsage(of: "explain") }
            let parsed = try ArgumentList(rest, spec: .init(maxPositionals: 1), command: "explain")
            guard let topic = parsed.positionals.first else {
                throw UsageError.missingArgument("a checklist item id, its number or a bug id", command: "explain")
            }
            standardOutput(try ChecklistText.explanation(of: topic, in: try Checklist.builtIn()))
            return .clean
        default:
            throw UsageError.unknownCommand(command)
        }
    }

    private func wantsHelp(_ arguments: [String]) -> Bool {
        arguments.contains { $0 == "--help" || $0 == "-h" }
    }

    private func help(_ arguments: [String]) throws -> ExitStatus {
        guard let command = arguments.first else {
            standardOutput(Usage.main)
            return .clean
        }
        guard arguments.count == 1 else { throw UsageError.unexpectedArgument(arguments[1], command: "help") }
        return printUsage(of: command)
    }

    private func printUsage(of command: String) -> ExitStatus {
        guard let text = Usage.commands[command] else {
            standardError("poolreview: \(UsageError.unknownCommand(command))\n")
            return .failure
        }
        standardOutput(text)
        return .clean
    }

    /// True when terminal text may be coloured: standard output is a terminal and `NO_COLOR` is
    /// unset or empty.
    var usesColour: Bool {
        outputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Resolves `path` against the current directory.
    func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: currentDirectory).appendingPathComponent(path).standardizedFileURL.path
    }
}

/// A command that failed on a file or setting the user gave; the message names it.
enum CommandError: Error, CustomStringConvertible {
    case unreadableFile(path: String, option: String, reason: String)
    case invalidTemplate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case invalidBaseline(path: String, reason: String)
    case checklist(String)

    var description: String {
        switch self {
        case .unreadableFile(let path, let option, let reason):
            return "cannot read '\(path)' given to \(option): \(reason)"
        case .invalidTemplate(let path, let reason):
            return "the template '\(path)' is invalid: \(reason); fix it or drop --template to use the built-in one"
        case .writeFailed(let path, let reason):
            return "cannot write '\(path)': \(reason)"
        case .invalidBaseline(let path, let reason):
            return "the baseline '\(path)' is invalid: \(reason); write a new one with --write-baseline"
        case .checklist(let reason):
            return reason
        }
    }
}
