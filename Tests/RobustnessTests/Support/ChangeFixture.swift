import Foundation
import TestSupport
import Testing

extension GitFixture {
    /// Creates `repo` with a base commit on `main` holding `base`, then commits the head
    /// contents on top: `head` maps a path to its new bytes, or to nil to delete it.
    func makeChange(base: [String: [UInt8]], head: [String: [UInt8]?]) throws {
        try git("init", "-q", "repo", in: "")
        try commitBytes(base, message: "base")
        try commitBytes(head, message: "head")
    }

    /// Writes (or, for nil, deletes) files in `directory`, stages everything and commits.
    func commitBytes(_ files: [String: [UInt8]?], message: String, in directory: String = "repo") throws {
        for (name, bytes) in files {
            if let bytes {
                try write(directory + "/" + name, bytes: bytes)
            } else {
                try FileManager.default.removeItem(atPath: path(directory + "/" + name))
            }
        }
        try git("add", "-A", in: directory)
        try git("commit", "-q", "--allow-empty", "-m", message, in: directory)
    }

    /// Runs `poolreview ARGUMENTS` in `repo` (or `directory`) with a deadline.
    func review(
        _ arguments: [String], in directory: String = "repo", deadline: Duration = .seconds(60),
        environment: [String: String]? = nil
    ) throws -> BinaryRun {
        var environment = environment ?? cleanEnvironment()
        // libgit2 reads the global config from HOME, so the machine's config stays out.
        environment["HOME"] = root
        return try runBinary(arguments, in: path(directory), environment: environment, deadline: deadline)
    }
}

/// Go source as bytes.
func goBytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A Go file whose pool misuse the rules report: `New` returns a slice value and the `Get` in
/// `Line` never reaches a `Put`. `comment` goes into a comment line above the pool, so it
/// appears in the excerpts of the findings.
func pooledLineSource(comment: String, poolKey: String = "lines") -> String {
    """
    package pkg

    import "sync"

    var pools = map[string]*sync.Pool{}

    // \(comment)
    var linePool = sync.Pool{New: func() any { return make([]byte, 0, 64) }}

    func Line() int {
    \tbuf := pools[\(goQuoted(poolKey))].Get().([]byte)
    \treturn len(buf)
    }

    """
}

/// `text` as a Go interpreted string literal, keeping every character except `"`, `\` and
/// line breaks as it is, so hostile characters reach the parser raw.
func goQuoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        default: output.unicodeScalars.append(scalar)
        }
    }
    return output + "\""
}
