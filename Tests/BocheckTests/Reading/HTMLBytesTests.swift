import BocheckSeeded
import Testing

@testable import BocheckReading

/// The HTML flattener's byte-level steps give the answers of the simpler forms they replaced, on seeded
/// awkward inputs: where a tag ends, what a tag does, and what an entity stands for.
@Suite struct HTMLBytesTests {
  /// Where a tag that opens with a name ends, read byte by byte with the quote open (the reference for the
  /// eight-at-a-time search; comments and the checks before the search are not part of it).
  private static func tagEndByBytes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
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

  /// Where a comment that opens at `start` ends, read byte by byte: after the first "-->", or at the end.
  private static func commentEndByBytes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start + 4
    while index + 2 < bytes.count {
      if bytes[index] == 0x2D && bytes[index + 1] == 0x2D && bytes[index + 2] == 0x3E { return index + 3 }
      index += 1
    }
    return bytes.count
  }

  @Test func tagEndsAreTheByteByByteEnds() {
    let pieces = [
      "<td", "<P", "</td", "<img ", ">", "\"", "'", " ", "a=\"x>y\"", "b='<'", "style=\"c:d\"", "é", "\n",
      "0123456789", "abcdefgh", "<!--", "-->", "-",
    ]
    var ended = 0
    var withLineFeeds = 0
    for (text, _) in TestSupport.pieceTexts(pieces, count: 3_000, maximumPieces: 16, seed: 0x7461_6765) {
      let bytes = Array("<p".utf8) + text
      bytes.withUnsafeBufferPointer { buffer in
        // A "<" inside a quote ("b='<'") may stand before a quote mark: only those before a name or a "/" open
        // a tag, or "!--" a comment.
        let opens = { (start: Int) in
          start + 1 < buffer.count && (ASCIIText.isLetter(buffer[start + 1]) || buffer[start + 1] == 0x2F)
        }
        let opensComment = { (start: Int) in LineBytes.hasPrefix(Array("<!--".utf8), in: buffer, at: start) }
        for start in buffer.indices where buffer[start] == 0x3C && (opens(start) || opensComment(start)) {
          let found = HTMLFlattener.Flattener.tagEnd(in: buffer, from: start)
          let expected =
            opensComment(start) ? Self.commentEndByBytes(buffer, from: start) : Self.tagEndByBytes(buffer, from: start)
          let text = String(decoding: bytes, as: UTF8.self).debugDescription
          #expect(found?.end == expected, "\(text)")
          guard let found else { continue }
          ended += 1
          // The line feeds the tag holds, counted on the way.
          let lineFeeds = (start..<found.end).filter { buffer[$0] == 0x0A }
          #expect(found.lineFeeds == lineFeeds.count, "\(text)")
          #expect(found.lastLineFeed == (lineFeeds.last ?? 0), "\(text)")
          if !lineFeeds.isEmpty { withLineFeeds += 1 }
        }
      }
    }
    #expect(ended > 1_000)
    #expect(withLineFeeds > 100)
  }

  /// What each tag name that changes the text does, upper case (the reference for the look-up by packed name).
  private static let tagKindsByName: [String: String] = {
    var kinds = ["SCRIPT": "hidden", "STYLE": "hidden", "TD": "cell", "TH": "cell", "TR": "row", "TABLE": "row"]
    for name in [
      "BR", "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "HR", "CENTER", "BLOCKQUOTE", "PRE", "TITLE", "UL",
      "OL", "DOCUMENT", "TEXT", "PAGE",
    ] {
      kinds[name] = "block"
    }
    kinds["INPUT"] = "input"
    kinds["IMG"] = "image"
    return kinds
  }()

  /// A tag's name ends where the byte-by-byte reading of ASCII letters and digits ends, for every byte value
  /// after a name of every length up to nineteen, within the tag's end and at the end of the text.
  @Test func tagNamesEndAtTheFirstByteNotALetterOrDigit() {
    let letters = Array("aZ0m9Bq".utf8)
    var checked = 0
    for length in 0..<20 {
      let name = (0..<length).map { letters[$0 % letters.count] }
      for after in UInt8.min...UInt8.max {
        // The name, the byte after it and, but for the last form, more bytes that would continue it.
        for bytes in [name + [after], name + [after] + Array("bcd0123456789xyz".utf8)] {
          bytes.withUnsafeBufferPointer { buffer in
            for end in [buffer.count, min(buffer.count, length), min(buffer.count, length / 2)] {
              var expected = 0
              while expected < end, ASCIIText.isLetter(buffer[expected]) || ASCIIText.isDigit(buffer[expected]) {
                expected += 1
              }
              let found = HTMLFlattener.Flattener.nameEnd(in: buffer, from: 0, to: end)
              #expect(found == expected, "\(length) \(after) \(end)")
              checked += 1
            }
          }
        }
      }
    }
    #expect(checked == 20 * 256 * 2 * 3)
  }

  @Test func tagKindsAreFoundByTheirNamesInAnyCase() {
    var names = [
      "td", "TD", "Th", "tr", "TABLE", "p", "P", "br", "div", "h1", "h7", "h0", "li", "center", "Blockquote", "pre",
      "script", "STYLE", "input", "img", "font", "span", "b", "x", "", "tablex", "document", "documents", "text",
      "page", "ul", "blockquot", "blockquotes", "blockquotf", "tablE", "tb", "rt", "dt", "pt",
    ]
    // Every name in both cases, and seeded names of one to eleven letters and digits, most of them a name in
    // mixed case or near one: a name with a byte changed, dropped or added.
    names += Self.tagKindsByName.keys.sorted().flatMap { [$0, $0.lowercased()] }
    var generator = SplitMix64(seed: 13)
    let alphabet = Array("abcdeghilmnoprstuvxyABCDEGHILMNOPRSTUVXY0123456789".utf8)
    let known = Self.tagKindsByName.keys.sorted().map { Array($0.utf8) }
    for _ in 0..<20_000 {
      var bytes = known[Int(generator.next() % UInt64(known.count))]
      switch generator.next() % 5 {
      case 0: bytes = bytes.map { generator.next() % 2 == 0 ? $0 | 0x20 : $0 }
      case 1: bytes[Int(generator.next() % UInt64(bytes.count))] = alphabet[Int(generator.next() % 50)]
      case 2: bytes.remove(at: Int(generator.next() % UInt64(bytes.count)))
      case 3: bytes.insert(alphabet[Int(generator.next() % 50)], at: Int(generator.next() % UInt64(bytes.count + 1)))
      default: bytes = (0..<(1 + Int(generator.next() % 11))).map { _ in alphabet[Int(generator.next() % 50)] }
      }
      names.append(String(decoding: bytes, as: UTF8.self))
    }
    var found = 0
    for name in names {
      // The name alone (its bytes end the buffer) and as a tag's name, other bytes after it.
      let alone = Array(name.utf8)
      let inTag = Array("<\(name) class=\"x\">".utf8)
      let kinds = [(alone, 0..<alone.count), (inTag, 1..<(1 + alone.count))].map { bytes, range in
        bytes.withUnsafeBufferPointer { HTMLFlattener.Flattener.TagKind.of($0, name: range).map { "\($0)" } }
      }
      let expected = Self.tagKindsByName[name.uppercased()]
      #expect(kinds == [expected, expected], "\(name)")
      if expected != nil { found += 1 }
    }
    #expect(found > 4_000)
  }

  /// What the name of an entity (between `&` and `;`) stands for, read through `String`s (the reference for
  /// the reading on bytes), with every kind of space read as one.
  private static func valueByText(ofName name: [UInt8]) -> UInt32? {
    let scalar: Unicode.Scalar?
    if name.first == 0x23 {
      let isHexadecimal = name.count > 1 && (name[1] == 0x78 || name[1] == 0x58)
      let digits = String(decoding: name.dropFirst(isHexadecimal ? 2 : 1), as: UTF8.self)
      scalar = UInt32(digits, radix: isHexadecimal ? 16 : 10).flatMap(HTMLFlattener.Flattener.scalar)
    } else {
      scalar = HTMLFlattener.Flattener.namedEntities[String(decoding: name, as: UTF8.self).lowercased()]
    }
    return scalar.map { $0 == "\u{A0}" || HTMLFlattener.Flattener.isUnicodeSpace($0) ? 0x20 : $0.value }
  }

  @Test func entitiesReadOnBytesAreThoseReadAsText() {
    // No piece holds a ";", an "&" or a blank: each text is one entity's whole name.
    let pieces = [
      "#", "x", "X", "1", "6", "0", "9", "f", "A", "+", "-", "nbsp", "NBSP", "amp", "Eacute", "rsquo", "euro", "zz",
      "\u{212A}", "é", "\0", "\u{4}", "4294967296", "99999999999",
    ]
    var decoded = 0
    for (name, _) in TestSupport.pieceTexts(pieces, count: 6_000, maximumPieces: 5, seed: 0x656E_7479) {
      let bytes = [0x26] + name + [0x3B]
      let found = bytes.withUnsafeBufferPointer { HTMLFlattener.Flattener.entity(in: $0, at: 0) }
      // A name is read up to eleven bytes.
      let expected = name.count <= 11 ? Self.valueByText(ofName: name) : nil
      #expect(found?.scalar.value == expected, "\(String(decoding: bytes, as: UTF8.self))")
      #expect(found == nil || found?.length == bytes.count)
      if found != nil { decoded += 1 }
    }
    // Most texts name no entity (an unknown name, a sign the name keeps, no digits); hundreds decode.
    #expect(decoded > 250)
  }
}
