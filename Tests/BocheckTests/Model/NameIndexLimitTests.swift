import BocheckModel
import Testing

/// The name index answers what comparing a name with every name answers, whether it compares a few names one
/// by one or files many.
@Suite("Name index on both sides of its limit")
struct NameIndexLimitTests {
  /// Names looked up: every kept name, names sharing a kept name's key, and names that match none.
  static let lookedUp =
    NameIndexTests.names + ["JANE ROE", "Harbor Fund L.P.", "John  Roe Jr", "Jane Doe", "Jane Quinn Roe (PFIC)"]

  /// A few names, some kept twice, and as many more made up as carry them past the limit.
  static let listed: [[String]] = {
    let few = NameIndexTests.names + ["Jane Roe", "John Roe, Jr."]
    let padding = (1...NameIndex<Int>.linearLimit).map { "Filler Holdings \($0) LLC" }
    return [few, [], ["Jane Roe"], Array(few.prefix(3)), few + padding, padding + few]
  }()

  @Test("every lookup gives the matches and the best match comparing with every name gives, in order")
  func lookupsEqualComparingWithEveryName() {
    #expect(NameIndexLimitTests.listed[0].count <= NameIndex<Int>.linearLimit)
    #expect(NameIndexLimitTests.listed[4].count > NameIndex<Int>.linearLimit)
    var matched = 0
    for names in NameIndexLimitTests.listed {
      let keyed = names.map { ($0, NameKey($0)) }
      let index = NameIndex(keyed: keyed, values: Array(names.indices))
      for name in NameIndexLimitTests.lookedUp {
        let key = NameKey(name)
        let expected = names.enumerated().compactMap { position, kept in
          NameKey.match(kept, name).map { (position, $0) }
        }
        for found in [index.matches(name), index.matches(name, key: key)] {
          #expect(found.map(\.value) == expected.map(\.0), "matches of '\(name)' among \(names.count)")
          #expect(found.map(\.match) == expected.map(\.1), "match kinds of '\(name)' among \(names.count)")
        }
        // The first name with the same key, else the first that matches.
        let sameKey = key.text.isEmpty ? nil : keyed.firstIndex { $0.1 == key }
        let expectedBest = sameKey.map { ($0, NameMatch.exact) } ?? expected.first
        let best = index.bestMatch(name, key: key)
        #expect(best?.value == expectedBest?.0, "best match of '\(name)' among \(names.count)")
        #expect(best?.match == expectedBest?.1, "best match kind of '\(name)' among \(names.count)")
        matched += expected.count
      }
    }
    #expect(matched > 100)
  }
}
