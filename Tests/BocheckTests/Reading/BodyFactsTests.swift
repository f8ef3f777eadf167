import BocheckModel
import Testing

@testable import BocheckReading

/// The facts read from a filing's body: the stated basis, the CUSIP, Item 1's issuer, the signers and the
/// parties to the joint filing agreement. Names and numbers are invented.
@Suite struct BodyFactsTests {
  /// The document facts of a text, every line in range.
  private func facts(_ text: String) -> (facts: DocumentFacts, range: Range<Int>) {
    let lines = SourceLines(text)
    return (DocumentFacts(lines: lines), 1..<(lines.count + 1))
  }

  /// The basis the text states, as "shares@line".
  private func basis(_ text: String) -> String? {
    let (facts, range) = facts(text)
    return facts.statedSharesOutstanding(in: range).map { "\($0.value.formatted(grouping: false))@\($0.line)" }
  }

  // MARK: Shares outstanding

  @Test func basisAfterAHoldingInTheSameSentence() {
    let text = """
      Item 5. Interest in Securities of the Issuer.

      (a) Ms. Vance beneficially owns 1,480,000 shares of Common Stock. The 1,480,000 shares represent
      approximately 9.2% of the issued and outstanding shares of Common Stock, based upon 16,087,000 shares
      issued and outstanding as of March 3, 2031.
      """
    #expect(basis(text) == "16087000@4")
  }

  @Test func holdingNearOutstandingIsNoBasis() {
    let text = """
      Appendix A

      Orchard Trust Company, a subsidiary of the reporting person, is the beneficial owner of 48,210 shares or
      0.21% of the Common Stock outstanding of the Company.
      """
    #expect(basis(text) == nil)
  }

  @Test func percentOfTheStatedShares() {
    let text = """
      Marlowe Partners is deemed to be the beneficial owner of 2,410,000 shares or 7.1% of the
      33,940,000 shares of Class A Common Stock believed to be outstanding.
      """
    #expect(basis(text) == "33940000@2")
  }

  @Test func sharesOfTheClassIssuedAndOutstandingWithParValue() {
    let text = """
      At June 30, 2031 there were 4,125,300 shares of Common Stock, Par Value $1.00 Per Share, issued and
      outstanding.
      """
    #expect(basis(text) == "4125300@1")
  }

  @Test func outstandingLeadsToTheNumber() {
    let text = "The number of shares of Common Stock outstanding as of May 1, 2031 was 27,600,000, as reported."
    #expect(basis(text) == "27600000@1")
  }

  @Test func twoClassesCountedTogetherStateNoSingleBasis() {
    let text = """
      As of April 2, 2031, there were 3,100,000 shares of Class A Common Stock and 1,900,000 shares of
      Class B Common Stock issued and outstanding.
      """
    #expect(basis(text) == nil)
  }

  @Test func unitsBoughtInADealAreNoBasis() {
    let text = """
      Based on the number of shares outstanding on May 4, 2031, if the purchaser buys only the 3,500,000
      Units, it will own approximately 41% of the Common Stock outstanding after the closing.

      The percentage is based on 8,200,000 shares, which is the total number of shares of Common Stock
      outstanding as of May 4, 2031.
      """
    #expect(basis(text) == "8200000@4")
  }

  @Test func sharesInAMergerOfAnotherEntityAreNoBasis() {
    let text = """
      Upon the merger, holders of the 6,400,000 issued and outstanding limited partnership units of the
      partnership were entitled to receive $3.10 per unit in cash.
      """
    #expect(basis(text) == nil)
  }

  @Test func millionsSpelledOut() {
    #expect(basis("All percentages are calculated on the basis of 12.5 million shares.") == "12500000@1")
  }

  // MARK: CUSIP and Item 1

  @Test(arguments: [
    ("037833 10 0", "037833100"), ("G5212E-13-9", "G5212E139"), ("68989910 A", "68989910A"),
    ("Class B Common Stock: 123456907", "123456907"), ("(Title of Class of Securities)", nil),
    ("25247010", nil), ("1850532047", nil), ("SCHEDULE 1", nil),
  ])
  func cusipHasTheFormOfOne(printed: String, expected: String?) {
    #expect(DocumentFacts.cusipPrinted(in: printed) == expected)
  }

