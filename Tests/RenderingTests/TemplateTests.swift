import Rendering
import Testing

@Suite("Template engine")
struct TemplateTests {
    // MARK: - Rendering

    @Test func substitutesPlainAndDottedNames() throws {
        let output = try render("{{greeting}}, {{person.name}}!", ["greeting": "Hello", "person": ["name": "Ada"]])
        #expect(output == "Hello, Ada!")
    }

    @Test func insertsValuesWithoutEscaping() throws {
        let output = try render("{{value}}", ["value": "<b>&amp;</b> `x`"])
        #expect(output == "<b>&amp;</b> `x`")
    }

    @Test func repeatsSectionForEachListItem() throws {
        let output = try render("{{#items}}[{{name}}]{{/items}}", ["items": [["name": "a"], ["name": "b"]]])
        #expect(output == "[a][b]")
    }

    @Test func dotInsertsCurrentListItem() throws {
        let output = try render("{{#names}}{{.}};{{/names}}", ["names": ["x", "y"]])
        #expect(output == "x;y;")
    }

    @Test func sectionLooksUpOuterNames() throws {
        let output = try render("{{#items}}{{prefix}}{{name}} {{/items}}", ["prefix": "-", "items": [["name": "a"], ["name": "b"]]])
        #expect(output == "-a -b ")
    }

    @Test func innerNameShadowsOuterName() throws {
        let output = try render("{{#items}}{{title}}{{/items}} {{title}}", ["title": "outer", "items": [["title": "inner"]]])
        #expect(output == "inner outer")
    }

    @Test(arguments: [
        (TemplateValue.bool(true), "shown"),
        (TemplateValue.bool(false), ""),
        (TemplateValue.text("x"), "shown"),
        (TemplateValue.text(""), ""),
        (TemplateValue.list([]), ""),
        (TemplateValue.object([:]), "shown"),
    ])
    func sectionRendersOnlyForTruthyValues(value: TemplateValue, expected: String) throws {
        #expect(try render("{{#flag}}shown{{/flag}}", ["flag": value]) == expected)
    }

    @Test(arguments: [
        (TemplateValue.bool(true), ""),
        (TemplateValue.bool(false), "shown"),
        (TemplateValue.text("x"), ""),
        (TemplateValue.text(""), "shown"),
        (TemplateValue.list([]), "shown"),
        (TemplateValue.list(["a"]), ""),
    ])
    func invertedSectionRendersOnlyForFalsyValues(value: TemplateValue, expected: String) throws {
        #expect(try render("{{^flag}}shown{{/flag}}", ["flag": value]) == expected)
    }

    @Test func sectionOverTextPushesTheText() throws {
        #expect(try render("{{#note}}({{.}}){{/note}}", ["note": "base"]) == "(base)")
    }

    @Test func sectionOverObjectPushesItsMembers() throws {
        #expect(try render("{{#head}}{{sha}}{{/head}}", ["head": ["sha": "abc"]]) == "abc")
    }

    @Test func commentRendersNothing() throws {
        #expect(try render("a{{! a note\nover two lines }}b", [:]) == "ab")
    }

    @Test func spacesInsideTagsAreIgnored() throws {
        #expect(try render("{{ name }}{{# flag }}!{{/ flag }}", ["name": "x", "flag": true]) == "x!")
    }

    // MARK: - Standalone lines

    @Test func standaloneTagLinesLeaveNoBlankLines() throws {
        let source = """
            before
            {{! comment }}
            {{#items}}
              {{#flag}}
            - {{name}}
              {{/flag}}
            {{/items}}
            {{^items}}
            none
            {{/items}}
            after

            """
        let output = try render(source, ["items": [["name": "a"], ["name": "b"]], "flag": true])
        #expect(output == "before\n- a\n- b\nafter\n")
    }

    @Test func standaloneTagsWorkWithCRLFLineBreaks() throws {
        let output = try render("a\r\n{{#flag}}\r\nb\r\n{{/flag}}\r\nc", ["flag": true])
        #expect(output == "a\r\nb\r\nc")
    }

    @Test func standaloneTagOnLastLineWithoutLineBreak() throws {
        #expect(try render("a\n{{#flag}}b\n{{/flag}}", ["flag": true]) == "a\nb\n")
    }

    @Test func tagsSharingLineWithTextAreNotStandalone() throws {
        #expect(try render("x {{#flag}}\ny{{/flag}} z\n", ["flag": true]) == "x \ny z\n")
    }

    @Test func variableLineIsNeverStandalone() throws {
        #expect(try render("a\n{{empty}}\nb", ["empty": ""]) == "a\n\nb")
    }

