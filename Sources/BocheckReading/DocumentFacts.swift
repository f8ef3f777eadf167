import BocheckModel

/// Reads the facts a filing states outside its cover pages: form, amendment, issuer, CUSIP, the
/// shares-outstanding basis, who signs and who joins the joint filing agreement.
final class DocumentFacts {
  let lines: SourceLines
  /// The paragraphs of a range that the facts read, made once for each range (see ``paragraphs(in:)``).
  ///
  /// A filing's facts ask for two ranges at most (the header and the body), so they are looked up in a list: a
  /// dictionary keyed by ranges would cost more to set up, on the first use of its type in a run, than a
  /// one-filing check spends looking them up.
  private var paragraphCache: [(range: Range<Int>, paragraphs: [Paragraph])] = []
  /// The cleaned lines of a range, its starred lines cleaned once for all the readings of the range (see
  /// ``paragraphs(in:where:)``), looked up in a list as ``paragraphCache`` is.
  private var cleanedRanges: [(range: Range<Int>, lines: CleanedLines)] = []

  /// Facts read from lines, each line cleaned when it is read (no line's text is kept).
  ///
  /// - Parameter lines: The filing's lines.
  init(lines: SourceLines) {
    self.lines = lines
  }

  /// A line's text without Markdown emphasis (`**`) and surrounding blanks.
  static func cleanLine(_ line: Substring) -> String {
    withCleanedBytes(line) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the UTF-8 bytes of a line's cleaned text (see ``cleanLine(_:)``).
  ///
  /// A line without a star is cleaned in place: its bytes between the blanks at either end. Only a line
  /// holding stars is copied, without its emphasis marks.
  ///
  /// - Parameters:
  ///   - line: The line as read.
  ///   - body: What to do with the cleaned bytes, which live only for the call.
  static func withCleanedBytes<Result>(_ line: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result
  {
    ASCIIText.withUTF8(line) { withCleanedBytes(of: $0, body) }
  }

  /// Calls `body` with the UTF-8 bytes of a line's cleaned text (see ``cleanLine(_:)``), given the line's
  /// bytes.
  ///
  /// - Parameters:
  ///   - line: The line's UTF-8 bytes.
  ///   - body: What to do with the cleaned bytes, which live only for the call.
  static func withCleanedBytes<Result>(
    of line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    if let trimmed = trimmedRangeWithoutStars(line) { return body(UnsafeBufferPointer(rebasing: line[trimmed])) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(line.count)
    var previousStar = false
    for byte in line {
      if byte == 0x2A {
        if previousStar {
          previousStar = false
          continue
        }
        previousStar = true
        continue
      }
      if previousStar { bytes.append(0x2A) }
      previousStar = false
      bytes.append(byte)
    }
    if previousStar { bytes.append(0x2A) }
    return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[LineBytes.trimmedRange($0)])) }
  }

  /// Whether any of the lines in `range` may hold a star, told in one search of the bytes they span (they
  /// follow one another in the text); `true` for a range beyond the lines.
  ///
  /// - Parameters:
  ///   - lines: The lines.
  ///   - range: The lines to tell (1-based, half-open).
  static func mayHoldStars(_ lines: SourceLines, _ range: Range<Int>) -> Bool {
    guard let first = range.first, first >= 1, range.upperBound - 1 <= lines.count else { return true }
    let span = lines.ranges[first - 1].lowerBound..<lines.ranges[range.upperBound - 2].upperBound
    return lines.withByteLines { byteLines in
      ASCIIText.firstOffset(of: 0x2A, in: byteLines.text, from: span.lowerBound, to: span.upperBound) < span.upperBound
    }
  }

  /// The bytes of a line's cleaned text (see ``cleanLine(_:)``) when cleaning only trims its blanks (it
  /// holds no star); `nil` when it holds a star.
  ///
  /// - Parameter line: The line's UTF-8 bytes.
  private static func trimmedRangeWithoutStars(_ line: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    guard ASCIIText.firstOffset(of: 0x2A, in: line, to: line.count) == line.count else { return nil }
    return trimmedRange(line)
  }

  /// The range of a line's bytes between the blanks at either end (``LineBytes/trimmedRange(_:)``), a long run of
  /// spaces that opens the line passed over sixteen bytes at a time.
  ///
  /// Text filings indent many lines with dozens of spaces, which a look at each byte would pass one by one.
  ///
  /// - Parameter line: The line's UTF-8 bytes.
  @inline(__always)
  static func trimmedRange(_ line: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    // A line that opens with fewer than eight spaces is trimmed byte by byte at once.
    guard opensWithEightSpaces(line) else { return LineBytes.trimmedRange(line) }
    let spaces = ASCIIText.firstOffset(in: line, from: 8, to: line.count) { $0 .!= SIMD16(repeating: 0x20) }
    let rest = LineBytes.trimmedRange(UnsafeBufferPointer(rebasing: line[spaces...]))
    return (spaces + rest.lowerBound)..<(spaces + rest.upperBound)
  }

  /// Whether a line opens with eight spaces, told in one look at its first eight bytes.
  ///
  /// - Parameter line: The line's UTF-8 bytes.
  @inline(__always)
  private static func opensWithEightSpaces(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard line.count >= 8, let base = line.baseAddress else { return false }
    return ByteWord.load(UnsafeRawPointer(base), at: 0) == ByteWord.repeating(0x20)
  }

