import Foundation
import PoolReviewCLI

let tool = PoolReviewTool(
    currentDirectory: FileManager.default.currentDirectoryPath,
    environment: ProcessInfo.processInfo.environment,
    outputIsTerminal: isatty(STDOUT_FILENO) == 1,
    standardOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
    standardError: { text in FileHandle.standardError.write(Data(text.utf8)) })
exit(tool.run(Array(CommandLine.arguments.dropFirst())).rawValue)
