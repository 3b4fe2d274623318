import ChecklistData
import Rendering
import ReviewModel

/// Reviews the ranges of a hook run, prints the terse text output, and turns the findings and the
/// mode into the hook's exit status.
struct HookReviewer {
    let tool: PoolReviewTool
    let mode: HookMode
    /// The command the hook runs, `pre-push` or `pre-commit`, for messages.
    let command: String
    let repositoryPath: String

    // MARK: - Reviewing

    /// Reviews each range of `plan` once and returns the exit status that `mode` gives the findings.
    func review(_ plan: HookPlan) throws -> PoolReviewTool.ExitStatus {
        for line in plan.skipped {
            tool.standardOutput("poolreview: \(line)\n")
        }
        let checklist = try Checklist.builtIn()
        let options = RenderOptions(toolVersion: PoolReviewTool.version, usesANSIColor: tool.usesColour)
        var errorCount = 0
        var findingCount = 0

        for range in plan.ranges {
            tool.standardOutput("poolreview: reviewing \(range.refs.joined(separator: ", "))\n")
            for explanation in range.explanations {
                tool.standardOutput("poolreview: note: \(explanation)\n")
            }
            let request = ReviewRequest(
                repositoryPath: repositoryPath, base: range.base.sha, head: range.head.sha, baseNote: range.base.spec)
            let report = try ReviewSession().run(request)
            tool.standardOutput(try OutputFormat.text.renderer.render(report, checklist: checklist, options: options))
            tool.standardOutput(
                "poolreview: the full review: poolreview review \(range.base.sha)..\(range.head.sha)\n")

            findingCount += report.findings.count
            errorCount += report.findings.filter { $0.severity == .error }.count
        }
        return verdict(errors: errorCount, findings: findingCount)
    }

    private func verdict(errors: Int, findings: Int) -> PoolReviewTool.ExitStatus {
        if mode == .block, errors > 0 {
            let count = errors == 1 ? "1 finding" : "\(errors) findings"
            tool.standardOutput(
                "poolreview: the push is stopped: \(count) of severity error (block mode). Fix the code, "
                    + "or suppress a finding with '//poolreview:ignore ITEM reason' on its line or the line above, "
                    + "or push without the hook with \(skipAdvice).\n")
            return .findings
        }
        if findings > 0, mode == .warn {
            tool.standardOutput("poolreview: warn mode, so the push goes ahead.\n")
        }
        return .clean
    }

    // MARK: - Failures

    /// Runs `body` and turns an error it throws into the exit status of `mode`: 2 in block mode and
    /// 0 in warn mode. A broken reviewer must not stop a push that the user did not ask it to stop.
    static func runGuarded(
        tool: PoolReviewTool, mode: HookMode, command: String, _ body: () throws -> PoolReviewTool.ExitStatus
    ) -> PoolReviewTool.ExitStatus {
        do {
            return try body()
        } catch {
            tool.standardError("poolreview: \(error)\n")
            switch mode {
            case .block:
                tool.standardError(
                    "poolreview: the push is stopped because the review failed (block mode); fix the problem above, "
                        + "or push without the hook with \(skipAdvice(for: command)).\n")
                return .failure
            case .warn:
                tool.standardError(
                    "poolreview: the review failed, but the push goes ahead: in warn mode a failing review never "
                        + "stops a push.\n")
                return .clean
            }
        }
    }

    private var skipAdvice: String { Self.skipAdvice(for: command) }

    private static func skipAdvice(for command: String) -> String {
        command == "pre-commit" ? "'SKIP=poolreview git push' or 'git push --no-verify'" : "'git push --no-verify'"
    }
}
