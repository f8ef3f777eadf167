import Testing

@testable import BocheckReading

/// A cell's caption words answer the caption-only test as the test's own pass over the bytes does, whenever
/// they answer at all: the tokenizer asks them first and the bytes only when they decline.
@Suite struct CaptionOnlyCellWordsTests {
  /// Invented cells: caption words, values, glued row numbers and colons, no-break spaces, text without a
  /// letter, blanks only.
  static let cells: [String] =
    CaptionWordBytesTests.samples + [
      "(1)Names of Reporting Persons", "[1]NAME OF REPORTING PERSON", "1.NAME OF REPORTING PERSON",
      "SOLE VOTING POWER:0", "BENEFICIALLY OWNED BY:", "(entities only):", "S.S.\u{00A0}OR I.R.S.",
      "IDENTIFICATION NOS.\tOF ABOVE PERSONS", "  BENEFICIALLY  OWNED  ", "1,000 (see Item 4)", "(11)EXCLUDES",
      "PERSON WITH: 5,000", "\t", "12 (11) -", "REPORTING PERSON (SEE INSTRUCTIONS)",
    ]

  @Test("a cell's words tell whether it is caption words only as its bytes do")
  func wordsAgreeWithBytes() {
    var answered = 0
    for cell in Self.cells {
      let bytes = Array(cell.utf8)
      let byBytes = bytes.withUnsafeBufferPointer { CaptionWords.isCaptionOnly($0) }
      let words = RowCaptions.captionWords(bytes, 0..<bytes.count)
      if let byWords = words.isCaptionOnly {
        answered += 1
        #expect(byWords == byBytes, "\(cell)")
      }
      // The words after each word, as a caption's rest takes them over, answer for the rest of the cell.
      for found in words.found {
        guard let rest = words.suffix(from: found.range.lowerBound), let byWords = rest.isCaptionOnly else { continue }
        let restBytes = bytes.withUnsafeBufferPointer {
          CaptionWords.isCaptionOnly(UnsafeBufferPointer(rebasing: $0[found.range.lowerBound...]))
        }
        #expect(byWords == restBytes, "\(cell) from \(found.range.lowerBound)")
      }
    }
    // Most cells split at blanks only and are answered by their words.
    #expect(answered > Self.cells.count / 2)
  }

  @Test("words split at a glued mark or holding a no-break space leave the test to the bytes")
  func otherSplitsDecline() {
    for cell in ["(1)Names of Reporting Persons", "SOLE VOTING POWER:0", "NAME\u{00A0}OF REPORTING PERSON"] {
      let bytes = Array(cell.utf8)
      #expect(RowCaptions.captionWords(bytes, 0..<bytes.count).isCaptionOnly == nil, "\(cell)")
    }
  }
}
