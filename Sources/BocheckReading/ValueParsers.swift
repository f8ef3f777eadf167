import BocheckModel

/// The result of reading one row's value text.
enum ParsedValue: Equatable {
  /// The value was read.
  case value(RowValue)
  /// The text is there but cannot be read; the string says why.
  case malformed(String)
  /// There is nothing to read.
  case empty
}

/// Parsers for the values of cover-page rows, one per kind of row.
enum ValueParsers {
  /// Parses a row's value text according to the kind of value the row holds.
  ///
  /// - Parameters:
  ///   - text: The value as printed, wrapped lines joined by single spaces.
  ///   - field: The row it belongs to.
  static func parse(_ text: String, for field: RowField) -> ParsedValue {
    let trimmed = text.trimmingBlanks()
    switch field.valueKind {
    case .amount: return parseAmount(trimmed)
    case .percent: return parsePercent(trimmed)
    case .checkbox: return .value(.checkbox(checkboxState(trimmed) ?? false))
    case .groupBoxes: return parseGroupBoxes(trimmed)
    case .codes: return parseCodes(trimmed)
    case .text:
      if field == .reportingPersonName { return parseName(trimmed) }
      return trimmed.isEmpty ? .empty : .value(.text(trimmed))
    }
  }

  // MARK: Numbers

  /// Words that say a row holds no shares: the form's practice for zero.
  static let zeroWords = [
    "NONE", "NIL", "ZERO", "NO SHARES", "-", "--", "---", "----", "-----", "- -", "—", "–", "——", "-0", "0-",
  ]
  .map(ASCIIText.phrase)

  /// Words that say a row does not apply: a statement, not a number.
  static let notApplicableWords = [
    "N/A", "N / A", "NA", "N.A.", "N.A", "NOT APPLICABLE", "INAPPLICABLE", "NOT APPLICABLE TO THIS REPORTING PERSON",
  ].map(ASCIIText.phrase)

  /// Words that send the reader elsewhere instead of giving the value: "See Item 4", "(See Item 5)".
  static let referenceWords = ["SEE ", "REFER TO ", "AS SET FORTH IN ", "AS DESCRIBED IN "].map(ASCIIText.phrase)

  /// How the words of a value cell read, when they are not a number.
  enum WordsReading: Equatable {
    /// The words mean zero shares ("None", "-0-", a dash).
    case zero
    /// The words stand in for the value ("N/A", "See Item 4"): kept as printed.
    case statement
  }

  /// Reads a value cell that holds words instead of a number.
  ///
  /// The words are compared without the footnote markers and the sentence point after them; a zero word may
  /// be followed by a parenthesised remark (`None (see Item 5)`).
  ///
  /// - Parameters:
  ///   - value: The cell.
  ///   - start: The offset after any leading markers and label.
  /// - Returns: The reading, or `nil` when the words are none of the known ones.
  static func wordsReading(_ value: ValueText, from start: Int) -> WordsReading? {
    let bytes = value.bytes
    guard start < bytes.count else { return nil }
    // The words up to trailing markers, points and semicolons.
    var end = bytes.count
    while end > start, [0x2E, 0x3B, 0x2C, 0x3A, 0x2A].contains(bytes[end - 1]) { end -= 1 }
    if end > start, bytes[end - 1] == 0x29, let open = bytes[start..<end].lastIndex(of: 0x28), open > start,
      value.marker(at: open)?.end == end
    {
      end = ASCIIText.trimmedRange(bytes, start..<open).upperBound
    }
    guard end > start else { return nil }
    if value.isExactly(oneOf: zeroWords, from: start, to: end) { return .zero }
    // "None (see Item 5)": a zero word, then a remark in brackets.
    if let open = bytes[start..<end].firstIndex(of: 0x28), bytes[end - 1] == 0x29 {
      let word = ASCIIText.trimmedRange(bytes, start..<open)
      if !word.isEmpty, value.isExactly(oneOf: zeroWords, from: word.lowerBound, to: word.upperBound) { return .zero }
    }
    if value.isExactly(oneOf: notApplicableWords, from: start, to: end) { return .statement }
    var referenceStart = start
    if bytes[referenceStart] == 0x28 { referenceStart += 1 }
    if referenceWords.contains(where: { value.after($0, at: referenceStart) != nil }) { return .statement }
    return nil
  }

  /// The offset after a label such as `Fund A:` that stands before a number, or `start` when there is none.
  ///
  /// A label is up to 40 bytes of words (letters, blanks, `.`, `&`, `'`, `-`) ending with a colon, and
  /// counts only when a number follows it.
  static func skipLabel(_ value: ValueText, from start: Int) -> Int {
    let bytes = value.bytes
    guard start < bytes.count, ASCIIText.isLetter(bytes[start]) else { return start }
    var position = start
    while position < bytes.count, position - start <= 40 {
      let byte = bytes[position]
      if byte == 0x3A { break }
      guard ASCIIText.isLetter(byte) || byte == 0x20 || byte == 0x2E || byte == 0x26 || byte == 0x27 || byte == 0x2D
      else { return start }
      position += 1
    }
    guard position < bytes.count, bytes[position] == 0x3A else { return start }
    let next = ASCIIText.skipBlanks(bytes, from: position + 1)
    guard next < bytes.count, ASCIIText.isDigit(bytes[next]) || bytes[next] == 0x2D || bytes[next] == 0x2E else {
      return start
    }
    return next
  }

  /// Whether a percent sign or the word "percent" stands at `start`, after at most one blank.
  static func percentSign(_ value: ValueText, at start: Int) -> Int? {
    var position = start
    if position < value.bytes.count, value.bytes[position] == 0x20 { position += 1 }
    guard position < value.bytes.count else { return nil }
    if value.bytes[position] == 0x25 { return position + 1 }
    return value.after(percentWord, at: position) ?? value.after(perCentWords, at: position)
  }

  private static let percentWord = ASCIIText.phrase("PERCENT")
  private static let perCentWords = ASCIIText.phrase("PER CENT")

