import Testing

@testable import BocheckReading

/// The byte-level caption-word helpers give the answers the Character-based ones gave before them, on
/// invented words and values, ASCII and not: the reference below is the earlier implementation, kept here
/// only to compare with.
@Suite struct CaptionWordBytesTests {
  /// Invented words and values: caption words, values, punctuation, masks, checkboxes, non-ASCII letters,
  /// combining marks, no-break spaces, dashes of every width.
  static let samples: [String] = [
    "", " ", "NAMES OF REPORTING PERSONS", "S.S. or I.R.S. Identification Nos. of above persons (entities only)",
    "(entities only)", "BENEFICIALLY OWNED BY", "Beneficiall y owned", "BENEFICIALL Y", "Example Holdings LLC",
    "The Example Fund", "(ENTITIES ONLY) THE FUND", "THE FUND", "A Fund", "Société Générale", "Zürich AG",
    "Müller-Lüdenscheid GmbH", "IN ROW 11", "IN ROW 11:", "in row (11)", "ROW ١١", "ROW 11½", "ROW 011",
    "(See Item 4)", "See Item 4", "SEE INSTRUCTIONS", "N/A", "n/a", "NONE", "None", "TIN 12-3456789",
    "I.R.S. No.: None", "TAX ID #: N/A", "12-3456789", "###-##-####", "#####", "###", "123456789", "XX-XXXXXXX",
    "[X]", "[ ]", "[_]", "/x/", "(a)", "(b) [X]", "(é)", "(1é)", "(11)", "(9)", "(123)", "-", "--", "–", "—",
    "-\u{301}", "–0–", "-0-", "$", "___", "=", "*", ":", "#", "NAME\u{00A0}OF REPORTING\u{00A0}PERSON",
    "Example\u{00A0}Partners", "\u{00A0}", "1,234,567", "5.5%", "0", "OO", "IN", "PN", "CO",
    "Delaware", "Cayman Islands", "SOLE VOTING POWER 1,000", "1,000 SHARES", "S. S.", "SS", "IRS",
    "Example Group - 12-3456789", "The Example Group – 12-3456789", "ÉTAT DE GENÈVE", "ﬁnance", "ǅemal",
    "AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON", "CITIZENSHIP OR PLACE OF ORGANIZATION",
    "\u{0600}(12)", "(12\u{0301})", "\t(b)\tExample", "a\u{200D}b", "CHECK BOX IF DISCLOSURE",
    "11", "9 (11)", "ITEMS 2(D) OR 2(E)",
  ]

  @Test("the vocabulary is every known word's key once, each looked up to its own code")
  func vocabularyIsUniqueAndComplete() {
    let words = (0..<CaptionVocabulary.count).map { Array(CaptionVocabulary.word($0)) }
    let expected = Set((CaptionWords.knownWords + RowCaptions.knownWords).flatMap(CaptionVocabulary.keys(of:)))
    #expect(Set(words) == expected)
    #expect(words.count == expected.count)
    for (code, word) in words.enumerated() {
      #expect(word.withUnsafeBufferPointer { CaptionVocabulary.key(of: $0).code } == code)
    }
    #expect(CaptionVocabulary.code("owned") == words.firstIndex(of: Array("OWNED".utf8)))
    #expect(CaptionVocabulary.code("zzzz") == CaptionVocabulary.unknown)
  }

