import Foundation
import TestSupport
import Testing

/// Command-line values that are files but not plain ones, as shells and CI steps pass them.
@Suite("Odd file arguments")
struct OddArgumentTests {
    private func makeRepository(_ fixture: GitFixture) throws {
        try fixture.makeChange(base: ["README.md": goBytes("x\n")], head: ["pkg/a.go": goBytes(pooledLineSource(comment: "c"))])
    }

    @Test func templateFromPipeIsRead() throws {
        try withGitFixture { fixture in
            try makeRepository(fixture)
            // A FIFO stands for a shell's `--template <(…)`, which passes /dev/fd/N.
            let fifo = fixture.path("template.fifo")
            #expect(mkfifo(fifo, 0o600) == 0)
            let writer = Thread {
                FileHandle(forWritingAtPath: fifo)?.write(Data("{{findingCount}} from a pipe\n".utf8))
            }
            writer.start()

            let run = try fixture.review(["review", "main~1..main", "--template", fifo], deadline: .seconds(30))
            #expect(!run.timedOut)
            #expect(run.status == 1, "\(run.standardError)")
            #expect(run.standardOutput.hasSuffix(" from a pipe\n"), "\(run.standardOutput)")
        }
    }

    @Test("unusable template is named", arguments: [
        ("/dev/zero", "larger than 1 MiB"),
        ("/", "Is a directory"),
        ("missing.md", "No such file or directory"),
    ])
    func unusableTemplateIsNamed(path: String, reason: String) throws {
        try withGitFixture { fixture in
            try makeRepository(fixture)
            let run = try fixture.review(["review", "main~1..main", "--template", path], deadline: .seconds(30))
            #expect(!run.timedOut)
            #expect(run.status == 2)
            #expect(run.standardError.contains("cannot read '\(path)' given to --template: "), "\(run.standardError)")
            #expect(run.standardError.contains(reason), "\(run.standardError)")
        }
    }

    @Test func deeplyNestedTemplateIsRejected() throws {
        try withGitFixture { fixture in
            try makeRepository(fixture)
            // Twenty thousand nested sections crashed the binary with a stack overflow.
            let depth = 20_000
            try fixture.write("deep.md", String(repeating: "{{#hasFindings}}", count: depth) + "x" + String(repeating: "{{/hasFindings}}", count: depth))
            let run = try fixture.review(["review", "main~1..main", "--template", fixture.path("deep.md")])
            #expect(run.status == 2, "\(run.standardError)")
            #expect(run.standardError.contains("nest sections at most 100 deep"), "\(run.standardError)")
        }
    }

    @Test func templateWithInvalidUTF8IsNamed() throws {
        try withGitFixture { fixture in
            try makeRepository(fixture)
            try fixture.write("bad.md", bytes: [0x7B, 0x7B, 0xFF, 0xFE, 0x7D, 0x7D, 0x0A])
            let run = try fixture.review(["review", "main~1..main", "--template", fixture.path("bad.md")])
            #expect(run.status == 2)
            #expect(run.standardError.contains("it is not valid UTF-8"), "\(run.standardError)")
        }
    }
}
