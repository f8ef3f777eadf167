import BocheckSeeded
import Testing

@testable import BocheckModel
@testable import BocheckRules

/// Builds filings directly in Swift, without the reader.
enum SyntheticFiling {
  /// An amount row.
  static func amount(
    _ field: RowField, _ shares: Int, parts: [(PartKind, Int)] = [], relation: PartsRelation = .consistingOf,
    attributedTo: [String] = [], line: Int = 1, status: ReadStatus = .read
  ) -> Row {
    let amountParts = parts.enumerated().map { index, part in
      AmountPart(
        label: ["i", "ii", "iii", "iv", "v"][min(index, 4)], kind: part.0, shares: ExactDecimal(part.1), text: "")
    }
    let value = Amount(
      shares: ExactDecimal(shares), parts: amountParts, partsRelation: parts.isEmpty ? .none : relation,
      attributedTo: attributedTo)
    return Row(field: field, raw: "\(shares)", line: line, status: status, value: .amount(value))
  }

  /// A cover page with a name, an aggregate and, optionally, a percent.
  static func page(
    _ index: Int, _ name: String?, aggregate: Int?, parts: [(PartKind, Int)] = [], attributedTo: [String] = [],
    percent: String? = nil, line: Int? = nil
  ) -> CoverPage {
    let start = line ?? index * 100
    var rows: [RowField: Row] = [:]
    if let name {
      rows[.reportingPersonName] = Row(
        field: .reportingPersonName, raw: name, line: start + 1, status: .read, value: .text(name))
    }
    if let aggregate {
      rows[.aggregateAmountOwned] = amount(
        .aggregateAmountOwned, aggregate, parts: parts, attributedTo: attributedTo, line: start + 11)
    }
    if let percent, let value = ExactDecimal.parse(percent) {
      rows[.percentOfClass] = Row(
        field: .percentOfClass, raw: percent + "%", line: start + 13, status: .read,
        value: .percent(Percent(value: value)))
    }
    return CoverPage(index: index, line: start, rows: rows)
  }

  /// A 13D filing of the given pages.
  static func filing(
    _ pages: [CoverPage], stated: Int? = nil, signers: [NamedMention] = [], jointFilers: [NamedMention] = []
  ) -> Filing {
    Filing(
      path: "synthetic.txt", format: .text, schedule: .schedule13D,
      statedSharesOutstanding: stated.map { Located(ExactDecimal($0), line: 7) }, signers: signers,
      jointFilers: jointFilers, coverPages: pages)
  }
}

