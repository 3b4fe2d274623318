import Foundation

/// Finds the path of the running binary, which the installed hook calls.
public enum ExecutableLocation {
    /// Returns the absolute path of the binary started as `argument0`.
    ///
    /// A symbolic link such as `/usr/local/bin/poolreview` is kept as it is, so the hook follows
    /// an upgrade that moves the link. A bare name is looked up in `PATH`, as the shell did. When
    /// neither works, Linux's `/proc/self/exe` gives the resolved file.
    public static func path(argument0: String, currentDirectory: String, environment: [String: String]) -> String? {
        if argument0.contains("/") {
            let absolute = argument0.hasPrefix("/") ? argument0 : currentDirectory + "/" + argument0
            return URL(fileURLWithPath: absolute).standardizedFileURL.path
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where folder.hasPrefix("/") {
            let candidate = folder + "/" + argument0
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return URL(fileURLWithPath: candidate).standardizedFileURL.path
            }
        }
        return try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }
}
