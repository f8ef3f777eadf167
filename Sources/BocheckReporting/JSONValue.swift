import BocheckModel

/// A JSON value, written by ``JSONWriter`` with sorted keys and exact numbers.
///
/// Reports build their JSON from these values instead of going through `JSONSerialization` or
/// `JSONEncoder`: numbers stay exact decimals (never `Double`), object keys are always written in
/// sorted order, and the output is the same byte for byte on every platform.
public enum JSONValue: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An exact number, written with the decimals it carries and without thousands separators.
  case number(ExactDecimal)
  /// A string.
  case string(String)
  /// An array, in the given order.
  case array([JSONValue])
  /// An object; its members are held, and written, sorted by key.
  case object(JSONObject)

  /// A whole number.
  ///
  /// - Parameter value: The number.
  public static func integer(_ value: Int) -> JSONValue {
    .number(ExactDecimal(value))
  }

  /// The string, or `null` when there is none.
  ///
  /// - Parameter value: The optional string.
  public static func optional(_ value: String?) -> JSONValue {
    value.map { .string($0) } ?? .null
  }

  /// The whole number, or `null` when there is none.
  ///
  /// - Parameter value: The optional number.
  public static func optional(_ value: Int?) -> JSONValue {
    value.map { .integer($0) } ?? .null
  }

  /// The exact number, or `null` when there is none.
  ///
  /// - Parameter value: The optional number.
  public static func optional(_ value: ExactDecimal?) -> JSONValue {
    value.map { .number($0) } ?? .null
  }
}

/// A JSON object: members with distinct keys, held in the order they are written, by their keys' Unicode
/// scalar values.
///
/// It is built like a dictionary (a literal, or member by member with the subscript) but keeps its members in
/// a sorted list: the objects of a report are small, so a member is put in place faster than a dictionary
/// hashes its key, and writing needs no sorting. Two objects with the same members are equal whatever order
/// the members were given in.
public struct JSONObject: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
  /// A key and its value.
  public struct Member: Hashable, Sendable {
    /// The key.
    public let key: String
    /// The value.
    public var value: JSONValue
  }

  /// The members, sorted by key.
  public private(set) var members: [Member] = []

  /// An empty object.
  public init() {}

  /// An object of the literal's members, in any order.
  ///
  /// - Parameter elements: The keys and values; a key given twice is a programming error, as it is in a
  ///   dictionary literal.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    members.reserveCapacity(elements.count)
    for (key, value) in elements {
      let (index, found) = position(of: key)
      precondition(!found, "JSON object literal with the key \(key) twice")
      members.insert(Member(key: key, value: value), at: index)
    }
  }

  /// Whether the object has no member.
  public var isEmpty: Bool { members.isEmpty }

  /// The keys, sorted.
  public var keys: [String] { members.map(\.key) }

  /// The value of a key, or `nil` when the object has no such member; setting `nil` removes the member.
  ///
  /// - Parameter key: The key.
  public subscript(key: String) -> JSONValue? {
    get {
      let (index, found) = position(of: key)
      return found ? members[index].value : nil
    }
    set {
      let (index, found) = position(of: key)
      switch (found, newValue) {
      case (true, let value?): members[index].value = value
      case (true, nil): members.remove(at: index)
      case (false, let value?): members.insert(Member(key: key, value: value), at: index)
      case (false, nil): break
      }
    }
  }

  /// The members in key order.
  public func makeIterator() -> IndexingIterator<[Member]> {
    members.makeIterator()
  }

  /// Where a key is among the members, or where it would go: after the last member when it sorts last, as the
  /// keys of a literal written in order do, else found by halving.
  private func position(of key: String) -> (index: Int, found: Bool) {
    guard let last = members.last else { return (0, false) }
    if JSONObject.precedes(last.key, key) { return (members.count, false) }
    let low = members.partitioningIndex { !JSONObject.precedes($0.key, key) }
    return (low, low < members.count && members[low].key == key)
  }

  /// Whether key `a` is written before key `b`: by their Unicode scalar values, which their UTF-8 bytes keep.
  private static func precedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }
}

/// Writes ``JSONValue``s as text: sorted keys, two-space indentation, exact numbers, escaped strings (the
/// layout and escapes of ``JSONOutput``, which writes the text).
///
/// Keys are ordered by their Unicode scalar values (``JSONObject``), so the order does not depend on the
/// platform's string comparison.
public enum JSONWriter {
  /// The value as JSON text.
  ///
  /// - Parameters:
  ///   - value: The value to write.
  ///   - pretty: Whether to break lines and indent by two spaces per level (the default), or to write
  ///     everything on one line with no spaces.
  /// - Returns: The text, without a final newline.
  public static func string(_ value: JSONValue, pretty: Bool = true) -> String {
    string(value, indentLevel: 0, pretty: pretty)
  }

  /// A value written as it stands nested `indentLevel` levels deep in a pretty document, so that a document
  /// can be written piece by piece.
  ///
  /// - Parameters:
  ///   - value: The value to write.
  ///   - indentLevel: How many levels deep it stands (two spaces each).
  ///   - pretty: Whether to break lines and indent.
  /// - Returns: The text, without a final newline.
  public static func string(_ value: JSONValue, indentLevel: Int, pretty: Bool = true) -> String {
    var output = JSONOutput(indentLevel: indentLevel, pretty: pretty)
    output.value(value)
    return output.text
  }

  /// The text as a quoted, escaped JSON string.
  ///
  /// - Parameter text: Any text.
  public static func quoted(_ text: String) -> String {
    var output = ByteOutput()
    JSONOutput.appendQuoted(text, to: &output)
    return output.text
  }
}
