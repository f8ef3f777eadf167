import BocheckModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Byte-level helpers for matching ASCII phrases in text without regular expressions.
enum ASCIIText {
  /// The byte upper-cased when it is an ASCII letter.
  @inline(__always)
  static func upper(_ byte: UInt8) -> UInt8 {
    byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
  }

  /// Whether the byte is a space or a tab.
  ///
  /// A no-break space is two bytes in UTF-8 (C2 A0), which ``blankLength(_:at:end:)`` tells; the byte A0 alone
  /// is never a blank, since it also ends letters such as à, Š and Р.
  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09
  }

  /// Whether a UTF-8 byte starts a character: it is not a continuation byte (10xxxxxx). A column counts these.
  @inline(__always)
  static func startsCharacter(_ byte: UInt8) -> Bool {
    byte & 0xC0 != 0x80
  }

  /// Whether an ASCII byte is white space as Unicode has it (`Unicode.Scalar.Properties.isWhitespace`,
  /// `Character.isWhitespace`): tab, line feed, vertical tab, form feed, carriage return, space.
  @inline(__always)
  static func isWhiteSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  /// Whether every byte is ASCII (below 0x80), read eight bytes at a time.
  ///
  /// - Parameter bytes: The bytes.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    ByteWord.isASCII(bytes)
  }

  /// Whether UTF-8 text ends with an ASCII suffix as its characters tell (`String.hasSuffix`), read on its bytes.
  ///
  /// Text that does not end with the suffix's bytes does not end with it. Text that does, and is the suffix alone
  /// or has an ASCII byte before it, ends with it: an ASCII character joins no character after it but a line
  /// feed. Only after a byte beyond ASCII, which may belong to a mark that joins the suffix's first character to
  /// its own (a prepended mark, U+0600), are the characters compared.
  ///
  /// - Parameters:
  ///   - suffix: ASCII bytes, not starting with a line feed, none of them a character that a character beyond
  ///     ASCII is equivalent to (`K`, `;`, `` ` ``: the Kelvin sign, the Greek question mark, the Greek varia).
  ///   - bytes: The text's UTF-8 bytes.
  static func hasSuffix(_ suffix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= suffix.count, bytes.suffix(suffix.count).elementsEqual(suffix) else { return false }
    let before = bytes.count - suffix.count
    if before == 0 || bytes[before - 1] < 0x80 { return true }
    return String(decoding: bytes, as: UTF8.self).hasSuffix(String(decoding: suffix, as: UTF8.self))
  }

  /// The length of the blank that starts at `offset`: 1 for a space or a tab, 2 for a no-break space, 0 when
  /// the bytes there are not blank.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 bytes.
  ///   - offset: Where to look, below `end`.
  ///   - end: Where the bytes to look at end.
  @inline(__always)
  static func blankLength(_ bytes: [UInt8], at offset: Int, end: Int) -> Int {
    let byte = bytes[offset]
    if isBlank(byte) { return 1 }
    return byte == 0xC2 && offset + 1 < end && bytes[offset + 1] == 0xA0 ? 2 : 0
  }

  /// Whether the byte is an ASCII digit.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
  }

  /// Whether the byte is an ASCII letter.
  @inline(__always)
  static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  /// Finds an upper-case ASCII phrase in `haystack`, ignoring case and treating any run of blanks in the
  /// haystack as the single space of the phrase.
  ///
  /// - Parameters:
  ///   - phrase: The phrase in upper case, words separated by single spaces.
  ///   - haystack: The bytes to search.
  ///   - from: The offset to start at.
  /// - Returns: The byte range of the first match.
  static func find(_ phrase: [UInt8], in haystack: [UInt8], from: Int = 0) -> Range<Int>? {
    guard let first = phrase.first, haystack.count >= phrase.count else { return nil }
    var start = from
    while true {
      start = haystack.withUnsafeBufferPointer { nextPossibleStart(of: first, in: $0, from: start, to: $0.count) }
      guard start < haystack.count else { return nil }
      if secondByteAgrees(phrase, haystack, start, end: haystack.count),
        let end = matchLength(phrase, in: haystack, at: start)
      {
        // A match must not begin or end inside a word.
        let beginsWord = start == 0 || !isLetter(haystack[start - 1])
        let endsWord = end == haystack.count || !isLetter(haystack[end]) || !isLetter(phrase[phrase.count - 1])
        if beginsWord && endsWord { return start..<end }
      }
      start += 1
    }
  }

  /// Finds an upper-case ASCII phrase in `haystack[range]` as ``find(_:in:from:)`` finds it in a copy of
  /// those bytes: a match must not begin or end inside a word of the range.
  ///
  /// - Parameters:
  ///   - phrase: The phrase in upper case, words separated by single spaces.
  ///   - haystack: The bytes to search.
  ///   - range: The part of `haystack` to search (bytes around it are not read).
  /// - Returns: The byte range of the first match, an offset in `haystack`.
  static func find(_ phrase: [UInt8], in haystack: [UInt8], within range: Range<Int>) -> Range<Int>? {
    guard let first = phrase.first, range.count >= phrase.count else { return nil }
    var start = range.lowerBound
    while true {
      start = haystack.withUnsafeBufferPointer {
        nextPossibleStart(of: first, in: $0, from: start, to: range.upperBound)
      }
      guard start < range.upperBound else { return nil }
      if secondByteAgrees(phrase, haystack, start, end: range.upperBound),
        let end = matchLength(phrase, in: haystack, at: start, end: range.upperBound)
      {
        let beginsWord = start == range.lowerBound || !isLetter(haystack[start - 1])
        let endsWord = end == range.upperBound || !isLetter(haystack[end]) || !isLetter(phrase[phrase.count - 1])
        if beginsWord && endsWord { return start..<end }
      }
      start += 1
    }
  }

  /// Whether the byte after `start` agrees with the phrase's second byte, a cheap test before the whole
  /// phrase is compared there: a blank in the phrase matches a run of blanks, so it agrees with anything,
  /// and so does the end of the text.
  @inline(__always)
  private static func secondByteAgrees(_ phrase: [UInt8], _ haystack: [UInt8], _ start: Int, end: Int) -> Bool {
    guard phrase.count > 1, phrase[1] != 0x20, start + 1 < end else { return true }
    return upper(haystack[start + 1]) == phrase[1]
  }

  /// The offset of the first byte from `start` (inclusive) to `end` (exclusive) whose upper case is `first`:
  /// where a phrase that starts with `first` may start. `end` when there is none.
  ///
  /// Eight bytes are compared at a time: a letter is compared with its case bit set on both sides, any
  /// other byte as it is.
  ///
  /// - Parameters:
  ///   - first: The phrase's first byte (an upper-case letter or a byte that is no letter).
  ///   - buffer: The bytes to search.
  ///   - start: The offset to start at.
  ///   - end: The offset to stop at, at most `buffer.count`.
  static func nextPossibleStart(of first: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
    -> Int
  {
    // A lower-case letter is no byte's upper case.
    guard !(first >= 0x61 && first <= 0x7A) else { return max(start, end) }
    let caseBit: UInt8 = isLetter(first) ? 0x20 : 0
    return scan(for: first | caseBit, caseBit: caseBit, in: buffer, from: start, to: end)
  }

  /// The offset of the first `byte` from `start` (inclusive) to `end` (exclusive); `end` when there is none.
  ///
  /// A long range is searched by the C library's `memchr`, which compares a vector register's bytes at a
  /// time; a short one eight bytes at a time, where the call would cost more than the search.
  ///
  /// - Parameters:
  ///   - byte: The byte to find, as it is.
  ///   - buffer: The bytes to search.
  ///   - start: The offset to start at.
  ///   - end: The offset to stop at, at most `buffer.count`.
  static func firstOffset(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int)
    -> Int
  {
    guard end - start >= longRange, let base = buffer.baseAddress else {
      return scan(for: byte, caseBit: 0, in: buffer, from: start, to: end)
    }
    guard let found = memchr(base + start, Int32(byte), end - start) else { return end }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
  }

  /// The length from which a search for one byte calls `memchr` (see ``firstOffset(of:in:from:to:)``).
  static let longRange = 64

  /// The offset of the first byte from `start` (inclusive) to `end` (exclusive) that is `first` or `second`,
  /// eight bytes at a time; `end` when there is none.
  ///
  /// In each word, a byte that matches becomes zero after the exclusive or with its target; the lowest byte
  /// flagged for either target is a true match (a false flag only ever stands above a true one).
  ///
  /// - Parameters:
  ///   - first: A byte to find, as it is.
  ///   - second: The other byte to find, as it is.
  ///   - buffer: The bytes to search.
  ///   - start: The offset to start at.
  ///   - end: The offset to stop at, at most `buffer.count`.
  static func firstOffset(
    of first: UInt8, or second: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int
  ) -> Int {
    let (wideFirst, wideSecond) = (ByteWord.repeating(first), ByteWord.repeating(second))
    return firstFlagged(
      in: buffer, from: start, to: end,
      flags: { ByteWord.zeroBytes($0 ^ wideFirst) | ByteWord.zeroBytes($0 ^ wideSecond) },
      matches: { $0 == first || $0 == second })
  }

  /// The offset of the first byte from `start` (inclusive) to `end` (exclusive) that is one of five bytes,
  /// eight bytes at a time; `end` when there is none (see ``firstOffset(of:or:in:from:to:)``).
  ///
  /// - Parameters:
  ///   - targets: The bytes to find, as they are.
  ///   - buffer: The bytes to search.
  ///   - start: The offset to start at.
  ///   - end: The offset to stop at, at most `buffer.count`.
  static func firstOffset(
    ofAny targets: (UInt8, UInt8, UInt8, UInt8, UInt8), in buffer: UnsafeBufferPointer<UInt8>, from start: Int,
    to end: Int
  ) -> Int {
    let wide = (
      ByteWord.repeating(targets.0), ByteWord.repeating(targets.1), ByteWord.repeating(targets.2),
      ByteWord.repeating(targets.3), ByteWord.repeating(targets.4)
    )
    return firstFlagged(
      in: buffer, from: start, to: end,
      flags: {
        ByteWord.zeroBytes($0 ^ wide.0) | ByteWord.zeroBytes($0 ^ wide.1) | ByteWord.zeroBytes($0 ^ wide.2)
          | ByteWord.zeroBytes($0 ^ wide.3) | ByteWord.zeroBytes($0 ^ wide.4)
      },
      matches: { $0 == targets.0 || $0 == targets.1 || $0 == targets.2 || $0 == targets.3 || $0 == targets.4 })
  }

  /// The offset of the first byte from `start` (inclusive) to `end` (exclusive) that is `target` once
  /// `caseBit` is set in it, eight bytes at a time; `end` when there is none.
  ///
  /// - Parameters:
  ///   - target: The byte to find, with `caseBit` set.
  ///   - caseBit: `0x20` to find a letter in either case, `0` to find the byte as it is.
  ///   - buffer: The bytes to search.
  ///   - start: The offset to start at.
  ///   - end: The offset to stop at, at most `buffer.count`.
  private static func scan(
    for target: UInt8, caseBit: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> Int {
    let (wideCaseBit, wideTarget) = (ByteWord.repeating(caseBit), ByteWord.repeating(target))
    return firstFlagged(
      in: buffer, from: start, to: end, flags: { ByteWord.zeroBytes(($0 | wideCaseBit) ^ wideTarget) },
      matches: { $0 | caseBit == target })
  }

  /// The offset of the first byte from `start` (inclusive) to `end` (exclusive) that `matches`, eight bytes
  /// at a time; `end` when there is none.
  ///
  /// - Parameters:
  ///   - buffer: The bytes to search.
  ///   - start: The offset to start at.
  ///   - end: The offset to stop at, at most `buffer.count`.
  ///   - flags: For eight bytes read as a little-endian word, a word whose lowest set high bit marks the first
  ///     byte that matches (``ByteWord/zeroBytes(_:)`` of the bytes made zero where they match), 0 when none does.
  ///   - matches: Whether one byte matches, for the bytes after the last whole word.
  @inline(__always)
  private static func firstFlagged(
    in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, flags: (UInt64) -> UInt64,
    matches: (UInt8) -> Bool
  ) -> Int {
    guard start < end, let base = buffer.baseAddress else { return max(start, end) }
    let raw = UnsafeRawPointer(base)
    var index = start
    while index + 8 <= end {
      let flagged = flags(ByteWord.load(raw, at: index))
      if flagged != 0 { return index + flagged.trailingZeroBitCount / 8 }
      index += 8
    }
    while index < end, !matches(buffer[index]) { index += 1 }
    return index
  }

  /// Whether three bytes equal to `byte` stand one after another in a buffer, told eight bytes at a time.
  ///
  /// Each word read overlaps the one before it by two bytes, so that every run of three lies whole in one word;
  /// the bytes after the last word are told one at a time.
  ///
  /// - Parameters:
  ///   - byte: The byte to find three times in a row.
  ///   - buffer: The bytes to search.
  static func containsRunOfThree(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard buffer.count >= 3, let base = buffer.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index + 8 <= buffer.count {
      let flags = ByteWord.equalBytes(ByteWord.load(raw, at: index), byte)
      if flags & (flags >> 8) & (flags >> 16) != 0 { return true }
      index += 6
    }
    while index + 3 <= buffer.count {
      if buffer[index] == byte && buffer[index + 1] == byte && buffer[index + 2] == byte { return true }
      index += 1
    }
    return false
  }

  /// The first place where `needle` occurs in `haystack`, byte for byte (no case folding, no word boundaries).
  ///
  /// - Parameters:
  ///   - needle: The bytes to find, at least one.
  ///   - haystack: The bytes to search.
  /// - Returns: The byte range of the first occurrence.
  static func firstOccurrence(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    haystack.withUnsafeBufferPointer { bytes in
      firstOffset(of: needle, in: bytes, from: 0).map { $0..<($0 + needle.count) }
    }
  }

  /// The first place where `needle` occurs in a text at or after `start`, byte for byte (no case folding, no
  /// word boundaries), found on the text's UTF-8 bytes in place.
  ///
  /// - Parameters:
  ///   - needle: The text to find, at least one character.
  ///   - text: The text to search.
  ///   - start: Where to start; the text's start when `nil`.
  /// - Returns: The range of the first occurrence, in the text's indices.
  static func firstOccurrence<Text: StringProtocol>(of needle: String, in text: Text, from start: String.Index? = nil)
    -> Range<String.Index>?
  where Text.Index == String.Index {
    let utf8 = text.utf8
    let startOffset = start.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
    let needleBytes = Array(needle.utf8)
    let scan = { (bytes: UnsafeBufferPointer<UInt8>) in firstOffset(of: needleBytes, in: bytes, from: startOffset) }
    guard let found = utf8.withContiguousStorageIfAvailable(scan) ?? Array(utf8).withUnsafeBufferPointer(scan) else {
      return nil
    }
    let lower = utf8.index(utf8.startIndex, offsetBy: found)
    return lower..<utf8.index(lower, offsetBy: needleBytes.count)
  }

  /// The offset of the first place at or after `start` where `needle` occurs in `bytes`, byte for byte; its first
  /// byte is looked for eight bytes at a time.
  ///
  /// - Parameters:
  ///   - needle: The bytes to find, at least one.
  ///   - bytes: The bytes to search.
  ///   - start: The offset to start at.
  static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let first = needle.first, bytes.count >= needle.count else { return nil }
    let lastStart = bytes.count - needle.count
    var position = start
    while position <= lastStart {
      position = firstOffset(of: first, in: bytes, from: position, to: lastStart + 1)
      guard position <= lastStart else { return nil }
      if bytes[position..<(position + needle.count)].elementsEqual(needle) { return position }
      position += 1
    }
    return nil
  }

  /// Whether an upper-case ASCII phrase occurs in a line, ignoring case, without copying the line.
  static func contains(_ phrase: [UInt8], in line: Substring) -> Bool {
    if let found = line.utf8.withContiguousStorageIfAvailable({ contains(phrase, in: $0) }) { return found }
    return contains(phrase, in: String(line))
  }

  /// Whether an upper-case ASCII phrase occurs in `text`, ignoring case, scanning its UTF-8 bytes in place.
  static func contains(_ phrase: [UInt8], in text: String) -> Bool {
    var text = text
    return text.withUTF8 { contains(phrase, in: $0) }
  }

  /// Whether an upper-case ASCII phrase occurs in a buffer of UTF-8 bytes, ignoring case.
  static func contains(_ phrase: [UInt8], in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = phrase.first, buffer.count >= phrase.count else { return false }
    let last = buffer.count - phrase.count
    var index = nextPossibleStart(of: first, in: buffer, from: 0, to: last + 1)
    while index <= last {
      var offset = 1
      while offset < phrase.count && upper(buffer[index + offset]) == phrase[offset] { offset += 1 }
      if offset == phrase.count { return true }
      index = nextPossibleStart(of: first, in: buffer, from: index + 1, to: last + 1)
    }
    return false
  }

  /// Whether any of several upper-case ASCII phrases occurs in `text`, ignoring case, scanning its UTF-8 bytes
  /// in place (see ``containsAny(_:inBytes:)``).
  ///
  /// - Parameters:
  ///   - phrases: The phrases, upper case.
  ///   - text: The text to scan.
  static func containsAny(_ phrases: [[UInt8]], in text: String) -> Bool {
    withUTF8(text) { containsAny(phrases, inBytes: $0) }
  }

  /// Whether any of several upper-case ASCII phrases occurs in UTF-8 bytes, ignoring case, in one pass: only
  /// positions whose byte starts some phrase are tried (see ``PhraseSet/occurs(in:)``).
  ///
  /// - Parameters:
  ///   - phrases: The phrases, upper case.
  ///   - buffer: The bytes to scan.
  static func containsAny(_ phrases: [[UInt8]], inBytes buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    PhraseSet(phrases).occurs(in: buffer)
  }

  /// The first bytes of some upper-case ASCII phrases, in either case: a 256-bit set, told in one look-up
  /// before a phrase is matched at a place.
  struct PhraseInitials {
    /// One bit a byte value.
    private var bits = SIMD4<UInt64>(repeating: 0)

    /// The first bytes of the given phrases.
    ///
    /// - Parameter phrases: The phrases, upper case; an empty one adds nothing.
    init(_ phrases: [[UInt8]]) {
      for phrase in phrases {
        if let first = phrase.first { insert(first) }
      }
    }

    /// Adds a phrase's first byte, and its lower case when it is an upper-case letter.
    ///
    /// - Parameter byte: The first byte, upper case.
    mutating func insert(_ byte: UInt8) {
      bits[Int(byte >> 6)] |= 1 << UInt64(byte & 63)
      if byte >= 0x41 && byte <= 0x5A { bits[Int((byte + 0x20) >> 6)] |= 1 << UInt64((byte + 0x20) & 63) }
    }

    /// Whether a byte starts one of the phrases.
    ///
    /// - Parameter byte: The byte, in either case.
    func contains(_ byte: UInt8) -> Bool {
      bits[Int(byte >> 6)] & (1 << UInt64(byte & 63)) != 0
    }
  }

  /// Several upper-case ASCII phrases made ready for a one-pass search of UTF-8 bytes, ignoring case.
  ///
  /// The bytes that start a phrase, and the pairs of bytes, are worked out once: a reader that asks of many
  /// texts whether they hold one of the same phrases (each paragraph of a filing) makes the set once, where
  /// ``containsAny(_:inBytes:)`` makes it for each text.
  struct PhraseSet {
    /// The phrases, upper case.
    let phrases: [[UInt8]]
    /// The bytes that start some phrase, in either case.
    private var initials = PhraseInitials([])
    /// When the phrases start with at most four bytes: those bytes, with their case bits, each repeated
    /// in a word.
    private var firsts = SIMD4<UInt64>(repeating: 0)
    private var caseBits = SIMD4<UInt64>(repeating: 0)
    /// How many bytes start a phrase.
    private var firstCount = 0
    /// When the phrases start with at most four pairs of bytes: each pair's bytes and case bits, repeated.
    private var pairFirsts = SIMD4<UInt64>(repeating: 0)
    private var pairCaseBits = SIMD4<UInt64>(repeating: 0)
    private var seconds = SIMD4<UInt64>(repeating: 0)
    private var secondCaseBits = SIMD4<UInt64>(repeating: 0)
    /// How many pairs start a phrase.
    private var pairCount = 0
    /// Whether every phrase has two bytes at least, so that pairs can be looked for.
    private var pairsApply = true

    /// The set of the given phrases.
    ///
    /// - Parameter phrases: The phrases, upper case.
    init(_ phrases: [[UInt8]]) {
      self.phrases = phrases
      for phrase in phrases {
        guard let first = phrase.first else { continue }
        let isUpperLetter = first >= 0x41 && first <= 0x5A
        let alreadySeen = initials.contains(first)
        initials.insert(first)
        let caseBit: UInt8 = isUpperLetter ? 0x20 : 0
        if !alreadySeen {
          if firstCount < 4 {
            firsts[firstCount] = ByteWord.repeating(first | caseBit)
            caseBits[firstCount] = ByteWord.repeating(caseBit)
          }
          firstCount += 1
        }
        guard phrase.count >= 2 else {
          pairsApply = false
          continue
        }
        let second = phrase[1]
        let secondCaseBit: UInt8 = second >= 0x41 && second <= 0x5A ? 0x20 : 0
        let wideFirst = ByteWord.repeating(first | caseBit)
        let wideCaseBit = ByteWord.repeating(caseBit)
        let wideSecond = ByteWord.repeating(second | secondCaseBit)
        let wideSecondCaseBit = ByteWord.repeating(secondCaseBit)
        var slot = 0
        while slot < min(pairCount, 4)
          && (pairFirsts[slot] != wideFirst || pairCaseBits[slot] != wideCaseBit || seconds[slot] != wideSecond
            || secondCaseBits[slot] != wideSecondCaseBit)
        {
          slot += 1
        }
        guard slot == pairCount else { continue }
        if pairCount < 4 {
          pairFirsts[slot] = wideFirst
          pairCaseBits[slot] = wideCaseBit
          seconds[slot] = wideSecond
          secondCaseBits[slot] = wideSecondCaseBit
        }
        pairCount += 1
      }
    }

    /// Whether any of the phrases occurs in UTF-8 bytes, ignoring case.
    ///
    /// When the phrases begin with at most four pairs of bytes, eight positions at a time are told apart by
    /// both bytes ("OU" of "OUTSTANDING", not every "o"); otherwise, when they begin with at most four bytes,
    /// by the first byte; otherwise byte by byte. Each position found is tried against the phrases, so
    /// which way it is found changes only how many are tried.
    ///
    /// - Parameter buffer: The bytes to scan.
    func occurs(in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
      func startsPhrase(_ index: Int) -> Bool {
        for phrase in phrases where index + phrase.count <= buffer.count && upper(buffer[index]) == phrase[0] {
          var offset = 1
          while offset < phrase.count && upper(buffer[index + offset]) == phrase[offset] { offset += 1 }
          if offset == phrase.count { return true }
        }
        return false
      }
      var index = 0
      if pairsApply && pairCount <= 4, let base = buffer.baseAddress {
        let raw = UnsafeRawPointer(base)
        // Eight positions, each with the byte after it: the second word is the first moved on by a byte.
        while index + 9 <= buffer.count {
          let word = ByteWord.load(raw, at: index)
          let next = ByteWord.load(raw, at: index + 1)
          var flagged: UInt64 = 0
          for slot in 0..<pairCount {
            flagged |=
              ByteWord.zeroBytes((word | pairCaseBits[slot]) ^ pairFirsts[slot])
              & ByteWord.zeroBytes((next | secondCaseBits[slot]) ^ seconds[slot])
          }
          // A flag may be false past a true one (a borrow), never missing: each flagged byte is tested.
          while flagged != 0 {
            let offset = flagged.trailingZeroBitCount / 8
            if startsPhrase(index + offset) { return true }
            flagged &= flagged &- 1
          }
          index += 8
        }
      } else if firstCount <= 4, let base = buffer.baseAddress {
        while index + 8 <= buffer.count {
          let word = ByteWord.load(UnsafeRawPointer(base), at: index)
          var flagged: UInt64 = 0
          for slot in 0..<firstCount { flagged |= ByteWord.zeroBytes((word | caseBits[slot]) ^ firsts[slot]) }
          // A flag may be false past a true one (a borrow); each flagged byte is tested by the phrases anyway.
          while flagged != 0 {
            let offset = flagged.trailingZeroBitCount / 8
            if startsPhrase(index + offset) { return true }
            flagged &= flagged &- 1
          }
          index += 8
        }
      }
      while index < buffer.count {
        let byte = buffer[index]
        if initials.contains(byte) && startsPhrase(index) { return true }
        index += 1
      }
      return false
    }
  }

  /// Whether the bytes of `range`, their ASCII letters upper-cased, are `word`.
  ///
  /// Compared index by index: no `zip` iterator, whose generic type the runtime would build on first use.
  ///
  /// - Parameters:
  ///   - word: The word, upper case.
  ///   - bytes: The text's bytes.
  ///   - range: The part of `bytes` to compare.
  static func spells(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at range: Range<Int>) -> Bool {
    word.withUnsafeBufferPointer { spells($0, in: bytes, at: range) }
  }

  /// Whether the bytes of `range`, their ASCII letters upper-cased, are `word`, given in place (one of the
  /// words of a table laid out in one array).
  ///
  /// - Parameters:
  ///   - word: The word's bytes, upper case.
  ///   - bytes: The text's bytes.
  ///   - range: The part of `bytes` to compare.
  @inline(__always)
  static func spells(_ word: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at range: Range<Int>)
    -> Bool
  {
    guard range.count == word.count else { return false }
    var offset = 0
    while offset < word.count {
      if upper(bytes[range.lowerBound + offset]) != word[offset] { return false }
      offset += 1
    }
    return true
  }

  /// Whether the bytes of `range`, their ASCII letters upper-cased, are `word`, in an array's bytes.
  static func spells(_ word: [UInt8], in bytes: [UInt8], at range: Range<Int>) -> Bool {
    bytes.withUnsafeBufferPointer { spells(word, in: $0, at: range) }
  }

  /// Whether a byte occurs in `text`, scanning its UTF-8 bytes in place.
  static func containsByte(_ byte: UInt8, in text: String) -> Bool {
    withUTF8(text) { firstOffset(of: byte, in: $0, to: $0.count) < $0.count }
  }

  /// Whether a byte occurs in a substring, scanning its UTF-8 bytes in place.
  static func containsByte(_ byte: UInt8, in text: Substring) -> Bool {
    withUTF8(text) { firstOffset(of: byte, in: $0, to: $0.count) < $0.count }
  }

  /// The end offset of `phrase` matched at `start`, or `nil`.
  static func matchLength(_ phrase: [UInt8], in haystack: [UInt8], at start: Int) -> Int? {
    matchLength(phrase, in: haystack, at: start, end: haystack.count)
  }

  /// The end offset of `phrase` matched at `start` in the bytes before `end`, or `nil`.
  ///
  /// - Parameters:
  ///   - phrase: The phrase in upper case, words separated by single spaces (one or more blanks match).
  ///   - haystack: The bytes to match in.
  ///   - start: The offset where the phrase must start.
  ///   - end: The offset where the text to match ends (bytes from there on are not read).
  static func matchLength(_ phrase: [UInt8], in haystack: [UInt8], at start: Int, end: Int) -> Int? {
    var position = start
    var index = 0
    while index < phrase.count {
      let expected = phrase[index]
      guard position < end else { return nil }
      if expected == 0x20 {
        guard blankLength(haystack, at: position, end: end) > 0 else { return nil }
        while position < end, case let length = blankLength(haystack, at: position, end: end), length > 0 {
          position += length
        }
        index += 1
        continue
      }
      guard upper(haystack[position]) == expected else { return nil }
      position += 1
      index += 1
    }
    return position
  }

  /// The offset of the first byte at or after `offset` that does not begin a blank (space, tab, no-break
  /// space).
  static func skipBlanks(_ bytes: [UInt8], from offset: Int) -> Int {
    var position = offset
    while position < bytes.count, case let length = blankLength(bytes, at: position, end: bytes.count), length > 0 {
      position += length
    }
    return position
  }

  /// The bytes of a range with blanks (space, tab, no-break space) trimmed from both ends, as
  /// ``LineBytes/trimmedRange(_:)`` trims a line.
  static func trimmedRange(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    let trimmed = bytes.withUnsafeBufferPointer { LineBytes.trimmedRange(UnsafeBufferPointer(rebasing: $0[range])) }
    return (range.lowerBound + trimmed.lowerBound)..<(range.lowerBound + trimmed.upperBound)
  }

  /// A range of bytes without the bytes at either end that `isTrimmed` drops (a word without its brackets,
  /// points or commas).
  ///
  /// - Parameters:
  ///   - bytes: The bytes.
  ///   - range: The range to trim, in `bytes`.
  ///   - isTrimmed: Whether a byte at an end is dropped.
  @inline(__always)
  static func trimmedRange(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, trimming isTrimmed: (UInt8) -> Bool
  ) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end && isTrimmed(bytes[start]) { start += 1 }
    while end > start && isTrimmed(bytes[end - 1]) { end -= 1 }
    return start..<end
  }

  /// An ASCII text upper-cased, made straight from its bytes (each a character).
  ///
  /// - Parameter bytes: ASCII bytes.
  static func upperCasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { text in
      for offset in bytes.indices { text[offset] = upper(bytes[offset]) }
      return bytes.count
    }
  }

  /// Decodes a byte range as UTF-8 text (bytes came from valid text, so this does not fail).
  static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// Upper-case bytes of an ASCII phrase.
  ///
  /// The readers' tables are made of these at every start: each is one array, copied from the text's bytes in
  /// place and upper-cased where it is (not copied into an array and mapped into a second one).
  static func phrase(_ text: String) -> [UInt8] {
    var text = text
    return text.withUTF8 { bytes in
      var phrase = Array(bytes)
      phrase.withUnsafeMutableBufferPointer { phrase in
        for offset in phrase.indices { phrase[offset] = upper(phrase[offset]) }
      }
      return phrase
    }
  }
}

