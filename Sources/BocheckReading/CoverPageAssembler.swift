import BocheckModel

/// A value fragment as it stands in the source, before it is assigned to a row.
struct ValueFragment {
  /// The text.
  var text: String
  /// The 1-based line.
  var line: Int
  /// The 1-based column.
  var column: Int
  /// The row number printed in a cell of the same line, when the line has one but no caption.
  var marker: Int?
  /// Whether the fragment stands on its caption's line.
  var isInline: Bool
}

/// A caption met in the source, with the fragments that follow it up to the next caption.
struct CaptionSlot {
  /// Which row the caption names.
  let field: RowField
  /// The row number printed before the caption, if any.
  let printedNumber: Int?
  /// The 1-based line of the caption.
  let line: Int
  /// The 1-based column of the caption.
  let column: Int
  /// The fragments after it, in order.
  var fragments: [ValueFragment] = []
}

/// Turns the tokenized lines of the cover-page region into cover pages.
///
/// Pages are split where the row order starts again (a row-1 caption, or a caption whose row comes before
/// the previous one's). Each caption takes the values that follow it up to the next caption, with wrapped
/// lines joined. Two layouts that conversions produce are recognised and read with a note, never silently:
/// values printed apart from their labels (four labels, then four values: taken in order when the counts
/// agree, reported as unassignable when they do not), and values that stand one table cell off (the row
/// number printed on the value's line is the next row's).
struct CoverPageAssembler {
  /// The schedule whose row numbering applies.
  let schedule: Schedule
  /// What the filing's row texts read as, worked out once per distinct text and shared by every page.
  private let memo = RowTextMemo()

  /// The assembled pages and the notes made while assembling them.
  struct Result {
    var pages: [CoverPage] = []
    var notes: [ReaderNote] = []
  }

  /// The most distinct texts the memo's tables make room for at the start: about what a filing of a dozen cover
  /// pages holds.
  static let memoReserveLimit = 1_024

