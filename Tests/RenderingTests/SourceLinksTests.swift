import Rendering
import ReviewModel
import Testing

@Suite("Source links")
struct SourceLinksTests {
    static let sha = "9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c"

    // MARK: - Forges

    struct ForgeCase: Sendable, CustomTestStringConvertible {
        var forge: Forge
        var repositoryURL: String
        var path: String
        var lines: ClosedRange<Int>
        var expected: String?

        var testDescription: String { "\(forge) \(repositoryURL) \(path):\(lines)" }
    }

    static let forgeCases: [ForgeCase] = [
        ForgeCase(
            forge: .github, repositoryURL: "https://github.com/owner/repo", path: "internal/render/buffer.go", lines: 42...42,
            expected: "https://github.com/owner/repo/blob/\(sha)/internal/render/buffer.go#L42"),
        ForgeCase(
            forge: .github, repositoryURL: "https://github.com/owner/repo", path: "a.go", lines: 57...59,
            expected: "https://github.com/owner/repo/blob/\(sha)/a.go#L57-L59"),
        ForgeCase(
            forge: .gitlab, repositoryURL: "https://gitlab.com/group/sub/project/", path: "a.go", lines: 57...59,
            expected: "https://gitlab.com/group/sub/project/-/blob/\(sha)/a.go#L57-59"),
        ForgeCase(
            forge: .gitlab, repositoryURL: "https://git.example.com:8443/team/project", path: "cmd/main.go", lines: 7...7,
            expected: "https://git.example.com:8443/team/project/-/blob/\(sha)/cmd/main.go#L7"),
        ForgeCase(
            forge: .bitbucket, repositoryURL: "https://bitbucket.org/team/repo.git", path: "a.go", lines: 57...59,
            expected: "https://bitbucket.org/team/repo/src/\(sha)/a.go#lines-57:59"),
        ForgeCase(
            forge: .bitbucket, repositoryURL: "https://bitbucket.org/team/repo", path: "a.go", lines: 3...3,
            expected: "https://bitbucket.org/team/repo/src/\(sha)/a.go#lines-3"),
        ForgeCase(
            forge: .github, repositoryURL: "https://github.com/owner/repo", path: "dir with space/ü#?%:.go", lines: 1...1,
            expected: "https://github.com/owner/repo/blob/\(sha)/dir%20with%20space/%C3%BC%23%3F%25%3A.go#L1"),
        ForgeCase(
            forge: .github, repositoryURL: "https://github.com/owner/repo", path: "a\n)](javascript:x)\u{202E}.go", lines: 1...1,
            expected: "https://github.com/owner/repo/blob/\(sha)/a%0A%29%5D%28javascript%3Ax%29%E2%80%AE.go#L1"),
        ForgeCase(forge: .github, repositoryURL: "https://github.com/owner/repo", path: "a//b.go", lines: 1...1, expected: nil),
        ForgeCase(forge: .github, repositoryURL: "https://github.com/owner/repo", path: "../../x.go", lines: 1...1, expected: nil),
        ForgeCase(forge: .github, repositoryURL: "https://github.com/owner/repo", path: "./x.go", lines: 1...1, expected: nil),
        ForgeCase(forge: .github, repositoryURL: "https://github.com/owner/repo", path: "/etc/passwd", lines: 1...1, expected: nil),
        ForgeCase(forge: .github, repositoryURL: "https://github.com/owner/repo", path: "", lines: 1...1, expected: nil),
    ]

    @Test(arguments: forgeCases)
    func forgeLinkHasForgeLineSyntax(_ testCase: ForgeCase) throws {
        let links = try SourceLinks(forge: testCase.forge, repositoryURL: testCase.repositoryURL, revision: Self.sha)
        let url = links.url(path: testCase.path, line: testCase.lines.lowerBound, endLine: testCase.lines.upperBound)
        #expect(url == testCase.expected)
    }

