import ChecklistData
import ReviewModel

/// Renders a report as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.
///
/// The log has one run. `tool.driver.rules` lists every checklist item in checklist order,
/// with the reviewer's question and the linked bug explanations as help. Each finding is a
/// result with its item's rule and a level from the finding's severity (`info` becomes
/// `note`). Its region is the anchored lines with their source as snippet, and a longer
/// excerpt becomes the context region. Related lines become related locations, and the
/// `FindingFingerprint` goes under `FindingFingerprint.sarifKey`. Paths are percent-encoded
/// relative references to `%SRCROOT%`, the repository root. Skipped files and report notes become tool execution
/// notifications. With `RenderOptions.repositoryURL`, `versionControlProvenance` names the
/// repository and the head commit; the run's properties always carry both commit ids.
///
/// Strings carry the repository's text unchanged, escaped as JSON requires.
public struct SARIFRenderer: ReportRenderer {
    /// The `$schema` of the log: the OASIS schema of SARIF 2.1.0 with its first errata.
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `uriBaseId` that every artifact location is relative to: the repository root.
    public static let sourceRootID = "%SRCROOT%"

    public init() {}

    /// Renders the report.
    ///
    /// - Throws: `RenderingError` when the checklist does not match the report, and
    ///   `RenderingError.invalidRepositoryURL` for a repository URL that is not `https`.
    public func render(_ report: Report, checklist: Checklist, options: RenderOptions) throws -> String {
        let rules = try SARIFRules.descriptors(for: checklist)
        let repositoryURL = try options.repositoryURL.map(RepositoryURL.validated)
        let fingerprints = FindingFingerprint.fingerprints(of: report.findings)
        let results = zip(report.findings, fingerprints).map { result(for: $0, fingerprint: $1) }

        var run: [(key: String, value: JSONValue)] = [
            ("tool", .object([("driver", .object([
                ("name", .string("poolreview")),
                ("version", .string(options.toolVersion)),
                ("rules", .array(rules)),
            ]))])),
            ("invocations", .array([invocation(for: report)])),
            ("originalUriBaseIds", .object([
                (Self.sourceRootID, .object([("description", message("The root of the reviewed repository."))])),
            ])),
        ]
        if let repositoryURL {
            run.append(("versionControlProvenance", .array([.object([
                ("repositoryUri", .string(repositoryURL)),
                ("revisionId", .string(report.head.sha)),
                ("mappedTo", .object([("uriBaseId", .string(Self.sourceRootID))])),
            ])])))
        }
        run.append(("results", .array(results)))
        run.append(("properties", .object([
            ("baseRevision", .string(report.base.sha)),
            ("headRevision", .string(report.head.sha)),
            ("reviewsWholeTree", .bool(report.reviewsWholeTree)),
        ])))

        let log: JSONValue = .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
        return log.serialized() + "\n"
    }

    // MARK: - Results

    private func result(for finding: Finding, fingerprint: String) -> JSONValue {
        var physicalLocation: [(key: String, value: JSONValue)] = [
            ("artifactLocation", artifactLocation(finding.path)),
            ("region", region(of: finding)),
        ]
        if let excerpt = finding.excerpt, !excerpt.lines.isEmpty,
            excerpt.firstLine != finding.line || excerpt.lastLine != finding.endLine
        {
            physicalLocation.append(("contextRegion", .object([
                ("startLine", .integer(excerpt.firstLine)),
                ("endLine", .integer(excerpt.lastLine)),
                ("snippet", .object([("text", .string(excerpt.lines.joined(separator: "\n")))])),
            ])))
        }

        var members: [(key: String, value: JSONValue)] = [
            ("ruleId", .string(finding.item.rawValue)),
            ("ruleIndex", .integer(finding.item.number - 1)),
            ("level", .string(SARIFRules.level(of: finding.severity))),
            ("message", message(finding.message)),
            ("locations", .array([.object([("physicalLocation", .object(physicalLocation))])])),
        ]
        if !finding.relatedLines.isEmpty {
            let related = finding.relatedLines.enumerated().map { index, line -> JSONValue in
                .object([
                    ("id", .integer(index + 1)),
                    ("physicalLocation", .object([
                        ("artifactLocation", artifactLocation(finding.path)),
                        ("region", .object([("startLine", .integer(line))])),
                    ])),
                ])
            }
            members.append(("relatedLocations", .array(related)))
        }
        members.append(("partialFingerprints", .object([(FindingFingerprint.sarifKey, .string(fingerprint))])))
        if !finding.bugs.isEmpty {
            members.append(("properties", .object([("bugs", .array(finding.bugs.map(JSONValue.string)))])))
        }
        return .object(members)
    }

    /// Builds the region of the anchored lines, with their source as snippet when the excerpt
    /// covers all of them.
    private func region(of finding: Finding) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("startLine", .integer(finding.line)),
            ("endLine", .integer(finding.endLine)),
        ]
        if let excerpt = finding.excerpt, excerpt.firstLine <= finding.line,
            finding.endLine < excerpt.firstLine + excerpt.lines.count
        {
            let anchored = excerpt.lines[(finding.line - excerpt.firstLine)...(finding.endLine - excerpt.firstLine)]
            members.append(("snippet", .object([("text", .string(anchored.joined(separator: "\n")))])))
        }
        return .object(members)
    }

    // MARK: - Notifications

    /// Builds the one invocation, with a warning per report note and a note per skipped file.
    private func invocation(for report: Report) -> JSONValue {
        var notifications = report.notes.map { note -> JSONValue in
            .object([("level", .string("warning")), ("message", message(note))])
        }
        for skipped in report.files.skipped {
            notifications.append(.object([
                ("level", .string("note")),
                ("message", message("the file was not analysed: " + skipped.reason)),
                ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifactLocation(skipped.path))]))])])),
            ]))
        }

        var members: [(key: String, value: JSONValue)] = [("executionSuccessful", .bool(true))]
        if !notifications.isEmpty {
            members.append(("toolExecutionNotifications", .array(notifications)))
        }
        return .object(members)
    }

    // MARK: - Helpers

    private func artifactLocation(_ path: String) -> JSONValue {
        .object([
            ("uri", .string(URIEncoding.relativeReference(path))),
            ("uriBaseId", .string(Self.sourceRootID)),
        ])
    }

    private func message(_ text: String) -> JSONValue {
        .object([("text", .string(text))])
    }
}
