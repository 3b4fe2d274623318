import GoSyntax

/// The declarations of one Go package, read from all of its files at one revision.
///
/// This index is syntactic. It records names and written types, not the types a compiler would
/// infer.
final class PackageIndex: Sendable {
    /// Named types declared in the package, by name.
    let types: [String: TypeSpec]
    /// The file that declares each named type, by type name.
    let typePaths: [String: String]
    /// Struct fields by type name, then field name (embedded fields by their type's short name).
    let fields: [String: [String: GoType]]
    /// Package-level functions by name.
    let functions: [String: FuncDecl]
    /// Methods by receiver type name (without `*`), then method name.
    let methods: [String: [String: FuncDecl]]
    /// Package-level variables with a written type or a value, by name.
    let variables: [String: ValueSpec]
    /// Package-level constants with an explicit value, by name.
    let constants: [String: Expr]

    init(files: [GoFile]) {
        var builder = Builder()
        for file in files {
            for decl in file.syntax.decls {
                builder.add(decl, path: file.path)
            }
        }
        types = builder.types
        typePaths = builder.typePaths
        fields = builder.fields
        functions = builder.functions
        methods = builder.methods
        variables = builder.variables
        constants = builder.constants
    }

    /// Collects the declarations before the index is frozen.
    private struct Builder {
        var types: [String: TypeSpec] = [:]
        var typePaths: [String: String] = [:]
        var fields: [String: [String: GoType]] = [:]
        var functions: [String: FuncDecl] = [:]
        var methods: [String: [String: FuncDecl]] = [:]
        var variables: [String: ValueSpec] = [:]
        var constants: [String: Expr] = [:]

        mutating func add(_ decl: Decl, path: String) {
            switch decl {
            case .function(let function):
                if let receiver = function.receiver, let typeName = GoType(typeExpr: receiver.type)?.shortName {
                    methods[typeName, default: [:]][function.name.name] = function
                } else {
                    functions[function.name.name] = function
                }
            case .gen(let gen):
                for spec in gen.specs {
                    switch spec {
                    case .type(let typeSpec):
                        types[typeSpec.name.name] = typeSpec
                        typePaths[typeSpec.name.name] = path
                        if case .structType(let structType) = typeSpec.type {
                            fields[typeSpec.name.name] = PackageIndex.fieldTypes(structType)
                        }
                    case .value(let value) where gen.keyword == .var:
                        for name in value.names {
                            variables[name.name] = value
                        }
                    case .value(let value) where gen.keyword == .const && value.values.count == value.names.count:
                        for (name, expr) in zip(value.names, value.values) {
                            constants[name.name] = expr
                        }
                    default:
                        break
                    }
                }
            case .bad:
                break
            }
        }
    }

    static func fieldTypes(_ structType: StructType) -> [String: GoType] {
        var result: [String: GoType] = [:]
        for field in structType.fields {
            guard let type = GoType(typeExpr: field.type) else { continue }
            if field.names.isEmpty {
                if let name = type.shortName { result[name] = type }
            } else {
                for name in field.names {
                    result[name.name] = type
                }
            }
        }
        return result
    }

    // MARK: - Questions the rules ask

    /// The written type behind a named type of this package, following the chain of
    /// definitions (`type A B; type B []byte`) a few steps.
    func underlying(_ type: GoType) -> GoType {
        var current = type
        for _ in 0..<8 {
            guard case .named(let name) = current, let spec = types[name.split(separator: "[").first.map(String.init) ?? name],
                  let next = GoType(typeExpr: spec.type) else { return current }
            if case .anonymousStruct = next { return current }
            current = next
        }
        return current
    }

    /// True when a value of `type` is a struct, array, slice, string or number: something
    /// that `sync.Pool` must box, unlike pointers, maps, channels and functions.
    func isNonPointerValue(_ type: GoType) -> Bool {
        isNonPointerValue(type, followed: [])
    }

