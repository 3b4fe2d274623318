import CLibgit2

/// An open git repository, read through libgit2.
///
/// This is the only type that owns libgit2 state. Everything it returns is a plain Swift value
/// (`Revision`, `ChangeSet`, byte arrays, strings), so results can be shared freely.
///
/// Threads: the type is deliberately not `Sendable`. libgit2 allows one thread at a time to use a
/// `git_repository` and the objects read from it, so the compiler keeps each instance inside one
/// isolation domain. To read in parallel, open one `GitRepository` per task. Only the once-per-process
/// `git_libgit2_init` call is shared between instances.
///
/// Object format: libgit2 1.5 reads SHA-1 repositories only. Opening a SHA-256 repository throws
/// `GitReaderError.unsupportedObjectFormat`, so every object id this type returns has 40 hex digits.
public final class GitRepository {
    /// The `git_repository *` this instance owns and frees in `deinit`.
    let handle: OpaquePointer

    /// The absolute path of the git directory, with a trailing slash as libgit2 returns it.
    ///
    /// For a linked worktree this is its private folder under `.git/worktrees/`.
    public let gitDirectory: String

    /// The absolute path of the working tree with a trailing slash, or nil for a bare repository.
    public let workingDirectory: String?

    /// True when the repository was a shallow clone at the time it was opened.
    public let isShallow: Bool

    /// Opens the repository that contains `path`, searching `path` and then each parent folder.
    ///
    /// Works from any folder of a working tree, inside a bare repository and inside a linked worktree.
    /// The search stops at a file system boundary, as git does by default. Environment variables such
    /// as `GIT_DIR` are not read.
    ///
    /// - Throws: `notARepository` when the search finds nothing, `repositoryNotOwned` when libgit2's
    ///   ownership check rejects the repository, `unsupportedObjectFormat` for a SHA-256 repository,
    ///   and `libgit2` for anything else.
    public init(discoveringFrom path: String) throws(GitReaderError) {
        if libgit2InitializationResult < 0 {
            throw .libgit2(GitError.last(function: "git_libgit2_init", code: libgit2InitializationResult))
        }

        var opened: OpaquePointer?
        if let error = attempt("git_repository_open_ext", { git_repository_open_ext(&opened, path, 0, nil) }) {
            throw Self.openError(error, path: path)
        }
        guard let opened else {
            throw unexpectedResult(of: "git_repository_open_ext")
        }

        // From here on the handle is owned: every early exit below must free it.
        let shallowResult = git_repository_is_shallow(opened)
        guard shallowResult >= 0 else {
            let error = GitError.last(function: "git_repository_is_shallow", code: shallowResult)
            git_repository_free(opened)
            throw .libgit2(error)
        }
        guard let gitPath = git_repository_path(opened) else {
            git_repository_free(opened)
            throw unexpectedResult(of: "git_repository_path")
        }

        handle = opened
        gitDirectory = String(cString: gitPath)
        workingDirectory = git_repository_workdir(opened).map { String(cString: $0) }
        isShallow = shallowResult == 1
    }

    deinit {
        git_repository_free(handle)
    }

    /// True when the repository has no working tree.
    public var isBare: Bool { workingDirectory == nil }

    /// The object format of the repository, which is always SHA-1 with libgit2 1.5.
    public var objectFormat: ObjectFormat { .sha1 }

    /// The folder that names this repository in messages: the working tree, or the git directory when bare.
    var displayPath: String { workingDirectory ?? gitDirectory }
}

/// The hash function that names a repository's objects.
public enum ObjectFormat: String, Sendable, Hashable {
    /// 160-bit SHA-1 ids, written as 40 hex digits. The only format that libgit2 1.5 reads.
    case sha1
}

// MARK: - libgit2 setup

/// The result of `git_libgit2_init`, called once per process when the first repository is opened.
///
/// Swift initializes a global constant lazily through `swift_once`, so the call runs exactly once even
/// when several threads open repositories at the same time. The library is never shut down, so its state lives as long as the process.
private let libgit2InitializationResult: Int32 = git_libgit2_init()

// MARK: - Errors while opening

extension GitRepository {
    /// Turns a failure of `git_repository_open_ext` into the error a user can act on.
    private static func openError(_ error: GitError, path: String) -> GitReaderError {
        if error.code == GIT_EOWNER.rawValue {
            return .repositoryNotOwned(path: safeDirectory(near: path), detail: error.message)
        }
        // NOTE: libgit2 1.5 reports a failed ownership check as the missing config value
        // "safe.directory" when none is configured at all. Later libgit2 releases return GIT_EOWNER.
        let isConfigError = error.errorClass == Int32(bitPattern: GIT_ERROR_CONFIG.rawValue)
        if error.code == GIT_ENOTFOUND.rawValue, isConfigError, error.message.contains("safe.directory") {
            return .repositoryNotOwned(
                path: safeDirectory(near: path), detail: "it is not owned by the current user"
            )
        }
        if error.code == GIT_ENOTFOUND.rawValue {
            return .notARepository(path: path)
        }
        if let format = unsupportedObjectFormat(near: path) {
            return .unsupportedObjectFormat(path: path, format: format)
        }
        return .libgit2(error)
    }

    /// Returns the folder to name in `safe.directory` for the repository that contains `path`.
    ///
    /// git matches `safe.directory` against the top-level folder of a working tree, or the git directory
    /// of a bare repository. `git_repository_discover` finds the git directory without checking its owner.
    /// For a linked worktree, whose top-level folder cannot be read from that result, `path` is returned.
    private static func safeDirectory(near path: String) -> String {
        var discovered = git_buf()
        defer { git_buf_dispose(&discovered) }
        guard git_repository_discover(&discovered, path, 0, nil) == 0, let directory = discovered.ptr else {
            return path
        }
        let gitDirectory = String(cString: directory)
        if gitDirectory.hasSuffix("/.git/") {
            return String(gitDirectory.dropLast("/.git/".count))
        }
        if gitDirectory.contains("/.git/worktrees/") {
            return path
        }
        return gitDirectory.hasSuffix("/") ? String(gitDirectory.dropLast()) : gitDirectory
    }

    /// Returns the `extensions.objectformat` value of the repository that contains `path` when it is
    /// set to anything other than SHA-1, and nil otherwise.
    ///
    /// libgit2 1.5 refuses to open such a repository with a generic error, so this reads the repository's
    /// own config file to name the real cause. It uses `git_repository_discover`, which finds the git
    /// directory without checking extensions.
    private static func unsupportedObjectFormat(near path: String) -> String? {
        var discovered = git_buf()
        defer { git_buf_dispose(&discovered) }
        guard git_repository_discover(&discovered, path, 0, nil) == 0, let directory = discovered.ptr else {
            return nil
        }

        var config: OpaquePointer?
        let configPath = String(cString: directory) + "config"
        guard git_config_open_ondisk(&config, configPath) == 0, let config else {
            return nil
        }
        defer { git_config_free(config) }

        var value = git_buf()
        defer { git_buf_dispose(&value) }
        guard git_config_get_string_buf(&value, config, "extensions.objectformat") == 0, let text = value.ptr else {
            return nil
        }
        let format = String(cString: text)
        return format.lowercased() == "sha1" ? nil : format
    }
}
