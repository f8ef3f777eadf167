import BocheckModel

/// Where the shares-outstanding basis of a check comes from.
public enum BasisSource: String, Sendable, Hashable, Codable {
  /// Given on the command line with `--shares-outstanding`.
  case option
  /// Stated in the filing itself (Item 5, a footnote, ...).
  case stated
  /// Implied by the cover pages' amounts and percents together.
  case implied
  /// Given for the issuer's CUSIP in the configuration file (`.bocheck.json`).
  case configuration
}

/// The number of shares outstanding that percents of class are checked against.
public struct SharesOutstandingBasis: Sendable, Hashable {
  /// The number of shares outstanding.
  public let value: ExactDecimal
  /// Where the number comes from.
  public let source: BasisSource
  /// The 1-based line that states it, when the filing states it.
  public let line: Int?

  /// Creates a basis.
  public init(value: ExactDecimal, source: BasisSource, line: Int?) {
    self.value = value
    self.source = source
    self.line = line
  }

  /// The basis for a filing: the option if given, else the filing's statement, else the one its cover pages imply.
  ///
  /// - Parameters:
  ///   - filing: The filing as read.
  ///   - option: The `--shares-outstanding` value (or the configuration's), if given.
  ///   - optionSource: Where `option` comes from: `.option` (the default) or `.configuration`.
  /// - Returns: `nil` when nothing states or implies a basis.
  public static func resolve(
    for filing: Filing, option: ExactDecimal?, optionSource: BasisSource = .option
  ) -> SharesOutstandingBasis? {
    if let option { return SharesOutstandingBasis(value: option, source: optionSource, line: nil) }
    if let stated = filing.statedSharesOutstanding {
      return SharesOutstandingBasis(value: stated.value, source: .stated, line: stated.line)
    }
    return implied(by: filing)
  }

  /// The basis for one cover page: the filing's, unless the page's own percent states one in a footnote.
  ///
  /// A basis given with `--shares-outstanding` or by the configuration file wins over everything the filing
  /// says. Otherwise a footnote to the page's percent of class ("based on 12,000,000 shares outstanding")
  /// is the basis that percent was computed on, more specific than a basis the filing states once for all
  /// pages or one the pages imply together.
  ///
  /// - Parameters:
  ///   - page: The cover page.
  ///   - filingBasis: The filing's basis, from ``resolve(for:option:optionSource:)``.
  /// - Returns: `nil` when neither the page nor the filing has a basis.
  public static func forPage(_ page: CoverPage, filingBasis: SharesOutstandingBasis?) -> SharesOutstandingBasis? {
    if let filingBasis, filingBasis.source == .option || filingBasis.source == .configuration { return filingBasis }
    if let stated = page.rows[.percentOfClass]?.percent?.statedBasis, Rational.zero < stated.value.rational {
      return SharesOutstandingBasis(value: stated.value, source: .stated, line: stated.line)
    }
    return filingBasis
  }

