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
  /// How many bits of a key's hash (``KeyReader/hash(window:length:)``) pick its slot: its top ones.
  private static let slotBits = 10

  /// The slot a key's hash starts its search at: the hash's top ``slotBits`` bits, the ones every bit of
  /// the key's last seven bytes and of its length stir.
  ///
  /// - Parameter hash: A key's hash.
  @inline(__always)
  fileprivate static func slot(of hash: UInt32) -> Int {
    Int(hash >> (32 - slotBits))
  }

  /// The known words and their hash table, built together: each key of the readers' words and phrases is
  /// looked up in the table as it grows and added when it is not there yet, so that a table built at every
  /// start costs one hash and one probe a key (no set of texts, no sort). The words' key bytes are appended
  /// to one array, one word after another.
  static let lookup: Lookup = {
    var table = Lookup(
      slots: [Int16](repeating: -1, count: slotCount), spellings: [], starts: [0], wholeWindows: [],
      keyByte: KeyReader.keyByte)
    table.spellings.reserveCapacity(1024)
    table.starts.reserveCapacity(slotCount / 4)
    table.wholeWindows.reserveCapacity(slotCount / 4)
    for phrase in CaptionWords.knownWords + RowCaptions.knownWords {
      forEachKey(of: phrase) { word, reader in
        var slot = CaptionVocabulary.slot(of: reader.hash)
        while table.slots[slot] >= 0 && !table.spells(Int(table.slots[slot]), word, length: reader.length) {
          slot = (slot + 1) & (slotCount - 1)
        }
        guard table.slots[slot] < 0 else { return }
        precondition(table.count < slotCount / 2, "the vocabulary outgrew its hash table")
        table.slots[slot] = Int16(table.count)
        for byte in word where table.keyByte[Int(byte)] != 0 { table.spellings.append(table.keyByte[Int(byte)]) }
        table.starts.append(table.spellings.count)
        table.wholeWindows.append(reader.holdsWholeKey ? reader.window : 0)
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

  /// The code of the known word that the first `length` key bytes of a printed word spell, given their last
  /// eight (``KeyReader/window``), or ``unknown``.
  ///
  /// - Parameters:
  ///   - window: The last eight of the key's first `length` bytes, the last in the lowest byte.
  ///   - length: How many of the key's bytes to look up (the whole key, or all but its last).
  ///   - word: The printed word's UTF-8 bytes, to compare with a candidate when the window is not the whole key.
  static func code(window: UInt64, length: Int, spelledBy word: UnsafeBufferPointer<UInt8>) -> Int {
    lookup.code(window: window, length: length, isWhole: length <= 8, spelledBy: word)
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
    /// Each known word's key as a ``KeyReader/window``, by code, when the window holds the whole key (eight
    /// bytes or fewer), and 0 otherwise: no key's window is 0, since no key byte is.
    ///
    /// A window holds no byte 0 below its key's, so two windows of keys of eight bytes or fewer are equal
    /// only when the keys are: a printed word's key that short is compared with a known word's in one test.
    fileprivate var wholeWindows: [UInt64]
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
    /// last eight, or ``CaptionVocabulary/unknown`` (``CaptionVocabulary/code(window:length:spelledBy:)``).
    ///
    /// A key whose window is whole is compared with a candidate's whole window (``wholeWindows``) in one test;
    /// a longer one letter by letter on the printed word's bytes.
    ///
    /// - Parameters:
    ///   - window: The last eight of the key's first `length` bytes, the last in the lowest byte.
    ///   - length: How many of the key's bytes to look up (the whole key, or all but its last).
    ///   - isWhole: Whether `window` holds all `length` bytes (`length` is eight or less).
    ///   - word: The printed word's UTF-8 bytes, to compare with a candidate when the window is not whole.
    @inline(__always)
    func code(window: UInt64, length: Int, isWhole: Bool, spelledBy word: UnsafeBufferPointer<UInt8>) -> Int {
      guard length > 0 else { return unknown }
      var slot = CaptionVocabulary.slot(of: KeyReader.hash(window: window, length: length))
      while slots[slot] >= 0 {
        let candidate = Int(slots[slot])
        if isWhole {
          if wholeWindows.withUnsafeBufferPointer({ $0[candidate] }) == window { return candidate }
        } else if spells(candidate, word, length: length) {
          return candidate
        }
        slot = (slot + 1) & (slotCount - 1)
      }
      return unknown
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

/// Reads a printed word's key byte by byte, as a scan of the word goes: its last eight bytes, its length, its
/// digits.
///
/// A byte read costs a shift into the window and two counts. The window is the whole key while the key is
/// eight bytes or shorter (most words), which is then compared with a known word's in one test; what only a
/// word's end needs (the key's hash, its last byte, the key without that byte) is read from the window there
/// (``singularCode(of:)``).
struct KeyReader {
  /// The last eight key bytes read, the last in the lowest byte and 0 above the first: the whole key while it
  /// is eight bytes or shorter.
  private(set) var window: UInt64 = 0
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
    window = window &<< 8 | UInt64(key)
    length &+= 1
    if key <= 0x39 { digits &+= 1 }
  }

  /// Whether ``window`` holds the whole key: it is eight bytes or shorter.
  var holdsWholeKey: Bool { length <= 8 }

  /// The key's hash, from its last seven bytes and its length (``hash(window:length:)``).
  var hash: UInt32 { Self.hash(window: window, length: length) }

  /// The hash of a key from its window and its length: its last seven bytes and its length, multiplied by a
  /// 64-bit odd constant (the golden ratio's), the product's top half.
  ///
  /// Seven bytes rather than eight, so that the key without its last byte is hashed from the same window
  /// shifted one byte (``singularCode(of:)``), whatever its length.
  ///
  /// - Parameters:
  ///   - window: The key's last eight bytes (``window``), or more of them: only the last seven are read.
  ///   - length: The key's length in bytes.
  @inline(__always)
  static func hash(window: UInt64, length: Int) -> UInt32 {
    let mixed = (window & 0x00FF_FFFF_FFFF_FFFF) | UInt64(truncatingIfNeeded: length) &<< 56
    return UInt32(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) &>> 32)
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
    WordKey(
      code: lookup.code(window: window, length: length, isWhole: holdsWholeKey, spelledBy: word), length: length,
      digits: digits)
  }

  /// The code of the key without its final "S" ("NAMES", "PERSONS"), or ``CaptionVocabulary/unknown`` when
  /// the key does not end in "S" or its stem is no known word.
  ///
  /// The key's last byte is the window's lowest; the stem's window is the key's shifted one byte, whole when
  /// the key's is (a key of nine bytes or more has its stem compared on the word's bytes).
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
    guard length > 0, UInt8(truncatingIfNeeded: window) == 0x53 else { return CaptionVocabulary.unknown }
    return lookup.code(window: window &>> 8, length: length - 1, isWhole: holdsWholeKey, spelledBy: word)
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
