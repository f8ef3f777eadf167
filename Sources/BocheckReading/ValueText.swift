import BocheckModel

/// The UTF-8 bytes of one value cell, with the scanning steps the value parsers share.
///
/// Values are short, so the cell is copied once into a byte array; every step after that works on byte
/// offsets, without regular expressions or Foundation searches. Blanks of every kind (no-break, en, figure
/// and thin spaces, tabs, line breaks) are turned into single ASCII spaces when the cell is built, so that
/// the steps only ever meet byte `0x20`.
struct ValueText {
  /// The cell's bytes, blanks normalised to single spaces and trimmed.
  let bytes: [UInt8]

  /// Creates the scanning form of a printed value.
  ///
  /// - Parameter text: The value as printed.
  init(_ text: String) {
    bytes = ValueText.normalizedBytes(text)
  }

  /// Creates the scanning form of bytes that are already normalised.
  ///
  /// - Parameter bytes: Bytes without runs of blanks or blanks at either end.
  init(normalized bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The value as text, blanks normalised.
  var text: String { ASCIIText.string(bytes, 0..<bytes.count) }

  /// The text of a byte range, with blanks at either end trimmed.
  ///
  /// - Parameter range: A range of offsets into ``bytes``.
  func text(_ range: Range<Int>) -> String {
    ASCIIText.string(bytes, ASCIIText.trimmedRange(bytes, range))
  }

  /// The bytes of a text with every blank turned into one space and the ends trimmed.
  ///
  /// Plain ASCII text without doubled blanks is returned as it is; anything else is rebuilt scalar by
  /// scalar, because the blanks that conversions leave behind (U+00A0, U+2002, U+2007, U+2009, ...) are
  /// several bytes long.
  ///
  /// - Parameter text: The text as printed.
  /// - Returns: Its UTF-8 bytes, normalised.
  static func normalizedBytes(_ text: String) -> [UInt8] {
    let ascii = ASCIIText.withUTF8(text) { bytes -> [UInt8]? in
      if isNormalizedASCII(bytes) { return Array(bytes) }
      // Other text beyond ASCII is rebuilt scalar by scalar below.
      guard ByteWord.isASCII(bytes) else { return nil }
      // ASCII blanks collapsed straight into an array of the text's length: every space written stands for a
      // blank read.
      return collapsingBlanks(
        bytes, capacity: bytes.count, isBlank: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
      ) { byte, result, written in
        result[written] = byte
        written += 1
      }
    }
    if let ascii { return ascii }
    // A scalar is written in as many bytes as it is read from, a blank in one: the text's length is room enough.
    return collapsingBlanks(text.unicodeScalars, capacity: text.utf8.count, isBlank: isBlank) {
      scalar, result, written in
      if scalar.isASCII {
        result[written] = UInt8(scalar.value)
        written += 1
      } else {
        UTF8.encode(scalar) { byte in
          result[written] = byte
          written += 1
        }
      }
    }
  }

  /// The UTF-8 bytes of a text read unit by unit (bytes or scalars), its runs of blanks collapsed into one space
  /// and none kept at either end, written straight into an array made at `capacity`.
  ///
  /// - Parameters:
  ///   - units: The text's units, in order.
  ///   - capacity: Room enough for the bytes written: a unit is written in no more bytes than it was read from.
  ///   - isBlank: Whether a unit is a blank.
  ///   - write: Writes a unit that is not a blank at `written` in `result`, and moves `written` past it.
  @inline(__always)
  private static func collapsingBlanks<Units: Sequence>(
    _ units: Units, capacity: Int, isBlank: (Units.Element) -> Bool,
    write: (Units.Element, _ result: UnsafeMutableBufferPointer<UInt8>, _ written: inout Int) -> Void
  ) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: capacity) { result, count in
      var written = 0
      var pendingBlank = false
      for unit in units {
        if isBlank(unit) {
          pendingBlank = written > 0
          continue
        }
        if pendingBlank {
          result[written] = 0x20
          written += 1
        }
        pendingBlank = false
        write(unit, result, &written)
      }
      count = written
    }
  }

  /// Whether a scalar is a blank when a text is rebuilt scalar by scalar: Unicode white space, the zero-width
  /// space or the byte-order mark. An ASCII scalar is told without looking up its Unicode properties
  /// (``ASCIIText/isWhiteSpace(_:)``).
  @inline(__always)
  static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return ASCIIText.isWhiteSpace(UInt8(scalar.value)) }
    return scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
  }

  /// Whether a text is ASCII already in the normalised form: no tab or line break, no blank at either end,
  /// no two blanks in a row (most printed values), so that its bytes can be copied as they are.
  ///
  /// - Parameter bytes: The text's UTF-8 bytes.
  private static func isNormalizedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
    var previous: UInt8 = 0
    for byte in bytes {
      // Printable ASCII other than the space, most bytes, is told with two comparisons.
      if byte <= 0x20 || byte >= 0x80,
        byte >= 0x80 || byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previous == 0x20)
      {
        return false
      }
      previous = byte
    }
    return true
  }

  // MARK: Numbers

  /// A number as printed: where it stands and what it reads as.
  struct Number {
    /// The offsets of the number's own characters (markers and trailing punctuation excluded).
    var range: Range<Int>
    /// The value, or `nil` when the characters look like a number but are not a well-formed one.
    var value: ExactDecimal?
    /// The offset just after the number and the markers glued to it.
    var end: Int
  }

  /// Reads the number that starts at `start`: `1,250,000`, `6,606,805.7`, `.4`, `-0-`, `1 234 567`.
  ///
  /// The number is a run of digits with thousands commas and one decimal point. A number printed with
  /// single spaces between groups of three digits is read whole. `-0-` and `- 0 -` read as zero. A run of
  /// letters and digits glued to the number (`1,0l9,531`, `10O`) makes it malformed: its value is `nil`
  /// and its range covers the whole run, so that a message can quote it. A sentence's point or comma after
  /// the number is not part of it.
  ///
  /// - Parameter start: The offset to read at.
  /// - Returns: `nil` when no number starts there.
  func number(at start: Int) -> Number? {
    guard start < bytes.count else { return nil }
    if let zero = dashedZero(at: start) { return Number(range: start..<zero, value: ExactDecimal(0), end: zero) }
    var end = start
    var sawDigit = false
    while end < bytes.count {
      let byte = bytes[end]
      if ASCIIText.isDigit(byte) {
        sawDigit = true
      } else if byte == 0x2C || byte == 0x2E {
        // A comma or point belongs to the number only between digits.
        guard end + 1 < bytes.count, ASCIIText.isDigit(bytes[end + 1]) else { break }
        if byte == 0x2C && !sawDigit { break }
      } else {
        break
      }
      end += 1
    }
    guard sawDigit else { return nil }
    // Groups of three digits after single spaces: "1 234 567" (not after a comma-grouped number).
    if !bytes[start..<end].contains(0x2C) && !bytes[start..<end].contains(0x2E) && end - start <= 3 {
      var grouped = end
      while grouped + 4 <= bytes.count, bytes[grouped] == 0x20,
        bytes[(grouped + 1)..<(grouped + 4)].allSatisfy(ASCIIText.isDigit),
        grouped + 4 == bytes.count || !ASCIIText.isDigit(bytes[grouped + 4])
      {
        grouped += 4
      }
      if grouped > end {
        let digits = bytes[start..<grouped].filter { $0 != 0x20 }
        return Number(
          range: start..<grouped, value: digits.withUnsafeBufferPointer(ExactDecimal.parse(bytes:)), end: grouped)
      }
    }
    // Letters or digits glued on: a garbled number, unless the glued word is "shares".
    if end < bytes.count, ASCIIText.isLetter(bytes[end]) || bytes[end] == 0x2C || bytes[end] == 0x2E {
      var glued = end
      while glued < bytes.count, bytes[glued] != 0x20, !ValueText.isMarkerStart(bytes[glued]) { glued += 1 }
      let tail = bytes[end..<glued]
      let onlyPunctuation = tail.allSatisfy { $0 == 0x2C || $0 == 0x2E || $0 == 0x3B || $0 == 0x3A }
      let isUnit = ASCIIText.matchLength(ValueText.sharesWord, in: bytes, at: end) != nil
      if !onlyPunctuation && !isUnit {
        return Number(range: start..<glued, value: nil, end: glued)
      }
    }
    // ".4" is printed for 0.4, read with a "0" before its point; any other number is read on its bytes in place,
    // no text made of them.
    let value =
      bytes[start] == 0x2E
      ? ExactDecimal.parse("0" + ASCIIText.string(bytes, start..<end))
      : bytes.withUnsafeBufferPointer { ExactDecimal.parse(bytes: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    return Number(range: start..<end, value: value, end: end)
  }

  private static let sharesWord = ASCIIText.phrase("SHARE")

  /// The end of a dashed zero (`-0-`, `- 0 -`) at `start`, or `nil`.
  private func dashedZero(at start: Int) -> Int? {
    guard bytes[start] == 0x2D else { return nil }
    var position = start + 1
    if position < bytes.count, bytes[position] == 0x20 { position += 1 }
    guard position < bytes.count, bytes[position] == 0x30 else { return nil }
    position += 1
    if position < bytes.count, bytes[position] == 0x20 { position += 1 }
    guard position < bytes.count, bytes[position] == 0x2D else { return nil }
    return position + 1
  }

  // MARK: Footnote markers

  /// Whether a byte can begin a footnote marker: `(`, `[`, `*`, or the first byte of `†`/`‡` (U+2020/1).
  static func isMarkerStart(_ byte: UInt8) -> Bool {
    byte == 0x28 || byte == 0x5B || byte == 0x2A || byte == 0xE2
  }

  /// Reads one footnote marker at `start`: `(1)`, `(a)`, `[2]`, `*`, `**`, `†`, `‡`, `†‡`.
  ///
  /// A bracketed marker holds one to three letters or digits; a longer bracket is a remark, not a marker.
  ///
  /// - Parameter start: The offset to read at.
  /// - Returns: The marker without brackets and the offset after it, or `nil`.
  func marker(at start: Int) -> (marker: String, end: Int)? {
    guard start < bytes.count else { return nil }
    let byte = bytes[start]
    if byte == 0x2A {
      var end = start
      while end < bytes.count && bytes[end] == 0x2A { end += 1 }
      return (ASCIIText.string(bytes, start..<end), end)
    }
    if byte == 0xE2 {
      var end = start
      while end + 2 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80,
        bytes[end + 2] == 0xA0 || bytes[end + 2] == 0xA1
      {
        end += 3
      }
      return end > start ? (ASCIIText.string(bytes, start..<end), end) : nil
    }
    guard byte == 0x28 || byte == 0x5B else { return nil }
    let close: UInt8 = byte == 0x28 ? 0x29 : 0x5D
    var end = start + 1
    while end < bytes.count, end - start <= 4, ASCIIText.isLetter(bytes[end]) || ASCIIText.isDigit(bytes[end]) {
      end += 1
    }
    guard end > start + 1, end - start <= 4, end < bytes.count, bytes[end] == close else { return nil }
    return (ASCIIText.string(bytes, (start + 1)..<end), end + 1)
  }

  /// Reads the footnote markers that follow a value from `start`: glued or after one blank, and a lone
  /// superscript digit flattened into `1,152,228 1` when nothing but markers or the end follows it.
  ///
  /// - Parameter start: The offset just after the value.
  /// - Returns: The markers in printed order and the offset after the last one.
  func markers(after start: Int) -> (markers: [String], end: Int) {
    var found: [String] = []
    var position = start
    while true {
      var next = position
      if next < bytes.count, bytes[next] == 0x20 { next += 1 }
      if let marker = marker(at: next) {
        found.append(marker.marker)
        position = marker.end
        continue
      }
      // A superscript digit printed as a separate small number: one or two digits after one blank, then
      // the end, a blank before words, or another marker.
      if next == position + 1, next < bytes.count, ASCIIText.isDigit(bytes[next]), bytes[next] != 0x30 {
        var end = next
        while end < bytes.count, ASCIIText.isDigit(bytes[end]) { end += 1 }
        let endsToken = end == bytes.count || bytes[end] == 0x20 || ValueText.isMarkerStart(bytes[end])
        let numberFollows = end + 1 < bytes.count && bytes[end] == 0x20 && ASCIIText.isDigit(bytes[end + 1])
        if end - next <= 2, endsToken, !numberFollows {
          found.append(ASCIIText.string(bytes, next..<end))
          position = end
          continue
        }
      }
      break
    }
    return (found, position)
  }

  /// Reads the footnote markers and blanks a value starts with, such as `† 41.2%` or `(1) 1,234`.
  ///
  /// - Parameter start: The offset to read at.
  /// - Returns: The markers and the offset of what follows them.
  func leadingMarkers(from start: Int) -> (markers: [String], end: Int) {
    var found: [String] = []
    var position = start
    while let marker = marker(at: position) {
      // A bracket is a marker only when a value follows it.
      let next = ASCIIText.skipBlanks(bytes, from: marker.end)
      guard next < bytes.count else { break }
      found.append(marker.marker)
      position = next
    }
    return (found, position)
  }

  // MARK: Words

  /// Whether the bytes from `start` to the end, ignoring case, are exactly one of the phrases.
  ///
  /// - Parameters:
  ///   - phrases: Upper-case phrases.
  ///   - start: The offset to compare from.
  ///   - end: The offset to compare to.
  func isExactly(oneOf phrases: [[UInt8]], from start: Int, to end: Int) -> Bool {
    phrases.contains { phrase in ASCIIText.matchLength(phrase, in: bytes, at: start, end: end) == end }
  }

  /// The offset after a leading phrase, ignoring case, or `nil` when the text does not start with it there.
  ///
  /// The phrase must end at a word boundary.
  ///
  /// - Parameters:
  ///   - phrase: An upper-case phrase.
  ///   - start: The offset where it must begin.
  func after(_ phrase: [UInt8], at start: Int) -> Int? {
    guard let end = ASCIIText.matchLength(phrase, in: bytes, at: start) else { return nil }
    if end < bytes.count, ASCIIText.isLetter(bytes[end]), let last = phrase.last, ASCIIText.isLetter(last) {
      return nil
    }
    return end
  }

  /// The first occurrence of a phrase at or after `from`, on word boundaries, ignoring case.
  func find(_ phrase: [UInt8], from: Int = 0) -> Range<Int>? {
    ASCIIText.find(phrase, in: bytes, from: from)
  }

  /// Every occurrence of a set of phrases, on word boundaries, ignoring case, found in one pass over the bytes.
  ///
  /// A phrase's occurrences do not overlap one another: each is looked for from the end of the one before,
  /// as ``find(_:from:)`` called again from there finds them. Only the starts of words are tried, and at each
  /// only the phrases whose first word has the word's first letter and its length (``PhrasesByInitial``).
  ///
  /// - Parameter set: The phrases, each starting with a letter.
  /// - Returns: The occurrences in order of their starts (at one start, in the order of the set's phrases),
  ///   each with the index of its phrase in the set.
  func occurrences(of set: PhraseSet) -> [(range: Range<Int>, phrase: Int)] {
    let bytes = self.bytes
    let table = set.byInitial
    var found: [(range: Range<Int>, phrase: Int)] = []
    // Where each phrase is next looked for: on the stack, no list made for it.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: table.phrases.count) { searchFrom in
      searchFrom.initialize(repeating: 0)
      var start = 0
      while start < bytes.count {
        guard ASCIIText.isLetter(bytes[start]) else {
          start += 1
          continue
        }
        // A word starts here: a match must not begin inside one.
        var wordEnd = start + 1
        while wordEnd < bytes.count && ASCIIText.isLetter(bytes[wordEnd]) { wordEnd += 1 }
        // Nor end inside one: a phrase's first word is the whole word or no match. A word of a length no
        // first word of its letter has is passed over at once.
        let letter = Int(ASCIIText.upper(bytes[start]) - 0x41)
        guard table.mayStart(letter: letter, length: wordEnd - start) else {
          start = wordEnd
          continue
        }
        for position in table.candidates(letter: letter) {
          let index = table.byFirstLetter[position]
          guard start >= searchFrom[index] && table.mayStart(index, length: wordEnd - start),
            let end = ASCIIText.matchLength(table.phrases[index], in: bytes, at: start),
            end == bytes.count || !ASCIIText.isLetter(bytes[end])
          else { continue }
          found.append((start..<end, index))
          searchFrom[index] = end
        }
        start = wordEnd
      }
    }
    return found
  }
}

