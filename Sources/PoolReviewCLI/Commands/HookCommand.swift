import Foundation
import GitReader

/// `poolreview hook install|uninstall`: manages the `pre-push` hook of a repository.
struct HookCommand {
    let tool: PoolReviewTool

    static let installSpec = ArgumentList.Spec(flags: ["force"], valued: ["repo", "mode"], maxPositionals: 0)
    static let uninstallSpec = ArgumentList.Spec(valued: ["repo"], maxPositionals: 0)

    func run(_ arguments: [String]) throws -> PoolReviewTool.ExitStatus {
        guard let action = arguments.first else {
            throw UsageError.missingArgument("an action, install or uninstall", command: "hook")
        }
        let rest = Array(arguments.dropFirst())
        switch action {
        case "install":
            return try install(rest)
        case "uninstall":
            return try uninstall(rest)
        default:
            throw UsageError.unknownAction(action, command: "hook", expected: "install or uninstall")
        }
    }

    private func install(_ arguments: [String]) throws -> PoolReviewTool.ExitStatus {
        let command = "hook install"
        let parsed = try ArgumentList(arguments, spec: Self.installSpec, command: command)
        guard let binary = tool.executablePath else { throw HookInstallError.executableNotFound }

        let repository = try GitRepository(discoveringFrom: tool.absolutePath(parsed.value("repo") ?? "."))
        // Without --mode, the hookMode of the configuration at HEAD, else warn.
        var configuredMode: String?
        if let head = try? repository.resolve("HEAD"),
           let bytes = try? repository.contents(of: Configuration.fileName, at: head) {
            configuredMode = try Configuration.parse(bytes, source: Configuration.fileName + " at HEAD").hookMode
        }
        let mode = try HookMode.parse(parsed.value("mode") ?? configuredMode, command: command)
        let hooksDirectory = try repository.hooksDirectory()
        let installer = HookInstaller(hooksDirectory: hooksDirectory)
        var messages = try installer.install(binary: binary, mode: mode, force: parsed.has("force"))
        messages += locationNotes(hooksDirectory, repository: repository)
        if mode == .warn {
            messages.append(
                "Findings are printed and pushes go ahead; 'poolreview hook install --mode block' makes findings of "
                    + "severity error stop a push.")
        }
        tool.standardOutput(messages.joined(separator: "\n") + "\n")
        return .clean
    }

    private func uninstall(_ arguments: [String]) throws -> PoolReviewTool.ExitStatus {
        let parsed = try ArgumentList(arguments, spec: Self.uninstallSpec, command: "hook uninstall")
        let repository = try GitRepository(discoveringFrom: tool.absolutePath(parsed.value("repo") ?? "."))
        let installer = HookInstaller(hooksDirectory: try repository.hooksDirectory())
        tool.standardOutput(try installer.uninstall().joined(separator: "\n") + "\n")
        return .clean
    }

    /// Warns when `core.hooksPath` puts the hook where others may run it too.
    private func locationNotes(_ hooksDirectory: String, repository: GitRepository) -> [String] {
        let folder = hooksDirectory + "/"
        if folder.hasPrefix(repository.commonDirectory) {
            return []
        }
        if let workingDirectory = repository.workingDirectory, folder.hasPrefix(workingDirectory) {
            return [
                "Note: core.hooksPath puts the hook inside the working tree, where it may be committed; other "
                    + "clones then run it too, and where \(tool.executablePath ?? "the binary") is missing it "
                    + "falls back to poolreview on PATH.",
            ]
        }
        return [
            "Note: core.hooksPath points outside this repository, so every repository that uses \(hooksDirectory) "
                + "runs this hook.",
        ]
    }
}
