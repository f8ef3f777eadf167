import BocheckModel

/// Reads who signs a filing from its signature blocks.
///
/// A block starts at a "SIGNATURE" heading, at the attestation "After reasonable inquiry ...", or at "IN
/// WITNESS WHEREOF" (or, in an agreement filed as an exhibit, a "Dated:" line) when the text before it is a
/// joint filing agreement (the signatures of a purchase or
/// merger agreement filed as an exhibit are that agreement's, not the filing's). It ends at the next
/// heading, exhibit, power of attorney, document boundary or long line of prose.
///
/// Inside a block, a signature is a line with a conformed signature mark ("/s/", "s/", "S\", "(signed)")
/// or a "By:" line. The names printed just above a signature, after a blank line, are the parties that
/// sign by it: one name, a name wrapped over two lines, or a list of names one to a line that one
/// attorney-in-fact signs for. A signature with no names above it is a person signing for themselves
/// when nothing says they sign in another capacity: a title ("Managing Member", "Title: President")
/// makes it an officer signing for an entity the block does not name, and then nobody is claimed. A
/// signature "Jane Roe, by John Doe, Attorney-in-Fact" is Jane Roe's. A name printed above a signature
/// that is the signatory's own name is not an entity. Text laid out in side-by-side columns is read one
/// column at a time; dates, titles and "Name:", "Title:", "Its:" lines are never names.
struct SignatureBlocks {
  /// A line, or one cell of a table row, with the 1-based line it came from.
  ///
  /// Its text is a range of bytes that the reading of the blocks holds (``EntryWindow``): an entry is a few
  /// numbers, copied and dropped without a text retained or released.
  struct Entry {
    /// Where the text is, blanks trimmed (empty for a blank line): UTF-8 offsets, on scalar boundaries, in the
    /// document's text (``SignatureEntrySource/document``), or, when ``ownsText``, in the bytes the source
    /// appended the entry's text to (``SignatureEntrySource/next(ownText:)``).
    var range: Range<Int>
    /// Whether the text is one of its own (a line that cleaning changed beyond its blanks, a table cell), not a
    /// range of the document's text.
    var ownsText: Bool
    /// The 1-based line (of the lines read, before mapping to the source).
    var line: Int
    /// For a line of plain text, the character position its text starts at; `nil` for a table cell.
    var indent: Int?

    /// Whether the text is empty.
    var isEmpty: Bool { range.isEmpty }
  }

  /// The bytes the entries' texts are in, valid only inside the call that hands them over
  /// (``EntryWindow/withEntries(in:_:)``).
  struct EntryBytes {
    /// The document's UTF-8 bytes.
    let document: UnsafeBufferPointer<UInt8>
    /// The bytes of the texts of their own.
    let own: UnsafeBufferPointer<UInt8>

