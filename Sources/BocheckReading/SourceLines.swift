/// Where a piece of a line came from in the source file.
///
/// Held as three 32-bit numbers (12 bytes): offsets, lines and columns fit, since no input is larger than
/// ``FilingReader/maximumSize``.
struct LineOrigin {
  private let storedOffset: UInt32
  private let storedLine: UInt32
  private let storedColumn: UInt32

  /// Byte offset in the line where the piece starts.
  var offset: Int { Int(storedOffset) }
  /// The 1-based source line of the piece.
  var line: Int { Int(storedLine) }
  /// The 1-based source column of the piece.
  var column: Int { Int(storedColumn) }

  /// The origin of a piece.
  ///
  /// - Parameters:
  ///   - offset: The byte offset in the line where the piece starts, below 4 GiB.
  ///   - line: The 1-based source line of the piece, below 4 Gi.
  ///   - column: The 1-based source column of the piece, below 4 Gi.
  init(offset: Int, line: Int, column: Int) {
    storedOffset = UInt32(offset)
    storedLine = UInt32(line)
    storedColumn = UInt32(column)
  }
}

/// The origins of the pieces of built lines, by 0-based line: all lines' origins in one list, and where each
/// line's start in it.
///
/// A large HTML filing has tens of thousands of lines: one list takes 12 bytes an origin and 4 a line, where a
/// list for each line would take an allocation a line.
struct LineOrigins: RandomAccessCollection {
  /// Every line's origins, one line's after the other's.
  private var pieces: [LineOrigin] = []
  /// Where each line's origins start in ``pieces``, and after them where the last line's end.
  private var starts: [UInt32] = [0]

  /// No lines.
  init() {}

  var startIndex: Int { 0 }
  var endIndex: Int { starts.count - 1 }

  /// The origins of the line at a 0-based index, sorted by offset.
  subscript(index: Int) -> ArraySlice<LineOrigin> {
    pieces[Int(starts[index])..<Int(starts[index + 1])]
  }

  /// Where the origins of the line being built (see ``appendPending(_:)``) start in ``pieces``.
  private var pendingStart = 0

  /// Adds a line's origins, after those of the line being built.
  ///
  /// - Parameter lineOrigins: Where the line's pieces came from, sorted by byte offset in the line.
  mutating func append(_ lineOrigins: some Collection<LineOrigin>) {
    pieces.append(contentsOf: lineOrigins)
    endPendingLine()
  }

  /// Adds the origin of a piece to the line being built: it is a line's only when ``endPendingLine()`` ends
  /// it, and gone when ``discardPendingLine()`` drops it.
  ///
  /// - Parameter origin: Where the piece came from, at or after the last piece's byte offset in the line.
  @inline(__always)
  mutating func appendPending(_ origin: LineOrigin) {
    pieces.append(origin)
  }

  /// The origin of the last piece of the line being built; `nil` when it has none yet.
  @inline(__always)
  var lastPending: LineOrigin? {
    pieces.count > pendingStart ? pieces[pieces.count - 1] : nil
  }

  /// Makes the origins of the line being built the next line's, and starts another line with none.
  @inline(__always)
  mutating func endPendingLine() {
    starts.append(UInt32(pieces.count))
    pendingStart = pieces.count
  }

  /// Drops the origins of the line being built.
  @inline(__always)
  mutating func discardPendingLine() {
    if pieces.count > pendingStart { pieces.removeLast(pieces.count - pendingStart) }
  }
}

/// The UTF-8 byte range of each line of a text, without its terminator, held as two 32-bit offsets a line.
///
/// A large filing has tens of thousands of lines: two offsets take 8 bytes a line where a `Range<Int>` takes 16
/// and a `Substring` 32. Offsets fit, since no input is larger than ``FilingReader/maximumSize``.
struct LineRanges: RandomAccessCollection {
  /// Each line's start and end offsets, one after the other.
  private var bounds: [UInt32] = []

  /// No lines.
  init() {}

  var startIndex: Int { 0 }
  var endIndex: Int { bounds.count / 2 }

  /// The byte range of the line at a 0-based index.
  subscript(index: Int) -> Range<Int> {
    Int(bounds[2 * index])..<Int(bounds[2 * index + 1])
  }

