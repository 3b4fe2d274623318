import Foundation
import PoolReviewCLI
import ReviewModel
import TestSupport
import Testing

@Suite("Fixture corpus")
struct FixtureCorpusTests {
    @Test("bug shape is flagged where marked", arguments: FixtureCorpus.shapes)
    func shapeIsFlagged(_ change: FixtureCorpus.ChangeCase) throws {
        try withGitFixture { fixture in
            let commits = try commitSteps(change, in: fixture)
            let expected = FixtureCorpus.expectations(in: try FixtureCorpus.goFiles(in: change.folder.appendingPathComponent("bug")))
            #expect(!expected.isEmpty, "\(change.name)/bug marks no finding")
            let found = try review(base: commits["base"]!, head: commits["bug"]!, in: fixture)
            #expect(found == expected, "\(change.name): unexpected \(found.subtracting(expected).sorted()), missing \(expected.subtracting(found).sorted())")
        }
    }

    @Test("fix of a bug shape is clean", arguments: FixtureCorpus.shapes)
    func fixIsClean(_ change: FixtureCorpus.ChangeCase) throws {
        try withGitFixture { fixture in
            let commits = try commitSteps(change, in: fixture)
            let found = try review(base: commits["bug"]!, head: commits["fix"]!, in: fixture)
            #expect(found.isEmpty, "\(change.name): \(found.sorted())")
        }
    }

    @Test("trap stays clean", arguments: FixtureCorpus.traps)
    func trapIsClean(_ trap: FixtureCorpus.ChangeCase) throws {
        try withGitFixture { fixture in
            try fixture.git("init", "-q", "repo", in: "")
            try copyPackage(trap.folder, into: fixture)
            try fixture.commit(message: "trap")
            let report = try ReviewSession().run(ReviewRequest(repositoryPath: fixture.path("repo"), wholeTree: true))
            let found = report.findings.map { "\($0.path):\($0.line): \($0.item.rawValue): \($0.message)" }
            #expect(found.isEmpty, "\(trap.name): \(found)")
            #expect(report.files.goFilesAnalysed > 0)
        }
    }

    @Test("only touched lines are flagged", arguments: FixtureCorpus.diffAware)
    func diffAwareness(_ change: FixtureCorpus.ChangeCase) throws {
        try withGitFixture { fixture in
            let commits = try commitSteps(change, in: fixture)
            let expected = FixtureCorpus.expectations(in: try FixtureCorpus.goFiles(in: change.folder.appendingPathComponent("head")))
            let found = try review(base: commits["base"]!, head: commits["head"]!, in: fixture)
            #expect(found == expected, "\(change.name): unexpected \(found.subtracting(expected).sorted()), missing \(expected.subtracting(found).sorted())")
        }
    }

    @Test("corpus has the required cases")
    func corpusSize() {
        #expect(FixtureCorpus.shapes.count >= 15)
        #expect(FixtureCorpus.traps.count >= 25)
        #expect(FixtureCorpus.diffAware.count >= 2)
    }

    @Test("every fixture compiles with go vet")
    func fixturesCompile() throws {
        guard let toolchain = GoToolchain.installed else {
            Issue.record("go is not installed, so the fixtures were not compiled; install golang-go")
            return
        }
        let module = try GoModuleFolder()
        defer { module.remove() }
        for (index, folder) in FixtureCorpus.packageFolders.enumerated() {
            for (name, source) in try FixtureCorpus.goFiles(in: folder) {
                try module.write(package: "p\(index)", source: source, fileName: name)
            }
        }
        let result = try toolchain.runGo(["vet", "./..."], in: module.url)
        #expect(result.status == 0, "go vet failed:\n\(result.output)")
    }

    // MARK: - Helpers

    /// Commits each step of `change` in order and returns the commit of each step.
    private func commitSteps(_ change: FixtureCorpus.ChangeCase, in fixture: GitFixture) throws -> [String: String] {
        try fixture.git("init", "-q", "repo", in: "")
        var commits: [String: String] = [:]
        for step in change.steps {
            for name in try FileManager.default.contentsOfDirectory(atPath: fixture.path("repo")) where name.hasSuffix(".go") {
                try FileManager.default.removeItem(atPath: fixture.path("repo/" + name))
            }
            try copyPackage(change.folder.appendingPathComponent(step), into: fixture)
            try fixture.commit(message: step)
            commits[step] = try fixture.gitLine("rev-parse", "HEAD")
        }
        return commits
    }

    /// Writes the package's files into the repository without their `// want` markers, so a
    /// marker never makes a line look changed.
    private func copyPackage(_ folder: URL, into fixture: GitFixture) throws {
        for (name, source) in try FixtureCorpus.goFiles(in: folder) {
            try fixture.write("repo/" + name, FixtureCorpus.removingMarkers(source))
        }
    }

    private func review(base: String, head: String, in fixture: GitFixture) throws -> Set<Expectation> {
        let report = try ReviewSession().run(ReviewRequest(repositoryPath: fixture.path("repo"), base: base, head: head))
        return Set(report.findings.map { Expectation(item: $0.item.rawValue, path: $0.path, line: $0.line) })
    }
}
