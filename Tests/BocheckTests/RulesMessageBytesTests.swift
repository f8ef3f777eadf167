import BocheckModel
import Testing

@testable import BocheckRules

/// A message's placeholders are written into its bytes without a text of their own: each value reads as
/// ``ValueFormatter/message(_:)`` prints it.
@Suite("Rules: message placeholders written as bytes")
struct RulesMessageBytesTests {
  /// The bytes ``ValueFormatter/appendMessage(_:to:)`` appends for a value, after some bytes already there.
  private static func appended(_ value: Value) -> String {
    var bytes = Array("x: ".utf8)
    ValueFormatter.appendMessage(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test("numbers, texts, truth values, lists, rows and persons read as the message prints them")
  func sameAsMessage() throws {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    let third = try Rational(numerator: 1, denominator: 3)
    let eighth = try Rational(numerator: -1, denominator: 8)
    var values: [Value] = [
      .null, .boolean(true), .boolean(false),
      .number(Rational(0), decimals: nil), .number(Rational(1_234_567), decimals: nil),
      .number(Rational(-42), decimals: nil), .number(Rational(1_000), decimals: 2), .number(third, decimals: nil),
      .number(eighth, decimals: nil), .number(eighth, decimals: 1), .number(Rational(7), decimals: 0),
      .string(""), .string("Zürich Fund, L.P."), .string("a text longer than fifteen bytes"),
      .list([]), .list([.string("A"), .number(Rational(2_500), decimals: nil), .null]),
    ]
    for person in bridge.persons {
      values.append(.object(person))
      values.append(person[PersonSlot.rows])
      if case .list(let rows) = person[PersonSlot.rows] { values += rows }
    }
    for value in values {
      #expect(Self.appended(value) == "x: " + ValueFormatter.message(value))
    }
    // The texts themselves, so that both ways cannot go wrong together.
    #expect(Self.appended(.number(Rational(1_234_567), decimals: nil)) == "x: 1,234,567")
    #expect(Self.appended(.number(Rational(-42), decimals: nil)) == "x: -42")
    #expect(Self.appended(.number(Rational(7), decimals: 0)) == "x: 7")
    #expect(Self.appended(.number(Rational(1_000), decimals: 2)) == "x: 1,000.00")
    #expect(Self.appended(.number(eighth, decimals: nil)) == "x: -0.125")
    #expect(Self.appended(.number(third, decimals: nil)) == "x: 0.333333")
    #expect(Self.appended(.object(bridge.persons[0])) == "x: Alpha Fund LP")
    #expect(ValueFormatter.plain(.number(Rational(-1_234_567), decimals: nil)) == "-1234567")
  }

  @Test("unknown, truth values, lists and fractions read as the message and the report fields print them")
  func oneWriter() throws {
    let third = try Rational(numerator: 1, denominator: 3)
    let quarter = try Rational(numerator: 5, denominator: 4)
    let list = Value.list([.string("A"), .number(Rational(2_500), decimals: nil), .null])
    #expect(Self.appended(.null) == "x: ?")
    #expect(Self.appended(.boolean(true)) == "x: true")
    #expect(Self.appended(.boolean(false)) == "x: false")
    #expect(Self.appended(.list([])) == "x: ")
    #expect(Self.appended(.list([.string("A")])) == "x: A")
    #expect(Self.appended(.list([.string("A"), .string("B")])) == "x: A and B")
    #expect(Self.appended(list) == "x: A, 2,500 and ?")
    #expect(Self.appended(.list([list, .string("B")])) == "x: A, 2,500 and ? and B")
    #expect(Self.appended(.number(quarter, decimals: nil)) == "x: 1.25")
    #expect(Self.appended(.number(Rational(12_345), decimals: 1)) == "x: 12,345.0")
    #expect(ValueFormatter.message(list) == "A, 2,500 and ?")
    #expect(ValueFormatter.plain(list) == "A, 2500 and ?")
    #expect(ValueFormatter.plain(.number(Rational(12_345), decimals: 1)) == "12345.0")
    #expect(ValueFormatter.plain(.number(third, decimals: nil)) == "0.333333")
    #expect(ValueFormatter.plain(.boolean(false)) == "false")
    #expect(ValueFormatter.plain(.null) == nil)
    #expect(ValueFormatter.number(quarter, decimals: nil, grouping: true) == "1.25")
  }
}
