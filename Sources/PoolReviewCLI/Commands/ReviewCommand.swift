import ChecklistData
import Foundation
import PoolRules
import Rendering
import ReviewModel

/// `poolreview review`: reviews a range and writes the report.
struct ReviewCommand {
    let tool: PoolReviewTool

    static let spec = ArgumentList.Spec(
        flags: ["all"], valued: ["repo", "base", "head", "format", "output", "template"], maxPositionals: 1)

    func run(_ arguments: [String]) throws -> PoolReviewTool.ExitStatus {
        let parsed = try ArgumentList(arguments, spec: Self.spec, command: "review")
        let format = try outputFormat(parsed.value("format"))
        let template = try parsed.value("template").map(readTemplate)
        if template != nil, format != .markdown {
            throw UsageError.invalidValue(
                option: "--format", value: format.rawValue, expected: "markdown when --template is given", command: "review")
        }
        let checklist = try Checklist.builtIn()

        let request = ReviewRequest(
            repositoryPath: tool.absolutePath(parsed.value("repo") ?? "."),
            range: parsed.positionals.first, base: parsed.value("base"), head: parsed.value("head"),
            wholeTree: parsed.has("all"))
        let report = try ReviewSession().run(request)

        let colour = format == .text && parsed.value("output") == nil && tool.outputIsTerminal
            && (tool.environment["NO_COLOR"] ?? "").isEmpty
        let options = RenderOptions(
            toolVersion: PoolReviewTool.version, markdownTemplate: template, usesANSIColor: colour)
        let rendered = try format.renderer.render(report, checklist: checklist, options: options)

        if let output = parsed.value("output") {
            try OutputFile.write(rendered, to: tool.absolutePath(output))
        } else {
            tool.standardOutput(rendered)
        }
        return report.findings.isEmpty ? .clean : .findings
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

/// Writes output files whole or not at all.
enum OutputFile {
    /// Writes `text` to a temporary file in the target's folder, then renames it over the
    /// target, so an interrupted run never leaves half a report.
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandError.writeFailed(path: path, reason: ReviewCommand.reason(error))
        }
    }
}
