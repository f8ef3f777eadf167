import BocheckModel
import BocheckRules
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

  /// The form and the amendment are read from the header's cleaned lines (a starred line's emphasis dropped, blank
  /// lines passed over), each at its own line, and the reading stops once both are found.
  @Test func formAndAmendmentReadThroughEmphasis() {
    let text = [
      "UNITED STATES", "", "**SCHEDULE 13D**", "*", "(**Amendment No. 3**)*", "", "Amendment No. 9", "SCHEDULE 13G",
    ].joined(separator: "\n")
    let header = facts(text).facts.formAndAmendment(headerEnd: 8)
    #expect(header.form.map { "\($0.value)@\($0.line)" } == "SC 13D/A@3")
    #expect(header.amendment.map { "\($0.value)@\($0.line)" } == "3@5")
    #expect(header.schedule == .schedule13D)
  }

  /// A sentence ends at a full stop, not at a point between digits: a number with a decimal point stays whole
  /// wherever the sentences around it stop.
  @Test func decimalPointsEndNoSentence() {
    #expect(basis("The Fund holds 7.5 percent. Based on 2.25 million shares outstanding as reported.") == "2250000@1")
    #expect(basis("Based on 3.5 million shares outstanding.The Fund holds 1.5 million shares.") == "3500000@1")
  }

  /// A kept paragraph holds its own bytes and line starts, no more: a short paragraph after a long one does not
  /// keep the long one's room (the joiner's buffer, reused from paragraph to paragraph).
  @Test func keptParagraphHoldsOnlyItsOwnBytes() {
    let longLines = (1...40).map { "the reporting persons jointly file this statement, clause \($0) of the agreement" }
    let text = (longLines + ["", "Joint filing: each party agrees.", "Short."]).joined(separator: "\n")
    let (facts, range) = facts(text)
    let paragraphs = facts.paragraphs(in: range)
    #expect(paragraphs.count == 2)
    let long = paragraphs[0]
    let short = paragraphs[1]
    #expect(long.bytes.count > 3_000)
    #expect(short.bytes.count == "Joint filing: each party agrees. Short.".utf8.count)
    #expect(short.bytes.capacity < 100)
    #expect(short.lineStarts.map(\.line) == [42, 43])
    #expect(short.lineStarts.capacity < 10)
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

  /// The CUSIP's caption is found through emphasis, past a line that opens "(CUSIP" without being the caption.
  @Test func cusipThroughEmphasisPastAnotherCUSIPLine() throws {
    let text = "**Common Stock**\n(CUSIP of the class, see below)\n\n**247368 10 3**\n**(CUSIP Number)**\n"
    let found = try #require(facts(text).facts.cusip(before: 5))
    #expect(found.value == "247368103")
    #expect(found.line == 4)
  }

  @Test func itemOneThatRefersToTheCoverPageNamesNoIssuer() {
    let reference = facts("ITEM 1(a). NAME OF ISSUER:\n\n     See Cover Page.\n\nITEM 1(b). ADDRESS\n")
    #expect(reference.facts.itemOneIssuer(in: reference.range) == nil)
    let named = facts("ITEM 1(a). NAME OF ISSUER:\n\n     Northwind Robotics, Inc.\n")
    #expect(named.facts.itemOneIssuer(in: named.range) == Located("Northwind Robotics, Inc.", line: 3))
  }

  @Test func itemOneIsReadWhereLoweringTheLineWouldLengthenIt() {
    // "İ" lowers to two characters: the label is found at the same byte in the line as in its lowered text.
    let line = "Item 1. \(String(repeating: "\u{130}", count: 30)) Name of Issuer: Kestrel \u{130}zmir AS\n"
    let dotted = facts(line)
    #expect(dotted.facts.itemOneIssuer(in: dotted.range) == Located("Kestrel \u{130}zmir AS", line: 1))
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

  /// The paragraphs kept for the facts hold no heading: a heading only opens the agreement's text (its title)
  /// or closes it (any other), and the paragraphs under the title are marked as the agreement's text until the
  /// next heading.
  @Test func headingsAreNotKeptAndMarkTheAgreementText() {
    let text = """
      JOINT FILING AGREEMENT

      This agreement is made by and among Kestrel Fund LP and Mei Tanaka.

      Item 7 Material to be Filed

      This letter is made by and among Wren Fund I, L.P. and Ana Ortiz.
      """
    let (facts, range) = facts(text)
    let kept = facts.paragraphs(in: range)
    #expect(kept.map { $0.lineStarts.map(\.line) } == [[3]])
    #expect(kept.map(\.topics) == [[.jointFiling, .agreementText]])
    #expect(parties(text) == ["Kestrel Fund LP@3", "Mei Tanaka@3"])
  }

  @Test func aHeadingThatOnlyMentionsTheAgreementOpensNothing() {
    let text = """
      Incorporation by Reference; Joint Filing Agreement

      The Investor Rights Agreement, dated as of March 8, 2031, by and among Larkspur Devices Inc. and Heron
      Group, Inc. is filed as Exhibit 99.3.
      """
    #expect(parties(text).isEmpty)
  }

  // MARK: Signers

  /// The signers the text's signature blocks name, as "name@line".
  private func signers(_ text: String) -> [String] {
    let (facts, range) = facts(text)
    return facts.signers(in: range).map { "\($0.name)@\($0.line)" }
  }

  /// One person signing for several entities prints the same signature line under each, which is read once: every
  /// entity signs by it, and the person alone by the last.
  @Test func oneSignatureLineUnderSeveralEntities() {
    let text = """
      SIGNATURE

      After reasonable inquiry, I certify that the information in this statement is true.

      WREN FUND I, L.P.
      By: /s/ Ana Ortiz
      Ana Ortiz, Managing Member

      WREN FUND II, L.P.
      By: /s/ Ana Ortiz
      Ana Ortiz, Managing Member

      WREN CAPITAL LLC

      By: /s/ Ana Ortiz
      Ana Ortiz, Managing Member

      /s/ Ana Ortiz
      Ana Ortiz
      """
    #expect(signers(text) == ["WREN FUND I, L.P.@5", "WREN FUND II, L.P.@9", "WREN CAPITAL LLC@13", "Ana Ortiz@18"])
  }

  /// The pass over lines that cannot open a block reads the lines' cleaned bytes: it finds the blocks through
  /// emphasis, tabbed rows, blank lines and an agreement's text looked back on, whether the range's paragraphs
  /// were read first (as the body's are, for the shares outstanding) or not.
  @Test func signersThroughEmphasisTabsAndAnAgreementsText() {
    let prose = (1...70).map { "  The reporting persons state clause \($0) of this statement in plain words." }
    let text =
      (["Item 4. Purpose of Transaction", ""] + prose
      + [
        "", "**JOINT FILING AGREEMENT**", "", "The undersigned agree to the joint filing of this statement on",
        "Schedule 13D, in accordance with Rule 13d-1(k).", "", "  IN WITNESS WHEREOF, the undersigned sign below.",
        "", "WREN FUND I, L.P.", "By:\t/s/ Ana Ortiz", "Name:\tAna Ortiz", "", "**SIGNATURE**", "",
        "Date:\tMay 2, 2031\t/s/ Lee Park", "", "   /s/ Mei Tanaka", "   Mei Tanaka", "",
      ]).joined(separator: "\n")
    let expected = ["WREN FUND I, L.P.@81", "Mei Tanaka@89"]
    #expect(signers(text) == expected)
    let (paragraphsFirst, range) = facts(text)
    _ = paragraphsFirst.paragraphs(in: range)
    #expect(paragraphsFirst.signers(in: range).map { "\($0.name)@\($0.line)" } == expected)
  }

  /// A paragraph is its lines' cleaned texts joined by single spaces, each line's start at its offset in the
  /// joined bytes: blanks at either end of a line and Markdown emphasis are dropped, and a line that holds only
  /// blanks or emphasis marks ends a paragraph as an empty line does. Every paragraph is offered, in order, and
  /// only those kept are returned.
  @Test func paragraphsJoinCleanedLinesAndKeepWhatIsWanted() {
    let text = [
      "  First **bold** line  ", "second line", "   ", "One line alone.", "**", "\t", "third", " *x* last",
    ].joined(separator: "\n")
    let (facts, range) = facts(text)
    var offered: [String] = []
    let kept = facts.paragraphs(in: range) { bytes in
      offered.append(String(decoding: bytes, as: UTF8.self))
      return offered.count != 2
    }
    #expect(offered == ["First bold line second line", "One line alone.", "third *x* last"])
    #expect(kept.map(\.text) == ["First bold line second line", "third *x* last"])
    #expect(kept.map { $0.lineStarts.map(\.offset) } == [[0, 16], [0, 6]])
    #expect(kept.map { $0.lineStarts.map(\.line) } == [[1, 2], [7, 8]])
  }

  /// The text of every paragraph of a range offered to the reader, in order (none is kept).
  private func offeredParagraphs(_ facts: DocumentFacts, _ range: Range<Int>) -> [String] {
    var offered: [String] = []
    _ = facts.paragraphs(in: range) { bytes in
      offered.append(String(decoding: bytes, as: UTF8.self))
      return false
    }
    return offered
  }

  /// The lines that hold stars are found wherever they stand in a range (the first, the last, one after another,
  /// with several stars or one alone) and cleaned; the lines between them are read as they are.
  @Test func starredLinesAreCleanedWhereverTheyStand() {
    let text = [
      "**Opening** line", "**Bold** start", "*", "middle plain", "two *stars* here **and** there", "",
      "tail plain", "ends with star*",
    ].joined(separator: "\n")
    let (facts, range) = facts(text)
    #expect(
      offeredParagraphs(facts, range)
        == ["Opening line Bold start * middle plain two *stars* here and there", "tail plain ends with star*"])
    // A range that starts after a starred line and ends before one reads only its own.
    #expect(offeredParagraphs(facts, 3..<8) == ["* middle plain two *stars* here and there", "tail plain"])
  }

  /// A line indented by a long run of spaces is trimmed as a short one is: blanks of every kind after the spaces
  /// (a tab, a no-break space) and at its end go too, and a line of spaces alone is blank, ending a paragraph.
  @Test func longIndentsAreTrimmedLikeShortOnes() {
    let spaces = String(repeating: " ", count: 40)
    let text = [
      spaces + "Indented far", spaces + "\t\u{00A0} after a tab and a no-break space  ", "  two spaces only",
      spaces, " one space", spaces + "x", String(repeating: " ", count: 17) + "seventeen \t",
    ].joined(separator: "\n")
    let (facts, range) = facts(text)
    #expect(
      offeredParagraphs(facts, range) == [
        "Indented far after a tab and a no-break space two spaces only", "one space x seventeen",
      ])
  }

  @Test func entitiesAboveTheirSignaturesAndAPersonSigningAlone() {
    let text = """
      SIGNATURE

      Dated: May 2, 2031

      HERON CAPITAL PARTNERS II, L.P.
      By: HERON CAPITAL GP, LLC
      Its: General Partner
      By: /s/ Mei Tanaka
      Mei Tanaka, Managing Member

      /s/ Mei Tanaka
      Mei Tanaka

      /s/ Tomas Alvarez
      Tomas Alvarez
      """
    #expect(signers(text) == ["HERON CAPITAL PARTNERS II, L.P.@5", "Mei Tanaka@11", "Tomas Alvarez@14"])
  }

  @Test func aDateAboveASignatureIsNoName() {
    let text = """
      SIGNATURE

      After reasonable inquiry and to the best of my knowledge and belief, I certify that the information
      set forth in this statement is true, complete and correct.

                                        March 3, 2031

                                        /s/ Priya Raman
                                        ----------------------------------
                                        Priya Raman
      """
    #expect(signers(text) == ["Priya Raman@8"])
  }

  @Test func anAttorneyInFactSignsForThePrincipal() {
    let inline =
      "SIGNATURE\n\nDate: May 2, 2031\t/s/ /Ana Ortiz, by Lee Park, Attorney-in-Fact\n\nAna Ortiz, by Lee Park\n"
    #expect(signers(inline) == ["Ana Ortiz@3"])
    let below = "SIGNATURE\n\n/s/ Lee Park, Attorney-in-Fact\n\nAna Ortiz\n"
    #expect(signers(below) == ["Ana Ortiz@5"])
  }

  @Test func oneConformedSignatureForAListOfNames() {
    let text = """
      After reasonable inquiry and to the best of our knowledge and belief, we certify that the
      information set forth in this statement is true, complete and correct.

      Larkspur Holdings, Inc.
      Omar Haddad
      Larkspur Advisers Limited

      S\\LEE PARK

      By: Lee Park
      Attorney in Fact for Omar Haddad
      """
    #expect(signers(text) == ["Larkspur Holdings, Inc.@4", "Omar Haddad@5", "Larkspur Advisers Limited@6"])
  }

  @Test func anOfficerSigningForAnUnnamedEntityIsNotClaimed() {
    let text = """
      SIGNATURE

      Vera Lindqvist

      By: /s/ Vera Lindqvist
      Vera Lindqvist
      Title: President
      """
    #expect(signers(text).isEmpty)
  }

  @Test func sideBySideColumnsAreReadOneAtATime() {
    let text = """
      SIGNATURE

      HERON CORPORATION                        KESTREL LIFE
                                               INSURANCE COMPANY

      By: /s/ Ana Ortiz                        By: /s/ Lee Park
          Ana Ortiz, President                     Lee Park, President
      """
    #expect(signers(text) == ["HERON CORPORATION@3", "KESTREL LIFE INSURANCE COMPANY@3"])
  }

  @Test func signaturesOfAnotherAgreementFiledAsAnExhibitAreNotTheFilings() {
    let text = """
      EXHIBIT 2

      AMENDMENT TO STOCK PURCHASE AGREEMENT

      IN WITNESS WHEREOF, the parties hereto have caused this Amendment to be duly executed.

      HERON CORPORATION

      By: /s/ Ana Ortiz
      """
    #expect(signers(text).isEmpty)
    let agreement = """
      JOINT FILING AGREEMENT

      The undersigned agree to the joint filing of this statement on Schedule 13G.

      IN WITNESS WHEREOF, the undersigned have executed this agreement.

      HERON CORPORATION

      By: /s/ Ana Ortiz
      """
    #expect(signers(agreement) == ["HERON CORPORATION@7"])
  }

  // MARK: Names compared as a reader compares them

  @Test(arguments: [
    ("JANE Q. ROE", "Jane Quinn Roe", NameMatch.loose), ("JANE ROE", "Jane Quinn Roe", .loose),
    ("Northwind Robotics Inc.  (PFIC)", "Northwind Robotics, Inc.", .loose),
    ("Heron Capital, LLC 12-3456789", "HERON CAPITAL, LLC", .loose),
    ("Heron Capital LLC", "HERON CAPITAL, L.L.C.", .exact),
  ])
  func namesThatMatch(name: String, other: String, expected: NameMatch) {
    #expect(NameKey.match(name, other) == expected)
  }

  @Test(arguments: [
    ("Jane Q. Roe", "Jane R. Roe"), ("John Roe", "John Roe, Jr."), ("Heron Capital LLC", "Heron Capital Partners LLC"),
    ("Mark Roe", "Jane Roe"),
  ])
  func namesThatDoNotMatch(name: String, other: String) {
    #expect(NameKey.match(name, other) == nil)
  }

  // MARK: Severity follows the evidence

  /// The missing-cover-page findings of a filing, as "severity@line: message".
  private func missingCoverPage(_ text: String) throws -> [String] {
    let filing = try TestSupport.read(text: text)
    let rules = try RuleSet.load(directories: [TestSupport.repositoryRoot.appendingPathComponent("Rules").path])
    return rules.check(filing, options: CheckOptions(sharesOutstanding: nil, onlyRules: ["missing-cover-page"]))
      .findings.map { "\($0.severity.rawValue)@\($0.line): \($0.message)" }
  }

  /// One complete cover page (lines 1 to 28), in a filing that names no signer yet.
  private static let completePage = "SCHEDULE 13D\n" + TestSupport.coverPage(name: "Heron Fund LP")

  @Test func aSignerReadFromTheLayoutIsAWarning() throws {
    let text = Self.completePage + "SIGNATURE\n\nKESTREL FUND LP\nBy: /s/ Mei Tanaka\nMei Tanaka, Managing Member\n"
    #expect(
      try missingCoverPage(text) == [
        "warning@31: KESTREL FUND LP appears to sign the filing (read from the signature block) but no complete "
          + "cover page names it"
      ])
  }

  @Test func aPartyReadFromTheAgreementIsAWarning() throws {
    let text =
      Self.completePage + "Item 7. Material to be Filed as Exhibits.\n\n"
      + "Exhibit A. Joint Filing Agreement dated May 2, 2031 by and among Heron Fund LP and Osprey Partners LLC.\n"
    #expect(
      try missingCoverPage(text) == [
        "warning@31: Osprey Partners LLC appears to join the filing (read from the agreement text) but no complete "
          + "cover page names it"
      ])
  }

  @Test func aSignerInAnXMLSignatureTabIsAnError() throws {
    let text = """
      <?xml version="1.0"?>
      <edgarSubmission><formData><reportingPersons><reportingPersonInfo>
      <reportingPersonName>Heron Fund LP</reportingPersonName><fundType>WC</fundType>
      <citizenshipOrOrganization>DE</citizenshipOrOrganization><soleVotingPower>10</soleVotingPower>
      <sharedVotingPower>0</sharedVotingPower><soleDispositivePower>10</soleDispositivePower>
      <sharedDispositivePower>0</sharedDispositivePower><aggregateAmountOwned>10</aggregateAmountOwned>
      <percentOfClass>1.0</percentOfClass><typeOfReportingPerson>PN</typeOfReportingPerson>
      </reportingPersonInfo></reportingPersons>
      <signatureInfo><signaturePerson><signatureReportingPerson>Kestrel Fund LP</signatureReportingPerson>
      </signaturePerson></signatureInfo>
      </formData></edgarSubmission>
      """
    #expect(try missingCoverPage(text) == ["error@9: Kestrel Fund LP signs the filing but has no complete cover page"])
  }

  @Test("a signature's first comma is found on the bytes, and a comma carrying a combining mark is no comma")
  func firstComma() {
    func offset(_ text: String) -> Int? {
      SignatureBlocks.firstComma(in: text).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
    }
    #expect(offset("Jane Roe, Attorney-in-Fact") == 8)
    #expect(offset("Zoë Roe, CEO") == 8)
    #expect(offset("Roe,") == 3)
    #expect(offset("No comma here") == nil)
    // A comma with a combining acute accent is one character that is not a comma; the next comma is.
    #expect(offset("x,\u{301}y, z") == 5)
    #expect(offset("x,\u{301}") == nil)
  }

  @Test("the name a signature signs is cut from an ASCII line's bytes as from its characters")
  func signedNameOnBytes() {
    let printed = [
      "", " ", "/s/ Jane Roe", "___Jane Roe___", "Name: Jane Roe", "NAME:Jane Roe", "name:  Jane Roe  /",
      "Jane Roe, by John Doe, Attorney-in-Fact", "Jane Roe by John Doe, Attorney-in-Fact", "Jane Roe by John Doe",
      "By John Doe", "by", "Name: by Jane", "Name:  by Jane, attorney", "Jane Roe,  by John Doe", "Alpha, BY  Beta",
      "Alpha, Bye Beta", "Alpha, by", "-*Jane Roe*-,", "\tJane Roe\t", "Jane, by Roe, by Doe", "x, by",
    ]
    for text in printed {
      #expect(SignatureBlocks.signedName(text) == SignatureBlocks.signedNameOfCharacters(text), "\(text)")
    }
    #expect(SignatureBlocks.signedName("__Jane Roe, by John Doe, Attorney-in-Fact") == "Jane Roe")
    #expect(SignatureBlocks.signedName("Name: Zoë Roe, by John Doe") == "Zoë Roe")
  }

  @Test("an ASCII name's last word is found on its bytes as upper-casing, splitting and trimming find it")
  func lastASCIIWord() {
    let names = [
      "", " ", "Alpha Fund LP", "Beta Holdings, Inc.", "Gamma l.p.  ", "Delta Corp*", "Epsilon,*", ",,", "lp",
      "Zeta  Partners,", "*Eta*", "Theta LLC ,", "iota trust", "Kappa\tLtd.",
    ]
    for name in names {
      let expected = name.uppercased().split(separator: " ").last.map { String($0).trimmingCharacters(in: ",*") }
      #expect(SignatureBlocks.lastASCIIWord(name) == expected ?? "", "\(name)")
    }
    #expect(SignatureBlocks.lastASCIIWord("Zoë Fund LP") == nil)
    #expect(SignatureBlocks.endsWithEntitySuffix("Beta Holdings, Inc."))
    #expect(!SignatureBlocks.endsWithEntitySuffix("Jane Roe"))
  }
}
