import BocheckModel

/// A JSON value, written by ``JSONWriter`` with sorted keys and exact numbers.
///
/// Reports build their JSON from these values instead of going through `JSONSerialization` or
/// `JSONEncoder`: numbers stay exact decimals (never `Double`), object keys are always written in
/// sorted order, and the output is the same byte for byte on every platform.
public indirect enum JSONValue: Hashable, Sendable {
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
  /// An object; its keys are written sorted, whatever the dictionary's order.
  case object([String: JSONValue])

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

/// Writes ``JSONValue``s as text: sorted keys, two-space indentation, exact numbers, escaped strings.
///
/// Strings escape the quotation mark, the backslash and every control character below U+0020 (as `\n`,
/// `\t` and the like, or `\u00XX`), plus U+007F, U+2028 and U+2029; all other characters, non-ASCII ones
/// included, are written as they are in UTF-8. Keys are ordered by their Unicode scalar values, so the
/// order does not depend on the platform's string comparison.
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
    var output = ""
    write(value, into: &output, indentLevel: indentLevel, pretty: pretty)
    return output
  }

  /// The keys of an object in the order they are written: by Unicode scalar values.
  ///
  /// - Parameter object: The object's members.
  public static func sortedKeys(_ object: [String: JSONValue]) -> [String] {
    object.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
  }

  /// The text as a quoted, escaped JSON string.
  ///
  /// - Parameter text: Any text.
  public static func quoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
        output += "\\u" + hexQuad(scalar.value)
      default:
        output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
    return output
  }

  private static func hexQuad(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: false)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private static func write(_ value: JSONValue, into output: inout String, indentLevel: Int, pretty: Bool) {
    switch value {
    case .null:
      output += "null"
    case .bool(let flag):
      output += flag ? "true" : "false"
    case .number(let number):
      output += number.formatted(grouping: false)
    case .string(let text):
      output += quoted(text)
    case .array(let elements):
      guard !elements.isEmpty else {
        output += "[]"
        return
      }
      output += "["
      for (position, element) in elements.enumerated() {
        if position > 0 { output += "," }
        newline(into: &output, indentLevel: indentLevel + 1, pretty: pretty)
        write(element, into: &output, indentLevel: indentLevel + 1, pretty: pretty)
      }
      newline(into: &output, indentLevel: indentLevel, pretty: pretty)
      output += "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{"
      for (position, key) in sortedKeys(members).enumerated() {
        if position > 0 { output += "," }
        newline(into: &output, indentLevel: indentLevel + 1, pretty: pretty)
        output += quoted(key)
        output += pretty ? ": " : ":"
        write(members[key] ?? .null, into: &output, indentLevel: indentLevel + 1, pretty: pretty)
      }
      newline(into: &output, indentLevel: indentLevel, pretty: pretty)
      output += "}"
    }
  }

  private static func newline(into output: inout String, indentLevel: Int, pretty: Bool) {
    guard pretty else { return }
    output += "\n"
    output += String(repeating: "  ", count: indentLevel)
  }
}
