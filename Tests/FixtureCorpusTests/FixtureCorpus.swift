import Foundation
import Testing

/// The fixture corpus under `Fixtures/`, read from the checkout.
///
/// - `Shapes/NN-name/{base,bug,fix}/`: a Go package before a change, after a change that
///   introduces a bug shape, and after the change that fixes it. Lines of `bug/` that end in
///   `// want ITEM…` must get a finding of each listed item, and no other line may.
/// - `Traps/name/`: correct Go code that looks like pool misuse. Reviewed whole, it must get
///   no finding.
/// - `DiffAware/name/{base,head}/`: a change whose `head/` lines marked `// want ITEM…` must be
///   flagged, and nothing else, although unchanged code elsewhere has problems.
enum FixtureCorpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct ChangeCase: Sendable, CustomTestStringConvertible {
        let name: String
        let folder: URL
        let steps: [String]
        var testDescription: String { name }
    }

    /// The shape cases, sorted by name.
    static var shapes: [ChangeCase] { cases(in: "Shapes", steps: ["base", "bug", "fix"]) }

    /// The diff-awareness cases, sorted by name.
    static var diffAware: [ChangeCase] { cases(in: "DiffAware", steps: ["base", "head"]) }

    /// The trap folders, sorted by name.
    static var traps: [ChangeCase] { cases(in: "Traps", steps: []) }

    private static func cases(in group: String, steps: [String]) -> [ChangeCase] {
        let folder = root.appendingPathComponent(group)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map {
            ChangeCase(name: group + "/" + $0, folder: folder.appendingPathComponent($0), steps: steps)
        }
    }

    /// Every Go package folder of the corpus, for `go vet`: each step folder of a change case
    /// and each trap folder.
    static var packageFolders: [URL] {
        shapes.flatMap { change in change.steps.map { change.folder.appendingPathComponent($0) } }
            + diffAware.flatMap { change in change.steps.map { change.folder.appendingPathComponent($0) } }
            + traps.map(\.folder)
    }

    /// The `.go` files directly in `folder`, by name.
    static func goFiles(in folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".go") {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    /// The source without `// want …` markers and the spaces before them.
    static func removingMarkers(_ source: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            guard let range = line.range(of: "// want ") else { return line }
            var kept = line[..<range.lowerBound]
            while kept.last == " " || kept.last == "\t" { kept = kept.dropLast() }
            return kept
        }.joined(separator: "\n")
    }

    /// The (item, file, line) triples that `// want ITEM…` markers in `files` expect.
    static func expectations(in files: [String: String]) -> Set<Expectation> {
        var result: Set<Expectation> = []
        for (name, text) in files {
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let range = line.range(of: "// want ") else { continue }
                for item in line[range.upperBound...].split(separator: " ") {
                    result.insert(Expectation(item: String(item), path: name, line: offset + 1))
                }
            }
        }
        return result
    }
}

/// A finding a fixture expects, or a finding the review produced.
struct Expectation: Hashable, Comparable, CustomStringConvertible {
    var item: String
    var path: String
    var line: Int

    var description: String { "\(path):\(line): \(item)" }

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.path, lhs.line, lhs.item) < (rhs.path, rhs.line, rhs.item) }
}
