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

  /// Each row's keys as word codes (``CaptionVocabulary``), in the order of ``keyPhrases``: the codes of their
  /// words one key after another in `words`, and each key's row and the range of its words there in `list`.
  private static let keys: (words: [Int], list: [(field: RowField, words: Range<Int>)]) = {
    var words: [Int] = []
    var list: [(field: RowField, words: Range<Int>)] = []
    words.reserveCapacity(128)
    list.reserveCapacity(64)
    for (field, phrases) in keyPhrases {
      for phrase in phrases {
        let start = words.count
        CaptionVocabulary.forEachCode(of: phrase) { words.append($0) }
        list.append((field, start..<words.count))
      }
    }
    return (words, list)
  }()

  /// The keys in the order they are tried, by the code of their first word and longest first: the codes of their
  /// words one key after another in `words`, each key's row and the range of its words there in `list`, and, by
  /// code, the range of `list` that holds the keys a word starts in `byFirstWord` (empty for a word that starts
  /// none).
  private static let keysByFirstWord:
    (words: [Int], list: [(field: RowField, words: Range<Int>)], byFirstWord: [Range<Int>]) = {
      let (keyWords, keyList) = keys
      // Each word's keys, in the order of ``keys`` among keys as long; longer keys first.
      let order = keyList.indices.sorted { left, right in
        let (leftWords, rightWords) = (keyList[left].words, keyList[right].words)
        let (leftFirst, rightFirst) = (keyWords[leftWords.lowerBound], keyWords[rightWords.lowerBound])
        if leftFirst != rightFirst { return leftFirst < rightFirst }
        if leftWords.count != rightWords.count { return leftWords.count > rightWords.count }
        return left < right
      }
      var words: [Int] = []
      var list: [(field: RowField, words: Range<Int>)] = []
      words.reserveCapacity(keyWords.count)
      list.reserveCapacity(keyList.count)
      var byFirstWord = [Range<Int>](repeating: 0..<0, count: CaptionVocabulary.count)
      for index in order {
        let key = keyList[index]
        let first = keyWords[key.words.lowerBound]
        if byFirstWord[first].isEmpty { byFirstWord[first] = list.count..<list.count }
        byFirstWord[first] = byFirstWord[first].lowerBound..<(list.count + 1)
        list.append((key.field, words.count..<(words.count + key.words.count)))
        words.append(contentsOf: keyWords[key.words])
      }
      return (words, list, byFirstWord)
    }()

  /// Words allowed between two key words ("AGGREGATE AMOUNT OF BENEFICIALLY OWNED"), by code.
  private static let fillers = ["THE", "A", "AN", "OF"]
  private static let isFiller = CaptionVocabulary.flags(fillers)
  /// Caption words a caption never ends on: a final "IN" is row 14's code, a final "A" a list label.
  private static let neverLast = ["IN", "A", "AN", "OF", "OR", "IF", "IS", "TO", "THE", "BY", "AND", "SEE"]
  private static let isNeverLast = CaptionVocabulary.flags(neverLast)
  /// Lower-case words a value may start with.
  private static let valueWords = ["NONE", "NIL", "SHARES", "NOT", "APPROXIMATELY", "SEE", "LESS"]
  private static let isValueWord = CaptionVocabulary.flags(valueWords)
  /// The codes of the words the rules below name.
  private static let rowCode = CaptionVocabulary.code("ROW")
  private static let inCode = CaptionVocabulary.code("IN")
  private static let checkCode = CaptionVocabulary.code("CHECK")

  /// Each row's caption as the forms print it, for captions cut short ("(9) Aggregate").
  private static let fullCaptionPhrases: [(field: RowField, phrase: String)] = [
    (.reportingPersonName, "NAME OF REPORTING PERSON"), (.memberOfGroup, "CHECK THE APPROPRIATE BOX"),
    (.secUseOnly, "SEC USE ONLY"), (.fundType, "SOURCE OF FUNDS"), (.legalProceedings, "CHECK BOX IF DISCLOSURE"),
    (.citizenshipOrOrganization, "CITIZENSHIP OR PLACE"), (.soleVotingPower, "SOLE VOTING POWER"),
    (.sharedVotingPower, "SHARED VOTING POWER"), (.soleDispositivePower, "SOLE DISPOSITIVE POWER"),
    (.sharedDispositivePower, "SHARED DISPOSITIVE POWER"), (.aggregateAmountOwned, "AGGREGATE AMOUNT BENEFICIALLY"),
    (.isAggregateExcludeShares, "CHECK BOX IF"), (.percentOfClass, "PERCENT OF CLASS"),
    (.typeOfReportingPerson, "TYPE OF REPORTING"),
  ]
  /// Each row's caption as the forms print it (``fullCaptionPhrases``) as word codes: the codes one caption
  /// after another in `words`, and each caption's row and the range of its words there in `list`.
  private static let fullCaptions: (words: [Int], list: [(field: RowField, words: Range<Int>)]) = {
    var words: [Int] = []
    var list: [(field: RowField, words: Range<Int>)] = []
    for (field, phrase) in fullCaptionPhrases {
      let start = words.count
      CaptionVocabulary.forEachCode(of: phrase) { words.append($0) }
      list.append((field, start..<words.count))
    }
    return (words, list)
  }()

  /// Every word this reader looks up by its key, for ``CaptionVocabulary``: words and phrases.
  static var knownWords: [String] {
    keyPhrases.flatMap(\.1) + fillers + neverLast + valueWords + fullCaptionPhrases.map(\.phrase) + [
      "ROW", "IN", "CHECK",
    ]
  }

  /// A blank-separated word of a line.
  fileprivate struct Word {
    /// Its byte range in the line.
    let range: Range<Int>
    /// Its key (its ASCII letters and digits, upper-cased) as looked up.
    let key: WordKey
    /// The code of its key without a final "S" ("NAMES", "PERSONS"), or ``CaptionVocabulary/unknown``.
    let singular: Int
  }

  /// The words of a range of a line with their keys: found once, they serve every search of the range
  /// (``firstMatch(in:_:)-(_,Words)``, ``captionCutAtLineEnd(_:_:)-(_,Words)``).
  struct Words {
    fileprivate var list: [Word] = []
    /// The line's bytes.
    fileprivate let bytes: [UInt8]
    /// Whether every word ends at a blank or at the end of the range, and no byte is C2 (the first byte of a
    /// no-break space): then the words are those ``CaptionWords/nextWord(in:from:)`` finds, a word at a time.
    fileprivate var splitsAtBlanksOnly = true

    fileprivate var count: Int { list.count }
    fileprivate subscript(index: Int) -> Word { list[index] }

    /// The words from the one that starts at byte `offset` on, as ``captionWords(_:_:)`` finds them from
    /// there to the end of the range these words were found in; `nil` when no word starts there.
    ///
    /// A word's key and its end depend on its own bytes only, so the words of what follows a caption in a
    /// cell are those of the cell that follow it, found once.
    ///
    /// - Parameter offset: A byte offset in the line, at or after the first word's start.
    func suffix(from offset: Int) -> Words? {
      guard let first = list.firstIndex(where: { $0.range.lowerBound >= offset }),
        list[first].range.lowerBound == offset
      else { return nil }
      var result = Words(bytes: bytes, splitsAtBlanksOnly: splitsAtBlanksOnly)
      // A part without a letter holds no caption: captionWords finds no words there.
      let hasLetter = list[first...].contains { bytes[$0.range].contains(where: ASCIIText.isLetter) }
      if hasLetter { result.list = Array(list[first...]) }
      return result
    }

    /// Whether the range the words were found in is caption words only with a distinctive one, as
    /// ``CaptionWords/isCaptionOnly(_:)-(UnsafeBufferPointer<UInt8>)`` tells on its bytes, told from these words
    /// and their keys; `nil` when that test splits the range into other words.
    ///
    /// A range without a word, or without an ASCII letter (no words were found), holds no distinctive word: every
    /// known word has a letter.
    var isCaptionOnly: Bool? {
      guard !list.isEmpty else { return false }
      guard splitsAtBlanksOnly else { return nil }
      return bytes.withUnsafeBufferPointer { buffer in
        var tally = CaptionWords.CaptionOnlyTally()
        for word in list {
          let wordClass = CaptionWords.classify(
            UnsafeBufferPointer(rebasing: buffer[word.range]), key: word.key, inName: false)
          guard tally.admits(wordClass) else { return false }
        }
        return tally.sawDistinctive
      }
    }

    /// Gives the words' list to memory kept for the next words (``RowCaptions/words(_:_:memory:)``), once these
    /// are no longer read: they are left with the list the memory held.
    ///
    /// - Parameter memory: The memory.
    mutating func handBack(to memory: inout WordMemory) {
      if memory.list.capacity == 0 {
        swap(&list, &memory.list)
      } else {
        swap(&list, &memory.spare)
      }
    }

    /// Each word's byte range and key, in order: what two ways of finding the words must agree on.
    var found: [(range: Range<Int>, key: WordKey, singular: Int)] {
      list.map { ($0.range, $0.key, $0.singular) }
    }

    /// A word's key bytes (made when a key must be compared letter by letter, which is rare).
    fileprivate func keyBytes(_ word: Word) -> [UInt8] {
      bytes.withUnsafeBufferPointer { CaptionVocabulary.keyBytes(UnsafeBufferPointer(rebasing: $0[word.range])) }
    }
  }

  /// The words of `bytes[range]` that a caption search needs: none when the range has no ASCII letter,
  /// since every caption key is made of letter words (a cell of numbers, "1,234,567" or "-0-", holds no
  /// caption, whole or cut).
  static func captionWords(_ bytes: [UInt8], _ range: Range<Int>) -> Words {
    var memory = WordMemory()
    return captionWords(bytes, range, memory: &memory)
  }

  /// The words of `bytes[range]` that a caption search needs (``captionWords(_:_:)``), listed in memory kept
  /// from one search to the next.
  ///
  /// - Parameters:
  ///   - bytes: The line's bytes.
  ///   - range: The part of the line to search.
  ///   - memory: Memory for the list, taken by the words; ``Words/handBack(to:)`` gives it back.
  static func captionWords(_ bytes: [UInt8], _ range: Range<Int>, memory: inout WordMemory) -> Words {
    bytes[range].contains(where: ASCIIText.isLetter) ? words(bytes, range, memory: &memory) : Words(bytes: bytes)
  }

  /// Memory for lists of words, handed from one range's words to the next so that finding them makes no new
  /// list while one kept is large enough.
  ///
  /// A cell's words are read while those of a part of it are found (a caption cut short after its row number), so
  /// the memory keeps two lists: a range's words take the first while it holds one, the second otherwise.
  struct WordMemory {
    fileprivate var list: [Word] = []
    fileprivate var spare: [Word] = []
  }

  /// The words of `bytes[range]`.
  static func words(_ bytes: [UInt8], _ range: Range<Int>) -> Words {
    var memory = WordMemory()
    return words(bytes, range, memory: &memory)
  }

  /// The words of `bytes[range]`, listed in memory kept from one search to the next.
  ///
  /// - Parameters:
  ///   - bytes: The line's bytes.
  ///   - range: The part of the line to read.
  ///   - memory: Memory for the list, taken by the words; ``Words/handBack(to:)`` gives it back.
  static func words(_ bytes: [UInt8], _ range: Range<Int>, memory: inout WordMemory) -> Words {
    var result = Words(bytes: bytes)
    guard !range.isEmpty else { return result }
    if memory.list.capacity > 0 {
      swap(&result.list, &memory.list)
    } else {
      swap(&result.list, &memory.spare)
    }
    result.list.removeAll(keepingCapacity: true)
    // Room for words of four bytes and a blank on average, more than printed words take (longer ones are
    // rarer); a text of shorter words grows the list.
    result.list.reserveCapacity(range.count / 5 + 2)
    // The vocabulary's tables, taken once for every word of the range.
    let lookup = CaptionVocabulary.lookup
    bytes.withUnsafeBufferPointer { bytes in
      KeyReader.keyByte.withUnsafeBufferPointer { keyByte in
        let end = range.upperBound
        var position = range.lowerBound
        while position < end {
          while position < end, ASCIIText.isBlank(bytes[position]) { position += 1 }
          let start = position
          var reader = KeyReader()
          while position < end {
            let byte = bytes[position]
            // Letters and digits, most bytes, add to the key and end no word: they are told by the table before
            // the blank that ends the word is looked for.
            let key = keyByte[Int(byte)]
            if key != 0 {
              reader.read(key: key)
              position += 1
              continue
            }
            if ASCIIText.isBlank(byte) { break }
            position += 1
            if byte == 0xC2 { result.splitsAtBlanksOnly = false }
            // A closing parenthesis or bracket or a colon ends a word even when text is glued to it ("(1)Names",
            // "[1]NAME", "POWER:0"), and so does the point after a row number ("1.NAME").
            let endsNumber = byte == 0x2E && reader.length > 0 && reader.digits == reader.length
            if byte == 0x29 || byte == 0x5D || byte == 0x3A || endsNumber, position < end,
              !ASCIIText.isBlank(bytes[position]), ASCIIText.isLetter(bytes[position]) || byte != 0x2E
            {
              result.splitsAtBlanksOnly = false
              break
            }
          }
          if position > start {
            let word = UnsafeBufferPointer(rebasing: bytes[start..<position])
            result.list.append(
              Word(
                range: start..<position, key: reader.key(of: word, in: lookup),
                singular: reader.singularCode(of: word, in: lookup)))
          }
        }
      }
    }
    return result
  }

  /// The row of the key that starts at word `index`, with the index after its last word.
  private static func key(at index: Int, in words: Words) -> (field: RowField, end: Int)? {
    let table = keysByFirstWord
    let candidates = keys(startingWith: words[index], in: table.byFirstWord)
    guard !candidates.isEmpty else { return nil }
    for candidate in candidates {
      let key = table.list[candidate]
      var position = index + 1
      var matched = true
      for word in table.words[(key.words.lowerBound + 1)..<key.words.upperBound] {
        if position < words.count, !sameWord(words[position], word, words), isFiller(words[position]),
          position + 1 < words.count, sameWord(words[position + 1], word, words)
        {
          position += 1
        }
        guard position < words.count, sameWord(words[position], word, words) else {
          matched = false
          break
        }
        position += 1
      }
      if matched { return (key.field, position) }
    }
    return nil
  }

  /// Whether a printed word starts a key's words, or its singular does ("NAMES"): whether
  /// ``keys(startingWith:in:)`` gives keys for it, told from two flags before the keys are compared there.
  ///
  /// - Parameters:
  ///   - word: The printed word.
  ///   - startsKey: ``startsKey``, taken once for many words.
  @inline(__always)
  private static func mayStartKey(_ word: Word, _ startsKey: [Bool]) -> Bool {
    (word.key.code >= 0 && startsKey[word.key.code]) || (word.singular >= 0 && startsKey[word.singular])
  }

  /// Whether each known word is the first word of a key, by code (``keysByFirstWord``).
  private static let startsKey: [Bool] = keysByFirstWord.byFirstWord.map { !$0.isEmpty }

  /// The keys whose first word is a printed word, or its singular when the word has none ("NAMES"): a range of
  /// ``keysByFirstWord``'s `list`, empty when the word starts no key.
  ///
  /// - Parameters:
  ///   - word: The printed word.
  ///   - byFirstWord: ``keysByFirstWord``'s ranges by first word.
  @inline(__always)
  private static func keys(startingWith word: Word, in byFirstWord: [Range<Int>]) -> Range<Int> {
    if word.key.code >= 0, !byFirstWord[word.key.code].isEmpty { return byFirstWord[word.key.code] }
    return word.singular >= 0 ? byFirstWord[word.singular] : 0..<0
  }

  /// Whether a word's key is one of the fillers allowed between key words.
  private static func isFiller(_ word: Word) -> Bool {
    word.key.code >= 0 && isFiller[word.key.code]
  }

  /// Whether a printed word is a key word, in the singular or the plural ("NAMES", "PERSONS").
  ///
  /// A long key word also matches with one letter left out, added or changed ("DISPOSITVE"): typing
  /// mistakes in captions are common and a long caption word is not mistaken for another.
  ///
  /// - Parameters:
  ///   - printed: The printed word.
  ///   - key: The key word's code.
  ///   - words: The words `printed` is one of, which hold its key's bytes.
  private static func sameWord(_ printed: Word, _ key: Int, _ words: Words) -> Bool {
    if printed.key.code == key { return true }
    if printed.singular == key { return true }
    // The key word's length is read from a table of lengths: its bytes are taken up only for the comparison.
    let keyLength = CaptionVocabulary.word(key).count
    guard keyLength >= longKeyWordLength, abs(printed.key.length - keyLength) <= 1 else { return false }
    return withinOneEdit(words.keyBytes(printed)[...], CaptionVocabulary.word(key))
  }

  /// The fewest letters of a key word that a printed word one letter off matches (``sameWord(_:_:_:)``).
  static let longKeyWordLength = 7

  /// Whether two words differ by at most one inserted, deleted or replaced letter.
  static func withinOneEdit(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Bool {
    guard abs(lhs.count - rhs.count) <= 1 else { return false }
    var left = lhs.startIndex
    var right = rhs.startIndex
    var edits = 0
    while left < lhs.endIndex && right < rhs.endIndex {
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
    return edits + (lhs.endIndex - left) + (rhs.endIndex - right) <= 1
  }

  /// Whether a word may belong to a caption around its key words.
  private static func isCaptionWord(_ word: Word, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      let text = UnsafeBufferPointer(rebasing: buffer[word.range])
      switch CaptionWords.classify(text, key: word.key, inName: false) {
      case .ordinary, .distinctive: return true
      // Punctuation and drawn boxes ("*", ":", "[ ]"), but not a dash or a blank to fill: those may be values.
      case .neutral: return !isFillIn(text)
      case .value, .identificationNumber: return false
      }
    }
  }

  /// Whether a word is only dashes, underscores, equals signs and dollar signs, the marks of a blank to fill
  /// in: `-`, `_`, `=`, `$`, en dashes (E2 80 93) and em dashes (E2 80 94).
  private static func isFillIn(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < text.count {
      switch text[index] {
      case 0x2D, 0x5F, 0x3D, 0x24:
        index += 1
      case 0xE2
      where index + 2 < text.count && text[index + 1] == 0x80
        && (text[index + 2] == 0x93 || text[index + 2] == 0x94):
        index += 3
      default:
        return false
      }
    }
    return true
  }

  /// The first caption in `bytes[range]`.
  ///
  /// - Parameters:
  ///   - bytes: The line's bytes.
  ///   - range: The part of the line to search (a cell, or what follows a caption in it).
  /// - Returns: The caption, its range an offset in `bytes`.
  static func firstMatch(in bytes: [UInt8], _ range: Range<Int>) -> Match? {
    firstMatch(in: bytes, captionWords(bytes, range))
  }

  /// The first caption among the words of a range of `bytes` (``words(_:_:)``).
  ///
  /// - Parameters:
  ///   - bytes: The line's bytes.
  ///   - words: The words of the part of the line to search.
  /// - Returns: The caption, its range an offset in `bytes`.
  static func firstMatch(in bytes: [UInt8], _ words: Words) -> Match? {
    // The table of first words, taken once for every word.
    let startsKey = startsKey
    for index in 0..<words.count {
      // A word that is no known word, nor one's plural, starts no key (``keys(startingWith:)``).
      guard mayStartKey(words[index], startsKey), let (keyField, keyEnd) = key(at: index, in: words) else { continue }
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
        if mayStartKey(words[end], startsKey), let other = self.key(at: end, in: words), other.field != keyField {
          break
        }
        if isCaptionWord(words[end], bytes), !isBoxLabel(words[end], bytes) {
          end += 1
        } else if end > 0, words[end - 1].key.code == rowCode, isRowReference(words[end], words, bytes) {
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
        while end > keyEnd, keyField == .typeOfReportingPerson, words[end - 1].key.code == inCode { end -= 1 }
      } else {
        while end > keyEnd, words[end - 1].key.code >= 0, isNeverLast[words[end - 1].key.code] { end -= 1 }
      }
      // "CHECK BOX IF THE AGGREGATE AMOUNT ..." is row 12's caption even when its line ends before "IN ROW".
      var field = keyField
      if field == .aggregateAmountOwned, (start..<index).contains(where: { words[$0].key.code == checkCode }) {
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
  ///   - bytes: The line's bytes.
  ///   - before: The range of the text before the caption (row number excluded by the caller).
  ///   - after: The range of the text after the caption, to the end of its cell.
  static func continuesSentence(_ bytes: [UInt8], before: Range<Int>, after: Range<Int>) -> Bool {
    continuesSentence(bytes, before: words(bytes, before).list[...], after: words(bytes, after).list[...])
  }

  /// Whether a caption found among the words of a cell is part of a sentence (``continuesSentence(_:before:after:)``),
  /// told from the cell's words rather than from words found again.
  ///
  /// A word's end and key depend on its own bytes only, so the words before the caption and after it are the
  /// cell's words that end before it and those that start after it.
  ///
  /// - Parameters:
  ///   - words: The cell's words (``words(_:_:)``), the caption among them.
  ///   - caption: The caption's byte range in the line.
  static func continuesSentence(_ words: Words, around caption: Range<Int>) -> Bool {
    let firstAfter = words.list.firstIndex { $0.range.lowerBound >= caption.upperBound } ?? words.count
    let firstOfCaption = words.list.firstIndex { $0.range.upperBound > caption.lowerBound } ?? firstAfter
    return continuesSentence(
      words.bytes, before: words.list[..<firstOfCaption], after: words.list[firstAfter...])
  }

  /// Whether a caption is part of a sentence, told from the words before it and those after it in its cell.
  private static func continuesSentence(
    _ bytes: [UInt8], before: ArraySlice<Word>, after next: ArraySlice<Word>
  ) -> Bool {
    let isLowerWord: (Word) -> Bool = { word in
      let first = bytes[word.range.lowerBound]
      return first >= 0x61 && first <= 0x7A && word.key.length >= 3
    }
    if before.contains(where: isLowerWord) { return true }
    guard next.count >= 3, let first = next.first, isLowerWord(first) else { return false }
    return !(first.key.code >= 0 && isValueWord[first.key.code])
  }

  /// The row of a caption cut short after its first words, told by the row number printed before it.
  ///
  /// "(9) Aggregate" can only be row 9 of a Schedule 13G (row 9 of a 13D is sole dispositive power); a
  /// number and words that fit no row, or more than one, give `nil`.
  ///
  /// - Parameters:
  ///   - number: The row number printed before the words.
  ///   - text: The words printed after it.
  static func truncatedCaption(number: Int, text: [UInt8]) -> RowField? {
    truncatedCaption(number: number, in: text, 0..<text.count)
  }

  /// The row of a caption cut short after its first words (``truncatedCaption(number:text:)``), the words
  /// being `bytes[range]`.
  static func truncatedCaption(number: Int, in bytes: [UInt8], _ range: Range<Int>) -> RowField? {
    var memory = WordMemory()
    return truncatedCaption(number: number, in: bytes, range, memory: &memory)
  }

  /// The row of a caption cut short after its first words (``truncatedCaption(number:text:)``), the words
  /// being `bytes[range]`, found in memory kept from one search to the next.
  ///
  /// - Parameters:
  ///   - number: The row number printed before the words.
  ///   - bytes: The line's bytes.
  ///   - range: The words' range.
  ///   - memory: Memory for the words' list, handed back when the search is done.
  static func truncatedCaption(
    number: Int, in bytes: [UInt8], _ range: Range<Int>, memory: inout WordMemory
  ) -> RowField? {
    var printed = words(bytes, range, memory: &memory)
    defer { printed.handBack(to: &memory) }
    // A caption's first words, cut short by the end of the cell or wrapped to the next line ("Check the
    // Appropriate Box if a Member of a"): every word a caption word or a prefix of the caption's next word.
    guard let firstWord = printed.list.first, firstWord.key.length >= 2, printed.count <= 12,
      printed.list.allSatisfy({ isCaptionWord($0, bytes) || $0.key.digits == 0 })
    else { return nil }
    var found: RowField?
    for field in RowField.allCases {
      guard field.number(in: .schedule13D) == number || field.number(in: .schedule13G) == number,
        let caption = fullCaptions.list.first(where: { $0.field == field }).map({ fullCaptions.words[$0.words] })
      else { continue }
      if !endsWithKeyStart(printed, of: field) {
        let compared = zip(printed.list, caption)
        guard
          compared.allSatisfy({ word, captionWord in
            sameWord(word, captionWord, printed)
              || (word.key.length >= 2 && CaptionVocabulary.word(captionWord).starts(with: printed.keyBytes(word)))
          })
        else { continue }
        // Words past the caption's known start must be caption words ("... IF A MEMBER OF A").
        guard printed.count <= caption.count || printed.list[caption.count...].allSatisfy({ isCaptionWord($0, bytes) })
        else { continue }
      }
      if found != nil { return nil }
      found = field
    }
    return found
  }

  /// The row whose caption a cell of caption words begins and the line cuts off before its key words end
  /// ("CHECK THE APPROPRIATE BOX IF A MEMBER OF A" / "GROUP"), or `nil` when it names no row or two.
  ///
  /// - Parameters:
  ///   - bytes: The line's bytes.
  ///   - range: The cell's range.
  static func captionCutAtLineEnd(_ bytes: [UInt8], _ range: Range<Int>) -> RowField? {
    captionCutAtLineEnd(bytes, captionWords(bytes, range))
  }

  /// The row whose caption the words of a cell begin and the line cuts off (``captionCutAtLineEnd(_:_:)-(_,Range<Int>)``).
  ///
  /// - Parameters:
  ///   - bytes: The line's bytes.
  ///   - printed: The cell's words (``words(_:_:)``).
  static func captionCutAtLineEnd(_ bytes: [UInt8], _ printed: Words) -> RowField? {
    guard printed.count > 0, printed.list.allSatisfy({ isCaptionWord($0, bytes) }) else { return nil }
    // Only the starts whose last word the printed last word may be are compared (``keyStartsByLastWord``): its
    // own and its singular's. A word one letter off a long key word matches it too (``sameWord(_:_:_:)``), but
    // every word here is a caption word, and no caption word is one letter off a start's last word unless it is
    // that word or its plural (KeyStartTablesTests checks the tables). Once a row's start matched, its other starts
    // are skipped, and a start of a second row gives no row, whatever the order they are compared in.
    let last = printed[printed.count - 1]
    let candidates = keyStartsByLastWord
    return keyStarts.words.withUnsafeBufferPointer { startWords in
      var found: RowField?
      var isAmbiguous = false
      func compare(_ starts: [Int]) {
        for index in starts {
          let start = keyStarts.list[index]
          let words = UnsafeBufferPointer(rebasing: startWords[start.words])
          guard start.field != found, endsWith(printed, keyStart: words) else { continue }
          if found != nil {
            isAmbiguous = true
            return
          }
          found = start.field
        }
      }
      if last.key.code >= 0 { compare(candidates[last.key.code]) }
      if !isAmbiguous, last.singular >= 0, last.singular != last.key.code { compare(candidates[last.singular]) }
      return isAmbiguous ? nil : found
    }
  }

  /// Whether printed words end with the first words of one of a row's keys, cut by the end of the line
  /// ("CHECK IF DISCLOSURE OF LEGAL" / "PROCEEDINGS ..."): at least six letters of the key.
  private static func endsWithKeyStart(_ printed: Words, of field: RowField) -> Bool {
    keyStarts.words.withUnsafeBufferPointer { startWords in
      keyStarts.list.contains { start in
        start.field == field && endsWith(printed, keyStart: UnsafeBufferPointer(rebasing: startWords[start.words]))
      }
    }
  }

  /// Whether printed words end with a key start's words (as codes), compared word against word from the last:
  /// the last words differ most often, so most starts fail at once.
  @inline(__always)
  private static func endsWith(_ printed: Words, keyStart start: UnsafeBufferPointer<Int>) -> Bool {
    guard start.count <= printed.count else { return false }
    let offset = printed.count - start.count
    var index = start.count
    while index > 0 {
      index -= 1
      if !sameWord(printed[offset + index], start[index], printed) { return false }
    }
    return true
  }

  /// The first words of each row's keys that a line may end with, cut before the key's last word: every
  /// start of a key that is at least six letters long.
  ///
  /// The starts' word codes are held one start after another in one list (`words`); `list` gives each start's
  /// row and the range of its words there, a row's starts together and the rows in the order of
  /// ``keys``.
  static let keyStarts: (words: [Int], list: [(field: RowField, words: Range<Int>)]) = {
    var words: [Int] = []
    var list: [(field: RowField, words: Range<Int>)] = []
    let keys = RowCaptions.keys
    for key in keys.list {
      let keyWords = keys.words[key.words]
      var letters = 0
      for count in 1..<max(keyWords.count, 1) {
        letters += CaptionVocabulary.word(keyWords[keyWords.startIndex + count - 1]).count
        guard letters >= 6 else { continue }
        list.append((key.field, words.count..<(words.count + count)))
        words.append(contentsOf: keyWords.prefix(count))
      }
    }
    return (words, list)
  }()

  /// The key starts that end in a known word, by the word's code: their indexes in ``keyStarts``.
  private static let keyStartsByLastWord: [[Int]] = {
    var byLastWord = [[Int]](repeating: [], count: CaptionVocabulary.count)
    for (index, start) in keyStarts.list.enumerated() {
      byLastWord[keyStarts.words[start.words.upperBound - 1]].append(index)
    }
    return byLastWord
  }()

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
  private static func isRowReference(_ word: Word, _ words: Words, _ bytes: [UInt8]) -> Bool {
    guard word.key.isAllDigits else { return false }
    var value = 0
    for digit in words.keyBytes(word) { value = min(value * 10 + Int(digit - 0x30), 100) }
    guard value >= 1, value <= 14 else { return false }
    return bytes[word.range].allSatisfy { ASCIIText.isDigit($0) || $0 == 0x3A || $0 == 0x2E || $0 == 0x29 }
  }
}
