import BocheckModel
import Testing

@testable import BocheckReading

/// A row-number cell followed by a caption without a number gives one token, the caption with that number.
@Suite struct MarkerMergeTests {
  /// The tokens of one line.
  private func tokens(_ line: String) -> [LineToken] {
    let source = SourceLines(line)
    return source.withBytes(1) { LineTokenizer.tokenize(bytes: $0, number: 1, source: source) }.tokens
  }

  /// The number cell's place is the caption's, and the value after it keeps its own.
  @Test func aNumberCellBeforeACaptionIsItsNumber() {
    let found = tokens("7\tSOLE VOTING POWER\t1,000")
    #expect(found.map(\.kind) == [.caption(.soleVotingPower, number: 7), .value("1,000")])
    #expect(found.map(\.column) == [1, 21])
  }

  /// Only the caption right after the number takes it: a second caption keeps none, and a caption after a value
  /// leaves the number cell before the value a marker.
  @Test func onlyTheCaptionRightAfterTheNumberTakesIt() {
    #expect(
      tokens("7\tSOLE VOTING POWER\tSHARED VOTING POWER").map(\.kind) == [
        .caption(.soleVotingPower, number: 7), .caption(.sharedVotingPower, number: nil),
      ])
    #expect(
      tokens("7\t1,000\tSOLE VOTING POWER").map(\.kind) == [
        .marker(7), .value("1,000"), .caption(.soleVotingPower, number: nil),
      ])
  }
}