    /// The UTF-8 bytes of an entry's text.
    subscript(entry: Entry) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: (entry.ownsText ? own : document)[entry.range])
    }

    /// An entry's text as a String of its own, made from its bytes in place.
    func string(_ entry: Entry) -> String { String(decoding: self[entry], as: UTF8.self) }
  }

  /// An entry of one column of a block: where its text is in the block's bytes (``BlockColumns/bytes``).
  private struct ColumnEntry {
    /// The text, blanks trimmed (empty for a blank line or an empty cell): UTF-8 offsets in the block's bytes.
    var range: Range<Int>
    /// The 1-based line (of the lines read, before mapping to the source).
    var line: Int
  }

  /// A block's entries one column at a time, their texts one after another in bytes of the block's own: no
  /// text is made for an entry unless it is a name.
  private struct BlockColumns {
    /// The texts of the entries, UTF-8.
    var bytes: [UInt8] = []
    /// The columns, each its entries in order.
    var columns: [[ColumnEntry]] = []

    /// Appends a text to ``bytes``.
    ///
    /// - Parameter text: The text's UTF-8 bytes.
    /// - Returns: Where it is in ``bytes``.
    mutating func append(_ text: some Collection<UInt8>) -> Range<Int> {
      let start = bytes.count
      bytes.append(contentsOf: text)
      return start..<bytes.count
    }
  }

  /// The entries read so far that can still be looked at.
  private var window = EntryWindow(document: "")
  /// Whether the lines are a joint filing agreement of their own (an exhibit), whose signatures open with
  /// a "Dated:" line after its text.
  private let isAgreement: Bool

  /// Reads the blocks among lines given one entry at a time (see ``signers(from:)``).
  ///
  /// - Parameter isAgreement: Whether the lines are a joint filing agreement filed as a document of its own.
  init(isAgreement: Bool = false) {
    self.isAgreement = isAgreement
  }

  /// The names that sign, each at the line of its name (or of its signature, for a person signing alone).
  ///
  /// The entries are read once, in order: only the block being read and the entries a block's opening
  /// looks back on are held, never the whole body. The source is read in place (not through closures that
  /// capture it, whose every call checked that no other access to it was under way).
  ///
  /// - Parameter source: Gives the body's entries.
  mutating func signers<Source: SignatureEntrySource>(from source: inout Source) -> [NamedMention] {
    var result: [NamedMention] = []
    window = EntryWindow(document: source.document)
    var index = 0
    while true {
      window.skipToPossibleOpening(ifUnread: index, in: &source)
      guard window.read(through: index, from: &source) else { break }
      window.forgetEntries(beforeLookBackFrom: index)
      if startsBlock(at: index) {
        let end = blockEnd(after: index, from: &source)
        let block = window.withEntries(in: (index + 1)..<end) { SignatureBlocks.columns(of: $0, bytes: $1) }
        block.bytes.withUnsafeBufferPointer { bytes in
          for column in block.columns { result += SignatureBlocks.signers(in: column, bytes) }
        }
        index = max(end, index + 1)
        continue
      }
      index += 1
    }
    return result
  }

  /// The entries of a body read one at a time, of which those that can still be looked at are held.
  ///
  /// Indices count the entries from the body's first one. Entries are read from the source as they are
  /// asked for; those before the index the reading looks back to are dropped, in batches, so that the
  /// entries held stay few however long the body is.
  private struct EntryWindow {
    /// The entries held, from the one at `firstIndex` on.
    private var held: [Entry] = []
    private var firstIndex = 0
    private var sourceIsEmpty = false
    /// How many entries are held before the next batch is dropped.
    private var dropThreshold = 1024
    /// The text the entries' ranges are in (but for those with a text of their own).
    private let document: String
    /// The texts of their own of the entries held (and of some dropped), one after another.
    private var ownText: [UInt8] = []

    /// - Parameter document: The text the source's entries are ranges of.
    init(document: String) {
      self.document = document
      // A block's opening is read with the entries it looks back on: room for those is made once, where growing
      // the list from nothing copied its entries several times.
      held.reserveCapacity(SignatureBlocks.lookBackEntries + 1)
    }

    /// Lets the source pass over the lines ahead that cannot open a block, when the entry at `index` is the
    /// next one to be read from it (none is held waiting).
    ///
    /// - Parameters:
    ///   - index: The entry the reading of blocks looks at next.
    ///   - source: Gives the body's entries.
    mutating func skipToPossibleOpening<Source: SignatureEntrySource>(ifUnread index: Int, in source: inout Source) {
      if !sourceIsEmpty && index - firstIndex >= held.count { source.skipToPossibleOpening() }
    }

    /// Reads the entries from the source up to the one at `index`, when they are not held yet.
    ///
    /// - Parameters:
    ///   - index: An index at or after the first entry held.
    ///   - source: Gives the body's entries.
    /// - Returns: Whether there is an entry at `index` (`false` past the last one).
    mutating func read<Source: SignatureEntrySource>(through index: Int, from source: inout Source) -> Bool {
      while !sourceIsEmpty && index - firstIndex >= held.count {
        if let next = source.next(ownText: &ownText) { held.append(next) } else { sourceIsEmpty = true }
      }
      return index - firstIndex < held.count
    }

    /// Calls `body` with the entries in a range of indices, all read already, and the bytes of their texts, in
    /// place.
    func withEntries<Result>(in range: Range<Int>, _ body: (ArraySlice<Entry>, EntryBytes) -> Result) -> Result {
      let entries = held[(range.lowerBound - firstIndex)..<(range.upperBound - firstIndex)]
      return ASCIIText.withUTF8(document) { document in
        ownText.withUnsafeBufferPointer { own in body(entries, EntryBytes(document: document, own: own)) }
      }
    }

    /// Calls `body` with the bytes of the entry at `index`, which was read already and is still held, read in
    /// place.
    func withBytes<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
      let entry = held[index - firstIndex]
      if entry.ownsText {
        return ownText.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[entry.range])) }
      }
      return ASCIIText.withUTF8(document) { body(UnsafeBufferPointer(rebasing: $0[entry.range])) }
    }

    /// Whether the text of the entry at `index`, which was read already and is still held, is empty.
    func isEmpty(at index: Int) -> Bool { held[index - firstIndex].isEmpty }

    /// Drops the entries that ``startsBlock(at:)`` can no longer look back to from `index` or after it
    /// (those before ``lookBackStart(from:)``), once enough are held to make a batch worth dropping.
    ///
    /// - Parameter index: The entry being read, which is held.
    mutating func forgetEntries(beforeLookBackFrom index: Int) {
      guard held.count >= dropThreshold else { return }
      let dropped = lookBackStart(from: index) - firstIndex
      if dropped > 0 {
        held.removeFirst(dropped)
        firstIndex += dropped
        dropOwnText()
      }
      dropThreshold = max(1024, 2 * held.count)
    }

    /// Drops the texts of their own that no entry held is in, those before the first one held, and moves the
    /// ranges of the others to match.
    private mutating func dropOwnText() {
      guard !ownText.isEmpty else { return }
      var first = ownText.count
      for entry in held where entry.ownsText { first = min(first, entry.range.lowerBound) }
      guard first > 0 else { return }
      ownText.removeFirst(first)
      for position in held.indices where held[position].ownsText {
        let range = held[position].range
        held[position].range = (range.lowerBound - first)..<(range.upperBound - first)
      }
    }

    /// The earliest index ``startsBlock(at:)`` can look back to from `index`: that of the
    /// ``lookBackEntries``th entry with text counting back from it, or the first entry.
    private func lookBackStart(from index: Int) -> Int {
      var position = index
      var seen = 0
      while position > 0 {
        if !isEmpty(at: position) { seen += 1 }
        if seen == SignatureBlocks.lookBackEntries { break }
        position -= 1
      }
      return position
    }
  }

  // MARK: Blocks

  /// How many entries with text, counting back from a block's opening, are read for the agreement it
  /// executes.
  static let lookBackEntries = 60

  /// Whether an entry's text opens a block, told from its bytes alone.
  ///
  /// - Parameters:
  ///   - text: The entry's UTF-8 bytes, blanks trimmed.
  ///   - isAgreement: Whether the lines are a joint filing agreement filed as a document of its own.
  /// - Returns: `true` for a "SIGNATURE" heading or the attestation "After reasonable inquiry"; `nil` for a
  ///   line that opens a block only after the text of a joint filing agreement ("IN WITNESS WHEREOF", or the
  ///   "Dated:" line an agreement's signatures open with); `false` for any other line.
  @inline(__always)
  static func opening(_ text: UnsafeBufferPointer<UInt8>, isAgreement: Bool) -> Bool? {
    // Every opening starts with S, A, I or D: most lines are told apart by their first letter alone, where they
    // are read, without a call.
    guard let first = text.first else { return false }
    switch ASCIIText.upper(first) {
    case 0x53, 0x41, 0x49, 0x44: return openingPhrase(text, isAgreement: isAgreement)  // S, A, I, D
    default: return false
    }
  }

  /// What ``opening(_:isAgreement:)`` says of an entry whose first letter may start an opening.
  ///
  /// - Parameters:
  ///   - text: The entry's UTF-8 bytes, blanks trimmed, at least one.
  ///   - isAgreement: Whether the lines are a joint filing agreement filed as a document of its own.
  private static func openingPhrase(_ text: UnsafeBufferPointer<UInt8>, isAgreement: Bool) -> Bool? {
    let isHeading = Phrase.signatureHeadings.contains { $0.count == text.count && LineBytes.hasPrefix($0, in: text) }
    if isHeading || LineBytes.hasPrefix(Phrase.afterReasonableInquiry, in: text) { return true }
    let datesAgreement = isAgreement && Phrase.dateLabels.contains { LineBytes.hasPrefix($0, in: text) }
    return LineBytes.hasPrefix(Phrase.inWitnessWhereof, in: text) || datesAgreement ? nil : false
  }

  private mutating func startsBlock(at index: Int) -> Bool {
    let isAgreement = isAgreement
    let opening = window.withBytes(at: index) { SignatureBlocks.opening($0, isAgreement: isAgreement) }
    if let opening { return opening }
    // The agreement the signatures execute: the text between the last heading or document start and here.
    var position = index
    var seen = 0
    while position >= 0 && seen < SignatureBlocks.lookBackEntries {
      let (isDocumentStart, marksAgreement) = window.withBytes(at: position) { bytes in
        (
          Phrase.documentTags.contains { LineBytes.hasPrefix($0, in: bytes) },
          Phrase.jointFilingMarks.occurs(in: bytes)
        )
      }
      if isDocumentStart { break }
      if marksAgreement { return true }
      if !window.isEmpty(at: position) { seen += 1 }
      position -= 1
    }
    return false
  }

  private mutating func blockEnd<Source: SignatureEntrySource>(after start: Int, from source: inout Source) -> Int {
    var index = start + 1
    while window.read(through: index, from: &source) {
      // Told on the bytes in place. A line whose first byte starts no attestation and no ending is told by its
      // length alone.
      let endsBlock = window.withBytes(at: index) { text -> Bool in
        if let first = text.first, Phrase.boundaryInitials.contains(first) {
          if Phrase.attestations.contains(where: { LineBytes.hasPrefix($0, in: text) }) { return false }
          if Phrase.blockEndings.contains(where: { LineBytes.hasPrefix($0, in: text) }) { return true }
        }
        return SignatureBlocks.isLonger(text, than: 150)
      }
      if endsBlock { return index }
      index += 1
    }
    return index
  }

  /// The block's entries one column at a time: plain text laid out in side-by-side columns ("ALPHA CORP
  /// <spaces> BETA CORP") has cells that start at the same character positions on several lines. Table
  /// cells stay in the first column, in order.
  ///
  /// Most blocks have no line of several cells: they are one column, the entries' texts in order, told on the
  /// lines' bytes before any text is made.
  ///
  /// - Parameters:
  ///   - block: The block's entries.
  ///   - bytes: The bytes of their texts.
  private static func columns(of block: ArraySlice<Entry>, bytes: EntryBytes) -> BlockColumns {
    var result = BlockColumns()
    let isOneColumn = block.allSatisfy { entry in entry.indent == nil || !mayHoldCells(bytes[entry]) }
    if isOneColumn {
      var column: [ColumnEntry] = []
      column.reserveCapacity(block.count)
      for entry in block { column.append(ColumnEntry(range: result.append(bytes[entry]), line: entry.line)) }
      result.columns = [column]
      return result
    }
    // The cells' texts are copied into the block's bytes as the rows are cut: a cell is its range there.
    var rows: [(line: Int, cells: [(start: Int, text: Range<Int>)])] = []
    var starts: [Int] = []
    for entry in block {
      guard let indent = entry.indent else {
        rows.append((entry.line, [(0, result.append(bytes[entry]))]))
        continue
      }
      let cells = textCells(bytes[entry], into: &result).map { (start: $0.start + indent, text: $0.text) }
      rows.append((entry.line, cells))
      starts += cells.dropFirst().map(\.start)
    }
    // One column: every row is one cell.
    guard let firstBoundary = starts.min() else {
      result.columns = [rows.map { ColumnEntry(range: $0.cells[0].text, line: $0.line) }]
      return result
    }
    var boundaries = [firstBoundary]
    for start in starts.sorted() where start > boundaries[boundaries.count - 1] + 3 { boundaries.append(start) }
    var columns = Array(repeating: [ColumnEntry](), count: boundaries.count + 1)
    var filled = [Bool](repeating: false, count: columns.count)
    for (line, cells) in rows {
      for cell in cells {
        let column = boundaries.lastIndex { $0 <= cell.start + 2 }.map { $0 + 1 } ?? 0
        columns[column].append(ColumnEntry(range: cell.text, line: line))
        filled[column] = true
      }
      for column in columns.indices {
        if !filled[column] { columns[column].append(ColumnEntry(range: 0..<0, line: line)) }
        filled[column] = false
      }
    }
    result.columns = columns
    return result
  }

  /// A text line's cells with the character position each starts at; runs of three or more spaces
  /// separate cells, except after a label ending in a colon. A line holding a tab is one cell.
  ///
  /// The cells' texts, blanks trimmed, are appended to the block's bytes: in ASCII text (where each byte is a
  /// character) as the bytes of the line in place, no text made.
  ///
  /// - Parameters:
  ///   - text: The line's UTF-8 bytes, with no blank at either end.
  ///   - block: The block's columns, whose bytes the cells' texts are appended to.
  /// - Returns: The cells, each with where its text is in the block's bytes.
  private static func textCells(
    _ text: UnsafeBufferPointer<UInt8>, into block: inout BlockColumns
  ) -> [(start: Int, text: Range<Int>)] {
    // A line without a tab or a run of three spaces is one cell: its text, which has no blank at either end.
    guard mayHoldCells(text) else { return [(0, block.append(text))] }
    // Positions count characters: in ASCII text each is one byte, and the bytes are read in place.
    let cells: [(start: Int, text: Range<Int>)]
    if ASCIIText.isASCII(text) {
      cells = textCells(text, space: 0x20, colon: 0x3A) { range in
        let cell = UnsafeBufferPointer(rebasing: text[range])
        return block.append(cell[LineBytes.trimmedRange(cell)])
      }
    } else {
      let characters = Array(String(decoding: text, as: UTF8.self))
      cells = textCells(characters, space: " ", colon: ":") {
        block.append(String(characters[$0]).trimmingBlanks().utf8)
      }
    }
    return cells.isEmpty ? [(0, 0..<0)] : cells
  }

  /// Whether a text line can be cut into several cells (``textCells(_:)``): it holds a run of three spaces and
  /// no tab.
  ///
  /// - Parameter bytes: The line's UTF-8 bytes.
  private static func mayHoldCells(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    ASCIIText.firstOffset(of: 0x09, in: bytes, to: bytes.count) == bytes.count
      && ASCIIText.containsRunOfThree(0x20, in: bytes)
  }

  /// The cells of a line given as characters (or as the bytes of ASCII text), with the position each
  /// starts at (see ``textCells(_:)``).
  ///
  /// - Parameters:
  ///   - characters: The line's characters.
  ///   - space: The space character.
  ///   - colon: The colon character.
  ///   - cellText: The text of a range of characters, blanks trimmed (or where it is put).
  /// - Returns: The cells, none for a line of spaces.
  private static func textCells<Characters: RandomAccessCollection, Cell>(
    _ characters: Characters, space: Characters.Element, colon: Characters.Element,
    cellText: (Range<Int>) -> Cell
  ) -> [(start: Int, text: Cell)] where Characters.Element: Equatable, Characters.Index == Int {
    var cells: [(start: Int, text: Cell)] = []
    var index = 0
    while index < characters.count {
      while index < characters.count && characters[index] == space { index += 1 }
      guard index < characters.count else { break }
      let start = index
      var end = index
      while end < characters.count {
        if characters[end] == space {
          var gap = end
          while gap < characters.count && characters[gap] == space { gap += 1 }
          // A label keeps its value ("Date:   May 1"), unless another label follows ("By:     By:").
          var nextWord = gap
          while nextWord < characters.count && characters[nextWord] != space { nextWord += 1 }
          let followedByLabel = nextWord > gap && characters[nextWord - 1] == colon
          let isLabel = end > start && characters[end - 1] == colon && !followedByLabel
          if gap - end >= 3 && !isLabel { break }
          end = gap
          continue
        }
        end += 1
      }
      cells.append((start, cellText(start..<end)))
      index = end
    }
    return cells
  }

  // MARK: Signatures

  /// The signers of one column of a block.
  ///
  /// - Parameters:
  ///   - column: The column's entries.
  ///   - bytes: The block's bytes, which the entries' ranges are in.
  private static func signers(in column: [ColumnEntry], _ bytes: UnsafeBufferPointer<UInt8>) -> [NamedMention] {
    var result: [NamedMention] = []
    // Names printed since the last blank line, and the group that waits for its signature.
    var group: [ColumnEntry] = []
    var waiting: [ColumnEntry] = []
    var previousBlank = true
    var lastSignatory: MatchableName?
    // The signatory made last, kept after its lines are over: one person often signs for several entities in turn.
    var madeSignatory: MatchableName?
    // The last signature line read (its bytes in the block's), with what it signs.
    var lastSignature: (text: Range<Int>, signature: Signature)?
    var index = 0
    while index < column.count {
      let entry = column[index]
      let text = UnsafeBufferPointer(rebasing: bytes[entry.range])
      defer { index += 1 }
      if text.isEmpty || isRule(text) {
        if !group.isEmpty {
          waiting = group
          group = []
        }
        previousBlank = previousBlank || text.isEmpty
        continue
      }
      // A signature line printed again (one person signing for several entities in turn) is read once.
      let signature: Signature?
      if let last = lastSignature,
        ByteWord.sameBytes(
          UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[last.text])), UnsafeRawBufferPointer(text))
      {
        signature = last.signature
      } else {
        signature = SignatureBlocks.signature(text)
        if let signature { lastSignature = (entry.range, signature) }
      }
      if let signature {
        let names = group.isEmpty ? waiting : group
        group = []
        waiting = []
        previousBlank = false
        guard let signed = signature.name ?? followingName(in: column, bytes, after: index) else { continue }
        // The signatory's name is compared with many lines: its key is worked out once, and once for the
        // signatures of one name in a row (its bytes the same).
        let signatory: MatchableName
        if let made = madeSignatory, ByteWord.sameBytes(made.name, signed) {
          signatory = made
        } else {
          signatory = MatchableName(signed)
          madeSignatory = signatory
        }
        lastSignatory = signatory
        let above = namesOfGroup(names, bytes)
        let entities = above.filter { signatory.match($0.name) == nil }
        if !entities.isEmpty {
          result += entities
          if signsIndividually(column, bytes, after: index) {
            result.append(NamedMention(name: signed, line: entry.line))
          }
        } else if let own = above.first {
          // The signatory's own name printed above the signature: theirs, unless a title follows.
          if !hasTitle(column, bytes, after: index, signed: signatory) { result.append(own) }
        } else if signature.isConformed && signature.byAttorney {
          // "/s/ John Doe, Attorney-in-Fact" over the principal's name.
          if let principal = nextText(in: column, bytes, after: index, skippingCaptions: true), isName(principal.text) {
            let name = String(decoding: principal.text, as: UTF8.self)
            if signatory.match(name) == nil {
              result.append(NamedMention(name: name, line: column[principal.index].line))
              lastSignatory = nil
            }
          }
        } else if signature.isConformed && signsForThemselves(signatory, column, bytes, after: index) {
          result.append(NamedMention(name: signed, line: entry.line))
        }
        continue
      }
      // The name and title test comes first: it is one look at the bytes, the match builds the line's key.
      if let signatory = lastSignatory, isNameAndTitle(text) || signatory.match(signedName(text)) != nil {
        // The signatory's name printed again under the signature (once).
        lastSignatory = nil
        continue
      }
      // Whether the line is a title is told once: it makes the line furniture and ends the signatory's lines.
      let isTitleLine = isTitle(text)
      if isFurniture(text, isTitle: isTitleLine) {
        // "Date:", "Name:", "Its: General Partner", "By: Alpha GP LLC": the group still waits; after a
        // title the signatory's lines are over.
        if isTitleLine { lastSignatory = nil }
        continue
      }
      // The line is no title: titles are furniture, passed over above.
      if isNameUnlessTitle(text) && (previousBlank || !group.isEmpty) {
        if group.isEmpty { waiting = [] }
        group.append(entry)
      } else {
        group = []
        waiting = []
      }
      previousBlank = false
    }
    return result
  }

  /// The names of a group of lines: a name wrapped over two lines is one name; three lines or more are
  /// one name each, a line that only continues the one before it ("II, L.P.", "and Company") aside.
  ///
  /// - Parameters:
  ///   - group: The lines.
  ///   - bytes: The block's bytes, which the lines' ranges are in.
  /// - Returns: The names, each at the line it starts on.
  private static func namesOfGroup(_ group: [ColumnEntry], _ bytes: UnsafeBufferPointer<UInt8>) -> [NamedMention] {
    let texts = group.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    guard group.count > 1 else { return zip(texts, group).map { NamedMention(name: $0, line: $1.line) } }
    if group.count == 2 && !endsWithTerminalSuffix(texts[0]) && texts[1].count <= 60 {
      return [NamedMention(name: texts[0] + " " + texts[1], line: group[0].line)]
    }
    var names: [NamedMention] = []
    for (text, entry) in zip(texts, group) {
      if let last = names.last, continuesName(text) {
        names[names.count - 1] = NamedMention(name: last.name + " " + text, line: last.line)
      } else {
        names.append(NamedMention(name: text, line: entry.line))
      }
    }
    return names
  }

  /// A signature line: whether it bears a conformed mark, and the name signed when the line prints it.
  private struct Signature {
    var isConformed: Bool
    var name: String?
    /// Whether the signatory signs as attorney-in-fact without naming the principal on the line.
    var byAttorney = false
  }

  /// Reads a signature line: "/s/ Jane Roe", "By: /s/ Jane Roe", "S\JANE ROE", "By:" (a blank signature),
  /// "Jane Roe, by John Doe, Attorney-in-Fact".
  ///
  /// - Parameter text: The line's UTF-8 bytes.
  private static func signature(_ text: UnsafeBufferPointer<UInt8>) -> Signature? {
    // The label, the blanks and underscores after it and the mark are found on the line's bytes: most
    // lines have neither label nor mark, and no text is built for them.
    let found = signatureParts(text)
    guard found.hasBy || found.isConformed else { return nil }
    let isConformed = found.isConformed
    var name = signedName(UnsafeBufferPointer(rebasing: text[found.name]))
    var byAttorney = false
    if let comma = firstComma(in: name), ASCIIText.contains(attorneyPhrase, in: name[comma...]) {
      // "John Doe, Attorney-in-Fact": the principal is printed elsewhere.
      name = String(name[..<comma])
      byAttorney = true
    }
    // "By: Alpha GP LLC": an entity signing through its own signatory below, not a signature yet.
    if !isConformed && !name.isEmpty && !looksLikePersonSigning(name) { return nil }
    return Signature(isConformed: isConformed, name: name.isEmpty ? nil : name, byAttorney: byAttorney)
  }

  /// What ``signature(_:)`` finds on a line's bytes: whether it opens with a signature label ("By:"), whether a
  /// conformed mark follows the label and the blanks and underscores after it, and where the rest is.
  ///
  /// - Parameter bytes: The line's UTF-8 bytes.
  /// - Returns: Offsets into `bytes` for the name.
  private static func signatureParts(
    _ bytes: UnsafeBufferPointer<UInt8>
  ) -> (hasBy: Bool, isConformed: Bool, name: Range<Int>) {
    // A label or a mark is matched only where the byte starts one.
    var start = 0
    var label: [UInt8]?
    if let first = bytes.first, Phrase.signatureLabelInitials.contains(first) {
      label = Phrase.signatureLabels.first { LineBytes.hasPrefix($0, in: bytes) }
    }
    if let label { start = label.count }
    var end = bytes.count
    let isFill: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x5F || $0 == 0x09 }
    while start < end && isFill(bytes[start]) { start += 1 }
    while end > start && isFill(bytes[end - 1]) { end -= 1 }
    guard start < end, Phrase.conformedMarkInitials.contains(bytes[start]) else {
      return (label != nil, false, start..<end)
    }
    let rest = UnsafeBufferPointer(rebasing: bytes[..<end])
    for mark in Phrase.conformedMarks where LineBytes.hasPrefix(mark, in: rest, at: start) {
      // "S/" and "/S" only as marks, not as the start of a word ("Sam").
      let after = start + mark.count
      if mark == Phrase.slashS && after < end && LineBytes.isLetter(rest, at: after) { continue }
      return (label != nil, true, after..<end)
    }
    return (label != nil, false, start..<end)
  }

  /// Where the first character that is a comma stands in a text, found on its bytes: a comma byte followed by
  /// an ASCII byte (or by nothing) is a character of its own; one followed by more bytes may carry a combining
  /// mark, and only then are the characters walked.
  static func firstComma(in text: String) -> String.Index? {
    // The comma byte is found in the bytes in place; only its index is then made.
    let found = ASCIIText.withUTF8(text) { bytes -> (offset: Int, standsAlone: Bool)? in
      let comma = ASCIIText.firstOffset(of: 0x2C, in: bytes, to: bytes.count)
      guard comma < bytes.count else { return nil }
      return (comma, comma + 1 == bytes.count || bytes[comma + 1] < 0x80)
    }
    guard let found else { return nil }
    return found.standsAlone ? text.utf8.index(text.utf8.startIndex, offsetBy: found.offset) : text.firstIndex(of: ",")
  }

  /// Whether "By: NAME" without a mark is a signature: the name is a person's, not an entity's.
  private static func looksLikePersonSigning(_ name: String) -> Bool {
    // A name without a comma byte holds no comma: its characters are walked only when it has one.
    !endsWithEntitySuffix(name) && (!ASCIIText.containsByte(0x2C, in: name) || !name.contains(","))
  }

  /// The name a signature signs: marks, footnote signs and underscores removed; "Jane Roe, by John Doe,
  /// Attorney-in-Fact" is Jane Roe.
  ///
  /// In ASCII text each byte is a character: the name is cut from the bytes in place
  /// (``signedNameRange(ascii:)``) and one text is made; other text is cut character by character
  /// (``signedNameOfCharacters(_:)``).
  static func signedName(_ printed: String) -> String {
    let ascii = ASCIIText.withUTF8(printed) { bytes in
      ASCIIText.isASCII(bytes) ? String(decoding: bytes[signedNameRange(ascii: bytes)], as: UTF8.self) : nil
    }
    return ascii ?? signedNameOfCharacters(printed)
  }

  /// The name a signature signs (see ``signedName(_:)``), given the printed text's UTF-8 bytes: what
  /// `signedName(String(decoding: bytes, as: UTF8.self))` gives, ASCII bytes read in place and one text made for
  /// the name.
  ///
  /// - Parameter bytes: The printed text's UTF-8 bytes, well formed.
  private static func signedName(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    if ASCIIText.isASCII(bytes) { return String(decoding: bytes[signedNameRange(ascii: bytes)], as: UTF8.self) }
    return signedNameOfCharacters(String(decoding: bytes, as: UTF8.self))
  }

  /// The name a signature signs (see ``signedName(_:)``) in part of a printed line: what
  /// `signedName(String(LineBytes.slice(printed, range)))` gives, the part of ASCII text read in place and one
  /// text made for the name.
  ///
  /// - Parameters:
  ///   - printed: The printed line.
  ///   - range: The part, in UTF-8 offsets, on scalar boundaries.
  static func signedName(_ printed: String, in range: Range<Int>) -> String {
    let ascii = ASCIIText.withUTF8(printed) { bytes -> String? in
      let part = UnsafeBufferPointer(rebasing: bytes[range])
      return ASCIIText.isASCII(part) ? String(decoding: part[signedNameRange(ascii: part)], as: UTF8.self) : nil
    }
    return ascii ?? signedNameOfCharacters(String(LineBytes.slice(printed, range)))
  }

  /// The name a signature signs (see ``signedName(_:)``), cut from the text's characters.
  static func signedNameOfCharacters(_ printed: String) -> String {
    var name = printed.trimmingCharacters(in: " /\\*_-\t")
    if LineBytes.hasPrefix(Phrase.nameLabel, in: name) { name = String(name.dropFirst(5)) }
    // "Jane Roe, by John Doe" (or "Jane Roe by John Doe, Attorney-in-Fact"): the principal is what comes
    // before "by"; the one signing for them is not a party.
    let words =
      ASCIIText.contains(Phrase.by, in: name) ? name.split(separator: " ", omittingEmptySubsequences: false) : []
    if let by = words.firstIndex(where: { $0.lowercased() == "by" }), by > 0,
      words[by - 1].hasSuffix(",") || ASCIIText.contains(attorneyPhrase, in: name)
    {
      name = words[..<by].joined(separator: " ")
    }
    return name.trimmingCharacters(in: " /\\*_-,\t")
  }

  /// Where ``signedName(_:)`` finds the name in an ASCII text, told on its bytes.
  ///
  /// - Parameter bytes: The printed text's bytes, all ASCII.
  /// - Returns: Offsets into `bytes`.
  private static func signedNameRange(ascii bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var start = 0
    var end = bytes.count
    func trim(_ set: [UInt8]) {
      while start < end && set.contains(bytes[start]) { start += 1 }
      while end > start && set.contains(bytes[end - 1]) { end -= 1 }
    }
    trim(signTrimmed)
    if LineBytes.hasPrefix(Phrase.nameLabel, in: UnsafeBufferPointer(rebasing: bytes[..<end]), at: start) {
      start += Phrase.nameLabel.count
    }
    // The first word "by" (words cut at single spaces), when it is not the first word and the word before it
    // ends with a comma or the name holds "attorney": the name ends before the space in front of it.
    let name = UnsafeBufferPointer(rebasing: bytes[start..<end])
    if ASCIIText.contains(Phrase.by, in: name) {
      var wordStart = 0
      for offset in 0...name.count where offset == name.count || name[offset] == 0x20 {
        if ASCIIText.spells(Phrase.by, in: name, at: wordStart..<offset) {
          let afterComma = wordStart >= 2 && name[wordStart - 2] == 0x2C
          if wordStart > 0 && (afterComma || ASCIIText.contains(attorneyPhrase, in: name)) {
            end = start + wordStart - 1
          }
          break
        }
        wordStart = offset + 1
      }
    }
    trim(nameTrimmed)
    return start..<end
  }

  /// The characters ``signedName(_:)`` trims from a printed name, then from the name it cuts, as bytes.
  private static let signTrimmed = Array(" /\\*_-\t".utf8)
  private static let nameTrimmed = Array(" /\\*_-,\t".utf8)

  private static let attorneyPhrase = ASCIIText.phrase("ATTORNEY")

  /// The signatory's name on the line after a signature that prints none ("By: ________" then
  /// "Name: Jane Roe").
  ///
  /// - Parameters:
  ///   - column: The column's entries.
  ///   - bytes: The block's bytes, which the entries' ranges are in.
  ///   - index: Where the signature is in the column.
  private static func followingName(
    in column: [ColumnEntry], _ bytes: UnsafeBufferPointer<UInt8>, after index: Int
  ) -> String? {
    guard let next = nextText(in: column, bytes, after: index) else { return nil }
    var text = next.text
    let name: String
    if LineBytes.hasPrefix(Phrase.nameLabel, in: text) {
      // The label's five bytes are its five characters unless a combining mark follows its colon.
      if text.count == 5 || text[5] < 0x80 {
        text = UnsafeBufferPointer(rebasing: text[5...])
        name = signedName(text)
      } else {
        name = signedName(String(String(decoding: text, as: UTF8.self).dropFirst(5)))
      }
    } else {
      name = signedName(text)
    }
    return ASCIIText.withUTF8(name, isName) ? name : nil
  }

  /// Whether a person's signature with no names above it is their own: the next line says
  /// "individually", or prints their name again with no title after it (captions such as "Signature" or
  /// "Name/Title" under the lines aside). A signature followed by anything else is not claimed.
  private static func signsForThemselves(
    _ signed: MatchableName, _ column: [ColumnEntry], _ bytes: UnsafeBufferPointer<UInt8>, after index: Int
  ) -> Bool {
    guard let first = nextText(in: column, bytes, after: index, skippingCaptions: true) else { return false }
    if ASCIIText.contains(Phrase.individually, in: first.text) { return true }
    let printed = signedName(first.text)
    guard !isNameAndTitle(printed), signed.match(printed) != nil else { return false }
    guard let second = nextText(in: column, bytes, after: first.index, skippingCaptions: true) else { return true }
    // "Name: Jane Roe" then "Jane Roe, Individually": still her own signature.
    if ASCIIText.contains(Phrase.individually, in: second.text) { return true }
    return !isTitle(second.text) && !isNameAndTitle(second.text)
  }

  /// Whether a title follows a signature: on the signatory's printed name ("Jane Roe, President") or on a
  /// line of its own after it ("Title: President", "Managing Member").
  private static func hasTitle(
    _ column: [ColumnEntry], _ bytes: UnsafeBufferPointer<UInt8>, after index: Int, signed: MatchableName
  ) -> Bool {
    guard let first = nextText(in: column, bytes, after: index, skippingCaptions: true) else { return false }
    if isTitle(first.text) || isNameAndTitle(first.text) { return true }
    guard signed.match(signedName(first.text)) != nil,
      let second = nextText(in: column, bytes, after: first.index, skippingCaptions: true)
    else { return false }
    return isTitle(second.text) || isNameAndTitle(second.text)
  }

  /// Whether the signatory of an entity also signs for themselves: "Jane Roe, individually and as ...".
  private static func signsIndividually(
    _ column: [ColumnEntry], _ bytes: UnsafeBufferPointer<UInt8>, after index: Int
  ) -> Bool {
    guard let next = nextText(in: column, bytes, after: index) else { return false }
    return ASCIIText.contains(Phrase.individually, in: next.text)
  }

  /// The next entry with text after `index`, drawn rules (and, when asked, captions) skipped.
  ///
  /// - Parameters:
  ///   - column: The column's entries.
  ///   - bytes: The block's bytes, which the entries' ranges are in.
  ///   - index: Where to look after.
  ///   - skippingCaptions: Whether captions are skipped too.
  /// - Returns: The entry's UTF-8 bytes and where it is in the column.
  private static func nextText(
    in column: [ColumnEntry], _ bytes: UnsafeBufferPointer<UInt8>, after index: Int, skippingCaptions: Bool = false
  ) -> (text: UnsafeBufferPointer<UInt8>, index: Int)? {
    var next = index + 1
    while next < column.count {
      let text = UnsafeBufferPointer(rebasing: bytes[column[next].range])
      if !text.isEmpty && !isRule(text) && !(skippingCaptions && isCaption(text)) { return (text, next) }
      next += 1
    }
    return nil
  }

  /// Whether a line is a caption printed under a signature line: "Signature", "Date", "Name/Title".
  ///
  /// - Parameter bytes: The line's UTF-8 bytes.
  private static func isCaption(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var hasWords = false
    return LineBytes.allLetterWords(bytes) { word in
      hasWords = true
      return captionWords.contains(bytes, word)
    } && hasWords
  }

  private static let captionWords = LineBytes.WordList(["signature", "date", "name", "title", "print"])

  /// Whether a line is a signature's furniture rather than a name: "Date:", "Name:", "Title:", "Its ...",
  /// a caption, a title, or "By: Alpha GP LLC" (an entity signing through the signature below).
  ///
  /// - Parameters:
  ///   - text: The line's UTF-8 bytes.
  ///   - isTitle: Whether the line is a title (``isTitle(_:)``), which the caller has told.
  private static func isFurniture(_ text: UnsafeBufferPointer<UInt8>, isTitle: Bool) -> Bool {
    isTitle || Phrase.furnitureLabels.contains { LineBytes.hasPrefix($0, in: text) } || isCaption(text)
  }

  // MARK: Kinds of lines

  /// Whether a line can be a name: short, not a signature's furniture, a title, a date or a page number.
  ///
  /// - Parameter text: The line's UTF-8 bytes.
  private static func isName(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    isNameUnlessTitle(text) && !isTitle(text)
  }

  /// Whether a line can be a name, titles aside: ``isName(_:)`` for a line known not to be a title
  /// (``isTitle(_:)``), where looking for one again would be wasted.
  ///
  /// - Parameter text: The line's UTF-8 bytes.
  private static func isNameUnlessTitle(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = text.first, !isLonger(text, than: 90) else { return false }
    guard first < 0x80 ? first >= 0x41 && first <= 0x5A : firstCharacter(text)?.isUppercase == true else {
      return false
    }
    // Only a line whose first byte starts one of the labels is compared with them.
    if Phrase.nameFurnitureInitials.contains(first)
      && Phrase.nameFurniture.contains(where: { LineBytes.hasPrefix($0, in: text) })
    {
      return false
    }
    if isNameAndTitle(text) || isDate(text) { return false }
    // A sentence is not a name.
    if ASCIIText.hasSuffix(fullStop, in: text) && wordCount(text) > 8 { return false }
    return true
  }

  /// The first character of a text given as UTF-8 bytes, made only for a text that opens beyond ASCII.
  ///
  /// - Parameter bytes: The text's UTF-8 bytes, well formed.
  private static func firstCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Character? {
    String(decoding: bytes, as: UTF8.self).first
  }

  /// A full stop, the last character of a sentence.
  private static let fullStop: [UInt8] = [0x2E]

  /// How many words a text has, cut at spaces: `text.split(separator: " ").count`, counted on the bytes of
  /// ASCII text (where each byte is a character) without the words being made.
  ///
  /// - Parameter bytes: The text's UTF-8 bytes.
  private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if ASCIIText.isASCII(bytes) { return LineBytes.spaceSeparatedWordCount(bytes) }
    return String(decoding: bytes, as: UTF8.self).split(separator: " ").count
  }

  /// Whether a line is only a title: "General Partner", "Managing Member", "Attorney in Fact for ...".
  ///
  /// - Parameter bytes: The line's UTF-8 bytes.
  private static func isTitle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if Phrase.titleOpenings.contains(where: { LineBytes.hasPrefix($0, in: bytes) }) { return true }
    var hasWords = false
    return LineBytes.allLetterWords(bytes) { word in
      hasWords = true
      return titleWords.contains(bytes, word) || connectors.contains(bytes, word)
    } && hasWords
  }

  /// Whether a line is a signatory's name and title ("Jane Roe, Managing Member"), not an entity's name.
  static func isNameAndTitle(_ text: String) -> Bool {
    ASCIIText.withUTF8(text, isNameAndTitle)
  }

  /// Whether a line is a signatory's name and title (see ``isNameAndTitle(_:)``), given its UTF-8 bytes.
  ///
  /// - Parameter bytes: The line's UTF-8 bytes.
  private static func isNameAndTitle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let comma = bytes.lastIndex(of: 0x2C) else { return false }
    let tail = UnsafeBufferPointer(rebasing: bytes[(comma + 1)...])
    return !LineBytes.allLetterWords(tail) { !titleWords.contains(tail, $0) }
  }

  /// Whether a line is a date: "February 2, 2031", "2 February 2031", "02/02/2031".
  ///
  /// - Parameter bytes: The line's UTF-8 bytes.
  private static func isDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // Every date holds a number, which in ASCII text is a digit: ASCII text without one is no date, and its
    // words are not read.
    guard bytes.contains(where: { $0 >= 0x80 || ASCIIText.isDigit($0) }) else { return false }
    let isNumber = { (word: Range<Int>) -> Bool in
      let slice = bytes[word]
      if ASCIIText.isASCII(UnsafeBufferPointer(rebasing: slice)) { return slice.allSatisfy(ASCIIText.isDigit) }
      return String(decoding: slice, as: UTF8.self).allSatisfy(\.isNumber)
    }
    // The words, cut at spaces, commas and full stops, are told as they are found: no more than four, one of
    // them a month, one a number.
    var words = 0
    var hasMonth = false
    var hasNumber = false
    var start = 0
    for offset in 0...bytes.count
    where offset == bytes.count || bytes[offset] == 0x20 || bytes[offset] == 0x2C || bytes[offset] == 0x2E {
      if offset > start {
        words += 1
        if words > 4 { break }
        hasMonth = hasMonth || monthNames.contains(bytes, start..<offset)
        hasNumber = hasNumber || isNumber(start..<offset)
      }
      start = offset + 1
    }
    if words <= 4 && hasMonth && hasNumber { return true }
    guard let first = bytes.first, bytes.contains(0x2F) else { return false }
    return first < 0x80 ? ASCIIText.isDigit(first) : firstCharacter(bytes)?.isNumber == true
  }

  /// Whether a line is only a drawn rule such as `-----` or `_____`.
  ///
  /// - Parameter bytes: The line's UTF-8 bytes.
  private static func isRule(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.allSatisfy { $0 == 0x2D || $0 == 0x5F || $0 == 0x3D || $0 == 0x20 }
  }

  /// Whether a text has more than `limit` characters, given its UTF-8 bytes: the characters are counted only
  /// when the bytes are more than `limit` and not all ASCII (where each byte is a character).
  ///
  /// - Parameters:
  ///   - bytes: The text's UTF-8 bytes, well formed.
  ///   - limit: A number of characters.
  private static func isLonger(_ bytes: UnsafeBufferPointer<UInt8>, than limit: Int) -> Bool {
    bytes.count > limit && (ASCIIText.isASCII(bytes) || String(decoding: bytes, as: UTF8.self).count > limit)
  }

  /// Whether a name ends with an entity suffix ("Alpha Fund LP", "Beta Holdings, Inc.").
  static func endsWithEntitySuffix(_ name: String) -> Bool {
    if let last = lastASCIIWord(name) { return entitySuffixes.contains(last) }
    guard let last = name.uppercased().split(separator: " ").last else { return false }
    return entitySuffixes.contains(String(last).trimmingCharacters(in: ",*"))
  }

  /// Whether a name ends with a suffix that closes it ("LLC", "L.P.", "Inc."): a line after it is another
  /// name. "PARTNERS", "FUND", "TRUST" or "COMPANY" may be followed by more of the name ("GP, L.L.C.").
  private static func endsWithTerminalSuffix(_ text: String) -> Bool {
    if let last = lastASCIIWord(text) { return terminalSuffixes.contains(last) }
    guard let last = text.split(separator: " ").last else { return false }
    return terminalSuffixes.contains(String(last).uppercased().trimmingCharacters(in: ",*"))
  }

  /// The last word of an ASCII text (words cut at spaces), upper case, without commas and stars at its ends,
  /// found on its bytes: what upper-casing the text, splitting it at spaces and trimming its last word give in
  /// any order.
  ///
  /// - Parameter text: The text.
  /// - Returns: The word, empty when the text has none (or it is only commas and stars); `nil` when the text is
  ///   not all ASCII, whose characters may change as it is upper-cased.
  static func lastASCIIWord(_ text: String) -> String? {
    ASCIIText.withUTF8(text) { bytes in
      guard ASCIIText.isASCII(bytes) else { return nil }
      var end = bytes.count
      while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
      var start = end
      while start > 0 && bytes[start - 1] != 0x20 { start -= 1 }
      let word = ASCIIText.trimmedRange(bytes, start..<end) { $0 == 0x2C || $0 == 0x2A }
      return ASCIIText.upperCasedString(UnsafeBufferPointer(rebasing: bytes[word]))
    }
  }

  private static let terminalSuffixes: Set<String> = [
    "LP", "L.P.", "L.P", "LTD", "LTD.", "LLC", "L.L.C.", "INC", "INC.", "CORP", "CORP.", "CORPORATION", "LIMITED",
    "LLP", "PLC", "N.A.", "ULC", "AG", "S.A.", "N.V.", "B.V.",
  ]

  /// Whether a line only continues the name above it: entity suffixes, "and ...", "& ...", lower case.
  private static func continuesName(_ text: String) -> Bool {
    guard let first = text.first else { return false }
    if first.isLowercase || first == "&" || text.uppercased().hasPrefix("AND ") { return true }
    return text.split(separator: " ").allSatisfy {
      entitySuffixes.contains($0.uppercased().trimmingCharacters(in: ","))
    }
  }

  private static let entitySuffixes: Set<String> = [
    "LP", "L.P.", "LTD", "LTD.", "LLC", "L.L.C.", "INC", "INC.", "CORP", "CORP.", "CORPORATION", "COMPANY", "CO.",
    "LIMITED", "LLP", "PLC", "N.A.", "TRUST", "FUND", "PARTNERS", "I", "II", "III", "IV", "L.P", "INC.,", "ULC",
  ]

  private static let titleWords = LineBytes.WordList([
    "president", "member", "partner", "director", "officer", "manager", "individually", "attorney", "secretary",
    "chief", "treasurer", "chairman", "principal", "trustee", "authorized", "signatory", "vice", "ceo", "cfo", "coo",
    "general", "managing", "counsel", "executive", "senior", "assistant", "associate", "fact", "compliance",
    "operating", "financial", "investment", "legal", "representative", "agent", "executor", "sole",
  ])

  private static let connectors = LineBytes.WordList(["and", "of", "the", "its", "in", "for", "as", "a", "to"])

  private static let monthNames = LineBytes.WordList([
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
  ])

  /// The phrases that open or end blocks and label their lines, upper case.
  private enum Phrase {
    static let signatureHeadings = ["SIGNATURE", "SIGNATURES", "SIGNATURE.", "SIGNATURES."].map(ASCIIText.phrase)
    static let afterReasonableInquiry = ASCIIText.phrase("AFTER REASONABLE INQUIRY")
    static let inWitnessWhereof = ASCIIText.phrase("IN WITNESS WHEREOF")
    static let attestations = [afterReasonableInquiry, inWitnessWhereof]
    static let dateLabels = ["DATED", "DATE:"].map(ASCIIText.phrase)
    static let documentTags = ["<DOCUMENT", "<TYPE"].map(ASCIIText.phrase)
    /// The marks of a joint filing agreement, looked for in one pass over a line.
    static let jointFilingMarks = ASCIIText.PhraseSet(
      ["JOINT FILING", "13D-1(K)", "13D-1 (K)", "13D-1(F)", "JOINTLY"].map(ASCIIText.phrase))
    static let blockEndings = [
      "JOINT FILING AGREEMENT", "EXHIBIT", "DEAR ", "VERY TRULY", "ITEM ", "POWER OF ATTORNEY", "<DOCUMENT",
      "</DOCUMENT", "<TYPE", "ATTENTION",
    ].map(ASCIIText.phrase)
    /// The first bytes of the attestations and the block endings, in either case.
    static let boundaryInitials = ASCIIText.PhraseInitials(attestations + blockEndings)
    static let signatureLabels = ["BY:", "BY ", "SIGNATURE:", "SIGNED:"].map(ASCIIText.phrase)
    static let slashS = ASCIIText.phrase("/S")
    static let conformedMarks = ["/S/", "S/", "/S", "S\\", "\\S\\", "(SIGNED)"].map(ASCIIText.phrase)
    /// The first bytes of the signature labels and of the conformed marks, in either case.
    static let signatureLabelInitials = ASCIIText.PhraseInitials(signatureLabels)
    static let conformedMarkInitials = ASCIIText.PhraseInitials(conformedMarks)
    static let nameLabel = ASCIIText.phrase("NAME:")
    static let by = ASCIIText.phrase("BY")
    static let individually = ASCIIText.phrase("INDIVIDUALLY")
    static let furnitureLabels = ["BY:", "BY ", "NAME:", "TITLE:", "DATE", "DATED", "ITS ", "ITS:", "SIGNATURE:"].map(
      ASCIIText.phrase)
    static let nameFurniture = [
      "BY:", "NAME:", "TITLE:", "DATE", "DATED", "ITS ", "ITS:", "PAGE ", "CUSIP", "AFTER REASONABLE", "IN WITNESS",
    ].map(ASCIIText.phrase)
    /// The first bytes of ``nameFurniture``, in either case.
    static let nameFurnitureInitials = ASCIIText.PhraseInitials(nameFurniture)
    static let titleOpenings = ["TITLE:", "ITS ", "ITS:", "ATTORNEY"].map(ASCIIText.phrase)
  }
}

/// A body's entries as ``SignatureBlocks/signers(from:)`` reads them, one at a time.
protocol SignatureEntrySource {
  /// The text whose UTF-8 bytes the entries' ranges are in (those with a text of their own aside).
  var document: String { get }

  /// The next entry: the body's lines in order, each as one entry or as its cells (a blank line is an entry with
  /// empty text); `nil` past the last.
  ///
  /// - Parameter ownText: Where an entry whose text is not a range of ``document`` has it appended; its range
  ///   is then one of these bytes (``SignatureBlocks/Entry/ownsText``).
  mutating func next(ownText: inout [UInt8]) -> SignatureBlocks.Entry?

  /// Called before an entry is read outside any block: lets the source pass over lines that cannot change what
  /// is read, those none of whose entries can open a block (``SignatureBlocks/opening(_:isAgreement:)`` says
  /// `false` of each) and that no later opening looks back on (more than ``SignatureBlocks/lookBackEntries``
  /// entries with text before it). Passing none is always right.
  mutating func skipToPossibleOpening()
}
