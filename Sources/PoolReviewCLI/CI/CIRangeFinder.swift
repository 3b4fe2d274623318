import GitReader
import ReviewModel

/// The range a CI run reviews, as its environment names it.
struct CIRange {
    /// The base. Its `spec` describes how it was chosen and becomes the report's base note.
    var base: Revision
    var head: Revision
    /// The provider and event, such as "GitHub Actions pull_request event".
    var source: String
}

/// Reads the base and head of a review from the variables GitHub Actions and GitLab CI set.
///
/// - GitHub Actions (`GITHUB_ACTIONS=true`) names the commits in the event file at
///   `GITHUB_EVENT_PATH`. A pull request is reviewed from the merge base of `pull_request.base.sha`
///   and `pull_request.head.sha` to the head, as GitHub's "Files changed" tab shows it. A merge
///   queue run is reviewed as `merge_group.base_sha..merge_group.head_sha`, and a push as
///   `before..after`.
/// - GitLab CI (`GITLAB_CI=true`): a merge request pipeline as
///   `CI_MERGE_REQUEST_DIFF_BASE_SHA..HEAD`, where HEAD is `CI_MERGE_REQUEST_SOURCE_BRANCH_SHA` in a
///   merged results pipeline and `CI_COMMIT_SHA` otherwise; a push as
///   `CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA`.
///
/// A push that creates a branch (an all-zeros `before`) or whose `before` is no ancestor of its head
/// (a forced push) is reviewed from the merge base with the default branch (`origin/<default>`,
/// then `origin/HEAD`, `origin/main`, `origin/master`, `main`, `master`).
struct CIRangeFinder {
    let environment: [String: String]
    let repository: GitRepository

    /// True when `environment` is a provider this type reads.
    static func detectsProvider(in environment: [String: String]) -> Bool {
        environment["GITHUB_ACTIONS"] == "true" || environment["GITLAB_CI"] == "true"
    }

    /// Returns the range, or nil when the environment is no provider this type reads.
    ///
    /// - Throws: `CIError` when the provider's variables or event file do not name a range, and
    ///   `GitReaderError` when a commit is missing, such as the base in a shallow clone.
    func find() throws -> CIRange? {
        if environment["GITHUB_ACTIONS"] == "true" {
            return try gitHubRange()
        }
        if environment["GITLAB_CI"] == "true" {
            return try gitLabRange()
        }
        return nil
    }

    // MARK: - GitHub Actions

    private func gitHubRange() throws -> CIRange {
        let provider = "GitHub Actions"
        guard let name = environment.nonEmpty("GITHUB_EVENT_NAME") else {
            throw CIError.missingVariable("GITHUB_EVENT_NAME", provider: provider)
        }
        guard let path = environment.nonEmpty("GITHUB_EVENT_PATH") else {
            throw CIError.missingVariable("GITHUB_EVENT_PATH", provider: provider)
        }
        let event = try GitHubEvent(name: name, path: path)
        let source = "\(provider) \(name) event"

        if event.hasPullRequest {
            let base = try repository.resolve(try event.requiredString(["pull_request", "base", "sha"]))
            let head = try repository.resolve(try event.requiredString(["pull_request", "head", "sha"]))
            let mergeBase = try repository.mergeBase(base, head)
            let note = "merge base of the pull request's base \(base.shortSHA) and head \(head.shortSHA)"
            return CIRange(base: Revision(sha: mergeBase.sha, spec: note), head: head, source: source)
        }
        if event.hasMergeGroup {
            let base = try repository.resolve(try event.requiredString(["merge_group", "base_sha"]))
            let head = try repository.resolve(try event.requiredString(["merge_group", "head_sha"]))
            let note = "\(base.shortSHA), the parent of the merge group (merge_group.base_sha)"
            return CIRange(base: Revision(sha: base.sha, spec: note), head: head, source: source)
        }
        if event.isPush {
            return try pushRange(
                before: try event.requiredString(["before"]), after: try event.requiredString(["after"]),
                beforeName: "before", defaultBranch: event.string(["repository", "default_branch"]), source: source)
        }
        throw CIError.eventWithoutRange(event: name)
    }

    // MARK: - GitLab CI

