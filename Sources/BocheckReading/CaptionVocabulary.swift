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

  /// The number of known words: their codes are `0..<count`.
  static var count: Int { lookup.count }

  /// The key bytes of the known word with a code (upper-case ASCII letters and digits), read in place from
  /// the one array that holds every known word's.
  ///
  /// - Parameter code: A known word's code, in `0..<count`.
  static func word(_ code: Int) -> ArraySlice<UInt8> {
    lookup.word(code)
  }

  /// The keys of a phrase's space-separated words, in order, the words without a letter left out: a word
  /// without a letter or a digit has no key, and a bare number ("11" of "ROW (11)") is a value, never a known
  /// word.
  ///
  /// - Parameter text: A word or a phrase, read on its UTF-8 bytes in place.
  static func keys(of text: String) -> [[UInt8]] {
    var keys: [[UInt8]] = []
    forEachKey(of: text) { word, _ in keys.append(keyBytes(word)) }
    return keys
  }

  /// The number of slots of the hash table, a power of two well above the number of words.
  private static let slotCount = 1024

  /// The known words and their hash table, built together: each key of the readers' words and phrases is
  /// looked up in the table as it grows and added when it is not there yet, so that a table built at every
  /// start costs one hash and one probe a key (no set of texts, no sort). The words' key bytes are appended
  /// to one array, one word after another.
  static let lookup: Lookup = {
    var table = Lookup(
      slots: [Int16](repeating: -1, count: slotCount), spellings: [], starts: [0], keyByte: KeyReader.keyByte)
    table.spellings.reserveCapacity(1024)
    table.starts.reserveCapacity(slotCount / 4)
    for phrase in CaptionWords.knownWords + RowCaptions.knownWords {
      forEachKey(of: phrase) { word, reader in
        var slot = Int(reader.hash) & (slotCount - 1)
        while table.slots[slot] >= 0 && !table.spells(Int(table.slots[slot]), word, length: reader.length) {
          slot = (slot + 1) & (slotCount - 1)
        }
        guard table.slots[slot] < 0 else { return }
        precondition(table.count < slotCount / 2, "the vocabulary outgrew its hash table")
        table.slots[slot] = Int16(table.count)
        for byte in word where table.keyByte[Int(byte)] != 0 { table.spellings.append(table.keyByte[Int(byte)]) }
        table.starts.append(table.spellings.count)
      }
    }
    return table
  }()

  /// Calls `body` with each word of a phrase that has a letter, in order (see ``keys(of:)``): the word's UTF-8
  /// bytes as printed and its key read (``KeyReader``), the phrase's bytes read in place.
  ///
  /// - Parameters:
  ///   - phrase: A word or a phrase, its words separated by single spaces.
  ///   - body: Takes a word's bytes and its key read.
  private static func forEachKey(of phrase: String, _ body: (UnsafeBufferPointer<UInt8>, KeyReader) -> Void) {
    KeyReader.keyByte.withUnsafeBufferPointer { keyByte in
      ASCIIText.withUTF8(phrase) { bytes in
        var start = 0
        var reader = KeyReader()
        for end in 0...bytes.count {
          guard end == bytes.count || bytes[end] == 0x20 else {
            let key = keyByte[Int(bytes[end])]
            if key != 0 { reader.read(key: key) }
            continue
          }
          // A word without a letter (no key, or digits only) is none of the known words.
          if reader.length > reader.digits { body(UnsafeBufferPointer(rebasing: bytes[start..<end]), reader) }
          start = end + 1
          reader = KeyReader()
        }
      }
    }
  }

  /// The code of a known word given as text, for the tables built at load.
  ///
  /// - Parameter text: The word; its key is looked up.
  /// - Returns: The word's code, or ``unknown``.
  static func code(_ text: String) -> Int {
    ASCIIText.withUTF8(text) { key(of: $0).code }
  }

  /// Calls `body` with the code of each word of a phrase that has a letter, in order: ``unknown`` for a word that
  /// is none of the known words.
  ///
  /// - Parameters:
  ///   - phrase: A word or a phrase, its words separated by single spaces.
  ///   - body: Takes each word's code.
  static func forEachCode(of phrase: String, _ body: (Int) -> Void) {
    let lookup = lookup
    forEachKey(of: phrase) { word, reader in body(reader.key(of: word, in: lookup).code) }
  }

  /// Whether each known word is a word of one of `phrases`, indexed by code: a word set for lookups by code.
  ///
  /// - Parameter phrases: Words and phrases, whose words (``keys(of:)``) must each be a known word.
  static func flags(_ phrases: [String]) -> [Bool] {
    var result = [Bool](repeating: false, count: count)
    for phrase in phrases {
      forEachCode(of: phrase) { code in
        precondition(code != unknown, "a word of \(phrase) is not a known caption word")
        result[code] = true
      }
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
    let lookup = lookup
    return lookup.keyByte.withUnsafeBufferPointer { keyByte in
      var reader = KeyReader()
      for byte in word {
        let key = keyByte[Int(byte)]
        if key != 0 { reader.read(key: key) }
      }
      return reader.key(of: word, in: lookup)
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
  /// reaching a global table (checked for its first use) at every word it looks up.
  struct Lookup {
    /// The hash table: each slot holds a word's code or `-1`; a collision moves on to the next slot.
    fileprivate var slots: [Int16]
    /// The known words' key bytes, one word after another in code order.
    fileprivate var spellings: [UInt8]
    /// Where each known word starts in ``spellings``, by code, and where the last one ends: word `code` is
    /// `spellings[starts[code]..<starts[code + 1]]`.
    fileprivate var starts: [Int]
    /// What each byte adds to a key (``KeyReader/keyByte``).
    fileprivate let keyByte: [UInt8]

    /// The number of known words.
    var count: Int { starts.count - 1 }

    /// The key bytes of the known word with a code, in place.
    ///
    /// - Parameter code: A known word's code.
    func word(_ code: Int) -> ArraySlice<UInt8> {
      spellings[starts[code]..<starts[code + 1]]
    }

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
        if spells(candidate, word, length: length) { return candidate }
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

    /// Whether the first `length` key bytes of a printed word (its letters and digits, upper-cased) are the
    /// known word with a code: each byte's key byte, or 0 for a byte that adds none, is read from ``keyByte``
    /// in one load.
    ///
    /// - Parameters:
    ///   - code: A known word's code.
    ///   - word: The printed word's UTF-8 bytes.
    ///   - length: How many of the word's key bytes to compare (at most its number of key bytes).
    @inline(__always)
    fileprivate func spells(_ code: Int, _ word: UnsafeBufferPointer<UInt8>, length: Int) -> Bool {
      let start = starts.withUnsafeBufferPointer { $0[code] }
      guard starts.withUnsafeBufferPointer({ $0[code + 1] }) - start == length else { return false }
      return keyByte.withUnsafeBufferPointer { keyByte in
        spellings.withUnsafeBufferPointer { spellings in
          var index = start
          let end = start + length
          for byte in word {
            let key = keyByte[Int(byte)]
            guard key != 0 else { continue }
            if index == end { return true }
            if key != spellings[index] { return false }
            index += 1
          }
          return index == end
        }
      }
    }
  }

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
