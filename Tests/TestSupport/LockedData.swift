import Foundation

/// Data written by one thread and read by another, such as the output of a child process that
/// a reader thread collects while the test waits.
public final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    public init() {}

    public func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    public var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return data != nil
    }

    public var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data ?? Data()
    }
}
