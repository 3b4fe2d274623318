import Foundation
import Testing
@testable import GoSyntax

@Suite("Real code")
struct RealCodeTests {
    @Test("real packages parse without syntax errors", arguments: [
        "/usr/share/go-1.19/src/bytes", "/usr/share/go-1.19/src/sync", "/usr/share/go-1.19/src/strings",
        "/usr/share/go-1.19/src/bufio", "/usr/share/go-1.19/src/net/http", "/usr/share/go-1.19/src/encoding/json",
        "/usr/share/go-1.19/src/compress/gzip", "/usr/share/go-1.19/src/fmt", "/usr/share/go-1.19/src/go/parser",
        "/usr/share/gocode/src/github.com/valyala/fasthttp", "/usr/share/gocode/src/github.com/valyala/bytebufferpool",
    ])
    func parsesWithoutErrors(folder: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".go") }.sorted()
        #expect(!names.isEmpty, "no Go files in \(folder)")
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            let file = GoParser.parse(bytes)
            let first = file.syntaxErrors.first.map { "\($0.span.line):\($0.span.column): \($0.message)" } ?? ""
            #expect(file.syntaxErrors.isEmpty, "\(name):\(first)")
            #expect(file.packageName != nil, "\(name)")
            #expect(file.lineCount == SourceText(bytes).lineCount, "\(name)")
        }
    }

    @Test("sync.Pool's own source has the expected methods")
    func syncPool() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "/usr/share/go-1.19/src/sync/pool.go")))
        let file = GoParser.parse(bytes)
        let methods = file.decls.compactMap { decl -> String? in
            guard case .function(let function) = decl, function.receiverTypeName == "Pool" else { return nil }
            return function.name.name
        }
        #expect(methods == ["Put", "Get", "getSlow", "pin", "pinSlow"])
        #expect(!file.isGenerated)
        #expect(file.comments(onLine: 1).first?.text == "// Copyright 2013 The Go Authors. All rights reserved.")
    }
}
