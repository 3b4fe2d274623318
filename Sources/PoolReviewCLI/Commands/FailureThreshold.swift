import ReviewModel

/// The lowest finding severity that makes `poolreview review` exit with status 1 (`--fail-on`).
enum FailureThreshold: String, CaseIterable {
    case error
    case warning
    /// Any finding fails the run; the default.
    case info
    /// No finding fails the run; only a usage, repository or revision error gives a non-zero status.
    case never

    static func parse(_ value: String?, command: String) throws(UsageError) -> FailureThreshold {
        guard let value else { return .info }
        guard let threshold = FailureThreshold(rawValue: value) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue(option: "--fail-on", value: value, expected: "one of \(names)", command: command)
        }
        return threshold
    }

    /// Returns `findings` (1) when a finding reaches the threshold, and `clean` (0) otherwise.
    func status(for findings: [Finding]) -> PoolReviewTool.ExitStatus {
        let lowest: Severity
        switch self {
        case .never: return .clean
        case .error: lowest = .error
        case .warning: lowest = .warning
        case .info: lowest = .info
        }
        return findings.contains { $0.severity >= lowest } ? .findings : .clean
    }
}
