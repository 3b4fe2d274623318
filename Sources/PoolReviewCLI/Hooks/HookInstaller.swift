import Foundation

/// Writes and removes the poolreview `pre-push` hook in one hooks folder.
///
/// A hook that poolreview did not write is never overwritten silently: `install` renames it to
/// `pre-push.local` and the new hook runs it first, or with `force` replaces it and keeps a copy.
struct HookInstaller {
    /// The folder git runs hooks from, without a trailing slash.
    let hooksDirectory: String

    var hookPath: String { hooksDirectory + "/" + HookScript.hookName }
    var chainedPath: String { hooksDirectory + "/" + HookScript.chainedName }

    // MARK: - Installing

    /// Installs the hook that runs `binary` in `mode`, and returns what was done, one sentence a line.
    func install(binary: String, mode: HookMode, force: Bool) throws(HookInstallError) -> [String] {
        try createHooksDirectory()
        let script = HookScript.text(binary: binary, mode: mode)
        var messages: [String] = []

        if let existing = try existingHook() {
            if HookScript.isInstalledByPoolreview(existing) {
                try write(script)
                let previous = HookScript.installedMode(existing).map { ", was \($0.rawValue)" } ?? ""
                messages.append("Updated the poolreview pre-push hook at \(hookPath) (mode \(mode.rawValue)\(previous)).")
                return messages + chainNotice()
            }
            if force {
                let backup = try freeBackupPath()
                try move(hookPath, to: backup)
                messages.append("Replaced the existing pre-push hook at \(hookPath); a copy is at \(backup).")
            } else {
                guard !exists(chainedPath) else {
                    throw .cannotChain(hook: hookPath, chained: chainedPath)
                }
                try move(hookPath, to: chainedPath)
                messages.append(
                    "Moved the existing pre-push hook to \(chainedPath); the poolreview hook runs it first, with the same "
                        + "input, and 'poolreview hook uninstall' moves it back.")
            }
        }

        try write(script)
        messages.insert("Installed the poolreview pre-push hook at \(hookPath) (mode \(mode.rawValue)); it runs \(binary).", at: 0)
        return messages + chainNotice()
    }

    /// Says that an existing `pre-push.local` runs first, when it does and the messages do not
    /// already say so.
    private func chainNotice() -> [String] {
        guard exists(chainedPath) else { return [] }
        return ["The hook runs \(chainedPath) first."]
    }

    // MARK: - Uninstalling

    /// Removes the hook if poolreview wrote it and moves a chained hook back, and returns what was done.
    func uninstall() throws(HookInstallError) -> [String] {
        guard let existing = try existingHook() else {
            return ["There is no pre-push hook at \(hookPath), so there is nothing to uninstall."]
        }
        guard HookScript.isInstalledByPoolreview(existing) else {
            return ["The pre-push hook at \(hookPath) was not installed by poolreview, so it is left in place."]
        }

        var messages: [String] = []
        do {
            try FileManager.default.removeItem(atPath: hookPath)
        } catch {
            throw .fileOperationFailed(operation: "remove", path: hookPath, reason: ReviewCommand.reason(error))
        }
        messages.append("Removed the poolreview pre-push hook from \(hookPath).")

        if exists(chainedPath) {
            try move(chainedPath, to: hookPath)
            messages.append("Moved \(chainedPath) back to \(hookPath).")
        }
        let backups = backupPaths().filter(exists)
        if !backups.isEmpty {
            messages.append(
                "'hook install --force' kept a copy of the hook it replaced at \(backups.joined(separator: ", ")); "
                    + "move it back to \(hookPath) to use it again.")
        }
        return messages
    }

    // MARK: - Files

    /// The text of the current hook, or nil when there is none.
    ///
    /// A hook that is not valid UTF-8, such as a compiled program, is read with replacement
    /// characters, which is enough to look for the marker line.
    private func existingHook() throws(HookInstallError) -> String? {
        guard exists(hookPath) else { return nil }
        guard let data = FileManager.default.contents(atPath: hookPath) else {
            // A dangling symbolic link or an unreadable file is still a hook that is not ours.
            return ""
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func createHooksDirectory() throws(HookInstallError) {
        do {
            try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
        } catch {
            throw .fileOperationFailed(operation: "create", path: hooksDirectory, reason: ReviewCommand.reason(error))
        }
    }

    /// Writes the hook to a temporary file in the hooks folder, makes it executable, and renames it
    /// over `pre-push`, so git never runs half a script.
    private func write(_ script: String) throws(HookInstallError) {
        let temporary = hooksDirectory + "/.pre-push.poolreview-\(getpid())"
        do {
            try Data(script.utf8).write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .fileOperationFailed(operation: "write", path: temporary, reason: ReviewCommand.reason(error))
        }
        guard rename(temporary, hookPath) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw .fileOperationFailed(operation: "write", path: hookPath, reason: reason)
        }
    }

    private func move(_ source: String, to destination: String) throws(HookInstallError) {
        guard rename(source, destination) == 0 else {
            throw .fileOperationFailed(
                operation: "rename", path: "\(source) to \(destination)", reason: String(cString: strerror(errno)))
        }
    }

    /// Returns the first free backup name for `--force`: `pre-push.poolreview-backup`, then the
    /// same name with `.1`, `.2`, … when earlier copies exist.
    private func freeBackupPath() throws(HookInstallError) -> String {
        guard let free = backupPaths().first(where: { !exists($0) }) else {
            throw .tooManyBackups(directory: hooksDirectory)
        }
        return free
    }

    private func backupPaths() -> [String] {
        let first = hooksDirectory + "/" + HookScript.backupName
        return [first] + (1...99).map { "\(first).\($0)" }
    }

    /// True when something, even a dangling symbolic link, is at `path`.
    private func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }
}

/// A hook that cannot be installed or removed. Each message names the file and the next step.
enum HookInstallError: Error, Equatable, CustomStringConvertible {
    case cannotChain(hook: String, chained: String)
    case fileOperationFailed(operation: String, path: String, reason: String)
    case tooManyBackups(directory: String)
    case executableNotFound

    var description: String {
        switch self {
        case .cannotChain(let hook, let chained):
            return "\(hook) is a hook that poolreview did not write, and \(chained) already exists, so the poolreview "
                + "hook cannot run it first from there; move one of the two away, or run 'poolreview hook install "
                + "--force' to replace \(hook) and keep a copy of it"
        case .fileOperationFailed(let operation, let path, let reason):
            return "cannot \(operation) \(path): \(reason); check the permissions of the hooks folder"
        case .tooManyBackups(let directory):
            return "\(directory) already holds 100 copies made by 'hook install --force'; remove the old "
                + "pre-push.poolreview-backup files and try again"
        case .executableNotFound:
            return "cannot find the path of the running poolreview binary, which the hook must call; run poolreview "
                + "by its full path, such as /usr/local/bin/poolreview hook install"
        }
    }
}
