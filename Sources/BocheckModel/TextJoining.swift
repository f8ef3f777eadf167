extension Array where Element == String {
  /// The texts with `separator` between each two, as the standard library's `joined(separator:)` gives them.
  ///
  /// Every module of bocheck imports this model, so a call on an array of texts finds this one first: code
  /// compiled for arrays of texts, where the standard library's is generic over any collection and its first call
  /// in a process looks up the collection's associated types at run time (about 100,000 instructions, a twentieth
  /// of a run over an empty file).
  ///
  /// - Parameter separator: The text put between each two texts; none when not given.
  public func joined(separator: String = "") -> String {
    guard let first else { return "" }
    var length = separator.utf8.count * (count - 1)
    for text in self { length += text.utf8.count }
    var result = first
    result.reserveCapacity(length)
    for text in self[1...] {
      result += separator
      result += text
    }
    return result
  }
}
