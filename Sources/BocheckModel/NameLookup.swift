/// Finds, among printed names whose ``NameKey``s are known, those that name the same person as a given name:
/// by comparing the name with each of them when they are few, through a ``NameIndex`` when they are many.
///
/// Filing a name in a ``NameIndex`` works out the keys it is filed under and enters it in tables, which costs
/// more than comparing a name with each of the handful of names most filings have (their parties, their
/// complete cover pages). Up to ``linearLimit`` names are kept with the words comparing them needs and compared
/// one by one, which answers what the index answers, since the index answers exactly what comparing with every
/// name answers; more names are filed in an index, so that a filing with thousands of names is not compared
/// pair by pair.
public struct NameLookup<Value> {
  /// The names, compared one by one or filed.
  @usableFromInline let names: LookedUpNames
  /// The value of each name, by its position among the names.
  @usableFromInline let values: [Value]

  /// The most names compared one by one; more are filed in a ``NameIndex``.
  public static var linearLimit: Int { LookedUpNames.linearLimit }

  /// Keeps each name, whose ``NameKey`` is known, with its value.
  ///
  /// - Parameters:
  ///   - names: The names as printed, each with its own ``NameKey``, in the order lookups return them.
  ///   - values: The value a lookup returns for each name, as many as there are names.
  @inlinable
  public init(keyed names: [(name: String, key: NameKey)], values: [Value]) {
    precondition(names.count == values.count, "one value for each name")
    self.names = LookedUpNames(names)
    self.values = values
  }

  /// The values of the names that match a name as a reader compares them, in the order they were given, as
  /// ``NameIndex/matches(_:)`` gives them.
  ///
  /// - Parameter name: A name as printed.
  /// - Returns: Each matching name's value with how closely the names agree; empty when none matches.
  @inlinable
  public func matches(_ name: String) -> [(value: Value, match: NameMatch)] {
    names.matches(name).map { (values[$0.position], $0.match) }
  }

  /// The value of the first name with the same ``NameKey``, else of the first name that matches as a reader
  /// compares names, as ``NameIndex/bestMatch(_:key:)`` gives it.
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - key: Its key.
  /// - Returns: The value and how closely the names agree, or `nil` when no name matches.
  @inlinable
  public func bestMatch(_ name: String, key: NameKey) -> (value: Value, match: NameMatch)? {
    names.bestMatch(name, key: key).map { (values[$0.position], $0.match) }
  }
}

extension NameLookup: Sendable where Value: Sendable {}

/// The names of a ``NameLookup``, which knows nothing of the values: up to ``linearLimit`` names with their
/// keys and the words of their keys without what trails them, or more names filed in a ``FiledNames``.
@usableFromInline
struct LookedUpNames: Sendable {
  /// The most names compared one by one.
  static let linearLimit = 32

  /// The names as printed, when they are compared one by one.
  private let printed: [String]
  /// The key of each name, by position, when they are compared one by one.
  private let keys: [NameKey]
  /// The words of each name's key without what trails the name, by position (none for an empty key, which
  /// matches nothing), when they are compared one by one.
  private let looseWords: [[Substring]]
  /// The names filed, when there are more than ``linearLimit``.
  private let filed: FiledNames?

  /// Keeps the names in order, filed when there are many.
  @usableFromInline
  init(_ names: [(name: String, key: NameKey)]) {
    guard names.count <= LookedUpNames.linearLimit else {
      (printed, keys, looseWords) = ([], [], [])
      filed = FiledNames(names)
      return
    }
    printed = names.map(\.name)
    keys = names.map(\.key)
    looseWords = names.map(LookedUpNames.looseWords)
    filed = nil
  }

  /// The words of a name's key without what trails the name, or none for an empty key.
  private static func looseWords(_ name: String, key: NameKey) -> [Substring] {
    key.text.isEmpty ? [] : NameKey.looseWords(name, key: key)
  }

  /// The positions of the names that match a name as a reader compares them, in order.
  ///
  /// A name printed exactly as a kept one is compared with that one's key and words, which depend on the
  /// name alone.
  ///
  /// - Parameter name: A name as printed.
  @usableFromInline
  func matches(_ name: String) -> [(position: Int, match: NameMatch)] {
    if let filed { return filed.matches(name) }
    if let position = printed.firstIndex(of: name) {
      return matches(key: keys[position], looseWords: looseWords[position])
    }
    let key = NameKey(name)
    return matches(key: key, looseWords: LookedUpNames.looseWords(name, key: key))
  }

  /// The position of the first name with the same ``NameKey``, else of the first that matches.
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - key: Its ``NameKey``.
  @usableFromInline
  func bestMatch(_ name: String, key: NameKey) -> (position: Int, match: NameMatch)? {
    if let filed { return filed.bestMatch(name, key: key) }
    guard !key.text.isEmpty else { return nil }
    if let exact = keys.firstIndex(of: key) { return (exact, .exact) }
    let words = LookedUpNames.looseWords(name, key: key)
    for position in keys.indices {
      if let match = NameKey.match(key: keys[position], looseWords: looseWords[position], key, looseWords: words) {
        return (position, match)
      }
    }
    return nil
  }

  /// The positions of the names that match a name whose key and loose words are worked out, each compared in
  /// turn (the kept name first, as the index compares them).
  private func matches(key: NameKey, looseWords words: [Substring]) -> [(position: Int, match: NameMatch)] {
    var found: [(position: Int, match: NameMatch)] = []
    guard !key.text.isEmpty else { return found }
    for position in keys.indices {
      if let match = NameKey.match(key: keys[position], looseWords: looseWords[position], key, looseWords: words) {
        found.append((position, match))
      }
    }
    return found
  }
}
