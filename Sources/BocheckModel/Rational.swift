/// An arithmetic result that does not fit the exact representation.
public struct ArithmeticOverflow: Error, Equatable, Sendable {}

/// An exact fraction of two 128-bit integers, always in lowest terms with a positive denominator.
///
/// Every comparison of amounts and percents in bocheck is made on rationals, so that no rounding of a
/// binary floating-point number can make a right filing look wrong or a wrong one look right. Operations
/// that would overflow throw ``ArithmeticOverflow`` instead of trapping.
///
/// The two integers are stored as 64-bit halves, so that a rational is aligned to 8 bytes rather than the 16 of
/// `Int128`: a value that holds one (a rule engine value) is then 40 bytes rather than 48, and an object's 21
/// such values fit the allocator's per-thread cache of small blocks. Reading a part joins its halves.
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The numerator's low and high 64 bits.
  private let numeratorLow: UInt64
  private let numeratorHigh: UInt64
  /// The denominator's low and high 64 bits.
  private let denominatorLow: UInt64
  private let denominatorHigh: UInt64

  /// The numerator, carrying the sign.
  public var numerator: Int128 { Rational.joined(numeratorLow, numeratorHigh) }
  /// The denominator, always positive.
  public var denominator: Int128 { Rational.joined(denominatorLow, denominatorHigh) }

  /// The integer whose two's-complement bits are `high` then `low`.
  private static func joined(_ low: UInt64, _ high: UInt64) -> Int128 {
    Int128(bitPattern: UInt128(high) << 64 | UInt128(low))
  }

  /// Stores the parts of a rational already in lowest terms with a positive denominator.
  private init(parts numerator: Int128, _ denominator: Int128) {
    let numeratorBits = UInt128(bitPattern: numerator)
    let denominatorBits = UInt128(bitPattern: denominator)
    numeratorLow = UInt64(truncatingIfNeeded: numeratorBits)
    numeratorHigh = UInt64(truncatingIfNeeded: numeratorBits >> 64)
    denominatorLow = UInt64(truncatingIfNeeded: denominatorBits)
    denominatorHigh = UInt64(truncatingIfNeeded: denominatorBits >> 64)
  }

  /// Whether two rationals are equal: both are in lowest terms, so their parts are.
  public static func == (lhs: Rational, rhs: Rational) -> Bool {
    lhs.numerator == rhs.numerator && lhs.denominator == rhs.denominator
  }

  /// Hashes the numerator, then the denominator.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(numerator)
    hasher.combine(denominator)
  }

  /// Zero.
  public static let zero = Rational(uncheckedNumerator: 0, denominator: 1)

  /// Creates a whole number.
  public init(_ value: Int) {
    // A whole number is in lowest terms already.
    self.init(parts: Int128(value), 1)
  }

  /// Creates `numerator / denominator` in lowest terms.
  ///
  /// - Throws: ``ArithmeticOverflow`` when the denominator is zero.
  public init(numerator: Int128, denominator: Int128) throws(ArithmeticOverflow) {
    guard denominator != 0 else { throw ArithmeticOverflow() }
    guard numerator != Int128.min, denominator != Int128.min else { throw ArithmeticOverflow() }
    let sign: Int128 = denominator < 0 ? -1 : 1
    let divisor = Rational.gcd(numerator.magnitude, denominator.magnitude)
    // Divided by their greatest common divisor, the parts are in lowest terms: no second reduction.
    self.init(
      parts: Rational.quotient(sign * numerator, divisor), Rational.quotient(sign * denominator, divisor))
  }

  init(uncheckedNumerator: Int128, denominator: Int128) {
    guard denominator != 1 else {
      self.init(parts: uncheckedNumerator, 1)
      return
    }
    let divisor = Rational.gcd(uncheckedNumerator.magnitude, denominator.magnitude)
    self.init(
      parts: Rational.quotient(uncheckedNumerator, divisor), Rational.quotient(denominator, divisor))
  }

  /// `value / divisor`, for a divisor that divides the value exactly: in 64 bits when both fit, where the
  /// processor divides in one instruction (128-bit division is a call into the compiler's runtime).
  static func quotient(_ value: Int128, _ divisor: UInt128) -> Int128 {
    if divisor == 1 { return value }
    if let small = Int64(exactly: value), let smallDivisor = Int64(exactly: divisor) {
      return Int128(small / smallDivisor)
    }
    return value / Int128(divisor)
  }

  /// The greatest common divisor of `a` and `b`, or 1 when both are zero.
  ///
  /// Amounts and their denominators nearly always fit 64 bits, where the processor divides in one
  /// instruction; 128-bit remainders are worked out in software, so they are used only when needed.
  static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
    if a <= UInt128(UInt64.max) && b <= UInt128(UInt64.max) {
      var (x, y) = (UInt64(a), UInt64(b))
      while y != 0 { (x, y) = (y, x % y) }
      return x == 0 ? 1 : UInt128(x)
    }
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x == 0 ? 1 : x
  }

  static func powerOfTen(_ exponent: Int) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  private static func multiply(_ a: Int128, _ b: Int128) throws(ArithmeticOverflow) -> Int128 {
    let (value, overflow) = product(a, b)
    if overflow { throw ArithmeticOverflow() }
    return value
  }

  /// `a × b` and whether it overflowed, as `multipliedReportingOverflow(by:)` gives them.
  ///
  /// Two factors that fit 64 bits, as amounts and their denominators nearly always do, are multiplied without
  /// the check: their product always fits 128 bits (at most 2¹²⁶ in magnitude), and the checked 128-bit
  /// multiplication works out the whole 256-bit product.
  @inline(__always)
  static func product(_ a: Int128, _ b: Int128) -> (partialValue: Int128, overflow: Bool) {
    if let smallA = Int64(exactly: a), let smallB = Int64(exactly: b) {
      return (Int128(smallA) &* Int128(smallB), false)
    }
    return a.multipliedReportingOverflow(by: b)
  }

  private static func add(_ a: Int128, _ b: Int128) throws(ArithmeticOverflow) -> Int128 {
    let (value, overflow) = a.addingReportingOverflow(b)
    if overflow { throw ArithmeticOverflow() }
    return value
  }

  /// The exact sum.
  public static func + (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
    if lhs.denominator == rhs.denominator {
      return try Rational(numerator: add(lhs.numerator, rhs.numerator), denominator: lhs.denominator)
    }
    let numerator = try add(multiply(lhs.numerator, rhs.denominator), multiply(rhs.numerator, lhs.denominator))
    return try Rational(numerator: numerator, denominator: multiply(lhs.denominator, rhs.denominator))
  }

  /// The exact difference.
  public static func - (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
    try lhs + Rational(uncheckedNumerator: -rhs.numerator, denominator: rhs.denominator)
  }

  /// The exact product.
  public static func * (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
    try Rational(
      numerator: multiply(lhs.numerator, rhs.numerator), denominator: multiply(lhs.denominator, rhs.denominator))
  }

  /// The exact quotient.
  ///
  /// - Throws: ``ArithmeticOverflow`` on division by zero or overflow.
  public static func / (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
    guard rhs.numerator != 0 else { throw ArithmeticOverflow() }
    return try Rational(
      numerator: multiply(lhs.numerator, rhs.denominator), denominator: multiply(lhs.denominator, rhs.numerator))
  }

  /// Compares exactly; a comparison too large for 128 bits falls back to comparing integer parts first.
  public static func < (lhs: Rational, rhs: Rational) -> Bool {
    let (left, overflowLeft) = product(lhs.numerator, rhs.denominator)
    let (right, overflowRight) = product(rhs.numerator, lhs.denominator)
    if !overflowLeft && !overflowRight { return left < right }
    let (leftWhole, leftRest) = lhs.numerator.quotientAndRemainder(dividingBy: lhs.denominator)
    let (rightWhole, rightRest) = rhs.numerator.quotientAndRemainder(dividingBy: rhs.denominator)
    let leftFloor = leftRest < 0 ? leftWhole - 1 : leftWhole
    let rightFloor = rightRest < 0 ? rightWhole - 1 : rightWhole
    if leftFloor != rightFloor { return leftFloor < rightFloor }
    let leftFraction = (try? lhs - Rational(uncheckedNumerator: leftFloor, denominator: 1)) ?? .zero
    let rightFraction = (try? rhs - Rational(uncheckedNumerator: rightFloor, denominator: 1)) ?? .zero
    return leftFraction < rightFraction
  }

  /// Whether the value is a whole number.
  public var isInteger: Bool { denominator == 1 }

  /// The value as an exact decimal of `decimals` places, when it is one: the value times 10^`decimals` is
  /// whole and is the decimal's significand; `nil` when it is not whole, or does not fit.
  ///
  /// One multiplication and one division, where rounding (``rounded(toDecimals:)``) and comparing the rounded
  /// decimal's value with this one takes several of each and a greatest common divisor.
  ///
  /// - Parameter decimals: Digits after the decimal point (0 or more).
  public func exactDecimal(decimals: Int) -> ExactDecimal? {
    // 10^38 is the largest power of ten an `Int128` holds.
    guard (0...38).contains(decimals) else { return nil }
    let (scaled, overflow) = Rational.product(numerator, Rational.powerOfTen(decimals))
    guard !overflow else { return nil }
    let (significand, remainder) = scaled.quotientAndRemainder(dividingBy: denominator)
    return remainder == 0 ? ExactDecimal(significand: significand, scale: decimals) : nil
  }

  /// The value rounded half away from zero to `decimals` places, as an exact decimal.
  ///
  /// - Parameter decimals: Digits after the decimal point (0 or more).
  public func rounded(toDecimals decimals: Int) throws(ArithmeticOverflow) -> ExactDecimal {
    let scaled = try Rational.multiply(numerator, Rational.powerOfTen(decimals))
    var (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: denominator)
    if try Rational.multiply(Int128(remainder.magnitude), 2) >= denominator {
      quotient += scaled < 0 ? -1 : 1
    }
    remainder = 0
    return ExactDecimal(significand: quotient, scale: decimals)
  }

  /// The fraction as `n/d`, or `n` for whole numbers.
  public var description: String {
    denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)"
  }
}

