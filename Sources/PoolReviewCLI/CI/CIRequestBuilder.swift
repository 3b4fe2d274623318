import GitReader

/// Builds the review request of `poolreview review`, taking the range from the CI environment with
/// `--ci`, or when the command line names no range in a CI job.
///
/// The CI range is used with `--ci`, and also without it when `CI` is set (to anything but `false`
/// or `0`) and the command line names no range, `--base`, `--head` or `--all`. An explicit
/// `--base` or `--head` always wins over the CI value, and a positional range replaces both.
struct CIRequestBuilder {
    let tool: PoolReviewTool
    let parsed: ArgumentList

    func request() throws -> ReviewRequest {
        let repositoryPath = tool.absolutePath(parsed.value("repo") ?? ".")
        var request = ReviewRequest(
            repositoryPath: repositoryPath, range: parsed.positionals.first, base: parsed.value("base"),
            head: parsed.value("head"), wholeTree: parsed.has("all"))
        let inCI = parsed.has("ci") || Self.isCI(tool.environment)
        request.configuration = try configurationChoice(inCI: inCI)

        guard let range = try ciRange(repositoryPath: repositoryPath) else { return request }
        if request.base == nil {
            request.base = range.base.sha
            request.baseNote = range.base.spec
        }
        if request.head == nil {
            request.head = range.head.sha
        }
        let base = request.base == range.base.sha ? range.base.shortSHA : request.base ?? ""
        let head = request.head == range.head.sha ? range.head.shortSHA : request.head ?? ""
        tool.standardError("poolreview: \(range.source): reviewing \(base)..\(head)\(noteSuffix(request))\n")
        return request
    }

    /// `--config-from head|base|FILE`; by default the base revision's file in CI, so a pull
    /// request cannot switch off its own review, and the head revision's elsewhere.
    private func configurationChoice(inCI: Bool) throws -> ConfigurationChoice {
        switch parsed.value("config-from") {
        case nil: return inCI ? .base : .head
        case "head": return .head
        case "base": return .base
        case "none": return .none
        case let path?: return .file(tool.absolutePath(path))
        }
    }

    private func noteSuffix(_ request: ReviewRequest) -> String {
        request.baseNote.map { " (base: \($0))" } ?? ""
    }

    /// Finds the CI range, or returns nil when the command line names its own or this is no CI run.
    private func ciRange(repositoryPath: String) throws -> CIRange? {
        let explicit = parsed.has("ci")
        if parsed.positionals.first != nil || (parsed.value("base") != nil && parsed.value("head") != nil) {
            return nil
        }
        if !explicit {
            let namesRevisions = parsed.value("base") != nil || parsed.value("head") != nil || parsed.has("all")
            guard Self.isCI(tool.environment), !namesRevisions, CIRangeFinder.detectsProvider(in: tool.environment) else {
                return nil
            }
        }
        guard CIRangeFinder.detectsProvider(in: tool.environment) else { throw CIError.noProvider }

        let repository = try GitRepository(discoveringFrom: repositoryPath)
        let finder = CIRangeFinder(environment: tool.environment, repository: repository)
        do {
            return try finder.find()
        } catch let error as CIError where !explicit {
            // Without --ci a CI run that names no range, such as a scheduled one, is reviewed as
            // outside CI, and the reason is printed.
            guard case .eventWithoutRange = error else { throw error }
            tool.standardError("poolreview: \(error); the base is chosen as outside CI.\n")
            return nil
        }
    }

    /// True when the `CI` variable is set to anything but an empty string, `false` or `0`.
    static func isCI(_ environment: [String: String]) -> Bool {
        guard let value = environment["CI"]?.lowercased() else { return false }
        return !value.isEmpty && value != "false" && value != "0"
    }
}
