import BocheckModel
import BocheckSeeded
import Testing

/// The keys of a text's leading parts, read in one pass, are the keys each part has on its own.
@Suite struct NameKeyLeadingPartsTests {
  @Test("seeded texts: the key of every leading part is the key of that part read alone")
  func leadingPartsKeyAsAlone() {
    // Words that exercise every rule of the key: a leading article, letters joined into a suffix ("L P"), a
    // spelled-out suffix, "&", points and apostrophes inside words, digits, and a name beyond ASCII.
    let words = [
      "The", "THE", "L", "P", "L.P.", "LL", "C", "Limited", "LIMITED", "Fund", "II", "&", "O'Neil", "Macy's", "Co.",
      "Partnership", "A", "Zoë", "Oak", "3", "N", "A.",
    ]
    let separators = [" ", ", ", "; ", ", and ", " and ", "", ".", "&"]
    var random = SplitMix64(seed: 0x6e61_6d65)
    var passedInOnePass = 0
    for _ in 0..<2_000 {
      let (text, bytes, ends) = Self.text(of: words, separators, wordsAfterFirst: 0...7, &random)
      let keys = NameKey.keysOfLeadingParts(of: bytes, endingAt: ends)
      #expect(keys.count == ends.count)
      for (end, key) in zip(ends, keys) {
        let part = String(decoding: bytes[..<end], as: UTF8.self)
        #expect(key == NameKey(part), "\(text) up to \(end)")
      }
      if text.utf8.allSatisfy({ $0 < 0x80 }) { passedInOnePass += 1 }
    }
    #expect(passedInOnePass > 1_000, "\(passedInOnePass)")
  }

  /// A text of words and separators drawn at random, its bytes, and the ends of some of its leading parts: at the
  /// end of words (read in the one pass) and anywhere else (read alone), rising, some repeated.
  ///
  /// - Parameters:
  ///   - words: The words to draw.
  ///   - separators: The separators to draw between them.
  ///   - wordsAfterFirst: How many words may follow the first.
  ///   - random: The generator.
  static func text(
    of words: [String], _ separators: [String], wordsAfterFirst: ClosedRange<Int>, _ random: inout SplitMix64
  ) -> (text: String, bytes: [UInt8], ends: [Int]) {
    var text = random.pick(words)
    for _ in 0..<random.int(in: wordsAfterFirst) { text += random.pick(separators) + random.pick(words) }
    let bytes = Array(text.utf8)
    var ends: [Int] = []
    var end = 0
    while end < bytes.count {
      end = min(bytes.count, end + random.int(in: 0...6))
      ends.append(end)
    }
    return (text, bytes, ends)
  }

  @Test("a leading article is dropped from a part only when another word follows it in that part")
  func articleDroppedPerPart() {
    let text = Array("The Oak Fund, L.P.".utf8)
    let keys = NameKey.keysOfLeadingParts(of: text, endingAt: [3, 7, 12, text.count])
    #expect(keys.map(\.text) == ["THE", "OAK", "OAK FUND", "OAK FUND LP"])
  }
}
