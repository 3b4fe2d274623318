import Foundation
import Rendering

/// Properties every rendered report keeps whatever the repository contains. A broken one stops
/// the fuzzer with the format and the offending text.
enum OutputInvariants {
    static func check(_ output: String, format: OutputFormat) {
        for scalar in output.unicodeScalars where scalar != "\n" && scalar != "\t" {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator:
                fatalError("\(format) output contains U+\(String(scalar.value, radix: 16, uppercase: true))")
            default:
                continue
            }
        }

        switch format {
        case .json, .sarif, .codeclimate, .rdjson:
            do {
                _ = try JSONSerialization.jsonObject(with: Data(output.utf8), options: [.fragmentsAllowed])
            } catch {
                fatalError("\(format) output is not valid JSON: \(error)")
            }
        case .github:
            for line in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                if line.hasPrefix("::") { continue }
                precondition(line.hasPrefix("poolreview: "), "github line is neither a command nor a log line: \(line)")
                precondition(!line.contains("##["), "github log line contains a legacy command: \(line)")
            }
        case .markdown:
            precondition(output.hasPrefix("<!-- poolreview:review -->\n"), "markdown output lost its marker line")
        case .text:
            break
        }
    }
}
