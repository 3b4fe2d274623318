/// Splits GitHub Markdown into the text a reader sees as prose, leaving out fenced code blocks
/// and code spans, where GitHub renders every character literally.
///
/// It follows the CommonMark rules for backtick and tilde fences and for code spans on one
/// line, which is all the review's Markdown uses. It is a test oracle, so it is strict: a
/// fence that never closes swallows the rest, as it would on GitHub.
enum MarkdownProse {
    /// The prose of each line outside fenced code blocks, with code spans removed, paired
    /// with the 1-based line number.
    static func lines(of markdown: String) -> [(line: Int, prose: String)] {
        var result: [(Int, String)] = []
        var openFence: (character: Character, length: Int)?
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            let indentation = line.count - trimmed.count
            if let fence = openFence {
                let run = trimmed.prefix { $0 == fence.character }
                if indentation <= 3, run.count >= fence.length, trimmed.dropFirst(run.count).allSatisfy({ $0 == " " }) {
                    openFence = nil
                }
                continue
            }
            if indentation <= 3, let character = trimmed.first, character == "`" || character == "~" {
                let run = trimmed.prefix { $0 == character }
                let info = trimmed.dropFirst(run.count)
                if run.count >= 3, character == "~" || !info.contains("`") {
                    openFence = (character, run.count)
                    continue
                }
            }
            result.append((index + 1, withoutCodeSpans(String(line))))
        }
        return result
    }

    /// Removes code spans: a run of n backticks up to the next run of exactly n backticks.
    /// A run without a closing run, or one after a backslash, stays as literal text.
    static func withoutCodeSpans(_ line: String) -> String {
        let characters = Array(line.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < characters.count {
            let scalar = characters[index]
            if scalar == "\\", index + 1 < characters.count, characters[index + 1].isASCII,
               characters[index + 1].properties.isPunctuationLike {
                output.append(scalar)
                output.append(characters[index + 1])
                index += 2
                continue
            }
            guard scalar == "`" else {
                output.append(scalar)
                index += 1
                continue
            }
            let length = runLength(characters, from: index)
            if let close = closingRun(characters, length: length, after: index + length) {
                index = close + length
            } else {
                output.append(contentsOf: characters[index..<(index + length)])
                index += length
            }
        }
        return String(output)
    }

    private static func runLength(_ characters: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < characters.count, characters[end] == "`" { end += 1 }
        return end - start
    }

    private static func closingRun(_ characters: [Unicode.Scalar], length: Int, after start: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == "`" {
                let run = runLength(characters, from: index)
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }
}

extension Unicode.Scalar.Properties {
    /// ASCII punctuation, which a backslash escapes in CommonMark.
    fileprivate var isPunctuationLike: Bool {
        switch generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}