  /// Parses an amount row: a total, its itemised parts, whose shares they are and its footnote markers.
  ///
  /// The form's words for zero (`None`, `-0-`, a dash, `Nil`) read as zero shares. Words that stand in for
  /// the number (`N/A`, `Not applicable`, `See Item 5`) and a percent printed where shares belong are kept
  /// as text, so that no rule takes them for a number and `malformed-row` can say what was printed. Other
  /// text, and numbers with letters inside, are malformed.
  ///
  /// - Parameter text: The value as printed, wrapped lines joined.
  static func parseAmount(_ text: String) -> ParsedValue {
    let value = ValueText(text)
    guard !value.bytes.isEmpty else { return .empty }
    let leading = value.leadingMarkers(from: 0)
    let start = skipLabel(value, from: leading.end)
    switch wordsReading(value, from: start) {
    case .zero?:
      let trailing = value.markers(after: trailingWordsEnd(value, from: start))
      return .value(.amount(Amount(shares: ExactDecimal(0), markers: leading.markers + trailing.markers)))
    case .statement?:
      return .value(.text(value.text))
    case nil:
      break
    }
    guard let number = value.number(at: start) else {
      return .malformed("'\(value.text.prefix(40))' does not start with a number of shares")
    }
    guard let total = number.value else {
      return .malformed("'\(value.text(number.range))' cannot be read as a number of shares")
    }
    // A percent where shares belong: what was printed is kept, it is not a number of shares.
    if percentSign(value, at: number.end) != nil { return .value(.text(value.text)) }
    let trailing = value.markers(after: number.end)
    let rest = ValueText(normalized: Array(value.bytes[trailing.end...]))
    let split = splitAmountTextRanges(rest)
    var parts: [AmountPart] = []
    if let partsRange = split.parts {
      // The list's bytes are normalised already: they are read as they stand, no text made of them.
      let list = ValueText(normalized: Array(rest.bytes[ASCIIText.trimmedRange(rest.bytes, partsRange)]))
      switch parseParts(list) {
      case .success(let list): parts = list
      case .failure(let problem): return .malformed(problem.message)
      }
    }
    let amount = Amount(
      shares: total, parts: parts, partsRelation: parts.isEmpty ? .none : split.relation,
      attributedTo: split.attribution.map { [$0] } ?? [], markers: unique(leading.markers + trailing.markers))
    return .value(.amount(amount))
  }

  /// The markers without repeats, in printed order (a footnote joined to its value repeats its marker).
  static func unique(_ markers: [String]) -> [String] {
    var seen = Set<String>()
    return markers.filter { seen.insert($0).inserted }
  }

  /// The offset after the first word of a zero reading (`None`, `-0-`), where markers may follow.
  private static func trailingWordsEnd(_ value: ValueText, from start: Int) -> Int {
    if let zero = value.number(at: start), zero.value != nil { return zero.end }
    var end = start
    while end < value.bytes.count, value.bytes[end] != 0x20, !ValueText.isMarkerStart(value.bytes[end]) {
      end += 1
    }
    return end
  }

  /// Whether a name ends with an abbreviation whose point belongs to it ("Ltd.", "Inc.", "L.P.").
  static func endsWithAbbreviation(_ name: String) -> Bool {
    ASCIIText.withUTF8(name) { endsWithAbbreviation($0) }
  }

  /// Whether a name given as UTF-8 bytes ends with an abbreviation whose point belongs to it
  /// (``endsWithAbbreviation(_:)-(String)``).
  ///
  /// The last word is found on the bytes, from the end: a list's text may be long, and only its end matters.
  /// It is compared ignoring the case of its ASCII letters (no other letter lower-cases to one of theirs).
  static func endsWithAbbreviation(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
    var end = name.count
    while end > 0, name[end - 1] == 0x20 { end -= 1 }
    guard end > 0 else { return false }
    var start = end
    while start > 0, name[start - 1] != 0x20 { start -= 1 }
    /// Whether the word's last bytes spell `ending`, ignoring case.
    func wordEnds(with ending: [UInt8]) -> Bool {
      end - start >= ending.count && ASCIIText.spells(ending, in: name, at: (end - ending.count)..<end)
    }
    return abbreviations.contains { $0.count == end - start && wordEnds(with: $0) }
      || abbreviationEndings.contains(where: wordEnds)
  }

  /// The abbreviations a name may end with, in upper case.
  private static let abbreviations = [
    "LTD.", "INC.", "CO.", "CORP.", "L.P.", "N.A.", "L.L.C.", "JR.", "SR.", "S.A.", "P.C.",
  ].map(ASCIIText.phrase)
  /// The abbreviations a word may end with after a comma ("Example,Ltd.").
  private static let abbreviationEndings = [",LTD.", ",INC."].map(ASCIIText.phrase)

  private static let attributionPhrases = [
    "collectively owned directly by", "collectively owned by", "owned directly by", "held directly by",
    "collectively held by", "beneficially owned by", "owned of record by", "held of record by", "owned by", "held by",
  ].map(ASCIIText.phrase)

  private static let collectivelyWord = ASCIIText.phrase("COLLECTIVELY")

  /// The phrases that introduce an amount's parts, longest first, with how the parts relate to the total.
  static let relationPhrases: [(phrase: [UInt8], relation: PartsRelation)] = [
    ("consisting of", PartsRelation.consistingOf), ("consists of", .consistingOf), ("comprised of", .consistingOf),
    ("comprising", .consistingOf), ("composed of", .consistingOf), ("made up of", .consistingOf),
    ("represented by", .consistingOf), ("including", .including), ("includes", .including),
    ("inclusive of", .including), ("of which", .including),
  ].map { (ASCIIText.phrase($0.0), $0.1) }

  /// The attribution phrases, then the relation phrases: what ``splitAmountText(_:)`` looks for in one pass.
  private static let amountTextPhrases = PhraseSet(attributionPhrases + relationPhrases.map(\.phrase))

  /// Splits the text after an amount's total into its parts list, how they relate, and its attribution.
  ///
  /// The parts run from the first relation phrase ("consisting of", "including", ...) to the end, or to the
  /// bracket that closes around the phrase: `1,000 shares (including 400 shares ...)`. An attribution phrase
  /// ("owned by", "held by", ...) names the total's owners when no amount of shares follows it; one that
  /// does is part of an itemised part ("(i) 600 shares held by A; (ii) 400 shares held by B").
  ///
  /// - Parameter text: The text after the total and its markers.
  static func splitAmountText(_ text: ValueText) -> (parts: String?, relation: PartsRelation, attribution: String?) {
    let split = splitAmountTextRanges(text)
    return (split.parts.map { text.text($0) }, split.relation, split.attribution)
  }