    private func gitLabRange() throws -> CIRange {
        let provider = "GitLab CI"
        let pipelineSource = environment["CI_PIPELINE_SOURCE"] ?? "unknown"
        let source = "\(provider) \(pipelineSource) pipeline"
        guard let commit = environment.nonEmpty("CI_COMMIT_SHA") else {
            throw CIError.missingVariable("CI_COMMIT_SHA", provider: provider)
        }

        if let diffBase = environment.nonEmpty("CI_MERGE_REQUEST_DIFF_BASE_SHA") {
            let headVariable = environment.nonEmpty("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA") != nil
                ? "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA" : "CI_COMMIT_SHA"
            let head = try repository.resolve(environment[headVariable] ?? commit)
            let base = try repository.resolve(diffBase)
            let note = "\(base.shortSHA), the merge request's diff base (CI_MERGE_REQUEST_DIFF_BASE_SHA)"
            return CIRange(base: Revision(sha: base.sha, spec: note), head: head, source: source)
        }
        if let before = environment.nonEmpty("CI_COMMIT_BEFORE_SHA") {
            return try pushRange(
                before: before, after: commit, beforeName: "CI_COMMIT_BEFORE_SHA",
                defaultBranch: environment.nonEmpty("CI_DEFAULT_BRANCH"), source: source)
        }
        throw CIError.gitLabPipelineWithoutRange(source: pipelineSource)
    }

    // MARK: - Pushes

    private func pushRange(
        before: String, after: String, beforeName: String, defaultBranch: String?, source: String
    ) throws -> CIRange {
        if PushedRef.isZero(after) {
            // A deleted branch leaves nothing to review; the checkout's HEAD gives an empty range.
            let head = try repository.resolve("HEAD")
            return CIRange(
                base: Revision(sha: head.sha, spec: "HEAD, because the push deleted the branch"), head: head,
                source: source)
        }
        let head = try repository.resolve(after)
        if PushedRef.isZero(before) {
            return try newBranchRange(head: head, defaultBranch: defaultBranch, reason: "the push created the branch",
                                      source: source)
        }

        guard let previous = try resolveIfPresent(before) else {
            return try newBranchRange(
                head: head, defaultBranch: defaultBranch,
                reason: "the commit before the push (\(before.prefix(7))) is not in this clone", source: source)
        }
        guard try repository.mergeBase(previous, head).sha == previous.sha else {
            return try newBranchRange(
                head: head, defaultBranch: defaultBranch,
                reason: "the push was forced, so \(previous.shortSHA) is no ancestor of \(head.shortSHA)", source: source)
        }
        let note = "\(previous.shortSHA), the branch before the push (\(beforeName))"
        return CIRange(base: Revision(sha: previous.sha, spec: note), head: head, source: source)
    }

    private func newBranchRange(head: Revision, defaultBranch: String?, reason: String, source: String) throws -> CIRange {
        var candidates: [String] = []
        if let defaultBranch { candidates.append("origin/\(defaultBranch)") }
        candidates += ["origin/HEAD", "origin/main", "origin/master"]
        if let defaultBranch { candidates.append(defaultBranch) }
        candidates += ["main", "master"]
        var seen: Set<String> = []
        candidates = candidates.filter { seen.insert($0).inserted }

        for candidate in candidates {
            guard let target = try resolveIfPresent(candidate),
                  let base = try mergeBaseIfAny(head, target)
            else {
                continue
            }
            let note = "merge base of \(head.shortSHA) and \(candidate), because \(reason)"
            return CIRange(base: Revision(sha: base.sha, spec: note), head: head, source: source)
        }
        throw CIError.noBaseForNewBranch(head: head.shortSHA, tried: candidates)
    }

    // MARK: - Helpers

    /// Resolves `spec`, or returns nil when the repository has no such commit.
    ///
    /// A commit missing from a shallow clone is still an error, whose message explains how to
    /// fetch more history, because guessing another base there would review the wrong range.
    private func resolveIfPresent(_ spec: String) throws(GitReaderError) -> Revision? {
        do {
            return try repository.resolve(spec)
        } catch .revisionNotFound {
            return nil
        }
    }

    private func mergeBaseIfAny(_ first: Revision, _ second: Revision) throws(GitReaderError) -> Revision? {
        do {
            return try repository.mergeBase(first, second)
        } catch .noMergeBase {
            return nil
        }
    }
}
