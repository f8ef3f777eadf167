import BocheckModel
import Testing

@testable import BocheckReading

/// Rows recognised by their key words in the wordings and arrangements real filings use, and caption text
/// kept apart from values; small invented filings.
@Suite struct RowRecognitionTests {
  @Test func captionWordingsWithFillersTyposAndOtherVerbs() throws {
    let text = """
      SCHEDULE 13D
      1. NAMES OF REPORTING PERSON
      Cobalt Ridge Partners LP
      7. SOLE POWER TO VOTE
      1,000
      8. SHARED VOTING POWER
      0
      9. SOLE DISPOSITIVE POWER
      1,000
      10. SHARED DISPOSITVE POWER
      0
      11. Aggregate Amount of Beneficially Owned by Each Reporting Person
      1,000
      13. PERCENT OF CLASS REPRESENTING BY AMOUNT IN ROW (11)
      5.5%
      """
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.reportingPersonName == "Cobalt Ridge Partners LP")
    #expect(page.shares(.soleVotingPower) == "1,000")
    #expect(page.shares(.sharedDispositivePower) == "0")
    #expect(try page.row(.sharedDispositivePower).line == 11)
    #expect(page.shares(.aggregateAmountOwned) == "1,000")
    #expect(try page.row(.aggregateAmountOwned).line == 13)
    #expect(try page.row(.percentOfClass).percent?.value.description == "5.5")
  }

  @Test func wrappedIdentificationCaptionAndTaxNumbersAreNotTheName() throws {
    let text = """
      SCHEDULE 13G
           (1)  NAME OF REPORTING PERSON
                S.S. OR I.R.S. IDENTIFICATION NO.
                OF ABOVE PERSON
                Larchmont Value Fund, L.P.
                13-1234567
           (2)  CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP
           (1)  Names of Reporting Persons. I.R.S. Identification Nos. of
           above persons (entities only):
                The Example Group - 12-3456789
           (1)  Name of Reporting Person (Tax ID: 98-7654321) Sable Trust Company (Tax ID: 98-7654321)
      """
    let pages = try TestSupport.read(text: text).coverPages
    #expect(
      pages.map(\.reportingPersonName) == ["Larchmont Value Fund, L.P.", "The Example Group", "Sable Trust Company"])
    #expect(try pages[0].row(.reportingPersonName).line == 5)
  }

  @Test func rowNumberUnderItsCaptionAndSideLabelWordsBesideValuesAreNotValues() throws {
    let text = """
      SCHEDULE 13G
             NAME OF REPORTING PERSON
         1   Wren Capital Inc.
                                         SOLE VOTING POWER
                                    5
               NUMBER OF                 800
                                         SHARED VOTING POWER
             BENEFICIALLY           6
                                         NONE
                                         SOLE DISPOSITIVE POWER
               REPORTING            7
                                         6,941,000
                                         SHARED DISPOSITIVE POWER
                 WITH               8
                                         WITH None
             AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
         9
             6,941,000
      """
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.shares(.soleVotingPower) == "800")
    #expect(try page.row(.soleVotingPower).line == 6)
    #expect(page.shares(.soleDispositivePower) == "6,941,000")
    #expect(page.shares(.aggregateAmountOwned) == "6,941,000")
    #expect(try page.row(.sharedDispositivePower).raw == "None")
  }

  @Test func captionWordsInsideSentencesAreProseNotCaptions() throws {
    let text = """
      SCHEDULE 13D
      (A fee is not required only if the filing person has a previous statement reporting more
      than five percent of the class of securities described in Item 1; and
      giving effect thereto, the aggregate amount of all borrowings of the company)
      1 NAME OF REPORTING PERSON
      Birch Lane LLC
      7 SOLE VOTING POWER
      10
      """
    let filing = try TestSupport.read(text: text)
    #expect(filing.coverPages.count == 1)
    #expect(filing.coverPages[0].reportingPersonName == "Birch Lane LLC")
    #expect(filing.coverPages[0].rows[.percentOfClass] == nil)
    #expect(filing.coverPages[0].rows[.aggregateAmountOwned] == nil)
  }

  @Test func aCaptionCutShortIsToldByItsRowNumber() throws {
    let text = """
      SCHEDULE 13G
      (1) Names of Reporting Persons.
       | Osprey Fund Advisors
      (8) Shared Dispositive Power
       | 0
      (9) Aggregate
            831,185
      (10) Check Box if the Aggregate Amount in Row (9) Excludes Certain Shares
      """
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.shares(.aggregateAmountOwned) == "831,185")
    #expect(try page.row(.aggregateAmountOwned).line == 7)
    #expect(RowCaptions.truncatedCaption(number: 7, text: Array(" Sole".utf8)) == nil)
    #expect(RowCaptions.truncatedCaption(number: 9, text: Array(" Aggregate".utf8)) == .aggregateAmountOwned)
  }

  /// A line that ends with a key's first words, the rest wrapped to the next line, names that key's row when the
  /// words cut hold six letters or more of it, and no row when they are fewer or begin two rows' keys.
  @Test func aCaptionCutAtTheLineEndNamesItsRow() {
    func cut(_ text: String) -> RowField? {
      let bytes = Array(text.utf8)
      return RowCaptions.captionCutAtLineEnd(bytes, 0..<bytes.count)
    }
    #expect(cut("CHECK IF DISCLOSURE OF LEGAL") == .legalProceedings)
    #expect(cut("CHECK THE APPROPRIATE BOX IF A MEMBER OF A") == .memberOfGroup)
    #expect(cut("CITIZENSHIP OR PLACE OF") == .citizenshipOrOrganization)
    #expect(cut("Aggregate Amount Beneficially") == .aggregateAmountOwned)
    // Six letters are enough ("SEC USE", "TYPE OF"), fewer are not ("SEC", "TYPE").
    #expect(cut("SEC USE") == .secUseOnly)
    #expect(cut("TYPE OF") == .typeOfReportingPerson)
    #expect(cut("SEC") == nil)
    #expect(cut("TYPE") == nil)
    #expect(cut("SOLE VOTING") == .soleVotingPower)
    // Words that begin two rows' keys name neither: rows 11 and 12, rows 7 and 9.
    #expect(cut("AGGREGATE") == nil)
    #expect(cut("SOLE POWER TO") == nil)
    #expect(cut("1,234,567") == nil)
  }

  @Test func aWrappedRowTwelveCaptionIsOneRowNotANewPage() throws {
    let text = """
      SCHEDULE 13G
      (1) NAME OF REPORTING PERSON
          Teal Harbor LP
      (9) AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
          500
      (10) CHECK BOX IF THE AGGREGATE AMOUNT
           IN ROW (9) EXCLUDES CERTAIN SHARES      [ ]
      (11) PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW 9
           5.2%
      (12) TYPE OF REPORTING PERSON
           IN
      """
    let pages = try TestSupport.read(text: text).coverPages
    #expect(pages.count == 1)
    #expect(try pages[0].row(.percentOfClass).percent?.value.description == "5.2")
    #expect(try pages[0].row(.typeOfReportingPerson).value == .codes(["IN"]))
  }

  @Test func theTerseItemLayoutNamesRowsByNumberAndItsBodyHeadingsAreNotRows() throws {
    let text = """
      SCHEDULE 13G
      Item 1: Reporting Person - Heron Point Holdings LLC
      Item 4: Delaware
      Item 5: 1,234,567
      Item 6: 0
      Item 7: 1,300,000
      Item 8: 0
      Item 9: 1,300,000
      Item 11: 7.415%
      Item 12: HC
      Item 1(a). Name of Issuer: Example Industries Inc
      Item 4: Ownership
      """
    let filing = try TestSupport.read(text: text)
    #expect(filing.schedule == .schedule13G)
    #expect(filing.coverPages.count == 1)
    let page = filing.coverPages[0]
    #expect(page.reportingPersonName == "Heron Point Holdings LLC")
    #expect(page.shares(.soleVotingPower) == "1,234,567")
    #expect(try page.row(.soleVotingPower).line == 4)
    #expect(page.shares(.aggregateAmountOwned) == "1,300,000")
    #expect(try page.row(.percentOfClass).percent?.value.description == "7.415")
    #expect(try page.row(.citizenshipOrOrganization).text == "Delaware")
  }

  @Test func aCUSIPPrintedInGroupsOrAfterWordsIsReadWhole() throws {
    let text = """
      SCHEDULE 13D
      CUSIP No. 53634 X 100
      1 NAME OF REPORTING PERSON
      Kestrel LP
      CUSIP No. not available 75954T104
      1 NAME OF REPORTING PERSON
      Plover LP
      """
    let pages = try TestSupport.read(text: text).coverPages
    #expect(pages.map(\.cusip) == ["53634X100", "75954T104"])
  }
}

