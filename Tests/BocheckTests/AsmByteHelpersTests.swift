import BocheckModel
import Testing

@testable import BocheckReading

/// The byte-level steps of the row readers give the answers of the String-level logic they replaced, on
/// invented inputs.
@Suite struct AsmByteHelpersTests {
  @Test func asciiWhiteSpaceIsUnicodeWhiteSpace() {
    for byte in UInt8(0)..<0x80 {
      let scalar = Unicode.Scalar(byte)
      #expect(ASCIIText.isWhiteSpace(byte) == scalar.properties.isWhitespace, "\(byte)")
      #expect(ASCIIText.isWhiteSpace(byte) == Character(scalar).isWhitespace, "\(byte)")
    }
  }

  @Test func asciiBytesAreToldEightAtATime() {
    // One byte beyond ASCII at every place of buffers of every length up to three words, and none.
    for length in 0...24 {
      let ascii = [UInt8](repeating: 0x7F, count: length)
      #expect(ascii.withUnsafeBufferPointer(ASCIIText.isASCII), "\(length) ASCII bytes")
      for place in 0..<length {
        for high: UInt8 in [0x80, 0xC3, 0xFF] {
          var bytes = ascii
          bytes[place] = high
          #expect(!bytes.withUnsafeBufferPointer(ASCIIText.isASCII), "\(high) at \(place) of \(length)")
        }
      }
    }
  }

  @Test func occurrencesInOnePassAreTheRepeatedSearches() {
    let phrases = ["OWNED BY", "COLLECTIVELY OWNED BY", "HELD BY", "INCLUDING", "OF WHICH", "CONSISTING OF", "A"]
      .map(ASCIIText.phrase)
    let texts = [
      "1,000 shares collectively owned by A and B, including 400 held by C",
      "owned by X owned by Y; held  by Z (of which 10 are owned byproducts)",
      "Owned By", "aowned by", "consisting of (i) 600 shares held by A; and (ii) 400 shares held by B",
      "", "a a a", "held by held by", "OWNED\u{00A0}BY the fund, of whichever",
    ]
    for text in texts {
      let value = ValueText(text)
      var expected: [(range: Range<Int>, phrase: Int)] = []
      for (index, phrase) in phrases.enumerated() {
        var from = 0
        while let range = value.find(phrase, from: from) {
          expected.append((range, index))
          from = range.upperBound
        }
      }
      expected.sort { ($0.range.lowerBound, $0.phrase) < ($1.range.lowerBound, $1.phrase) }
      let found = value.occurrences(of: PhraseSet(phrases))
      #expect(found.map(\.range) == expected.map(\.range), "\(text)")
      #expect(found.map(\.phrase) == expected.map(\.phrase), "\(text)")
    }
  }

  @Test func abbreviationsAreToldOnTheBytesAsOnTheText() {
    func withStrings(_ name: String) -> Bool {
      let word = String(name.reversed().drop { $0 == " " }.prefix { $0 != " " }.reversed()).lowercased()
      return ["ltd.", "inc.", "co.", "corp.", "l.p.", "n.a.", "l.l.c.", "jr.", "sr.", "s.a.", "p.c."].contains(word)
        || word.hasSuffix(",ltd.") || word.hasSuffix(",inc.")
    }
    let names = [
      "Example Fund Ltd.", "Example Corp.", "EXAMPLE CO.", "Example Co", "Example Co.  ", "Roe Jr.", "Example,Inc.",
      "Example, Inc.", "L.P.", "", "   ", "Example Holdings L.L.C.", "Examplé Corp.", "Example Incorporated.",
      "xinc.", "Example S.A", "Example LTD.",
    ]
    for name in names {
      #expect(ValueParsers.endsWithAbbreviation(name) == withStrings(name), "\(name)")
    }
  }

  @Test func anAmountsPartsAreReadFromItsBytesAsFromTheirText() {
    let texts = [
      "1,000 shares (including 400 shares issuable upon exercise of warrants) held by Alpha Fund LP",
      "6,117,186 shares, consisting of (i) 1,652,130 shares of Common Stock; (ii) 2,599,596 shares issuable upon "
        + "conversion of notes; and (iii) 1,865,460 shares issuable upon exercise of warrants",
      "1,000 consisting of 600 shares and 400 options", "1,000\u{00A0}shares, including  300\u{2009}warrants",
      "1,000 (1) shares, of which 250 are Soci\u{00E9}t\u{00E9} notes; 750 common",
    ]
    for text in texts {
      // The parts as the list's text reads them: the text after the total and its markers, split, then parsed.
      let value = ValueText(text)
      guard let number = value.number(at: 0),
        let partsText = ValueParsers.splitAmountText(
          ValueText(normalized: Array(value.bytes[value.markers(after: number.end).end...]))
        ).parts,
        case .success(let expected) = ValueParsers.parseParts(partsText),
        case .value(.amount(let amount)) = ValueParsers.parseAmount(text)
      else {
        Issue.record("no parts in \(text)")
        continue
      }
      #expect(!expected.isEmpty, "\(text)")
      #expect(amount.parts == expected, "\(text)")
    }
  }

  @Test func aPartIsClassifiedInPlaceAsItsOwnText() {
    let list =
      "(i) 600 shares issuable upon exercise of warrants; (ii) 400 shares of Common Stock and "
      + "(iii) 100 shares underlying options, plus 50 notes"
    let bytes = ValueText(list).bytes
    for lower in stride(from: 0, to: bytes.count, by: 3) {
      for upper in stride(from: lower, through: bytes.count, by: 5) {
        let text = String(decoding: bytes[lower..<upper], as: UTF8.self)
        #expect(ValueParsers.partKind(bytes, lower..<upper) == ValueParsers.partKind(text), "\(text)")
      }
    }
  }
}

/// The blanks of a value rebuilt scalar by scalar are told as the scalars' Unicode properties tell them.
@Suite struct ValueTextBlankTests {
  @Test func asciiBlanksAreTheUnicodeWhiteSpaceOfASCII() {
    for value in UInt32(0)..<0x80 {
      let scalar = Unicode.Scalar(value)!
      #expect(ValueText.isBlank(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
    }
    #expect(ValueText.isBlank("\u{A0}") && ValueText.isBlank("\u{2009}") && ValueText.isBlank("\u{200B}"))
    #expect(!ValueText.isBlank("é") && !ValueText.isBlank("\u{2212}"))
  }

  @Test func valuesWithScalarsBeyondASCIIAreNormalized() {
    #expect(ValueText("\u{A0}1,000\u{2009}\u{2009}shares\u{0B}(a)\u{FEFF}").text == "1,000 shares (a)")
    #expect(ValueText(" 5.0%\u{2007}é\t\n").bytes == Array("5.0% é".utf8))
  }
}
