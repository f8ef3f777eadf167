import BocheckModel
import Testing

@testable import BocheckReading

/// The cover page assembler's shortcuts give what the steps they stand for give, on invented values.
@Suite struct AssemblerValuesTests {
  /// Fragment texts: numbers bare and worded, caption words, a wrapped parenthesis's end, codes and names.
  private static let texts = [
    "1,000", "0", "5.2%", "12.5", "1,000.", "-0-", "1,000 shares", "WITH", "BENEFICIALLY OWNED BY", "Only)",
    "(Entities Only)", "Only) 1,000", "IN", "PN, OO", "N/A", "None", "Delaware", "OF ABOVE PERSON", "", "  ",
    " 1,000", "Fund: 1,000", "WITH 1,000", "Alpha Fund LP", "(1) Alpha Fund LP", "S.S. or", "x)", "See Item 4)",
    "1,0l9", "100\u{00A0}", "(a) [ ] (b) [X]", "REPORTING PERSON WITH))",
  ]

  /// Whether a fragment is caption words only, as the assembler told it before the cut answered: a blank text,
  /// the end of a wrapped parenthesis (but in a row of codes), or, but in row 1, a text that strips to nothing.
  private static func referenceIsCaptionOnly(_ text: String, of field: RowField) -> Bool {
    if ASCIIText.withUTF8(text, { CaptionWords.nextWord(in: $0, from: 0) == nil }) { return true }
    let opened = text.filter { $0 == "(" }.count
    let closed = text.filter { $0 == ")" }.count
    if closed > opened, field.valueKind != .codes,
      CaptionWords.stripsToNothing(text, inName: false, cutsOrdinaryWords: true)
    {
      return true
    }
    guard field != .reportingPersonName else { return false }
    let numeric = field.valueKind == .amount || field.valueKind == .percent
    return CaptionWords.stripsToNothing(text, inName: false, cutsOrdinaryWords: numeric)
  }

  @Test func aFragmentIsCaptionOnlyWhenItsCutLeavesNothing() {
    let assembler = CoverPageAssembler(schedule: .schedule13D)
    for text in Self.texts {
      for field in RowField.allCases {
        let fragment = ValueFragment(text: text, line: 3, column: 5, marker: nil, isInline: false)
        let part = assembler.valuePart(of: fragment, in: field)
        #expect((part == nil) == Self.referenceIsCaptionOnly(text, of: field), "\(text) in \(field)")
      }
    }
  }

  @Test func aValuePartAskedAgainIsTheOneFirstWorkedOut() {
    // One assembler asked about every text in every row, twice, in both orders: each answer, looked up the
    // second time (a wrapped parenthesis's end then told from the memo), is the one worked out the first time.
    let assembler = CoverPageAssembler(schedule: .schedule13D)
    for pass in 0..<2 {
      for text in pass == 0 ? Self.texts : Self.texts.reversed() {
        for field in pass == 0 ? RowField.allCases : RowField.allCases.reversed() {
          let fragment = ValueFragment(text: text, line: 3, column: 5, marker: nil, isInline: false)
          let part = assembler.valuePart(of: fragment, in: field)
          #expect((part == nil) == Self.referenceIsCaptionOnly(text, of: field), "\(text) in \(field), pass \(pass)")
        }
      }
    }
    // The end of a wrapped parenthesis is caption in a row of amounts, a value in a row of codes, whichever is
    // asked first.
    let only = ValueFragment(text: "Only)", line: 3, column: 5, marker: nil, isInline: false)
    #expect(assembler.valuePart(of: only, in: .soleVotingPower) == nil)
    #expect(assembler.valuePart(of: only, in: .typeOfReportingPerson) != nil)
    #expect(assembler.valuePart(of: only, in: .sharedVotingPower) == nil)
  }

