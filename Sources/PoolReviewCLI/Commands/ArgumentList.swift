/// A small hand-written option parser: the toolchain ships no argument-parsing library and
/// no outside package can be fetched, so this covers the long options the commands use.
///
/// Options take the forms `--name value`, `--name=value` and `--flag`; `--` ends the options.
struct ArgumentList {
    /// The option names a command accepts, and whether each takes a value.
    struct Spec {
        var flags: Set<String> = []
        var valued: Set<String> = []
        /// Options that may be given more than once.
        var repeatable: Set<String> = []
        var maxPositionals = 0
    }

    private(set) var flags: Set<String> = []
    private(set) var values: [String: [String]] = [:]
    private(set) var positionals: [String] = []

    /// Parses `arguments` (without the program and command names) for `command`.
    init(_ arguments: [String], spec: Spec, command: String) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            guard argument.hasPrefix("--") else {
                throw .unknownOption(argument, command: command)
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if spec.flags.contains(name) {
                guard inlineValue == nil else { throw .unexpectedValue(option: "--" + name, command: command) }
                flags.insert(name)
            } else if spec.valued.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw .missingValue(option: "--" + name, command: command) }
                    value = arguments[index]
                    index += 1
                }
                if values[name] != nil, !spec.repeatable.contains(name) {
                    throw .repeatedOption("--" + name, command: command)
                }
                values[name, default: []].append(value)
            } else {
                throw .unknownOption("--" + name, command: command)
            }
        }
        if positionals.count > spec.maxPositionals {
            throw .unexpectedArgument(positionals[spec.maxPositionals], command: command)
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, in the order given.
    func allValues(_ name: String) -> [String] { values[name] ?? [] }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// A mistake in the command line; the message names the value and what to do.
enum UsageError: Error, Equatable, CustomStringConvertible {
    case unknownCommand(String)
    case unknownAction(String, command: String, expected: String)
    case unknownOption(String, command: String)
    case missingValue(option: String, command: String)
    case unexpectedValue(option: String, command: String)
    case repeatedOption(String, command: String)
    case unexpectedArgument(String, command: String)
    case missingArgument(String, command: String)
    case invalidValue(option: String, value: String, expected: String, command: String)

    var description: String {
        switch self {
        case .unknownCommand(let name):
            return "unknown command '\(name)'; run 'poolreview --help' to see the commands"
        case .unknownAction(let action, let command, let expected):
            return "unknown action '\(action)' for 'poolreview \(command)'; use \(expected)"
        case .unknownOption(let option, let command):
            return "unknown option '\(option)' for 'poolreview \(command)'; run 'poolreview \(command) --help' to see its options"
        case .missingValue(let option, let command):
            return "option '\(option)' of 'poolreview \(command)' needs a value, as in '\(option) VALUE'"
        case .unexpectedValue(let option, let command):
            return "option '\(option)' of 'poolreview \(command)' takes no value; write it without '='"
        case .repeatedOption(let option, let command):
            return "option '\(option)' of 'poolreview \(command)' is given twice; give it once"
        case .unexpectedArgument(let argument, let command):
            return "unexpected argument '\(argument)' for 'poolreview \(command)'; run 'poolreview \(command) --help' to see its usage"
        case .missingArgument(let name, let command):
            return "'poolreview \(command)' needs \(name); run 'poolreview \(command) --help' to see its usage"
        case .invalidValue(let option, let value, let expected, let command):
            return "invalid value '\(value)' for '\(option)' of 'poolreview \(command)'; expected \(expected)"
        }
    }
}
