import BocheckModel
import BocheckSeeded

/// The shares a reporting person beneficially owns, split by kind.
///
/// Amounts are whole shares held in `Int`: exact, and far below any overflow for the sizes generated
/// (at most a few hundred million).
struct SyntheticHolding: Hashable, Sendable {
  /// Outstanding shares of the class.
  var common: Int
  /// Shares issuable on conversion of convertible notes.
  var convertible: Int
  /// Shares issuable on exercise of warrants.
  var warrant: Int

  /// Nothing at all.
  static let zero = SyntheticHolding(common: 0, convertible: 0, warrant: 0)

  /// All shares: the amount row 11 reports.
  var total: Int { common + convertible + warrant }

  /// The shares the holder has the right to acquire, which Rule 13d-3(d)(1)(i) adds to its denominator.
  var acquirable: Int { convertible + warrant }

  /// The parts a "consisting of" amount itemises, in printed order, leaving out kinds the holder has none of.
  ///
  /// A holding of common shares only has no itemisation: the list is empty.
  var itemisedParts: [SyntheticPart] {
    guard acquirable > 0 else { return [] }
    var parts = [SyntheticPart(kind: .common, shares: common)]
    if convertible > 0 { parts.append(SyntheticPart(kind: .convertible, shares: convertible)) }
    if warrant > 0 { parts.append(SyntheticPart(kind: .warrant, shares: warrant)) }
    return parts
  }

  /// The part-by-part sum of two holdings.
  static func + (lhs: SyntheticHolding, rhs: SyntheticHolding) -> SyntheticHolding {
    SyntheticHolding(
      common: lhs.common + rhs.common, convertible: lhs.convertible + rhs.convertible,
      warrant: lhs.warrant + rhs.warrant)
  }
}

/// One itemised part of a printed amount.
struct SyntheticPart: Hashable, Sendable {
  /// What kind of security the part is.
  var kind: PartKind
  /// Its number of shares.
  var shares: Int
}

/// A reporting person of a synthetic filing and the facts that are true of it.
struct SyntheticPerson: Hashable, Sendable {
  /// Where the person stands in the ownership structure.
  enum Role: String, Sendable {
    /// Holds shares itself.
    case fund
    /// A manager or general partner reporting the shares of the funds it manages.
    case manager
    /// A natural person controlling managers, reporting the shares of every fund under them.
    case individual
  }

  /// The name as row 1 prints it.
  var name: String
  /// Where the person stands in the structure.
  var role: Role
  /// For parents, the indices (into ``SyntheticOwnership/persons``) of the funds whose shares make up its
  /// amount; empty for funds.
  var reportsFor: [Int]
  /// For individuals, the indices of the managers they control; for managers, the funds they manage.
  var controls: [Int]
  /// The shares beneficially owned, by kind.
  var holding: SyntheticHolding
  /// The shares the person can vote (sole for funds, shared for parents); at most ``holding``'s total.
  var votingShares: Int
  /// Row 6.
  var citizenship: String
  /// Row 4, as printed.
  var sourceOfFunds: String
  /// Row 14, as printed ("PN", "IA, OO").
  var typeCodes: String

  /// Whether the person holds its shares through funds (it reports shared powers).
  var isParent: Bool { role != .fund }
}

/// A random ownership structure: funds holding shares, managers reporting for some of them, individuals
/// controlling managers, and the class's shares outstanding.
struct SyntheticOwnership: Sendable {
  /// The reporting persons in cover-page order: funds, then managers, then individuals.
  var persons: [SyntheticPerson]
  /// The class's shares outstanding (the true basis of every percent).
  var sharesOutstanding: Int