@Suite("Building blocks: shares-outstanding basis")
struct BasisTests {
  @Test("The option wins over the statement, which wins over the implied basis")
  func precedence() {
    let filing = SyntheticFiling.filing(
      [SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 1_000, percent: "10.0")], stated: 20_000)
    let option = SharesOutstandingBasis.resolve(for: filing, option: ExactDecimal(5_000))
    #expect(option == SharesOutstandingBasis(value: ExactDecimal(5_000), source: .option, line: nil))
    let stated = SharesOutstandingBasis.resolve(for: filing, option: nil)
    #expect(stated == SharesOutstandingBasis(value: ExactDecimal(20_000), source: .stated, line: 7))
    var unstated = filing
    unstated.statedSharesOutstanding = nil
    #expect(SharesOutstandingBasis.resolve(for: unstated, option: nil)?.source == .implied)
  }

  @Test("The implied basis is the roundest integer covered by the most pages")
  func impliedRoundest() {
    // 1,000 at 10.0% admits [9,950.2..., 10,050.2...]; 2,000 at 20.0% admits [9,987.5, 10,012.5].
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 1_000, percent: "10.0"),
      SyntheticFiling.page(2, "Beta Fund LP", aggregate: 2_000, percent: "20.0"),
      SyntheticFiling.page(3, "Gamma LLC", aggregate: 3_000, percent: "35.0"),
    ])
    let basis = SharesOutstandingBasis.implied(by: filing)
    #expect(basis == SharesOutstandingBasis(value: ExactDecimal(10_000), source: .implied, line: nil))
  }

  @Test("The implied basis lies inside every interval of the winning region, even when it is not round")
  func impliedNarrow() {
    // 12,344 at 12.35% admits [99,910.9..., 99,991.8...]; 12,346 at 12.35% admits [99,927.1..., 100,008.1...].
    // Both cover [99,927.2, 99,991.8]: no multiple of 100 lies there; of the multiples of 10, the one nearest
    // the middle (99,959.5) is 99,960.
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 12_344, percent: "12.35"),
      SyntheticFiling.page(2, "Beta Fund LP", aggregate: 12_346, percent: "12.35"),
    ])
    let basis = SharesOutstandingBasis.implied(by: filing)
    let value = try? #require(basis?.value)
    #expect(value == ExactDecimal(99_960))
    for (aggregate, percent) in [(12_344, "12.35"), (12_346, "12.35")] {
      let interval = try? RationalInterval(printed: ExactDecimal.parse(percent) ?? ExactDecimal(0))
      let ratio = try? Rational(100 * aggregate) / (value?.rational ?? .zero)
      #expect(ratio.map { interval?.contains($0) ?? false } == true)
    }
  }

  @Test("Among equally covered points, the one explained by Rule 13d-3 wins")
  func impliedPrefersRule13d3() {
    // Alpha holds 500 warrants: 1,000 / (N + 500) = 9.52% admits N near 10,000, and 1,000 / N admits N near
    // 10,504. Beta (no derivatives) at 9.52% admits only N near 10,504; Gamma at 20.0% only N near 10,000.
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(
        1, "Alpha Fund LP", aggregate: 1_000, parts: [(.common, 500), (.warrant, 500)], percent: "9.52"),
      SyntheticFiling.page(2, "Gamma Fund LP", aggregate: 2_000, percent: "20.0"),
    ])
    let basis = SharesOutstandingBasis.implied(by: filing)
    #expect(basis?.value == ExactDecimal(10_000))
  }

  /// The implied basis as the sweep first worked it out: the endpoints kept in a `Set` and the counts by
  /// endpoint in dictionaries (the plain way the sweep over sorted positions must agree with).
  private static func impliedByHashedSweep(_ filing: Filing) -> ExactDecimal? {
    let constraints = filing.coverPages.compactMap { PercentConstraint(page: $0) }
    var endpoints = Set<Rational>()
    for interval in constraints.flatMap(\.intervals) {
      endpoints.insert(interval.lower)
      if let upper = interval.upper { endpoints.insert(upper) }
    }
    let sorted = endpoints.sorted()
    guard let last = sorted.last else { return nil }
    var regions: [Region] = []
    for (index, endpoint) in sorted.enumerated() {
      regions.append(Region(lower: endpoint, lowerIncluded: true, upper: endpoint, upperIncluded: true))
      if index + 1 < sorted.count {
        regions.append(Region(lower: endpoint, lowerIncluded: false, upper: sorted[index + 1], upperIncluded: false))
      }
    }
    regions.append(Region(lower: last, lowerIncluded: false, upper: nil, upperIncluded: false))
    var coverStarts: [Rational: Int] = [:]
    var coverEnds: [Rational: Int] = [:]
    var ruleStarts: [Rational: Int] = [:]
    var ruleEnds: [Rational: Int] = [:]
    for constraint in constraints {
      for interval in DenominatorInterval.union(constraint.intervals) {
        coverStarts[interval.lower, default: 0] += 1
        if let upper = interval.upper { coverEnds[upper, default: 0] += 1 }
      }
      ruleStarts[constraint.ruleInterval.lower, default: 0] += 1
      if let upper = constraint.ruleInterval.upper { ruleEnds[upper, default: 0] += 1 }
    }
    var scores: [(covered: Int, explained: Int)] = []
    var covered = 0
    var explained = 0
    for (index, region) in regions.enumerated() {
      let isPoint = index % 2 == 0 && region.upper != nil && region.lower == region.upper
      if isPoint {
        covered += coverStarts[region.lower] ?? 0
        explained += ruleStarts[region.lower] ?? 0
      }
      let positive = region.sample.map { Rational.zero < $0 } ?? false
      scores.append(positive ? (covered, explained) : (0, 0))
      if isPoint {
        covered -= coverEnds[region.lower] ?? 0
        explained -= ruleEnds[region.lower] ?? 0
      }
    }
    let levels = Set(scores.map { [$0.covered, $0.explained] }).filter { $0[0] > 0 }.sorted {
      $0.lexicographicallyPrecedes($1)
    }
    for level in levels.reversed() {
      var best: (value: Rational, zeros: Int)?
      var index = 0
      while index < scores.count {
        guard [scores[index].covered, scores[index].explained] == level else {
          index += 1
          continue
        }
        var end = index
        while end + 1 < scores.count, [scores[end + 1].covered, scores[end + 1].explained] == level { end += 1 }
        let region = Region(
          lower: regions[index].lower, lowerIncluded: regions[index].lowerIncluded, upper: regions[end].upper,
          upperIncluded: regions[end].upperIncluded)
        if let candidate = region.roundestInteger(skippingStepsAboveTop: false),
          best == nil || candidate.zeros > (best?.zeros ?? 0)
        {
          best = candidate
        }
        index = end + 1
      }
      if let best, best.value.isInteger, best.value.numerator > 0 {
        return ExactDecimal(significand: best.value.numerator, scale: 0)
      }
    }
    return nil
  }

  @Test("The implied basis is the one a sweep with hashed endpoints finds, on seeded pages")
  func impliedEqualsHashedSweep() {
    var generator = SplitMix64(seed: 0x1A7_13D)
    let percents = ["10.0", "9.52", "5", "0.0", "33.3", "4.99", "12.5", "100", "0.01", "7.1"]
    for _ in 0..<300 {
      var pages: [CoverPage] = []
      for index in 1...(1 + Int(generator.next() % 5)) {
        let aggregate = [0, 1, 10, 999, 1_000, 2_500, 123_457, 5_000_000][Int(generator.next() % 8)]
        let warrants =
          generator.next() % 3 == 0
          ? [(PartKind.common, aggregate / 2), (PartKind.warrant, aggregate - aggregate / 2)] : []
        pages.append(
          SyntheticFiling.page(
            index, "Fund \(index)", aggregate: generator.next() % 9 == 0 ? nil : aggregate, parts: warrants,
            percent: percents[Int(generator.next() % UInt64(percents.count))]))
      }
      let filing = SyntheticFiling.filing(pages)
      #expect(SharesOutstandingBasis.implied(by: filing)?.value == Self.impliedByHashedSweep(filing), "\(pages)")
    }
  }

  @Test("A region's roundest integer is the same whether the steps above its top are passed over or tried")
  func roundestIntegerSkipsStepsAboveTop() throws {
    // Seeded bounds from below one to beyond 10^18, fractional and whole, open and closed, bounded and not.
    var generator = SplitMix64(seed: 0x5EED_13D)
    var bounds: [Rational] = [Rational.zero, Rational(1), Rational(-7), Rational(10), Rational(1_000_000)]
    for _ in 0..<120 {
      let digits = Int(generator.next() % 19)
      var magnitude: Int128 = 1
      for _ in 0..<digits { magnitude *= 10 }
      let numerator = Int128(generator.next() % UInt64(Int64.max)) % (magnitude * 9) + magnitude
      let denominator = Int128([1, 2, 3, 7, 100][Int(generator.next() % 5)])
      bounds.append(
        try Rational(numerator: generator.next() % 9 == 0 ? -numerator : numerator, denominator: denominator))
    }
    for lower in bounds {
      for width in bounds.prefix(12) + bounds.suffix(6) {
        let upper = try lower + (Rational.zero < width ? width : Rational.zero - width)
        for (lowerIncluded, upperIncluded) in [(true, true), (false, false), (true, false)] {
          for top in [upper, nil] {
            let region = Region(lower: lower, lowerIncluded: lowerIncluded, upper: top, upperIncluded: upperIncluded)
            let skipping = region.roundestInteger()
            let plain = region.roundestInteger(skippingStepsAboveTop: false)
            #expect(skipping?.value == plain?.value && skipping?.zeros == plain?.zeros, "\(lower) ... \(upper)")
          }
        }
      }
    }
  }

  @Test("No readable page, no implied basis; a zero percent leaves the interval unbounded above")
  func impliedEdges() {
    #expect(
      SharesOutstandingBasis.implied(by: SyntheticFiling.filing([SyntheticFiling.page(1, "A", aggregate: nil)])) == nil)
    let zero = SyntheticFiling.filing([SyntheticFiling.page(1, "A", aggregate: 10, percent: "0.0")])
    // 10 shares at 0.0% admits every N >= 20,000: the roundest integer up to ten times that is 100,000.
    #expect(SharesOutstandingBasis.implied(by: zero)?.value == ExactDecimal(100_000))
  }
}

