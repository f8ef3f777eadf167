/// A tolerant, flat scanner of XML into start tags, end tags and text, each with its source line.
///
/// EDGAR's own XML is simple (no meaningful attributes, no DTD), but real accepted filings break the
/// schema and even well-formedness: an end tag without its `>` has been accepted. The scanner never
/// stops at such a fault: it reports it as a ``Event/problem`` and goes on from the next `<`. It resolves
/// nothing from outside: a DOCTYPE is skipped, external entities are never fetched, and only the five
/// predefined entities and numeric references are decoded. It builds no tree, so nesting depth costs nothing.
struct XMLScanner {
  /// What the scanner met.
  enum Event: Equatable {
    /// A start tag with its local name (namespace prefix dropped); `selfClosing` for `<name/>`.
    case start(name: String, line: Int, column: Int, selfClosing: Bool)
    /// An end tag with its local name.
    case end(name: String, line: Int)
    /// Text between tags, entities decoded.
    case text(String, line: Int, column: Int)
    /// Something malformed, and where.
    case problem(String, line: Int, column: Int)
  }

  private let bytes: [UInt8]
  private var position = 0
  private var line = 1
  private var column = 1

  /// Creates a scanner over UTF-8 text.
  init(_ text: String) {
    bytes = Array(text.utf8)
  }

  private mutating func advance(to target: Int) {
    while position < target && position < bytes.count {
      if bytes[position] == 0x0A {
        line += 1
        column = 1
      } else if bytes[position] & 0xC0 != 0x80 {
        column += 1
      }
      position += 1
    }
  }

  private func find(_ needle: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
    var index = start
    while index + needle.count <= bytes.count {
      if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  /// Scans the whole text.
  mutating func events() -> [Event] {
    var result: [Event] = []
    while position < bytes.count {
      if bytes[position] != 0x3C {
        let startLine = line
        let startColumn = column
        var end = position
        while end < bytes.count && bytes[end] != 0x3C { end += 1 }
        let raw = position..<end
        advance(to: end)
        if bytes[raw].contains(where: { !ASCIIText.isBlank($0) && $0 != 0x0A && $0 != 0x0D }) {
          result.append(.text(decodeEntities(raw), line: startLine, column: startColumn))
        }
        continue
      }
      let tagLine = line
      let tagColumn = column
      if let special = skipSpecial(&result) {
        if !special {
          result.append(.problem("an unterminated comment or declaration", line: tagLine, column: tagColumn))
        }
        continue
      }
      // A tag: up to ">", or up to the next "<" when its ">" is missing. Its body is read in place.
      var end = position + 1
      while end < bytes.count && bytes[end] != 0x3E && bytes[end] != 0x3C { end += 1 }
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
      let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
      guard !name.isEmpty else {
        result.append(.problem("a '<' that starts no tag", line: tagLine, column: tagColumn))
        continue
      }
      if !closed {
        result.append(
          .problem("the tag <\(isEnd ? "/" : "")\(name) has no closing '>'", line: tagLine, column: tagColumn))
      }
      if isEnd {
        result.append(.end(name: name, line: tagLine))
      } else {
        let selfClosing = !body.isEmpty && bytes[body.upperBound - 1] == 0x2F
        result.append(.start(name: name, line: tagLine, column: tagColumn, selfClosing: selfClosing))
      }
    }
    return result
  }

  /// Skips `<?…?>`, `<!--…-->`, `<![CDATA[…]]>` (kept as text) and `<!DOCTYPE …>`; `nil` when not at one,
  /// `false` when it never ends.
  private mutating func skipSpecial(_ result: inout [Event]) -> Bool? {
    guard position + 1 < bytes.count else { return nil }
    let next = bytes[position + 1]
    if next == 0x3F {
      guard let end = find(Array("?>".utf8), from: position + 2) else {
        advance(to: bytes.count)
        return false
      }
      advance(to: end + 2)
      return true
    }
    guard next == 0x21 else { return nil }
    if bytes[position...].starts(with: Array("<!--".utf8)) {
      guard let end = find(Array("-->".utf8), from: position + 4) else {
        advance(to: bytes.count)
        return false
      }
      advance(to: end + 3)
      return true
    }
    if bytes[position...].starts(with: Array("<![CDATA[".utf8)) {
      let startLine = line
      let startColumn = column
      guard let end = find(Array("]]>".utf8), from: position + 9) else {
        advance(to: bytes.count)
        return false
      }
      result.append(
        .text(String(decoding: bytes[(position + 9)..<end], as: UTF8.self), line: startLine, column: startColumn))
      advance(to: end + 3)
      return true
    }
    // <!DOCTYPE …> with an optional internal subset in brackets: skipped, never resolved.
    var depth = 0
    var index = position + 2
    while index < bytes.count {
      if bytes[index] == 0x5B { depth += 1 }
      if bytes[index] == 0x5D { depth -= 1 }
      if bytes[index] == 0x3E && depth <= 0 {
        advance(to: index + 1)
        return true
      }
      index += 1
    }
    advance(to: bytes.count)
    return false
  }

  /// The text of a byte range with its entities decoded.
  ///
  /// - Parameter raw: A range of offsets into the scanned bytes.
  private func decodeEntities(_ raw: Range<Int>) -> String {
    guard bytes[raw].contains(0x26) else { return String(decoding: bytes[raw], as: UTF8.self) }
    var output: [UInt8] = []
    var index = raw.lowerBound
    while index < raw.upperBound {
      if bytes[index] == 0x26, let semicolon = bytes[index..<raw.upperBound].prefix(12).firstIndex(of: 0x3B) {
        let name = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
        var scalar: Unicode.Scalar?
        switch name {
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "amp": scalar = "&"
        case "quot": scalar = "\""
        case "apos": scalar = "'"
        default:
          if name.hasPrefix("#x") || name.hasPrefix("#X") {
            scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
          } else if name.hasPrefix("#") {
            scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
          }
        }
        if let scalar {
          output += Array(String(scalar).utf8)
          index = semicolon + 1
          continue
        }
      }
      output.append(bytes[index])
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }
}
