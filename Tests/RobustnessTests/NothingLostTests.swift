import Foundation
import TestSupport
import Testing

/// A review reads the repository and writes only its reports: an interrupted run leaves the
/// previous report or the whole new one, and the repository is byte for byte what it was.
@Suite("Nothing lost")
struct NothingLostTests {
    /// Commits one package of `count` files, each with a pool misuse, so the JSON report is large.
    private func makeLargeChange(_ fixture: GitFixture, files count: Int) throws {
        try fixture.makeChange(base: ["README.md": goBytes("x\n")], head: [:])
        for index in 0..<count {
            try fixture.write("repo/pkg/f\(index).go", pooledLineSource(comment: "file \(index)"))
        }
        try fixture.git("add", "-A")
        try fixture.git("commit", "-q", "-m", "many files")
    }

    // MARK: - Atomic reports

    /// Foundation on Linux writes `.atomic` data to a `.dat.nosync…` file in the target's
    /// folder, calls fsync and renames it over the target (swift-foundation's Data+Writing,
    /// observed with strace on Swift 6.3.1). A SIGKILL at any moment must leave the old report
    /// or the complete new one.
    @Test func killedReviewLeavesWholeReport() throws {
        try withGitFixture { fixture in
            try makeLargeChange(fixture, files: 150)
            let outputFolder = fixture.path("out")
            try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
            let reportPath = outputFolder + "/review.json"
            let previous = "{\"previous\": true}\n"

            // A full run first, to learn how long one takes.
            let full = try fixture.review(["review", "main~1..main", "--format", "json", "--output", reportPath])
            #expect(full.status == 1, "\(full.standardError)")
            let complete = try Data(contentsOf: URL(fileURLWithPath: reportPath))
            #expect(try JSONSerialization.jsonObject(with: complete) is [String: Any])

            var sawOld = false
            for step in 1...8 {
                try previous.write(toFile: reportPath, atomically: false, encoding: .utf8)
                // Kill times spread over the run, the last ones near its end.
                let delay = full.duration * (Double(step) / 8.0)
                let run = try fixture.review(
                    ["review", "main~1..main", "--format", "json", "--output", reportPath], deadline: delay)

                let data = try Data(contentsOf: URL(fileURLWithPath: reportPath))
                if data == Data(previous.utf8) {
                    sawOld = true
                } else {
                    #expect(data == complete, "step \(step) left \(data.count) of \(complete.count) bytes, status \(run.status)")
                }
            }
            // Whether a late kill still beats the rename depends on the machine's load, so
            // only the early kills are sure to find the old report.
            #expect(sawOld, "no run was killed before it wrote the report")

            // Only the report is in its folder, apart from a temporary file that a kill between
            // creating and renaming it can leave (Foundation's `.dat.nosync` prefix).
            let names = try FileManager.default.contentsOfDirectory(atPath: outputFolder)
            #expect(names.contains("review.json"))
            #expect(names.allSatisfy { $0 == "review.json" || $0.hasPrefix(".dat.nosync") }, "\(names)")
        }
    }

    // MARK: - Reports into files that are not regular files

