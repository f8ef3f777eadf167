/// Eight bytes of text read as one 64-bit word, and the tests that look at all eight at once.
///
/// The readers and the reports scan bytes eight at a time with these (a line end, a tag, a byte to escape).
/// A test flags a byte by setting its high bit, bit 7 of the byte, and clears every other bit: read
/// little-endian, the first flagged byte of a word is at `flags.trailingZeroBitCount / 8`.
///
/// Every function is `@inlinable`: they are called in the innermost loops of other modules, where a call
/// would cost more than the test.
public enum ByteWord {
  /// A word whose every byte is 1: a byte times it fills a word with that byte.
  @inlinable public static var eachByte: UInt64 { 0x0101_0101_0101_0101 }

  /// The high bit of every byte.
  @inlinable public static var highBits: UInt64 { 0x8080_8080_8080_8080 }

  /// The seven low bits of every byte.
  @inlinable public static var lowBits: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

  /// A word whose every byte is `byte`.
  @inlinable @inline(__always)
  public static func repeating(_ byte: UInt8) -> UInt64 {
    UInt64(byte) &* eachByte
  }

  /// The eight bytes at `offset` of `base`, the first in the lowest byte of the word.
  ///
  /// - Parameters:
  ///   - base: The start of the bytes.
  ///   - offset: The offset of the first of the eight, which must all be readable.
  @inlinable @inline(__always)
  public static func load(_ base: UnsafeRawPointer, at offset: Int) -> UInt64 {
    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// Whether every byte of a word is ASCII (below 0x80).
  @inlinable @inline(__always)
  public static func isASCII(_ word: UInt64) -> Bool {
    word & highBits == 0
  }

  /// Whether every byte of a buffer is ASCII (below 0x80), read eight bytes at a time.
  ///
  /// - Parameter bytes: The bytes.
  @inlinable
  public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    var high: UInt64 = 0
    while index + 8 <= bytes.count {
      high |= load(UnsafeRawPointer(base), at: index)
      index += 8
    }
    while index < bytes.count {
      high |= UInt64(bytes[index])
      index += 1
    }
    return isASCII(high)
  }

  /// Whether two buffers hold the same bytes, compared eight at a time (the last eight overlapping those
  /// before them when the length is not a multiple of eight; one at a time below eight).
  ///
  /// - Parameters:
  ///   - left: Some bytes.
  ///   - right: Other bytes.
  @inlinable
  public static func sameBytes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
    let count = left.count
    guard count == right.count else { return false }
    guard count >= 8, let leftBase = left.baseAddress, let rightBase = right.baseAddress else {
      for offset in 0..<count where left[offset] != right[offset] { return false }
      return true
    }
    var offset = 0
    while offset + 8 <= count {
      guard load(leftBase, at: offset) == load(rightBase, at: offset) else { return false }
      offset += 8
    }
    return offset == count || load(leftBase, at: count - 8) == load(rightBase, at: count - 8)
  }

  /// The zero bytes of a word, flagged, and perhaps some bytes above a zero byte: a borrow carries only
  /// upwards, so the lowest flagged byte is the first zero byte, and a word without one gives 0. Cheaper
  /// than ``equalBytes(_:_:)`` when only the first match matters.
  @inlinable @inline(__always)
  public static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- eachByte) & ~word & highBits
  }

  /// Exactly the bytes of a word that equal `byte`, flagged: no borrow carries from one byte to the next, so
  /// the flags can be counted.
  @inlinable @inline(__always)
  public static func equalBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let difference = word ^ repeating(byte)
    return ~(((difference & lowBits) &+ lowBits) | difference) & highBits
  }
}
