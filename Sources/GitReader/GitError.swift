import CLibgit2

/// A failed libgit2 call: the C function, its return code and the details from `git_error_last()`.
///
/// The return code is a `git_error_code` (such as `GIT_ENOTFOUND`, -3) and identifies the failure.
/// The error class is a `git_error_t` (such as `GIT_ERROR_REFERENCE`) and says which part of
/// libgit2 reported it. The two are separate numbers and are never compared with each other.
public struct GitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The C function that returned the error, such as `git_revparse_single`.
    public var function: String
    /// The negative `git_error_code` that the function returned.
    public var code: Int32
    /// The `git_error_t` class from `git_error_last()`, or `GIT_ERROR_NONE` when libgit2 set none.
    public var errorClass: Int32
    /// libgit2's message, or an empty string when libgit2 set none.
    public var message: String

    public init(function: String, code: Int32, errorClass: Int32, message: String) {
        self.function = function
        self.code = code
        self.errorClass = errorClass
        self.message = message
    }

    /// Reads the calling thread's last libgit2 error for a call that returned `code`.
    ///
    /// Call this only right after the call failed, because libgit2 does not clear older errors.
    static func last(function: String, code: Int32) -> GitError {
        guard let last = git_error_last() else {
            return GitError(
                function: function, code: code, errorClass: Int32(bitPattern: GIT_ERROR_NONE.rawValue), message: ""
            )
        }
        let message = last.pointee.message.map { String(cString: $0) } ?? ""
        return GitError(function: function, code: code, errorClass: last.pointee.klass, message: message)
    }

    /// The name of `code`, such as `GIT_ENOTFOUND`, or `code -99` for a number libgit2 1.5 does not define.
    public var codeName: String {
        Self.codeNames[code] ?? "code \(code)"
    }

    /// The name of `errorClass`, such as `GIT_ERROR_REFERENCE`, or `class 99` for an unknown number.
    public var className: String {
        Self.classNames[errorClass] ?? "class \(errorClass)"
    }

    public var description: String {
        let details = message.isEmpty ? "libgit2 gave no message" : message
        return "\(function) failed with \(codeName) (\(className)): \(details)"
    }
}

// MARK: - Running libgit2 calls

/// Runs one libgit2 call and returns the error it reported, or nil when it returned 0 or more.
///
/// The thread's last error is cleared first, so the details read after a failure belong to this call.
func attempt(_ function: String, _ call: () -> Int32) -> GitError? {
    git_error_clear()
    let code = call()
    guard code < 0 else { return nil }
    return GitError.last(function: function, code: code)
}

/// Runs one libgit2 call and throws its error as `GitReaderError.libgit2`.
func perform(_ function: String, _ call: () -> Int32) throws(GitReaderError) {
    if let error = attempt(function, call) {
        throw .libgit2(error)
    }
}

/// Makes the error for a libgit2 call that reported success but returned something unusable, such as a
/// NULL output pointer.
func unexpectedResult(
    of function: String, _ message: String = "the call returned success but no object"
) -> GitReaderError {
    .libgit2(GitError(
        function: function, code: GIT_ERROR.rawValue,
        errorClass: Int32(bitPattern: GIT_ERROR_INTERNAL.rawValue), message: message
    ))
}

// MARK: - Names of libgit2's numbers

extension GitError {
    private static let codeNames: [Int32: String] = [
        GIT_ERROR.rawValue: "GIT_ERROR",
        GIT_ENOTFOUND.rawValue: "GIT_ENOTFOUND",
        GIT_EEXISTS.rawValue: "GIT_EEXISTS",
        GIT_EAMBIGUOUS.rawValue: "GIT_EAMBIGUOUS",
        GIT_EBUFS.rawValue: "GIT_EBUFS",
        GIT_EUSER.rawValue: "GIT_EUSER",
        GIT_EBAREREPO.rawValue: "GIT_EBAREREPO",
        GIT_EUNBORNBRANCH.rawValue: "GIT_EUNBORNBRANCH",
        GIT_EUNMERGED.rawValue: "GIT_EUNMERGED",
        GIT_ENONFASTFORWARD.rawValue: "GIT_ENONFASTFORWARD",
        GIT_EINVALIDSPEC.rawValue: "GIT_EINVALIDSPEC",
        GIT_ECONFLICT.rawValue: "GIT_ECONFLICT",
        GIT_ELOCKED.rawValue: "GIT_ELOCKED",
        GIT_EMODIFIED.rawValue: "GIT_EMODIFIED",
        GIT_EAUTH.rawValue: "GIT_EAUTH",
        GIT_ECERTIFICATE.rawValue: "GIT_ECERTIFICATE",
        GIT_EAPPLIED.rawValue: "GIT_EAPPLIED",
        GIT_EPEEL.rawValue: "GIT_EPEEL",
        GIT_EEOF.rawValue: "GIT_EEOF",
        GIT_EINVALID.rawValue: "GIT_EINVALID",
        GIT_EUNCOMMITTED.rawValue: "GIT_EUNCOMMITTED",
        GIT_EDIRECTORY.rawValue: "GIT_EDIRECTORY",
        GIT_EMERGECONFLICT.rawValue: "GIT_EMERGECONFLICT",
        GIT_PASSTHROUGH.rawValue: "GIT_PASSTHROUGH",
        GIT_ITEROVER.rawValue: "GIT_ITEROVER",
        GIT_RETRY.rawValue: "GIT_RETRY",
        GIT_EMISMATCH.rawValue: "GIT_EMISMATCH",
        GIT_EINDEXDIRTY.rawValue: "GIT_EINDEXDIRTY",
        GIT_EAPPLYFAIL.rawValue: "GIT_EAPPLYFAIL",
        GIT_EOWNER.rawValue: "GIT_EOWNER",
    ]

