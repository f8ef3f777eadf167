import BocheckSeeded

/// What the synthetic filings draw beyond ``SplitMix64``'s integers and picks.
extension SplitMix64 {
  /// Whether an event of probability `numerator / denominator` happens.
  ///
  /// - Parameters:
  ///   - numerator: Favourable outcomes, from 0 to `denominator`.
  ///   - denominator: All outcomes, at least 1.
  mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
    int(in: 0...(max(denominator, 1) - 1)) < numerator
  }

  /// The elements in a random order (Fisher–Yates).
  mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
    var result = elements
    guard result.count > 1 else { return result }
    for index in stride(from: result.count - 1, to: 0, by: -1) {
      result.swapAt(index, int(in: 0...index))
    }
    return result
  }

  /// A random non-empty subset of `elements`, in their original order.
  mutating func nonEmptySubset<Element>(_ elements: [Element]) -> [Element] {
    precondition(!elements.isEmpty, "subset of an empty list")
    var chosen = elements.filter { _ in chance(1, in: 2) }
    if chosen.isEmpty { chosen = [pick(elements)] }
    return chosen
  }
}
