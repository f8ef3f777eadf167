import BocheckModel

/// Tells whether bytes are well-formed UTF-8, scanning eight ASCII bytes at a time.
enum UTF8Validation {
  /// Whether the bytes are well-formed UTF-8: every sequence complete, in its shortest form, and neither a
  /// surrogate nor above U+10FFFF (the rules `String(validating:as:)` applies).
  ///
  /// - Parameter bytes: The bytes.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var offset = 0
    while offset < count {
      // Runs of ASCII, the whole of most filings, are passed over four words at a time, then one.
      while offset + 32 <= count {
        let raw = UnsafeRawPointer(base + offset)
        let words =
          ByteWord.load(raw, at: 0) | ByteWord.load(raw, at: 8) | ByteWord.load(raw, at: 16)
          | ByteWord.load(raw, at: 24)
        guard ByteWord.isASCII(words) else { break }
        offset += 32
      }
      while offset + 8 <= count, ByteWord.isASCII(ByteWord.load(UnsafeRawPointer(base), at: offset)) {
        offset += 8
      }
      guard offset < count else { break }
      let lead = base[offset]
      if lead < 0x80 {
        offset += 1
        continue
      }
      // The allowed range of the second byte depends on the lead; the later bytes are any continuation byte.
      let length: Int
      var secondRange: ClosedRange<UInt8> = 0x80...0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        secondRange = 0xA0...0xBF
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        secondRange = 0x80...0x9F
      case 0xF0:
        length = 4
        secondRange = 0x90...0xBF
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        secondRange = 0x80...0x8F
      default: return false
      }
      guard offset + length <= count, secondRange.contains(base[offset + 1]) else { return false }
      for next in offset + 2..<offset + length where base[next] & 0xC0 != 0x80 { return false }
      offset += length
    }
    return true
  }
}
