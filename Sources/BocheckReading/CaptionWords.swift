import BocheckModel

/// The words of the cover page's printed captions, and how to tell caption text from a row's value.
///
/// Filings wrap, split and shift captions in every way: the second line of "NAME OF REPORTING PERSON /
/// S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON" lands where the name should be, the side label
/// "NUMBER OF SHARES BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH" leaves a "WITH" or "BENEFICIALLY"
/// beside a power's value, an identification caption runs into the name on one line. Rather than list
/// every arrangement, the reader knows the vocabulary: the words of every caption the forms have printed
/// since 1994. Text made only of those words is caption; a run of them at either end of a value is cut
/// off. Some caption words are ordinary words that also occur in names ("THE", "GROUP", "CAPITAL" is not
/// one, "MEMBER" is); a run is taken for caption only when it holds a *distinctive* word that no value
/// holds ("IDENTIFICATION", "BENEFICIALLY", "DISPOSITIVE"), or, in a name, an identification number.
enum CaptionWords {
  /// The captions of Schedules 13D and 13G as the forms have printed them since 1994, all wordings.
  private static let captions = [
    "NAMES OF REPORTING PERSONS", "S.S. OR I.R.S. IDENTIFICATION NOS. OF ABOVE PERSONS (ENTITIES ONLY)",
    "CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP (SEE INSTRUCTIONS)", "SEC USE ONLY",
    "SOURCE OF FUNDS (SEE INSTRUCTION)",
    "CHECK BOX IF DISCLOSURE OF LEGAL PROCEEDINGS IS REQUIRED PURSUANT TO ITEMS 2(D) OR 2(E)",
    "CITIZENSHIP OR PLACE OF ORGANIZATION", "NUMBER OF SHARES BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH",
    "SOLE VOTING POWER", "SHARED VOTING POWER", "SOLE DISPOSITIVE POWER", "SHARED DISPOSITIVE POWER",
    "AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON OR PARTY",
    "CHECK BOX IF THE AGGREGATE AMOUNT IN ROW (11) EXCLUDES CERTAIN SHARES",
    "PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (9)",
    "TYPE OF REPORTING PERSON",
  ]

  /// Caption words that also occur in names and values, so that they prove nothing on their own.
  static let ordinaryWords = [
    "THE", "A", "OF", "OR", "IF", "IS", "TO", "IN", "BY", "WITH", "EACH", "NAME", "NAMES", "NUMBER", "GROUP",
    "MEMBER", "CLASS", "TYPE", "PLACE", "SOURCE", "FUNDS", "SHARES", "POWER", "SOLE", "SHARED", "ONLY", "USE",
    "SEC", "CHECK", "BOX", "AMOUNT", "CERTAIN", "ROW", "PERSON", "PERSONS", "ITEMS", "LEGAL", "AGGREGATE",
    "ORGANIZATION", "NO", "NOS", "ABOVE", "PARTY", "OWNED", "VOTING", "SEE", "FUND",
  ]

  /// The caption vocabulary: the words of the captions and the plural and singular forms the forms alternate
  /// between, as phrases (``CaptionVocabulary/keys(of:)`` gives their words; a row reference's number is
  /// none: "(11)" is told by its parentheses, and a bare number is a value).
  static let vocabularyPhrases =
    captions + ["INSTRUCTIONS", "INSTRUCTION", "PERSONS", "ENTITY", "PARTIES", "IRS", "SS", "NO", "NAME", "FUND"]

  /// Labels that introduce an identification number in row 1 ("TIN 12-3456789", "I.D. No.").
  private static let identificationLabels = ["TIN", "EIN", "SSN", "ID", "TAX", "IRS", "SS", "NO", "NOS"]

  /// Every word this reader looks up by its key, for ``CaptionVocabulary``.
  static var knownWords: [String] {
    vocabularyPhrases + identificationLabels + ["NONE", "ROW", "SEE", "THE", "A"]
  }

