import BocheckModel

/// A tolerant, flat scanner of XML into start tags, end tags and text, each with its byte offset.
///
/// EDGAR's own XML is simple (no meaningful attributes, no DTD), but real accepted filings break the
/// schema and even well-formedness: an end tag without its `>` has been accepted. The scanner never
/// stops at such a fault: it reports it as a ``Event/problem`` and goes on from the next `<`. It resolves
/// nothing from outside: a DOCTYPE is skipped, external entities are never fetched, and only the five
/// predefined entities and numeric references are decoded. It builds no tree, so nesting depth costs nothing.
///
/// The scanner hands out one event at a time and builds no `String` per tag: every distinct element name
/// gets a number the first time it is seen (``name(_:)`` spells it), and text is a byte range that
/// ``text(_:verbatim:)`` decodes when the reader wants it. An event gives the byte offset where it stands;
/// its line and column are counted only when the reader asks (``line(at:)``, ``column(at:)``), on from the
/// last place asked (``SourceCursor``), so that most tags, whose place nobody reads, cost no counting.
struct XMLScanner {
  /// What the scanner met.
  enum Event: Equatable {
    /// A start tag with the number of its local name (namespace prefix dropped) and the byte offset of its
    /// `<`; `selfClosing` for `<name/>`.
    case start(name: Int, offset: Int, selfClosing: Bool)
    /// An end tag with the number of its local name and the byte offset of its `<`.
    case end(name: Int, offset: Int)
    /// Text between tags that holds more than blanks: its byte range, the byte offset it is reported at
    /// (the text's first byte, or a CDATA section's `<`), and whether it is kept verbatim (a CDATA section,
    /// whose entities are not decoded).
    case text(Range<Int>, offset: Int, verbatim: Bool)
    /// Something malformed, and the byte offset where it is.
    case problem(String, offset: Int)
  }

  /// The scanned text's UTF-8 bytes.
  let bytes: [UInt8]
  /// The byte offset where the scanner is.
  private var position = 0
  /// The last place whose line or column was asked for, with its line and column.
  private var located = SourceCursor()

  /// The element names met, by number.
  private var names: NumberedTexts
  /// The tag event that follows the problem reported for it (a tag without its `>` is reported, then read).
  private var pendingEvent: Event?
  /// The number and byte range of the last start tag's local name: the end tag of an element that holds only
  /// text (most of EDGAR's) spells the same name, told by comparing the bytes, without the name table.
  private var lastStart = (number: -1, range: 0..<0)

  /// Creates a scanner over UTF-8 text.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - names: Names already numbered (see ``NumberedTexts/init(_:)``); the names the text holds besides are
  ///     numbered after them.
  init(_ text: String, names: NumberedTexts = NumberedTexts()) {
    // Copied in one piece from the text's contiguous storage (every native text has it).
    bytes = text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
    self.names = names
  }

  /// The spelling of an element name's number.
  ///
  /// - Parameter number: A name number from an event of this scanner.
  func name(_ number: Int) -> String {
    names.spelling(number)
  }

  /// How many distinct element names the scanner knows so far; names are numbered from 0 in the order met
  /// (after those it was given).
  var nameCount: Int { names.count }

  /// The 1-based line of a byte offset.
  ///
  /// Lines are counted on from the last offset asked for, so asking in the order of the events costs, in
  /// all, one pass over the text; an offset before the last one asked is counted again from the start.
  ///
  /// - Parameter offset: A byte offset from an event of this scanner.
  mutating func line(at offset: Int) -> Int {
    locate(offset)
    return located.line
  }

  /// The 1-based column (in characters) of a byte offset, counted as ``line(at:)`` counts lines.
  ///
  /// - Parameter offset: A byte offset from an event of this scanner.
  mutating func column(at offset: Int) -> Int {
    locate(offset)
    return bytes.withUnsafeBufferPointer { located.column(in: $0) }
  }

  /// Moves the located place to `offset`, from the start when `offset` is behind it.
  private mutating func locate(_ offset: Int) {
    if offset < located.offset { located = SourceCursor() }
    bytes.withUnsafeBufferPointer { located.move(to: offset, in: $0) }
  }

