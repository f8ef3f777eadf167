import BocheckModel
import Testing

@testable import BocheckReading

/// The memo of parsed row values gives what the parser gives, whichever row asks first.
@Suite struct ParsedValueMemoTests {
  /// Value texts of every kind, several of which read differently in different rows.
  private static let texts = [
    "1,234,567", "5", " 5 ", "5.1%", "None", "-0-", "IN", "PN, OO", "X", "[ ]", "(a) [ ] (b) [X]", "N/A",
    "6,117,186 shares of common stock, consisting of (i) 1,652,130 shares of Common Stock; (ii) 2,599,596 "
      + "shares issuable upon conversion of notes; and (iii) 1,865,460 shares issuable upon exercise of warrants",
    "400 shares held by Alpha Fund LP", "Alpha Fund LP 12-3456789", "(1) Alpha Fund LP", "", "See Item 4",
    "1,0l9,531", "Delaware",
  ]

  @Test func everyTextInEveryRowReadsAsTheParserReadsIt() {
    let memo = ParsedValueMemo()
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
    let memo = ParsedValueMemo()
    #expect(memo.parse("5", for: .soleVotingPower) == .value(.amount(Amount(shares: ExactDecimal(5)))))
    #expect(memo.parse("5", for: .citizenshipOrOrganization) == .value(.text("5")))
    #expect(memo.parse("5", for: .soleVotingPower) == .value(.amount(Amount(shares: ExactDecimal(5)))))
  }
}
