import Testing

@testable import BocheckReading

/// The HTML flattener's byte-level steps give the answers of the simpler forms they replaced, on seeded
/// awkward inputs: where a tag ends, what a tag does, and what an entity stands for.
@Suite struct HTMLBytesTests {
  /// Where a tag ends, read byte by byte with the quote open (the reference for the eight-at-a-time search).
  private static func tagEndByBytes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start + 1 < bytes.count else { return nil }
    let next = bytes[start + 1]
    guard ASCIIText.isLetter(next) || next == 0x2F || next == 0x21 || next == 0x3F else { return nil }
    if next == 0x21, start + 3 < bytes.count, bytes[start + 2] == 0x2D, bytes[start + 3] == 0x2D {
      var index = start + 4
      while index + 2 < bytes.count {
        if bytes[index] == 0x2D && bytes[index + 1] == 0x2D && bytes[index + 2] == 0x3E { return index + 3 }
        index += 1
      }
      return bytes.count
    }
    var index = start + 1
    var quote: UInt8 = 0
    let limit = min(bytes.count, start + 65_536)
    while index < limit {
      let byte = bytes[index]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == 0x22 || byte == 0x27 {
        quote = byte
      } else if byte == 0x3E {
        return index + 1
      } else if byte == 0x3C {
        return index
      }
      index += 1
    }
    return nil
  }

  @Test func tagEndsAreTheByteByByteEnds() {
    let pieces = [
      "<", ">", "\"", "'", "td", "TD", "/", "!", "?", "--", "-->", " ", "a=\"x>y\"", "b='<'", "style=\"c:d\"", "é",
      "\n", "0123456789", "abcdefgh",
    ]
    var ended = 0
    for (text, _) in TestSupport.pieceTexts(pieces, count: 3_000, maximumPieces: 16, seed: 0x7461_6765) {
      let bytes = [0x3C, 0x70] + text
      bytes.withUnsafeBufferPointer { buffer in
        let flattener = HTMLFlattener.Flattener(bytes: buffer)
        for start in buffer.indices where buffer[start] == 0x3C {
          let found = flattener.tagEnd(from: start)
          #expect(found == Self.tagEndByBytes(buffer, from: start), "\(String(decoding: bytes, as: UTF8.self))")
          if found != nil { ended += 1 }
        }
      }
    }
    #expect(ended > 1_000)
  }

  @Test func tagKindsAreFoundAmongTheNamesOfTheirLength() {
    let names = [
      "td", "TD", "Th", "tr", "TABLE", "p", "P", "br", "div", "h1", "h7", "li", "center", "Blockquote", "pre",
      "script", "STYLE", "input", "img", "font", "span", "b", "x", "", "tablex", "document", "text", "page", "ul",
    ]
    for name in names {
      let bytes = Array(name.utf8)
      let kind = bytes.withUnsafeBufferPointer { HTMLFlattener.Flattener.TagKind.of($0, name: 0..<$0.count) }
      let expected: String? =
        switch name.uppercased() {
        case "SCRIPT", "STYLE": "hidden"
        case "TD", "TH": "cell"
        case "TR", "TABLE": "row"
        case "INPUT": "input"
        case "IMG": "image"
        case "BR", "P", "DIV", "H1", "LI", "CENTER", "BLOCKQUOTE", "PRE", "UL", "DOCUMENT", "TEXT", "PAGE": "block"
        default: nil
        }
      #expect(kind.map { "\($0)" } == expected, "\(name)")
    }
  }

  /// What an entity's text stands for, read through `String`s (the reference for the reading on bytes).
  private static func entityByText(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (UInt32, Int)? {
    var index = start + 1
    let limit = min(bytes.count, start + 12)
    while index < limit && bytes[index] != 0x3B && bytes[index] != 0x26 && !ASCIIText.isBlank(bytes[index]) {
      index += 1
    }
    guard index < bytes.count, bytes[index] == 0x3B else { return nil }
    let length = index + 1 - start
    var scalar: Unicode.Scalar?
    if start + 1 < index && bytes[start + 1] == 0x23 {
      let isHexadecimal = start + 2 < index && (bytes[start + 2] == 0x78 || bytes[start + 2] == 0x58)
      let digits = String(decoding: bytes[(start + (isHexadecimal ? 3 : 2))..<index], as: UTF8.self)
      scalar = UInt32(digits, radix: isHexadecimal ? 16 : 10).flatMap(HTMLFlattener.Flattener.scalar)
    } else {
      let name = String(decoding: bytes[(start + 1)..<index], as: UTF8.self).lowercased()
      scalar = HTMLFlattener.Flattener.namedEntities[name]
    }
    guard let scalar else { return nil }
    if scalar == "\u{A0}" || scalar == " " || HTMLFlattener.Flattener.isUnicodeSpace(scalar) { return (0x20, length) }
    return (scalar.value, length)
  }

  @Test func entitiesReadOnBytesAreThoseReadAsText() {
    let pieces = [
      "#", "x", "X", "1", "6", "0", "9", "f", "A", "+", "-", "nbsp", "NBSP", "amp", "Eacute", "rsquo", "euro", "zz",
      "\u{212A}", "é", "\0", "\u{4}", ";", "4294967296", "99999999999",
    ]
    var decoded = 0
    for (text, _) in TestSupport.pieceTexts(pieces, count: 6_000, maximumPieces: 5, seed: 0x656E_7479) {
      let bytes = [0x26] + text + [0x3B]
      bytes.withUnsafeBufferPointer { buffer in
        let found = HTMLFlattener.Flattener(bytes: buffer).entity(at: 0).map { ($0.scalar.value, $0.length) }
        let expected = Self.entityByText(buffer, at: 0)
        #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "\(String(decoding: bytes, as: UTF8.self))")
        if found != nil { decoded += 1 }
      }
    }
    // Most texts name no entity (an unknown name, a sign the name keeps, no digits); hundreds decode.
    #expect(decoded > 250)
  }
}
