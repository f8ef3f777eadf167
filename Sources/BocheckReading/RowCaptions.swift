import BocheckModel

/// How a cover-page row's caption is recognised in a line, whatever its wording.
///
/// A caption is found by its *key words*, the few words that name its row in every wording the forms
/// and filers have used since 1994 ("SOLE VOTING", "SOLE POWER TO VOTE"; "PERCENT OF CLASS"; "MEMBER OF
/// A GROUP"), matched word by word with an article or "of" allowed between two of them ("AGGREGATE
/// AMOUNT OF BENEFICIALLY OWNED"). From its key words the caption extends over the caption words around
/// them (``CaptionWords``): back to "CHECK THE APPROPRIATE BOX IF A", on to "BY EACH REPORTING PERSON
/// (SEE INSTRUCTIONS)" or "IN ROW (11)". It never extends over a word that belongs to a value, never over
/// another row's key words, and never ends on a word such as "IN", which is a value on row 14.
enum RowCaptions {
  /// A caption found in a line.
  struct Match {
    /// Which row the caption names.
    let field: RowField
    /// Byte range of the caption, the caption words around its key words included.
    let range: Range<Int>
  }

  /// Each row's keys as normalised words.
  private static let keyWordsByField: [RowField: [[String]]] = {
    var table: [RowField: [[String]]] = [:]
    for (field, phrases) in keyPhrases {
      table[field, default: []] += phrases.map { $0.split(separator: " ").map { CaptionWords.normalized($0) } }
    }
    return table
  }()

  /// Each row's key words, in every wording; at one position the longest key that matches wins.
  private static let keyPhrases: [(RowField, [String])] = [
    (.reportingPersonName, ["NAME OF REPORTING PERSON", "NAME OF REPORTING"]),
    (.memberOfGroup, ["MEMBER OF A GROUP", "MEMBER OF GROUP"]),
    (.secUseOnly, ["SEC USE ONLY"]),
    (.fundType, ["SOURCE OF FUNDS", "SOURCE OF FUND"]),
    (.legalProceedings, ["DISCLOSURE OF LEGAL PROCEEDINGS", "LEGAL PROCEEDINGS"]),
    (.citizenshipOrOrganization, ["CITIZENSHIP OR PLACE OF ORGANIZATION", "PLACE OF ORGANIZATION", "CITIZENSHIP"]),
    (.soleVotingPower, ["SOLE VOTING POWER", "SOLE VOTING", "SOLE POWER TO VOTE"]),
    (.sharedVotingPower, ["SHARED VOTING POWER", "SHARED VOTING", "SHARED POWER TO VOTE"]),
    (.soleDispositivePower, ["SOLE DISPOSITIVE POWER", "SOLE DISPOSITIVE", "SOLE POWER TO DISPOSE"]),
    (.sharedDispositivePower, ["SHARED DISPOSITIVE POWER", "SHARED DISPOSITIVE", "SHARED POWER TO DISPOSE"]),
    (.aggregateAmountOwned, ["AGGREGATE AMOUNT BENEFICIALLY OWNED", "AMOUNT BENEFICIALLY OWNED", "AGGREGATE AMOUNT"]),
    (
      .isAggregateExcludeShares,
      ["AGGREGATE AMOUNT IN ROW", "EXCLUDES CERTAIN SHARES", "EXCLUDE CERTAIN SHARES", "EXCLUDES CERTAIN"]
    ),
    (.percentOfClass, ["PERCENT OF CLASS", "PERCENTAGE OF CLASS", "PERCENT OF THE CLASS"]),
    (.typeOfReportingPerson, ["TYPE OF REPORTING PERSON", "TYPE OF REPORTING"]),
  ]

  /// One key: its row and its normalised words.
  private struct Key {
    let field: RowField
    let words: [String]
  }

  /// The keys indexed by their first word, longest first.
  private static let keysByFirstWord: [String: [Key]] = {
    var table: [String: [Key]] = [:]
    for (field, phrases) in keyPhrases {
      for phrase in phrases {
        let words = phrase.split(separator: " ").map { CaptionWords.normalized($0) }
        table[words[0], default: []].append(Key(field: field, words: words))
      }
    }
    return table.mapValues { $0.sorted { $0.words.count > $1.words.count } }
  }()

  /// Words allowed between two key words ("AGGREGATE AMOUNT OF BENEFICIALLY OWNED").
  private static let fillers: Set<String> = ["THE", "A", "AN", "OF"]
  /// Caption words a caption never ends on: a final "IN" is row 14's code, a final "A" a list label.
  private static let neverLast: Set<String> = [
    "IN", "A", "AN", "OF", "OR", "IF", "IS", "TO", "THE", "BY", "AND", "SEE",
  ]

