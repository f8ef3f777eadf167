/// Finds, among many printed names, those that name the same person as a given name, without comparing the
/// name with each of them.
///
/// ``NameKey/match(_:_:)`` says whether two names agree as a reader compares them. Asking it of every pair of
/// names costs time that grows with the square of their number, which a filing with thousands of cover pages
/// or signers turns into a hang. Two names can only match when they share one of three keys: their
/// ``NameKey`` (an exact match), the key of the name without its trailing qualifiers, or, for a person's name,
/// the first name, last name and generational suffix. The index files every name under those keys, so a
/// lookup compares the name only with the few names that share one, and then confirms each with
/// ``NameKey/match(_:_:)``: the answers are exactly those of comparing with every name.
public struct NameIndex<Value> {
  private var entries: [(name: String, key: NameKey, value: Value)] = []
  private var positions: [String: [Int]] = [:]

  /// Files each name with its value.
  ///
  /// - Parameter named: The names as printed, each with the value a lookup returns for it, in the order
  ///   lookups return them.
  public init<Named: Sequence>(_ named: Named) where Named.Element == (String, Value) {
    for (name, value) in named {
      let position = entries.count
      let nameKey = NameKey(name)
      entries.append((name, nameKey, value))
      for key in NameIndex.keys(of: name, key: nameKey) {
        positions[key, default: []].append(position)
      }
    }
  }

  /// The values of the names that match a name as a reader compares them, in the order they were filed.
  ///
  /// - Parameter name: A name as printed.
  /// - Returns: Each matching name's value with how closely the names agree; empty when none matches.
  public func matches(_ name: String) -> [(value: Value, match: NameMatch)] {
    let nameKey = NameKey(name)
    return matches(name, key: nameKey, keys: NameIndex.keys(of: name, key: nameKey))
  }

  /// The matches of a name whose ``NameKey`` and index keys (``keys(of:key:)``) are known.
  private func matches(_ name: String, key nameKey: NameKey, keys: [String]) -> [(value: Value, match: NameMatch)] {
    var candidates = Set<Int>()
    for key in keys {
      candidates.formUnion(positions[key] ?? [])
    }
    return candidates.sorted().compactMap { position in
      let entry = entries[position]
      return NameKey.match(entry.name, key: entry.key, name, key: nameKey).map { (entry.value, $0) }
    }
  }

  /// The value of the first name filed with the same ``NameKey``, else of the first name that matches as a
  /// reader compares names.
  ///
  /// - Parameter name: A name as printed.
  /// - Returns: The value and how closely the names agree, or `nil` when no name matches.
  public func bestMatch(_ name: String) -> (value: Value, match: NameMatch)? {
    let nameKey = NameKey(name)
    let keys = NameIndex.keys(of: name, key: nameKey)
    // The first key is the name key: a name filed under it matches exactly.
    if let key = keys.first, let exact = positions[key]?.first { return (entries[exact].value, .exact) }
    return matches(name, key: nameKey, keys: keys).first
  }

  /// The keys two matching names share at least one of, each tagged with what it is made of.
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - key: Its ``NameKey``.
  private static func keys(of name: String, key: NameKey) -> [String] {
    guard !key.text.isEmpty else { return [] }
    var keys = ["=" + key.text]
    let looseKey = NameKey.looseKey(name, key: key)
    guard !looseKey.text.isEmpty else { return keys }
    keys.append("~" + looseKey.text)
    if let person = NameKey.PersonName(looseKey.words) {
      keys.append("@" + person.first + " " + person.last + " " + (person.suffix ?? ""))
    }
    return keys
  }
}

extension NameIndex: Sendable where Value: Sendable {}
