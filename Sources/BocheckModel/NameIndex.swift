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
///
/// A filing's few names (its parties, its complete cover pages) are not filed: up to ``linearLimit`` names are
/// compared one by one, which answers the same and costs less than filing them (see ``FiledNames``).
///
/// The names are kept by ``FiledNames``, which knows nothing of the values; the index only keeps the values
/// by position, so that its generic part is small enough to be specialised where it is used.
public struct NameIndex<Value> {
  /// The names, filed under their keys.
  @usableFromInline let filed: FiledNames
  /// The value of each name, by its position among the filed names.
  @usableFromInline let values: [Value]

  /// The most names compared one by one; more are filed under their keys.
  public static var linearLimit: Int { FiledNames.linearLimit }

  /// Files each name with its value.
  ///
  /// - Parameter named: The names as printed, each with the value a lookup returns for it, in the order
  ///   lookups return them.
  @inlinable
  public init<Named: Sequence>(_ named: Named) where Named.Element == (String, Value) {
    var names: [(name: String, key: NameKey)] = []
    var values: [Value] = []
    for (name, value) in named {
      names.append((name, NameKey(name)))
      values.append(value)
    }
    self.init(keyed: names, values: values)
  }

  /// Files each name, whose ``NameKey`` is known, with its value.
  ///
  /// - Parameters:
  ///   - names: The names as printed, each with its own ``NameKey``, in the order lookups return them.
  ///   - values: The value a lookup returns for each name, as many as there are names.
  @inlinable
  public init(keyed names: [(name: String, key: NameKey)], values: [Value]) {
    precondition(names.count == values.count, "one value for each name")
    filed = FiledNames(names)
    self.values = values
  }

  /// The values of the names that match a name as a reader compares them, in the order they were filed.
  ///
  /// - Parameter name: A name as printed.
  /// - Returns: Each matching name's value with how closely the names agree; empty when none matches.
  @inlinable
  public func matches(_ name: String) -> [(value: Value, match: NameMatch)] {
    filed.matches(name).map { (values[$0.position], $0.match) }
  }

  /// The values of the names that match a name whose ``NameKey`` is known (see ``matches(_:)``).
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - key: Its key.
  @inlinable
  public func matches(_ name: String, key: NameKey) -> [(value: Value, match: NameMatch)] {
    filed.matches(name, key: key).map { (values[$0.position], $0.match) }
  }

  /// The value of the first name filed with the same ``NameKey``, else of the first name that matches as a
  /// reader compares names.
  ///
  /// - Parameter name: A name as printed.
  /// - Returns: The value and how closely the names agree, or `nil` when no name matches.
  @inlinable
  public func bestMatch(_ name: String) -> (value: Value, match: NameMatch)? {
    bestMatch(name, key: NameKey(name))
  }

  /// The best match (see ``bestMatch(_:)``) of a name whose ``NameKey`` is known.
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - key: Its key.
  @inlinable
  public func bestMatch(_ name: String, key: NameKey) -> (value: Value, match: NameMatch)? {
    filed.bestMatch(name, key: key).map { (values[$0.position], $0.match) }
  }
}

extension NameIndex: Sendable where Value: Sendable {}

/// Printed names filed under the keys two matching names share at least one of (see ``NameIndex``), with
/// what comparing them needs worked out once.
///
/// Filing a name works out the keys it is filed under and enters it in tables, which costs more than comparing
/// a name with each of the handful of names most filings have (their parties, their complete cover pages). Up
/// to ``linearLimit`` names are therefore kept made ready for matching (``MatchableName``: the key and the key
/// without qualifiers, whose bytes tell most pairs of names apart without their words), and a name looked up is
/// compared with each of them: that answers what the tables answer, since the tables answer exactly what
/// comparing with every name answers. More names are filed, each with its key, the keys it is filed under and
/// the words of its key without qualifiers, so that thousands of them are not compared pair by pair.
///
/// A lookup of a name printed exactly as a kept one (a person's name that its signature repeats) reads what
/// keeping that name worked out, rather than working it out again.
@usableFromInline
struct FiledNames: Sendable {
  /// A key a name is filed under.
  private enum IndexKey: Hashable {
    /// The name's ``NameKey``.
    case exact(String)
    /// The key of the name without what trails it (see ``NameKey/looseKey(_:key:)``).
    case loose(String)
    /// A person's first name, last name and generational suffix.
    case person(first: Substring, last: Substring, suffix: Substring?)
  }

  /// The most names compared one by one with a name looked up; more are filed under their keys.
  @usableFromInline static let linearLimit = 32

