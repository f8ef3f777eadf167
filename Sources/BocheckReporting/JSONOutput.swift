import BocheckModel

/// Takes a JSON document one piece at a time: objects and arrays opened and closed, keys, values.
///
/// The report's shapes (``ModelJSON``) are written once, against this protocol: ``JSONOutput`` writes them
/// straight out as text, ``JSONTreeBuilder`` builds the ``JSONValue`` the same calls describe. An object's
/// keys are given in the order the text has them, by their UTF-8 bytes (the order ``JSONObject`` keeps);
/// ``JSONOutput`` checks it in debug builds.
protocol JSONSink {
  /// Opens an object, as a value.
  mutating func beginObject()
  /// Closes the object opened last.
  mutating func endObject()
  /// Opens an array, as a value.
  mutating func beginArray()
  /// Closes the array opened last.
  mutating func endArray()
  /// The next member's key, in an object; a fixed ASCII identifier that needs no escape.
  mutating func key(_ key: StaticString)
  /// The next member's key, in an object; any text.
  mutating func key(_ key: String)
  /// `null`.
  mutating func null()
  /// `true` or `false`.
  mutating func bool(_ value: Bool)
  /// A whole number.
  mutating func integer(_ value: Int)
  /// An exact number, written with the decimals it carries.
  mutating func number(_ value: ExactDecimal)
  /// A string.
  mutating func string(_ value: String)
}

/// A value a member holds as it is: a string, a whole number, an exact number, or one of those or `null`.
///
/// The shapes write `member("key", value)` whatever the value's type: one generic member instead of an
/// overload for each type and its optional.
protocol JSONScalar {
  /// Writes the value to a sink.
  func write<Sink: JSONSink>(to sink: inout Sink)
}

extension String: JSONScalar {
  func write<Sink: JSONSink>(to sink: inout Sink) { sink.string(self) }
}

extension Int: JSONScalar {
  func write<Sink: JSONSink>(to sink: inout Sink) { sink.integer(self) }
}

extension ExactDecimal: JSONScalar {
  func write<Sink: JSONSink>(to sink: inout Sink) { sink.number(self) }
}

extension Optional: JSONScalar where Wrapped: JSONScalar {
  /// The value, or `null` when there is none.
  func write<Sink: JSONSink>(to sink: inout Sink) {
    if let self { self.write(to: &sink) } else { sink.null() }
  }
}

extension JSONSink {
  /// A value as it is (`null` for an absent optional).
  mutating func scalar(_ value: some JSONScalar) {
    value.write(to: &self)
  }

  /// A member with a value as it is (`null` for an absent optional).
  mutating func member(_ key: StaticString, _ value: some JSONScalar) {
    self.key(key)
    value.write(to: &self)
  }

  /// A member written only when there is a value.
  mutating func member<Value: JSONScalar>(_ key: StaticString, ifPresent value: Value?) {
    guard let value else { return }
    self.key(key)
    value.write(to: &self)
  }

  /// A value already built.
  ///
  /// - Parameter value: The value; its objects' members are given in their order.
  mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): bool(flag)
    case .number(let number): self.number(number)
    case .string(let text): string(text)
    case .array(let elements):
      beginArray()
      for element in elements { self.value(element) }
      endArray()
    case .object(let members):
      beginObject()
      for member in members {
        key(member.key)
        self.value(member.value)
      }
      endObject()
    }
  }
}

/// Writes a JSON document as UTF-8 text as it is given: two-space indentation (or none), exact numbers,
/// escaped strings.
///
/// Strings escape the quotation mark, the backslash and every control character below U+0020 (as `\n`,
/// `\t` and the like, or `\u00XX`), plus U+007F, U+2028 and U+2029; all other characters, non-ASCII ones
/// included, are written as they are. An empty object or array is `{}` or `[]`.
struct JSONOutput: JSONSink {
  /// The text written so far.
  private var output = ByteOutput()
  /// Whether lines are broken and indented.
  private let pretty: Bool
  /// How many levels deep the next member or element stands (two spaces each).
  private var level: Int
  /// For each container open, innermost last: whether it has a member or an element yet.
  private var filled: [Bool] = []
  /// Whether a key was just written, so that its value follows on the same line.
  private var afterKey = false
  #if DEBUG
    /// For each container open: the last key written in it, to check that keys come in order.
    private var lastKeys: [[UInt8]?] = []
  #endif

  /// An output for a value that stands `indentLevel` levels deep in a pretty document, so that a document
  /// can be written piece by piece.
  ///
  /// - Parameters:
  ///   - indentLevel: How many levels deep the value stands (two spaces each).
  ///   - pretty: Whether to break lines and indent by two spaces per level, or to write everything on one
  ///     line with no spaces.
  init(indentLevel: Int = 0, pretty: Bool = true) {
    self.level = indentLevel
    self.pretty = pretty
  }

  /// The text written.
  var text: String { output.text }