extension ASCIIText {
  /// Calls `body` with a text's UTF-8 bytes, in place when the text is stored contiguously.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - body: What to do with its bytes.
  @inline(__always)
  static func withUTF8<Result>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// Calls `body` with a text's UTF-8 bytes, in place when the text is stored contiguously.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - body: What to do with its bytes.
  @inline(__always)
  static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }
}

extension ASCIIText {
  /// Several upper-case ASCII phrases, each of two bytes or more, made ready for a search of UTF-8 bytes,
  /// ignoring case, sixteen positions at a time.
  ///
  /// Each position is told apart by its byte and the byte after it, compared with every phrase's first two
  /// bytes in a vector register ("OU" of "OUTSTANDING", not every "o"); only the positions that pass are tried
  /// against the phrases. ``PhraseSet`` does the same eight positions at a time in a word, with more
  /// instructions for each byte of a long text.
  struct WidePhraseSet {
    /// The phrases, upper case.
    let phrases: [[UInt8]]
    /// The pairs of bytes the phrases start with, each once: the first byte and the second, each with the
    /// case bit that a byte is compared with set in it (`0x20` for a letter, `0` for any other byte), and the
    /// case bits themselves, all repeated in every lane.
    private let pairs: [Pair]

    /// Sixteen bytes, one a lane.
    private typealias Lanes = SIMD16<UInt8>

