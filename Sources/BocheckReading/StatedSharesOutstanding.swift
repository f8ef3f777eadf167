import BocheckModel

/// Finds the number of shares outstanding a paragraph of prose states as the basis of the percentages.
///
/// A number counts only where the words around it make it the class's outstanding shares:
///
/// - a basis phrase leads to it: "based on 12,500,000 shares", "calculated on the basis of 12,500,000",
///   "7.5% of the 12,500,000 shares ... outstanding";
/// - it is the subject of "outstanding", with nothing but the class's name between them:
///   "12,500,000 shares of Class A Common Stock issued and outstanding", "12,500,000 outstanding shares";
/// - "outstanding" leads to it through a verb or "of": "shares outstanding as of May 1, 2024 was 12,500,000",
///   "outstanding shares of 12,500,000".
///
/// A number someone owns, holds, buys or sells is never a basis, however near "outstanding" it stands
/// ("is the beneficial owner of 12,500 shares or 0.1% of the Common Stock outstanding"). Dollar amounts,
/// percents, per-share prices and numbers below 10,000 are not candidates. The scan works on the paragraph's
/// UTF-8 bytes.
struct StatedSharesOutstanding {
  /// A number the paragraph states as the shares outstanding.
  struct Statement: Equatable {
    /// The number of shares.
    var shares: ExactDecimal
    /// The byte offset of the number in the paragraph's UTF-8 text.
    var offset: Int
    /// Whether a basis phrase ("based on", "% of the") leads to it.
    var isBasisPhrase: Bool
  }

  /// A word, a number or a punctuation mark of the paragraph.
  private struct Token {
    enum Kind: Equatable {
      case word
      case number
      case mark
    }
    var kind: Kind
    /// The word or mark as the vocabulary numbers it (see ``Vocabulary``): a word lower-cased, a possessive
    /// "'s" dropped; a mark its one character; ``Vocabulary/other`` for any text the reading never compares
    /// with, and for a number.
    var text: Word
    /// The byte offset in the paragraph.
    var offset: Int
    /// For a number, its value with any "million" or "k" applied.
    var value: ExactDecimal?
    /// For a word, whether it starts with a capital letter.
    var isCapitalized = false
  }

  private let tokens: [Token]

  /// Splits a paragraph into words, numbers and marks.
  ///
  /// - Parameter paragraph: The paragraph's text, lines joined by spaces.
  init(_ paragraph: String) {
    self = ASCIIText.withUTF8(paragraph) { StatedSharesOutstanding(bytes: $0) }
  }

  /// Splits a paragraph into words, numbers and marks, given its UTF-8 bytes.
  ///
  /// - Parameter bytes: The UTF-8 bytes of the paragraph's text, lines joined by spaces.
  init(bytes: UnsafeBufferPointer<UInt8>) {
    // A paragraph with no number that can be a count of shares states none: its tokens are never read.
    tokens = StatedSharesOutstanding.mayHoldCandidate(bytes) ? StatedSharesOutstanding.tokenize(bytes) : []
  }

