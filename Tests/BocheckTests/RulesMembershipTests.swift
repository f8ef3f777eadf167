import BocheckModel
import Testing

@testable import BocheckRules

/// `in` and `not in` over a list literal of texts give what comparing with each text gives.
@Suite("Rules: membership in a list of texts")
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
          .textMembership(.variable(0), Set(texts), negated: operation == .notIn), in: &frame)
        #expect(Self.describe(member) == Self.describe(compared), "\(Self.describe(operand)) \(operation)")
      }
    }
    let resolved = ExpressionResolver().resolve(try Parser.parse("filing.schedule in [\"13D\", \"13G\"]"))
    guard case .textMembership = resolved else {
      Issue.record("a list literal of texts is resolved to a membership test")
      return
    }
  }
}
