import Rendering

/// Where `poolreview review` writes its output, from the `--output` options.
///
/// `--output FILE` (at most once) receives the `--format` output in place of standard output.
/// `--output FORMAT=FILE` (any number of times) writes one more file in that format. A value is
/// read as `FORMAT=FILE` only when the text before its first `=` is a format name, so a file whose
/// name contains `=` can still be given as `./NAME`.
struct OutputTargets {
    /// One extra output file and its format.
    struct Target: Equatable {
        var format: OutputFormat
        var path: String
    }

    /// The file for the `--format` output, or nil for standard output.
    private(set) var primaryPath: String?
    private(set) var extra: [Target] = []

    /// Sorts the `--output` values into the primary file and the extra targets.
    ///
    /// - Throws: `UsageError` for an unknown format name, a second plain `--output FILE`, an empty
    ///   file name, or a file named twice.
    init(_ values: [String], command: String) throws(UsageError) {
        var seenPaths: Set<String> = []
        for value in values {
            let target = try Self.parse(value, command: command)
            let path = target?.path ?? value
            guard !path.isEmpty else {
                throw .invalidValue(option: "--output", value: value, expected: "FILE or FORMAT=FILE", command: command)
            }
            guard seenPaths.insert(path).inserted else {
                throw .invalidValue(
                    option: "--output", value: value, expected: "a file that no other --output names", command: command)
            }
            if let target {
                extra.append(target)
            } else if primaryPath == nil {
                primaryPath = value
            } else {
                throw .invalidValue(
                    option: "--output", value: value,
                    expected: "FORMAT=FILE, because only one --output may be a plain FILE", command: command)
            }
        }
    }

    /// The files named by `--output`, the primary one first.
    var paths: [String] { (primaryPath.map { [$0] } ?? []) + extra.map(\.path) }

    /// Returns every format the outputs use, the primary one first.
    func formats(primary: OutputFormat) -> [OutputFormat] {
        var formats = [primary]
        for target in extra where !formats.contains(target.format) {
            formats.append(target.format)
        }
        return formats
    }

    /// Parses `FORMAT=FILE`, or returns nil for a plain file name.
    private static func parse(_ value: String, command: String) throws(UsageError) -> Target? {
        guard let equals = value.firstIndex(of: "=") else { return nil }
        let name = String(value[..<equals])
        let path = String(value[value.index(after: equals)...])
        if let format = OutputFormat(rawValue: name) {
            return Target(format: format, path: path)
        }
        guard looksLikeFormatName(name) else { return nil }
        let names = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        throw .invalidValue(
            option: "--output", value: value,
            expected: "FORMAT=FILE with FORMAT one of \(names), or ./\(value) for a file whose name contains '='",
            command: command)
    }

    /// True for a bare lowercase word such as `sarif`, which is meant as a format, not a file.
    private static func looksLikeFormatName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
        }
    }
}
