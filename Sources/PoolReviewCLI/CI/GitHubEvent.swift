import Foundation

/// The webhook payload GitHub Actions writes to the file named by `GITHUB_EVENT_PATH`.
///
/// Only the fields that name commits are read: `pull_request.base.sha` and `pull_request.head.sha`
/// for pull request events, `merge_group.base_sha` and `merge_group.head_sha` for merge queue
/// runs, and `before`, `after` and `repository.default_branch` for pushes.
struct GitHubEvent {
    /// The event name from `GITHUB_EVENT_NAME`, such as `pull_request`.
    let name: String
    let path: String
    private let payload: [String: Any]

    /// Reads and parses the event file at `path`.
    ///
    /// - Throws: `CIError.unreadableEventFile` or `CIError.invalidEventFile`.
    init(name: String, path: String) throws(CIError) {
        self.name = name
        self.path = path
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableEventFile(path: path, reason: ReviewCommand.reason(error))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .invalidEventFile(path: path, reason: "it is not valid JSON")
        }
        guard let dictionary = object as? [String: Any] else {
            throw .invalidEventFile(path: path, reason: "its top level is not a JSON object")
        }
        payload = dictionary
    }

    /// True when the payload has a `pull_request` object, as every pull request event has.
    var hasPullRequest: Bool { payload["pull_request"] is [String: Any] }

    /// True when the payload has a `merge_group` object.
    var hasMergeGroup: Bool { payload["merge_group"] is [String: Any] }

    /// True when the payload has the `before` and `after` fields of a push.
    var isPush: Bool { payload["before"] is String && payload["after"] is String }

    /// Returns the string at `keys`, such as `["pull_request", "base", "sha"]`, or nil when it is
    /// missing.
    func string(_ keys: [String]) -> String? {
        var current: Any = payload
        for key in keys {
            guard let object = current as? [String: Any], let next = object[key] else { return nil }
            current = next
        }
        return current as? String
    }

    /// The string at `keys`, which must be present and not empty.
    ///
    /// - Throws: `CIError.missingEventField` naming the dotted field.
    func requiredString(_ keys: [String]) throws(CIError) -> String {
        guard let value = string(keys), !value.isEmpty else {
            throw .missingEventField(field: keys.joined(separator: "."), event: name, path: path)
        }
        return value
    }
}
