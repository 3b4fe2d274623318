import Foundation

/// The pre-commit framework, installed with pip into a virtual environment that the tests own.
///
/// The environment lives in `poolreview-test-tools/pre-commit` under the temporary folder and is
/// reused by later test runs while its `pre-commit --version` works. Installing needs PyPI. When
/// that fails, `installed` contains the reason, and the tests that need pre-commit are cancelled
/// with it.
enum PreCommitInstallation {
    /// The `pre-commit` executable, or the reason it could not be installed.
    static let installed: Result<String, InstallationError> = install()

    /// The Python interpreter of the environment, which has PyYAML because pre-commit needs it.
    static var python: String? {
        guard case .success(let executable) = installed else { return nil }
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("python").path
    }

    struct InstallationError: Error, CustomStringConvertible {
        var description: String
    }

    private static func install() -> Result<String, InstallationError> {
        let folder = NSTemporaryDirectory() + "poolreview-test-tools/pre-commit"
        let executable = folder + "/bin/pre-commit"
        let environment = ProcessInfo.processInfo.environment
        if works(executable, environment: environment) {
            return .success(executable)
        }
        guard let python = findExecutable("python3", environment: environment) else {
            return .failure(InstallationError(description: "python3 is not on PATH, so pre-commit cannot be installed"))
        }

        try? FileManager.default.removeItem(atPath: folder)
        let steps: [(String, [String])] = [
            (python, ["-m", "venv", folder]),
            (folder + "/bin/pip", ["install", "--quiet", "--disable-pip-version-check", "pre-commit"]),
        ]
        for (program, arguments) in steps {
            do {
                let run = try runProcess(program, arguments, in: "/", environment: environment, timeout: 600)
                guard run.status == 0 else {
                    let command = ([program] + arguments).joined(separator: " ")
                    return .failure(InstallationError(
                        description: "\(command) exited with \(run.status): \(run.standardError.suffix(600))"))
                }
            } catch {
                return .failure(InstallationError(description: "cannot run \(program): \(error)"))
            }
        }
        guard works(executable, environment: environment) else {
            return .failure(InstallationError(description: "\(executable) --version fails after pip installed it"))
        }
        return .success(executable)
    }

    private static func works(_ executable: String, environment: [String: String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: executable),
              let run = try? runProcess(executable, ["--version"], in: "/", environment: environment, timeout: 60)
        else {
            return false
        }
        return run.status == 0
    }
}

/// Returns the first executable called `name` in the folders of `PATH`.
func findExecutable(_ name: String, environment: [String: String]) -> String? {
    for folder in (environment["PATH"] ?? "").split(separator: ":") where folder.hasPrefix("/") {
        let candidate = folder + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
    }
    return nil
}
