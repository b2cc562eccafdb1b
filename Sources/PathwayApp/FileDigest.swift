import CCrypto
import PathwayCore

/// SHA-256 of an input file's bytes (SPEC §5 `sha256`), through OpenSSL's libcrypto, which uses the
/// CPU's SHA extensions where present: on the benchmark machine 1.3 GB/s against 0.24 GB/s for the
/// plain-Swift `PathwayCore.SHA256`, which stays as the reference and the fallback (the two are compared
/// in FileDigestTests).
enum FileDigest {
    static func sha256Hex(_ bytes: InputBytes) -> String {
        let digest = libcryptoSHA256 { (add: (UnsafeRawBufferPointer) -> Void) in
            bytes.withUnsafeBufferPointer { add(UnsafeRawBufferPointer($0)) }
        }
        return digest ?? SHA256.hexDigest(bytes)
    }

    /// SHA-256 of a file read again from its open descriptor, a piece at a time, so that its bytes need
    /// not stay in memory until the digest is wanted. Falls back to reading the whole file for the
    /// plain-Swift digest when libcrypto cannot be used.
    static func sha256Hex(_ file: OpenFile) throws(SystemError) -> String {
        let digest = try libcryptoSHA256 { (add: (UnsafeRawBufferPointer) -> Void) throws(SystemError) in
            try file.readAgain(add)
        }
        if let digest { return digest }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(file.size)
        try file.readAgain { bytes.append(contentsOf: $0) }
        return SHA256.hexDigest(bytes)
    }

    /// libcrypto's SHA-256 of the pieces `feed` hands to its argument, in order; nil when libcrypto
    /// reports an error (no usable libcrypto), for the caller to fall back to plain Swift.
    private static func libcryptoSHA256<E: Error>(
        _ feed: ((UnsafeRawBufferPointer) -> Void) throws(E) -> Void
    ) throws(E) -> String? {
        guard let context = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return nil }
        var updated = true
        try feed { piece in
            if updated { updated = EVP_DigestUpdate(context, piece.baseAddress, piece.count) == 1 }
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let finished = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        guard updated, finished == 1, length == 32 else { return nil }
        return SHA256.hex(digest.prefix(32))
    }
}
