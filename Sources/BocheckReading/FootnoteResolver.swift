import BocheckModel

/// Resolves the footnote markers on cover-page values to the footnotes printed on the same page.
///
/// Cover pages often itemise a value in a footnote below the rows: `14,351,182 (1)` in rows 8, 10 and 11,
/// then "(1) This amount includes 9,333 shares of Common Stock issuable upon the exercise of options". A
/// footnote belongs to a page when it stands after the page's last row and before the next page (or, for
/// the last page, before the Items), and starts with the value's marker in any of its printed forms:
/// `(1)`, `1.`, `1)`, `[1]`, a superscript flattened to `1 `, `*`, `**`, `†`.
///
/// What a footnote itemises ("includes", "consists of", "comprised of", ...) becomes the parts of every
/// amount on the page that carries its marker, unless the value itemises its parts itself. Rows 7-10 of a
/// page are each a subset of row 11's shares, so a marked power row whose total equals row 11's total
/// describes the same shares: its footnote's parts are row 11's parts too. A footnote to the percent that
/// states the shares outstanding it is based on gives the percent a stated basis.
enum FootnoteResolver {
  /// The rows whose amounts a footnote can itemise.
  private static let amountFields: [RowField] = [
    .soleVotingPower, .sharedVotingPower, .soleDispositivePower, .sharedDispositivePower, .aggregateAmountOwned,
  ]

  /// Resolves the markers of every page's values.
  ///
  /// - Parameters:
  ///   - pages: The cover pages as assembled; their amounts and percents are updated in place.
  ///   - lines: The lines the pages were read from.
  static func resolve(_ pages: inout [CoverPage], lines: SourceLines) {
    guard pages.contains(where: hasMarkers) else { return }
    let facts = DocumentFacts(lines: lines)
    for index in pages.indices where hasMarkers(pages[index]) {
      let region = footnoteRegion(of: index, in: pages, lines: lines)
      guard !region.positions.isEmpty else { continue }
      let footnotes = self.footnotes(in: region.lines, from: region.positions.lowerBound)
      guard !footnotes.isEmpty else { continue }
      apply(footnotes, to: &pages[index], facts: facts, lines: lines)
    }
  }

  private static func hasMarkers(_ page: CoverPage) -> Bool {
    amountFields.contains { !(page.rows[$0]?.amount?.markers.isEmpty ?? true) }
      || !(page.rows[.percentOfClass]?.percent?.markers.isEmpty ?? true)
  }

  // MARK: Finding the footnotes

  /// One footnote: its marker, its text (wrapped lines joined) and the 1-based positions of its lines.
  struct Footnote: Equatable {
    /// The marker without brackets or point: `1`, `a`, `*`, `†`.
    var marker: String
    /// The text after the marker.
    var text: String
    /// The positions of its lines in the ``SourceLines``.
    var positions: Range<Int>
  }

  /// The positions of the lines after a page's last row where its footnotes may stand, and those lines
  /// cleaned (``cleaned(_:)``) in their scanning form, each made once for the region's end and its footnotes.
  ///
  /// The region ends before the next page's first row, and in any case at a heading ("Item 1", "CUSIP
  /// No." of the next page's header, a signature heading) or 60 lines on.
  static func footnoteRegion(of index: Int, in pages: [CoverPage], lines: SourceLines) -> (
    positions: Range<Int>, lines: [ValueText]
  ) {
    guard let lastRowLine = pages[index].rows.values.map(\.line).max() else { return (1..<1, []) }
    var start = 1
    while start <= lines.count && lines.sourceLine(start) <= lastRowLine { start += 1 }
    var end = min(lines.count + 1, start + 60)
    if index + 1 < pages.count {
      let nextLine = pages[index + 1].line
      var position = start
      while position < end && lines.sourceLine(position) < nextLine { position += 1 }
      end = position
    }
    var position = start
    var regionLines: [ValueText] = []
    while position < end {
      let line = ValueText(cleaned(lines[position]))
      if endsFootnotes(line) { break }
      regionLines.append(line)
      position += 1
    }
    return (start..<position, regionLines)
  }

  private static let headings = ["ITEM ", "CUSIP", "SIGNATURE", "SCHEDULE 13"].map(ASCIIText.phrase)

  private static func endsFootnotes(_ line: ValueText) -> Bool {
    headings.contains { line.after($0, at: 0) != nil }
  }

  /// A line without table separators (`|`), blanks normalised.
  static func cleaned(_ line: Substring) -> String {
    guard ASCIIText.containsByte(0x7C, in: line) else { return String(line) }
    return String(decoding: line.utf8.map { $0 == 0x7C ? 0x20 : $0 }, as: UTF8.self)
  }

