import BocheckModel
import Testing

@testable import BocheckReading

/// How the value of a cover-page row reads when it is printed with words, footnote markers or lists.
@Suite struct ValueWordingTests {
  private func amount(_ text: String) -> Amount? {
    if case .value(.amount(let amount)) = ValueParsers.parseAmount(text) { return amount }
    return nil
  }

  private func percent(_ text: String) -> Percent? {
    if case .value(.percent(let percent)) = ValueParsers.parsePercent(text) { return percent }
    return nil
  }

  private func decimal(_ text: String) -> ExactDecimal {
    ExactDecimal.parse(text)!
  }

  // MARK: Words in value cells

  @Test(arguments: ["None", "NONE", "none.", "-0-", "- 0 -", "-", "--", "—", "Nil", "Zero", "None (see Item 5)"])
  func zeroWordsReadAsZeroShares(text: String) {
    #expect(ValueParsers.parseAmount(text) == .value(.amount(Amount(shares: ExactDecimal(0)))))
  }

  @Test func zeroWordsKeepTheirMarkers() {
    #expect(amount("None*")?.markers == ["*"])
    #expect(amount("-0-(1)")?.markers == ["1"])
    #expect(amount("-0- shares")?.shares == ExactDecimal(0))
  }

  @Test(arguments: [
    "N/A", "n/a", "NA", "Not applicable", "Not Applicable.", "See Item 5", "(See Item 4)", "see Items 4 and 6",
  ])
  func statementsAreKeptAsPrinted(text: String) {
    #expect(ValueParsers.parseAmount(text) == .value(.text(text)))
  }

  @Test func aPercentWhereSharesBelongIsKeptAsPrinted() {
    #expect(ValueParsers.parseAmount("48.5%") == .value(.text("48.5%")))
    #expect(ValueParsers.parseAmount("0 %") == .value(.text("0 %")))
  }

