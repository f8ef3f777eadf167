/// A small, fast, seeded pseudo-random generator (SplitMix64), so that whatever is generated from a seed (a
/// synthetic filing in the tests, the benchmark's corpus) is a pure function of the seed on every machine.
///
/// The system generator is never used, and neither are the standard library's `random(in:using:)` helpers,
/// whose algorithms may change between toolchains: a failing seed must reproduce the same filing, and the same
/// seed must write the same bytes, on any machine and in any later run. The algorithm is Steele, Lea and
/// Flood's SplitMix64 with its published constants.
public struct SplitMix64: Sendable {
  /// The generator's whole state.
  public private(set) var state: UInt64

  /// Creates a generator.
  ///
  /// - Parameter seed: Any value; equal seeds give equal sequences.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
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
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) &+ 1
    if span == 0 { return Int(truncatingIfNeeded: next()) }
    let limit = UInt64.max - UInt64.max % span
    var draw = next()
    while draw >= limit { draw = next() }
    return range.lowerBound + Int(draw % span)
  }

  /// A uniformly chosen element of a non-empty array.
  ///
  /// The arrays come from a generator's own vocabulary, never from input, so an empty one is a bug in the
  /// generator and stops it.
  ///
  /// - Parameter elements: The choices, at least one.
  public mutating func pick<Element>(_ elements: [Element]) -> Element {
    precondition(!elements.isEmpty, "pick from an empty list of choices")
    return elements[int(in: 0...(elements.count - 1))]
  }
}
