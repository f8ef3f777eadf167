/// The 64-bit FNV-1a hash, written out so that fingerprints are the same on every platform and in every
/// run (Swift's own `Hasher` is seeded per process).
enum StableHash {
  private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x0000_0100_0000_01b3

  /// The FNV-1a 64 hash of the bytes.
  ///
  /// - Parameter bytes: Any bytes.
  static func fnv1a64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var hash = offsetBasis
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* prime
    }
    return hash
  }

  /// The FNV-1a 64 hash of the text's UTF-8 bytes, as 16 lower-case hexadecimal digits.
  ///
  /// - Parameter text: Any text.
  static func hexFNV1a64(_ text: String) -> String {
    let digits = String(fnv1a64(text.utf8), radix: 16, uppercase: false)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
