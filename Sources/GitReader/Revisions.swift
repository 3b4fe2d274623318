import CLibgit2
import ReviewModel

extension GitRepository {
    // MARK: - Single revisions

    /// Resolves a revision to the commit it names.
    ///
    /// Accepts everything `git_revparse_single` accepts: branch and tag names, remote-tracking branches
    /// such as `origin/main`, full and abbreviated SHAs, and forms such as `HEAD~2` or `main^{commit}`.
    /// Tags, annotated or lightweight, are peeled to their commit.
    ///
    /// - Returns: the full SHA of the commit, with `spec` kept as given.
    /// - Throws: `revisionNotFound` (or `revisionMissingFromShallowClone` when the missing commit may
    ///   lie beyond the history of a shallow clone), `ambiguousRevision`, `invalidRevision`,
    ///   `notACommit` for a tree or blob, `emptyRepository` and `unbornBranch`.
    public func resolve(_ spec: String) throws(GitReaderError) -> Revision {
        var object: OpaquePointer?
        if let error = attempt("git_revparse_single", { git_revparse_single(&object, handle, spec) }) {
            throw revisionError(error, spec: spec)
        }
        guard let object else { throw unexpectedResult(of: "git_revparse_single") }
        defer { git_object_free(object) }

        var commit: OpaquePointer?
        if let error = attempt("git_object_peel", { git_object_peel(&commit, object, GIT_OBJECT_COMMIT) }) {
            guard error.code == GIT_EPEEL.rawValue || error.code == GIT_EINVALIDSPEC.rawValue
                || error.code == GIT_ENOTFOUND.rawValue
            else {
                throw .libgit2(error)
            }
            throw .notACommit(spec: spec, objectType: peeledTypeName(of: object))
        }
        guard let commit else { throw unexpectedResult(of: "git_object_peel") }
        defer { git_object_free(commit) }

        guard let oid = git_object_id(commit) else { throw unexpectedResult(of: "git_object_id") }
        return Revision(sha: hexString(of: oid), spec: spec)
    }

    // MARK: - Ranges

    /// Resolves a range written as `A..B` or `A...B` to its base and head commits.
    ///
    /// For `A..B` the base is `A`. For `A...B` the base is the merge base of `A` and `B`, as in
    /// `git diff A...B`. The head is always `B`. An empty side means `HEAD`, so `main..` is `main..HEAD`.
    /// As in git, the first `..` in the text splits it.
    ///
    /// - Throws: `notARange` when the text has no `..`, the errors of `resolve(_:)` for either side,
    ///   and the errors of `mergeBase(_:_:)` for `A...B`.
    public func resolveRange(_ spec: String) throws(GitReaderError) -> (base: Revision, head: Revision) {
        guard let dots = spec.firstRange(of: "..") else {
            throw .notARange(spec: spec)
        }
        let isSymmetric = spec[dots.upperBound...].hasPrefix(".")
        let headStart = isSymmetric ? spec.index(after: dots.upperBound) : dots.upperBound
        let baseText = String(spec[..<dots.lowerBound])
        let headText = String(spec[headStart...])
        // `a..b..c` or `a....b` would otherwise be blamed on its second half alone.
        if headText.hasPrefix(".") || headText.contains("..") {
            throw .malformedRange(spec: spec)
        }

        let base = try resolve(baseText.isEmpty ? "HEAD" : baseText)
        let head = try resolve(headText.isEmpty ? "HEAD" : headText)
        guard isSymmetric else {
            return (base, head)
        }
        return (try mergeBase(base, head), head)
    }

    // MARK: - Merge bases