    /// Returns whether `type` is a value that `sync.Pool` must box. `followed` contains the named
    /// types already stepped through, so a cycle such as `type A B; type B A` returns false.
    private func isNonPointerValue(_ type: GoType, followed: Set<String>) -> Bool {
        switch type {
        case .pointer, .map, .chan, .function, .interface:
            return false
        case .slice, .array, .anonymousStruct:
            return true
        case .named(let name):
            if KnownTypes.predeclaredValues.contains(name) || KnownTypes.standardStructs.contains(name) { return true }
            guard let spec = types[name], !followed.contains(name) else { return false }
            if case .structType = spec.type { return true }
            guard let next = GoType(typeExpr: spec.type) else { return false }
            return isNonPointerValue(next, followed: followed.union([name]))
        }
    }

    /// True when the package declares `name` as a struct type.
    func isStruct(_ name: String) -> Bool {
        if case .structType = types[name]?.type { return true }
        return false
    }

    /// The declared type of `field` in the struct named `typeName`.
    func fieldType(_ field: String, in typeName: String) -> GoType? {
        fields[typeName]?[field]
    }

    /// The single result type of a package function or method, if it has exactly one.
    func resultType(ofFunction name: String, receiverType: String? = nil) -> GoType? {
        let decl = receiverType.flatMap { methods[$0]?[name] } ?? (receiverType == nil ? functions[name] : nil)
        guard let results = decl?.type.results, results.count == 1, results[0].names.count <= 1 else { return nil }
        return GoType(typeExpr: results[0].type)
    }

    /// True when the package function `name` always panics: its body ends in `panic(…)` and
    /// it has no `return`, like gob's `error_`.
    func alwaysPanics(_ name: String) -> Bool {
        guard let body = functions[name]?.body, let last = body.statements.last,
              case .expr(let node) = last, node.expr.asCall?.isBuiltin("panic") == true else { return false }
        var returns = false
        Walk.statements(in: body.statements) { statement in
            if case .return = statement { returns = true }
            return returns ? .skip : .children
        }
        return !returns
    }

    /// The value of an integer constant expression: literals, package constants, `+ - * <<`
    /// and parentheses; nil for anything else or on overflow.
    func integerValue(of expr: Expr, depth: Int = 0) -> Int? {
        guard depth < 16 else { return nil }
        switch expr.unparenthesized {
        case .basicLit(let literal) where literal.kind == .int:
            let digits = literal.raw.filter { $0 != "_" }
            if digits.hasPrefix("0x") || digits.hasPrefix("0X") { return Int(digits.dropFirst(2), radix: 16) }
            if digits.hasPrefix("0b") || digits.hasPrefix("0B") { return Int(digits.dropFirst(2), radix: 2) }
            if digits.hasPrefix("0o") || digits.hasPrefix("0O") { return Int(digits.dropFirst(2), radix: 8) }
            if digits.count > 1, digits.hasPrefix("0") { return Int(digits.dropFirst(), radix: 8) }
            return Int(digits)
        case .ident(let ident):
            return constants[ident.name].flatMap { integerValue(of: $0, depth: depth + 1) }
        case .binary(let binary):
            guard let left = integerValue(of: binary.left, depth: depth + 1),
                  let right = integerValue(of: binary.right, depth: depth + 1) else { return nil }
            switch binary.op {
            case "+": return left.addingReportingOverflow(right).overflow ? nil : left + right
            case "-": return left.subtractingReportingOverflow(right).overflow ? nil : left - right
            case "*": return left.multipliedReportingOverflow(by: right).overflow ? nil : left * right
            case "<<": return right >= 0 && right < 62 && left >= 0 && left <= (Int.max >> right) ? left << right : nil
            default: return nil
            }
        default:
            return nil
        }
    }

    /// True when the type named `typeName` has a method called `method`.
    func hasMethod(_ method: String, on typeName: String) -> Bool {
        methods[typeName]?[method] != nil
    }
}
