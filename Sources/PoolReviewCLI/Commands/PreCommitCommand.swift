import GitReader
import ReviewModel

/// `poolreview pre-commit`: the entry point for the pre-commit framework's `pre-push` stage.
///
/// pre-commit reads git's pre-push input itself and passes the first pushed ref that is not a
/// deletion in environment variables:
/// - `PRE_COMMIT_FROM_REF` and `PRE_COMMIT_TO_REF`: the range, reviewed as `FROM..TO`;
/// - without them, `PRE_COMMIT_REMOTE_NAME` and `PRE_COMMIT_LOCAL_BRANCH` when the push includes a
///   root commit; then the base follows the pre-push hook's rule for a new branch;
/// - neither, as in `pre-commit run` by hand: HEAD is reviewed against its default base.
struct PreCommitCommand {
    let tool: PoolReviewTool

    static let name = "pre-commit"
    static let spec = ArgumentList.Spec(valued: ["repo", "mode"], maxPositionals: 0)

    func run(_ arguments: [String]) -> PoolReviewTool.ExitStatus {
        HookReviewer.runGuarded(tool: tool, mode: HookMode.requested(in: arguments), command: Self.name) {
            try review(arguments)
        }
    }

    private func review(_ arguments: [String]) throws -> PoolReviewTool.ExitStatus {
        let parsed = try ArgumentList(arguments, spec: Self.spec, command: Self.name)
        let mode = try HookMode.parse(parsed.value("mode"), command: Self.name)
        let repositoryPath = tool.absolutePath(parsed.value("repo") ?? ".")
        let repository = try GitRepository(discoveringFrom: repositoryPath)
        let plan = try makePlan(repository)
        let reviewer = HookReviewer(tool: tool, mode: mode, command: Self.name, repositoryPath: repositoryPath)
        return try reviewer.review(plan)
    }

    private func makePlan(_ repository: GitRepository) throws -> HookPlan {
        var plan = HookPlan()
        let environment = tool.environment
        let remoteBranch = environment.nonEmpty("PRE_COMMIT_REMOTE_BRANCH") ?? "the pushed ref"

        if let from = environment.nonEmpty("PRE_COMMIT_FROM_REF"), let to = environment.nonEmpty("PRE_COMMIT_TO_REF") {
            let base = try repository.resolve(from)
            let head = try repository.resolve(to)
            let note = "\(base.shortSHA), the base pre-commit chose (PRE_COMMIT_FROM_REF)"
            guard base.sha != head.sha else {
                plan.skip(ref: remoteBranch, reason: "PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF are the same commit")
                return plan
            }
            plan.add(base: Revision(sha: base.sha, spec: note), head: head, ref: remoteBranch, explanation: nil)
            return plan
        }

        if let remote = environment.nonEmpty("PRE_COMMIT_REMOTE_NAME"),
           let local = environment.nonEmpty("PRE_COMMIT_LOCAL_BRANCH") {
            let head = try repository.resolve(local)
            let zeros = String(repeating: "0", count: head.sha.count)
            let ref = PushedRef(localRef: local, localSHA: head.sha, remoteRef: remoteBranch, remoteSHA: zeros)
            switch try PushRangeChooser(repository: repository, remote: remote).choose(for: ref) {
            case .review(let base, let head, let explanation):
                plan.add(base: base, head: head, ref: remoteBranch, explanation: explanation)
            case .nothingToReview(let reason):
                plan.skip(ref: remoteBranch, reason: reason)
            }
            return plan
        }

        let head = try repository.resolve("HEAD")
        let chosen = try repository.defaultBase(head: head)
        guard chosen.base.sha != head.sha else {
            plan.skip(ref: "HEAD", reason: "nothing to review, because HEAD is its own base, the \(chosen.note)")
            return plan
        }
        plan.add(base: Revision(sha: chosen.base.sha, spec: chosen.note), head: head, ref: "HEAD", explanation: nil)
        return plan
    }
}

extension Dictionary where Key == String, Value == String {
    /// Returns the value of an environment variable, or nil when it is unset or empty.
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}
