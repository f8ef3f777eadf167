import BocheckModel
import Testing

@testable import BocheckReading

/// A line's emphasis and markup are blanked whatever its length, and a line without them is read as it stands;
/// a row number cell merged into the caption after it leaves one token.
@Suite struct LineMarkupTests {
  /// The tokens of a line tokenized on its own.
  private func kinds(_ text: String) -> [LineToken.Kind] {
    let source = SourceLines(text)
    return source.withBytes(1) { LineTokenizer.tokenize(bytes: $0, number: 1, source: source) }.tokens.map(\.kind)
  }

  @Test("emphasis and EDGAR markup are blanked in short and long lines")
  func marksBlanked() {
    let caption = LineToken.Kind.caption(.soleVotingPower, number: nil)
    #expect(kinds("**SOLE VOTING POWER** 1,000") == [caption, .value("1,000")])
    #expect(kinds("<S>SOLE VOTING POWER 1,000") == [caption, .value("1,000")])
    #expect(kinds("SOLE VOTING POWER 1,000 shares<C>") == [caption, .value("1,000 shares")])
    let padding = String(repeating: " ", count: 70)
    #expect(kinds("**SOLE VOTING POWER**" + padding + "1,000") == [caption, .value("1,000")])
    #expect(kinds("<PAGE>" + padding + "<S>SOLE VOTING POWER 1,000") == [caption, .value("1,000")])
    #expect(kinds("SOLE VOTING POWER 1,000 * 2 < 3") == [caption, .value("1,000 * 2 < 3")])
  }

  @Test("a number cell before a caption is the caption's number: one token is left of the two")
  func numberMergedIntoCaption() {
    #expect(kinds("7 | SOLE VOTING POWER") == [.caption(.soleVotingPower, number: 7)])
    #expect(kinds("7 | SOLE VOTING POWER | 1,000") == [.caption(.soleVotingPower, number: 7), .value("1,000")])
    #expect(kinds("Delaware") == [.value("Delaware")])
  }
}