  /// The basis the cover pages imply together, found by a sweep over exact interval endpoints.
  ///
  /// A person with a readable aggregate A and a percent v printed with d decimals admits every denominator N
  /// for which 100·A/N rounds to v: N in [100·A/(v+h), 100·A/(v−h)] with h = ½·10⁻ᵈ (unbounded above when
  /// v − h ≤ 0). Under Rule 13d-3(d)(1)(i) the denominator also holds the person's own acquirable shares D (the
  /// convertible, warrant and option parts of its row 11), so the basis may also lie in that interval shifted
  /// by −D. The basis is the point covered by the most persons; among ties, by the most persons explained by
  /// the Rule 13d-3 formula. Its value is the roundest integer (most trailing zeros) in the winning region,
  /// so it lies inside every interval that covers the region.
  ///
  /// - Parameter filing: The filing as read.
  /// - Returns: `nil` when no person has both a readable positive aggregate and a readable percent, or no
  ///   winning region holds an integer.
  public static func implied(by filing: Filing) -> SharesOutstandingBasis? {
    let constraints = filing.coverPages.compactMap { PercentConstraint(page: $0) }
    guard !constraints.isEmpty else { return nil }
    // The distinct endpoints in order: sorted, then each kept once (hashing a rational costs more than
    // comparing it with its neighbour).
    var endpoints: [Rational] = []
    for constraint in constraints {
      for interval in constraint.intervals {
        endpoints.append(interval.lower)
        if let upper = interval.upper { endpoints.append(upper) }
      }
    }
    endpoints.sort()
    var sorted: [Rational] = []
    sorted.reserveCapacity(endpoints.count)
    for endpoint in endpoints where sorted.last != endpoint { sorted.append(endpoint) }
    guard let last = sorted.last else { return nil }
    // Elementary regions in order: each endpoint, then the open gap after it.
    var regions: [Region] = []
    regions.reserveCapacity(2 * sorted.count)
    for (index, endpoint) in sorted.enumerated() {
      regions.append(Region(lower: endpoint, lowerIncluded: true, upper: endpoint, upperIncluded: true))
      if index + 1 < sorted.count {
        regions.append(Region(lower: endpoint, lowerIncluded: false, upper: sorted[index + 1], upperIncluded: false))
      }
    }
    regions.append(Region(lower: last, lowerIncluded: false, upper: nil, upperIncluded: false))
    // One sweep over the sorted endpoints counts, for every region, the pages whose intervals cover it (a
    // page counts once even when its two intervals overlap) and the pages its Rule 13d-3 interval covers.
    // The counts are kept by the endpoints' positions in `sorted`, where every end of an interval (and of a
    // union of them) is found by bisection.
    func position(of endpoint: Rational) -> Int {
      // The last endpoint stands for any after it.
      max(0, min(sorted.partitioningIndex { !($0 < endpoint) }, sorted.count - 1))
    }
    var coverStarts = [Int](repeating: 0, count: sorted.count)
    var coverEnds = [Int](repeating: 0, count: sorted.count)
    var ruleStarts = [Int](repeating: 0, count: sorted.count)
    var ruleEnds = [Int](repeating: 0, count: sorted.count)
    for constraint in constraints {
      for interval in DenominatorInterval.union(constraint.intervals) {
        coverStarts[position(of: interval.lower)] += 1
        if let upper = interval.upper { coverEnds[position(of: upper)] += 1 }
      }
      ruleStarts[position(of: constraint.ruleInterval.lower)] += 1
      if let upper = constraint.ruleInterval.upper { ruleEnds[position(of: upper)] += 1 }
    }
    var scored: [(region: Region, score: Score)] = []
    scored.reserveCapacity(regions.count)
    var covered = 0
    var explained = 0
    for (index, region) in regions.enumerated() {
      // The point regions are the even ones but the last, at the endpoint of half their index.
      let isPoint = index % 2 == 0 && region.upper != nil && region.lower == region.upper
      if isPoint {
        covered += coverStarts[index / 2]
        explained += ruleStarts[index / 2]
      }
      let positive = region.sample.map { Rational.zero < $0 } ?? false
      scored.append(
        (region, positive ? Score(covered: covered, explainedByRule: explained) : Score(covered: 0, explainedByRule: 0))
      )
      if isPoint {
        covered -= coverEnds[index / 2]
        explained -= ruleEnds[index / 2]
      }
    }
    let levels = Set(scored.map(\.score)).filter { $0.covered > 0 }.sorted(by: >)
    for level in levels {
      var best: (value: Rational, zeros: Int)?
      var index = 0
      while index < scored.count {
        guard scored[index].score == level else {
          index += 1
          continue
        }
        var end = index
        while end + 1 < scored.count, scored[end + 1].score == level { end += 1 }
        let region = Region(
          lower: scored[index].region.lower, lowerIncluded: scored[index].region.lowerIncluded,
          upper: scored[end].region.upper, upperIncluded: scored[end].region.upperIncluded)
        if let candidate = region.roundestInteger(), best == nil || candidate.zeros > (best?.zeros ?? 0) {
          best = candidate
        }
        index = end + 1
      }
      if let best, best.value.isInteger, best.value.numerator > 0 {
        return SharesOutstandingBasis(
          value: ExactDecimal(significand: best.value.numerator, scale: 0), source: .implied, line: nil)
      }
    }
    return nil
  }