  /// A line's cleaned text (see ``cleanLine(_:)``): a slice of the line when cleaning only trims its
  /// blanks, a text of its own when it removes emphasis.
  ///
  /// - Parameter line: The line as read.
  static func cleanedSlice(_ line: Substring) -> Substring {
    guard let trimmed = ASCIIText.withUTF8(line, trimmedRangeWithoutStars) else { return Substring(cleanLine(line)) }
    // Most lines have no blank at either end: the line is its own cleaned text.
    if trimmed.lowerBound == 0 && trimmed.count == line.utf8.count { return line }
    let utf8 = line.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: trimmed.lowerBound)
    return line[start..<utf8.index(start, offsetBy: trimmed.count)]
  }

  /// Whether a line's cleaned text (see ``cleanLine(_:)``) may begin with an upper-case ASCII phrase,
  /// ignoring case, told from the line's bytes without cleaning it.
  ///
  /// Blanks before the phrase and Markdown stars anywhere before its end are skipped, which lets through
  /// only more lines than cleaning would. A line whose first significant byte is beyond ASCII is let
  /// through: changing its case may give ASCII letters.
  ///
  /// - Parameters:
  ///   - line: The line as read.
  ///   - phrase: The phrase, upper case.
  static func cleanedLine(_ line: Substring, mayStartWith phrase: [UInt8]) -> Bool {
    ASCIIText.withUTF8(line) { cleanedLine($0, mayStartWith: phrase) }
  }

  /// Whether a line's cleaned text may begin with an upper-case ASCII phrase (see
  /// ``cleanedLine(_:mayStartWith:)``), given the line's UTF-8 bytes.
  ///
  /// - Parameters:
  ///   - bytes: The line's UTF-8 bytes as read.
  ///   - phrase: The phrase, upper case.
  static func cleanedLine(_ bytes: UnsafeBufferPointer<UInt8>, mayStartWith phrase: [UInt8]) -> Bool {
    var offset = LineBytes.firstSignificant(bytes, skippingStars: true)
    if offset < bytes.count && bytes[offset] >= 0x80 { return true }
    for expected in phrase {
      while offset < bytes.count && bytes[offset] == 0x2A { offset += 1 }
      guard offset < bytes.count, ASCIIText.upper(bytes[offset]) == expected else { return false }
      offset += 1
    }
    return true
  }

  /// The lines from `start` up to `end` (1-based, exclusive) whose bytes as read `holds`, in order, each found
  /// when it is asked for: a search for the next takes hold of the text's bytes once for all the lines it passes
  /// over, where telling each line on its own took hold of them for each.
  ///
  /// - Parameters:
  ///   - start: The first line to tell.
  ///   - end: The line after the last one to tell.
  ///   - holds: Tells a line from its UTF-8 bytes as read.
  private func lineNumbers(
    from start: Int, to end: Int, where holds: @escaping (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> some Sequence<Int> {
    let lines = lines
    return sequence(state: start) { next -> Int? in
      guard next < end else { return nil }
      let found = lines.withByteLines { byteLines in (next..<end).first { holds(byteLines[$0 - 1]) } }
      next = found.map { $0 + 1 } ?? end
      return found
    }
  }

  /// A paragraph: consecutive non-blank lines joined by spaces, with where each line starts in the text.
  struct Paragraph {
    /// The joined text's UTF-8 bytes, well formed: the facts read them as they are, and a text is made only
    /// when asked for (``text``).
    var bytes: [UInt8] = []
    /// The UTF-8 offset in `text` where each line starts, with the line's 1-based number.
    var lineStarts: [(offset: Int, line: Int)] = []
    /// What the paragraph may state, told from its bytes (set by ``DocumentFacts/paragraphs(in:)``).
    var topics: Topics = []

    /// The joined text, made from ``bytes`` at each call.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The 1-based line holding the byte at UTF-8 `offset` of the joined text.
    func line(at offset: Int) -> Int {
      var result = lineStarts.first?.line ?? 0
      for start in lineStarts where start.offset <= offset { result = start.line }
      return result
    }
  }

  /// The text of a line with Markdown emphasis removed and blanks trimmed.
  func clean(_ number: Int) -> String {
    DocumentFacts.cleanLine(lines[number])
  }

  /// What a paragraph may state, as far as its words tell before it is read.
  struct Topics: OptionSet {
    let rawValue: UInt8
    /// A phrase of a shares-outstanding basis ("outstanding", "based on") and a number that may be a count of
    /// shares (see ``StatedSharesOutstanding/mayHoldCandidate(_:)``).
    static let sharesOutstanding = Topics(rawValue: 1)
    /// The joint filing agreement's parties: a paragraph of the agreement's text, or one that speaks of joint
    /// filing. Headings, which only open and close the agreement's text, are never of it.
    static let jointFiling = Topics(rawValue: 2)
    /// The paragraph stands in the agreement's own text: after a heading that is the agreement's title, before
    /// the next heading (given with ``jointFiling``).
    static let agreementText = Topics(rawValue: 4)
  }

  /// The paragraphs of the lines in `range` that may state the shares outstanding or the joint filing
  /// agreement's parties, each with its ``Paragraph/topics``.
  ///
  /// The lines are joined once for each range, whatever reads them; paragraphs of neither topic (most of a
  /// body) are never made into text. Whether a paragraph stands in the agreement's text is told here, where
  /// every paragraph is passed in order: the headings that open and close that text are not kept.
  ///
  /// - Parameter range: The lines (1-based, half-open).
  func paragraphs(in range: Range<Int>) -> [Paragraph] {
    if let cached = paragraphCache.first(where: { $0.range == range }) { return cached.paragraphs }
    var keptTopics: [Topics] = []
    var inAgreement = false
    var result = paragraphs(in: range) { bytes in
      var topics: Topics = []
      // Most paragraphs hold no phrase of either topic: one search tells so, and only the others are searched
      // for the phrases of each. A paragraph with no number that can be a count of shares states no basis.
      let holdsTopicPhrase = DocumentFacts.topicPhraseSet.occurs(in: bytes)
      if holdsTopicPhrase && DocumentFacts.basisPhraseSet.occurs(in: bytes)
        && StatedSharesOutstanding.mayHoldCandidate(bytes)
      {
        topics.insert(.sharesOutstanding)
      }
      // A heading opens the agreement's text when it is the agreement's title, and closes it otherwise;
      // outside the agreement's text only a paragraph that speaks of joint filing can hold its parties. A
      // paragraph without the topics' phrases (most) is no title, and outside the agreement's text it changes
      // nothing, heading or not: it is not told apart as one.
      if holdsTopicPhrase || inAgreement,
        let opensAgreement = agreementHeading(bytes, mayHoldJoint: holdsTopicPhrase)
      {
        inAgreement = opensAgreement
      } else if inAgreement {
        topics.formUnion([.jointFiling, .agreementText])
      } else if holdsTopicPhrase && DocumentFacts.jointPhraseSet.occurs(in: bytes) {
        topics.insert(.jointFiling)
      }
      if !topics.isEmpty { keptTopics.append(topics) }
      return !topics.isEmpty
    }
    for index in result.indices { result[index].topics = keptTopics[index] }
    paragraphCache.append((range, result))
    return result
  }

  /// The paragraphs of the lines in `range` that `isWanted` keeps.
  ///
  /// The lines of a range are told apart from their cleaned bytes (``CleanedLines``), read in place; each
  /// reading tells the paragraphs apart on their joined bytes, and only those it keeps are copied out. A
  /// paragraph of one line is told on the line's bytes in place, and one of several lines is joined into one
  /// buffer that every paragraph reuses: a long body, of which a few paragraphs speak of what is looked for, is
  /// never held as a second text.
  ///
  /// - Parameters:
  ///   - range: The lines (1-based, half-open).
  ///   - isWanted: Whether to keep a paragraph, told from its joined UTF-8 bytes; called once for each
  ///     paragraph, in order.
  /// - Returns: The paragraphs kept, in order.
  func paragraphs(in range: Range<Int>, where isWanted: (UnsafeBufferPointer<UInt8>) -> Bool) -> [Paragraph] {
    cleanedLines(range).paragraphs(where: isWanted)
  }

  /// The cleaned lines of `range` (1-based, half-open), made once for each range that is read.
  private func cleanedLines(_ range: Range<Int>) -> CleanedLines {
    if let cleaned = cleanedRanges.first(where: { $0.range == range }) { return cleaned.lines }
    let cleaned = CleanedLines(lines, range)
    cleanedRanges.append((range, cleaned))
    return cleaned
  }

  /// The cleaned bytes of each line of a range (see ``withCleanedBytes(of:_:)``), read in place: only the lines
  /// that cleaning changes beyond trimming their blanks (those holding stars) are copied, once.
  private struct CleanedLines {
    let lines: SourceLines
    /// The lines (1-based, half-open).
    let range: Range<Int>
    /// The 1-based numbers of the lines that hold stars, in order, each with where its cleaned bytes end in
    /// ``starredBytes``; each line's bytes start where the one before it ends.
    private var starred: [(line: Int, end: Int)] = []
    /// The cleaned bytes of the lines that hold stars, one after another.
    private var starredBytes: [UInt8] = []

    /// Finds and cleans the lines of `range` (1-based, half-open, within `lines`) that hold stars.
    init(_ lines: SourceLines, _ range: Range<Int>) {
      self.lines = lines
      self.range = range
      // Most ranges hold no star: one search of the bytes they span tells so.
      guard DocumentFacts.mayHoldStars(lines, range) else { return }
      (starred, starredBytes) = lines.withByteLines { CleanedLines.starredLines(byteLines: $0, range) }
    }

    /// The lines of `range` that hold stars, each with where its cleaned bytes end in the bytes returned, and
    /// those bytes (see ``starred`` and ``starredBytes``).
    ///
    /// The stars are found by searching the bytes the lines span, from one star to the next: the lines between
    /// two stars are only passed over, their bytes never read.
    ///
    /// - Parameters:
    ///   - byteLines: The lines' bytes, which follow one another in the text.
    ///   - range: The lines (1-based, half-open, within `byteLines`).
    private static func starredLines(byteLines: SourceLines.ByteLines, _ range: Range<Int>)
      -> (starred: [(line: Int, end: Int)], bytes: [UInt8])
    {
      var starred: [(line: Int, end: Int)] = []
      var bytes: [UInt8] = []
      guard !range.isEmpty else { return (starred, bytes) }
      let ranges = byteLines.ranges
      let spanEnd = ranges[range.upperBound - 2].upperBound
      var number = range.lowerBound
      while number < range.upperBound {
        // The next star at or after the start of line `number`, and the line that ends after it, which holds it
        // unless it stands between two lines.
        let star = ASCIIText.firstOffset(of: 0x2A, in: byteLines.text, from: ranges[number - 1].lowerBound, to: spanEnd)
        guard star < spanEnd else { break }
        while ranges[number - 1].upperBound <= star { number += 1 }
        guard ranges[number - 1].lowerBound <= star else { continue }
        DocumentFacts.withCleanedBytes(of: byteLines[number - 1]) { bytes.append(contentsOf: $0) }
        starred.append((number, bytes.count))
        number += 1
      }
      return (starred, bytes)
    }

    /// Reads the cleaned bytes of the range's lines, asked for in increasing order, in place.
    private struct Reader {
      let byteLines: SourceLines.ByteLines
      let starred: [(line: Int, end: Int)]
      let starredBytes: UnsafeBufferPointer<UInt8>
      /// The index in ``starred`` of the first starred line not asked for yet.
      var nextStarred: Int

      /// The cleaned bytes of a line (empty for a blank line), which live as long as the reader.
      ///
      /// - Parameter number: The line's 1-based number, in the range, greater than any asked for before.
      @inline(__always)
      mutating func cleaned(_ number: Int) -> UnsafeBufferPointer<UInt8> {
        if nextStarred < starred.count && starred[nextStarred].line == number {
          let start = nextStarred == 0 ? 0 : starred[nextStarred - 1].end
          defer { nextStarred += 1 }
          return UnsafeBufferPointer(rebasing: starredBytes[start..<starred[nextStarred].end])
        }
        let line = byteLines[number - 1]
        return UnsafeBufferPointer(rebasing: line[DocumentFacts.trimmedRange(line)])
      }
    }

    /// Calls `body` with a reader of the lines from `first` (1-based) on.
    ///
    /// The reading's state lives in `body`'s own variables, so no variable a closure captures is changed
    /// line by line.
    @inline(__always)
    private func withReader<Result>(from first: Int, _ body: (inout Reader) -> Result) -> Result {
      lines.withByteLines { byteLines in
        starredBytes.withUnsafeBufferPointer { starredBytes in
          var reader = Reader(
            byteLines: byteLines, starred: starred, starredBytes: starredBytes,
            nextStarred: starred.partitioningIndex { $0.line >= first })
          return body(&reader)
        }
      }
    }

    /// The first result `body` gives for a line with text from `first` up to `end` (1-based, exclusive), the
    /// lines given in order with their cleaned bytes; blank lines are passed over.
    ///
    /// - Parameters:
    ///   - first: The first line to give.
    ///   - end: The line after the last one to give.
    ///   - body: Tells a line from its 1-based number and cleaned bytes, which live only for the call: a result
    ///     ends the pass, `nil` goes on.
    func firstLine<Result>(
      from first: Int, to end: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Result?
    ) -> Result? {
      let start = max(first, range.lowerBound)
      let numbers = start..<max(min(end, range.upperBound), start)
      return withReader(from: start) { reader in
        for number in numbers {
          let cleaned = reader.cleaned(number)
          if !cleaned.isEmpty, let result = body(number, cleaned) { return result }
        }
        return nil
      }
    }

    /// The paragraphs that `isWanted` keeps, each with bytes and line starts of its own: consecutive lines with
    /// text, joined by single spaces.
    ///
    /// - Parameter isWanted: Whether to keep a paragraph, told from its bytes; called once for each paragraph,
    ///   in order.
    func paragraphs(where isWanted: (UnsafeBufferPointer<UInt8>) -> Bool) -> [Paragraph] {
      withReader(from: range.lowerBound) { reader in
        var result: [Paragraph] = []
        // The paragraph being read: its first line, told in place, and its lines from the second on joined to
        // the first in `joined`, which every paragraph reuses.
        var firstLine = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var joined: [UInt8] = []
        var lineStarts: [(offset: Int, line: Int)] = []
        // The line after the range ends the last paragraph as a blank line does.
        for number in range.lowerBound...range.upperBound {
          let cleaned = number < range.upperBound ? reader.cleaned(number) : UnsafeBufferPointer(start: nil, count: 0)
          if !cleaned.isEmpty {
            if lineStarts.isEmpty {
              firstLine = cleaned
            } else {
              if lineStarts.count == 1 { joined.append(contentsOf: firstLine) }
              joined.append(0x20)
            }
            lineStarts.append((joined.count, number))
            if lineStarts.count > 1 { joined.append(contentsOf: cleaned) }
          } else if !lineStarts.isEmpty {
            // A kept paragraph's bytes and line starts are copied to lists of their own size: the buffers the
            // paragraphs reuse keep the room of the longest.
            let kept: [UInt8]? =
              lineStarts.count == 1
              ? (isWanted(firstLine) ? Array(firstLine) : nil)
              : joined.withUnsafeBufferPointer { isWanted($0) ? Array($0) : nil }
            if let kept {
              result.append(Paragraph(bytes: kept, lineStarts: lineStarts.withUnsafeBufferPointer { Array($0) }))
            }
            // Only a paragraph of several lines is joined: one of a single line leaves `joined` empty.
            if lineStarts.count > 1 { joined.removeAll(keepingCapacity: true) }
            lineStarts.removeAll(keepingCapacity: true)
          }
        }
        return result
      }
    }
  }

  // MARK: Form, issuer, CUSIP

  /// The form type and amendment number, from the header (or a running header).
  func formAndAmendment(headerEnd: Int) -> (form: Located<String>?, amendment: Located<Int>?, schedule: Schedule?) {
    var form: Located<String>?
    var amendment: Located<Int>?
    var schedule: Schedule?
    let limit = min(lines.count, max(headerEnd, 1))
    // The header's lines are read through their cleaned bytes (``CleanedLines``): a header with a star has its
    // starred lines found and cleaned once, the others read in place without a search of each for stars. Blank
    // lines, which hold no marker, are passed over.
    _ = cleanedLines(1..<(limit + 1)).firstLine(from: 1, to: limit + 1) { number, bytes -> Bool? in
      // The cleaned line upper-cased as `uppercased()` does. An ASCII line upper-cases byte by byte: one that
      // holds no phrase looked for, in any case, is passed over on its bytes, without a copy. One pass looks for
      // every marker, whether or not its fact is found already: a line read again for a fact found before changes
      // nothing.
      let upperCasedLine: [UInt8]? =
        ASCIIText.isASCII(bytes)
        ? (DocumentFacts.headerMarkers.occurs(in: bytes) ? bytes.map(ASCIIText.upper) : nil)
        : DocumentFacts.upperCased(bytes)
      guard let text = upperCasedLine else { return nil }
      if form == nil {
        for (formType, phrases, kind) in DocumentFacts.formMarkers {
          if let end = phrases.lazy.compactMap({ ASCIIText.firstOccurrence(of: $0, in: text)?.upperBound }).first {
            let isAmendment = text[end...].starts(with: [0x2F, 0x41])  // "/A"
            form = Located(formType + (isAmendment ? "/A" : ""), line: lines.sourceLine(number))
            schedule = kind
            break
          }
        }
      }
      if amendment == nil,
        let end = ASCIIText.firstOccurrence(of: DocumentFacts.amendmentMarker, in: text)?.upperBound
      {
        let digits = text[end...].drop { $0 == 0x20 || $0 == 0x2E || $0 == 0x3A }.prefix(while: ASCIIText.isDigit)
        if let value = Int(String(decoding: digits, as: UTF8.self)) {
          amendment = Located(value, line: lines.sourceLine(number))
        }
      }
      // The reading stops once both facts are found.
      return form != nil && amendment != nil ? true : nil
    }
    if let found = form, let amendment, !found.value.hasSuffix("/A") {
      form = Located(found.value + "/A", line: found.line)
      _ = amendment
    }
    return (form, amendment, schedule)
  }

  /// The UTF-8 bytes of `String(decoding: bytes, as: UTF8.self).uppercased()`, made scalar by scalar.
  ///
  /// Upper-casing maps each scalar on its own (Unicode's full upper-case mapping has no condition on the
  /// scalars around it), so a text's upper case is its scalars' mappings one after the other: an ASCII byte
  /// (most of a line beyond ASCII) is mapped on its own, without being decoded; a scalar beyond ASCII is
  /// decoded where it starts and mapped by its `uppercaseMapping`. No `String` is made of the whole text.
  ///
  /// - Parameter bytes: UTF-8 bytes; ill-formed sequences read as U+FFFD, as `String(decoding:as:)` reads them.
  static func upperCased(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard bytes[index] >= 0x80 else {
        result.append(ASCIIText.upper(bytes[index]))
        index += 1
        continue
      }
      var parser = Unicode.UTF8.ForwardParser()
      var rest = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
      switch parser.parseScalar(from: &rest) {
      case .valid(let encoded):
        result.append(contentsOf: Unicode.UTF8.decode(encoded).properties.uppercaseMapping.utf8)
        index += encoded.count
      case .error(let length):
        result.append(contentsOf: [0xEF, 0xBF, 0xBD])
        index += length
      case .emptyInput:
        return result
      }
    }
    return result
  }

  /// Each schedule's form type with the phrases that name it in a header, tried in order ("SCHEDULE 13D",
  /// "FORM SC 13D", "SC 13D").
  private static let formMarkers: [(formType: String, phrases: [[UInt8]], schedule: Schedule)] = [
    ("13D", Schedule.schedule13D), ("13G", .schedule13G),
  ].map { marker, kind in
    ("SC \(marker)", ["SCHEDULE \(marker)", "FORM SC \(marker)", "SC \(marker)"].map { Array($0.utf8) }, kind)
  }

  /// What every phrase of ``formMarkers`` ends with.
  private static let scheduleNumbers = [Array("13D".utf8), Array("13G".utf8)]

  /// What a header line holds when it may name the form or the amendment: ``scheduleNumbers`` and
  /// ``amendmentMarker``, made ready once for the search of every line.
  private static let headerMarkers = ASCIIText.WidePhraseSet(scheduleNumbers + [amendmentMarker])

  /// The phrase an amendment number follows.
  private static let amendmentMarker = Array("AMENDMENT NO".utf8)

  /// The text on the nearest non-blank line above a line holding `caption` (such as "(Name of Issuer)").
  func valueAbove(caption: String, before limit: Int) -> Located<String>? {
    guard limit >= 1 else { return nil }
    let captionPhrase = ASCIIText.phrase(caption)
    let candidates = lineNumbers(from: 1, to: min(limit, lines.count) + 1) {
      DocumentFacts.cleanedLine($0, mayStartWith: captionPhrase)
    }
    for number in candidates where clean(number).lowercased().hasPrefix(caption) {
      var above = number - 1
      while above >= 1 && (clean(above).isEmpty || isRule(clean(above))) { above -= 1 }
      if above >= 1 { return Located(clean(above), line: lines.sourceLine(above)) }
    }
    return nil
  }

  /// Whether a line is only a drawn rule such as `-----` or `_____`.
  private func isRule(_ text: String) -> Bool {
    text.allSatisfy { $0 == "-" || $0 == "_" || $0 == "=" || $0 == " " }
  }

  /// The issuer's name as Item 1 gives it: "Item 1(a). Name of Issuer: X", or the value on the lines
  /// under such a heading.
  func itemOneIssuer(in range: Range<Int>) -> Located<String>? {
    let itemOnePhrase = itemOnePhrase
    let candidates = lineNumbers(from: max(range.lowerBound, 1), to: min(range.upperBound, lines.count + 1)) {
      DocumentFacts.cleanedLine($0, mayStartWith: itemOnePhrase)
    }
    for position in candidates {
      let text = clean(position)
      // The label is found in the line's own bytes, whatever their case: no lowered copy, whose offsets need
      // not be the line's ("İ" lowers to two characters).
      let bytes = Array(text.utf8)
      guard ASCIIText.matchLength(itemOnePhrase, in: bytes, at: 0) != nil,
        let label = ASCIIText.find(issuerLabelPhrase, in: bytes)
      else { continue }
      let afterLabel = text[text.utf8.index(text.startIndex, offsetBy: label.upperBound)...].drop {
        $0 == ":" || $0 == "." || $0 == " " || $0 == "\t"
      }
      let inline = issuerName(afterLabel.trimmingBlanks())
      if !inline.isEmpty {
        return isReference(inline) ? nil : Located(inline, line: lines.sourceLine(position))
      }
      var next = position + 1
      while next < range.upperBound && next <= lines.count && (clean(next).isEmpty || isRule(clean(next))) { next += 1 }
      if next < range.upperBound && next <= lines.count {
        let value = issuerName(clean(next))
        if !clean(next).lowercased().hasPrefix("item") && !isReference(value) {
          return Located(value, line: lines.sourceLine(next))
        }
      }
      return nil
    }
    return nil
  }

  private let itemOnePhrase = ASCIIText.phrase("ITEM 1")
  private let issuerLabelPhrase = ASCIIText.phrase("NAME OF ISSUER")

  /// Whether Item 1's value points elsewhere instead of naming the issuer: "See Cover Page", "Refer to
  /// page 1", "As set forth on the cover page", "N/A".
  private func isReference(_ value: String) -> Bool {
    let lower = value.lowercased()
    return lower.hasPrefix("see ") || lower.hasPrefix("refer") || lower.hasPrefix("as set forth")
      || lower.hasPrefix("as stated") || mentionsCoverPage(value) || lower == "n/a" || lower == "not applicable"
  }

  /// Whether a value's lower-cased text holds "cover page": in ASCII text, whose characters are its bytes but
  /// CR LF (which the phrase cannot hold), its bytes are searched ignoring case; other text is compared by
  /// characters.
  private func mentionsCoverPage(_ value: String) -> Bool {
    let ascii = ASCIIText.withUTF8(value) { bytes in
      ASCIIText.isASCII(bytes) ? ASCIIText.contains(coverPagePhrase, in: bytes) : nil
    }
    return ascii ?? value.lowercased().contains("cover page")
  }

  private let coverPagePhrase = ASCIIText.phrase("COVER PAGE")

  /// The name in a sentence such as "The name of the issuer is Avid Bioservices, Inc. (the "Company").".
  private func issuerName(_ text: String) -> String {
    var name = Substring(text)
    for lead in ["the name of the issuer is ", "the issuer is ", "name of issuer: "]
    where name.lowercased().hasPrefix(lead) {
      name = name.dropFirst(lead.count)
    }
    if let open = ASCIIText.firstOccurrence(of: " (", in: name) { name = name[..<open.lowerBound] }
    var result = name.trimmingBlanks()
    while result.hasSuffix(".") && !result.hasSuffix("Inc.") && !result.hasSuffix("Corp.") && !result.hasSuffix("Ltd.")
      && !result.hasSuffix("Co.")
    {
      result.removeLast()
    }
    return result
  }

  /// The CUSIP printed above the "(CUSIP Number)" caption of the first page (or before it on the caption's
  /// own line), spaces and hyphens removed.
  ///
  /// Only what has the form of a CUSIP is read (see ``cusipPrinted(in:)``): a line holding the title of the
  /// class, an eight-character number or a ten-digit one gives no CUSIP rather than a guess.
  ///
  /// - Parameter limit: The last line of the header (1-based).
  func cusip(before limit: Int) -> Located<String>? {
    guard limit >= 1 else { return nil }
    // The caption begins "(CUSIP" whatever its blanks: a line without it is passed over on its bytes.
    let cusipOpening = cusipOpening
    let end = min(limit, lines.count) + 1
    // The lines are told on their cleaned bytes (``CleanedLines``): starred lines found from one star to the next
    // and cleaned once, the others trimmed in place.
    let cleaned = cleanedLines(1..<end)
    var next = 1
    while let number = cleaned.firstLine(
      from: next, to: end, { number, bytes in ASCIIText.contains(cusipOpening, in: bytes) ? number : nil })
    {
      next = number + 1
      let text = clean(number)
      guard let caption = ASCIIText.find(cusipCaptionPhrase, in: Array(text.utf8)) else { continue }
      let before = String(decoding: Array(text.utf8)[..<caption.lowerBound], as: UTF8.self)
      if let printed = DocumentFacts.cusipPrinted(in: before) {
        return Located(printed, line: lines.sourceLine(number))
      }
      var above = number - 1
      while above >= 1 && (clean(above).isEmpty || isRule(clean(above))) { above -= 1 }
      if above >= 1, let printed = DocumentFacts.cusipPrinted(in: clean(above)) {
        return Located(printed, line: lines.sourceLine(above))
      }
      return nil
    }
    return nil
  }

  private let cusipCaptionPhrase = ASCIIText.phrase("(CUSIP NUMBER)")
  /// The caption's first word, which holds no blank: every line that holds the caption holds it.
  private let cusipOpening = ASCIIText.phrase("(CUSIP")

  /// The first run of words in a text that has the form of a CUSIP, compacted: "037833100",
  /// "037833 10 0", "G5212E-13-9" or "68989910 A", not "CUSIP No." or a longer number.
  ///
  /// The run starts with a word holding at least three digits, and its words, joined, make exactly nine
  /// CUSIP characters with at least three digits among the first six (see ``CUSIP/hasCUSIPForm(_:)``):
  /// "12345 X 678" is a CUSIP, "CUSIP No. 12345678901" is not. Words are separated by blanks, table cells, colons, commas or semicolons.
  ///
  /// - Parameter text: A line of the header.
  /// - Returns: The CUSIP without spaces or hyphens, upper-cased.
  static func cusipPrinted(in text: String) -> String? {
    var words: [String] = []
    var current: [UInt8] = []
    for byte in text.utf8 {
      let isSeparator =
        ASCIIText.isBlank(byte) || byte == 0x3A || byte == 0x2C || byte == 0x3B || byte == 0x7C || byte == 0x28
        || byte == 0x29
      if isSeparator {
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        current = []
      } else {
        current.append(byte)
      }
    }
    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
    for start in words.indices where words[start].utf8.filter(ASCIIText.isDigit).count >= 3 {
      var joined = ""
      for word in words[start...] {
        joined += CUSIP.compact(word)
        if joined.count >= 9 { break }
      }
      if joined.count == 9 && CUSIP.hasCUSIPForm(joined) { return joined }
    }
    return nil
  }

  // MARK: Shares outstanding

  /// The shares-outstanding basis the filing states, such as "based on 12,500,000 shares outstanding",
  /// "12,500,000 shares of Common Stock issued and outstanding as of May 1" or "calculated on the basis of
  /// 12.5 million shares".
  ///
  /// Each paragraph that speaks of shares outstanding or of a basis is read by ``StatedSharesOutstanding``,
  /// which takes only numbers the words make the class's outstanding shares, never someone's holding. A
  /// statement is strong when a basis phrase leads to it or its paragraph speaks of percentages; weak ones
  /// count only when there is no strong one. When the strong (or weak) statements give different numbers,
  /// the one a basis phrase states wins if it is the only such number; otherwise the filing states no single
  /// basis and none is returned (the checker then infers one from the percents).
  ///
  /// - Parameter range: The lines to read (1-based, half-open).
  /// - Returns: The number of shares, at the line of its first statement.
  func statedSharesOutstanding(in range: Range<Int>) -> Located<ExactDecimal>? {
    var strong: [(statement: StatedSharesOutstanding.Statement, line: Int)] = []
    var weak: [(statement: StatedSharesOutstanding.Statement, line: Int)] = []
    for paragraph in paragraphs(in: range) where paragraph.topics.contains(.sharesOutstanding) {
      let (aboutPercentages, stated) = paragraph.bytes.withUnsafeBufferPointer { bytes in
        (
          ASCIIText.firstOffset(of: 0x25, in: bytes, to: bytes.count) < bytes.count
            || ASCIIText.contains(percentPhrase, in: bytes),
          StatedSharesOutstanding(bytes: bytes)
        )
      }
      for statement in stated.statements {
        let line = lines.sourceLine(paragraph.line(at: statement.offset))
        if statement.isBasisPhrase || aboutPercentages {
          strong.append((statement, line))
        } else {
          weak.append((statement, line))
        }
      }
    }
    let tier = strong.isEmpty ? weak : strong
    guard let first = tier.first else { return nil }
    if tier.allSatisfy({ $0.statement.shares == first.statement.shares }) {
      return Located(first.statement.shares, line: first.line)
    }
    let phrased = tier.filter(\.statement.isBasisPhrase)
    if let only = phrased.first, phrased.allSatisfy({ $0.statement.shares == only.statement.shares }) {
      return Located(only.statement.shares, line: only.line)
    }
    return nil
  }

  /// The phrases of a shares-outstanding basis, made ready once for the search of every paragraph.
  private static let basisPhraseSet = ASCIIText.WidePhraseSet(
    ["OUTSTANDING", "BASED ON", "BASED UPON", "BASIS OF"].map(ASCIIText.phrase))
  /// The phrases of ``basisPhraseSet`` and ``jointPhraseSet`` in one set: a paragraph holding none of them is
  /// told so in one search.
  private static let topicPhraseSet = ASCIIText.WidePhraseSet(basisPhraseSet.phrases + jointPhraseSet.phrases)
  private let basedOnPhrase = ASCIIText.phrase("BASED ON")
  private let basedUponPhrase = ASCIIText.phrase("BASED UPON")
  private let basisOfPhrase = ASCIIText.phrase("BASIS OF")
  private let percentPhrase = ASCIIText.phrase("PERCENT")
  private let outstandingPhrase = ASCIIText.phrase("OUTSTANDING")
  private let jointFilingPhrase = ASCIIText.phrase("JOINT FILING")

  // MARK: Signatures and the joint filing agreement

  /// Names that sign the filing, read from its signature blocks (see ``SignatureBlocks``).
  ///
  /// - Parameters:
  ///   - range: The lines of the body (1-based, half-open).
  ///   - isAgreement: Whether the lines are a joint filing agreement filed as a document of its own.
  /// - Returns: The names, each at the line where it is printed.
  func signers(in range: Range<Int>, isAgreement: Bool = false) -> [NamedMention] {
    // The entries are made as the blocks read them (``SignatureEntries``). The pass over lines that cannot open
    // a block reads the lines' cleaned bytes, whose starred lines are cleaned once for the range whatever reads
    // it (the body's are read for the shares outstanding too).
    let read = max(range.lowerBound, 1)..<max(min(range.upperBound, lines.count + 1), max(range.lowerBound, 1))
    var entries = SignatureEntries(
      lines: lines, position: read.lowerBound, end: read.upperBound, cleaned: cleanedLines(read),
      isAgreement: isAgreement)
    var blocks = SignatureBlocks(isAgreement: isAgreement)
    return blocks.signers(from: &entries).map { NamedMention(name: $0.name, line: lines.sourceLine($0.line)) }
  }

  /// The lines of a range as entries for ``SignatureBlocks``, made one at a time: a plain line with the
  /// position its text starts at, a table row as one entry per cell (a label cell such as "By:" joined to
  /// the cell after it).
  private struct SignatureEntries: SignatureEntrySource {
    let lines: SourceLines
    /// The 1-based line read next.
    var position: Int
    /// The line after the last one read (1-based).
    let end: Int
    /// The lines' cleaned bytes.
    let cleaned: CleanedLines
    /// Whether the lines are a joint filing agreement filed as a document of its own.
    let isAgreement: Bool
    /// The cells of a table row not handed out yet, last first.
    var cells: [String] = []
    /// The line of the cells not handed out yet.
    var cellLine = 0
    /// The line where the last pass over lines stopped, one that may open a block (or `end`): the lines
    /// before it were told already, so no pass is made until it is read.
    var nextPossibleOpening = 0

    var document: String { lines.text }

    mutating func next(ownText: inout [UInt8]) -> SignatureBlocks.Entry? {
      if let cell = cells.popLast() { return Self.entry(ownText: cell, line: cellLine, appendedTo: &ownText) }
      guard position < end else { return nil }
      defer { position += 1 }
      // What the line is, told in one look at its bytes in place: where its cleaned text lies when cleaning only
      // trims blanks (`nil` when it holds a star), whether that text holds a tab, and how many spaces open the
      // line.
      let layout = lines.withBytes(position) { bytes -> (cleaned: Range<Int>?, hasTab: Bool, indent: Int) in
        var indent = 0
        while indent < bytes.count && bytes[indent] == 0x20 { indent += 1 }
        // Most lines hold neither a star nor a tab: one search for either tells so.
        guard ASCIIText.firstOffset(of: 0x2A, or: 0x09, in: bytes, to: bytes.count) < bytes.count else {
          return (LineBytes.trimmedRange(bytes), false, indent)
        }
        let cleaned = DocumentFacts.trimmedRangeWithoutStars(bytes)
        let hasTab = cleaned.map {
          ASCIIText.firstOffset(of: 0x09, in: bytes, from: $0.lowerBound, to: $0.upperBound) < $0.upperBound
        }
        return (cleaned, hasTab ?? false, indent)
      }
      let rowCells: [String]
      if let cleaned = layout.cleaned {
        // Most lines: the cleaned text is a range of the line, and a line without a tab is one entry.
        guard layout.hasTab else {
          let lineStart = lines.ranges[position - 1].lowerBound
          return SignatureBlocks.Entry(
            range: (lineStart + cleaned.lowerBound)..<(lineStart + cleaned.upperBound), ownsText: false,
            line: position, indent: layout.indent)
        }
        rowCells = lines.withBytes(position) { line in
          DocumentFacts.signatureCells(UnsafeBufferPointer(rebasing: line[cleaned]))
        }
      } else {
        let text = DocumentFacts.cleanLine(lines[position])
        guard ASCIIText.containsByte(0x09, in: text) else {
          var entry = Self.entry(ownText: text, line: position, appendedTo: &ownText)
          entry.indent = layout.indent
          return entry
        }
        rowCells = ASCIIText.withUTF8(text, DocumentFacts.signatureCells)
      }
      cells = rowCells.reversed()
      cellLine = position
      if let cell = cells.popLast() { return Self.entry(ownText: cell, line: position, appendedTo: &ownText) }
      return SignatureBlocks.Entry(range: 0..<0, ownsText: false, line: position, indent: nil)
    }

    /// An entry with a text of its own, a table cell unless its indent is set: the text appended to the bytes
    /// of such texts.
    ///
    /// - Parameters:
    ///   - text: The entry's text.
    ///   - line: The 1-based line.
    ///   - ownText: The bytes of the texts of their own.
    private static func entry(ownText text: String, line: Int, appendedTo ownText: inout [UInt8])
      -> SignatureBlocks.Entry
    {
      let start = ownText.count
      ownText.append(contentsOf: text.utf8)
      return SignatureBlocks.Entry(range: start..<ownText.count, ownsText: true, line: line, indent: nil)
    }

    /// Passes over the lines ahead that cannot change what the blocks read (see
    /// ``SignatureEntrySource/skipToPossibleOpening()``), when no cell of a line read is
    /// waiting.
    ///
    /// Each line is told, on its cleaned bytes, what its entries can do
    /// (``signatureOpening(cleaned:isAgreement:)``).
    /// The pass stops at the first line whose entries may open a block and moves to it; when that line opens
    /// one only after an agreement's text, it moves instead to the line that leaves
    /// ``SignatureBlocks/lookBackEntries`` lines with text before it, which are all its look-back reads, or
    /// stays where it is when fewer were passed. Each line is passed over once at most, so the reading stays
    /// linear.
    mutating func skipToPossibleOpening() {
      guard cells.isEmpty && position < end && position > nextPossibleOpening else { return }
      let isAgreement = isAgreement
      var pass = LinePass(start: position)
      // A blank line, which changes nothing, is not looked at.
      (position, nextPossibleOpening) =
        cleaned.firstLine(from: position, to: end) { line, cleaned in
          pass.stop(at: line, DocumentFacts.signatureOpening(cleaned: cleaned, isAgreement: isAgreement))
        } ?? (end, end)
    }
  }

  /// A pass over lines that cannot open a signature block (``SignatureEntries/skipToPossibleOpening()``):
  /// the lines with text it passed, and where it stops.
  private struct LinePass {
    /// The line the pass starts at (1-based).
    let start: Int
    /// The last ``SignatureBlocks/lookBackEntries`` lines passed that hold text, in a ring.
    private var withText = [Int](repeating: 0, count: SignatureBlocks.lookBackEntries)
    /// How many lines with text were passed.
    private var passed = 0

    init(start: Int) {
      self.start = start
    }

    /// Where the pass moves the reading and the line that may open a block, when it stops at a line whose
    /// entries can do what `opening` says; `nil` when it goes on past the line.
    ///
    /// - Parameters:
    ///   - line: The line (1-based), after every line told before.
    ///   - opening: What the line's entries can do.
    mutating func stop(at line: Int, _ opening: SignatureOpening) -> (position: Int, possibleOpening: Int)? {
      let lookBack = withText.count
      switch opening {
      case .blank: return nil
      case .never:
        withText[passed % lookBack] = line
        passed += 1
        return nil
      case .atOnce: return (line, line)
      case .afterAgreement: return (passed >= lookBack ? withText[passed % lookBack] : start, line)
      }
    }
  }

  /// What the entries of a line can do to the reading of signature blocks.
  private enum SignatureOpening {
    /// The line gives no entry with text.
    case blank
    /// It gives entries with text, none of which opens a block.
    case never
    /// It is one entry, which opens a block whatever comes before it.
    case atOnce
    /// An entry opens a block if an agreement's text comes before it (or opens one at once, but not first).
    case afterAgreement
  }

  /// What the entries a line gives the signature blocks (see ``SignatureEntries``) can do, told from the
  /// line's cleaned bytes as ``SignatureEntries/next()`` makes them: one entry, or one a cell when a tab is
  /// among them (``signatureCells(_:)``), each asked ``SignatureBlocks/opening(_:isAgreement:)``.
  ///
  /// - Parameters:
  ///   - cleaned: The line's cleaned UTF-8 bytes (``withCleanedBytes(of:_:)``).
  ///   - isAgreement: Whether the lines are a joint filing agreement filed as a document of its own.
  @inline(__always)
  private static func signatureOpening(cleaned: UnsafeBufferPointer<UInt8>, isAgreement: Bool) -> SignatureOpening {
    guard !cleaned.isEmpty else { return .blank }
    guard ASCIIText.firstOffset(of: 0x09, in: cleaned, to: cleaned.count) < cleaned.count else {
      switch SignatureBlocks.opening(cleaned, isAgreement: isAgreement) {
      case false?: return .never
      case true?: return .atOnce
      case nil: return .afterAgreement
      }
    }
    let opensNone = signatureCells(cleaned) { SignatureBlocks.opening($0, isAgreement: isAgreement) == false }
    return opensNone ? .never : .afterAgreement
  }

  /// The cells of a table row, cut at its tabs, blanks trimmed, empty ones left out; a label cell ending in
  /// a colon ("By:") is joined to the cell after it.
  ///
  /// - Parameter bytes: The row's UTF-8 bytes, cleaned.
  private static func signatureCells(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var cells: [String] = []
    // The cells are cut and joined once, by the reading that can stop early; here it reads them all.
    _ = signatureCells(bytes) { cell in
      cells.append(String(decoding: cell, as: UTF8.self))
      return true
    }
    return cells
  }

  /// Whether every cell of a table row (``signatureCells(_:)``) satisfies `predicate`, told on the row's bytes in
  /// place.
  ///
  /// A cell is handed over as a range of the row; only a label cell joined to the cell after it is copied. Most
  /// rows are passed over by the signature blocks' skip (``SignatureEntries/skipToPossibleOpening()``),
  /// which asks this of each: no text is made for their cells.
  ///
  /// - Parameters:
  ///   - bytes: The row's UTF-8 bytes, cleaned.
  ///   - predicate: Tells a cell from its UTF-8 bytes, blanks trimmed; called for the cells in order until it
  ///     says `false`.
  /// - Returns: Whether `predicate` holds for every cell (`true` for a row of no cell).
  private static func signatureCells(
    _ bytes: UnsafeBufferPointer<UInt8>, allSatisfy predicate: (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Bool {
    // The cell read last, which the next one joins when it ends with a colon: a range of the row, or, once
    // joined, bytes of its own.
    var lastRange: Range<Int>?
    var lastJoined: [UInt8] = []
    var start = 0
    while start <= bytes.count {
      let end = ASCIIText.firstOffset(of: 0x09, in: bytes, from: start, to: bytes.count)
      defer { start = end + 1 }
      let trimmed = LineBytes.trimmedRange(UnsafeBufferPointer(rebasing: bytes[start..<end]))
      guard !trimmed.isEmpty else { continue }
      let cell = (start + trimmed.lowerBound)..<(start + trimmed.upperBound)
      if let last = lastRange {
        let lastBytes = UnsafeBufferPointer(rebasing: bytes[last])
        if endsWithColon(lastBytes) {
          lastJoined = Array(lastBytes) + [0x20] + bytes[cell]
          lastRange = nil
          continue
        }
        guard predicate(lastBytes) else { return false }
      } else if !lastJoined.isEmpty {
        if lastJoined.withUnsafeBufferPointer(endsWithColon) {
          lastJoined += [0x20] + bytes[cell]
          continue
        }
        guard lastJoined.withUnsafeBufferPointer(predicate) else { return false }
        lastJoined = []
      }
      lastRange = cell
    }
    if let last = lastRange { return predicate(UnsafeBufferPointer(rebasing: bytes[last])) }
    return lastJoined.isEmpty || lastJoined.withUnsafeBufferPointer(predicate)
  }

  /// Whether a text's last character is a colon, given its UTF-8 bytes, told from its last bytes where they tell:
  /// a colon after an ASCII byte (or alone) is a character of its own; one after a scalar beyond ASCII may be
  /// joined to it.
  ///
  /// - Parameter bytes: The text's UTF-8 bytes, well formed.
  private static func endsWithColon(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.last == 0x3A else { return false }
    guard bytes.count >= 2, bytes[bytes.count - 2] >= 0x80 else { return true }
    return String(decoding: bytes, as: UTF8.self).hasSuffix(":")
  }

  /// The parties the joint filing agreement names ("Joint Filing Agreement, dated May 1, 2031, by and among A,
  /// B and C").
  ///
  /// A list counts where it describes the joint filing agreement itself: "by and among" follows "joint
  /// filing" in the same sentence, within a short distance (so an exhibit index's "Purchase Agreement by and
  /// between ..." after a "Joint Filing Agreement" entry does not count), or stands in a paragraph of the
  /// agreement's own text (after a "JOINT FILING AGREEMENT" heading, before the next heading). The list ends
  /// where a reference or a description starts ("(incorporated by reference ...", ", filed as Exhibit A
  /// ...", ", dated ..."). Only names are parties: descriptions ("a Delaware limited partnership") are
  /// dropped, and a list that names its parties generically ("the Reporting Persons", "the Issuer",
  /// "certain stockholders") or holds a date claims no party at all.
  ///
  /// - Parameters:
  ///   - range: The lines of the body (1-based, half-open).
  ///   - knownNames: The keys of the names the filing uses, which help split names holding "and" or commas.
  func jointFilers(in range: Range<Int>, knownNames: Set<NameKey>) -> [NamedMention] {
    // The agreement's own paragraphs and those that speak of joint filing, in order.
    for paragraph in paragraphs(in: range) where paragraph.topics.contains(.jointFiling) {
      let bytes = paragraph.bytes
      var listStart: Int?
      var searchFrom = 0
      while listStart == nil, let mention = ASCIIText.find(jointFilingPhrase, in: bytes, from: searchFrom) {
        searchFrom = mention.upperBound
        if let between = byAndAmong(in: bytes, from: mention.upperBound, within: 120) { listStart = between }
      }
      if listStart == nil && paragraph.topics.contains(.agreementText) {
        listStart = byAndAmong(in: bytes, from: 0, within: bytes.count)
      }
      guard let start = listStart else { continue }
      let list = sentenceEnd(Substring(String(decoding: bytes[start...], as: UTF8.self)))
      let line = lines.sourceLine(paragraph.line(at: start))
      let names = DocumentFacts.partyNames(in: list, knownNames: knownNames)
      if !names.isEmpty { return names.map { NamedMention(name: $0, line: line, evidence: .prose) } }
    }
    return []
  }

  /// For a paragraph that is a heading (short, without a point), whether it opens the agreement's text: a
  /// heading opens it when it is the agreement's title, and closes it otherwise. `nil` for any other
  /// paragraph.
  ///
  /// - Parameters:
  ///   - paragraph: The paragraph's UTF-8 bytes.
  ///   - mayHoldJoint: Whether the paragraph may hold "JOINT"; `false` when a search for it (or for a set of
  ///     phrases holding it, ``topicPhraseSet``) found none.
  private func agreementHeading(_ paragraph: UnsafeBufferPointer<UInt8>, mayHoldJoint: Bool) -> Bool? {
    guard paragraph.count <= 80, ASCIIText.firstOffset(of: 0x2E, in: paragraph, to: paragraph.count) == paragraph.count
    else { return nil }
    // The title holds "JOINT" as it is: a heading without it (most, told so by the search of every paragraph
    // for the topics' phrases) is told on its bytes, without a copy.
    return mayHoldJoint && DocumentFacts.jointPhraseSet.occurs(in: paragraph) && isAgreementTitle(Array(paragraph))
  }

  /// Whether a heading is the joint filing agreement's title: "JOINT FILING AGREEMENT", "Exhibit 99.1 Joint
  /// Filing Agreement", not "Incorporation by Reference; Joint Filing Agreement".
  private func isAgreementTitle(_ heading: [UInt8]) -> Bool {
    guard let found = ASCIIText.find(jointFilingAgreementPhrase, in: heading) else { return false }
    let before = String(decoding: heading[..<found.lowerBound], as: UTF8.self).trimmingBlanks()
    guard !before.isEmpty else { return true }
    // Only an exhibit's label may come first.
    let words = before.split { $0 == " " || $0 == "\t" || $0 == ":" || $0 == "-" }
    return words.count <= 2 && words.first?.uppercased() == "EXHIBIT"
  }

  /// The offset just after "by and among" or "by and between" when it starts within `distance` bytes of
  /// `offset` and no sentence ends before it.
  private func byAndAmong(in bytes: [UInt8], from offset: Int, within distance: Int) -> Int? {
    let found = [byAndAmongPhrase, byAndBetweenPhrase].compactMap { ASCIIText.find($0, in: bytes, from: offset) }
      .min { $0.lowerBound < $1.lowerBound }
    guard let found, found.lowerBound - offset <= distance else { return nil }
    let between = String(decoding: bytes[offset..<found.lowerBound], as: UTF8.self)
    guard sentenceEnd(Substring(between)) == between else { return nil }
    return ASCIIText.skipBlanks(bytes, from: found.upperBound)
  }

  /// "JOINT", made ready once for the search of every paragraph.
  private static let jointPhraseSet = ASCIIText.WidePhraseSet([ASCIIText.phrase("JOINT")])
  private let jointFilingAgreementPhrase = ASCIIText.phrase("JOINT FILING AGREEMENT")
  private let byAndAmongPhrase = ASCIIText.phrase("BY AND AMONG")
  private let byAndBetweenPhrase = ASCIIText.phrase("BY AND BETWEEN")

  /// The names of a printed list of parties, without references, descriptions and generic terms.
  ///
  /// - Parameters:
  ///   - list: The text after "by and among", up to the end of its sentence.
  ///   - knownNames: The keys of the names the filing uses.
  /// - Returns: The names, or none when the list names its parties generically or holds a date.
  static func partyNames(in list: String, knownNames: Set<NameKey>) -> [String] {
    var text = Substring(list)
    // The list ends where a reference or a description of the agreement starts.
    let bytes = Array(text.utf8)
    var end = bytes.count
    // Every marker holds one of a few words as they stand: a list without any (most) is not searched for each.
    if bytes.withUnsafeBufferPointer(listEndWords.occurs) {
      for marker in listEndMarkers {
        if let found = ASCIIText.find(marker, in: bytes), found.lowerBound < end { end = found.lowerBound }
      }
    }
    // A parenthesis that does not continue a name ("(Bermuda)") starts a reference or a footnote mark.
    for (offset, byte) in bytes.enumerated() where byte == 0x28 && offset < end {
      let next = offset + 1 < bytes.count ? bytes[offset + 1] : 0x29
      if !(next >= 0x41 && next <= 0x5A) {
        end = offset
        break
      }
    }
    text = Substring(String(decoding: bytes[..<end], as: UTF8.self))
    // The text is lowered once, and again only after a lead is dropped from it.
    var lowered = text.lowercased()
    for lead in ["each of ", "the undersigned, ", "the undersigned "] where lowered.hasPrefix(lead) {
      text = text.dropFirst(lead.count)
      lowered = text.lowercased()
    }
    var names: [String] = []
    for piece in NameListSplitter.split(text.trimmingBlanks(), knownNames: knownNames) {
      let name = piece.trimmingBlanks()
      guard let first = name.unicodeScalars.first, !name.isEmpty else { continue }
      // "a Delaware limited partnership": a description of the name before it.
      let lower = name.lowercased()
      if lower.hasPrefix("a ") || lower.hasPrefix("an ") { continue }
      if isGenericParty(NameKey(name)) || !first.properties.isUppercase && !("0"..."9").contains(first) {
        return []
      }
      if holdsDate(name) { return [] }
      names.append(name)
    }
    return names
  }

  /// Phrases that end a list of parties: references to other filings and descriptions of the agreement.
  private static let listEndMarkers = [
    ", INCORPORATED BY", " INCORPORATED BY", ", FILED ", " FILED AS", " FILED WITH", ", WHICH ", ", DATED ",
    " DATED AS OF", ", PURSUANT ", " PURSUANT TO", " RELATING TO", ", WITH RESPECT", " WITH RESPECT TO",
    ", AS AMENDED", ", ATTACHED", " ATTACHED ", ", HERETO", " HERETO",
  ].map(ASCIIText.phrase)

  /// A word of each of ``listEndMarkers``, which the marker holds without a blank inside it (``ASCIIText/find(_:in:from:)``
  /// matches a marker's spaces with runs of blanks, never its words), made ready once for the search of a list.
  private static let listEndWords = ASCIIText.WidePhraseSet(
    ["INCORPORATED", "FILED", "WHICH", "DATED", "PURSUANT", "RELATING", "RESPECT", "AMENDED", "ATTACHED", "HERETO"]
      .map(ASCIIText.phrase))

  /// Whether a name is a generic term for parties: "the Reporting Persons", "the Issuer", "the Company".
  private static func isGenericParty(_ key: NameKey) -> Bool {
    // The words of ASCII text are cut on its bytes, each byte a character: no String is made for each word.
    let asciiHoldsGenericWord = ASCIIText.withUTF8(key.text) { bytes -> Bool? in
      guard ASCIIText.isASCII(bytes) else { return nil }
      var start = 0
      for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == 0x20 {
        let word = bytes[start..<offset]
        if word.elementsEqual(reportingWord) || word.elementsEqual(undersignedWord) { return true }
        start = offset + 1
      }
      return false
    }
    let holdsGenericWord =
      asciiHoldsGenericWord
      ?? key.text.split(separator: " ").contains { $0 == "REPORTING" || $0 == "UNDERSIGNED" }
    return holdsGenericWord || genericPartyKeys.contains(key.text)
  }

  /// The words that make a name generic wherever they stand in it, as bytes.
  private static let reportingWord = Array("REPORTING".utf8)
  private static let undersignedWord = Array("UNDERSIGNED".utf8)

  private static let genericPartyKeys: Set<String> = [
    "ISSUER", "COMPANY", "PARTIES", "PARTIES HERETO", "FILING PERSONS", "FILERS", "PURCHASERS", "SELLERS",
    "STOCKHOLDERS", "SHAREHOLDERS", "INVESTORS", "UNDERWRITERS",
  ]

  /// Whether a text holds a date or a year: a month's name before a number, or a number of four digits
  /// alone.
  static func holdsDate(_ text: String) -> Bool {
    // ASCII is read on its bytes: a digit is its only number, and a word of four digits is four bytes (the
    // one character of two bytes, "\r\n", is no number).
    let ascii = ASCIIText.withUTF8(text) { bytes -> Bool? in
      guard ASCIIText.isASCII(bytes) else { return nil }
      // Either date holds a digit: ASCII text without one (most names) holds none, and its words are not cut.
      guard bytes.contains(where: ASCIIText.isDigit) else { return false }
      var words: [Range<Int>] = []
      var start = 0
      for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == 0x20 || bytes[offset] == 0x2C {
        if offset > start { words.append(start..<offset) }
        start = offset + 1
      }
      if words.count == 1, words[0].count == 4, bytes[words[0]].allSatisfy(ASCIIText.isDigit) { return true }
      return words.indices.dropLast().contains { index in
        monthWords.contains(bytes, words[index]) && ASCIIText.isDigit(bytes[words[index + 1].lowerBound])
      }
    }
    if let ascii { return ascii }
    let words = text.split { $0 == " " || $0 == "," }
    for (index, word) in words.enumerated() {
      if word.count == 4 && word.allSatisfy(\.isNumber) && words.count == 1 { return true }
      if monthNames.contains(word.lowercased()), index + 1 < words.count, words[index + 1].first?.isNumber == true {
        return true
      }
    }
    return false
  }

  private static let monthNames: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
  ]

  /// ``monthNames`` for ``holdsDate(_:)``'s reading of ASCII bytes.
  private static let monthWords = LineBytes.WordList(Array(monthNames))

  /// The text up to the end of its first sentence, not cut at the points of "L.P.", "Ltd." or "Inc.".
  private func sentenceEnd(_ text: Substring) -> String {
    // Points are found on the bytes; only a point before a space and a capital is looked at as text.
    let end = ASCIIText.withUTF8(text) { bytes -> Int in
      var point = 0
      while point < bytes.count {
        defer { point += 1 }
        guard bytes[point] == 0x2E else { continue }
        if point + 1 == bytes.count { return point }
        guard point + 2 < bytes.count, bytes[point + 1] == 0x20 else { continue }
        let next = bytes[point + 2]
        let startsCapital =
          next < 0x80
          ? next >= 0x41 && next <= 0x5A
          : text[text.utf8.index(text.startIndex, offsetBy: point + 2)...].first?.isUppercase == true
        guard startsCapital else { continue }
        // The word before the point, spaces before the point skipped.
        var wordEnd = point
        while wordEnd > 0 && bytes[wordEnd - 1] == 0x20 { wordEnd -= 1 }
        var wordStart = wordEnd
        while wordStart > 0 && bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
        let word = String(decoding: bytes[wordStart..<wordEnd], as: UTF8.self)
        if !DocumentFacts.sentenceAbbreviations.contains(word) && !(word.count == 1 && word.first?.isUppercase == true)
        {
          return point
        }
      }
      return bytes.count
    }
    return String(text[..<text.utf8.index(text.startIndex, offsetBy: end)])
  }

  /// Abbreviations whose point does not end a sentence.
  private static let sentenceAbbreviations: Set<String> = [
    "L.P", "Ltd", "Inc", "Co", "Corp", "N.A", "Jr", "Sr", "L.L.C", "P", "S.A",
  ]
}
