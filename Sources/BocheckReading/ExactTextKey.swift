import BocheckModel

/// A text as a dictionary key, compared byte for byte, with its hash worked out once.
///
/// Strings are equal when they are canonically equivalent ("é" precomposed and "e" with a combining accent);
/// the readers keep values and columns as the bytes stand, so a memo of what a text reads as must not take
/// one for the other. A dictionary hashes a key at every look-up and again each time it grows: the key's
/// bytes are digested once, when it is made (``ByteWord/digest(_:seed:)``, seeded for each run so that a file
/// cannot choose keys that collide), and the dictionary's hasher is handed that word alone. Keys with equal
/// digests are still told apart by their bytes; no output depends on a digest, only on which keys are equal.
struct ExactTextKey: Hashable {
  /// The text the key's bytes are part of.
  private let base: String
  /// The key's bytes: UTF-8 offsets in ``base``.
  private let range: Range<Int>
  /// A small number that keeps apart the same text read in different ways (the kind of a row).
  let tag: Int
  /// The digest of the text's bytes, seeded with the run's seed and the tag (``ByteWord/digest(_:seed:)``).
  private let digest: UInt64

  /// Makes the key of a text.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - tag: A small number that tells apart the ways the text is read.
  init(_ text: String, tag: Int = 0) {
    self.init(text, range: 0..<text.utf8.count, tag: tag)
  }

  /// Makes the key of part of a text, read in place (no `Substring` is made for it).
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - range: The part: UTF-8 offsets in `text`.
  ///   - tag: A small number that tells apart the ways the text is read.
  init(_ text: String, range: Range<Int>, tag: Int = 0) {
    base = text
    self.range = range
    self.tag = tag
    // The tag is mixed into the seed: the same bytes read as another kind of row are another key.
    let seed = ByteWord.runSeed ^ UInt64(truncatingIfNeeded: tag) &* 0x9E37_79B9_7F4A_7C15
    digest = ASCIIText.withUTF8(text) {
      ByteWord.digest(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[range])), seed: seed)
    }
  }

  static func == (lhs: ExactTextKey, rhs: ExactTextKey) -> Bool {
    guard lhs.digest == rhs.digest && lhs.tag == rhs.tag && lhs.range.count == rhs.range.count else { return false }
    return ASCIIText.withUTF8(lhs.base) { left in
      ASCIIText.withUTF8(rhs.base) { right in
        ByteWord.sameBytes(
          UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: left[lhs.range])),
          UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: right[rhs.range])))
      }
    }
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(digest)
  }
}

extension Dictionary {
  /// The value kept under a key, or the one `compute` works out, then kept there: a memo's look-up.
  ///
  /// The key's entry is reached once, whether it holds a value or not: through the dictionary's slot for the
  /// key, made empty when missing, which the value then fills.
  ///
  /// - Parameters:
  ///   - key: The key.
  ///   - compute: Works the value out; called only when none is kept.
  mutating func remembered<Kept>(_ key: Key, _ compute: () -> Kept) -> Kept where Value == Kept? {
    Self.fill(&self[key, default: nil], compute)
  }

  /// The value a slot holds, or the one `compute` works out, kept in the slot.
  private static func fill<Kept>(_ slot: inout Kept?, _ compute: () -> Kept) -> Kept {
    if let known = slot { return known }
    let value = compute()
    slot = value
    return value
  }
}
