@testable import PathwayApp
import PathwayCore
import PathwayTestSupport
import Testing

@Suite("input digests: OpenSSL's SHA-256 against the plain-Swift reference")
struct FileDigestTests {
    @Test("FIPS 180-4 examples")
    func knownAnswers() {
        #expect(FileDigest.sha256Hex(InputBytes([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(FileDigest.sha256Hex(InputBytes(Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(FileDigest.sha256Hex(InputBytes(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("every length around the block and padding boundaries, and large random buffers, agree with SHA256")
    func agreesWithReference() {
        var random = SeededRandom(seed: 6)
        var lengths = Array(0...200)
        lengths += [1023, 1024, 1025, 65_535, 65_536, 1 << 20, (1 << 20) + 55]
        for length in lengths {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            #expect(FileDigest.sha256Hex(InputBytes(bytes)) == SHA256.hexDigest(bytes), "length \(length)")
        }
    }
}
