/// A tolerant, flat scanner of XML into start tags, end tags and text, each with its source line.
///
/// EDGAR's own XML is simple (no meaningful attributes, no DTD), but real accepted filings break the
/// schema and even well-formedness: an end tag without its `>` has been accepted. The scanner never
/// stops at such a fault: it reports it as a ``Event/problem`` and goes on from the next `<`. It resolves
/// nothing from outside: a DOCTYPE is skipped, external entities are never fetched, and only the five
/// predefined entities and numeric references are decoded. It builds no tree, so nesting depth costs nothing.
///
/// The scanner hands out one event at a time and builds no `String` per tag: every distinct element name
/// gets a number the first time it is seen (``name(_:)`` spells it), and text is a byte range that
/// ``text(_:verbatim:)`` decodes when the reader wants it. Lines are counted as the bytes are passed and
/// columns only where an event needs one (``SourceCursor``).
struct XMLScanner {
  /// What the scanner met.
  enum Event: Equatable {
    /// A start tag with the number of its local name (namespace prefix dropped); `selfClosing` for `<name/>`.
    case start(name: Int, line: Int, column: Int, selfClosing: Bool)
    /// An end tag with the number of its local name.
    case end(name: Int, line: Int)
    /// Text between tags that holds more than blanks: its byte range, and whether it is kept verbatim
    /// (a CDATA section, whose entities are not decoded).
    case text(Range<Int>, line: Int, column: Int, verbatim: Bool)
    /// Something malformed, and where.
    case problem(String, line: Int, column: Int)
  }

  /// The scanned text's UTF-8 bytes.
  let bytes: [UInt8]
  /// Where the scanner is, with its line and column.
  private var cursor = SourceCursor()
  /// The byte offset where the scanner is.
  private var position: Int { cursor.offset }

  /// The element names met, by number.
  private var names: Names
  /// The tag event that follows the problem reported for it (a tag without its `>` is reported, then read).
  private var pendingEvent: Event?