  /// Whether a paragraph may hold a number that can be a count of shares (see ``isCandidate(_:_:)``), told in
  /// one look at its bytes before it is tokenized.
  ///
  /// A candidate is a whole number of at least 10,000: one of five digits or more, or a number a multiplier
  /// scales, glued to it ("12.5m", "125k") or the word after it ("12.5 million"). Only more paragraphs than hold
  /// one are let through: the digits of a number are counted across every comma and point among them, a letter
  /// right after a digit is taken for a glued multiplier, and a multiplying word is looked for within any word.
  ///
  /// - Parameter bytes: The paragraph's UTF-8 bytes.
  static func mayHoldCandidate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var digitsInRun = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if ASCIIText.isDigit(byte) {
        digitsInRun += 1
        if digitsInRun >= 5 || (index < bytes.count && ASCIIText.isLetter(bytes[index])) { return true }
      } else if byte != 0x2C && byte != 0x2E {
        digitsInRun = 0
      }
    }
    return multiplierPhrases.occurs(in: bytes)
  }

  /// The multiplying words of ``multiplierTexts``, upper case, for ``mayHoldCandidate(_:)``.
  private static let multiplierPhrases = ASCIIText.PhraseSet(multiplierTexts.map { ASCIIText.phrase($0.word) })

  /// Every number the paragraph states as the shares outstanding, in order.
  var statements: [Statement] {
    var result: [Statement] = []
    for index in tokens.indices {
      guard tokens[index].kind == .number, let value = tokens[index].value, isCandidate(index, value) else {
        continue
      }
      let lead = basisPhraseBefore(index)
      if lead == .holding { continue }
      let isBasis = lead == .basis
      if isBasis || reachesOutstanding(after: index) || outstandingLeads(to: index) {
        result.append(Statement(shares: value, offset: tokens[index].offset, isBasisPhrase: isBasis))
      }
    }
    return result
  }

  // MARK: Candidates

  /// Whether a number can be a count of shares: a whole number of at least 10,000, not a dollar amount,
  /// a percent or a price per share.
  private func isCandidate(_ index: Int, _ value: ExactDecimal) -> Bool {
    guard value.scale == 0, value.significand >= 10_000 else { return false }
    if index > 0 && tokens[index - 1].text == Vocabulary.dollarSign { return false }
    if index + 1 < tokens.count
      && (tokens[index + 1].text == Vocabulary.percentSign || tokens[index + 1].text == Vocabulary.slash)
    {
      return false
    }
    if index + 1 < tokens.count && tokens[index + 1].text == Vocabulary.percent { return false }
    return true
  }

  private enum Lead {
    case basis
    case holding
    case none
  }

  /// What leads to the number within its sentence: a basis phrase, a holding verb, or neither. The nearer
  /// one decides.
  private func basisPhraseBefore(_ index: Int) -> Lead {
    var words: [Word] = []
    var position = index - 1
    while position >= 0 && words.count < 8 {
      let token = tokens[position]
      if token.kind == .mark && (token.text == Vocabulary.period || token.text == Vocabulary.semicolon) { break }
      if token.kind == .number && (token.value.map { $0.significand >= 10_000 } ?? false) { break }
      if token.kind == .word && StatedSharesOutstanding.holdingWords.contains(token.text) {
        return isBasisPhrase(words) ? .basis : .holding
      }
      words.insert(token.kind == .number ? Vocabulary.other : token.text, at: 0)
      if isBasisPhrase(words) { return .basis }
      position -= 1
    }
    return isBasisPhrase(words) ? .basis : .none
  }

  /// Whether the words just before a number end in a basis phrase, fillers such as "an aggregate of" aside.
  private func isBasisPhrase(_ before: [Word]) -> Bool {
    var words = before[...]
    while true {
      for phrase in StatedSharesOutstanding.basisPhrases where words.count >= phrase.count {
        if words.suffix(phrase.count).elementsEqual(phrase) { return true }
      }
      guard let last = words.last, StatedSharesOutstanding.fillers.contains(last) else { return false }
      words = words.dropLast()
    }
  }

  /// Whether the words after the number are only the class's name on the way to "outstanding".
  private func reachesOutstanding(after index: Int) -> Bool {
    var position = index + 1
    var namesSeen = 0
    while position < tokens.count && position <= index + 24 {
      let token = tokens[position]
      defer { position += 1 }
      if token.kind == .word && token.text == Vocabulary.outstanding { return true }
      switch token.kind {
      case .word:
        if StatedSharesOutstanding.classWords.contains(token.text) { continue }
        // The class or issuer may be named: "shares of Northwind Robotics common stock".
        if token.isCapitalized && namesSeen < 4 {
          namesSeen += 1
          continue
        }
        return false
      case .number:
        // A par value: "$0.01 per share".
        if position > 0 && tokens[position - 1].text == Vocabulary.dollarSign { continue }
        // Another class counted in the same breath: "10,000 shares of Class A and 20,000 shares of Class B
        // Common Stock outstanding" states both.
        if position > 0 {
          let before = tokens[position - 1].text
          if before == Vocabulary.and || before == Vocabulary.comma { continue }
        }
        return false
      case .mark:
        if token.text == Vocabulary.dollarSign || token.text == Vocabulary.hyphen || token.text == Vocabulary.comma {
          continue
        }
        return false
      }
    }
    return false
  }

  /// Whether "outstanding" leads to the number through the class's name, a date and a linking word:
  /// "shares outstanding as of May 1, 2024 was 12,500,000".
  private func outstandingLeads(to index: Int) -> Bool {
    guard index > 0 else { return false }
    let linking = tokens[index - 1]
    guard StatedSharesOutstanding.linkingWords.contains(linking.text) else { return false }
    var position = index - 2
    while position >= 0 && position >= index - 16 {
      let token = tokens[position]
      defer { position -= 1 }
      if token.kind == .word && token.text == Vocabulary.outstanding { return true }
      switch token.kind {
      case .word:
        if StatedSharesOutstanding.classWords.contains(token.text)
          || StatedSharesOutstanding.dateWords.contains(token.text)
        {
          continue
        }
        return false
      case .number:
        // A day or a year of the date.
        if let value = token.value, value.significand < 10_000 { continue }
        return false
      case .mark:
        if token.text == Vocabulary.comma { continue }
        return false
      }
    }
    return false
  }

  // MARK: Vocabulary

  /// Phrases that make the number after them the basis (`%` is the percent sign).
  private static let basisPhrases: [[Word]] = basisPhraseTexts.map { $0.map(Vocabulary.word) }

  private static let basisPhraseTexts: [[String]] = [
    ["based", "on"], ["based", "upon"], ["basis", "of"], ["%", "of"], ["percent", "of"], ["divided", "by"],
    ["denominator", "of"], ["out", "of"],
  ]

  /// Words between a basis phrase and its number: "based on an aggregate of", "% of the".
  private static let fillers = WordSet(fillerTexts)

  private static let fillerTexts = [
    "a", "an", "the", "total", "aggregate", "of", "approximately", "about", "its", "issuer", "company",
  ]

  /// Words that make the number after them someone's holding, not the class's size.
  private static let holdingWords = WordSet(holdingTexts)

  private static let holdingTexts = [
    "own", "owns", "owned", "owning", "owner", "owners", "hold", "holds", "held", "holding", "holder", "holders",
    "acquire", "acquired", "acquiring", "purchase", "purchased", "purchases", "purchasing", "bought", "sell", "sold",
    "sells", "selling", "dispose", "disposed", "transfer", "transferred", "receive", "received", "vote", "voted",
    "consisting", "includes", "including", "comprising", "beneficially", "additional", "exercise", "convert",
    "converted", "issuable", "grant", "granted", "aggregating",
  ]

  /// Words that may stand between a number and "outstanding": the class's name and how it is outstanding.
  private static let classWords = WordSet(classTexts)

  private static let classTexts = [
    "shares", "share", "of", "the", "its", "issuer", "company", "registrant", "common", "stock", "class", "a", "b",
    "c", "ordinary", "preferred", "series", "units", "unit", "ads", "adss", "american", "depositary", "depository",
    "issued", "and", "par", "value", "per", "no", "voting", "non", "subordinate", "limited", "partnership",
    "interests", "then", "currently", "presently", "believed", "reported", "to", "be", "were", "are", "is", "was",
    "being", "total", "equity", "capital",
  ]

  /// Words of a date and its lead: "as of the close of business on May 1, 2024".
  private static let dateWords = WordSet(dateTexts)

  private static let dateTexts = [
    "as", "of", "on", "at", "the", "close", "business", "date", "hereof", "record", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
  ]

  /// Words that link "outstanding" to the number it states.
  private static let linkingWords = WordSet(linkingTexts)

  private static let linkingTexts = [
    "was", "were", "is", "are", "of", ":", "totaled", "totalled", "numbered", "=", "be",
  ]

  /// Words that multiply the number before them ("12.5 million"), with their factors.
  private static let multiplierTexts: [(word: String, factor: Int128)] = [
    ("million", 1_000_000), ("thousand", 1_000), ("billion", 1_000_000_000),
  ]

  /// The factor of each multiplying word, by its number in the vocabulary.
  private static let multipliers: [Int128?] = {
    var result = [Int128?](repeating: nil, count: Vocabulary.texts.count)
    for (word, factor) in multiplierTexts { result[Int(Vocabulary.word(word))] = factor }
    return result
  }()

  /// A word or mark the reading compares tokens with, by its number in ``Vocabulary/texts``.
  typealias Word = UInt8

  /// The texts the reading compares tokens with, each numbered, so that a token is compared by its number
  /// instead of its text.
  ///
  /// Two tokens have the same number exactly when their texts are equal or both are texts the reading never
  /// compares with (``other``): every comparison of the reading gives what comparing the texts gives.
  enum Vocabulary {
    /// The number of any text outside the vocabulary.
    static let other: Word = 0

    /// The texts, by number; the first, for ``other``, is no text.
    static let texts: [String] = table.texts

    /// The vocabulary's ASCII words, in the order listed, each chained to the word listed before it with the
    /// same initial and length (see ``table``).
    private static let words: [Entry] = table.words

    /// For each initial (`A` first) and length (up to ``longestWord``), one more than the index in ``words`` of
    /// the last word listed with them; `0` for none.
    private static let lastByKey: [UInt8] = table.lastByKey

    /// The numbers of the texts that are not words of ASCII letters.
    private static let otherNumbers: [Int] = table.otherNumbers

    /// The most bytes a word of the vocabulary has.
    private static let longestWord = 16

    /// An ASCII word of the vocabulary: its letters, its number, and the word listed before it with the same
    /// initial and length.
    private struct Entry {
      /// The word's letters, lower case, eight to a word (the first letter the lowest byte of `low`), zero
      /// bytes after them.
      var low: UInt64
      var high: UInt64
      /// The word's number.
      var word: Word
      /// One more than the index in ``words`` of the word listed before it with the same initial and length;
      /// `0` for none.
      var previous: UInt8

      /// Whether `range` of `bytes`, as long as the word and starting with its initial in either case, spells
      /// it in any case.
      ///
      /// Setting the case bit (`0x20`) of a byte lower-cases a letter and leaves every other byte apart from
      /// the letters.
      @inline(__always)
      func spells(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var offset = 1
        while offset < range.count {
          let letters = offset < 8 ? low >> UInt64(8 * offset) : high >> UInt64(8 * (offset - 8))
          guard bytes[range.lowerBound + offset] | 0x20 == UInt8(truncatingIfNeeded: letters) else { return false }
          offset += 1
        }
        return true
      }
    }

    /// Where the chain of the words with the initial and length of `range` of `bytes` starts in ``lastByKey``.
    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
      Int((bytes[range.lowerBound] | 0x20) - 0x61) * (longestWord + 1) + range.count
    }

    /// The texts and the ASCII words, built together in one pass over the lists.
    ///
    /// Each text listed is numbered where it is first listed. A word of ASCII letters (lower case, as every text
    /// is) is found again among the words of its initial and length, chained from the last listed; any other
    /// text is compared with the few other texts. No set of texts is hashed, and no array is made for each
    /// word, at a run's start.
    private static let table: (texts: [String], words: [Entry], lastByKey: [UInt8], otherNumbers: [Int]) = {
      var texts = [""]
      var words: [Entry] = []
      var lastByKey = [UInt8](repeating: 0, count: 26 * (longestWord + 1))
      // The numbers of the texts that are not words of ASCII letters, "" (for ``other``) the first.
      var otherNumbers = [0]
      texts.reserveCapacity(160)
      words.reserveCapacity(160)
      var lists = basisPhraseTexts + [fillerTexts, holdingTexts, classTexts, dateTexts, linkingTexts]
      lists += [multiplierTexts.map(\.word), ["outstanding", "and", "percent", "$", "%", "/", ".", ";", ",", "-"]]
      for list in lists {
        for text in list {
          let isWord = ASCIIText.withUTF8(text) { bytes -> Bool in
            guard !bytes.isEmpty, bytes.allSatisfy(ASCIIText.isLetter) else { return false }
            precondition(
              bytes.count <= longestWord && bytes.allSatisfy { $0 >= 0x61 }, "a word is lower case and short")
            let key = key(bytes, 0..<bytes.count)
            var listed = lastByKey[key]
            while listed != 0 {
              if words[Int(listed) - 1].spells(bytes, 0..<bytes.count) { return true }
              listed = words[Int(listed) - 1].previous
            }
            var entry = Entry(low: 0, high: 0, word: Word(texts.count), previous: lastByKey[key])
            for (offset, byte) in bytes.enumerated() {
              if offset < 8 {
                entry.low |= UInt64(byte) << UInt64(8 * offset)
              } else {
                entry.high |= UInt64(byte) << UInt64(8 * (offset - 8))
              }
            }
            words.append(entry)
            lastByKey[key] = UInt8(words.count)
            texts.append(text)
            return true
          }
          guard !isWord, !otherNumbers.contains(where: { texts[$0] == text }) else { continue }
          otherNumbers.append(texts.count)
          texts.append(text)
        }
      }
      precondition(texts.count <= Int(Word.max) + 1, "the vocabulary must be numbered in a byte")
      precondition(words.count < Int(UInt8.max), "the vocabulary's words must be chained in a byte")
      return (texts, words, lastByKey, otherNumbers)
    }()

    /// Where a one-byte mark is in the vocabulary, by its byte (ASCII only): the number of the text that is
    /// that one byte.
    private static let marks: [Word] = {
      var result = [Word](repeating: other, count: 128)
      for (number, text) in texts.enumerated() where number > 0 && text.utf8.count == 1 {
        let byte = text.utf8.first!
        if byte < 0x80 && result[Int(byte)] == other { result[Int(byte)] = Word(number) }
      }
      return result
    }()

    /// The number of a text, ``other`` when the vocabulary has no such text.
    ///
    /// The texts are few and lower case: a text of ASCII letters is looked up among the words of its initial
    /// and length (``asciiWord(_:_:)``), any other compared with each text that is no such word (no table is
    /// hashed at start for the few such lookups a run makes).
    static func word(_ text: String) -> Word {
      let letters = ASCIIText.withUTF8(text) { bytes -> Word? in
        guard !bytes.isEmpty, bytes.allSatisfy({ ASCIIText.isLetter($0) && $0 >= 0x61 }) else { return nil }
        return asciiWord(bytes, 0..<bytes.count)
      }
      if let letters { return letters }
      return otherNumbers.dropFirst().first { texts[$0] == text }.map { Word($0) } ?? other
    }

    /// The number of an ASCII word spelt by `range` of `bytes`, its letters lower-cased: the number of the
    /// text `String(decoding: bytes[range], as: UTF8.self).lowercased()`.
    ///
    /// - Parameters:
    ///   - bytes: A text's UTF-8 bytes.
    ///   - range: The word, ASCII only and starting with a letter.
    static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Word {
      guard range.count <= longestWord else { return other }
      var listed = lastByKey[key(bytes, range)]
      guard listed != 0 else { return other }
      let words = words
      while listed != 0 {
        let entry = words[Int(listed) - 1]
        if entry.spells(bytes, range) { return entry.word }
        listed = entry.previous
      }
      return other
    }

    /// The number of the one-character text of an ASCII byte.
    static func mark(_ byte: UInt8) -> Word {
      marks[Int(byte)]
    }

    static let outstanding = word("outstanding")
    static let and = word("and")
    static let percent = word("percent")
    static let non = word("non")
    static let dollarSign = word("$")
    static let percentSign = word("%")
    static let slash = word("/")
    static let period = word(".")
    static let semicolon = word(";")
    static let comma = word(",")
    static let hyphen = word("-")
  }

  /// A set of the vocabulary's words.
  struct WordSet {
    private var members: [Bool]

    /// The set of the given texts, each of which must be in the vocabulary.
    init(_ texts: [String]) {
      members = [Bool](repeating: false, count: Vocabulary.texts.count)
      for text in texts {
        let word = Vocabulary.word(text)
        precondition(word != Vocabulary.other, "a word set holds only words of the vocabulary")
        members[Int(word)] = true
      }
    }

    /// Whether the word is in the set (``Vocabulary/other`` never is).
    func contains(_ word: Word) -> Bool {
      members[Int(word)]
    }
  }

  // MARK: Tokens

  /// The tokens of a paragraph's sentences that may hold a candidate (see ``mayHoldCandidate(_:)``), in order.
  ///
  /// The reading never looks past the full stop that ends a sentence: back from a number it stops at the stop
  /// before it, forward at the stop after it, and each sentence is kept with its stop. The tokens of the other
  /// sentences, which hold no candidate, would never be read: they are not made. A sentence ends at a full
  /// stop that no number holds (one not between two digits), which is a token of its own; the tokens of a
  /// sentence are those of the whole paragraph, since no token runs across a stop.
  ///
  /// - Parameter bytes: The paragraph's UTF-8 bytes.
  private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    var tokens: [Token] = []
    // A token takes six bytes or more of prose (a word and a space): room for all of them is made at once, where
    // growing the array as they come copied it about eight times for a paragraph.
    tokens.reserveCapacity(bytes.count / 6 + 8)
    var sentenceStart = 0
    while sentenceStart < bytes.count {
      // The sentence ends at the first full stop that is no decimal point, the stops found by a search of the
      // bytes rather than a look at each.
      var stop = ASCIIText.firstOffset(of: 0x2E, in: bytes, from: sentenceStart, to: bytes.count)
      while stop < bytes.count && stop > 0 && ASCIIText.isDigit(bytes[stop - 1]) && stop + 1 < bytes.count
        && ASCIIText.isDigit(bytes[stop + 1])
      {
        stop = ASCIIText.firstOffset(of: 0x2E, in: bytes, from: stop + 1, to: bytes.count)
      }
      let sentenceEnd = min(stop + 1, bytes.count)
      if mayHoldCandidate(UnsafeBufferPointer(rebasing: bytes[sentenceStart..<sentenceEnd])) {
        tokenize(bytes, from: sentenceStart, to: sentenceEnd, into: &tokens)
      }
      sentenceStart = sentenceEnd
    }
    return tokens
  }

  /// Adds the tokens of a range of a paragraph's bytes to `tokens`, the range starting where a token may start.
  ///
  /// - Parameters:
  ///   - bytes: The paragraph's UTF-8 bytes.
  ///   - start: The offset of the range's first byte.
  ///   - end: The offset after the range's last byte, where no token goes on.
  ///   - tokens: The tokens so far.
  private static func tokenize(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into tokens: inout [Token]
  ) {
    var index = start
    while index < end {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
        continue
      }
      if ASCIIText.isDigit(byte) {
        let start = index
        while index < bytes.count
          && (ASCIIText.isDigit(bytes[index])
            || ((bytes[index] == 0x2C || bytes[index] == 0x2E) && index + 1 < bytes.count
              && ASCIIText.isDigit(bytes[index + 1])))
        {
          index += 1
        }
        var value = ExactDecimal.parse(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        // "12.5m", "12.5mm", "125k": a glued multiplier; other glued letters make it no number ("10-K").
        var letters = index
        while letters < bytes.count && ASCIIText.isLetter(bytes[letters]) { letters += 1 }
        if letters > index {
          if ASCIIText.spells(megaSuffix, in: bytes, at: index..<letters)
            || ASCIIText.spells(millionsSuffix, in: bytes, at: index..<letters)
          {
            value = scaled(value, 1_000_000)
          } else if ASCIIText.spells(kiloSuffix, in: bytes, at: index..<letters) {
            value = scaled(value, 1_000)
          } else {
            value = nil
          }
          index = letters
        }
        tokens.append(Token(kind: .number, text: Vocabulary.other, offset: start, value: value))
        continue
      }
      if ASCIIText.isLetter(byte) || byte >= 0x80 {
        let start = index
        var isASCII = true
        while index < bytes.count
          && (ASCIIText.isLetter(bytes[index]) || bytes[index] >= 0x80 || bytes[index] == 0x27
            || (bytes[index] == 0x2D && index + 1 < bytes.count && ASCIIText.isLetter(bytes[index + 1])))
        {
          if bytes[index] >= 0x80 { isASCII = false }
          index += 1
        }
        let word = isASCII ? asciiWord(bytes, start..<index) : unicodeWord(bytes, start..<index)
        let isCapitalized = byte >= 0x41 && byte <= 0x5A
        // "12.5 million": the word multiplies the number before it.
        if let last = tokens.last, last.kind == .number, let multiplier = multipliers[Int(word)] {
          tokens[tokens.count - 1].value = scaled(last.value, multiplier)
          continue
        }
        tokens.append(Token(kind: .word, text: word, offset: start, value: nil, isCapitalized: isCapitalized))
        continue
      }
      tokens.append(Token(kind: .mark, text: Vocabulary.mark(byte), offset: index, value: nil))
      index += 1
    }
  }

  /// The glued multipliers of a number, upper case: "12.5m", "12.5mm", "125k".
  private static let megaSuffix = ASCIIText.phrase("M")
  private static let millionsSuffix = ASCIIText.phrase("MM")
  private static let kiloSuffix = ASCIIText.phrase("K")
  private static let possessiveSuffix = ASCIIText.phrase("'S")
  private static let nonPrefix = ASCIIText.phrase("NON-")

  /// The vocabulary's number of an ASCII word, read from its bytes as ``unicodeWord(_:_:)`` reads any word:
  /// lower-cased, a possessive "'s" dropped, "non-..." read as "non".
  static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Word {
    var end = range.upperBound
    if end - range.lowerBound >= 2 && ASCIIText.spells(possessiveSuffix, in: bytes, at: (end - 2)..<end) {
      end -= 2
    }
    if end - range.lowerBound >= 4
      && ASCIIText.spells(nonPrefix, in: bytes, at: range.lowerBound..<(range.lowerBound + 4))
    {
      return Vocabulary.non
    }
    return Vocabulary.asciiWord(bytes, range.lowerBound..<end)
  }

  /// The vocabulary's number of a word holding bytes beyond ASCII, read from its text: lower-cased as
  /// `lowercased()` does, possessive "'s" or "’s" dropped, "non-..." read as "non".
  static func unicodeWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Word {
    var word = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased()
    for possessive in ["'s", "\u{2019}s"] where word.hasSuffix(possessive) { word.removeLast(possessive.count) }
    if word.hasPrefix("non-") { word = "non" }
    // The vocabulary's texts are ASCII: a text is equal to one of them only when each of its scalars is ASCII or
    // decomposes into ASCII (``asciiEquivalents``). Any other word is told apart at once, not compared with
    // every text of the vocabulary, each comparison normalizing it.
    guard word.unicodeScalars.allSatisfy({ $0.isASCII || asciiEquivalents.contains($0.value) }) else {
      return Vocabulary.other
    }
    return Vocabulary.word(word)
  }

  /// The scalars beyond ASCII whose canonical decomposition is ASCII, so that a text holding them may equal
  /// an ASCII text: the Greek question mark (a semicolon), the Greek varia (a grave accent) and the Kelvin sign
  /// (a capital K).
  static let asciiEquivalents: [UInt32] = [0x037E, 0x1FEF, 0x212A]

  /// The value times a multiplier, kept whole when the product is whole ("12.5 million" is 12,500,000).
  private static func scaled(_ value: ExactDecimal?, _ multiplier: Int128) -> ExactDecimal? {
    guard let value else { return nil }
    let product = ExactDecimal(significand: value.significand * multiplier, scale: value.scale)
    if let whole = try? product.rational.rounded(toDecimals: 0), whole.rational == product.rational { return whole }
    return product
  }
}
