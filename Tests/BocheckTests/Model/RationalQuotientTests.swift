import BocheckSeeded
import Testing

@testable import BocheckModel

/// A rational's parts are divided by their greatest common divisor in 64 bits when they fit, and the result is
/// the 128-bit division's.
@Suite("Rationals: the 64-bit quotient")
struct RationalQuotientTests {
  @Test("the quotient in 64 bits is the quotient in 128 bits, on seeded values that fit and that do not")
  func quotientAgreesWith128Bits() {
    var random = SplitMix64(seed: 0x7175_6f74)
    var small = 0
    for _ in 0..<5_000 {
      // A divisor and a multiple of it, each of up to 127 bits, some of them fitting 64 bits, some negative.
      let divisorBits = random.int(in: 0...70)
      let divisor = max(1, UInt128(random.next()) >> (64 - min(divisorBits, 64)) | (divisorBits > 64 ? 1 << 64 : 0))
      let factor = Int128(truncatingIfNeeded: random.next() >> UInt64(random.int(in: 0...63)))
      let (product, overflow) = factor.multipliedReportingOverflow(by: Int128(divisor))
      guard !overflow else { continue }
      let value = random.int(in: 0...1) == 0 ? product : -product
      if Int64(exactly: value) != nil && Int64(exactly: divisor) != nil { small += 1 }
      #expect(Rational.quotient(value, divisor) == value / Int128(divisor), "\(value) / \(divisor)")
    }
    #expect(Rational.quotient(Int128(Int64.min), 1) == Int128(Int64.min))
    #expect(Rational.quotient(Int128(Int64.min), 2) == Int128(Int64.min) / 2)
    #expect(small > 1_000)
  }

  @Test("the product of factors that fit 64 bits is the checked 128-bit product, on seeded values and the extremes")
  func productAgreesWithCheckedMultiplication() {
    var random = SplitMix64(seed: 0x7072_6f64)
    var factors: [Int128] = [
      0, 1, -1, Int128(Int64.max), Int128(Int64.min), Int128(Int64.max) + 1, Int128(Int64.min) - 1, .max, .min,
      Int128(1) << 100, -(Int128(1) << 100),
    ]
    for _ in 0..<400 {
      // Up to 127 bits, some of them fitting 64 bits, some negative.
      let bits = random.int(in: 0...126)
      let magnitude = Int128(truncatingIfNeeded: UInt128(random.next()) << 64 | UInt128(random.next())) >> (127 - bits)
      factors.append(random.int(in: 0...1) == 0 ? magnitude : -magnitude)
    }
    var small = 0
    for a in factors {
      for b in factors.prefix(60) {
        let checked = a.multipliedReportingOverflow(by: b)
        let fast = Rational.product(a, b)
        #expect(fast.overflow == checked.overflow, "\(a) × \(b)")
        if !checked.overflow { #expect(fast.partialValue == checked.partialValue, "\(a) × \(b)") }
        if Int64(exactly: a) != nil && Int64(exactly: b) != nil { small += 1 }
      }
    }
    #expect(small > 1_000)
    // Comparisons take the same path: an order that holds for the exact values holds for the rationals.
    #expect(Rational(Int(Int64.min)) < Rational(Int(Int64.max)))
    #expect(!(Rational(Int(Int64.max)) < Rational(Int(Int64.min))))
  }

  @Test("a printed value's rounding interval is the value minus and plus half its last place, on seeded values")
  func printedIntervalIsValueAndHalf() throws {
    var random = SplitMix64(seed: 0x6861_6c66)
    for _ in 0..<2_000 {
      let significand = Int128(Int64(bitPattern: random.next()) >> random.int(in: 0...62))
      let printed = ExactDecimal(significand: significand, scale: random.int(in: 0...12))
      let half = try Rational(numerator: 1, denominator: 2 * Rational.powerOfTen(printed.scale))
      let interval = try RationalInterval(printed: printed)
      #expect(interval.lower == (try printed.rational - half), "\(printed)")
      #expect(interval.upper == (try printed.rational + half), "\(printed)")
    }
    let widest = try RationalInterval(printed: ExactDecimal(significand: 5, scale: 0))
    #expect(widest.lower == (try Rational(numerator: 9, denominator: 2)))
    #expect(widest.upper == (try Rational(numerator: 11, denominator: 2)))
    let largest = ExactDecimal(significand: .max, scale: 0)
    #expect(throws: ArithmeticOverflow.self) { try RationalInterval(printed: largest) }
  }

  @Test("a rational made of any parts is in lowest terms with a positive denominator")
  func rationalsAreReduced() throws {
    var random = SplitMix64(seed: 0x6c6f_7774)
    for _ in 0..<2_000 {
      let numerator = Int128(Int64(bitPattern: random.next()) >> random.int(in: 0...62))
      var denominator = Int128(Int64(bitPattern: random.next()) >> random.int(in: 0...62))
      if denominator == 0 { denominator = 1 }
      let rational = try Rational(numerator: numerator, denominator: denominator)
      #expect(rational.denominator > 0)
      #expect(
        Rational.gcd(rational.numerator.magnitude, rational.denominator.magnitude) == 1 || rational.numerator == 0)
      #expect(rational.numerator * denominator == numerator * rational.denominator, "\(numerator)/\(denominator)")
    }
  }
}
