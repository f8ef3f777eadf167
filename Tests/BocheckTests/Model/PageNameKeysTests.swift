import BocheckModel
import BocheckSeeded
import Testing

/// The key of a name printed as a cover page prints its row 1 is that page's key; any other name's is made.
@Suite struct PageNameKeysTests {
  @Test("seeded names: a name's key is the key it has on its own, with few pages and with many")
  func keysAsMadeAlone() {
    // Names that share keys ("ALPHA FUND, L.P." and "Alpha Fund LP"), have the same length and differ, or
    // differ only in case or spacing.
    let pool = [
      "Alpha Fund LP", "ALPHA FUND, L.P.", "Alpha Fund LQ", "alpha fund lp", "Alpha  Fund LP", "Beta Capital LLC",
      "Beta Capital, L.L.C.", "John Q. Smith", "John Smith", "Zoë Holdings", "ZOË HOLDINGS", "-", "",
    ]
    var random = SplitMix64(seed: 0x7061_6765)
    var taken = 0
    for _ in 0..<200 {
      // Up to 40 pages: a few names are compared one by one, many looked up in a table.
      let names: [String?] = (0..<random.int(in: 0...40)).map { _ -> String? in
        guard random.int(in: 0...5) > 0 else { return nil }
        return random.pick(pool) + (random.int(in: 0...3) == 0 ? " \(random.int(in: 1...30))" : "")
      }
      let pageNames = PageNameKeys(names: names, keys: names.map { $0.map(NameKey.init) })
      for _ in 0..<8 {
        let printed = names.compactMap { $0 }
        let name = random.int(in: 0...1) == 0 || printed.isEmpty ? random.pick(pool) : random.pick(printed)
        #expect(pageNames.key(of: name) == NameKey(name), "\(name) among \(names)")
        if names.contains(name) { taken += 1 }
      }
    }
    #expect(taken > 300, "\(taken) names printed as a page prints its name")
  }

  @Test("a name printed exactly as a page's row 1 takes that page's key rather than making one")
  func keyIsTaken() {
    // Keys that are not the names' own show which were taken: only an exact match takes one.
    for count in [1, 3, 20] {
      let names: [String?] = (0..<count).map { $0 == count - 1 ? "Alpha Fund LP" : "Page \($0)" }
      let keys = names.map { _ in Optional(NameKey("Other")) }
      let pageNames = PageNameKeys(names: names, keys: keys)
      #expect(pageNames.key(of: "Alpha Fund LP") == NameKey("Other"), "\(count) pages")
      #expect(pageNames.key(of: "Alpha Fund LQ") == NameKey("Alpha Fund LQ"), "\(count) pages")
      #expect(pageNames.key(of: "ALPHA FUND LP") == NameKey("Alpha Fund LP"), "\(count) pages")
    }
    // A name canonically equivalent to a page's but of other bytes (a precomposed "ë" against "e" and a combining
    // diaeresis) is not the page's name as printed: its key is made.
    for count in [1, 20] {
      let names: [String?] = (0..<count).map { $0 == count - 1 ? "Zoe\u{308} Holdings" : "Page \($0)" }
      let pageNames = PageNameKeys(names: names, keys: names.map { _ in Optional(NameKey("Other")) })
      #expect(pageNames.key(of: "Zoe\u{308} Holdings") == NameKey("Other"), "\(count) pages")
      #expect(pageNames.key(of: "Zo\u{EB} Holdings") != NameKey("Other"), "\(count) pages")
    }
  }
}
