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
        for path in outputs.paths + [parsed.value("write-baseline")].compactMap({ $0 }) {
            try OutputFile.checkWritable(tool.absolutePath(path), shownAs: path)
        }

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

    /// The largest `--template` file read. A review template is a few kilobytes, and the cap
    /// keeps a device such as /dev/zero from being read until memory runs out.
    static let maxTemplateBytes = 1 << 20

    private func readTemplate(_ path: String) throws -> String {
        let text = try Self.readTemplateText(tool.absolutePath(path), shownAs: path)
        do {
            try MarkdownRenderer.validateTemplate(text)
        } catch {
            // The outer message already states that the template is invalid, so use the inner reason.
            if case RenderingError.invalidTemplate(let reason) = error {
                throw CommandError.invalidTemplate(path: path, reason: String(describing: reason))
            }
            throw CommandError.invalidTemplate(path: path, reason: String(describing: error))
        }
        return text
    }

    /// Reads a template file as UTF-8.
    private static func readTemplateText(_ absolutePath: String, shownAs path: String) throws -> String {
        func failure(_ reason: String) -> CommandError {
            CommandError.unreadableFile(path: path, option: "--template", reason: reason)
        }

        let data: Data
        do {
            data = try InputFile.read(absolutePath, maxBytes: maxTemplateBytes)
        } catch {
            throw failure(error.reason)
        }
        guard data.count <= maxTemplateBytes else {
            throw failure("it is larger than \(maxTemplateBytes >> 20) MiB, too large for a review template")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw failure("it is not valid UTF-8")
        }
        return text
    }

    static func reason(_ error: Error) -> String {
        if let code = posixCode(of: error) { return String(cString: strerror(code)) }
        return (error as NSError).localizedDescription
    }

    /// Returns the POSIX error behind a Foundation file error, or nil when there is none.
    /// Foundation on Linux often reports a failed read or write with a Cocoa code and no
    /// underlying POSIX error, and its text ("The operation could not be completed…") names
    /// no cause.
    static func posixCode(of error: Error) -> Int32? {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           POSIXErrorCode(rawValue: Int32(underlying.code)) != nil {
            return Int32(underlying.code)
        }
        guard let cocoa = error as? CocoaError else { return nil }
        switch cocoa.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        default: return nil
        }
    }
}