  /// The text of a text event, entities decoded unless it is verbatim.
  ///
  /// - Parameters:
  ///   - range: The event's byte range.
  ///   - verbatim: The event's `verbatim` flag.
  /// - Returns: The text's UTF-8 bytes.
  func text(_ range: Range<Int>, verbatim: Bool) -> ArraySlice<UInt8> {
    let holdsEntity = bytes.withUnsafeBufferPointer {
      ASCIIText.firstOffset(of: 0x26, in: $0, from: range.lowerBound, to: range.upperBound) < range.upperBound
    }
    if verbatim || !holdsEntity { return bytes[range] }
    return ArraySlice(decodeEntities(range))
  }

  /// The next event, or `nil` at the end of the text.
  mutating func next() -> Event? {
    // The bytes are read through one buffer for the whole call; `bytes` itself is never changed.
    let text = bytes
    return text.withUnsafeBufferPointer { next(in: $0) }
  }

  /// The next event, or `nil` at the end of the text, read through a buffer of the scanned bytes.
  ///
  /// A reader that asks for every event holds one buffer over ``bytes`` for the whole scan rather than one
  /// per event.
  ///
  /// - Parameter bytes: The scanner's own ``bytes``, through a buffer.
  mutating func next(in bytes: UnsafeBufferPointer<UInt8>) -> Event? {
    if let event = pendingEvent {
      pendingEvent = nil
      return event
    }
    let count = bytes.count
    while position < count {
      if bytes[position] != 0x3C {
        let run = Self.textRun(bytes, from: position)
        let raw = position..<run.end
        position = run.end
        if run.holdsText { return .text(raw, offset: raw.lowerBound, verbatim: false) }
        continue
      }
      let tagOffset = position
      if let special = skipSpecial(bytes) {
        switch special {
        case .skipped: continue
        case .unterminated:
          return .problem("an unterminated comment or declaration", offset: tagOffset)
        case .verbatim(let range):
          return .text(range, offset: tagOffset, verbatim: true)
        }
      }
      // A tag: up to ">", or up to the next "<" when its ">" is missing. Its body is read in place.
      let end = Self.tagEnd(bytes, from: position + 1)
      let body = (position + 1)..<end
      let closed = end < count && bytes[end] == 0x3E
      position = closed ? end + 1 : end
      var nameStart = body.lowerBound
      var isEnd = false
      if !body.isEmpty, bytes[body.lowerBound] == 0x2F {
        isEnd = true
        nameStart += 1
      }
      // A namespace prefix ("ns1:issuerName") is dropped: the local name follows the last colon.
      let (nameEnd, localStart) = Self.nameEnd(bytes, from: nameStart, to: body.upperBound)
      nameStart = localStart
      guard nameStart < nameEnd else {
        return .problem("a '<' that starts no tag", offset: tagOffset)
      }
      let nameRange = nameStart..<nameEnd
      let event: Event
      if isEnd {
        let name =
          lastStart.number >= 0 && NumberedTexts.equal(bytes, lastStart.range, bytes, nameRange)
          ? lastStart.number : names.number(of: nameRange, in: bytes)
        event = .end(name: name, offset: tagOffset)
      } else {
        let name = names.number(of: nameRange, in: bytes)
        lastStart = (name, nameRange)
        let selfClosing = !body.isEmpty && bytes[body.upperBound - 1] == 0x2F
        event = .start(name: name, offset: tagOffset, selfClosing: selfClosing)
      }
      if !closed {
        pendingEvent = event
        let spelling = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameRange]), as: UTF8.self)
        return .problem("the tag <\(isEnd ? "/" : "")\(spelling) has no closing '>'", offset: tagOffset)
      }
      return event
    }
    return nil
  }

  /// Whether a byte ends an element's name in a tag: a blank, `/`, or a line end.
  static func endsName(_ byte: UInt8) -> Bool {
    ASCIIText.isBlank(byte) || byte == 0x2F || byte == 0x0A || byte == 0x0D
  }

  /// Where the name that starts at `start` in a tag's body ends (at the first byte that ``endsName(_:)``, or
  /// at `end`), and where its local name starts (just after its last colon, or at `start`).
  ///
  /// The bytes are read eight at a time, each byte of a word compared exactly with the bytes that end a name
  /// and with the colon; the bytes after the last whole word one by one.
  ///
  /// - Parameters:
  ///   - bytes: The scanned bytes.
  ///   - start: Where the name starts.
  ///   - end: Where the tag's body ends, at most `bytes.count`.
  static func nameEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (
    end: Int, localStart: Int
  ) {
    var index = start
    var localStart = start
    if let base = bytes.baseAddress {
      while index + 8 <= end {
        let word = ByteWord.load(UnsafeRawPointer(base), at: index)
        let stops =
          ByteWord.equalBytes(word, 0x20) | ByteWord.equalBytes(word, 0x09) | ByteWord.equalBytes(word, 0x2F)
          | ByteWord.equalBytes(word, 0x0A)
          | ByteWord.equalBytes(word, 0x0D)
        var colons = ByteWord.equalBytes(word, 0x3A)
        if stops != 0 {
          // Only the colons before the first stop are the name's.
          colons &= (1 << UInt64(stops.trailingZeroBitCount)) &- 1
        }
        if colons != 0 { localStart = index + (63 - colons.leadingZeroBitCount) / 8 + 1 }
        if stops != 0 { return (index + stops.trailingZeroBitCount / 8, localStart) }
        index += 8
      }
    }
    while index < end, !endsName(bytes[index]) {
      if bytes[index] == 0x3A { localStart = index + 1 }
      index += 1
    }
    return (index, localStart)
  }

  /// Where the text that starts at `start` ends (at the next `<` or the end), and whether it holds anything
  /// but blanks and line ends.
  ///
  /// The `<` is looked for eight bytes at a time; only the run's first bytes are read to tell whether it
  /// holds text.
  private static func textRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, holdsText: Bool) {
    let end = ASCIIText.firstOffset(of: 0x3C, in: bytes, from: start, to: bytes.count)
    var index = start
    while index < end {
      let byte = bytes[index]
      guard byte == 0x0A || byte == 0x0D || ASCIIText.isBlank(byte) else { return (end, true) }
      index += 1
    }
    return (end, false)
  }

  /// The offset of the `>` or `<` that ends a tag whose body starts at `start`, or the end of the bytes.
  private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    ASCIIText.firstOffset(of: 0x3E, or: 0x3C, in: bytes, from: start, to: bytes.count)
  }

  /// The offset of the first occurrence of `needle` at or after `start`, byte for byte.
  private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    ASCIIText.firstOffset(of: needle, in: bytes, from: start)
  }

  /// Whether `prefix` stands at `offset`, byte for byte.
  private static func starts(with prefix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    guard offset + prefix.count <= bytes.count else { return false }
    for (index, byte) in prefix.enumerated() where bytes[offset + index] != byte { return false }
    return true
  }

  /// The delimiters of what ``skipSpecial(_:)`` skips.
  private static let declarationEnd = Array("?>".utf8)
  private static let commentStart = Array("<!--".utf8)
  private static let commentEnd = Array("-->".utf8)
  private static let dataStart = Array("<![CDATA[".utf8)
  private static let dataEnd = Array("]]>".utf8)

  /// What ``skipSpecial(_:)`` found at a `<`.
  private enum Special {
    /// A declaration, comment or DOCTYPE, skipped.
    case skipped
    /// One that never ends; the rest of the text is skipped.
    case unterminated
    /// A CDATA section, whose content is text taken verbatim.
    case verbatim(Range<Int>)
  }

  /// Skips `<?…?>`, `<!--…-->`, `<![CDATA[…]]>` (kept as verbatim text) and `<!DOCTYPE …>`; `nil` when not
  /// at one.
  ///
  /// - Parameter bytes: The scanned bytes.
  private mutating func skipSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> Special? {
    guard position + 1 < bytes.count else { return nil }
    let next = bytes[position + 1]
    if next == 0x3F {
      guard let end = Self.find(Self.declarationEnd, in: bytes, from: position + 2) else {
        position = bytes.count
        return .unterminated
      }
      position = end + 2
      return .skipped
    }
    guard next == 0x21 else { return nil }
    if Self.starts(with: Self.commentStart, in: bytes, at: position) {
      guard let end = Self.find(Self.commentEnd, in: bytes, from: position + 4) else {
        position = bytes.count
        return .unterminated
      }
      position = end + 3
      return .skipped
    }
    if Self.starts(with: Self.dataStart, in: bytes, at: position) {
      guard let end = Self.find(Self.dataEnd, in: bytes, from: position + 9) else {
        position = bytes.count
        return .unterminated
      }
      let content = (position + 9)..<end
      position = end + 3
      return .verbatim(content)
    }
    // <!DOCTYPE …> with an optional internal subset in brackets: skipped, never resolved.
    var depth = 0
    var index = position + 2
    while index < bytes.count {
      if bytes[index] == 0x5B { depth += 1 }
      if bytes[index] == 0x5D { depth -= 1 }
      if bytes[index] == 0x3E && depth <= 0 {
        position = index + 1
        return .skipped
      }
      index += 1
    }
    position = bytes.count
    return .unterminated
  }

  /// The bytes of a range with its entities decoded.
  ///
  /// - Parameter raw: A range of offsets into the scanned bytes.
  private func decodeEntities(_ raw: Range<Int>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(raw.count)
    bytes.withUnsafeBufferPointer { bytes in
      var index = raw.lowerBound
      while index < raw.upperBound {
        // The bytes up to the next "&" are copied as they are, in one piece.
        let ampersand = ASCIIText.firstOffset(of: 0x26, in: bytes, from: index, to: raw.upperBound)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<ampersand]))
        index = ampersand
        guard index < raw.upperBound else { break }
        if let semicolon = bytes[index..<min(index + 12, raw.upperBound)].firstIndex(of: 0x3B),
          let scalar = Self.entity(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon]))
        {
          UTF8.encode(scalar) { output.append($0) }
          index = semicolon + 1
        } else {
          output.append(0x26)
          index += 1
        }
      }
    }
    return output
  }

  /// The character an entity's name (between `&` and `;`) stands for, read on its bytes: the usual names (the
  /// five predefined entities, a decimal reference of at most seven digits, a hexadecimal one of at most six)
  /// are read here, any other through ``entity(_:)-(String)`` (the general path, which reads these alike).
  ///
  /// - Parameter name: The name's UTF-8 bytes.
  static func entity(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
    func spells(_ word: StaticString) -> Bool {
      word.utf8CodeUnitCount == name.count
        && (0..<name.count).allSatisfy { word.utf8Start[$0] == name[$0] }
    }
    if spells("lt") { return "<" }
    if spells("gt") { return ">" }
    if spells("amp") { return "&" }
    if spells("quot") { return "\"" }
    if spells("apos") { return "'" }
    if name.count >= 2 && name.count <= 8 && name[0] == 0x23 {
      let hex = name[1] | 0x20 == 0x78
      let digits = name[(hex ? 2 : 1)...]
      if !digits.isEmpty && digits.count <= (hex ? 6 : 7) {
        var value: UInt32 = 0
        var isNumber = true
        for byte in digits {
          let digit: UInt32
          switch byte {
          case 0x30...0x39: digit = UInt32(byte - 0x30)
          case 0x41...0x46 where hex: digit = UInt32(byte - 0x41 + 10)
          case 0x61...0x66 where hex: digit = UInt32(byte - 0x61 + 10)
          default:
            isNumber = false
            digit = 0
          }
          value = value * (hex ? 16 : 10) + digit
        }
        if isNumber { return Unicode.Scalar(value) }
      }
    }
    return entity(String(decoding: name, as: UTF8.self))
  }

  /// The character an entity's name (between `&` and `;`) stands for: one of the five predefined entities or
  /// a numeric reference; `nil` for any other name, which is never resolved.
  static func entity(_ name: String) -> Unicode.Scalar? {
    switch name {
    case "lt": return "<"
    case "gt": return ">"
    case "amp": return "&"
    case "quot": return "\""
    case "apos": return "'"
    default:
      if name.hasPrefix("#x") || name.hasPrefix("#X") {
        return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
      } else if name.hasPrefix("#") {
        return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
      }
      return nil
    }
  }
}
