import GoSyntax

/// The chain of statement lists that leads from a function body down to the statement
/// containing a byte offset.
///
/// Each frame is one statement list (a block, a case clause body) and the index of the
/// statement in it that contains the offset; the last frame's statement is the innermost one.
/// Function literals are not entered.
struct StatementPath {
    struct Frame {
        let statements: [Stmt]
        let index: Int

        var statement: Stmt { statements[index] }
        /// The statements of this list before the one on the path.
        var preceding: ArraySlice<Stmt> { statements[..<index] }
        /// The statements of this list after the one on the path.
        var following: ArraySlice<Stmt> { statements[(index + 1)...] }
    }

    private(set) var frames: [Frame] = []

    init(to offset: Int, in body: [Stmt]) {
        var current = body
        while let index = current.firstIndex(where: { $0.span.start <= offset && offset < $0.span.end }) {
            frames.append(Frame(statements: current, index: index))
            guard let next = Self.innerList(of: current[index], containing: offset) else { break }
            current = next
        }
    }

    /// The innermost statement on the path.
    var innermost: Stmt? { frames.last?.statement }

    /// The statement list nested directly in `statement` that contains `offset`.
    private static func innerList(of statement: Stmt, containing offset: Int) -> [Stmt]? {
        func contains(_ span: Span) -> Bool { span.start <= offset && offset < span.end }
        switch statement {
        case .block(let block):
            return block.statements
        case .labeled(let labeled):
            return contains(labeled.statement.span) ? [labeled.statement] : nil
        case .if(let node):
            if let initializer = node.initializer, contains(initializer.span) { return [initializer] }
            if contains(node.then.span) { return node.then.statements }
            if let other = node.elseBranch, contains(other.span) { return [other] }
            return nil
        case .for(let node):
            if contains(node.body.span) { return node.body.statements }
            return [node.initializer, node.post].compactMap { $0 }.first { contains($0.span) }.map { [$0] }
        case .range(let node):
            return contains(node.body.span) ? node.body.statements : nil
        case .switch(let node):
            if let initializer = node.initializer, contains(initializer.span) { return [initializer] }
            return node.clauses.first { contains($0.span) }?.body
        case .typeSwitch(let node):
            if let initializer = node.initializer, contains(initializer.span) { return [initializer] }
            return node.clauses.first { contains($0.span) }?.body
        case .select(let node):
            guard let clause = node.clauses.first(where: { contains($0.span) }) else { return nil }
            if let communication = clause.communication, contains(communication.span) { return [communication] }
            return clause.body
        default:
            return nil
        }
    }
}

extension StatementPath {
    /// True when control can go from the statement at offset `from` to the code at offset
    /// `to` without passing a `return`, `break`, `continue`, `goto` or a call that never
    /// returns. Only forward flow is followed: a loop's next iteration is not.
    static func flows(from: Int, to: Int, in body: [Stmt]) -> Bool {
        guard to > from else { return false }
        let path = StatementPath(to: from, in: body)
        if let innermost = path.innermost, innermost.isSimple,
           innermost.span.start <= to, to < innermost.span.end {
            return true
        }
        for frame in path.frames.reversed() {
            for statement in frame.following {
                if statement.span.start <= to, to < statement.span.end { return true }
                if statement.endsFlow { return false }
            }
        }
        return false
    }
}

extension Stmt {
    /// True for a statement after which the next statement of its list does not run.
    var endsFlow: Bool {
        switch self {
        case .return, .branch: true
        case .expr(let node): node.expr.asCall?.neverReturns ?? false
        default: false
        }
    }
}
