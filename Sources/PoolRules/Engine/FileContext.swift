import GoSyntax
import ReviewModel

/// Everything a rule may read about one changed file.
public struct FileContext: Sendable {
    public let file: GoFile
    public let package: PackageContext
    /// The same file at the base revision, for rules that compare (a removed `defer Put`);
    /// nil for an added file or with `--all`.
    public let baseFile: GoFile?
    /// The lines the change touched. Rules report findings on any line; only rules that
    /// compare with the base use this, to anchor a finding at a removal.
    public let touched: TouchedLines
    /// The touched lines of the other changed files, by path, for findings that rest on code
    /// in another file of the package.
    public let touchedElsewhere: [String: TouchedLines]
    /// Thresholds from the configuration.
    public let settings: RuleSettings

    /// The facts of every function and function literal in the file.
    let functions: [FunctionFacts]
    /// The facts of the base file's functions, by `FunctionUnit.identity`.
    let baseFunctions: [String: FunctionFacts]

    public init(
        file: GoFile, package: PackageContext, baseFile: GoFile? = nil, touched: TouchedLines,
        touchedElsewhere: [String: TouchedLines] = [:], settings: RuleSettings = RuleSettings()
    ) {
        self.file = file
        self.package = package
        self.baseFile = baseFile
        self.touched = touched
        self.touchedElsewhere = touchedElsewhere
        self.settings = settings
        self.functions = package.unitsWithEnvironments(file).map {
            FunctionFacts(unit: $0.unit, environment: $0.environment, file: file, package: package)
        }
        var base: [String: FunctionFacts] = [:]
        if let baseFile {
            for (unit, environment) in package.unitsWithEnvironments(baseFile) where !unit.isLiteral {
                base[unit.identity] = FunctionFacts(unit: unit, environment: environment, file: baseFile, package: package)
            }
        }
        self.baseFunctions = base
    }

    /// Makes a finding of `rule` anchored at `lines` of this file.
    func finding<R: Rule>(
        _ rule: R.Type, lines: ClosedRange<Int>, message: String, related: [Int] = [],
        relatedElsewhere: [LineReference] = [], anchor: String = "", severity: Severity? = nil
    ) -> Finding {
        let description = R.description
        var finding = Finding(
            item: description.id, path: file.path, line: lines.lowerBound, endLine: lines.upperBound,
            severity: severity ?? description.severity, message: message, bugs: description.bugs,
            relatedLines: related.filter { !lines.contains($0) }, anchorText: anchor)
        finding.relatedElsewhere = relatedElsewhere.filter { $0.path != file.path }
        return finding
    }

    /// The facts of the base version of a function, matched by name and receiver.
    func baseFacts(of unit: FunctionUnit) -> FunctionFacts? {
        guard !unit.isLiteral else { return nil }
        return baseFunctions[unit.identity]
    }
}

extension FunctionUnit {
    /// `Type.name` for a method, `name` for a function: how a function is matched between
    /// the base and the head of a change.
    var identity: String {
        receiverType.map { $0 + "." + name } ?? name
    }
}

/// Thresholds the rules take from the configuration.
public struct RuleSettings: Sendable, Equatable {
    /// The largest size limit before a `Put` that counts as a limit, in bytes; nil to accept any.
    public var sizeCapMaxBytes: Int?

    public init(sizeCapMaxBytes: Int? = nil) {
        self.sizeCapMaxBytes = sizeCapMaxBytes
    }
}