    /// A pair of bytes a phrase starts with, as ``pairs`` holds it.
    private typealias Pair = (first: Lanes, firstCaseBits: Lanes, second: Lanes, secondCaseBits: Lanes)

    /// The set of the given phrases.
    ///
    /// - Parameter phrases: The phrases, upper case, each of two bytes or more.
    init(_ phrases: [[UInt8]]) {
      precondition(phrases.allSatisfy { $0.count >= 2 }, "a wide phrase set looks for phrases of two bytes or more")
      self.phrases = phrases
      var pairs: [Pair] = []
      var seen: [[UInt8]] = []
      for phrase in phrases where !seen.contains(Array(phrase.prefix(2))) {
        seen.append(Array(phrase.prefix(2)))
        let caseBit = { (byte: UInt8) -> UInt8 in byte >= 0x41 && byte <= 0x5A ? 0x20 : 0 }
        let (first, second) = (phrase[0], phrase[1])
        pairs.append(
          (
            Lanes(repeating: first | caseBit(first)), Lanes(repeating: caseBit(first)),
            Lanes(repeating: second | caseBit(second)), Lanes(repeating: caseBit(second))
          ))
      }
      self.pairs = pairs
    }

    /// Whether any of the phrases occurs in UTF-8 bytes, ignoring case.
    ///
    /// The bytes after the last whole sixteen are read with the sixteen before them; a text of sixteen bytes or
    /// fewer is copied into a vector padded with zero bytes, which start no phrase, and read as the others are.
    ///
    /// - Parameter buffer: The bytes to scan.
    func occurs(in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
      guard !pairs.isEmpty, let base = buffer.baseAddress else { return false }
      // The first two pairs (all of most sets) are held in registers; a second that is missing is one no text
      // holds (0xFF is no byte of UTF-8).
      let first = pairs[0]
      let second = pairs.count >= 2 ? pairs[1] : (Lanes(repeating: 0xFF), Lanes(), Lanes(repeating: 0xFF), Lanes())
      let others = pairs.dropFirst(2)
      let raw = UnsafeRawPointer(base)
      var index = 0
      // Sixteen positions, each with the byte after it: the second vector is the first moved on by a byte.
      while index + 17 <= buffer.count {
        let here = raw.loadUnaligned(fromByteOffset: index, as: Lanes.self)
        let next = raw.loadUnaligned(fromByteOffset: index + 1, as: Lanes.self)
        let found = WidePhraseSet.starts(first, second, others, here, next)
        if startsPhrase(flagged: ASCIIText.laneFlags(found), at: index, in: buffer) { return true }
        index += 16
      }
      guard index < buffer.count else { return false }
      if index > 0 {
        // The last sixteen positions, read from where they end: those before `index` were told already, and
        // are told again.
        let last = buffer.count - 17
        let here = raw.loadUnaligned(fromByteOffset: last, as: Lanes.self)
        let next = raw.loadUnaligned(fromByteOffset: last + 1, as: Lanes.self)
        let found = WidePhraseSet.starts(first, second, others, here, next)
        return startsPhrase(flagged: ASCIIText.laneFlags(found), at: last, in: buffer)
      }
      // A text of sixteen bytes or fewer.
      var padded = (Lanes(repeating: 0), Lanes(repeating: 0))
      let rest = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[index...])
      return withUnsafeMutableBytes(of: &padded) { tail in
        tail.copyMemory(from: rest)
        let here = tail.loadUnaligned(fromByteOffset: 0, as: Lanes.self)
        let next = tail.loadUnaligned(fromByteOffset: 1, as: Lanes.self)
        let found = WidePhraseSet.starts(first, second, others, here, next)
        return startsPhrase(flagged: ASCIIText.laneFlags(found), at: index, in: buffer)
      }
    }

