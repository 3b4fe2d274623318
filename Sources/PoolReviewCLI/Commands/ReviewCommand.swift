import ChecklistData
import Foundation
import PoolRules
import Rendering
import ReviewModel

/// `poolreview review`: reviews a range and writes the report.
struct ReviewCommand {
    let tool: PoolReviewTool

    static let spec = ArgumentList.Spec(
        flags: ["all", "ci", "annotations", "no-step-summary"],
        valued: ["repo", "base", "head", "format", "output", "template", "fail-on", "config-from", "baseline",
                 "write-baseline", "link-template"],
        repeatable: ["output"], maxPositionals: 1)

    func run(_ arguments: [String]) throws -> PoolReviewTool.ExitStatus {
        let parsed = try ArgumentList(arguments, spec: Self.spec, command: "review")
        let format = try outputFormat(parsed.value("format"))
        let outputs = try OutputTargets(parsed.allValues("output"), command: "review")
        let threshold = try FailureThreshold.parse(parsed.value("fail-on"), command: "review")
        let template = try parsed.value("template").map(readTemplate)
        if template != nil, !outputs.formats(primary: format).contains(.markdown) {
            throw UsageError.invalidValue(
                option: "--format", value: format.rawValue, expected: "markdown when --template is given", command: "review")
        }
        let checklist = try Checklist.builtIn()

        let request = try CIRequestBuilder(tool: tool, parsed: parsed).request()
        let reviewed = try ReviewSession().review(request)
        var report = reviewed.report

        if let path = parsed.value("write-baseline") {
            try Baseline(findings: report.findings).write(to: tool.absolutePath(path))
        }
        if let path = parsed.value("baseline") {
            let baseline = try Baseline.read(from: tool.absolutePath(path), shownAs: path)
            report = baseline.hiding(from: report, name: path)
        }

        let links = try SourceLinkChoice(
            tool: tool, template: parsed.value("link-template") ?? reviewed.configuration.linkTemplate,
            repositoryPath: request.repositoryPath, head: report.head)
        let writer = ReviewWriter(tool: tool, checklist: checklist, template: template, links: links.builder)
        try writer.write(
            report, format: format, outputs: outputs, annotations: parsed.has("annotations"),
            stepSummary: !parsed.has("no-step-summary"))
        return threshold.status(for: report.findings)
    }

    private func outputFormat(_ value: String?) throws -> OutputFormat {
        guard let value else { return .markdown }
        guard let format = OutputFormat(rawValue: value) else {
            let names = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError.invalidValue(option: "--format", value: value, expected: "one of \(names)", command: "review")
        }
        return format
    }

    private func readTemplate(_ path: String) throws -> String {
        let absolute = tool.absolutePath(path)
        let text: String
        do {
            text = try String(contentsOfFile: absolute, encoding: .utf8)
        } catch {
            throw CommandError.unreadableFile(path: path, option: "--template", reason: Self.reason(error))
        }
        do {
            try MarkdownRenderer.validateTemplate(text)
        } catch {
            throw CommandError.invalidTemplate(path: path, reason: String(describing: error))
        }
        return text
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let posix = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(posix.rawValue))
        }
        return nsError.localizedDescription
    }
}
