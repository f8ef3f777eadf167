/// The lines of one filing tokenized so far, each distinct line once.
///
/// A filing repeats its cover page for every reporting person: the captions, the side label, the rules and
/// often the values ("1,000 shares of common stock, consisting of ...") come back line for line. A
/// line's tokens depend on its bytes and on where its offsets stand in the source; where the lines are the
/// source's own (a text filing, no ``SourceLines/origins``), that is its number and a column counted on its
/// bytes, so a line met again is its first tokenizing with the number changed.
struct TokenizedLineMemo {
  /// The lines tokenized so far, by text, each with the number it was first met at.
  private var lines: [ExactTextKey: TokenizedLine?]

  /// The most lines the memo makes room for at once: a filing's cover pages and the header above them take a
  /// few hundred lines, and a table made that large at the start is not rebuilt as it grows to them.
  static let initialCapacity = 256

  /// An empty memo for the lines of a text.
  ///
  /// - Parameter lineCount: How many lines the text has; room is made for that many, up to
  ///   ``initialCapacity``.
  init(lineCount: Int) {
    lines = Dictionary(minimumCapacity: min(lineCount, Self.initialCapacity))
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
    func tokenized() -> TokenizedLine {
      source.withBytes(number) { LineTokenizer.tokenize(bytes: $0, number: number, source: source) }
    }
    // Built lines (HTML) map their offsets to other source lines, piece by piece: each is tokenized anew.
    // An empty line is told sooner than it is looked up.
    guard source.origins == nil, !range.isEmpty else { return tokenized() }
    // Keyed by the bytes: canonically equivalent lines of other bytes are other lines (``ExactTextKey``). A line
    // met before is handed out at this line's number.
    let kept = lines.remembered(ExactTextKey(source.text, range: range), tokenized)
    return kept.number == number ? kept : kept.renumbered(number)
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
      tokens: tokens.map { LineToken(kind: $0.kind, line: number, column: $0.column) }, isTableRow: isTableRow,
      length: length)
  }
}
