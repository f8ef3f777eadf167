import BocheckModel

/// Finds where a file that holds several filings one after the other starts each of them.
///
/// EDGAR's feed and dissemination files concatenate whole submissions, and a folder of drafts may hold
/// several schedules pasted into one file. A file is split only where the boundary is explicit or the
/// evidence is strong, so that a single filing is never cut in two:
///
/// - SGML: a new outermost wrapper (`-----BEGIN PRIVACY-ENHANCED MESSAGE-----`, `<SEC-DOCUMENT>`,
///   `<IMS-DOCUMENT>` or `<SUBMISSION>`) after the previous one closed, or a repeat of the open one.
///   Markers inside a document's `<TEXT>` are not wrappers, and `<DOCUMENT>` never splits (a submission
///   holds several documents).
/// - XML: a new `<?xml` declaration after a document, or a new `<edgarSubmission>` root after a root.
/// - HTML: a new `<!DOCTYPE html>` or `<html>` after a `</html>`.
/// - Plain text: a new title line (`SCHEDULE 13D` or `SCHEDULE 13G`, alone on its line or followed by
///   its amendment number) after a signature block (a `SIGNATURE` heading and a signed line), followed
///   within ``titleReach`` lines by a new issuer and CUSIP header (`(Name of Issuer)`, `(CUSIP Number)`).
///   The new filing begins at the heading above its title (`UNITED STATES`, `SECURITIES AND EXCHANGE
///   COMMISSION`, ...). A cover page per person that repeats the title has no signature before it, so it
///   never splits.
///
/// A marker counts only at the start of a line (after blanks), so each filing begins at the start of a
/// line and keeps its columns. The scan reads the UTF-8 bytes once, in place, and reads back at most
/// ``headingReach`` lines above a title, so it takes time linear in the input.
enum FilingSplitter {
  /// Where one filing begins in its file.
  struct Start: Equatable {
    /// The byte offset in the text's UTF-8 where the filing begins, always the start of a line.
    let offset: Int
    /// The 1-based line of the file where it begins.
    let line: Int
  }

  /// What the splitter's pass found about each line of a file, for the reader of a file of one filing.
  struct LineScan {
    /// The UTF-8 range of each line, without its terminator, as ``SourceLines`` ends lines.
    var ranges = LineRanges()
    /// For SGML, the 0-based indices, in order, of the lines that may open with a wrapper tag: every line
    /// whose content, after blanks (spaces, tabs, no-break spaces, form feeds and vertical tabs), begins
    /// with one of ``SGMLUnwrapper/WrapperTag``'s tags, in any case. `nil` for the other formats.
    var tagLineCandidates: [Int32]?
  }

  /// The most lines after a title line in which a plain-text filing's issuer and CUSIP header must come.
  static let titleReach = 40

  /// The most lines above a title line that may hold its heading.
  static let headingReach = 10

  /// Where each filing of a file begins.
  ///
  /// - Parameters:
  ///   - text: The whole file as decoded.
  ///   - format: The file's format, which says what a boundary looks like.
  /// - Returns: The starts in order; the first is always the start of the text (offset 0, line 1), so a
  ///   file of one filing gives one start.
  static func starts(of text: String, format: InputFormat) -> [Start] {
    var lines: LineScan?
    return starts(of: text, format: format, lines: &lines)
  }

  /// Where each filing of a file begins, and the byte range of each of its lines, found in the same pass.
  ///
  /// The lines are those ``SourceLines`` splits the text into: the reader of a file of one filing takes
  /// them rather than finding them again, and for SGML the lines that may hold a wrapper tag. They are
  /// collected only for text and SGML, whose lines end at a lone CR too, as ``SourceLines`` ends them.
  ///
  /// - Parameters:
  ///   - text: The whole file as decoded.
  ///   - format: The file's format, which says what a boundary looks like.
  ///   - lines: Set to what the pass found about each line for text and SGML; left alone for HTML and XML.
  /// - Returns: The starts, as ``starts(of:format:)`` gives them.
  static func starts(of text: String, format: InputFormat, lines: inout LineScan?) -> [Start] {
    if format == .text || format == .sgml { lines = LineScan() }
    if let found = text.utf8.withContiguousStorageIfAvailable({ starts(in: $0, format: format, lines: &lines) }) {
      return found
    }
    return Array(text.utf8).withUnsafeBufferPointer { starts(in: $0, format: format, lines: &lines) }
  }

