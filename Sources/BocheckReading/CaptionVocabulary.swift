/// The normalised words the caption readers compare printed words with, numbered once at load.
///
/// A word's *key* is its ASCII letters and digits, upper-cased (``keys(of:)``). The
/// readers compare keys with a fixed set of words: the caption vocabulary and identification labels of
/// ``CaptionWords``, the key words, fillers and value words of ``RowCaptions``. Each of those words gets a
/// small number, its *code*, and a printed word is looked up by its bytes in a hash table built at load,
/// so that no `String` is made per printed word. A key that is none of the known words has code `-1`.
enum CaptionVocabulary {
  /// The code of a key that is none of the known words.
  static let unknown = -1

  /// The known words, upper-case ASCII letters and digits, in code order: the order the readers first give
  /// them in (a code is a number inside the readers; no order of them means anything).
  static let words: [[UInt8]] = table.words

  /// The number of bytes of each known word, in code order: a word's length without its bytes.
  static let wordLengths: [Int] = words.map(\.count)

  /// The keys of a phrase's space-separated words, in order, the words without a letter left out: a word
  /// without a letter or a digit has no key, and a bare number ("11" of "ROW (11)") is a value, never a known
  /// word.
  ///
  /// - Parameter text: A word or a phrase, read on its UTF-8 bytes in place.
  static func keys(of text: String) -> [[UInt8]] {
    var buffer: [UInt8] = []
    var ranges: [Range<Int>] = []
    appendKeys(of: text, to: &buffer, ranges: &ranges)
    return ranges.map { Array(buffer[$0]) }
  }

  /// Appends the keys of a phrase's space-separated words to one buffer, with where each stands in it: the
  /// words' ASCII letters and digits upper-cased, a word without a letter left out (see ``keys(of:)``).
  ///
  /// - Parameters:
  ///   - text: A word or a phrase, read on its UTF-8 bytes in place.
  ///   - buffer: The buffer the keys' bytes are appended to.
  ///   - ranges: The byte range in `buffer` of each key appended, in order.
  private static func appendKeys(of text: String, to buffer: inout [UInt8], ranges: inout [Range<Int>]) {
    ASCIIText.withUTF8(text) { bytes in
      var start = buffer.count
      var hasLetter = false
      func endWord() {
        if hasLetter {
          ranges.append(start..<buffer.count)
        } else {
          buffer.removeSubrange(start...)
        }
        start = buffer.count
        hasLetter = false
      }
      for byte in bytes {
        if byte == 0x20 {
          endWord()
        } else if ASCIIText.isLetter(byte) || ASCIIText.isDigit(byte) {
          hasLetter = hasLetter || ASCIIText.isLetter(byte)
          buffer.append(ASCIIText.upper(byte))
        }
      }
      endWord()
    }
  }

  /// The number of slots of the hash table, a power of two well above the number of words.
  private static let slotCount = 1024

  /// The hash table: each slot holds a word's code or `-1`; a collision moves on to the next slot.
  private static let slots: [Int16] = table.slots

  /// The known words and their hash table, built together: each key of the readers' words and phrases is
  /// looked up in the table as it grows and added when it is not there yet, so that a table built at every
  /// start costs one hash and one probe a key (no set of texts, no sort).
  private static let table: (words: [[UInt8]], slots: [Int16]) = {
    var words: [[UInt8]] = []
    var slots = [Int16](repeating: -1, count: slotCount)
    forEachKey(of: CaptionWords.knownWords + RowCaptions.knownWords) { key in
      var slot = Int(hash(key)) & (slotCount - 1)
      while slots[slot] >= 0 && !words[Int(slots[slot])].elementsEqual(key) { slot = (slot + 1) & (slotCount - 1) }
      guard slots[slot] < 0 else { return }
      precondition(words.count < slotCount / 2, "the vocabulary outgrew its hash table")
      slots[slot] = Int16(words.count)
      words.append(Array(key))
    }
    return (words, slots)
  }()

  /// Calls `body` with the key of each word of each phrase, in order (see ``keys(of:)``), read from one buffer.
  private static func forEachKey(of phrases: [String], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var buffer: [UInt8] = []
    var keys: [Range<Int>] = []
    for phrase in phrases { appendKeys(of: phrase, to: &buffer, ranges: &keys) }
    buffer.withUnsafeBufferPointer { buffer in
      for range in keys { body(UnsafeBufferPointer(rebasing: buffer[range])) }
    }
  }