  @Test func otherWordsAndGarbledNumbersAreMalformed() {
    #expect(ValueParsers.parseAmount("*") == .malformed("'*' does not start with a number of shares"))
    #expect(
      ValueParsers.parseAmount("Shares held") == .malformed("'Shares held' does not start with a number of shares"))
    #expect(ValueParsers.parseAmount("1,0l9,531") == .malformed("'1,0l9,531' cannot be read as a number of shares"))
    #expect(ValueParsers.parseAmount("10O,000") == .malformed("'10O,000' cannot be read as a number of shares"))
    #expect(ValueParsers.parseAmount("1,00,000") == .malformed("'1,00,000' cannot be read as a number of shares"))
  }

  @Test func unicodeBlanksAroundAValueAreBlanks() {
    // En space, figure space and no-break space, as HTML conversions leave them.
    #expect(amount("\u{2002}0\u{2002}\u{2002}")?.shares == ExactDecimal(0))
    #expect(amount("\u{2007}12,500\u{00A0}")?.shares == decimal("12500"))
    #expect(percent("\u{2002}0%")?.value == ExactDecimal(0))
  }

  @Test func aLabelBeforeTheNumberIsNotTheValue() {
    #expect(amount("Fund A: 3,098,947")?.shares == decimal("3098947"))
    #expect(amount("Fund A: 0")?.shares == ExactDecimal(0))
    #expect(percent("Fund A: 3,355,502/61,145,088=5.5%")?.value == decimal("5.5"))
  }

  // MARK: Footnote markers

  @Test func markersGluedToTheTotal() {
    #expect(amount("12,345,678(1)").map { [$0.shares.description] + $0.markers } == ["12,345,678", "1"])
    #expect(amount("1,000,000 (a)").map { [$0.shares.description] + $0.markers } == ["1,000,000", "a"])
    #expect(amount("1,000(1)(2)*").map { [$0.shares.description] + $0.markers } == ["1,000", "1", "2", "*"])
    #expect(amount("(1) 1,234").map { [$0.shares.description] + $0.markers } == ["1,234", "1"])
    #expect(amount("† 2,500").map { [$0.shares.description] + $0.markers } == ["2,500", "†"])
    #expect(amount("2,500**").map { [$0.shares.description] + $0.markers } == ["2,500", "**"])
    #expect(amount("2,500 [3]").map { [$0.shares.description] + $0.markers } == ["2,500", "3"])
  }

  @Test func aFlattenedSuperscriptIsAMarkerNotADigit() {
    #expect(amount("2,345,678 1").map { [$0.shares.description] + $0.markers } == ["2,345,678", "1"])
    #expect(amount("1,152,228 1").map { [$0.shares.description] + $0.markers } == ["1,152,228", "1"])
    #expect(amount("1,152,228 12 shares").map { [$0.shares.description] + $0.markers } == ["1,152,228", "12"])
  }

  @Test func spaceGroupedThousandsAreOneNumber() {
    #expect(amount("1 234 567")?.shares == decimal("1234567"))
    #expect(amount("1 234 567")?.markers == [])
  }

  @Test func decimalsAreKept() {
    #expect(amount("6,606,805.7")?.shares == ExactDecimal(significand: 66_068_057, scale: 1))
    #expect(amount("12,345.")?.shares == decimal("12345"))
  }

  @Test func percentsWithMarkersAndWords() {
    #expect(percent("† 41.2%").map { [$0.value.description] + $0.markers } == ["41.2", "†"])
    #expect(percent("41.2%*").map { [$0.value.description] + $0.markers } == ["41.2", "*"])
    #expect(percent("5.1%(2)").map { [$0.value.description] + $0.markers } == ["5.1", "2"])
    #expect(percent("24.7% (2)").map { [$0.value.description] + $0.markers } == ["24.7", "2"])
    #expect(percent("5.1(2)%").map { [$0.value.description] + $0.markers } == ["5.1", "2"])
    #expect(percent("5.3 %")?.value == decimal("5.3"))
    #expect(percent("5.3 percent")?.value == decimal("5.3"))
    #expect(percent("5.3 per cent")?.value == decimal("5.3"))
    #expect(percent(".4%")?.value == ExactDecimal(significand: 4, scale: 1))
    #expect(percent(".08%")?.value == ExactDecimal(significand: 8, scale: 2))
    #expect(percent("0.0%")?.value == ExactDecimal(significand: 0, scale: 1))
    #expect(percent("0.0%")?.decimals == 1)
    #expect(percent("-0-")?.value == ExactDecimal(0))
    #expect(percent("None")?.value == ExactDecimal(0))
    #expect(percent("Approximately 8.5%")?.value == decimal("8.5"))
    #expect(percent("8.2% as of the date of this statement")?.value == decimal("8.2"))
    #expect(percent("5.1 2")?.markers == ["2"])
  }

  @Test func percentBoundsAndStatementsAreKeptAsText() {
    #expect(ValueParsers.parsePercent("Less than 1%") == .value(.text("Less than 1%")))
    #expect(ValueParsers.parsePercent("<1%") == .value(.text("<1%")))
    #expect(ValueParsers.parsePercent("N/A") == .value(.text("N/A")))
    #expect(ValueParsers.parsePercent("See Item 4") == .value(.text("See Item 4")))
    #expect(ValueParsers.parsePercent("Delaware") == .malformed("'Delaware' is not a percent"))
    #expect(ValueParsers.parsePercent("5.1 shares") == .malformed("'5.1 shares' is not a percent"))
  }

  // MARK: Lists of amounts

  @Test func aThousandsSeparatorDoesNotSplitAPart() throws {
    let read = try #require(
      amount(
        "1,152,228 shares (including 474,990 shares issuable upon conversion of the Series B Preferred Stock)"))
    #expect(read.shares == decimal("1152228"))
    #expect(read.partsRelation == .including)
    #expect(read.parts.map(\.shares) == [decimal("474990")])
    #expect(read.parts.map(\.kind) == [.convertible])
    #expect(read.parts.map(\.text) == ["474,990 shares issuable upon conversion of the Series B Preferred Stock"])
  }

  @Test func partsJoinedByPlusAndAnd() throws {
    let plus = try #require(
      amount("1,000 shares, consisting of 600 shares of Common Stock plus 400 shares underlying options"))
    #expect(plus.parts.map(\.shares) == [decimal("600"), decimal("400")])
    #expect(plus.parts.map(\.kind) == [.common, .option])
    #expect(plus.parts.map(\.label) == ["1", "2"])
    let and = try #require(amount("900 consisting of 500 shares of Common Stock and 400 Warrants"))
    #expect(and.parts.map(\.kind) == [.common, .warrant])
    #expect(and.partsRelation == .consistingOf)
  }

  @Test func labelledListsOfEveryStyle() throws {
    let letters = try #require(
      amount(
        "5,250,000, consisting of (a) 3,100,000 shares issuable upon conversion of convertible promissory notes, "
          + "(b) 1,250,000 shares issuable upon exercise of warrants, and (c) 900,000 shares issuable upon "
          + "conversion of convertible preferred stock"))
    #expect(letters.parts.map(\.label) == ["a", "b", "c"])
    #expect(letters.parts.map(\.shares) == [decimal("3100000"), decimal("1250000"), decimal("900000")])
    #expect(letters.parts.map(\.kind) == [.convertible, .warrant, .convertible])
    let roman = try #require(amount("700 comprised of (i) 500 shares; (ii) 150 options; and (iii) 50 rights"))
    #expect(roman.parts.map(\.label) == ["i", "ii", "iii"])
    #expect(roman.parts.map(\.kind) == [.common, .option, .warrant])
    let numbered = try #require(amount("300, including 1. 100 shares of Common Stock 2. 200 Warrants"))
    #expect(numbered.parts.map(\.label) == ["1", "2"])
    #expect(numbered.parts.map(\.shares) == [decimal("100"), decimal("200")])
    let bullets = try #require(amount("300 consisting of • 100 shares of Common Stock • 200 shares held in trust"))
    #expect(bullets.parts.map(\.shares) == [decimal("100"), decimal("200")])
  }

  @Test func aPartWhoseKindCannotBeToldIsOther() throws {
    let read = try #require(amount("1,500 consisting of 1,000 shares of Common Stock and 500 units"))
    #expect(read.parts.map(\.kind) == [.common, .other])
    #expect(read.parts.count == 2)
  }

  @Test func partsWithDecimalsAndADateThatIsNotAPart() throws {
    let read = try #require(
      amount("1,250.5 consisting of 1,000.5 shares and 250 Warrants expiring June 30, 2030"))
    #expect(read.parts.map(\.shares) == [ExactDecimal(significand: 10_005, scale: 1), decimal("250")])
  }

  @Test func attributionAfterTheListNamesTheTotalsOwners() throws {
    let read = try #require(
      amount("1,000 shares, consisting of (i) 600 shares held by Fund A; and (ii) 400 shares held by Fund B"))
    #expect(read.parts.map(\.text) == ["600 shares held by Fund A", "400 shares held by Fund B"])
    #expect(read.attributedTo == [])
    let owned = try #require(amount("2,000 shares consisting of 1,500 shares and 500 Warrants, owned by Fund C LP"))
    #expect(owned.attributedTo == ["Fund C LP"])
    #expect(owned.parts.map(\.shares) == [decimal("1500"), decimal("500")])
  }

  @Test func partKinds() {
    #expect(ValueParsers.partKind("100 shares issuable upon exercise of warrants") == .warrant)
    #expect(ValueParsers.partKind("100 shares subject to purchase rights") == .warrant)
    #expect(ValueParsers.partKind("100 rights") == .warrant)
    #expect(ValueParsers.partKind("100 shares with voting rights") == .common)
    #expect(ValueParsers.partKind("100 shares underlying stock options") == .option)
    #expect(ValueParsers.partKind("100 shares issuable on conversion of notes") == .convertible)
    #expect(ValueParsers.partKind("100 shares of Series A Preferred Stock") == .convertible)
    #expect(ValueParsers.partKind("100 shares issuable upon settlement") == .other)
    #expect(ValueParsers.partKind("100 ordinary shares") == .common)
    #expect(ValueParsers.partKind("100 units") == .other)
  }
}

