import Testing

@testable import BocheckReading

/// Built lines (as the HTML and XML readers make them) answer, line by line, from the origins their line was
/// added with: its source line, and the source place of each piece.
@Suite struct BuiltLineOriginsTests {
  /// Pieces of lines; the byte 0x01 is made 0xFF, which is not UTF-8, so that some lines must be repaired.
  private static let pieces = ["Alpha", " ", "\t", "é", "12,345", "\u{1}", "SOLE VOTING POWER", "Zoë"]

  /// Seeded lines with seeded origins, a few of them with none.
  private static func drawnLines() -> [(bytes: [UInt8], origins: [LineOrigin])] {
    TestSupport.pieceTexts(pieces, count: 600, maximumPieces: 6, seed: 0x6F72_6967).map { text, draw in
      let bytes = text.map { $0 == 0x01 ? 0xFF : $0 }
      var origins: [LineOrigin] = []
      var offset = 0
      var draw = draw
      while offset < bytes.count || (origins.isEmpty && (draw >> 3) % 2 == 0) {
        origins.append(LineOrigin(offset: offset, line: Int(draw % 700) + 1, column: Int(draw >> 10 % 90) + 1))
        offset += Int(draw >> 20 % 11) + 1
        draw = draw >> 7 | draw << 57
      }
      return (bytes, origins)
    }
  }

  @Test func eachBuiltLineAnswersFromItsOwnOrigins() {
    let drawn = Self.drawnLines()
    var builder = SourceLines.Builder()
    for line in drawn { builder.append(line.bytes, origins: line.origins) }
    let lines = builder.lines()
    #expect(lines.count == drawn.count)
    // Some lines were repaired: a repair must move no other line's origins.
    #expect(drawn.contains { $0.bytes.contains(0xFF) })
    #expect(drawn.contains { $0.origins.isEmpty })
    for (index, line) in drawn.enumerated() {
      let position = index + 1
      #expect(String(lines[position]) == String(decoding: line.bytes, as: UTF8.self), "line \(position)")
      let kept = lines.origins?[index].map { [$0.offset, $0.line, $0.column] }
      #expect(kept == line.origins.map { [$0.offset, $0.line, $0.column] }, "line \(position)")
      #expect(lines.sourceLine(position) == line.origins.first?.line ?? position, "line \(position)")
      // Each piece's first byte is located at its own source place.
      var columns = ColumnCounter(lines.withBytes(position) { Array($0) })
      for origin in line.origins where origin.offset < lines.withBytes(position, \.count) {
        let place = lines.location(position: position, offset: origin.offset, columns: &columns)
        #expect(place == (origin.line, origin.column), "line \(position), offset \(origin.offset)")
      }
    }
  }
}
