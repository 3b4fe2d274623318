import Foundation
import TestSupport
import Testing

extension GitFixture {
    /// Builds the example with a remote, then moves `main` on by one commit that adds a Go file,
    /// so that `main..csv-export` and the merge-base range differ. Returns the SHA of `main`
    /// before it moved, which is the merge base of the two branches.
    func makeExampleWithMovedMain() throws -> String {
        try makeExampleWithRemote()
        let forkPoint = try sha("main")
        try git("checkout", "-q", "main")
        try commit(["extra.go": "package receipts\n\n// Extra is added on main after csv-export forked.\nconst Extra = 1\n"],
                   message: "Add a constant on main")
        try git("push", "-q", "origin", "main")
        try git("checkout", "-q", "csv-export")
        return forkPoint
    }

    /// Writes `payload` as a GitHub Actions event file and returns the variables that GitHub sets
    /// in a workflow step for event `name`, with `GITHUB_STEP_SUMMARY` at `summary.md` in the fixture.
    func gitHubEnvironment(event name: String, payload: [String: Any]) throws -> [String: String] {
        let data = try JSONSerialization.data(withJSONObject: payload, options: [.prettyPrinted])
        try write("event.json", bytes: Array(data))
        return [
            "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": name,
            "GITHUB_EVENT_PATH": path("event.json"), "GITHUB_STEP_SUMMARY": path("summary.md"),
        ]
    }

    /// Reads the `base` and `head` SHAs of a JSON review written to `relative`.
    func jsonRange(_ relative: String) throws -> (base: String, head: String) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(relative)))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (try #require(object["base"] as? String), try #require(object["head"] as? String))
    }
}

/// Returns a pull request payload with the base and head commits, as GitHub writes it (trimmed).
func pullRequestPayload(base: String, head: String) -> [String: Any] {
    [
        "action": "synchronize", "number": 7,
        "pull_request": [
            "number": 7,
            "base": ["ref": "main", "sha": base],
            "head": ["ref": "csv-export", "sha": head],
        ],
        "repository": ["full_name": "example/receipts", "default_branch": "main"],
    ]
}
