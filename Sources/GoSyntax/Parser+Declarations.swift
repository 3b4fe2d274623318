// The file, its package clause, and `import`, `var`, `const`, `type` and `func`
// declarations.
extension Parser {
    mutating func parseFile() -> SourceFile {
        var packageName: Ident?
        if accept(.package) {
            packageName = parseIdent()
            if !accept(.semicolon) && token.kind != .eof {
                reportExpected("';' after package clause")
            }
        } else {
            reportExpected("'package'")
        }

        var imports: [ImportSpec] = []
        var decls: [Decl] = []
        while token.kind != .eof {
            let before = consumed
            switch token.kind {
            case .semicolon:
                advance()
                continue
            case .func:
                decls.append(.function(parseFuncDecl()))
            case .var, .const, .type, .import:
                let decl = parseGenDecl()
                for case .import(let spec) in decl.specs {
                    imports.append(spec)
                }
                decls.append(.gen(decl))
            default:
                let first = token
                reportExpected("declaration")
                skipToNextDeclaration()
                decls.append(.bad(span(from: first)))
                continue
            }
            finishDeclaration()
            if consumed == before {
                advance()
            }
        }
        return SourceFile(packageName: packageName, imports: imports, decls: decls, comments: comments,
                          lineCount: lexer.lineCount, syntaxErrors: errors)
    }

    /// Consumes the semicolon after a top-level declaration. A declaration keyword right
    /// after it means the previous declaration was cut short, which was already reported.
    private mutating func finishDeclaration() {
        if accept(.semicolon) || token.kind == .eof { return }
        switch token.kind {
        case .func, .var, .const, .type, .import:
            return
        default:
            reportExpected("';' after declaration")
            skipToNextDeclaration()
        }
    }

    /// Skips at least one token and then up to a declaration keyword that starts a line.
    private mutating func skipToNextDeclaration() {
        advance()
        while token.kind != .eof {
            switch token.kind {
            case .func, .var, .const, .type, .import:
                if token.line > lastEndLine { return }
            default:
                break
            }
            advance()
        }
    }

    // MARK: - Functions

    private mutating func parseFuncDecl() -> FuncDecl {
        let first = token
        advance()
        var receiver: Field?
        if token.kind == .leftParen {
            let receivers = parseParameters()
            if receivers.count != 1 {
                report("method has \(receivers.count) receivers, expected 1", at: span(from: first))
            }
            receiver = receivers.first
        }
        let name = parseIdent()
        let typeParams = token.kind == .leftBracket ? parseTypeParameters() : []
        let signature = parseSignature(from: first, typeParams: typeParams)
        let body = token.kind == .leftBrace ? parseBlock() : nil
        return FuncDecl(receiver: receiver, name: name, type: signature, body: body, span: span(from: first))
    }

    // MARK: - General declarations

    mutating func parseGenDecl() -> GenDecl {
        let first = token
        let keyword: GenDecl.Keyword
        switch token.kind {
        case .var: keyword = .var
        case .const: keyword = .const
        case .type: keyword = .type
        default: keyword = .import
        }
        advance()
        var specs: [Spec] = []
        if accept(.leftParen) {
            while token.kind != .rightParen && token.kind != .eof && !atDeclarationStartInBody {
                let before = consumed
                specs.append(parseSpec(keyword))
                if !accept(.semicolon) && token.kind != .rightParen {
                    reportExpected("';' or ')'")
                    skipToStatementEnd()
                }
                if consumed == before {
                    advance()
                }
            }
            expectClosing(.rightParen)
        } else {
            specs.append(parseSpec(keyword))
        }
        return GenDecl(keyword: keyword, specs: specs, span: span(from: first))
    }

    private mutating func parseSpec(_ keyword: GenDecl.Keyword) -> Spec {
        switch keyword {
        case .import: return .import(parseImportSpec())
        case .type: return .type(parseTypeSpec())
        case .var, .const: return .value(parseValueSpec())
        }
    }

    private mutating func parseImportSpec() -> ImportSpec {
        let first = token
        var name: Ident?
        if token.kind == .identifier {
            name = parseIdent()
        } else if token.kind == .period {
            name = Ident(name: ".", span: token.span)
            advance()
        }
        var path = ""
        if token.kind == .string {
            path = stringLiteralValue(tokenText) ?? tokenText
            advance()
        } else {
            reportExpected("import path")
        }
        return ImportSpec(name: name, path: path, span: span(from: first))
    }

    private mutating func parseValueSpec() -> ValueSpec {
        let first = token
        var names = [parseIdent()]
        while accept(.comma) {
            names.append(parseIdent())
        }
        var type: Expr?
        switch token.kind {
        case .assign, .semicolon, .rightParen, .eof:
            break
        default:
            type = parseType()
        }
        let values = accept(.assign) ? parseExprList() : []
        return ValueSpec(names: names, type: type, values: values, span: span(from: first))
    }
}
