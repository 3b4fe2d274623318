import CLibgit2
import ReviewModel

extension GitRepository {
    /// Lists the files that differ between the trees of two commits, with hunks for Go source.
    ///
    /// The diff is `git_diff_tree_to_tree` with type changes reported as such, followed by
    /// `git_diff_find_similar` with the settings of `git diff -M50% -C50% -l1000`. Renames and copies
    /// need 50% similarity. A copy's source must be a file that the change also modified, as with
    /// libgit2's `GIT_DIFF_FIND_COPIES` and `git diff -C`. Rewrites are not broken up. The settings are
    /// fixed, so a user's `diff.renames` config cannot change a review.
    ///
    /// Every delta becomes a `FileChange`. Only Go files (a `.go` suffix on either side) get hunks, and
    /// those hunks have no context lines, so they match `git diff -U0`. The hunks of a renamed or copied
    /// file compare it with its source, so lines that a copy brings along unchanged are not touched.
    ///
    /// These Go files get no hunks:
    /// - binary files;
    /// - submodules (gitlinks, mode 160000);
    /// - symlinks (mode 120000), because a symlink named `*.go` is not Go source. A file that became a
    ///   symlink is a type change without hunks. A symlink that became a regular file gets one hunk that
    ///   adds the whole new file, because its old side was never Go source;
    /// - files whose mode alone changed.
    ///
    /// NOTE: paths that are not valid UTF-8 are read with replacement characters, so `contents(of:at:)`
    /// cannot find such a file by its `FileChange` path.
    public func changeSet(base: Revision, head: Revision) throws(GitReaderError) -> ChangeSet {
        try withRootTree(of: base) { baseTree throws(GitReaderError) in
            try withRootTree(of: head) { headTree throws(GitReaderError) in
                let files = try fileChanges(from: baseTree, to: headTree)
                return ChangeSet(base: base, head: head, files: files)
            }
        }
    }
}

// MARK: - Building the diff

extension GitRepository {
    private func fileChanges(from baseTree: OpaquePointer, to headTree: OpaquePointer) throws(GitReaderError)
        -> [FileChange]
    {
        var options = try Self.diffOptions()
        var diff: OpaquePointer?
        try perform("git_diff_tree_to_tree") {
            git_diff_tree_to_tree(&diff, handle, baseTree, headTree, &options)
        }
        guard let diff else { throw unexpectedResult(of: "git_diff_tree_to_tree") }
        defer { git_diff_free(diff) }

        try Self.findRenamesAndCopies(in: diff)

        var files: [FileChange] = []
        for index in 0..<git_diff_num_deltas(diff) {
            if let change = try fileChange(in: diff, at: index, options: &options) {
                files.append(change)
            }
        }
        return files
    }

    /// Options for a tree-to-tree diff: type changes reported as such, and no context lines.
    private static func diffOptions() throws(GitReaderError) -> git_diff_options {
        var options = git_diff_options()
        try perform("git_diff_options_init") {
            git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        }
        options.flags |= GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        options.context_lines = 0
        options.interhunk_lines = 0
        return options
    }

    private static func findRenamesAndCopies(in diff: OpaquePointer) throws(GitReaderError) {
        var findOptions = git_diff_find_options()
        try perform("git_diff_find_options_init") {
            git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION))
        }
        findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_COPIES.rawValue
        // git's defaults for -M, -C and diff.renameLimit.
        findOptions.rename_threshold = 50
        findOptions.copy_threshold = 50
        findOptions.rename_limit = 1000
        try perform("git_diff_find_similar") { git_diff_find_similar(diff, &findOptions) }
    }

    /// Converts delta `index` of `diff` into a `FileChange`, or returns nil for an unmodified entry.
    private func fileChange(
        in diff: OpaquePointer, at index: Int, options: inout git_diff_options
    ) throws(GitReaderError) -> FileChange? {
        guard let delta = git_diff_get_delta(diff, index)?.pointee else {
            throw unexpectedResult(of: "git_diff_get_delta")
        }
        guard let status = try Self.changeStatus(of: delta) else {
            return nil
        }

        let oldMode = UInt32(delta.old_file.mode)
        let newMode = UInt32(delta.new_file.mode)
        var change = FileChange(
            oldPath: status == .added ? nil : Self.path(of: delta.old_file),
            newPath: status == .deleted ? nil : Self.path(of: delta.new_file),
            status: status,
            isSubmodule: oldMode == GIT_FILEMODE_COMMIT.rawValue || newMode == GIT_FILEMODE_COMMIT.rawValue
        )
        if change.isSubmodule {
            return change
        }

        // Creating the patch loads both blobs, which is when libgit2 decides whether they are binary.
        var patch: OpaquePointer?
        try perform("git_patch_from_diff") { git_patch_from_diff(&patch, diff, index) }
        defer { git_patch_free(patch) }
        guard let loaded = git_diff_get_delta(diff, index)?.pointee else {
            throw unexpectedResult(of: "git_diff_get_delta")
        }
        change.isBinary = loaded.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0

        guard change.isGoFile, !change.isBinary else {
            return change
        }
        switch Self.hunkSource(status: status, oldMode: oldMode, newMode: newMode) {
        case .none:
            break
        case .patch:
            // A NULL patch means that the blobs are unchanged, as after a mode-only change.
            if let patch {
                change.hunks = try Self.hunks(of: patch)
            }
        case .wholeNewFile:
            var newID = delta.new_file.id
            let wholeFile = try wholeFileHunks(blobID: &newID, path: change.displayPath, options: &options)
            change.isBinary = wholeFile.isBinary
            change.hunks = wholeFile.hunks
        }
        return change
    }

    /// Diffs an empty side against a blob, so every line of the blob is an added line.
    private func wholeFileHunks(
        blobID: inout git_oid, path: String, options: inout git_diff_options
    ) throws(GitReaderError) -> (hunks: [Hunk], isBinary: Bool) {
        var blob: OpaquePointer?
        try perform("git_blob_lookup") { git_blob_lookup(&blob, handle, &blobID) }
        guard let blob else { throw unexpectedResult(of: "git_blob_lookup") }
        defer { git_blob_free(blob) }

        var patch: OpaquePointer?
        try perform("git_patch_from_blobs") { git_patch_from_blobs(&patch, nil, nil, blob, path, &options) }
        guard let patch else { throw unexpectedResult(of: "git_patch_from_blobs") }
        defer { git_patch_free(patch) }

        guard let delta = git_patch_get_delta(patch)?.pointee else {
            throw unexpectedResult(of: "git_patch_get_delta")
        }
        if delta.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 {
            return ([], true)
        }
        return (try Self.hunks(of: patch), false)
    }
}

