extension Expr {
    /// The expression as compact, normalized Go, for comparing two expressions and for naming
    /// one in a message: `p.pool.Get().(*bytes.Buffer)`, `buf[:0]`, `&T{}`,
    /// `make([]byte, 0, n)`.
    ///
    /// Comments and line breaks are dropped, binary operators get one space on each side and
    /// list items are separated by `, `. Parentheses appear only where the source has them.
    /// Long parts are abbreviated with `…`, so two different expressions can print alike:
    /// - a function literal prints its signature and `{…}` for its body;
    /// - a composite literal with more than 4 elements, or whose elements print longer than
    ///   40 bytes, prints `T{…}`;
    /// - a non-empty struct or interface type prints `struct{…}` or `interface{…}`;
    /// - a string literal longer than 40 bytes, or one that spans lines, prints its first 20
    ///   characters (up to the first line break), `…` and its closing quote.
    ///
    /// A `.bad` node prints as `BadExpr`.
    public var canonicalText: String {
        var printer = GoPrinter()
        printer.write(self)
        return printer.output
    }
}

/// Writes expressions as compact Go text in the format that `Expr.canonicalText` describes.
struct GoPrinter {
    // The limits that `Expr.canonicalText` documents.
    static let maxCompositeElements = 4
    static let maxCompositeText = 40
    static let maxLiteralText = 40

    var output = ""

    mutating func write(_ expression: Expr) {
        switch expression {
        case .ident(let node): output += node.name
        case .basicLit(let node): writeLiteral(node.raw)
        case .compositeLit(let node): writeComposite(node)
        case .funcLit(let node):
            write(node.type)
            output += " {…}"
        case .paren(let node): write("(", node.inner, ")")
        case .selector(let node):
            write(node.base)
            output += "." + node.name.name
        case .index(let node):
            write(node.base)
            output += "["
            write(node.indices)
            output += "]"
        case .slice(let node): writeSlice(node)
        case .typeAssert(let node):
            write(node.base)
            if let type = node.type { write(".(", type, ")") } else { output += ".(type)" }
        case .call(let node):
            write(node.function)
            output += "("
            write(node.arguments)
            output += node.hasEllipsis ? "...)" : ")"
        case .star(let node): write("*", node.operand, "")
        case .unary(let node): write(node.op, node.operand, "")
        case .binary(let node):
            write(node.left)
            write(" \(node.op) ", node.right, "")
        case .keyValue(let node):
            write(node.key)
            write(": ", node.value, "")
        case .arrayType(let node):
            output += "["
            if let length = node.length { write(length) }
            write("]", node.element, "")
        case .structType(let node): output += node.fields.isEmpty ? "struct{}" : "struct{…}"
        case .funcType(let node): write(node)
        case .interfaceType(let node): output += node.elements.isEmpty ? "interface{}" : "interface{…}"
        case .mapType(let node):
            write("map[", node.key, "]")
            write(node.value)
        case .chanType(let node): writeChannel(node)
        case .ellipsis(let node):
            output += "..."
            if let element = node.element { write(element) }
        case .bad: output += "BadExpr"
        }
    }

    /// Writes `expression` between `prefix` and `suffix`.
    private mutating func write(_ prefix: String, _ expression: Expr, _ suffix: String) {
        output += prefix
        write(expression)
        output += suffix
    }

    private mutating func write(_ list: [Expr]) {
        for (index, expression) in list.enumerated() {
            if index > 0 { output += ", " }
            write(expression)
        }
    }

    private mutating func writeLiteral(_ raw: String) {
        let isLong = raw.utf8.count > GoPrinter.maxLiteralText || raw.contains("\n")
        guard isLong, let quote = raw.first, quote == "\"" || quote == "`" else {
            output += raw
            return
        }
        let start = raw.prefix(GoPrinter.maxLiteralText / 2).prefix { $0 != "\n" && $0 != "\r" }
        output += start + "…" + String(quote)
    }

    private mutating func writeComposite(_ node: CompositeLit) {
        if let type = node.type { write(type) }
        guard node.elements.count <= GoPrinter.maxCompositeElements else {
            output += "{…}"
            return
        }
        var elements = GoPrinter()
        elements.write(node.elements)
        output += elements.output.utf8.count > GoPrinter.maxCompositeText ? "{…}" : "{\(elements.output)}"
    }

    private mutating func writeSlice(_ node: SliceExpr) {
        write(node.base)
        output += "["
        if let low = node.low { write(low) }
        output += ":"
        if let high = node.high { write(high) }
        if let max = node.max {
            output += ":"
            write(max)
        }
        output += "]"
    }

    private mutating func writeChannel(_ node: ChanType) {
        switch node.direction {
        case .both: output += "chan "
        case .send: output += "chan<- "
        case .receive: output += "<-chan "
        }
        // `chan (<-chan T)` needs its parentheses, or the arrow would bind to the outer chan.
        if node.direction == .both, case .chanType(let inner) = node.value, inner.direction == .receive {
            output += "("
            write(node.value)
            output += ")"
        } else {
            write(node.value)
        }
    }

    private mutating func write(_ type: FuncType) {
        output += "func"
        if !type.typeParams.isEmpty {
            output += "["
            write(type.typeParams)
            output += "]"
        }
        output += "("
        write(type.params)
        output += ")"
        if type.results.count == 1 && type.results[0].names.isEmpty {
            output += " "
            write(type.results[0].type)
        } else if !type.results.isEmpty {
            output += " ("
            write(type.results)
            output += ")"
        }
    }

    private mutating func write(_ fields: [Field]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output += ", " }
            if !field.names.isEmpty {
                output += field.names.map(\.name).joined(separator: ", ") + " "
            }
            write(field.type)
        }
    }
}
