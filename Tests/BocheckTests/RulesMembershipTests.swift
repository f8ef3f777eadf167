import BocheckModel
import Testing

@testable import BocheckRules

/// `in` and `not in` over a list literal of texts, and `==` and `!=` with a text literal, give what comparing
/// the values gives.
@Suite("Rules: membership in a list of texts and equality with a text")
struct RulesMembershipTests {
  /// A value as message text, with unknown as "?" and true/false spelled out.
  private static func describe(_ value: Value) -> String {
    if case .boolean(let flag) = value { return flag ? "true" : "false" }
    return value.isNull ? "?" : ValueFormatter.message(value)
  }

  @Test("every kind of value is found, not found or unknown as element-by-element comparison says")
  func membershipEqualsComparison() throws {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    let texts = ["PN", "IN", "soleVotingPower", ""]
    let list = ResolvedExpression.constant(.list(texts.map { .string($0) }))
    let operands: [Value] = [
      .null, .string("PN"), .string("pn"), .string(""), .string("soleVotingPower"), .string("other"),
      .boolean(true), .number(Rational(1), decimals: nil), .list([.string("PN")]), .object(bridge.filing),
      bridge.persons[0].fields[PersonSlot.firstRow + 6],
    ]
    for operand in operands {
      for operation in [BinaryOperator.in, .notIn] {
        var frame = Frame(variables: [operand], context: bridge.context)
        let compared = Evaluator.evaluate(.binary(operation, .variable(0), list), in: &frame)
        let member = Evaluator.evaluate(
          .textMembership(.variable(0), TextSet(Set(texts)), negated: operation == .notIn), in: &frame)
        #expect(Self.describe(member) == Self.describe(compared), "\(Self.describe(operand)) \(operation)")
      }
    }
    for operand in operands {
      for operation in [BinaryOperator.equal, .notEqual] {
        for text in ["PN", "", "soleVotingPower"] {
          var frame = Frame(variables: [operand], context: bridge.context)
          let constant = ResolvedExpression.constant(.string(text))
          let compared = Evaluator.evaluate(.binary(operation, .variable(0), constant), in: &frame)
          let reversed = Evaluator.evaluate(.binary(operation, constant, .variable(0)), in: &frame)
          let equality = Evaluator.evaluate(
            .textEquality(.variable(0), text, negated: operation == .notEqual), in: &frame)
          #expect(Self.describe(equality) == Self.describe(compared), "\(Self.describe(operand)) \(operation) \(text)")
          #expect(Self.describe(equality) == Self.describe(reversed), "\(text) \(operation) \(Self.describe(operand))")
        }
      }
    }
    let resolved = ExpressionResolver().resolve(try Parser.parse("filing.schedule in [\"13D\", \"13G\"]"))
    guard case .textMembership = resolved else {
      Issue.record("a list literal of texts is resolved to a membership test")
      return
    }
  }
}
