/// A CI environment that does not say what to review; the message names the variable or field and
/// what to do.
enum CIError: Error, Equatable, CustomStringConvertible {
    case noProvider
    case missingVariable(String, provider: String)
    case unreadableEventFile(path: String, reason: String)
    case invalidEventFile(path: String, reason: String)
    case missingEventField(field: String, event: String, path: String)
    case eventWithoutRange(event: String)
    case gitLabPipelineWithoutRange(source: String)
    case noBaseForNewBranch(head: String, tried: [String])

    private static let explicitAdvice = "pass the range with --base and --head"

    var description: String {
        switch self {
        case .noProvider:
            return "--ci was given, but the environment is neither GitHub Actions (GITHUB_ACTIONS=true) nor GitLab CI "
                + "(GITLAB_CI=true); \(Self.explicitAdvice)"
        case .missingVariable(let name, let provider):
            return "\(name) is not set, though this looks like \(provider); run poolreview in a job step, or "
                + Self.explicitAdvice
        case .unreadableEventFile(let path, let reason):
            return "cannot read the GitHub Actions event file '\(path)' (GITHUB_EVENT_PATH): \(reason); "
                + Self.explicitAdvice
        case .invalidEventFile(let path, let reason):
            return "the GitHub Actions event file '\(path)' (GITHUB_EVENT_PATH) is invalid: \(reason); "
                + Self.explicitAdvice
        case .missingEventField(let field, let event, let path):
            return "the GitHub Actions \(event) event in '\(path)' has no '\(field)'; \(Self.explicitAdvice)"
        case .eventWithoutRange(let event):
            return "the GitHub Actions event '\(event)' names no commits to compare; run poolreview on pull_request, "
                + "pull_request_target, merge_group or push events, or \(Self.explicitAdvice)"
        case .gitLabPipelineWithoutRange(let source):
            return "the GitLab CI pipeline (source '\(source)') sets neither CI_MERGE_REQUEST_DIFF_BASE_SHA nor "
                + "CI_COMMIT_BEFORE_SHA; \(Self.explicitAdvice)"
        case .noBaseForNewBranch(let head, let tried):
            return "the push created a branch at \(head), and none of \(tried.joined(separator: ", ")) is in this clone "
                + "to find where it starts; fetch the default branch (for example 'git fetch origin main') or "
                + Self.explicitAdvice
        }
    }
}