  /// Adds a line's byte range.
  ///
  /// Inlined into the loops that split or build lines, one call a line.
  ///
  /// - Parameter range: The range, in UTF-8 bytes of the text, below 4 GiB.
  @inline(__always)
  mutating func append(_ range: Range<Int>) {
    bounds.append(UInt32(range.lowerBound))
    bounds.append(UInt32(range.upperBound))
  }

  /// Makes room for a number of lines in all, so that adding up to that many does not grow the storage.
  ///
  /// - Parameter lines: How many lines, those held already included.
  mutating func reserveCapacity(_ lines: Int) {
    bounds.reserveCapacity(2 * lines)
  }

  /// Adds empty lines, all at one offset.
  ///
  /// - Parameters:
  ///   - count: How many lines.
  ///   - offset: Where each of them starts and ends, in UTF-8 bytes of the text, below 4 GiB.
  mutating func appendEmpty(_ count: Int, at offset: Int) {
    bounds.append(contentsOf: repeatElement(UInt32(offset), count: 2 * count))
  }

  /// Adds some of another list's lines, in one copy.
  ///
  /// - Parameters:
  ///   - other: The lines to take from.
  ///   - lines: The 0-based half-open range of `other`'s lines to add.
  mutating func append(contentsOf other: LineRanges, lines: Range<Int>) {
    bounds.append(contentsOf: other.bounds[(2 * lines.lowerBound)..<(2 * lines.upperBound)])
  }

  /// Collects a text's lines one after the other, at a few instructions a line.
  ///
  /// ``LineRanges/append(_:)`` checks that its storage is its own and has room at every line. A collector
  /// writes each line's offsets into a buffer of its own, with nothing to check, and moves them into the
  /// ranges ``chunkLines`` lines at a time. ``finish()`` must be called once, at the end: it hands over the
  /// ranges and frees the buffer.
  struct Collector {
    /// The lines moved out of ``chunk`` so far, each line's start and end offsets.
    private var bounds: [UInt32] = []
    /// The lines not yet moved into ``bounds``: room for ``chunkLines`` of them.
    private let chunk: UnsafeMutablePointer<UInt32>
    /// How many offsets ``chunk`` holds (two a line).
    private var filled = 0

    /// How many lines the buffer holds.
    static var chunkLines: Int { 256 }

    /// A collector with room for a number of lines.
    ///
    /// - Parameter lines: How many lines are expected: the ranges' storage is made that large at the start,
    ///   and grows if more come.
    init(expectedLines lines: Int) {
      chunk = .allocate(capacity: 2 * Self.chunkLines)
      bounds.reserveCapacity(2 * lines)
    }

    /// Adds a line.
    ///
    /// - Parameters:
    ///   - start: Where it starts, in UTF-8 bytes of the text, below 4 GiB.
    ///   - end: Where it ends, before its terminator, at or after `start`.
    @inline(__always)
    mutating func append(start: Int, end: Int) {
      chunk[filled] = UInt32(truncatingIfNeeded: start)
      chunk[filled + 1] = UInt32(truncatingIfNeeded: end)
      filled += 2
      if filled == 2 * Self.chunkLines { flush() }
    }

    /// Moves the lines in the buffer into the ranges.
    private mutating func flush() {
      bounds.append(contentsOf: UnsafeBufferPointer(start: chunk, count: filled))
      filled = 0
    }

    /// The lines collected, in order; the collector is done with (its buffer is freed).
    mutating func finish() -> LineRanges {
      flush()
      chunk.deallocate()
      var ranges = LineRanges()
      swap(&ranges.bounds, &bounds)
      return ranges
    }
  }
}

/// A filing's text split into lines, each able to say which source line and column its characters came from.
///
/// For text filings a line is a source line. Readers of other formats (HTML) build lines of their own, one
/// per table row or paragraph, and record for each piece of a line where it stood in the source, so that
/// every finding still points at the file's own line.
///
/// The lines are held as one text and the byte range of each line in it (built lines are joined into a text
/// of their own); a line's `Substring` is made when it is asked for.
struct SourceLines {
  /// The text the lines are taken from.
  let text: String
  /// The byte range of each line in ``text``.
  let ranges: LineRanges
  /// For built lines, where each piece came from; `nil` when lines are the source's own.
  let origins: LineOrigins?

