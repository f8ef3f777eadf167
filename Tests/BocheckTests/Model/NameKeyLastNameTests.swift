import BocheckModel
import Testing

/// Two names are one person's only when their last names agree: a last name is no entity word, so names whose
/// last words share none but entity words ("LP", "LLC") are told apart before either is split into a person's
/// name.
@Suite("Persons' last names")
struct NameKeyLastNameTests {
  @Test("persons' names match on a last name that is the same bytes or an equal text")
  func personsMatchOnTheirLastNames() {
    #expect(NameKey.match("Jane Q. Roe", "Jane Roe") == .loose)
    #expect(NameKey.match("John Roe, Jr.", "John Q. Roe Jr") == .loose)
    #expect(NameKey.match("Dr. Jane Roe", "Jane Quinn Roe") == .loose)
    // The Kelvin sign is the letter K as a text.
    #expect(NameKey.match("Jane \u{212A}", "Jane Q. K") == .loose)
  }

  @Test("names whose last words share only an entity word are no one person's")
  func entityWordsAreNoLastNames() {
    #expect(NameKey.match("Jane Q. Capital", "Jane Capital") == nil)
    #expect(NameKey.match("Alpha Value LP", "Alpha Value LP I") == nil)
    #expect(NameKey.match("Jane Roe LLC", "Jane Q. Roe LLC") == nil)
    #expect(NameKey.match("Jane Roe Fund", "Jane Q. Roe Fund") == nil)
  }
}