  /// ``splitAmountText(_:)`` with the parts list given as where it stands in the text's bytes (blanks at its
  /// ends not trimmed), not as a text.
  ///
  /// - Parameter text: The text after the total and its markers.
  static func splitAmountTextRanges(_ text: ValueText) -> (
    parts: Range<Int>?, relation: PartsRelation, attribution: String?
  ) {
    let bytes = text.bytes
    var attribution: String?
    var attributionStart = bytes.count
    // Both kinds of phrase are found in one pass: every attribution phrase's occurrences (by their index in
    // attributionPhrases), in printed order, and the first relation phrase's. The occurrences come in order of
    // their starts, so the first relation phrase met is the first occurrence of its phrase and starts before
    // every other relation phrase's first occurrence (at one start, the first of relationPhrases is met first).
    var candidates: [(range: Range<Int>, phrase: Int)] = []
    var firstRelation: (range: Range<Int>, relation: PartsRelation)?
    for (range, index) in text.occurrences(of: amountTextPhrases) {
      if index < attributionPhrases.count {
        candidates.append((range, index))
      } else if firstRelation == nil {
        firstRelation = (range, relationPhrases[index - attributionPhrases.count].relation)
      }
    }
    let firstRelationStart = firstRelation?.range.lowerBound ?? bytes.count
    for candidate in candidates where !containsShareAmount(text, from: candidate.range.upperBound) {
      // Inside the list, "held by" without a comma before it describes the last part, not the total.
      let afterComma = candidate.range.lowerBound >= 2 && bytes[candidate.range.lowerBound - 2] == 0x2C
      let collective = attributionPhrases[candidate.phrase].starts(with: collectivelyWord)
      if candidate.range.lowerBound > firstRelationStart && !afterComma && !collective { continue }
      // "owned by" inside "collectively owned by" is the same attribution.
      let name = attributionRange(bytes, from: candidate.range.upperBound)
      if !name.isEmpty { attribution = ASCIIText.string(bytes, name) }
      attributionStart = candidate.range.lowerBound
      break
    }
    // The parts follow the first relation phrase, when it stands before the attribution.
    guard let best = firstRelation, best.range.lowerBound < attributionStart else {
      return (nil, .none, attribution)
    }
    // Inside brackets opened before the phrase, the parts end where those brackets close.
    var depth = 0
    for byte in bytes[..<best.range.lowerBound] {
      if byte == 0x28 { depth += 1 } else if byte == 0x29 { depth = max(0, depth - 1) }
    }
    var end = attributionStart
    if depth > 0 {
      var inner = 0
      var position = best.range.upperBound
      while position < attributionStart {
        if bytes[position] == 0x28 {
          inner += 1
        } else if bytes[position] == 0x29 {
          if inner == 0 {
            end = position
            break
          }
          inner -= 1
        }
        position += 1
      }
    }
    return (best.range.upperBound..<end, best.relation, attribution)
  }

  /// Where the names of an attribution stand: from `start` to the end of the text, without the blanks at either
  /// end nor the semicolons, commas, closing brackets and points after the last name (a point that ends an
  /// abbreviation, "Ltd.", stays), found on the bytes, with one text made of them afterwards.
  ///
  /// - Parameters:
  ///   - bytes: The text's bytes, blanks normalised (a blank is one space).
  ///   - start: The offset after the attribution phrase.
  static func attributionRange(_ bytes: [UInt8], from start: Int) -> Range<Int> {
    bytes.withUnsafeBufferPointer { buffer in
      var range = ASCIIText.trimmedRange(bytes, start..<bytes.count)
      while let lastIndex = range.last {
        let last = buffer[lastIndex]
        guard
          last == 0x3B || last == 0x2C || last == 0x29
            || (last == 0x2E && !endsWithAbbreviation(UnsafeBufferPointer(rebasing: buffer[range])))
        else { break }
        range = ASCIIText.trimmedRange(bytes, range.lowerBound..<lastIndex)
      }
      return range
    }
  }

  /// Whether an amount of shares (a number followed by a word for shares or securities) stands at or after
  /// `from`.
  static func containsShareAmount(_ text: ValueText, from: Int) -> Bool {
    let bytes = text.bytes
    var position = from
    while position < bytes.count {
      let startsNumber =
        ASCIIText.isDigit(bytes[position])
        && (position == from || !(ASCIIText.isDigit(bytes[position - 1]) || bytes[position - 1] == 0x2C))
      if startsNumber, let number = text.number(at: position) {
        let next = ASCIIText.skipBlanks(bytes, from: number.end)
        if amountNouns.contains(where: { ASCIIText.matchLength($0, in: bytes, at: next) != nil }) { return true }
        position = max(number.end, position + 1)
        continue
      }
      position += 1
    }
    return false
  }

  /// Whether a word for shares or securities stands at `start` ("shares", "Warrants"), possibly after
  /// "additional".
  static func startsWithAmountNoun(_ text: ValueText, at start: Int) -> Bool {
    var position = ASCIIText.skipBlanks(text.bytes, from: start)
    if let after = text.after(additionalWord, at: position) { position = ASCIIText.skipBlanks(text.bytes, from: after) }
    return amountNouns.contains { ASCIIText.matchLength($0, in: text.bytes, at: position) != nil }
  }

  private static let additionalWord = ASCIIText.phrase("ADDITIONAL")

  private static let amountNouns = ["SHARE", "WARRANT", "OPTION", "RIGHT", "UNIT", "NOTE", "ORDINARY", "COMMON"]
    .map(ASCIIText.phrase)

  /// A reason an itemised list cannot be read.
  struct PartsProblem: Error {
    /// What is wrong, in words.
    let message: String
  }

  private static let romanLabels = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
  private static let letterLabels = ["a", "b", "c", "d", "e", "f", "g", "h"]
  private static let digitLabels = (1...12).map(String.init)

  /// Parses an itemised list such as "(i) 600 shares of Common Stock; and (ii) 400 shares issuable upon
  /// exercise of warrants" into parts.
  ///
  /// Labels may be `(i)`, `(a)`, `(1)`, `i)`, `a)` or `1.` in order; without labels the list is split at
  /// semicolons, at a comma and a blank, at "and" and at "plus" where the next piece starts with a number
  /// (a comma inside a number such as `474,990` is not a separator). Each part is the number a piece starts
  /// with (after words such as "an aggregate of"); its kind comes from the words after it, `other` when
  /// they tell none. A piece without a number is not a part.
  ///
  /// - Parameter text: The list, after its relation phrase.
  /// - Returns: The parts in printed order, or a problem when a part's number is not well formed.
  static func parseParts(_ text: String) -> Result<[AmountPart], PartsProblem> {
    parseParts(ValueText(text))
  }

  /// Parses an itemised list given in its scanning form (``parseParts(_:)-(String)``).
  ///
  /// - Parameter list: The list, after its relation phrase.
  /// - Returns: The parts in printed order, or a problem when a part's number is not well formed.
  static func parseParts(_ list: ValueText) -> Result<[AmountPart], PartsProblem> {
    var pieces: [(label: String, range: Range<Int>)] = []
    let labelled = labelledPieces(list)
    if labelled.count >= 2 {
      pieces = labelled
    } else {
      for (offset, range) in unlabelledPieces(list).enumerated() { pieces.append((String(offset + 1), range)) }
    }
    var parts: [AmountPart] = []
    for piece in pieces {
      var start = ASCIIText.skipBlanks(list.bytes, from: piece.range.lowerBound)
      // A single label before an unlabelled list's only piece: "(i) 400 shares".
      if labelled.count < 2, let label = list.marker(at: start), list.marker(at: start)?.marker.count ?? 0 <= 4 {
        start = ASCIIText.skipBlanks(list.bytes, from: label.end)
      }
      // Every filler starts with a letter: a part that starts with its number (most do) has none.
      if start < list.bytes.count, ASCIIText.isLetter(list.bytes[start]) {
        for filler in partFillers {
          if let after = list.after(filler, at: start) {
            start = ASCIIText.skipBlanks(list.bytes, from: after)
          }
        }
      }
      guard start < piece.range.upperBound, let number = list.number(at: start) else { continue }
      guard let shares = number.value else {
        return .failure(
          PartsProblem(
            message: "part (\(piece.label)) '\(list.text(number.range))' cannot be read as a number of shares"))
      }
      let partRange = partTextRange(list.bytes, start..<piece.range.upperBound)
      parts.append(
        AmountPart(
          label: piece.label, kind: partKind(list.bytes, partRange), shares: shares,
          text: ASCIIText.string(list.bytes, partRange)))
    }
    return .success(parts)
  }