  /// Assembles pages from tokenized lines.
  ///
  /// - Parameter lines: The lines of the cover-page region, in order.
  func assemble(_ lines: [TokenizedLine]) -> Result {
    // Every text the memo is asked about stands in a value token of these lines, or joins such texts; a region
    // of many pages repeats its texts, so the tables start no larger than a few pages' worth and grow from there.
    memo.reserveCapacity(min(lines.reduce(0) { $0 + $1.tokens.count }, CoverPageAssembler.memoReserveLimit))
    var pages: [(slots: [CaptionSlot], cusip: String?, line: Int, preamble: [ValueFragment])] = []
    var current: [CaptionSlot] = []
    var currentCusip: String?
    var pendingCusip: String?
    var startLine = 0
    // Values between a page's "CUSIP No." line (or the start) and its first caption: a name or values
    // printed above their captions, which belong to the next page if it starts there.
    var preamble: [ValueFragment] = []
    var currentPreamble: [ValueFragment] = []
    var afterCusip = false
    func closePage() {
      if !current.isEmpty { pages.append((current, currentCusip, startLine, currentPreamble)) }
      current = []
      currentCusip = nil
      currentPreamble = []
    }
    for line in lines {
      switch line.role {
      case .blank, .noise:
        continue
      case .cusip(let cusip):
        pendingCusip = cusip
        afterCusip = true
      case .content:
        // The line's first row-number cell, looked for without making a list of them.
        var marker: Int?
        for token in line.tokens {
          if case .marker(let value) = token.kind {
            marker = value
            break
          }
        }
        var captionOnLine = false
        for token in line.tokens {
          var kind = token.kind
          // A terse "Item N:" row is the row that number stands for on this schedule.
          if case .itemRow(let printed) = kind {
            guard let field = RowField.field(number: printed, in: schedule) else { continue }
            kind = .caption(field, number: printed)
          }
          switch kind {
          case .caption(let field, let number):
            // A caption's wrapped line that repeats its key words ("... AGGREGATE AMOUNT" / "IN ROW (11)
            // EXCLUDES CERTAIN SHARES") continues the caption before it.
            // A number on the wrapped line is a row reference ("... in Row" / "(11) Excludes Certain Shares").
            if let last = current.last, last.field == field, last.fragments.isEmpty,
              number == nil || number == last.printedNumber || field != .reportingPersonName
            {
              continue
            }
            // On a page that lists several persons, "Name of Reporting Person" heading a row's table is
            // that table's column heading, not a new page.
            if field == .reportingPersonName, let first = current.first, let last = current.last,
              last.field != .reportingPersonName,
              last.fragments.isEmpty || last.field.valueKind == .amount
                || last.field.valueKind == .percent,
              Self.combinedPersons(first) != nil
            {
              continue
            }
            let startsPage =
              current.isEmpty || field == .reportingPersonName || field.order <= current.last!.field.order
            if !startsPage, !preamble.isEmpty {
              // The page goes on after a running "CUSIP No." header: what stood between belongs to it.
              current[current.count - 1].fragments += preamble
              preamble = []
            }
            afterCusip = false
            if !current.isEmpty, startsPage {
              closePage()
            }
            if current.isEmpty {
              // Room for a page's every row at once, rather than growing slot by slot.
              current.reserveCapacity(RowField.allCases.count)
              startLine = token.line
              currentCusip = pendingCusip
              pendingCusip = nil
              currentPreamble = preamble
              preamble = []
            }
            current.append(CaptionSlot(field: field, printedNumber: number, line: token.line, column: token.column))
            captionOnLine = true
          case .value(let text):
            let fragment = ValueFragment(
              text: text, line: token.line, column: token.column, marker: captionOnLine ? nil : marker,
              isInline: captionOnLine)
            if current.isEmpty || afterCusip {
              preamble.append(fragment)
            } else {
              current[current.count - 1].fragments.append(fragment)
            }
          case .marker, .itemRow:
            continue
          }
        }
      }
    }
    if !current.isEmpty, !preamble.isEmpty { current[current.count - 1].fragments += preamble }
    closePage()
    // A row number printed on its own line above its caption ("7" then "SOLE VOTING POWER") is not a value
    // of the row before.
    for pageIndex in pages.indices {
      var slots = pages[pageIndex].slots
      for index in slots.indices.dropLast() where slots[index + 1].printedNumber == nil {
        // Only when the row keeps a value of its own: a lone "9" under an unnumbered caption may be the value.
        guard slots[index].fragments.count >= 2, let last = slots[index].fragments.last, !last.isInline,
          Int(last.text) == slots[index + 1].field.number(in: schedule)
        else { continue }
        slots[index].fragments.removeLast()
      }
      pages[pageIndex].slots = slots
    }
    var result = Result()
    for page in pages {
      let index = result.pages.count + 1
      if let first = page.slots.first, let persons = Self.combinedPersons(first) {
        result.pages += splitCombined(
          page.slots, persons: persons, firstIndex: index, line: page.line, cusip: page.cusip, notes: &result.notes)
        continue
      }
      // Room for a row per caption of the page at once, rather than growing (and rehashing) row by row, and no
      // more: a page of one caption does not hold room for fourteen rows.
      var rows: [RowField: Row] = [:]
      rows.reserveCapacity(min(page.slots.count, RowField.allCases.count))
      let (slots, values, aboveNote) = valuesAboveCaptions(page.slots, preamble: page.preamble)
      assignRows(
        slots, values: values ?? slots.map { logicalValues(of: $0) }, page: index, into: &rows, notes: &result.notes)
      if let aboveNote {
        for (field, row) in rows where row.status == .read && row.value != nil && field != .secUseOnly {
          guard let note = aboveNote(field) else { continue }
          var recovered = row
          recovered.status = .recovered
          recovered.note = note
          rows[field] = recovered
        }
      }
      result.pages.append(CoverPage(index: index, line: page.line, rows: rows, cusip: page.cusip))
    }
    return result
  }

  // MARK: Values printed above their captions