  /// The footnotes in a region's lines, cleaned (``cleaned(_:)``) and in their scanning form: each starts on a
  /// line that begins with a marker and runs over the lines that follow it up to a blank line or the next
  /// footnote (a line that begins with a marker after a line that ends a sentence).
  ///
  /// - Parameters:
  ///   - regionLines: The region's lines, in order.
  ///   - firstPosition: The position of the first of them in the ``SourceLines``.
  static func footnotes(in regionLines: [ValueText], from firstPosition: Int) -> [Footnote] {
    var result: [Footnote] = []
    var current: (marker: String, text: [String], start: Int, end: Int)?
    func close() {
      if let current {
        result.append(
          Footnote(
            marker: current.marker, text: current.text.joined(separator: " "), positions: current.start..<current.end))
      }
      current = nil
    }
    for (offset, line) in regionLines.enumerated() {
      let position = firstPosition + offset
      if line.bytes.isEmpty {
        close()
        continue
      }
      // A marker at the start of a wrapped line ("(b) 1,250,000 shares ...") continues a footnote whose
      // sentence has not ended.
      let continuing = current.map { !($0.text.last?.hasSuffix(".") ?? true) } ?? false
      if !continuing, let start = footnoteStart(line) {
        close()
        current = (start.marker, [line.text(start.end..<line.bytes.count)], position, position + 1)
      } else if current != nil {
        current?.text.append(line.text)
        current?.end = position + 1
      }
    }
    close()
    return result
  }

  /// The marker a footnote line starts with and where its text begins.
  ///
  /// - Parameter line: The line, cleaned.
  /// - Returns: `nil` when the line does not start with a marker followed by text.
  static func footnoteStart(_ line: ValueText) -> (marker: String, end: Int)? {
    let bytes = line.bytes
    guard let first = bytes.first else { return nil }
    var marker: String?
    var end = 0
    if let bracketed = line.marker(at: 0) {
      marker = bracketed.marker
      end = bracketed.end
    } else if ASCIIText.isDigit(first) || ASCIIText.isLetter(first) {
      // "1.", "1)", "a." or a flattened superscript "1 " before words.
      var position = 0
      while position < bytes.count, position < 3, ASCIIText.isDigit(bytes[position]) { position += 1 }
      if position == 0 { position = 1 }
      guard position < bytes.count else { return nil }
      let next = bytes[position]
      let isDigitLabel = ASCIIText.isDigit(first)
      if next == 0x2E || next == 0x29 {
        guard position + 1 == bytes.count || bytes[position + 1] == 0x20 else { return nil }
        marker = ASCIIText.string(bytes, 0..<position)
        end = position + 1
      } else if isDigitLabel, next == 0x20, position + 1 < bytes.count, ASCIIText.isLetter(bytes[position + 1]) {
        marker = ASCIIText.string(bytes, 0..<position)
        end = position
      } else {
        return nil
      }
    }
    guard let marker else { return nil }
    let textStart = ASCIIText.skipBlanks(bytes, from: end)
    guard textStart < bytes.count else { return nil }
    return (marker, textStart)
  }

  // MARK: Applying them

  private static func apply(_ footnotes: [Footnote], to page: inout CoverPage, facts: DocumentFacts, lines: SourceLines)
  {
    var itemised: [String: (parts: [AmountPart], relation: PartsRelation, footnote: Located<String>)] = [:]
    for footnote in footnotes where itemised[footnote.marker] == nil {
      guard let parts = itemisedParts(footnote.text) else { continue }
      itemised[footnote.marker] = (
        parts.parts, parts.relation, Located(footnote.marker, line: lines.sourceLine(footnote.positions.lowerBound))
      )
    }
    var resolvedTotals:
      [(shares: ExactDecimal, parts: [AmountPart], relation: PartsRelation, footnote: Located<String>)] =
        []
    for field in amountFields {
      guard var row = page.rows[field], var amount = row.amount, amount.parts.isEmpty else { continue }
      guard let found = amount.markers.lazy.compactMap({ itemised[$0] }).first else { continue }
      amount.parts = found.parts
      amount.partsRelation = found.relation
      amount.partsFootnote = found.footnote
      row.value = .amount(amount)
      page.rows[field] = row
      resolvedTotals.append((amount.shares, found.parts, found.relation, found.footnote))
    }
    // A power row's shares are among row 11's: equal totals are the same shares, itemised the same way.
    if var row = page.rows[.aggregateAmountOwned], var aggregate = row.amount, aggregate.parts.isEmpty,
      let same = resolvedTotals.first(where: { $0.shares == aggregate.shares })
    {
      aggregate.parts = same.parts
      aggregate.partsRelation = same.relation
      aggregate.partsFootnote = same.footnote
      row.value = .amount(aggregate)
      page.rows[.aggregateAmountOwned] = row
    }
    // A footnote to the percent that states its basis.
    if var row = page.rows[.percentOfClass], var percent = row.percent, percent.statedBasis == nil {
      let aggregate = page.rows[.aggregateAmountOwned]?.amount?.shares.rational ?? .zero
      for marker in percent.markers {
        guard let footnote = footnotes.first(where: { $0.marker == marker }),
          let basis = statedBasis(footnote, facts: facts), aggregate < basis.value.rational
        else { continue }
        percent.statedBasis = basis
        row.value = .percent(percent)
        page.rows[.percentOfClass] = row
        break
      }
    }
  }

