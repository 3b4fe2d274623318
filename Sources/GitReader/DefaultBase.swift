import CLibgit2
import ReviewModel

extension GitRepository {
    /// Chooses the base to review `head` against when the user named none.
    ///
    /// The base is the merge base of `head` with the first of these that exists:
    /// 1. the upstream of the current branch (`git rev-parse @{upstream}`);
    /// 2. `origin/HEAD`, the default branch of the remote `origin`;
    /// 3. the local branch `main`, then `origin/main`, then `master`, then `origin/master`.
    ///
    /// A local branch that HEAD itself is on is skipped, because its merge base with HEAD is HEAD.
    /// When the upstream already contains `head`, as after a push, the merge base is `head` and the
    /// review is empty: the upstream is still the intended base.
    ///
    /// - Returns: the base, and a note that describes which base was chosen, such as
    ///   "merge base of HEAD and origin/main (the upstream of branch feature)".
    /// - Throws: `noDefaultBase` when no candidate exists, and the errors of `mergeBase(_:_:)` when the
    ///   first candidate that exists shares no fetched history with `head`.
    public func defaultBase(head: Revision) throws(GitReaderError) -> (base: Revision, note: String) {
        let currentBranch = currentBranchName()
        var tried: [String] = []

        if let branch = currentBranch {
            tried.append("the upstream of branch \(branch)")
            if let upstream = try upstreamReference(ofBranch: branch) {
                return try baseNote(head: head, reference: upstream, reason: "the upstream of branch \(branch)")
            }
        }

        tried.append("origin/HEAD")
        if let remoteDefault = try symbolicTarget(of: "refs/remotes/origin/HEAD") {
            return try baseNote(head: head, reference: remoteDefault, reason: "the default branch of remote origin")
        }

        for branch in ["main", "master"] {
            if branch != currentBranch {
                tried.append(branch)
                if try referenceExists("refs/heads/\(branch)") {
                    return try baseNote(head: head, reference: "refs/heads/\(branch)", reason: "local branch \(branch)")
                }
            }
            tried.append("origin/\(branch)")
            if try referenceExists("refs/remotes/origin/\(branch)") {
                return try baseNote(
                    head: head, reference: "refs/remotes/origin/\(branch)",
                    reason: "remote-tracking branch origin/\(branch)"
                )
            }
        }
        throw .noDefaultBase(tried: tried)
    }

    // MARK: - Private helpers

    /// Finds the merge base of `head` and the full ref name `reference`, and describes the choice.
    ///
    /// The ref is resolved by its full name, so a branch and a tag of the same short name cannot be mixed up.
    private func baseNote(
        head: Revision, reference: String, reason: String
    ) throws(GitReaderError) -> (base: Revision, note: String) {
        let name = shortName(reference)
        let resolved = try resolve(reference)
        let base = try mergeBase(head, Revision(sha: resolved.sha, spec: name))
        return (base, "merge base of \(head.spec) and \(name) (\(reason))")
    }

    /// Returns the full ref name of the upstream of a local branch, such as `refs/remotes/origin/main`, or nil
    /// when it has none.
    private func upstreamReference(ofBranch branch: String) throws(GitReaderError) -> String? {
        var local: OpaquePointer?
        if let error = attempt("git_branch_lookup", { git_branch_lookup(&local, handle, branch, GIT_BRANCH_LOCAL) }) {
            // A branch without commits has no ref yet, so it has no upstream to compare with either.
            if error.code == GIT_ENOTFOUND.rawValue { return nil }
            throw .libgit2(error)
        }
        guard let local else { throw unexpectedResult(of: "git_branch_lookup") }
        defer { git_reference_free(local) }

        var upstream: OpaquePointer?
        if let error = attempt("git_branch_upstream", { git_branch_upstream(&upstream, local) }) {
            // Not found covers both "no upstream configured" and "configured, but the ref is missing".
            if error.code == GIT_ENOTFOUND.rawValue { return nil }
            throw .libgit2(error)
        }
        guard let upstream else { throw unexpectedResult(of: "git_branch_upstream") }
        defer { git_reference_free(upstream) }

        guard let name = git_reference_name(upstream) else { throw unexpectedResult(of: "git_reference_name") }
        return String(cString: name)
    }

    /// Returns the ref that a symbolic ref points to, such as `refs/remotes/origin/main`, or nil when the
    /// symbolic ref does not exist or is not symbolic.
    private func symbolicTarget(of name: String) throws(GitReaderError) -> String? {
        var reference: OpaquePointer?
        if let error = attempt("git_reference_lookup", { git_reference_lookup(&reference, handle, name) }) {
            if error.code == GIT_ENOTFOUND.rawValue { return nil }
            throw .libgit2(error)
        }
        guard let reference else { throw unexpectedResult(of: "git_reference_lookup") }
        defer { git_reference_free(reference) }

        guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC,
              let target = git_reference_symbolic_target(reference)
        else {
            return nil
        }
        let targetName = String(cString: target)
        return try referenceExists(targetName) ? targetName : nil
    }

    private func referenceExists(_ name: String) throws(GitReaderError) -> Bool {
        var oid = git_oid()
        if let error = attempt("git_reference_name_to_id", { git_reference_name_to_id(&oid, handle, name) }) {
            if error.code == GIT_ENOTFOUND.rawValue { return false }
            throw .libgit2(error)
        }
        return true
    }

    /// Removes `refs/heads/` or `refs/remotes/` from a full ref name, as `git rev-parse --abbrev-ref` does.
    private func shortName(_ fullName: String) -> String {
        for prefix in ["refs/heads/", "refs/remotes/"] where fullName.hasPrefix(prefix) {
            return String(fullName.dropFirst(prefix.count))
        }
        return fullName
    }
}
