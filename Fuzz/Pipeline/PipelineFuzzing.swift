import ChecklistData
import Foundation
import GoSyntax
import PoolRules
import Rendering
import ReviewModel

// The whole review of one file on arbitrary bytes: they become a Go file of a package, the
// rules review it, and every output format renders the report. A crash, a sanitizer report,
// a time-out or a broken output invariant (OutputInvariants.swift) is a finding.
//
// Input layout, so the fuzzer can also reach paths and diff-awareness:
// - a first line `//path:NAME` sets the file's path (default `pool/input.go`);
// - a line `//==base==` splits the input: the part before it is the head file and the part
//   after it the base file. Then only head lines that differ from the base line with the same
//   number count as touched; without it every line is new.

private let fuzzChecklist = try! Checklist.builtIn()
private let baseSeparator = Array("\n//==base==\n".utf8)
private let pathPrefix = Array("//path:".utf8)

/// Reviews `input` as one Go file and renders the report in every format.
///
/// The libFuzzer entry point in FuzzEntry.swift calls this, and RobustnessTests links this
/// file too to replay the inputs that once failed.
func fuzzPipeline(_ input: [UInt8]) {
    let (path, head, base) = split(input)

    let headFile = GoFile(path: path, bytes: head, syntax: GoParser.parse(head))
    let baseFile = base.map { GoFile(path: path, bytes: $0, syntax: GoParser.parse($0)) }
    let touched = base.map { touchedLines(head: head, base: $0) } ?? .wholeFile(lineCount: headFile.syntax.lineCount)
    // A second file of the same package, so cross-file lookups have something to find.
    let siblingPath = path.hasSuffix("_test.go") ? "pool/sibling.go" : "pool/sibling_test.go"
    let sibling = GoFile(path: siblingPath, bytes: head, syntax: headFile.syntax)
    let package = PackageContext(files: [headFile, sibling], addedFiles: base == nil ? [path] : [])

    let context = FileContext(
        file: headFile, package: package, baseFile: baseFile, touched: touched, touchedElsewhere: [path: touched])
    var review = Matcher().review(context)
    review.findings = review.findings.map { finding in
        var finding = finding
        finding.excerpt = excerpt(of: head, lines: finding.lines)
        return finding
    }

    let report = makeReport(path: path, review: review)
    for format in OutputFormat.allCases {
        // SARIF carries the text of every checklist item, the same for every input, and
        // rendering it takes most of a run. Only the findings and notes in it vary.
        if format == .sarif && report.findings.isEmpty && report.notes.isEmpty { continue }
        let output: String
        do {
            output = try format.renderer.render(
                report, checklist: fuzzChecklist, options: RenderOptions(toolVersion: "fuzz", maxAnnotationsPerSeverity: 2))
        } catch {
            fatalError("\(format) failed to render: \(error)")
        }
        OutputInvariants.check(output, format: format)
    }
}

private func split(_ input: [UInt8]) -> (path: String, head: [UInt8], base: [UInt8]?) {
    var path = "pool/input.go"
    var body = input[...]
    if input.starts(with: pathPrefix) {
        let lineEnd = input.firstIndex(of: UInt8(ascii: "\n")) ?? input.endIndex
        path = String(decoding: input[pathPrefix.count..<lineEnd], as: UTF8.self)
        body = input[lineEnd...]
    }
    guard let range = firstRange(of: baseSeparator, in: body) else { return (path, Array(body), nil) }
    return (path, Array(body[..<range.lowerBound]), Array(body[range.upperBound...]))
}

private func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
    guard haystack.count >= needle.count else { return nil }
    var start = haystack.startIndex
    while start + needle.count <= haystack.endIndex {
        if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
        start += 1
    }
    return nil
}

private func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
}

private func touchedLines(head: [UInt8], base: [UInt8]) -> TouchedLines {
    let headLines = lines(of: head)
    let baseLines = lines(of: base)
    var touched = TouchedLines()
    for (index, line) in headLines.enumerated() where index >= baseLines.count || baseLines[index] != line {
        touched.added.insert(index + 1)
    }
    if baseLines.count > headLines.count { touched.removalPoints.insert(max(1, headLines.count)) }
    return touched
}

private func excerpt(of bytes: [UInt8], lines wanted: ClosedRange<Int>) -> SourceExcerpt? {
    let all = lines(of: bytes)
    guard !all.isEmpty, wanted.lowerBound >= 1, wanted.lowerBound <= all.count else { return nil }
    let first = max(1, wanted.lowerBound - 2)
    let last = min(all.count, wanted.upperBound + 2)
    return SourceExcerpt(firstLine: first, lines: all[(first - 1)..<last].map { String(decoding: $0, as: UTF8.self) })
}

private func makeReport(path: String, review: FileReview) -> Report {
    var files = FileSummary()
    files.goFilesAnalysed = 1
    files.skipped = [SkippedFile(path: path, reason: "fuzz input")]
    let checklistStatus = ChecklistItemID.allCases.map { item in
        let status: ItemStatus = review.findings.contains { $0.item == item }
            ? .finding : review.touchedItems.contains(item) ? .clean : .untouched
        return ChecklistStatus(item: item, status: status)
    }
    return Report(
        base: Revision(sha: String(repeating: "a", count: 40), spec: "main"),
        head: Revision(sha: String(repeating: "b", count: 40), spec: path),
        baseNote: nil, files: files, checklist: checklistStatus,
        findings: review.findings.sorted { ($0.path, $0.line, $0.item) < ($1.path, $1.line, $1.item) },
        notes: review.notes)
}
