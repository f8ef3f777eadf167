import Testing

@testable import BocheckReading

/// The end of a run of words, read sixteen bytes at a time with the byte after each, is the one a reading of one
/// byte at a time finds.
@Suite struct HTMLWordsEndTests {
  private typealias Flattener = HTMLFlattener.Flattener

  /// Where a run of words ends, read byte by byte: a byte that may start markup or a space ends it, unless it is a
  /// space that a byte of another kind follows.
  private static func wordsEndByBytes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < bytes.count {
      let passes =
        !Flattener.mayStartMarkupOrSpace(bytes[index])
        || (bytes[index] == 0x20 && index + 1 < bytes.count && !Flattener.mayStartMarkupOrSpace(bytes[index + 1]))
      guard passes else { break }
      index += 1
    }
    return index
  }

  /// From every start in seeded texts of words, single and double spaces, markup and Unicode spaces, the end is the
  /// byte-by-byte one, within whole vectors, across two and in the bytes after them; many ends lie past a space.
  @Test func wordsEndsAreTheByteByByteEnds() {
    let pieces = [
      "word", " ", "  ", "a b", " x", "<", "&", "\t", "\n", "\r", "é", "\u{2003}", "\u{3000}", "–", "0123456789abcdef",
    ]
    var pastASpace = 0
    for (bytes, draw) in TestSupport.pieceTexts(pieces, count: 600, maximumPieces: 24, seed: 0x776F_7264) {
      bytes.withUnsafeBufferPointer { buffer in
        for start in 0...buffer.count {
          let expected = Self.wordsEndByBytes(buffer, from: start)
          let end = Flattener.wordsEnd(in: buffer, from: start)
          #expect(end == expected, "draw \(draw): \(String(decoding: bytes, as: UTF8.self).debugDescription) \(start)")
          if buffer[start..<expected].contains(0x20) { pastASpace += 1 }
        }
      }
    }
    #expect(pastASpace > 3_000)
  }
}