  /// Where each filing of a buffer of UTF-8 bytes begins (see ``starts(of:format:lines:)``).
  private static func starts(
    in bytes: UnsafeBufferPointer<UInt8>, format: InputFormat, lines: inout LineScan?
  ) -> [Start] {
    // HTML and XML readers count lines at LF alone; text and SGML readers also at a lone CR.
    switch format {
    case .sgml:
      var scanner = WrapperScanner()
      let starts = scan(bytes, with: &scanner, loneCarriageReturnEndsLine: true, lines: &lines)
      // The unwrapper looks for its tags on these lines only.
      lines?.tagLineCandidates = scanner.linesOpeningWithTag
      return starts
    case .xml: return xmlStarts(in: bytes)
    case .html:
      var scanner = HTMLDocumentScanner()
      return scan(bytes, with: &scanner, loneCarriageReturnEndsLine: false, lines: &lines)
    case .text:
      var scanner = TextScheduleScanner()
      return scan(bytes, with: &scanner, loneCarriageReturnEndsLine: true, lines: &lines)
    }
  }

  /// Where each filing of a buffer of XML begins, every line fed to the scanner (the general path, which
  /// ``xmlStarts(in:)`` agrees with).
  ///
  /// - Parameter bytes: The input's UTF-8 bytes.
  static func xmlStartsByLines(in bytes: UnsafeBufferPointer<UInt8>) -> [Start] {
    var lines: LineScan?
    var scanner = XMLDocumentScanner()
    return scan(bytes, with: &scanner, loneCarriageReturnEndsLine: false, lines: &lines)
  }

  /// Where each filing of a buffer of XML begins, with only the lines that may begin a document fed to the
  /// scanner.
  ///
  /// ``XMLDocumentScanner`` acts only on a line whose content (after its blanks) begins with `<?xml` or
  /// `<edgarSubmission`: the lines fed are those whose content begins with `<` and then `?` or `e` (either
  /// case), found from the `<`s, which are sought eight bytes at a time. The blanks before a `<` are read
  /// back to the line feed that starts its line, and the line feeds before it are counted on from the last
  /// line fed, so the whole costs one pass over the input. It gives exactly the starts of
  /// ``xmlStartsByLines(in:)``.
  ///
  /// - Parameter bytes: The input's UTF-8 bytes, well-formed UTF-8 (a no-break space is read back as its
  ///   two bytes).
  static func xmlStarts(in bytes: UnsafeBufferPointer<UInt8>) -> [Start] {
    var scanner = XMLDocumentScanner()
    var starts = [Start(offset: 0, line: 1)]
    var lines = SourceCursor()
    let count = bytes.count
    guard let base = bytes.baseAddress else { return starts }

    /// The offset where the line holding `offset` starts when nothing but blanks stands before `offset` on
    /// it, `nil` otherwise.
    func contentLineStart(_ offset: Int) -> Int? {
      var index = offset
      while index > 0 {
        let byte = bytes[index - 1]
        if byte == 0x0A { return index }
        if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B {
          index -= 1
        } else if byte == 0xA0, index >= 2, bytes[index - 2] == 0xC2 {
          index -= 2  // a no-break space
        } else {
          return nil
        }
      }
      return 0
    }

    /// Whether the `<` at `offset` is followed by `?` or `e` (either case).
    func mayOpen(_ offset: Int) -> Bool {
      guard offset + 1 < count else { return false }
      // "?" has its case bit set already; "E" gets it.
      let next = bytes[offset + 1] | 0x20
      return next == 0x3F || next == 0x65
    }

    /// Feeds the line of the `<` at `offset`, which ``mayOpen`` lets through, to the scanner when it may
    /// begin a document.
    func visit(_ offset: Int) {
      guard let lineStart = contentLineStart(offset) else { return }
      lines.move(to: lineStart, in: bytes)
      let lineEnd = LineBytes.lineEnd(in: bytes, from: lineStart, loneCarriageReturnEndsLine: false).end
      let line = ScannedLine(bytes: bytes, start: lineStart, end: lineEnd, number: lines.line)
      if let start = scanner.visit(line), start.offset > (starts.last?.offset ?? 0) {
        starts.append(start)
      }
    }

    let lessThans = ByteWord.repeating(0x3C)
    var index = 0
    while index + 8 <= count {
      // A flag for every "<" (and perhaps a false one above a true one, told apart by reading the byte).
      var flags = ByteWord.zeroBytes(ByteWord.load(UnsafeRawPointer(base), at: index) ^ lessThans)
      while flags != 0 {
        let offset = index + flags.trailingZeroBitCount / 8
        if bytes[offset] == 0x3C && mayOpen(offset) { visit(offset) }
        flags &= flags &- 1
      }
      index += 8
    }
    while index < count {
      if bytes[index] == 0x3C && mayOpen(index) { visit(index) }
      index += 1
    }
    return starts
  }

