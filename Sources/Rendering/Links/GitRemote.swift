/// The forge and web address of a repository, read from a git remote URL.
public struct GitRemote: Sendable, Hashable {
    public var forge: Forge
    /// The repository's web page without a trailing `/`, such as `https://github.com/owner/repo`.
    public var repositoryURL: String

    public init(forge: Forge, repositoryURL: String) {
        self.forge = forge
        self.repositoryURL = repositoryURL
    }

    /// Parses the URL of a git remote on GitHub, GitLab or Bitbucket Cloud.
    ///
    /// Accepted forms are `scheme://[user@]host[:port]/path` with the schemes `https`, `http`,
    /// `ssh`, `git`, `git+ssh` and `ssh+git`, and the scp-like `[user@]host:path`. The path
    /// loses a trailing `/` and `.git`. GitHub and Bitbucket paths must be `owner/repo`, and
    /// GitLab paths may nest groups (`group/subgroup/project`). The user name, password and
    /// port are dropped, so a token in the remote URL never reaches a link.
    ///
    /// Returns nil for other hosts (including self-hosted forges, which need
    /// `SourceLinks(forge:repositoryURL:revision:)`), local paths, queries, fragments and
    /// path segments with characters other than letters, digits, `.`, `_` and `-`.
    public init?(remoteURL: String) {
        guard let parts = Self.hostAndPath(of: remoteURL), let known = Self.knownHosts[parts.host.lowercased()] else {
            return nil
        }
        let forge = known.forge

        var trimmed = parts.path
        while trimmed.hasPrefix("/") {
            trimmed = trimmed.dropFirst()
        }
        while trimmed.hasSuffix("/") {
            trimmed = trimmed.dropLast()
        }
        if trimmed.hasSuffix(".git") {
            trimmed = trimmed.dropLast(4)
        }

        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let countFits = forge == .gitlab ? segments.count >= 2 : segments.count == 2
        guard countFits, segments.allSatisfy(Self.isValidSegment) else { return nil }

        self.init(forge: forge, repositoryURL: "https://" + known.webHost + "/" + segments.joined(separator: "/"))
    }

    // MARK: - Helpers

    /// The hosts of the public forges and the host of their web pages. The `ssh.` and `altssh.`
    /// hosts serve SSH on port 443 for networks that block port 22.
    private static let knownHosts: [String: (forge: Forge, webHost: String)] = [
        "github.com": (.github, "github.com"),
        "www.github.com": (.github, "github.com"),
        "ssh.github.com": (.github, "github.com"),
        "gitlab.com": (.gitlab, "gitlab.com"),
        "www.gitlab.com": (.gitlab, "gitlab.com"),
        "altssh.gitlab.com": (.gitlab, "gitlab.com"),
        "bitbucket.org": (.bitbucket, "bitbucket.org"),
        "www.bitbucket.org": (.bitbucket, "bitbucket.org"),
        "altssh.bitbucket.org": (.bitbucket, "bitbucket.org"),
    ]

    private static let schemes: Set<String> = ["https", "http", "ssh", "git", "git+ssh", "ssh+git"]

    /// Splits a remote URL into its host, without user name and port, and its path.
    private static func hostAndPath(of remoteURL: String) -> (host: Substring, path: Substring)? {
        let url = Substring(remoteURL)
        guard !url.contains("?"), !url.contains("#"), !url.contains(where: \.isWhitespace) else { return nil }

        if let separator = url.firstRange(of: "://") {
            guard schemes.contains(url[..<separator.lowerBound].lowercased()) else { return nil }
            let rest = url[separator.upperBound...]
            let authority = rest.prefix { $0 != "/" }
            let host = withoutUserAndPort(authority)
            return host.isEmpty ? nil : (host, rest.dropFirst(authority.count))
        }

        // The scp-like form has a colon before any slash. Git reads anything else as a local path.
        guard let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") else { return nil }
        let host = withoutUserAndPort(url[..<colon])
        return host.isEmpty ? nil : (host, url[url.index(after: colon)...])
    }

    private static func withoutUserAndPort(_ authority: Substring) -> Substring {
        let hostAndPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        return hostAndPort.prefix { $0 != ":" }
    }

    private static func isValidSegment(_ segment: Substring) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        return segment.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
    }
}
