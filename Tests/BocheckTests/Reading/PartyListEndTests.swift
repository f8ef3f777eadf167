import BocheckModel
import Testing

@testable import BocheckReading

/// A printed list of parties ends where a reference or a description of the agreement starts (after a word that
/// does not end in a letter, as a name ending "Inc." does), in any case and with any run of blanks between its
/// words; a list without one is read whole.
@Suite struct PartyListEndTests {
  /// The names of the list every case starts with.
  private static let names = ["Alpha Fund LP", "Beta Holdings Inc."]

  @Test("a list ends at each reference or description, however it is printed")
  func listEndsAtEachMarker() {
    let endings = [
      ", incorporated by reference herein", " INCORPORATED BY reference", ", filed herewith", " filed  as Exhibit A",
      " filed\twith the Commission", ", which is attached", ", dated May 1, 2031", " Dated As Of May 1",
      ", pursuant to Rule 13d-1(k)", " pursuant to Rule 13d-1(k)", " relating to the Schedule 13D",
      ", with respect to the Common Stock", " with respect to the Common Stock", ", as amended from time to time",
      ", attached as Exhibit 1", " attached as Exhibit 1", ", hereto", " hereto",
    ]
    for ending in endings {
      let list = "Alpha Fund LP and Beta Holdings Inc." + ending + ", and the other parties named"
      #expect(DocumentFacts.partyNames(in: list, knownNames: []) == Self.names, "\(ending)")
    }
  }

  @Test("a list without a reference or a description is read whole, its words inside names kept")
  func listWithoutMarkerReadWhole() {
    #expect(DocumentFacts.partyNames(in: "Alpha Fund LP and Beta Holdings Inc.", knownNames: []) == Self.names)
    // Words that only look like a marker's: inside a name, or without the blank a marker starts with.
    #expect(
      DocumentFacts.partyNames(in: "Filed Partners LP and Heretofore Capital LLC", knownNames: [])
        == ["Filed Partners LP", "Heretofore Capital LLC"])
    // A list whose words end it nowhere is not cut: a lower-case piece makes it name no party.
    #expect(DocumentFacts.partyNames(in: "Alpha Fund LP and others as filed", knownNames: []).isEmpty)
  }
}
