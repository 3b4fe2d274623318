import Foundation
import PoolReviewCLI

let currentDirectory = FileManager.default.currentDirectoryPath
let environment = ProcessInfo.processInfo.environment
let tool = PoolReviewTool(
    currentDirectory: currentDirectory,
    environment: environment,
    outputIsTerminal: isatty(STDOUT_FILENO) == 1,
    executablePath: ExecutableLocation.path(
        argument0: CommandLine.arguments[0], currentDirectory: currentDirectory, environment: environment),
    readStandardInput: { FileHandle.standardInput.readDataToEndOfFile() },
    standardOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
    standardError: { text in FileHandle.standardError.write(Data(text.utf8)) })
exit(tool.run(Array(CommandLine.arguments.dropFirst())).rawValue)
