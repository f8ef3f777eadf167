import BocheckModel
import Testing

@testable import BocheckReading

/// The memo of what row texts read as gives what the reading steps give, whichever row asks first.
@Suite struct RowTextMemoTests {
  /// Value texts of every kind, several of which read differently in different rows.
  private static let texts = [
    "1,234,567", "5", " 5 ", "5.1%", "None", "-0-", "IN", "PN, OO", "X", "[ ]", "(a) [ ] (b) [X]", "N/A",
    "6,117,186 shares of common stock, consisting of (i) 1,652,130 shares of Common Stock; (ii) 2,599,596 "
      + "shares issuable upon conversion of notes; and (iii) 1,865,460 shares issuable upon exercise of warrants",
    "400 shares held by Alpha Fund LP", "Alpha Fund LP 12-3456789", "(1) Alpha Fund LP", "", "See Item 4",
    "1,0l9,531", "Delaware",
  ]

  @Test func everyTextInEveryRowReadsAsTheParserReadsIt() {
    let memo = RowTextMemo()
    // Twice over, so that the second round is answered from the memo; the rows in both orders, so that a text
    // first parsed for one kind of row is then asked for by every other.
    for fields in [RowField.allCases, RowField.allCases.reversed(), RowField.allCases] {
      for text in Self.texts {
        for field in fields {
          #expect(memo.parse(text, for: field) == ValueParsers.parse(text, for: field), "\(text) in \(field)")
        }
      }
    }
  }

  @Test func aTextReadsDifferentlyInRowsOfDifferentKinds() {
    let memo = RowTextMemo()
    #expect(memo.parse("5", for: .soleVotingPower) == .value(.amount(Amount(shares: ExactDecimal(5)))))
    #expect(memo.parse("5", for: .citizenshipOrOrganization) == .value(.text("5")))
    #expect(memo.parse("5", for: .soleVotingPower) == .value(.amount(Amount(shares: ExactDecimal(5)))))
  }

  @Test func theCaptionStepsAreWorkedOutOncePerTextAndKindOfRow() {
    let memo = RowTextMemo()
    var calls = 0
    func cut(_ text: String, _ field: RowField) -> (text: String, cutFromStart: Int)? {
      memo.valuePart(
        text, of: field, dropsParenthesisEnds: false, closesWrappedParenthesis: { true },
        {
          calls += 1
          return ("1,000", 5)
        })
    }
    #expect(cut("WITH 1,000", .soleVotingPower)! == ("1,000", 5))
    // Row 9 holds amounts as row 7 does: the first answer serves.
    #expect(cut("WITH 1,000", .soleDispositivePower)! == ("1,000", 5))
    #expect(calls == 1)
    // A row of another kind, or another text, is worked out anew.
    _ = cut("WITH 1,000", .percentOfClass)
    _ = cut("WITH 1,001", .soleVotingPower)
    #expect(calls == 3)
  }

  @Test func pagesReadTheSameWhenTheirValuesRepeat() throws {
    // Two pages print the same amounts and caption words around them: the second is read from the memo and
    // must read as the first does, at its own lines and columns.
    let page = """
      1. NAME OF REPORTING PERSON
         Alpha Fund LP
      7. SOLE VOTING POWER
         WITH 1,000 shares, consisting of (i) 600 shares of Common Stock; and (ii) 400 shares issuable upon
         exercise of warrants
      9. SOLE DISPOSITIVE POWER
         WITH 1,000 shares, consisting of (i) 600 shares of Common Stock; and (ii) 400 shares issuable upon
         exercise of warrants
      11. PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (9)
         5.1%
      """
    let filing = try TestSupport.read(text: "SCHEDULE 13G\n\n" + page + "\n\n" + page + "\n")
    #expect(filing.coverPages.count == 2)
    let rows = filing.coverPages.map { $0.rows[.soleDispositivePower] }
    #expect(rows[0]?.value == rows[1]?.value)
    #expect(rows[0]?.amount?.parts.count == 2)
    #expect(rows[0]?.column == rows[1]?.column)
    #expect(rows[0]?.line != rows[1]?.line)
  }

  @Test func aWrappedParenthesisEndIsToldOnlyWhenAsked() {
    let memo = RowTextMemo()
    let whole = { () -> (text: String, cutFromStart: Int)? in ("Only)", 0) }
    func part(askingForParenthesisEnds asks: Bool) -> (text: String, cutFromStart: Int)? {
      memo.valuePart(
        "Only)", of: .soleVotingPower, dropsParenthesisEnds: asks, closesWrappedParenthesis: { true }, whole)
    }
    // Asked without the question first, then with it, then without again: a value part but when it is asked.
    #expect(part(askingForParenthesisEnds: false)?.text == "Only)")
    #expect(part(askingForParenthesisEnds: true) == nil)
    #expect(part(askingForParenthesisEnds: false)?.text == "Only)")
  }

  @Test func canonicallyEquivalentTextsAreReadEachAsPrinted() {
    // Equal as Strings, different bytes: each keeps its own bytes.
    let memo = RowTextMemo()
    _ = memo.parse("Caf\u{E9}", for: .citizenshipOrOrganization)
    guard case .value(.text(let text)) = memo.parse("Cafe\u{301}", for: .citizenshipOrOrganization) else {
      Issue.record("not read as text")
      return
    }
    #expect(Array(text.utf8) == Array("Cafe\u{301}".utf8))
  }

  @Test func manyTextsReadInTwoKindsOfRowAreEachReadAsTheParserReadsThem() {
    // More texts than the memo's first table holds, so that it grows while they are asked about; each in a
    // row of amounts and in the row of the percent, where the same bytes read differently.
    let memo = RowTextMemo()
    let texts = (1...600).map { "\($0),\($0 % 10)00" } + (1...600).map { "\($0).5" }
    for _ in 0..<2 {
      for text in texts {
        for field in [RowField.soleVotingPower, .percentOfClass] {
          #expect(memo.parse(text, for: field) == ValueParsers.parse(text, for: field), "\(text) in \(field)")
        }
      }
    }
  }
}
