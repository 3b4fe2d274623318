/// Every error the git reader throws. Each case carries the value that failed.
///
/// `description` is written for the person running the tool. It names the value and the next step
/// to take. Failures that only a libgit2 developer could act on come as `.libgit2`.
public enum GitReaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Neither the path nor any folder above it contains a git repository.
    case notARepository(path: String)
    /// libgit2's ownership check rejected the repository, which another user owns.
    ///
    /// `path` is the folder to list in `safe.directory`: the top-level folder of the working tree, or
    /// the git directory of a bare repository.
    case repositoryNotOwned(path: String, detail: String)
    /// The repository uses an object format (such as `sha256`) that libgit2 1.5 cannot read.
    case unsupportedObjectFormat(path: String, format: String)
    /// The repository has no commits at all.
    case emptyRepository(path: String)
    /// HEAD names a branch that has no commits yet, as after `git checkout --orphan`.
    case unbornBranch(name: String)
    /// No object matches the revision.
    case revisionNotFound(spec: String)
    /// The revision is not in the repository, which is a shallow clone and may lack that history.
    case revisionMissingFromShallowClone(spec: String)
    /// An abbreviated SHA matches more than one object.
    case ambiguousRevision(spec: String)
    /// The revision is not written in a syntax that libgit2 accepts.
    case invalidRevision(spec: String)
    /// The revision names a tree, a blob or a tag of one, which cannot be peeled to a commit.
    case notACommit(spec: String, objectType: String)
    /// A range was expected, but the text contains no `..` or `...`.
    case notARange(spec: String)
    /// The text contains `..` more than once, or four dots in a row.
    case malformedRange(spec: String)
    /// The two commits share no history.
    case noMergeBase(String, String)
    /// The merge base is not in the repository, which is a shallow clone and may lack that history.
    case mergeBaseMissingFromShallowClone(String, String)
    /// None of the default base candidates exists; `tried` lists them in the order they were tried.
    case noDefaultBase(tried: [String])
    /// A libgit2 call failed for a reason that needs no explanation of its own.
    case libgit2(GitError)

    public var description: String {
        switch self {
        case .notARepository(let path):
            return "'\(path)' is not inside a git repository: neither it nor any parent folder contains one; "
                + "run the command from inside a git working tree or a bare repository"
        case .repositoryNotOwned(let path, let detail):
            return "the git repository at '\(path)' belongs to another user, so it was not opened (\(detail)); "
                + "if you trust it, mark its top-level folder as safe with "
                + "`git config --global --add safe.directory '\(path)'` and run the command again"
        case .unsupportedObjectFormat(let path, let format):
            return "the git repository at '\(path)' uses the \(format) object format, "
                + "which libgit2 1.5 cannot read because it supports only SHA-1; "
                + "review a SHA-1 clone of the repository instead"
        case .emptyRepository(let path):
            return "the git repository at '\(path)' has no commits yet, so there is nothing to review; "
                + "commit your changes first"
        case .unbornBranch(let name):
            return "HEAD names the branch '\(name)', which has no commits yet; "
                + "commit on it first, or name a commit or branch in place of HEAD"
        case .revisionNotFound(let spec):
            return Self.notFoundMessage(spec: spec)
        case .revisionMissingFromShallowClone(let spec):
            let name = HexSpec(spec) == .full ? "the commit \(spec)" : "the revision '\(spec)'"
            return "\(name) was not found, and this repository is a shallow clone, so the commit may not have "
                + "been fetched; " + Self.deepenAdvice
        case .ambiguousRevision(let spec):
            return "the abbreviated SHA '\(spec)' matches more than one object; give more hex digits"
        case .invalidRevision(let spec):
            return "'\(spec)' is not a valid revision; use a branch, a tag, a SHA or a form such as HEAD~2"
        case .notACommit(let spec, let objectType):
            return "the revision '\(spec)' names a \(objectType), not a commit; "
                + "name a commit, a branch or a tag that points to a commit"
        case .notARange(let spec):
            return "'\(spec)' is a single revision, not a range; "
                + "write a range as BASE..HEAD, or as BASE...HEAD to start from their merge base"
        case .malformedRange(let spec):
            return "'\(spec)' is not a valid range; "
                + "write a range as BASE..HEAD, or as BASE...HEAD to start from their merge base"
        case .noMergeBase(let first, let second):
            return "'\(first)' and '\(second)' have no common ancestor, so they have no merge base; "
                + "compare them with '..' instead of '...', or pick a base that shares history with the head"
        case .mergeBaseMissingFromShallowClone(let first, let second):
            return "the merge base of '\(first)' and '\(second)' was not found, and this repository is a shallow "
                + "clone, so their common history may not have been fetched; " + Self.deepenAdvice
        case .noDefaultBase(let tried):
            let candidates = tried.isEmpty ? "nothing" : tried.joined(separator: ", ")
            return "no base revision was found to compare with (tried \(candidates)); "
                + "pass the base explicitly, for example as the range main..HEAD"
        case .libgit2(let error):
            return "a git operation failed: \(error.description)"
        }
    }

    // MARK: - Shared wording

    private static let deepenAdvice =
        "fetch more history (git fetch --deepen=N, or git fetch --unshallow), "
        + "or in CI check out the full history (fetch-depth: 0 in GitHub Actions)"

    private static func notFoundMessage(spec: String) -> String {
        switch HexSpec(spec) {
        case .full:
            return "the commit \(spec) was not found in this repository; fetch it first (git fetch), or check the SHA"
        case .abbreviated:
            return "no branch or tag is named '\(spec)', and no object in this repository starts with "
                + "that abbreviated SHA; check the SHA, or fetch the commits that contain it (git fetch)"
        case .notHex:
            let check = "the revision '\(spec)' was not found; check the branch, tag or SHA "
                + "(git branch --all and git tag list them)"
            // A plain name may be a branch that a single-branch clone, as CI makes, did not fetch.
            guard !spec.contains(where: { "~^:@{".contains($0) }) else { return check }
            return check + ", or fetch it if it is on a remote (for example git fetch origin \(spec))"
        }
    }
}

/// The kind of hex object id that a revision text looks like, if any.
enum HexSpec {
    /// All 40 hex digits of a SHA-1 object id.
    case full
    /// Between 4 and 39 hex digits, which git reads as an abbreviated object id.
    case abbreviated
    case notHex

    init(_ spec: String) {
        let isHex = !spec.isEmpty && spec.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
        }
        switch (isHex, spec.utf8.count) {
        case (true, 40):
            self = .full
        case (true, 4..<40):
            self = .abbreviated
        default:
            self = .notHex
        }
    }
}
