import BocheckModel
import Testing

@testable import BocheckReading

/// The XML reader's fast paths agree with the general ones on seeded awkward inputs: the splitting of a file
/// into documents, the places (line and column) of the scanner's events, the end of a tag's name and its local
/// name, the name table's comparisons, entities read on their bytes, the texts left out before the
/// shares-outstanding basis is read, the format told from the first bytes and the end of a privacy-enhanced
/// message's preamble.
@Suite struct XMLFastPathTests {
  @Test func documentStartsAgreeWithTheLineByLineScan() {
    let pieces = [
      "<?xml version=\"1.0\"?>", "<?XML", "<?xm", "<edgarSubmission", "<EdgarSubmission>", "<edgarSubmission/>",
      "<edgarSubmissionX>", "<edgarsubmission\r", "</edgarSubmission>", "<e", "<E", "<", "?", ">", " ", "\t",
      "\u{0B}", "\u{0C}", "\u{A0}", "\n", "\n", "\r\n", "\r", "x", "\u{2020}", "é", "<a>text</a>",
    ]
    var split = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 3_000, maximumPieces: 40, seed: 0x786D_6C73) {
      let fast = bytes.withUnsafeBufferPointer { FilingSplitter.xmlStarts(in: $0) }
      let general = bytes.withUnsafeBufferPointer { FilingSplitter.xmlStartsByLines(in: $0) }
      #expect(fast == general, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
      if general.count > 1 { split += 1 }
    }
    // The inputs do hold several documents, often.
    #expect(split > 300)
  }

  @Test func eventPlacesAreCountedAsFromTheStart() {
    let pieces = [
      "<a>", "</a>", "<ns:b x='1'>", "<c/>", "text", "é", "\u{2020}", "\n", "\r\n", "\r", " ", "<", ">", "&amp;",
      "<!-- c -->", "<![CDATA[x<y]]>", "<?pi?>", "</", "\t", "<d",
    ]
    var placed = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 1_500, maximumPieces: 30, seed: 0x706C_6163) {
      let text = String(decoding: bytes, as: UTF8.self)
      var scanner = XMLScanner(text)
      var offsets: [Int] = []
      while let event = scanner.next() {
        switch event {
        case .start(_, let offset, _), .end(_, let offset), .text(_, let offset, _), .problem(_, let offset):
          offsets.append(offset)
        }
      }
      let utf8 = Array(text.utf8)
      // In the order of the events, then backwards (each place counted again from the start).
      for offset in offsets + offsets.reversed() {
        let before = utf8[..<offset]
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let line = 1 + before.count { $0 == 0x0A }
        let column = 1 + utf8[lineStart..<offset].count { $0 & 0xC0 != 0x80 }
        #expect(scanner.line(at: offset) == line, "\(text.debugDescription) at \(offset)")
        #expect(scanner.column(at: offset) == column, "\(text.debugDescription) at \(offset)")
        if line > 1 && column > 1 { placed += 1 }
      }
    }
    #expect(placed > 1_000)
  }

  @Test func basisTextsLeftOutStateNothing() {
    let pieces = [
      "outstanding", "OUT**STANDING", "Outstanding", "based on", "Based\non", "BASED UPON", "basis of", "BASED  ON",
      "10,000,000", "25,000,000 shares", "shares of Common Stock", "5.1%", "percent", " ", " ", "*", "**", "of",
      "the", "as of March 1, 2024", ".", "\n", "\u{A0}", "Issuer's", "reported in its 10-Q",
    ]
    var found = 0
    var left = 0
    for (bytes, draw) in TestSupport.pieceTexts(pieces, count: 2_000, maximumPieces: 24, seed: 0x6261_7369) {
      // A few texts of a filing's basis sections, each cut from the drawn one.
      let whole = String(decoding: bytes, as: UTF8.self)
      let words = whole.split(separator: "\n", omittingEmptySubsequences: false)
      let texts = words.enumerated().map { (text: String($0.element), line: Int(draw % 50) + $0.offset * 3 + 1) }
      let kept = texts.filter { XMLFilingReader.mayStateBasis(ArraySlice($0.text.utf8)) }
      left += texts.count - kept.count
      let all = XMLFilingReader.statedBasis(texts)
      #expect(XMLFilingReader.statedBasis(kept) == all, "\(texts)")
      if all != nil { found += 1 }
    }
    // Bases are found, and texts are left out.
    #expect(found > 40)
    #expect(left > 100)
  }

  @Test func nameEndsAgreeWithAByteByByteReading() {
    let pieces = ["a", "B", ":", "ns1:", " ", "\t", "/", "\n", "\r", ">", "é", "xyzxyzxyz", "reportingPersonName"]
    var prefixed = 0
    for (bytes, draw) in TestSupport.pieceTexts(pieces, count: 2_000, maximumPieces: 12, seed: 0x6E61_6D65) {
      guard !bytes.isEmpty else { continue }
      let start = Int(draw % UInt64(bytes.count))
      let end = start + Int((draw >> 16) % UInt64(bytes.count - start + 1))
      // Byte by byte: the name ends at the first byte that ends a name; its local name follows its last colon.
      var index = start
      var localStart = start
      while index < end, !XMLScanner.endsName(bytes[index]) {
        if bytes[index] == 0x3A { localStart = index + 1 }
        index += 1
      }
      let fast = bytes.withUnsafeBufferPointer { XMLScanner.nameEnd($0, from: start, to: end) }
      #expect(fast.end == index && fast.localStart == localStart, "\(bytes) from \(start) to \(end)")
      if localStart > start { prefixed += 1 }
    }
    #expect(prefixed > 200)
  }

  @Test func nameComparisonsAgreeWithTheBytes() {
    let pieces = ["a", "b", "item", "Info", "reportingPerson", "x", "12345678"]
    let names = TestSupport.pieceTexts(pieces, count: 400, maximumPieces: 6, seed: 0x6571_7561).map(\.bytes)
    var table = NumberedTexts()
    var numbers: [[UInt8]: Int] = [:]
    var equalPairs = 0
    var unequalPairs = 0
    for (index, name) in names.enumerated() {
      // A third of the names are compared with a copy of themselves, the rest with another name.
      let other = index % 3 == 0 ? name : names[(index * 7 + 3) % names.count]
      let joined = name + other
      let equal = joined.withUnsafeBufferPointer {
        NumberedTexts.equal($0, 0..<name.count, $0, name.count..<joined.count)
      }
      #expect(equal == (name == other), "\(name) \(other)")
      if equal { equalPairs += 1 } else { unequalPairs += 1 }
      // The same spelling always gets the same number, and another spelling another number.
      let number = name.withUnsafeBufferPointer { table.number(of: 0..<name.count, in: $0) }
      if let known = numbers[name] {
        #expect(number == known)
      } else {
        #expect(!numbers.values.contains(number))
        numbers[name] = number
      }
    }
    #expect(equalPairs > 100 && unequalPairs > 100)
    #expect(numbers.count > 100)
  }

  @Test func formatsToldFromBytesAgreeWithTheCharacters() {
    let pieces = [
      "<?xml", "<?XML", "<?xm", "<edgarSubmission", "<EDGARSUBMISSION>", "<edgarSubmission\u{301}", " ", "\t", "\n",
      "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{85}", "\u{A0}", "\u{301}", "é", "<html>", "<SEC-DOCUMENT>",
      "x", "<", "?", "-----BEGIN PRIVACY-ENHANCED MESSAGE-----", "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n",
      "\u{FEFF}", "Proc-Type: 2001,MIC-CLEAR\n", "\n\n", "\n \t\n", "<SUBMISSION>", "<ims-document>", "<DOCUMENT>",
      "<!DOCTYPE html", "<HTML", "<p>", "<TABLE", "<Font ", "<center>", "<centerx>", "<b\u{301}>", "<\u{301}", "<İ",
      "<\u{212A}", "\u{212A}", "İ", "\u{2028}", "<Div", "²",
    ]
    var told: [InputFormat: Int] = [:]
    var byBytes = 0
    var afterPreamble = 0
    for (bytes, draw) in TestSupport.pieceTexts(pieces, count: 6_000, maximumPieces: 8, seed: 0x666F_726D) {
      // Some texts are pushed against the 8,192 bytes read, which may cut a character in two.
      // Others open with a privacy-enhanced preamble's first lines, which the pieces may end with a blank line.
      let padding =
        draw % 3 == 0
        ? [UInt8](repeating: 0x20, count: 8_176 + Int((draw >> 8) % 20))
        : draw % 3 == 1 ? Array("-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n".utf8) : []
      let text = String(decoding: padding + bytes, as: UTF8.self)
      let format = FilingReader.detectFormat(text)
      #expect(format == FilingReader.detectFormatByCharacters(text), "\(text.suffix(60).debugDescription)")
      told[format, default: 0] += 1
      let fromBytes = ASCIIText.withUTF8(text, FilingReader.formatByBytes)
      if fromBytes != nil { byBytes += 1 }
      if fromBytes != nil && fromBytes != .text && text.trimmingBlanks().hasPrefix("-----BEGIN") { afterPreamble += 1 }
    }
    // Every format is told, most texts by their bytes alone, the rest by their characters.
    #expect(InputFormat.allCases.allSatisfy { told[$0, default: 0] > 200 }, "\(told)")
    #expect(byBytes > 3_000 && byBytes < 5_900, "\(byBytes)")
    // Privacy-enhanced preambles are skipped on the bytes.
    #expect(afterPreamble > 20, "\(afterPreamble)")
  }

  /// The preamble's end as splitting the whole text into lines found it (the reference for the line-by-line
  /// search of ``FilingReader/skippingPrivacyEnhancedHeader(_:)``).
  private static func afterPreambleBySplitting(_ head: String) -> Substring {
    let trimmed = head.drop { $0.isWhitespace }
    guard trimmed.hasPrefix("-----BEGIN PRIVACY-ENHANCED MESSAGE-----") else { return trimmed }
    var lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false)[...]
    while let first = lines.first, !first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
    guard let blank = lines.first else { return trimmed }
    return trimmed[blank.endIndex...]
  }

  @Test func privacyEnhancedPreambleEndsWhereSplittingIntoLinesEndsIt() {
    let pieces = [
      "-----BEGIN PRIVACY-ENHANCED MESSAGE-----", "Proc-Type: 2001,MIC-CLEAR", "\n", "\n", "\r\n", "\r", " ", "\t",
      "\u{A0}", "\u{85}", "\u{2028}", "<SEC-DOCUMENT>", "x", "\u{301}", "é",
    ]
    var skipped = 0
    for (bytes, draw) in TestSupport.pieceTexts(pieces, count: 3_000, maximumPieces: 12, seed: 0x7065_6D68) {
      // Most texts open with the preamble, as the texts that have one do.
      let text =
        (draw % 4 == 0 ? "" : "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n") + String(decoding: bytes, as: UTF8.self)
      let found = FilingReader.skippingPrivacyEnhancedHeader(text)
      let expected = Self.afterPreambleBySplitting(text)
      #expect(found == expected && found.startIndex == expected.startIndex, "\(text.debugDescription)")
      if found.count < text.count - 40 { skipped += 1 }
    }
    // The inputs do end their preambles, often.
    #expect(skipped > 500)
  }

  @Test func entitiesReadOnBytesAgreeWithTheirText() {
    let pieces = [
      "#", "#", "x", "X", "1", "3", "9", "0", "a", "F", "f", "g", "lt", "gt", "amp", "quot", "apos", "é", "+", "-",
    ]
    var resolved = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 4_000, maximumPieces: 7, seed: 0x656E_7469) {
      let name = String(decoding: bytes, as: UTF8.self)
      let read = bytes.withUnsafeBufferPointer { XMLScanner.entity($0) }
      #expect(read == XMLScanner.entity(name), "\(name)")
      if read != nil { resolved += 1 }
    }
    #expect(resolved > 100)
  }
}
