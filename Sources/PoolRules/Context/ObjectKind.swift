/// What the rules know about the kind of a pooled object.
enum ObjectKind: Equatable {
    /// Reads from or writes to a stream that `Reset(src)` binds: bufio, gzip, flate, zlib,
    /// bytes and strings readers. `resetReturnsError` is true where `Reset` returns an error.
    case streamBound(resetReturnsError: Bool)
    /// A growable byte buffer with a `Reset` method: `bytes.Buffer`, `strings.Builder`,
    /// bytebufferpool's and zap's buffers.
    case buffer
    /// A slice, or a pointer to one, reused by appending after `[:0]`.
    case slice
    /// A struct of this package that declares a `Reset` or `reset` method.
    case resettableStruct
    /// Anything else: the rules make no claim about it.
    case unknown

    /// Types whose `Reset` takes the next stream, and whether it returns an error.
    static let streamBoundTypes: [String: Bool] = [
        "bufio.Reader": false, "bufio.Writer": false, "gzip.Reader": true, "gzip.Writer": false,
        "zlib.Writer": false, "flate.Writer": false, "bytes.Reader": false, "strings.Reader": false,
        "flate.Resetter": true, "zlib.Resetter": true, "zstd.Decoder": true, "zstd.Encoder": false,
    ]

    static let bufferTypes: Set<String> = [
        "bytes.Buffer", "strings.Builder", "bytebufferpool.ByteBuffer", "buffer.Buffer",
    ]

    init(_ type: GoType?, package: PackageIndex) {
        guard let type else {
            self = .unknown
            return
        }
        if let name = type.baseName {
            if let returnsError = Self.streamBoundTypes[name] {
                self = .streamBound(resetReturnsError: returnsError)
                return
            }
            if Self.bufferTypes.contains(name) {
                self = .buffer
                return
            }
        }
        switch package.underlying(type.pointee ?? type) {
        case .slice:
            self = .slice
            return
        default:
            break
        }
        if let name = type.shortName, package.isStruct(name),
           package.hasMethod("Reset", on: name) || package.hasMethod("reset", on: name) {
            self = .resettableStruct
            return
        }
        self = .unknown
    }
}