  /// Feeds every line of the input to a scanner and collects the starts it finds.
  ///
  /// - Parameters:
  ///   - bytes: The input's UTF-8 bytes.
  ///   - scanner: What tells a boundary in this format; left as the last line leaves it.
  ///   - loneCarriageReturnEndsLine: Whether a CR not followed by LF ends a line, as it does for the
  ///     reader of the format.
  ///   - lines: When not `nil`, the range of each line is appended to its ranges.
  private static func scan<Scanner: BoundaryScanner>(
    _ bytes: UnsafeBufferPointer<UInt8>, with scanner: inout Scanner, loneCarriageReturnEndsLine: Bool,
    lines: inout LineScan?
  ) -> [Start] {
    var starts = [Start(offset: 0, line: 1)]
    var lineStart = 0
    var lineNumber = 1
    let count = bytes.count
    let breaks = LineBytes.Breaks(bytes, loneCarriageReturnEndsLine: loneCarriageReturnEndsLine)
    // The ranges are collected in local state, at two stores a line, when they are asked for.
    let collects = lines != nil
    var ranges = LineRanges.Collector(expectedLines: collects ? count / expectedLineLength + 1 : 0)
    while lineStart < count {
      let (lineEnd, next) = breaks.lineEnd(from: lineStart)
      if collects { ranges.append(start: lineStart, end: lineEnd) }
      let line = ScannedLine(bytes: bytes, start: lineStart, end: lineEnd, number: lineNumber)
      if let start = scanner.visit(line), start.offset > (starts.last?.offset ?? 0) {
        starts.append(start)
      }
      lineStart = next
      lineNumber += 1
    }
    let found = ranges.finish()
    if collects { lines?.ranges = found }
    return starts
  }

  /// The length of a line, in bytes, that the room for a file's line ranges is first made for: a little
  /// less than an EDGAR filing's average, so that the room seldom has to grow.
  private static var expectedLineLength: Int { 40 }
}

/// One line of the input as the splitter sees it: a range of the buffer, without its terminator.
struct ScannedLine {
  /// The whole input.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The offset of the line's first byte.
  let start: Int
  /// The offset just past the line's last byte, before its terminator.
  let end: Int
  /// The 1-based line number.
  let number: Int

  /// The offset of the first byte that is not a blank, a form feed or a vertical tab (`end` when none).
  ///
  /// Spaces, the indentation of most lines that have any, are passed over eight at a time: a word's first
  /// byte that is not a space ends the run, at the latest the byte that ends the line.
  var contentStart: Int {
    var index = start
    let lastWord = bytes.count - 8
    while index < end {
      let byte = bytes[index]
      if byte == 0x20 && index <= lastWord, let base = bytes.baseAddress {
        let others = ByteWord.load(UnsafeRawPointer(base), at: index) ^ ByteWord.repeating(0x20)
        index += others == 0 ? 8 : others.trailingZeroBitCount / 8
      } else if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B {
        index += 1
      } else if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 {
        index += 2  // a no-break space
      } else {
        break
      }
    }
    return index
  }

  /// Whether the line holds nothing but blanks.
  var isBlank: Bool { contentStart == end }

