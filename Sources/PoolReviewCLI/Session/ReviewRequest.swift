/// A review to run: the repository, the range and the configuration source.
public struct ReviewRequest: Sendable {
    /// Any folder inside the repository (or the repository itself, bare or not).
    public var repositoryPath: String
    /// `BASE..HEAD`, `BASE...HEAD`, or a single revision that is the base, with head `HEAD`.
    public var range: String?
    /// An explicit base; wins over the base of `range`.
    public var base: String?
    /// An explicit head; wins over the head of `range`.
    public var head: String?
    /// Review every Go file at head as if the change added it.
    public var wholeTree: Bool
    /// How a hook or a CI run chose `base`, shown where the report names its base; nil when the
    /// user named the base.
    public var baseNote: String?
    /// The source of `.poolreview.json`.
    public var configuration: ConfigurationChoice

    public init(
        repositoryPath: String, range: String? = nil, base: String? = nil, head: String? = nil, wholeTree: Bool = false,
        baseNote: String? = nil, configuration: ConfigurationChoice = .head
    ) {
        self.repositoryPath = repositoryPath
        self.range = range
        self.base = base
        self.head = head
        self.wholeTree = wholeTree
        self.baseNote = baseNote
        self.configuration = configuration
    }
}

/// The source a review reads its configuration from.
public enum ConfigurationChoice: Sendable, Equatable {
    /// `.poolreview.json` of the reviewed head revision.
    case head
    /// `.poolreview.json` of the base revision, so a change cannot switch off its own review.
    case base
    /// A file the user names.
    case file(String)
    /// No configuration: the defaults.
    case none
}
