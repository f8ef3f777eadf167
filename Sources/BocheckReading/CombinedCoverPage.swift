import BocheckModel

/// One cover page that lists several reporting persons, each row giving a line per person.
///
/// Some filings print a single cover page for a whole group: row 1 lists the persons under labels ("(i)
/// Jane Roe", "(ii) John Roe"), and every later row gives one line per person, by name ("(i) Jane Roe
/// U.S.A."), or a small table whose first column names the person ("Jane Roe . . . . 1,000   2,000"). Such
/// a page is read as one cover page per person: each row takes the value on that person's line (the first
/// column of a table, which belongs to the class the page's CUSIP names), and a row that names nobody
/// gives its one value to every person. Lines that name nobody in a row that has per-person lines
/// (column headings, a group total) are not values.
extension CoverPageAssembler {
  /// The persons a name row lists under labels, when it lists at least two; `nil` for an ordinary page.
  ///
  /// - Parameter slot: The page's row 1 slot.
  static func combinedPersons(_ slot: CaptionSlot) -> [String]? {
    // Two names take two fragments at least: a name row of one (the commonest) lists no group, told without
    // its lines being joined or its label looked for.
    guard slot.field == .reportingPersonName, slot.fragments.count >= 2 else { return nil }
    var names: [String] = []
    for line in linesOf(slot) {
      guard let (label, rest) = splitListLabel(line.text), !label.isEmpty else { return nil }
      let name = rest.trimmingBlanks()
      guard !name.isEmpty else { return nil }
      names.append(name)
    }
    // Matching every line against every listed name is quadratic: a page lists a group, not thousands.
    return names.count >= 2 && names.count <= maximumPersons ? names : nil
  }

  /// The most persons one combined page is read for.
  static let maximumPersons = 100

  /// The fragments of a slot joined line by line, in order.
  static func linesOf(_ slot: CaptionSlot) -> [ValueFragment] {
    var lines: [ValueFragment] = []
    for fragment in slot.fragments where !fragment.text.trimmingBlanks().isEmpty {
      if let last = lines.last, last.line == fragment.line {
        lines[lines.count - 1].text += "   " + fragment.text
      } else {
        lines.append(fragment)
      }
    }
    return lines
  }

