import ChecklistData
import Foundation
import Rendering
import ReviewModel

/// Renders a finished review in every format that the command line requests, and writes each one out.
struct ReviewWriter {
    let tool: PoolReviewTool
    let checklist: Checklist
    /// The `--template` text for Markdown outputs, or nil for the built-in template.
    let template: String?
    /// Builds https links to the forge's view of a file at the head revision, when known.
    var links: RenderOptions.SourceLinkBuilder? = nil

    /// The name of the GitHub workflow-command format that `--annotations` prints, once a build
    /// has it.
    static let annotationFormatName = "github"

    /// Writes the `--format` output to standard output or its file, then each `FORMAT=FILE`
    /// output, then the GitHub step summary and annotations when they apply.
    func write(
        _ report: Report, format: OutputFormat, outputs: OutputTargets, annotations: Bool, stepSummary: Bool
    ) throws {
        var cache: [OutputFormat: String] = [:]
        func rendered(_ format: OutputFormat) throws -> String {
            if let text = cache[format] { return text }
            let text = try render(report, format: format, colour: false)
            cache[format] = text
            return text
        }

        if let path = outputs.primaryPath {
            try OutputFile.write(try rendered(format), to: tool.absolutePath(path))
        } else {
            tool.standardOutput(try render(report, format: format, colour: format == .text && tool.usesColour))
        }
        for target in outputs.extra {
            try OutputFile.write(try rendered(target.format), to: tool.absolutePath(target.path))
        }

        if stepSummary, let summaryPath = gitHubStepSummaryPath {
            try OutputFile.append(try rendered(.markdown) + "\n", to: summaryPath)
        }
        if annotations {
            try printAnnotations(report, alreadyPrinted: outputs.primaryPath == nil ? format : nil, rendered: rendered)
        }
    }

    /// `GITHUB_STEP_SUMMARY` when running in GitHub Actions, else nil.
    private var gitHubStepSummaryPath: String? {
        guard tool.environment["GITHUB_ACTIONS"] == "true" else { return nil }
        return tool.environment.nonEmpty("GITHUB_STEP_SUMMARY")
    }

    private func printAnnotations(
        _ report: Report, alreadyPrinted: OutputFormat?, rendered: (OutputFormat) throws -> String
    ) throws {
        guard let format = OutputFormat(rawValue: Self.annotationFormatName) else {
            tool.standardError(
                "poolreview: this build has no '\(Self.annotationFormatName)' output format yet, so --annotations "
                    + "printed nothing.\n")
            return
        }
        guard format != alreadyPrinted else { return }
        tool.standardOutput(try rendered(format))
    }

    private func render(_ report: Report, format: OutputFormat, colour: Bool) throws -> String {
        var options = RenderOptions(
            toolVersion: PoolReviewTool.version, markdownTemplate: format == .markdown ? template : nil,
            usesANSIColor: colour)
        options.sourceLink = links
        return try format.renderer.render(report, checklist: checklist, options: options)
    }
}

/// Writes output files whole or not at all.
enum OutputFile {
    /// Fails before the review when `path` cannot become an output file, so that a typo in
    /// an `--output` folder does not cost a whole review and leave the other outputs written.
    /// `name` is the path as the user wrote it. An existing file that is not writable is
    /// caught only when it is written.
    static func checkWritable(_ path: String, shownAs name: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { throw CommandError.writeFailed(path: name, reason: reason(EISDIR)) }
            return
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var folderStatus = stat()
        guard stat(folder, &folderStatus) == 0, folderStatus.st_mode & S_IFMT == S_IFDIR else {
            throw CommandError.writeFailed(path: name, reason: reason(ENOENT))
        }
        guard access(folder, W_OK) == 0 else { throw CommandError.writeFailed(path: name, reason: reason(EACCES)) }
    }

    /// Describes why a file could not be written, with what to do about it.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "its folder does not exist; create the folder first"
        case EISDIR: "it is a folder; name a file inside it"
        case EACCES, EPERM: "permission denied; check that the file and its folder are writable"
        case ENOSPC: "no space left on the device"
        case EROFS: "the file system is read-only"
        default: String(cString: strerror(code))
        }
    }

    /// Describes why a Foundation write failed, in the same words as `reason(_: Int32)`.
    static func reason(_ error: Error) -> String {
        if let code = ReviewCommand.posixCode(of: error) { return reason(code) }
        return (error as NSError).localizedDescription
    }

    /// Writes `text` to a temporary file in the target's folder, then renames it over the
    /// target, so an interrupted run never leaves half a report.
    ///
    /// A symbolic link to a regular file is followed, so the link stays and its target gets
    /// the report. A target that exists and is not a regular file, such as `/dev/stdout`, a
    /// FIFO or a folder, is opened and written in place instead, because a rename would
    /// replace the device node or FIFO itself with a file.
    static func write(_ text: String, to path: String) throws {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            try writeInPlace(text, to: path)
            return
        }
        let target = regularFileTarget(ofLink: path) ?? path
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw CommandError.writeFailed(path: path, reason: reason(error))
        }
    }

    /// Returns the regular file that the symbolic link at `path` resolves to, or nil when
    /// `path` is not a link or the link dangles.
    private static func regularFileTarget(ofLink path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
              let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes `text` to an existing file that is not a regular file, without creating,
    /// truncating or renaming anything.
    private static func writeInPlace(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CommandError.writeFailed(path: path, reason: reason(errno))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw CommandError.writeFailed(path: path, reason: reason(error))
        }
    }

    /// Appends `text` to the file at `path`, creating it when it does not exist.
    static func append(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CommandError.writeFailed(path: path, reason: reason(errno))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw CommandError.writeFailed(path: path, reason: reason(error))
        }
    }
}
