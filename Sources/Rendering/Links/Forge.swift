/// A code hosting service whose web pages show a file at a commit with lines highlighted.
public enum Forge: String, Sendable, Hashable, CaseIterable {
    case github
    case gitlab
    case bitbucket

    /// Builds the URL of lines of a file at a revision, with the line anchor syntax of the
    /// forge's file view. Both the path and the revision arrive percent-encoded.
    func lineURL(repositoryURL: String, revision: String, path: String, line: Int, endLine: Int) -> String {
        let isRange = endLine > line
        switch self {
        case .github:
            return repositoryURL + "/blob/" + revision + "/" + path + "#L\(line)" + (isRange ? "-L\(endLine)" : "")
        case .gitlab:
            return repositoryURL + "/-/blob/" + revision + "/" + path + "#L\(line)" + (isRange ? "-\(endLine)" : "")
        case .bitbucket:
            return repositoryURL + "/src/" + revision + "/" + path + "#lines-\(line)" + (isRange ? ":\(endLine)" : "")
        }
    }
}

/// Checks of the `https` URLs that the caller gives for the repository.
enum RepositoryURL {
    /// Returns the repository URL without a trailing `/` or `.git`, such as
    /// `https://gitlab.example.com/group/project`.
    ///
    /// - Throws: `RenderingError.invalidRepositoryURL` unless the URL is `https` with a host, and
    ///   has no user name, query, fragment, space, control or non-ASCII character.
    static func validated(_ url: String) throws -> String {
        guard let authority = authority(of: url), !authority.isEmpty, !authority.contains("@"),
            !url.contains("?"), !url.contains("#"), url.utf8.allSatisfy(URIEncoding.isAllowedInURL)
        else {
            throw RenderingError.invalidRepositoryURL(url)
        }

        var trimmed = Substring(url)
        while trimmed.hasSuffix("/") {
            trimmed = trimmed.dropLast()
        }
        if trimmed.hasSuffix(".git") {
            trimmed = trimmed.dropLast(4)
        }
        return String(trimmed)
    }

    /// Returns the host and port after `https://`, up to the first `/`, `?` or `#`, or nil when
    /// the text does not start with `https://` in any letter case.
    static func authority(of url: some StringProtocol) -> Substring? {
        let scheme = "https://"
        guard url.lowercased().hasPrefix(scheme) else { return nil }
        let rest = url.dropFirst(scheme.count)
        return Substring(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }
}