  @Test func bareNumbersAreDigitsCommasPointsAndPercentSigns() {
    for text in ["1,000", "0", "5.2%", "12.5", "1,000.", "7"] {
      #expect(CoverPageAssembler.isBareNumber(text), "\(text)")
    }
    for text in ["", "-0-", ".5", "1,000 shares", " 1", "1 ", "12a", "1\u{00A0}", "(1)", "١٢"] {
      #expect(!CoverPageAssembler.isBareNumber(text), "\(text)")
    }
    // A bare number is kept whole in every row, as cutting its caption words would leave it.
    let assembler = CoverPageAssembler(schedule: .schedule13G)
    for field in RowField.allCases {
      let fragment = ValueFragment(text: "1,000", line: 2, column: 9, marker: 7, isInline: true)
      let part = assembler.valuePart(of: fragment, in: field)
      #expect(part?.text == "1,000" && part?.column == 9 && part?.marker == 7, "\(field)")
    }
  }

  private static func slot(_ field: RowField, _ fragments: [(String, Bool)]) -> CaptionSlot {
    CaptionSlot(
      field: field, printedNumber: nil, line: 1, column: 1,
      fragments: fragments.enumerated().map { offset, fragment in
        ValueFragment(text: fragment.0, line: 2 + offset, column: 3, marker: nil, isInline: fragment.1)
      })
  }

  @Test func aPageNumberAfterARowOfCodesIsDroppedAndOtherValuesKept() {
    let assembler = CoverPageAssembler(schedule: .schedule13D)
    func row(_ fragments: [(String, Bool)], last: RowField = .typeOfReportingPerson) -> Row? {
      var rows: [RowField: Row] = [:]
      var notes: [ReaderNote] = []
      assembler.assignRows(
        [Self.slot(.citizenshipOrOrganization, [("Delaware", true)]), Self.slot(last, fragments)], page: 1,
        into: &rows, notes: &notes)
      return rows[last]
    }
    // A lone page number is no value: the row is empty.
    #expect(row([("7", false)])?.status == .missing)
    #expect(row([("7", false)])?.raw == "")
    // After the codes, or before them.
    #expect(row([("PN", true), ("12", false)])?.raw == "PN")
    #expect(row([("12", false), ("IN", false)])?.raw == "IN")
    // "00" is a mistyped code, and a number of four digits no page's: both are kept.
    #expect(row([("00", false)])?.raw == "00")
    #expect(row([("1234", false)])?.raw == "1234")
    // The last row of a page holding text drops its page number as well.
    #expect(row([("Delaware", true), ("3", false)], last: .citizenshipOrOrganization)?.raw == "Delaware")
  }

  @Test func rowsAreOrderedAsTheyArePrinted() {
    for (offset, field) in RowField.allCases.enumerated() { #expect(field.order == offset, "\(field)") }
  }

  @Test func valuesAreCutOnceAndJoinedAroundCaptionWords() {
    let assembler = CoverPageAssembler(schedule: .schedule13D)
    // The one value of a slot: its caption words cut, its column moved past them.
    let single = assembler.logicalValues(of: Self.slot(.soleVotingPower, [("WITH 1,000", true)]))
    #expect(single.map(\.text) == ["1,000"])
    #expect(single.map(\.column) == [8])
    // A wrapped caption's end on the caption's line is no value of a row of text; the place after it is.
    let place = assembler.logicalValues(
      of: Self.slot(.citizenshipOrOrganization, [("Only)", true), ("Delaware", false)]))
    #expect(place.map(\.text) == ["Delaware"])
    #expect(place.map(\.line) == [3])
    // Caption words between the lines of an amount are dropped, and the lines joined.
    let amount = assembler.logicalValues(
      of: Self.slot(.aggregateAmountOwned, [("1,000 shares of", false), ("WITH", false), ("Common Stock", false)]))
    #expect(amount.map(\.text) == ["1,000 shares of Common Stock"])
    // Two values of a row of numbers stay apart, each cut.
    let two = assembler.logicalValues(of: Self.slot(.sharedVotingPower, [("0", true), ("5 WITH", false)]))
    #expect(two.map(\.text) == ["0", "5"])
    // Nothing but caption words leaves no value.
    #expect(assembler.logicalValues(of: Self.slot(.soleVotingPower, [("WITH", false), ("", false)])).isEmpty)
  }

  @Test func footnoteProseIsToldOnTheBytesAsByCharacters() {
    let texts = [
      "", "  ", "IN", "PN, OO", "* Of this amount, 400 shares", "*", "of this amount, some", "of this", "ab cd ef",
      "(1) Figure, as referred to above", "(1) Figure as", "(12) a b c d", "(123) a b c d e", "(a) IN",
      "one two three four five six seven eight nine", "One two three four five six seven eight",
      "\u{2020} Includes shares", "\u{00E9}t\u{00E9} de la soci\u{00E9}t\u{00E9}", "(\u{0301}1) a b c d e",
      "*\u{0301} not a star", "a\r\nb c", " \t(2) held by the fund as trustee ", "\u{00A0}* note\u{00A0}",
      "(1)\ta b c d e",
    ]
    for text in texts {
      #expect(
        ValueParsers.isFootnoteProse(text) == ValueParsers.isFootnoteProseByCharacters(text),
        "\(text.debugDescription)")
    }
  }

