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
        while let index = Self.index(containing: offset, in: current) {
            frames.append(Frame(statements: current, index: index))
            guard let next = Self.innerList(of: current[index], containing: offset) else { break }
            current = next
        }
    }

    /// Finds the statement of `list` that contains `offset` by binary search, which works
    /// because the statements of a list are in source order and do not overlap. A linear
    /// search made questions about functions with thousands of statements quadratic.
    private static func index(containing offset: Int, in list: [Stmt]) -> Int? {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].span.end <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < list.count, list[low].span.start <= offset else { return nil }
        return low
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
    /// The code that control reaches after the statement at one offset, without passing a
    /// `return`, `break`, `continue`, `goto` or a call that never returns. Only forward flow is
    /// followed: a loop's next iteration is not.
    struct Reach {
        /// Byte ranges in source order that do not overlap: the rest of the statement itself
        /// when it is simple, then the statements that follow it in each enclosing list, up to
        /// and including the first one that ends the flow.
        private(set) var ranges: [Range<Int>] = []

        init(from offset: Int, in body: [Stmt]) {
            let path = StatementPath(to: offset, in: body)
            if let innermost = path.innermost, innermost.isSimple, offset + 1 < innermost.span.end {
                ranges.append((offset + 1)..<innermost.span.end)
            }
            for frame in path.frames.reversed() {
                for statement in frame.following {
                    ranges.append(statement.span.start..<statement.span.end)
                    if statement.endsFlow { return }
                }
            }
        }

        /// The end of the last range: nothing at or after it is reached.
        var end: Int { ranges.last?.upperBound ?? 0 }

        func contains(_ offset: Int) -> Bool {
            var low = 0
            var high = ranges.count
            while low < high {
                let middle = (low + high) / 2
                if ranges[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
            }
            return low < ranges.count && ranges[low].contains(offset)
        }
    }

    /// True when control can go from the statement at offset `from` to the code at offset
    /// `to`, as `Reach` describes.
    static func flows(from: Int, to: Int, in body: [Stmt]) -> Bool {
        Reach(from: from, in: body).contains(to)
    }
}

/// The reach of each statement of one function body, each computed once. A function that
/// puts an object back on a thousand paths checks about a million pairs of Put and exit.
final class FlowCache {
    private let body: [Stmt]
    private var reaches: [Int: StatementPath.Reach] = [:]

    init(body: [Stmt]) {
        self.body = body
    }

    func reach(from offset: Int) -> StatementPath.Reach {
        if let known = reaches[offset] { return known }
        let reach = StatementPath.Reach(from: offset, in: body)
        reaches[offset] = reach
        return reach
    }

    func flows(from: Int, to: Int) -> Bool {
        reach(from: from).contains(to)
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