/// Upper-case phrases looked for together (``ValueText/occurrences(of:)``), each matched as whole words.
struct PhraseSet {
  /// The phrases filed by their first letters, once, when the set is made; a printed word starts a phrase only
  /// when it is the phrase's whole first word.
  let byInitial: PhrasesByInitial

  /// The phrases: upper-case words of ASCII letters, separated by single spaces.
  var phrases: [[UInt8]] { byInitial.phrases }

  /// Makes a set of phrases.
  ///
  /// - Parameter phrases: Upper-case phrases (``ASCIIText/phrase(_:)``) of words of letters separated by
  ///   single spaces.
  init(_ phrases: [[UInt8]]) {
    precondition(
      phrases.allSatisfy { phrase in
        phrase.first.map(ASCIIText.isLetter) == true && phrase.last.map(ASCIIText.isLetter) == true
          && phrase.allSatisfy { (0x41...0x5A).contains($0) || $0 == 0x20 }
          && !zip(phrase, phrase.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
      })
    byInitial = PhrasesByInitial(phrases, matchingWordStarts: false)
  }
}

/// Upper-case phrases filed by their first letters, with the lengths a printed word that starts one of them
/// may have: the building block of a search that tries, at each word it meets, only the phrases the word's
/// letter and length allow.
///
/// A phrase's first word is matched whole when the phrase has more words (a space follows it); a phrase of one
/// word is matched whole too, or, in a table matching word starts, as the start of a longer printed word
/// ("SHARE" in "shares").
struct PhrasesByInitial {
  /// The phrases: upper-case words that start with an ASCII letter, separated by single spaces.
  let phrases: [[UInt8]]
  /// The indices of the phrases, those starting with A first, then B, and so on to Z, in order within a letter.
  let byFirstLetter: [Int]
  /// For each letter from A to Z, where its phrases start in ``byFirstLetter``, and after Z where they end:
  /// the phrases of letter `n` are at `letterStarts[n]..<letterStarts[n + 1]`.
  let letterStarts: [Int]
  /// The number of letters of each phrase's first word.
  let firstWordLengths: [Int]
  /// Whether each phrase, being one word in a table matching word starts, starts printed words longer than it.
  let startsLongerWords: [Bool]
  /// For each letter from A to Z, the lengths of the printed words that may start one of its phrases, as bits
  /// (``lengthBit(_:)``): a printed word whose length's bit is not set starts none of them.
  let wordLengthMasks: [UInt64]