  /// The class of each known word outside row 1, by code (one table, read once a word): ``WordClass/distinctive``
  /// for a caption word no value holds (in the vocabulary and not ordinary), ``WordClass/ordinary`` for a caption
  /// word that also occurs in values, ``WordClass/value`` for a known word outside the vocabulary.
  private static let vocabularyClasses: [WordClass] = {
    var classes = CaptionVocabulary.flags(vocabularyPhrases).map { $0 ? WordClass.distinctive : .value }
    for word in ordinaryWords {
      let code = CaptionVocabulary.code(word)
      if code != CaptionVocabulary.unknown, classes[code] == .distinctive { classes[code] = .ordinary }
    }
    return classes
  }()
  /// Whether each known word is an identification label, by code.
  private static let isIdentificationLabel = CaptionVocabulary.flags(identificationLabels)
  /// The codes of the words the stripping rules name.
  private static let noneCode = CaptionVocabulary.code("NONE")
  private static let rowCode = CaptionVocabulary.code("ROW")
  private static let seeCode = CaptionVocabulary.code("SEE")
  private static let articleCodes = [CaptionVocabulary.code("THE"), CaptionVocabulary.code("A")]

  /// What one printed word is, for telling caption text from a value.
  enum WordClass: Equatable {
    /// Punctuation only, such as "-", "–", "#" or ":": belongs to whatever surrounds it.
    case neutral
    /// A caption word that also occurs in values.
    case ordinary
    /// A caption word no value holds.
    case distinctive
    /// An identification number or its mask ("12-3456789", "###-##-####", "123456789").
    case identificationNumber
    /// Anything else: part of a value.
    case value
  }

  /// Classifies one blank-separated word.
  ///
  /// - Parameters:
  ///   - word: The word as printed.
  ///   - inName: Whether the word stands in row 1, where identification numbers and their labels occur.
  static func classify(_ word: Substring, inName: Bool) -> WordClass {
    ASCIIText.withUTF8(word) { classify($0, inName: inName) }
  }

  /// Classifies one blank-separated word given as UTF-8 bytes.
  ///
  /// - Parameters:
  ///   - word: The word's bytes.
  ///   - inName: Whether the word stands in row 1, where identification numbers and their labels occur.
  static func classify(_ word: UnsafeBufferPointer<UInt8>, inName: Bool) -> WordClass {
    classify(word, key: CaptionVocabulary.key(of: word), inName: inName)
  }

  /// Classifies one blank-separated word whose key is already looked up.
  ///
  /// - Parameters:
  ///   - word: The word's bytes.
  ///   - key: The word's key (``CaptionVocabulary/key(of:)``).
  ///   - inName: Whether the word stands in row 1, where identification numbers and their labels occur.
  static func classify(_ word: UnsafeBufferPointer<UInt8>, key: WordKey, inName: Bool) -> WordClass {
    // A drawn checkbox ("[X]", "/x/", "[_]") belongs to the caption it stands in, like punctuation.
    if isDrawnCheckbox(word) { return .neutral }
    // A box label, "(a)" or "(b)", like the box it labels.
    if word.count == 3, word[0] == 0x28, word[2] == 0x29, ASCIIText.isLetter(word[1]) { return .neutral }
    // A dash alone is a value ("none") in a row of numbers, never caption punctuation; in a name it is an
    // underline or a separator.
    if !word.isEmpty, isDashes(word) { return inName ? .neutral : .value }
    if key.isEmpty {
      // "#", "###-##-####" (a masked number), "-", ":".
      return word.count(where: { $0 == 0x23 }) >= 5 ? .identificationNumber : .neutral
    }
    if inName, isIdentificationNumber(word) { return .identificationNumber }
    // "TAX ID #: N/A", "I.R.S. No.: None": no number to give is an identification all the same.
    if inName, isNotAvailable(word) || key.code == noneCode { return .identificationNumber }
    let code = key.code
    if inName, code >= 0, isIdentificationLabel[code] { return .distinctive }
    // A row reference such as "(11)" or "(9)" belongs to the caption it ends.
    if key.isAllDigits, key.length <= 2, isParenthesised(word) { return .ordinary }
    guard code >= 0 else { return .value }
    return vocabularyClasses[code]
  }

