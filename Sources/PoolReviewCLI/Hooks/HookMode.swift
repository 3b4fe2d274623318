/// How a hook reacts to findings and to its own failures.
///
/// `warn` is the default, because a new linter that stops pushes on heuristic findings tends to
/// be uninstalled. `block` is opt-in for teams that trust the findings.
enum HookMode: String, CaseIterable {
    /// Print the findings and let the push go ahead, whatever they are. A failure of the review
    /// itself (a broken repository, a bug) is printed and the push still goes ahead.
    case warn
    /// Stop the push (exit status 1) when a finding has severity `error`, and stop it (exit
    /// status 2) when the review itself fails.
    case block

    static let optionName = "--mode"

    /// Parses the `--mode` value of `command`; nil gives the default, `warn`.
    static func parse(_ value: String?, command: String) throws(UsageError) -> HookMode {
        guard let value else { return .warn }
        guard let mode = HookMode(rawValue: value) else {
            throw .invalidValue(option: optionName, value: value, expected: "warn or block", command: command)
        }
        return mode
    }

    /// Returns the mode that raw `arguments` request, to handle a failure before they parse:
    /// `block` when `--mode block` or `--mode=block` appears, and `warn` otherwise.
    static func requested(in arguments: [String]) -> HookMode {
        for (index, argument) in arguments.enumerated() {
            if argument == optionName + "=" + HookMode.block.rawValue { return .block }
            if argument == optionName, index + 1 < arguments.count, arguments[index + 1] == HookMode.block.rawValue {
                return .block
            }
        }
        return .warn
    }
}
