import Foundation
import TestSupport

/// A temporary Go module with one package folder per example, so that one `go vet ./...`
/// checks all of them.
struct GoExampleModule {
    static let modulePath = "example.test/poolreview"
    static let fileName = "example.go"

    let directory: URL
    let examples: [GoExample]

    /// Writes `go.mod` and one `<bug-id>-<n>/example.go` per example into a new temporary folder.
    init(examples: [GoExample]) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("poolreview-go-examples-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        // The examples target Go 1.19. With this `go` line, newer toolchains also reject later
        // language features, such as the `clear` and `min` built-ins of Go 1.21.
        let goMod = "module \(Self.modulePath)\n\ngo 1.19\n"
        try goMod.write(to: directory.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)

        for example in examples {
            let folder = directory.appendingPathComponent(example.packageFolder, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent(Self.fileName)
            try example.sourceFile.write(to: file, atomically: true, encoding: .utf8)
        }
        self.directory = directory
        self.examples = examples
    }

    /// Deletes the module folder.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Collects the lines of go tool output that point into each example.
    ///
    /// A position such as `forgotten-reset-1/example.go:12:3` is rewritten to the line of the
    /// Markdown file, such as `Checklists/bugs/forgotten-reset.md:31:3`. Examples without
    /// messages are left out.
    func messagesByExample(in output: String) -> [(example: GoExample, messages: [String])] {
        var messages: [String: [String]] = [:]
        for line in output.split(separator: "\n") {
            guard let (folder, rewritten) = rewritePosition(in: String(line)) else { continue }
            messages[folder, default: []].append(rewritten)
        }
        return examples.compactMap { example in
            messages[example.packageFolder].map { (example, $0) }
        }
    }

    /// Finds the example of each file path that `gofmt -l` lists.
    func examples(listedIn output: String) -> [GoExample] {
        let folders = Set(output.split(separator: "\n").map { line in
            String(line.trimmingCharacters(in: .whitespaces).split(separator: "/").first ?? "")
        })
        return examples.filter { folders.contains($0.packageFolder) }
    }

    // MARK: - Private

    /// Splits `… <folder>/example.go:<line>:<column>: <message>` and rewrites the position, or
    /// returns nil when the line names no example file.
    private func rewritePosition(in line: String) -> (folder: String, rewritten: String)? {
        let marker = "/\(Self.fileName):"
        guard let markerRange = line.range(of: marker) else { return nil }

        let beforeMarker = line[..<markerRange.lowerBound]
        let pathStart = beforeMarker.lastIndex(where: { $0 == " " }).map(line.index(after:)) ?? line.startIndex
        let folder = String(line[pathStart..<markerRange.lowerBound].split(separator: "/").last ?? "")
        guard let example = examples.first(where: { $0.packageFolder == folder }) else { return nil }

        let afterMarker = line[markerRange.upperBound...]
        let parts = afterMarker.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let sourceLine = Int(parts[0]), let column = Int(parts[1]) else {
            return (folder, "\(RepositoryFiles.bugFilePath(id: example.bugID)): \(afterMarker)")
        }
        let markdownLine = example.markdownLine(ofSourceLine: sourceLine)
        let position = "\(RepositoryFiles.bugFilePath(id: example.bugID)):\(markdownLine):\(column)"
        return (folder, "\(position):\(parts[2])")
    }
}