  /// Whether a word is dashes only: hyphens, en dashes (E2 80 93) and em dashes (E2 80 94).
  private static func isDashes(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < word.count {
      if word[index] == 0x2D {
        index += 1
      } else if word[index] == 0xE2, index + 2 < word.count, word[index + 1] == 0x80,
        word[index + 2] == 0x93 || word[index + 2] == 0x94
      {
        index += 3
      } else {
        return false
      }
    }
    return true
  }

  /// Whether a word is "N/A" in any case.
  private static func isNotAvailable(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    word.count == 3 && ASCIIText.upper(word[0]) == 0x4E && word[1] == 0x2F && ASCIIText.upper(word[2]) == 0x41
  }

  /// Whether a word's first character is "(" and its last ")" (a character, not a byte: a combining mark
  /// after the parenthesis makes another character).
  private static func isParenthesised(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.first == 0x28 && word.last == 0x29 else { return false }
    if ASCIIText.isASCII(word) { return true }
    let text = String(decoding: word, as: UTF8.self)
    return text.hasPrefix("(") && text.hasSuffix(")")
  }

  /// Whether a word is a checkbox drawn with brackets or slashes, such as `[X]`, `[_]` or `/x/`.
  static func isDrawnCheckbox(_ word: Substring) -> Bool {
    ASCIIText.withUTF8(word) { isDrawnCheckbox($0) }
  }

  /// Whether a word given as UTF-8 bytes is a drawn checkbox (``isDrawnCheckbox(_:)-(Substring)``).
  static func isDrawnCheckbox(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    // One pass over the word's bytes tells both: every byte one of the box's, a bracket or a slash among them.
    guard word.count <= 4 else { return false }
    var hasBracketOrSlash = false
    for byte in word {
      switch byte {
      case 0x5B, 0x2F: hasBracketOrSlash = true  // [ /
      case 0x5D, 0x28, 0x29, 0x5F, 0x20, 0x78, 0x58: continue  // ] ( ) _ space x X
      default: return false
      }
    }
    return hasBracketOrSlash
  }

  /// Whether a word is a tax identification or social security number, or its mask: at least six digits
  /// (or `#`/`X` placeholders) and nothing but digits, dashes and those placeholders.
  static func isIdentificationNumber(_ word: Substring) -> Bool {
    ASCIIText.withUTF8(word) { isIdentificationNumber($0) }
  }

  /// Whether a word given as UTF-8 bytes is an identification number (``isIdentificationNumber(_:)-(Substring)``).
  static func isIdentificationNumber(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    var symbols = 0
    for byte in word {
      switch byte {
      case 0x30...0x39, 0x23, 0x58, 0x78: symbols += 1
      case 0x2D, 0x2E, 0x2C, 0x3A, 0x28, 0x29: continue  // - . , : ( )
      default: return false
      }
    }
    return symbols >= 6
  }

  /// The byte range of the next word of a text at or after `offset`: a space, a tab or a no-break space
  /// (C2 A0) separates words.
  ///
  /// - Parameters:
  ///   - text: The text's UTF-8 bytes.
  ///   - offset: The byte offset to start at.
  /// - Returns: The word's byte range, or `nil` when only separators remain.
  static func nextWord(in text: UnsafeBufferPointer<UInt8>, from offset: Int) -> Range<Int>? {
    func separatorLength(_ index: Int) -> Int {
      let byte = text[index]
      if byte == 0x20 || byte == 0x09 { return 1 }
      return byte == 0xC2 && index + 1 < text.count && text[index + 1] == 0xA0 ? 2 : 0
    }
    var start = offset
    while start < text.count {
      let length = separatorLength(start)
      if length == 0 { break }
      start += length
    }
    guard start < text.count else { return nil }
    var end = start + 1
    while end < text.count, separatorLength(end) == 0 { end += 1 }
    return start..<end
  }

