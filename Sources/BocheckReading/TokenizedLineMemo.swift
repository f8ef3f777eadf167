/// The lines of one filing tokenized so far, each distinct line once.
///
/// A filing repeats its cover page for every reporting person: the captions, the side label, the rules and
/// often the values ("1,000 shares of common stock, consisting of ...") come back line for line. A line's
/// tokens depend on its bytes alone; where they stand in the source depends on its place too. Each token
/// keeps its byte offset in the line, so a line met again is its first tokenizing located at the new place:
/// where the lines are the source's own (a text filing, no ``SourceLines/origins``), that is its number
/// changed, a column being counted on the line's bytes; where they were built (HTML), each offset is mapped
/// through the line's own origins again.
struct TokenizedLineMemo {
  /// The distinct texts of the lines tokenized so far, numbered in the order they were first met.
  ///
  /// Keyed by the bytes, in a table seeded for the run (``NumberedTexts``): canonically equivalent lines of
  /// other bytes are other lines. The lines lie in the source's text, which outlives the memo: no line's bytes
  /// are copied.
  private var texts = NumberedTexts(inOneText: ())
  /// Each text's line as first tokenized, by the text's number.
  private var lines: [TokenizedLine] = []
  /// Memory for tokenizing a line, kept from line to line.
  private var scratch = LineTokenizer.Scratch()

  /// The most lines the memo makes room for at once: a filing's cover pages repeat their lines, so that a few
  /// dozen distinct ones are common, and the list grows past them as it must.
  static let initialCapacity = 64

  /// An empty memo for the lines of a text.
  ///
  /// - Parameter lineCount: How many lines the text has; room is made for that many, up to
  ///   ``initialCapacity``.
  init(lineCount: Int) {
    lines.reserveCapacity(min(lineCount, Self.initialCapacity))
  }

  /// Tokenizes a line of the source, or hands out the tokens of the same text met before at the line's number.
  ///
  /// The line's bytes are read in place: no `Substring` is made for it.
  ///
  /// - Parameters:
  ///   - index: The line's 0-based index in `source` (its number is `index + 1`).
  ///   - source: The lines, to tell where in the source file a token stands.
  mutating func tokenize(lineAt index: Int, source: SourceLines) -> TokenizedLine {
    let number = index + 1
    let range = source.ranges[index]
    // An empty line is blank, as tokenizing it says, sooner than it is looked up or tokenized.
    guard !range.isEmpty else {
      return TokenizedLine(number: number, role: .blank, tokens: [], isTableRow: false, length: 0)
    }
    return ASCIIText.withUTF8(source.text) { text in
      // A line met before is handed out at this line's number and place.
      let textNumber = texts.number(of: range, in: text)
      if textNumber < lines.count {
        let kept = lines[textNumber]
        return kept.number == number ? kept : kept.located(at: number, in: source)
      }
      let line = LineTokenizer.tokenize(
        bytes: UnsafeBufferPointer(rebasing: text[range]), number: number, source: source, scratch: &scratch)
      lines.append(line)
      return line
    }
  }
}

extension TokenizedLine {
  /// The line as it reads at another position, its tokens at that line and their own columns: what a line of
  /// the same text tokenizes to there, where lines are the source's own.
  ///
  /// - Parameter number: The 1-based position of the line among the lines read.
  func renumbered(_ number: Int) -> TokenizedLine {
    TokenizedLine(
      number: number, role: role,
      tokens: tokens.map { LineToken(kind: $0.kind, line: number, column: $0.column, offset: $0.offset) },
      isTableRow: isTableRow, length: length)
  }

  /// The line as it reads at another position of the same lines, whose bytes are this line's: renumbered
  /// where the lines are the source's own, its tokens located through that line's origins where they were
  /// built (``SourceLines/origins``).
  ///
  /// - Parameters:
  ///   - number: The 1-based position of the line among the lines read.
  ///   - source: The lines.
  func located(at number: Int, in source: SourceLines) -> TokenizedLine {
    guard source.origins != nil else { return renumbered(number) }
    var columns = source.withBytes(number) { ColumnCounter($0) }
    return TokenizedLine(
      number: number, role: role,
      tokens: tokens.map { token in
        let (line, column) = source.location(position: number, offset: token.offset, columns: &columns)
        return LineToken(kind: token.kind, line: line, column: column, offset: token.offset)
      },
      isTableRow: isTableRow, length: length)
  }
}
