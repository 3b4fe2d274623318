@testable import ReviewModel
import Testing

@Suite("SHA-256 and finding fingerprints")
struct FingerprintTests {
    /// Digests from FIPS 180-2 Appendix B, and of runs of `a` around the padding boundaries
    /// (55, 56, 63, 64, 65, 119 and 120 bytes), as printed by coreutils `sha256sum`.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 63), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (String(repeating: "a", count: 65), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (String(repeating: "a", count: 119), "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (String(repeating: "a", count: 120), "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        ("é🙂\u{202E}", "378bc70e11a816476b73ba8ed59987138d81e908aa8c51f79af1884c84506024"),
    ])
    func sha256MatchesKnownDigests(input: String, digest: String) {
        #expect(SHA256.hexDigest(input) == digest)
    }

    @Test func sha256OfOneMillionBytes() {
        let digest = SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        let hex = digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        #expect(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // MARK: - Fingerprints

    private func finding(_ path: String, line: Int, anchor: String, item: ChecklistItemID = .deferredPut) -> Finding {
        Finding(
            item: item, path: path, line: line, severity: .error, message: "buf from bufPool.Get is not put back",
            bugs: [], anchorText: anchor)
    }

    @Test func fingerprintHashesItemPathAndAnchor() {
        let fingerprints = FindingFingerprint.fingerprints(
            of: [finding("internal/render/buffer.go", line: 42, anchor: "buf := bufPool.Get().(*bytes.Buffer)")])
        #expect(fingerprints == ["02a29e9d0ad8e223a49818d2a3b88d5fed78d252eab2728ec66467e79f2be56e:1"])
    }

    @Test func fingerprintSurvivesLineMoveAndReindent() {
        let before = FindingFingerprint.fingerprints(of: [finding("a.go", line: 10, anchor: "buf := pool.Get()")])
        let after = FindingFingerprint.fingerprints(of: [finding("a.go", line: 250, anchor: "  buf  :=\tpool.Get() ")])
        #expect(before == after)
    }

    @Test func fingerprintChangesWithItemPathOrStatement() {
        let original = FindingFingerprint.fingerprints(of: [finding("a.go", line: 10, anchor: "buf := pool.Get()")])
        let otherPath = FindingFingerprint.fingerprints(of: [finding("b.go", line: 10, anchor: "buf := pool.Get()")])
        let otherItem = FindingFingerprint.fingerprints(
            of: [finding("a.go", line: 10, anchor: "buf := pool.Get()", item: .resetBeforeUse)])
        let otherStatement = FindingFingerprint.fingerprints(of: [finding("a.go", line: 10, anchor: "b := pool.Get()")])
        #expect(original != otherPath)
        #expect(original != otherItem)
        #expect(original != otherStatement)
    }

    @Test func identicalStatementsGetOccurrenceNumbers() {
        let findings = [
            finding("a.go", line: 10, anchor: "buf := pool.Get()"),
            finding("a.go", line: 20, anchor: "other := pool.Get()"),
            finding("a.go", line: 30, anchor: "buf := pool.Get()"),
        ]
        let fingerprints = FindingFingerprint.fingerprints(of: findings)
        #expect(Set(fingerprints).count == 3)
        #expect(fingerprints[0].hasSuffix(":1"))
        #expect(fingerprints[1].hasSuffix(":1"))
        #expect(fingerprints[2].hasSuffix(":2"))
        #expect(fingerprints[0].dropLast(2) == fingerprints[2].dropLast(2))
    }

    @Test func emptyAnchorFallsBackToMessage() {
        var first = finding("a.go", line: 10, anchor: "")
        var second = finding("a.go", line: 90, anchor: " ")
        first.message = "buf is never put back"
        second.message = "buf  is never put back"
        var third = first
        third.message = "other is never put back"

        let fingerprints = FindingFingerprint.fingerprints(of: [first, third])
        #expect(fingerprints[0] != fingerprints[1])
        #expect(FindingFingerprint.fingerprints(of: [second]) == FindingFingerprint.fingerprints(of: [first]))
    }

    @Test func pathSeparatorCannotBeForged() {
        let joined = FindingFingerprint.fingerprints(of: [finding("a.go", line: 1, anchor: "x y")])
        let shifted = FindingFingerprint.fingerprints(of: [finding("a.go x", line: 1, anchor: "y")])
        #expect(joined != shifted)
    }
}
