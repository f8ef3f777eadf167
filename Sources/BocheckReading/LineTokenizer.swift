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
  /// The 1-based source line where it starts (set once the line's tokens are all found).
  fileprivate(set) var line: Int
  /// The 1-based source column (in characters) where it starts (set once the line's tokens are all found).
  fileprivate(set) var column: Int
  /// The 0-based byte offset in the tokenized line where it starts: where the same line met at another
  /// place is located again (see ``TokenizedLineMemo``).
  let offset: Int
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
  /// Tokenizes one line given as its UTF-8 bytes.
  ///
  /// - Parameters:
  ///   - line: The line's UTF-8 bytes.
  ///   - number: Its 1-based position among the lines read.
  ///   - source: The lines, to tell where in the source file a token stands.
  static func tokenize(bytes line: UnsafeBufferPointer<UInt8>, number: Int, source: SourceLines) -> TokenizedLine {
    var scratch = Scratch()
    return tokenize(bytes: line, number: number, source: source, scratch: &scratch)
  }

  /// Memory a caller tokenizing many lines hands to every call, kept from line to line: the copy of a line's
  /// bytes that its markup is blanked in, and the list a cell's words are found in, each made once rather than
  /// once a line or a cell.
  struct Scratch {
    /// Memory for the line's bytes.
    fileprivate var bytes: [UInt8] = []
    /// Memory for a cell's words.
    fileprivate var words = RowCaptions.WordMemory()
  }

  /// Tokenizes one line given as its UTF-8 bytes, in memory kept between calls (``Scratch``).
  ///
  /// - Parameters:
  ///   - line: The line's UTF-8 bytes.
  ///   - number: Its 1-based position among the lines read.
  ///   - source: The lines, to tell where in the source file a token stands.
  ///   - scratch: Memory kept between calls; what it holds is replaced.
  static func tokenize(
    bytes line: UnsafeBufferPointer<UInt8>, number: Int, source: SourceLines, scratch: inout Scratch
  ) -> TokenizedLine {
    // The line's memory is taken for the call and handed back after it, kept.
    var bytes: [UInt8] = []
    swap(&bytes, &scratch.bytes)
    defer { swap(&bytes, &scratch.bytes) }
    bytes.removeAll(keepingCapacity: true)
    bytes.append(contentsOf: line)
    // A line without a star or an angle bracket (most lines) has no emphasis and no markup to blank: a short
    // line is told so in one pass over its bytes (a long one is searched for each by the C library, as below).
    if line.count >= ASCIIText.longRange
      || ASCIIText.firstOffset(of: 0x2A, or: 0x3C, in: line, to: line.count) < line.count
    {
      // Markdown emphasis: replace "**" by blanks so columns stay where they are. Only the places of a star are
      // looked at, found eight bytes at a time.
      var index = nextOffset(of: 0x2A, in: bytes, from: 0)
      while index + 1 < bytes.count {
        if bytes[index + 1] == 0x2A {
          bytes[index] = 0x20
          bytes[index + 1] = 0x20
          index += 2
        } else {
          index += 1
        }
        index = nextOffset(of: 0x2A, in: bytes, from: index)
      }
      blankTextMarkup(&bytes)
    }
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
    // Whether the content is caption words only, when the noise test found it out: a line of one cell is
    // that cell, whose test need not be made again.
    var contentIsCaptionOnly: Bool?
    if let role = noiseRole(bytes, content, captionOnly: &contentIsCaptionOnly) {
      return TokenizedLine(number: number, role: role, tokens: [], isTableRow: false, length: content.count)
    }
    let isTable = bytes[content.lowerBound] == 0x7C
    var tokens: [LineToken] = []
    withCells(bytes, content) { cells in
      // Most cells give one token, a caption with its value two.
      tokens.reserveCapacity(2 * cells.count)
      let lastFilledCell = cells.lastIndex { !$0.isEmpty } ?? -1
      for (cellIndex, cell) in cells.enumerated() {
        tokenizeCell(
          bytes, cell, hasLaterCell: cellIndex < lastFilledCell,
          isCaptionOnly: cell == content ? contentIsCaptionOnly : nil, memory: &scratch.words, into: &tokens)
      }
    }
    // Each token is located in the source by its offset, a column counter moving along the line from one to the
    // next (a token's place depends on its offset alone).
    var columns = ColumnCounter(bytes)
    for index in tokens.indices {
      (tokens[index].line, tokens[index].column) = source.location(
        position: number, offset: tokens[index].offset, columns: &columns)
    }
    let role: TokenizedLine.Role = tokens.isEmpty ? .noise : .content
    return TokenizedLine(number: number, role: role, tokens: tokens, isTableRow: isTable, length: content.count)
  }

  /// The markup EDGAR's plain-text documents carry: page breaks and the table tags of its text tables.
  private static let textMarkupTags: [[UInt8]] = [
    "<PAGE>", "<TABLE>", "</TABLE>", "<CAPTION>", "</CAPTION>", "<S>", "<C>", "<FN>", "</FN>",
  ].map(ASCIIText.phrase)

  /// Replaces EDGAR's text markup tags by blanks, so that columns stay where they are.
  private static func blankTextMarkup(_ bytes: inout [UInt8]) {
    var index = nextOffset(of: 0x3C, in: bytes, from: 0)
    while index < bytes.count {
      if let tag = textMarkupTags.first(where: { ASCIIText.matchLength($0, in: bytes, at: index) != nil }) {
        for offset in index..<(index + tag.count) { bytes[offset] = 0x20 }
        index += tag.count
      } else {
        index += 1
      }
      index = nextOffset(of: 0x3C, in: bytes, from: index)
    }
  }

  /// The offset of the next `byte` at or after `start`, or `bytes.count`, found eight bytes at a time.
  private static func nextOffset(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int {
    bytes.withUnsafeBufferPointer { ASCIIText.firstOffset(of: byte, in: $0, from: start, to: $0.count) }
  }

  /// The words of the side label printed beside rows 7 to 10.
  private static let sideLabelWords = [
    "NUMBER", "OF", "SHARES", "BENEFICIALLY", "OWNED", "BY", "EACH", "REPORTING", "PERSON", "WITH",
  ]
  private static let sideLabelWordBytes = sideLabelWords.map(ASCIIText.phrase)
  /// The side label's words' first bytes, for the test of a word's first byte before they are matched.
  private static let sideLabelWordInitials = ASCIIText.PhraseInitials(sideLabelWordBytes)
  /// The side label's words too common to be taken for the label when they stand alone.
  private static let commonSideLabelWords = ["OF", "BY", "WITH"].map(ASCIIText.phrase)
  /// The side label, whole and without its first words, as it stands inside a longer cell.
  private static let sideLabel = ASCIIText.phrase(sideLabelWords.joined(separator: " "))
  private static let sideLabelShort = ASCIIText.phrase("BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH")

  private static let runningHeaders: [[UInt8]] = [
    "SCHEDULE 13D", "SCHEDULE 13D/A", "SCHEDULE 13G", "SCHEDULE 13G/A", "13D", "13G", "13D/A", "13G/A",
    "(CONTINUED ON FOLLOWING PAGES)", "(CONTINUED ON FOLLOWING PAGE)", "(CONTINUED ON NEXT PAGE)",
    "(CONTINUED)", "CONTINUED",
  ].map(ASCIIText.phrase)
  /// The running headers' first bytes, for the test of a line's first byte before they are matched.
  private static let runningHeaderInitials = ASCIIText.PhraseInitials(runningHeaders)

  /// What a line's content is when it is noise (a CUSIP line, a running header, a page number, a rule, a
  /// caption's wrapped line), `nil` when it holds tokens.
  ///
  /// - Parameters:
  ///   - bytes: The line's bytes.
  ///   - range: Its content.
  ///   - captionOnly: Set to whether the content is caption words only (``isCaptionOnly(_:_:)``) when the
  ///     test was made; left alone otherwise.
  private static func noiseRole(
    _ bytes: [UInt8], _ range: Range<Int>, captionOnly: inout Bool?
  ) -> TokenizedLine.Role? {
    let (lower, upper) = (range.lowerBound, range.upperBound)
    // A phrase matches only where its first letter stands, which is looked at before the phrase is matched.
    let first = ASCIIText.upper(bytes[lower])
    if first == UInt8(ascii: "C"), ASCIIText.matchLength(NoisePhrases.cusip, in: bytes, at: lower, end: upper) != nil {
      let text = Array(bytes[range])
      var position = 5
      for label in NoisePhrases.cusipLabels {
        let start = ASCIIText.skipBlanks(text, from: position)
        if let end = ASCIIText.matchLength(label, in: text, at: start) { position = end }
      }
      // The CUSIP runs to the next cell ("CUSIP No.\t53814L108\tSCHEDULE 13G\tPage 2").
      let start = ASCIIText.skipBlanks(text, from: position)
      return .cusip(cusipText(Array(text[start...])))
    }
    if first == UInt8(ascii: "E"),
      ASCIIText.matchLength(NoisePhrases.edgarFiling, in: bytes, at: lower, end: upper) != nil
    {
      return .noise
    }
    // Running page headers and continuation lines between pages, matched where a line starts as one does.
    if runningHeaderInitials.contains(first) {
      for header in runningHeaders
      where header[0] == first && ASCIIText.matchLength(header, in: bytes, at: lower, end: upper) == upper {
        return .noise
      }
    }
    if (first == UInt8(ascii: "P")
      && ASCIIText.matchLength(NoisePhrases.page, in: bytes, at: lower, end: upper) != nil)
      || (first == UInt8(ascii: "(")
        && ASCIIText.matchLength(NoisePhrases.parenthesisedPage, in: bytes, at: lower, end: upper) != nil)
    {
      if range.count < 40 && bytes[range].contains(where: ASCIIText.isDigit) { return .noise }
    }
    if isPageNumber(bytes, range) { return .noise }
    // Table rules such as |---|:--:| and drawn lines; a short dash standing alone ("| | -", "----") is a
    // value that means none, not a rule: a rule outside a table is at least six dashes long.
    if isRule(bytes, range) { return .noise }
    // A caption's wrapped line ("S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON", "(entities only)"); the
    // cheap test of its words first.
    let isCaptionOnly = isCaptionOnly(bytes, range)
    captionOnly = isCaptionOnly
    if isCaptionOnly, !startsWithRowNumber(bytes, range) {
      let words = RowCaptions.captionWords(bytes, range)
      if RowCaptions.firstMatch(in: bytes, words) == nil, RowCaptions.captionCutAtLineEnd(bytes, words) == nil {
        return .noise
      }
    }
    return nil
  }

  /// Whether `bytes[range]` is a table rule or a drawn line: pipes, dashes, colons, plus signs and blanks
  /// only, with a run of at least three dashes in a table (a pipe in the line) and six outside one.
  private static func isRule(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var hasPipe = false
    var longestDashes = 0
    var dashes = 0
    for byte in bytes[range] {
      switch byte {
      case 0x2D:
        dashes += 1
        longestDashes = max(longestDashes, dashes)
        continue
      case 0x7C: hasPipe = true
      case 0x3A, 0x2B: break
      default: guard ASCIIText.isBlank(byte) else { return false }
      }
      dashes = 0
    }
    return longestDashes >= (hasPipe ? 3 : 6)
  }

  /// Whether `bytes[range]` is nothing but caption words with a distinctive one (``CaptionWords/isCaptionOnly(_:)-(String)``).
  private static func isCaptionOnly(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    bytes.withUnsafeBufferPointer { CaptionWords.isCaptionOnly(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// Whether a line is a page number in words and numbers only: "2 of 5 Pages", "Page 3", "3 of 9" (not "- 4 -": a
  /// dash is neither).
  ///
  /// A word with a letter must spell "PAGE", "PAGES" or "OF", so the line's first letter is a P or an O: a line
  /// whose first letter is another (most lines) is told no page number by that letter alone.
  private static func isPageNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    guard range.count < 40 else { return false }
    if let letter = bytes[range].first(where: ASCIIText.isLetter) {
      let upper = ASCIIText.upper(letter)
      guard upper == UInt8(ascii: "P") || upper == UInt8(ascii: "O") else { return false }
    }
    var sawPageWord = false
    var sawNumber = false
    var wordCount = 0
    // "3 of 9" alone on its line is a page number too: three words, digits, two letters, digits.
    var numberOfNumber = true
    var position = range.lowerBound
    while position < range.upperBound {
      if ASCIIText.isBlank(bytes[position]) {
        position += 1
        continue
      }
      var end = position
      while end < range.upperBound, !ASCIIText.isBlank(bytes[end]) { end += 1 }
      let word = position..<end
      let isNumber = bytes[word].allSatisfy(ASCIIText.isDigit)
      if isNumber {
        sawNumber = true
      } else if lettersSpell(bytes, word, "PAGE") || lettersSpell(bytes, word, "PAGES") {
        sawPageWord = true
      } else if !lettersSpell(bytes, word, "OF") || word.count != 2 {
        return false
      }
      numberOfNumber = numberOfNumber && (wordCount == 1 ? word.count == 2 : isNumber)
      wordCount += 1
      position = end
    }
    return (sawPageWord || (numberOfNumber && wordCount == 3)) && sawNumber
  }

  /// Whether the ASCII letters of `bytes[range]`, upper-cased, are `spelled` (other bytes are skipped).
  private static func lettersSpell(_ bytes: [UInt8], _ range: Range<Int>, _ spelled: StaticString) -> Bool {
    var index = 0
    let expected = UnsafeBufferPointer(start: spelled.utf8Start, count: spelled.utf8CodeUnitCount)
    for byte in bytes[range] where ASCIIText.isLetter(byte) {
      guard index < expected.count, ASCIIText.upper(byte) == expected[index] else { return false }
      index += 1
    }
    return index == expected.count
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
      // A letter between digit groups belongs to the CUSIP ("12345 X 678"); a word does not.
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

  /// The most cells of a line held in memory lent for the call (on the stack): a line of more is split
  /// into an array.
  private static let lentCellCapacity = 64

  /// Calls `body` with the cells of `bytes[range]` (``forEachCell(_:_:_:)``), held in memory lent for the call
  /// rather than in an array made per line, unless the line has more than ``lentCellCapacity``.
  ///
  /// - Parameters:
  ///   - bytes: The line's bytes.
  ///   - range: The line's content.
  ///   - body: Reads the cells' byte ranges, in order.
  private static func withCells(
    _ bytes: [UInt8], _ range: Range<Int>, _ body: (UnsafeBufferPointer<Range<Int>>) -> Void
  ) {
    withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: lentCellCapacity) { lent in
      var count = 0
      let isComplete = forEachCell(bytes, range) { cell in
        guard count < lentCellCapacity else { return false }
        lent.initializeElement(at: count, to: cell)
        count += 1
        return true
      }
      if isComplete { return body(UnsafeBufferPointer(rebasing: lent[..<count])) }
      var cells: [Range<Int>] = []
      _ = forEachCell(bytes, range) { cell in
        cells.append(cell)
        return true
      }
      cells.withUnsafeBufferPointer(body)
    }
  }

  /// Splits at tabs, at `|` and at runs of three or more spaces: a value never holds a tab or a pipe,
  /// converted tables leave stray pipes at the ends of lines, and fixed-width layouts separate their
  /// columns (the side label, the row number, the caption) with runs of spaces.
  ///
  /// - Parameters:
  ///   - bytes: The line's bytes.
  ///   - range: The line's content.
  ///   - add: Takes each cell's byte range, trimmed (drawn rules are left out), in order; returns `false` to
  ///     stop the split.
  /// - Returns: Whether every cell was taken.
  @inline(__always)
  private static func forEachCell(_ bytes: [UInt8], _ range: Range<Int>, _ add: (Range<Int>) -> Bool) -> Bool {
    // The bytes are read through a pointer, eight at a time where nothing splits.
    bytes.withUnsafeBufferPointer { line in
      var start = range.lowerBound
      var position = range.lowerBound
      while position < range.upperBound {
        // Bytes that split nothing (a single space among them) are passed over eight at a time.
        position = nextCellBreak(in: line, from: position, to: range.upperBound)
        guard position < range.upperBound else { break }
        let byte = line[position]
        if byte == 0x09 || byte == 0x7C {
          guard addCell(start..<position, of: line, to: add) else { return false }
          position += 1
          start = position
          continue
        }
        if byte == 0x20 {
          var end = position
          while end < range.upperBound && line[end] == 0x20 { end += 1 }
          if end - position >= 3 {
            guard addCell(start..<position, of: line, to: add) else { return false }
            start = end
          }
          position = end
          continue
        }
        position += 1
      }
      return addCell(start..<range.upperBound, of: line, to: add)
    }
  }

  /// The offset of the first byte from `start` on that may end a cell, a tab, a pipe or a space followed by
  /// a space, or `end` when there is none: the bytes before it are a cell's, and a lone space ends none.
  ///
  /// Eight bytes are looked at at a time: the word at an offset flags its tabs and pipes (the lowest flag of
  /// ``ByteWord/zeroBytes(_:)`` is a true one), and its spaces whose next byte, in the word one byte on, is a
  /// space too (exact flags, ``ByteWord/equalBytes(_:_:)``); the lowest flag is the first such byte.
  ///
  /// - Parameters:
  ///   - line: The line's bytes.
  ///   - start: The offset to start at.
  ///   - end: The offset to stop at, at most `line.count`.
  @inline(__always)
  static func nextCellBreak(in line: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var index = start
    if let base = line.baseAddress {
      let raw = UnsafeRawPointer(base)
      let (tabs, pipes) = (ByteWord.repeating(0x09), ByteWord.repeating(0x7C))
      // The word one byte on must be readable too: nine bytes from `index`.
      while index + 9 <= end {
        let word = ByteWord.load(raw, at: index)
        let next = ByteWord.load(raw, at: index + 1)
        let flags =
          ByteWord.zeroBytes(word ^ tabs) | ByteWord.zeroBytes(word ^ pipes)
          | (ByteWord.equalBytes(word, 0x20) & ByteWord.equalBytes(next, 0x20))
        if flags != 0 { return index + flags.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < end {
      let byte = line[index]
      if byte == 0x09 || byte == 0x7C || (byte == 0x20 && index + 1 < end && line[index + 1] == 0x20) { break }
      index += 1
    }
    return index
  }

  /// Hands a piece of a line to the cells' taker, trimmed, unless it is a drawn rule.
  ///
  /// - Parameters:
  ///   - piece: The piece's byte range in the line.
  ///   - line: The line's bytes.
  ///   - add: Takes the cell; `false` when it takes no more.
  /// - Returns: `false` when the taker took no more.
  @inline(__always)
  private static func addCell(
    _ piece: Range<Int>, of line: UnsafeBufferPointer<UInt8>, to add: (Range<Int>) -> Bool
  ) -> Bool {
    let trimmed = LineBytes.trimmedRange(UnsafeBufferPointer(rebasing: line[piece]))
    let cell = (piece.lowerBound + trimmed.lowerBound)..<(piece.lowerBound + trimmed.upperBound)
    return isDrawnRule(line, cell) || add(cell)
  }

  /// Whether a cell is only a drawn rule ("-----", "=====", "___"), which holds nothing: six dashes or
  /// more, or three or more of dashes, equals signs and underscores with one that is not a dash.
  private static func isDrawnRule(_ bytes: UnsafeBufferPointer<UInt8>, _ cell: Range<Int>) -> Bool {
    guard cell.count >= 3 else { return false }
    var onlyDashes = true
    for byte in bytes[cell] {
      switch byte {
      case 0x2D: continue
      case 0x3D, 0x5F: onlyDashes = false
      default: return false
      }
    }
    return !onlyDashes || cell.count >= 6
  }

  /// Tokenizes one cell, or the part of a cell after a caption.
  ///
  /// - Parameters:
  ///   - bytes: The line's bytes.
  ///   - cell: The cell's byte range, trimmed.
  ///   - hasLaterCell: Whether a cell with text follows on the line.
  ///   - words: The cell's words (``RowCaptions/captionWords(_:_:)``) when the caller has them already.
  ///   - knownCaptionOnly: Whether the cell is caption words only (``isCaptionOnly(_:_:)``) when the caller
  ///     knows it already.
  ///   - memory: Memory for the cell's words, taken for the call and handed back after it.
  ///   - tokens: The line's tokens, appended to; they are located in the source once all are found.
  private static func tokenizeCell(
    _ bytes: [UInt8], _ cell: Range<Int>, hasLaterCell: Bool, words: RowCaptions.Words? = nil,
    isCaptionOnly knownCaptionOnly: Bool? = nil, memory: inout RowCaptions.WordMemory, into tokens: inout [LineToken]
  ) {
    guard !cell.isEmpty else { return }
    if isSideLabelFragment(bytes, cell) { return }
    // The cell's words, found once for the searches below while the cell is unchanged, in the memory kept for
    // them, which they hand back when the cell is done.
    var cellWords = words ?? RowCaptions.captionWords(bytes, cell, memory: &memory)
    defer { cellWords.handBack(to: &memory) }
    let cellMatch = RowCaptions.firstMatch(in: bytes, cellWords)
    // Whether the cell is caption words only is told from its words when they are the test's words.
    if cellMatch == nil, !startsWithRowNumber(bytes, cell),
      knownCaptionOnly ?? cellWords.isCaptionOnly ?? isCaptionOnly(bytes, cell),
      RowCaptions.captionCutAtLineEnd(bytes, cellWords) == nil
    {
      return
    }
    var cellBytes = bytes
    var blankedSideLabel = false
    // Blank out the side label where it stands inside a longer cell.
    // The whole label holds the short one, so a cell without the short one holds neither.
    if let short = ASCIIText.find(sideLabelShort, in: bytes, within: cell) {
      let found = ASCIIText.find(sideLabel, in: bytes, within: cell) ?? short
      for offset in found { cellBytes[offset] = 0x20 }
      blankedSideLabel = true
    }
    let range = ASCIIText.trimmedRange(cellBytes, cell)
    guard !range.isEmpty else { return }
    let isUnchanged = range == cell && !blankedSideLabel
    // The terse layout's "Item 5: 1,234,567": the row's number and its value, no caption words.
    if tokens.isEmpty, let (printed, valueStart) = itemRowPrefix(cellBytes, range) {
      tokens.append(.itemRow(printed), at: range.lowerBound)
      let rest = ASCIIText.trimmedRange(cellBytes, valueStart..<range.upperBound)
      if !rest.isEmpty { tokenizeCell(cellBytes, rest, hasLaterCell: hasLaterCell, memory: &memory, into: &tokens) }
      return
    }
    // The cell's caption was found above when the cell is unchanged.
    if let match = isUnchanged ? cellMatch : RowCaptions.firstMatch(in: cellBytes, range) {
      let before = ASCIIText.trimmedRange(cellBytes, range.lowerBound..<match.range.lowerBound)
      let after = match.range.upperBound..<range.upperBound
      // The words around the caption are the cell's, found above, when the cell is unchanged.
      let continuesSentence = {
        isUnchanged
          ? RowCaptions.continuesSentence(cellWords, around: match.range)
          : RowCaptions.continuesSentence(cellBytes, before: before, after: after)
      }
      if before.isEmpty, continuesSentence() {
        appendValue(cellBytes, range, &tokens)
        return
      }
      var number: Int?
      if !before.isEmpty {
        if let value = rowNumber(cellBytes, before) {
          number = value
        } else if before.count > 24 || continuesSentence() {
          // A caption's words inside a sentence ("... has sole voting power over ...") are prose, not a caption.
          appendValue(cellBytes, range, &tokens)
          return
        } else {
          appendValue(cellBytes, before, &tokens)
        }
      }
      tokens.append(
        .caption(match.field, number: number), at: number == nil ? match.range.lowerBound : before.lowerBound)
      let rest = ASCIIText.trimmedRange(cellBytes, after)
      if !rest.isEmpty {
        // What follows the caption has the cell's words that follow it, unless the cell was changed.
        let restWords = isUnchanged ? cellWords.suffix(from: rest.lowerBound) : nil
        tokenizeCell(cellBytes, rest, hasLaterCell: hasLaterCell, words: restWords, memory: &memory, into: &tokens)
      }
      return
    }
    // The row number a cell starts with, glued to the caption or not ("[2]Check", "(9) Aggregate").
    var numberEnd = range.lowerBound
    while numberEnd < range.upperBound, !ASCIIText.isBlank(cellBytes[numberEnd]),
      !ASCIIText.isLetter(cellBytes[numberEnd])
    {
      numberEnd += 1
    }
    let ownNumber = numberEnd > range.lowerBound ? rowNumber(cellBytes, range.lowerBound..<numberEnd) : nil
    let captionText = ownNumber == nil ? range : numberEnd..<range.upperBound
    // The number may stand in the cell before ("2." | "Check the Appropriate Box").
    var printed = ownNumber
    if printed == nil, case .marker(let number)? = tokens.last?.kind { printed = number }
    // A caption whose key words the line cuts off ("CHECK THE APPROPRIATE BOX IF A MEMBER OF A").
    let cutCaption =
      isUnchanged && captionText == cell
      ? RowCaptions.captionCutAtLineEnd(cellBytes, cellWords) : RowCaptions.captionCutAtLineEnd(cellBytes, captionText)
    if let field = cutCaption {
      tokens.append(.caption(field, number: printed), at: range.lowerBound)
      return
    }
    // A caption cut short after its number and first word ("(9) Aggregate").
    if let printed,
      let field = RowCaptions.truncatedCaption(number: printed, in: cellBytes, captionText, memory: &memory)
    {
      tokens.append(.caption(field, number: printed), at: range.lowerBound)
      return
    }
    if hasLaterCell, let value = rowNumber(cellBytes, range) {
      tokens.append(.marker(value), at: range.lowerBound)
      return
    }
    appendValue(cellBytes, range, &tokens)
  }

  private static func appendValue(_ bytes: [UInt8], _ range: Range<Int>, _ tokens: inout [LineToken]) {
    tokens.append(.value(ASCIIText.string(bytes, range)), at: range.lowerBound)
  }

  /// "Item N:" at the start of `bytes[range]` (N from 1 to 14, a colon right after it): the row number and
  /// the offset in `bytes` where the value starts.
  private static func itemRowPrefix(_ bytes: [UInt8], _ range: Range<Int>) -> (Int, Int)? {
    // The first letter before the phrase.
    guard !range.isEmpty, ASCIIText.upper(bytes[range.lowerBound]) == UInt8(ascii: "I"),
      let end = ASCIIText.matchLength(NoisePhrases.item, in: bytes, at: range.lowerBound, end: range.upperBound)
    else { return nil }
    var position = end
    var value = 0
    while position < range.upperBound, ASCIIText.isDigit(bytes[position]), position - end < 2 {
      value = value * 10 + Int(bytes[position] - 0x30)
      position += 1
    }
    guard position > end, position < range.upperBound, bytes[position] == 0x3A, value >= 1, value <= 14 else {
      return nil
    }
    return (value, position + 1)
  }

  /// Whether `bytes[range]` starts with a row number followed by a blank or a letter ("(2) Check",
  /// "2.Check"): a caption's first line, even when the rest is caption words only.
  static func startsWithRowNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var end = range.lowerBound
    while end < range.upperBound, !ASCIIText.isBlank(bytes[end]), !ASCIIText.isLetter(bytes[end]) { end += 1 }
    return end > range.lowerBound && rowNumber(bytes, range.lowerBound..<end) != nil
  }

  /// A row number 1–14 printed alone, as `7`, `7.`, `(7)`, `7)` or `[7]`.
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
  ///
  /// Words are runs of letters separated by blanks or colons; any other byte makes the cell something else.
  private static func isSideLabelFragment(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    // The label's words are all different, so the first word tells where in the label the cell starts.
    var labelIndex = 0
    var wordCount = 0
    var lastWord = 0..<0
    var position = range.lowerBound
    while position < range.upperBound {
      let byte = bytes[position]
      if ASCIIText.isBlank(byte) || byte == 0x3A {
        position += 1
        continue
      }
      // A first word that starts as none of the label's words do is none of them (nor a word at all when it
      // starts with no letter), told before its letters are read.
      if wordCount == 0, !sideLabelWordInitials.contains(byte) { return false }
      var end = position
      while end < range.upperBound, ASCIIText.isLetter(bytes[end]) { end += 1 }
      guard end > position else { return false }
      let word = position..<end
      if wordCount == 0 {
        guard let start = sideLabelWordBytes.firstIndex(where: { spells(bytes, word, $0) }) else { return false }
        labelIndex = start
      } else {
        guard labelIndex < sideLabelWordBytes.count, spells(bytes, word, sideLabelWordBytes[labelIndex]) else {
          return false
        }
      }
      labelIndex += 1
      wordCount += 1
      lastWord = word
      position = end
    }
    // A lone "OF", "BY" or "WITH" is too common to be taken for the label.
    return wordCount > 1 || (wordCount == 1 && !commonSideLabelWords.contains { spells(bytes, lastWord, $0) })
  }

  /// Whether the letters `bytes[range]`, upper-cased, are `word`.
  private static func spells(_ bytes: [UInt8], _ range: Range<Int>, _ word: [UInt8]) -> Bool {
    ASCIIText.spells(word, in: bytes, at: range)
  }
}

extension [LineToken] {
  /// Adds a token of a kind that starts at a byte offset of the line, to be located in the source once the
  /// line's tokens are all found.
  ///
  /// A number cell directly followed by a caption without a number is that caption's number: a caption without a
  /// number added right after a row-number marker takes the marker's place and number, so that the tokens need
  /// no pass to merge them once all are found.
  ///
  /// - Parameters:
  ///   - kind: What the token is.
  ///   - offset: The 0-based byte offset in the line where it starts.
  fileprivate mutating func append(_ kind: LineToken.Kind, at offset: Int) {
    if case .caption(let field, nil) = kind, let marker = last, case .marker(let value) = marker.kind {
      self[count - 1] = LineToken(kind: .caption(field, number: value), line: 0, column: 0, offset: marker.offset)
      return
    }
    append(LineToken(kind: kind, line: 0, column: 0, offset: offset))
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
