import Rendering
import ReviewModel
import Testing

@Suite("Markdown escaping")
struct MarkdownEscapingTests {
    // MARK: - Text

    @Test func textEscapesHTML() {
        #expect(MarkdownEscaping.text("<script>x</script> & <!-- -->") == "&lt;script&gt;x&lt;/script&gt; &amp; &lt;!-- --&gt;")
    }

    @Test func textEscapesMarkdownPunctuation() {
        #expect(MarkdownEscaping.text(#"a\b `c` *d* _e_ [f](g) |h| ~i~ $j$"#) == #"a\\b \`c\` \*d\* \_e\_ \[f\](g) \|h\| \~i\~ \$j\$"#)
    }

    @Test(arguments: [
        ("- item", "\\- item"), ("+ item", "\\+ item"), ("===", "\\==="), ("12. item", "12\\. item"),
        ("3) item", "3\\) item"), ("# heading", "\\# heading"), ("> quote", "&gt; quote"), ("a - b. 1.", "a - b. 1."),
    ])
    func textCannotStartBlock(input: String, expected: String) {
        #expect(MarkdownEscaping.text(input) == expected)
    }

    @Test(arguments: [
        ("@someone", "@&#8203;someone"), ("#12", "\\#&#8203;12"), ("GH-12", "GH-&#8203;12"), ("gh-3", "gh-&#8203;3"),
        ("a@b.example", "a@&#8203;b.example"), ("@ alone", "@ alone"), ("# 1", "\\# 1"), ("#x", "\\#x"),
        ("https://evil.example", "https:&#8203;//evil.example"), ("WWW.evil.example", "WWW&#8203;.evil.example"),
        ("a: b", "a: b"), ("wwww", "wwww"),
    ])
    func textBreaksMentionsReferencesAndLinks(input: String, expected: String) {
        #expect(MarkdownEscaping.text(input) == expected)
    }

    @Test func textShowsControlAndBidiCharacters() {
        #expect(MarkdownEscaping.text("a\nb\u{202E}c\u{1B}d\u{2066}e\u{200F}") == "a&lt;U+000A&gt;b&lt;U+202E&gt;c&lt;U+001B&gt;d&lt;U+2066&gt;e&lt;U+200F&gt;")
    }

    @Test func hostileMessageStaysText() {
        #expect(
            MarkdownEscaping.text(Hostile.message)
                == "buf --&gt; &lt;!-- hidden --&gt; @&#8203;someone fixes \\#&#8203;12 in &lt;img src=x onerror=alert(1)&gt; "
                + "\\| \\*bold\\* &lt;U+202E&gt;")
    }

    // MARK: - HTML

    @Test func htmlEscapesTagsQuotesAndReferences() {
        #expect(MarkdownEscaping.html("</summary>\"@a #1 *b*") == "&lt;/summary&gt;&quot;@&#8203;a #&#8203;1 *b*")
    }

    // MARK: - Code spans

    @Test(arguments: [
        ("main.go", "`main.go`"),
        ("a`b", "``a`b``"),
        ("a``b`c", "```a``b`c```"),
        ("`start", "`` `start ``"),
        ("end`", "`` end` ``"),
        (" padded ", "`  padded  `"),
        ("   ", "`   `"),
        ("", "` `"),
    ])
    func codeSpanFenceOutgrowsBackticks(input: String, expected: String) {
        #expect(MarkdownEscaping.codeSpan(input) == expected)
    }

    @Test func codeSpanCountsBackticksBeforeCombiningMarks() {
        #expect(MarkdownEscaping.codeSpan("a`\u{301}b") == "``a`\u{301}b``")
    }

    @Test func hostilePathBecomesOneCodeSpan() {
        #expect(
            MarkdownEscaping.codeSpan(Hostile.path)
                == "```we`ird``/<script>alert(1)</script>/@someone/#12/new<U+000A>line/<U+202E>og.go```")
    }

    // MARK: - Link destinations

    @Test(arguments: [
        ("https://forge.example/a/b.go#L3", "https://forge.example/a/b.go#L3"),
        ("HTTPS://forge.example/x", "HTTPS://forge.example/x"),
        ("https://forge.example/a b(c)", "https://forge.example/a%20b%28c%29"),
        ("https://forge.example/é", "https://forge.example/%C3%A9"),
        ("https://forge.example/?a=1&b=<2>", "https://forge.example/?a=1&amp;b=%3C2%3E"),
        ("https://forge.example/\n)[x](javascript:1)", "https://forge.example/%0A%29[x]%28javascript:1%29"),
    ])
    func linkDestinationEncodesUnsafeCharacters(url: String, expected: String) {
        #expect(MarkdownEscaping.linkDestination(url) == expected)
    }

    @Test(arguments: ["http://forge.example", "javascript:alert(1)", "https://", "https:///x", "ftp://x", "mailto:a@b", " https://x"])
    func linkDestinationRejectsOtherURLs(url: String) {
        #expect(MarkdownEscaping.linkDestination(url) == nil)
    }
}
