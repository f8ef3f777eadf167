import Testing

@testable import BocheckReading

/// A line's cells are held in memory lent for the call up to a number of them, and in an array beyond it: a
/// line of many cells reads every cell, in order, whichever way its cells were held.
@Suite struct LineCellsTests {
  /// The value tokens of a line of `count` cells, each a short value, separated by `separator`.
  private func values(ofCells count: Int, separator: String) -> [String] {
    let text = (1...count).map { "x\($0)" }.joined(separator: separator)
    let source = SourceLines(text)
    let line = source.withBytes(1) { LineTokenizer.tokenize(bytes: $0, number: 1, source: source) }
    return line.tokens.compactMap { token in
      if case .value(let value) = token.kind { return value }
      return nil
    }
  }

  @Test("lines of up to a hundred cells read every cell, in order", arguments: [1, 2, 63, 64, 65, 66, 100])
  func everyCellIsRead(count: Int) {
    let expected = (1...count).map { "x\($0)" }
    #expect(values(ofCells: count, separator: "\t") == expected)
    #expect(values(ofCells: count, separator: " | ") == expected)
    #expect(values(ofCells: count, separator: "    ") == expected)
  }
}