  /// Whether the line's content, from its first non-blank byte, begins with an upper-case ASCII phrase,
  /// ignoring case.
  ///
  /// - Parameter phrase: The phrase, upper case.
  func begins(with phrase: [UInt8]) -> Bool {
    begins(with: phrase, at: contentStart)
  }

  /// Whether an upper-case ASCII phrase occurs at an offset of the line, ignoring case.
  ///
  /// - Parameters:
  ///   - phrase: The phrase, upper case.
  ///   - offset: The offset in the input, within the line.
  func begins(with phrase: [UInt8], at offset: Int) -> Bool {
    guard end - offset >= phrase.count else { return false }
    var position = 0
    while position < phrase.count {
      if ASCIIText.upper(bytes[offset + position]) != phrase[position] { return false }
      position += 1
    }
    return true
  }

  /// Whether an upper-case ASCII phrase occurs anywhere in the line, ignoring case.
  ///
  /// - Parameter phrase: The phrase, upper case.
  func contains(_ phrase: [UInt8]) -> Bool {
    ASCIIText.contains(phrase, in: UnsafeBufferPointer(rebasing: bytes[start..<end]))
  }

  /// The byte just after a phrase that begins the line's content, or `nil` at the end of the line.
  ///
  /// - Parameter phrase: A phrase the line's content begins with.
  func byte(after phrase: [UInt8]) -> UInt8? {
    let offset = contentStart + phrase.count
    return offset < end ? bytes[offset] : nil
  }

  /// Where a filing beginning at this line begins.
  var asStart: FilingSplitter.Start { FilingSplitter.Start(offset: start, line: number) }

  /// The line before this one as a scan that ends lines at LF, CRLF and a lone CR splits the bytes; `nil` for
  /// the first line.
  ///
  /// Its end is this line's terminator (CRLF counted as one), and its start the byte after the LF or CR before
  /// that, found by reading back: no such byte stands inside a line of that scan, and a CR read back is never
  /// the first byte of a CRLF, whose LF would be read first.
  var previous: ScannedLine? {
    guard start > 0, number > 1 else { return nil }
    var end = start - 1
    if bytes[end] == 0x0A && end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
    var first = end
    while first > 0 && bytes[first - 1] != 0x0A && bytes[first - 1] != 0x0D { first -= 1 }
    return ScannedLine(bytes: bytes, start: first, end: end, number: number - 1)
  }
}

/// Reads a file line by line and says where a new filing begins.
protocol BoundaryScanner {
  /// Takes the next line.
  ///
  /// - Parameter line: The line.
  /// - Returns: Where a new filing begins (this line or one of the few before it), or `nil`.
  mutating func visit(_ line: ScannedLine) -> FilingSplitter.Start?
}

/// Splits SGML at the outermost submission wrappers.
struct WrapperScanner: BoundaryScanner {
  /// The wrappers that hold one submission each: opening and closing markers.
  private static let wrappers: [(open: [UInt8], close: [UInt8])] = [
    ("-----BEGIN PRIVACY-ENHANCED MESSAGE-----", "-----END PRIVACY-ENHANCED MESSAGE-----"),
    ("<SEC-DOCUMENT>", "</SEC-DOCUMENT>"), ("<IMS-DOCUMENT>", "</IMS-DOCUMENT>"), ("<SUBMISSION>", "</SUBMISSION>"),
  ].map { (ASCIIText.phrase($0.0), ASCIIText.phrase($0.1)) }

  /// The index in ``wrappers`` of the outermost open wrapper.
  private var open: Int?
  /// Whether a wrapper has been seen.
  private var seenWrapper = false
  /// Whether the line is inside a document's `<TEXT>`, which may hold anything, markers included (but not
  /// its closing `</TEXT>`).
  private var inText = false
  /// The 0-based index of every line whose content, after its blanks, opens with one of the unwrapper's tags
  /// (``SGMLUnwrapper/WrapperTag``), in order: the only lines that may hold them (see
  /// ``FilingSplitter/LineScan/tagLineCandidates``).
  private(set) var linesOpeningWithTag: [Int32] = []

