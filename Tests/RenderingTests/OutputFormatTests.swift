import Rendering
import Testing

@Suite("Output formats")
struct OutputFormatTests {
    @Test func formatsHaveStableNames() {
        #expect(OutputFormat.allCases.map(\.rawValue) == ["markdown", "text", "json", "sarif", "github", "codeclimate", "rdjson"])
        #expect(OutputFormat(rawValue: "json") == .json)
    }

    @Test(arguments: OutputFormat.allCases)
    func everyFormatRendersEveryFixture(format: OutputFormat) throws {
        for report in [Fixtures.reportWithFindings, Fixtures.cleanReport, Fixtures.wholeTreeReport, Hostile.report] {
            let output = try format.renderer.render(report, checklist: Fixtures.checklist, options: Fixtures.options)
            #expect(!output.isEmpty)
            #expect(output.hasSuffix("\n"))
        }
    }

    @Test func fileExtensionsMatchFormats() {
        #expect(OutputFormat.allCases.map(\.fileExtension) == ["md", "txt", "json", "sarif", "txt", "json", "json"])
    }
}