  mutating func beginObject() { open(0x7B) }
  mutating func endObject() { close(0x7D) }
  mutating func beginArray() { open(0x5B) }
  mutating func endArray() { close(0x5D) }

  mutating func key(_ key: StaticString) {
    key.withUTF8Buffer { name in
      assert(!name.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 >= 0x7F }, "a key that needs escapes")
      // The member's separator, the quoted key and the colon are written at once.
      let separator = beginKey(name)
      output.append(upTo: separator.maxCount + name.count + 4) { next in
        var written = separator.write(at: next)
        next[written] = 0x22
        written += 1
        written += ByteOutput.write(name, at: next + written)
        next[written] = 0x22
        next[written + 1] = 0x3A
        written += 2
        if pretty {
          next[written] = 0x20
          written += 1
        }
        return written
      }
    }
    afterKey = true
  }

  mutating func key(_ key: String) {
    var key = key
    let separator = key.withUTF8 { beginKey($0) }
    output.append(upTo: separator.maxCount) { separator.write(at: $0) }
    JSONOutput.appendQuoted(key, to: &output)
    endKey()
  }

  mutating func null() { appendValue("null") }
  mutating func bool(_ value: Bool) { appendValue(value ? "true" : "false") }

  mutating func integer(_ value: Int) {
    beginValue()
    ExactDecimal.withWholeNumberText(value) { output.append($0) }
  }

  mutating func number(_ value: ExactDecimal) {
    beginValue()
    value.withFormattedText(grouping: false) { output.append($0) }
  }

  mutating func string(_ value: String) {
    beginValue()
    JSONOutput.appendQuoted(value, to: &output)
  }

  // MARK: Layout

  /// What goes before a member or an element: the comma after the one before, then, in a pretty document, a line
  /// break and the indentation of its level.
  private struct Separator {
    /// Whether a comma comes first.
    let comma: Bool
    /// The spaces of the indentation after the line break, or `nil` for no line break.
    let indentation: Int?

    /// The most bytes the separator takes.
    var maxCount: Int { 2 + (indentation ?? 0) }

    /// Writes the separator where `next` points and returns its length.
    @inline(__always)
    func write(at next: UnsafeMutablePointer<UInt8>) -> Int {
      var written = 0
      if comma {
        next.initialize(to: 0x2C)
        written = 1
      }
      if let indentation {
        next[written] = 0x0A
        (next + written + 1).initialize(repeating: 0x20, count: indentation)
        written += 1 + indentation
      }
      return written
    }
  }

  private mutating func open(_ bracket: UInt8) {
    beginValue()
    output.append(bracket)
    filled.append(false)
    #if DEBUG
      lastKeys.append(nil)
    #endif
    level += 1
  }

  private mutating func close(_ bracket: UInt8) {
    level -= 1
    #if DEBUG
      lastKeys.removeLast()
    #endif
    let separator = Separator(comma: false, indentation: filled.removeLast() && pretty ? 2 * level : nil)
    output.append(upTo: separator.maxCount + 1) { next in
      let written = separator.write(at: next)
      next[written] = bracket
      return written + 1
    }
  }

  /// Before a value: the separator and line break of an array's element; nothing after a key.
  private mutating func beginValue() {
    if afterKey {
      afterKey = false
      return
    }
    let separator = beginMember()
    output.append(upTo: separator.maxCount) { separator.write(at: $0) }
  }

  /// A member or an element begins in the container open last: what goes before it (nothing at the top level).
  private mutating func beginMember() -> Separator {
    guard let last = filled.indices.last else { return Separator(comma: false, indentation: nil) }
    let comma = filled[last]
    if !comma { filled[last] = true }
    return Separator(comma: comma, indentation: pretty ? 2 * level : nil)
  }

  /// A member begins with the key `name`: what goes before it (see ``beginMember()``).
  private mutating func beginKey(_ name: UnsafeBufferPointer<UInt8>) -> Separator {
    #if DEBUG
      if let previous = lastKeys[lastKeys.count - 1] {
        assert(previous.lexicographicallyPrecedes(name), "JSON keys out of order: \(Array(name)) after \(previous)")
      }
      lastKeys[lastKeys.count - 1] = Array(name)
    #endif
    return beginMember()
  }

  private mutating func endKey() {
    output.append(pretty ? ": " : ":")
    afterKey = true
  }

  private mutating func appendValue(_ text: StaticString) {
    beginValue()
    output.append(text)
  }

  // MARK: Strings

  /// Appends a text as a quoted, escaped JSON string to UTF-8 output.
  ///
  /// The text's bytes are copied a run at a time between the few that need an escape: at once, with its
  /// quotation marks, when none does.
  ///
  /// - Parameters:
  ///   - text: Any text.
  ///   - output: Where to append it.
  static func appendQuoted(_ text: String, to output: inout ByteOutput) {
    var text = text
    text.withUTF8 { bytes in
      var offset = firstByteToLookAt(in: bytes, from: 0)
      if offset == bytes.count {
        output.append(upTo: bytes.count + 2) { next in
          next.initialize(to: 0x22)
          let written = 1 + ByteOutput.write(bytes, at: next + 1)
          next[written] = 0x22
          return written + 1
        }
        return
      }
      output.append(0x22)
      var runStart = 0
      while offset < bytes.count {
        let byte = bytes[offset]
        let escapeLength: Int
        if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
          escapeLength = 1
        } else if byte == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80,
          bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9
        {
          escapeLength = 3  // U+2028 or U+2029, which end a line in JavaScript
        } else {
          offset = firstByteToLookAt(in: bytes, from: offset + 1)
          continue
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
        appendEscape(forScalarAt: offset, length: escapeLength, in: bytes, to: &output)
        offset += escapeLength
        runStart = offset
        offset = firstByteToLookAt(in: bytes, from: offset)
      }
      output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
      output.append(0x22)
    }
  }

  /// The offset of the first byte from `start` on that may need an escape (a control character, `"`, `\`,
  /// U+007F, or 0xE2, which starts U+2028 and U+2029), or the count when there is none; eight bytes are
  /// looked at a time.
  ///
  /// A word's bytes are flagged where they are below 0x20 or equal one of the others; a flag is only ever
  /// wrong above a right one (a borrow carries upward), so the lowest is the first such byte.
  private static func firstByteToLookAt(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= bytes.count {
        let word = ByteWord.load(raw, at: index)
        let flags =
          ((word &- ByteWord.repeating(0x20)) & ~word & ByteWord.highBits)
          | ByteWord.zeroBytes(word ^ ByteWord.repeating(0x22)) | ByteWord.zeroBytes(word ^ ByteWord.repeating(0x5C))
          | ByteWord.zeroBytes(word ^ ByteWord.repeating(0x7F)) | ByteWord.zeroBytes(word ^ ByteWord.repeating(0xE2))
        if flags != 0 { return index + flags.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 { return index }
      index += 1
    }
    return index
  }

  /// Appends the escape of the character whose UTF-8 bytes stand at `offset`: `\"`, `\\`, `\n` and the like,
  /// or `\u` and four lower-case hexadecimal digits.
  private static func appendEscape(
    forScalarAt offset: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteOutput
  ) {
    let value: UInt32 = length == 3 ? (bytes[offset + 2] == 0xA8 ? 0x2028 : 0x2029) : UInt32(bytes[offset])
    let short: UInt8?
    switch value {
    case 0x22: short = 0x22
    case 0x5C: short = 0x5C
    case 0x0A: short = UInt8(ascii: "n")
    case 0x0D: short = UInt8(ascii: "r")
    case 0x09: short = UInt8(ascii: "t")
    case 0x08: short = UInt8(ascii: "b")
    case 0x0C: short = UInt8(ascii: "f")
    default: short = nil
    }
    output.append(0x5C)
    if let short {
      output.append(short)
      return
    }
    output.append(UInt8(ascii: "u"))
    for shift in stride(from: 12, through: 0, by: -4) {
      output.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
    }
  }

  /// The lower-case hexadecimal digits, in UTF-8.
  private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// Builds the ``JSONValue`` a sequence of ``JSONSink`` calls describes.
struct JSONTreeBuilder: JSONSink {
  /// A container being built.
  private enum Open {
    case array([JSONValue])
    case object(JSONObject, key: String?)
  }

  private var open: [Open] = []
  /// The value built, once its last container is closed (`null` before).
  private(set) var value: JSONValue = .null

  mutating func beginObject() { open.append(.object(JSONObject(), key: nil)) }
  mutating func beginArray() { open.append(.array([])) }

  mutating func endObject() {
    guard case .object(let object, _) = open.removeLast() else { preconditionFailure("an array closed as an object") }
    add(.object(object))
  }

  mutating func endArray() {
    guard case .array(let elements) = open.removeLast() else { preconditionFailure("an object closed as an array") }
    add(.array(elements))
  }

  mutating func key(_ key: StaticString) { self.key(key.description) }

  mutating func key(_ key: String) {
    guard case .object(let object, _) = open.removeLast() else { preconditionFailure("a key outside an object") }
    open.append(.object(object, key: key))
  }

  mutating func null() { add(.null) }
  mutating func bool(_ value: Bool) { add(.bool(value)) }
  mutating func integer(_ value: Int) { add(.integer(value)) }
  mutating func number(_ value: ExactDecimal) { add(.number(value)) }
  mutating func string(_ value: String) { add(.string(value)) }

  /// Puts a finished value in the container open last, or makes it the value built.
  private mutating func add(_ finished: JSONValue) {
    guard let last = open.popLast() else {
      value = finished
      return
    }
    switch last {
    case .array(var elements):
      elements.append(finished)
      open.append(.array(elements))
    case .object(var object, let key?):
      object[key] = finished
      open.append(.object(object, key: nil))
    case .object:
      preconditionFailure("a member without a key")
    }
  }
}