  /// The FNV-1a hash of a key's bytes.
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var value = KeyReader.offsetBasis
    for byte in key { value = (value ^ UInt32(byte)) &* KeyReader.prime }
    return value
  }

  /// The code of a known word given as text, for the tables built at load.
  ///
  /// - Parameter text: The word; its key is looked up.
  /// - Returns: The word's code, or ``unknown``.
  static func code(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { key(of: $0).code }
  }

  /// Whether each known word is a word of one of `phrases`, indexed by code: a word set for lookups by code.
  ///
  /// - Parameter phrases: Words and phrases, whose words (``keys(of:)``) must each be a known word.
  static func flags(_ phrases: [String]) -> [Bool] {
    var result = [Bool](repeating: false, count: words.count)
    forEachKey(of: phrases) { key in
      let code = code(hash: hash(key), length: key.count, spelledBy: key)
      precondition(code != unknown, "\(String(decoding: key, as: UTF8.self)) is not a known caption word")
      result[code] = true
    }
    return result
  }

  /// The key of a printed word: its code, its length and whether it is all digits.
  ///
  /// The word's bytes are read in place; bytes other than ASCII letters and digits are skipped, so a
  /// key already normalised gives the same answer as the word it came from.
  ///
  /// - Parameter word: The word's UTF-8 bytes.
  static func key(of word: UnsafeBufferPointer<UInt8>) -> WordKey {
    // One load a byte tells whether it counts and what it counts as (``KeyReader/keyByte``).
    KeyReader.keyByte.withUnsafeBufferPointer { keyByte in
      var reader = KeyReader()
      for byte in word {
        let key = keyByte[Int(byte)]
        if key != 0 { reader.read(key: key) }
      }
      return reader.key(of: word)
    }
  }

  /// The code of the known word that the first `length` key bytes of a printed word spell, given their
  /// hash (``KeyReader``), or ``unknown``.
  ///
  /// - Parameters:
  ///   - hash: The hash of the key's first `length` bytes.
  ///   - length: How many of the key's bytes to look up (the whole key, or all but its last).
  ///   - word: The printed word's UTF-8 bytes, to compare with a candidate.
  static func code(hash: UInt32, length: Int, spelledBy word: UnsafeBufferPointer<UInt8>) -> Int {
    lookup.code(hash: hash, length: length, spelledBy: word)
  }

  /// The hash table and the known words, held together: a scan of many words takes them once, rather than
  /// reaching the two global tables (each checked for its first use) at every word it looks up.
  struct Lookup {
    /// The hash table (``CaptionVocabulary/slots``).
    fileprivate let slots: [Int16]
    /// The known words (``CaptionVocabulary/words``).
    fileprivate let words: [[UInt8]]
    /// What each byte adds to a key (``KeyReader/keyByte``).
    fileprivate let keyByte: [UInt8]

    /// The code of the known word that the first `length` key bytes of a printed word spell, given their
    /// hash, or ``CaptionVocabulary/unknown`` (``CaptionVocabulary/code(hash:length:spelledBy:)``).
    ///
    /// - Parameters:
    ///   - hash: The hash of the key's first `length` bytes.
    ///   - length: How many of the key's bytes to look up (the whole key, or all but its last).
    ///   - word: The printed word's UTF-8 bytes, to compare with a candidate.
    @inline(__always)
    func code(hash: UInt32, length: Int, spelledBy word: UnsafeBufferPointer<UInt8>) -> Int {
      guard length > 0 else { return unknown }
      var slot = Int(hash) & (slotCount - 1)
      while slots[slot] >= 0 {
        let candidate = Int(slots[slot])
        if words[candidate].count == length && startsWithKey(word, words[candidate]) { return candidate }
        slot = (slot + 1) & (slotCount - 1)
      }
      return unknown
    }

    /// The last key byte of a word that has one: its last letter, upper-cased, or digit.
    ///
    /// - Parameter word: The word's UTF-8 bytes, a letter or a digit among them.
    @inline(__always)
    fileprivate func lastKeyByte(of word: UnsafeBufferPointer<UInt8>) -> UInt8 {
      keyByte.withUnsafeBufferPointer { keyByte in
        var index = word.count - 1
        while keyByte[Int(word[index])] == 0 { index -= 1 }
        return keyByte[Int(word[index])]
      }
    }

    /// Whether a word's letters and digits, upper-cased, start with the known word's bytes: each byte's key
    /// byte, or 0 for a byte that adds none, is read from ``keyByte`` in one load.
    @inline(__always)
    private func startsWithKey(_ word: UnsafeBufferPointer<UInt8>, _ known: [UInt8]) -> Bool {
      keyByte.withUnsafeBufferPointer { keyByte in
        known.withUnsafeBufferPointer { known in
          var index = 0
          for byte in word {
            let key = keyByte[Int(byte)]
            guard key != 0 else { continue }
            if index == known.count { return true }
            if key != known[index] { return false }
            index += 1
          }
          return index == known.count
        }
      }
    }
  }

  /// The tables words are looked up in, for scans that look up many.
  static let lookup = Lookup(slots: slots, words: words, keyByte: KeyReader.keyByte)

  /// The key of a printed word, its ASCII letters and digits upper-cased, as bytes.
  ///
  /// - Parameter word: The word's UTF-8 bytes.
  static func keyBytes(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    word.compactMap { ASCIIText.isLetter($0) || ASCIIText.isDigit($0) ? ASCIIText.upper($0) : nil }
  }
}

