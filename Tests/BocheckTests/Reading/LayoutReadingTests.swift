import BocheckModel
import Testing

@testable import BocheckReading

/// Each cover-page layout the text reader supports, on small filings with other names and numbers.
@Suite struct LayoutReadingTests {
  @Test func captionLineThenValueLine() throws {
    let text = """
      SCHEDULE 13D
      1 NAME OF REPORTING PERSON
      Juniper Creek Fund II, L.P.
      4 SOURCE OF FUNDS
      WC, AF
      7 SOLE VOTING POWER
      12,500
      11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
      12,500 shares of Common Stock, consisting of (i) 10,000 shares of Common Stock and
      (ii) 2,500 shares issuable upon exercise of Warrants
      13 PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)
      6.3%
      14 TYPE OF REPORTING PERSON
      PN
      """
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.reportingPersonName == "Juniper Creek Fund II, L.P.")
    #expect(try page.row(.fundType).value == .codes(["WC", "AF"]))
    let amount = try #require(try page.row(.aggregateAmountOwned).amount)
    #expect(amount.parts.map(\.shares.description) == ["10,000", "2,500"])
    #expect(amount.parts.map(\.kind) == [.common, .warrant])
    #expect(try page.row(.aggregateAmountOwned).line == 9)
    #expect(try page.row(.percentOfClass).percent?.value.description == "6.3")
  }

  @Test func tabSeparatedRowsWithInlineValues() throws {
    let text =
      "1\tNAME OF REPORTING PERSON\tMaria Okafor\t\n7\tSOLE VOTING POWER\t-0-\n"
      + "8\tSHARED VOTING POWER\t81,061,550(1)\n13\tPERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)\t9.9 %\n"
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.reportingPersonName == "Maria Okafor")
    #expect(page.shares(.soleVotingPower) == "0")
    #expect(page.shares(.sharedVotingPower) == "81,061,550")
    #expect(try page.row(.sharedVotingPower).column == 23)
    #expect(try page.row(.percentOfClass).percent?.decimals == 1)
  }

  @Test func tableWithWrappedCellsAndSideLabel() throws {
    let text = """
      | Number of Shares | 7 | SOLE VOTING POWER | |
      | Beneficially | | | 40,000 shares of Common Stock, consisting of (i) 30,000 shares |
      | Owned By Each | | | of Common Stock; and (ii) 10,000 shares issuable upon conversion |
      | Reporting | | | of Convertible Notes, owned by Harbor Fund LP II |
      | Person With | 8 | SHARED VOTING POWER | |
      | | | | 0 |
      """
    let filing = try TestSupport.read(text: "1 NAME OF REPORTING PERSON\nHarbor Fund LP\n" + text)
    let page = try #require(filing.coverPages.first)
    let amount = try #require(try page.row(.soleVotingPower).amount)
    #expect(amount.shares.description == "40,000")
    #expect(amount.parts.map(\.kind) == [.common, .convertible])
    #expect(amount.attributedTo == ["Harbor Fund LP II"])
    #expect(page.shares(.sharedVotingPower) == "0")
  }

  @Test func runningHeadersPageNumbersAndCusipLinesAreNotData() throws {
    let text = """
      CUSIP No. 12345A106
      1 NAME OF REPORTING PERSON
      Alder Capital LLC
      7 SOLE VOTING POWER

      Edgar Filing: EXAMPLE CORP - Form SC 13D/A

      500
      14 TYPE OF REPORTING PERSON
      OO
      3
      CUSIP No. 12345A106
      1 NAME OF REPORTING PERSON
      Birch Partners LP
      """
    let filing = try TestSupport.read(text: text)
    #expect(filing.coverPages.count == 2)
    #expect(filing.coverPages[0].shares(.soleVotingPower) == "500")
    #expect(filing.coverPages[0].cusip == "12345A106")
    #expect(filing.coverPages[1].cusip == "12345A106")
    #expect(try filing.coverPages[0].row(.typeOfReportingPerson).value == .codes(["OO"]))
    #expect(filing.readerNotes.isEmpty)
  }

  @Test func unreadableNumberIsMalformedWithTheReason() throws {
    let text =
      "1 NAME OF REPORTING PERSON\nAlder Capital LLC\n11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON\n1,0l9,531\n"
    let row = try #require(try TestSupport.read(text: text).coverPages.first?.row(.aggregateAmountOwned))
    #expect(row.status == .malformed)
    #expect(row.note == "'1,0l9,531' cannot be read as a number of shares")
    #expect(row.line == 4)
  }

  @Test func checkboxStylesAreRead() {
    #expect(ValueParsers.checkboxState("[X]") == true)
    #expect(ValueParsers.checkboxState("[ ]") == false)
    #expect(ValueParsers.checkboxState("<input checked=\"\" type=\"radio\"/>") == true)
    #expect(ValueParsers.checkboxState("<input type=\"radio\"/>") == false)
    #expect(ValueParsers.checkboxState("o") == false)
    #expect(ValueParsers.checkboxState("þ") == true)
    #expect(ValueParsers.parseGroupBoxes("(a) [ ] (b) [X]") == .value(.groupBoxes(a: false, b: true)))
  }

  @Test func amountsWithIncludingAndFootnotes() {
    guard
      case .value(.amount(let amount)) = ValueParsers.parseAmount(
        "2,000* shares, including 500 shares issuable upon exercise of options")
    else {
      Issue.record("not read")
      return
    }
    #expect(amount.shares.description == "2,000")
    #expect(amount.partsRelation == .including)
    #expect(amount.parts.map(\.kind) == [.option])
    #expect(ValueParsers.parseAmount("N/A") == .value(.text("N/A")))
    #expect(ValueParsers.parseAmount("None") == .value(.amount(Amount(shares: ExactDecimal(0)))))
  }

  @Test func percentsAndCodes() {
    #expect(
      ValueParsers.parsePercent("8.34%") == .value(.percent(Percent(value: ExactDecimal(significand: 834, scale: 2)))))
    #expect(
      ValueParsers.parsePercent("0.0 %") == .value(.percent(Percent(value: ExactDecimal(significand: 0, scale: 1)))))
    #expect(ValueParsers.parsePercent("Delaware") == .malformed("'Delaware' is not a percent"))
    #expect(ValueParsers.parseCodes("IA, OO") == .value(.codes(["IA", "OO"])))
    #expect(ValueParsers.parseCodes("HC; IN (see instructions)") == .value(.codes(["HC", "IN"])))
    #expect(ValueParsers.parseCodes("IN (Individual)") == .value(.codes(["IN"])))
    #expect(ValueParsers.parseCodes("PN - Partnership") == .value(.codes(["PN"])))
    #expect(ValueParsers.parseCodes("WC, OO (see Item 3)") == .value(.codes(["WC", "OO"])))
    #expect(ValueParsers.parseCodes("Partnership") == .value(.codes(["PARTNERSHIP"])))
  }

  @Test func codeWordsAreUpperCasedWithoutThePointsAtTheirEnds() {
    // ASCII words are read on their bytes, others as characters: both upper-cased, points at the ends dropped,
    // a word of points only and "and" left out.
    #expect(
      ValueParsers.parseCodes("pn., .in; Hc / ... and co\u{301}") == .value(.codes(["PN", "IN", "HC", "CO\u{301}"])))
    #expect(ValueParsers.parseCodes("p.n.") == .value(.codes(["P.N"])))
    #expect(ValueParsers.parseCodes("é.") == .value(.codes(["É"])))
  }

  @Test func codesAreShortWordsOfLetters() {
    // ASCII words are told on their bytes, others by characters; a code has at most three letters.
    #expect(ValueParsers.isLetters("ABC", atMost: 3))
    #expect(!ValueParsers.isLetters("ABCD", atMost: 3))
    #expect(ValueParsers.isLetters("ABCD", atMost: 4))
    #expect(!ValueParsers.isLetters("AB1", atMost: 3))
    #expect(!ValueParsers.isLetters("AB\r\n", atMost: 4))
    #expect(ValueParsers.isLetters("E\u{301}TE", atMost: 3))
    #expect(!ValueParsers.isLetters("ÉTÉS", atMost: 3))
    #expect(ValueParsers.parseCodes("pn, abcd, co\u{301}") == .value(.codes(["PN", "CO\u{301}"])))
  }

  @Test func nameListsAreSplitWithTheFilingsOwnNames() {
    let known: Set<NameKey> = [NameKey("Cedar Point Fund II, L.P."), NameKey("Rivera and Stone Capital LLC")]
    #expect(
      NameListSplitter.split("Cedar Point Fund II, L.P., Rivera and Stone Capital LLC and Ana Silva", knownNames: known)
        == ["Cedar Point Fund II, L.P.", "Rivera and Stone Capital LLC", "Ana Silva"])
    #expect(
      NameListSplitter.split("Oak Fund, Ltd. and Elm Fund, L.P.", knownNames: []) == [
        "Oak Fund, Ltd.", "Elm Fund, L.P.",
      ])
  }

  @Test func inputThatIsNotAFilingIsRefusedWithAReason() {
    #expect(throws: ReadError(message: "the file is empty")) { try FilingReader.read(bytes: [], path: "x") }
    #expect(throws: ReadError.self) { try FilingReader.read(bytes: [0x41, 0x00, 0x42], path: "x") }
    #expect(throws: ReadError.self) { try TestSupport.read(text: "Just a letter.\nNo cover page here.\n") }
  }

  @Test(arguments: ["Fonds Voil\u{E0}", "Jan BENE\u{160}", "\u{420}\u{420} Capital \u{420}"])
  func namesWhoseLastUTF8ByteIsA0AreKeptWhole(name: String) throws {
    // à, Š and Р all end in the byte A0, which is no blank on its own (a no-break space is C2 A0).
    let text = """
      SCHEDULE 13D
      1    NAME OF REPORTING PERSON
           \(name)
      11   AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
           100
      """
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.reportingPersonName == name)
    #expect(page.shares(.aggregateAmountOwned) == "100")
  }

  @Test func noBreakSpacesAroundAValueAreBlanks() throws {
    let text =
      "1 NAME OF REPORTING PERSON\n\u{A0}Fonds Voil\u{E0}\u{A0}\u{A0}\n"
      + "11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON\n\u{A0}1,000\u{A0}\n"
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.reportingPersonName == "Fonds Voil\u{E0}")
    #expect(page.shares(.aggregateAmountOwned) == "1,000")
  }

  @Test func windows1252TextIsRead() throws {
    var bytes = Array("1 NAME OF REPORTING PERSON\nCaf".utf8)
    bytes.append(0xE9)  // é in Windows-1252 / Latin-1
    bytes += Array(" Holdings LLC\n".utf8)
    let filing = try FilingReader.read(bytes: bytes, path: "latin1.txt")
    #expect(filing.coverPages.first?.reportingPersonName == "Café Holdings LLC")
  }
}