  /// Whether the names are compared one by one, being at most ``linearLimit``, rather than filed.
  private let comparesEach: Bool
  /// The names made ready for matching, by position, when they are compared one by one.
  private var ready: [MatchableName] = []
  /// The person's name of each name made ready (see ``person(of:)``), by position; `nil` for a name that is no
  /// person's.
  private var readyPersons: [NameKey.PersonName?] = []
  /// The key of each name, by position, when they are filed.
  private var keys: [NameKey] = []
  /// The words of each name's key without what trails the name, by position (none for an empty key), when
  /// they are filed.
  private var looseWords: [[Substring]] = []
  /// Those words split as a person's name (``NameKey/PersonName``), by position, when they are filed; `nil` for
  /// a name that is no person's. Split once here, not once for each name compared with it.
  private var persons: [NameKey.PersonName?] = []
  /// The keys each name is filed under, by position, when they are filed.
  private var indexKeys: [[IndexKey]] = []
  /// The first position of each name as printed, when they are filed.
  private var firstPositionByName: [String: Int] = [:]
  /// The positions of the names filed under each key, in filing order, when they are filed.
  private var positions: [IndexKey: [Int]] = [:]

  /// Keeps the names in order, filed when there are more than ``linearLimit``.
  @usableFromInline
  init(_ names: [(name: String, key: NameKey)]) {
    comparesEach = names.count <= FiledNames.linearLimit
    guard !comparesEach else {
      ready = names.map { MatchableName($0.name, key: $0.key) }
      readyPersons = ready.map(FiledNames.person(of:))
      return
    }
    keys.reserveCapacity(names.count)
    looseWords.reserveCapacity(names.count)
    persons.reserveCapacity(names.count)
    indexKeys.reserveCapacity(names.count)
    firstPositionByName.reserveCapacity(names.count)
    // Each name is filed under at most three keys.
    positions.reserveCapacity(3 * names.count)
    for (position, (name, key)) in names.enumerated() {
      let filing = FiledNames.filing(name, key: key)
      keys.append(key)
      looseWords.append(filing.looseWords)
      persons.append(filing.person)
      indexKeys.append(filing.keys)
      if firstPositionByName[name] == nil { firstPositionByName[name] = position }
      for indexKey in filing.keys { positions[indexKey, default: []].append(position) }
    }
  }

  /// The positions of the names that match a name as a reader compares them, in filing order (see
  /// ``matches(_:key:)``).
  ///
  /// A name printed exactly as a kept one is compared with what keeping it worked out: the same keys and
  /// words as working them out again, since they depend on the name alone.
  ///
  /// - Parameter name: A name as printed.
  @usableFromInline
  func matches(_ name: String) -> [(position: Int, match: NameMatch)] {
    if comparesEach {
      if let position = ready.firstIndex(where: { $0.name == name }) {
        return matches(ready[position], person: readyPersons[position], first: false)
      }
      return matches(MatchableName(name), person: nil, first: false)
    }
    if let position = firstPositionByName[name] {
      return matches(key: keys[position], filing: (indexKeys[position], looseWords[position], persons[position]))
    }
    let key = NameKey(name)
    return matches(key: key, filing: FiledNames.filing(name, key: key))
  }

  /// The positions of the names that match a name as a reader compares them, in filing order.
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - key: Its ``NameKey``.
  @usableFromInline
  func matches(_ name: String, key: NameKey) -> [(position: Int, match: NameMatch)] {
    guard comparesEach else { return matches(key: key, filing: FiledNames.filing(name, key: key)) }
    return matches(MatchableName(name, key: key), person: nil, first: false)
  }

  /// The position of the first name with the same ``NameKey``, else of the first that matches.
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - key: Its ``NameKey``.
  @usableFromInline
  func bestMatch(_ name: String, key: NameKey) -> (position: Int, match: NameMatch)? {
    guard !key.text.isEmpty else { return nil }
    // A name with the same key matches exactly.
    guard comparesEach else {
      if let exact = positions[.exact(key.text)]?.first { return (exact, .exact) }
      return matches(key: key, filing: FiledNames.filing(name, key: key)).first
    }
    if let exact = ready.firstIndex(where: { $0.key == key }) { return (exact, .exact) }
    return matches(MatchableName(name, key: key), person: nil, first: true).first
  }

