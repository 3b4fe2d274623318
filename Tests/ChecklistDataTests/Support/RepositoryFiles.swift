import Foundation

/// Paths of the checklist data in the checkout, found from the location of this source file.
enum RepositoryFiles {
    /// The package root: this file is `Tests/ChecklistDataTests/Support/RepositoryFiles.swift`.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folder of the bug explanations, `Checklists/bugs`.
    static let bugsFolder = root.appendingPathComponent("Checklists/bugs", isDirectory: true)

    /// Returns the path of a bug explanation relative to the package root, for failure messages.
    static func bugFilePath(id: String) -> String {
        "Checklists/bugs/\(id).md"
    }

    /// Lists the ids of the Markdown files in `Checklists/bugs`, sorted.
    static func bugFileIDs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: bugsFolder.path)
            .filter { $0.hasSuffix(".md") }
            .map { String($0.dropLast(".md".count)) }
            .sorted()
    }

    /// Reads the bytes of `Checklists/bugs/<id>.md`.
    static func bugFileBytes(id: String) throws -> [UInt8] {
        let url = bugsFolder.appendingPathComponent("\(id).md")
        return [UInt8](try Data(contentsOf: url))
    }
}
