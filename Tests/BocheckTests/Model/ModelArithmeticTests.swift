import BocheckSeeded
import Testing

@testable import BocheckModel

/// Exact decimals, rationals, rounding intervals, CUSIP check digits and name keys.
@Suite struct ModelArithmeticTests {
  @Test func exactDecimalsAreTheValueWithTheirDecimalsOrNothing() throws {
    let quarter = try Rational(numerator: -5, denominator: 4)
    #expect(quarter.exactDecimal(decimals: 2) == ExactDecimal(significand: -125, scale: 2))
    #expect(quarter.exactDecimal(decimals: 3) == ExactDecimal(significand: -1250, scale: 3))
    // Not a decimal of so few places, nor of any (a third): no rounding.
    #expect(quarter.exactDecimal(decimals: 1) == nil)
    #expect(try Rational(numerator: 1, denominator: 3).exactDecimal(decimals: 12) == nil)
    #expect(Rational(1_019_531).exactDecimal(decimals: 0) == ExactDecimal(1_019_531))
    // Beyond what 128 bits hold, or a count of places that is no count: nothing, and no trap.
    #expect(Rational(1).exactDecimal(decimals: 38) == ExactDecimal(significand: Rational.powerOfTen(38), scale: 38))
    #expect(Rational(2).exactDecimal(decimals: 38) == nil)
    #expect(Rational(1).exactDecimal(decimals: 39) == nil)
    #expect(Rational(1).exactDecimal(decimals: -1) == nil)
  }

  @Test func parsingKeepsPrintedPrecisionAndRejectsBadGrouping() {
    #expect(ExactDecimal.parse("1,019,531")?.description == "1,019,531")
    #expect(ExactDecimal.parse("2.280")?.scale == 3)
    #expect(ExactDecimal.parse("1,0l9,531") == nil)
    #expect(ExactDecimal.parse("10,00") == nil)
    #expect(ExactDecimal.parse("1234,567") == nil)
    #expect(ExactDecimal.parse("12.5.1") == nil)
    #expect(ExactDecimal.parse("1234567890123456") == nil)
    // The largest value accepted, 15 integer digits and 6 decimals, is exact; one digit more is refused.
    let largest = ExactDecimal.parse("999,999,999,999,999.999999")
    #expect(largest?.significand == 999_999_999_999_999_999_999 && largest?.scale == 6)
    #expect(ExactDecimal.parse("-999999999999999.999999")?.significand == -999_999_999_999_999_999_999)
    #expect(ExactDecimal.parse("1.1234567") == nil)
    #expect(ExactDecimal.parse("-") == nil && ExactDecimal.parse("--5") == nil && ExactDecimal.parse("") == nil)
    #expect(ExactDecimal.parse("x12,345.5".dropFirst())?.description == "12,345.5")
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

  @Test("the greatest common divisor is the same in 64 and in 128 bits, and whole numbers need none")
  func greatestCommonDivisor() throws {
    func slowGCD(_ a: UInt128, _ b: UInt128) -> UInt128 {
      var (x, y) = (a, b)
      while y != 0 { (x, y) = (y, x % y) }
      return x == 0 ? 1 : x
    }
    // Seeded, so that a failure repeats.
    struct Seeded: RandomNumberGenerator {
      var base = SplitMix64(seed: 0x6763_6431)
      mutating func next() -> UInt64 { base.next() }
    }
    var generator = Seeded()
    let edges: [UInt128] = [0, 1, 2, 6, UInt128(UInt64.max), UInt128(UInt64.max) + 1, UInt128(UInt64.max) * 6, .max]
    for a in edges {
      for b in edges { #expect(Rational.gcd(a, b) == slowGCD(a, b), "\(a) \(b)") }
    }
    for _ in 0..<2_000 {
      let bits = [12, 40, 63, 64, 65, 75, 100, 127].randomElement(using: &generator)!
      let factor = UInt128(UInt64.random(in: 1...1_000, using: &generator))
      let a = UInt128.random(in: 0...(UInt128(1) << (bits - 11)), using: &generator) * factor
      let b = UInt128.random(in: 0...(UInt128(1) << (bits - 11)), using: &generator) * factor
      #expect(Rational.gcd(a, b) == slowGCD(a, b), "\(a) \(b)")
    }
    for value in [0, 1, -1, 7, -1_200_001, Int.max, Int.min] {
      #expect(Rational(value) == (try Rational(numerator: Int128(value), denominator: 1)))
      #expect(Rational(value).denominator == 1)
    }
    #expect((try Rational(numerator: 6, denominator: -4)) == (try Rational(numerator: -3, denominator: 2)))
  }
}