    /// Finds the best common ancestor of two commits, as `git merge-base` does.
    ///
    /// The result's `spec` reads "merge base of A and B", using the specs of the two inputs.
    ///
    /// - Throws: `noMergeBase` when the commits share no history, and
    ///   `mergeBaseMissingFromShallowClone` when the repository is shallow and the walk reaches a
    ///   commit whose parents were not fetched.
    public func mergeBase(_ first: Revision, _ second: Revision) throws(GitReaderError) -> Revision {
        var firstID = try objectID(of: first)
        var secondID = try objectID(of: second)
        var baseID = git_oid()
        if let error = attempt("git_merge_base", { git_merge_base(&baseID, handle, &firstID, &secondID) }) {
            // libgit2 1.5 does not read the shallow boundary, so in a shallow clone the walk fails with
            // an object database error when it reaches a parent that was never fetched.
            // NOTE: the walk also reads the parents of the merge base, so a merge base that git finds on
            // the shallow boundary is reported as missing until one more commit is fetched.
            let reachedMissingObject = error.errorClass == Int32(bitPattern: GIT_ERROR_ODB.rawValue)
            if isShallow, error.code == GIT_ENOTFOUND.rawValue || reachedMissingObject {
                throw .mergeBaseMissingFromShallowClone(first.spec, second.spec)
            }
            guard error.code == GIT_ENOTFOUND.rawValue else {
                throw .libgit2(error)
            }
            throw .noMergeBase(first.spec, second.spec)
        }
        return Revision(sha: hexString(of: &baseID), spec: "merge base of \(first.spec) and \(second.spec)")
    }
}

// MARK: - Private helpers

extension GitRepository {
    /// Turns a failure of `git_revparse_single` into the error a user can act on.
    private func revisionError(_ error: GitError, spec: String) -> GitReaderError {
        if git_repository_head_unborn(handle) == 1 {
            // git_repository_is_empty is not used: libgit2 1.5 only calls a repository empty when HEAD
            // names the default branch from init.defaultBranch, which git may have read from elsewhere.
            if !hasAnyReference() {
                return .emptyRepository(path: displayPath)
            }
            if let branch = currentBranchName(), error.code == GIT_EUNBORNBRANCH.rawValue || spec.hasPrefix("HEAD") {
                return .unbornBranch(name: branch)
            }
        }
        if error.code == GIT_EAMBIGUOUS.rawValue {
            return .ambiguousRevision(spec: spec)
        }
        if error.code == GIT_EINVALIDSPEC.rawValue {
            return .invalidRevision(spec: spec)
        }
        guard error.code == GIT_ENOTFOUND.rawValue else {
            return .libgit2(error)
        }
        return isShallow && mayNameMissingHistory(spec)
            ? .revisionMissingFromShallowClone(spec: spec)
            : .revisionNotFound(spec: spec)
    }

    /// True when fetching more history could make `spec` resolve: it is a SHA or walks to ancestors.
    ///
    /// NOTE: a branch or tag name that is missing from a shallow clone is reported as simply not found,
    /// because deepening the history does not create refs.
    private func mayNameMissingHistory(_ spec: String) -> Bool {
        if case .notHex = HexSpec(spec) {
            return spec.contains("~") || spec.contains("^")
        }
        return true
    }

    /// True when the repository has at least one ref under `refs/`, such as a branch or a tag.
    ///
    /// Used only to choose an error message, so a failure to list refs counts as "has refs", which
    /// leads to the less specific message.
    private func hasAnyReference() -> Bool {
        var iterator: OpaquePointer?
        guard git_reference_iterator_new(&iterator, handle) == 0, let iterator else { return true }
        defer { git_reference_iterator_free(iterator) }

        var reference: OpaquePointer?
        guard git_reference_next(&reference, iterator) == 0 else { return false }
        git_reference_free(reference)
        return true
    }

    /// Returns the type of the object that `object` names after peeling tags, such as "tree" or "blob".
    private func peeledTypeName(of object: OpaquePointer) -> String {
        var target: OpaquePointer?
        guard git_object_peel(&target, object, GIT_OBJECT_ANY) == 0, let target else {
            return typeName(git_object_type(object))
        }
        defer { git_object_free(target) }
        return typeName(git_object_type(target))
    }

    private func typeName(_ type: git_object_t) -> String {
        guard let name = git_object_type2string(type) else { return "object of unknown type" }
        return String(cString: name)
    }
}
