import BocheckSeeded
import Testing

@testable import BocheckReading

/// The byte-level tests that rule body lines out before any text is built give the answers the `String`
/// logic they stand in front of gives, on invented lines.
@Suite struct BodyLineBytesTests {
  /// Lines of the kinds a body holds: headings, signatures, prose, table rows, marked-up and accented text.
  private static let lines: [String] = [
    "", "   ", "SIGNATURE", "Signatures.", "  **Item 1.**  Name of Issuer: Alpha Corp", "**It**em 1(a)",
    "Item 10. Certification", "ITEM 2(D) OR 2(E)", "By: /s/ Jane Roe", "/s/ Jane Roe", "Sam Smith", "S/ JOHN DOE",
    "Name: Jane Roe", "Title: Managing Member", "Its: General Partner", "Managing Member—Director",
    "Société Générale, Président", "Müller & Cie., Director", "Président-Directeur", "February 2, 2031",
    "2 février 2031", "02/02/2031", "Date:\tMay 1, 2031", "\u{A0}Jane Roe\u{A0}", "Jane\u{301} Roe, Trustee",
    "Alpha Fund LP\tBeta Fund LP", "In Witness Whereof, the undersigned", "After reasonable inquiry and to the best",
    "* footnote", "***", "Amendment No. 4", "Joint Filing Agreement", "ıtem 1", "Signature/Name/Title",
  ]

  @Test func letterWordsCutAsCharactersDo() {
    for line in Self.lines {
      let expected = line.split { !$0.isLetter }.map(String.init)
      let words = ASCIIText.withUTF8(line) { bytes in
        LineBytes.letterWords(bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
      }
      #expect(words == expected, "\(line)")
    }
  }

  @Test func allLetterWordsHandsOutTheWordsInOrderAndStopsAtTheFirstRejected() {
    for line in Self.lines {
      let expected = line.split { !$0.isLetter }.map(String.init)
      ASCIIText.withUTF8(line) { bytes in
        var handed: [String] = []
        let all = LineBytes.allLetterWords(bytes) { word in
          handed.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[word]), as: UTF8.self))
          return true
        }
        #expect(all && handed == expected, "\(line)")
        // A predicate that rejects the second word is handed the first two only.
        handed = []
        let rejected = LineBytes.allLetterWords(bytes) { word in
          handed.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[word]), as: UTF8.self))
          return handed.count < 2
        }
        #expect(rejected == (expected.count < 2) && handed == Array(expected.prefix(2)), "\(line)")
      }
    }
  }

  @Test func prefixesMatchUpperCasedText() {
    let phrases = ["SIGNATURE", "BY:", "BY ", "NAME:", "ITEM 1", "IN WITNESS", "DATE", "AFTER REASONABLE"]
    for line in Self.lines where !line.contains("ı") {
      for phrase in phrases {
        #expect(
          LineBytes.hasPrefix(ASCIIText.phrase(phrase), in: line) == line.uppercased().hasPrefix(phrase),
          "\(phrase) in \(line)")
      }
      #expect(LineBytes.equals(ASCIIText.phrase("SIGNATURE"), line) == (line.uppercased() == "SIGNATURE"))
    }
  }

  @Test func cleanedLinesAreRuledOutOnlyWhenTheyCannotStartWithThePhrase() {
    for line in Self.lines {
      let cleaned = DocumentFacts.cleanLine(Substring(line))
      for phrase in ["item 1", "(name of issuer)", "signature"] where cleaned.lowercased().hasPrefix(phrase) {
        #expect(DocumentFacts.cleanedLine(Substring(line), mayStartWith: ASCIIText.phrase(phrase)), "\(line)")
      }
    }
    #expect(!DocumentFacts.cleanedLine("  Name of the issuer", mayStartWith: ASCIIText.phrase("ITEM 1")))
    #expect(DocumentFacts.cleanedLine(" **ITEM** 1. Issuer", mayStartWith: ASCIIText.phrase("ITEM 1")))
  }

  @Test func trimmedTextIsTrimmingBlanks() {
    for line in Self.lines + ["\u{A0} \tAlpha \u{A0}", "\t\t", "Beta\u{A0}\u{A0}"] {
      #expect(ASCIIText.withUTF8(line) { LineBytes.trimmedText($0) } == line.trimmingBlanks(), "\(line)")
    }
  }

  @Test func sourceLinesEndAtEveryKindOfLineEnd() {
    let lines = SourceLines("one\r\ntwo\rthree\n\nfour\r\n")
    #expect(Array(lines.lines) == ["one", "two", "three", "", "four"])
    #expect(SourceLines("").lines.isEmpty)
    #expect(Array(SourceLines("é\nü").lines) == ["é", "ü"])
  }

  @Test func sourceLinesFindLineEndsAtEveryPlaceOfAWord() {
    // Line ends at every offset of the eight-byte words the scan reads, after lines of every length.
    let ends = ["\n", "\r", "\r\n"]
    var text = ""
    var expected: [String] = []
    for length in 0..<20 {
      let line = String(repeating: "x", count: length) + (length % 3 == 0 ? "é" : "")
      text += line + ends[length % 3]
      expected.append(line)
    }
    #expect(SourceLines(text).lines.map(String.init) == expected)
  }

  @Test func lineEndsAreThoseOfAByteByByteReading() {
    // Seeded texts of letters, LF, CR and CRLF, and texts without a CR (whose line ends are found from LF
    // alone), short and longer than the C library's search takes: each line's end and the next line's start are
    // those a reading byte by byte finds, with a lone CR ending a line and without.
    var random = SplitMix64(seed: 0x6c69_6e65)
    for round in 0..<600 {
      let alphabet: [UInt8] = round % 2 == 0 ? [0x78, 0x78, 0x78, 0x0A, 0x0D, 0xC3] : [0x78, 0x78, 0x78, 0x0A, 0xC3]
      let bytes = (0..<random.int(in: 0...(round % 4 < 2 ? 40 : 300))).map { _ in random.pick(alphabet) }
      for loneCarriageReturnEndsLine in [false, true] {
        var start = 0
        while start < bytes.count {
          var end = start
          var next = bytes.count
          while end < bytes.count {
            if bytes[end] == 0x0A {
              next = end + 1
              break
            }
            if bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A {
              next = end + 2
              break
            }
            if bytes[end] == 0x0D, loneCarriageReturnEndsLine {
              next = end + 1
              break
            }
            end += 1
          }
          let found = bytes.withUnsafeBufferPointer {
            LineBytes.Breaks($0, loneCarriageReturnEndsLine: loneCarriageReturnEndsLine).lineEnd(from: start)
          }
          #expect(
            found.end == end && found.next == next,
            "\(bytes) from \(start), lone CR ends: \(loneCarriageReturnEndsLine)")
          start = next
        }
      }
    }
  }

  @Test("a text's words cut at spaces are counted as splitting it at spaces counts them")
  func spaceSeparatedWordsCountAsSplit() {
    let texts = ["", " ", "a", " a ", "a  b", "  lead and trail  ", "one\ttab two", "x y z w v u t s r q", "a.b c,d"]
    for text in texts {
      let count = Array(text.utf8).withUnsafeBufferPointer(LineBytes.spaceSeparatedWordCount)
      #expect(count == text.split(separator: " ").count, "'\(text)'")
    }
  }
}
