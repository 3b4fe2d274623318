import Rendering

/// The help texts of the command line.
enum Usage {
    static let main = """
    poolreview \(PoolReviewTool.version): reviews a git diff of Go code for object-pool misuse.

    Usage: poolreview COMMAND [OPTIONS]

    Commands:
      review      Review the Go changes between two revisions and write the review.
      hook        Install or uninstall the pre-push hook of a repository.
      pre-push    Review a push; git runs it through the installed pre-push hook.
      pre-commit  Review a push for the pre-commit framework's pre-push stage.
      checklist   List the 12 checklist items the review checks.
      explain     Explain a checklist item or a bug shape.
      help        Show the help of a command.

    Options:
      -h, --help  Show this help.
      --version   Show the version.

    Run 'poolreview help COMMAND' for the options of a command.

    """

    /// The names of the output formats this build has, for the help text.
    private static let formatNames = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")

    static let commands: [String: String] = [
        "review": """
        Usage: poolreview review [BASE..HEAD | BASE...HEAD | BASE] [OPTIONS]

        Reviews the Go files that changed between BASE and HEAD and writes a review comment.
        BASE...HEAD reviews from the merge base of the two. Without a range, HEAD is reviewed
        against its merge base with the current branch's upstream, else with origin/HEAD,
        main or master; the output names the base it chose.

        In CI (--ci, or CI set and no range, --base, --head or --all given) the range comes
        from the environment: the GitHub Actions event file (pull_request,
        pull_request_target, merge_group and push events) or GitLab CI's variables (merge
        request and push pipelines). --base and --head still win over it.

        Options:
          --repo DIR          The repository, or any folder inside it (default: the current folder).
          --base REV          The base revision; overrides the range's base.
          --head REV          The head revision; overrides the range's head (default: HEAD).
          --all               Review every Go file at HEAD as if it were new.
          --ci                Take the range from the GitHub Actions or GitLab CI environment,
                              and fail when there is none.
          --format FORMAT     \(formatNames) (default: markdown).
          --output FILE       Write the --format output to FILE instead of standard output.
          --output FORMAT=FILE
                              Also write FORMAT to FILE; repeat for more files. Each file is
                              written whole or not at all.
          --template FILE     A Markdown template to use instead of the built-in one.
          --fail-on LEVEL     Exit with 1 only for a finding of severity LEVEL or higher:
                              error, warning, info (default: any finding) or never.
          --annotations       Also print the findings as GitHub workflow commands on standard
                              output, so GitHub shows them on the changed lines.
          --no-step-summary   In GitHub Actions, do not append the Markdown review to the file
                              named by GITHUB_STEP_SUMMARY.
          --config-from SOURCE
                              Where .poolreview.json is read from: head, base, none or a file
                              path (default: base in CI, so a change cannot switch off its own
                              review; head elsewhere).
          --write-baseline FILE
                              Record the findings of this review in FILE.
          --baseline FILE     Hide the findings recorded in FILE; they match by item, path and
                              statement text, so moved lines stay hidden.
          --link-template URL Link findings to URL, an https template with {path}, {line},
                              {endLine} and {sha} (default: the forge of the CI job or of
                              origin, when it is GitHub, GitLab or Bitbucket).
          -h, --help          Show this help.

        Exit status: 0 without findings (or none at the --fail-on level), 1 with findings, 2 for
        a usage, repository or revision error.

        """,
        "hook": """
        Usage: poolreview hook install [--repo DIR] [--mode warn|block] [--force]
               poolreview hook uninstall [--repo DIR]

        install writes a pre-push hook into the repository's hooks folder (core.hooksPath, or
        the shared git directory's hooks folder, also for linked worktrees). The hook runs this
        binary by its absolute path, and poolreview from PATH if the binary has moved.
        An existing pre-push hook is renamed to pre-push.local and runs first with the same
        input. Installing again updates the hook in place.

        uninstall removes the hook only if poolreview wrote it, and moves pre-push.local back.

        Options:
          --repo DIR          The repository, or any folder inside it (default: the current folder).
          --mode MODE         warn (default): print findings and let the push go ahead.
                              block: stop a push that has a finding of severity error.
          --force             Replace an existing hook instead of running it first; a copy is
                              kept as pre-push.poolreview-backup.
          -h, --help          Show this help.

        """,
        "pre-push": """
        Usage: poolreview pre-push REMOTE [URL] [--mode warn|block] [--repo DIR]

        Implements git's pre-push hook: reads '<local ref> <local sha> <remote ref> <remote sha>'
        lines on standard input and reviews each distinct range once, in the terse text format.
        A deletion is skipped. An existing remote branch is reviewed as remote sha..local sha.
        A new branch, a forced push, or a remote commit missing here is reviewed from the merge
        base with the nearest remote-tracking branch of REMOTE, else REMOTE/HEAD, main or master;
        when none shares history, nothing is reviewed.

        Options:
          --mode MODE         warn (default): always exit 0, even when the review fails.
                              block: exit 1 for a finding of severity error, and 2 when the
                              review fails.
          --repo DIR          The repository, or any folder inside it (default: the current folder).
          -h, --help          Show this help.

        """,
        "pre-commit": """
        Usage: poolreview pre-commit [--mode warn|block] [--repo DIR]

        Reviews a push for the pre-commit framework's pre-push stage. The range is
        PRE_COMMIT_FROM_REF..PRE_COMMIT_TO_REF; when pre-commit sets only PRE_COMMIT_REMOTE_NAME
        and PRE_COMMIT_LOCAL_BRANCH, the base follows the pre-push rule for a new branch; without
        any of them, HEAD is reviewed against its default base. Output and exit status are those
        of 'poolreview pre-push'.

        Options:
          --mode MODE         warn (default) or block, as for 'poolreview pre-push'.
          --repo DIR          The repository, or any folder inside it (default: the current folder).
          -h, --help          Show this help.

        """,
        "checklist": """
        Usage: poolreview checklist

        Lists the 12 checklist items: number, id, title, the reviewer's question and the
        default severity.

        """,
        "explain": """
        Usage: poolreview explain ITEM-OR-BUG

        Explains a checklist item (by id, such as deferred-put, or by number) and the bugs it
        links to, or one bug shape (by id, such as forgotten-reset).

        """,
        "help": """
        Usage: poolreview help [COMMAND]

        Shows the help of a command, or the list of commands.

        """,
    ]
}
