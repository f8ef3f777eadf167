import BocheckSeeded

/// What the benchmark's corpus draws beyond ``SplitMix64``'s integers and picks.
extension SplitMix64 {
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
