import BocheckModel
import Testing

/// Exact decimals, rationals, rounding intervals, CUSIP check digits and name keys.
@Suite struct ModelArithmeticTests {
  @Test func parsingKeepsPrintedPrecisionAndRejectsBadGrouping() {
    #expect(ExactDecimal.parse("1,019,531")?.description == "1,019,531")
    #expect(ExactDecimal.parse("2.280")?.scale == 3)
    #expect(ExactDecimal.parse("1,0l9,531") == nil)
    #expect(ExactDecimal.parse("10,00") == nil)
    #expect(ExactDecimal.parse("1234,567") == nil)
    #expect(ExactDecimal.parse("12.5.1") == nil)
    #expect(ExactDecimal.parse("1234567890123456") == nil)
    #expect(ExactDecimal.parse("0.25")?.rational == (try? Rational(numerator: 1, denominator: 4)))
  }

  @Test func roundingIsHalfAwayFromZeroAndExact() throws {
    let value = try Rational(numerator: 3_731_323 * 100, denominator: 47_383_769)
    #expect(try value.rounded(toDecimals: 2).description == "7.87")
    #expect(try Rational(numerator: 5, denominator: 1000).rounded(toDecimals: 2).description == "0.01")
    #expect(try Rational(numerator: -5, denominator: 1000).rounded(toDecimals: 2).description == "-0.01")
  }

  @Test func printedPercentIntervalsIncludeTheirEnds() throws {
    let interval = try RationalInterval(printed: #require(ExactDecimal.parse("2.28")))
    #expect(interval.contains(try Rational(numerator: 2275, denominator: 1000)))
    #expect(interval.contains(try Rational(numerator: 2285, denominator: 1000)))
    #expect(!interval.contains(try Rational(numerator: 22851, denominator: 10000)))
    let plain = try Rational(numerator: 101_953_100, denominator: 44_726_000)
    #expect(interval.contains(plain))
  }

  @Test func overflowIsReportedNotTrapped() {
    let big = Rational(Int.max)
    #expect(throws: ArithmeticOverflow.self) { try big * big * big }
    #expect(throws: ArithmeticOverflow.self) { try Rational(1) / Rational.zero }
  }

  @Test func cusipCheckDigits() {
    #expect(CUSIP.hasValidCheckDigit("53634X100"))
    #expect(!CUSIP.hasValidCheckDigit("53634X101"))
    #expect(CUSIP.checkDigit(of: "037833100") == 0)
    #expect(CUSIP.hasValidCheckDigit("037833100"))
    #expect(CUSIP.compact("53634 X 100") == "53634X100")
    #expect(CUSIP.checkDigit(of: "1234") == nil)
  }

  @Test func nameKeysIgnorePunctuationButKeepWords() {
    #expect(NameKey("Alpha Partners Value, L.P.") == NameKey("ALPHA PARTNERS VALUE LP"))
    #expect(NameKey("Alpha Partners Value, L.P. I") == NameKey("Alpha Partners Value LP I"))
    #expect(NameKey("Alpha Partners Value LP") != NameKey("Alpha Partners Value LP I"))
    #expect(NameKey("Beta Capital Management LLC") == NameKey("Beta Capital Management, L.L.C."))
    #expect(NameKey("Gamma Offshore Fund, Limited") == NameKey("Gamma Offshore Fund Ltd."))
    #expect(NameKey("Rivera & Stone") == NameKey("Rivera and Stone"))
  }

  /// An ASCII name is keyed on its bytes; a trailing no-break space (not a letter, so only a separator) sends
  /// the same name through the general path over Unicode scalars, which must give the same key.
  @Test func asciiNamesKeyAsTheGeneralPathDoes() {
    let names = [
      "Alpha Partners Value, L.P.", "CEDAR POINT VALUE PARTNERS L P II", "The Gamma Company", "the",
      "Beta Capital Management, L.L.C.", "Rivera & Stone", "Macy's Inc.", "John Q. Roe, Jr.", "N.A. Bank",
      "Omega Corporation (PFIC)", "IRS # 23-1234567", "  Delta   Incorporated  ", "S A", "a b c", "", "&", "...",
      "Zeta\tPartnership;Limited", "L L C", "Epsilon Holdings 2019-A LLC",
    ]
    for name in names {
      #expect(NameKey(name) == NameKey(name + "\u{00A0}"), "\(name)")
    }
    #expect(NameKey("Rivera\u{2019}s Fund") == NameKey("Riveras Fund"))
    // The general path upper-cases every letter: "Müller" and "MÜLLER" are one name.
    #expect(NameKey("Ærø Fond A/S").text == "ÆRØ FOND A S")
    #expect(NameKey("Müller & Söhne GmbH") == NameKey("MÜLLER AND SÖHNE GMBH"))
  }
}
