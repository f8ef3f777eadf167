/// A small, fast, seeded pseudo-random generator (SplitMix64), so that a synthetic filing is a pure function
/// of its seed on every platform.
///
/// The system generator is never used: a failing seed must reproduce the same filing on any machine and
/// in any later run. The algorithm is Steele, Lea and Flood's SplitMix64 with its published constants.
struct SplitMix64 {
  /// The generator's whole state.
  private(set) var state: UInt64

  /// Creates a generator.
  ///
  /// - Parameter seed: Any value; equal seeds give equal sequences.
  init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A uniformly chosen integer in `range`.
  ///
  /// Uses rejection sampling, so that no value is more likely than another.
  ///
  /// - Parameter range: A non-empty closed range.
  mutating func int(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) &+ 1
    if span == 0 { return Int(truncatingIfNeeded: next()) }
    let limit = UInt64.max - UInt64.max % span
    var draw = next()
    while draw >= limit { draw = next() }
    return range.lowerBound + Int(draw % span)
  }

  /// Whether an event of probability `numerator / denominator` happens.
  ///
  /// - Parameters:
  ///   - numerator: Favourable outcomes, from 0 to `denominator`.
  ///   - denominator: All outcomes, at least 1.
  mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
    int(in: 0...(max(denominator, 1) - 1)) < numerator
  }

  /// A uniformly chosen element of a non-empty array.
  ///
  /// The arrays come from the generator's own vocabulary, never from input, so an empty one is a bug in
  /// the generator and stops the test.
  ///
  /// - Parameter elements: The choices, at least one.
  mutating func pick<Element>(_ elements: [Element]) -> Element {
    precondition(!elements.isEmpty, "pick from an empty list of choices")
    return elements[int(in: 0...(elements.count - 1))]
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
