import Rendering
import ReviewModel
import Testing

@Suite("Hostile input in Markdown")
struct HostileMarkdownTests {
    private func render(template: String? = nil) throws -> String {
        let options = RenderOptions(toolVersion: "1", markdownTemplate: template)
        return try MarkdownRenderer().render(Hostile.report, checklist: Fixtures.checklist, options: options)
    }

    @Test func everyValueStaysOnItsLine() throws {
        let template = """
            BASE {{base.spec}}
            NOTE {{baseNote}}
            {{#skipped}}
            SKIPPED {{path}} {{reason}}
            {{/skipped}}
            {{#findings}}
            LOCATION {{location}}
            MESSAGE {{message}}
            {{excerpt}}
            {{/findings}}

            """
        let lines = try render(template: template).split(separator: "\n", omittingEmptySubsequences: false)
        let path = "```we`ird``/<script>alert(1)</script>/@someone/#12/new<U+000A>line/<U+202E>og.go"
        let expected = [
            "<!-- poolreview:review -->",
            "BASE ``origin/`main`<script>``",
            "NOTE merge base of HEAD and &lt;b&gt;@&#8203;team&lt;/b&gt;&lt;U+000A&gt;\\# heading \\#&#8203;7",
            "SKIPPED \(path)``` &lt;!-- the rest is hidden",
            "LOCATION \(path):2-3```",
            "MESSAGE buf --&gt; &lt;!-- hidden --&gt; @&#8203;someone fixes \\#&#8203;12 in &lt;img src=x onerror=alert(1)&gt; "
                + "\\| \\*bold\\* &lt;U+202E&gt;",
            "`````go",
            "  1 | ```",
            "> 2 | ````",
            "> 3 | </details>",
            "  4 | <!-- hidden",
            "  5 | \tfmt.Println(\"<U+202E>txet\") // @someone #12",
            "`````",
            "",
        ]
        #expect(lines.count == expected.count)
        for (index, line) in lines.enumerated() where index < expected.count {
            #expect(line == expected[index], "line \(index + 1)")
        }
    }

    @Test func defaultTemplateHasNoInvisibleCharacters() throws {
        let output = try render()
        #expect(!output.unicodeScalars.contains { Hostile.invisibleScalars.contains($0.value) })
        #expect(!output.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" })
    }

    @Test func defaultTemplateKeepsOnlyItsOwnHTML() throws {
        let output = try render()
        #expect(output.components(separatedBy: "<!--").count - 1 == 2)
        #expect(output.contains("  4 | <!-- hidden\n"))
        #expect(output.components(separatedBy: "</details>").count - 1 == 2)
        #expect(output.contains("> 3 | </details>\n"))
        #expect(!output.contains("<script>alert(1)</script>/@someone/#12/new\n"))
        #expect(!output.contains("<img"))
    }

    @Test func mentionsSurviveOnlyInsideCode() throws {
        let output = try render()
        let messageLine = output.split(separator: "\n").first { $0.hasPrefix("**3. Deferred Put**") }
        #expect(messageLine?.contains("@&#8203;someone fixes \\#&#8203;12") == true)
        #expect(output.contains("(base: merge base of HEAD and &lt;b&gt;@&#8203;team&lt;/b&gt;&lt;U+000A&gt;\\# heading \\#&#8203;7)"))

        for line in output.split(separator: "\n") where line.contains("@someone") {
            let isExcerptLine = line.hasPrefix("  5 | ")
            let isPathCodeSpan = line.contains("```we`ird``/<script>alert(1)</script>/@someone/#12/")
            #expect(isExcerptLine || isPathCodeSpan, "\(line)")
        }
        #expect(!output.contains("@team"))
    }
}