  /// Whether a text is nothing but caption words with at least one distinctive word, such as "S.S. or",
  /// "(entities only)" or "BENEFICIALLY OWNED BY": a caption's wrapped line, not a value.
  static func isCaptionOnly(_ text: String) -> Bool {
    ASCIIText.withUTF8(text) { isCaptionOnly($0) }
  }

  /// Whether a text given as UTF-8 bytes is nothing but caption words with a distinctive one
  /// (``isCaptionOnly(_:)-(String)``).
  static func isCaptionOnly(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    // The words are those of ``nextWord(in:from:)``; each word's key is read in the same pass that finds its
    // end, one load of ``KeyReader/keyByte`` a byte telling a letter or digit before a separator is looked for.
    // The vocabulary's tables, taken once for every word of the text.
    let lookup = CaptionVocabulary.lookup
    return KeyReader.keyByte.withUnsafeBufferPointer { keyByte in
      func isSeparator(at index: Int) -> Bool {
        let byte = text[index]
        return byte == 0x20 || byte == 0x09 || (byte == 0xC2 && index + 1 < text.count && text[index + 1] == 0xA0)
      }
      var tally = CaptionOnlyTally()
      var position = 0
      while position < text.count {
        if isSeparator(at: position) {
          position += text[position] == 0xC2 ? 2 : 1
          continue
        }
        let start = position
        var reader = KeyReader()
        while position < text.count {
          let key = keyByte[Int(text[position])]
          if key != 0 {
            reader.read(key: key)
          } else if isSeparator(at: position) {
            break
          }
          position += 1
        }
        let word = UnsafeBufferPointer(rebasing: text[start..<position])
        guard tally.admits(classify(word, key: reader.key(of: word, in: lookup), inName: false)) else { return false }
      }
      return tally.sawDistinctive
    }
  }

  /// The caption-only test (``isCaptionOnly(_:)-(UnsafeBufferPointer<UInt8>)``) taken word by word: no word is a
  /// value or an identification number, and one is distinctive.
  struct CaptionOnlyTally {
    /// Whether a distinctive word was taken.
    private(set) var sawDistinctive = false

    /// Takes the next word's class.
    ///
    /// - Returns: `false` when the word is a value or an identification number: the text is then no caption
    ///   words only, whatever follows.
    mutating func admits(_ wordClass: WordClass) -> Bool {
      switch wordClass {
      case .value, .identificationNumber: return false
      case .distinctive: sawDistinctive = true
      case .neutral, .ordinary: break
      }
      return true
    }
  }

