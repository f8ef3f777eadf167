import BocheckModel
import BocheckSeeded
import Testing

/// Names told apart on the bytes of their keys: a text's leading parts among known keys, an ASCII name's key
/// bytes, two texts' bytes, and printed names compared as ``MatchableName`` compares them.
@Suite struct NameKeyKnownPartsTests {
  /// Words that exercise every rule of the key, and last words that occur inside others' words ("M" in
  /// "SMALL", "ROE" in "ROEBUCK").
  private static let words = [
    "The", "L", "P", "L.P.", "LL", "C", "Limited", "Fund", "II", "&", "O'Neil", "Co.", "Partnership", "A", "Zoë",
    "Oak", "3", "M.", "Small", "Roe", "Roebuck", "Jane", "Jr.", "Cap", "Value",
  ]

  @Test("seeded texts: a leading part is among known keys exactly when the set holds its key")
  func leadingPartsAmongKnownKeys() {
    let separators = [" ", ", ", "; ", ", and ", " and ", "", "."]
    var random = SplitMix64(seed: 0x6b6e_6f77)
    var known = 0
    var readOnBytes = 0
    for _ in 0..<1_500 {
      let (text, bytes, ends) = NameKeyLeadingPartsTests.text(
        of: Self.words, separators, wordsAfterFirst: 0...6, &random)
      // Known keys: those of some of the text's own parts (so that some are found), of other names, and now and
      // then one beyond ASCII, which makes the set be looked up.
      var keys = Set(
        ends.filter { _ in random.int(in: 0...2) == 0 }.map { NameKey(String(decoding: bytes[..<$0], as: UTF8.self)) })
      keys.insert(NameKey(random.pick(Self.words) + " " + random.pick(Self.words)))
      if random.int(in: 0...4) == 0 { keys.insert(NameKey("Zoë Oak")) } else { readOnBytes += 1 }
      let expected = NameKey.keysOfLeadingParts(of: bytes, endingAt: ends).map(keys.contains)
      #expect(NameKey.leadingParts(of: bytes, endingAt: ends, among: KnownNameKeys(keys)) == expected, "\(text)")
      known += expected.filter { $0 }.count
    }
    #expect(known > 1_000, "\(known) parts known")
    #expect(readOnBytes > 1_000, "\(readOnBytes) texts read on their bytes")
  }

  @Test("a known key beyond ASCII that equals an ASCII one (the Kelvin sign is K) holds the ASCII part")
  func knownKeyBeyondASCIIEqualsASCII() {
    let kelvin = NameKey("\u{212A}")
    #expect(kelvin.text.utf8.count == 3)
    #expect(kelvin == NameKey("K"))
    let found = NameKey.leadingParts(of: Array("K Oak".utf8), endingAt: [1, 5], among: KnownNameKeys([kelvin]))
    #expect(found == [true, false])
  }

  @Test("seeded names: an ASCII name's key bytes are those of its key; a name beyond ASCII gives none")
  func keyBytesOfASCIINames() {
    var random = SplitMix64(seed: 0x6279_7465)
    for _ in 0..<1_000 {
      let name = (0..<random.int(in: 1...5)).map { _ in random.pick(Self.words) }.joined(
        separator: random.pick([" ", ", ", " & "]))
      let bytes = Array(name.utf8)
      // The key's bytes are told against those of the key's text (the calls tell a Bool).
      let expected = Array(NameKey(name).text.utf8)
      var keyBytes: [UInt8] = []
      let told = bytes.withUnsafeBufferPointer { name in
        NameKey.withKeyBytes(ofASCII: name) { key in
          keyBytes = Array(key)
          return key.elementsEqual(expected)
        }
      }
      if bytes.allSatisfy({ $0 < 0x80 }) {
        #expect(told == true && keyBytes == expected, "\(name)")
      } else {
        #expect(told == nil && keyBytes.isEmpty, "\(name)")
      }
    }
  }

  @Test("two texts have the same bytes only when they are spelled with the same scalars")
  func sameBytesOfTexts() {
    #expect(ByteWord.sameBytes("Alpha Fund LP", "Alpha Fund LP"))
    #expect(ByteWord.sameBytes("", ""))
    #expect(!ByteWord.sameBytes("Alpha Fund LP", "Alpha Fund LQ"))
    #expect(!ByteWord.sameBytes("Alpha Fund LP", "Alpha Fund LP "))
    // Canonically equivalent texts of other bytes are equal texts, not the same bytes.
    #expect("Zo\u{EB}" == "Zoe\u{308}")
    #expect(!ByteWord.sameBytes("Zo\u{EB}", "Zoe\u{308}"))
    // A text made from a slice of another.
    let sliced = String(Substring("xxAlpha Fund Limited Partnership".dropFirst(2)))
    #expect(ByteWord.sameBytes(sliced, "Alpha Fund Limited Partnership"))
  }

  @Test("seeded names: a matchable name matches another as comparing the two names does")
  func matchableNamesMatchAsNamesDo() {
    let persons = [
      "Jane M. Roe", "Jane Roe", "Jane Marie Roe", "JANE M ROE", "Jane M. Roebuck", "Small M. Roe", "John Roe, Jr.",
      "Roe Jane", "Jane M. Roe (PFIC)", "Jane M. Roe 12-3456789", "Zoë M. Roe", "Dr. Jane Roe",
    ]
    var random = SplitMix64(seed: 0x6d61_7463)
    var loose = 0
    var none = 0
    for _ in 0..<600 {
      let name =
        random.int(in: 0...2) == 0 ? random.pick(Self.words) + " " + random.pick(Self.words) : random.pick(persons)
      let matchable = MatchableName(name)
      for _ in 0..<6 {
        let other =
          random.int(in: 0...1) == 0
          ? random.pick(persons)
          : (0..<random.int(in: 1...4)).map { _ in random.pick(Self.words) }.joined(separator: " ")
        let expected = NameKey.match(other, name)
        #expect(matchable.match(other) == expected, "'\(other)' against '\(name)'")
        if expected == .loose { loose += 1 }
        if expected == nil { none += 1 }
      }
    }
    #expect(loose > 100, "\(loose) loose matches")
    #expect(none > 1_000, "\(none) names apart")
  }
}
