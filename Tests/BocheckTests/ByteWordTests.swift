import Testing

@testable import BocheckModel

/// The eight-bytes-at-a-time tests the readers and the reports scan with, against the bytes one by one.
@Suite("Byte words")
struct ByteWordTests {
  /// Words of bytes drawn from the values the tests tell apart and their neighbours.
  private static let words: [[UInt8]] = {
    let values: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x20, 0x22, 0x3C, 0x5C, 0x7F, 0x80, 0x8A, 0xE2, 0xFF]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<4_000).map { _ in
      (0..<8).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return values[Int(state >> 33) % values.count]
      }
    }
  }()

  private static func word(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { ByteWord.load($0.baseAddress!, at: 0) }
  }

  @Test("a word loads its first byte lowest, and a repeated byte fills every byte")
  func loadAndRepeat() {
    #expect(Self.word([1, 2, 3, 4, 5, 6, 7, 8]) == 0x0807_0605_0403_0201)
    #expect(ByteWord.repeating(0x3C) == 0x3C3C_3C3C_3C3C_3C3C)
    #expect(ByteWord.repeating(0) == 0)
  }

  @Test("equalBytes flags exactly the bytes equal to the byte; zeroBytes flags the first zero byte first")
  func flagsAgainstBytes() {
    for bytes in Self.words {
      let word = Self.word(bytes)
      for target: UInt8 in [0x00, 0x0A, 0x22, 0x80, 0xFF] {
        let exact = ByteWord.equalBytes(word, target)
        let expected = bytes.indices.reduce(UInt64(0)) { $0 | (bytes[$1] == target ? 0x80 << (8 * UInt64($1)) : 0) }
        #expect(exact == expected, "\(bytes) \(target)")
        let first = ByteWord.zeroBytes(word ^ ByteWord.repeating(target))
        if let index = bytes.firstIndex(of: target) {
          #expect(first.trailingZeroBitCount / 8 == index, "\(bytes) \(target)")
        } else {
          #expect(first == 0, "\(bytes) \(target)")
        }
      }
      #expect(ByteWord.isASCII(word) == bytes.allSatisfy { $0 < 0x80 })
    }
  }

  @Test("sameBytes says two buffers are equal exactly when their bytes are, whatever their length")
  func sameBytesComparesEveryByte() {
    for count in 0...40 {
      let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
      bytes.withUnsafeBytes { left in
        var copy = bytes
        #expect(copy.withUnsafeBytes { ByteWord.sameBytes(left, $0) }, "equal, \(count) bytes")
        // A byte changed at every offset, the last word's included.
        for offset in 0..<count {
          copy[offset] ^= 0x40
          #expect(!copy.withUnsafeBytes { ByteWord.sameBytes(left, $0) }, "byte \(offset) of \(count) changed")
          copy[offset] ^= 0x40
        }
        // One byte more or fewer is not the same.
        #expect(!(bytes + [0]).withUnsafeBytes { ByteWord.sameBytes(left, $0) }, "longer than \(count)")
        if count > 0 { #expect(!bytes.dropLast().withUnsafeBytes { ByteWord.sameBytes(left, $0) }, "shorter") }
      }
    }
  }

  @Test("notLettersOrDigits flags exactly the bytes that are no ASCII letter or digit, every byte value at every place")
  func notLettersOrDigitsFlagsExactly() {
    let isLetterOrDigit = { (byte: UInt8) in
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
    for value in 0...255 {
      for place in 0..<8 {
        // The byte among letters and digits, and among bytes that are neither.
        for filler: UInt8 in [0x61, 0x35, 0x20, 0xC3] {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[place] = UInt8(value)
          var expected: UInt64 = 0
          for (index, byte) in bytes.enumerated() where !isLetterOrDigit(byte) { expected |= 0x80 << (8 * index) }
          #expect(ByteWord.notLettersOrDigits(Self.word(bytes)) == expected, "byte \(value) at \(place)")
        }
      }
    }
  }

  /// The digest of bytes given as an array, with a fixed seed.
  private static func digest(_ bytes: [UInt8], seed: UInt64 = 0x1234_5678_9ABC_DEF0) -> UInt64 {
    bytes.withUnsafeBytes { ByteWord.digest($0, seed: seed) }
  }

  @Test("digest: the same bytes give one digest wherever they stand; any byte changed, or the length, changes it")
  func digestReadsEveryByte() {
    // Lengths below, at and past eight and sixteen bytes, and past several blocks: the bytes past the last
    // whole block are read through overlapping words, or one by one below eight bytes.
    for count in 0...70 {
      let bytes = (0..<count).map { UInt8(truncatingIfNeeded: 0x41 + $0 * 7) }
      let inside = [0x3C, 0x3C] + bytes + [0x3E]
      let insideDigest = inside.withUnsafeBytes {
        ByteWord.digest(UnsafeRawBufferPointer(rebasing: $0[2..<(2 + count)]), seed: 0x1234_5678_9ABC_DEF0)
      }
      #expect(Self.digest(bytes) == insideDigest, "\(count) bytes")
      #expect(Self.digest(bytes) != Self.digest(bytes + [0x41]), "\(count) bytes and one more")
      #expect(Self.digest(bytes) != Self.digest(bytes, seed: 0x1234_5678_9ABC_DEF1), "\(count) bytes, another seed")
      for offset in 0..<count {
        var changed = bytes
        changed[offset] ^= 0x01
        #expect(Self.digest(bytes) != Self.digest(changed), "bit 0 of byte \(offset) of \(count)")
        changed[offset] ^= 0x81
        #expect(Self.digest(bytes) != Self.digest(changed), "bit 7 of byte \(offset) of \(count)")
      }
    }
  }

  @Test("digest: texts made to collide in a digest that only multiplies and exclusive-ors words do not collide")
  func digestResistsTheDifferentialOfASimpleChain() {
    // In a digest that exclusive-ors each word into the state and multiplies by an odd constant, flipping the top
    // bit of one word flips only the top bit of the state, and flipping it again in the next word cancels it,
    // whatever the seed: a file could be written whose keys all collide. Here every bit of a block reaches the
    // whole digest through the full multiplication.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<200 {
      let bytes = (0..<32).map { _ -> UInt8 in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56) & 0x7F
      }
      for (first, second) in [(7, 15), (15, 23), (23, 31), (7, 31)] {
        var changed = bytes
        changed[first] ^= 0x80
        changed[second] ^= 0x80
        #expect(Self.digest(bytes) != Self.digest(changed), "top bits of bytes \(first) and \(second)")
      }
    }
  }
}
