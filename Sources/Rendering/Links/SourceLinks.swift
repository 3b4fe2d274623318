/// Builds web links to the head-side lines of a finding, for `RenderOptions.sourceLink`.
///
/// A link comes from a forge's URL scheme or from a template with the placeholders `{path}`,
/// `{line}`, `{endLine}` and `{sha}`, such as `https://git.example.com/{path}#L{line}`. Each
/// path segment and the revision are percent-encoded, so a path cannot add a query, a fragment
/// or another host to the link. A path with an empty, `.` or `..` segment gets no link.
public struct SourceLinks: Sendable {
    /// The placeholder names a template may use, without braces.
    public static let placeholders = ["path", "line", "endLine", "sha"]

    private let pattern: Pattern
    private let encodedRevision: String

    private enum Pattern: Sendable {
        case forge(Forge, repositoryURL: String)
        case template([TemplatePart])
    }

    private enum TemplatePart: Sendable {
        case literal(String)
        case path
        case line
        case endLine
        case sha
    }

    /// Links to files at `revision` on a forge.
    ///
    /// - Parameters:
    ///   - repositoryURL: the repository's web page, such as `https://github.com/owner/repo`
    ///     or a self-hosted GitLab project. A trailing `/` or `.git` is dropped.
    ///   - revision: the full commit id of the reviewed head.
    /// - Throws: `RenderingError.invalidRepositoryURL` unless the URL is `https` with a host
    ///   and without a user name, query or fragment.
    public init(forge: Forge, repositoryURL: String, revision: String) throws {
        pattern = .forge(forge, repositoryURL: try RepositoryURL.validated(repositoryURL))
        encodedRevision = URIEncoding.encodedSegment(revision)
    }

    /// Links to files through a URL template given by the user.
    ///
    /// - Parameters:
    ///   - template: an `https` URL with its host written out before the first placeholder and
    ///     a `{path}` placeholder. The placeholders `{line}`, `{endLine}` and `{sha}` are optional.
    ///   - revision: the full commit id that `{sha}` stands for.
    /// - Throws: `RenderingError.sourceLinkTemplateNotHTTPS` for another scheme,
    ///   `RenderingError.unknownSourceLinkPlaceholder` naming the first unknown placeholder,
    ///   and `RenderingError.invalidSourceLinkTemplate` for an unclosed brace, a host that is
    ///   not written out, a missing `{path}` or a character that a URL cannot contain.
    public init(template: String, revision: String) throws {
        pattern = .template(try Self.parse(template))
        encodedRevision = URIEncoding.encodedSegment(revision)
    }

    /// Returns the link to `line...endLine` of the file at `path`, or nil when the path has an
    /// empty, `.` or `..` segment.
    public func url(path: String, line: Int, endLine: Int) -> String? {
        guard let encodedPath = URIEncoding.linkPath(path) else { return nil }

        switch pattern {
        case .forge(let forge, let repositoryURL):
            return forge.lineURL(
                repositoryURL: repositoryURL, revision: encodedRevision, path: encodedPath, line: line, endLine: endLine)
        case .template(let parts):
            return parts.map { part in
                switch part {
                case .literal(let text): text
                case .path: encodedPath
                case .line: String(line)
                case .endLine: String(endLine)
                case .sha: encodedRevision
                }
            }.joined()
        }
    }

    /// The link builder for `RenderOptions.sourceLink`.
    public var builder: RenderOptions.SourceLinkBuilder {
        { path, line, endLine in url(path: path, line: line, endLine: endLine) }
    }

    // MARK: - Template parsing

    private static func parse(_ template: String) throws -> [TemplatePart] {
        guard RepositoryURL.authority(of: template) != nil else {
            throw RenderingError.sourceLinkTemplateNotHTTPS(template: template)
        }

        var parts: [TemplatePart] = []
        var literal = ""
        var rest = Substring(template)
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == "}" {
                throw RenderingError.invalidSourceLinkTemplate(template: template, reason: "a '}' has no opening '{'")
            }
            guard character == "{" else {
                literal.append(character)
                continue
            }

            guard let close = rest.firstIndex(of: "}") else {
                throw RenderingError.invalidSourceLinkTemplate(template: template, reason: "a '{' has no closing '}'")
            }
            let name = rest[..<close]
            rest = rest[rest.index(after: close)...]
            parts.append(.literal(literal))
            literal = ""
            parts.append(try placeholder(named: name, in: template))
        }
        parts.append(.literal(literal))

        try checkLiterals(of: parts, in: template)
        return parts.filter { if case .literal(let text) = $0 { !text.isEmpty } else { true } }
    }

    private static func placeholder(named name: Substring, in template: String) throws -> TemplatePart {
        switch name {
        case "path": return .path
        case "line": return .line
        case "endLine": return .endLine
        case "sha": return .sha
        default: throw RenderingError.unknownSourceLinkPlaceholder(String(name), template: template)
        }
    }

    /// Checks that the host ends before the first placeholder, that `{path}` is present and that
    /// the literal text is made of characters a URL may contain.
    private static func checkLiterals(of parts: [TemplatePart], in template: String) throws {
        guard case .literal(let head) = parts.first, let authority = RepositoryURL.authority(of: head),
            !authority.isEmpty, !authority.contains("@"),
            head.dropFirst("https://".count + authority.count).first != nil || parts.count == 1
        else {
            throw RenderingError.invalidSourceLinkTemplate(
                template: template, reason: "the host must be written out, without a user name, before the first placeholder")
        }
        guard parts.contains(where: { if case .path = $0 { true } else { false } }) else {
            throw RenderingError.invalidSourceLinkTemplate(template: template, reason: "it has no {path} placeholder")
        }
        for case .literal(let text) in parts where !text.utf8.allSatisfy(URIEncoding.isAllowedInURL) {
            throw RenderingError.invalidSourceLinkTemplate(
                template: template,
                reason: "it contains a space, a control or non-ASCII character, or one of \" < > \\ ^ ` |; percent-encode it")
        }
    }
}
