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

  /// Whether two texts have the same UTF-8 bytes (which `String`'s `==` does not ask: it holds for canonically
  /// equivalent texts of other bytes), compared in place a word at a time where both are stored contiguously, as
  /// a native text is, rather than byte by byte through their views' iterators.
  ///
  /// - Parameters:
  ///   - text: A text.
  ///   - other: Another text.
  public static func sameBytes(_ text: String, _ other: String) -> Bool {
    let inPlace = text.utf8.withContiguousStorageIfAvailable { bytes in
      other.utf8.withContiguousStorageIfAvailable { otherBytes in
        sameBytes(UnsafeRawBufferPointer(bytes), UnsafeRawBufferPointer(otherBytes))
      }
    }
    return (inPlace ?? nil) ?? text.utf8.elementsEqual(other.utf8)
  }

  /// The bytes of a word that are not ASCII letters or digits, flagged exactly.
  ///
  /// Each byte's seven low bits are compared by adding to them: a sum of at most 0xFF carries into no other
  /// byte, and its high bit says whether the bits reached a bound. A letter is a byte between `a` and `z`
  /// once its case bit is set; a digit one between `0` and `9`; a byte with its high bit set is neither.
  @inlinable @inline(__always)
  public static func notLettersOrDigits(_ word: UInt64) -> UInt64 {
    let low = word & lowBits
    let folded = low | repeating(0x20)
    // At least "a" (0x61 + 0x1F reaches 0x80) and not past "z" (0x7B + 0x05 reaches 0x80).
    let letters = (folded &+ repeating(0x1F)) & ~(folded &+ repeating(0x05))
    // At least "0" (0x30 + 0x50 reaches 0x80) and not past "9" (0x3A + 0x46 reaches 0x80).
    let digits = (low &+ repeating(0x50)) & ~(low &+ repeating(0x46))
    return ~((letters | digits) & ~word) & highBits
  }

  /// A seed for ``digest(_:seed:)``, drawn once per run from the standard library's randomly seeded `Hasher`
  /// (and so fixed when the environment sets `SWIFT_DETERMINISTIC_HASHING`, as Swift's own hashing is).
  public static let runSeed: UInt64 = {
    var hasher = Hasher()
    hasher.combine(0x6263_6865_636B as UInt64)
    let drawn = UInt64(truncatingIfNeeded: hasher.finalize())
    // Mixed once here, where a digest would mix it at every call (wyhash's seeding).
    return drawn ^ fold(drawn ^ 0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB)
  }()

  /// A 64-bit digest of some bytes and a seed, for tables that find keys by their bytes: read sixteen bytes at a
  /// time, each block folded in by one full multiplication.
  ///
  /// A fold multiplies two words into 128 bits and takes the exclusive or of the halves (as wyhash does), so
  /// every bit of a block reaches every bit of the digest. Bytes past the last whole block are read as the
  /// sixteen that end the text, overlapping the block before, or, in a text of fewer than eight bytes, one by
  /// one; the length is folded in last, so the overlap cannot make texts of different lengths agree. With a
  /// seed drawn for each run (``runSeed``), whoever writes a file cannot choose texts whose digests collide, as
  /// they could with a digest that only multiplies and adds words: a file of such texts would put every key
  /// of a table in one slot and make its look-ups quadratic.
  ///
  /// - Parameters:
  ///   - bytes: The bytes.
  ///   - seed: The seed (``runSeed``, perhaps mixed with a small number that keeps kinds of keys apart).
  @inlinable
  public static func digest(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
    let second: UInt64 = 0xE703_7ED1_A0B4_28DB
    let count = bytes.count
    var state = seed
    var low: UInt64 = 0
    var high: UInt64 = 0
    if let base = bytes.baseAddress, count > 0 {
      if count > 16 {
        var offset = 0
        while count - offset > 16 {
          state = fold(load(base, at: offset) ^ second, load(base, at: offset + 8) ^ state)
          offset += 16
        }
        low = load(base, at: count - 16)
        high = load(base, at: count - 8)
      } else if count >= 8 {
        low = load(base, at: 0)
        high = load(base, at: count - 8)
      } else {
        for offset in 0..<count { low |= UInt64(bytes[offset]) << (8 * UInt64(offset)) }
      }
    }
    return fold(second ^ UInt64(truncatingIfNeeded: count), fold(low ^ second, high ^ state))
  }

  /// Two words multiplied into 128 bits, the exclusive or of the two halves.
  @inlinable @inline(__always)
  public static func fold(_ left: UInt64, _ right: UInt64) -> UInt64 {
    let product = left.multipliedFullWidth(by: right)
    return product.high ^ product.low
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

  /// How many times a byte occurs in ASCII bytes, counted eight bytes at a time as they are told ASCII.
  ///
  /// - Parameters:
  ///   - byte: The byte to count.
  ///   - bytes: The bytes to read.
  /// - Returns: The count, or `nil` when a byte is not ASCII (0x80 or more).
  @inlinable @inline(__always)
  public static func asciiOccurrences(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress else { return 0 }
    var high: UInt64 = 0
    var count = 0
    var index = 0
    while index + 8 <= bytes.count {
      let word = load(UnsafeRawPointer(base), at: index)
      high |= word
      count &+= equalBytes(word, byte).nonzeroBitCount
      index += 8
    }
    while index < bytes.count {
      high |= UInt64(bytes[index])
      if bytes[index] == byte { count &+= 1 }
      index += 1
    }
    return isASCII(high) ? count : nil
  }
}