  @Test func wordsClassifyAsBefore() {
    for sample in Self.samples {
      for word in sample.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }) + [Substring(sample)] {
        for inName in [false, true] {
          #expect(
            CaptionWords.classify(word, inName: inName) == Reference.classify(word, inName: inName),
            "\(word) in a name: \(inName)")
        }
        #expect(CaptionWords.isDrawnCheckbox(word) == Reference.isDrawnCheckbox(word))
        #expect(CaptionWords.isIdentificationNumber(word) == Reference.isIdentificationNumber(word))
      }
    }
  }

  @Test func captionOnlyTextAsBefore() {
    for sample in Self.samples {
      #expect(CaptionWords.isCaptionOnly(sample) == Reference.isCaptionOnly(sample), "\(sample)")
    }
  }

  @Test func strippedValuesAsBefore() {
    for sample in Self.samples {
      for inName in [false, true] {
        for cutsOrdinaryWords in [false, true] {
          let new = CaptionWords.strip(sample, inName: inName, cutsOrdinaryWords: cutsOrdinaryWords)
          let old = Reference.strip(sample, inName: inName, cutsOrdinaryWords: cutsOrdinaryWords)
          #expect(
            new.text == old.text && new.cutFromStart == old.cutFromStart, "\(sample) \(inName) \(cutsOrdinaryWords)")
        }
      }
    }
  }

  @Test func rangeSearchesAnswerAsOnACopy() {
    let phrases = ["BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH", "PAGE ", "ITEM ", "13D", "SCHEDULE 13G"]
    let lines = [
      "| Beneficially Owned by Each Reporting Person With | 1,000 |", "Page 3 of 9   ", "  Item 5: 1,234 ",
      "SCHEDULE   13G/A", "XBENEFICIALLY OWNED BY EACH REPORTING PERSON WITHOUT", "13D", "page",
    ]
    for line in lines {
      let bytes = Array(line.utf8)
      for lower in 0...bytes.count {
        for upper in lower...bytes.count {
          let copy = Array(bytes[lower..<upper])
          for phrase in phrases.map(ASCIIText.phrase) {
            let found = ASCIIText.find(phrase, in: bytes, within: lower..<upper)
            let expected = ASCIIText.find(phrase, in: copy).map { ($0.lowerBound + lower)..<($0.upperBound + lower) }
            #expect(found == expected, "\(phrase) in \(line)[\(lower)..<\(upper)]")
            let length = ASCIIText.matchLength(phrase, in: bytes, at: lower, end: upper)
            #expect(length == ASCIIText.matchLength(phrase, in: copy, at: 0).map { $0 + lower })
          }
        }
      }
    }
  }

  @Test func phraseSearchesAnswerAsAByteByByteScan() {
    // Texts of every length around the eight-byte steps, the phrase's first letter in both cases,
    // at every offset, next to letters, digits, blanks and non-ASCII bytes.
    let phrases =
      ["PAGE", "ITEM 4", "(A)", "13D", "A", "ÉTÉ", "X", "A 4", "M 4"].map(ASCIIText.phrase) + [
        Array("page".utf8), Array("Pa".utf8),
      ]
    let pieces = [
      "page", "Page", "PAGE", "pAgE", "x", " ", "\t", "(a)", "13d", "item  4", "é", "Item\u{00A0}4", "A", "a\t4", "M",
      "pa",
    ]
    for (text, _) in TestSupport.pieceTexts(pieces, count: 400, maximumPieces: 9, seed: 0x9E37_79B9_7F4A_7C15) {
      let string = String(decoding: text, as: UTF8.self)
      if Array(string.utf8) == text {
        // Up to four distinct first bytes are scanned for eight bytes at a time, five or more byte by byte.
        for count in 0...5 {
          let chosen = Array(phrases.prefix(count + 2).suffix(count))
          let any = chosen.contains { Reference.contains($0, in: text) }
          #expect(ASCIIText.containsAny(chosen, in: string) == any, "\(chosen) in \(string)")
        }
        for byte: UInt8 in [0x20, 0x41, 0x61, 0x09, 0xC3, 0x28] {
          #expect(ASCIIText.containsByte(byte, in: string) == text.contains(byte))
          // A substring is looked through for its own bytes only, not those of the text around it.
          let middle = string.dropFirst(2).dropLast(2)
          #expect(ASCIIText.containsByte(byte, in: middle) == Array(middle.utf8).contains(byte), "\(middle)")
        }
      }
      for phrase in phrases {
        let contains = text.withUnsafeBufferPointer { ASCIIText.contains(phrase, in: $0) }
        #expect(contains == Reference.contains(phrase, in: text), "\(phrase) in \(text)")
        for from in 0...text.count {
          #expect(ASCIIText.find(phrase, in: text, from: from) == Reference.find(phrase, in: text, from: from))
        }
      }
    }
  }

  @Test func phrasesFoundByTheirFirstTwoBytesAnswerAsAByteByByteScan() {
    // Phrases sharing a first byte but not a second ("BASED ON", "BASIS OF", "BUT"), a blank, a digit or a byte
    // beyond ASCII second, a lower-case second byte (which no upper-cased byte is), five pairs (too many to
    // scan eight at a time), and texts whose matches fall on and across every eight-byte step and at the end.
    let phraseSets: [[[UInt8]]] =
      [
        ["OUTSTANDING", "BASED ON", "BASED UPON", "BASIS OF"], ["BUT", "BASIS", "OU"], ["A 4", "13D", "ÉTÉ", "(A)"],
        ["PAGE", "PAX", "PBG", "POG", "PUG"], ["OUT", "OUS"],
      ].map { $0.map(ASCIIText.phrase) } + [[Array("Pa".utf8), ASCIIText.phrase("PB")], [Array("aB".utf8)]]
    let pieces = [
      "o", "O", "u", "ou", "OU", "outstanding", "Outstandin", "based", " on", " upon", "BaSiS", " of", "b", "ut", "a",
      "A", " ", "4", "13d", "é", "ÉtÉ", "(a)", "pa", "PA", "pAx", "pbg", "pug", "x", "\u{00A0}", "\t",
    ]
    // Each set made ready once, as a reader makes it, and asked of every text.
    let readySets = phraseSets.map(ASCIIText.PhraseSet.init)
    for (text, _) in TestSupport.pieceTexts(pieces, count: 600, maximumPieces: 12, seed: 0x5851_F42D_4C95_7F2D) {
      let string = String(decoding: text, as: UTF8.self)
      guard Array(string.utf8) == text else { continue }
      for (phrases, ready) in zip(phraseSets, readySets) {
        let any = phrases.contains { Reference.contains($0, in: text) }
        #expect(ASCIIText.containsAny(phrases, in: string) == any, "\(phrases) in \(string)")
        #expect(text.withUnsafeBufferPointer(ready.occurs) == any, "\(phrases) in \(string)")
      }
    }
  }

  @Test("a key byte read from the table adds to the key as the byte read itself does")
  func keyByteTableAgreesWithReadingTheByte() {
    for value in 0...255 {
      let byte = UInt8(value)
      var direct = KeyReader()
      direct.read(byte)
      var tabled = KeyReader()
      if KeyReader.keyByte[value] != 0 { tabled.read(key: KeyReader.keyByte[value]) }
      #expect(direct.window == tabled.window && direct.length == tabled.length && direct.digits == tabled.digits)
    }
  }

  @Test("the words after a word's start are those found from there on")
  func wordsFromAWordsStartAreTheWordsFoundFromThere() {
    // Seeded cells of captions, numbers, glued brackets and colons, row numbers with points, no-break spaces
    // and non-ASCII letters: every word start's suffix must be what a search from there finds.
    let pieces = [
      "SOLE", " ", "  ", "VOTING", "POWER", "(1)", "Names", "[1]", "NAME", ":", "0", "1.", "1,234", "\t", "é",
      "\u{00A0}", ")", "]", ".", "IN ROW", "(11)", "x", "-0-", "Alpha",
    ]
    var compared = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 600, maximumPieces: 12, seed: 29) {
      let cell = ASCIIText.trimmedRange(bytes, 0..<bytes.count)
      let words = RowCaptions.words(bytes, cell)
      for offset in cell {
        guard let suffix = words.suffix(from: offset) else {
          #expect(!words.found.contains { $0.range.lowerBound == offset })
          continue
        }
        let searched = RowCaptions.captionWords(bytes, offset..<cell.upperBound)
        #expect(suffix.found.map(\.range) == searched.found.map(\.range), "\(bytes) from \(offset)")
        #expect(suffix.found.map(\.key) == searched.found.map(\.key))
        #expect(suffix.found.map(\.singular) == searched.found.map(\.singular))
        compared += 1
      }
    }
    #expect(compared > 1000)
  }
}