/// Layouts beyond the samples: numbers above captions, several footnote markers, running headers.
@Suite struct MoreLayoutReadingTests {
  @Test func rowNumbersOnTheirOwnLineAboveTheCaption() throws {
    let text = """
      SCHEDULE 13D
      1
      NAME OF REPORTING PERSON
      Wren Valley Partners LP
      6
      CITIZENSHIP OR PLACE OF ORGANIZATION
      Delaware
      7
      SOLE VOTING POWER
      2,500
      8
      SHARED VOTING POWER
      0
      """
    let filing = try TestSupport.read(text: text)
    let page = try #require(filing.coverPages.first)
    #expect(try page.row(.citizenshipOrOrganization).text == "Delaware")
    #expect(page.shares(.soleVotingPower) == "2,500")
    #expect(page.shares(.sharedVotingPower) == "0")
    #expect(filing.readerNotes.isEmpty)
  }

  @Test func aLoneNumberUnderAnUnnumberedCaptionIsItsValue() throws {
    let text =
      "SCHEDULE 13D\nNAME OF REPORTING PERSON\nWren Valley Partners LP\nSHARED VOTING POWER\n9\n"
      + "SOLE DISPOSITIVE POWER\n9\n"
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    #expect(page.shares(.sharedVotingPower) == "9")
    #expect(page.shares(.soleDispositivePower) == "9")
  }