  /// The bit that stands for a word's length in ``wordLengthMasks``: bit `length`, the last bit for every length
  /// of 63 letters or more.
  ///
  /// - Parameter length: A word's length, in letters.
  @inline(__always)
  static func lengthBit(_ length: Int) -> UInt64 {
    1 << UInt64(min(length, 63))
  }

  /// Files phrases by their first letters.
  ///
  /// - Parameters:
  ///   - phrases: Upper-case phrases (``ASCIIText/phrase(_:)``), each starting with a letter.
  ///   - matchingWordStarts: Whether a phrase of one word starts the printed words it begins, longer ones too.
  init(_ phrases: [[UInt8]], matchingWordStarts: Bool) {
    precondition(phrases.allSatisfy { phrase in phrase.first.map { (0x41...0x5A).contains($0) } == true })
    self.phrases = phrases
    firstWordLengths = phrases.map { phrase in phrase.prefix(while: ASCIIText.isLetter).count }
    startsLongerWords = phrases.map { phrase in matchingWordStarts && !phrase.contains(0x20) }
    var masks = [UInt64](repeating: 0, count: 26)
    for index in phrases.indices {
      let bit = Self.lengthBit(firstWordLengths[index])
      // A word start's bit and every longer length's.
      masks[Int(phrases[index][0] - 0x41)] |= startsLongerWords[index] ? ~(bit - 1) : bit
    }
    wordLengthMasks = masks
    // A stable sort: phrases of one letter keep their order.
    byFirstLetter = phrases.indices.sorted { (phrases[$0][0], $0) < (phrases[$1][0], $1) }
    var letterStarts = [Int](repeating: 0, count: 27)
    for phrase in phrases { letterStarts[Int(phrase[0] - 0x41) + 1] += 1 }
    for letter in 0..<26 { letterStarts[letter + 1] += letterStarts[letter] }
    self.letterStarts = letterStarts
  }

  /// Whether a printed word may start one of the phrases of its first letter, told by its length alone.
  ///
  /// - Parameters:
  ///   - letter: The word's first letter, 0 for A to 25 for Z.
  ///   - length: The word's length, in letters.
  @inline(__always)
  func mayStart(letter: Int, length: Int) -> Bool {
    wordLengthMasks[letter] & Self.lengthBit(length) != 0
  }

  /// Whether a printed word of `length` letters may start a phrase, told by their lengths alone: the phrase's
  /// first word has as many letters, or, starting longer words, no more.
  ///
  /// - Parameters:
  ///   - index: The phrase's index in ``phrases``.
  ///   - length: The word's length, in letters.
  @inline(__always)
  func mayStart(_ index: Int, length: Int) -> Bool {
    startsLongerWords[index] ? firstWordLengths[index] <= length : firstWordLengths[index] == length
  }

  /// Where the indices of the phrases that start with a letter stand in ``byFirstLetter``, in order: a range of
  /// positions, read without a slice of the list being made.
  ///
  /// - Parameter letter: The letter, 0 for A to 25 for Z.
  @inline(__always)
  func candidates(letter: Int) -> Range<Int> {
    letterStarts[letter]..<letterStarts[letter + 1]
  }
}
