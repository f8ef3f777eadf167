import Testing

@testable import BocheckReading

/// A caption cut short after its row number, read in memory kept from one search to the next
/// (``RowCaptions/WordMemory``), is read as in fresh memory, whatever the memory held before and while a cell's
/// words are still read.
@Suite struct WordMemoryTests {
  /// Invented cells: the caption-only cells and captions cut short, long and short, so that a list kept from a
  /// longer range is reused for a shorter one.
  static let cells: [String] =
    CaptionOnlyCellWordsTests.cells + [
      "(9) Aggregate", "(2) Check the Appropriate Box if a Member of a", "7 Sole", "(12) Check box if",
      "SOLE VOTING POWER 1,000 shares", "CHECK IF DISCLOSURE OF LEGAL", "Aggregate Amount", "Check the",
    ]

  @Test("a caption cut short reads in kept memory as in fresh memory, a cell's words held or not")
  func keptMemoryReadsAsFresh() {
    var memory = RowCaptions.WordMemory()
    var found = 0
    for cell in Self.cells + Self.cells.reversed() {
      let bytes = Array(cell.utf8)
      // The cell's words are held, as the tokenizer holds them, while its parts are read.
      var held = RowCaptions.captionWords(bytes, 0..<bytes.count, memory: &memory)
      let heldFound = held.found.map { "\($0.range) \($0.key.code)" }
      for split in 0...bytes.count {
        for number in [2, 7, 9, 12] {
          let inKept = RowCaptions.truncatedCaption(number: number, in: bytes, split..<bytes.count, memory: &memory)
          #expect(inKept == RowCaptions.truncatedCaption(number: number, in: bytes, split..<bytes.count))
          if inKept != nil { found += 1 }
        }
      }
      // The held words are untouched by the reading made meanwhile.
      #expect(held.found.map { "\($0.range) \($0.key.code)" } == heldFound, "\(cell)")
      held.handBack(to: &memory)
    }
    // Some parts are captions cut short.
    #expect(found > 0)
  }

  @Test("a short cut caption after a long range reads as alone")
  func shortAfterLong() {
    var memory = RowCaptions.WordMemory()
    let long = Array("SHARED DISPOSITIVE POWER NONE SHARES OF COMMON STOCK HELD".utf8)
    var words = RowCaptions.words(long, 0..<long.count, memory: &memory)
    words.handBack(to: &memory)
    let short = Array(" Aggregate".utf8)
    let field = RowCaptions.truncatedCaption(number: 9, in: short, 0..<short.count, memory: &memory)
    #expect(field == .aggregateAmountOwned)
    #expect(RowCaptions.truncatedCaption(number: 7, in: short, 0..<short.count, memory: &memory) == nil)
  }
}
