/// An exact decimal number: an integer significand scaled by a power of ten.
///
/// Share amounts and printed percents are exact decimals. Values keep the number of decimals they were
/// printed with (`scale`), so that `6.25` and `6.250` can be told apart where the printed precision
/// matters. Arithmetic on them goes through ``Rational`` and never through binary floating point.
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
  /// The digits of the number without its decimal point.
  public let significand: Int128
  /// How many of the significand's digits stand after the decimal point (0 or more).
  public let scale: Int

  /// The largest number of digits a parsed integer part may have.
  public static let maximumIntegerDigits = 15
  /// The largest number of decimals a parsed value may have.
  public static let maximumScale = 6

  /// Creates a decimal from its significand and scale.
  ///
  /// - Parameters:
  ///   - significand: The digits without the decimal point.
  ///   - scale: How many digits stand after the decimal point.
  public init(significand: Int128, scale: Int) {
    self.significand = significand
    self.scale = scale
  }

  /// Creates a whole number.
  public init(_ value: Int) {
    self.init(significand: Int128(value), scale: 0)
  }

  /// Parses a plain number as printed in a filing: digits with optional thousands separators, an optional
  /// decimal part, an optional leading minus sign.
  ///
  /// Commas must group digits in threes. Anything else (letters, stray punctuation, more than
  /// ``maximumIntegerDigits`` digits before the point or ``maximumScale`` after it) gives `nil`.
  ///
  /// It is inlinable so that it is specialised for the caller's kind of text: reading the bytes through the
  /// protocol's witnesses cost more than parsing them.
  ///
  /// - Parameter text: The number's text, without surrounding white space.
  @inlinable
  public static func parse<S: StringProtocol>(_ text: S) -> ExactDecimal? {
    if let parsed = text.utf8.withContiguousStorageIfAvailable(parse(bytes:)) { return parsed }
    return Array(text.utf8).withUnsafeBufferPointer(parse(bytes:))
  }

  /// ``parse(_:)`` on a number's UTF-8 bytes, read in place: a reader that holds the bytes parses them without
  /// making a text of them.
  ///
  /// At most ``maximumIntegerDigits`` + ``maximumScale`` (21) digits are accumulated, which is below
  /// `Int128`'s 38, so the significand is built with wrapping arithmetic: it cannot overflow, and an
  /// overflow-checked 128-bit multiplication works out the whole 256-bit product for every digit.
  ///
  /// - Parameter bytes: The number's text as UTF-8, without surrounding white space.
  public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
    var index = 0
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { index = 1 }
    guard index < bytes.count else { return nil }
    var significand: Int128 = 0
    var integerDigits = 0
    var scale = 0
    var seenPoint = false
    var digitsSinceComma = -1
    var sawComma = false
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        significand = significand &* 10 &+ Int128(byte &- UInt8(ascii: "0"))
        if seenPoint {
          scale += 1
          if scale > maximumScale { return nil }
        } else {
          integerDigits += 1
          if integerDigits > maximumIntegerDigits { return nil }
          if digitsSinceComma >= 0 { digitsSinceComma += 1 }
        }
      case UInt8(ascii: ","):
        if seenPoint || integerDigits == 0 { return nil }
        if sawComma && digitsSinceComma != 3 { return nil }
        if !sawComma && integerDigits > 3 { return nil }
        sawComma = true
        digitsSinceComma = 0
      case UInt8(ascii: "."):
        if seenPoint || integerDigits == 0 { return nil }
        if sawComma && digitsSinceComma != 3 { return nil }
        seenPoint = true
      default:
        return nil
      }
    }
    if integerDigits == 0 { return nil }
    if sawComma && !seenPoint && digitsSinceComma != 3 { return nil }
    if seenPoint && scale == 0 { return nil }
    return ExactDecimal(significand: negative ? -significand : significand, scale: scale)
  }

  /// The same value as an exact fraction.
  public var rational: Rational {
    Rational(uncheckedNumerator: significand, denominator: Rational.powerOfTen(scale))
  }

  /// The value with thousands separators and its printed decimals, e.g. `1,250,000` or `6.25`.
  public var description: String { formatted(grouping: true) }

  /// The value as text.
  ///
  /// - Parameter grouping: Whether to separate thousands with commas.
  public func formatted(grouping: Bool) -> String {
    withFormattedBytes(grouping: grouping) { String(decoding: $0, as: UTF8.self) }
  }

  /// Writes a magnitude's digits right to left, ending before `start`, with the point `scale` digits from the
  /// right and, when grouping, a comma between thousands; at least one digit stands before the point.
  ///
  /// - Parameters:
  ///   - magnitude: The significand's magnitude.
  ///   - start: The offset the text ends before; on return, the offset of its first byte.
  @inline(__always)
  private static func writeDigits<Magnitude: FixedWidthInteger & UnsignedInteger>(
    of magnitude: Magnitude, scale: Int, grouping: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>,
    before start: inout Int
  ) {
    var remaining = magnitude
    var written = 0
    while remaining > 0 || written <= scale {
      if written == scale && scale > 0 {
        start -= 1
        buffer[start] = 0x2E
      }
      let integerDigits = written - scale
      if grouping && integerDigits > 0 && integerDigits % 3 == 0 {
        start -= 1
        buffer[start] = 0x2C
      }
      let (quotient, digit) = remaining.quotientAndRemainder(dividingBy: 10)
      start -= 1
      buffer[start] = 0x30 + UInt8(truncatingIfNeeded: digit)
      remaining = quotient
      written += 1
    }
  }

  /// Appends the value's text (see ``formatted(grouping:)``) to UTF-8 output, no `String` made.
  ///
  /// - Parameters:
  ///   - grouping: Whether to separate thousands with commas.
  ///   - output: The bytes to append to.
  public func appendFormatted(grouping: Bool, to output: inout [UInt8]) {
    withFormattedBytes(grouping: grouping) { output.append(contentsOf: $0) }
  }

  /// Calls `body` with the value's text (see ``formatted(grouping:)``) as UTF-8 bytes, no `String` made: for
  /// a writer of output of its own.
  ///
  /// - Parameters:
  ///   - grouping: Whether to separate thousands with commas.
  ///   - body: What to do with the bytes, which are valid only during the call.
  public func withFormattedText(grouping: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    withFormattedBytes(grouping: grouping, body)
  }

  /// Calls `body` with a whole number's text, as ``withFormattedText(grouping:_:)`` of its decimal without
  /// grouping writes it, as UTF-8 bytes, no decimal made: the digits of lines, pages and counts in a report.
  ///
  /// - Parameters:
  ///   - value: The number.
  ///   - body: What to do with the bytes, which are valid only during the call.
  public static func withWholeNumberText(_ value: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    // Nineteen digits and a sign hold any `Int`.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
      var start = buffer.count
      writeDigits(of: value.magnitude, scale: 0, grouping: false, into: buffer, before: &start)
      if value < 0 {
        start -= 1
        buffer[start] = 0x2D
      }
      body(UnsafeBufferPointer(rebasing: buffer[start...]))
    }
  }

  /// Calls `body` with the value's text (see ``formatted(grouping:)``) as UTF-8 bytes.
  ///
  /// The digits are written right to left into a small buffer (a `UInt128` has at most 39 digits, and
  /// its commas, point, padding zeros and sign fit beside them); a significand that fits 64 bits is divided
  /// in 64 bits. It is generic and internal: called from another module it would not be specialised, and
  /// its buffer would come from the heap (see ``appendFormatted(grouping:to:)``).
  ///
  /// - Parameters:
  ///   - grouping: Whether to separate thousands with commas.
  ///   - body: What to do with the bytes, which are valid only during the call.
  func withFormattedBytes<Result>(grouping: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    // Digits, a comma per three of them, the zeros that pad a small fraction, the point and the sign.
    let capacity = 39 + 13 + ExactDecimal.maximumScale + scale + 2
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
      var start = buffer.count
      if let small = UInt64(exactly: significand.magnitude) {
        ExactDecimal.writeDigits(of: small, scale: scale, grouping: grouping, into: buffer, before: &start)
      } else {
        ExactDecimal.writeDigits(
          of: significand.magnitude, scale: scale, grouping: grouping, into: buffer, before: &start)
      }
      if significand < 0 {
        start -= 1
        buffer[start] = 0x2D
      }
      return body(UnsafeBufferPointer(rebasing: buffer[start...]))
    }
  }
}
