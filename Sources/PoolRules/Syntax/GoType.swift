import GoSyntax

/// A Go type as far as the rules can tell without a type checker.
///
/// Named types keep their qualified spelling (`bytes.Buffer`, `Scratch`); type arguments are
/// folded into the name (`Pool[T]`). Array lengths are not kept.
indirect enum GoType: Hashable, Sendable, CustomStringConvertible {
    case named(String)
    case pointer(GoType)
    case slice(GoType)
    case array(GoType)
    case map(GoType, GoType)
    case chan(GoType)
    case function
    case interface
    case anonymousStruct

    /// Reads a type expression; nil for an expression that is not a type.
    init?(typeExpr: Expr) {
        switch typeExpr {
        case .ident(let ident):
            self = .named(ident.name)
        case .selector(let selector):
            guard case .ident(let package) = selector.base else { return nil }
            self = .named(package.name + "." + selector.name.name)
        case .star(let star):
            guard let element = GoType(typeExpr: star.operand) else { return nil }
            self = .pointer(element)
        case .paren(let paren):
            self.init(typeExpr: paren.inner)
        case .arrayType(let array):
            guard let element = GoType(typeExpr: array.element) else { return nil }
            self = array.isSlice ? .slice(element) : .array(element)
        case .mapType(let map):
            guard let key = GoType(typeExpr: map.key), let value = GoType(typeExpr: map.value) else { return nil }
            self = .map(key, value)
        case .chanType(let chan):
            guard let value = GoType(typeExpr: chan.value) else { return nil }
            self = .chan(value)
        case .funcType:
            self = .function
        case .interfaceType:
            self = .interface
        case .structType:
            self = .anonymousStruct
        case .index(let index):
            guard let base = GoType(typeExpr: index.base), case .named(let name) = base else { return nil }
            let arguments = index.indices.compactMap { GoType(typeExpr: $0)?.description }
            self = .named(name + "[" + arguments.joined(separator: ", ") + "]")
        default:
            return nil
        }
    }

    var description: String {
        switch self {
        case .named(let name): name
        case .pointer(let element): "*" + element.description
        case .slice(let element): "[]" + element.description
        case .array(let element): "[N]" + element.description
        case .map(let key, let value): "map[\(key)]\(value)"
        case .chan(let value): "chan " + value.description
        case .function: "func"
        case .interface: "interface"
        case .anonymousStruct: "struct{…}"
        }
    }

    /// The pointed-to type of a pointer; nil otherwise.
    var pointee: GoType? {
        if case .pointer(let element) = self { return element }
        return nil
    }

    var isPointer: Bool { pointee != nil }

    /// The name of a named type, or of the named type a pointer points to.
    var baseName: String? {
        switch self {
        case .named(let name): name
        case .pointer(let element): element.baseName
        default: nil
        }
    }

    /// The name without type arguments or package qualifier: `Pool` for `sync.Pool` and `Pool[T]`.
    var shortName: String? {
        guard var name = baseName else { return nil }
        if let bracket = name.firstIndex(of: "[") { name = String(name[..<bracket]) }
        if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
        return name
    }
}

/// Predeclared and well-known standard library types, by what the rules need to know of them.
enum KnownTypes {
    /// Predeclared types that are neither pointers nor pointer-shaped.
    static let predeclaredValues: Set<String> = [
        "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
        "uint64", "uintptr", "byte", "rune", "float32", "float64", "complex64", "complex128",
    ]

    /// Standard library struct types that are often pooled and must be pooled by pointer.
    static let standardStructs: Set<String> = [
        "bytes.Buffer", "strings.Builder", "bytes.Reader", "strings.Reader", "bufio.Reader", "bufio.Writer",
        "gzip.Reader", "gzip.Writer", "zlib.Writer", "time.Timer", "sync.WaitGroup", "json.Encoder",
        "json.Decoder", "big.Int", "big.Float", "bytebufferpool.ByteBuffer",
    ]

    /// Standard library functions with one result whose type the rules can name.
    static let constructorResults: [String: GoType] = [
        "bytes.NewBuffer": .pointer(.named("bytes.Buffer")),
        "bytes.NewBufferString": .pointer(.named("bytes.Buffer")),
        "bytes.NewReader": .pointer(.named("bytes.Reader")),
        "strings.NewReader": .pointer(.named("strings.Reader")),
        "bufio.NewReader": .pointer(.named("bufio.Reader")),
        "bufio.NewReaderSize": .pointer(.named("bufio.Reader")),
        "bufio.NewWriter": .pointer(.named("bufio.Writer")),
        "bufio.NewWriterSize": .pointer(.named("bufio.Writer")),
        "gzip.NewWriter": .pointer(.named("gzip.Writer")),
        "zlib.NewWriter": .pointer(.named("zlib.Writer")),
        "json.NewEncoder": .pointer(.named("json.Encoder")),
        "json.NewDecoder": .pointer(.named("json.Decoder")),
        "time.NewTimer": .pointer(.named("time.Timer")),
        "time.AfterFunc": .pointer(.named("time.Timer")),
        "bytebufferpool.Get": .pointer(.named("bytebufferpool.ByteBuffer")),
        "fasthttp.AcquireTimer": .pointer(.named("time.Timer")),
    ]

    /// Constructors whose first result is a value of the given type and whose second is an error.
    static let constructorResultsWithError: [String: GoType] = [
        "gzip.NewReader": .pointer(.named("gzip.Reader")),
        "gzip.NewWriterLevel": .pointer(.named("gzip.Writer")),
        "flate.NewWriter": .pointer(.named("flate.Writer")),
        "zlib.NewReader": .named("io.ReadCloser"),
        "zlib.NewWriterLevel": .pointer(.named("zlib.Writer")),
        "os.Open": .pointer(.named("os.File")),
        "os.Create": .pointer(.named("os.File")),
        "os.OpenFile": .pointer(.named("os.File")),
        "net.Dial": .named("net.Conn"),
        "net.DialTimeout": .named("net.Conn"),
        "tls.Dial": .pointer(.named("tls.Conn")),
        "grpc.Dial": .pointer(.named("grpc.ClientConn")),
        "grpc.DialContext": .pointer(.named("grpc.ClientConn")),
        "grpc.NewClient": .pointer(.named("grpc.ClientConn")),
        "sql.Open": .pointer(.named("sql.DB")),
    ]
}
