import Testing
@testable import GoSyntax

@Suite("Parser: declarations")
struct DeclarationParserTests {
    @Test("package clause and imports")
    func packageAndImports() {
        let file = parseClean("""
            package pool

            import "sync"
            import (
            \t"bytes"
            \tio "io"
            \t. "strings"
            \t_ "embed"
            \traw `net/http`
            )
            """)
        #expect(file.packageName?.name == "pool")
        #expect(file.imports.map(\.path) == ["sync", "bytes", "io", "strings", "embed", "net/http"])
        #expect(file.imports.map { $0.name?.name } == [nil, nil, "io", ".", "_", "raw"])
        #expect(file.decls.count == 2)
        #expect(file.lineCount == 10)
    }

    @Test("grouped and single var and const")
    func valueSpecs() throws {
        let file = parseClean("""
            package p
            var a int
            var b, c = 1, "x"
            var (
            \td []byte
            \te, f int = 2, 3
            )
            const (
            \tKB = 1 << (10 * (iota + 1))
            \tMB
            )
            """)
        let specs: [ValueSpec] = file.decls.flatMap { decl -> [ValueSpec] in
            guard case .gen(let gen) = decl else { return [] }
            return gen.specs.compactMap { if case .value(let value) = $0 { value } else { nil } }
        }
        #expect(specs.map { $0.names.map(\.name) } == [["a"], ["b", "c"], ["d"], ["e", "f"], ["KB"], ["MB"]])
        #expect(specs.map { $0.type?.canonicalText } == ["int", nil, "[]byte", "int", nil, nil])
        #expect(specs.map(\.values.count) == [0, 2, 0, 2, 1, 0])
        #expect(specs[4].values.first?.canonicalText == "1 << (10 * (iota + 1))")
    }

    @Test("type declarations and aliases")
    func typeSpecs() throws {
        let file = parseClean("""
            package p
            type Buffer struct{ buf []byte }
            type Alias = Buffer
            type (
            \tArray [4]int
            \tSized [N * 2]int
            \tSlice []int
            \tFunc func(int) error
            )
            """)
        let specs = file.decls.flatMap { decl -> [TypeSpec] in
            guard case .gen(let gen) = decl else { return [] }
            return gen.specs.compactMap { if case .type(let type) = $0 { type } else { nil } }
        }
        #expect(specs.map(\.name.name) == ["Buffer", "Alias", "Array", "Sized", "Slice", "Func"])
        #expect(specs.map(\.isAlias) == [false, true, false, false, false, false])
        let types = specs.map { $0.type.canonicalText }
        #expect(types == ["struct{…}", "Buffer", "[4]int", "[N * 2]int", "[]int", "func(int) error"])
        #expect(specs.allSatisfy { $0.typeParams.isEmpty })
    }

