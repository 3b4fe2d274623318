import Foundation
import TestSupport
import Testing

/// A repository whose Go file path and contents try to inject into each output format, reviewed
/// by the built binary, so escaping is checked through the whole pipeline: libgit2's path, the
/// parser's excerpt and message text, and the renderer.
@Suite("Hostile repository text in every output format")
struct HostileOutputTests {
    static let hostilePath = "pkg/x`y``<details><img src=x onerror=alert(1)>@octocat #123 ](javascript:alert(1))"
        + " %0A::error::,a:b\r\n\u{202E}<!--.go"
    static let hostileComment = "</details> <!-- @octocat #123 ```` ~~~ <script>alert(1)</script> "
        + "\u{202E}evil\u{202C} \u{1B}[31m ::error file=x::forged %0A ##[error]legacy [a](javascript:alert(1))"
    /// Short enough that the message names the pool without abbreviating it.
    static let hostileKey = "<img src=x>@a #1`\u{202E}"

    /// A suppression of an unknown item, which the review reports as a note, not a finding.
    static let hostileSuppression = "\n//poolreview:ignore <img/src=x>@octocat#1`\u{202E}</details> because\nvar quiet = 1\n"

    static let formats = ["markdown", "text", "json", "sarif", "github", "codeclimate", "rdjson"]
    /// The formats that show report notes. Code Quality and rdjson have no place for them.
    static let formatsWithNotes: Set<String> = ["markdown", "text", "json", "sarif", "github"]

    /// Builds the hostile repository and reviews its one commit in `format`.
    private func reviewHostileRepository(format: String) throws -> BinaryRun {
        try withGitFixture { fixture in
            try fixture.makeChange(
                base: ["README.md": goBytes("base\n")],
                head: [
                    Self.hostilePath: goBytes(
                        pooledLineSource(comment: Self.hostileComment, poolKey: Self.hostileKey) + Self.hostileSuppression)
                ])
            return try fixture.review(["review", "main~1..main", "--format", format])
        }
    }

    @Test("path and contents cannot inject", arguments: formats)
    func hostileTextStaysData(format: String) throws {
        let run = try reviewHostileRepository(format: format)
        #expect(!run.timedOut)
        #expect(run.status == 1, "\(run.standardError)")
        #expect(run.standardError.isEmpty, "\(run.standardError)")
        let output = run.standardOutput
        #expect(!output.isEmpty)

        // No format lets a raw control, bidi or line-separator character through.
        let invisible = output.unicodeScalars.filter { scalar in
            scalar != "\n" && scalar != "\t" && [.control, .format, .lineSeparator, .paragraphSeparator]
                .contains(scalar.properties.generalCategory)
        }
        #expect(invisible.isEmpty, "\(format): \(invisible.map { String($0.value, radix: 16) })")

        // The unknown item is named, escaped like any other repository text.
        if Self.formatsWithNotes.contains(format) {
            #expect(output.contains("unknown item"), "\(format) lost the note")
        }

        switch format {
        case "markdown": try checkMarkdown(output)
        case "text": checkText(output)
        case "github": checkGitHub(output)
        case "json": try checkJSONPaths(output, at: ["findings"], key: "path")
        case "codeclimate": try checkCodeClimate(output)
        case "rdjson": try checkJSONPaths(output, at: ["diagnostics"], key: "location", "path")
        case "sarif": try checkSARIF(output)
        default: Issue.record("no check for \(format)")
        }
    }

    // MARK: - Markdown