  /// A value with the caption words around it cut off.
  ///
  /// A run of caption words at the start or the end of the value is cut when it holds a distinctive word
  /// (or, in row 1, an identification number); a run of ordinary words alone is cut only when
  /// `cutsOrdinaryWords` is set (rows whose values start with a number, where no word belongs). Inner text
  /// is never touched.
  ///
  /// - Parameters:
  ///   - text: The value as printed.
  ///   - inName: Whether the value is row 1's (identification numbers and their labels are cut too).
  ///   - cutsOrdinaryWords: Whether runs of ordinary caption words are cut without a distinctive word.
  /// - Returns: The value that remains and how many characters were cut from its start.
  static func strip(_ text: String, inName: Bool, cutsOrdinaryWords: Bool) -> (text: String, cutFromStart: Int) {
    let kept = ASCIIText.withUTF8(text) { keptBytes($0, inName: inName, cutsOrdinaryWords: cutsOrdinaryWords) }
    guard let kept else { return (text, 0) }
    guard !kept.isEmpty else { return ("", 0) }
    let utf8 = text.utf8
    // A text kept whole is itself, nothing cut from its start: no part of it is made again.
    if kept.lowerBound == 0 && kept.upperBound == utf8.count { return (text, 0) }
    let start = utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)
    let end = utf8.index(utf8.startIndex, offsetBy: kept.upperBound)
    return (String(text[start..<end]), text.distance(from: text.startIndex, to: start))
  }

  /// Whether ``strip(_:inName:cutsOrdinaryWords:)`` leaves nothing of a text once its blanks are trimmed: it
  /// is blank, or caption words only; found on the text's bytes in place, without making what remains.
  ///
  /// - Parameters:
  ///   - text: The value as printed, blanks at its ends or not.
  ///   - inName: Whether the value is row 1's.
  ///   - cutsOrdinaryWords: Whether runs of ordinary caption words are cut without a distinctive word.
  static func stripsToNothing(_ text: String, inName: Bool, cutsOrdinaryWords: Bool) -> Bool {
    // No word at all is a blank text, which nothing remains of either.
    ASCIIText.withUTF8(text) { keptBytes($0, inName: inName, cutsOrdinaryWords: cutsOrdinaryWords)?.isEmpty ?? true }
  }

  /// The byte range ``strip(_:inName:cutsOrdinaryWords:)`` keeps, empty when it keeps nothing, or `nil`
  /// when the text has no word.
  ///
  /// Only the words at the value's ends are cut, and a word's class depends on its own bytes and its two
  /// neighbours' (``StrippedWords/classOf(_:)``): the first ``endWords`` words and the last ``endWords`` are found
  /// first, and the words between them only when the cut may reach them.
  static func keptBytes(
    _ text: UnsafeBufferPointer<UInt8>, inName: Bool, cutsOrdinaryWords: Bool
  ) -> Range<Int>? {
    if case .decided(let kept) = keptBytesAtEnds(text, inName: inName, cutsOrdinaryWords: cutsOrdinaryWords) {
      return kept
    }
    return keptBytesWordByWord(text, inName: inName, cutsOrdinaryWords: cutsOrdinaryWords)
  }

  /// What the words at a value's ends tell of the cut (``keptBytesAtEnds(_:inName:cutsOrdinaryWords:)``).
  enum EndsVerdict: Equatable {
    /// The cut is told: the byte range ``strip(_:inName:cutsOrdinaryWords:)`` keeps, or `nil` for a value without
    /// a word.
    case decided(Range<Int>?)
    /// The cut may reach the words between the ends: every word of the value must be found.
    case needsEveryWord
  }

  /// The byte range ``strip(_:inName:cutsOrdinaryWords:)`` keeps, told from the words at the value's ends
  /// (``keptBytes(atEndsOf:inName:cutsOrdinaryWords:ranges:classes:)``) in memory lent for the call, or
  /// ``EndsVerdict/needsEveryWord`` when the cut may reach the words between them.
  static func keptBytesAtEnds(
    _ text: UnsafeBufferPointer<UInt8>, inName: Bool, cutsOrdinaryWords: Bool
  ) -> EndsVerdict {
    withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 2 * endWords) { ranges in
      withUnsafeTemporaryAllocation(of: StrippedWords.Classes.self, capacity: 2 * endWords) { classes in
        keptBytes(
          atEndsOf: text, inName: inName, cutsOrdinaryWords: cutsOrdinaryWords, ranges: ranges, classes: classes)
      }
    }
  }

  /// How many words at each end of a value are found before the words between them.
  private static let endWords = 4

  /// What the words at a value's ends tell of the cut (``EndsVerdict``): the byte range
  /// ``strip(_:inName:cutsOrdinaryWords:)`` keeps, or that the cut may reach words between them.
  ///
  /// A value of fewer than twice ``endWords`` words has them all found. In a longer one, the first value word
  /// among the first words, and the last among the last, each with both neighbours found, bound everything
  /// the cut reads (``keptBytes(of:cutsOrdinaryWords:)``): the runs before the one and after the other and
  /// the words beside them.
  ///
  /// - Parameters:
  ///   - text: The value's UTF-8 bytes (valid UTF-8: a no-break space's second byte follows its first).
  ///   - inName: Whether the value is row 1's.
  ///   - cutsOrdinaryWords: Whether runs of ordinary caption words are cut without a distinctive word.
  ///   - ranges: Memory for twice ``endWords`` word ranges.
  ///   - classes: Memory for as many words' classes.
  private static func keptBytes(
    atEndsOf text: UnsafeBufferPointer<UInt8>, inName: Bool, cutsOrdinaryWords: Bool,
    ranges: UnsafeMutableBufferPointer<Range<Int>>, classes: UnsafeMutableBufferPointer<StrippedWords.Classes>
  ) -> EndsVerdict {
    // The first words, then the last ones back to the first ones' end, placed after them in order.
    var front = 0
    var position = 0
    while front < endWords, let word = nextWord(in: text, from: position) {
      ranges.initializeElement(at: front, to: word)
      front += 1
      position = word.upperBound
    }
    var back = 0
    if front == endWords {
      var end = text.count
      while back < endWords, let word = previousWord(in: text, before: end), word.lowerBound >= position {
        back += 1
        ranges.initializeElement(at: 2 * endWords - back, to: word)
        end = word.lowerBound
      }
      if back < endWords {
        // Every word was found: the last ones move up to follow the first ones.
        for index in 0..<back { ranges[front + index] = ranges[2 * endWords - back + index] }
      }
    }
    var words = StrippedWords(text, inName: inName, found: front + back, ranges: ranges, classes: classes)
    guard front + back == 2 * endWords else {
      return .decided(keptBytes(of: &words, cutsOrdinaryWords: cutsOrdinaryWords))
    }
    // Words may lie between the first ones and the last ones: the first value word must have its next word
    // among the first ones, and the last its word before among the last ones.
    var firstValue = 0
    while firstValue < endWords - 1, words.classOf(firstValue) != .value { firstValue += 1 }
    var lastValue = 2 * endWords - 1
    while lastValue > endWords, words.classOf(lastValue) != .value { lastValue -= 1 }
    guard firstValue < endWords - 1, lastValue > endWords else { return .needsEveryWord }
    return .decided(keptBytes(of: &words, cutsOrdinaryWords: cutsOrdinaryWords))
  }

  /// The word of a text that ends last at or before `offset`, as ``nextWord(in:from:)`` finds the words, or
  /// `nil` when only separators come before it.
  ///
  /// - Parameters:
  ///   - text: The text's UTF-8 bytes, valid UTF-8 (a byte A0 after C2 is a no-break space's).
  ///   - offset: The byte offset to look back from.
  /// - Returns: The word's byte range.
  static func previousWord(in text: UnsafeBufferPointer<UInt8>, before offset: Int) -> Range<Int>? {
    // The length of the separator that ends at `index`, 0 when none does.
    func separatorLength(endingAt index: Int) -> Int {
      let byte = text[index - 1]
      if byte == 0x20 || byte == 0x09 { return 1 }
      return byte == 0xA0 && index >= 2 && text[index - 2] == 0xC2 ? 2 : 0
    }
    var end = offset
    while end > 0 {
      let length = separatorLength(endingAt: end)
      if length == 0 { break }
      end -= length
    }
    guard end > 0 else { return nil }
    var start = end - 1
    while start > 0, separatorLength(endingAt: start) == 0 { start -= 1 }
    return start..<end
  }

  /// The byte range ``strip(_:inName:cutsOrdinaryWords:)`` keeps (``keptBytes(_:inName:cutsOrdinaryWords:)``),
  /// every word of the value found first.
  static func keptBytesWordByWord(
    _ text: UnsafeBufferPointer<UInt8>, inName: Bool, cutsOrdinaryWords: Bool
  ) -> Range<Int>? {
    // A word and its separator take two bytes at least. The words' ranges and classes are kept in memory lent
    // for the call (on the stack when it is small), not in arrays made per value.
    let capacity = text.count / 2 + 1
    return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: capacity) { ranges in
      withUnsafeTemporaryAllocation(of: StrippedWords.Classes.self, capacity: capacity) { classes in
        var words = StrippedWords(text, inName: inName, ranges: ranges, classes: classes)
        return keptBytes(of: &words, cutsOrdinaryWords: cutsOrdinaryWords)
      }
    }
  }

  /// The byte range ``strip(_:inName:cutsOrdinaryWords:)`` keeps of a value's words.
  private static func keptBytes(of words: inout StrippedWords, cutsOrdinaryWords: Bool) -> Range<Int>? {
    let inName = words.inName
    let count = words.count
    guard count > 0 else { return nil }
    var first = 0
    while first < count, words.classOf(first) != .value { first += 1 }
    // "(See Item 4)": "SEE" introduces a value, it does not end a caption.
    while first > 0, words.key(first - 1).code == seeCode { first -= 1 }
    if first > 0, !cutsOrdinaryWords, !words.proves(0..<first) { first = 0 }
    // A name that begins with an article keeps it ("... (ENTITIES ONLY) THE FUND" -> "THE FUND").
    while first > 0, inName, articleCodes.contains(words.key(first - 1).code) { first -= 1 }
    var last = count
    while last > first, words.classOf(last - 1) != .value { last -= 1 }
    if last < count, !cutsOrdinaryWords, !words.proves(last..<count) { last = count }
    // A run that only an identification number proves is cut from its first identifying word: the caption
    // words before it are the name's ("The Example Group - 12-3456789").
    if last < count, !cutsOrdinaryWords, !words.holds(.distinctive, in: last..<count),
      let identifying = (last..<count).first(where: { words.classOf($0) == .identificationNumber })
    {
      last = identifying
      while last > first, words.classOf(last - 1) == .neutral { last -= 1 }
    }
    guard first < last else { return 0..<0 }
    return words.ranges[first].lowerBound..<words.ranges[last - 1].upperBound
  }

  /// The words of a value that ``strip(_:inName:cutsOrdinaryWords:)`` cuts, classified lazily from each
  /// end inwards: most values need one or two classified.
  private struct StrippedWords {
    /// The value's UTF-8 bytes.
    let text: UnsafeBufferPointer<UInt8>
    /// Whether the value is row 1's.
    let inName: Bool
    /// A word's class on its own and as its neighbours make it, once known.
    typealias Classes = (base: WordClass?, adjusted: WordClass?)
    /// The byte ranges of its words (the first ``count`` of the memory).
    let ranges: UnsafeMutableBufferPointer<Range<Int>>
    /// Each word's classes (the first ``count`` of the memory).
    private let classes: UnsafeMutableBufferPointer<Classes>
    /// The number of words.
    private(set) var count = 0

    /// Finds the words of a value.
    ///
    /// - Parameters:
    ///   - text: The value's UTF-8 bytes.
    ///   - inName: Whether the value is row 1's.
    ///   - ranges: Memory for `text.count / 2 + 1` word ranges at least.
    ///   - classes: Memory for as many words' classes.
    init(
      _ text: UnsafeBufferPointer<UInt8>, inName: Bool, ranges: UnsafeMutableBufferPointer<Range<Int>>,
      classes: UnsafeMutableBufferPointer<Classes>
    ) {
      self.text = text
      self.inName = inName
      self.ranges = ranges
      self.classes = classes
      var position = 0
      while let word = nextWord(in: text, from: position) {
        ranges.initializeElement(at: count, to: word)
        classes.initializeElement(at: count, to: (nil, nil))
        count += 1
        position = word.upperBound
      }
    }

    /// Takes words already found, in order, their ranges in the first `count` places of `ranges`.
    ///
    /// - Parameters:
    ///   - text: The value's UTF-8 bytes.
    ///   - inName: Whether the value is row 1's.
    ///   - count: How many words there are.
    ///   - ranges: The words' ranges.
    ///   - classes: Memory for as many words' classes.
    init(
      _ text: UnsafeBufferPointer<UInt8>, inName: Bool, found count: Int,
      ranges: UnsafeMutableBufferPointer<Range<Int>>,
      classes: UnsafeMutableBufferPointer<Classes>
    ) {
      self.text = text
      self.inName = inName
      self.ranges = ranges
      self.classes = classes
      for index in 0..<count { classes.initializeElement(at: index, to: (nil, nil)) }
      self.count = count
    }

    /// A word's bytes.
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[ranges[index]]) }

    /// A word's key.
    func key(_ index: Int) -> WordKey { CaptionVocabulary.key(of: bytes(index)) }

    /// A word's class on its own.
    mutating func base(_ index: Int) -> WordClass {
      if let known = classes[index].base { return known }
      let kind = classify(bytes(index), inName: inName)
      classes[index].base = kind
      return kind
    }

    /// Whether two neighbouring words are one caption word broken in two ("BENEFICIALL Y"); only a long
    /// word: two initials ("S. S.") are a person's, not a broken "SS".
    mutating func brokenWord(_ index: Int) -> Bool {
      guard index >= 0, index + 1 < count, base(index) == .value || base(index + 1) == .value else { return false }
      // The bytes from the first word's start to the second's end hold both keys and nothing else: the
      // separator between them has no letter or digit.
      let joined = CaptionVocabulary.key(
        of: UnsafeBufferPointer(rebasing: text[ranges[index].lowerBound..<ranges[index + 1].upperBound]))
      return joined.length >= 6 && joined.code >= 0 && vocabularyClasses[joined.code] == .distinctive
    }

    /// A word's class among its neighbours: a row number after "ROW" is caption, and so is a caption word
    /// broken in two.
    mutating func classOf(_ index: Int) -> WordClass {
      if let known = classes[index].adjusted { return known }
      var kind = base(index)
      // "IN ROW 11": a bare row number right after "ROW" ends the caption.
      if kind == .value, index > 0, key(index - 1).code == rowCode, isRowReference(bytes(index)) {
        kind = .ordinary
      }
      if brokenWord(index) || brokenWord(index - 1) { kind = .distinctive }
      classes[index].adjusted = kind
      return kind
    }

    /// Whether a run of words holds a word of the class.
    mutating func holds(_ kind: WordClass, in run: Range<Int>) -> Bool {
      for index in run where classOf(index) == kind { return true }
      return false
    }

    /// Whether a run of caption-like words is proved caption, not part of the value: it holds a distinctive
    /// word or an identification number, or in a name a drawn checkbox.
    mutating func proves(_ run: Range<Int>) -> Bool {
      for index in run where classOf(index) == .distinctive || classOf(index) == .identificationNumber {
        return true
      }
      return inName && run.contains { isDrawnCheckbox(bytes($0)) }
    }
  }

  /// Whether a word is a bare row number from 1 to 14 with at most a closing colon, point or parenthesis
  /// ("11", "9:"): digits (any numeric character) and those marks only.
  private static func isRowReference(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    var value = 0
    for byte in word where ASCIIText.isLetter(byte) || ASCIIText.isDigit(byte) {
      guard ASCIIText.isDigit(byte) else { return false }
      value = min(value * 10 + Int(byte - 0x30), 100)
    }
    guard (1...14).contains(value) else { return false }
    if ASCIIText.isASCII(word) {
      return word.allSatisfy { ASCIIText.isDigit($0) || $0 == 0x3A || $0 == 0x2E || $0 == 0x29 }
    }
    return String(decoding: word, as: UTF8.self).allSatisfy { $0.isNumber || $0 == ":" || $0 == "." || $0 == ")" }
  }
}
