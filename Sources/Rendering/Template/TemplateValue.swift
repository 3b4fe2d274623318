/// A value that a template can insert or iterate over.
///
/// Templates see text, booleans, lists and objects only. Numbers are passed as text so that the
/// caller decides their format.
public indirect enum TemplateValue: Sendable, Hashable {
    /// Text inserted as given; the caller escapes it for the output format beforehand.
    case text(String)
    /// A flag for `{{#name}}` and `{{^name}}` sections. Inserting it with `{{name}}` is an error.
    case bool(Bool)
    /// Items that a `{{#name}}` section repeats over, each pushed onto the lookup stack.
    case list([TemplateValue])
    /// Named values, looked up by `{{name}}` and `{{name.member}}`.
    case object([String: TemplateValue])

    /// True when a `{{#name}}` section renders: a true flag, a non-empty list or text, or any object.
    var isTruthy: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }

    /// Returns the member `name` of an object, or nil for a missing member or a value that is
    /// not an object.
    func member(_ name: String) -> TemplateValue? {
        guard case .object(let members) = self else { return nil }
        return members[name]
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }

    public init(booleanLiteral value: Bool) { self = .bool(value) }

    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
