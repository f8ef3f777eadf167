import BocheckModel
import Testing

/// Names are compared word by word as texts: ASCII words by their bytes, other words as the standard library
/// compares texts, under which the Kelvin sign is the letter K.
@Suite("Name matching compares words as texts")
struct NameKeyWordComparisonTests {
  @Test("ASCII words match exactly when their bytes are equal")
  func asciiWordsMatchByBytes() {
    #expect(NameKey.match("Jane Q. Roe", "Jane Roe") == .loose)
    #expect(NameKey.match("Jane Roe (PFIC)", "JANE ROE*") == .loose)
    #expect(NameKey.match("Jane Q. Roe", "Jane Rod") == nil)
    #expect(NameKey.match("Jane Q. Roe", "Jane Roes") == nil)
    #expect(NameKey.match("Jane Q. Roe", "Jone Roe") == nil)
    #expect(NameKey.match("Jane Roe (PFIC)", "Jane Rod (PFIC)") == nil)
    #expect(NameKey.match("Abcdefghijk Q. Roe", "Abcdefghijx Roe") == nil)
  }

  @Test("words that are not ASCII match when they are equal as texts")
  func otherWordsMatchAsTexts() {
    // The Kelvin sign is canonically the letter K: "\u{212A}ING" and "KING" are equal texts of different bytes.
    #expect(NameKey.match("\u{212A}ing Roe", "King Q. Roe") == .loose)
    #expect(NameKey.match("Jane \u{212A}", "Jane Q. K") == .loose)
    #expect(NameKey.match("\u{212A}ing Roe (PFIC)", "King Roe") == .loose)
    #expect(NameKey.match("\u{212A}ing Roe", "Kinh Q. Roe") == nil)
    #expect(NameKey.match("Jane Q. Müller", "Jane Muller") == nil)
    #expect(NameKey.match("Jane Q. Müller", "Jane Müller") == .loose)
  }
}