  /// The shares outstanding a footnote to a percent says the percent is based on.
  ///
  /// The footnote must say so ("based on", "based upon", "calculated on"); the number is the one the
  /// document's basis reader finds in it, plus every amount of shares the same sentence adds to it ("plus
  /// 1,750,000 additional shares issued in the offering", "plus (ii) the 9,333 shares issuable upon
  /// exercise of the option").
  ///
  /// - Parameters:
  ///   - footnote: The footnote.
  ///   - facts: The document's facts, whose basis reader reads the footnote's lines.
  /// - Returns: The basis in shares with the footnote's first source line, or `nil`.
  static func statedBasis(_ footnote: Footnote, facts: DocumentFacts) -> Located<ExactDecimal>? {
    let note = ValueText(footnote.text)
    guard basisPhrases.contains(where: { note.find($0) != nil }),
      let stated = facts.statedSharesOutstanding(in: footnote.positions)
    else { return nil }
    // Where the stated number is printed, and the amounts the sentence adds to it.
    let printed = ASCIIText.phrase(stated.value.description)
    guard let at = note.find(printed) ?? note.find(ASCIIText.phrase(stated.value.formatted(grouping: false)))
    else { return stated }
    let end = sentenceEnd(note, from: at.upperBound)
    var total = stated.value.rational
    var position = at.upperBound
    while let plus = note.find(plusWord, from: position), plus.upperBound < end {
      var next = ASCIIText.skipBlanks(note.bytes, from: plus.upperBound)
      if let label = note.marker(at: next) { next = ASCIIText.skipBlanks(note.bytes, from: label.end) }
      for filler in addedFillers {
        if let after = note.after(filler, at: next) { next = ASCIIText.skipBlanks(note.bytes, from: after) }
      }
      position = plus.upperBound
      guard let added = note.number(at: next), let value = added.value,
        ValueParsers.startsWithAmountNoun(note, at: added.end), let sum = try? total + value.rational
      else { continue }
      total = sum
      position = added.end
    }
    guard total != stated.value.rational, total.denominator == 1 else { return stated }
    return Located(ExactDecimal(significand: total.numerator, scale: 0), line: stated.line)
  }

  private static let basisPhrases = ["BASED ON", "BASED UPON", "CALCULATED ON", "CALCULATED BASED", "CALCULATED USING"]
    .map(ASCIIText.phrase)
  private static let plusWord = ASCIIText.phrase("PLUS")
  private static let addedFillers = ["THE ", "AN ADDITIONAL ", "ADDITIONAL ", "AN AGGREGATE OF "].map(ASCIIText.phrase)

  /// The parts a footnote itemises, from its first relation phrase to the end of that sentence.
  ///
  /// - Parameter text: The footnote's text after its marker.
  /// - Returns: `nil` when the footnote itemises nothing.
  static func itemisedParts(_ text: String) -> (parts: [AmountPart], relation: PartsRelation)? {
    let note = ValueText(text)
    // The earliest occurrence of any relation phrase, the phrases looked for in one pass over the bytes.
    guard let first = note.occurrences(of: relationPhraseSet).first?.range else { return nil }
    let sentence = ValueText(
      normalized: Array(note.bytes[first.lowerBound..<sentenceEnd(note, from: first.upperBound)]))
    let split = ValueParsers.splitAmountText(sentence)
    guard let partsText = split.parts, case .success(let parts) = ValueParsers.parseParts(partsText), !parts.isEmpty
    else { return nil }
    return (parts, split.relation)
  }

  /// The relation phrases (``ValueParsers/relationPhrases``) made ready for one pass over a footnote's bytes.
  private static let relationPhraseSet = PhraseSet(ValueParsers.relationPhrases.map(\.phrase))

  /// The offset where the sentence that runs on from `from` ends: a point before a blank and a capital,
  /// unless the point ends an abbreviation ("Inc.", "L.P.", "No.").
  static func sentenceEnd(_ text: ValueText, from: Int) -> Int {
    let bytes = text.bytes
    var position = from
    while position < bytes.count {
      if bytes[position] == 0x2E, position + 2 < bytes.count, bytes[position + 1] == 0x20,
        bytes[position + 2] >= 0x41 && bytes[position + 2] <= 0x5A
      {
        var wordStart = position
        while wordStart > 0, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
        let word = ASCIIText.string(bytes, wordStart..<(position + 1))
        if !ValueParsers.endsWithAbbreviation(word), !abbreviations.contains(word.lowercased()) { return position }
      }
      position += 1
    }
    return bytes.count
  }

  private static let abbreviations: Set<String> = [
    "no.", "nos.", "mr.", "ms.", "mrs.", "dr.", "st.", "u.s.", "approx.",
  ]
}
