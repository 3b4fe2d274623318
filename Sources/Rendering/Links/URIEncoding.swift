/// Percent-encoding of repository paths for URLs and URI references, as RFC 3986 defines it.
enum URIEncoding {
    /// Percent-encodes every UTF-8 byte of `text` except the unreserved characters (letters,
    /// digits, `-`, `.`, `_` and `~`), so the result is one path segment that cannot end the
    /// path, start a query or fragment, or read as a scheme.
    static func encodedSegment(_ text: some StringProtocol) -> String {
        var output = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return output
    }

    /// Encodes each `/`-separated segment of a repository-relative path for a web link, or
    /// returns nil when a segment is empty, `.` or `..`, because a browser would resolve those
    /// to another place than the file.
    static func linkPath(_ path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return segments.map(encodedSegment).joined(separator: "/")
    }

    /// Encodes a repository-relative path as a relative URI reference, such as a SARIF
    /// `artifactLocation.uri`, keeping its `/` separators.
    ///
    /// A path that starts with `/` gets a leading `.`, so the reference can never become an
    /// absolute path or name a host (`//host`).
    ///
    /// NOTE: `.` and `..` segments are kept, so such a path resolves outside the file it names.
    /// Git trees cannot contain them, so only a report built by hand has them.
    static func relativeReference(_ path: String) -> String {
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false)
            .map(encodedSegment)
            .joined(separator: "/")
        return encoded.hasPrefix("/") ? "." + encoded : encoded
    }

    /// Returns true for the bytes that may appear unencoded anywhere in an `https` URL:
    /// unreserved characters, reserved characters and `%`.
    static func isAllowedInURL(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || ":/?#[]@!$&'()*+,;=%".utf8.contains(byte)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