  /// The bytes of a part's text: its range in the list without the blanks, the punctuation and the joining
  /// words ("and", "plus", "and/or") that stand between it and the next part.
  ///
  /// - Parameters:
  ///   - bytes: The list's bytes, blanks normalised (a blank is one space).
  ///   - range: The part, from its number to the next part's label or separator.
  private static func partTextRange(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    var part = ASCIIText.trimmedRange(bytes, range)
    func dropLast(_ count: Int) {
      var end = part.upperBound - count
      while end > part.lowerBound, bytes[end - 1] == 0x20 { end -= 1 }
      part = part.lowerBound..<end
    }
    var trimmed = true
    while trimmed {
      trimmed = false
      if let last = part.last.map({ bytes[$0] }), last == 0x3B || last == 0x2C || last == 0x2E,
        last != 0x2E
          || !bytes.withUnsafeBufferPointer({ endsWithAbbreviation(UnsafeBufferPointer(rebasing: $0[part])) })
      {
        dropLast(1)
        trimmed = true
      }
      for ending in partEndings
      where part.count >= ending.count
        && ASCIIText.spells(ending, in: bytes, at: (part.upperBound - ending.count)..<part.upperBound)
      {
        dropLast(ending.count)
        trimmed = true
      }
    }
    return part
  }

  /// The words that join a part to the next one, with the blank before them, in upper case.
  private static let partEndings = [" AND", " PLUS", " AND/OR"].map(ASCIIText.phrase)

  private static let partFillers = [
    "AND ", "PLUS ", "AN AGGREGATE OF ", "AGGREGATE OF ", "AN AGGREGATE ", "AGGREGATE ", "A TOTAL OF ", "UP TO ",
    "APPROXIMATELY ",
  ].map(ASCIIText.phrase)

  /// The printed forms of list labels, by series and style, in the order they are tried: Roman numerals,
  /// letters and digits, each as `(i)` and `i)`, and digits as `1.` too (Roman numerals and letters with a
  /// point, "i." and "a.", are too often words' ends). Built once, in upper case for the search, laid out in
  /// arrays of bytes and ranges so that a search walks them without retaining an element.
  private struct LabelTable {
    /// Every printed label's bytes, upper case, one after another.
    var printed: [UInt8] = []
    /// Each label's bytes in ``printed``, and its name's index in ``names``.
    var labels: [(printed: Range<Int>, name: Int)] = []
    /// The labels' names as the parts carry them ("i", "a", "1"), once each.
    var names: [String] = []
    /// Each style's labels in ``labels``, in the order they are tried; a style's labels are in printed order.
    var styles: [Range<Int>] = []

    init() {
      for series in [romanLabels, letterLabels, digitLabels] {
        let first = names.count
        names += series
        var forms = [("(", ")"), ("", ")")]
        if series == digitLabels { forms.append(("", ".")) }
        for (open, close) in forms {
          let start = labels.count
          for (offset, name) in series.enumerated() {
            let bytes = ASCIIText.phrase(open + name + close)
            labels.append((printed.count..<(printed.count + bytes.count), first + offset))
            printed += bytes
          }
          styles.append(start..<labels.count)
        }
      }
    }
  }

  private static let labelTable = LabelTable()

