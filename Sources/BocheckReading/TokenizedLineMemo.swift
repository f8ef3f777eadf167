/// The lines of one filing tokenized so far, each distinct line once.
///
/// A filing repeats its cover page for every reporting person: the captions, the side label, the rules and
/// often the values ("8,221,764 shares of common stock, consisting of ...") come back line for line. A
/// line's tokens depend on its bytes and on where its offsets stand in the source; where the lines are the
/// source's own (a text filing, no ``SourceLines/origins``), that is its number and a column counted on its
/// bytes, so a line met again is its first tokenizing with the number changed.
struct TokenizedLineMemo {
  /// A line's text compared byte for byte: two texts that differ in their bytes are two lines even when
  /// they are canonically equivalent as Strings ("é" and "e" with a combining accent), since tokens keep the
  /// bytes as printed.
  private struct Key: Hashable {
    /// The line's text.
    let text: Substring
    /// The hash of its bytes, worked out once: a dictionary hashes a key again at every look-up and every
    /// time it grows.
    let digest: Int

    init(_ text: Substring) {
      self.text = text
      var hasher = Hasher()
      ASCIIText.withUTF8(text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
      digest = hasher.finalize()
    }

    static func == (lhs: Key, rhs: Key) -> Bool {
      guard lhs.digest == rhs.digest else { return false }
      return ASCIIText.withUTF8(lhs.text) { left in
        ASCIIText.withUTF8(rhs.text) { right in sameBytes(UnsafeRawBufferPointer(left), UnsafeRawBufferPointer(right)) }
      }
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(digest)
    }

    /// Whether two byte buffers hold the same bytes, compared eight at a time.
    private static func sameBytes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
      guard left.count == right.count else { return false }
      var offset = 0
      while offset + 8 <= left.count {
        guard
          left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        else { return false }
        offset += 8
      }
      while offset < left.count {
        guard left[offset] == right[offset] else { return false }
        offset += 1
      }
      return true
    }
  }

  /// The lines tokenized so far, by text, each with the number it was first met at.
  private var lines: [Key: TokenizedLine] = [:]

  /// Tokenizes a line, or hands out the tokens of the same text met before at the line's number.
  ///
  /// - Parameters:
  ///   - line: The line's text.
  ///   - number: Its 1-based position among the lines read.
  ///   - source: The lines, to tell where in the source file a token stands.
  mutating func tokenize(_ line: Substring, number: Int, source: SourceLines) -> TokenizedLine {
    // Built lines (HTML) map their offsets to other source lines, piece by piece: each is tokenized anew.
    guard source.origins == nil else { return LineTokenizer.tokenize(line, number: number, source: source) }
    let key = Key(line)
    if let known = lines[key] { return known.renumbered(number) }
    let tokenized = LineTokenizer.tokenize(line, number: number, source: source)
    lines[key] = tokenized
    return tokenized
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