    /// The lanes where any of the pairs stands (see ``starts(_:_:_:)``).
    @inline(__always)
    private static func starts(
      _ first: Pair, _ second: Pair, _ others: ArraySlice<Pair>, _ here: Lanes, _ next: Lanes
    ) -> SIMDMask<SIMD16<Int8>> {
      var found = starts(first, here, next) .| starts(second, here, next)
      for pair in others { found .|= starts(pair, here, next) }
      return found
    }

    /// The lanes where a pair of bytes stands: its first byte in `here`, its second in `next`, each compared
    /// with its case bit set.
    @inline(__always)
    private static func starts(_ pair: Pair, _ here: Lanes, _ next: Lanes) -> SIMDMask<SIMD16<Int8>> {
      ((here | pair.firstCaseBits) .== pair.first) .& ((next | pair.secondCaseBits) .== pair.second)
    }

    /// Whether a phrase starts at one of the flagged positions of sixteen starting at `index`.
    @inline(__always)
    private func startsPhrase(flagged: SIMD2<UInt64>, at index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
      guard flagged[0] | flagged[1] != 0 else { return false }
      for half in 0..<2 {
        var bits = flagged[half]
        while bits != 0 {
          if startsPhrase(at: index + 8 * half + bits.trailingZeroBitCount / 8, in: buffer) { return true }
          bits &= bits &- 1
        }
      }
      return false
    }