  @Test func severalFootnoteMarkersAndRunningHeaders() throws {
    let text = """
      SCHEDULE 13D
      1 NAME OF REPORTING PERSON
      Wren Valley Partners LP
      11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
      81,061,550(1)(2)*
      SCHEDULE 13D
      (Continued on following pages)
      14 TYPE OF REPORTING PERSON
      PN
      """
    let filing = try TestSupport.read(text: text)
    let page = try #require(filing.coverPages.first)
    #expect(page.shares(.aggregateAmountOwned) == "81,061,550")
    #expect(try page.row(.typeOfReportingPerson).value == .codes(["PN"]))
    #expect(filing.readerNotes.isEmpty)
  }
}

/// The fixed-width layout of older EDGAR text filings: columns separated by runs of spaces, the side label's
/// words at the start of value lines, drawn rules between rows.
@Suite struct FixedWidthLayoutTests {
  @Test func everyRowIsReadAndTheSideLabelIsNotData() throws {
    let url = TestSupport.repositoryRoot.appendingPathComponent(
      "Tests/BocheckTests/Fixtures/layouts/fixed-width-13d.txt")
    let filing = try TestSupport.read(url)
    #expect(filing.cusip?.value == "12345A106")
    #expect(filing.statedSharesOutstanding?.value.description == "20,000,000")
    let page = try #require(filing.coverPages.first)
    #expect(page.cusip == "12345A106")
    #expect(page.reportingPersonName == "Kite Hill Capital Partners, L.P.")
    #expect(try page.row(.citizenshipOrOrganization).text == "Delaware")
    #expect(try page.row(.memberOfGroup).value == .groupBoxes(a: false, b: true))
    #expect(page.shares(.soleVotingPower) == "1,250,000")
    #expect(try page.row(.soleVotingPower).line == 19)
    #expect(try page.row(.soleVotingPower).column == 25)
    #expect(page.shares(.sharedVotingPower) == "0")
    #expect(page.shares(.soleDispositivePower) == "1,250,000")
    #expect(page.shares(.sharedDispositivePower) == "0")
    #expect(try page.row(.percentOfClass).percent?.value.description == "6.25")
    #expect(filing.readerNotes.isEmpty)
  }
}

