/// A small seeded pseudo-random generator (SplitMix64), so that the benchmark's corpus is a pure function
/// of its seed on every machine.
///
/// The system generator is never used, and neither are the standard library's `random(in:using:)`
/// helpers, whose algorithms may change between toolchains: the same seed must write the same bytes.
struct SeededGenerator {
  /// The generator's whole state.
  private var state: UInt64

  /// Creates a generator.
  ///
  /// - Parameter seed: Any value; equal seeds give equal sequences.
  init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits (Steele, Lea and Flood's SplitMix64 with its published constants).
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A uniformly chosen integer in `range`, by rejection sampling.
  ///
  /// - Parameter range: A non-empty closed range.
  mutating func int(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) &+ 1
    let limit = UInt64.max - UInt64.max % span
    var draw = next()
    while draw >= limit { draw = next() }
    return range.lowerBound + Int(draw % span)
  }

  /// One element of `elements`, chosen uniformly.
  ///
  /// - Parameter elements: A non-empty array.
  mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[int(in: 0...(elements.count - 1))]
  }

  /// An index into `weights`, chosen with probability proportional to its weight.
  ///
  /// - Parameter weights: Non-negative weights, at least one of them positive.
  mutating func index(weightedBy weights: [Int]) -> Int {
    var draw = int(in: 0...(weights.reduce(0, +) - 1))
    for (index, weight) in weights.enumerated() {
      if draw < weight { return index }
      draw -= weight
    }
    return weights.count - 1
  }

  /// A size in `range`, spread evenly over its doublings (as many sizes between 8 and 16 KB as between 1
  /// and 2 MB), the way file sizes are spread; integer arithmetic only, so every machine agrees.
  ///
  /// - Parameter range: Positive bounds, in bytes.
  mutating func logSize(in range: ClosedRange<Int>) -> Int {
    var bounds: [Int] = [range.lowerBound]
    while bounds.last! * 2 < range.upperBound { bounds.append(bounds.last! * 2) }
    bounds.append(range.upperBound)
    let octave = int(in: 0...(bounds.count - 2))
    return int(in: bounds[octave]...bounds[octave + 1])
  }
}
