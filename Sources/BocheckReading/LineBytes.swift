/// Byte-level tests on one line of text, made on its UTF-8 bytes in place so that most lines are ruled out
/// before any `String` is built for them.
///
/// Phrases are ASCII in upper case and are matched ignoring ASCII case, byte for byte (a space matches one
/// space). A test that stands in front of a `String` comparison on upper-cased text may only rule lines
/// out: upper-casing can turn a character beyond ASCII into ASCII letters ("ı" into "I", "ﬁ" into "FI"),
/// so a line whose first significant byte is beyond ASCII must be let through to the `String` test.
enum LineBytes {
  /// The part of a text between two byte offsets, each at the start of a scalar (or at the end).
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - range: UTF-8 offsets into it.
  static func slice(_ text: String, _ range: Range<Int>) -> Substring {
    let lower = index(text, range.lowerBound)
    return text[lower..<text.utf8.index(lower, offsetBy: range.count)]
  }

  /// The index of a byte offset in a text.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - offset: A UTF-8 offset at the start of a scalar (or at the end).
  static func index(_ text: String, _ offset: Int) -> String.Index {
    text.utf8.index(text.utf8.startIndex, offsetBy: offset)
  }

  /// The text of UTF-8 bytes without the blanks (space, tab, U+00A0) at either end, as
  /// `trimmingBlanks()` gives it.
  ///
  /// - Parameter bytes: Valid UTF-8 bytes.
  static func trimmedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[trimmedRange(bytes)]), as: UTF8.self)
  }

  /// How many words a text has when cut at its spaces (U+0020 only): its runs of bytes that are not a space.
  ///
  /// For ASCII text this is `text.split(separator: " ").count`; beyond ASCII a space followed by a combining
  /// mark is one `Character` and no separator there, but a separator here.
  ///
  /// - Parameter bytes: The text's UTF-8 bytes.
  static func spaceSeparatedWordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    var inWord = false
    for byte in bytes {
      if byte == 0x20 {
        inWord = false
      } else if !inWord {
        inWord = true
        count += 1
      }
    }
    return count
  }

  /// Where the lines of a text end, found on its bytes in place.
  ///
  /// A line ends at LF, at CRLF and, when asked, at a lone CR. Most texts hold no CR at all (EDGAR's own files
  /// end their lines at LF): one search of the whole text tells so at the start, and then each line's end is
  /// its next LF, found by the C library's `memchr` (``ASCIIText/firstOffset(of:in:from:to:)``); a text with a
  /// CR is searched for either byte (``LineBytes/lineEnd(in:from:loneCarriageReturnEndsLine:)``).
  struct Breaks {
    /// The text's UTF-8 bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether a CR not followed by LF ends a line.
    let loneCarriageReturnEndsLine: Bool
    /// Whether the text holds a CR anywhere.
    private let hasCarriageReturn: Bool

    /// The line ends of a text.
    ///
    /// - Parameters:
    ///   - bytes: The text's UTF-8 bytes.
    ///   - loneCarriageReturnEndsLine: Whether a CR not followed by LF ends a line.
    init(_ bytes: UnsafeBufferPointer<UInt8>, loneCarriageReturnEndsLine: Bool) {
      self.bytes = bytes
      self.loneCarriageReturnEndsLine = loneCarriageReturnEndsLine
      hasCarriageReturn = ASCIIText.firstOffset(of: 0x0D, in: bytes, to: bytes.count) < bytes.count
    }

    /// Where the line that starts at `start` ends, and where the next one begins; `bytes.count` for both when
    /// no line end follows.
    ///
    /// - Parameter start: The offset where the line starts.
    @inline(__always)
    func lineEnd(from start: Int) -> (end: Int, next: Int) {
      guard hasCarriageReturn else {
        let count = bytes.count
        let lineFeed = ASCIIText.firstOffset(of: 0x0A, in: bytes, from: start, to: count)
        return lineFeed < count ? (lineFeed, lineFeed + 1) : (count, count)
      }
      return LineBytes.lineEnd(in: bytes, from: start, loneCarriageReturnEndsLine: loneCarriageReturnEndsLine)
    }
  }

  /// Where the line that starts at `start` ends, and where the next one begins: at LF, at CRLF and, when asked,
  /// at a lone CR; `bytes.count` for both when no line end follows. The next LF or CR is found eight bytes at a
  /// time (``ASCIIText/firstOffset(of:or:in:from:to:)``): for a few lines of a text; ``Breaks`` splits a whole
  /// text into lines.
  ///
  /// - Parameters:
  ///   - bytes: The text's UTF-8 bytes.
  ///   - start: The offset where the line starts.
  ///   - loneCarriageReturnEndsLine: Whether a CR not followed by LF ends a line.
  @inline(__always)
  static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, loneCarriageReturnEndsLine: Bool)
    -> (end: Int, next: Int)
  {
    let count = bytes.count
    var index = start
    while true {
      index = ASCIIText.firstOffset(of: 0x0A, or: 0x0D, in: bytes, from: index, to: count)
      guard index < count else { return (count, count) }
      if bytes[index] == 0x0A { return (index, index + 1) }
      if index + 1 < count && bytes[index + 1] == 0x0A { return (index, index + 2) }
      if loneCarriageReturnEndsLine { return (index, index + 1) }
      index += 1
    }
  }

  /// The offset of the first byte that is not a blank (space, tab, U+00A0) and, when asked, not a Markdown
  /// star or a line end.
  ///
  /// - Parameters:
  ///   - bytes: The line's UTF-8 bytes.
  ///   - skippingStars: Whether `*` counts as blank.
  ///   - skippingLineEnds: Whether LF and CR count as blank (as XML's white space does).
  /// - Returns: The offset, `bytes.count` when every byte is blank.
  static func firstSignificant(
    _ bytes: UnsafeBufferPointer<UInt8>, skippingStars: Bool = false, skippingLineEnds: Bool = false
  ) -> Int {
    var offset = 0
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == 0x20 || byte == 0x09 || (skippingStars && byte == 0x2A)
        || (skippingLineEnds && (byte == 0x0A || byte == 0x0D))
      {
        offset += 1
      } else if byte == 0xC2, offset + 1 < bytes.count, bytes[offset + 1] == 0xA0 {
        offset += 2
      } else {
        break
      }
    }
    return offset
  }

  /// Whether the bytes at `offset` begin with an upper-case ASCII phrase, ignoring ASCII case.
  ///
  /// - Parameters:
  ///   - phrase: The phrase, upper case: an array, or the bytes of a static text.
  ///   - bytes: The bytes to look in.
  ///   - offset: Where the phrase must start.
  @inline(__always)
  static func hasPrefix<Phrase: RandomAccessCollection<UInt8>>(
    _ phrase: Phrase, in bytes: UnsafeBufferPointer<UInt8>, at offset: Int = 0
  ) -> Bool where Phrase.Index == Int {
    guard offset + phrase.count <= bytes.count else { return false }
    for index in phrase.indices where ASCIIText.upper(bytes[offset + index - phrase.startIndex]) != phrase[index] {
      return false
    }
    return true
  }

  /// Whether a text begins with an upper-case ASCII phrase, ignoring ASCII case.
  ///
  /// - Parameters:
  ///   - phrase: The phrase, upper case.
  ///   - text: The text.
  static func hasPrefix(_ phrase: [UInt8], in text: String) -> Bool {
    ASCIIText.withUTF8(text) { hasPrefix(phrase, in: $0) }
  }

  /// Whether a text begins with any of several upper-case ASCII phrases, ignoring ASCII case.
  ///
  /// - Parameters:
  ///   - phrases: The phrases, upper case.
  ///   - text: The text.
  static func hasPrefix(anyOf phrases: [[UInt8]], in text: String) -> Bool {
    ASCIIText.withUTF8(text) { bytes in phrases.contains { hasPrefix($0, in: bytes) } }
  }

  /// Whether a text is exactly an upper-case ASCII phrase, ignoring ASCII case.
  ///
  /// - Parameters:
  ///   - phrase: The phrase, upper case.
  ///   - text: The text.
  static func equals(_ phrase: [UInt8], _ text: String) -> Bool {
    text.utf8.count == phrase.count && hasPrefix(phrase, in: text)
  }

  /// Whether the byte at `offset`, the first significant byte of a line, may start a text that, upper-cased,
  /// begins with one of the given ASCII letters: it is one of them in either case, or it is beyond ASCII.
  ///
  /// - Parameters:
  ///   - bytes: The line's UTF-8 bytes.
  ///   - offset: The offset of the byte; `bytes.count` for a blank line (which starts with no letter).
  ///   - initials: The upper-case letters.
  static func mayStart(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, withOneOf initials: [UInt8]) -> Bool {
    guard offset < bytes.count else { return false }
    let byte = bytes[offset]
    return byte >= 0x80 || initials.contains(ASCIIText.upper(byte))
  }
}

