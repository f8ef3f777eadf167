import Testing

@testable import BocheckModel

/// Counting a byte in ASCII bytes eight at a time gives the count, and the verdict on ASCII, of a byte-by-byte
/// reading.
@Suite struct ByteWordASCIIOccurrencesTests {
  @Test("a byte is counted as one by one, and a byte beyond ASCII anywhere makes no count")
  func countsAsByteByByte() {
    // Lengths below, at and past one and two words of eight bytes; the byte counted and one beyond ASCII at
    // every position.
    for length in 0...19 {
      for position in 0..<max(length, 1) {
        for (filler, marked) in [(UInt8(ascii: "a"), UInt8(ascii: "&")), (0x41, 0x20), (0x20, 0x26), (0x41, 0xC3)] {
          var bytes = [UInt8](repeating: filler, count: length)
          if position < length { bytes[position] = marked }
          if length > 3 { bytes[length - 1] = marked }
          for target in [UInt8(ascii: "&"), 0x20, 0x41] {
            let expected: Int? =
              bytes.contains { $0 >= 0x80 } ? nil : bytes.reduce(0) { $0 + ($1 == target ? 1 : 0) }
            let counted = bytes.withUnsafeBufferPointer { ByteWord.asciiOccurrences(of: target, in: $0) }
            #expect(counted == expected, "\(bytes) \(target)")
          }
        }
      }
    }
  }
}
