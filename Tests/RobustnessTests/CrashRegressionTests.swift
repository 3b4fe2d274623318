import Foundation
import Testing

/// Replays the fuzz targets' inputs through the same code the fuzzers run (FuzzTargets/ links
/// the target files from Fuzz/): the seed corpora, and every input that once made a target
/// crash, hang or break an output invariant.
///
/// A failed precondition here stops the test process, as it stopped the fuzzer.
@Suite("Fuzz inputs replayed")
struct CrashRegressionTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let crashesFolder = packageRoot.appendingPathComponent("Tests/RobustnessTests/Crashes")
    static let corpusFolder = packageRoot.appendingPathComponent("Fuzz/Corpus")
    static let templateCorpusFolder = packageRoot.appendingPathComponent("Fuzz/TemplateCorpus")

    /// Lists the files of `folder` other than its README, sorted by name.
    static func inputs(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0 != "README.md" && !$0.hasPrefix(".") }.sorted()
    }

    @Test func seedCorpusIsPresent() {
        #expect(Self.inputs(in: Self.corpusFolder).count >= 30)
    }

    @Test("seed replays through both targets", arguments: inputs(in: corpusFolder))
    func seedReplays(name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.corpusFolder.appendingPathComponent(name)))
        fuzzGoReader(bytes)
        fuzzPipeline(bytes)
    }

    @Test("template seed replays", arguments: inputs(in: templateCorpusFolder))
    func templateSeedReplays(name: String) throws {
        fuzzTemplate(Array(try Data(contentsOf: Self.templateCorpusFolder.appendingPathComponent(name))))
    }

    @Test("crash input replays", arguments: inputs(in: crashesFolder))
    func crashReplays(name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.crashesFolder.appendingPathComponent(name)))
        let clock = ContinuousClock()
        let start = clock.now
        if name.hasPrefix("go-reader-") {
            fuzzGoReader(bytes)
        } else if name.hasPrefix("pipeline-") {
            fuzzPipeline(bytes)
        } else if name.hasPrefix("template-") {
            fuzzTemplate(bytes)
        } else {
            Issue.record("\(name) names no fuzz target: start it with go-reader-, pipeline- or template-")
        }
        // The fuzzers stop an input after 20 s. A debug build is slower, so this is looser.
        #expect(clock.now - start < .seconds(60), "\(name)")
    }
}