  /// The slots as the page must be read when its values stand above their captions, with their values when
  /// they were worked out on the way, and the note that says so for a recovered row; the slots unchanged (and
  /// no values, no note) otherwise.
  ///
  /// Some filings print each value on the line before its caption, so that the name stands before the
  /// page's first caption (``preamble``). When text stands there, both readings are tried, each value with
  /// the caption after it and each with the caption before it, and the one whose values fit their rows
  /// better (numbers in amount rows, a percent in the percent row, codes in the type row) wins. A name above
  /// an otherwise ordinary page whose name row is empty is taken alone. Either way the rows say what was
  /// assumed. The values (``logicalValues(of:)``) of the slots returned, one list per slot, are handed back
  /// when both readings were tried, so that they are not worked out again.
  func valuesAboveCaptions(_ slots: [CaptionSlot], preamble: [ValueFragment]) -> (
    [CaptionSlot], [[ValueFragment]]?, ((RowField) -> String?)?
  ) {
    guard let first = slots.first, first.field == .reportingPersonName,
      preamble.contains(where: { !$0.text.trimmingBlanks().isEmpty })
    else { return (slots, nil, nil) }
    var shifted = slots
    shifted[0].fragments = preamble
    for index in slots.indices.dropFirst() { shifted[index].fragments = slots[index - 1].fragments }
    // The values of every slot after the first, in each reading.
    let shiftedValues = shifted.dropFirst().map { logicalValues(of: $0) }
    let ownValues = slots.dropFirst().map { logicalValues(of: $0) }
    let fits = { (candidate: [CaptionSlot], values: [[ValueFragment]]) in
      zip(candidate.dropFirst(), values).filter { self.valueFits($0, first: $1.first) }.count
    }
    if fits(shifted, shiftedValues) > fits(slots, ownValues) {
      return (
        shifted, [logicalValues(of: shifted[0])] + shiftedValues,
        { field in
          "the values stand above their captions on this page; row \(field.number(in: self.schedule) ?? 0)'s "
            + "was taken from the line before its caption"
        }
      )
    }
    let firstValues = logicalValues(of: first)
    guard firstValues.isEmpty else { return (slots, [firstValues] + ownValues, nil) }
    var named = slots
    named[0].fragments = preamble
    return (
      named, [logicalValues(of: named[0])] + ownValues,
      { field in
        field == .reportingPersonName ? "the name stands above the row's caption and was taken from there" : nil
      }
    )
  }

  /// Whether a slot's first value reads as the kind of value its row holds.
  ///
  /// - Parameters:
  ///   - slot: The slot.
  ///   - value: Its first value (``logicalValues(of:)``), if it has one.
  private func valueFits(_ slot: CaptionSlot, first value: ValueFragment?) -> Bool {
    guard let value else { return false }
    switch slot.field.valueKind {
    case .amount, .percent:
      return memo.parse(value.text, for: slot.field).isValue
    case .codes:
      return ValueParsers.looksLikeCodes(value.text)
    case .text, .checkbox, .groupBoxes:
      return false
    }
  }

  // MARK: Assigning values to rows

  private func number(of slot: CaptionSlot) -> Int {
    slot.printedNumber ?? slot.field.number(in: schedule) ?? 0
  }

  func assignRows(
    _ slots: [CaptionSlot], page: Int, into rows: inout [RowField: Row], notes: inout [ReaderNote]
  ) {
    assignRows(slots, values: slots.map { logicalValues(of: $0) }, page: page, into: &rows, notes: &notes)
  }

  /// Assigns the values of a page's slots to their rows, the values already worked out.
  ///
  /// - Parameters:
  ///   - slots: The page's slots, in order.
  ///   - values: Each slot's values (``logicalValues(of:)``), in the same order.
  ///   - page: The page's 1-based index, for notes.
  ///   - rows: The rows read, by field.
  ///   - notes: The notes made.
  private func assignRows(
    _ slots: [CaptionSlot], values: [[ValueFragment]], page: Int, into rows: inout [RowField: Row],
    notes: inout [ReaderNote]
  ) {
    var index = 0
    while index < slots.count {
      // A run of amount captions with no values, the last one followed by several values: a detached layout.
      var end = index
      while end + 1 < slots.count, values[end].isEmpty, slots[end].field.valueKind == .amount,
        slots[end + 1].field.valueKind == .amount, slots[end + 1].field.order == slots[end].field.order + 1
      {
        end += 1
      }
      let runValues = values[end]
      if end > index, runValues.count >= 2, !(runValues.first?.isInline ?? false) {
        assignDetached(Array(slots[index...end]), runValues, into: &rows)
        index = end + 1
        continue
      }
      let previousIsEmptyCheckbox =
        index > 0 && values[index - 1].isEmpty
        && slots[index - 1].field.valueKind == .checkbox
      assignSingle(
        slots[index], values[index], page: page, isLastOnPage: index == slots.count - 1,
        previousIsEmptyCheckbox: previousIsEmptyCheckbox, into: &rows, notes: &notes)
      index += 1
    }
  }

  private func rangeText(_ slots: [CaptionSlot]) -> String {
    "rows \(number(of: slots[0]))–\(number(of: slots[slots.count - 1]))"
  }

  private func assignDetached(_ slots: [CaptionSlot], _ values: [ValueFragment], into rows: inout [RowField: Row]) {
    let lines = values.map { String($0.line) }.joined(separator: ", ")
    if values.count == slots.count {
      for (offset, slot) in slots.enumerated() {
        let value = values[offset]
        rows[slot.field] = recoveredRow(slot, value) {
          "the value stands apart from its label: \(ordinal(offset + 1)) of the \(values.count) values listed "
            + "after the labels of \(rangeText(slots)) (line \(value.line)); taken in order as row \(number(of: slot))'s"
        }
      }
      return
    }
    for slot in slots {
      rows[slot.field] = Row(
        field: slot.field, raw: values.map(\.text).joined(separator: " | "), line: slot.line, column: slot.column,
        status: .malformed, value: nil,
        note: "\(values.count) values (lines \(lines)) follow the labels of \(rangeText(slots)); "
          + "which value belongs to which row cannot be told, so none is used")
    }
  }

