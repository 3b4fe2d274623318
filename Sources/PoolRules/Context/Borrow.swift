import GoSyntax

/// A local variable that holds an object borrowed from a pool inside one function.
struct Borrow {
    /// The variable the object was bound to.
    let name: String
    /// The variable and its aliases: `v` of `v := pool.Get()` and `b` of `b := v.(*T)`.
    var names: Set<String>
    let acquire: PoolOperation
    /// The type named in the assertion at the Get, as in `pool.Get().(*bytes.Buffer)`.
    let assertedType: GoType?
    /// Where the assertion is written, for typed-get findings.
    let assertion: TypeAssertExpr?
    /// The `ok` of `b, ok := pool.Get().(*T)`, false when the pool gave nothing of that type.
    let okName: String?
    /// The `err` of `b, err := acquire()`: by Go's convention `b` holds nothing when `err`
    /// is not nil.
    let errorName: String?
    /// The statement that binds the variable.
    let statement: Stmt
    /// The function the borrow happens in.
    let unit: FunctionUnit

    /// The type of the borrowed object, from the assertion, the wrapper, or the pool's `New`.
    var objectType: GoType? { assertedType ?? acquire.objectType }

    var line: Int { statement.span.line }
}

/// The borrows, releases and types of one function, computed once and shared by every rule.
struct FunctionFacts {
    let unit: FunctionUnit
    let environment: TypeEnvironment
    let borrows: [Borrow]
    /// Every pool operation in the function, closures excluded, in source order.
    let operations: [PoolOperation]
    /// Names declared in the body with `:=`, `var` or a `range` clause, closures excluded.
    let localNames: Set<String>

    init(unit: FunctionUnit, environment: TypeEnvironment, file: GoFile, package: PackageContext) {
        self.unit = unit
        self.environment = environment

        var operations: [PoolOperation] = []
        for statement in unit.body.statements {
            Walk.expressions(in: statement) { expr in
                if case .funcLit = expr { return .skip }
                if case .call(let call) = expr,
                   let operation = package.operation(call, environment: environment, unit: unit, file: file) {
                    operations.append(operation)
                }
                return .children
            }
        }
        self.operations = operations
        self.localNames = Self.declaredNames(in: unit.body.statements)
        self.borrows = Self.findBorrows(in: unit, file: file, package: package, environment: environment)
    }

    private static func findBorrows(
        in unit: FunctionUnit, file: GoFile, package: PackageContext, environment: TypeEnvironment
    ) -> [Borrow] {
        var borrows: [Borrow] = []

        func bind(_ target: Expr, _ value: Expr, statement: Stmt, okName: String? = nil, errorName: String? = nil) {
            guard let name = target.identName, name != "_" else { return }
            if let operation = package.acquisition(in: value, environment, unit, file) {
                var assertion: TypeAssertExpr?
                if case .typeAssert(let assert) = value.unparenthesized { assertion = assert }
                borrows.append(Borrow(
                    name: name, names: [name], acquire: operation,
                    assertedType: assertion?.type.flatMap { GoType(typeExpr: $0) }, assertion: assertion,
                    okName: okName, errorName: errorName, statement: statement, unit: unit))
                return
            }
            // An alias of an earlier borrow: `b := v.(*T)`, `c := b`, `buf := *bp`.
            guard let root = value.assertedOrCopiedName,
                  let index = borrows.lastIndex(where: { $0.names.contains(root) }) else { return }
            borrows[index].names.insert(name)
        }

        Walk.statements(in: unit.body.statements) { statement in
            switch statement {
            case .assign(let assign) where assign.op == ":=" || assign.op == "=":
                if assign.lhs.count == assign.rhs.count {
                    for (target, value) in zip(assign.lhs, assign.rhs) {
                        bind(target, value, statement: statement)
                    }
                } else if assign.rhs.count == 1, let first = assign.lhs.first {
                    var okName: String?
                    var errorName: String?
                    if assign.lhs.count == 2, case .typeAssert = assign.rhs[0].unparenthesized {
                        okName = assign.lhs[1].identName
                    } else if assign.lhs.count >= 2, assign.rhs[0].asCall != nil {
                        errorName = assign.lhs.last?.identName.flatMap { $0 == "_" ? nil : $0 }
                    }
                    bind(first, assign.rhs[0], statement: statement, okName: okName, errorName: errorName)
                }
            case .decl(let decl):
                for spec in decl.specs {
                    guard case .value(let value) = spec else { continue }
                    for (name, initial) in zip(value.names, value.values) {
                        bind(.ident(name), initial, statement: statement)
                    }
                }
            default:
                break
            }
            return .children
        }
        return borrows
    }

    private static func declaredNames(in statements: [Stmt]) -> Set<String> {
        var names: Set<String> = []
        Walk.statements(in: statements) { statement in
            switch statement {
            case .assign(let assign) where assign.isDefine:
                names.formUnion(assign.lhs.compactMap(\.identName))
            case .range(let range) where range.isDefine:
                names.formUnion([range.key, range.value].compactMap { $0?.identName })
            case .decl(let decl):
                for spec in decl.specs {
                    if case .value(let value) = spec { names.formUnion(value.names.map(\.name)) }
                }
            default:
                break
            }
            return .children
        }
        names.remove("_")
        return names
    }

    /// The releases in this function, closures excluded, of the object held by `borrow`.
    func releases(of borrow: Borrow) -> [PoolOperation] {
        operations.filter { operation in
            operation.kind == .release && operation.object?.passesObject(of: borrow.names) == true
        }
    }
}