/// Footnotes printed under a cover page that itemise or explain its marked values.
@Suite struct ValueFootnoteTests {
  private static let page = """
    SCHEDULE 13D
    1 NAME OF REPORTING PERSON
    Redwood Harbor Partners LP
    7 SOLE VOTING POWER
    0
    8 SHARED VOTING POWER
    5,250,000(1)
    9 SOLE DISPOSITIVE POWER
    0
    10 SHARED DISPOSITIVE POWER
    5,250,000(1)
    11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
    5,250,000(1)
    13 PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)
    30.4%(2)
    14 TYPE OF REPORTING PERSON
    PN

    (1) Includes (a) 3,100,000 shares of common stock issuable upon conversion of convertible promissory notes,
    (b) 1,250,000 shares of common stock issuable upon exercise of warrants, and (c) 900,000 shares of common
    stock issuable upon conversion of convertible preferred stock. The notes mature in 2031.
    (2) Based on 12,000,000 shares of common stock outstanding as of March 1, 2030.

    Item 1. Security and Issuer.
    """

  @Test func aFootnoteItemisesEveryValueThatCarriesItsMarker() throws {
    let filing = try TestSupport.read(text: Self.page)
    let page = try #require(filing.coverPages.first)
    for field in [RowField.sharedVotingPower, .sharedDispositivePower, .aggregateAmountOwned] {
      let amount = try #require(page.rows[field]?.amount)
      #expect(amount.markers == ["1"])
      #expect(amount.partsRelation == .including)
      #expect(amount.parts.map(\.label) == ["a", "b", "c"])
      #expect(amount.parts.map(\.shares.description) == ["3,100,000", "1,250,000", "900,000"])
      #expect(amount.parts.map(\.kind) == [.convertible, .warrant, .convertible])
      #expect(amount.partsFootnote == Located("1", line: 19))
    }
    #expect(page.rows[.soleVotingPower]?.amount?.parts == [])
  }