  /// The lines without their terminators, 0-based.
  var lines: Lines { Lines(text: text, ranges: ranges) }

  /// Splits text at LF, CRLF and lone CR, scanning its UTF-8 bytes.
  init(_ text: String) {
    // The line ends are found on the bytes in place; a line is a slice of the text between two of them.
    let ranges = ASCIIText.withUTF8(text) { bytes -> LineRanges in
      var ranges = LineRanges()
      let breaks = LineBytes.Breaks(bytes, loneCarriageReturnEndsLine: true)
      var start = 0
      while start < bytes.count {
        let (end, next) = breaks.lineEnd(from: start)
        ranges.append(start..<end)
        start = next
      }
      return ranges
    }
    self.init(text, lineRanges: ranges)
  }

  /// The lines of a text whose line ends were found already, as ``init(_:)`` finds them (see
  /// ``FilingSplitter/starts(of:format:lines:)``).
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - lineRanges: The UTF-8 range of each line, without its terminator.
  init(_ text: String, lineRanges: LineRanges) {
    self.text = text
    ranges = lineRanges
    origins = nil
  }

  /// Lines built by a reader, with the origin of their pieces (each list sorted by offset).
  init(built: [(text: String, origins: [LineOrigin])]) {
    var builder = Builder()
    for line in built { builder.append(line.text.utf8, origins: line.origins) }
    self = builder.lines()
  }

  private init(text: String, ranges: LineRanges, origins: LineOrigins) {
    self.text = text
    self.ranges = ranges
    self.origins = origins
  }

  /// The line at a 1-based position.
  subscript(position: Int) -> Substring {
    LineBytes.slice(text, ranges[position - 1])
  }

  /// Part of the line at a 1-based position.
  ///
  /// - Parameters:
  ///   - position: The 1-based line.
  ///   - range: The part, in UTF-8 offsets from the line's start, on scalar boundaries.
  func slice(_ position: Int, _ range: Range<Int>) -> Substring {
    let start = ranges[position - 1].lowerBound
    return LineBytes.slice(text, (start + range.lowerBound)..<(start + range.upperBound))
  }