  /// Generates a structure.
  ///
  /// Parents' holdings are the exact part-by-part sums of their funds'. One fund sometimes holds
  /// nothing, and one fund sometimes votes fewer shares than it owns; both are legitimate.
  ///
  /// - Parameters:
  ///   - random: The generator to draw from.
  ///   - names: Draws unique names.
  static func generate(random: inout SplitMix64, names: inout SyntheticNameDrawer) -> SyntheticOwnership {
    let outstanding = random.int(in: 8_000...450_000) * 1_000 + random.int(in: 0...999)
    let fundCount = random.int(in: 1...4)
    let managerCount = random.int(in: 0...2)
    let individualCount = managerCount == 0 ? 0 : random.int(in: 0...3)
    // Each fund holds up to about 4 % of the class in each kind, so that percents stay plausible.
    let largest = max(outstanding / 25, 20_000)
    var persons: [SyntheticPerson] = []
    let fundNames = names.fundNames(count: fundCount, random: &random)
    let zeroFund = fundCount >= 2 && random.chance(1, in: 8) ? random.int(in: 0...(fundCount - 1)) : nil
    for index in 0..<fundCount {
      var holding = SyntheticHolding(common: random.int(in: 10_000...largest), convertible: 0, warrant: 0)
      if random.chance(1, in: 2) {
        if random.chance(3, in: 4) { holding.convertible = random.int(in: 10_000...largest) }
        if random.chance(3, in: 4) { holding.warrant = random.int(in: 10_000...largest) }
      }
      if index == zeroFund { holding = .zero }
      let name = fundNames[index]
      let isOffshore = name.hasSuffix("Ltd.") || name.hasSuffix("Ltd")
      let isCompany = name.hasSuffix("LLC")
      persons.append(
        SyntheticPerson(
          name: name, role: .fund, reportsFor: [], controls: [], holding: holding, votingShares: holding.total,
          citizenship: isOffshore ? "Cayman Islands" : "Delaware",
          sourceOfFunds: random.pick(["WC", "WC", "WC", "OO", "WC, OO"]),
          typeCodes: isOffshore ? "CO" : (isCompany ? "OO" : "PN")))
    }
    // Sometimes a fund may vote fewer shares than it owns: voting rights can be limited.
    let votingFunds = persons.indices.filter { persons[$0].holding.total > 1 }
    if !votingFunds.isEmpty && random.chance(1, in: 5) {
      let index = random.pick(votingFunds)
      let holding = persons[index].holding
      persons[index].votingShares =
        holding.acquirable > 0 ? holding.common : holding.total - random.int(in: 1...(holding.total / 2))
    }
    let funds = Array(0..<fundCount)
    var managerIndices: [Int] = []
    for name in names.managerNames(count: managerCount, random: &random) {
      let managed = random.nonEmptySubset(funds)
      let isCorporation = name.hasSuffix("Inc.") || name.hasSuffix("Inc")
      managerIndices.append(persons.count)
      persons.append(
        SyntheticPerson(
          name: name, role: .manager, reportsFor: managed, controls: managed, holding: .zero, votingShares: 0,
          citizenship: "Delaware", sourceOfFunds: random.pick(["AF", "N/A", "OO", "AF, OO"]),
          typeCodes: isCorporation ? random.pick(["CO", "CO, IA", "HC, CO"]) : random.pick(["OO", "IA", "IA, OO"])))
    }
    for name in names.individualNames(count: individualCount, random: &random) {
      let controlled = random.nonEmptySubset(managerIndices)
      let reached = Set(controlled.flatMap { persons[$0].reportsFor }).sorted()
      persons.append(
        SyntheticPerson(
          name: name, role: .individual, reportsFor: reached, controls: controlled, holding: .zero,
          votingShares: 0, citizenship: random.pick(["United States", "United States", "United States of America"]),
          sourceOfFunds: random.pick(["AF", "PF", "OO", "N/A"]), typeCodes: random.pick(["IN", "IN", "IN, HC"])))
    }
    for index in persons.indices where persons[index].isParent {
      let reported = persons[index].reportsFor
      persons[index].holding = reported.reduce(.zero) { $0 + persons[$1].holding }
      persons[index].votingShares = reported.reduce(0) { $0 + persons[$1].votingShares }
    }
    return SyntheticOwnership(persons: persons, sharesOutstanding: outstanding)
  }

  /// The percent of class Rule 13d-3(d)(1)(i) gives: 100 × aggregate / (outstanding + the holder's own
  /// acquirable shares), rounded half up to `decimals` places.
  ///
  /// - Parameters:
  ///   - aggregate: Row 11, in shares.
  ///   - acquirable: The holder's own convertible, warrant and option shares.
  ///   - outstanding: The class's shares outstanding.
  ///   - decimals: Printed decimals (1 or 2).
  static func percent(aggregate: Int, acquirable: Int, outstanding: Int, decimals: Int) -> ExactDecimal {
    exactPercent(aggregate: aggregate, denominator: outstanding + acquirable).rounded(decimals)
  }

  /// 100 × `aggregate` / `denominator` as an exact fraction.
  ///
  /// The generated amounts are below 10¹² and the arithmetic is on 128-bit integers, so the operations
  /// cannot overflow; should one ever do so, the result is zero, which the percent checks then expose.
  static func exactPercent(aggregate: Int, denominator: Int) -> Rational {
    (try? Rational(numerator: Int128(aggregate) * 100, denominator: Int128(max(denominator, 1)))) ?? .zero
  }
}

