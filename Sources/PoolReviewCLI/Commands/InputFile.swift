import Foundation

/// A file named on the command line, such as a `--template` or a `--config-from` file.
enum InputFile {
    /// The reason a file could not be read, in the system's words ("No such file or directory").
    struct Failure: Error {
        let reason: String
    }

    /// Returns at most `maxBytes + 1` bytes of the file, so the caller can tell a file over its
    /// cap from one at it. The cap keeps a device such as /dev/zero from being read until memory
    /// runs out. Pipes such as a shell's `<(…)` work as well as files, which Foundation's
    /// `String(contentsOfFile:)` rejects with a misleading permission error.
    static func read(_ absolutePath: String, maxBytes: Int) throws(Failure) -> Data {
        let descriptor = open(absolutePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            return try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw Failure(reason: ReviewCommand.reason(error))
        }
    }
}
