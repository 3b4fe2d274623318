// Parses every .go file under a folder and prints counts, timing and syntax errors.
// Built and run by Scripts/parse-corpus together with the GoSyntax sources.
import Foundation

@main
struct ParseCorpus {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        let root = arguments.first ?? "/usr/share/go-1.19/src"
        let files = goFiles(under: root)
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("No .go files found under \(root). Pass a folder that contains Go code.\n".utf8))
            exit(1)
        }

        var contents: [(path: String, bytes: [UInt8])] = []
        contents.reserveCapacity(files.count)
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("Failed to read \(path). Skipping it.\n".utf8))
                continue
            }
            contents.append((path, [UInt8](data)))
        }

        var lines = 0
        var bytes = 0
        var failures: [(path: String, errors: [SyntaxError])] = []
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for file in contents {
                let parsed = GoParser.parse(file.bytes)
                lines += parsed.lineCount
                bytes += file.bytes.count
                if !parsed.syntaxErrors.isEmpty {
                    failures.append((file.path, parsed.syntaxErrors))
                }
            }
        }

        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("folder:     \(root)")
        print("files:      \(contents.count)")
        print("lines:      \(lines)")
        print("bytes:      \(bytes)")
        print("seconds:    \(String(format: "%.3f", seconds)) (parsing only, on one thread)")
        print("throughput: \(String(format: "%.1f", Double(bytes) / seconds / 1_000_000)) MB/s, "
            + "\(String(format: "%.0f", Double(lines) / seconds)) lines/s")
        print("files with syntax errors: \(failures.count)")
        for failure in failures {
            for error in failure.errors.prefix(3) {
                print("  \(failure.path):\(error.span.line):\(error.span.column): \(error.message)")
            }
            if failure.errors.count > 3 {
                print("  \(failure.path): \(failure.errors.count - 3) more")
            }
        }
    }

    /// Returns the .go files under `root`, sorted, leaving out folders named testdata.
    static func goFiles(under root: String) -> [String] {
        let rootURL = URL(fileURLWithPath: root)
        guard let enumerator = FileManager.default.enumerator(
            at: rootURL, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator {
            if url.lastPathComponent == "testdata" {
                enumerator.skipDescendants()
                continue
            }
            if url.pathExtension == "go" {
                paths.append(url.path)
            }
        }
        return paths.sorted()
    }
}
