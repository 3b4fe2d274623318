import GitReader
import TestSupport

extension GitFixture {
    /// Opens `repo` (or another folder of the fixture) with the reader under test.
    func open(_ directory: String = "repo") throws -> GitRepository {
        try GitRepository(discoveringFrom: path(directory))
    }
}
