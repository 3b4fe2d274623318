import GoSyntax
import PoolRules
import ReviewModel

/// Runs rules on Go source held in memory, as if every line were new.
enum RuleRunner {
    /// The findings of every rule on a package made of `files` (path and source), for the
    /// file at `path`.
    static func findings(
        in files: [(path: String, source: String)], reviewing path: String, touched: TouchedLines? = nil,
        base: String? = nil
    ) -> [Finding] {
        let parsed = files.map { GoFile(path: $0.path, bytes: Array($0.source.utf8), syntax: GoParser.parse($0.source)) }
        guard let file = parsed.first(where: { $0.path == path }) else { return [] }
        let package = PackageContext(files: parsed)
        let baseFile = base.map { GoFile(path: path, bytes: Array($0.utf8), syntax: GoParser.parse($0)) }
        let context = FileContext(
            file: file, package: package, baseFile: baseFile,
            touched: touched ?? .wholeFile(lineCount: file.syntax.lineCount))
        return Matcher().review(context).findings
    }

    /// The findings of one rule on one Go file, every line counting as new.
    static func findings(of rule: any Rule.Type, in source: String) -> [Finding] {
        let file = GoFile(path: "example.go", bytes: Array(source.utf8), syntax: GoParser.parse(source))
        let context = FileContext(
            file: file, package: PackageContext(files: [file]), touched: .wholeFile(lineCount: file.syntax.lineCount))
        return rule.init().check(context).findings
    }
}