  /// A blank-separated word of a line.
  private struct Word {
    /// Its byte range.
    let range: Range<Int>
    /// Its ASCII letters and digits, upper-cased.
    let key: String
  }

  private static func words(_ bytes: [UInt8], from: Int) -> [Word] {
    var result: [Word] = []
    var position = from
    while position < bytes.count {
      while position < bytes.count, ASCIIText.isBlank(bytes[position]) { position += 1 }
      let start = position
      var key: [UInt8] = []
      while position < bytes.count, !ASCIIText.isBlank(bytes[position]) {
        let byte = bytes[position]
        if ASCIIText.isLetter(byte) || ASCIIText.isDigit(byte) { key.append(ASCIIText.upper(byte)) }
        position += 1
        // A closing parenthesis or bracket or a colon ends a word even when text is glued to it ("(1)Names",
        // "[1]NAME", "POWER:0"), and so does the point after a row number ("1.NAME").
        let endsNumber = byte == 0x2E && !key.isEmpty && key.allSatisfy(ASCIIText.isDigit)
        if byte == 0x29 || byte == 0x5D || byte == 0x3A || endsNumber, position < bytes.count,
          !ASCIIText.isBlank(bytes[position]), ASCIIText.isLetter(bytes[position]) || byte != 0x2E
        {
          break
        }
      }
      if position > start { result.append(Word(range: start..<position, key: String(decoding: key, as: UTF8.self))) }
    }
    return result
  }

  /// The key that starts at word `index`, with the index after its last word.
  private static func key(at index: Int, in words: [Word]) -> (key: Key, end: Int)? {
    let first = words[index].key
    let singular = first.hasSuffix("S") ? String(first.dropLast()) : first
    guard let candidates = keysByFirstWord[first] ?? keysByFirstWord[singular] else { return nil }
    for candidate in candidates {
      var position = index + 1
      var matched = true
      for word in candidate.words.dropFirst() {
        if position < words.count, !sameWord(words[position].key, word), fillers.contains(words[position].key),
          position + 1 < words.count, sameWord(words[position + 1].key, word)
        {
          position += 1
        }
        guard position < words.count, sameWord(words[position].key, word) else {
          matched = false
          break
        }
        position += 1
      }
      if matched { return (candidate, position) }
    }
    return nil
  }

  /// Whether a printed word is a key word, in the singular or the plural ("NAMES", "PERSONS").
  ///
  /// A long key word also matches with one letter left out, added or changed ("DISPOSITVE"): typing
  /// mistakes in captions are common and a long caption word is not mistaken for another.
  private static func sameWord(_ printed: String, _ key: String) -> Bool {
    if printed == key || (printed.count == key.count + 1 && printed.hasPrefix(key) && printed.hasSuffix("S")) {
      return true
    }
    return key.count >= 7 && withinOneEdit(Array(printed.utf8), Array(key.utf8))
  }

  /// Whether two words differ by at most one inserted, deleted or replaced letter.
  private static func withinOneEdit(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard abs(lhs.count - rhs.count) <= 1 else { return false }
    var left = 0
    var right = 0
    var edits = 0
    while left < lhs.count && right < rhs.count {
      if lhs[left] == rhs[right] {
        left += 1
        right += 1
        continue
      }
      edits += 1
      if edits > 1 { return false }
      if lhs.count > rhs.count {
        left += 1
      } else if lhs.count < rhs.count {
        right += 1
      } else {
        left += 1
        right += 1
      }
    }
    return edits + (lhs.count - left) + (rhs.count - right) <= 1
  }

  /// Whether a word may belong to a caption around its key words.
  private static func isCaptionWord(_ word: Word, _ bytes: [UInt8]) -> Bool {
    let text = Substring(decoding: bytes[word.range], as: UTF8.self)
    switch CaptionWords.classify(text, inName: false) {
    case .ordinary, .distinctive: return true
    // Punctuation and drawn boxes ("*", ":", "[ ]"), but not a dash or a blank to fill: those may be values.
    case .neutral: return !text.allSatisfy { "-_=$\u{2013}\u{2014}".contains($0) }
    case .value, .identificationNumber: return false
    }
  }

