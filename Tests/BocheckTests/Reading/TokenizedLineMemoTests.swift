import BocheckModel
import Testing

@testable import BocheckReading

/// The memo of tokenized lines gives, for every line, what tokenizing the line there gives.
@Suite struct TokenizedLineMemoTests {
  /// Lines a cover page repeats, and lines that differ from them only slightly.
  private static let pieces = [
    "1. NAME OF REPORTING PERSON", "\t", "   ", "|", " ", "7", "SOLE VOTING POWER", "8,221,764 shares",
    "CUSIP No. 123456789", "Alpha Fund LP", "(9)", "Aggregate", "é", "e\u{301}", "**", "<PAGE>", "Item 5:",
    "-", "2.3%", "WITH", "Page 2 of 9", "NUMBER OF SHARES BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH",
  ]

  /// Compares two tokenized lines field by field.
  private func same(_ left: TokenizedLine, _ right: TokenizedLine) -> Bool {
    left.number == right.number && left.role == right.role && left.tokens == right.tokens
      && left.isTableRow == right.isTableRow && left.length == right.length
  }

  @Test func repeatedLinesReadAsTheyReadWhereTheyStand() {
    // Seeded lines drawn from few pieces, so that many repeat: each must read through the memo as it reads
    // tokenized on its own, at its own number.
    let texts = TestSupport.pieceTexts(Self.pieces, count: 1500, maximumPieces: 4, seed: 41).map {
      String(decoding: $0.bytes, as: UTF8.self)
    }
    let source = SourceLines(texts.joined(separator: "\n"))
    var memo = TokenizedLineMemo(lineCount: source.count)
    for (offset, text) in source.lines.enumerated() {
      let number = offset + 1
      let direct = source.withBytes(number) { LineTokenizer.tokenize(bytes: $0, number: number, source: source) }
      #expect(same(memo.tokenize(lineAt: offset, source: source), direct), "line \(offset + 1): \(text)")
    }
    // The texts repeat: the memo answered most lines.
    #expect(Set(texts).count < texts.count / 2)
  }

  @Test func repeatedBuiltLinesReadAsTheyReadWhereTheirPiecesStood() {
    // Seeded built lines (as HTML gives them) drawn from few pieces, so that many repeat, each cut into
    // pieces that came from seeded source lines and columns: each must read through the memo as it reads
    // tokenized on its own, at its own place.
    let drawn = TestSupport.pieceTexts(Self.pieces, count: 1500, maximumPieces: 4, seed: 43)
    let built = drawn.map { text, draw in
      let string = String(decoding: text, as: UTF8.self)
      var origins: [LineOrigin] = []
      var offset = 0
      var draw = draw
      while offset < text.count {
        origins.append(LineOrigin(offset: offset, line: Int(draw % 500) + 1, column: Int(draw >> 9 % 40) + 1))
        offset += Int(draw >> 16 % 9) + 1
        draw = draw >> 7 | draw << 57
      }
      return (string, origins)
    }
    let source = SourceLines(built: built)
    var memo = TokenizedLineMemo(lineCount: source.count)
    var tokensLocated = 0
    for offset in 0..<source.count {
      let number = offset + 1
      let direct = source.withBytes(number) { LineTokenizer.tokenize(bytes: $0, number: number, source: source) }
      #expect(same(memo.tokenize(lineAt: offset, source: source), direct), "line \(number): \(built[offset].0)")
      tokensLocated += direct.tokens.count
    }
    // The texts repeat, and their tokens stand at other places.
    #expect(Set(built.map(\.0)).count < built.count / 2)
    #expect(tokensLocated > 500)
  }

  @Test func canonicallyEquivalentLinesAreTwoLines() {
    // "é" precomposed and "e" with a combining accent are equal Strings but different bytes and columns.
    let source = SourceLines("Caf\u{E9} Fund LP\nCafe\u{301} Fund LP")
    var memo = TokenizedLineMemo(lineCount: source.count)
    let first = memo.tokenize(lineAt: 0, source: source)
    let second = memo.tokenize(lineAt: 1, source: source)
    #expect(first.tokens.map(\.kind) == [.value("Caf\u{E9} Fund LP")])
    guard case .value(let text)? = second.tokens.first?.kind else {
      Issue.record("no value on the second line")
      return
    }
    #expect(Array(text.utf8) == Array("Cafe\u{301} Fund LP".utf8))
  }

  @Test func builtLinesAreTokenizedWhereTheirPiecesStood() {
    // Two built lines of the same text whose pieces came from different source lines and columns.
    let source = SourceLines(built: [
      ("SOLE VOTING POWER\t1,000", [LineOrigin(offset: 0, line: 10, column: 3)]),
      ("SOLE VOTING POWER\t1,000", [LineOrigin(offset: 0, line: 20, column: 7)]),
    ])
    var memo = TokenizedLineMemo(lineCount: source.count)
    for position in 1...2 {
      let direct = source.withBytes(position) { LineTokenizer.tokenize(bytes: $0, number: position, source: source) }
      #expect(same(memo.tokenize(lineAt: position - 1, source: source), direct))
    }
    #expect(memo.tokenize(lineAt: 1, source: source).tokens.first?.line == 20)
  }
}