/// The wrappers EDGAR has put around submissions, and the markup of its plain-text documents.
@Suite struct SubmissionWrapperTests {
  static let coverPage = """
    1 NAME OF REPORTING PERSON
    Sparrow Fund LP
    7 SOLE VOTING POWER
    100
    """

  @Test func aPrivacyEnhancedMessagePreambleStillReadsAsSGML() throws {
    let text = """
      -----BEGIN PRIVACY-ENHANCED MESSAGE-----
      Proc-Type: 2001,MIC-CLEAR
      Originator-Name: webmaster@example.com

      <SEC-DOCUMENT>0000000000-99-000001.txt
      <DOCUMENT>
      <TYPE>SC 13D
      <TEXT>
      <PAGE>
      \(Self.coverPage)
      </TEXT>
      </DOCUMENT>
      """
    let filing = try TestSupport.read(text: text)
    #expect(filing.format == .sgml)
    #expect(filing.coverPages.first?.reportingPersonName == "Sparrow Fund LP")
    #expect(try filing.coverPages[0].row(.soleVotingPower).line == 13)
  }

  @Test func anIMSDocumentWrapperIsSGMLAndItsTextTableMarkupIsNotHTML() throws {
    let text = """
      <IMS-DOCUMENT>0000000000-94-000001.txt
      <DOCUMENT>
      <TYPE>SC 13D
      <TEXT>
      <PAGE>
      <TABLE>
      <S>  <C>
      \(Self.coverPage)
      </TABLE>
      </TEXT>
      """
    let filing = try TestSupport.read(text: text)
    #expect(filing.format == .sgml)
    #expect(filing.coverPages.first?.reportingPersonName == "Sparrow Fund LP")
    #expect(filing.coverPages.first?.shares(.soleVotingPower) == "100")
  }

