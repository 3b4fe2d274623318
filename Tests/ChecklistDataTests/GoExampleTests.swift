@testable import ChecklistData
import TestSupport
import Testing

@Suite("Go examples of the bug explanations")
struct GoExampleTests {
    /// Extracts every ```go block of every built-in bug explanation from the embedded files.
    static func builtInExamples() throws -> [GoExample] {
        try Checklist.builtInBugFiles.flatMap { entry in
            try GoExample.extract(bugID: entry.id, markdown: String(decoding: entry.markdown, as: UTF8.self))
        }
    }

    @Test func everyBugHasGoExampleWithImports() throws {
        let examples = try Self.builtInExamples()

        for bugID in Checklist.builtInBugIDs {
            #expect(examples.contains { $0.bugID == bugID }, "\(bugID) has no ```go example")
        }
    }

    @Test(.enabled(if: GoToolchain.installed != nil, "go is not on PATH, so the Go examples were not compiled"))
    func examplesPassGoVet() throws {
        let toolchain = try #require(GoToolchain.installed)
        let module = try GoExampleModule(examples: try Self.builtInExamples())
        defer { module.remove() }

        let result = try toolchain.runGo(["vet", "./..."], in: module.directory)
        guard result.status != 0 else { return }

        let failures = module.messagesByExample(in: result.output)
        for (example, messages) in failures {
            Issue.record("\(example) fails go vet:\n\(messages.joined(separator: "\n"))")
        }
        if failures.isEmpty {
            Issue.record("go vet failed with status \(result.status):\n\(result.output)")
        }
    }

    @Test(.enabled(if: GoToolchain.installed?.gofmt != nil, "gofmt is not on PATH, so the Go examples were not checked"))
    func examplesAreGofmtFormatted() throws {
        let toolchain = try #require(GoToolchain.installed)
        let module = try GoExampleModule(examples: try Self.builtInExamples())
        defer { module.remove() }

        let listed = try #require(try toolchain.runGofmt(["-l", "."], in: module.directory))
        #expect(listed.status == 0, "gofmt failed:\n\(listed.output)")

        for example in module.examples(listedIn: listed.output) {
            let diff = try toolchain.runGofmt(["-d", example.packageFolder], in: module.directory)
            Issue.record("\(example) is not gofmt-formatted:\n\(diff?.output ?? "")")
        }
    }
}