@Suite("Building blocks: ownership graph and parties")
struct OwnershipGraphTests {
  @Test("A parent's holders are the funds' own pages, in page order")
  func fundsOwnPages() {
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 100),
      SyntheticFiling.page(2, "Beta Fund L.P.", aggregate: 200),
      SyntheticFiling.page(3, "Manager LLC", aggregate: 300, attributedTo: ["Beta Fund LP", "Alpha Fund, L.P."]),
      SyntheticFiling.page(4, "Jane Roe", aggregate: 300, attributedTo: ["Alpha Fund LP", "Beta Fund LP"]),
    ])
    #expect(OwnershipGraph.holders(ofPage: 3, in: filing) == [1, 2])
    // Peers attributing to the same names are not each other's children.
    #expect(OwnershipGraph.holders(ofPage: 4, in: filing) == [1, 2])
    #expect(OwnershipGraph.holders(ofPage: 1, in: filing) == [])
  }

  @Test("A manager stands in for a fund that has no cover page of its own")
  func managerStandsIn() {
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 100),
      SyntheticFiling.page(2, "Offshore Advisors Inc.", aggregate: 50, attributedTo: ["Offshore Fund Ltd."]),
      SyntheticFiling.page(3, "John Doe", aggregate: 150, attributedTo: ["Alpha Fund LP", "Offshore Fund Ltd"]),
    ])
    #expect(OwnershipGraph.holders(ofPage: 3, in: filing) == [1, 2])
  }

  @Test("The finest cover wins: funds' own pages rather than the manager that reports for them")
  func finestCover() {
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 100),
      SyntheticFiling.page(2, "Beta Fund LP", aggregate: 200),
      SyntheticFiling.page(3, "Gamma Fund Ltd", aggregate: 300),
      SyntheticFiling.page(4, "Manager LLC", aggregate: 300, attributedTo: ["Alpha Fund LP", "Beta Fund LP"]),
      SyntheticFiling.page(5, "Offshore Inc", aggregate: 300, attributedTo: ["Gamma Fund Ltd"]),
      SyntheticFiling.page(
        6, "Jane Roe", aggregate: 600, attributedTo: ["Alpha Fund LP", "Beta Fund LP", "Gamma Fund Ltd"]),
    ])
    #expect(OwnershipGraph.holders(ofPage: 6, in: filing) == [1, 2, 3])
  }

  @Test("No exact cover, no holders")
  func noExactCover() {
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 100),
      SyntheticFiling.page(2, "Jane Roe", aggregate: 100, attributedTo: ["Alpha Fund LP", "Unknown Fund LP"]),
    ])
    #expect(OwnershipGraph.holders(ofPage: 2, in: filing) == [])
  }

  @Test("A name given twice in one attribution (the same key printed two ways) counts once")
  func repeatedAttributedName() {
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 100),
      SyntheticFiling.page(2, "Beta Fund LP", aggregate: 200),
      SyntheticFiling.page(
        3, "Manager LLC", aggregate: 300, attributedTo: ["Beta Fund LP", "Alpha Fund LP", "Alpha Fund, L.P."]),
      SyntheticFiling.page(4, "Adviser Inc", aggregate: 100, attributedTo: ["Alpha Fund, L.P.", "Alpha Fund LP"]),
    ])
    #expect(OwnershipGraph.holders(ofPage: 3, in: filing) == [1, 2])
    #expect(OwnershipGraph.holders(ofPage: 4, in: filing) == [1])
  }

  @Test("Every page's holders at once: a page named among the names it attributes to is never its own holder")
  func holdersOfEveryPage() {
    // Pages 1, 3 and 4 attribute to the same names; page 1 is one of them, so its search leaves it out.
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 300, attributedTo: ["Alpha Fund LP", "Beta Fund LP"]),
      SyntheticFiling.page(2, "Beta Fund LP", aggregate: 200),
      SyntheticFiling.page(3, "Manager LLC", aggregate: 300, attributedTo: ["Beta Fund LP", "Alpha Fund LP"]),
      SyntheticFiling.page(4, "Jane Roe", aggregate: 300, attributedTo: ["Alpha Fund LP", "Beta Fund LP"]),
      SyntheticFiling.page(5, "John Doe", aggregate: 200, attributedTo: ["Beta Fund LP"]),
    ])
    let index = OwnershipGraph.Index(filing)
    let every = index.holdersOfEveryPage()
    #expect(every[1] == [])
    #expect(every[3] == [1, 2])
    #expect(every[4] == [1, 2])
    #expect(every[5] == [2])
    #expect(every[2] == nil)
    for page in 1...5 {
      #expect((every[page] ?? []) == index.holders(ofPage: page), "page \(page)")
    }
  }

  @Test("Names are looked up in an ascending list of their numbers by halving")
  func numberLookup() {
    let numbers = [2, 3, 5, 8, 13, 21, 34]
    for number in 0...40 {
      #expect(OwnershipGraph.Index.holds(numbers, number) == numbers.contains(number), "number \(number)")
    }
    #expect(!OwnershipGraph.Index.holds([], 0))
    var repeated = [1, 1, 2, 4, 4, 4, 9]
    OwnershipGraph.Index.removeRepeats(&repeated)
    #expect(repeated == [1, 2, 4, 9])
  }

  @Test("Parties are deduplicated by name key and matched to complete cover pages only")
  func parties() {
    var complete = SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 100, percent: "1.0")
    for field in RowField.allCases where complete.rows[field] == nil {
      complete.rows[field] = Row(field: field, raw: "x", line: 120, status: .read, value: .text("x"))
    }
    let fragment = SyntheticFiling.page(2, "Beta Fund LP", aggregate: 100)
    let filing = SyntheticFiling.filing(
      [complete, fragment],
      signers: [NamedMention(name: "ALPHA FUND, L.P.", line: 300), NamedMention(name: "BETA FUND LP", line: 310)],
      jointFilers: [NamedMention(name: "Alpha Fund LP", line: 400), NamedMention(name: "Gamma LLC", line: 401)])
    let parties = Parties.of(filing)
    #expect(parties.map(\.name) == ["ALPHA FUND, L.P.", "BETA FUND LP", "Gamma LLC"])
    #expect(parties.map(\.coverPage) == [1, nil, nil])
    #expect(parties.first?.signs == true && parties.first?.joins == true)
    #expect(parties.last?.signs == false && parties.last?.joins == true)
  }
}