    @Test func outputThroughSymlinkKeepsTheLink() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["README.md": goBytes("x\n")], head: ["pkg/a.go": goBytes(pooledLineSource(comment: "c"))])
            try fixture.write("out/real.md", "old\n")
            try FileManager.default.createSymbolicLink(atPath: fixture.path("out/link.md"), withDestinationPath: "real.md")

            let run = try fixture.review(["review", "main~1..main", "--output", fixture.path("out/link.md")])
            #expect(run.status == 1, "\(run.standardError)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.path("out/link.md")) == "real.md")
            #expect(try String(contentsOfFile: fixture.path("out/real.md"), encoding: .utf8).hasPrefix("<!-- poolreview:review -->"))
        }
    }

    @Test func outputIntoFIFOIsStreamed() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["README.md": goBytes("x\n")], head: ["pkg/a.go": goBytes(pooledLineSource(comment: "c"))])
            let fifo = fixture.path("review.fifo")
            #expect(mkfifo(fifo, 0o600) == 0)
            // A reader must hold the FIFO open, as a CI step piping the report would.
            let received = LockedData()
            let reader = Thread {
                let data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
                received.set(data)
            }
            reader.start()

            let run = try fixture.review(["review", "main~1..main", "--format", "json", "--output", fifo], deadline: .seconds(30))
            #expect(!run.timedOut)
            #expect(run.status == 1, "\(run.standardError)")
            for _ in 0..<500 where !received.isSet { usleep(10_000) }

            var status = stat()
            #expect(lstat(fifo, &status) == 0)
            #expect(status.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced by a file")
            #expect(try JSONSerialization.jsonObject(with: received.value) is [String: Any])
        }
    }

    @Test(.enabled(if: getuid() == 0, "creating a device node needs root"))
    func outputIntoDeviceKeepsTheNode() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["README.md": goBytes("x\n")], head: ["pkg/a.go": goBytes(pooledLineSource(comment: "c"))])
            // A private null device, so a regression replaces this node, not the machine's /dev/null.
            let device = fixture.path("null")
            // Linux encodes device 1:3 (major 1, minor 3) as (1 << 8) | 3 for small numbers.
            #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)

            let run = try fixture.review(["review", "main~1..main", "--output", device])
            #expect(run.status == 1, "\(run.standardError)")
            var status = stat()
            #expect(lstat(device, &status) == 0)
            #expect(status.st_mode & S_IFMT == S_IFCHR, "the device node was replaced by a file")
        }
    }

    @Test func outputIntoFolderIsNamedError() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["README.md": goBytes("x\n")], head: ["pkg/a.go": goBytes(pooledLineSource(comment: "c"))])
            let folder = fixture.path("out")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

            let run = try fixture.review(["review", "main~1..main", "--output", folder])
            #expect(run.status == 2)
            #expect(run.standardError.contains("cannot write '\(folder)': it is a folder; name a file inside it"), "\(run.standardError)")
        }
    }

    @Test func outputIntoMissingFolderFailsBeforeReview() throws {
        try withGitFixture { fixture in
            try fixture.makeChange(base: ["README.md": goBytes("x\n")], head: ["pkg/a.go": goBytes(pooledLineSource(comment: "c"))])
            let written = fixture.path("ok.json")
            let missing = fixture.path("nowhere/review.sarif")

            let run = try fixture.review(["review", "main~1..main", "--output", "json=" + written, "--output", "sarif=" + missing])
            #expect(run.status == 2)
            #expect(run.standardError.contains("cannot write '\(missing)': its folder does not exist"), "\(run.standardError)")
            // The check comes before the review, so no output is printed or written.
            #expect(run.standardOutput.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: written))
        }
    }

    // MARK: - The repository stays as it was

    /// Records every file under `folder` (the .git folder included) with its size, mode and contents,
    /// and every folder, so a new, changed or removed entry shows up.
    private func snapshot(_ folder: String) throws -> [String: String] {
        var entries: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        while let relative = enumerator.nextObject() as? String {
            let path = folder + "/" + relative
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            let kind = status.st_mode & S_IFMT
            var entry = "mode=\(String(status.st_mode, radix: 8)) size=\(status.st_size) mtime=\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
            if kind == S_IFREG {
                entry += " data=" + (try Data(contentsOf: URL(fileURLWithPath: path))).base64EncodedString()
            } else if kind == S_IFLNK {
                entry += " link=" + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            }
            entries[relative] = entry
        }
        return entries
    }

    @Test("review leaves the repository unchanged", arguments: [
        ["review", "main~1..main", "--format", "json"],
        ["review", "main~1..main"],
        ["review", "--all", "--format", "sarif"],
        ["review", "--format", "text"],
        ["review", "main...feature", "--format", "text"],
        ["review", "no-such-revision..main"],
    ])
    func reviewLeavesRepositoryUnchanged(arguments: [String]) throws {
        try withGitFixture { fixture in
            try fixture.makeChange(
                base: ["pkg/a.go": goBytes(pooledLineSource(comment: "base"))],
                head: ["pkg/a.go": goBytes(pooledLineSource(comment: "head")), "pkg/b.go": goBytes("package pkg\n")])
            try fixture.git("branch", "feature")
            try fixture.git("pack-refs", "--all")
            // An unstaged edit, a staged one and an untracked file, which a careless reader
            // could reset, refresh in the index or clean.
            try fixture.write("repo/pkg/a.go", pooledLineSource(comment: "unstaged"))
            try fixture.write("repo/pkg/staged.go", "package pkg\n")
            try fixture.git("add", "pkg/staged.go")
            try fixture.write("repo/untracked.go", "package pkg\n")
            // Entries written in the last second count as racily clean, which makes git
            // rewrite the index on its next status. Wait so only a review could change it.
            sleep(1)

            let before = try snapshot(fixture.path("repo"))
            #expect(before[".git/index"] != nil)
            #expect(before[".git/packed-refs"] != nil)
            let run = try fixture.review(arguments)
            #expect(!run.timedOut)
            #expect(run.status <= 2)
            let after = try snapshot(fixture.path("repo"))

            #expect(Set(after.keys) == Set(before.keys), "added \(Set(after.keys).subtracting(before.keys)), removed \(Set(before.keys).subtracting(after.keys))")
            for (path, entry) in before where after[path] != entry {
                Issue.record("\(path) changed")
            }
        }
    }
}