  /// The first caption in `bytes` at or after `from`.
  static func firstMatch(in bytes: [UInt8], from: Int = 0) -> Match? {
    let words = words(bytes, from: from)
    for index in words.indices {
      guard let (key, keyEnd) = key(at: index, in: words) else { continue }
      // Back over the caption words before the key ("CHECK THE APPROPRIATE BOX IF A").
      var start = index
      // Back over caption words, but not over the row's number ("(1) NAMES ...").
      while start > 0, isCaptionWord(words[start - 1], bytes),
        !(start == 1 && isRowNumberWord(words[0], bytes))
      {
        start -= 1
      }
      // On over the caption words after it, up to a value or another row's key.
      var end = keyEnd
      while end < words.count {
        if let other = self.key(at: end, in: words), other.key.field != key.field { break }
        if isCaptionWord(words[end], bytes), !isBoxLabel(words[end], bytes) {
          end += 1
        } else if end > 0, words[end - 1].key == "ROW", isRowReference(words[end], bytes) {
          // "IN ROW 9": a bare row reference right after "ROW".
          end += 1
        } else {
          break
        }
      }
      // A caption that reaches the end of its cell ends there ("... IDENTIFICATION NOS. OF" wraps), unless
      // its last word is a value such as row 14's "IN"; one followed by a value gives back its last small
      // words ("NAME OF REPORTING PERSON THE FUND").
      if end == words.count {
        while end > keyEnd, key.field == .typeOfReportingPerson, words[end - 1].key == "IN" { end -= 1 }
      } else {
        while end > keyEnd, neverLast.contains(words[end - 1].key) { end -= 1 }
      }
      // "CHECK BOX IF THE AGGREGATE AMOUNT ..." is row 12's caption even when its line ends before "IN ROW".
      var field = key.field
      if field == .aggregateAmountOwned, words[start..<index].contains(where: { $0.key == "CHECK" }) {
        field = .isAggregateExcludeShares
      }
      return Match(field: field, range: words[start].range.lowerBound..<words[end - 1].range.upperBound)
    }
    return nil
  }

  /// Whether caption words found in a cell are part of a sentence rather than a caption.
  ///
  /// A caption stands alone in its cell, after at most its row number, and is followed by nothing, by a
  /// value or by another caption. Words of a sentence around it ("... than five percent of the class of
  /// securities described in Item 1;", "the aggregate amount of all borrowings of ...") give it away: a
  /// lower-case word before it, or a lower-case word after it that is not a value's ("none", "shares")
  /// and is followed by more words.
  ///
  /// - Parameters:
  ///   - bytes: The cell's bytes.
  ///   - before: The range of the text before the caption (row number excluded by the caller).
  ///   - after: The offset where the caption ends.
  static func continuesSentence(_ bytes: [UInt8], before: Range<Int>, after: Int) -> Bool {
    let previous = words(Array(bytes[before]), from: 0)
    let isLowerWord: (Word, [UInt8]) -> Bool = { word, source in
      let first = source[word.range.lowerBound]
      return first >= 0x61 && first <= 0x7A && word.key.count >= 3
    }
    let beforeBytes = Array(bytes[before])
    if previous.contains(where: { isLowerWord($0, beforeBytes) }) { return true }
    let next = words(bytes, from: after)
    guard next.count >= 3, isLowerWord(next[0], bytes) else { return false }
    return !valueWords.contains(next[0].key)
  }

  /// Lower-case words a value may start with.
  private static let valueWords: Set<String> = ["NONE", "NIL", "SHARES", "NOT", "APPROXIMATELY", "SEE", "LESS"]

  /// Each row's caption as the forms print it, for captions cut short ("(9) Aggregate").
  private static let fullCaptions: [RowField: [String]] = [
    .reportingPersonName: ["NAME", "OF", "REPORTING", "PERSON"],
    .memberOfGroup: ["CHECK", "THE", "APPROPRIATE", "BOX"],
    .secUseOnly: ["SEC", "USE", "ONLY"], .fundType: ["SOURCE", "OF", "FUNDS"],
    .legalProceedings: ["CHECK", "BOX", "IF", "DISCLOSURE"],
    .citizenshipOrOrganization: ["CITIZENSHIP", "OR", "PLACE"],
    .soleVotingPower: ["SOLE", "VOTING", "POWER"], .sharedVotingPower: ["SHARED", "VOTING", "POWER"],
    .soleDispositivePower: ["SOLE", "DISPOSITIVE", "POWER"],
    .sharedDispositivePower: ["SHARED", "DISPOSITIVE", "POWER"],
    .aggregateAmountOwned: ["AGGREGATE", "AMOUNT", "BENEFICIALLY"], .isAggregateExcludeShares: ["CHECK", "BOX", "IF"],
    .percentOfClass: ["PERCENT", "OF", "CLASS"], .typeOfReportingPerson: ["TYPE", "OF", "REPORTING"],
  ]