  @Test func codesAreToldFromTheRowsParseAsFromTheirOwn() {
    let assembler = CoverPageAssembler(schedule: .schedule13G)
    let texts = [
      "IN", "PN, OO", "N/A", "CO (Corporation)", "Individual", "\u{00A0}IN", "IN\u{00A0}", " IN", "HC; CO", "",
      "PARTNERSHIP", "IA/PN", "in", "See Item 4",
    ]
    // Twice, so that the second round reads the memo's parses.
    for _ in 0..<2 {
      for text in texts {
        #expect(
          assembler.readsAsCodes(text, in: .typeOfReportingPerson) == ValueParsers.readsAsCodes(text),
          "\(text.debugDescription)")
      }
    }
  }

  @Test func theFirstColumnIsReadOnTheBytesAsByCharacters() {
    let rests = [
      "", "  ", " 1,000   2,000", "(1) 1,000 2,000", "(12)1,000", "(123) 1,000", "(1", " . . . . 1,000  5.2%",
      " .... .4%", "\t1,000\t2,000", " (a)  . . 300 shares", "..5", " U.S.A.", " (1) Delaware . . . 5",
      "  -0-  ", "(x)\t7", " 1,000\r\n", " Soci\u{00E9}t\u{00E9} 5", " (\u{00E9}) 5",
    ]
    for rest in rests {
      for text in [rest, "Jane Roe" + rest] {
        let part = Substring(text).dropFirst(text.hasPrefix("Jane Roe") ? 8 : 0)
        for numeric in [false, true] {
          #expect(
            CoverPageAssembler.firstColumn(part, numeric: numeric)
              == CoverPageAssembler.firstColumnByCharacters(part, numeric: numeric),
            "\(text.debugDescription) numeric: \(numeric)")
        }
      }
    }
  }

  /// A slot of a combined page: its caption's row, printed number and line, and a fragment on each line after it.
  private static func combinedSlot(_ field: RowField, number: Int, line: Int, _ texts: [String]) -> CaptionSlot {
    CaptionSlot(
      field: field, printedNumber: number, line: line, column: 1,
      fragments: texts.enumerated().map { offset, text in
        ValueFragment(text: text, line: line + 1 + offset, column: 1, marker: nil, isInline: false)
      })
  }

  /// The name row of a combined page listing the persons under labels "(1)", "(2)", ...
  private static func combinedNames(_ persons: [String]) -> CaptionSlot {
    combinedSlot(.reportingPersonName, number: 1, line: 1, persons.enumerated().map { "(\($0 + 1)) \($1)" })
  }

  @Test func aCombinedPageLineNamesTheLongestListedNameItStartsWith() {
    let assembler = CoverPageAssembler(schedule: .schedule13D)
    let persons = ["Alpha Fund", "Alpha Fund II", "Beta LP", "BETA LP"]
    let names = Self.combinedNames(persons)
    let amounts = Self.combinedSlot(
      .soleVotingPower, number: 7, line: 10, ["(1) Alpha Fund 100", "(2) Alpha Fund II 200", "(3) Beta LP 300"])
    var notes: [ReaderNote] = []
    let pages = assembler.splitCombined(
      [names, amounts], persons: persons, firstIndex: 1, line: 1, cusip: nil, notes: &notes)
    #expect(pages.count == 4)
    let shares = pages.map { $0.rows[.soleVotingPower]?.raw }
    // "Alpha Fund II" is the longer name the second line starts with; "Beta LP" and "BETA LP" read alike, and
    // the first listed takes the line.
    #expect(shares == ["100", "200", "300", ""])
  }

  @Test func valuesAsPrintedAreTheSlotsFragmentsAndACutOneIsListedInItsPlace() {
    let assembler = CoverPageAssembler(schedule: .schedule13D)
    // Values as printed, each its fragment: the texts, lines and columns of the fragments.
    let printed = assembler.logicalValues(of: Self.slot(.sharedVotingPower, [("0", true), ("5", false), ("7", false)]))
    #expect(printed.map(\.text) == ["0", "5", "7"])
    #expect(printed.map(\.line) == [2, 3, 4])
    #expect(printed.map(\.column) == [3, 3, 3])
    // A value cut at its start between two as printed (in the row of the percent, whose lines are not joined):
    // the one before it kept, its column moved.
    let cutStart = assembler.logicalValues(
      of: Self.slot(.percentOfClass, [("5%", true), ("WITH 7%", false), ("9%", false)]))
    #expect(cutStart.map(\.text) == ["5%", "7%", "9%"])
    #expect(cutStart.map(\.column) == [3, 8, 3])
    // A value cut at its end only: its column stays, its text is shorter.
    let cutEnd = assembler.logicalValues(
      of: Self.slot(.sharedVotingPower, [("0", true), ("5 WITH", false), ("7", false)]))
    #expect(cutEnd.map(\.text) == ["0", "5", "7"])
    #expect(cutEnd.map(\.column) == [3, 3, 3])
    // A fragment that is caption words only, among values as printed: the others are the values.
    let dropped = assembler.logicalValues(
      of: Self.slot(.sharedVotingPower, [("0", true), ("WITH", false), ("7", false)]))
    #expect(dropped.map(\.text) == ["0", "7"])
    #expect(dropped.map(\.line) == [2, 4])
  }

  @Test func combinedPageRowsMatchTheSameLineStartsAgain() {
    let assembler = CoverPageAssembler(schedule: .schedule13D)
    let persons = ["Alpha Fund", "Alpha Fund II", "Gamma Soci\u{00E9}t\u{00E9}"]
    let names = Self.combinedNames(persons)
    // Two rows whose lines start with the same names, in another order in the second: the starts matched in
    // the first row are matched again in the second.
    let sole = Self.combinedSlot(
      .soleVotingPower, number: 7, line: 10, ["Alpha Fund 100", "Alpha Fund II 200", "Gamma Soci\u{00E9}t\u{00E9} 300"])
    let shared = Self.combinedSlot(
      .sharedVotingPower, number: 8, line: 20, ["Gamma Soci\u{00E9}t\u{00E9} 3", "Alpha Fund II 2", "Alpha Fund 1"])
    var notes: [ReaderNote] = []
    let pages = assembler.splitCombined(
      [names, sole, shared], persons: persons, firstIndex: 1, line: 1, cusip: nil, notes: &notes)
    #expect(pages.map { $0.rows[.soleVotingPower]?.raw } == ["100", "200", "300"])
    #expect(pages.map { $0.rows[.sharedVotingPower]?.raw } == ["1", "2", "3"])
  }
}
