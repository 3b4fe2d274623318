import Foundation
import TestSupport
import Testing

/// A text replacement applied to one file of a fixture repository.
struct FileEdit {
    var path: String
    var old: String
    var new: String
}

extension GitFixture {
    /// Copies the files of `source` (a folder outside the fixture) into `repo/destination`.
    func copyFolder(_ source: String, to destination: String, matching suffix: String = ".go") throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(suffix) }.sorted()
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: source + "/" + name))
            try write("repo/" + destination + "/" + name, bytes: Array(data))
        }
    }

    /// Applies `edits` to the files of `repo`. Each old text must occur exactly once.
    func apply(_ edits: [FileEdit], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for edit in edits {
            let url = URL(fileURLWithPath: path("repo/" + edit.path))
            let text = try String(contentsOf: url, encoding: .utf8)
            let occurrences = text.components(separatedBy: edit.old).count - 1
            try #require(occurrences == 1, "the edit of \(edit.path) matches \(occurrences) times", sourceLocation: sourceLocation)
            try write("repo/" + edit.path, text.replacingOccurrences(of: edit.old, with: edit.new))
        }
    }

    /// The text of `repo/relative`.
    func read(_ relative: String) throws -> String {
        try String(contentsOf: URL(fileURLWithPath: path("repo/" + relative)), encoding: .utf8)
    }
}

/// The root of this package's checkout, for the example files under `Examples/`.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
