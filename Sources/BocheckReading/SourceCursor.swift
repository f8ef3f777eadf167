import BocheckModel

/// A place in a text's UTF-8 bytes, with its 1-based line kept as the place moves and its 1-based column
/// counted only when asked.
///
/// A reader that walks a whole text (the XML scanner, the HTML flattener) moves the cursor over runs of bytes
/// at once; line feeds are counted eight bytes at a time. A column counts characters (bytes that do not
/// continue a UTF-8 sequence) from the start of the line, and each is counted on from the last one asked on
/// the same line, so asking for columns along a line of any length costs, in all, one pass over it. A reader that
/// has itself read a run's bytes (the HTML flattener's words and blanks) moves over it with what it counted, and
/// the bytes are not looked at again. In a text of ASCII bytes only, every byte is a character and nothing is
/// counted: a column is the distance from the line's start.
struct SourceCursor {
  /// The byte offset.
  private(set) var offset = 0
  /// The 1-based line at `offset`.
  private(set) var line = 1
  /// Where the line at `offset` starts.
  private var lineStart = 0
  /// The last column counted, and the offset it was counted at.
  private var countedColumn = 1
  private var countedOffset = 0
  /// Whether the text holds ASCII bytes only: a column is then the distance from the line's start, and no
  /// byte is counted.
  private let textIsASCII: Bool

  /// A cursor at the start of a text.
  ///
  /// - Parameters:
  ///   - textIsASCII: Whether the text holds ASCII bytes only (``ASCIIText/isASCII(_:)``), so that every byte
  ///     is a character; `false` when it is not known.
  ///   - firstLine: The 1-based line the text's first byte is on: a part of a longer text is read with that
  ///     text's line numbers.
  init(textIsASCII: Bool = false, firstLine: Int = 1) {
    self.textIsASCII = textIsASCII
    line = firstLine
  }

  /// Moves forward to `target`, counting the line feeds passed; a target behind the cursor leaves it where
  /// it is.
  ///
  /// - Parameters:
  ///   - target: The byte offset to move to, at most `bytes.count`.
  ///   - bytes: The text's UTF-8 bytes.
  mutating func move(to target: Int, in bytes: UnsafeBufferPointer<UInt8>) {
    let end = min(target, bytes.count)
    guard end > offset, let base = bytes.baseAddress else { return }
    var index = offset
    while index + 8 <= end {
      // A byte of `lineFeeds` has its high bit set exactly where the word holds a line feed.
      let lineFeeds = ByteWord.equalBytes(ByteWord.load(UnsafeRawPointer(base), at: index), 0x0A)
      if lineFeeds != 0 {
        line += lineFeeds.nonzeroBitCount
        lineStart = index + (63 - lineFeeds.leadingZeroBitCount) / 8 + 1
      }
      index += 8
    }
    while index < end {
      if bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    offset = end
  }

  /// Moves forward to `target` over bytes that hold no line feed, as the caller knows from reading them (a word,
  /// a Unicode space): no byte is looked at again. Debug builds check that none is a line feed.
  ///
  /// - Parameters:
  ///   - target: The byte offset to move to, at most `bytes.count`; one behind the cursor leaves it where it is.
  ///   - bytes: The text's UTF-8 bytes.
  mutating func moveWithinLine(to target: Int, in bytes: UnsafeBufferPointer<UInt8>) {
    guard target > offset else { return }
    assert(target <= bytes.count && !bytes[offset..<target].contains(0x0A), "a line feed passed as within a line")
    offset = target
  }

  /// Moves forward to `target` over bytes that hold no line feed and `characters` characters, as the caller
  /// knows from reading them (a word): a column counted at the cursor is carried on, so that the next column
  /// asked is counted from `target`. Debug builds check the characters.
  ///
  /// - Parameters:
  ///   - target: The byte offset to move to, after the cursor and at most `bytes.count`.
  ///   - characters: How many bytes from the cursor to `target` do not continue a UTF-8 sequence.
  ///   - bytes: The text's UTF-8 bytes.
  mutating func moveWithinLine(to target: Int, characters: Int, in bytes: UnsafeBufferPointer<UInt8>) {
    assert(bytes[offset..<target].count(where: ASCIIText.startsCharacter) == characters, "characters miscounted")
    if countedOffset == offset && countedOffset >= lineStart {
      countedColumn += characters
      countedOffset = target
    }
    moveWithinLine(to: target, in: bytes)
  }

  /// Moves forward to `target` over a run of bytes the caller has read, which holds `lineFeeds` line feeds, the
  /// last of them at `lastLineFeed`: no byte is looked at again. Debug builds check the count.
  ///
  /// - Parameters:
  ///   - target: The byte offset to move to, after the cursor and at most `bytes.count`.
  ///   - lineFeeds: How many line feeds the bytes from the cursor to `target` hold.
  ///   - lastLineFeed: The offset of the last of them (any value when there is none).
  ///   - bytes: The text's UTF-8 bytes.
  mutating func move(
    to target: Int, passing lineFeeds: Int, lastAt lastLineFeed: Int, in bytes: UnsafeBufferPointer<UInt8>
  ) {
    assert(target > offset && target <= bytes.count, "a move backwards or past the end")
    assert(bytes[offset..<target].count(where: { $0 == 0x0A }) == lineFeeds, "line feeds miscounted")
    if lineFeeds > 0 {
      line += lineFeeds
      lineStart = lastLineFeed + 1
    }
    offset = target
  }

  /// The 1-based column at the cursor.
  ///
  /// - Parameter bytes: The text's UTF-8 bytes, the same as the cursor moved in.
  mutating func column(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if textIsASCII { return offset - lineStart + 1 }
    if countedOffset < lineStart || countedOffset > offset {
      countedColumn = 1
      countedOffset = lineStart
    }
    guard let base = bytes.baseAddress else { return countedColumn }
    var index = countedOffset
    var characters = 0
    while index + 8 <= offset {
      let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
      // A continuation byte is 10xxxxxx: its high bit set and the bit under it clear.
      let continuations = word & ~(word << 1) & ByteWord.highBits
      characters += 8 - continuations.nonzeroBitCount
      index += 8
    }
    while index < offset {
      if ASCIIText.startsCharacter(bytes[index]) { characters += 1 }
      index += 1
    }
    countedColumn += characters
    countedOffset = offset
    return countedColumn
  }
}