extension LineBytes {
  /// Whether the character that starts at `offset` is a letter, as `Character.isLetter` tells: an ASCII
  /// letter, or a scalar beyond ASCII with the Unicode property Alphabetic.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 bytes.
  ///   - offset: The offset of the first byte of a scalar.
  static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    let byte = bytes[offset]
    if byte < 0x80 { return ASCIIText.isLetter(byte) }
    return scalar(bytes, at: offset).value.properties.isAlphabetic
  }

  /// The scalar whose UTF-8 encoding starts at `offset`, with its length in bytes.
  ///
  /// - Parameters:
  ///   - bytes: Valid UTF-8 bytes.
  ///   - offset: The offset of the scalar's first byte.
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: Unicode.Scalar, length: Int) {
    let lead = bytes[offset]
    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    guard offset + length <= bytes.count else { return ("\u{FFFD}", 1) }
    var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
    for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The words of a text as `text.split { !$0.isLetter }` cuts them: runs of letters, where a mark that
  /// combines with the character before it (an accent, a joiner) belongs to that character.
  ///
  /// - Parameter bytes: The text's UTF-8 bytes.
  /// - Returns: The byte range of each word, in order.
  static func letterWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var words: [Range<Int>] = []
    _ = allLetterWords(bytes) { word in
      words.append(word)
      return true
    }
    return words
  }

  /// Whether every word of a text, as ``letterWords(_:)`` cuts them, satisfies a predicate, told without
  /// making the list of words: the words are handed to `predicate` in order, and the walk stops at the first
  /// one it rejects.
  ///
  /// A text without words satisfies any predicate; callers that want at least one word count the words they
  /// are handed.
  ///
  /// - Parameters:
  ///   - bytes: The text's UTF-8 bytes.
  ///   - predicate: Tells a word, given as its byte range in `bytes`.
  /// - Returns: `false` when `predicate` rejected a word, `true` otherwise.
  @inline(__always)
  static func allLetterWords(
    _ bytes: UnsafeBufferPointer<UInt8>, satisfy predicate: (Range<Int>) -> Bool
  ) -> Bool {
    var wordStart = -1
    var offset = 0
    var previousIsLetter = false
    while offset < bytes.count {
      let byte = bytes[offset]
      var length = 1
      var isLetter: Bool
      if byte < 0x80 {
        isLetter = ASCIIText.isLetter(byte)
      } else {
        let decoded = scalar(bytes, at: offset)
        length = decoded.length
        let properties = decoded.value.properties
        let extends =
          properties.isGraphemeExtend || properties.generalCategory == .spacingMark || decoded.value.value == 0x200D
        isLetter = extends && offset > 0 ? previousIsLetter : properties.isAlphabetic
      }
      if isLetter {
        if wordStart < 0 { wordStart = offset }
      } else if wordStart >= 0 {
        guard predicate(wordStart..<offset) else { return false }
        wordStart = -1
      }
      previousIsLetter = isLetter
      offset += length
    }
    return wordStart < 0 || predicate(wordStart..<bytes.count)
  }

  /// A fixed list of ASCII words, matched against a text's words ignoring ASCII case.
  struct WordList {
    /// The words, lower case, by their length in bytes: only the words of a candidate's length are compared
    /// with it.
    private let wordsByLength: [[[UInt8]]]

    /// A list of words.
    ///
    /// - Parameter words: The words, lower-case ASCII.
    init(_ words: [String]) {
      var byLength: [[[UInt8]]] = Array(repeating: [], count: (words.map(\.utf8.count).max() ?? 0) + 1)
      for word in words { byLength[word.utf8.count].append(Array(word.utf8)) }
      wordsByLength = byLength
    }

    /// Whether the bytes in `range` are one of the words, ignoring ASCII case.
    ///
    /// - Parameters:
    ///   - bytes: The text's UTF-8 bytes.
    ///   - range: A word's byte range.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
      guard range.count < wordsByLength.count else { return false }
      return wordsByLength[range.count].contains { word in
        for index in word.indices where lower(bytes[range.lowerBound + index]) != word[index] { return false }
        return true
      }
    }

    @inline(__always)
    private func lower(_ byte: UInt8) -> UInt8 {
      byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
  }
}

extension LineBytes {
  /// The range of UTF-8 bytes without the blanks (space, tab, U+00A0) at either end: the bytes
  /// ``trimmedText(_:)`` makes its text of, found without making it.
  ///
  /// - Parameters:
  ///   - bytes: Valid UTF-8 bytes.
  ///   - trimmingLineEnds: Whether LF and CR are trimmed too (as XML's white space is).
  /// - Returns: Offsets into `bytes`; empty when every byte is blank.
  static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, trimmingLineEnds: Bool = false) -> Range<Int> {
    let start = firstSignificant(bytes, skippingLineEnds: trimmingLineEnds)
    var end = bytes.count
    while end > start {
      let byte = bytes[end - 1]
      if byte == 0x20 || byte == 0x09 || (trimmingLineEnds && (byte == 0x0A || byte == 0x0D)) {
        end -= 1
      } else if byte == 0xA0, end - 1 > start, bytes[end - 2] == 0xC2 {
        end -= 2
      } else {
        break
      }
    }
    return start..<max(start, end)
  }
}