@Suite("Building blocks: amount sums")
struct AmountSumTests {
  private func amount(_ shares: Int, _ parts: [(PartKind, Int)], relation: PartsRelation = .consistingOf) -> Amount? {
    SyntheticFiling.amount(.aggregateAmountOwned, shares, parts: parts, relation: relation).amount
  }

  @Test("Sums add totals and, when every amount itemises, parts by kind")
  func sums() throws {
    let sum = try #require(
      AmountArithmetic.sum([amount(100, [(.common, 60), (.warrant, 40)]), amount(50, [(.common, 50)])]))
    #expect(sum.shares == Rational(150))
    #expect(sum.partsByKind == [.common: Rational(110), .warrant: Rational(40)])
    let partial = try #require(AmountArithmetic.sum([amount(100, [(.common, 60), (.warrant, 40)]), amount(50, [])]))
    #expect(partial.shares == Rational(150) && partial.partsByKind == nil)
    #expect(AmountArithmetic.sum([amount(1, []), nil]) == nil)
  }

  @Test("Part sums keep each kind once, whatever the order kinds are added, set and dropped in")
  func partSums() throws {
    var sums = PartSums()
    try sums.add(Rational(5), to: .warrant)
    try sums.add(Rational(7), to: .common)
    try sums.add(Rational(1), to: .warrant)
    sums[.common] = nil
    sums[.option] = Rational(2)
    #expect(sums[.warrant] == Rational(6) && sums[.common] == nil && sums[.option] == Rational(2))
    #expect(sums == [.option: Rational(2), .warrant: Rational(6)])
    sums[.warrant] = nil
    sums[.option] = nil
    #expect(sums == PartSums())
    sums[.other] = Rational(3)
    try sums.add(Rational(4), to: .convertible)
    #expect(sums == [.convertible: Rational(4), .other: Rational(3)])
  }

  @Test("Part differences say which part, its kind and both numbers")
  func differences() throws {
    let reported = try #require(amount(3_000, [(.common, 1_000), (.convertible, 1_547), (.warrant, 453)]))
    let held = AmountSum(
      shares: Rational(3_001),
      partsByKind: [.common: Rational(1_000), .convertible: Rational(1_548), .warrant: Rational(453)],
      count: 2)
    #expect(AmountArithmetic.partDifferences(reported, held) == ["part (ii) (convertible) 1,547 reported, 1,548 held"])
    let withOption = AmountSum(
      shares: Rational(3_010),
      partsByKind: [
        .common: Rational(1_000), .convertible: Rational(1_547), .warrant: Rational(453), .option: Rational(10),
      ],
      count: 2)
    #expect(AmountArithmetic.partDifferences(reported, withOption) == ["no option part reported, 10 held"])
    let including = try #require(amount(3_000, [(.common, 1_000)], relation: .including))
    #expect(AmountArithmetic.partDifferences(including, held).isEmpty)
  }

  @Test("Acquirable shares are the convertible, warrant and option parts")
  func acquirable() throws {
    let value = try #require(amount(100, [(.common, 10), (.convertible, 20), (.warrant, 30), (.option, 40)]))
    #expect(AmountArithmetic.acquirableShares(of: value) == Rational(90))
  }
}