  private func assignSingle(
    _ slot: CaptionSlot, _ values: [ValueFragment], page: Int, isLastOnPage: Bool, previousIsEmptyCheckbox: Bool,
    into rows: inout [RowField: Row], notes: inout [ReaderNote]
  ) {
    // A lone small number after a row of codes or text is a page number, not the row's value. Other rows keep
    // their values as they are, without a copy.
    let dropsPageNumbers = slot.field.valueKind == .codes || (slot.field.valueKind == .text && isLastOnPage)
    let isPageNumber = { (value: ValueFragment) in
      // "00" is a mistyped code ("OO"), not a page number: pages start at 1. The number is parsed first, which
      // stops at the first byte that is no digit, before the characters of a long text are counted.
      (Int(value.text) ?? 0) > 0 && value.text.count <= 3 && value.text.allSatisfy(\.isNumber)
    }
    // A list without the page numbers is made only when there is one to drop.
    let values =
      !dropsPageNumbers || !values.contains(where: isPageNumber) ? values : values.filter { !isPageNumber($0) }
    guard !values.isEmpty else {
      rows[slot.field] = emptyRow(slot)
      return
    }
    var chosen = 0
    switch slot.field.valueKind {
    case .percent:
      // Prefer the value printed as a percent; a lone box glyph before it belongs to the empty box above.
      if let withSign = values.firstIndex(where: { $0.text.contains("%") && ValueParsers.parsePercent($0.text).isValue }
      ) {
        chosen = withSign
      } else if let readable = values.firstIndex(where: { ValueParsers.parsePercent($0.text).isValue }) {
        chosen = readable
      }
    case .codes:
      // Codes stand right after their caption: from a footnote's sentence on, what follows is prose under
      // the page, not the row.
      let own = values.prefix { !ValueParsers.isFootnoteProse($0.text) }
      // These values are no footnote's prose, which looksLikeCodes would ask again.
      if let readable = own.firstIndex(where: { readsAsCodes($0.text, in: slot.field) }) {
        chosen = readable
      } else if own.isEmpty {
        rows[slot.field] = emptyRow(slot)
        return
      }
    default:
      break
    }
    // A row read as it stands is handed to the table as made, not kept in a variable and copied.
    if let marker = values[chosen].marker, marker != number(of: slot) {
      rows[slot.field] = recoveredRow(slot, values[chosen]) {
        "the value stands in row \(marker)'s cell (line \(values[chosen].line)); taken as row \(number(of: slot))'s, "
          + "whose label it follows"
      }
    } else {
      rows[slot.field] = makeRow(slot, values[chosen])
    }
    // What else follows the caption: a stray number in an amount or percent row is worth saying.
    guard slot.field.valueKind == .amount || slot.field.valueKind == .percent else { return }
    for (offset, extra) in values.enumerated() where offset != chosen {
      if extra.text == values[chosen].text { continue }
      if previousIsEmptyCheckbox && offset < chosen && ValueParsers.checkboxGlyph(extra.text) { continue }
      if isLastOnPage && extra.text.allSatisfy(\.isNumber) { continue }
      notes.append(
        ReaderNote(
          page: page, field: slot.field, line: extra.line, column: extra.column,
          message: "a stray value '\(extra.text.prefix(40))' follows row \(number(of: slot))'s value and belongs to "
            + "no row; it was not read as data"))
    }
  }

  /// Whether a value of a row of codes reads as codes (``ValueParsers/readsAsCodes(_:)``), from the row's
  /// parse in the memo when the text has no blank at its ends: the memo parses the text as the row reads it,
  /// trimmed, and the value chosen is then read from there.
  ///
  /// - Parameters:
  ///   - text: The value.
  ///   - field: The row of codes.
  func readsAsCodes(_ text: String, in field: RowField) -> Bool {
    guard ASCIIText.withUTF8(text, { LineBytes.trimmedRange($0).count == $0.count }) else {
      return ValueParsers.readsAsCodes(text)
    }
    guard case .value(.codes(let codes)) = memo.parse(text, for: field) else { return false }
    return ValueParsers.areCodes(codes)
  }

