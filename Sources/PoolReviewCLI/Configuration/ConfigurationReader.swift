import Foundation
import PoolRules
import ReviewModel

/// Reads the JSON object of a configuration file into a `Configuration`, key by key.
struct ConfigurationReader {
    let source: String

    static let topLevelKeys = ["items", "paths", "wrappers", "sizeCap", "linkTemplate", "hookMode"]

    mutating func read(_ object: Any) throws(ConfigurationError) -> Configuration {
        let root = try dictionary(object, key: "(top level)")
        try checkKeys(root, known: Self.topLevelKeys, prefix: "")
        var configuration = Configuration()

        if let items = root["items"] {
            try readItems(try dictionary(items, key: "items"), into: &configuration)
        }
        if let paths = root["paths"] {
            let paths = try dictionary(paths, key: "paths")
            try checkKeys(paths, known: ["include", "exclude"], prefix: "paths.")
            configuration.includePaths = try strings(paths["include"], key: "paths.include")
            configuration.excludePaths = try strings(paths["exclude"], key: "paths.exclude")
        }
        if let wrappers = root["wrappers"] {
            guard let list = wrappers as? [Any] else {
                throw .invalidValue(source: source, key: "wrappers", expected: "a list of wrapper objects")
            }
            configuration.wrappers = try list.enumerated().map { index, element throws(ConfigurationError) in
                try readWrapper(element, key: "wrappers[\(index)]")
            }
        }
        if let sizeCap = root["sizeCap"] {
            let sizeCap = try dictionary(sizeCap, key: "sizeCap")
            try checkKeys(sizeCap, known: ["maxBytes"], prefix: "sizeCap.")
            if let value = sizeCap["maxBytes"] {
                guard let number = value as? NSNumber, !Self.isBoolean(number), number.doubleValue >= 1,
                      number.doubleValue == number.doubleValue.rounded(), number.doubleValue < 1e15 else {
                    throw .invalidValue(source: source, key: "sizeCap.maxBytes", expected: "a whole number of bytes, 1 or more")
                }
                configuration.sizeCapMaxBytes = number.intValue
            }
        }
        if let template = root["linkTemplate"] {
            guard let text = template as? String, text.hasPrefix("https://") else {
                throw .invalidValue(source: source, key: "linkTemplate", expected: "an https URL with {path} and {line}")
            }
            configuration.linkTemplate = text
        }
        if let mode = root["hookMode"] {
            guard let text = mode as? String, ["warn", "block"].contains(text) else {
                throw .invalidValue(source: source, key: "hookMode", expected: "\"warn\" or \"block\"")
            }
            configuration.hookMode = text
        }
        return configuration
    }

    private func readItems(_ items: [String: Any], into configuration: inout Configuration) throws(ConfigurationError) {
        for (name, settings) in items {
            guard let item = ChecklistItemID(rawValue: name) else {
                throw .unknownKey(source: source, key: "items." + name, known: ChecklistItemID.allCases.map(\.rawValue))
            }
            let settings = try dictionary(settings, key: "items." + name)
            try checkKeys(settings, known: ["enabled", "severity"], prefix: "items.\(name).")
            if let enabled = settings["enabled"] {
                guard let flag = enabled as? NSNumber, Self.isBoolean(flag) else {
                    throw .invalidValue(source: source, key: "items.\(name).enabled", expected: "true or false")
                }
                if !flag.boolValue { configuration.enabledItems.remove(item) }
            }
            if let severity = settings["severity"] {
                guard let text = severity as? String, let value = Severity(rawValue: text) else {
                    throw .invalidValue(source: source, key: "items.\(name).severity", expected: "\"error\", \"warning\" or \"info\"")
                }
                configuration.severities[item] = value
            }
        }
    }

    private func readWrapper(_ element: Any, key: String) throws(ConfigurationError) -> WrapperSpec {
        let object = try dictionary(element, key: key)
        try checkKeys(object, known: ["name", "kind", "argument", "objectType", "resets", "limitsSize", "counterpart"], prefix: key + ".")
        guard let name = object["name"] as? String, name.contains("."), !name.hasPrefix("."), !name.hasSuffix(".") else {
            throw .invalidValue(source: source, key: key + ".name", expected: "\"package.Function\" or \"package.Type.Method\"")
        }
        guard let kindText = object["kind"] as? String, let kind = WrapperKind(rawValue: kindText) else {
            throw .invalidValue(source: source, key: key + ".kind", expected: "\"acquire\" or \"release\"")
        }
        var argument: Int?
        if let value = object["argument"] {
            guard let number = value as? NSNumber, !Self.isBoolean(number), number.intValue >= 0,
                  Double(number.intValue) == number.doubleValue else {
                throw .invalidValue(source: source, key: key + ".argument", expected: "the index of the released argument, from 0")
            }
            argument = number.intValue
        } else if kind == .release, name.split(separator: ".").count < 3 {
            argument = 0
        }
        return WrapperSpec(
            name: name, kind: kind, argument: argument, objectType: try optionalString(object["objectType"], key: key + ".objectType"),
            resets: try flag(object["resets"], key: key + ".resets"), limitsSize: try flag(object["limitsSize"], key: key + ".limitsSize"),
            counterpart: try optionalString(object["counterpart"], key: key + ".counterpart"))
    }

    // MARK: - Value helpers

    private func dictionary(_ value: Any, key: String) throws(ConfigurationError) -> [String: Any] {
        guard let dictionary = value as? [String: Any] else {
            throw .invalidValue(source: source, key: key, expected: "an object")
        }
        return dictionary
    }

    private func checkKeys(_ object: [String: Any], known: [String], prefix: String) throws(ConfigurationError) {
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unknownKey(source: source, key: prefix + unknown, known: known.map { prefix + $0 })
        }
    }

    private func strings(_ value: Any?, key: String) throws(ConfigurationError) -> [String] {
        guard let value else { return [] }
        guard let list = value as? [String], !list.contains(where: \.isEmpty) else {
            throw .invalidValue(source: source, key: key, expected: "a list of non-empty path patterns")
        }
        return list
    }

    private func optionalString(_ value: Any?, key: String) throws(ConfigurationError) -> String? {
        guard let value else { return nil }
        guard let text = value as? String, !text.isEmpty else {
            throw .invalidValue(source: source, key: key, expected: "a non-empty string")
        }
        return text
    }

    private func flag(_ value: Any?, key: String) throws(ConfigurationError) -> Bool {
        guard let value else { return false }
        guard let number = value as? NSNumber, Self.isBoolean(number) else {
            throw .invalidValue(source: source, key: key, expected: "true or false")
        }
        return number.boolValue
    }

    /// True for a JSON `true` or `false`, which Foundation hands out as an NSNumber of its own
    /// boolean subclass.
    static func isBoolean(_ number: NSNumber) -> Bool {
        type(of: number) == type(of: NSNumber(value: true))
    }
}
