import Testing

@testable import BocheckReading

/// The flattener's word-at-once reading of a no-break space entity agrees with the entity decoder.
@Suite struct HTMLNoBreakSpaceTests {
  /// Wherever an `&` stands in seeded texts of the entity's pieces in mixed case and near misses, the no-break
  /// space is told only where the decoder reads a space of the entity's length, and is told wherever the
  /// entity's name stands in any case with a full word of bytes left.
  @Test func noBreakSpacesAreTheDecodedSpaces() {
    let pieces = [
      "&nbsp;", "&NBSP;", "&NbSp;", "&nBsP;", "&nbsp", "&nbs;", "&nbspx;", "&nbsq;", "&#160;", "&amp;", "&", ";",
      "n", "N", "b", "s", "p", "x", " ", "\n", "\u{06}", "\u{1B}", "é",
    ]
    var told = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 3_000, maximumPieces: 12, seed: 0x6E62_7370) {
      bytes.withUnsafeBufferPointer { buffer in
        for start in buffer.indices where buffer[start] == 0x26 {
          let isNoBreakSpace = HTMLFlattener.Flattener.isNoBreakSpace(buffer, at: start)
          let text = String(decoding: bytes, as: UTF8.self).debugDescription
          let spellsName =
            start + 8 <= buffer.count
            && String(decoding: buffer[start..<(start + 6)], as: UTF8.self).lowercased() == "&nbsp;"
          #expect(isNoBreakSpace == spellsName, "\(text) \(start)")
          guard isNoBreakSpace else { continue }
          told += 1
          let decoded = HTMLFlattener.Flattener.entity(in: buffer, at: start)
          #expect(decoded?.scalar == " " && decoded?.length == 6, "\(text) \(start)")
        }
      }
    }
    #expect(told > 1_000)
  }

  /// Wherever an `&` stands in seeded texts of the numeric reference's pieces and near misses, the numeric no-break
  /// space is told exactly where `&#160;` stands with a full word of bytes left, and the decoder reads a space of
  /// its length there.
  @Test func numericNoBreakSpacesAreTheDecodedSpaces() {
    let pieces = [
      "&#160;", "&#16;", "&#1600;", "&#0160;", "&#x160;", "&#xA0;", "&#160", "&#161;", "&#170;", "&nbsp;", "&", "#",
      "1", "6", "0", ";", " ", "\n", "é",
    ]
    let numeric = HTMLFlattener.Flattener.numericNoBreakSpace
    var told = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 3_000, maximumPieces: 12, seed: 0x2331_3630) {
      bytes.withUnsafeBufferPointer { buffer in
        for start in buffer.indices where buffer[start] == 0x26 {
          let isNoBreakSpace = HTMLFlattener.Flattener.isNoBreakSpace(buffer, at: start, as: numeric)
          let text = String(decoding: bytes, as: UTF8.self).debugDescription
          let spellsReference =
            start + 8 <= buffer.count && String(decoding: buffer[start..<(start + 6)], as: UTF8.self) == "&#160;"
          #expect(isNoBreakSpace == spellsReference, "\(text) \(start)")
          guard isNoBreakSpace else { continue }
          told += 1
          let decoded = HTMLFlattener.Flattener.entity(in: buffer, at: start)
          #expect(decoded?.scalar == " " && decoded?.length == numeric.length, "\(text) \(start)")
        }
      }
    }
    #expect(told > 500)
  }
}
