import ChecklistData
import Foundation
import Rendering
import ReviewModel
import TestSupport
import Testing

/// Checks the SARIF output with tools from PyPI: the official schema through `jsonschema`, and
/// Microsoft's `sarif-tools` reading the log. The first run installs them (see `SARIFTools`);
/// when that fails, the tests fail with the reason.
@Suite("SARIF output checked by external tools")
struct SARIFValidationTests {
    /// The reports to validate, with the options that make every optional part appear. All but
    /// the last use the small test checklist, and the last the built-in one with its full
    /// explanations.
    static func samples() throws -> [(name: String, report: Report, checklist: Checklist)] {
        var withNotes = Fixtures.wholeTreeReport
        withNotes.notes = ["internal/cache/entry.go:12: //poolreview:ignore names the unknown item 'defered-put'"]
        withNotes.findings[0].relatedLines = [80, 95]
        var controls = Fixtures.wholeTreeReport
        controls.findings[0].path = "a b/c:d/100%/\u{1B}[2J\u{202E}/é.go"
        controls.findings[0].message = String(String.UnicodeScalarView((0...0x20).compactMap(Unicode.Scalar.init)))
        return [
            ("findings", Fixtures.reportWithFindings, Fixtures.checklist), ("clean", Fixtures.cleanReport, Fixtures.checklist),
            ("whole-tree", withNotes, Fixtures.checklist), ("hostile", Hostile.report, Fixtures.checklist),
            ("controls", controls, Fixtures.checklist), ("built-in", Fixtures.reportWithFindings, try Checklist.builtIn()),
        ]
    }

    static let options = RenderOptions(toolVersion: Fixtures.version, repositoryURL: "https://github.com/owner/repo")

    private func environment(sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        switch SARIFTools.environment {
        case .success(let folder):
            return folder
        case .failure(let error):
            Issue.record(
                "the SARIF checks need Python 3 with venv and pip, and PyPI to install \(SARIFTools.packages.joined(separator: " ")): \(error)",
                sourceLocation: sourceLocation)
            return nil
        }
    }

    private func writeSamples(to folder: URL) throws -> [String: URL] {
        var files: [String: URL] = [:]
        for sample in try Self.samples() {
            let output = try SARIFRenderer().render(sample.report, checklist: sample.checklist, options: Self.options)
            let file = folder.appendingPathComponent(sample.name + ".sarif")
            try output.write(to: file, atomically: true, encoding: .utf8)
            files[sample.name] = file
        }
        return files
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolreview-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    // MARK: - Tests

    @Test func outputMatchesOfficialSchema() throws {
        guard let environment = environment() else { return }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try writeSamples(to: folder)

        // A control file that breaks the schema twice, so a checker that accepts everything fails.
        let broken = folder.appendingPathComponent("broken.sarif")
        let findings = try String(contentsOf: try #require(files["findings"]), encoding: .utf8)
        try findings.replacing("\"level\": \"error\"", with: "\"level\": \"fatal\"")
            .replacing("\"uri\": \"cmd/server/main.go\"", with: "\"uri\": \"cmd/server/ma in.go\"")
            .write(to: broken, atomically: true, encoding: .utf8)

        let paths = files.values.map(\.path).sorted() + [broken.path]
        let validation = try SARIFTools.validate(paths, in: environment)

        #expect(validation.schemaID == SARIFTools.officialSchemaID)
        #expect(validation.formats.contains("uri"))
        #expect(validation.formats.contains("uri-reference"))
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            #expect(validation.errors[file.path] == [], "\(name): \(validation.errors[file.path] ?? ["not validated"])")
        }
        let brokenErrors = validation.errors[broken.path] ?? []
        #expect(brokenErrors.contains { $0.hasSuffix("'fatal' is not one of ['none', 'note', 'warning', 'error']") })
        #expect(brokenErrors.contains { $0.hasSuffix("'cmd/server/ma in.go' is not a 'uri-reference'") })
    }

    @Test func sarifToolsSummaryCountsLevels() throws {
        guard let environment = environment() else { return }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try writeSamples(to: folder)

        let expectedCounts = [
            "findings": ["error: 1", "warning: 1", "note: 1"],
            "built-in": ["error: 1", "warning: 1", "note: 1"],
            "clean": ["error: 0", "warning: 0", "note: 0"],
            "hostile": ["error: 1", "warning: 0", "note: 0"],
        ]
        for (name, counts) in expectedCounts.sorted(by: { $0.key < $1.key }) {
            let file = try #require(files[name])
            let run = try SARIFTools.python(["-m", "sarif", "summary", file.path], in: environment)
            #expect(run.status == 0, "sarif summary of \(name) failed: \(run.standardError)")

            let lines = run.standardOutput.split(separator: "\n").map(String.init)
            for count in counts {
                #expect(lines.contains(count), "\(name): expected '\(count)' in:\n\(run.standardOutput)")
            }
        }
    }
}
