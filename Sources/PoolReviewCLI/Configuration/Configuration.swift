import Foundation
import PoolRules
import ReviewModel

/// The settings of `.poolreview.json` at the repository root.
///
/// ```json
/// {
///   "items": {"size-cap": {"enabled": false}, "deferred-put": {"severity": "error"}},
///   "paths": {"include": ["internal/*"], "exclude": ["*_test.go", "vendor/*"]},
///   "wrappers": [{"name": "bufpool.Get", "kind": "acquire", "objectType": "*bytes.Buffer", "resets": true}],
///   "sizeCap": {"maxBytes": 1048576},
///   "linkTemplate": "https://git.example.com/repo/blob/{sha}/{path}#L{line}",
///   "hookMode": "warn"
/// }
/// ```
///
/// Every key is optional. Unknown keys and values of the wrong kind are errors that name the
/// key, so a typo never silently changes nothing.
public struct Configuration: Sendable, Equatable {
    /// The items that are checked; all by default.
    public var enabledItems: Set<ChecklistItemID> = Set(ChecklistItemID.allCases)
    /// Severities that replace an item's default.
    public var severities: [ChecklistItemID: Severity] = [:]
    /// Path patterns a reviewed file must match, when any are given.
    public var includePaths: [String] = []
    /// Path patterns of files the review skips.
    public var excludePaths: [String] = []
    /// Pool wrappers of the user's own libraries, added to the well-known ones.
    public var wrappers: [WrapperSpec] = []
    /// The largest size limit before a `Put` that counts as a limit, in bytes; nil to accept any.
    public var sizeCapMaxBytes: Int?
    /// A link template with `{path}`, `{line}`, `{endLine}` and `{sha}` for source links.
    public var linkTemplate: String?
    /// The pre-push hook's mode when `--mode` is not given: `warn` or `block`.
    public var hookMode: String?

    public init() {}

    /// The name of the file at the repository root.
    public static let fileName = ".poolreview.json"

    /// Parses the JSON text of a configuration file.
    ///
    /// - Parameter source: how the error messages name the file, such as
    ///   `.poolreview.json at base 1a2b3c4`.
    public static func parse(_ bytes: [UInt8], source: String) throws(ConfigurationError) -> Configuration {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            // Foundation puts the position ("around character 13") only in the debug text.
            let nsError = error as NSError
            let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String ?? nsError.localizedDescription
            throw .invalidJSON(source: source, reason: detail)
        }
        var reader = ConfigurationReader(source: source)
        return try reader.read(object)
    }

    /// True when the path is reviewed under the include and exclude patterns.
    ///
    /// Patterns are fnmatch(3) patterns matched against the repository-relative path with no
    /// flags, so `*` also matches `/`: `vendor/*` covers the whole vendor tree.
    public func includes(_ path: String) -> Bool {
        if !includePaths.isEmpty, !includePaths.contains(where: { Self.matches($0, path) }) { return false }
        return !excludePaths.contains { Self.matches($0, path) }
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, 0) == 0
    }
}

/// A problem in a configuration file; the message names the file, the key and the fix.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case invalidJSON(source: String, reason: String)
    case unknownKey(source: String, key: String, known: [String])
    case invalidValue(source: String, key: String, expected: String)
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidJSON(let source, let reason):
            return "\(source) is not valid JSON: \(reason)"
        case .unknownKey(let source, let key, let known):
            return "\(source) has an unknown key '\(key)'; the keys there are \(known.joined(separator: ", "))"
        case .invalidValue(let source, let key, let expected):
            return "\(source) has an invalid value for '\(key)'; expected \(expected)"
        case .unreadableFile(let path, let reason):
            return "cannot read the configuration file '\(path)': \(reason); "
                + "give --config-from the path of a JSON file, or head, base or none"
        }
    }
}
