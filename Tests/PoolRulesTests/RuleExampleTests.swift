import Foundation
import GoSyntax
import PoolRules
import ReviewModel
import TestSupport
import Testing

/// One example of one rule, as a test argument.
struct RuleExampleCase: Sendable, CustomTestStringConvertible {
    let item: ChecklistItemID
    let index: Int
    let triggers: Bool
    let example: RuleExample

    var testDescription: String { "\(item.rawValue) \(triggers ? "triggering" : "non-triggering") #\(index + 1)" }

    var rule: any Rule.Type { Matcher.allRules.first { $0.description.id == item }! }

    static let all: [RuleExampleCase] = Matcher.allRules.flatMap { rule in
        let description = rule.description
        return description.triggering.enumerated().map {
            RuleExampleCase(item: description.id, index: $0.offset, triggers: true, example: $0.element)
        } + description.nonTriggering.enumerated().map {
            RuleExampleCase(item: description.id, index: $0.offset, triggers: false, example: $0.element)
        }
    }
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test("findings land on the marked lines", arguments: RuleExampleCase.all)
    func findingsLandOnMarkedLines(_ testCase: RuleExampleCase) {
        let example = testCase.example
        let location = SourceLocation(fileID: "PoolRules/\(example.file.split(separator: "/").last ?? "")",
                                      filePath: example.file, line: example.line, column: 1)
        let parsed = GoParser.parse(example.code)
        #expect(parsed.syntaxErrors.isEmpty, "the example does not parse: \(parsed.syntaxErrors)", sourceLocation: location)

        let found = RuleRunner.findings(of: testCase.rule, in: example.code).map(\.line)
        let expected = testCase.triggers ? example.expectedLines : []
        #expect(Set(found) == Set(expected), "findings on lines \(found.sorted()), expected \(expected)", sourceLocation: location)
        #expect(found.count == Set(found).count, "more than one finding on a line: \(found.sorted())", sourceLocation: location)
    }

    @Test("every rule has triggering and non-triggering examples")
    func everyRuleHasExamples() {
        for rule in Matcher.allRules {
            #expect(!rule.description.triggering.isEmpty, "\(rule.description.id.rawValue) has no triggering example")
            #expect(!rule.description.nonTriggering.isEmpty, "\(rule.description.id.rawValue) has no non-triggering example")
            for example in rule.description.triggering {
                #expect(!example.expectedLines.isEmpty, "a triggering example of \(rule.description.id.rawValue) marks no line")
            }
        }
    }

    @Test("rules are registered once each, in checklist order")
    func rulesInChecklistOrder() {
        let ids = Matcher.allRules.map { rule in rule.description.id }
        #expect(ids == ChecklistItemID.allCases)
    }

    @Test("every rule example compiles with go vet")
    func examplesCompile() throws {
        guard let toolchain = GoToolchain.installed else {
            Issue.record("go is not installed, so the rule examples were not compiled; install golang-go")
            return
        }
        let module = try GoModuleFolder()
        defer { module.remove() }
        var packages: [String: RuleExampleCase] = [:]
        for testCase in RuleExampleCase.all {
            let name = "\(testCase.item.rawValue.replacingOccurrences(of: "-", with: "_"))_\(testCase.triggers ? "t" : "n")\(testCase.index)"
            try module.write(package: name, source: testCase.example.code)
            packages[name] = testCase
        }
        let result = try toolchain.runGo(["vet", "./..."], in: module.url)
        #expect(result.status == 0, "go vet failed:\n\(result.output)")
    }
}
