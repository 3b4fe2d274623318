/// The step a walk takes after visiting a statement or an expression.
public enum WalkAction: Sendable {
    /// Visit the node's children, then go on.
    case visitChildren
    /// Leave the node's children out and go on with the next node.
    case skipChildren
    /// End the walk.
    case stop
}

/// A node that can be walked depth-first.
///
/// A walk visits nodes in source order, each before its children (pre-order). It enters
/// function literals, so a walk of a function body also visits the statements of its
/// closures. Return `.skipChildren` for a `.funcLit` to treat closures separately.
/// Blocks that belong to another construct, such as the body of an `if` or a function,
/// are not visited as statements themselves, but their statements are. Case and comm
/// clauses are visited through their expressions and statements.
///
/// Every `Ident` of the tree reaches `identifiers`: declared names, parameter and field
/// names, labels, selector names and the package name as well as identifier expressions.
/// An identifier expression reaches `identifiers` only when `expressions` returned
/// `.visitChildren` for it.
public protocol SyntaxWalkable {
    /// Walks the node and its descendants, calling `statements` for every statement,
    /// `expressions` for every expression (type expressions included) and `identifiers` for
    /// every identifier.
    func walk(
        statements: (Stmt) -> WalkAction,
        expressions: (Expr) -> WalkAction,
        identifiers: (Ident) -> Void
    )
}

extension SyntaxWalkable {
    /// Calls `visit` for every expression, depth-first, including the node itself when it is
    /// an expression and the expressions inside function literals.
    public func forEachExpr(_ visit: (Expr) -> WalkAction) {
        walk(statements: { _ in .visitChildren }, expressions: visit, identifiers: { _ in })
    }

    /// Calls `visit` for every statement, depth-first, including the node itself when it is
    /// a statement and the statements inside function literals.
    public func forEachStmt(_ visit: (Stmt) -> WalkAction) {
        walk(statements: visit, expressions: { _ in .visitChildren }, identifiers: { _ in })
    }

    /// Calls `visit` for every identifier, in source order.
    public func forEachIdent(_ visit: (Ident) -> Void) {
        walk(statements: { _ in .visitChildren }, expressions: { _ in .visitChildren }, identifiers: visit)
    }
}

extension Stmt: SyntaxWalkable {
    public func walk(
        statements: (Stmt) -> WalkAction, expressions: (Expr) -> WalkAction, identifiers: (Ident) -> Void
    ) {
        Walker.run(statements, expressions, identifiers) { $0.walk(self) }
    }
}

extension Expr: SyntaxWalkable {
    public func walk(
        statements: (Stmt) -> WalkAction, expressions: (Expr) -> WalkAction, identifiers: (Ident) -> Void
    ) {
        Walker.run(statements, expressions, identifiers) { $0.walk(self) }
    }
}

extension Block: SyntaxWalkable {
    public func walk(
        statements: (Stmt) -> WalkAction, expressions: (Expr) -> WalkAction, identifiers: (Ident) -> Void
    ) {
        Walker.run(statements, expressions, identifiers) { $0.walk(self) }
    }
}

extension Decl: SyntaxWalkable {
    public func walk(
        statements: (Stmt) -> WalkAction, expressions: (Expr) -> WalkAction, identifiers: (Ident) -> Void
    ) {
        Walker.run(statements, expressions, identifiers) { $0.walk(self) }
    }
}

extension SourceFile: SyntaxWalkable {
    public func walk(
        statements: (Stmt) -> WalkAction, expressions: (Expr) -> WalkAction, identifiers: (Ident) -> Void
    ) {
        Walker.run(statements, expressions, identifiers) { walker in
            if let packageName { walker.identifiers(packageName) }
            return walker.walk(decls)
        }
    }
}
