import BocheckModel

/// One piece of a cover-page line: a row caption, a value, or a row-number cell with no caption.
struct LineToken: Equatable {
  /// What the piece is.
  enum Kind: Equatable {
    /// A row caption, with the row number printed before it, if any.
    case caption(RowField, number: Int?)
    /// A value's text.
    case value(String)
    /// A table cell holding only a row number, with no caption beside it.
    case marker(Int)
    /// A row named by its number alone, as the terse layout prints rows ("Item 5: 1,234,567"): which row
    /// it is depends on the schedule's numbering.
    case itemRow(Int)
  }

  /// What the piece is.
  let kind: Kind
  /// The 1-based source line where it starts.
  let line: Int
  /// The 1-based source column (in characters) where it starts.
  let column: Int
}

/// A line of a filing as the cover-page reader sees it.
struct TokenizedLine {
  /// What kind of line it is.
  enum Role: Equatable {
    /// Nothing but white space.
    case blank
    /// A running header, page number label, table rule or caption tail: never data.
    case noise
    /// A "CUSIP No." line, with the CUSIP it prints.
    case cusip(String)
    /// Captions, values and markers.
    case content
  }

  /// The 1-based position of the line among the lines read (the source line for text filings).
  let number: Int
  /// What kind of line it is.
  let role: Role
  /// The pieces of a content line.
  let tokens: [LineToken]
  /// Whether the line is a row of a Markdown-like table (starts with `|`).
  let isTableRow: Bool
  /// How many bytes the line has once trimmed.
  let length: Int

  /// Whether the line holds a row caption.
  var hasCaption: Bool {
    tokens.contains { token in
      switch token.kind {
      case .caption, .itemRow: return true
      case .value, .marker: return false
      }
    }
  }

  /// The number of the terse "Item N:" row the line starts, if it starts one.
  var itemRowNumber: Int? {
    if case .itemRow(let number)? = tokens.first?.kind { return number }
    return nil
  }

  /// The line without its "Item N:" row token: what is left reads as values (a body heading, a sentence).
  func withoutItemRow() -> TokenizedLine {
    TokenizedLine(
      number: number, role: role,
      tokens: tokens.filter { if case .itemRow = $0.kind { return false } else { return true } },
      isTableRow: isTableRow, length: length)
  }
}

/// Splits a line into captions, values and row-number markers.
///
/// Lines are split into cells at `|` (Markdown-like tables) or at tabs. Each cell is searched for a row
/// caption; text before the caption may be its row number, text after it is the row's value printed on the
/// same line. Markdown emphasis (`**`), list bullets, the "Number of Shares Beneficially Owned By Each
/// Reporting Person With" side label (whole or split across cells) and lone caption tails are dropped.
enum LineTokenizer {
  /// Tokenizes one line.
  ///
  /// - Parameters:
  ///   - line: The line's text.
  ///   - number: Its 1-based position among the lines read.
  ///   - source: The lines, to tell where in the source file a token stands.
  static func tokenize(_ line: Substring, number: Int, source: SourceLines) -> TokenizedLine {
    var bytes = Array(line.utf8)
    // Markdown emphasis: replace "**" by blanks so columns stay where they are.
    var index = 0
    while index + 1 < bytes.count {
      if bytes[index] == 0x2A && bytes[index + 1] == 0x2A {
        bytes[index] = 0x20
        bytes[index + 1] = 0x20
        index += 2
      } else {
        index += 1
      }
    }
    blankTextMarkup(&bytes)
    let trimmed = ASCIIText.trimmedRange(bytes, 0..<bytes.count)
    if trimmed.isEmpty {
      return TokenizedLine(number: number, role: .blank, tokens: [], isTableRow: false, length: 0)
    }
    var start = trimmed.lowerBound
    // A list bullet ("- 1 NAME ...", "- | | |").
    if bytes[start] == 0x2D, start + 1 < trimmed.upperBound, ASCIIText.isBlank(bytes[start + 1]) {
      start = ASCIIText.skipBlanks(bytes, from: start + 1)
    }
    let content = start..<trimmed.upperBound
    if let role = noiseRole(bytes, content) {
      return TokenizedLine(number: number, role: role, tokens: [], isTableRow: false, length: content.count)
    }
    let isTable = bytes[content.lowerBound] == 0x7C
    let cells = splitCells(bytes, content, atPipes: isTable)
    var tokens: [LineToken] = []
    var columns = ColumnCounter(bytes)
    let locate: (Int) -> (line: Int, column: Int) = { offset in
      source.location(position: number, offset: offset, columns: &columns)
    }
    let lastFilledCell = cells.lastIndex { !$0.isEmpty } ?? -1
    for (cellIndex, cell) in cells.enumerated() {
      tokenizeCell(bytes, cell, hasLaterCell: cellIndex < lastFilledCell, locate: locate, into: &tokens)
    }
    // A number cell directly followed by a caption without a number is that caption's number.
    var merged: [LineToken] = []
    for token in tokens {
      if case .caption(let field, nil) = token.kind, let last = merged.last, case .marker(let value) = last.kind {
        merged[merged.count - 1] = LineToken(kind: .caption(field, number: value), line: last.line, column: last.column)
      } else {
        merged.append(token)
      }
    }
    let role: TokenizedLine.Role = merged.isEmpty ? .noise : .content
    return TokenizedLine(number: number, role: role, tokens: merged, isTableRow: isTable, length: content.count)
  }