  @Test func aFootnoteToThePercentStatesItsBasis() throws {
    let page = try #require(try TestSupport.read(text: Self.page).coverPages.first)
    let percent = try #require(page.rows[.percentOfClass]?.percent)
    #expect(percent.markers == ["2"])
    #expect(percent.statedBasis == Located(ExactDecimal(12_000_000), line: 22))
  }

  @Test func markerFormsMatchTheirFootnote() {
    let lines = SourceLines(
      "* Includes 10 options.\n** Consists of 5 warrants.\n1. This amount includes 3 notes.\n2 Based on 100 shares.\n"
        + "(a) Includes 1 right.\n† Of which 4 are options.\n[3] Includes 2 shares and\n(4) 5 warrants.")
    let regionLines = (1...lines.count).map { ValueText(FootnoteResolver.cleaned(lines[$0])) }
    let notes = FootnoteResolver.footnotes(in: regionLines, from: 1)
    #expect(notes.map(\.marker) == ["*", "**", "1", "2", "a", "†", "3"])
    #expect(notes.first?.text == "Includes 10 options.")
    #expect(notes.first?.positions == 1..<2)
    #expect(notes.last?.text == "Includes 2 shares and (4) 5 warrants.")
    #expect(notes.last?.positions == 7..<9)
  }

  @Test func theRegionEndsAtTheNextPageOrTheItems() throws {
    let text = """
      1 NAME OF REPORTING PERSON
      Alder Fund LP
      11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
      1,000*
      * Consists of 600 shares of Common Stock and 300 shares issuable upon exercise of Warrants.
      1 NAME OF REPORTING PERSON
      Birch Fund LP
      11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
      2,000*
      Item 1. Security and Issuer.
      * Consists of 2,000 warrants.
      """
    let pages = try TestSupport.read(text: text).coverPages
    let first = try #require(pages.first?.rows[.aggregateAmountOwned]?.amount)
    #expect(first.partsRelation == .consistingOf)
    #expect(first.parts.map(\.shares.description) == ["600", "300"])
    #expect(first.parts.map(\.kind) == [.common, .warrant])
    #expect(pages.last?.rows[.aggregateAmountOwned]?.amount?.parts == [])
  }