  @inline(__always)
  mutating func visit(_ line: ScannedLine) -> FilingSplitter.Start? {
    let first = line.contentStart
    guard first < line.end else { return nil }
    let byte = line.bytes[first]
    guard byte == UInt8(ascii: "<") || byte == UInt8(ascii: "-") else { return nil }
    // The unwrapper's tag that opens the line, told by a byte or two after the "<" (most lines of a
    // document's text that open with "<" are its own markup, and none).
    var tag: SGMLUnwrapper.WrapperTag?
    if byte == UInt8(ascii: "<") {
      tag = SGMLUnwrapper.WrapperTag.opening(
        UnsafeBufferPointer(rebasing: line.bytes[line.start..<line.end]), at: first - line.start)
      if tag != nil { linesOpeningWithTag.append(Int32(truncatingIfNeeded: line.number - 1)) }
    }
    // The phrases are compared from the content's first byte, found above.
    if inText {
      if tag == .textEnd { inText = false }
      return nil
    }
    if tag == .text {
      inText = true
      return nil
    }
    for (index, wrapper) in Self.wrappers.enumerated() {
      if line.begins(with: wrapper.open, at: first) {
        // A wrapper of another kind inside the open one (a message around a submission) is nested.
        guard open == nil || open == index else { return nil }
        let isNew = seenWrapper
        open = index
        seenWrapper = true
        return isNew ? line.asStart : nil
      }
      if line.begins(with: wrapper.close, at: first), open == index {
        open = nil
        return nil
      }
    }
    return nil
  }
}

/// Splits XML at repeated documents, each with its declaration or `<edgarSubmission>` root.
struct XMLDocumentScanner: BoundaryScanner {
  private static let declaration = ASCIIText.phrase("<?xml")
  private static let root = ASCIIText.phrase("<edgarSubmission")

  /// Whether the current filing has a declaration or a root.
  private var hasDocument = false
  /// Whether the current filing has a root.
  private var hasRoot = false

  mutating func visit(_ line: ScannedLine) -> FilingSplitter.Start? {
    if line.begins(with: Self.declaration) {
      defer {
        hasDocument = true
        hasRoot = false
      }
      return hasDocument ? line.asStart : nil
    }
    if line.begins(with: Self.root), isNameEnd(line.byte(after: Self.root)) {
      defer {
        hasDocument = true
        hasRoot = true
      }
      return hasRoot ? line.asStart : nil
    }
    return nil
  }
}

/// Splits HTML at a new document after a closed one.
struct HTMLDocumentScanner: BoundaryScanner {
  private static let doctype = ASCIIText.phrase("<!DOCTYPE HTML")
  private static let root = ASCIIText.phrase("<HTML")
  private static let rootClose = ASCIIText.phrase("</HTML")

  /// Whether the current filing's `</html>` has been seen.
  private var closed = false

  @inline(__always)
  mutating func visit(_ line: ScannedLine) -> FilingSplitter.Start? {
    let opens =
      (line.begins(with: Self.doctype) && isNameEnd(line.byte(after: Self.doctype)))
      || (line.begins(with: Self.root) && isNameEnd(line.byte(after: Self.root)))
    if opens && closed {
      closed = false
      return line.asStart
    }
    if line.contains(Self.rootClose) { closed = true }
    return nil
  }
}

/// Splits plain text where a new schedule's title and header follow a signed signature block.
struct TextScheduleScanner: BoundaryScanner {
  private static let titles = ["SCHEDULE 13D", "SCHEDULE 13G"].map(ASCIIText.phrase)
  private static let signatureHeadings = ["SIGNATURES", "SIGNATURE"].map(ASCIIText.phrase)
  private static let signedMarks = ["/S/"].map(ASCIIText.phrase)
  private static let signedStarts = ["BY:", "BY :", "NAME:"].map(ASCIIText.phrase)
  private static let issuerCaption = ASCIIText.phrase("NAME OF ISSUER")
  private static let cusipCaption = ASCIIText.phrase("CUSIP NUMBER")
  /// Words of the heading above a schedule's title.
  private static let headingWords = [
    "UNITED STATES", "SECURITIES AND EXCHANGE COMMISSION", "WASHINGTON", "OMB", "EXPIRES", "ESTIMATED AVERAGE",
    "HOURS PER RESPONSE", "<PAGE>",
  ].map(ASCIIText.phrase)

