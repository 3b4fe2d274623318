import Foundation

/// One ```go block of a bug explanation, with the imports that its HTML comment lists.
///
/// The block must follow a line of the form `<!-- imports: bytes sync -->` (an empty list is
/// allowed). The renderer drops that line, and the tests use it to compile the block.
struct GoExample: Sendable, CustomStringConvertible {
    var bugID: String
    /// The 1-based position of the block among the Go blocks of its file.
    var index: Int
    /// The 1-based line of the opening fence in the Markdown file.
    var fenceLine: Int
    /// Import paths, such as `compress/gzip`, sorted.
    var imports: [String]
    /// The code between the fences, without a trailing newline.
    var code: String

    var description: String {
        "Go example \(index) of \(bugID) (\(RepositoryFiles.bugFilePath(id: bugID)):\(fenceLine))"
    }

    /// The folder of this example's package in the temporary Go module.
    var packageFolder: String { "\(bugID)-\(index)" }

    /// The Go source file that wraps the block: a package clause, the imports and the code.
    var sourceFile: String {
        var lines = ["package example", ""]
        if !imports.isEmpty {
            lines.append("import (")
            lines += imports.map { "\t\"\($0)\"" }
            lines += [")", ""]
        }
        lines.append(code)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The number of lines that `sourceFile` puts before the first line of `code`.
    var headerLineCount: Int {
        imports.isEmpty ? 2 : imports.count + 5
    }

    /// Maps a line of `sourceFile` to the line of the Markdown file it came from.
    ///
    /// Lines of the package clause and the import block map to the imports comment.
    func markdownLine(ofSourceLine sourceLine: Int) -> Int {
        guard sourceLine > headerLineCount else { return fenceLine - 1 }
        return fenceLine + sourceLine - headerLineCount
    }
}

/// A Go block that the tests cannot extract from a bug explanation.
enum GoExampleError: Error, CustomStringConvertible {
    case missingImportsComment(bugID: String, line: Int)
    case unclosedFence(bugID: String, line: Int)

    var description: String {
        switch self {
        case .missingImportsComment(let bugID, let line):
            "\(RepositoryFiles.bugFilePath(id: bugID)):\(line): the ```go block needs an "
                + "'<!-- imports: ... -->' line right before it, listing the import paths it uses"
        case .unclosedFence(let bugID, let line):
            "\(RepositoryFiles.bugFilePath(id: bugID)):\(line): the code block is never closed with ```"
        }
    }
}

extension GoExample {
    private static let importsPrefix = "<!-- imports:"
    private static let commentSuffix = "-->"

    /// Extracts every ```go block of one bug explanation, in file order.
    ///
    /// - Throws: `GoExampleError` when a Go block has no imports comment right before it, or
    ///   when a code block is not closed.
    static func extract(bugID: String, markdown: String) throws -> [GoExample] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [GoExample] = []
        var lineIndex = 0

        while lineIndex < lines.count {
            let line = lines[lineIndex]
            guard line.hasPrefix("```") else {
                lineIndex += 1
                continue
            }

            let fenceLine = lineIndex + 1
            guard let closing = lines[(lineIndex + 1)...].firstIndex(where: { $0.hasPrefix("```") }) else {
                throw GoExampleError.unclosedFence(bugID: bugID, line: fenceLine)
            }

            let language = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            if language == "go" {
                let previous = lineIndex > 0 ? lines[lineIndex - 1] : ""
                guard let imports = parseImports(previous) else {
                    throw GoExampleError.missingImportsComment(bugID: bugID, line: fenceLine)
                }
                let code = lines[(lineIndex + 1)..<closing].joined(separator: "\n")
                examples.append(GoExample(
                    bugID: bugID, index: examples.count + 1, fenceLine: fenceLine, imports: imports, code: code
                ))
            }
            lineIndex = closing + 1
        }
        return examples
    }

    /// Parses `<!-- imports: a b -->` into its import paths, or returns nil for any other line.
    private static func parseImports(_ line: String) -> [String]? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(importsPrefix), trimmed.hasSuffix(commentSuffix) else { return nil }

        let list = trimmed.dropFirst(importsPrefix.count).dropLast(commentSuffix.count)
        return list.split(whereSeparator: \.isWhitespace).map(String.init).sorted()
    }
}