  /// The row of a caption cut short after its first words, told by the row number printed before it.
  ///
  /// "(9) Aggregate" can only be row 9 of a Schedule 13G (row 9 of a 13D is sole dispositive power); a
  /// number and words that fit no row, or more than one, give `nil`.
  ///
  /// - Parameters:
  ///   - number: The row number printed before the words.
  ///   - text: The words printed after it.
  static func truncatedCaption(number: Int, text: [UInt8]) -> RowField? {
    let printed = words(text, from: 0)
    let keys = printed.map(\.key)
    // A caption's first words, cut short by the end of the cell or wrapped to the next line ("Check the
    // Appropriate Box if a Member of a"): every word a caption word or a prefix of the caption's next word.
    guard let firstKey = keys.first, firstKey.count >= 2, keys.count <= 12,
      printed.allSatisfy({ isCaptionWord($0, text) || $0.key.allSatisfy(\.isLetter) })
    else { return nil }
    let candidates = RowField.allCases.filter { field in
      guard field.number(in: .schedule13D) == number || field.number(in: .schedule13G) == number,
        let caption = fullCaptions[field]
      else { return false }
      if endsWithKeyStart(keys, of: field) { return true }
      let compared = zip(keys, caption)
      guard compared.allSatisfy({ sameWord($0, $1) || ($1.hasPrefix($0) && $0.count >= 2) }) else { return false }
      // Words past the caption's known start must be caption words ("... IF A MEMBER OF A").
      return keys.count <= caption.count || printed[caption.count...].allSatisfy { isCaptionWord($0, text) }
    }
    return candidates.count == 1 ? candidates[0] : nil
  }

  /// The row whose caption a cell of caption words begins and the line cuts off before its key words end
  /// ("CHECK THE APPROPRIATE BOX IF A MEMBER OF A" / "GROUP"), or `nil` when it names no row or two.
  ///
  /// - Parameter text: The cell's bytes.
  static func captionCutAtLineEnd(_ text: [UInt8]) -> RowField? {
    let printed = words(text, from: 0)
    guard !printed.isEmpty, printed.allSatisfy({ isCaptionWord($0, text) }) else { return nil }
    let keys = printed.map(\.key)
    let fields = Set(keyPhrases.map(\.0).filter { endsWithKeyStart(keys, of: $0) })
    return fields.count == 1 ? fields.first : nil
  }

  /// Whether printed words end with the first words of one of a row's keys, cut by the end of the line
  /// ("CHECK IF DISCLOSURE OF LEGAL" / "PROCEEDINGS ..."): at least six letters of the key.
  private static func endsWithKeyStart(_ keys: [String], of field: RowField) -> Bool {
    for keyWords in keyWordsByField[field] ?? [] {
      for length in stride(from: min(keyWords.count - 1, keys.count), through: 1, by: -1) {
        let tail = keys.suffix(length)
        let start = keyWords.prefix(length)
        if zip(tail, start).allSatisfy({ sameWord($0, $1) }), start.joined().count >= 6 { return true }
      }
    }
    return false
  }

  /// Whether a word is a row number as printed before a caption: `7`, `7.`, `(7)`, `7)`, `[7]`.
  private static func isRowNumberWord(_ word: Word, _ bytes: [UInt8]) -> Bool {
    LineTokenizer.rowNumber(bytes, word.range) != nil
  }

  /// Whether a word is a box label such as "(a)" or "(b)", which starts row 2's value.
  private static func isBoxLabel(_ word: Word, _ bytes: [UInt8]) -> Bool {
    word.range.count == 3 && bytes[word.range.lowerBound] == 0x28 && bytes[word.range.upperBound - 1] == 0x29
      && ASCIIText.isLetter(bytes[word.range.lowerBound + 1])
  }

  /// Whether a word is a bare row number such as `11` or `9`, with at most a closing colon or point.
  private static func isRowReference(_ word: Word, _ bytes: [UInt8]) -> Bool {
    guard let value = Int(word.key), value >= 1, value <= 14 else { return false }
    return bytes[word.range].allSatisfy { ASCIIText.isDigit($0) || $0 == 0x3A || $0 == 0x2E || $0 == 0x29 }
  }
}
