import Testing

@testable import BocheckReading

/// The list label a combined cover page's lines start with is read the same on an ASCII line's bytes as by
/// characters.
@Suite struct ListLabelTests {
  /// First words that are labels, that nearly are and that are not.
  private static let firstWords = [
    "(i)", "(iv)", "iv.", "(iiiii)", "(iiiiii)", "(a)", "a)", "A.", "(ab)", "1.", "12)", "(123)", "(1", "1",
    "((i))", "(.i.)", "()", ".", ")", "(x)y", "x", "(L)", "(v).", "(7).", "(07)", "(I)", "(b", "Jane",
  ]

  /// What may follow the first word: nothing, a blank and words, a tab, several blanks.
  private static let rests = ["", " Jane Roe", "\tJane Roe", "   1,000  2,000", " (ii) John Roe"]

  @Test func anASCIILineReadsAsItsCharactersDo() {
    for word in Self.firstWords {
      for rest in Self.rests {
        for text in [word + rest, "  " + word + rest + " ", "\t" + word + rest] {
          let bytes = CoverPageAssembler.splitListLabel(text)
          let characters = CoverPageAssembler.splitListLabelByCharacters(Substring(text.trimmingBlanks()))
          #expect(bytes?.label == characters?.label, "\(text)")
          #expect(bytes.map { String($0.rest) } == characters.map { String($0.rest) }, "\(text)")
        }
      }
    }
  }

  @Test func labelsAreTheFirstWordsThatEndWithABracketOrAPoint() {
    #expect(CoverPageAssembler.splitListLabel("(iv) Jane Roe")?.label == "(iv)")
    #expect(CoverPageAssembler.splitListLabel("(iv) Jane Roe").map { String($0.rest) } == " Jane Roe")
    #expect(CoverPageAssembler.splitListLabel("12. Jane Roe")?.label == "12.")
    #expect(CoverPageAssembler.splitListLabel("(123) Jane Roe") == nil)
    #expect(CoverPageAssembler.splitListLabel("(iiiiii) Jane Roe") == nil)
    #expect(CoverPageAssembler.splitListLabel("(i Jane Roe") == nil)
    #expect(CoverPageAssembler.splitListLabel("(i)") == nil)
    // A line that is not ASCII is read by characters.
    #expect(CoverPageAssembler.splitListLabel("(ii) Renée Roe").map { String($0.rest) } == " Renée Roe")
    #expect(CoverPageAssembler.splitListLabel("(é) Renée Roe")?.label == "(é)")
  }
}
