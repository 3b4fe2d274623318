import CLibgit2

extension GitRepository {
    // MARK: - Shared git directory

    /// The absolute path of the git directory that all worktrees of the repository share, with a trailing
    /// slash.
    ///
    /// It equals `gitDirectory` except in a linked worktree, where it is the main repository's git
    /// directory. Hooks, config and branches live there.
    public var commonDirectory: String {
        guard let path = git_repository_commondir(handle) else { return gitDirectory }
        return String(cString: path)
    }

    // MARK: - Hooks

    /// Finds the folder that git runs hooks from, as `git rev-parse --git-path hooks` does.
    ///
    /// Without `core.hooksPath` that is the `hooks` folder of the shared git directory, so every linked
    /// worktree uses the main repository's hooks. A relative `core.hooksPath` is taken relative to the
    /// folder git runs hooks in: the top of the working tree, or the git directory of a bare repository.
    /// libgit2 expands a leading `~/` to the home folder.
    ///
    /// NOTE: libgit2 1.5 reads neither a worktree's `config.worktree` nor the `GIT_CONFIG_*` environment
    /// variables, so a `core.hooksPath` set only there is not seen.
    ///
    /// - Returns: the absolute path without a trailing slash. The folder may not exist yet.
    /// - Throws: `libgit2` when the config cannot be read.
    public func hooksDirectory() throws(GitReaderError) -> String {
        guard let configured = try configuredHooksPath(), !configured.isEmpty else {
            return commonDirectory + "hooks"
        }
        let path: String
        if configured.hasPrefix("/") {
            path = configured
        } else {
            path = (workingDirectory ?? gitDirectory) + configured
        }
        return Self.withoutTrailingSlashes(path)
    }

    /// Reads `core.hooksPath` with `~/` expanded, or returns nil when it is not set.
    private func configuredHooksPath() throws(GitReaderError) -> String? {
        var config: OpaquePointer?
        try perform("git_repository_config_snapshot") { git_repository_config_snapshot(&config, handle) }
        guard let config else { throw unexpectedResult(of: "git_repository_config_snapshot") }
        defer { git_config_free(config) }

        var value = git_buf()
        defer { git_buf_dispose(&value) }
        if let error = attempt("git_config_get_path", { git_config_get_path(&value, config, "core.hooksPath") }) {
            if error.code == GIT_ENOTFOUND.rawValue { return nil }
            throw .libgit2(error)
        }
        return value.ptr.map { String(cString: $0) }
    }

    private static func withoutTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") {
            trimmed = trimmed.dropLast()
        }
        return String(trimmed)
    }
}
