import GitReader
import ReviewModel

/// The range a hook reviews for a push of one ref.
enum PushRangeChoice {
    /// Review `base..head`. `explanation` is set when the usual rule did not apply, such as for a
    /// forced push, and describes what was done instead.
    case review(base: Revision, head: Revision, explanation: String?)
    /// Nothing new to review, with the reason.
    case nothingToReview(reason: String)
}

/// Chooses the range a pre-push hook reviews for each pushed ref.
///
/// - An existing remote ref is reviewed as `remote sha..local sha` when the remote commit is in the
///   local repository and is an ancestor of the local one.
/// - A new remote ref, a forced push, and a remote commit this repository lacks all use the
///   new-branch rule. The base is the merge base of the local commit with the nearest
///   remote-tracking branch of the remote, the one whose merge base is the most recent. So the
///   review starts at the first commit that no remote-tracking branch contains. Without such a
///   branch the base is the merge base with `REMOTE/HEAD`, then with the local `main`, then
///   `master`. When none shares history, nothing is reviewed, because reviewing the whole history
///   would bury the change.
struct PushRangeChooser {
    let repository: GitRepository
    /// The remote name or URL that git passed as the hook's first argument.
    let remote: String

    func choose(for ref: PushedRef) throws(GitReaderError) -> PushRangeChoice {
        let head = try repository.resolve(ref.localSHA)
        let name = Self.displayName(ref.localRef)
        guard !ref.createsRemoteRef else {
            return try newBranchChoice(head: head, ref: ref, explanation: nil)
        }

        let remoteCommit = Revision(sha: ref.remoteSHA, spec: "\(ref.remoteRef) on \(remote) before this push")
        guard let present = try resolveIfPresent(ref.remoteSHA) else {
            let explanation = "\(ref.remoteRef) on \(remote) is at \(remoteCommit.shortSHA), which this repository "
                + "does not have (run 'git fetch \(remote)' to review exactly what the push adds)"
            return try newBranchChoice(head: head, ref: ref, explanation: explanation)
        }
        guard try isAncestor(present, of: head) else {
            let explanation = "\(ref.remoteRef) on \(remote) is at \(remoteCommit.shortSHA), which is not an "
                + "ancestor of \(name), so this is a forced push"
            return try newBranchChoice(head: head, ref: ref, explanation: explanation)
        }
        guard present.sha != head.sha else {
            return .nothingToReview(reason: "\(ref.remoteRef) on \(remote) is already at \(head.shortSHA)")
        }
        return .review(base: Revision(sha: present.sha, spec: remoteCommit.spec), head: head, explanation: nil)
    }

    // MARK: - New branches

    private func newBranchChoice(
        head: Revision, ref: PushedRef, explanation: String?
    ) throws(GitReaderError) -> PushRangeChoice {
        let name = Self.displayName(ref.localRef)
        let prefix = explanation.map { $0 + "; " } ?? ""
        guard let (base, reason) = try newBranchBase(head: head, ref: ref) else {
            return .nothingToReview(
                reason: prefix + "no remote-tracking branch of \(remote), no \(remote)/HEAD and no main or master "
                    + "shares history with \(name), so nothing is reviewed rather than its whole history; "
                    + "review it by hand with 'poolreview review BASE..\(head.shortSHA)'")
        }
        guard base.sha != head.sha else {
            return .nothingToReview(reason: prefix + "every commit of \(name) is already on \(reason)")
        }
        let used = explanation.map { $0 + ", so the review starts at the first commit not on \(reason)" }
        return .review(base: base, head: head, explanation: used)
    }

    /// Finds the new-branch base described above and the name of the branch it was found with.
    /// Returns nil when no candidate shares history with `head`. The local branch being pushed is no candidate, because
    /// its merge base with `head` is `head` itself.
    private func newBranchBase(head: Revision, ref: PushedRef) throws(GitReaderError) -> (Revision, String)? {
        let name = Self.displayName(ref.localRef)
        if let (base, branch) = try nearestTrackingBase(head: head) {
            let note = "merge base of \(name) and \(branch) (the nearest remote-tracking branch of \(remote))"
            return (Revision(sha: base.sha, spec: note), branch)
        }

        var fallbacks: [(spec: String, reason: String)] = []
        if try repository.remoteNames().contains(remote) {
            fallbacks.append(("\(remote)/HEAD", "the default branch of \(remote)"))
        }
        fallbacks.append(("refs/heads/main", "local branch main"))
        fallbacks.append(("refs/heads/master", "local branch master"))

        for fallback in fallbacks where fallback.spec != ref.localRef {
            guard let candidate = try resolveIfPresent(fallback.spec) else { continue }
            guard let base = try mergeBaseIfAny(head, candidate) else { continue }
            let short = Self.displayName(fallback.spec)
            let note = "merge base of \(name) and \(short) (\(fallback.reason))"
            return (Revision(sha: base.sha, spec: note), short)
        }
        return nil
    }

    /// Finds the most recent merge base of `head` with a remote-tracking branch of the remote, and
    /// that branch.
    ///
    /// NOTE: when two merge bases are not ancestors of each other (branches that forked after `head`
    /// left them), the branch first in name order wins, so the review may include commits that the other
    /// branch already has.
    private func nearestTrackingBase(head: Revision) throws(GitReaderError) -> (Revision, String)? {
        var nearest: (base: Revision, branch: String)?
        for branch in try repository.remoteTrackingBranches(ofRemote: remote) {
            guard let base = try mergeBaseIfAny(head, branch.target) else { continue }
            guard let current = nearest else {
                nearest = (base, branch.name)
                continue
            }
            if current.base.sha != base.sha, try isAncestor(current.base, of: base) {
                nearest = (base, branch.name)
            }
        }
        return nearest.map { ($0.base, $0.branch) }
    }

    // MARK: - Helpers

    private func isAncestor(_ ancestor: Revision, of descendant: Revision) throws(GitReaderError) -> Bool {
        try repository.mergeBase(ancestor, descendant).sha == ancestor.sha
    }

    private func mergeBaseIfAny(_ first: Revision, _ second: Revision) throws(GitReaderError) -> Revision? {
        do {
            return try repository.mergeBase(first, second)
        } catch .noMergeBase {
            return nil
        }
    }

    /// Resolves `spec`, or returns nil when the repository has no such commit.
    private func resolveIfPresent(_ spec: String) throws(GitReaderError) -> Revision? {
        do {
            return try repository.resolve(spec)
        } catch .revisionNotFound, .revisionMissingFromShallowClone {
            return nil
        }
    }

    /// `feature` for `refs/heads/feature`; other names as they are.
    static func displayName(_ ref: String) -> String {
        ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : ref
    }
}
