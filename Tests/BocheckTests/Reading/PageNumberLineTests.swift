import Testing

@testable import BocheckReading

/// A line of page numbers in words and digits alone is noise, whatever its first letter's place; a line whose
/// first letter starts no page word is read as it stands.
@Suite struct PageNumberLineTests {
  /// The role of a line tokenized on its own.
  private func role(_ text: String) -> TokenizedLine.Role {
    let source = SourceLines(text)
    return source.withBytes(1) { LineTokenizer.tokenize(bytes: $0, number: 1, source: source) }.role
  }

  @Test func pageNumbersAreNoise() {
    // Words that spell "PAGE", "PAGES" or "OF" with digits, the first letter anywhere ("-Page-"), or digits alone in
    // the "3 of 9" shape.
    for text in ["Page 3", "2 of 5 Pages", "3 of 9", "(Page 4)", "PAGE 2 OF 7", "of 9 Pages 2", "-Page- 5", "3 12 9"] {
      #expect(role(text) == .noise, "\(text)")
    }
  }

  @Test func otherShortLinesAreContent() {
    // A first letter that starts no page word, and lines whose first letter does but whose words are not all page
    // words and digits.
    for text in ["Item 3 of 9", "Delaware", "3 of 9 shares", "12,000 Pages", "Pages 2 and 3"] {
      #expect(role(text) == .content, "\(text)")
    }
  }
}