/// Row numbers in parentheses, mixed-case captions ending with a point or colon, values after runs of spaces.
@Suite struct ParenthesisedLayoutTests {
  @Test func everyRowOfTheThirteenGIsRead() throws {
    let url = TestSupport.repositoryRoot.appendingPathComponent(
      "Tests/BocheckTests/Fixtures/layouts/parenthesised-13g.txt")
    let filing = try TestSupport.read(url)
    #expect(filing.schedule == .schedule13G)
    let page = try #require(filing.coverPages.first)
    #expect(page.reportingPersonName == "Alder Creek Advisors LLC")
    #expect(try page.row(.citizenshipOrOrganization).text == "Delaware")
    #expect(page.shares(.soleVotingPower) == "800,000")
    #expect(page.shares(.soleDispositivePower) == "1,000,000")
    #expect(page.shares(.aggregateAmountOwned) == "1,000,000")
    #expect(try page.row(.aggregateAmountOwned).number(in: filing.schedule) == 9)
    #expect(try page.row(.percentOfClass).percent?.value.description == "5.0")
    #expect(try page.row(.typeOfReportingPerson).value == .codes(["IA"]))
  }
}

extension Row {
  /// The row's number on a schedule.
  func number(in schedule: Schedule) -> Int? { field.number(in: schedule) }
}

/// Signature blocks: entities signed with or without "By:", individuals, and titles that are not names.
@Suite struct SignatureReadingTests {
  @Test func entitiesIndividualsAndTitles() throws {
    let text = """
      SCHEDULE 13D
      1 NAME OF REPORTING PERSON
      Rowan Ridge Fund LP
      1 NAME OF REPORTING PERSON
      Rowan Ridge GP LLC
      1 NAME OF REPORTING PERSON
      Amara Osei

      SIGNATURE

      After reasonable inquiry and to the best of my knowledge and belief, I certify that the information set forth in this statement is true, complete and correct.

      ROWAN RIDGE FUND LP
      /s/ Amara Osei
      Name: Amara Osei
      Title: Managing Member of its General Partner

      ROWAN RIDGE GP LLC

      By: /s/ Amara Osei

      Amara Osei, Managing Member

      /s/ Amara Osei
      Amara Osei, Individually
      """
    let filing = try TestSupport.read(text: text)
    #expect(filing.signers.map(\.name) == ["ROWAN RIDGE FUND LP", "ROWAN RIDGE GP LLC", "Amara Osei"])
  }
}