  private func emptyRow(_ slot: CaptionSlot) -> Row {
    switch slot.field.valueKind {
    case .checkbox:
      return Row(
        field: slot.field, raw: "", line: slot.line, column: slot.column, status: .read, value: .checkbox(false))
    case .groupBoxes:
      return Row(
        field: slot.field, raw: "", line: slot.line, column: slot.column, status: .read,
        value: .groupBoxes(a: false, b: false))
    default:
      if slot.field == .secUseOnly {
        return Row(field: slot.field, raw: "", line: slot.line, column: slot.column, status: .read, value: .text(""))
      }
      return Row(field: slot.field, raw: "", line: slot.line, column: slot.column, status: .missing, value: nil)
    }
  }

  /// The row a value reads as, marked recovered with the note `note` gives when it was read as it stands: the
  /// value was taken from somewhere other than its row's own place.
  ///
  /// - Parameters:
  ///   - slot: The row's caption.
  ///   - value: The value taken for it.
  ///   - note: Says where the value stood.
  private func recoveredRow(_ slot: CaptionSlot, _ value: ValueFragment, note: () -> String) -> Row {
    var row = makeRow(slot, value)
    if row.status == .read {
      row.status = .recovered
      row.note = note()
    }
    return row
  }

  private func makeRow(_ slot: CaptionSlot, _ value: ValueFragment) -> Row {
    switch memo.parse(value.text, for: slot.field) {
    case .value(let parsed):
      return Row(
        field: slot.field, raw: value.text, line: value.line, column: value.column, status: .read, value: parsed)
    case .malformed(let why):
      return Row(
        field: slot.field, raw: value.text, line: value.line, column: value.column, status: .malformed, value: nil,
        note: why)
    case .empty:
      return emptyRow(slot)
    }
  }

  // MARK: Joining wrapped values

