import BocheckModel
import Testing

@testable import BocheckReading

/// The byte-level steps of the row readers give the answers of the String-level logic they replaced, on
/// invented inputs.
@Suite struct AsmByteHelpersTests {
  /// The text `ExactDecimal.formatted(grouping:)` gave when it was built from Strings.
  private func formattedWithStrings(_ value: ExactDecimal, grouping: Bool) -> String {
    let negative = value.significand < 0
    let digits = String(negative ? -value.significand : value.significand)
    let padded = String(repeating: "0", count: max(0, value.scale + 1 - digits.count)) + digits
    let integerPart = padded.dropLast(value.scale)
    let fraction = padded.suffix(value.scale)
    var integerText = String(integerPart)
    if grouping && integerText.count > 3 {
      var groups: [Substring] = []
      var end = integerText.endIndex
      while end > integerText.startIndex {
        let start = integerText.index(end, offsetBy: -3, limitedBy: integerText.startIndex) ?? integerText.startIndex
        groups.insert(integerText[start..<end], at: 0)
        end = start
      }
      integerText = groups.joined(separator: ",")
    }
    return (negative ? "-" : "") + integerText + (value.scale > 0 ? "." + fraction : "")
  }

  @Test func formattedDecimalsReadAsTheyDidWithStrings() {
    let significands: [Int128] = [
      0, 1, 9, 10, 99, 100, 999, 1_000, 12_345, 123_456, 1_234_567, 100_000_000, 999_999_999_999_999, -1, -5, -999,
      -1_000, -1_234_567, 42_000_000_000_000_000, Int128.max, Int128.min + 1,
    ]
    for significand in significands {
      for scale in 0...8 {
        let value = ExactDecimal(significand: significand, scale: scale)
        for grouping in [false, true] {
          #expect(value.formatted(grouping: grouping) == formattedWithStrings(value, grouping: grouping))
        }
      }
    }
    #expect(ExactDecimal(significand: 5, scale: 2).description == "0.05")
    #expect(ExactDecimal(significand: -1_234_567_5, scale: 1).description == "-1,234,567.5")
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