    @Test("generic types with constraints")
    func genericTypes() throws {
        let file = parseClean("""
            package p
            type Pool[T any] struct{ items []T }
            type Number interface{ ~int | ~int64 | float64 }
            type Map[K comparable, V any] map[K]V
            type List[S ~[]E, E any] struct{}
            type Ptr[P *struct{}] struct{}
            type Forced[P *C,] struct{}
            type Pair[A, B fmt.Stringer] struct{}
            """)
        let specs = file.decls.compactMap { decl -> TypeSpec? in
            guard case .gen(let gen) = decl, case .type(let type)? = gen.specs.first else { return nil }
            return type
        }
        let parameters = specs.map { spec in spec.typeParams.map { field in
            field.names.map(\.name).joined(separator: ",") + " " + field.type.canonicalText
        } }
        #expect(parameters == [
            ["T any"], [], ["K comparable", "V any"], ["S ~[]E", "E any"], ["P *struct{}"], ["P *C"], ["A,B fmt.Stringer"],
        ])
        guard case .interfaceType(let number) = specs[1].type else {
            Issue.record("Number is not an interface")
            return
        }
        #expect(number.elements.map { $0.type.canonicalText } == ["~int | ~int64 | float64"])
    }

    @Test("array length that looks like type parameters")
    func arrayLengthAmbiguity() throws {
        let decl = parseDecl("type A [P * C]int")
        guard case .gen(let gen) = decl, case .type(let spec)? = gen.specs.first else {
            Issue.record("no type spec")
            return
        }
        #expect(spec.typeParams.isEmpty)
        #expect(spec.type.canonicalText == "[P * C]int")
    }

    @Test("functions and methods with generic receivers")
    func functions() throws {
        let file = parseClean("""
            package p
            func New() *Pool { return nil }
            func (p *Pool[T]) Get() *T { return nil }
            func (Pool[T]) Len() int
            func Map[S ~[]E, E, R any](s S, f func(E) R) []R { return nil }
            func Split(s string, n int) (head, tail string, err error) { return }
            func Printf(format string, args ...any) {}
            func Unnamed(int, string) (bool, error) { return false, nil }
            """)
        let decls = functionDecls(in: file)
        #expect(decls.count == 7)
        let get = try #require(decls["Get"])
        #expect(get.receiver?.names.map(\.name) == ["p"])
        #expect(get.receiver?.type.canonicalText == "*Pool[T]")
        #expect(get.receiverTypeName == "Pool")
        #expect(get.type.results.map { $0.type.canonicalText } == ["*T"])
        #expect(decls["Len"]?.body == nil)
        #expect(decls["Len"]?.receiver?.names.isEmpty == true)
        #expect(decls["New"]?.receiverTypeName == nil)
        #expect(decls["Map"]?.type.typeParams.map { $0.names.map(\.name) } == [["S"], ["E", "R"]])
        #expect(decls["Map"]?.type.params.map { $0.type.canonicalText } == ["S", "func(E) R"])
        #expect(decls["Split"]?.type.results.map { $0.names.map(\.name) } == [["head", "tail"], ["err"]])
        #expect(decls["Printf"]?.type.params.last?.type.canonicalText == "...any")
        #expect(decls["Unnamed"]?.type.params.map { $0.names.isEmpty } == [true, true])
        #expect(decls["Unnamed"]?.type.params.map { $0.type.canonicalText } == ["int", "string"])
    }

    @Test("struct tags and embedded fields")
    func structFields() throws {
        let expression = parseExpression("""
            struct {
            \tsync.Mutex
            \t*bytes.Buffer
            \tio.Reader `json:"-"`
            \tList[int]
            \tname, alias string `json:"name"`
            \tbuf [64]byte
            \tnext *node
            }{}
            """)
        guard case .compositeLit(let literal) = expression, case .structType(let type)? = literal.type else {
            Issue.record("no struct literal: \(expression.canonicalText)")
            return
        }
        #expect(type.fields.map { $0.names.map(\.name) } == [[], [], [], [], ["name", "alias"], ["buf"], ["next"]])
        #expect(type.fields.map { $0.type.canonicalText } == [
            "sync.Mutex", "*bytes.Buffer", "io.Reader", "List[int]", "string", "[64]byte", "*node",
        ])
        #expect(type.fields.map(\.tag) == [nil, nil, "`json:\"-\"`", nil, "`json:\"name\"`", nil, nil])
    }

    @Test("interface methods, embeddings and type sets")
    func interfaces() throws {
        let decl = parseDecl("""
            type I interface {
            \tio.Reader
            \tfmt.Stringer
            \tGet() any
            \tPut(x any)
            \t~[]byte | string
            \tconstraints.Ordered
            }
            """)
        guard case .gen(let gen) = decl, case .type(let spec)? = gen.specs.first,
              case .interfaceType(let type) = spec.type
        else {
            Issue.record("no interface")
            return
        }
        #expect(type.elements.map { $0.names.map(\.name) } == [[], [], ["Get"], ["Put"], [], []])
        #expect(type.elements.map { $0.type.canonicalText } == [
            "io.Reader", "fmt.Stringer", "func() any", "func(x any)", "~[]byte | string", "constraints.Ordered",
        ])
    }

    @Test("declaration spans")
    func spans() throws {
        let source = "package p\n\nfunc f() {\n\treturn\n}\n\nvar (\n\tx = 1\n)\n"
        let file = parseClean(source)
        #expect(file.decls.map(\.span.lines) == [3...5, 7...9])
        #expect(file.decls.map(\.span.start) == [11, 33])
        #expect(file.decls.map(\.span.end) == [31, 47])
        #expect(file.decls.map(\.span.column) == [1, 1])
    }
}
