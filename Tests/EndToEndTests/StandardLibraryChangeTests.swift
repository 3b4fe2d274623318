import Foundation
import TestSupport
import Testing

/// A change to real Go code: Go 1.19's `fmt` and `encoding/json`, from Debian's
/// golang-1.19-src, committed as the base. The head commit brings five bug shapes into real
/// functions and makes harmless edits elsewhere; the review must flag exactly the bugs.
@Suite("Standard library change")
struct StandardLibraryChangeTests {
    static let goSource = "/usr/share/go-1.19/src"

    static let bugEdits: [FileEdit] = [
        // An early return that skips p.free(): a Get with no Put on one path.
        FileEdit(
            path: "fmt/print.go",
            old: "func Sprintf(format string, a ...any) string {\n\tp := newPrinter()\n\tp.doPrintf(format, a)",
            new: "func Sprintf(format string, a ...any) string {\n\tp := newPrinter()\n\tif format == \"\" && len(a) == 0 {\n\t\treturn \"\"\n\t}\n\tp.doPrintf(format, a)"),
        // New returns a value, so newPrinter's assertion to *pp panics.
        FileEdit(path: "fmt/print.go", old: "\tNew: func() any { return new(pp) },", new: "\tNew: func() any { return pp{} },"),
        // Marshal returns the pooled buffer's bytes after putting it back.
        FileEdit(
            path: "encoding/json/encode.go",
            old: "\tbuf := append([]byte(nil), e.Bytes()...)\n\n\tencodeStatePool.Put(e)",
            new: "\tbuf := e.Bytes()\n\n\tencodeStatePool.Put(e)"),
        // A pool created on every call of MarshalIndent.
        FileEdit(
            path: "encoding/json/encode.go",
            old: "\tvar buf bytes.Buffer\n\terr = Indent(&buf, b, prefix, indent)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn buf.Bytes(), nil\n}",
            new: """
            \tindentBufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
            \tbuf := indentBufs.Get().(*bytes.Buffer)
            \tbuf.Reset()
            \tdefer func() {
            \t\tif buf.Cap() <= 64<<10 {
            \t\t\tindentBufs.Put(buf)
            \t\t}
            \t}()
            \terr = Indent(buf, b, prefix, indent)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \treturn append([]byte(nil), buf.Bytes()...), nil
            }
            """),
    ]

    static let harmlessEdits: [FileEdit] = [
        FileEdit(
            path: "fmt/print.go",
            old: "func Sprint(a ...any) string {\n\tp := newPrinter()\n\tp.doPrint(a)\n\ts := string(p.buf)\n\tp.free()\n\treturn s\n}",
            new: "func Sprint(a ...any) string {\n\tp := newPrinter()\n\tp.doPrint(a)\n\tout := string(p.buf)\n\tp.free()\n\treturn out\n}"),
        FileEdit(
            path: "encoding/json/stream.go",
            old: "\t// Terminate each value with a newline.",
            new: "\t// End each value with a newline."),
        FileEdit(
            path: "encoding/json/encode.go",
            old: "// HTMLEscape appends to dst",
            new: "// HTMLEscape escapes src for safe use inside HTML script tags.\n//\n// HTMLEscape appends to dst"),
        FileEdit(
            path: "fmt/errors.go",
            old: "\tp.wrapErrs = true\n",
            new: "\tp.wrapErrs = true // let %w record the wrapped error\n"),
    ]

    @Test("review flags exactly the introduced bugs", .enabled(if: FileManager.default.fileExists(atPath: goSource + "/fmt/print.go")))
    func flagsExactlyIntroducedBugs() throws {
        try withGitFixture { fixture in
            try fixture.git("init", "-q", "repo", in: "")
            try fixture.copyFolder(Self.goSource + "/fmt", to: "fmt")
            try fixture.copyFolder(Self.goSource + "/encoding/json", to: "encoding/json")
            try fixture.commit(message: "Import fmt and encoding/json from Go 1.19")
            try fixture.apply(Self.bugEdits + Self.harmlessEdits)
            try fixture.commit(message: "Change printing and encoding")

            let run = runTool(["review", "HEAD~1..HEAD", "--format", "json"], in: fixture.path("repo"))
            #expect(run.status == 1, "\(run.standardError)")
            let print = try fixture.read("fmt/print.go")
            let encode = try fixture.read("encoding/json/encode.go")
            let marshal = lineNumber(of: "func Marshal(v any)", in: encode)
            let marshalReturn = encode.split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated().first { $0.offset >= marshal && $0.element.contains("return buf, nil") }.map { $0.offset + 1 }

            let expected: Set<FindingKey> = [
                // The early return sits three lines below the function's first line.
                FindingKey(item: "deferred-put", path: "fmt/print.go", line: lineNumber(of: "func Sprintf(format string", in: print) + 3),
                FindingKey(item: "new-returns-pointer", path: "fmt/print.go", line: lineNumber(of: "return pp{}", in: print)),
                FindingKey(item: "typed-get", path: "fmt/print.go", line: lineNumber(of: "p := ppFree.Get().(*pp)", in: print)),
                FindingKey(item: "copy-before-put", path: "encoding/json/encode.go", line: marshalReturn ?? -1),
                FindingKey(item: "pool-scope", path: "encoding/json/encode.go", line: lineNumber(of: "indentBufs := sync.Pool", in: encode)),
            ]
            let found = try run.jsonFindings()
            #expect(Set(found) == expected, "unexpected: \(Set(found).subtracting(expected)), missing: \(expected.subtracting(found))")
            #expect(found.count == expected.count)
        }
    }
}
