extension RandomAccessCollection {
  /// The first index whose element `belongsInSecondPartition` holds for, found by halving; `endIndex` when it
  /// holds for none.
  ///
  /// The collection must be partitioned by the predicate: once it holds for an element, it holds for every
  /// element after it (a sorted collection and "at or after a value" are the usual case). Takes
  /// O(log *n*) calls of the predicate.
  ///
  /// - Parameter belongsInSecondPartition: Whether an element is in the second part.
  @inlinable
  public func partitioningIndex(where belongsInSecondPartition: (Element) throws -> Bool) rethrows -> Index {
    var low = startIndex
    var count = self.count
    while count > 0 {
      let half = count / 2
      let middle = index(low, offsetBy: half)
      if try belongsInSecondPartition(self[middle]) {
        count = half
      } else {
        low = index(after: middle)
        count -= half + 1
      }
    }
    return low
  }
}
