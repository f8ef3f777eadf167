import BocheckModel
import BocheckSeeded
import Testing

@testable import BocheckReading

/// The entity suffixes a list's pieces are joined to the name before them by, told on an ASCII piece's key bytes.
@Suite struct NameListSuffixTests {
  /// The suffixes as their keys spell them.
  private static let suffixKeys: Set<String> = [
    "LP", "LLC", "LTD", "INC", "CORP", "CO", "LLP", "NA", "PLC", "SA", "AG", "NV", "BV", "GMBH", "LP I", "LP II",
    "LIMITED", "L L C",
  ]

  @Test("seeded pieces: a piece is a suffix exactly when its key is one, or LP and a short word")
  func suffixesAsTheirKeysTell() {
    let words = [
      "L.P.", "LP", "L", "P", "I", "II", "III", "Ltd.", "Limited", "Inc", "Incorporated", "Co.", "Company", "The",
      "GmbH", "N.A.", "Fund", "Oak", "Zoë", "&", "L.L.C.", "Corporation", "Partnership", "S.A.", "IV",
    ]
    var random = SplitMix64(seed: 0x7375_6666)
    var suffixes = 0
    for _ in 0..<2_000 {
      let piece = (0..<random.int(in: 1...3)).map { _ in random.pick(words) }.joined(separator: random.pick([" ", ""]))
      let key = NameKey(piece).text
      let expected = Self.suffixKeys.contains(key) || (key.hasPrefix("LP ") && key.count <= 7)
      #expect(NameListSplitter.isSuffix(piece) == expected, "\(piece): \(key)")
      if expected { suffixes += 1 }
    }
    #expect(suffixes > 200, "\(suffixes) suffixes")
  }

  @Test("a suffix spelled out or beyond ASCII is told as its key tells it")
  func spelledOutSuffixes() {
    #expect(NameListSplitter.isSuffix("Incorporated"))
    #expect(NameListSplitter.isSuffix("The L.P."))
    #expect(NameListSplitter.isSuffix("L.P. III"))
    #expect(NameListSplitter.isSuffix("L.P. IIII"))
    #expect(!NameListSplitter.isSuffix("L.P. IIIII"))
    #expect(!NameListSplitter.isSuffix("Limited Partners"))
    #expect(!NameListSplitter.isSuffix("Zoë LP"))
    #expect(NameListSplitter.isSuffix("GMBH\u{308}") == Self.suffixKeys.contains(NameKey("GMBH\u{308}").text))
  }
}