// MARK: - Reading deltas

extension GitRepository {
    /// The source of a Go file's hunks.
    private enum HunkSource {
        /// The file has no hunks because a side that should be Go source is not a regular file.
        case none
        /// The hunks of the delta's own patch.
        case patch
        /// One hunk that adds every line of the new blob.
        case wholeNewFile
    }

    private static func hunkSource(status: ChangeStatus, oldMode: UInt32, newMode: UInt32) -> HunkSource {
        switch status {
        case .added:
            return isRegularFile(mode: newMode) ? .patch : .none
        case .deleted:
            return isRegularFile(mode: oldMode) ? .patch : .none
        case .typeChange:
            return isRegularFile(mode: newMode) ? .wholeNewFile : .none
        case .modified, .renamed, .copied:
            return isRegularFile(mode: oldMode) && isRegularFile(mode: newMode) ? .patch : .none
        }
    }

    /// Maps a delta's `git_delta_t` to a `ChangeStatus`, or returns nil for an unmodified entry.
    ///
    /// - Throws: for statuses that only a working-directory or index diff produces (ignored,
    ///   untracked, unreadable, conflicted), which a tree-to-tree diff should never report.
    private static func changeStatus(of delta: git_diff_delta) throws(GitReaderError) -> ChangeStatus? {
        switch delta.status {
        case GIT_DELTA_UNMODIFIED:
            return nil
        case GIT_DELTA_ADDED:
            return .added
        case GIT_DELTA_DELETED:
            return .deleted
        case GIT_DELTA_MODIFIED:
            return .modified
        case GIT_DELTA_RENAMED:
            return .renamed
        case GIT_DELTA_COPIED:
            return .copied
        case GIT_DELTA_TYPECHANGE:
            return .typeChange
        default:
            throw unexpectedResult(
                of: "git_diff_get_delta",
                "unexpected delta status \(delta.status.rawValue) for '\(path(of: delta.new_file))'"
            )
        }
    }

    private static func path(of file: git_diff_file) -> String {
        file.path.map { String(cString: $0) } ?? ""
    }

    /// Copies the hunks and line numbers of a patch into Swift values.
    private static func hunks(of patch: OpaquePointer) throws(GitReaderError) -> [Hunk] {
        var hunks: [Hunk] = []
        for hunkIndex in 0..<git_patch_num_hunks(patch) {
            var header: UnsafePointer<git_diff_hunk>?
            var lineCount = 0
            try perform("git_patch_get_hunk") { git_patch_get_hunk(&header, &lineCount, patch, hunkIndex) }
            guard let header = header?.pointee else { throw unexpectedResult(of: "git_patch_get_hunk") }

            var lines: [DiffLine] = []
            for lineIndex in 0..<lineCount {
                var line: UnsafePointer<git_diff_line>?
                try perform("git_patch_get_line_in_hunk") {
                    git_patch_get_line_in_hunk(&line, patch, hunkIndex, lineIndex)
                }
                guard let line = line?.pointee else { throw unexpectedResult(of: "git_patch_get_line_in_hunk") }
                if let diffLine = diffLine(from: line) {
                    lines.append(diffLine)
                }
            }
            hunks.append(Hunk(
                oldStart: Int(header.old_start), oldCount: Int(header.old_lines),
                newStart: Int(header.new_start), newCount: Int(header.new_lines),
                lines: lines
            ))
        }
        return hunks
    }

    /// Converts one patch line, or returns nil for the "\ No newline at end of file" markers, which
    /// belong to the line before them.
    private static func diffLine(from line: git_diff_line) -> DiffLine? {
        let kind: DiffLineKind
        switch git_diff_line_t(UInt32(UInt8(bitPattern: line.origin))) {
        case GIT_DIFF_LINE_CONTEXT:
            kind = .context
        case GIT_DIFF_LINE_ADDITION:
            kind = .addition
        case GIT_DIFF_LINE_DELETION:
            kind = .deletion
        default:
            return nil
        }
        // libgit2 uses -1 for the side a line does not exist on.
        let oldLine = line.old_lineno > 0 ? Int(line.old_lineno) : nil
        let newLine = line.new_lineno > 0 ? Int(line.new_lineno) : nil
        return DiffLine(kind: kind, oldLine: oldLine, newLine: newLine)
    }
}