  @Test func anAmendmentSubmissionWithoutCoverPagesIsCheckedWithANote() throws {
    let text = """
      <SEC-DOCUMENT>0000000000-99-000002.txt
      <DOCUMENT>
      <TYPE>SC 13D/A
      <TEXT>
      This amendment files the exhibit below and changes nothing else.
      </TEXT>
      """
    let filing = try TestSupport.read(text: text)
    #expect(filing.coverPages.isEmpty)
    #expect(filing.readerNotes.map(\.message).first?.hasPrefix("this amendment has no cover page") == true)
    // A loose text that only mentions an amendment is still refused.
    #expect(throws: ReadError.self) { try TestSupport.read(text: "Amendment No. 2 to a Schedule 13D\n") }
  }

  @Test func unicodeSpacesInHTMLAreSpaces() throws {
    let html =
      "<html><body><table><tr><td>1</td><td>\u{2002}NAME OF REPORTING PERSON</td><td>\u{2002}Finch LLC</td></tr>"
      + "<tr><td>5\u{2002}</td><td>SOLE VOTING POWER</td><td>\u{2007}0\u{2009}</td></tr></table></body></html>"
    let filing = try TestSupport.read(text: html, path: "t.htm")
    #expect(filing.coverPages.first?.reportingPersonName == "Finch LLC")
    #expect(filing.coverPages.first?.shares(.soleVotingPower) == "0")
  }
}

/// Layouts that put several persons on one page, values above their captions, or parties in an exhibit.
@Suite struct PageArrangementTests {
  @Test func aCombinedCoverPageIsReadAsOnePagePerListedPerson() throws {
    let text = """
      SCHEDULE 13D
      1.   Names of Reporting Persons:
           (i)       Ada B. Quill
           (ii)      C. Nora Quill
      6.   Citizenship or Place of Organization:
           (i)       Ada B. Quill          U.S.A.
           (ii)      C. Nora Quill         Canada
           7.   Sole Voting Power:
                                   Class A   Class B
      Name of Reporting Person      Shares    Shares
      Ada B. Quill  . . . . . .      1,200      300
      C. Nora Quill(1)  . . . .       None      None
      13.  Percent of Class Represented by Amount in Row (11):
      Ada B. Quill  . . . . . .        .4       1.1
      C. Nora Quill . . . . . .       0         0
      """
    let pages = try TestSupport.read(text: text).coverPages
    #expect(pages.map(\.reportingPersonName) == ["Ada B. Quill", "C. Nora Quill"])
    #expect(pages.map { $0.shares(.soleVotingPower) } == ["1,200", "0"])
    #expect(try pages[0].row(.soleVotingPower).line == 11)
    #expect(try pages[0].row(.percentOfClass).percent?.value.description == "0.4")
    #expect(try pages[1].row(.citizenshipOrOrganization).text == "Canada")
  }