/// A closed interval of exact values, as a rounded printed number stands for.
public struct RationalInterval: Hashable, Sendable {
  /// The smallest value in the interval.
  public let lower: Rational
  /// The largest value in the interval.
  public let upper: Rational

  /// Creates `[lower, upper]`.
  public init(lower: Rational, upper: Rational) {
    self.lower = lower
    self.upper = upper
  }

  /// The interval a value printed with `scale` decimals stands for: `[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]`.
  ///
  /// - Parameter printed: The printed value; its scale is its precision.
  public init(printed: ExactDecimal) throws(ArithmeticOverflow) {
    // A value s / 10ᵈ stands for [(2s − 1) / (2·10ᵈ), (2s + 1) / (2·10ᵈ)]: each end is one fraction put in
    // lowest terms (the value minus and plus a half made three fractions and added two).
    let (denominator, denominatorOverflow) = Rational.product(2, Rational.powerOfTen(printed.scale))
    let (doubled, doubledOverflow) = Rational.product(2, printed.significand)
    guard !denominatorOverflow, !doubledOverflow, doubled > Int128.min + 1, doubled < Int128.max else {
      throw ArithmeticOverflow()
    }
    self.init(
      lower: try Rational(numerator: doubled - 1, denominator: denominator),
      upper: try Rational(numerator: doubled + 1, denominator: denominator))
  }

  /// Whether `value` lies in the interval, ends included.
  public func contains(_ value: Rational) -> Bool {
    !(value < lower) && !(upper < value)
  }
}
