import Dispatch
import Foundation
import GitReader
import GoSyntax
import PoolRules
import ReviewModel

/// Runs one review: reads the two revisions through the git reader, analyses the changed Go
/// files with the package context around them, and returns the report.
///
/// Packages are independent, so they are analysed in parallel once their files are read.
public struct ReviewSession: Sendable {
    public var matcher: Matcher
    public var registry: PoolRegistry
    /// Thresholds for the rules; the configuration file can change them.
    public var settings = RuleSettings()
    /// The last names of configured wrappers (`Take` of `bufpool.Take`), which mark a package as
    /// worth analysing like `Get()` does.
    var extraMarkerNames: [String] = []
    /// Lines of context shown around a finding's anchored lines.
    public var excerptContext = 2
    /// The maximum time one file's rules may run. A file that takes longer is reported as
    /// skipped and the rest of the review goes on. Parsing and the package context do not count.
    public var fileBudget: Duration = .seconds(10)

    public init(matcher: Matcher = Matcher(), registry: PoolRegistry = .wellKnown) {
        self.matcher = matcher
        self.registry = registry
    }

    /// Reviews the request's range.
    ///
    /// - Throws: `GitReaderError` for a repository or revision problem, `ConfigurationError`
    ///   for an invalid configuration file.
    public func run(_ request: ReviewRequest) throws -> Report {
        try review(request).report
    }

    /// Reviews the request's range and returns the report with the configuration it used.
    public func review(_ request: ReviewRequest) throws -> (report: Report, configuration: Configuration) {
        let repository = try GitRepository(discoveringFrom: request.repositoryPath)
        let (base, head, note) = try RevisionChoice.resolve(request, in: repository)
        let configuration = try ConfigurationLoader.load(request.configuration, repository: repository, base: base, head: head)
        var session = self
        session.matcher.enabledItems.formIntersection(configuration.enabledItems)
        session.matcher.severities.merge(configuration.severities) { _, configured in configured }
        session.registry.add(configuration.wrappers)
        session.extraMarkerNames = configuration.wrappers.compactMap { $0.name.split(separator: ".").last.map(String.init) }
        session.settings.sizeCapMaxBytes = configuration.sizeCapMaxBytes ?? settings.sizeCapMaxBytes
        var report = try session.review(request, repository: repository, base: base, head: head, note: note,
                                         configuration: configuration)
        if let configurationNote = ConfigurationLoader.workingTreeNote(request.configuration, repository: repository, head: head) {
            report.notes.insert(configurationNote, at: 0)
        }
        return (report, configuration)
    }

    private func review(
        _ request: ReviewRequest, repository: GitRepository, base: Revision, head: Revision, note: String?,
        configuration: Configuration
    ) throws -> Report {
        let changes: [FileChange]
        if request.wholeTree {
            changes = try repository.allFiles(at: head).map { path in
                FileChange(oldPath: nil, newPath: path, status: .added)
            }
        } else {
            changes = try repository.changeSet(base: base, head: head).files
        }

        var summary = FileSummary()
        let selected = ChangedGoFile.select(from: changes, summary: &summary)
        let reviewed = selected.filter { configuration.includes($0.path) }
        let work = try PackageWork.read(reviewed, changes: changes, repository: repository, base: base, head: head,
                                        wholeTree: request.wholeTree, summary: &summary)

        let outcomes = analyse(work)
        for outcome in outcomes {
            summary.goFilesAnalysed += outcome.analysedFiles
            summary.skipped += outcome.skipped
        }
        let reviews = outcomes.flatMap(\.reviews)
        var report = makeReport(base: base, head: head, note: note, request: request, summary: summary, reviews: reviews)
        let excluded = selected.count - reviewed.count
        if excluded > 0 {
            let files = excluded == 1 ? "1 changed Go file is" : "\(excluded) changed Go files are"
            report.notes.append("\(files) not reviewed because the configuration's paths exclude them")
        }
        // A CI job whose range resolves to one commit would otherwise pass with "no findings".
        if !request.wholeTree, base.sha == head.sha {
            report.notes.append("the base and the head are the same commit (\(head.shortSHA)), so this review "
                + "compared nothing; check the range")
        }
        return report
    }

