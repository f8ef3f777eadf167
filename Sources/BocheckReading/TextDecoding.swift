/// Turns a filing's bytes into text.
///
/// EDGAR filings are ASCII or UTF-8 today, but older ones and word-processor drafts come in Windows-1252
/// or Latin-1. Bytes that are not valid UTF-8 are read as Windows-1252 (a superset of Latin-1's
/// printable range), so that no input is refused for its encoding and no byte is lost.
enum TextDecoding {
  /// Decodes bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8.
  ///
  /// - Parameter bytes: The file's bytes; a UTF-8 byte-order mark is dropped.
  /// - Returns: The text and whether the fallback encoding was used.
  static func decode(_ bytes: [UInt8]) -> (text: String, usedFallback: Bool) {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) {
      return (text, false)
    }
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(body.count)
    for byte in body {
      if byte >= 0x80 && byte <= 0x9F, let mapped = windows1252High[Int(byte - 0x80)] {
        scalars.append(mapped)
      } else {
        scalars.append(Unicode.Scalar(byte))
      }
    }
    return (String(scalars), true)
  }

  /// Windows-1252's characters for bytes 0x80–0x9F (`nil` where the code page leaves a byte undefined).
  private static let windows1252High: [Unicode.Scalar?] = [
    "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
    nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
  ]
}

/// Where a piece of a line came from in the source file.
struct LineOrigin {
  /// Byte offset in the line where the piece starts.
  let offset: Int
  /// The 1-based source line of the piece.
  let line: Int
  /// The 1-based source column of the piece.
  let column: Int
}

/// A filing's text split into lines, each able to say which source line and column its characters came from.
///
/// For text filings a line is a source line. Readers of other formats (HTML) build lines of their own, one
/// per table row or paragraph, and record for each piece of a line where it stood in the source, so that
/// every finding still points at the file's own line.
struct SourceLines {
  /// The lines without their terminators.
  let lines: [Substring]
  /// For built lines, where each piece came from; `nil` when lines are the source's own.
  let origins: [[LineOrigin]]?

  /// Splits text at LF, CRLF and lone CR, scanning its UTF-8 bytes.
  init(_ text: String) {
    // The line ends are found on the bytes in place; a line is a slice of the text between two of them.
    let ranges = ASCIIText.withUTF8(text) { bytes -> [Range<Int>] in
      var ranges: [Range<Int>] = []
      var start = 0
      while start < bytes.count {
        let (end, next) = LineBytes.lineEnd(in: bytes, from: start, loneCarriageReturnEndsLine: true)
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
  init(_ text: String, lineRanges: [Range<Int>]) {
    lines = lineRanges.map { LineBytes.slice(text, $0) }
    origins = nil
  }

  /// Lines built by a reader, with the origin of their pieces (each list sorted by offset).
  init(built: [(text: String, origins: [LineOrigin])]) {
    lines = built.map { Substring($0.text) }
    origins = built.map(\.origins)
  }

  /// The line at a 1-based position.
  subscript(position: Int) -> Substring {
    lines[position - 1]
  }

  /// How many lines there are.
  var count: Int { lines.count }

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
    var low = 0
    var high = pieces.count
    while low < high {
      let middle = (low + high) / 2
      if pieces[middle].offset <= offset { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return (position, columns.column(at: offset)) }
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
  /// The line's bytes.
  let bytes: [UInt8]
  private var offset = 0
  private var column = 1

  /// Starts counting at the start of a line.
  ///
  /// - Parameter bytes: The line's bytes.
  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The 1-based character column of a byte offset (clamped to the line).
  ///
  /// - Parameter target: A byte offset in the line.
  mutating func column(at target: Int) -> Int {
    let target = min(max(target, 0), bytes.count)
    if target < offset {
      offset = 0
      column = 1
    }
    while offset < target {
      // Count only the first byte of each UTF-8 sequence.
      if bytes[offset] & 0xC0 != 0x80 { column += 1 }
      offset += 1
    }
    return column
  }
}