  @Test func aMarkedPowerRowEqualToTheAggregateItemisesTheAggregate() throws {
    let text = """
      1 NAME OF REPORTING PERSON
      Cedar Holdings LLC
      7 SOLE VOTING POWER
      413,000(1)
      9 SOLE DISPOSITIVE POWER
      413,000
      11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
      413,000
      13 PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)
      5.8%
      (1) The figure consists of 392,000 shares underlying exercisable options held by the reporting person and
      14,000 shares underlying options exercisable within 60 days. The options were granted in 2029.
      """
    let page = try #require(try TestSupport.read(text: text).coverPages.first)
    let voting = try #require(page.rows[.soleVotingPower]?.amount)
    #expect(voting.parts.map(\.shares.description) == ["392,000", "14,000"])
    #expect(voting.parts.map(\.kind) == [.option, .option])
    #expect(voting.partsRelation == .consistingOf)
    let aggregate = try #require(page.rows[.aggregateAmountOwned]?.amount)
    #expect(aggregate.parts == voting.parts)
    #expect(aggregate.partsFootnote == Located("1", line: 11))
    #expect(page.rows[.soleDispositivePower]?.amount?.parts == [])
  }

  @Test func aFootnoteThatItemisesNothingLeavesTheValueAlone() throws {
    let text = """
      1 NAME OF REPORTING PERSON
      Dogwood Trust
      11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
      2,500*
      * The shares are subject to a voting agreement described in Item 4.
      """
    let amount = try #require(try TestSupport.read(text: text).coverPages.first?.rows[.aggregateAmountOwned]?.amount)
    #expect(amount.parts == [])
    #expect(amount.partsFootnote == nil)
    #expect(amount.markers == ["*"])
  }

  private func percentFootnotePage(_ footnote: String) throws -> Percent? {
    let text = """
      1 NAME OF REPORTING PERSON
      Elm Street Fund LP
      11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
      3,000,000(1)
      13 PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)
      5.0%(2)
      (1) Includes 20,000 shares issuable upon exercise of options.
      \(footnote)
      """
    return try TestSupport.read(text: text).coverPages.first?.rows[.percentOfClass]?.percent
  }

  @Test func aBasisFootnoteAddsTheSharesItsSentenceAddsWithPlus() throws {
    let added = try percentFootnotePage(
      "(2) Based on 58,000,000 shares outstanding as of May 1, 2030, plus 1,500,000 additional shares issued in "
        + "the offering. Shares issued later are not counted, plus 7 more.")
    #expect(added?.statedBasis == Located(ExactDecimal(59_500_000), line: 8))
    let own = try percentFootnotePage(
      "(2) Calculation is based on the sum of (i) 60,000,000 shares outstanding plus (ii) the 20,000 shares "
        + "issuable upon exercise of the options.")
    #expect(own?.statedBasis == Located(ExactDecimal(60_020_000), line: 8))
  }

  @Test func aFootnoteThatDoesNotSayWhatThePercentIsBasedOnStatesNoBasis() throws {
    let restated = try percentFootnotePage(
      "(2) The reporting person is deemed to own 3,000,000 shares, or 5.0% of those issued and outstanding.")
    #expect(restated?.markers == ["2"])
    #expect(restated?.statedBasis == nil)
    let tooSmall = try percentFootnotePage("(2) Based on 2,500,000 shares outstanding.")
    #expect(tooSmall?.statedBasis == nil)
  }

  // MARK: Names