  /// Calls `body` with the UTF-8 bytes of the line at a 1-based position, read in place (no `Substring` is
  /// made).
  func withBytes<Result>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    lines.withBytes(position - 1, body)
  }

  /// Calls `body` with every line's UTF-8 bytes, read in place (see ``Lines/withByteLines(_:)``); a line at a
  /// 1-based position is `bytes[position - 1]`.
  func withByteLines<Result>(_ body: (ByteLines) -> Result) -> Result {
    lines.withByteLines(body)
  }

  /// How many lines there are.
  var count: Int { ranges.count }

  /// The part of ``text`` the lines span: from the first line's start to the last line's end (the lines and
  /// what ends each but the last); empty when there are no lines.
  ///
  /// Lines taken from a larger text (an SGML document's, see ``SGMLUnwrapper/Document/lines``) span only
  /// their own part of it.
  var spannedText: Substring {
    guard let first = ranges.first, let last = ranges.last else { return text[text.startIndex..<text.startIndex] }
    return LineBytes.slice(text, first.lowerBound..<last.upperBound)
  }

  /// The lines as a collection of `Substring`, 0-based, each made when it is asked for.
  struct Lines: RandomAccessCollection {
    let text: String
    let ranges: LineRanges

    var startIndex: Int { 0 }
    var endIndex: Int { ranges.count }

    /// The line at a 0-based index.
    subscript(index: Int) -> Substring { LineBytes.slice(text, ranges[index]) }

    /// Calls `body` with the UTF-8 bytes of the line at a 0-based index, read in place.
    func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
      ASCIIText.withUTF8(text) { bytes in body(UnsafeBufferPointer(rebasing: bytes[ranges[index]])) }
    }

    /// Calls `body` with every line's UTF-8 bytes, read in place: a pass over many lines takes hold of the
    /// text once rather than once a line (see ``ByteLines``).
    func withByteLines<Result>(_ body: (ByteLines) -> Result) -> Result {
      ASCIIText.withUTF8(text) { bytes in body(ByteLines(text: bytes, ranges: ranges)) }
    }
  }

  /// The lines' UTF-8 bytes by 0-based index, valid only inside ``Lines/withByteLines(_:)``.
  struct ByteLines {
    /// The whole text's bytes.
    let text: UnsafeBufferPointer<UInt8>
    /// The byte range of each line in ``text``.
    let ranges: LineRanges

    /// The bytes of the line at a 0-based index, without its terminator.
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: text[ranges[index]])
    }
  }

  /// Collects the lines a reader builds into one text, with where each line's pieces came from.
  ///
  /// A reader may build a line in place, piece by piece (``appendToPendingLine(_:)``,
  /// ``appendToPendingLine(contentsOf:)``, ``appendToPendingLine(origin:)``), and then keep it
  /// (``endPendingLine()``) or drop it (``discardPendingLine()``): its bytes and origins are written where
  /// they stay, never copied from a line buffer of the reader's.
  struct Builder {
    /// The lines added, each followed by a line feed, then the bytes of the line being built.
    private var bytes: [UInt8] = []
    private var ranges = LineRanges()
    private var origins = LineOrigins()
    /// Where the line being built starts in ``bytes``: after the last line added and its line feed.
    private var pendingStart = 0
    /// Where the last line added ends in ``bytes`` (0 when there is none): the text ends there.
    private var linesEnd = 0

    /// No lines yet.
    init() {}

    /// No lines yet, with room for the bytes of lines a reader expects to build.
    ///
    /// - Parameter capacity: How many bytes the lines are expected to hold, their line feeds included: room
    ///   for them is made at once, not in steps as they are appended.
    init(capacity: Int) {
      bytes.reserveCapacity(capacity)
    }

    /// Whether the last line added holds any byte (`false` when there is none yet).
    ///
    /// Kept as lines are added: a reader asks it at every line it ends.
    private(set) var lastLineHasText = false

    /// Adds a line, after the bytes and origins of the line being built (none, unless a reader built one).
    ///
    /// - Parameters:
    ///   - line: The line's UTF-8 bytes, without a terminator.
    ///   - origins: Where its pieces came from, sorted by byte offset in the line (copied: the caller may
    ///     reuse its list for the next line).
    mutating func append(_ line: some Collection<UInt8>, origins lineOrigins: some Collection<LineOrigin>) {
      bytes.append(contentsOf: line)
      origins.append(lineOrigins)
      endPendingBytes()
    }

    /// How many bytes the line being built holds.
    @inline(__always)
    var pendingLineCount: Int { bytes.count - pendingStart }

    /// The last byte of the line being built; `nil` when it is empty.
    @inline(__always)
    var pendingLineLast: UInt8? {
      bytes.count > pendingStart ? bytes[bytes.count - 1] : nil
    }

    /// The origin of the last piece of the line being built; `nil` when it has none.
    @inline(__always)
    var pendingLineLastOrigin: LineOrigin? { origins.lastPending }

    /// Whether the line being built holds a byte other than a space or a tab.
    func pendingLineHasText() -> Bool {
      bytes.withUnsafeBufferPointer { buffer in
        buffer[pendingStart...].contains { !ASCIIText.isBlank($0) }
      }
    }

    /// Appends a byte to the line being built.
    @inline(__always)
    mutating func appendToPendingLine(_ byte: UInt8) {
      bytes.append(byte)
    }

    /// Appends UTF-8 bytes to the line being built.
    @inline(__always)
    mutating func appendToPendingLine(contentsOf piece: some Collection<UInt8>) {
      bytes.append(contentsOf: piece)
    }

    /// Records where a piece of the line being built came from.
    ///
    /// - Parameter origin: The piece's origin, its offset counted from the line's start
    ///   (``pendingLineCount`` as the piece is appended), at or after the last origin's.
    @inline(__always)
    mutating func appendToPendingLine(origin: LineOrigin) {
      origins.appendPending(origin)
    }

    /// Adds the line being built as a line, and starts another, empty.
    @inline(__always)
    mutating func endPendingLine() {
      origins.endPendingLine()
      endPendingBytes()
    }

    /// Drops the bytes and origins of the line being built, which starts again empty.
    @inline(__always)
    mutating func discardPendingLine() {
      if bytes.count > pendingStart { bytes.removeLast(bytes.count - pendingStart) }
      origins.discardPendingLine()
    }

    /// Ends the bytes of the line being built as a line: lines are kept apart by a line feed, so that the text
    /// reads as the lines do.
    @inline(__always)
    private mutating func endPendingBytes() {
      ranges.append(pendingStart..<bytes.count)
      lastLineHasText = bytes.count > pendingStart
      linesEnd = bytes.count
      bytes.append(0x0A)
      pendingStart = bytes.count
    }

    /// The lines added, as source lines.
    ///
    /// A line whose bytes are not well-formed UTF-8 is repaired on its own, as a `String` of it would be, so
    /// that a repair never moves another line. Well-formed bytes are checked once (``UTF8Validation``), not
    /// again as the text is made.
    func lines() -> SourceLines {
      // The text ends with the last line added: neither its line feed nor a line being built is part of it.
      let text = bytes.withUnsafeBufferPointer { UTF8Validation.string(UnsafeBufferPointer(rebasing: $0[..<linesEnd])) }
      if let text {
        return SourceLines(text: text, ranges: ranges, origins: origins)
      }
      var repaired = Builder()
      for (index, range) in ranges.enumerated() {
        repaired.append(String(decoding: bytes[range], as: UTF8.self).utf8, origins: origins[index])
      }
      return repaired.lines()
    }
  }

  /// The 1-based source line where the line at `position` starts.
  func sourceLine(_ position: Int) -> Int {
    guard let origins, position >= 1, position <= origins.count else { return position }
    return origins[position - 1].first?.line ?? position
  }

  /// The source line and column of a byte offset in the line at `position`.
  ///
  /// - Parameters:
  ///   - position: The 1-based position of the line.
  ///   - offset: The byte offset in that line.
  ///   - columns: Counts the characters of that line's bytes.
  func location(position: Int, offset: Int, columns: inout ColumnCounter) -> (line: Int, column: Int) {
    guard let origins, position >= 1, position <= origins.count else {
      return (position, columns.column(at: offset))
    }
    let pieces = origins[position - 1]
    // The last piece that starts at or before the offset (the pieces are sorted by offset).
    let low = pieces.partitioningIndex { $0.offset > offset }
    guard low > pieces.startIndex else { return (position, columns.column(at: offset)) }
    let origin = pieces[low - 1]
    let pieceStart = columns.column(at: origin.offset)
    let skipped = columns.column(at: offset) - pieceStart + 1
    return (origin.line, origin.column + skipped - 1)
  }
}

