import CLibgit2
import ReviewModel

extension GitRepository {
    /// Returns the bytes of the file at `path` in the commit of `revision`, exactly as stored.
    ///
    /// No filters run, so line endings and encodings come back byte for byte. `path` is relative to
    /// the repository root and uses `/`, as in `FileChange` paths.
    ///
    /// - Returns: nil when nothing exists at `path`, or when it is not a regular file (a folder, a
    ///   symlink or a submodule).
    public func contents(of path: String, at revision: Revision) throws(GitReaderError) -> [UInt8]? {
        try withRootTree(of: revision) { root throws(GitReaderError) in
            guard let entry = try treeEntry(at: path, in: root) else {
                return nil
            }
            defer { git_tree_entry_free(entry) }

            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB,
                  isRegularFile(mode: git_tree_entry_filemode(entry).rawValue),
                  let id = git_tree_entry_id(entry)
            else {
                return nil
            }
            return try blobBytes(id: id)
        }
    }

    /// Lists the Go files directly inside one folder of the commit of `revision`, not in its subfolders.
    ///
    /// Use it to read the other files of a Go package. `directory` is relative to the repository root,
    /// and "" is the root itself. Only regular files whose names end in `.go` are listed, so symlinks
    /// and submodules are left out.
    ///
    /// - Returns: repository-relative paths in git's tree order, or an empty list when the folder does
    ///   not exist at that revision.
    public func goFiles(inDirectory directory: String, at revision: Revision) throws(GitReaderError) -> [String] {
        let folder = Self.trimmingTrailingSlashes(directory)
        return try withTree(at: folder, of: revision) { tree in
            var paths: [String] = []
            for index in 0..<git_tree_entrycount(tree) {
                guard let entry = git_tree_entry_byindex(tree, index),
                      let name = git_tree_entry_name(entry).map({ String(cString: $0) }),
                      name.hasSuffix(".go"),
                      git_tree_entry_type(entry) == GIT_OBJECT_BLOB,
                      isRegularFile(mode: git_tree_entry_filemode(entry).rawValue)
                else {
                    continue
                }
                paths.append(folder.isEmpty ? name : folder + "/" + name)
            }
            return paths
        } ?? []
    }

    /// Reads every Go file directly inside one folder of the commit of `revision`, with one tree
    /// lookup for the whole folder: the files of one Go package.
    ///
    /// - Returns: (path, bytes) pairs in git's tree order; empty when the folder does not exist.
    public func goSources(inDirectory directory: String, at revision: Revision) throws(GitReaderError) -> [GoSource] {
        let folder = Self.trimmingTrailingSlashes(directory)
        return try withTree(at: folder, of: revision) { tree throws(GitReaderError) in
            var sources: [GoSource] = []
            for index in 0..<git_tree_entrycount(tree) {
                guard let entry = git_tree_entry_byindex(tree, index),
                      let name = git_tree_entry_name(entry).map({ String(cString: $0) }),
                      name.hasSuffix(".go"),
                      git_tree_entry_type(entry) == GIT_OBJECT_BLOB,
                      isRegularFile(mode: git_tree_entry_filemode(entry).rawValue),
                      let id = git_tree_entry_id(entry)
                else {
                    continue
                }
                let path = folder.isEmpty ? name : folder + "/" + name
                sources.append(GoSource(path: path, bytes: try blobBytes(id: id)))
            }
            return sources
        } ?? []
    }

    /// Lists every regular file in the commit of `revision`, in every folder, as `git ls-tree -r` would.
    ///
    /// Symlinks and submodules are left out. The paths are repository-relative and in git's tree order.
    public func allFiles(at revision: Revision) throws(GitReaderError) -> [String] {
        try withRootTree(of: revision) { root throws(GitReaderError) in
            var paths: [String] = []
            try collectFiles(in: root, prefix: "", into: &paths)
            return paths
        }
    }
}

// MARK: - Private helpers

extension GitRepository {
    /// Looks up the entry at `path` below `root`, or returns nil when nothing exists there.
    ///
    /// The caller frees the returned entry with `git_tree_entry_free`.
    private func treeEntry(at path: String, in root: OpaquePointer) throws(GitReaderError) -> OpaquePointer? {
        guard !path.isEmpty else { return nil }

        var entry: OpaquePointer?
        if let error = attempt("git_tree_entry_bypath", { git_tree_entry_bypath(&entry, root, path) }) {
            if error.code == GIT_ENOTFOUND.rawValue { return nil }
            throw .libgit2(error)
        }
        guard let entry else { throw unexpectedResult(of: "git_tree_entry_bypath") }
        return entry
    }

    /// Passes the tree at `folder` ("" for the root) to `body`, or returns nil when no folder exists there.
    private func withTree<Result>(
        at folder: String, of revision: Revision, _ body: (OpaquePointer) throws(GitReaderError) -> Result
    ) throws(GitReaderError) -> Result? {
        try withRootTree(of: revision) { root throws(GitReaderError) -> Result? in
            if folder.isEmpty {
                return try body(root)
            }
            guard let entry = try treeEntry(at: folder, in: root) else {
                return nil
            }
            defer { git_tree_entry_free(entry) }

            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE, let id = git_tree_entry_id(entry) else {
                return nil
            }
            var tree: OpaquePointer?
            try perform("git_tree_lookup") { git_tree_lookup(&tree, handle, id) }
            guard let tree else { throw unexpectedResult(of: "git_tree_lookup") }
            defer { git_tree_free(tree) }

            return try body(tree)
        }
    }

    /// Appends the paths of the regular files below `tree` to `paths`, depth first.
    private func collectFiles(
        in tree: OpaquePointer, prefix: String, into paths: inout [String]
    ) throws(GitReaderError) {
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index),
                  let name = git_tree_entry_name(entry).map({ String(cString: $0) })
            else {
                throw unexpectedResult(of: "git_tree_entry_byindex")
            }
            let path = prefix + name
            let type = git_tree_entry_type(entry)

            if type == GIT_OBJECT_BLOB, isRegularFile(mode: git_tree_entry_filemode(entry).rawValue) {
                paths.append(path)
            } else if type == GIT_OBJECT_TREE, let id = git_tree_entry_id(entry) {
                var subtree: OpaquePointer?
                try perform("git_tree_lookup") { git_tree_lookup(&subtree, handle, id) }
                guard let subtree else { throw unexpectedResult(of: "git_tree_lookup") }
                defer { git_tree_free(subtree) }

                try collectFiles(in: subtree, prefix: path + "/", into: &paths)
            }
        }
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") {
            trimmed = trimmed.dropLast()
        }
        return String(trimmed)
    }
}

/// The contents of one Go file at a revision.
public struct GoSource: Sendable {
    /// The repository-relative path.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