/// Reads a printed word's key byte by byte, as a scan of the word goes: its hash, its length, its digits.
///
/// A byte read costs the hash's step and two counts; what only a word's end needs (its last key byte, the
/// hash of its key without that byte) is worked out there (``singularCode(of:)``).
struct KeyReader {
  /// The FNV-1a offset basis, the hash of an empty key.
  static let offsetBasis: UInt32 = 2_166_136_261
  /// The FNV-1a prime a hash step multiplies by.
  static let prime: UInt32 = 16_777_619
  /// The inverse of ``prime`` modulo 2^32, which undoes a hash step's multiplication: the hash of a key
  /// without its last byte is worked out from the key's hash, not kept byte by byte.
  ///
  /// Newton's iteration `x = x (2 - prime x)` doubles the low bits that are right each step; an odd number
  /// is its own inverse modulo 8, so four steps give all 32 bits (3, 6, 12, 24, then 48 bits right).
  static let primeInverse: UInt32 = {
    var inverse = prime
    for _ in 0..<4 { inverse = inverse &* (2 &- prime &* inverse) }
    return inverse
  }()

  /// The FNV-1a hash of the key bytes read.
  private(set) var hash: UInt32 = offsetBasis
  /// How many key bytes were read.
  private(set) var length = 0
  /// How many of them are digits.
  private(set) var digits = 0

  /// Reads one byte of the word: a letter or a digit adds to the key, any other byte is skipped.
  @inline(__always)
  mutating func read(_ byte: UInt8) {
    guard ASCIIText.isDigit(byte) || ASCIIText.isLetter(byte) else { return }
    read(key: ASCIIText.upper(byte))
  }

  /// Reads one key byte of the word: an upper-case ASCII letter or a digit (``keyByte``).
  @inline(__always)
  mutating func read(key: UInt8) {
    // A word's count of bytes cannot overflow: the counts wrap rather than test for it at every byte.
    hash = (hash ^ UInt32(key)) &* Self.prime
    length &+= 1
    if key <= 0x39 { digits &+= 1 }
  }

  /// For each byte, what it adds to a word's key: the letter upper-cased, the digit itself, or 0 for any
  /// other byte, which adds nothing. One load tells a scan both whether a byte counts and what it counts as.
  static let keyByte: [UInt8] = (0...255).map { value in
    let byte = UInt8(value)
    return ASCIIText.isLetter(byte) || ASCIIText.isDigit(byte) ? ASCIIText.upper(byte) : 0
  }

  /// The key read, looked up.
  ///
  /// - Parameter word: The word's UTF-8 bytes (those read).
  func key(of word: UnsafeBufferPointer<UInt8>) -> WordKey {
    key(of: word, in: CaptionVocabulary.lookup)
  }

  /// The key read, looked up in tables taken once for many words.
  ///
  /// - Parameters:
  ///   - word: The word's UTF-8 bytes (those read).
  ///   - lookup: The vocabulary's tables (``CaptionVocabulary/lookup``).
  @inline(__always)
  func key(of word: UnsafeBufferPointer<UInt8>, in lookup: CaptionVocabulary.Lookup) -> WordKey {
    WordKey(code: lookup.code(hash: hash, length: length, spelledBy: word), length: length, digits: digits)
  }

  /// The code of the key without its final "S" ("NAMES", "PERSONS"), or ``CaptionVocabulary/unknown`` when
  /// the key does not end in "S" or its stem is no known word.
  ///
  /// The key's last byte is the word's last letter or digit, found from the word's end; the stem's hash is the
  /// key's hash with its last step undone (``primeInverse``).
  ///
  /// - Parameter word: The word's UTF-8 bytes (those read).
  func singularCode(of word: UnsafeBufferPointer<UInt8>) -> Int {
    singularCode(of: word, in: CaptionVocabulary.lookup)
  }

  /// The code of the key without its final "S" (``singularCode(of:)``), looked up in tables taken once for
  /// many words.
  ///
  /// - Parameters:
  ///   - word: The word's UTF-8 bytes (those read).
  ///   - lookup: The vocabulary's tables (``CaptionVocabulary/lookup``).
  @inline(__always)
  func singularCode(of word: UnsafeBufferPointer<UInt8>, in lookup: CaptionVocabulary.Lookup) -> Int {
    guard length > 0 else { return CaptionVocabulary.unknown }
    // The key byte table is the lookup's, taken once for many words, not the global one checked at every word.
    let last = lookup.lastKeyByte(of: word)
    guard last == 0x53 else { return CaptionVocabulary.unknown }
    let stemHash = (hash &* Self.primeInverse) ^ UInt32(last)
    return lookup.code(hash: stemHash, length: length - 1, spelledBy: word)
  }
}

/// What the caption readers need of a printed word's key (its ASCII letters and digits, upper-cased).
struct WordKey: Equatable {
  /// The known word the key spells (``CaptionVocabulary``), or ``CaptionVocabulary/unknown``.
  let code: Int
  /// The number of letters and digits.
  let length: Int
  /// The number of digits.
  let digits: Int

  /// Whether the key is digits only (and not empty).
  var isAllDigits: Bool { length > 0 && digits == length }

  /// Whether the key has no letter and no digit.
  var isEmpty: Bool { length == 0 }
}