  /// The slot's fragments with wrapped lines joined into whole values.
  func logicalValues(of slot: CaptionSlot) -> [ValueFragment] {
    let field = slot.field
    // The fragments that are not caption words only: the slot's own list when none is, a list of the others
    // otherwise; the fragments dropped from its start below are skipped by moving `start` on, not removed. A
    // fragment is caption words only when nothing is left of it once they are cut, so the first one kept has
    // its cut at hand: a value of one fragment, the commonest, is cut once.
    var firstCut: ValueFragment?
    // The fragments kept, listed only once one is dropped (until then, the slot's own list serves).
    var keptOnceOneIsDropped: [ValueFragment]?
    for (index, fragment) in slot.fragments.enumerated() {
      guard let cut = valuePart(of: fragment, in: field) else {
        if keptOnceOneIsDropped == nil {
          keptOnceOneIsDropped = Array(slot.fragments[..<index])
          keptOnceOneIsDropped!.reserveCapacity(slot.fragments.count - 1)
        }
        continue
      }
      if firstCut == nil { firstCut = cut }
      keptOnceOneIsDropped?.append(fragment)
    }
    let fragments = keptOnceOneIsDropped ?? slot.fragments
    var start = 0
    // A caption's wrapped last line ("OF ABOVE PERSON") before a name or a place continues the caption,
    // even when it holds only words that values may hold too. Rows of numbers lost such fragments
    // above already; rows of codes keep them ("IN" is a value there).
    if slot.field.valueKind == .text {
      while start < fragments.count, !fragments[start].isInline,
        CaptionWords.stripsToNothing(fragments[start].text, inName: false, cutsOrdinaryWords: true)
      {
        start += 1
      }
    }
    // The row's own number printed under its caption ("SOLE VOTING POWER" / "5" / "800") is not its value.
    // Printed with its mark ("13.", "(13)", "[13]") it is the number even when no value follows; a row number
    // takes four bytes at most, so a longer text is none without its bytes being copied.
    if start < fragments.count, !fragments[start].isInline || slot.printedNumber == nil,
      fragments[start].text.utf8.count <= 4,
      LineTokenizer.rowNumber(Array(fragments[start].text.utf8), 0..<fragments[start].text.utf8.count)
        == number(of: slot),
      fragments.count - start >= 2 || !fragments[start].text.allSatisfy(\.isNumber)
    {
      start += 1
    }
    // A dash that leads from the caption to a value printed on the next line ("SHARED VOTING POWER --" /
    // "None") is a leader, not the value.
    if fragments.count - start >= 2, fragments[start].isInline, !fragments[start + 1].isInline,
      fragments[start].text.trimmingBlanks().allSatisfy({ $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" })
    {
      start += 1
    }
    guard start < fragments.count else { return [] }
    // The values, listed only once one differs from the fragment it stands for (until then, the first `kept`
    // fragments are the values, and the slot's own list is handed back when every one is): most slots hold
    // values as printed, which need no list of their own.
    var result = ValueList(fragments: fragments, isTheFragments: keptOnceOneIsDropped == nil && start == 0)
    // The value being joined, whether it was joined from several fragments, and whether it is still the first
    // fragment kept, whose cut is known. Each value is added with its caption words cut; one left with nothing
    // is dropped.
    var current = fragments[start]
    var isJoined = false
    var isFirstKept = start == 0
    let joinsEverything = field.valueKind == .checkbox || field.valueKind == .groupBoxes
    let joinsWrapped = field.valueKind == .amount || field.valueKind == .text
    for next in fragments[(start + 1)...] {
      if joinsEverything || (joinsWrapped && ValueParsers.continues(current.text, with: next.text)) {
        current.text.append(" ")
        current.text.append(next.text)
        isJoined = true
      } else {
        result.append(
          isFirstKept ? firstCut : valuePart(of: current, in: field, dropsParenthesisEnds: false), isJoined: isJoined)
        current = next
        isJoined = false
      }
      isFirstKept = false
    }
    result.append(
      isFirstKept ? firstCut : valuePart(of: current, in: field, dropsParenthesisEnds: false), isJoined: isJoined)
    return result.values
  }

  /// The values ``logicalValues(of:)`` finds, listed only once one of them is not its fragment as printed.
  private struct ValueList {
    /// The fragments the values are read from.
    let fragments: [ValueFragment]
    /// Whether the values so far are the first ``kept`` fragments as they stand, unlisted.
    var isTheFragments: Bool
    /// How many values are kept while they are the fragments.
    var kept = 0
    /// The values, once one differs from its fragment.
    var listed: [ValueFragment] = []

    /// Adds a value: a fragment or fragments joined, with its caption words cut, or `nil` when nothing is left.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - isJoined: Whether it was joined from several fragments.
    mutating func append(_ value: ValueFragment?, isJoined: Bool) {
      if isTheFragments {
        // A value cut from neither end is its fragment as printed: nothing was cut from its start, and the
        // text kept has as many bytes (what is cut is cut from the ends).
        if let value, !isJoined, kept < fragments.count, value.column == fragments[kept].column,
          value.text.utf8.count == fragments[kept].text.utf8.count
        {
          kept += 1
          return
        }
        isTheFragments = false
        listed.reserveCapacity(fragments.count)
        listed.append(contentsOf: fragments[..<kept])
      }
      if let value { listed.append(value) }
    }

    /// The values found.
    var values: [ValueFragment] {
      guard isTheFragments else { return listed }
      return kept == fragments.count ? fragments : Array(fragments[..<kept])
    }
  }

  /// A fragment with the caption words at its ends cut off, or `nil` when it is caption words only: nothing
  /// else is left, or (when asked) it ends a caption's parenthesis that wrapped.
  ///
  /// In rows whose values are numbers, codes excepted, any caption word at either end is cut ("WITH",
  /// "BENEFICIALLY OWNED BY"); elsewhere only runs that hold a distinctive caption word are. Row 1 is left
  /// whole here: its parser cuts caption words and identification numbers once its lines are joined.
  ///
  /// Both questions are asked of the memo in one look-up, each answered once per distinct text and kind of row.
  /// A bare number (``isBareNumber(_:)``) holds no bracket and is its own value part, told without a look-up.
  ///
  /// - Parameters:
  ///   - fragment: The fragment as printed, or a value joined from fragments.
  ///   - field: The row it follows.
  ///   - dropsParenthesisEnds: Whether the end of a wrapped parenthesis is caption words: `false` for a value
  ///     joined from fragments that each were value parts.
  func valuePart(of fragment: ValueFragment, in field: RowField, dropsParenthesisEnds: Bool = true)
    -> ValueFragment?
  {
    if Self.isBareNumber(fragment.text) { return fragment }
    let cut = memo.valuePart(
      fragment.text, of: field, dropsParenthesisEnds: dropsParenthesisEnds,
      closesWrappedParenthesis: { Self.closesWrappedParenthesis(fragment.text, in: field) },
      { Self.withoutCaptionWords(fragment.text, of: field) })
    return Self.fragment(fragment, cutTo: cut)
  }

  /// Whether a text ends a caption's parenthesis that wrapped ("(Entities" / "Only)"): it closes more
  /// parentheses than it opens and holds caption words only, ordinary ones included. Such a text is caption
  /// in every row but one of codes, where "IN" and "CO" are values.
  private static func closesWrappedParenthesis(_ text: String, in field: RowField) -> Bool {
    guard field.valueKind != .codes else { return false }
    let closesMore = ASCIIText.withUTF8(text) { bytes in
      var depth = 0
      for byte in bytes {
        if byte == 0x28 {
          depth += 1
        } else if byte == 0x29 {
          depth -= 1
        }
      }
      return depth < 0
    }
    return closesMore && CaptionWords.stripsToNothing(text, inName: false, cutsOrdinaryWords: true)
  }

  /// Whether a text is a bare number such as "1,000", "0" or "5.2%": a digit, then digits, commas, points
  /// and percent signs only.
  ///
  /// Such a text is one word whose key is digits only, which no caption word is (a known word has a letter):
  /// in every row it is a value and nothing is cut from it, which is told without the memo's look-up.
  static func isBareNumber(_ text: String) -> Bool {
    ASCIIText.withUTF8(text) { bytes in
      guard let first = bytes.first, ASCIIText.isDigit(first) else { return false }
      return bytes.allSatisfy { ASCIIText.isDigit($0) || $0 == 0x2C || $0 == 0x2E || $0 == 0x25 }
    }
  }

  /// A fragment with its text replaced by what its cut left, its column moved past what was cut from its start;
  /// `nil` when nothing was left.
  ///
  /// - Parameters:
  ///   - fragment: The fragment as printed.
  ///   - cut: The text left and how many characters were cut from its start, or `nil` when nothing is left.
  private static func fragment(_ fragment: ValueFragment, cutTo cut: (text: String, cutFromStart: Int)?)
    -> ValueFragment?
  {
    guard let (text, cutFromStart) = cut else { return nil }
    var result = fragment
    result.text = text
    result.column += cutFromStart
    return result
  }

  /// A fragment's text with the caption words at its ends cut off, the work behind the memo of the
  /// fragment's cut above: what is left and how many characters were cut from its start, or `nil` when
  /// nothing is left.
  private static func withoutCaptionWords(_ text: String, of field: RowField) -> (
    text: String, cutFromStart: Int
  )? {
    let trimmed = text.trimmingBlanks()
    guard !trimmed.isEmpty else { return nil }
    guard field != .reportingPersonName else { return (text, 0) }
    let numeric = field.valueKind == .amount || field.valueKind == .percent
    var (text, cut) = CaptionWords.strip(trimmed, inName: false, cutsOrdinaryWords: numeric)
    guard !text.isEmpty else { return nil }
    // A short label before a number ("Fund: 1,000", the person's short name): the number is the value. The
    // colon is looked for among the first 25 characters only, where a label's colon stands (and among the
    // characters only when the bytes hold one).
    if numeric, ASCIIText.containsByte(0x3A, in: text), let colon = text.prefix(25).firstIndex(of: ":"),
      text[..<colon].allSatisfy({ $0.isLetter || $0 == " " || $0 == "." }),
      text[text.index(after: colon)...].trimmingBlanks().first?.isNumber == true
    {
      let rest = text[text.index(after: colon)...]
      let value = rest.trimmingBlanks()
      cut += text.distance(from: text.startIndex, to: rest.startIndex) + (rest.count - rest.drop { $0 == " " }.count)
      text = value
    }
    return (text, cut)
  }

  private func ordinal(_ value: Int) -> String {
    switch value {
    case 1: return "the first"
    case 2: return "the second"
    case 3: return "the third"
    case 4: return "the fourth"
    default: return "value \(value)"
    }
  }
}

extension RowField {
  /// The row's position in printed order, the same on both schedules: its place among ``allCases``, which is
  /// the index of its case (see ``CaseHashing``).
  var order: Int { CaseHashing.index(of: self) }
}

extension ParsedValue {
  /// Whether a value was read.
  var isValue: Bool {
    if case .value = self { return true }
    return false
  }
}

extension ValueParsers {
  /// Whether `next` continues the value `previous` began (a wrapped line) rather than starting a new one.
  ///
  /// A new value starts with a number (or `-0-`) or is a lone box glyph; anything else continues the
  /// previous text. A number continues it only when the previous text ends mid-phrase (with a comma, a
  /// semicolon, "of", "and", "by" or a part label such as "(ii)").
  static func continues(_ previous: String, with next: String) -> Bool {
    let trimmedNext = next.trimmingBlanks()
    guard let first = trimmedNext.first else { return true }
    if checkboxGlyph(trimmedNext) { return false }
    let startsNew = first.isNumber || trimmedNext.hasPrefix("-0-") || (first == "-" && trimmedNext.count == 1)
    if !startsNew { return true }
    let lower = previous.trimmingBlanks().lowercased()
    for ending in [",", ";", " of", " and", " by", "(i)", "(ii)", "(iii)", "(iv)", "(v)", "(a)", "(b)", "(c)", "("]
    where lower.hasSuffix(ending) {
      return true
    }
    return false
  }

  /// Whether the text is nothing but a checkbox glyph such as `o`, `0`, `X` or `[ ]`.
  static func checkboxGlyph(_ text: String) -> Bool {
    // No glyph, nor any text canonically equivalent to one ("y" and a combining acute for "ý"), takes more than
    // three UTF-8 bytes: a longer text is none, told on its bytes before a trimmed copy is made.
    guard ASCIIText.withUTF8(text, { LineBytes.trimmedRange($0).count <= 3 }) else { return false }
    return checkboxGlyphs.contains(text.trimmingBlanks())
  }

  /// The glyphs conversions print for a checkbox, made once rather than at every ``checkboxGlyph(_:)`` asked.
  private static let checkboxGlyphs = ["o", "0", "x", "X", "[ ]", "[x]", "[X]", "¨", "þ", "ý", "☐", "☒"]

  /// Whether a text reads as a footnote's sentence rather than a row's value: it starts with a footnote
  /// mark ("*", "†", "(1)" and a sentence) or with a lower-case word of a sentence, or runs to more than
  /// eight words.
  static func isFootnoteProse(_ text: String) -> Bool {
    // An ASCII text without a carriage return is read on its bytes, each a character; any other by characters.
    ASCIIText.withUTF8(text, isASCIIFootnoteProse) ?? isFootnoteProseByCharacters(text)
  }

  /// ``isFootnoteProse(_:)`` read character by character, for a text that is not ASCII.
  static func isFootnoteProseByCharacters(_ text: String) -> Bool {
    let text = text.trimmingBlanks()
    guard let first = text.first else { return true }
    // The words are counted on the bytes: runs of bytes other than the space.
    let wordCount = ASCIIText.withUTF8(text, LineBytes.spaceSeparatedWordCount)
    // The word count before the case of the first character, which takes longer to tell.
    if first == "*" || first == "\u{2020}" || (wordCount >= 3 && first.isLowercase) { return true }
    // "(1) Figure, as referred to ..." but not a labelled value such as "(a) IN".
    if text.hasPrefix("("), let close = text.firstIndex(of: ")"), text.distance(from: text.startIndex, to: close) <= 3,
      wordCount > 4
    {
      return true
    }
    return wordCount > 8
  }

  /// ``isFootnoteProse(_:)`` read on a text's bytes, or `nil` when the text, blanks at its ends cut, is not
  /// ASCII or holds a carriage return (which a line feed after it joins into one character).
  ///
  /// - Parameter bytes: The text's UTF-8 bytes.
  private static func isASCIIFootnoteProse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    let text = UnsafeBufferPointer(rebasing: bytes[LineBytes.trimmedRange(bytes)])
    guard ASCIIText.isASCII(text), !text.contains(0x0D) else { return nil }
    guard let first = text.first else { return true }
    let wordCount = LineBytes.spaceSeparatedWordCount(text)
    // "*", or a lower-case letter starting a sentence of three words or more.
    if first == 0x2A || (wordCount >= 3 && first >= 0x61 && first <= 0x7A) { return true }
    // "(1) Figure, as referred to ...": the closing parenthesis among the first four characters.
    if first == 0x28, let close = text.firstIndex(of: 0x29), close <= 3, wordCount > 4 { return true }
    return wordCount > 8
  }

  /// Whether the text reads as SEC codes (short upper-case words), not as prose or a number.
  static func looksLikeCodes(_ text: String) -> Bool {
    // A sentence under the page ("*Of this amount, ...") holds short words but is no row of codes.
    !isFootnoteProse(text) && readsAsCodes(text)
  }

  /// Whether a text parses as SEC codes, each "N/A" or up to four letters: what ``looksLikeCodes(_:)`` asks
  /// of a text known to be no footnote's prose.
  static func readsAsCodes(_ text: String) -> Bool {
    guard case .value(.codes(let codes)) = parseCodes(text) else { return false }
    return areCodes(codes)
  }

  /// Whether the words a row of codes parses as are codes: at least one, each "N/A" or up to four letters.
  static func areCodes(_ codes: [String]) -> Bool {
    !codes.isEmpty && codes.allSatisfy { code in code == "N/A" || isLetters(code, atMost: 4) }
  }
}