    private static let classNames: [Int32: String] = {
        let classes: [(git_error_t, String)] = [
            (GIT_ERROR_NONE, "GIT_ERROR_NONE"),
            (GIT_ERROR_NOMEMORY, "GIT_ERROR_NOMEMORY"),
            (GIT_ERROR_OS, "GIT_ERROR_OS"),
            (GIT_ERROR_INVALID, "GIT_ERROR_INVALID"),
            (GIT_ERROR_REFERENCE, "GIT_ERROR_REFERENCE"),
            (GIT_ERROR_ZLIB, "GIT_ERROR_ZLIB"),
            (GIT_ERROR_REPOSITORY, "GIT_ERROR_REPOSITORY"),
            (GIT_ERROR_CONFIG, "GIT_ERROR_CONFIG"),
            (GIT_ERROR_REGEX, "GIT_ERROR_REGEX"),
            (GIT_ERROR_ODB, "GIT_ERROR_ODB"),
            (GIT_ERROR_INDEX, "GIT_ERROR_INDEX"),
            (GIT_ERROR_OBJECT, "GIT_ERROR_OBJECT"),
            (GIT_ERROR_NET, "GIT_ERROR_NET"),
            (GIT_ERROR_TAG, "GIT_ERROR_TAG"),
            (GIT_ERROR_TREE, "GIT_ERROR_TREE"),
            (GIT_ERROR_INDEXER, "GIT_ERROR_INDEXER"),
            (GIT_ERROR_SSL, "GIT_ERROR_SSL"),
            (GIT_ERROR_SUBMODULE, "GIT_ERROR_SUBMODULE"),
            (GIT_ERROR_THREAD, "GIT_ERROR_THREAD"),
            (GIT_ERROR_STASH, "GIT_ERROR_STASH"),
            (GIT_ERROR_CHECKOUT, "GIT_ERROR_CHECKOUT"),
            (GIT_ERROR_FETCHHEAD, "GIT_ERROR_FETCHHEAD"),
            (GIT_ERROR_MERGE, "GIT_ERROR_MERGE"),
            (GIT_ERROR_SSH, "GIT_ERROR_SSH"),
            (GIT_ERROR_FILTER, "GIT_ERROR_FILTER"),
            (GIT_ERROR_REVERT, "GIT_ERROR_REVERT"),
            (GIT_ERROR_CALLBACK, "GIT_ERROR_CALLBACK"),
            (GIT_ERROR_CHERRYPICK, "GIT_ERROR_CHERRYPICK"),
            (GIT_ERROR_DESCRIBE, "GIT_ERROR_DESCRIBE"),
            (GIT_ERROR_REBASE, "GIT_ERROR_REBASE"),
            (GIT_ERROR_FILESYSTEM, "GIT_ERROR_FILESYSTEM"),
            (GIT_ERROR_PATCH, "GIT_ERROR_PATCH"),
            (GIT_ERROR_WORKTREE, "GIT_ERROR_WORKTREE"),
            (GIT_ERROR_SHA, "GIT_ERROR_SHA"),
            (GIT_ERROR_HTTP, "GIT_ERROR_HTTP"),
            (GIT_ERROR_INTERNAL, "GIT_ERROR_INTERNAL"),
        ]
        return Dictionary(uniqueKeysWithValues: classes.map { (Int32(bitPattern: $0.0.rawValue), $0.1) })
    }()
}
