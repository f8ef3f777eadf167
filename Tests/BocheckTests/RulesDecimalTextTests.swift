import Testing

@testable import BocheckModel

/// An exact decimal prints, byte by byte, as the `String` logic printed it, which messages and reports rely on.
@Suite("Rules: decimals as text")
struct RulesDecimalTextTests {
  /// The text as it was made before it was written byte by byte: padded digits cut into groups of three.
  static func referenceText(_ value: ExactDecimal, grouping: Bool) -> String {
    let negative = value.significand < 0
    let digits = String(negative ? -value.significand : value.significand)
    let padded = String(repeating: "0", count: max(0, value.scale + 1 - digits.count)) + digits
    let integerPart = padded.dropLast(value.scale)
    let fraction = padded.suffix(value.scale)
    var integerText = String(integerPart)
    if grouping && integerText.count > 3 {
      var groups: [Substring] = []
      var end = integerText.endIndex
      while end > integerText.startIndex {
        let start = integerText.index(end, offsetBy: -3, limitedBy: integerText.startIndex) ?? integerText.startIndex
        groups.insert(integerText[start..<end], at: 0)
        end = start
      }
      integerText = groups.joined(separator: ",")
    }
    return (negative ? "-" : "") + integerText + (value.scale > 0 ? "." + fraction : "")
  }

  @Test("every invented decimal prints as the String logic printed it, with and without grouping")
  func textEqualsTheStringLogic() {
    let significands: [Int128] = [
      0, 1, -1, 7, 12, 123, 999, 1000, -1000, 1234, 12_345, 123_456, 1_234_567, -9_876_543_210, 100_000_000,
      Int128(Int64.max), -Int128(Int64.max), 10_000_000_000_000_000_000_000, 9, 10, 99, 100, -5, -999,
      999_999_999_999_999, 42_000_000_000_000_000, Int128.max, Int128.min + 1,
      // The largest magnitude written in 64 bits, and the first written in 128.
      Int128(UInt64.max), -Int128(UInt64.max), Int128(UInt64.max) + 1, -Int128(UInt64.max) - 1,
    ]
    for significand in significands {
      for scale in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12] {
        let value = ExactDecimal(significand: significand, scale: scale)
        for grouping in [true, false] {
          #expect(
            value.formatted(grouping: grouping) == Self.referenceText(value, grouping: grouping),
            "\(significand) scale \(scale) grouping \(grouping)")
          // The bytes appended to a report are the text's, after what the report holds already.
          var output = Array("x".utf8)
          value.appendFormatted(grouping: grouping, to: &output)
          #expect(output == Array(("x" + Self.referenceText(value, grouping: grouping)).utf8))
        }
      }
    }
    #expect(ExactDecimal(significand: 5, scale: 2).description == "0.05")
    #expect(ExactDecimal(significand: -1_234_567_5, scale: 1).description == "-1,234,567.5")
  }
}