    /// Whether a phrase starts at `index`, ignoring case.
    private func startsPhrase(at index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
      for phrase in phrases where index + phrase.count <= buffer.count {
        var offset = 0
        while offset < phrase.count && upper(buffer[index + offset]) == phrase[offset] { offset += 1 }
        if offset == phrase.count { return true }
      }
      return false
    }
  }
}

extension ASCIIText {
  /// The offset of the first byte from `start` (inclusive) to `end` (exclusive) that `matches` flags, sixteen
  /// bytes at a time; `end` when there is none.
  ///
  /// The bytes after the last whole sixteen are told one at a time, each repeated in every lane of a vector.
  ///
  /// - Parameters:
  ///   - bytes: The text's bytes.
  ///   - start: The offset to start at.
  ///   - end: The offset to stop at, at most `bytes.count`.
  ///   - matches: For sixteen bytes, the lanes of those to find.
  @inline(__always)
  static func firstOffset(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
    matching matches: (SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>>
  ) -> Int {
    guard start < end, let base = bytes.baseAddress else { return max(start, end) }
    let raw = UnsafeRawPointer(base)
    var index = start
    while index + 16 <= end {
      let flagged = laneFlags(matches(raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)))
      if flagged[0] != 0 { return index + flagged[0].trailingZeroBitCount / 8 }
      if flagged[1] != 0 { return index + 8 + flagged[1].trailingZeroBitCount / 8 }
      index += 16
    }
    while index < end {
      if matches(SIMD16<UInt8>(repeating: bytes[index]))[0] { return index }
      index += 1
    }
    return end
  }

  /// The lanes of a mask as the high bit of each lane's byte in two words (lane 0 the lowest byte of the
  /// first).
  @inline(__always)
  static func laneFlags(_ found: SIMDMask<SIMD16<Int8>>) -> SIMD2<UInt64> {
    unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 0x80, where: found), to: SIMD2<UInt64>.self)
  }
}
