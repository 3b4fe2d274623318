import CLibgit2
import ReviewModel

extension GitRepository {
    // MARK: - Branches

    /// Returns the short name of the branch HEAD points to, such as `main`, or nil when HEAD is detached.
    ///
    /// A branch that has no commits yet still has a name. Returns nil as well when HEAD cannot be read.
    public func currentBranchName() -> String? {
        var head: OpaquePointer?
        guard git_reference_lookup(&head, handle, "HEAD") == 0, let head else { return nil }
        defer { git_reference_free(head) }

        guard git_reference_type(head) == GIT_REFERENCE_SYMBOLIC,
              let target = git_reference_symbolic_target(head)
        else {
            return nil
        }
        let name = String(cString: target)
        let prefix = "refs/heads/"
        guard name.hasPrefix(prefix) else { return nil }
        return String(name.dropFirst(prefix.count))
    }

    // MARK: - Remotes

    /// Returns the names of the configured remotes, such as `origin`, in the order libgit2 lists them.
    public func remoteNames() throws(GitReaderError) -> [String] {
        var names = git_strarray()
        try perform("git_remote_list") { git_remote_list(&names, handle) }
        defer { git_strarray_dispose(&names) }

        guard let strings = names.strings else { return [] }
        var result: [String] = []
        for index in 0..<names.count {
            if let name = strings[index] {
                result.append(String(cString: name))
            }
        }
        return result
    }

    /// Returns the fetch URL of the remote called `name`, or nil when there is no such remote or it has no URL.
    public func remoteURL(named name: String) throws(GitReaderError) -> String? {
        var remote: OpaquePointer?
        if let error = attempt("git_remote_lookup", { git_remote_lookup(&remote, handle, name) }) {
            // A name that is not a valid remote name cannot belong to a configured remote.
            if error.code == GIT_ENOTFOUND.rawValue || error.code == GIT_EINVALIDSPEC.rawValue {
                return nil
            }
            throw .libgit2(error)
        }
        guard let remote else { throw unexpectedResult(of: "git_remote_lookup") }
        defer { git_remote_free(remote) }

        return git_remote_url(remote).map { String(cString: $0) }
    }

    /// Lists the remote-tracking branches of one remote, such as `origin/main`, sorted by name.
    ///
    /// Each name is the short form that `resolve(_:)` accepts, and each target is the commit the
    /// branch points to, with that short name as its spec. Symbolic refs such as `origin/HEAD` are left
    /// out. A remote without tracking branches, or a name that is no configured remote (such as a URL
    /// passed to `git push`), gives an empty list.
    public func remoteTrackingBranches(
        ofRemote remote: String
    ) throws(GitReaderError) -> [(name: String, target: Revision)] {
        var iterator: OpaquePointer?
        try perform("git_reference_iterator_new") { git_reference_iterator_new(&iterator, handle) }
        guard let iterator else { throw unexpectedResult(of: "git_reference_iterator_new") }
        defer { git_reference_iterator_free(iterator) }

        let prefix = "refs/remotes/\(remote)/"
        var branches: [(name: String, target: Revision)] = []
        while true {
            var reference: OpaquePointer?
            let code = git_reference_next(&reference, iterator)
            if code == GIT_ITEROVER.rawValue {
                break
            }
            guard code == 0, let reference else {
                throw .libgit2(GitError.last(function: "git_reference_next", code: code))
            }
            defer { git_reference_free(reference) }

            if let branch = try trackingBranch(reference, prefix: prefix) {
                branches.append(branch)
            }
        }
        return branches.sorted { $0.name < $1.name }
    }

    /// Returns the name and commit of `reference` when it is a direct ref under `prefix`, and nil otherwise.
    private func trackingBranch(
        _ reference: OpaquePointer, prefix: String
    ) throws(GitReaderError) -> (name: String, target: Revision)? {
        guard git_reference_type(reference) == GIT_REFERENCE_DIRECT,
              let fullName = git_reference_name(reference).map({ String(cString: $0) }),
              fullName.hasPrefix(prefix)
        else {
            return nil
        }
        let shortName = String(fullName.dropFirst("refs/remotes/".count))

        var commit: OpaquePointer?
        try perform("git_reference_peel") { git_reference_peel(&commit, reference, GIT_OBJECT_COMMIT) }
        guard let commit else { throw unexpectedResult(of: "git_reference_peel") }
        defer { git_object_free(commit) }

        guard let oid = git_object_id(commit) else { throw unexpectedResult(of: "git_object_id") }
        return (shortName, Revision(sha: hexString(of: oid), spec: shortName))
    }
}
