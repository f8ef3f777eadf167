import BocheckModel
import Testing

/// The name index answers exactly what comparing a name with every filed name answers.
@Suite("Name index")
struct NameIndexTests {
  /// Names that match in each way ``NameKey/match(_:_:)`` knows, and names that must not.
  static let names = [
    "Cedar Point Value Partners, L.P. II", "CEDAR POINT VALUE PARTNERS LP II", "Cedar Point Value Partners LP I",
    "Jane Q. Roe", "Jane Quinn Roe", "Jane Roe", "Jane R. Roe", "John Roe", "John Roe, Jr.", "Mr. John Roe",
    "Harbor Fund LP (PFIC)", "Harbor Fund LP", "Harbor Fund LP IRS # 12-3456789", "The Harbor Fund LP*",
    "Harbor Capital LLC", "Harbor Capital L L C", "", "---",
  ]

  @Test("every lookup gives the names a comparison with each name gives, in filing order")
  func lookupsEqualComparingWithEveryName() {
    let index = NameIndex(NameIndexTests.names.enumerated().map { ($0.element, $0.offset) })
    for name in NameIndexTests.names {
      let expected = NameIndexTests.names.enumerated().compactMap { position, filed in
        NameKey.match(filed, name).map { (position, $0) }
      }
      let found = index.matches(name)
      #expect(found.map(\.value) == expected.map(\.0), "matches of '\(name)'")
      #expect(found.map(\.match) == expected.map(\.1), "match kinds of '\(name)'")
    }
  }

  @Test("a lookup of a name filed as printed answers what working its keys out again answers")
  func lookupsOfFiledNamesEqualLookupsWithTheirKeys() {
    // Names filed twice, and names looked up that are not filed as printed but share a filed name's key.
    let filed = NameIndexTests.names + ["Jane Roe", "John Roe, Jr."]
    let index = NameIndex(filed.enumerated().map { ($0.element, $0.offset) })
    for name in NameIndexTests.names + ["JANE ROE", "Harbor Fund L.P.", "John  Roe Jr", "Jane Doe"] {
      let expected = filed.enumerated().compactMap { position, filed in
        NameKey.match(filed, name).map { (position, $0) }
      }
      let found = index.matches(name)
      let keyed = index.matches(name, key: NameKey(name))
      #expect(found.map(\.value) == expected.map(\.0), "matches of '\(name)'")
      #expect(found.map(\.match) == expected.map(\.1), "match kinds of '\(name)'")
      #expect(keyed.map(\.value) == found.map(\.value), "keyed matches of '\(name)'")
      #expect(keyed.map(\.match) == found.map(\.match), "keyed match kinds of '\(name)'")
    }
  }

  @Test("the best match is the first exact one, else the first loose one")
  func bestMatchPrefersTheSameKey() throws {
    let index = NameIndex([("Jane Roe", 1), ("Jane Q. Roe", 2), ("JANE Q ROE", 3)])
    let exact = try #require(index.bestMatch("Jane Q Roe"))
    #expect(exact.value == 2 && exact.match == .exact)
    let loose = try #require(index.bestMatch("Jane Quinn Roe"))
    #expect(loose.value == 1 && loose.match == .loose)
    #expect(index.bestMatch("Jane R. Roe")?.value == 1)
    #expect(index.bestMatch("John Doe") == nil)
  }

  @Test("a lookup with the name's known key answers what a lookup with the name alone answers")
  func keyedLookupsEqualLookups() {
    let keyed = NameIndex(
      keyed: NameIndexTests.names.map { ($0, NameKey($0)) }, values: Array(NameIndexTests.names.indices))
    let index = NameIndex(NameIndexTests.names.enumerated().map { ($0.element, $0.offset) })
    for name in NameIndexTests.names {
      let key = NameKey(name)
      let expected = index.matches(name)
      #expect(keyed.matches(name, key: key).map(\.value) == expected.map(\.value), "matches of '\(name)'")
      #expect(keyed.matches(name, key: key).map(\.match) == expected.map(\.match), "match kinds of '\(name)'")
      #expect(keyed.bestMatch(name, key: key)?.value == index.bestMatch(name)?.value, "best match of '\(name)'")
      #expect(keyed.bestMatch(name, key: key)?.match == index.bestMatch(name)?.match, "best kind of '\(name)'")
    }
  }

  @Test("a name made ready for matching matches every name as comparing the two names does, in that order")
  func matchableNamesMatchAsNameKeysDo() {
    var loose = 0
    for name in NameIndexTests.names {
      let matchable = MatchableName(name)
      #expect(matchable.name == name)
      for other in NameIndexTests.names {
        let expected = NameKey.match(other, name)
        #expect(matchable.match(other) == expected, "'\(other)' against '\(name)'")
        if expected == .loose { loose += 1 }
      }
    }
    // Both kinds of match and none occur among the names.
    #expect(loose > 10)
  }

  @Test("two names made ready match as comparing the two printed names does, either way round")
  func matchableNamesMatchEachOther() {
    // Names whose loose keys share a last word but differ (a middle name, a suffix after a qualifier), names that
    // are not ASCII, and names without a word.
    let names =
      NameIndexTests.names + [
        "Jane Q. Roe (PFIC)", "Jane Roe, Jr.", "José Q. Núñez", "JOSÉ NÚÑEZ", "José Núñez Jr", "Kelvin \u{212A}. Roe",
        "Kelvin K. Roe", "IRS # 12-3456789", "*",
      ]
    let ready = names.map(MatchableName.init)
    var kinds: [NameMatch?: Int] = [:]
    for (name, matchable) in zip(names, ready) {
      for (other, otherMatchable) in zip(names, ready) {
        let expected = NameKey.match(other, name)
        #expect(matchable.match(otherMatchable) == expected, "'\(other)' against '\(name)'")
        #expect(otherMatchable.match(matchable) == expected, "'\(name)' against '\(other)'")
        kinds[expected, default: 0] += 1
      }
    }
    #expect(kinds[.loose, default: 0] > 20 && kinds[.exact, default: 0] > names.count && kinds[nil, default: 0] > 100)
  }
}
