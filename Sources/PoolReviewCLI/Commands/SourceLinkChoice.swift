import GitReader
import Rendering
import ReviewModel

/// Chooses how file and line links in the output are built: from `--link-template` or the
/// configuration's `linkTemplate`, else from the forge of the CI job or of the `origin` remote
/// (GitHub, GitLab, Bitbucket), else no links.
struct SourceLinkChoice {
    let builder: RenderOptions.SourceLinkBuilder?

    init(tool: PoolReviewTool, template: String?, repositoryPath: String, head: Revision) throws {
        if let template {
            do {
                builder = try SourceLinks(template: template, revision: head.sha).builder
            } catch {
                // The rendering error already names the template and the fix.
                throw CommandError.checklist(String(describing: error))
            }
            return
        }
        guard let remote = Self.remote(tool: tool, repositoryPath: repositoryPath),
              let links = try? SourceLinks(forge: remote.forge, repositoryURL: remote.repositoryURL, revision: head.sha)
        else {
            builder = nil
            return
        }
        builder = links.builder
    }

    /// Returns the forge repository of the CI job (GitHub Actions, GitLab CI), else of `origin`.
    private static func remote(tool: PoolReviewTool, repositoryPath: String) -> GitRemote? {
        let environment = tool.environment
        if let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"],
           server == "https://github.com" {
            return GitRemote(forge: .github, repositoryURL: server + "/" + repository)
        }
        if let project = environment["CI_PROJECT_URL"], project.hasPrefix("https://gitlab.com/") {
            return GitRemote(forge: .gitlab, repositoryURL: project)
        }
        guard let repository = try? GitRepository(discoveringFrom: repositoryPath),
              let url = try? repository.remoteURL(named: "origin") else { return nil }
        return GitRemote(remoteURL: url)
    }
}
