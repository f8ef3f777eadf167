import BocheckModel

/// The total of several amounts: their shares and, when every one of them itemises its parts, the shares of
/// each kind of part.
struct AmountSum: Hashable, Sendable {
  /// The sum of the totals.
  var shares: Rational
  /// The sum of each kind's parts, or `nil` when some amount does not itemise ("consisting of") its parts.
  var partsByKind: PartSums?
  /// How many amounts were added.
  var count: Int
}

/// Shares summed by kind of part.
///
/// The sums are a short list of the kinds added and their shares, in the order the kinds were first added: an
/// amount has a few kinds of parts, which a look along the list finds at once, where a table keyed by kind
/// hashed the kind for every part added or read (some 200 instructions each on the mixed bench files). Two
/// sums are equal when every kind has the same sum in both, whatever the order of their kinds.
struct PartSums: Hashable, Sendable, ExpressibleByDictionaryLiteral {
  /// Each kind that has a sum, with its sum, in the order first added.
  private(set) var sums: [(kind: PartKind, shares: Rational)] = []

  /// No sum for any kind.
  init() {}

  /// The given sums, by kind.
  init(dictionaryLiteral elements: (PartKind, Rational)...) {
    for (kind, shares) in elements { self[kind] = shares }
  }

  /// The sum of a kind's parts, or `nil` when no part of that kind was added.
  subscript(kind: PartKind) -> Rational? {
    get {
      for entry in sums where entry.kind == kind { return entry.shares }
      return nil
    }
    set {
      if let index = sums.firstIndex(where: { $0.kind == kind }) {
        if let newValue { sums[index].shares = newValue } else { sums.remove(at: index) }
      } else if let newValue {
        append(kind, newValue)
      }
    }
  }

  /// Adds a kind's first sum, the list made room for every kind at once: growing it kind by kind made it
  /// again for the second kind and the third.
  private mutating func append(_ kind: PartKind, _ shares: Rational) {
    if sums.isEmpty { sums.reserveCapacity(PartKind.allCases.count) }
    sums.append((kind, shares))
  }

  /// Adds shares to a kind's sum.
  ///
  /// - Throws: ``ArithmeticOverflow`` when the sum overflows; the sums are then as they were.
  mutating func add(_ shares: Rational, to kind: PartKind) throws(ArithmeticOverflow) {
    if let index = sums.firstIndex(where: { $0.kind == kind }) {
      sums[index].shares = try sums[index].shares + shares
    } else {
      append(kind, shares)
    }
  }

  static func == (lhs: PartSums, rhs: PartSums) -> Bool {
    lhs.sums.count == rhs.sums.count && lhs.sums.allSatisfy { rhs[$0.kind] == $0.shares }
  }

  func hash(into hasher: inout Hasher) {
    for kind in PartKind.allCases { hasher.combine(self[kind]) }
  }
}

/// Exact arithmetic on amounts: sums, part sums by kind and the differences between them.
enum AmountArithmetic {
  /// The shares the holder can acquire: the convertible, warrant and option parts of the amount.
  ///
  /// - Returns: Zero when the amount itemises nothing acquirable; `nil` on overflow.
  static func acquirableShares(of amount: Amount) -> Rational? {
    var total = Rational.zero
    for part in amount.parts where part.kind.isAcquirable {
      guard let next = try? total + part.shares.rational else { return nil }
      total = next
    }
    return total
  }

  /// The parts of an amount that itemises all of its total, summed by kind.
  ///
  /// - Returns: `nil` unless the amount lists its parts with "consisting of".
  static func partsByKind(of amount: Amount) -> PartSums? {
    guard amount.partsRelation == .consistingOf, !amount.parts.isEmpty else { return nil }
    var sums = PartSums()
    for part in amount.parts {
      guard (try? sums.add(part.shares.rational, to: part.kind)) != nil else { return nil }
    }
    return sums
  }

  /// Adds amounts: their totals and, when each itemises its parts, their parts kind by kind.
  ///
  /// - Parameter amounts: The amounts; an unknown one (`nil`) makes the sum unknown.
  /// - Returns: `nil` when an amount is unknown or the sum overflows.
  static func sum(_ amounts: [Amount?]) -> AmountSum? {
    sum(count: amounts.count) { index in amounts[index].map { ($0.shares.rational, partsByKind(of: $0)) } }
  }

  /// Adds amounts given one at a time as their shares and their parts by kind (see ``sum(_:)``), so that rows
  /// are added without an ``Amount`` made for each.
  ///
  /// - Parameters:
  ///   - count: How many amounts there are.
  ///   - amount: The shares of the amount at a 0-based position and its parts by kind (`nil` when it does not
  ///     itemise them, see ``partsByKind(of:)``), or `nil` when the amount is unknown.
  /// - Returns: `nil` when an amount is unknown or the sum overflows.
  static func sum(count: Int, _ amount: (Int) -> (shares: Rational, parts: PartSums?)?) -> AmountSum? {
    var shares = Rational.zero
    var parts: PartSums? = PartSums()
    for index in 0..<count {
      guard let (amountShares, own) = amount(index), let total = try? shares + amountShares else { return nil }
      shares = total
      if var merged = parts, let own {
        // Merged in place: the sums are dropped from `parts` while they grow, so that they are not copied.
        parts = nil
        for entry in own.sums {
          guard (try? merged.add(entry.shares, to: entry.kind)) != nil else { return nil }
        }
        parts = merged
      } else {
        parts = nil
      }
    }
    return AmountSum(shares: shares, partsByKind: count == 0 ? nil : parts, count: count)
  }

  /// Describes, kind by kind, where an amount's itemised parts differ from the parts a sum holds.
  ///
  /// Each difference reads like "part (ii) (convertible) 40,000 reported, 40,001 held". Nothing is
  /// compared unless both the amount and the sum itemise their parts.
  ///
  /// - Parameters:
  ///   - amount: The amount as reported.
  ///   - sum: What the amounts it should equal hold together.
  /// - Returns: One text per kind whose shares differ, in the order of ``PartKind``; empty when they agree or
  ///   cannot be compared.
  static func partDifferences(_ amount: Amount, _ sum: AmountSum) -> [String] {
    guard let reported = partsByKind(of: amount), let held = sum.partsByKind else { return [] }
    var differences: [String] = []
    for kind in PartKind.allCases {
      let reportedShares = reported[kind] ?? .zero
      let heldShares = held[kind] ?? .zero
      guard reportedShares != heldShares else { continue }
      let labels = amount.parts.filter { $0.kind == kind }.map { "(\($0.label))" }
      let format = { (value: Rational) in ValueFormatter.number(value, decimals: nil, grouping: true) }
      let heldText = heldShares == .zero ? "none held" : "\(format(heldShares)) held"
      if labels.isEmpty {
        differences.append("no \(kind.rawValue) part reported, \(heldText)")
      } else {
        let noun = labels.count == 1 ? "part" : "parts"
        differences.append(
          "\(noun) \(ValueFormatter.join(labels)) (\(kind.rawValue)) \(format(reportedShares)) reported, \(heldText)")
      }
    }
    return differences
  }
}
