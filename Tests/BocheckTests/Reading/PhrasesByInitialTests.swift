import BocheckModel
import Testing

@testable import BocheckReading

/// Phrases filed by their initials tell the printed words that may start them by letter and length alone, and
/// numbers read on a value's bytes read as their text does.
@Suite struct PhrasesByInitialTests {
  private static let phrases = ["SHARE", "SUBSCRIPTION RIGHT", "RIGHTS PLAN", "NOTE", "N"].map(ASCIIText.phrase)

  /// Whether a printed word starts a phrase of the table, tried against every phrase.
  private static func startsOne(_ word: String, in table: PhrasesByInitial, wordStarts: Bool) -> Bool {
    let bytes = Array(word.uppercased().utf8)
    return table.phrases.contains { phrase in
      let first = Array(phrase.prefix(while: ASCIIText.isLetter))
      let isOneWord = first.count == phrase.count
      return bytes.first == phrase.first
        && (wordStarts && isOneWord ? bytes.starts(with: first) : bytes.count == first.count)
    }
  }

  @Test func aWordMayStartAPhraseOnlyWhenItsLengthAllows() {
    let words = [
      "share", "shares", "sharesxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "shar", "sub",
      "subscription", "subscriptions", "rights", "right", "rightsx", "note", "notes", "not", "n", "no", "x", "s",
    ]
    for wordStarts in [false, true] {
      let table = PhrasesByInitial(Self.phrases, matchingWordStarts: wordStarts)
      for word in words {
        let letter = Int(ASCIIText.upper(Array(word.utf8)[0]) - 0x41)
        let length = word.utf8.count
        let byLength =
          table.mayStart(letter: letter, length: length)
          && table.candidates(letter: letter).contains { table.mayStart(table.byFirstLetter[$0], length: length) }
        // The lengths tell no phrase wrongly out; with the letters matched too, exactly the phrases' words pass.
        #expect(!Self.startsOne(word, in: table, wordStarts: wordStarts) || byLength, "\(word), \(wordStarts)")
      }
      // A word longer than its letter's phrases starts one only in a table matching word starts.
      #expect(table.mayStart(letter: 18, length: 6) == wordStarts)
      #expect(table.mayStart(letter: 18, length: 70) == wordStarts)
      // The first word of a phrase of several words is matched whole in either table.
      #expect(table.mayStart(letter: 17, length: 6))
      #expect(!table.mayStart(letter: 17, length: 7))
      #expect(table.mayStart(letter: 18, length: 12))
      #expect(!table.mayStart(letter: 18, length: 13) || wordStarts)
      // The phrases of a letter in the order given.
      #expect(table.candidates(letter: 18).map { table.byFirstLetter[$0] } == [0, 1])
      #expect(table.candidates(letter: 13).map { table.byFirstLetter[$0] } == [3, 4])
      #expect(table.candidates(letter: 0).isEmpty)
    }
  }

  @Test func aNumberIsReadOnTheValuesBytesAsItsTextReads() {
    let texts = [
      "1,250,000", "6,606,805.7", ".4", "0.25", "1 234 567", "12 345", "7", "1,000.", "1,000,00", "1234,567",
      "999999999999999", "9999999999999999", "1.1234567",
    ]
    for text in texts {
      let value = ValueText("x " + text + " shares")
      guard let number = value.number(at: 2) else {
        Issue.record("no number in \(text)")
        continue
      }
      let printed = String(decoding: value.bytes[number.range].filter { $0 != 0x20 }, as: UTF8.self)
      let expected = ExactDecimal.parse(printed.hasPrefix(".") ? "0" + printed : printed)
      #expect(number.value == expected, "\(text)")
      #expect(number.range.lowerBound == 2, "\(text)")
    }
    #expect(ValueText(".4").number(at: 0)?.value == ExactDecimal(significand: 4, scale: 1))
    #expect(ValueText("1 234 567").number(at: 0)?.value == ExactDecimal(1_234_567))
  }
}
