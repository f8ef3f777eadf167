import BocheckModel
import Testing

@testable import BocheckReading

/// The order caption keys are tried in at a word (``RowCaptions/firstMatch(in:_:)-(_,Range<Int>)``): the keys a
/// word starts, longest first, and those its singular starts.
@Suite struct KeyOrderTests {
  /// The caption of `text` found from its start, if any.
  private func field(_ text: String) -> RowField? {
    let bytes = Array(text.utf8)
    return RowCaptions.firstMatch(in: bytes, 0..<bytes.count)?.field
  }

  /// Two rows' keys start with the same words ("AGGREGATE AMOUNT"): the longer key is tried first, so that row
  /// 11's check box is not read as row 9's amount.
  @Test func theLongestKeyAWordStartsIsTriedFirst() {
    #expect(field("AGGREGATE AMOUNT IN ROW") == .isAggregateExcludeShares)
    #expect(field("AGGREGATE AMOUNT") == .aggregateAmountOwned)
    #expect(field("AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON") == .aggregateAmountOwned)
  }

  /// A plural word that starts no key is looked up by its singular ("NAMES" starts what "NAME" starts).
  @Test func aPluralStartsTheKeysItsSingularStarts() {
    #expect(field("NAMES OF REPORTING PERSONS") == .reportingPersonName)
    #expect(field("TYPES OF REPORTING PERSON") == .typeOfReportingPerson)
  }

  /// Every known word is read in place where the vocabulary holds it, and looked up by its spelling.
  @Test func everyKnownWordIsLookedUpByItsSpelling() {
    #expect(CaptionVocabulary.count > 0)
    for code in 0..<CaptionVocabulary.count {
      let word = Array(CaptionVocabulary.word(code))
      #expect(!word.isEmpty)
      #expect(word.withUnsafeBufferPointer { CaptionVocabulary.key(of: $0).code } == code)
    }
  }
}
