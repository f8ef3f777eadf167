import BocheckModel
import Testing

@testable import BocheckReading

/// An amount's attribution and its labelled parts, read on the bytes, as their text reads them.
@Suite struct AmountAttributionTests {
  /// The attribution's names as the text-level loop trimmed them: the trimmed text after the phrase, then its
  /// last character dropped while it is `;`, `,` or `)`, or a point that ends no abbreviation.
  private func namesByText(_ text: String) -> String {
    var name = text.trimmingBlanks()
    while let last = name.last, ";,)".contains(last) || (last == "." && !ValueParsers.endsWithAbbreviation(name)) {
      name.removeLast()
      name = name.trimmingBlanks()
    }
    return name
  }

  /// The amount a row's text reads as, or `nil` when it reads as no amount.
  private func amount(of text: String) -> Amount? {
    guard case .value(.amount(let amount)) = ValueParsers.parseAmount(text) else { return nil }
    return amount
  }

  @Test func anAttributionsNamesAreTrimmedOnTheBytesAsOnTheirText() {
    let endings = [
      "", ".", ";", ",", ")", ").", ".)", " ;", "; ", " ) .", ".;", "Ltd.", "Ltd.)", "Ltd.).", "Inc.;", "L.P.",
      "L.P.),", "Corp. .", "LP.", "Jr.", "S.A.)", "Example,Ltd.", "Example,Inc.)", "et al.", "Soci\u{00E9}t\u{00E9}.",
    ]
    for ending in endings {
      for names in ["", "Alpha Fund", "Alpha Fund and Beta", "A, B and C"] {
        let text = names.isEmpty ? ending : names + " " + ending
        let value = ValueText(" " + text)
        let range = ValueParsers.attributionRange(value.bytes, from: 0)
        let expected = namesByText(value.text)
        #expect(String(decoding: value.bytes[range], as: UTF8.self) == expected, "'\(text)'")
      }
    }
  }

  @Test func anAmountsAttributionIsItsNamesWithoutTheirClosingPunctuation() {
    // The names each text is attributed to, after the points and brackets that close the sentence.
    let namesByText: KeyValuePairs = [
      "1,000 shares, owned by Alpha Fund LP.": "Alpha Fund LP",
      "1,000 shares (held by Alpha Holdings Ltd.)": "Alpha Holdings Ltd.",
      "1,000 shares, collectively owned by A, B and C Inc.);": "A, B and C Inc.",
      "1,000 shares held of record by Beta;": "Beta",
    ]
    for (text, names) in namesByText {
      #expect(amount(of: text)?.attributedTo == [names], "\(text)")
    }
  }

  @Test func labelledPartsCarryTheirLabelsInEveryStyle() {
    let cases: [(String, [String])] = [
      ("100 consisting of (i) 60 shares; and (ii) 40 warrants", ["i", "ii"]),
      ("100 consisting of (I) 60 shares, (II) 30 options and (III) 10 notes", ["i", "ii", "iii"]),
      ("100 consisting of i) 60 shares ii) 40 warrants", ["i", "ii"]),
      ("100 consisting of (a) 60 shares; (b) 40 warrants", ["a", "b"]),
      ("100 consisting of a) 60 shares b) 30 options c) 10 notes", ["a", "b", "c"]),
      ("100 consisting of (1) 60 shares; (2) 40 warrants", ["1", "2"]),
      ("100 consisting of 1) 60 shares 2) 40 warrants", ["1", "2"]),
      ("100 consisting of 1. 60 shares 2. 30 options 3. 10 notes", ["1", "2", "3"]),
    ]
    for (text, labels) in cases {
      let parts = amount(of: text)?.parts
      #expect(parts?.map(\.label) == labels, "\(text)")
      #expect(parts?.first?.shares == ExactDecimal(60), "\(text)")
    }
  }
}