extension Rational {
  /// The value rounded half up to `decimals` places (see ``rounded(toDecimals:)``), or zero on overflow,
  /// which cannot happen for the generator's magnitudes.
  func rounded(_ decimals: Int) -> ExactDecimal {
    (try? rounded(toDecimals: decimals)) ?? ExactDecimal(significand: 0, scale: decimals)
  }
}

/// Draws names that no other name of the same filing shares, including the hard kinds: commas and "and"
/// inside names, names that are prefixes of others, and initials.
struct SyntheticNameDrawer {
  /// The keys of the names drawn so far.
  private var used: Set<NameKey> = []

  /// Records `name` and returns it, or returns `nil` when its key is taken.
  private mutating func claim(_ name: String) -> String? {
    used.insert(NameKey(name)).inserted ? name : nil
  }

  /// Draws with `make` until it gives an unused name (at most 200 tries, then a numbered fallback).
  private mutating func draw(_ random: inout SplitMix64, _ make: (inout SplitMix64) -> String) -> String {
    for _ in 0..<200 {
      if let name = claim(make(&random)) { return name }
    }
    var number = used.count + 1
    while true {
      if let name = claim("Fallback Entity \(number) LLC") { return name }
      number += 1
    }
  }

  /// Fund names; two of them sometimes form a prefix pair ("Harbor Fund LP" and "Harbor Fund LP II").
  mutating func fundNames(count: Int, random: inout SplitMix64) -> [String] {
    var names: [String] = []
    if count >= 2 && random.chance(1, in: 3) {
      let word = random.pick(SyntheticVocabulary.placeWords)
      let base = random.pick(["\(word) Fund LP", "\(word) Partners, L.P.", "\(word) Value Fund, L.P."])
      if let first = claim(base), let second = claim(base + random.pick([" II", " I", " III"])) {
        names = [first, second]
      }
    }
    while names.count < count {
      names.append(
        draw(&random) { random in
          let word = random.pick(SyntheticVocabulary.placeWords)
          let second = random.pick(SyntheticVocabulary.secondWords)
          let strategy = random.pick(SyntheticVocabulary.strategyWords)
          return random.pick([
            "\(word) \(second) Fund \(random.pick(["II", "III", "IV"])), L.P.",
            "\(word) \(second) Fund, L.P.",
            "\(word) \(strategy) Partners, L.P.",
            "\(word) \(strategy) Fund LP",
            "\(word) Offshore Fund, Ltd.",
            "\(word) \(second) Master Fund Ltd.",
            "\(word) \(strategy) Fund LLC",
          ])
        })
    }
    return random.shuffled(names)
  }

  /// Manager and general-partner names, some with "and" inside ("Rivera and Stone Capital LLC").
  mutating func managerNames(count: Int, random: inout SplitMix64) -> [String] {
    (0..<count).map { _ in
      draw(&random) { random in
        let word = random.pick(SyntheticVocabulary.placeWords)
        let first = random.pick(SyntheticVocabulary.surnames)
        var second = random.pick(SyntheticVocabulary.surnames)
        while second == first { second = random.pick(SyntheticVocabulary.surnames) }
        return random.pick([
          "\(word) Capital Management, LLC",
          "\(first) and \(second) Capital LLC",
          "\(word) Advisors, Inc.",
          "\(word) GP, LLC",
          "\(word) \(random.pick(SyntheticVocabulary.secondWords)) Partners GP, L.L.C.",
          "\(first) & \(second) Asset Management, Inc.",
        ])
      }
    }
  }

  /// Individuals' names, some with initials ("J. K. Mbeki").
  mutating func individualNames(count: Int, random: inout SplitMix64) -> [String] {
    (0..<count).map { _ in
      draw(&random) { random in
        let given = random.pick(SyntheticVocabulary.givenNames)
        let family = random.pick(SyntheticVocabulary.surnames)
        let initial = random.pick(SyntheticVocabulary.initials)
        let other = random.pick(SyntheticVocabulary.initials)
        return random.pick([
          "\(given) \(family)", "\(given) \(family)", "\(initial). \(other). \(family)",
          "\(given) \(initial). \(family)",
        ])
      }
    }
  }

  /// An issuer's name.
  mutating func issuerName(random: inout SplitMix64) -> String {
    draw(&random) { random in
      "\(random.pick(SyntheticVocabulary.placeWords)) \(random.pick(SyntheticVocabulary.issuerSuffixes))"
    }
  }

  /// A signing officer who is not a reporting person.
  mutating func officerName(random: inout SplitMix64) -> String {
    draw(&random) { random in
      "\(random.pick(SyntheticVocabulary.givenNames)) \(random.pick(SyntheticVocabulary.surnames))"
    }
  }
}