    /// Analyses every package on all cores and returns the outcomes in package order.
    private func analyse(_ work: [PackageWork]) -> [PackageOutcome] {
        let results = Slots<PackageOutcome>(count: work.count)
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            results.set(index, analyse(work[index]))
        }
        return results.values
    }

    /// Parses the files of one package on all cores. A push usually changes one or two
    /// packages, so parsing their files is the part of a review that packages cannot share out.
    private static func parse(_ sources: [GoSource]) -> [GoFile] {
        let files = Slots<GoFile>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let source = sources[index]
            files.set(index, GoFile(path: source.path, bytes: source.bytes, syntax: GoParser.parse(source.bytes)))
        }
        return files.values
    }

    private func analyse(_ work: PackageWork) -> PackageOutcome {
        var outcome = PackageOutcome()
        var reviewable: [GoSource] = []
        for source in work.sources {
            if let reason = FileFilter.skipReason(path: source.path, bytes: source.bytes) {
                if work.reviewed[source.path] != nil { outcome.skipped.append(SkippedFile(path: source.path, reason: reason)) }
            } else {
                reviewable.append(source)
            }
        }
        let reviewedPaths = reviewable.map(\.path).filter { work.reviewed[$0] != nil }
        outcome.analysedFiles = reviewedPaths.count
        // No marker of pool code anywhere in the package: no rule can find anything.
        guard PackageRelevance.isRelevant(reviewable.map(\.bytes), extraNames: extraMarkerNames) else { return outcome }

        let files = Self.parse(reviewable)
        let package = PackageContext(files: files, registry: registry, addedFiles: work.addedPaths)
        let touchedByPath = work.touchedElsewhere

        for file in files {
            guard let changed = work.reviewed[file.path] else { continue }
            let baseFile = work.baseSources[file.path].map { GoFile(path: $0.path, bytes: $0.bytes, syntax: GoParser.parse($0.bytes)) }
            let touched = changed.wholeFile ? TouchedLines.wholeFile(lineCount: file.syntax.lineCount) : changed.touched
            let context = FileContext(
                file: file, package: package, baseFile: baseFile, touched: touched, touchedElsewhere: touchedByPath,
                settings: settings)
            let review = matcher.review(context, deadline: ContinuousClock.now.advanced(by: fileBudget))
            if review.exceededBudget {
                outcome.skipped.append(SkippedFile(path: file.path, reason: "analysis took longer than \(fileBudget)"))
                outcome.analysedFiles -= 1
                continue
            }
            outcome.reviews.append(excerpted(review, bytes: file.bytes))
        }

        // A changed pool definition can break code in files the change did not touch, such as
        // an assertion at a Get in another file after New changed its type.
        if !work.wholeTree, package.changesPoolDefinitions(touchedByPath) {
            for file in files where work.reviewed[file.path] == nil {
                let context = FileContext(
                    file: file, package: package, touched: TouchedLines(), touchedElsewhere: touchedByPath, settings: settings)
                var review = excerpted(matcher.review(context), bytes: file.bytes)
                review.touchedItems = []
                outcome.reviews.append(review)
            }
        }
        return outcome
    }

    private func excerpted(_ review: FileReview, bytes: [UInt8]) -> FileReview {
        var review = review
        guard !review.findings.isEmpty else { return review }
        let lines = SourceLines.lines(of: bytes[...])
        review.findings = review.findings.map { finding in
            var finding = finding
            finding.excerpt = SourceLines.excerpt(ofLines: lines, lines: finding.lines, context: excerptContext)
            return finding
        }
        return review
    }

    private func makeReport(
        base: Revision, head: Revision, note: String?, request: ReviewRequest, summary: FileSummary, reviews: [FileReview]
    ) -> Report {
        let findings = reviews.flatMap(\.findings).sorted { ($0.path, $0.line, $0.item) < ($1.path, $1.line, $1.item) }
        let touched = reviews.reduce(into: Set<ChecklistItemID>()) { $0.formUnion($1.touchedItems) }
        let checklist = ChecklistItemID.allCases.map { item in
            let status: ItemStatus = findings.contains { $0.item == item } ? .finding : touched.contains(item) ? .clean : .untouched
            return ChecklistStatus(item: item, status: status)
        }
        var summary = summary
        summary.skipped.sort { $0.path < $1.path }
        return Report(
            base: base, head: head, baseNote: note, reviewsWholeTree: request.wholeTree, files: summary,
            checklist: checklist, findings: findings, notes: reviews.flatMap(\.notes).sorted())
    }
}

/// The findings and file counts of one package.
struct PackageOutcome: Sendable {
    var reviews: [FileReview] = []
    var analysedFiles = 0
    var skipped: [SkippedFile] = []
}

/// One result slot per task of a `concurrentPerform`, written from several threads.
private final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