  private struct Score: Hashable, Comparable {
    var covered: Int
    var explainedByRule: Int

    static func < (lhs: Score, rhs: Score) -> Bool {
      (lhs.covered, lhs.explainedByRule) < (rhs.covered, rhs.explainedByRule)
    }
  }
}

/// An interval of denominators, possibly unbounded above.
struct DenominatorInterval: Hashable, Sendable {
  var lower: Rational
  /// `nil` when unbounded.
  var upper: Rational?

  /// The union of intervals as disjoint intervals, sorted by their lower ends.
  static func union(_ intervals: [DenominatorInterval]) -> [DenominatorInterval] {
    var result: [DenominatorInterval] = []
    for interval in intervals.sorted(by: { $0.lower < $1.lower }) {
      if var last = result.last, last.upper.map({ !($0 < interval.lower) }) ?? true {
        if let lastUpper = last.upper {
          last.upper = interval.upper.map { lastUpper < $0 ? $0 : lastUpper }
        }
        result[result.count - 1] = last
      } else {
        result.append(interval)
      }
    }
    return result
  }

  func contains(_ value: Rational) -> Bool {
    guard !(value < lower) else { return false }
    guard let upper else { return true }
    return !(upper < value)
  }
}

/// The denominators one cover page's aggregate and percent admit.
struct PercentConstraint: Sendable {
  /// The plain-formula interval and, when the person holds acquirable shares, the Rule 13d-3 one.
  var intervals: [DenominatorInterval]
  /// The interval under Rule 13d-3(d)(1)(i) (the plain one when the person holds nothing acquirable).
  var ruleInterval: DenominatorInterval

  /// The constraint of a cover page, or `nil` when its row 11 or row 13 is unreadable or its aggregate is zero.
  init?(page: CoverPage) {
    guard let amount = page.rows[.aggregateAmountOwned]?.amount, let percent = page.rows[.percentOfClass]?.percent,
      Rational.zero < amount.shares.rational
    else { return nil }
    guard let printed = try? RationalInterval(printed: percent.value), Rational.zero < printed.upper else {
      return nil
    }
    let acquirable = AmountArithmetic.acquirableShares(of: amount) ?? .zero
    do {
      let hundredTimesAmount = try Rational(100) * amount.shares.rational
      let lower = try hundredTimesAmount / printed.upper
      let upper = Rational.zero < printed.lower ? try hundredTimesAmount / printed.lower : nil
      let plain = DenominatorInterval(lower: lower, upper: upper)
      intervals = [plain]
      ruleInterval = plain
      if Rational.zero < acquirable {
        let shifted = DenominatorInterval(
          lower: try lower - acquirable,
          upper: try upper.map { (value) throws(ArithmeticOverflow) in try value - acquirable })
        intervals.append(shifted)
        ruleInterval = shifted
      }
    } catch {
      return nil
    }
  }
}

/// A connected set of denominators: bounds with their inclusion, unbounded above when `upper` is `nil`.
struct Region: Sendable {
  var lower: Rational
  var lowerIncluded: Bool
  var upper: Rational?
  var upperIncluded: Bool

  /// A point inside the region.
  var sample: Rational? {
    guard let upper else { return try? lower + Rational(1) }
    if lower == upper { return lower }
    return try? (lower + upper) / Rational(2)
  }

