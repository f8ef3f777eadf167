import Testing

@testable import BocheckReading

/// The cursor's lines and columns, counted eight bytes at a time, agree with a byte-by-byte count.
@Suite struct SourceCursorTests {
  /// The 1-based line and column of a byte offset, counted one byte at a time.
  private func reference(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for byte in bytes[..<offset] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  @Test func linesAndColumnsAgreeWithAByteByByteCount() {
    let pieces = ["a", "\n", "é", "€", "\r\n", "𝄞", " ", "\t", "xyzxyzxyz", "\n\n", "<tag>"]
    for (text, seed) in TestSupport.pieceTexts(pieces, count: 200, maximumPieces: 40, seed: 0x2545_F491_4F6C_DD1D) {
      // Stops at rising offsets, some skipped over in one move, some asked twice.
      var cursor = SourceCursor()
      var offset = 0
      var step = seed % 13
      while offset <= text.count {
        text.withUnsafeBufferPointer { cursor.move(to: offset, in: $0) }
        let expected = reference(text, offset)
        #expect(cursor.offset == offset)
        #expect(cursor.line == expected.line, "line at \(offset) of \(text)")
        #expect(text.withUnsafeBufferPointer { cursor.column(in: $0) } == expected.column, "column at \(offset)")
        if step % 3 == 0 {
          #expect(text.withUnsafeBufferPointer { cursor.column(in: $0) } == expected.column)
        }
        offset += 1 + Int(step % 11)
        step = step &* 7 &+ 3
      }
    }
  }

  @Test func columnsOfAnASCIITextAreTheCountedColumns() {
    // A cursor told that its text is ASCII gives, at every stop, the line and column of one that counts.
    let pieces = ["a", "\n", "\r\n", " ", "\t", "xyzxyzxyz", "\n\n", "<tag>", "&amp;"]
    var stops = 0
    for (text, seed) in TestSupport.pieceTexts(pieces, count: 200, maximumPieces: 40, seed: 0x0A5C_11) {
      #expect(text.withUnsafeBufferPointer { ASCIIText.isASCII($0) })
      var ascii = SourceCursor(textIsASCII: true)
      var counting = SourceCursor()
      var offset = 0
      var step = seed % 13
      while offset <= text.count {
        text.withUnsafeBufferPointer { bytes in
          ascii.move(to: offset, in: bytes)
          counting.move(to: offset, in: bytes)
          #expect(ascii.line == counting.line)
          #expect(ascii.column(in: bytes) == counting.column(in: bytes), "column at \(offset) of \(text)")
        }
        stops += 1
        offset += 1 + Int(step % 11)
        step = step &* 7 &+ 3
      }
    }
    #expect(stops > 1_000)
  }

  @Test func movesOverRunsReadByTheCallerAgreeWithCountingMoves() {
    // The flattener's moves: over a run within a line without a look, over blanks with the line feeds it
    // counted. Each stop agrees in line and column with a cursor that counts the bytes itself.
    let pieces = ["a", "\n", "é", "€", "\r\n", " ", "\t", "xyzxyzxyz", "\n\n", "word"]
    var withinLine = 0
    var overLineFeeds = 0
    for (text, _) in TestSupport.pieceTexts(pieces, count: 200, maximumPieces: 40, seed: 0x5EED_C0DE) {
      var cursor = SourceCursor()
      var counting = SourceCursor()
      var offset = 0
      while offset < text.count {
        // The next run: bytes up to a line feed, or a run holding line feeds up to the next other byte.
        var end = offset
        var lineFeeds = 0
        var last = 0
        if text[offset] == 0x0A || text[offset] == 0x20 {
          while end < text.count, text[end] == 0x0A || text[end] == 0x20 {
            if text[end] == 0x0A {
              lineFeeds += 1
              last = end
            }
            end += 1
          }
          text.withUnsafeBufferPointer { cursor.move(to: end, passing: lineFeeds, lastAt: last, in: $0) }
          overLineFeeds += lineFeeds > 0 ? 1 : 0
        } else {
          var characters = 0
          while end < text.count, text[end] != 0x0A, text[end] != 0x20 {
            if text[end] & 0xC0 != 0x80 { characters += 1 }
            end += 1
          }
          // Every other run carries a column on with the characters counted (when one was asked at its start).
          if withinLine % 2 == 0 {
            text.withUnsafeBufferPointer { cursor.moveWithinLine(to: end, characters: characters, in: $0) }
          } else {
            text.withUnsafeBufferPointer { cursor.moveWithinLine(to: end, in: $0) }
          }
          withinLine += 1
        }
        text.withUnsafeBufferPointer { counting.move(to: end, in: $0) }
        #expect(cursor.offset == counting.offset && cursor.line == counting.line, "line at \(end) of \(text)")
        // Columns are asked at most stops, not all: a column is carried on only from where one was counted.
        if (end + text.count) % 4 != 0 {
          let columns = text.withUnsafeBufferPointer { (cursor.column(in: $0), counting.column(in: $0)) }
          #expect(columns.0 == columns.1, "column at \(end) of \(text)")
        }
        offset = end
      }
    }
    #expect(withinLine > 1000 && overLineFeeds > 500)
  }

  @Test func aTargetBehindTheCursorLeavesItWhereItIs() {
    let text = Array("one\ntwo\nthree".utf8)
    var cursor = SourceCursor()
    text.withUnsafeBufferPointer { cursor.move(to: 9, in: $0) }
    text.withUnsafeBufferPointer { cursor.move(to: 2, in: $0) }
    #expect(cursor.offset == 9)
    #expect(cursor.line == 3)
    #expect(text.withUnsafeBufferPointer { cursor.column(in: $0) } == 2)
    text.withUnsafeBufferPointer { cursor.move(to: 100, in: $0) }
    #expect(cursor.offset == text.count)
  }
}