  @Test func aHyphenatedIdentificationLabelIsSetApartFromTheName() {
    #expect(
      ValueParsers.separatingHyphenatedLabels("Alpha Oil Company-I.D. No. 12-3456789")
        == "Alpha Oil Company -I.D. No. 12-3456789")
    #expect(ValueParsers.separatingHyphenatedLabels("Alpha-Beta Fund LP") == "Alpha-Beta Fund LP")
    #expect(ValueParsers.parseName("Alpha Oil Company-I.D. No. 12-3456789") == .value(.text("Alpha Oil Company")))
  }

  @Test func hyphenatedLabelsAreSetApartAlikeOnBytesAndCharacters() {
    // Seeded texts of names, hyphens, labels, numbers, doubled and trailing blanks, line breaks and non-ASCII
    // letters: the byte path (ASCII texts) and the character path must agree on every one.
    let pieces = [
      "Alpha", " ", "  ", "-", "--", "I.D.", "IRS", "No.", "TIN", "12-3456789", "Fund", "-IDENTIFICATION", "é",
      "\r\n", "LP", "(", ")", "#", "Beta-", "S.S.", "e\u{301}", "x",
    ]
    var ascii = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 3000, maximumPieces: 9, seed: 17) {
      let text = String(decoding: bytes, as: UTF8.self)
      if bytes.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
      #expect(
        ValueParsers.separatingHyphenatedLabels(text) == ValueParsers.separatingHyphenatedLabelsByCharacters(text),
        "\(text)")
    }
    // Both paths were taken many times.
    #expect(ascii > 500 && ascii < 2900)
  }

  @Test func aPlainPercentReadsAsTheGeneralParserReadsIt() {
    // Seeded texts of digits, points, percent signs, blanks, commas, letters and markers: every text the byte
    // path reads, the general parser reads as the same percent without markers.
    let pieces = [
      "0", "5", "12", "007", "9", "123456789", ".", "0.5", "5.25", "%", " ", ",", "a", "(1)", "*", "-", "=",
    ]
    var plain = 0
    var withDecimals = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 4000, maximumPieces: 5, seed: 29) {
      let text = String(decoding: bytes, as: UTF8.self)
      guard let value = bytes.withUnsafeBufferPointer({ ValueParsers.plainPercent($0) }) else { continue }
      plain += 1
      if value.scale > 0 { withDecimals += 1 }
      #expect(
        ValueParsers.parsePercentAsWritten(text) == .value(.percent(Percent(value: value, markers: []))), "\(text)")
    }
    // The byte path read many percents, with decimals and without.
    #expect(plain > 300 && plain < 3500 && withDecimals > 100)
    #expect(
      ValueParsers.parsePercent("6.25%")
        == .value(.percent(Percent(value: ExactDecimal(significand: 625, scale: 2), markers: []))))
    #expect(ValueParsers.parsePercent("5.") == ValueParsers.parsePercentAsWritten("5."))
    #expect(
      ValueParsers.parsePercent(".4%")
        == .value(.percent(Percent(value: ExactDecimal(significand: 4, scale: 1), markers: []))))
  }

  @Test func aNameLosesItsLabelAndEdgesAlikeOnBytesAndCharacters() {
    // Seeded texts of list labels, brackets, points, digits, letters, edge punctuation, blanks, line breaks and
    // dashes beyond ASCII: where the byte path reads a name (printable ASCII), it keeps what the character path
    // keeps.
    let pieces = [
      "(", ")", ".", " ", "  ", "\t", "1", "12", "a", "B", "Alpha", "Fund LP", ",", ";", ":", "-", "#", "\u{2013}",
      "\r\n", "é",
    ]
    var printable = 0
    var labelsCut = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 4000, maximumPieces: 8, seed: 23) {
      let text = String(decoding: bytes, as: UTF8.self)
      let byCharacters = ValueParsers.nameWithoutLabelAndEdges(text)
      guard let range = bytes.withUnsafeBufferPointer({ ValueParsers.nameRange(ofPrintable: $0) }) else { continue }
      printable += 1
      let byBytes = String(decoding: bytes[range], as: UTF8.self)
      #expect(byBytes == byCharacters, "\(text)")
      if let space = bytes.firstIndex(of: 0x20), range.lowerBound >= space, space > 0 { labelsCut += 1 }
    }
    // The byte path read many names, and cut many labels.
    #expect(printable > 1000 && printable < 3900)
    #expect(labelsCut > 50)
    #expect(ValueParsers.parseName("(a) Jane Roe,") == .value(.text("Jane Roe")))
    #expect(ValueParsers.parseName("1. - Alpha Fund LP") == .value(.text("Alpha Fund LP")))
    #expect(ValueParsers.parseName("A. Roe") == .value(.text("A. Roe")))
  }
}