  @Test func valuesPrintedAboveTheirCaptionsAreRecoveredWithANote() throws {
    let text = """
      SCHEDULE 13G
      CUSIP No. 123456105
      Quarry Lane Advisors LLC     12-3456789
      (1) Names of Reporting Persons.
      Delaware
      (4) Citizenship or Place of Organization
      5,000
      (5) Sole Voting Power
      (6) Shared Voting Power
      5,000
      (7) Sole Dispositive Power
      (8) Shared Dispositive Power
      5,000
      (9) Aggregate Amount Beneficially Owned by Each Reporting Person
      6.1%
      (11) Percent of Class Represented by Amount in Row (9)
      IA
      (12) Type of Reporting Person
      """
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.reportingPersonName == "Quarry Lane Advisors LLC")
    #expect(page.shares(.soleVotingPower) == "5,000")
    #expect(page.rows[.sharedVotingPower]?.amount == nil)
    let aggregate = try page.row(.aggregateAmountOwned)
    #expect(aggregate.status == .recovered)
    #expect(aggregate.line == 13)
    #expect(aggregate.note?.contains("above their captions") == true)
    #expect(try page.row(.typeOfReportingPerson).value == .codes(["IA"]))
  }

  @Test func aNameAboveItsEmptyCaptionIsTakenWithANote() throws {
    let text = """
      SCHEDULE 13G
      CUSIP No. 123456105
      Wren Holdings Ltd. and Tom Wren
      00-000000
      1.   NAME OF REPORTING PERSONS
           I.R.S. IDENTIFICATION NO. OF ABOVE PERSONS (ENTITIES ONLY)

      5.   SOLE VOTING POWER
           700
      """
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.reportingPersonName == "Wren Holdings Ltd. and Tom Wren")
    #expect(try page.row(.reportingPersonName).status == .recovered)
    #expect(try page.row(.soleVotingPower).status == .read)
  }

  @Test func aShortDashAloneIsNoneAndAFootnoteUnderThePageIsNotRowFourteen() throws {
    let text = """
      SCHEDULE 13D
      1 NAME OF REPORTING PERSON
        Example Oil Company-I.D. No. 84-1234567
      8 SHARED VOTING POWER
                                ----
      10 SHARED DISPOSITIVE POWER --
         None
      14 TYPE OF REPORTING PERSON

      *Of this amount, 1,000 shares relate to voting power over
      an as-converted basis with the issuer's common stock.
      """
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.reportingPersonName == "Example Oil Company")
    #expect(page.shares(.sharedVotingPower) == "0")
    #expect(try page.row(.sharedVotingPower).line == 5)
    #expect(page.shares(.sharedDispositivePower) == "0")
    #expect(try page.row(.sharedDispositivePower).line == 7)
    #expect(try page.row(.typeOfReportingPerson).status == .missing)
  }

  @Test func theSignersOfAJointFilingAgreementFiledAsAnExhibitJoinTheFiling() throws {
    let text = """
      <SEC-DOCUMENT>0000000000-15-000001.txt
      <DOCUMENT>
      <TYPE>SC 13G
      <TEXT>
      SCHEDULE 13G
      1 NAME OF REPORTING PERSON
      Heron Group Ltd.
      9 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
      100
      </TEXT>
      </DOCUMENT>
      <DOCUMENT>
      <TYPE>EX-99
      <TEXT>
      JOINT FILING AGREEMENT
      The undersigned hereby agree to the joint filing of the attached Schedule 13G.
      Dated: 12/31/2014

      Heron Group Ltd.
      By: /s/ Ann Lee
      Name: Ann Lee

      Heron Advisers, Inc.
      By: /s/ Bo Kim
      Name: Bo Kim
      </TEXT>
      </DOCUMENT>
      """
    let filing = try TestSupport.read(text: text)
    #expect(filing.jointFilers.map(\.name) == ["Heron Group Ltd.", "Heron Advisers, Inc."])
    #expect(filing.jointFilers.map(\.line) == [19, 23])
  }
}
