import GoSyntax
import ReviewModel

/// Connections, files and other objects that need `Close` are not kept in a `sync.Pool`.
///
/// The garbage collector empties a `sync.Pool` at will and drops what it holds without
/// calling `Close`, leaking descriptors, goroutines or C memory, and `New` then dials or opens
/// again. The rule flags a pool the package declares when `New` dials or opens (`net.Dial…`,
/// `tls.Dial`, `grpc.Dial…`, `grpc.NewClient`, `sql.Open`, `os.Open…`, `os.Create`), or when
/// what `New` returns or a `Get` asserts is a connection, file or database handle, or a type
/// of the package whose `Close` closes a channel or such a handle (stopping goroutines,
/// freeing a descriptor). A `Close` that puts the object back into the pool, or that only
/// flushes, does not count. A bounded channel pool that closes what does not fit is the fix,
/// and is not a `sync.Pool`.
struct FDResourcePoolRule: Rule {
    static let description = RuleDescription(
        id: .fdResourcePool, severity: .error, bugs: ["connection-in-sync-pool"],
        triggering: [
            RuleExample("""
            package example

            import (
            \t"net"
            \t"sync"
            )

            var upstreams = sync.Pool{ // want
            \tNew: func() any {
            \t\tc, err := net.Dial("tcp", "127.0.0.1:7000")
            \t\tif err != nil {
            \t\t\treturn nil
            \t\t}
            \t\treturn c
            \t},
            }

            func ping() error {
            \tc := upstreams.Get().(net.Conn)
            \tdefer upstreams.Put(c)
            \t_, err := c.Write([]byte("PING\\r\\n"))
            \treturn err
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            package example

            import "net"

            // ConnPool keeps at most cap(idle) connections and closes the rest.
            type ConnPool struct {
            \tidle chan net.Conn
            \taddr string
            }

            func (p *ConnPool) Get() (net.Conn, error) {
            \tselect {
            \tcase c := <-p.idle:
            \t\treturn c, nil
            \tdefault:
            \t\treturn net.Dial("tcp", p.addr)
            \t}
            }

            func (p *ConnPool) Put(c net.Conn) {
            \tselect {
            \tcase p.idle <- c:
            \tdefault:
            \t\tc.Close()
            \t}
            }
            """),
        ])

    static let opensInNew = "New of %@ calls %@: the pool drops such objects at any GC without Close"
    static let holdsClosable = "%@ holds %@, which needs Close: the pool drops it at any GC without closing it"

    /// Calls that create something that must be closed, by default package name.
    static let openingCalls: Set<String> = [
        "net.Dial", "net.DialTimeout", "net.DialTCP", "net.DialUDP", "net.DialUnix", "net.Listen",
        "tls.Dial", "tls.DialWithDialer", "grpc.Dial", "grpc.DialContext", "grpc.NewClient", "sql.Open",
        "os.Open", "os.OpenFile", "os.Create", "os.CreateTemp", "ssh.Dial", "websocket.Dial",
    ]

    /// Types that hold a descriptor or a connection, as the rule spells them.
    static let closableTypes: Set<String> = [
        "net.Conn", "net.TCPConn", "net.UDPConn", "net.UnixConn", "tls.Conn", "grpc.ClientConn", "sql.DB",
        "sql.Conn", "sql.Tx", "os.File", "http.Response",
    ]

    func check(_ context: FileContext) -> RuleResult {
        var result = RuleResult()
        var flagged: Set<String> = []
        for pool in context.package.allPools where pool.path == context.file.path || pool.newPath == context.file.path {
            result.examined.append(pool.span.lines)
            if let call = openingCall(in: pool, context: context) {
                flagged.insert(pool.key)
                result.findings.append(context.finding(
                    Self.self, lines: pool.span.line...pool.span.line,
                    message: formatMessage(Self.opensInNew, pool.displayName, call.text),
                    related: [call.line], anchor: "\(pool.displayName) New \(call.text)"))
            } else if let type = pool.newResultType, isClosable(type, context) {
                flagged.insert(pool.key)
                result.findings.append(context.finding(
                    Self.self, lines: pool.span.line...pool.span.line,
                    message: formatMessage(Self.holdsClosable, pool.displayName, type.description),
                    anchor: "\(pool.displayName) holds \(type)"))
            }
        }
        for facts in context.functions {
            for borrow in facts.borrows where borrow.acquire.isDirect && borrow.acquire.pool != nil {
                guard let pool = borrow.acquire.pool, !flagged.contains(pool.key),
                      let type = borrow.assertedType, isClosable(type, context) else { continue }
                flagged.insert(pool.key)
                result.findings.append(context.finding(
                    Self.self, lines: borrow.statement.span.lines,
                    message: formatMessage(Self.holdsClosable, pool.displayName, type.description),
                    anchor: "\(pool.displayName) holds \(type)"))
            }
        }
        return result
    }

    private func openingCall(in pool: PoolDeclaration, context: FileContext) -> (text: String, line: Int)? {
        guard let function = pool.newFunction,
              let file = context.package.files.first(where: { $0.path == pool.newPath }) else { return nil }
        let imports = file.importNames
        var found: (text: String, line: Int)?
        for statement in function.body.statements where found == nil {
            Walk.expressions(in: statement) { expr in
                guard found == nil else { return .skip }
                if case .call(let call) = expr, case .selector(let selector) = call.function.unparenthesized,
                   let package = selector.base.identName, let path = imports[package],
                   Self.openingCalls.contains(defaultImportName(path) + "." + selector.name.name) {
                    found = (package + "." + selector.name.name, call.span.line)
                }
                return found == nil ? .children : .skip
            }
        }
        return found
    }

    private func isClosable(_ type: GoType, _ context: FileContext) -> Bool {
        guard let name = type.baseName else { return false }
        return Self.closableTypes.contains(name) || ownsResources(name, context, depth: 0)
    }

    /// True when the package type's `Close` frees something the garbage collector does not: it
    /// closes a channel (stopping goroutines) or closes a field that is a connection, a file or
    /// another such type. A `Close` that puts the object back into its pool is a release, and
    /// one that only flushes a stream (a gzip writer) frees nothing.
    private func ownsResources(_ typeName: String, _ context: FileContext, depth: Int) -> Bool {
        let index = context.package.index
        guard depth < 3, let close = index.methods[typeName]?["Close"], let body = close.body,
              context.package.helpers[typeName + ".Close"]?.kind != .release else { return false }
        let receiver = close.receiver?.names.first?.name
        var owns = false
        for statement in body.statements where !owns {
            Walk.expressions(in: statement) { expr in
                guard !owns, case .call(let call) = expr else { return owns ? .skip : .children }
                if call.isBuiltin("close") {
                    owns = true
                } else if call.calleeName == "Close", case .selector(let field) = call.calleeBase?.unparenthesized,
                          field.base.identName == receiver,
                          let fieldType = index.fieldType(field.name.name, in: typeName)?.baseName {
                    owns = Self.closableTypes.contains(fieldType) || ownsResources(fieldType, context, depth: depth + 1)
                }
                return owns ? .skip : .children
            }
        }
        return owns
    }
}