  @Test func cusipAboveItsCaptionOrNone() throws {
    let printed = facts("Common Stock\n(Title of Class of Securities)\n\n  247368 10 3\n (CUSIP Number)\n")
    let cusip = try #require(printed.facts.cusip(before: 5))
    #expect(cusip.value == "247368103")
    #expect(cusip.line == 4)
    let missing = facts("Common Stock\n(Title of Class of Securities)\n-----\n(CUSIP Number)\n")
    #expect(missing.facts.cusip(before: 4) == nil)
    let sameLine = facts("45774W108\t(CUSIP Number)\n")
    #expect(sameLine.facts.cusip(before: 1)?.value == "45774W108")
  }

  @Test func itemOneThatRefersToTheCoverPageNamesNoIssuer() {
    let reference = facts("ITEM 1(a). NAME OF ISSUER:\n\n     See Cover Page.\n\nITEM 1(b). ADDRESS\n")
    #expect(reference.facts.itemOneIssuer(in: reference.range) == nil)
    let named = facts("ITEM 1(a). NAME OF ISSUER:\n\n     Northwind Robotics, Inc.\n")
    #expect(named.facts.itemOneIssuer(in: named.range) == Located("Northwind Robotics, Inc.", line: 3))
  }

  // MARK: Joint filing agreement

  /// The parties the text's joint filing agreement names, as "name@line".
  private func parties(_ text: String, known: [String] = []) -> [String] {
    let (facts, range) = facts(text)
    return facts.jointFilers(in: range, knownNames: Set(known.map(NameKey.init))).map { "\($0.name)@\($0.line)" }
  }

  @Test func partiesOfTheAgreementInTheExhibitIndex() {
    let text = """
      Exhibit A. Joint Filing Agreement dated May 2, 2031 by and among Tern Capital Partners, LP and
      Tern Investment Co., LP.
      """
    #expect(parties(text) == ["Tern Capital Partners, LP@1", "Tern Investment Co., LP@1"])
  }

  @Test func genericPartiesAndReferencesClaimNoParty() {
    let text = """
      99.1 | Joint Filing Agreement by and among the Reporting Persons, incorporated by reference to Exhibit
      99.1 to the Schedule 13G filed with the Securities and Exchange Commission on July 13, 2030.

      Exhibit A | Joint Filing Agreement, dated as of March 24, 2029, by and among the Reporting Persons,
      filed as Exhibit A to the Original Schedule 13D.
      """
    #expect(parties(text).isEmpty)
  }

  @Test func anotherAgreementAfterTheJointFilingAgreementEntryIsNotIt() {
    let text = """
      Exhibit 1. Joint Filing Agreement relating to the filing of this Schedule 13D.

      Exhibit 2. Purchase Agreement, dated May 5, 2031, by and between Larkspur Devices, Inc., a Nevada
      corporation, and Heron Capital Partners II, Ltd., a Nevada limited partnership.
      """
    #expect(parties(text).isEmpty)
  }

  @Test func agreementTextUnderItsTitleDropsDescriptionsAndReferences() {
    let text = """
      JOINT FILING AGREEMENT

      This agreement is made by and among Kestrel Holdings (Bermuda) Ltd., a Bermuda company, Kestrel
      Fund LP and Mei Tanaka (incorporated by reference to the Schedule 13D filed on May 1, 2031).
      """
    #expect(parties(text) == ["Kestrel Holdings (Bermuda) Ltd.@3", "Kestrel Fund LP@3", "Mei Tanaka@3"])
  }

  @Test func aHeadingThatOnlyMentionsTheAgreementOpensNothing() {
    let text = """
      Incorporation by Reference; Joint Filing Agreement

      The Investor Rights Agreement, dated as of March 8, 2031, by and among Larkspur Devices Inc. and Heron
      Group, Inc. is filed as Exhibit 99.3.
      """
    #expect(parties(text).isEmpty)
  }
}
