import Foundation

/// The text of the `pre-push` hook that `poolreview hook install` writes.
///
/// The script is POSIX `sh`. It first runs the hook it replaced, which is kept next to it as
/// `pre-push.local`, and then `poolreview pre-push` with git's arguments. Both read the same
/// standard input, because the script saves it to a temporary file once.
enum HookScript {
    /// The line that marks a hook as written by poolreview. `hook uninstall` removes only a hook that
    /// contains it, and `hook install` rewrites such a hook without asking.
    static let marker = "# poolreview:pre-push-hook"

    /// The file name git runs before a push.
    static let hookName = "pre-push"
    /// The name an existing hook gets when the poolreview hook chains to it.
    static let chainedName = "pre-push.local"
    /// The name of the copy `hook install --force` keeps of the hook it replaces.
    static let backupName = "pre-push.poolreview-backup"

    /// Returns the script that runs `binary` in `mode`.
    static func text(binary: String, mode: HookMode) -> String {
        """
        #!/bin/sh
        \(marker)
        # Installed by 'poolreview hook install'. 'poolreview hook uninstall' removes this file and
        # moves \(chainedName), the hook that runs first, back to \(hookName).
        # Mode \(mode.rawValue): \(modeSummary(mode))

        poolreview=\(shellQuoted(binary))
        mode=\(mode.rawValue)
        chained_hook="$(dirname -- "$0")/\(chainedName)"

        if [ ! -x "$poolreview" ]; then
            if command -v poolreview >/dev/null 2>&1; then
                echo "poolreview hook: $poolreview is missing, so $(command -v poolreview) from PATH runs instead;" \\
                    "run 'poolreview hook install' again to record its path." >&2
                poolreview=poolreview
            else
                echo "poolreview hook: $poolreview is missing and there is no poolreview on PATH." >&2
                poolreview=
            fi
        fi

        if [ -x "$chained_hook" ]; then
            # Both hooks read git's list of pushed refs, so it is saved once and given to each.
            pushed_refs=$(mktemp "${TMPDIR:-/tmp}/poolreview-pre-push.XXXXXX") || exit 1
            trap 'rm -f "$pushed_refs"' EXIT
            trap 'exit 129' HUP
            trap 'exit 130' INT
            trap 'exit 143' TERM
            cat >"$pushed_refs"
            "$chained_hook" "$@" <"$pushed_refs" || exit $?
            exec <"$pushed_refs"
        fi

        if [ -z "$poolreview" ]; then
            if [ "$mode" = block ]; then
                echo "poolreview hook: the push is stopped (block mode). Install poolreview again, remove" \\
                    "this hook with 'poolreview hook uninstall', or push with 'git push --no-verify'." >&2
                exit 1
            fi
            echo "poolreview hook: the push goes ahead without a review (warn mode)." >&2
            exit 0
        fi

        "$poolreview" pre-push --mode "$mode" "$@"

        """
    }

    /// True when `contents` is a hook that poolreview wrote.
    static func isInstalledByPoolreview(_ contents: String) -> Bool {
        contents.split(separator: "\n", omittingEmptySubsequences: false).contains { line in
            line.trimmingCharacters(in: .whitespaces) == marker
        }
    }

    /// The mode written in a hook that poolreview wrote, or nil when it cannot be read.
    static func installedMode(_ contents: String) -> HookMode? {
        for line in contents.split(separator: "\n") where line.hasPrefix("mode=") {
            return HookMode(rawValue: String(line.dropFirst("mode=".count)))
        }
        return nil
    }

    private static func modeSummary(_ mode: HookMode) -> String {
        switch mode {
        case .warn: "findings are printed and the push goes ahead."
        case .block: "a finding of severity error stops the push."
        }
    }

    /// Quotes `text` for `sh` with single quotes, so no character in it is special.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