    @Test(arguments: [
        "http://github.com/owner/repo", "https://user@github.com/owner/repo", "https://github.com/owner/repo?tab=1",
        "https://github.com/owner/repo#readme", "https:///owner/repo", "https://", "https://github.com/owner/re po",
        "git@github.com:owner/repo.git", "https://github.com/ö/repo", "https://github.com/owner/repo\n", "javascript:alert(1)",
    ])
    func invalidRepositoryURLIsRejected(url: String) {
        #expect(throws: RenderingError.invalidRepositoryURL(url)) {
            try SourceLinks(forge: .github, repositoryURL: url, revision: Self.sha)
        }
    }

    // MARK: - Templates

    @Test(arguments: [
        ("https://git.example.com/{path}#L{line}", "https://git.example.com/pkg/a%20b.go#L57"),
        (
            "https://git.example.com/repo/blob/{sha}/{path}#L{line}-L{endLine}",
            "https://git.example.com/repo/blob/\(SourceLinksTests.sha)/pkg/a%20b.go#L57-L59"
        ),
        ("HTTPS://git.example.com/view?file={path}&rev={sha}&line={line}", "HTTPS://git.example.com/view?file=pkg/a%20b.go&rev=\(SourceLinksTests.sha)&line=57"),
        ("https://git.example.com:8080/{path}/{path}", "https://git.example.com:8080/pkg/a%20b.go/pkg/a%20b.go"),
    ])
    func templateFillsPlaceholders(template: String, expected: String) throws {
        let links = try SourceLinks(template: template, revision: Self.sha)
        #expect(links.url(path: "pkg/a b.go", line: 57, endLine: 59) == expected)
    }

    @Test func templateGivesNoLinkForDotSegments() throws {
        let links = try SourceLinks(template: "https://git.example.com/{path}", revision: Self.sha)
        #expect(links.url(path: "pkg/../../secret", line: 1, endLine: 1) == nil)
    }

    @Test(arguments: ["http://git.example.com/{path}", "ftp://git.example.com/{path}", "{path}", "//git.example.com/{path}", ""])
    func templateWithoutHTTPSIsRejected(template: String) {
        #expect(throws: RenderingError.sourceLinkTemplateNotHTTPS(template: template)) {
            try SourceLinks(template: template, revision: Self.sha)
        }
    }

    @Test(arguments: [
        ("https://git.example.com/{file}", "file"),
        ("https://git.example.com/{path}#L{Line}", "Line"),
        ("https://git.example.com/{path}#L{line}-{end_line}", "end_line"),
        ("https://git.example.com/{}{path}", ""),
        ("https://git.example.com/{pa{th}", "pa{th"),
    ])
    func unknownPlaceholderIsNamed(template: String, name: String) {
        #expect(throws: RenderingError.unknownSourceLinkPlaceholder(name, template: template)) {
            try SourceLinks(template: template, revision: Self.sha)
        }
    }

    @Test func unknownPlaceholderMessageNamesIt() {
        let error = RenderingError.unknownSourceLinkPlaceholder("file", template: "https://git.example.com/{file}")
        #expect(error.description.contains("unknown placeholder '{file}'"))
        #expect(error.description.contains("{path}, {line}, {endLine} or {sha}"))
    }

    @Test(arguments: [
        "https://git.example.com/{path", "https://git.example.com/}{path}", "https://git.example.com{path}",
        "https://{sha}.example.com/{path}", "https://git.{sha}/{path}", "https://user@git.example.com/{path}",
        "https://git.example.com/blob/main", "https://git.example.com/a b/{path}", "https://git.example.com/{path}\n",
        "https://git.example.com/\u{202E}/{path}", "https://git.example.com/<x>/{path}",
    ])
    func malformedTemplateIsRejected(template: String) {
        do {
            _ = try SourceLinks(template: template, revision: Self.sha)
            Issue.record("the template was accepted")
        } catch RenderingError.invalidSourceLinkTemplate(let rejected, _) {
            #expect(rejected == template)
        } catch {
            Issue.record("expected invalidSourceLinkTemplate, got \(error)")
        }
    }

    @Test func errorMessageShowsControlCharactersVisibly() {
        let error = RenderingError.invalidSourceLinkTemplate(template: "https://x/\u{1B}[2J{path}", reason: "it contains a control character")
        #expect(error.description.contains("https://x/<U+001B>[2J{path}"))
        #expect(!error.description.unicodeScalars.contains("\u{1B}"))
    }

    @Test func builderLinksMarkdownLocations() throws {
        let links = try SourceLinks(forge: .github, repositoryURL: "https://github.com/owner/repo", revision: Self.sha)
        let options = RenderOptions(toolVersion: "1", sourceLink: links.builder)
        let output = try MarkdownRenderer().render(Fixtures.reportWithFindings, checklist: Fixtures.checklist, options: options)
        #expect(output.contains(
            "[`internal/render/buffer.go:57-59`](https://github.com/owner/repo/blob/\(Self.sha)/internal/render/buffer.go#L57-L59)"))
    }

    // MARK: - Remote URLs

    @Test(arguments: [
        ("git@github.com:owner/repo.git", Forge.github, "https://github.com/owner/repo"),
        ("https://github.com/owner/repo", .github, "https://github.com/owner/repo"),
        ("https://github.com/owner/repo.git/", .github, "https://github.com/owner/repo"),
        ("http://github.com/owner/repo", .github, "https://github.com/owner/repo"),
        ("ssh://git@github.com/owner/repo.git", .github, "https://github.com/owner/repo"),
        ("ssh://git@ssh.github.com:443/owner/repo.git", .github, "https://github.com/owner/repo"),
        ("git://github.com/owner/repo.git", .github, "https://github.com/owner/repo"),
        ("git+ssh://git@github.com/owner/repo", .github, "https://github.com/owner/repo"),
        ("https://x-access-token:ghs_secret@github.com/owner/repo.git", .github, "https://github.com/owner/repo"),
        ("GIT@GitHub.COM:Owner/My.Repo_2-x.git", .github, "https://github.com/Owner/My.Repo_2-x"),
        ("github.com:owner/repo", .github, "https://github.com/owner/repo"),
        ("ssh://git@gitlab.com/group/sub/repo.git", .gitlab, "https://gitlab.com/group/sub/repo"),
        ("git@gitlab.com:group/sub/deeper/repo.git", .gitlab, "https://gitlab.com/group/sub/deeper/repo"),
        ("https://gitlab.com/group/repo", .gitlab, "https://gitlab.com/group/repo"),
        ("ssh://git@altssh.gitlab.com:443/group/repo.git", .gitlab, "https://gitlab.com/group/repo"),
        ("git@bitbucket.org:team/repo.git", .bitbucket, "https://bitbucket.org/team/repo"),
        ("https://user@bitbucket.org/team/repo.git", .bitbucket, "https://bitbucket.org/team/repo"),
        ("ssh://git@altssh.bitbucket.org:443/team/repo.git", .bitbucket, "https://bitbucket.org/team/repo"),
    ])
    func remoteURLNamesForgeAndWebPage(remote: String, forge: Forge, repositoryURL: String) {
        #expect(GitRemote(remoteURL: remote) == GitRemote(forge: forge, repositoryURL: repositoryURL))
    }

    @Test(arguments: [
        "git@git.example.com:owner/repo.git", "https://gitlab.example.com/group/repo", "https://github.com.evil.example/owner/repo",
        "https://evil.example/github.com/owner/repo", "/srv/git/repo.git", "../repo", "file:///srv/git/repo.git",
        "C:\\repos\\repo", "", "github.com/owner/repo", "ftp://github.com/owner/repo", "https://github.com/owner",
        "https://github.com/owner/repo/extra", "https://bitbucket.org/team/repo/extra", "https://gitlab.com/group",
        "https://github.com/owner/repo?tab=readme", "https://github.com/owner/repo#readme", "https://github.com/owner/re po",
        "https://github.com//repo", "https://gitlab.com/group/../repo", "https://github.com/owner/%2e%2e",
        "https://github.com/owner/repo\n", "https://github.com/owner/rep\u{202E}o", "https://github.com/ownér/repo",
        "ssh://[::1]/owner/repo.git",
    ])
    func unknownOrMalformedRemoteGivesNil(remote: String) {
        #expect(GitRemote(remoteURL: remote) == nil)
    }

    @Test func parsedRemoteBuildsLinks() throws {
        let remote = try #require(GitRemote(remoteURL: "git@gitlab.com:group/sub/repo.git"))
        let links = try SourceLinks(forge: remote.forge, repositoryURL: remote.repositoryURL, revision: Self.sha)
        #expect(links.url(path: "a.go", line: 2, endLine: 2) == "https://gitlab.com/group/sub/repo/-/blob/\(Self.sha)/a.go#L2")
    }
}
