import Foundation

/// A temporary Go module with one package per folder, for compiling Go examples with `go vet`.
public struct GoModuleFolder {
    public let url: URL

    /// Creates the folder and its `go.mod` (module `example.test`, Go 1.19).
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("poolreview-go-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("module example.test\n\ngo 1.19\n".utf8).write(to: url.appendingPathComponent("go.mod"))
    }

    /// Writes `source` as `example.go` of the package folder `package`.
    public func write(package: String, source: String, fileName: String = "example.go") throws {
        let folder = url.appendingPathComponent(package)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(source.utf8).write(to: folder.appendingPathComponent(fileName))
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
