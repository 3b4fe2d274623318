/// The kind of a Go token, as the Go specification's lexical grammar defines them.
///
/// Operator cases are named after the operator's meaning, and `description` gives the
/// spelling used in error messages.
public enum TokenKind: UInt8, Sendable {
    case eof
    /// A byte sequence that is no Go token, such as `@` or a NUL byte.
    case illegal
    case comment

    case identifier
    case int
    case float
    case imaginary
    case rune
    case string

    // Operators and punctuation.
    case add, subtract, multiply, divide, remainder
    case and, or, xor, shiftLeft, shiftRight, andNot
    case addAssign, subtractAssign, multiplyAssign, divideAssign, remainderAssign
    case andAssign, orAssign, xorAssign, shiftLeftAssign, shiftRightAssign, andNotAssign
    case logicalAnd, logicalOr, arrow, increment, decrement
    case equal, less, greater, assign, not, tilde
    case notEqual, lessOrEqual, greaterOrEqual, define, ellipsis
    case leftParen, leftBracket, leftBrace, comma, period
    case rightParen, rightBracket, rightBrace, semicolon, colon

    // Keywords.
    case `break`, `case`, chan, const, `continue`, `default`, `defer`, `else`
    case `fallthrough`, `for`, `func`, go, goto, `if`, `import`, interface
    case map, package, range, `return`, select, `struct`, `switch`, type, `var`

    /// True for the 25 keywords.
    public var isKeyword: Bool { rawValue >= TokenKind.break.rawValue }

    /// True for integer, floating-point, imaginary, rune and string literals.
    public var isLiteral: Bool { rawValue >= TokenKind.int.rawValue && rawValue <= TokenKind.string.rawValue }

    /// True for `=` and the operator assignments such as `+=` (not `:=`).
    public var isAssignment: Bool {
        self == .assign || (rawValue >= TokenKind.addAssign.rawValue && rawValue <= TokenKind.andNotAssign.rawValue)
    }

    /// True for the binary operators whose grouping does not change the result of an
    /// exact computation: `+ * & | ^ && ||`.
    public var isAssociative: Bool {
        switch self {
        case .add, .multiply, .and, .or, .xor, .logicalAnd, .logicalOr: return true
        default: return false
        }
    }

    /// The precedence of a binary operator, from 5 (`*`) down to 1 (`||`), or 0 when the
    /// token is no binary operator.
    public var binaryPrecedence: Int {
        switch self {
        case .multiply, .divide, .remainder, .shiftLeft, .shiftRight, .and, .andNot: return 5
        case .add, .subtract, .or, .xor: return 4
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return 3
        case .logicalAnd: return 2
        case .logicalOr: return 1
        default: return 0
        }
    }
}

extension TokenKind: CustomStringConvertible {
    /// The operator or keyword as written in Go, or a word for the other kinds.
    public var description: String {
        switch self {
        case .eof: return "end of file"
        case .illegal: return "illegal character"
        case .comment: return "comment"
        case .identifier: return "identifier"
        case .int, .float, .imaginary, .rune, .string: return "literal"
        default: return TokenKind.spellings[self] ?? "token"
        }
    }

    static let spellings: [TokenKind: String] = [
        .break: "break", .case: "case", .chan: "chan", .const: "const", .continue: "continue",
        .default: "default", .defer: "defer", .else: "else", .fallthrough: "fallthrough",
        .for: "for", .func: "func", .go: "go", .goto: "goto", .if: "if", .import: "import",
        .interface: "interface", .map: "map", .package: "package", .range: "range",
        .return: "return", .select: "select", .struct: "struct", .switch: "switch",
        .type: "type", .var: "var",
        .add: "+", .subtract: "-", .multiply: "*", .divide: "/", .remainder: "%",
        .and: "&", .or: "|", .xor: "^", .shiftLeft: "<<", .shiftRight: ">>", .andNot: "&^",
        .addAssign: "+=", .subtractAssign: "-=", .multiplyAssign: "*=", .divideAssign: "/=",
        .remainderAssign: "%=", .andAssign: "&=", .orAssign: "|=", .xorAssign: "^=",
        .shiftLeftAssign: "<<=", .shiftRightAssign: ">>=", .andNotAssign: "&^=",
        .logicalAnd: "&&", .logicalOr: "||", .arrow: "<-", .increment: "++", .decrement: "--",
        .equal: "==", .less: "<", .greater: ">", .assign: "=", .not: "!", .tilde: "~",
        .notEqual: "!=", .lessOrEqual: "<=", .greaterOrEqual: ">=", .define: ":=", .ellipsis: "...",
        .leftParen: "(", .leftBracket: "[", .leftBrace: "{", .comma: ",", .period: ".",
        .rightParen: ")", .rightBracket: "]", .rightBrace: "}", .semicolon: ";", .colon: ":",
    ]
}

/// One token with its position in the source.
///
/// Offsets are byte offsets with `end` exclusive. Lines and columns are 1-based, and columns
/// count bytes. A semicolon that the lexer inserted at a newline or at the end of the file
/// is empty (`start == end`).
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var start: Int
    public var end: Int
    public var line: Int
    public var column: Int
    /// The line of the token's last byte. It differs from `line` only for raw strings and
    /// block comments that span lines.
    public var endLine: Int

    public init(kind: TokenKind, start: Int, end: Int, line: Int, column: Int, endLine: Int) {
        self.kind = kind
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.endLine = endLine
    }

    /// True for a semicolon that the lexer inserted rather than read.
    public var isAutomaticSemicolon: Bool { kind == .semicolon && start == end }

    /// The token's span.
    public var span: Span { Span(start: start, end: end, line: line, column: column, endLine: endLine) }
}
