import BocheckModel

/// The total of several amounts: their shares and, when every one of them itemises its parts, the shares of
/// each kind of part.
struct AmountSum: Hashable, Sendable {
  /// The sum of the totals.
  var shares: Rational
  /// The sum of each kind's parts, or `nil` when some amount does not itemise ("consisting of") its parts.
  var partsByKind: [PartKind: Rational]?
  /// How many amounts were added.
  var count: Int
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
  static func partsByKind(of amount: Amount) -> [PartKind: Rational]? {
    guard amount.partsRelation == .consistingOf, !amount.parts.isEmpty else { return nil }
    var sums: [PartKind: Rational] = [:]
    for part in amount.parts {
      guard let next = try? (sums[part.kind] ?? .zero) + part.shares.rational else { return nil }
      sums[part.kind] = next
    }
    return sums
  }

  /// Adds amounts: their totals and, when each itemises its parts, their parts kind by kind.
  ///
  /// - Parameter amounts: The amounts; an unknown one (`nil`) makes the sum unknown.
  /// - Returns: `nil` when an amount is unknown or the sum overflows.
  static func sum(_ amounts: [Amount?]) -> AmountSum? {
    var shares = Rational.zero
    var parts: [PartKind: Rational]? = [:]
    for amount in amounts {
      guard let amount, let total = try? shares + amount.shares.rational else { return nil }
      shares = total
      if let known = parts, let own = partsByKind(of: amount) {
        var merged = known
        for (kind, value) in own {
          guard let next = try? (merged[kind] ?? .zero) + value else { return nil }
          merged[kind] = next
        }
        parts = merged
      } else {
        parts = nil
      }
    }
    return AmountSum(shares: shares, partsByKind: amounts.isEmpty ? nil : parts, count: amounts.count)
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