    private func checkMarkdown(_ output: String) throws {
        #expect(output.hasPrefix("<!-- poolreview:review -->\n"))
        let prose = MarkdownProse.lines(of: output)
        // The last line of the comment must be prose: a fence left open by an excerpt would
        // turn the rest of the comment, the footer included, into code.
        let lastLine = output.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(prose.contains { $0.line == lastLine - 1 }, "the footer line is inside a code block")

        for (line, text) in prose {
            let lowered = text.lowercased()
            for tag in ["<img", "<script", "<a ", "<!--", "<details", "</details", "<summary", "<sub", "</sub"] {
                guard lowered.contains(tag) else { continue }
                // Only the template's own markup may appear as HTML.
                let allowed = line == 1 && text == "<!-- poolreview:review -->"
                    || text.hasPrefix("<details><summary>") && text.hasSuffix("</summary>")
                        && !text.dropFirst(18).dropLast(10).contains("<")
                    || text == "</details>"
                    || text.hasPrefix("<sub>") && text.hasSuffix("</sub>")
                #expect(allowed, "line \(line) has raw \(tag): \(text)")
            }
            #expect(!text.contains("@octocat"), "line \(line) mentions: \(text)")
            #expect(!text.contains("@a "), "line \(line) mentions: \(text)")
            #expect(!text.contains(" #123"), "line \(line) links an issue: \(text)")
            // An escaped `\]` is a literal bracket and closes no link.
            #expect(!text.replacingOccurrences(of: "\\]", with: "").contains("](javascript"), "line \(line) links script: \(text)")
        }
        // The hostile comment is shown, literally, in the excerpt.
        #expect(output.contains("<script>alert(1)</script> <U+202E>evil<U+202C> <U+001B>[31m"))
    }

    // MARK: - Text and GitHub

    private var visiblePath: String {
        Self.hostilePath.replacingOccurrences(of: "\r", with: "<U+000D>").replacingOccurrences(of: "\n", with: "<U+000A>")
            .replacingOccurrences(of: "\u{202E}", with: "<U+202E>")
    }

    private func checkText(_ output: String) {
        let lines = output.split(separator: "\n")
        let findingLines = lines.filter { $0.hasPrefix(visiblePath + ":") }
        #expect(findingLines.count >= 2, "\(output)")
        #expect(lines.allSatisfy { $0.hasPrefix(visiblePath + ":") || $0.hasPrefix("poolreview: ") }, "\(output)")
    }

    private func checkGitHub(_ output: String) {
        let lines = output.split(separator: "\n")
        let commands = lines.filter { $0.hasPrefix("::") }
        #expect(commands.count >= 2, "\(output)")
        for line in lines {
            if line.hasPrefix("::") {
                // One `::` opens the command and one ends its properties. Repository text adds none.
                #expect(line.components(separatedBy: "::").count == 3, "\(line)")
                let properties = line.dropFirst(2).prefix { $0 != ":" }.drop { $0 != " " }.dropFirst()
                let pairs = properties.split(separator: ",").map { $0.split(separator: "=", maxSplits: 1) }
                #expect(pairs.map { String($0[0]) } == ["file", "line", "endLine", "title"], "\(line)")
                #expect(pairs.first.map { unescapeProperty(String($0[1])) } == visiblePath)
            } else {
                #expect(line.hasPrefix("poolreview: "), "\(line)")
                #expect(!line.contains("##["), "\(line)")
            }
        }
    }

    private func unescapeProperty(_ value: String) -> String {
        var result = value
        for (escaped, raw) in [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")] {
            result = result.replacingOccurrences(of: escaped, with: raw)
        }
        return result
    }

    // MARK: - JSON formats

    private func json(_ output: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(output.utf8))
    }

    /// Checks that every object in the array at `arrayKeys` names the hostile path, exactly,
    /// under the nested `pathKeys`.
    private func checkJSONPaths(_ output: String, at arrayKeys: [String], key pathKeys: String...) throws {
        var value: Any? = try json(output)
        for key in arrayKeys { value = (value as? [String: Any])?[key] }
        let items = try #require(value as? [[String: Any]], "\(output)")
        #expect(items.count >= 2)
        for item in items {
            var path: Any? = item
            for key in pathKeys { path = (path as? [String: Any])?[key] }
            #expect(path as? String == Self.hostilePath)
        }
    }

    private func checkCodeClimate(_ output: String) throws {
        let issues = try #require(try json(output) as? [[String: Any]])
        #expect(issues.count >= 2)
        for issue in issues {
            let location = issue["location"] as? [String: Any]
            #expect(location?["path"] as? String == Self.hostilePath)
        }
    }

    private func checkSARIF(_ output: String) throws {
        let log = try #require(try json(output) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.count >= 2)
        for result in results {
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
            // SARIF URIs are percent-encoded; decoding gives the path back.
            #expect(uri?.removingPercentEncoding == Self.hostilePath, "\(uri ?? "nil")")
            #expect(uri?.contains("<") == false)
            #expect(uri?.contains(" ") == false)
        }
    }
}
