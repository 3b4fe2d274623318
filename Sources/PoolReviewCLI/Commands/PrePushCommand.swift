import Foundation
import GitReader

/// `poolreview pre-push REMOTE [URL]`: git's pre-push hook protocol.
///
/// git passes the remote's name (or its URL when the push names no remote) and its URL as
/// arguments, and one line per pushed ref on standard input. Each distinct range is reviewed once.
struct PrePushCommand {
    let tool: PoolReviewTool

    static let name = "pre-push"
    static let spec = ArgumentList.Spec(valued: ["repo", "mode"], maxPositionals: 2)

    func run(_ arguments: [String]) -> PoolReviewTool.ExitStatus {
        HookReviewer.runGuarded(tool: tool, mode: HookMode.requested(in: arguments), command: Self.name) {
            try review(arguments)
        }
    }

    private func review(_ arguments: [String]) throws -> PoolReviewTool.ExitStatus {
        let parsed = try ArgumentList(arguments, spec: Self.spec, command: Self.name)
        let mode = try HookMode.parse(parsed.value("mode"), command: Self.name)
        guard let remote = parsed.positionals.first else {
            throw UsageError.missingArgument("the remote name or URL that git passes to the hook", command: Self.name)
        }

        let input = String(decoding: tool.readStandardInput(), as: UTF8.self)
        let refs = try PushedRef.parseAll(input).filter { !$0.isDeletion }
        guard !refs.isEmpty else { return .clean }

        let repositoryPath = tool.absolutePath(parsed.value("repo") ?? ".")
        let repository = try GitRepository(discoveringFrom: repositoryPath)
        let chooser = PushRangeChooser(repository: repository, remote: remote)
        var plan = HookPlan()
        for ref in refs {
            switch try chooser.choose(for: ref) {
            case .review(let base, let head, let explanation):
                plan.add(base: base, head: head, ref: ref.remoteRef, explanation: explanation)
            case .nothingToReview(let reason):
                plan.skip(ref: ref.remoteRef, reason: reason)
            }
        }
        let reviewer = HookReviewer(tool: tool, mode: mode, command: Self.name, repositoryPath: repositoryPath)
        return try reviewer.review(plan)
    }
}