  /// Creates a scanner over UTF-8 text.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - names: Names already numbered (see ``Names/init(_:)``); the names the text holds besides are numbered
  ///     after them.
  init(_ text: String, names: Names = Names()) {
    bytes = Array(text.utf8)
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

  /// The text of a text event, entities decoded unless it is verbatim.
  ///
  /// - Parameters:
  ///   - range: The event's byte range.
  ///   - verbatim: The event's `verbatim` flag.
  /// - Returns: The text's UTF-8 bytes.
  func text(_ range: Range<Int>, verbatim: Bool) -> ArraySlice<UInt8> {
    if verbatim || !bytes[range].contains(0x26) { return bytes[range] }
    return ArraySlice(decodeEntities(range))
  }

  /// The next event, or `nil` at the end of the text.
  mutating func next() -> Event? {
    if let event = pendingEvent {
      pendingEvent = nil
      return event
    }
    while position < bytes.count {
      if bytes[position] != 0x3C {
        let startLine = cursor.line
        let startColumn = column()
        let run = bytes.withUnsafeBufferPointer { Self.textRun($0, from: position) }
        let raw = position..<run.end
        advance(to: run.end)
        if run.holdsText { return .text(raw, line: startLine, column: startColumn, verbatim: false) }
        continue
      }
      let tagLine = cursor.line
      let tagColumn = column()
      if let special = skipSpecial() {
        switch special {
        case .skipped: continue
        case .unterminated:
          return .problem("an unterminated comment or declaration", line: tagLine, column: tagColumn)
        case .verbatim(let range):
          return .text(range, line: tagLine, column: tagColumn, verbatim: true)
        }
      }
      // A tag: up to ">", or up to the next "<" when its ">" is missing. Its body is read in place.
      let end = bytes.withUnsafeBufferPointer { Self.tagEnd($0, from: position + 1) }
      let body = (position + 1)..<end
      let closed = end < bytes.count && bytes[end] == 0x3E
      advance(to: closed ? end + 1 : end)
      var nameStart = body.lowerBound
      var isEnd = false
      if !body.isEmpty, bytes[body.lowerBound] == 0x2F {
        isEnd = true
        nameStart += 1
      }
      var nameEnd = nameStart
      while nameEnd < body.upperBound, !ASCIIText.isBlank(bytes[nameEnd]), bytes[nameEnd] != 0x2F,
        bytes[nameEnd] != 0x0A, bytes[nameEnd] != 0x0D
      {
        nameEnd += 1
      }
      // A namespace prefix ("ns1:issuerName") is dropped: the local name follows the last colon.
      if let colon = bytes[nameStart..<nameEnd].lastIndex(of: 0x3A) { nameStart = colon + 1 }
      guard nameStart < nameEnd else {
        return .problem("a '<' that starts no tag", line: tagLine, column: tagColumn)
      }
      let text = bytes
      let name = text.withUnsafeBufferPointer { names.number(of: nameStart..<nameEnd, in: $0) }
      let event: Event
      if isEnd {
        event = .end(name: name, line: tagLine)
      } else {
        let selfClosing = !body.isEmpty && bytes[body.upperBound - 1] == 0x2F
        event = .start(name: name, line: tagLine, column: tagColumn, selfClosing: selfClosing)
      }
      if !closed {
        pendingEvent = event
        return .problem(
          "the tag <\(isEnd ? "/" : "")\(names.spelling(name)) has no closing '>'", line: tagLine, column: tagColumn)
      }
      return event
    }
    return nil
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

  /// The 1-based column at `position`.
  private mutating func column() -> Int {
    bytes.withUnsafeBufferPointer { cursor.column(in: $0) }
  }

  /// Moves to `target`, counting the lines passed.
  private mutating func advance(to target: Int) {
    bytes.withUnsafeBufferPointer { cursor.move(to: target, in: $0) }
  }

  /// The offset of the first occurrence of `needle` at or after `start`, byte for byte.
  private func find(_ needle: [UInt8], from start: Int) -> Int? {
    bytes.withUnsafeBufferPointer { ASCIIText.firstOffset(of: needle, in: $0, from: start) }
  }

  /// Whether `prefix` stands at `offset`, byte for byte.
  private func starts(with prefix: [UInt8], at offset: Int) -> Bool {
    offset + prefix.count <= bytes.count && bytes[offset..<(offset + prefix.count)].elementsEqual(prefix)
  }

  /// The delimiters of what ``skipSpecial()`` skips.
  private static let declarationEnd = Array("?>".utf8)
  private static let commentStart = Array("<!--".utf8)
  private static let commentEnd = Array("-->".utf8)
  private static let dataStart = Array("<![CDATA[".utf8)
  private static let dataEnd = Array("]]>".utf8)

  /// What `skipSpecial` found at a `<`.
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
  private mutating func skipSpecial() -> Special? {
    guard position + 1 < bytes.count else { return nil }
    let next = bytes[position + 1]
    if next == 0x3F {
      guard let end = find(Self.declarationEnd, from: position + 2) else {
        advance(to: bytes.count)
        return .unterminated
      }
      advance(to: end + 2)
      return .skipped
    }
    guard next == 0x21 else { return nil }
    if starts(with: Self.commentStart, at: position) {
      guard let end = find(Self.commentEnd, from: position + 4) else {
        advance(to: bytes.count)
        return .unterminated
      }
      advance(to: end + 3)
      return .skipped
    }
    if starts(with: Self.dataStart, at: position) {
      guard let end = find(Self.dataEnd, from: position + 9) else {
        advance(to: bytes.count)
        return .unterminated
      }
      let content = (position + 9)..<end
      advance(to: end + 3)
      return .verbatim(content)
    }
    // <!DOCTYPE …> with an optional internal subset in brackets: skipped, never resolved.
    var depth = 0
    var index = position + 2
    while index < bytes.count {
      if bytes[index] == 0x5B { depth += 1 }
      if bytes[index] == 0x5D { depth -= 1 }
      if bytes[index] == 0x3E && depth <= 0 {
        advance(to: index + 1)
        return .skipped
      }
      index += 1
    }
    advance(to: bytes.count)
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
        var ampersand = index
        while ampersand < raw.upperBound && bytes[ampersand] != 0x26 { ampersand += 1 }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<ampersand]))
        index = ampersand
        guard index < raw.upperBound else { break }
        if let semicolon = bytes[index..<min(index + 12, raw.upperBound)].firstIndex(of: 0x3B),
          let scalar = Self.entity(String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self))
        {
          output.append(contentsOf: String(scalar).utf8)
          index = semicolon + 1
        } else {
          output.append(0x26)
          index += 1
        }
      }
    }
    return output
  }

  /// The character an entity's name (between `&` and `;`) stands for: one of the five predefined entities or
  /// a numeric reference; `nil` for any other name, which is never resolved.
  private static func entity(_ name: String) -> Unicode.Scalar? {
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

extension XMLScanner {
  /// Element names, numbered from 0 in the order they are first met, with the hash table that finds a name's
  /// number from its bytes; no `String` is made for a name until it is spelled.
  struct Names {
    /// The bytes of every name, one after the other, and where each name's are.
    private var store: [UInt8] = []
    private var ranges: [Range<Int>] = []
    /// Name numbers by hash slot, -1 where a slot is free.
    private var slots = [Int](repeating: -1, count: 256)

    /// A table that numbers the given names first, 0, 1, … in their order; a name given twice keeps its first
    /// number.
    ///
    /// A reader that tells a few names apart numbers them once, in a table every scanner starts from, and then
    /// tells them by number.
    ///
    /// - Parameter names: The names.
    init(_ names: [String] = []) {
      for name in names {
        let spelling = Array(name.utf8)
        _ = spelling.withUnsafeBufferPointer { number(of: 0..<$0.count, in: $0) }
      }
    }

    /// How many names are numbered.
    var count: Int { ranges.count }

    /// The spelling of a name's number.
    ///
    /// - Parameter number: A number below ``count``.
    func spelling(_ number: Int) -> String {
      String(decoding: store[ranges[number]], as: UTF8.self)
    }

    /// The number of the name spelled by a range of bytes, given a new number the first time it is met.
    ///
    /// A name met before is found on the bytes in place, eight bytes at a time: its hash, its slot and its
    /// spelling are read through buffers, with no slice of the text made.
    ///
    /// - Parameters:
    ///   - range: The name's byte range in `text`.
    ///   - text: UTF-8 bytes.
    mutating func number(of range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Int {
      let found = store.withUnsafeBufferPointer { store in
        ranges.withUnsafeBufferPointer { ranges in
          slots.withUnsafeBufferPointer { slots -> (number: Int, slot: Int) in
            let mask = slots.count - 1
            var slot = Self.hash(text, range) & mask
            while case let number = slots[slot], number >= 0 {
              if Self.equal(store, ranges[number], text, range) { return (number, slot) }
              slot = (slot + 1) & mask
            }
            return (-1, slot)
          }
        }
      }
      if found.number >= 0 { return found.number }
      let number = ranges.count
      ranges.append(store.count..<(store.count + range.count))
      store.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
      slots[found.slot] = number
      if ranges.count * 2 > slots.count { rehash() }
      return number
    }

    /// The hash of a range of bytes, taken eight bytes at a time (the last few one by one) and mixed at the
    /// end so that every byte reaches the low bits a slot is taken from.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
      let prime: UInt64 = 1_099_511_628_211
      var hash: UInt64 = 14_695_981_039_346_656_037
      var offset = range.lowerBound
      if let base = bytes.baseAddress {
        while offset + 8 <= range.upperBound {
          hash = (hash ^ UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
          offset += 8
        }
      }
      while offset < range.upperBound {
        hash = (hash ^ UInt64(bytes[offset])) &* prime
        offset += 1
      }
      hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
      return Int(truncatingIfNeeded: hash ^ (hash >> 33))
    }

    /// Whether two ranges of bytes, in two buffers, hold the same bytes; compared eight bytes at a time.
    private static func equal(
      _ first: UnsafeBufferPointer<UInt8>, _ firstRange: Range<Int>, _ second: UnsafeBufferPointer<UInt8>,
      _ secondRange: Range<Int>
    ) -> Bool {
      guard firstRange.count == secondRange.count else { return false }
      guard let firstBase = first.baseAddress, let secondBase = second.baseAddress else { return firstRange.isEmpty }
      var offset = 0
      while offset + 8 <= firstRange.count {
        let a = UnsafeRawPointer(firstBase).loadUnaligned(
          fromByteOffset: firstRange.lowerBound + offset, as: UInt64.self)
        let b = UnsafeRawPointer(secondBase).loadUnaligned(
          fromByteOffset: secondRange.lowerBound + offset, as: UInt64.self)
        if a != b { return false }
        offset += 8
      }
      while offset < firstRange.count {
        if first[firstRange.lowerBound + offset] != second[secondRange.lowerBound + offset] { return false }
        offset += 1
      }
      return true
    }

    /// Doubles the hash table.
    private mutating func rehash() {
      var slots = [Int](repeating: -1, count: self.slots.count * 2)
      let mask = slots.count - 1
      store.withUnsafeBufferPointer { store in
        for (number, spelling) in ranges.enumerated() {
          var slot = Self.hash(store, spelling) & mask
          while slots[slot] >= 0 { slot = (slot + 1) & mask }
          slots[slot] = number
        }
      }
      self.slots = slots
    }
  }
}
