import Testing

@testable import BocheckReading

/// The flattener's sixteen-at-a-time searches find what a search of one byte at a time finds.
@Suite struct HTMLLaneScanTests {
  private typealias Flattener = HTMLFlattener.Flattener

  /// Every byte value, in every lane among letters, is flagged exactly when the one-byte test tells it.
  @Test func lanesAreFlaggedAsTheirBytesAre() {
    for byte in UInt8.min...UInt8.max {
      for lane in 0..<16 {
        var lanes = SIMD16<UInt8>(repeating: 0x61)
        lanes[lane] = byte
        let flagged = Flattener.mayStartMarkupOrSpace(lanes)
        for other in 0..<16 {
          #expect(flagged[other] == (other == lane && Flattener.mayStartMarkupOrSpace(byte)), "\(byte) \(lane)")
        }
      }
    }
  }

  /// From every start to several ends in seeded texts, the first byte that may start markup or a space is the one
  /// a byte-by-byte search finds, within whole vectors and in the bytes after them.
  @Test func firstOffsetsAreTheByteByByteOnes() {
    let pieces = ["word", " ", "  ", "<", "&", "\t", "\n", "\r", "é", "\u{2003}", "\u{3000}", "–", "0123456789abcdef"]
    var found = 0
    for (bytes, draw) in TestSupport.pieceTexts(pieces, count: 500, maximumPieces: 20, seed: 0x6C61_6E65) {
      bytes.withUnsafeBufferPointer { buffer in
        for start in 0...buffer.count {
          for end in Set([buffer.count, min(buffer.count, start + Int(draw % 40)), start]) where end >= start {
            var expected = start
            while expected < end, !Flattener.mayStartMarkupOrSpace(buffer[expected]) { expected += 1 }
            let offset = ASCIIText.firstOffset(
              in: buffer, from: start, to: end, matching: Flattener.mayStartMarkupOrSpace)
            #expect(offset == expected, "\(String(decoding: bytes, as: UTF8.self).debugDescription) \(start) \(end)")
            if expected < end { found += 1 }
          }
        }
      }
    }
    #expect(found > 10_000)
  }
}
