import BocheckModel
import Testing

/// A name lookup answers what a name index of the same names answers, whether it compares a few names one by
/// one or files many.
@Suite("Name lookup")
struct NameLookupTests {
  /// Names looked up: every filed name, names sharing a filed name's key, and names that match none.
  static let lookedUp =
    NameIndexTests.names + ["JANE ROE", "Harbor Fund L.P.", "John  Roe Jr", "Jane Doe", "Jane Quinn Roe (PFIC)"]

  /// A few names, some filed twice, and as many more made up as carry them past the linear limit.
  static let listed: [[String]] = {
    let few = NameIndexTests.names + ["Jane Roe", "John Roe, Jr."]
    let padding = (1...NameLookup<Int>.linearLimit).map { "Filler Holdings \($0) LLC" }
    return [few, [], ["Jane Roe"], Array(few.prefix(3)), few + padding, padding + few]
  }()

  @Test("every lookup gives the matches and the best match an index of the same names gives, in order")
  func lookupsEqualIndexLookups() {
    #expect(NameLookupTests.listed[0].count <= NameLookup<Int>.linearLimit)
    #expect(NameLookupTests.listed[4].count > NameLookup<Int>.linearLimit)
    var matched = 0
    for names in NameLookupTests.listed {
      let keyed = names.map { ($0, NameKey($0)) }
      let lookup = NameLookup(keyed: keyed, values: Array(names.indices))
      let index = NameIndex(keyed: keyed, values: Array(names.indices))
      for name in NameLookupTests.lookedUp {
        let expected = index.matches(name)
        let found = lookup.matches(name)
        #expect(found.map(\.value) == expected.map(\.value), "matches of '\(name)' among \(names.count)")
        #expect(found.map(\.match) == expected.map(\.match), "match kinds of '\(name)' among \(names.count)")
        let key = NameKey(name)
        let best = lookup.bestMatch(name, key: key)
        let expectedBest = index.bestMatch(name, key: key)
        #expect(best?.value == expectedBest?.value, "best match of '\(name)' among \(names.count)")
        #expect(best?.match == expectedBest?.match, "best match kind of '\(name)' among \(names.count)")
        matched += found.count
      }
    }
    #expect(matched > 100)
  }
}
