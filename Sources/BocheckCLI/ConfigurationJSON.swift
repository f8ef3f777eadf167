/// A JSON value read from a file, with the line and column it starts at.
///
/// The configuration file and the baseline are read with ``LocatedJSONParser`` rather than Foundation's
/// `JSONSerialization`, which gives no positions: every message about a wrong key or a wrong type names the
/// file, line and column of the offending value.
struct LocatedJSON: Sendable, Equatable {
  /// What a JSON value holds.
  indirect enum Content: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its text (`12500000`, `-1.5e3`); callers decide what they accept.
    case number(String)
    /// A string, its escapes resolved.
    case string(String)
    /// An array, in order.
    case array([LocatedJSON])
    /// An object's members in the order written; keys are unique.
    case object([Member])
  }

  /// One member of an object: its key, where the key stands and its value.
  struct Member: Sendable, Equatable {
    /// The key.
    var key: String
    /// The 1-based line of the key's opening quotation mark.
    var line: Int
    /// The 1-based column of the key's opening quotation mark.
    var column: Int
    /// The value.
    var value: LocatedJSON
  }

  /// The value.
  var content: Content
  /// The 1-based line the value starts on.
  var line: Int
  /// The 1-based column (in Unicode scalars) the value starts at.
  var column: Int

  /// What the value is, for messages: `a string`, `a number`, `an object`...
  var kindDescription: String {
    switch content {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// Why a JSON file cannot be used: the position and what is wrong.
struct LocatedJSONError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file's path as it is to be printed.
  var path: String
  /// The 1-based line, or 0 when the message is about the whole file.
  var line: Int
  /// The 1-based column, or 0 when the message is about the whole file or line.
  var column: Int
  /// What is wrong, in one line.
  var message: String

  /// `path:line:column: message`, leaving out a line or column of 0.
  var description: String {
    var position = path
    if line > 0 { position += ":\(line)" }
    if line > 0 && column > 0 { position += ":\(column)" }
    return "\(position): \(message)"
  }
}

/// A strict JSON parser (RFC 8259) that records where each value starts.
///
/// Tolerates nothing beyond the standard: no comments, no trailing commas, no single quotes, no byte order
/// mark, no duplicate keys in an object, no control characters inside strings, no leading zeros or `+`
/// signs, no lone surrogate escapes and no bytes that are not UTF-8. Nesting is limited to
/// ``maximumDepth`` levels so that no input can exhaust the stack. Columns count Unicode scalars from 1.
struct LocatedJSONParser {
  /// The deepest nesting of arrays and objects accepted.
  static let maximumDepth = 256

  private let bytes: [UInt8]
  private let path: String
  private var offset = 0
  private var line = 1
  private var column = 1

  /// Parses a whole document.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - path: The file's path, for messages.
  /// - Returns: The document's single top-level value.
  /// - Throws: ``LocatedJSONError`` at the first byte that is not strict JSON.
  static func parse(_ bytes: [UInt8], path: String) throws(LocatedJSONError) -> LocatedJSON {
    guard String(validating: bytes, as: UTF8.self) != nil else {
      var parser = LocatedJSONParser(bytes: bytes, path: path)
      throw parser.invalidUTF8Error()
    }
    var parser = LocatedJSONParser(bytes: bytes, path: path)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      throw parser.error("a byte order mark is not allowed (save the file as UTF-8 without BOM)")
    }
    parser.skipWhitespace()
    guard parser.offset < bytes.count else { throw parser.error("the file holds no JSON value") }
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    if parser.offset < bytes.count {
      throw parser.error("unexpected \(parser.describeCurrent()) after the end of the JSON value")
    }
    return value
  }

  private init(bytes: [UInt8], path: String) {
    self.bytes = bytes
    self.path = path
  }

  private func error(_ message: String) -> LocatedJSONError {
    LocatedJSONError(path: path, line: line, column: column, message: message)
  }

  private mutating func invalidUTF8Error() -> LocatedJSONError {
    // Walk line by line to the first line that does not decode, to point at it.
    var start = 0
    line = 1
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      if String(validating: bytes[start..<end], as: UTF8.self) == nil { break }
      start = end + 1
      line += 1
    }
    column = 0
    return error("the file is not UTF-8 text")
  }

  private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  private func describeCurrent() -> String {
    guard let byte = current else { return "end of file" }
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    if byte == 0x0A || byte == 0x0D { return "end of line" }
    if byte < 0x80 { return "control character U+\(String(byte, radix: 16, uppercase: true))" }
    return "character"
  }

  /// Moves past one byte, keeping the line and column (a UTF-8 continuation byte adds no column).
  private mutating func advance() {
    guard let byte = current else { return }
    offset += 1
    if byte == 0x0A {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      advance()
    }
  }

  private mutating func expect(_ literal: String, content: LocatedJSON.Content) throws(LocatedJSONError)
    -> LocatedJSON
  {
    let (startLine, startColumn) = (line, column)
    for byte in literal.utf8 {
      guard current == byte else {
        throw LocatedJSONError(
          path: path, line: startLine, column: startColumn, message: "invalid literal (expected '\(literal)')")
      }
      advance()
    }
    return LocatedJSON(content: content, line: startLine, column: startColumn)
  }

  private mutating func parseValue(depth: Int) throws(LocatedJSONError) -> LocatedJSON {
    guard let byte = current else { throw error("unexpected end of file (expected a value)") }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
    case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
    case UInt8(ascii: "\""):
      let (startLine, startColumn) = (line, column)
      return LocatedJSON(content: .string(try parseString()), line: startLine, column: startColumn)
    case UInt8(ascii: "t"): return try expect("true", content: .bool(true))
    case UInt8(ascii: "f"): return try expect("false", content: .bool(false))
    case UInt8(ascii: "n"): return try expect("null", content: .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    case UInt8(ascii: "'"): throw error("strings must be in double quotation marks")
    case UInt8(ascii: "/"): throw error("comments are not allowed in JSON")
    default: throw error("unexpected \(describeCurrent()) (expected a value)")
    }
  }

  private mutating func parseObject(depth: Int) throws(LocatedJSONError) -> LocatedJSON {
    let (startLine, startColumn) = (line, column)
    guard depth <= LocatedJSONParser.maximumDepth else {
      throw error("nested more than \(LocatedJSONParser.maximumDepth) levels deep")
    }
    advance()
    var members: [LocatedJSON.Member] = []
    var keys = Set<String>()
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      advance()
      return LocatedJSON(content: .object([]), line: startLine, column: startColumn)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else {
        if current == UInt8(ascii: "}") { throw error("a trailing comma is not allowed before '}'") }
        throw error("unexpected \(describeCurrent()) (expected a key in double quotation marks)")
      }
      let (keyLine, keyColumn) = (line, column)
      let key = try parseString()
      guard keys.insert(key).inserted else {
        throw LocatedJSONError(path: path, line: keyLine, column: keyColumn, message: "duplicate key '\(key)'")
      }
      skipWhitespace()
      guard current == UInt8(ascii: ":") else {
        throw error("unexpected \(describeCurrent()) (expected ':' after the key '\(key)')")
      }
      advance()
      skipWhitespace()
      let value = try parseValue(depth: depth)
      members.append(LocatedJSON.Member(key: key, line: keyLine, column: keyColumn, value: value))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","):
        advance()
      case UInt8(ascii: "}"):
        advance()
        return LocatedJSON(content: .object(members), line: startLine, column: startColumn)
      default:
        throw error("unexpected \(describeCurrent()) (expected ',' or '}')")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(LocatedJSONError) -> LocatedJSON {
    let (startLine, startColumn) = (line, column)
    guard depth <= LocatedJSONParser.maximumDepth else {
      throw error("nested more than \(LocatedJSONParser.maximumDepth) levels deep")
    }
    advance()
    var elements: [LocatedJSON] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      advance()
      return LocatedJSON(content: .array([]), line: startLine, column: startColumn)
    }
    while true {
      skipWhitespace()
      if current == UInt8(ascii: "]") { throw error("a trailing comma is not allowed before ']'") }
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","):
        advance()
      case UInt8(ascii: "]"):
        advance()
        return LocatedJSON(content: .array(elements), line: startLine, column: startColumn)
      default:
        throw error("unexpected \(describeCurrent()) (expected ',' or ']')")
      }
    }
  }

  private mutating func parseNumber() throws(LocatedJSONError) -> LocatedJSON {
    let (startLine, startColumn) = (line, column)
    let start = offset
    func isDigit(_ byte: UInt8?) -> Bool {
      guard let byte else { return false }
      return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
    if current == UInt8(ascii: "-") { advance() }
    guard isDigit(current) else { throw error("a number needs a digit after '-'") }
    if current == UInt8(ascii: "0") {
      advance()
      if isDigit(current) { throw error("a number must not have leading zeros") }
    } else {
      while isDigit(current) { advance() }
    }
    if current == UInt8(ascii: ".") {
      advance()
      guard isDigit(current) else { throw error("a number needs digits after its decimal point") }
      while isDigit(current) { advance() }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      advance()
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
      guard isDigit(current) else { throw error("a number needs digits in its exponent") }
      while isDigit(current) { advance() }
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    return LocatedJSON(content: .number(text), line: startLine, column: startColumn)
  }

  /// Parses a string starting at its opening quotation mark.
  private mutating func parseString() throws(LocatedJSONError) -> String {
    advance()
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() {
      if !run.isEmpty { scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars) }
      run.removeAll(keepingCapacity: true)
    }
    while true {
      guard let byte = current else { throw error("unexpected end of file inside a string") }
      switch byte {
      case UInt8(ascii: "\""):
        advance()
        flush()
        return String(scalars)
      case UInt8(ascii: "\\"):
        flush()
        let (escapeLine, escapeColumn) = (line, column)
        advance()
        guard let escaped = current else { throw error("unexpected end of file inside a string") }
        advance()
        switch escaped {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          let scalar = try parseUnicodeEscape(line: escapeLine, column: escapeColumn)
          scalars.append(scalar)
        default:
          throw LocatedJSONError(
            path: path, line: escapeLine, column: escapeColumn, message: "invalid escape sequence in a string")
        }
      case 0x00..<0x20:
        throw error("a control character must be escaped inside a string (a string cannot span lines)")
      default:
        run.append(byte)
        advance()
      }
    }
  }

  private mutating func parseHexQuad(line: Int, column: Int) throws(LocatedJSONError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current, let digit = LocatedJSONParser.hexDigit(byte) else {
        throw LocatedJSONError(
          path: path, line: line, column: column, message: "'\\u' must be followed by four hexadecimal digits")
      }
      value = value * 16 + digit
      advance()
    }
    return value
  }

  private mutating func parseUnicodeEscape(line: Int, column: Int) throws(LocatedJSONError) -> Unicode.Scalar {
    let first = try parseHexQuad(line: line, column: column)
    let lone = LocatedJSONError(
      path: path, line: line, column: column, message: "a lone surrogate escape is not a character")
    if (0xDC00...0xDFFF).contains(first) { throw lone }
    if (0xD800...0xDBFF).contains(first) {
      guard current == UInt8(ascii: "\\") else { throw lone }
      advance()
      guard current == UInt8(ascii: "u") else { throw lone }
      advance()
      let second = try parseHexQuad(line: line, column: column)
      guard (0xDC00...0xDFFF).contains(second),
        let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
      else { throw lone }
      return scalar
    }
    guard let scalar = Unicode.Scalar(first) else { throw lone }
    return scalar
  }

  private static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }
}