  /// The integer inside the region with the most trailing zeros, nearest the middle among equals.
  ///
  /// Unbounded regions look no further than ten times their lower bound. The steps tried go from 10¹⁸ down;
  /// in a region above zero, those above its top are passed over without looking for a multiple of them
  /// (the first multiple of such a step is the step itself, above the top).
  ///
  /// - Parameter skippingStepsAboveTop: Whether steps above the top of a region above zero are passed over;
  ///   `false` looks for a multiple of every step, the plain way the shortcut must agree with.
  func roundestInteger(skippingStepsAboveTop: Bool = true) -> (value: Rational, zeros: Int)? {
    let top: Rational
    let topIncluded: Bool
    if let upper {
      top = upper
      topIncluded = upperIncluded
    } else {
      guard let tenfold = try? lower * Rational(10), let bounded = try? tenfold + Rational(10) else { return nil }
      top = bounded
      topIncluded = true
    }
    var step: Int128 = 1
    var zeros = 0
    while zeros < 18 {
      step *= 10
      zeros += 1
    }
    if skippingStepsAboveTop, Rational.zero < lower {
      // A whole step above the integer part of the top is above the top.
      let topIntegerPart = top.numerator / top.denominator
      while zeros > 0, step > topIntegerPart {
        step /= 10
        zeros -= 1
      }
    }
    while zeros >= 0 {
      if let first = Region.firstMultiple(of: step, from: lower, included: lowerIncluded),
        first < top || (topIncluded && first == top)
      {
        guard let stepValue = try? Rational(numerator: step, denominator: 1),
          let middle = try? (lower + top) / Rational(2),
          let nearest = Region.nearestMultiple(of: step, to: middle)
        else { return (first, zeros) }
        var chosen = first
        if upper != nil, !(nearest < first), nearest < top || (topIncluded && nearest == top) {
          chosen = nearest
        } else if upper != nil, let below = try? nearest - stepValue, !(below < first),
          below < top || (topIncluded && below == top)
        {
          chosen = below
        }
        return (chosen, zeros)
      }
      step /= 10
      zeros -= 1
    }
    return nil
  }

  /// The smallest multiple of `step` at or above (`included`) or strictly above `value`.
  static func firstMultiple(of step: Int128, from value: Rational, included: Bool) -> Rational? {
    let (quotient, remainder) = value.numerator.quotientAndRemainder(dividingBy: value.denominator)
    let floor = remainder < 0 ? quotient - 1 : quotient
    let (steps, stepRemainder) = floor.quotientAndRemainder(dividingBy: step)
    var multiple = (stepRemainder < 0 ? steps - 1 : steps) * step
    guard let candidate = try? Rational(numerator: multiple, denominator: 1) else { return nil }
    if candidate < value || (!included && candidate == value) {
      let (next, overflow) = multiple.addingReportingOverflow(step)
      if overflow { return nil }
      multiple = next
      if let advanced = try? Rational(numerator: multiple, denominator: 1),
        advanced < value || (!included && advanced == value)
      {
        let (again, overflowAgain) = multiple.addingReportingOverflow(step)
        if overflowAgain { return nil }
        multiple = again
      }
    }
    return try? Rational(numerator: multiple, denominator: 1)
  }

  /// The multiple of `step` nearest `value` (rounding half up).
  static func nearestMultiple(of step: Int128, to value: Rational) -> Rational? {
    guard let half = try? Rational(numerator: step, denominator: 2), let shifted = try? value + half else {
      return nil
    }
    let (quotient, remainder) = shifted.numerator.quotientAndRemainder(dividingBy: shifted.denominator)
    let floor = remainder < 0 ? quotient - 1 : quotient
    let (steps, stepRemainder) = floor.quotientAndRemainder(dividingBy: step)
    let multiple = (stepRemainder < 0 ? steps - 1 : steps) * step
    return try? Rational(numerator: multiple, denominator: 1)
  }
}