/// Counts the 1-based character column of byte offsets in one line of UTF-8.
///
/// Offsets asked in rising order cost, together, one pass over the line; an offset before the last one asked
/// restarts the count from the start of the line. A line with thousands of values is thereby located in
/// time linear in its length.
struct ColumnCounter {
  /// The line's bytes, kept only when one is not ASCII.
  private let bytes: [UInt8]
  /// How many bytes the line has.
  private let count: Int
  /// Whether every byte of the line is ASCII, as most lines are: a byte's column is then its offset plus one,
  /// with nothing to count.
  private let isASCII: Bool
  private var offset = 0
  private var column = 1

  /// Starts counting at the start of a line.
  ///
  /// - Parameter bytes: The line's bytes.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    count = bytes.count
    isASCII = bytes.withUnsafeBufferPointer { ASCIIText.isASCII($0) }
  }

  /// Starts counting at the start of a line whose bytes are read only here: copied when one is not ASCII.
  ///
  /// - Parameter line: The line's bytes.
  init(_ line: UnsafeBufferPointer<UInt8>) {
    count = line.count
    isASCII = ASCIIText.isASCII(line)
    bytes = isASCII ? [] : Array(line)
  }

  /// The 1-based character column of a byte offset (clamped to the line).
  ///
  /// - Parameter target: A byte offset in the line.
  mutating func column(at target: Int) -> Int {
    let target = min(max(target, 0), count)
    if isASCII { return target + 1 }
    if target < offset {
      offset = 0
      column = 1
    }
    while offset < target {
      // Count only the first byte of each UTF-8 sequence.
      if ASCIIText.startsCharacter(bytes[offset]) { column += 1 }
      offset += 1
    }
    return column
  }
}
