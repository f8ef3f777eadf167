import Testing

@testable import BocheckReading

/// The words of ``StatedSharesOutstanding`` are numbered from their bytes as the text of each would be
/// compared: lower-cased, a possessive dropped, "non-..." read as "non".
@Suite struct StatedSharesWordsTests {
  private typealias Words = StatedSharesOutstanding

  /// The number of a word read from its bytes, and the number of the same word read from its text.
  private func numbers(_ word: String) -> (fromBytes: Words.Word, fromText: Words.Word) {
    ASCIIText.withUTF8(word) { bytes in
      (Words.asciiWord(bytes, 0..<bytes.count), Words.unicodeWord(bytes, 0..<bytes.count))
    }
  }

  @Test func asciiWordsAreNumberedAsTheirTexts() {
    // Vocabulary words and near misses, in every case, with possessives, hyphens and "non-" glued on.
    let pieces = [
      "shares", "Stock", "OUTSTANDING", "outstandin", "non", "NON", "-", "-voting", "'s", "'S", "'", "s", "of",
      "a", "Based", "percent", "Million", "k", "x", "own", "owns", "c", "adss", "totalled", "hereof", "ma", "y",
    ]
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 3_000, maximumPieces: 4, seed: 0x2545_F491_4F6C_DD1D) {
      // A word as the tokenizer takes it: it starts with a letter, and a hyphen is followed by one.
      guard let first = bytes.first, ASCIIText.isLetter(first), bytes.last != 0x2D,
        !bytes.indices.contains(where: { bytes[$0] == 0x2D && !ASCIIText.isLetter(bytes[$0 + 1]) })
      else { continue }
      let word = String(decoding: bytes, as: UTF8.self)
      let (fromBytes, fromText) = numbers(word)
      #expect(fromBytes == fromText, "\(word)")
    }
  }

  @Test func aTextIsNumberedByItsPlaceInTheVocabularyAndNoOtherTextIsNumbered() {
    // `word(_:)` is what the other tests compare with: it must give each text its own place, whatever path
    // (letters by initial, marks and other texts one by one) finds it.
    for (number, text) in Words.Vocabulary.texts.enumerated().dropFirst() {
      #expect(Words.Vocabulary.word(text) == Words.Word(number), "\(text)")
    }
    for text in ["", "Stock", "STOCK", "stocks", "stoc", "$$", "1", "%%", "st\u{F6}ck", "\u{212A}"] {
      #expect(Words.Vocabulary.word(text) == Words.Vocabulary.other, "\(text)")
    }
  }

  @Test func everyVocabularyWordIsFoundInAnyCase() {
    for text in Words.Vocabulary.texts.dropFirst() where text.utf8.allSatisfy(ASCIIText.isLetter) {
      let expected = Words.Vocabulary.word(text)
      #expect(expected != Words.Vocabulary.other)
      for spelling in [text, text.uppercased(), text.prefix(1).uppercased() + text.dropFirst(), text + "'s"] {
        #expect(numbers(spelling) == (expected, expected), "\(spelling)")
      }
      #expect(numbers("non-" + text) == (Words.Vocabulary.non, Words.Vocabulary.non))
    }
    #expect(numbers("shared").fromBytes == Words.Vocabulary.other)
    #expect(numbers("sharess").fromBytes == Words.Vocabulary.other)
    #expect(numbers("s").fromBytes == Words.Vocabulary.other)
  }

  @Test func aWordDifferingInAnyLetterOrItsLengthIsNoVocabularyWord() {
    // The vocabulary's letters are compared eight to a word: a change in any letter, the ninth on as the first,
    // or one letter more or fewer, makes another word.
    for text in ["outstanding", "beneficially", "transferred", "denominator", "of", "a"] {
      let expected = Words.Vocabulary.word(text)
      #expect(expected != Words.Vocabulary.other, "\(text)")
      #expect(numbers(text.uppercased()).fromBytes == expected, "\(text)")
      for offset in 0..<text.utf8.count {
        var bytes = Array(text.utf8)
        bytes[offset] = bytes[offset] == 0x71 ? 0x78 : 0x71
        let changed = String(decoding: bytes, as: UTF8.self)
        #expect(numbers(changed).fromBytes == Words.Vocabulary.word(changed), "\(changed)")
        #expect(numbers(changed).fromBytes == Words.Vocabulary.other, "\(changed)")
      }
      #expect(numbers(text + "x").fromBytes == Words.Vocabulary.other, "\(text)x")
      if text.count > 1 { #expect(numbers(String(text.dropLast())).fromBytes != expected, "\(text)") }
      #expect(numbers(String(repeating: text, count: 17)).fromBytes == Words.Vocabulary.other, "\(text)")
    }
  }

  @Test func wordsBeyondASCIIAreNumberedAsTheirLowerCasedText() {
    // The Kelvin sign lower-cases to "k"; "’s" is a possessive; a combining accent makes another word.
    #expect(numbers("STOC\u{212A}").fromText == Words.Vocabulary.word("stock"))
    #expect(numbers("Issuer\u{2019}s").fromText == Words.Vocabulary.word("issuer"))
    #expect(numbers("stocke\u{301}").fromText == Words.Vocabulary.other)
    #expect(numbers("Non-vot\u{E9}").fromText == Words.Vocabulary.non)
  }

  /// The number of a word read as text the plain way: lower-cased, a possessive dropped, "non-..." read as
  /// "non", then compared with every text of the vocabulary (the reference for ``StatedSharesOutstanding/unicodeWord(_:_:)``).
  private func numberByComparingTexts(_ word: String) -> Words.Word {
    var text = word.lowercased()
    for possessive in ["'s", "\u{2019}s"] where text.hasSuffix(possessive) { text.removeLast(possessive.count) }
    if text.hasPrefix("non-") { text = "non" }
    return Words.Vocabulary.texts.indices.dropFirst().first { Words.Vocabulary.texts[$0] == text }.map {
      Words.Word($0)
    } ?? Words.Vocabulary.other
  }

  @Test func wordsBeyondASCIIAreNumberedAsByComparingTheirTexts() {
    // Words beyond ASCII, among them scalars that decompose into ASCII (a Greek question mark is a semicolon,
    // a Kelvin sign a K) and that do not (an accent, a curly apostrophe), next to vocabulary words.
    let pieces = [
      "\u{37E}", "\u{1FEF}", "\u{212A}", "\u{E9}", "e\u{301}", "\u{2019}s", "'s", "stoc", "k", "shares", "non-",
      "\u{C9}",
      ";", "`", "x", "Issuer",
    ]
    var numbered = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 2_000, maximumPieces: 3, seed: 0x6A09_E667_F3BC_C909) {
      let word = String(decoding: bytes, as: UTF8.self)
      let found = ASCIIText.withUTF8(word) { Words.unicodeWord($0, 0..<$0.count) }
      #expect(found == numberByComparingTexts(word), "\(word.debugDescription)")
      if found != Words.Vocabulary.other { numbered += 1 }
    }
    #expect(numbered > 100)
    #expect(ASCIIText.withUTF8("\u{37E}") { Words.unicodeWord($0, 0..<$0.count) } == Words.Vocabulary.semicolon)
    // The vocabulary is ASCII, which the reading of words beyond ASCII relies on.
    #expect(Words.Vocabulary.texts.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
  }

  @Test func statementsReadWordsBeyondASCIIAsTheirText() {
    let lines = SourceLines("There were 12,500,000 shares of common stoc\u{212A} outstanding on May 1.")
    let facts = DocumentFacts(lines: lines)
    #expect(facts.statedSharesOutstanding(in: 1..<(lines.count + 1))?.value.description == "12,500,000")
    let unknown = SourceLines("There were 12,500,000 shares of common stocx outstanding on May 1.")
    #expect(DocumentFacts(lines: unknown).statedSharesOutstanding(in: 1..<(unknown.count + 1)) == nil)
  }
}
