import Testing

@testable import BocheckReading

/// Lines built in place, piece by piece, in a ``SourceLines/Builder`` (as the HTML flattener builds them) are the
/// lines kept, with their own origins: a dropped line leaves no byte and no origin behind, and a line still being
/// built when the lines are made is no part of them.
@Suite struct PendingBuiltLineTests {
  /// Pieces of lines; the byte 0x01 is made 0xFF, which is not UTF-8, so that some lines must be repaired.
  private static let pieces = ["Alpha", " ", "\t", "é", "12,345", "\u{1}", "SOLE VOTING POWER", "Zoë"]

  @Test func keptLinesAreTheLinesAndDroppedOnesLeaveNothing() {
    let drawn = TestSupport.pieceTexts(Self.pieces, count: 500, maximumPieces: 6, seed: 0x7065_6E64)
    var builder = SourceLines.Builder()
    var kept: [(bytes: [UInt8], origins: [LineOrigin])] = []
    for (text, draw) in drawn {
      let bytes = text.map { $0 == 0x01 ? 0xFF : $0 }
      // The line's bytes are appended in pieces of one to four bytes, some with an origin of their own.
      var origins: [LineOrigin] = []
      var offset = 0
      var draw = draw
      #expect(builder.pendingLineCount == 0 && builder.pendingLineLast == nil)
      #expect(builder.pendingLineLastOrigin == nil)
      while offset < bytes.count {
        if draw % 3 == 0 {
          let origin = LineOrigin(offset: builder.pendingLineCount, line: Int(draw >> 8 % 700) + 1, column: 3)
          builder.appendToPendingLine(origin: origin)
          origins.append(origin)
          #expect(builder.pendingLineLastOrigin?.line == origin.line)
        }
        let end = min(bytes.count, offset + Int(draw >> 4 % 4) + 1)
        if end - offset == 1 {
          builder.appendToPendingLine(bytes[offset])
        } else {
          builder.appendToPendingLine(contentsOf: bytes[offset..<end])
        }
        offset = end
        #expect(builder.pendingLineCount == offset && builder.pendingLineLast == bytes[offset - 1])
        draw = draw >> 7 | draw << 57
      }
      #expect(builder.pendingLineHasText() == bytes.contains { $0 != 0x20 && $0 != 0x09 })
      if draw % 4 == 0 {
        builder.discardPendingLine()
      } else {
        builder.endPendingLine()
        kept.append((bytes, origins))
      }
    }
    // A line left being built is not one of the lines.
    builder.appendToPendingLine(contentsOf: [0x41, 0xFF])
    builder.appendToPendingLine(origin: LineOrigin(offset: 0, line: 1, column: 1))
    let lines = builder.lines()
    #expect(kept.count > 300 && kept.count < drawn.count)
    #expect(kept.contains { $0.bytes.contains(0xFF) })
    #expect(lines.count == kept.count)
    let joined = kept.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n")
    #expect(lines.text == joined)
    for (index, line) in kept.enumerated() {
      let position = index + 1
      #expect(String(lines[position]) == String(decoding: line.bytes, as: UTF8.self), "line \(position)")
      let origins = lines.origins?[index].map { [$0.offset, $0.line, $0.column] }
      #expect(origins == line.origins.map { [$0.offset, $0.line, $0.column] }, "line \(position)")
    }
  }
}