  /// The matches of a name made ready for matching, among the names compared one by one.
  ///
  /// Most pairs of names are told apart on their keys' bytes (``MatchableName/matchOnKeys(_:)``); the others
  /// compare as persons' names, the looked-up name's split once, when it is first needed.
  ///
  /// - Parameters:
  ///   - lookedUp: The name looked up.
  ///   - person: Its person's name (see ``person(of:)``) when it is known; `nil` to split it when needed.
  ///   - first: Whether only the first match is wanted.
  private func matches(
    _ lookedUp: MatchableName, person: NameKey.PersonName??, first: Bool
  ) -> [(position: Int, match: NameMatch)] {
    // The names are read in place: a name made ready is not copied (nor retained) for each comparison.
    ready.withUnsafeBufferPointer { ready in
      var found: [(position: Int, match: NameMatch)] = []
      var lookedUpPerson = person
      for position in ready.indices {
        guard
          let match = FiledNames.match(
            ready[position], person: readyPersons[position], lookedUp, person: &lookedUpPerson)
        else { continue }
        found.append((position, match))
        if first { break }
      }
      return found
    }
  }

  /// How a name looked up matches a name made ready, as ``NameKey/match(_:_:)`` compares the two printed names.
  ///
  /// - Parameters:
  ///   - kept: A name made ready.
  ///   - person: Its person's name (see ``person(of:)``).
  ///   - lookedUp: The name looked up.
  ///   - lookedUpPerson: Its person's name, once split; split here when it is first needed.
  private static func match(
    _ kept: MatchableName, person: NameKey.PersonName?, _ lookedUp: MatchableName,
    person lookedUpPerson: inout NameKey.PersonName??
  ) -> NameMatch? {
    if let decided = kept.matchOnKeys(lookedUp) { return decided }
    // Two ASCII loose keys that their bytes do not tell apart differ and end in the same word: the names match
    // only as one person's.
    let onlyAsPersons = kept.hasASCIILooseKey && lookedUp.hasASCIILooseKey
    if onlyAsPersons && person == nil { return nil }
    let other: NameKey.PersonName?
    if let split = lookedUpPerson {
      other = split
    } else {
      other = FiledNames.person(of: lookedUp)
      lookedUpPerson = .some(other)
    }
    guard onlyAsPersons else {
      return NameKey.match(
        key: kept.key, looseWords: kept.looseWords, person: person, lookedUp.key, looseWords: lookedUp.looseWords,
        person: other)
    }
    guard let person, let other else { return nil }
    return NameKey.samePerson(person, other) ? .loose : nil
  }

  /// A name's person's name: ``NameKey/PersonName`` of the words of its key without what trails it, which are
  /// cut only when the key's bytes do not tell that it names no person (see ``MatchableName/mayNamePerson``).
  ///
  /// - Parameter name: A name made ready.
  private static func person(of name: MatchableName) -> NameKey.PersonName? {
    name.mayNamePerson ? NameKey.PersonName(name.looseWords) : nil
  }

  /// The matches of a name whose keys, loose words and person's name are worked out, among the names filed
  /// under one of its keys.
  private func matches(key: NameKey, filing: NameFiling) -> [(position: Int, match: NameMatch)] {
    var candidates: [Int] = []
    for indexKey in filing.keys {
      candidates.append(contentsOf: positions[indexKey] ?? [])
    }
    candidates.sort()
    var found: [(position: Int, match: NameMatch)] = []
    var previous = -1
    for position in candidates where position != previous {
      previous = position
      if let match = NameKey.match(
        key: keys[position], looseWords: looseWords[position], person: persons[position], key,
        looseWords: filing.looseWords, person: filing.person)
      {
        found.append((position, match))
      }
    }
    return found
  }

  /// What a name is compared and filed by: the keys it is filed under, the words of its key without what
  /// trails the name, and those words split as a person's name (`nil` for a name that is no person's).
  private typealias NameFiling = (keys: [IndexKey], looseWords: [Substring], person: NameKey.PersonName?)

  /// The keys a name is filed under, the name's ``NameKey`` first, the words of its key without what trails
  /// it, and those words as a person's name.
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - key: Its ``NameKey``.
  private static func filing(_ name: String, key: NameKey) -> NameFiling {
    guard !key.text.isEmpty else { return ([], [], nil) }
    var keys: [IndexKey] = [.exact(key.text)]
    let looseKey = NameKey.looseKey(name, key: key)
    let words = looseKey.words
    let person = NameKey.PersonName(words)
    guard !looseKey.text.isEmpty else { return (keys, words, person) }
    keys.append(.loose(looseKey.text))
    if let person {
      keys.append(.person(first: person.first, last: person.last, suffix: person.suffix))
    }
    return (keys, words, person)
  }
}