    @Test func twoSectionTagsOnOneLineAreNotStandalone() throws {
        #expect(try render("{{#a}}{{/a}}\nx", ["a": true]) == "\nx")
    }

    // MARK: - Errors

    @Test func unclosedSectionNamesItsLineAndTag() {
        expectError(.unclosedSection(tag: "{{#items}}", line: 2), parsing: "a\n{{#items}}\nb\n")
    }

    @Test func mismatchedCloseNamesBothTags() {
        expectError(
            .mismatchedSection(tag: "{{/b}}", line: 3, openTag: "{{#a}}", openLine: 1),
            parsing: "{{#a}}\nx\n{{/b}}\n")
    }

    @Test func closeWithoutOpenIsAnError() {
        expectError(.unexpectedClose(tag: "{{/a}}", line: 2), parsing: "x\n{{/a}}")
    }

    @Test func sectionsNestUpToTheMaximum() throws {
        let depth = 100
        let source = String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        #expect(try Template(parsing: source).render(["a": true]) == "x")
    }

    @Test func sectionsNestedTooDeepAreAnError() {
        // Twenty thousand levels overflowed the stack before the limit.
        let source = "{{#a}}\n" + String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_001)
        expectError(.sectionsTooDeep(tag: "{{#a}}", line: 2, maximum: 100), parsing: source)
    }

    @Test func unclosedTagNamesItsLine() {
        expectError(.unclosedTag(line: 3), parsing: "a\nb\nc {{name")
    }

    @Test(arguments: ["{{>partial}}", "{{=<% %>=}}", "{{&name}}", "{{{name}}}"])
    func unsupportedTagsAreErrors(tag: String) {
        expectError(.unsupportedTag(tag: tag, line: 1), parsing: tag)
    }

    @Test(arguments: ["{{}}", "{{a b}}", "{{a..b}}", "{{#}}", "{{.a}}"])
    func invalidNamesAreErrors(tag: String) {
        expectError(.invalidName(tag: tag, line: 1), parsing: tag)
    }

    @Test func tagLineCountsLinesInsideComments() {
        expectError(.unexpectedClose(tag: "{{/x}}", line: 3), parsing: "{{! one\ntwo }}\n{{/x}}")
    }

    @Test func unknownVariableNamesItsLineAndTag() {
        expectError(.unknownVariable(tag: "{{nmae}}", line: 2), rendering: "x\n{{nmae}}", with: ["name": "a"])
    }

    @Test func unknownMemberOfDottedNameIsAnError() {
        expectError(.unknownVariable(tag: "{{head.shaa}}", line: 1), rendering: "{{head.shaa}}", with: ["head": ["sha": "a"]])
    }

    @Test func insertingAListIsAnError() {
        expectError(.notText(tag: "{{items}}", line: 1), rendering: "{{items}}", with: ["items": []])
    }

    @Test func errorDescriptionNamesLineAndTag() {
        let error = TemplateError.unclosedSection(tag: "{{#findings}}", line: 7)
        #expect(error.description.contains("line 7"))
        #expect(error.description.contains("{{#findings}}"))
    }

    // MARK: - Validation

    @Test func validationFindsTypoInSectionThatDoesNotRender() throws {
        let template = try Template(parsing: "{{#items}}\n{{nmae}}\n{{/items}}")
        let shape: TemplateValue = ["items": [["name": "a"]]]
        #expect(throws: TemplateError.unknownVariable(tag: "{{nmae}}", line: 2)) {
            try template.validate(against: shape)
        }
        #expect(try template.render(["items": []]) == "")
    }

    @Test func validationChecksBothBranchesOfAFlag() throws {
        let template = try Template(parsing: "{{#flag}}{{a}}{{/flag}}{{^flag}}{{b}}{{/flag}}")
        #expect(throws: TemplateError.unknownVariable(tag: "{{b}}", line: 1)) {
            try template.validate(against: ["flag": true, "a": "x"])
        }
        try template.validate(against: ["flag": true, "a": "x", "b": "y"])
    }

    // MARK: - Helpers

    private func render(_ source: String, _ context: TemplateValue) throws -> String {
        try Template(parsing: source).render(context)
    }

    private func expectError(
        _ expected: TemplateError, parsing source: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(throws: expected, sourceLocation: sourceLocation) {
            _ = try Template(parsing: source)
        }
    }

    private func expectError(
        _ expected: TemplateError, rendering source: String, with context: TemplateValue,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(throws: expected, sourceLocation: sourceLocation) {
            _ = try Template(parsing: source).render(context)
        }
    }
}