  /// The pieces of a list whose items carry labels of one series in order, or fewer than two pieces.
  private static func labelledPieces(_ list: ValueText) -> [(label: String, range: Range<Int>)] {
    let table = labelTable
    let maximumLabels = table.styles.reduce(0) { max($0, $1.count) }
    return list.bytes.withUnsafeBufferPointer { bytes in
      table.printed.withUnsafeBufferPointer { printed in
        table.labels.withUnsafeBufferPointer { labels in
          // The labels found for one style, where they stand: on the stack, no list made until a style has two.
          withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: maximumLabels) { found in
            for style in table.styles {
              var count = 0
              var from = 0
              for index in style {
                let label = UnsafeBufferPointer(rebasing: printed[labels[index].printed])
                guard let range = findLabel(label, in: bytes, from: from) else { break }
                found[count] = range
                count += 1
                from = range.upperBound
              }
              guard count >= 2 else { continue }
              return (0..<count).map { offset in
                let end = offset + 1 < count ? found[offset + 1].lowerBound : bytes.count
                return (table.names[labels[style.lowerBound + offset].name], found[offset].upperBound..<end)
              }
            }
            return []
          }
        }
      }
    }
  }

  /// The next label at or after `from` that stands alone: after the start, a blank or punctuation, and
  /// before a blank or the end.
  ///
  /// - Parameters:
  ///   - label: The label as printed, upper case.
  ///   - bytes: The list's bytes.
  ///   - from: The offset where the search starts.
  private static func findLabel(_ label: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from: Int)
    -> Range<Int>?
  {
    guard from + label.count <= bytes.count else { return nil }
    let lastStart = bytes.count - label.count
    var position = from
    while true {
      // Only the places of the label's first byte are tried, found eight bytes at a time.
      position = ASCIIText.nextPossibleStart(of: label[0], in: bytes, from: position, to: lastStart + 1)
      guard position <= lastStart else { return nil }
      let end = position + label.count
      if ASCIIText.spells(label, in: bytes, at: position..<end) {
        let before = position == 0 ? UInt8(0x20) : bytes[position - 1]
        let standsAlone = !ASCIIText.isLetter(before) && !ASCIIText.isDigit(before) && before != 0x28
        let after = end == bytes.count || bytes[end] == 0x20
        // "a)" and "1." must not be the end of a longer bracket or number.
        if standsAlone && (after || label[0] == 0x28) { return position..<end }
      }
      position += 1
    }
  }

  /// The pieces of an unlabelled list, split where the next piece starts with a number.
  private static func unlabelledPieces(_ list: ValueText) -> [Range<Int>] {
    let bytes = list.bytes
    var pieces: [Range<Int>] = []
    var start = 0
    var position = 0
    while position < bytes.count {
      let byte = bytes[position]
      var separatorEnd: Int?
      if byte == 0x3B {
        separatorEnd = position + 1
      } else if byte == 0x2C, position + 1 < bytes.count, bytes[position + 1] == 0x20 {
        separatorEnd = position + 1
      } else if byte == 0x20,
        let after = list.after(andWord, at: position + 1) ?? list.after(plusWord, at: position + 1)
      {
        separatorEnd = after
      } else if byte == 0xE2, position + 2 < bytes.count, bytes[position + 1] == 0x80, bytes[position + 2] == 0xA2 {
        separatorEnd = position + 3
      }
      if let separatorEnd {
        var next = ASCIIText.skipBlanks(bytes, from: separatorEnd)
        for filler in partFillers {
          if let after = list.after(filler, at: next) { next = ASCIIText.skipBlanks(bytes, from: after) }
        }
        if let label = list.marker(at: next) { next = ASCIIText.skipBlanks(bytes, from: label.end) }
        if next < bytes.count, ASCIIText.isDigit(bytes[next]), !isYear(list, at: next) {
          if position > start { pieces.append(start..<position) }
          start = separatorEnd
          position = separatorEnd
          continue
        }
      }
      position += 1
    }
    if start < bytes.count { pieces.append(start..<bytes.count) }
    return pieces.filter { range in bytes[range].contains(where: ASCIIText.isDigit) }
  }

  private static let andWord = ASCIIText.phrase("AND ")
  private static let plusWord = ASCIIText.phrase("PLUS ")

  /// Whether the number at `start` is a year of a date ("June 30, 2010"), not an amount of shares.
  private static func isYear(_ list: ValueText, at start: Int) -> Bool {
    guard let number = list.number(at: start), number.range.count == 4, let value = number.value,
      value.scale == 0, value.significand >= 1900, value.significand <= 2099
    else { return false }
    let next = ASCIIText.skipBlanks(list.bytes, from: number.end)
    return !amountNouns.contains { ASCIIText.matchLength($0, in: list.bytes, at: next) != nil }
  }

  /// Classifies a part by the words describing it.
  ///
  /// Warrants and purchase or subscription rights are `warrant`; options `option`; notes, debentures,
  /// preferred stock and anything "convertible" or issuable "upon conversion" `convertible`. Shares
  /// "issuable" or "exercisable" otherwise are `other`, as are parts whose words tell nothing; plain
  /// shares of the class are `common`. Words are matched from their start, ignoring case.
  ///
  /// - Parameter text: The part's text, starting with its number.
  static func partKind(_ text: String) -> PartKind {
    let bytes = ValueText(text).bytes
    return partKind(bytes, 0..<bytes.count)
  }

  /// Classifies a part given as a range of a list's bytes, blanks normalised (``partKind(_:)-(String)``).
  ///
  /// - Parameters:
  ///   - bytes: The list's bytes.
  ///   - range: The part's text, starting with its number; no phrase is matched past its end.
  static func partKind(_ bytes: [UInt8], _ range: Range<Int>) -> PartKind {
    // Which kinds of words the part holds, found in one pass over its words: at each word, only the phrases
    // that start with its letter and whose first word its length allows are tried (``PhrasesByInitial``). A
    // word of no such length ("of", "the", "stock") is passed over at once.
    var found = 0
    // The table read once, not at every word.
    let table = partWordTable
    let end = range.upperBound
    var position = range.lowerBound
    while position < end {
      guard ASCIIText.isLetter(bytes[position]) else {
        position += 1
        continue
      }
      // A word starts here (the part's start, or after a byte that is no letter): it runs to its last letter.
      let start = position
      repeat { position += 1 } while position < end && ASCIIText.isLetter(bytes[position])
      let letter = Int(ASCIIText.upper(bytes[start]) - 0x41)
      guard table.words.mayStart(letter: letter, length: position - start) else { continue }
      for candidate in table.words.candidates(letter: letter) {
        let index = table.words.byFirstLetter[candidate]
        guard table.words.mayStart(index, length: position - start),
          ASCIIText.matchLength(table.words.phrases[index], in: bytes, at: start, end: end) != nil
        else { continue }
        found |= 1 << table.kinds[index].rawValue
      }
    }
    func holds(_ words: PartWords) -> Bool { found & (1 << words.rawValue) != 0 }
    if holds(.warrant) { return .warrant }
    if holds(.right), !holds(.votingRight) { return .warrant }
    if holds(.option) { return .option }
    if holds(.convertible) { return .convertible }
    if holds(.acquirable) { return .other }
    if holds(.common) { return .common }
    return .other
  }

  /// The kinds of words that tell a part's kind, each matched from a word's start, ignoring case.
  private enum PartWords: Int, CaseIterable {
    case warrant, right, votingRight, option, convertible, acquirable, common

    /// The words' beginnings.
    var phrases: [String] {
      switch self {
      case .warrant: return ["WARRANT", "PURCHASE RIGHT", "SUBSCRIPTION RIGHT"]
      case .right: return ["RIGHTS"]
      case .votingRight: return ["VOTING RIGHT", "DISPOSITIVE RIGHT", "RIGHTS PLAN"]
      case .option: return ["OPTION"]
      case .convertible: return ["CONVER", "PREFERRED", "NOTE", "DEBENTURE"]
      case .acquirable: return ["ISSUABLE", "EXERCIS", "RIGHT TO ACQUIRE", "UNDERLYING"]
      case .common: return ["COMMON", "ORDINARY", "SHARE"]
      }
    }
  }

  /// The phrases of ``PartWords`` filed by their first letters, each matched from a printed word's start, with
  /// the kind of words each tells, by phrase.
  private static let partWordTable: (words: PhrasesByInitial, kinds: [PartWords]) = {
    let phrases = PartWords.allCases.flatMap { words in words.phrases.map { (ASCIIText.phrase($0), words) } }
    return (PhrasesByInitial(phrases.map(\.0), matchingWordStarts: true), phrases.map(\.1))
  }()

  private static let lessThanWords = ["LESS THAN", "<", "UNDER", "BELOW"].map(ASCIIText.phrase)
  private static let approximateWords = ["APPROXIMATELY", "APPROX.", "APPROX", "ABOUT"].map(ASCIIText.phrase)

  /// Parses a percent of class such as `6.25%`, `9.9 %`, `5.1`, `.4%`, `5.3 percent` or `41.2%*`.
  ///
  /// Footnote markers before or after the percent are kept as its markers. `-0-`, `None` and a dash read as
  /// zero. A bound (`Less than 1%`, `<1%`) and words that stand in for the value (`N/A`, `See Item 4`) are
  /// kept as text. A worked computation (`1,000/20,000=5.0%`) reads as its result. A number followed by
  /// words other than "percent" is malformed.
  ///
  /// - Parameter text: The value as printed.
  static func parsePercent(_ text: String) -> ParsedValue {
    if let plain = ASCIIText.withUTF8(text, plainPercent) {
      return .value(.percent(Percent(value: plain, markers: [])))
    }
    return parsePercentAsWritten(text)
  }

  /// The value of a percent printed as digits only, with a point and decimals or without, a percent sign after
  /// them or not (`5`, `6.25`, `9.9%`): what ``parsePercentAsWritten(_:)`` reads it as, found on its bytes in
  /// one pass; `nil` for any other text, which that parser reads.
  ///
  /// - Parameter bytes: The value's UTF-8 bytes.
  static func plainPercent(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
    var significand: Int128 = 0
    var integerDigits = 0
    // The decimals after the point, or `nil` before a point.
    var scale: Int?
    for (index, byte) in bytes.enumerated() {
      if ASCIIText.isDigit(byte) {
        significand = significand * 10 + Int128(byte - 0x30)
        if let decimals = scale {
          // More digits than an exact decimal holds: the general parser says what the text is.
          guard decimals < ExactDecimal.maximumScale else { return nil }
          scale = decimals + 1
        } else {
          guard integerDigits < ExactDecimal.maximumIntegerDigits else { return nil }
          integerDigits += 1
        }
      } else if byte == 0x2E, scale == nil, integerDigits > 0 {
        scale = 0
      } else if byte == 0x25, index == bytes.count - 1 {
        break
      } else {
        return nil
      }
    }
    // A point must have digits on both sides.
    guard integerDigits > 0, scale != 0 else { return nil }
    return ExactDecimal(significand: significand, scale: scale ?? 0)
  }

  /// Parses a percent of class as ``parsePercent(_:)`` does, whatever its wording.
  ///
  /// - Parameter text: The value as printed.
  static func parsePercentAsWritten(_ text: String) -> ParsedValue {
    let value = ValueText(text)
    let bytes = value.bytes
    guard !bytes.isEmpty else { return .empty }
    let leading = value.leadingMarkers(from: 0)
    var start = skipLabel(value, from: leading.end)
    if lessThanWords.contains(where: { value.after($0, at: start) != nil }) { return .value(.text(value.text)) }
    for word in approximateWords {
      if let after = value.after(word, at: start) { start = ASCIIText.skipBlanks(bytes, from: after) }
    }
    // "3,355,502/61,145,088=5.5%": the result after the last equals sign.
    if let equals = bytes[start...].lastIndex(of: 0x3D) {
      let after = ASCIIText.skipBlanks(bytes, from: equals + 1)
      if after < bytes.count, ASCIIText.isDigit(bytes[after]) || bytes[after] == 0x2E { start = after }
    }
    switch wordsReading(value, from: start) {
    case .zero?:
      let trailing = value.markers(after: trailingWordsEnd(value, from: start))
      return .value(.percent(Percent(value: ExactDecimal(0), markers: leading.markers + trailing.markers)))
    case .statement?:
      return .value(.text(value.text))
    case nil:
      break
    }
    guard let number = value.number(at: start), number.range.lowerBound == start else {
      return .malformed("'\(value.text.prefix(40))' is not a percent")
    }
    guard let percent = number.value, percent.significand >= 0 else {
      return .malformed("'\(value.text(number.range))' cannot be read as a percent")
    }
    var end = number.end
    var markers = leading.markers
    // Markers may stand between the number and its sign: "5.1(2)%".
    let before = value.markers(after: end)
    if let sign = percentSign(value, at: before.end) {
      markers += before.markers
      end = sign
    } else if let sign = percentSign(value, at: end) {
      end = sign
    } else {
      let rest = ASCIIText.skipBlanks(bytes, from: before.end)
      if rest < bytes.count, ASCIIText.isLetter(bytes[rest]) {
        return .malformed("'\(value.text.prefix(40))' is not a percent")
      }
      markers += before.markers
      end = before.end
    }
    let trailing = value.markers(after: end)
    return .value(.percent(Percent(value: percent, markers: markers + trailing.markers)))
  }

  // MARK: Boxes and codes

  /// Whether a checkbox text shows a checked box: `true` checked, `false` unchecked, `nil` when it shows
  /// no box at all.
  static func checkboxState(_ text: String) -> Bool? {
    // An HTML input box: its tag and attribute are found on the bytes, ignoring case, only when the text has
    // a '<' at all.
    if ASCIIText.containsByte(0x3C, in: text), ASCIIText.contains(inputTag, in: text) {
      return ASCIIText.contains(checkedWord, in: text)
    }
    // A text that is ASCII once trimmed (most) is read on its bytes.
    if let state = ASCIIText.withUTF8(text, asciiCheckboxState) { return state }
    // Blanks are the same in either case, so the text is trimmed before it is lower-cased.
    let trimmed = text.trimmingBlanks().lowercased()
    if trimmed.isEmpty { return nil }
    if checkedGlyphs.contains(trimmed) { return true }
    if uncheckedGlyphs.contains(trimmed) { return false }
    return checkedStarts.contains { trimmed.hasPrefix($0) }
  }

  /// The state ``checkboxState(_:)`` reads in a text whose bytes are ASCII once the blanks at their ends are
  /// trimmed, or `nil` (no answer) when they are not.
  ///
  /// The glyphs' ASCII spellings are compared ignoring ASCII case, as lower-casing the text would have them
  /// compared; no text of ASCII characters is canonically equivalent to, or starts with, a glyph beyond ASCII.
  ///
  /// - Parameter bytes: The text's UTF-8 bytes.
  /// - Returns: `.some(nil)` for a blank text, as ``checkboxState(_:)`` gives it.
  private static func asciiCheckboxState(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool?? {
    let kept = UnsafeBufferPointer(rebasing: bytes[LineBytes.trimmedRange(bytes)])
    guard ByteWord.isASCII(kept) else { return nil }
    if kept.isEmpty { return .some(nil) }
    func spells(_ phrase: [UInt8]) -> Bool { phrase.count == kept.count && LineBytes.hasPrefix(phrase, in: kept) }
    if asciiCheckedGlyphs.contains(where: spells) { return true }
    if asciiUncheckedGlyphs.contains(where: spells) { return false }
    return asciiCheckedStarts.contains { LineBytes.hasPrefix($0, in: kept) }
  }

  /// What a checked box reads as, lower case.
  private static let checkedGlyphs = ["[x]", "[ x ]", "x", "þ", "ý", "☒", "☑", "✓", "✔", "■", "yes", "(x)"]
  /// What an unchecked box reads as, lower case.
  private static let uncheckedGlyphs = ["[ ]", "[]", "o", "0", "¨", "☐", "□", "no", "( )", "n/a"]
  /// What a checked box's text may start with, lower case.
  private static let checkedStarts = ["[x]", "x ", "þ", "ý"]
  /// The ASCII ones of ``checkedGlyphs``, as upper-case phrases.
  private static let asciiCheckedGlyphs = asciiPhrases(checkedGlyphs)
  /// The ASCII ones of ``uncheckedGlyphs``, as upper-case phrases.
  private static let asciiUncheckedGlyphs = asciiPhrases(uncheckedGlyphs)
  /// The ASCII ones of ``checkedStarts``, as upper-case phrases.
  private static let asciiCheckedStarts = asciiPhrases(checkedStarts)

  /// The ASCII texts of a list, as upper-case phrases (``ASCIIText/phrase(_:)``).
  private static func asciiPhrases(_ texts: [String]) -> [[UInt8]] {
    texts.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map(ASCIIText.phrase)
  }

  private static let inputTag = ASCIIText.phrase("<INPUT")
  private static let checkedWord = ASCIIText.phrase("CHECKED")

  /// Parses row 2's "(a) … (b) …" boxes.
  static func parseGroupBoxes(_ text: String) -> ParsedValue {
    let utf8 = text.utf8
    guard let aRange = boxLabel(0x41, in: utf8, from: utf8.startIndex) else {
      return .value(.groupBoxes(a: false, b: false))
    }
    let bRange = boxLabel(0x42, in: utf8, from: aRange.upperBound)
    let aText = String(text[aRange.upperBound..<(bRange?.lowerBound ?? text.endIndex)])
    let bText = bRange.map { String(text[$0.upperBound...]) } ?? ""
    return .value(.groupBoxes(a: checkboxState(aText) ?? false, b: checkboxState(bText) ?? false))
  }

  /// The first box label "(a)" or "(b)", either case, at or after `start`.
  ///
  /// - Parameters:
  ///   - letter: The label's letter in upper case (`0x41` for A).
  ///   - utf8: The text's bytes.
  ///   - start: Where to start looking.
  private static func boxLabel(_ letter: UInt8, in utf8: String.UTF8View, from start: String.Index)
    -> Range<String.Index>?
  {
    var position = start
    while let open = utf8[position...].firstIndex(of: 0x28) {
      let next = utf8.index(after: open)
      guard next < utf8.endIndex else { return nil }
      let close = utf8.index(after: next)
      if ASCIIText.upper(utf8[next]) == letter, close < utf8.endIndex, utf8[close] == 0x29 {
        return open..<utf8.index(after: close)
      }
      position = next
    }
    return nil
  }

  /// Parses SEC codes such as `PN`, `IA, OO` or `HC; IN`.
  static func parseCodes(_ text: String) -> ParsedValue {
    // The words are found on the bytes (every separator is an ASCII byte), each made a String once.
    // Parenthesised remarks ("(see instructions)", "(Individual)", "(see Item 3)") are not codes: from an
    // opening parenthesis to its closing one nothing is read, and either ends the word before it.
    var codes: [String] = []
    ASCIIText.withUTF8(text) { bytes in
      var depth = 0
      var wordStart: Int?
      func endWord(at end: Int) {
        guard let start = wordStart else { return }
        wordStart = nil
        let word = codeWord(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        if word != "AND" && !word.isEmpty { codes.append(word) }
      }
      for (offset, byte) in bytes.enumerated() {
        switch byte {
        case 0x28:
          endWord(at: offset)
          depth += 1
        case 0x29:
          endWord(at: offset)
          depth = max(0, depth - 1)
        case _ where depth > 0:
          continue
        case 0x2C, 0x3B, 0x2F, 0x20, 0x09:
          endWord(at: offset)
        default:
          if wordStart == nil { wordStart = offset }
        }
      }
      endWord(at: bytes.count)
    }
    // "N/A" was split at its slash.
    if codes == ["N", "A"] { codes = ["N/A"] }
    // Words that describe the codes beside them ("IN (Individual)", "PN - Partnership") are not codes;
    // a row of words only is kept as printed, so that a rule can say it holds no code.
    let looksLikeCode: (String) -> Bool = { $0 == "N/A" || isLetters($0, atMost: 3) }
    if codes.contains(where: looksLikeCode) { codes = codes.filter(looksLikeCode) }
    return codes.isEmpty ? .empty : .value(.codes(codes))
  }

  /// Whether a word is nothing but letters, at most `maximum` of them; an ASCII word is told on its bytes.
  ///
  /// - Parameters:
  ///   - word: The word.
  ///   - maximum: The most letters it may have.
  static func isLetters(_ word: String, atMost maximum: Int) -> Bool {
    // Each ASCII byte is a character (a carriage return and a line feed make one, but no letter).
    let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard ByteWord.isASCII(bytes) else { return nil }
      return bytes.count <= maximum && bytes.allSatisfy(ASCIIText.isLetter)
    }
    if let ascii = ascii ?? nil { return ascii }
    return word.count <= maximum && word.allSatisfy(\.isLetter)
  }

  /// A word of a row of codes in upper case, without the points at its ends: "p.n." reads "P.N".
  ///
  /// An ASCII word is upper-cased and trimmed on its bytes, each a character; any other as a `String`.
  ///
  /// - Parameter bytes: The word's UTF-8 bytes.
  @inline(__always)
  private static func codeWord(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard ByteWord.isASCII(bytes) else {
      return String(decoding: bytes, as: UTF8.self).uppercased().trimmingCharacters(in: ".")
    }
    let word = ASCIIText.trimmedRange(bytes, bytes.indices) { $0 == 0x2E }
    return ASCIIText.upperCasedString(UnsafeBufferPointer(rebasing: bytes[word]))
  }

  /// Parses row 1: the name, without the caption words, identification numbers and list label around it.
  ///
  /// Caption text that a layout ran into the name ("I.R.S. IDENTIFICATION NOS. OF ABOVE PERSONS (ENTITIES
  /// ONLY) Example Fund LP") and identification numbers printed after it ("Example Fund LP 12-3456789",
  /// "– IRS # 123456789", "TIN 12-3456789") are cut by ``CaptionWords/strip(_:inName:cutsOrdinaryWords:)``;
  /// a list label before the name ("(a) Jane Roe") and punctuation left at either end are dropped.
  static func parseName(_ text: String) -> ParsedValue {
    let stripped = CaptionWords.strip(separatingHyphenatedLabels(text), inName: true, cutsOrdinaryWords: false).text
    // A name of printable ASCII, most names, is read on its bytes in place; any other character by character.
    let byBytes = ASCIIText.withUTF8(stripped) { bytes in
      nameRange(ofPrintable: bytes).map { kept in
        kept.count == bytes.count
          ? stripped : String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
      }
    }
    let name = byBytes ?? nameWithoutLabelAndEdges(stripped)
    return name.isEmpty ? .empty : .value(.text(name))
  }

  /// A name without the list label before it and the blanks and punctuation at its ends, read character by
  /// character (see ``parseName(_:)``).
  ///
  /// - Parameter stripped: The name with its caption words and identification numbers cut.
  static func nameWithoutLabelAndEdges(_ stripped: String) -> String {
    var result = stripped
    // A list label such as "(a)", "(1)" or "1." before the name.
    if let space = result.firstIndex(of: " ") {
      let label = result[..<space]
      let inner = label.trimmingCharacters(in: "().")
      let parenthesized = label.hasPrefix("(") && label.hasSuffix(")")
      // "(a)", "(1)", "1." but not an initial such as "A."
      if label.count <= 4, !inner.isEmpty,
        (inner.allSatisfy(\.isNumber) && (parenthesized || label.hasSuffix(".")))
          || (parenthesized && inner.count == 1 && inner.first!.isLetter)
      {
        result = String(result[space...])
      }
    }
    result = result.trimmingBlanks()
    while let first = result.first, edgePunctuation.contains(first) || first == ")" {
      result.removeFirst()
      result = result.trimmingBlanks()
    }
    while let last = result.last, edgePunctuation.contains(last) {
      result.removeLast()
      result = result.trimmingBlanks()
    }
    return result
  }

  /// The byte range of what ``nameWithoutLabelAndEdges(_:)`` keeps of a name, found on its bytes in place when
  /// every byte is printable ASCII or a tab (each byte a character then); `nil` for any other name.
  ///
  /// - Parameter bytes: The name's UTF-8 bytes, its caption words and identification numbers cut.
  static func nameRange(ofPrintable bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    guard bytes.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) else { return nil }
    var start = 0
    var end = bytes.count
    // A list label such as "(a)", "(1)" or "1." before the name: kept from its space on.
    if let space = bytes.firstIndex(of: 0x20), space <= 4 {
      let label = bytes[0..<space]
      let parenthesized = label.first == 0x28 && label.last == 0x29
      // The label without brackets and points at its ends.
      var innerStart = 0
      var innerEnd = space
      let isEdge = { (byte: UInt8) in byte == 0x28 || byte == 0x29 || byte == 0x2E }
      while innerStart < innerEnd, isEdge(bytes[innerStart]) { innerStart += 1 }
      while innerEnd > innerStart, isEdge(bytes[innerEnd - 1]) { innerEnd -= 1 }
      let inner = bytes[innerStart..<innerEnd]
      if !inner.isEmpty,
        (inner.allSatisfy(ASCIIText.isDigit) && (parenthesized || label.last == 0x2E))
          || (parenthesized && inner.count == 1 && ASCIIText.isLetter(inner[innerStart]))
      {
        start = space
      }
    }
    func trimBlanks() {
      while start < end, ASCIIText.isBlank(bytes[start]) { start += 1 }
      while end > start, ASCIIText.isBlank(bytes[end - 1]) { end -= 1 }
    }
    trimBlanks()
    while start < end, edgePunctuationBytes.contains(bytes[start]) || bytes[start] == 0x29 {
      start += 1
      trimBlanks()
    }
    while end > start, edgePunctuationBytes.contains(bytes[end - 1]) {
      end -= 1
      trimBlanks()
    }
    return start..<end
  }

  /// A name with an identification label hyphenated to its last word set apart: "Example Oil
  /// Company-I.D. No. 12-3456789" reads "Example Oil Company -I.D. No. 12-3456789".
  ///
  /// In each space-separated word that is no identification number, the last hyphen gets a blank before it
  /// when the text after it is a distinctive caption word. ASCII text, most names, is worked on its bytes
  /// (each byte a character there); other text character by character
  /// (``separatingHyphenatedLabelsByCharacters(_:)``), with the same result.
  ///
  /// - Parameter text: The name as printed.
  static func separatingHyphenatedLabels(_ text: String) -> String {
    // Without a hyphen the words would be joined again as they stand.
    guard ASCIIText.containsByte(0x2D, in: text) else { return text }
    let separated = ASCIIText.withUTF8(text) { bytes -> String? in
      guard ASCIIText.isASCII(bytes) else { return nil }
      var result: [UInt8] = []
      result.reserveCapacity(bytes.count + 8)
      var start = 0
      while start <= bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        if start > 0 { result.append(0x20) }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let hyphen = word.lastIndex(of: 0x2D), hyphen > 0, hyphen + 1 < word.count,
          !CaptionWords.isIdentificationNumber(word),
          CaptionWords.classify(UnsafeBufferPointer(rebasing: word[(hyphen + 1)...]), inName: true) == .distinctive
        {
          result += word[..<hyphen]
          result += [0x20, 0x2D]
          result += word[(hyphen + 1)...]
        } else {
          result += word
        }
        start = end + 1
      }
      return String(decoding: result, as: UTF8.self)
    }
    return separated ?? separatingHyphenatedLabelsByCharacters(text)
  }

  /// ``separatingHyphenatedLabels(_:)`` worked character by character, for any text.
  static func separatingHyphenatedLabelsByCharacters(_ text: String) -> String {
    text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
      guard let hyphen = word.lastIndex(of: "-"), hyphen > word.startIndex else { return String(word) }
      let after = word[word.index(after: hyphen)...]
      guard !after.isEmpty, !CaptionWords.isIdentificationNumber(word),
        CaptionWords.classify(after, inName: true) == .distinctive
      else { return String(word) }
      return String(word[..<hyphen]) + " -" + after
    }.joined(separator: " ")
  }

  /// The punctuation cut from either end of a name (a closing parenthesis from its start only): a list, as
  /// few as these are looked through faster than they are hashed.
  private static let edgePunctuation: [Character] = [",", ";", ":", "-", "\u{2013}", "\u{2014}", "(", "#"]
  /// The ASCII characters of ``edgePunctuation``, as bytes.
  private static let edgePunctuationBytes: [UInt8] = edgePunctuation.compactMap(\.asciiValue)
}