  /// The markup EDGAR's plain-text documents carry: page breaks and the table tags of its text tables.
  private static let textMarkupTags: [[UInt8]] = [
    "<PAGE>", "<TABLE>", "</TABLE>", "<CAPTION>", "</CAPTION>", "<S>", "<C>", "<FN>", "</FN>",
  ].map(ASCIIText.phrase)

  /// Replaces EDGAR's text markup tags by blanks, so that columns stay where they are.
  private static func blankTextMarkup(_ bytes: inout [UInt8]) {
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x3C,
        let tag = textMarkupTags.first(where: { ASCIIText.matchLength($0, in: bytes, at: index) != nil })
      {
        for offset in index..<(index + tag.count) { bytes[offset] = 0x20 }
        index += tag.count
      } else {
        index += 1
      }
    }
  }

  /// The words of the side label printed beside rows 7 to 10.
  private static let sideLabelWords = [
    "NUMBER", "OF", "SHARES", "BENEFICIALLY", "OWNED", "BY", "EACH", "REPORTING", "PERSON", "WITH",
  ]
  private static let sideLabel = ASCIIText.phrase(sideLabelWords.joined(separator: " "))
  private static let sideLabelShort = ASCIIText.phrase("BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH")

  private static let runningHeaders: [[UInt8]] = [
    "SCHEDULE 13D", "SCHEDULE 13D/A", "SCHEDULE 13G", "SCHEDULE 13G/A", "13D", "13G", "13D/A", "13G/A",
    "(CONTINUED ON FOLLOWING PAGES)", "(CONTINUED ON FOLLOWING PAGE)", "(CONTINUED ON NEXT PAGE)",
    "(CONTINUED)", "CONTINUED",
  ].map(ASCIIText.phrase)

  private static func noiseRole(_ bytes: [UInt8], _ range: Range<Int>) -> TokenizedLine.Role? {
    let text = Array(bytes[range])
    if ASCIIText.matchLength(NoisePhrases.cusip, in: text, at: 0) != nil {
      var position = 5
      for label in NoisePhrases.cusipLabels {
        let start = ASCIIText.skipBlanks(text, from: position)
        if let end = ASCIIText.matchLength(label, in: text, at: start) { position = end }
      }
      let start = ASCIIText.skipBlanks(text, from: position)
      // The CUSIP runs to the next cell ("CUSIP No.\t53814L108\tSCHEDULE 13G\tPage 2").
      var end = start
      while end < text.count && text[end] != 0x09 && text[end] != 0x7C
        && !(text[end] == 0x20 && end + 1 < text.count && text[end + 1] == 0x20)
      {
        end += 1
      }
      return .cusip(cusipText(Array(text[start...])))
    }
    if ASCIIText.matchLength(NoisePhrases.edgarFiling, in: text, at: 0) != nil { return .noise }
    // Running page headers and continuation lines between pages.
    for header in runningHeaders where ASCIIText.matchLength(header, in: text, at: 0) == text.count {
      return .noise
    }
    if ASCIIText.matchLength(NoisePhrases.page, in: text, at: 0) != nil
      || ASCIIText.matchLength(NoisePhrases.parenthesisedPage, in: text, at: 0) != nil
    {
      if text.count < 40 && text.contains(where: ASCIIText.isDigit) { return .noise }
    }
    if isPageNumber(text) { return .noise }
    // Table rules such as |---|:--:| and drawn lines; a short dash standing alone ("| | -", "----") is a
    // value that means none, not a rule: a rule outside a table is at least six dashes long.
    let ruleRun = text.contains(0x7C) ? 3 : 6
    if text.allSatisfy({ $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x2B || ASCIIText.isBlank($0) }),
      text.indices.contains(where: {
        $0 + ruleRun - 1 < text.count && text[$0...($0 + ruleRun - 1)].allSatisfy { $0 == 0x2D }
      })
    {
      return .noise
    }
    // A caption's wrapped line ("S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON", "(entities only)").
    if RowCaptions.firstMatch(in: text) == nil, !startsWithRowNumber(text),
      RowCaptions.captionCutAtLineEnd(text) == nil, CaptionWords.isCaptionOnly(ASCIIText.string(text, 0..<text.count))
    {
      return .noise
    }
    return nil
  }

  /// Whether a line is a page number in words and numbers only: "2 of 5 Pages", "Page 3", "- 4 -".
  private static func isPageNumber(_ text: [UInt8]) -> Bool {
    guard text.count < 40 else { return false }
    var sawPageWord = false
    var sawNumber = false
    for word in text.split(whereSeparator: ASCIIText.isBlank) {
      let letters = String(decoding: word.filter(ASCIIText.isLetter).map(ASCIIText.upper), as: UTF8.self)
      if word.allSatisfy(ASCIIText.isDigit) {
        sawNumber = true
      } else if letters == "PAGE" || letters == "PAGES" {
        sawPageWord = true
      } else if letters != "OF" || word.count != 2 {
        return false
      }
    }
    let words = text.split(whereSeparator: ASCIIText.isBlank)
    // "3 of 9" alone on its line is a page number too.
    let numberOfNumber =
      words.count == 3 && words[1].count == 2 && words[0].allSatisfy(ASCIIText.isDigit)
      && words[2].allSatisfy(ASCIIText.isDigit)
    return (sawPageWord || numberOfNumber) && sawNumber
  }

  /// The CUSIP printed after a "CUSIP No." label, up to nine characters, or the empty string.
  ///
  /// Words without a digit ("not available", "SCHEDULE", "Page") are not part of it; the words with digits
  /// that follow one another are joined, so that "247368 10 3" reads as 247368103. The CUSIP ends at the
  /// next cell (a tab, a pipe or a run of spaces).
  private static func cusipText(_ text: [UInt8]) -> String {
    var value: [UInt8] = []
    var position = 0
    while position < text.count {
      let byte = text[position]
      if byte == 0x09 || byte == 0x7C { break }
      if byte == 0x20, !value.isEmpty, position + 1 < text.count, text[position + 1] == 0x20 { break }
      var end = position
      while end < text.count, !ASCIIText.isBlank(text[end]), text[end] != 0x7C { end += 1 }
      let word = text[position..<end]
      // A letter between digit groups belongs to the CUSIP ("53634 X 100"); a word does not.
      if word.contains(where: ASCIIText.isDigit) || (!value.isEmpty && word.count <= 2) {
        value += word.filter {
          ASCIIText.isDigit($0) || ASCIIText.isLetter($0) || $0 == 0x2A || $0 == 0x40 || $0 == 0x23
        }
      } else if !value.isEmpty {
        break
      }
      position = max(end, position + 1)
      if value.count >= 9 { break }
    }
    // Ten characters or more are no CUSIP (a mistyped one): none rather than a guess at which to drop.
    guard value.count <= 9 else { return "" }
    return String(decoding: value, as: UTF8.self).uppercased()
  }

  /// Splits at tabs, at `|` and at runs of three or more spaces: a value never holds a tab or a pipe,
  /// converted tables leave stray pipes at the ends of lines, and fixed-width layouts separate their
  /// columns (the side label, the row number, the caption) with runs of spaces.
  private static func splitCells(_ bytes: [UInt8], _ range: Range<Int>, atPipes: Bool) -> [Range<Int>] {
    var cells: [Range<Int>] = []
    var start = range.lowerBound
    var position = range.lowerBound
    while position < range.upperBound {
      let byte = bytes[position]
      if byte == 0x09 || byte == 0x7C {
        cells.append(ASCIIText.trimmedRange(bytes, start..<position))
        position += 1
        start = position
        continue
      }
      if byte == 0x20 {
        var end = position
        while end < range.upperBound && bytes[end] == 0x20 { end += 1 }
        if end - position >= 3 {
          cells.append(ASCIIText.trimmedRange(bytes, start..<position))
          start = end
        }
        position = end
        continue
      }
      position += 1
    }
    cells.append(ASCIIText.trimmedRange(bytes, start..<range.upperBound))
    // A cell that is only a drawn rule ("-----", "=====") holds nothing.
    return cells.filter { cell in
      !(cell.count >= (bytes[cell].allSatisfy { $0 == 0x2D } ? 6 : 3)
        && bytes[cell].allSatisfy { $0 == 0x2D || $0 == 0x3D || $0 == 0x5F })
    }
  }

  private static func tokenizeCell(
    _ bytes: [UInt8], _ cell: Range<Int>, hasLaterCell: Bool, locate: (Int) -> (line: Int, column: Int),
    into tokens: inout [LineToken]
  ) {
    guard !cell.isEmpty else { return }
    if isSideLabelFragment(bytes, cell) { return }
    let cellText = Array(bytes[cell])
    let cellMatch = RowCaptions.firstMatch(in: cellText)
    if cellMatch == nil, !startsWithRowNumber(cellText), RowCaptions.captionCutAtLineEnd(cellText) == nil,
      CaptionWords.isCaptionOnly(ASCIIText.string(bytes, cell))
    {
      return
    }
    var cellBytes = bytes
    var blankedSideLabel = false
    // Blank out the side label where it stands inside a longer cell.
    for label in [sideLabel, sideLabelShort] {
      if let found = ASCIIText.find(label, in: cellText) {
        for offset in found { cellBytes[cell.lowerBound + offset] = 0x20 }
        blankedSideLabel = true
        break
      }
    }
    let range = ASCIIText.trimmedRange(cellBytes, cell)
    guard !range.isEmpty else { return }
    var local = Array(cellBytes[range])
    // The terse layout's "Item 5: 1,234,567": the row's number and its value, no caption words.
    if tokens.isEmpty, let (printed, valueStart) = itemRowPrefix(local) {
      let (line, column) = locate(range.lowerBound)
      tokens.append(LineToken(kind: .itemRow(printed), line: line, column: column))
      let rest = ASCIIText.trimmedRange(cellBytes, (range.lowerBound + valueStart)..<range.upperBound)
      if !rest.isEmpty { tokenizeCell(cellBytes, rest, hasLaterCell: hasLaterCell, locate: locate, into: &tokens) }
      return
    }
    local = Array(cellBytes[range])
    // The cell's caption was found above when the cell is unchanged.
    if let match = (range == cell && !blankedSideLabel) ? cellMatch : RowCaptions.firstMatch(in: local) {
      let before = ASCIIText.trimmedRange(local, 0..<match.range.lowerBound)
      if before.isEmpty, RowCaptions.continuesSentence(local, before: before, after: match.range.upperBound) {
        appendValue(cellBytes, range, locate, &tokens)
        return
      }
      var number: Int?
      if !before.isEmpty {
        if let value = rowNumber(local, before) {
          number = value
        } else if before.count > 24
          || RowCaptions.continuesSentence(local, before: before, after: match.range.upperBound)
        {
          // A caption's words inside a sentence ("... has sole voting power over ...") are prose, not a caption.
          appendValue(cellBytes, range, locate, &tokens)
          return
        } else {
          appendValue(
            cellBytes, (range.lowerBound + before.lowerBound)..<(range.lowerBound + before.upperBound), locate,
            &tokens)
        }
      }
      let (line, column) = locate(range.lowerBound + (number == nil ? match.range.lowerBound : before.lowerBound))
      tokens.append(LineToken(kind: .caption(match.field, number: number), line: line, column: column))
      let after = (range.lowerBound + match.range.upperBound)..<range.upperBound
      let rest = ASCIIText.trimmedRange(cellBytes, after)
      if !rest.isEmpty { tokenizeCell(cellBytes, rest, hasLaterCell: hasLaterCell, locate: locate, into: &tokens) }
      return
    }
    // The row number a cell starts with, glued to the caption or not ("[2]Check", "(9) Aggregate").
    var numberEnd = 0
    while numberEnd < local.count, !ASCIIText.isBlank(local[numberEnd]), !ASCIIText.isLetter(local[numberEnd]) {
      numberEnd += 1
    }
    let ownNumber = numberEnd > 0 ? rowNumber(local, 0..<numberEnd) : nil
    let captionText = ownNumber == nil ? local : Array(local[numberEnd...])
    // The number may stand in the cell before ("2." | "Check the Appropriate Box").
    var printed = ownNumber
    if printed == nil, case .marker(let number)? = tokens.last?.kind { printed = number }
    // A caption whose key words the line cuts off ("CHECK THE APPROPRIATE BOX IF A MEMBER OF A").
    if let field = RowCaptions.captionCutAtLineEnd(captionText) {
      let (line, column) = locate(range.lowerBound)
      tokens.append(LineToken(kind: .caption(field, number: printed), line: line, column: column))
      return
    }
    // A caption cut short after its number and first word ("(9) Aggregate").
    if let printed, let field = RowCaptions.truncatedCaption(number: printed, text: captionText) {
      let (line, column) = locate(range.lowerBound)
      tokens.append(LineToken(kind: .caption(field, number: printed), line: line, column: column))
      return
    }
    if hasLaterCell, let value = rowNumber(local, 0..<local.count) {
      let (line, column) = locate(range.lowerBound)
      tokens.append(LineToken(kind: .marker(value), line: line, column: column))
      return
    }
    appendValue(cellBytes, range, locate, &tokens)
  }

  private static func appendValue(
    _ bytes: [UInt8], _ range: Range<Int>, _ locate: (Int) -> (line: Int, column: Int), _ tokens: inout [LineToken]
  ) {
    let text = ASCIIText.string(bytes, range)
    let (line, column) = locate(range.lowerBound)
    tokens.append(LineToken(kind: .value(text), line: line, column: column))
  }

  /// "Item N:" at the start of a cell (N from 1 to 14, a colon right after it): the row number and the offset
  /// where the value starts.
  private static func itemRowPrefix(_ bytes: [UInt8]) -> (Int, Int)? {
    guard let end = ASCIIText.matchLength(NoisePhrases.item, in: bytes, at: 0) else { return nil }
    var position = end
    var value = 0
    while position < bytes.count, ASCIIText.isDigit(bytes[position]), position - end < 2 {
      value = value * 10 + Int(bytes[position] - 0x30)
      position += 1
    }
    guard position > end, position < bytes.count, bytes[position] == 0x3A, value >= 1, value <= 14 else {
      return nil
    }
    return (value, position + 1)
  }

  /// A row number 1–14 printed alone, as `7`, `7.`, `(7)`, `7)` or `[7]`.
  /// Whether a text starts with a row number followed by a blank or a letter ("(2) Check", "2.Check"):
  /// a caption's first line, even when the rest is caption words only.
  static func startsWithRowNumber(_ bytes: [UInt8]) -> Bool {
    var end = 0
    while end < bytes.count, !ASCIIText.isBlank(bytes[end]), !ASCIIText.isLetter(bytes[end]) { end += 1 }
    return end > 0 && rowNumber(bytes, 0..<end) != nil
  }

  static func rowNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
    var lower = range.lowerBound
    var upper = range.upperBound
    if lower < upper, bytes[lower] == 0x28 || bytes[lower] == 0x5B { lower += 1 }
    if lower < upper, bytes[upper - 1] == 0x29 || bytes[upper - 1] == 0x5D || bytes[upper - 1] == 0x2E { upper -= 1 }
    guard lower < upper, upper - lower <= 2 else { return nil }
    var value = 0
    for position in lower..<upper {
      guard ASCIIText.isDigit(bytes[position]) else { return nil }
      value = value * 10 + Int(bytes[position] - 0x30)
    }
    return value >= 1 && value <= 14 ? value : nil
  }

  /// Whether the cell is nothing but consecutive words of the side label ("Beneficially", "Person With").
  private static func isSideLabelFragment(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var words: [String] = []
    var current: [UInt8] = []
    for position in range {
      let byte = bytes[position]
      if ASCIIText.isLetter(byte) {
        current.append(ASCIIText.upper(byte))
      } else if ASCIIText.isBlank(byte) || byte == 0x3A {
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        current = []
      } else {
        return false
      }
    }
    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
    guard !words.isEmpty, words.count < sideLabelWords.count || words == sideLabelWords else {
      return words == sideLabelWords
    }
    for start in sideLabelWords.indices where sideLabelWords[start] == words[0] {
      if start + words.count <= sideLabelWords.count,
        Array(sideLabelWords[start..<(start + words.count)]) == words
      {
        // A lone "OF", "BY" or "WITH" is too common to be taken for the label.
        return words.count > 1 || !["OF", "BY", "WITH"].contains(words[0])
      }
    }
    return false
  }
}

/// The phrases a noise line or a terse row starts with, spelled once.
private enum NoisePhrases {
  static let cusip = ASCIIText.phrase("CUSIP")
  static let cusipLabels = ["NUMBER", "NO.", "NO", "#", ":"].map(ASCIIText.phrase)
  static let edgarFiling = ASCIIText.phrase("EDGAR FILING:")
  static let page = ASCIIText.phrase("PAGE ")
  static let parenthesisedPage = ASCIIText.phrase("(PAGE ")
  static let item = ASCIIText.phrase("ITEM ")
}
