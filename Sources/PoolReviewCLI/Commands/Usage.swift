/// The help texts of the command line.
enum Usage {
    static let main = """
    poolreview \(PoolReviewTool.version): reviews a git diff of Go code for object-pool misuse.

    Usage: poolreview COMMAND [OPTIONS]

    Commands:
      review      Review the Go changes between two revisions and write the review.
      checklist   List the 12 checklist items the review checks.
      explain     Explain a checklist item or a bug shape.
      help        Show the help of a command.

    Options:
      -h, --help  Show this help.
      --version   Show the version.

    Run 'poolreview help COMMAND' for the options of a command.

    """

    static let commands: [String: String] = [
        "review": """
        Usage: poolreview review [BASE..HEAD | BASE...HEAD | BASE] [OPTIONS]

        Reviews the Go files that changed between BASE and HEAD and writes a review comment.
        BASE...HEAD reviews from the merge base of the two. Without a range, HEAD is reviewed
        against its merge base with the current branch's upstream, else with origin/HEAD,
        main or master; the output names the base it chose.

        Options:
          --repo DIR          The repository, or any folder inside it (default: the current folder).
          --base REV          The base revision; overrides the range's base.
          --head REV          The head revision; overrides the range's head (default: HEAD).
          --all               Review every Go file at HEAD as if it were new.
          --format FORMAT     markdown (default), text or json.
          --output FILE       Write the review to FILE instead of standard output.
          --template FILE     A Markdown template to use instead of the built-in one.
          -h, --help          Show this help.

        Exit status: 0 without findings, 1 with findings, 2 for a usage, repository or
        revision error.

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