extension String {
  /// The text without leading and trailing spaces, tabs and no-break spaces.
  ///
  /// The ends are found on the text's UTF-8 bytes in place (``LineBytes/trimmedRange(_:trimmingLineEnds:)``);
  /// a text with no blank at either end is returned as it is, and only a trimmed one is made anew.
  func trimmingBlanks() -> String {
    ASCIIText.withUTF8(self, Self.trimmedOrNil) ?? self
  }

  /// The text of UTF-8 bytes without the blanks at their ends, or `nil` when no end is blank.
  ///
  /// - Parameter bytes: Valid UTF-8 bytes.
  @inline(__always)
  fileprivate static func trimmedOrNil(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let kept = LineBytes.trimmedRange(bytes)
    guard kept.count != bytes.count else { return nil }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
  }
}

extension Substring {
  /// The text without leading and trailing spaces, tabs and no-break spaces, as ``String/trimmingBlanks()``
  /// finds them: on the UTF-8 bytes in place.
  func trimmingBlanks() -> String {
    ASCIIText.withUTF8(self, String.trimmedOrNil) ?? String(self)
  }
}

extension StringProtocol {
  /// The text without the given characters at either end.
  ///
  /// A text whose first and last bytes are ASCII characters outside an ASCII set is returned as it is,
  /// without being walked Character by Character (a character of the set, being one ASCII scalar, would be
  /// the text's first or last byte).
  func trimmingCharacters(in set: String) -> String {
    let text = String(self)
    if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
      set.utf8.allSatisfy({ $0 < 0x80 }), !set.utf8.contains(first), !set.utf8.contains(last)
    {
      return text
    }
    var result = Substring(text)
    while let first = result.first, set.contains(first) { result = result.dropFirst() }
    while let last = result.last, set.contains(last) { result = result.dropLast() }
    return String(result)
  }
}