  /// A title seen after a signature, waiting for its issuer and CUSIP captions.
  private struct Candidate {
    var start: FilingSplitter.Start
    var linesLeft: Int
    var hasIssuer = false
    var hasCUSIP = false
  }

  /// Whether a signature heading has been seen since the current filing began.
  private var sawSignatureHeading = false
  /// Whether a signed line has been seen after that heading.
  private var signed = false
  private var candidate: Candidate?

  @inline(__always)
  mutating func visit(_ line: ScannedLine) -> FilingSplitter.Start? {
    if var pending = candidate {
      if line.contains(Self.issuerCaption) { pending.hasIssuer = true }
      if line.contains(Self.cusipCaption) { pending.hasCUSIP = true }
      pending.linesLeft -= 1
      if pending.hasIssuer && pending.hasCUSIP {
        candidate = nil
        sawSignatureHeading = false
        signed = false
        return pending.start
      }
      candidate = pending.linesLeft > 0 ? pending : nil
      return nil
    }
    // A title and a signature heading both open with an S: other lines are told apart by that byte alone.
    let first = line.contentStart
    let opensWithS = first < line.end && ASCIIText.upper(line.bytes[first]) == UInt8(ascii: "S")
    if signed, opensWithS, isTitle(line) {
      candidate = Candidate(start: headingStart(above: line), linesLeft: FilingSplitter.titleReach)
      return nil
    }
    if opensWithS, isSignatureHeading(line) {
      sawSignatureHeading = true
    } else if sawSignatureHeading, !signed {
      signed =
        Self.signedMarks.contains { line.contains($0) } || Self.signedStarts.contains { line.begins(with: $0) }
    }
    return nil
  }

  /// Whether the line is a schedule's title: `SCHEDULE 13D` or `SCHEDULE 13G`, perhaps `/A`, then nothing
  /// or a parenthesis (`(Amendment No. 2)`, `(Rule 13d-101)`).
  private func isTitle(_ line: ScannedLine) -> Bool {
    guard let title = Self.titles.first(where: { line.begins(with: $0) }) else { return false }
    var offset = line.contentStart + title.count
    if line.begins(with: ASCIIText.phrase("/A"), at: offset) { offset += 2 }
    while offset < line.end, ASCIIText.isBlank(line.bytes[offset]) { offset += 1 }
    return offset == line.end || line.bytes[offset] == UInt8(ascii: "(")
  }

  /// Whether the line is a `SIGNATURE` or `SIGNATURES` heading, alone on its line but for a colon.
  private func isSignatureHeading(_ line: ScannedLine) -> Bool {
    guard let heading = Self.signatureHeadings.first(where: { line.begins(with: $0) }) else { return false }
    var offset = line.contentStart + heading.count
    while offset < line.end, ASCIIText.isBlank(line.bytes[offset]) || line.bytes[offset] == UInt8(ascii: ":") {
      offset += 1
    }
    return offset == line.end
  }

  /// Where a filing whose title is on this line begins: at the first non-blank line of the heading just
  /// above the title, or at the title itself.
  ///
  /// The lines above are found again from the title's bytes, up to ``FilingSplitter/headingReach`` of them
  /// (``ScannedLine/previous``), rather than each line being kept as it is scanned: a title after a signature
  /// is rare, a line scanned is not.
  private func headingStart(above line: ScannedLine) -> FilingSplitter.Start {
    var start = line.asStart
    var current = line
    for _ in 0..<FilingSplitter.headingReach {
      guard let previous = current.previous else { break }
      current = previous
      if previous.isBlank { continue }
      guard previous.end - previous.start < 160, Self.headingWords.contains(where: { previous.contains($0) }) else {
        break
      }
      start = previous.asStart
    }
    return start
  }
}

/// Whether a byte may follow an element name: a blank, `>`, `/`, or the end of the line.
private func isNameEnd(_ byte: UInt8?) -> Bool {
  guard let byte else { return true }
  return byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0x20 || byte == 0x09 || byte == 0x0D
}