/// The Character-based caption-word helpers as they were, to compare with.
private enum Reference {
  /// The caption vocabulary as a set of words.
  fileprivate static let vocabulary = Set(
    CaptionWords.vocabularyPhrases.flatMap { $0.split(separator: " ") }.map(normalized).filter {
      !$0.isEmpty && !$0.allSatisfy(\.isNumber)
    })
  /// The caption words no value holds: the vocabulary less the ordinary words.
  fileprivate static let distinctiveWords = vocabulary.subtracting(CaptionWords.ordinaryWords)

  /// Labels that introduce an identification number in row 1 ("TIN 12-3456789", "I.D. No.").
  fileprivate static let identificationLabels: Set<String> = [
    "TIN", "EIN", "SSN", "ID", "TAX", "IRS", "SS", "NO", "NOS",
  ]

  /// A word's key: its ASCII letters and digits, upper-cased.
  fileprivate static func normalized(_ word: Substring) -> String {
    var bytes: [UInt8] = []
    for byte in word.utf8 where ASCIIText.isLetter(byte) || ASCIIText.isDigit(byte) {
      bytes.append(ASCIIText.upper(byte))
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Classifies one blank-separated word.
  ///
  /// - Parameters:
  ///   - word: The word as printed.
  ///   - inName: Whether the word stands in row 1, where identification numbers and their labels occur.
  fileprivate static func classify(_ word: Substring, inName: Bool) -> CaptionWords.WordClass {
    let key = normalized(word)
    // A drawn checkbox ("[X]", "/x/", "[_]") belongs to the caption it stands in, like punctuation.
    if isDrawnCheckbox(word) { return .neutral }
    // A box label, "(a)" or "(b)", like the box it labels.
    if word.utf8.count == 3, word.hasPrefix("("), word.hasSuffix(")"), word.dropFirst().first?.isLetter == true {
      return .neutral
    }
    // A dash alone is a value ("none") in a row of numbers, never caption punctuation; in a name it is an
    // underline or a separator.
    if !word.isEmpty, word.allSatisfy({ $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" }) {
      return inName ? .neutral : .value
    }
    if key.isEmpty {
      // "#", "###-##-####" (a masked number), "-", ":".
      return word.utf8.filter { $0 == 0x23 }.count >= 5 ? .identificationNumber : .neutral
    }
    if inName, isIdentificationNumber(word) { return .identificationNumber }
    // "TAX ID #: N/A", "I.R.S. No.: None": no number to give is an identification all the same.
    if inName, word.uppercased() == "N/A" || key == "NONE" { return .identificationNumber }
    if inName, identificationLabels.contains(key) { return .distinctive }
    // A row reference such as "(11)" or "(9)" belongs to the caption it ends.
    if word.hasPrefix("("), word.hasSuffix(")"), key.allSatisfy(\.isNumber), key.count <= 2 { return .ordinary }
    if Self.distinctiveWords.contains(key) { return .distinctive }
    if Self.vocabulary.contains(key) { return .ordinary }
    return .value
  }

  /// Whether a word is a checkbox drawn with brackets or slashes, such as `[X]`, `[_]` or `/x/`.
  fileprivate static func isDrawnCheckbox(_ word: Substring) -> Bool {
    word.utf8.count <= 4 && word.utf8.contains(where: { $0 == 0x5B || $0 == 0x2F })
      && word.utf8.allSatisfy({ "[]/()_ xX".utf8.contains($0) })
  }

  /// Whether a word is a tax identification or social security number, or its mask: at least six digits
  /// (or `#`/`X` placeholders) and nothing but digits, dashes and those placeholders.
  fileprivate static func isIdentificationNumber(_ word: Substring) -> Bool {
    var symbols = 0
    for byte in word.utf8 {
      switch byte {
      case 0x30...0x39, 0x23, 0x58, 0x78: symbols += 1
      case 0x2D, 0x2E, 0x2C, 0x3A, 0x28, 0x29: continue  // - . , : ( )
      default: return false
      }
    }
    return symbols >= 6
  }

  /// The words of a text with their byte ranges.
  fileprivate static func words(_ text: String) -> [(word: Substring, range: Range<String.Index>)] {
    // Scans the UTF-8 bytes: a space, a tab or a no-break space (C2 A0) separates words.
    var result: [(Substring, Range<String.Index>)] = []
    let utf8 = text.utf8
    var start: String.Index?
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      var separatorLength = 0
      if byte == 0x20 || byte == 0x09 {
        separatorLength = 1
      } else if byte == 0xC2 {
        let next = utf8.index(after: index)
        if next < utf8.endIndex, utf8[next] == 0xA0 { separatorLength = 2 }
      }
      if separatorLength > 0 {
        if let wordStart = start {
          result.append((text[wordStart..<index], wordStart..<index))
          start = nil
        }
        index = utf8.index(index, offsetBy: separatorLength)
        continue
      }
      if start == nil { start = index }
      index = utf8.index(after: index)
    }
    if let wordStart = start { result.append((text[wordStart..<text.endIndex], wordStart..<text.endIndex)) }
    return result
  }

  /// Whether a text is nothing but caption words with at least one distinctive word, such as "S.S. or",
  /// "(entities only)" or "BENEFICIALLY OWNED BY": a caption's wrapped line, not a value.
  fileprivate static func isCaptionOnly(_ text: String) -> Bool {
    var sawDistinctive = false
    for word in words(text) {
      switch classify(word.word, inName: false) {
      case .value, .identificationNumber: return false
      case .distinctive: sawDistinctive = true
      case .neutral, .ordinary: continue
      }
    }
    return sawDistinctive
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
  fileprivate static func strip(_ text: String, inName: Bool, cutsOrdinaryWords: Bool) -> (
    text: String, cutFromStart: Int
  ) {
    let list = words(text)
    guard !list.isEmpty else { return (text, 0) }
    // Words are classified lazily, from each end inwards: most values need one or two classified.
    var baseClasses = [CaptionWords.WordClass?](repeating: nil, count: list.count)
    func base(_ index: Int) -> CaptionWords.WordClass {
      if let known = baseClasses[index] { return known }
      let kind = classify(list[index].word, inName: inName)
      baseClasses[index] = kind
      return kind
    }
    /// Whether two neighbouring words are one caption word broken in two ("BENEFICIALL Y"); only a long
    /// word: two initials ("S. S.") are a person's, not a broken "SS".
    func brokenWord(_ index: Int) -> Bool {
      guard index >= 0, index + 1 < list.count, base(index) == .value || base(index + 1) == .value else {
        return false
      }
      let joined = normalized(list[index].word) + normalized(list[index + 1].word)
      return joined.count >= 6 && Self.distinctiveWords.contains(joined)
    }
    var adjusted = [CaptionWords.WordClass?](repeating: nil, count: list.count)
    func classOf(_ index: Int) -> CaptionWords.WordClass {
      if let known = adjusted[index] { return known }
      var kind = base(index)
      // "IN ROW 11": a bare row number right after "ROW" ends the caption.
      if kind == .value, index > 0, normalized(list[index - 1].word) == "ROW",
        let number = Int(normalized(list[index].word)), (1...14).contains(number),
        list[index].word.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." || $0 == ")" })
      {
        kind = .ordinary
      }
      if brokenWord(index) || brokenWord(index - 1) { kind = .distinctive }
      adjusted[index] = kind
      return kind
    }
    func isCaptionLike(_ kind: CaptionWords.WordClass) -> Bool { kind != .value }
    func proves(_ run: Range<Int>) -> Bool {
      cutsOrdinaryWords || run.contains { classOf($0) == .distinctive || classOf($0) == .identificationNumber }
        || (inName && run.contains { isDrawnCheckbox(list[$0].word) })
    }
    var first = 0
    while first < list.count, isCaptionLike(classOf(first)) { first += 1 }
    // "(See Item 4)": "SEE" introduces a value, it does not end a caption.
    while first > 0, normalized(list[first - 1].word) == "SEE" { first -= 1 }
    if first > 0, !proves(0..<first) { first = 0 }
    // A name that begins with an article keeps it ("... (ENTITIES ONLY) THE FUND" -> "THE FUND").
    while first > 0, inName, ["THE", "A"].contains(normalized(list[first - 1].word)) { first -= 1 }
    var last = list.count
    while last > first, isCaptionLike(classOf(last - 1)) { last -= 1 }
    if last < list.count, !proves(last..<list.count) { last = list.count }
    // A run that only an identification number proves is cut from its first identifying word: the caption
    // words before it are the name's ("The Example Group - 12-3456789").
    if last < list.count, !cutsOrdinaryWords, !(last..<list.count).contains(where: { classOf($0) == .distinctive }),
      let identifying = (last..<list.count).first(where: { classOf($0) == .identificationNumber })
    {
      last = identifying
      while last > first, classOf(last - 1) == .neutral { last -= 1 }
    }
    guard first < last else { return ("", 0) }
    let start = list[first].range.lowerBound
    let end = list[last - 1].range.upperBound
    let kept = String(text[start..<end])
    return (kept, text.distance(from: text.startIndex, to: start))
  }
  /// The byte-by-byte phrase scans as they were.
  fileprivate static func contains(_ phrase: [UInt8], in buffer: [UInt8]) -> Bool {
    guard let first = phrase.first, buffer.count >= phrase.count else { return false }
    var index = 0
    let last = buffer.count - phrase.count
    while index <= last {
      if ASCIIText.upper(buffer[index]) == first {
        var offset = 1
        while offset < phrase.count && ASCIIText.upper(buffer[index + offset]) == phrase[offset] { offset += 1 }
        if offset == phrase.count { return true }
      }
      index += 1
    }
    return false
  }

  fileprivate static func find(_ phrase: [UInt8], in haystack: [UInt8], from: Int = 0) -> Range<Int>? {
    guard let first = phrase.first, haystack.count >= phrase.count else { return nil }
    var start = from
    while start < haystack.count {
      if ASCIIText.upper(haystack[start]) == first, let end = ASCIIText.matchLength(phrase, in: haystack, at: start) {
        let beginsWord = start == 0 || !ASCIIText.isLetter(haystack[start - 1])
        let endsWord =
          end == haystack.count || !ASCIIText.isLetter(haystack[end]) || !ASCIIText.isLetter(phrase[phrase.count - 1])
        if beginsWord && endsWord { return start..<end }
      }
      start += 1
    }
    return nil
  }
}
