import GitReader
import GoSyntax
import PoolRules
import ReviewModel

/// Runs one review: reads the two revisions through the git reader, analyses the changed Go
/// files with the package context around them, and returns the report.
public struct ReviewSession {
    public var matcher: Matcher
    public var registry: PoolRegistry
    /// Lines of context shown around a finding's anchored lines.
    public var excerptContext = 2

    public init(matcher: Matcher = Matcher(), registry: PoolRegistry = .wellKnown) {
        self.matcher = matcher
        self.registry = registry
    }

    /// Reviews the request's range.
    ///
    /// - Throws: `GitReaderError` for a repository or revision problem.
    public func run(_ request: ReviewRequest) throws -> Report {
        let repository = try GitRepository(discoveringFrom: request.repositoryPath)
        let (base, head, note) = try RevisionChoice.resolve(request, in: repository)

        let changes: [FileChange]
        if request.wholeTree {
            changes = try repository.allFiles(at: head).map { path in
                FileChange(oldPath: nil, newPath: path, status: .added)
            }
        } else {
            changes = try repository.changeSet(base: base, head: head).files
        }

        var reader = TreeReader(repository: repository, base: base, head: head)
        var summary = FileSummary()
        var reviews: [FileReview] = []
        var packages: [String: PackageContext] = [:]

        let addedPaths = Set(changes.filter { $0.status == .added || $0.status == .copied }.compactMap(\.newPath))
        var analysable: [(change: FileChange, path: String, bytes: [UInt8], touched: TouchedLines)] = []
        for change in changes {
            guard change.isGoFile else {
                summary.otherFiles += 1
                continue
            }
            if FileFilter.isInTestdata(change.displayPath) {
                summary.testdataFiles += 1
                continue
            }
            if let reason = FileFilter.skipReason(change) {
                if change.status == .deleted {
                    summary.goFilesDeleted += 1
                } else {
                    summary.skipped.append(SkippedFile(path: change.displayPath, reason: reason))
                }
                continue
            }
            guard let path = change.newPath, let bytes = try reader.headBytes(path) else { continue }
            if let reason = FileFilter.skipReason(path: path, bytes: bytes) {
                summary.skipped.append(SkippedFile(path: path, reason: reason))
                continue
            }
            let touched = wholeFileTouched(change, request: request)
                ? TouchedLines.wholeFile(lineCount: SourceLines.lineCount(of: bytes)) : change.touchedLines
            analysable.append((change, path, bytes, touched))
        }
        let touchedByPath = Dictionary(analysable.map { ($0.path, $0.touched) }, uniquingKeysWith: { first, _ in first })

        for item in analysable {
            let directory = FileFilter.directory(of: item.path)
            if packages[directory] == nil {
                packages[directory] = try packageContext(directory, reader: &reader, added: addedPaths)
            }
            guard let package = packages[directory], let file = reader.parsedHead(item.path) else { continue }

            let baseFile = request.wholeTree ? nil : try item.change.oldPath.flatMap { try reader.parsedBase($0) }
            let context = FileContext(
                file: file, package: package, baseFile: baseFile, touched: item.touched, touchedElsewhere: touchedByPath)
            reviews.append(excerpted(matcher.review(context), bytes: item.bytes))
            summary.goFilesAnalysed += 1
        }

        // A changed pool definition can break code in files the change did not touch, such
        // as an assertion at a Get in another file after New changed its type.
        if !request.wholeTree {
            for package in packages.values where package.changesPoolDefinitions(touchedByPath) {
                for path in package.filePaths where touchedByPath[path] == nil {
                    guard let file = package.file(at: path) else { continue }
                    let context = FileContext(file: file, package: package, touched: TouchedLines(), touchedElsewhere: touchedByPath)
                    var review = excerpted(matcher.review(context), bytes: file.bytes)
                    review.touchedItems = []
                    reviews.append(review)
                }
            }
        }

        return makeReport(base: base, head: head, note: note, request: request, summary: summary, reviews: reviews)
    }

    private func wholeFileTouched(_ change: FileChange, request: ReviewRequest) -> Bool {
        request.wholeTree || change.status == .copied
            || (change.status == .added && change.hunks.isEmpty)
    }

    private func packageContext(_ directory: String, reader: inout TreeReader, added: Set<String>) throws -> PackageContext {
        var files: [GoFile] = []
        for path in try reader.goFiles(in: directory) {
            guard let file = try reader.parsedHeadIfReviewable(path) else { continue }
            files.append(file)
        }
        return PackageContext(files: files, registry: registry, addedFiles: added)
    }

    private func excerpted(_ review: FileReview, bytes: [UInt8]) -> FileReview {
        var review = review
        review.findings = review.findings.map { finding in
            var finding = finding
            finding.excerpt = SourceLines.excerpt(of: bytes, lines: finding.lines, context: excerptContext)
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
        return Report(
            base: base, head: head, baseNote: note, reviewsWholeTree: request.wholeTree, files: summary,
            checklist: checklist, findings: findings, notes: reviews.flatMap(\.notes))
    }
}
