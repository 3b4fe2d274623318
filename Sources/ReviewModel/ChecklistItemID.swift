/// The stable id of one of the 12 review checklist items.
///
/// The raw values are a public contract: they appear in every output format, in
/// `//poolreview:ignore` comments and in configuration. The cases are in checklist order.
public enum ChecklistItemID: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case poolScope = "pool-scope"
    case newReturnsPointer = "new-returns-pointer"
    case deferredPut = "deferred-put"
    case resetBeforeUse = "reset-before-use"
    case resetKeepsAllocation = "reset-keeps-allocation"
    case sizeCap = "size-cap"
    case copyBeforePut = "copy-before-put"
    case fdResourcePool = "fd-resource-pool"
    case timerPooling = "timer-pooling"
    case typedGet = "typed-get"
    case workerBackpressure = "worker-backpressure"
    case benchmemEvidence = "benchmem-evidence"

    /// The 1-based position in the checklist.
    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.number < rhs.number }
}

/// How much a finding matters to the person pushing the change.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
