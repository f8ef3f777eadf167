import BocheckModel

/// Tells whether bytes are well-formed UTF-8, scanning eight ASCII bytes at a time, and makes text of them.
enum UTF8Validation {
  /// What well-formed UTF-8 holds.
  enum Content {
    /// ASCII bytes only.
    case ascii
    /// At least one character beyond ASCII.
    case beyondASCII
  }

  /// Whether the bytes are well-formed UTF-8: every sequence complete, in its shortest form, and neither a
  /// surrogate nor above U+10FFFF (the rules `String(validating:as:)` applies).
  ///
  /// - Parameter bytes: The bytes.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    content(of: bytes) != nil
  }

  /// The bytes as text, validated once, here: `nil` when they are not well-formed UTF-8.
  ///
  /// `String(validating:as:)` and `String(unsafeUninitializedCapacity:initializingUTF8With:)` check bytes
  /// beyond ASCII one at a time, at several instructions a byte; this check passes over ASCII eight bytes at a
  /// time and looks at the other bytes one sequence at a time. The bytes are then copied into the text
  /// unchecked.
  ///
  /// - Parameter bytes: The bytes.
  static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let content = content(of: bytes) else { return nil }
    // Checked just above, by the rules the standard library applies.
    return unsafe String(
      copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: content == .ascii))
  }

  /// The eight words (64 bytes) from a pointer, or-ed together: its high bits tell whether any byte is beyond
  /// ASCII.
  ///
  /// - Parameter raw: Where the words start; 64 bytes from there are read, at any alignment.
  @inline(__always)
  private static func eightWords(_ raw: UnsafeRawPointer) -> UInt64 {
    ByteWord.load(raw, at: 0) | ByteWord.load(raw, at: 8) | ByteWord.load(raw, at: 16) | ByteWord.load(raw, at: 24)
      | ByteWord.load(raw, at: 32) | ByteWord.load(raw, at: 40) | ByteWord.load(raw, at: 48)
      | ByteWord.load(raw, at: 56)
  }

  /// What the bytes hold when they are well-formed UTF-8 (see ``isValid(_:)``); `nil` when they are not.
  ///
  /// - Parameter bytes: The bytes.
  static func content(of bytes: UnsafeBufferPointer<UInt8>) -> Content? {
    guard let base = bytes.baseAddress else { return .ascii }
    let count = bytes.count
    var offset = 0
    var content = Content.ascii
    while offset < count {
      // Runs of ASCII, the whole of most filings, are passed over sixteen words at a time, then eight, then one.
      while offset + 128 <= count {
        let raw = UnsafeRawPointer(base + offset)
        guard ByteWord.isASCII(eightWords(raw) | eightWords(raw + 64)) else { break }
        offset += 128
      }
      while offset + 64 <= count, ByteWord.isASCII(eightWords(UnsafeRawPointer(base + offset))) {
        offset += 64
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
      content = .beyondASCII
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
      default: return nil
      }
      guard offset + length <= count, secondRange.contains(base[offset + 1]) else { return nil }
      for next in offset + 2..<offset + length where base[next] & 0xC0 != 0x80 { return nil }
      offset += length
    }
    return content
  }
}
