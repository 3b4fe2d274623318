/// What a pool wrapper function or method does with the pooled object.
public enum WrapperKind: String, Sendable, Codable {
    /// Returns a borrowed object, like `sync.Pool.Get`.
    case acquire
    /// Takes a borrowed object back, like `sync.Pool.Put`.
    case release
}

/// A function or method that wraps a pool, known without reading its source.
///
/// Names are `package.Function` for a package function (`bytebufferpool.Get`) and
/// `package.Type.Method` for a method (`bytebufferpool.Pool.Get`), where `package` is the
/// default name of the import path. A release method with `argument == nil` releases its
/// receiver (`buffer.Buffer.Free`).
public struct WrapperSpec: Sendable, Hashable, Codable {
    public var name: String
    public var kind: WrapperKind
    /// For a release, the index of the argument that is released; nil for the receiver.
    public var argument: Int?
    /// The type of the object, written as Go does (`*fasthttp.Request`).
    public var objectType: String?
    /// True when the wrapper resets the object itself, so callers need not.
    public var resets: Bool
    /// True when the wrapper drops oversized objects itself, so callers need no size gate.
    public var limitsSize: Bool
    /// The name of the matching wrapper of the other kind (`fasthttp.ReleaseRequest`).
    public var counterpart: String?

    public init(
        name: String, kind: WrapperKind, argument: Int? = nil, objectType: String? = nil,
        resets: Bool = false, limitsSize: Bool = false, counterpart: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.argument = argument
        self.objectType = objectType
        self.resets = resets
        self.limitsSize = limitsSize
        self.counterpart = counterpart
    }
}

/// The pool wrappers the rules recognise without reading their source: well-known libraries,
/// plus whatever the user names in configuration.
public struct PoolRegistry: Sendable {
    public private(set) var wrappers: [String: WrapperSpec] = [:]

    public init(wrappers: [WrapperSpec]) {
        for wrapper in wrappers {
            self.wrappers[wrapper.name] = wrapper
        }
    }

    /// Adds or replaces wrappers, such as those named in a configuration file.
    public mutating func add(_ more: [WrapperSpec]) {
        for wrapper in more {
            wrappers[wrapper.name] = wrapper
        }
    }

    public func wrapper(named name: String) -> WrapperSpec? {
        wrappers[name]
    }

    /// The wrappers of bytebufferpool, fasthttp and zap, as their sources in Debian's
    /// golang-github-valyala-bytebufferpool-dev 1.0.0, golang-github-valyala-fasthttp-dev
    /// 1.31.0 and golang-go.uber-zap-dev 1.23.0 define them.
    ///
    /// bytebufferpool's `Put` resets the buffer and drops it above a calibrated size.
    /// fasthttp's `Release*` functions reset the object before pooling it. zap's `Pool.Get`
    /// resets the buffer, and `Buffer.Free` returns it to its pool.
    public static let wellKnown = PoolRegistry(wrappers: [
        WrapperSpec(name: "bytebufferpool.Get", kind: .acquire, objectType: "*bytebufferpool.ByteBuffer",
                    resets: true, limitsSize: true, counterpart: "bytebufferpool.Put"),
        WrapperSpec(name: "bytebufferpool.Put", kind: .release, argument: 0, objectType: "*bytebufferpool.ByteBuffer",
                    resets: true, limitsSize: true, counterpart: "bytebufferpool.Get"),
        WrapperSpec(name: "bytebufferpool.Pool.Get", kind: .acquire, objectType: "*bytebufferpool.ByteBuffer",
                    resets: true, limitsSize: true, counterpart: "bytebufferpool.Pool.Put"),
        WrapperSpec(name: "bytebufferpool.Pool.Put", kind: .release, argument: 0, objectType: "*bytebufferpool.ByteBuffer",
                    resets: true, limitsSize: true, counterpart: "bytebufferpool.Pool.Get"),
        WrapperSpec(name: "buffer.Pool.Get", kind: .acquire, objectType: "*buffer.Buffer", resets: true,
                    counterpart: "buffer.Buffer.Free"),
        WrapperSpec(name: "buffer.Buffer.Free", kind: .release, objectType: "*buffer.Buffer", resets: true,
                    counterpart: "buffer.Pool.Get"),
        WrapperSpec(name: "bufferpool.Get", kind: .acquire, objectType: "*buffer.Buffer", resets: true,
                    counterpart: "buffer.Buffer.Free"),
    ] + fasthttpPairs)

    private static let fasthttpPairs: [WrapperSpec] = [
        ("Request", "*fasthttp.Request"), ("Response", "*fasthttp.Response"), ("Args", "*fasthttp.Args"),
        ("URI", "*fasthttp.URI"), ("Cookie", "*fasthttp.Cookie"), ("Timer", "*time.Timer"),
    ].flatMap { suffix, type in
        [
            WrapperSpec(name: "fasthttp.Acquire" + suffix, kind: .acquire, objectType: type, resets: true,
                        counterpart: "fasthttp.Release" + suffix),
            WrapperSpec(name: "fasthttp.Release" + suffix, kind: .release, argument: 0, objectType: type, resets: true,
                        counterpart: "fasthttp.Acquire" + suffix),
        ]
    }
}
