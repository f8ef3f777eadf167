import BocheckModel

/// Texts given as bytes (an XML file's element names, a filing's distinct lines), numbered from 0 in the order
/// they are first met, with the hash table that finds a text's number from its bytes; no `String` is made for a
/// text until it is spelled.
///
/// The texts' bytes are copied into one store, so that a text is found again from bytes anywhere; a table of
/// texts that all lie in one text kept elsewhere (a filing's lines) keeps where they lie instead
/// (``init(inOneText:)``). The table's hashes are seeded for the run (``ByteWord/runSeed``): a file cannot
/// choose texts that all fall in one slot.
struct NumberedTexts {
  /// The bytes of every text, one after the other, when the table copies them (``copiesTexts``).
  private var store: [UInt8] = []
  /// Where each text's bytes are: in ``store``, or in the one text every call is given.
  private var ranges: [Range<Int>] = []
  /// Whether the texts' bytes are copied into ``store``; `false` when every text lies in one text, given to
  /// every call, that outlives the table.
  private let copiesTexts: Bool
  /// The tag of each text, in a table whose texts are told apart by a tag as well (``number(of:in:tag:)``);
  /// empty in any other table.
  private var tags: [UInt8] = []
  /// Text numbers by hash slot, -1 where a slot is free.
  private var slots = [Int](repeating: -1, count: 256)
  /// The seed of the texts' hashes (the run's), read once.
  private let seed = ByteWord.runSeed

  /// A table that numbers the given texts first, 0, 1, … in their order; a text given twice keeps its first
  /// number.
  ///
  /// A reader that tells a few names apart numbers them once, in a table every scanner starts from, and then
  /// tells them by number.
  ///
  /// - Parameter names: The texts.
  init(_ names: [String] = []) {
    copiesTexts = true
    for name in names {
      let spelling = Array(name.utf8)
      _ = spelling.withUnsafeBufferPointer { number(of: 0..<$0.count, in: $0) }
    }
  }

  /// An empty table for texts that all lie in one text, which every call to ``number(of:in:)`` is given and
  /// which outlives the table: each text is kept as where it lies, no byte of it copied. Its texts are not
  /// spelled (``spelling(_:)``).
  ///
  /// - Parameter oneText: Only says which table this is: `()`.
  init(inOneText oneText: Void) {
    copiesTexts = false
  }

  /// How many texts are numbered.
  var count: Int { ranges.count }

  /// The spelling of a text's number.
  ///
  /// - Parameter number: A number below ``count``, in a table that copies its texts (``init(_:)``).
  func spelling(_ number: Int) -> String {
    precondition(copiesTexts, "a table of texts kept in place spells none")
    return String(decoding: store[ranges[number]], as: UTF8.self)
  }

  /// The number of the text spelled by a range of bytes, given a new number the first time it is met.
  ///
  /// A text met before is found on the bytes in place, eight bytes at a time: its hash, its slot and its
  /// spelling are read through buffers, with no slice of the bytes made.
  ///
  /// - Parameters:
  ///   - range: The text's byte range in `text`.
  ///   - text: UTF-8 bytes: in a table of texts kept in place (``init(inOneText:)``), the same text at every
  ///     call.
  mutating func number(of range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Int {
    precondition(tags.isEmpty, "a table of tagged texts asked about a text without its tag")
    return number(of: range, in: text, tag: nil)
  }

  /// The number of the text spelled by a range of bytes with a tag, given a new number the first time the text
  /// is met with that tag: the same bytes under two tags are two texts, told apart without a key made of both.
  ///
  /// A table asked about tagged texts is asked about no text without a tag.
  ///
  /// - Parameters:
  ///   - range: The text's byte range in `text`.
  ///   - text: UTF-8 bytes, as for ``number(of:in:)``.
  ///   - tag: What tells the text apart from the same bytes under another tag.
  mutating func number(of range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, tag: UInt8) -> Int {
    precondition(tags.count == ranges.count, "a table of texts without tags asked about a tagged text")
    return number(of: range, in: text, tag: .some(tag))
  }

  /// ``number(of:in:)`` and ``number(of:in:tag:)``: a tag, when there is one, seeds the text's hash along with
  /// the run's seed and must be the text's own for a text found to be the one asked about.
  @inline(__always)
  private mutating func number(of range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, tag: UInt8?) -> Int {
    let copiesTexts = copiesTexts
    let seed = Self.seed(self.seed, tag: tag)
    let found = store.withUnsafeBufferPointer { copied -> (number: Int, slot: Int) in
      let store = copiesTexts ? copied : text
      return ranges.withUnsafeBufferPointer { ranges in
        tags.withUnsafeBufferPointer { tags in
          slots.withUnsafeBufferPointer { slots -> (number: Int, slot: Int) in
            let mask = slots.count - 1
            var slot = Self.hash(text, range, seed: seed) & mask
            while case let number = slots[slot], number >= 0 {
              if tag == nil || tags[number] == tag, Self.equal(store, ranges[number], text, range) {
                return (number, slot)
              }
              slot = (slot + 1) & mask
            }
            return (-1, slot)
          }
        }
      }
    }
    if found.number >= 0 { return found.number }
    let number = ranges.count
    if let tag { tags.append(tag) }
    if copiesTexts {
      ranges.append(store.count..<(store.count + range.count))
      store.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
    } else {
      ranges.append(range)
    }
    slots[found.slot] = number
    if ranges.count * 2 > slots.count { rehash(text) }
    return number
  }

  /// The seed of a text's hash: the run's, mixed with the text's tag when it has one.
  ///
  /// - Parameters:
  ///   - seed: The run's seed.
  ///   - tag: The text's tag, if any.
  @inline(__always)
  private static func seed(_ seed: UInt64, tag: UInt8?) -> UInt64 {
    guard let tag else { return seed }
    return seed ^ (UInt64(tag) &+ 1) &* 0x9E37_79B9_7F4A_7C15
  }

  /// The hash of a range of bytes (``ByteWord/digest(_:seed:)``, seeded for the run: a file cannot choose
  /// texts that all fall in one slot).
  @inline(__always)
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, seed: UInt64) -> Int {
    let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range]))
    return Int(truncatingIfNeeded: ByteWord.digest(raw, seed: seed))
  }

  /// Whether two ranges of bytes, in two buffers, hold the same bytes (``ByteWord/sameBytes(_:_:)``).
  @inline(__always)
  static func equal(
    _ first: UnsafeBufferPointer<UInt8>, _ firstRange: Range<Int>, _ second: UnsafeBufferPointer<UInt8>,
    _ secondRange: Range<Int>
  ) -> Bool {
    ByteWord.sameBytes(
      UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: first[firstRange])),
      UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: second[secondRange])))
  }

  /// Doubles the hash table.
  ///
  /// - Parameter text: The text the texts lie in, in a table of texts kept in place.
  private mutating func rehash(_ text: UnsafeBufferPointer<UInt8>) {
    var slots = [Int](repeating: -1, count: self.slots.count * 2)
    let mask = slots.count - 1
    let copiesTexts = copiesTexts
    store.withUnsafeBufferPointer { copied in
      let store = copiesTexts ? copied : text
      for (number, spelling) in ranges.enumerated() {
        let seed = Self.seed(self.seed, tag: tags.isEmpty ? nil : tags[number])
        var slot = Self.hash(store, spelling, seed: seed) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = number
      }
    }
    self.slots = slots
  }
}
