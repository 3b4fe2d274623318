// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "poolreview",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "poolreview", targets: ["poolreview"]),
    ],
    targets: [
        // libgit2 from the system (Debian: libgit2-dev). Only GitReader imports it.
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),

        // Plain value types shared by every layer: change sets, findings, reports.
        .target(name: "ReviewModel"),

        // Go source reader: bytes to tokens to a tolerant syntax tree. Knows nothing of git or pools.
        .target(name: "GoSyntax"),

        // The only code that talks to libgit2.
        .target(name: "GitReader", dependencies: ["CLibgit2", "ReviewModel"]),

        // The checklist, bug explanations and Markdown templates, compiled into the binary from
        // the top-level Checklists/ and Templates/ folders (linked into the target's folder) so the tool
        // runs without the checkout.
        .target(
            name: "ChecklistData",
            dependencies: ["ReviewModel"],
            resources: [.embedInCode("Checklists"), .embedInCode("Templates")]
        ),

        // Package context and one rule per checklist item.
        .target(name: "PoolRules", dependencies: ["GoSyntax", "ReviewModel"]),

        // Turns a report into Markdown, text and JSON. Knows nothing of git or Go.
        .target(name: "Rendering", dependencies: ["ReviewModel", "ChecklistData"]),

        // Commands, options and exit codes, callable from tests without a process.
        .target(
            name: "PoolReviewCLI",
            dependencies: ["ReviewModel", "GitReader", "GoSyntax", "PoolRules", "ChecklistData", "Rendering"]
        ),
        .executableTarget(name: "poolreview", dependencies: ["PoolReviewCLI"]),

        // Temporary git repositories, the Go toolchain and the SARIF checkers, shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "ReviewModelTests", dependencies: ["ReviewModel"]),
        .testTarget(name: "GoSyntaxTests", dependencies: ["GoSyntax"]),
        .testTarget(name: "GitReaderTests", dependencies: ["GitReader", "ReviewModel", "TestSupport"]),
        .testTarget(name: "PoolRulesTests", dependencies: ["PoolRules", "GoSyntax", "ReviewModel", "TestSupport"]),
        .testTarget(name: "ChecklistDataTests", dependencies: ["ChecklistData", "ReviewModel", "TestSupport"]),
        .testTarget(
            name: "RenderingTests", dependencies: ["Rendering", "ChecklistData", "ReviewModel", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "FixtureCorpusTests",
            dependencies: ["PoolReviewCLI", "ReviewModel", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["PoolReviewCLI", "ReviewModel", "Rendering", "TestSupport", "poolreview"]
        ),
        // Hostile and odd input through the built binary, and the fuzzers' crash regressions.
        .testTarget(
            name: "RobustnessTests",
            dependencies: [
                "GoSyntax", "PoolRules", "ReviewModel", "ChecklistData", "Rendering", "TestSupport", "poolreview",
            ],
            exclude: ["Crashes"]
        ),
    ]
)
