import CLibgit2
import ReviewModel

// Small helpers that turn object ids and revisions into libgit2 objects. Each function that hands
// out a libgit2 pointer passes it to a closure and frees it when the closure returns.

/// Formats an object id as lowercase hex.
func hexString(of oid: UnsafePointer<git_oid>) -> String {
    let length = Int(GIT_OID_HEXSZ)
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
        guard let base = buffer.baseAddress, git_oid_tostr(base, length + 1, oid) != nil else {
            return ""
        }
        return String(cString: base)
    }
}

extension GitRepository {
    /// Parses the full hex SHA of `revision` into an object id.
    func objectID(of revision: Revision) throws(GitReaderError) -> git_oid {
        var oid = git_oid()
        guard revision.sha.utf8.count == Int(GIT_OID_HEXSZ) else {
            throw .invalidRevision(spec: revision.sha)
        }
        if attempt("git_oid_fromstr", { git_oid_fromstr(&oid, revision.sha) }) != nil {
            throw .invalidRevision(spec: revision.sha)
        }
        return oid
    }

    /// Looks up the commit of `revision` and passes it to `body`, freeing it afterwards.
    func withCommit<Result>(
        of revision: Revision,
        _ body: (OpaquePointer) throws(GitReaderError) -> Result
    ) throws(GitReaderError) -> Result {
        var oid = try objectID(of: revision)
        var commit: OpaquePointer?
        if let error = attempt("git_commit_lookup", { git_commit_lookup(&commit, handle, &oid) }) {
            if error.code == GIT_ENOTFOUND.rawValue {
                throw isShallow
                    ? .revisionMissingFromShallowClone(spec: revision.spec)
                    : .revisionNotFound(spec: revision.spec)
            }
            throw .libgit2(error)
        }
        guard let commit else { throw unexpectedResult(of: "git_commit_lookup") }
        defer { git_commit_free(commit) }

        return try body(commit)
    }

    /// Looks up the root tree of the commit of `revision` and passes it to `body`, freeing it afterwards.
    func withRootTree<Result>(
        of revision: Revision,
        _ body: (OpaquePointer) throws(GitReaderError) -> Result
    ) throws(GitReaderError) -> Result {
        try withCommit(of: revision) { commit throws(GitReaderError) in
            var tree: OpaquePointer?
            try perform("git_commit_tree") { git_commit_tree(&tree, commit) }
            guard let tree else { throw unexpectedResult(of: "git_commit_tree") }
            defer { git_tree_free(tree) }

            return try body(tree)
        }
    }

    /// Looks up a blob by id and returns its raw bytes, without any filters such as line-ending conversion.
    func blobBytes(id: UnsafePointer<git_oid>) throws(GitReaderError) -> [UInt8] {
        var blob: OpaquePointer?
        try perform("git_blob_lookup") { git_blob_lookup(&blob, handle, id) }
        guard let blob else { throw unexpectedResult(of: "git_blob_lookup") }
        defer { git_blob_free(blob) }

        guard let size = Int(exactly: git_blob_rawsize(blob)) else {
            throw unexpectedResult(of: "git_blob_rawsize", "the blob is too large for this platform")
        }
        guard size > 0 else { return [] }
        guard let content = git_blob_rawcontent(blob) else {
            throw unexpectedResult(of: "git_blob_rawcontent")
        }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }
}

/// True when a file mode is a regular file (executable or not), so not a symlink, tree or gitlink.
func isRegularFile(mode: UInt32) -> Bool {
    mode == GIT_FILEMODE_BLOB.rawValue || mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue
}