  /// A list label such as "(i)", "(iv)", "(a)" or "1." at the start of a text, and the text after it.
  ///
  /// The label is the text's first word (up to a space or a tab, blanks at the ends dropped); it ends with a
  /// bracket or a point, and without the brackets and points at its ends it is a Roman numeral of up to five
  /// letters, a letter or a number of up to two digits. The rest keeps the blank after the label.
  static func splitListLabel(_ text: String) -> (label: String, rest: Substring)? {
    let trimmed = Substring(text.trimmingBlanks())
    // An ASCII text is read on its bytes, each a character; any other by characters.
    let asciiLabel = trimmed.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
      ByteWord.isASCII(bytes) ? .some(listLabelLength(ofASCII: bytes)) : nil
    }
    guard let asciiLabel = asciiLabel ?? nil else { return splitListLabelByCharacters(trimmed) }
    guard let length = asciiLabel else { return nil }
    let space = trimmed.utf8.index(trimmed.startIndex, offsetBy: length)
    return (String(trimmed[..<space]), trimmed[space...])
  }

  /// The length in bytes of the list label an ASCII text starts with, as ``splitListLabel(_:)`` reads it, or
  /// `nil` when it starts with none.
  ///
  /// - Parameter bytes: The text's bytes, ASCII, without blanks at its ends.
  private static func listLabelLength(ofASCII bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let space = bytes.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }), space > 0,
      bytes[space - 1] == 0x29 || bytes[space - 1] == 0x2E
    else { return nil }
    // The label without the brackets and points at its ends.
    let innerRange = ASCIIText.trimmedRange(bytes, 0..<space) { $0 == 0x28 || $0 == 0x29 || $0 == 0x2E }
    let inner = UnsafeBufferPointer(rebasing: bytes[innerRange])
    let isRoman = (1...5).contains(inner.count) && inner.allSatisfy { Self.romanNumeralBytes.contains($0) }
    let isLetter = inner.count == 1 && ASCIIText.isLetter(inner[0])
    let isNumber = (1...2).contains(inner.count) && inner.allSatisfy(ASCIIText.isDigit)
    return isRoman || isLetter || isNumber ? space : nil
  }

  /// The letters of the Roman numerals a list label may be, in both cases, as bytes.
  private static let romanNumeralBytes = Array(romanNumeralLetters.utf8)

  /// The letters of the Roman numerals a list label may be, in both cases.
  private static let romanNumeralLetters = "ivxlIVXL"

  /// ``splitListLabel(_:)`` read character by character, for a text that is not ASCII.
  ///
  /// - Parameter trimmed: The text without blanks at its ends.
  static func splitListLabelByCharacters(_ trimmed: Substring) -> (label: String, rest: Substring)? {
    guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
    let label = trimmed[..<space]
    let inner = label.trimmingCharacters(in: "().")
    let isRoman = !inner.isEmpty && inner.count <= 5 && inner.allSatisfy { romanNumeralLetters.contains($0) }
    let isLetter = inner.count == 1 && inner.first!.isLetter
    let isNumber = !inner.isEmpty && inner.count <= 2 && inner.allSatisfy(\.isNumber)
    guard label.hasSuffix(")") || label.hasSuffix("."), isRoman || isLetter || isNumber else { return nil }
    return (String(label), trimmed[space...])
  }

  /// The pages a combined page stands for: one per listed person, rows taken from each person's line.
  ///
  /// - Parameters:
  ///   - slots: The combined page's slots, row 1 first.
  ///   - persons: The persons row 1 lists, in order.
  ///   - firstIndex: The 1-based index the first person's page gets.
  ///   - line: The 1-based line where the combined page starts.
  ///   - cusip: The CUSIP printed on the page.
  func splitCombined(
    _ slots: [CaptionSlot], persons: [String], firstIndex: Int, line: Int, cusip: String?,
    notes: inout [ReaderNote]
  ) -> [CoverPage] {
    let listed = ListedPersons(persons)
    var perPerson = [[CaptionSlot]](repeating: [], count: persons.count)
    for slot in slots {
      var own = [[ValueFragment]](repeating: [], count: persons.count)
      var shared: [ValueFragment] = []
      for lineFragment in Self.linesOf(slot) {
        if let (index, rest) = Self.person(named: lineFragment, among: listed) {
          var value = lineFragment
          value.text = Self.firstColumn(rest, numeric: [.amount, .percent].contains(slot.field.valueKind))
          value.column = lineFragment.column
          own[index].append(value)
        } else {
          shared.append(lineFragment)
        }
      }
      let named = own.contains { !$0.isEmpty }
      for index in persons.indices {
        var copy = slot
        if slot.field == .reportingPersonName {
          // The name was read from these fragments, so its bytes stand in the one it came from.
          let line = slot.fragments.first { ASCIIText.firstOccurrence(of: persons[index], in: $0.text) != nil }
          copy.fragments = [
            ValueFragment(
              text: persons[index], line: line?.line ?? slot.line, column: line?.column ?? slot.column,
              marker: nil, isInline: false)
          ]
        } else {
          // Lines that name nobody beside per-person lines are headings or totals, not values.
          copy.fragments = named ? own[index] : shared
        }
        perPerson[index].append(copy)
      }
    }
    return persons.indices.map { index in
      // Room for every row of a page at once, rather than growing (and rehashing) row by row.
      var rows: [RowField: Row] = [:]
      rows.reserveCapacity(RowField.allCases.count)
      assignRows(perPerson[index], page: firstIndex + index, into: &rows, notes: &notes)
      return CoverPage(index: firstIndex + index, line: line, rows: rows, cusip: cusip)
    }
  }

  /// The persons a combined page lists, with what matching a line against each of them needs, computed once.
  private final class ListedPersons {
    /// The names as listed.
    let names: [String]
    /// Each name's key.
    let keys: [String]
    /// Each name's length in characters.
    let lengths: [Int]
    /// The longest name's length in characters.
    let longest: Int
    /// The names' indices, the longest name first, names of one length in the order listed: the first of them
    /// that a line starts with is the one it names.
    let longestFirst: [Int]

    /// The name keys of the texts that lines' starts were matched as: every row of the page starts its lines
    /// with the same names, so the same starts are matched row after row.
    private var startKeys = StartKeys()

    init(_ names: [String]) {
      self.names = names
      keys = names.map { NameKey($0).text }
      lengths = names.map(\.count)
      longest = lengths.max() ?? 0
      longestFirst = names.indices.sorted { [lengths] in (lengths[$0], $1) > (lengths[$1], $0) }
    }

    /// The name key (``NameKey``) of a text's start, worked out once per distinct start.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - end: Where the start ends, an index of `text`.
    func key(of text: Substring, upTo end: String.Index) -> String {
      startKeys.key(of: text[..<end])
    }

    /// The name keys of texts, each worked out once, read and written in one access per text (a class's stored
    /// property is checked for exclusive access at each use; a struct's own properties are not).
    private struct StartKeys {
      /// The texts met, numbered by their bytes (``NumberedTexts``).
      private var texts = NumberedTexts()
      /// The name key of each text, by its number.
      private var keys: [String] = []

      /// The name key (``NameKey``) of a text.
      mutating func key(of text: Substring) -> String {
        let number = ASCIIText.withUTF8(text) { bytes in texts.number(of: 0..<bytes.count, in: bytes) }
        if number == keys.count { keys.append(NameKey(String(text)).text) }
        return keys[number]
      }
    }
  }

  /// The person a line names (the longest listed name it starts with, after its label), and the rest.
  private static func person(named fragment: ValueFragment, among listed: ListedPersons) -> (Int, Substring)? {
    let whole = Substring(fragment.text.trimmingBlanks())
    // "C. Nina Roe" starts with what looks like a label: try the line as printed first.
    if let found = person(in: whole, among: listed) { return found }
    guard let (_, rest) = splitListLabel(String(whole)) else { return nil }
    return person(in: Substring(rest.trimmingBlanks()), among: listed)
  }

  /// The longest listed name `text` starts with, and the rest of the text.
  private static func person(in text: Substring, among listed: ListedPersons) -> (Int, Substring)? {
    // Where each prefix ends, up to the longest listed name.
    let ends = characterEnds(of: text, upTo: listed.longest)
    // The longest names are tried first: the first one the text starts with is the longest, and no shorter
    // name's start is looked up after it. Names of one length follow one another, and share the key of the
    // text's start of that length, looked up once for them.
    var keyedLength = -1
    var startKey = ""
    for index in listed.longestFirst where listed.lengths[index] < ends.count {
      let length = listed.lengths[index]
      if length != keyedLength {
        startKey = listed.key(of: text, upTo: ends[length])
        keyedLength = length
      }
      if startKey == listed.keys[index] { return (index, text[ends[length]...]) }
    }
    return nil
  }

  /// Where each of a text's first characters ends, the text's start first: `count + 1` indices, or one more
  /// than the text has characters when it has fewer.
  ///
  /// When the bytes up to there and the one after are ASCII other than a carriage return, each byte is a
  /// character and the ends are taken at byte offsets; otherwise the characters are walked one by one.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - count: The most characters whose ends are wanted.
  private static func characterEnds(of text: Substring, upTo count: Int) -> [String.Index] {
    let utf8 = text.utf8
    let eachByteACharacter =
      utf8.withContiguousStorageIfAvailable { bytes in
        let read = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, count + 1)])
        return ByteWord.isASCII(read) && !read.contains(0x0D)
      } ?? false
    if eachByteACharacter {
      return (0...min(count, utf8.count)).map { utf8.index(text.startIndex, offsetBy: $0) }
    }
    var ends = [text.startIndex]
    ends.reserveCapacity(count + 1)
    while ends.count <= count, let last = ends.last, last < text.endIndex {
      ends.append(text.index(after: last))
    }
    return ends
  }

  /// The value in the first column after a person's name: footnote marks and dot leaders dropped.
  ///
  /// An ASCII text without a carriage return is read on its bytes, each a character; any other by characters.
  static func firstColumn(_ rest: Substring, numeric: Bool) -> String {
    let ascii = rest.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      guard ASCIIText.isASCII(bytes), !bytes.contains(0x0D) else { return nil }
      return firstColumn(ofASCII: bytes, numeric: numeric)
    }
    if let ascii = ascii ?? nil { return ascii }
    return firstColumnByCharacters(rest, numeric: numeric)
  }

  /// ``firstColumn(_:numeric:)`` read on the bytes of an ASCII text without a carriage return.
  ///
  /// - Parameters:
  ///   - bytes: The text's bytes.
  ///   - numeric: Whether the row holds numbers, whose value is the column's first word.
  private static func firstColumn(ofASCII bytes: UnsafeBufferPointer<UInt8>, numeric: Bool) -> String {
    var range = LineBytes.trimmedRange(bytes)
    // A footnote mark glued to the name ("(1)"): its closing parenthesis among the first four characters.
    if range.count > 0, bytes[range.lowerBound] == 0x28,
      let close = bytes[range].firstIndex(of: 0x29), close - range.lowerBound <= 3
    {
      let after = LineBytes.trimmedRange(UnsafeBufferPointer(rebasing: bytes[(close + 1)..<range.upperBound]))
      range = (close + 1 + after.lowerBound)..<(close + 1 + after.upperBound)
    }
    // Dot leaders, but not the point of a number such as ".4".
    var start = range.lowerBound
    let end = range.upperBound
    while start < end,
      bytes[start] == 0x20 || (bytes[start] == 0x2E && !(start + 1 < end && ASCIIText.isDigit(bytes[start + 1])))
    {
      start += 1
    }
    if numeric {
      // The first word: the bytes up to a blank, after any blanks.
      while start < end, ASCIIText.isBlank(bytes[start]) { start += 1 }
      var stop = start
      while stop < end, !ASCIIText.isBlank(bytes[stop]) { stop += 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// ``firstColumn(_:numeric:)`` read character by character, for a text that is not ASCII.
  static func firstColumnByCharacters(_ rest: Substring, numeric: Bool) -> String {
    var text = rest.trimmingBlanks()
    // A footnote mark glued to the name ("(1)") and the dot leaders of a table.
    if text.hasPrefix("("), let close = text.firstIndex(of: ")"), text.distance(from: text.startIndex, to: close) <= 3 {
      text = String(text[text.index(after: close)...]).trimmingBlanks()
    }
    // Dot leaders (". . . ."), but not the point of a number such as ".4": skipped, then cut off once.
    var start = text.startIndex
    while start < text.endIndex {
      let first = text[start]
      let next = text.index(after: start)
      guard first == " " || (first == "." && !(next < text.endIndex && text[next].isNumber)) else { break }
      start = next
    }
    guard numeric else { return String(text[start...]) }
    // The first word: the characters up to a blank, after any blanks.
    let isBlank = { (character: Character) in character == " " || character == "\t" }
    return String(text[start...].drop(while: isBlank).prefix { !isBlank($0) })
  }
}
