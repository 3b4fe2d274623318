/// One line of what git writes to a pre-push hook's standard input:
/// `<local ref> SP <local object id> SP <remote ref> SP <remote object id> LF`.
///
/// Object ids are 40 hex digits in SHA-1 repositories and 64 in SHA-256 ones. An id of all zeros
/// means "no object": on the local side the push deletes the remote ref, on the remote side the
/// remote ref does not exist yet.
struct PushedRef: Equatable {
    /// The local ref as git names it, such as `refs/heads/feature`, `HEAD`, or `(delete)`.
    var localRef: String
    var localSHA: String
    /// The full name of the ref on the remote, such as `refs/heads/feature`.
    var remoteRef: String
    var remoteSHA: String

    /// True when the push deletes `remoteRef`.
    var isDeletion: Bool { Self.isZero(localSHA) }

    /// True when `remoteRef` does not exist on the remote yet.
    var createsRemoteRef: Bool { Self.isZero(remoteSHA) }

    /// Parses the whole standard input of the hook. Blank lines are ignored.
    ///
    /// - Throws: `PushInputError` naming the first line that has fewer than four fields or whose
    ///   object ids are not 40 or 64 hex digits.
    static func parseAll(_ text: String) throws(PushInputError) -> [PushedRef] {
        var refs: [PushedRef] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            refs.append(try parse(String(trimmed), lineNumber: index + 1))
        }
        return refs
    }

    private static func parse(_ line: String, lineNumber: Int) throws(PushInputError) -> PushedRef {
        // The last three fields are split off from the right, because git passes a local revision
        // such as `HEAD~` as the user typed it.
        let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count >= 4 else {
            throw .wrongFieldCount(line: lineNumber, text: line, count: fields.count)
        }
        let last = fields.count - 1
        for sha in [fields[last - 2], fields[last]] where !isObjectID(sha) {
            throw .invalidObjectID(line: lineNumber, value: sha)
        }
        return PushedRef(
            localRef: fields[..<(last - 2)].joined(separator: " "), localSHA: fields[last - 2],
            remoteRef: fields[last - 1], remoteSHA: fields[last])
    }

    /// True for 40 (SHA-1) or 64 (SHA-256) hex digits.
    static func isObjectID(_ text: String) -> Bool {
        guard text.utf8.count == 40 || text.utf8.count == 64 else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
        }
    }

    /// True for an object id made only of zeros, git's "no object".
    static func isZero(_ sha: String) -> Bool {
        !sha.isEmpty && sha.utf8.allSatisfy { $0 == UInt8(ascii: "0") }
    }
}

/// Standard input of a pre-push hook that does not follow git's format.
enum PushInputError: Error, Equatable, CustomStringConvertible {
    case wrongFieldCount(line: Int, text: String, count: Int)
    case invalidObjectID(line: Int, value: String)

    var description: String {
        switch self {
        case .wrongFieldCount(let line, let text, let count):
            return "line \(line) of the pre-push input has \(count) fields instead of 4 "
                + "('<local ref> <local sha> <remote ref> <remote sha>'): '\(text)'; "
                + "'poolreview pre-push' is meant to be run by git as a pre-push hook"
        case .invalidObjectID(let line, let value):
            return "line \(line) of the pre-push input has '\(value)' where an object id of 40 or 64 hex "
                + "digits belongs; 'poolreview pre-push' is meant to be run by git as a pre-push hook"
        }
    }
}
