import BocheckModel
import Testing

@testable import BocheckRules

/// The evaluator's shortcuts give what the general paths they stand for give.
@Suite("Rules: text sets and fields of variables")
struct RulesFastPathTests {
  /// A value as message text, with unknown as "?" and true/false spelled out.
  private static func describe(_ value: Value) -> String {
    if case .boolean(let flag) = value { return flag ? "true" : "false" }
    return value.isNull ? "?" : ValueFormatter.message(value)
  }

  @Test("a text set holds exactly the texts a Set of its texts holds, under String equality")
  func textSetEqualsSet() {
    // The Kelvin sign equals the letter K, and a decomposed é the composed one, under String equality.
    let sets: [Set<String>] = [
      ["PN", "IN", "soleVotingPower", ""], ["K", "caf\u{E9}"], ["\u{212A}", "cafe\u{301}", "OO"], [],
      ["soleDispositivePower", "aggregateAmountOwned", "sharedVotingPower", "BD", "BK", "IC"],
      ["ABCDEFGHK", "ABCDEFGHIJKLMNOPQR"],
    ]
    let texts = [
      "PN", "pn", "", "soleVotingPower", "soleVotingPowe", "K", "\u{212A}", "caf\u{E9}", "cafe\u{301}", "cafe",
      "OO", "O", "IN ", "\u{E9}", "soleDispositivePower", "aggregateAmountOwned", "aggregateAmountOwnex",
      "sharedVotingPower", "BK", "IC", "ICB", "B", "a text long enough to be stored outside the string itself",
      // A text that is not ASCII only past its first eight bytes: in the next eight, or in the bytes after them.
      "ABCDEFGH\u{212A}", "ABCDEFGHIJ\u{212A}LMNOPQR", "ABCDEFGHIJKLMNOP\u{212A}R", "ABCDEFGHIJKLMNOPQ\u{212A}",
    ]
    for set in sets {
      let textSet = TextSet(set)
      for text in texts {
        #expect(textSet.contains(text) == set.contains(text), "\(set.sorted()) contains '\(text)'")
      }
    }
  }

  @Test("a field of a variable is the member of the variable's value, for every kind of value")
  func variableMemberEqualsMember() {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    let person = bridge.persons[0]
    let values: [Value] = [
      .null, .string("PN"), .boolean(true), .number(Rational(1), decimals: nil), .object(bridge.filing),
      .object(person), person.fields[PersonSlot.firstRow + 6], .list(bridge.persons.map { .object($0) }),
      person[PersonSlot.rows],
    ]
    for name in ["status", "rows", "name", "page", "shares", "parts", "noSuchField"] {
      let field = FieldAccess(name)
      for value in values {
        var frame = Frame(variables: [value], context: bridge.context)
        let general = Evaluator.evaluate(.member(.variable(0), field), in: &frame)
        let shortcut = Evaluator.evaluate(.variableMember(0, field), in: &frame)
        #expect(Self.describe(shortcut) == Self.describe(general), "\(Self.describe(value)).\(name)")
      }
    }
  }

  @Test("a condition is the truth of the value its expression evaluates to, for every kind of condition and value")
  func conditionEqualsTruthOfValue() {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    let person = bridge.persons[0]
    let row = person.fields[PersonSlot.firstRow + 6]
    let values: [Value] = [
      .null, .boolean(true), .boolean(false), .string("PN"), .string("read"), .string(""),
      .number(Rational(1), decimals: nil), .object(person), row, .list([]), person[PersonSlot.rows],
    ]
    let status = FieldAccess("status")
    let texts = TextSet(["PN", "read", "missing"])
    var leaves: [ResolvedExpression] = [
      .variable(0), .binary(.less, .variable(0), .constant(.number(Rational(2), decimals: nil))),
      .binary(.equal, .variable(0), .variable(1)), .binary(.notEqual, .variable(1), .variable(0)),
      .binary(.greaterOrEqual, .variable(0), .variable(1)), .binary(.in, .variable(0), .variable(1)),
      .binary(.notIn, .variable(0), .constant(.list([.string("PN"), .null]))),
    ]
    for kind in TestKind.allCases {
      leaves.append(.test(.variable(0), kind))
      leaves.append(.test(.variableMember(1, status), kind))
    }
    for negated in [false, true] {
      leaves.append(.textMembership(.variable(0), texts, negated: negated))
      leaves.append(.textMembership(.variableMember(1, status), texts, negated: negated))
      leaves.append(.textEquality(.variable(1), "read", negated: negated))
      leaves.append(.textEquality(.variableMember(0, status), "read", negated: negated))
    }
    var conditions = leaves
    for (left, right) in zip(leaves, leaves.dropFirst(3) + leaves.prefix(3)) {
      conditions.append(.unary(.not, left))
      conditions.append(.binary(.and, left, right))
      conditions.append(.binary(.or, left, .unary(.not, right)))
      conditions.append(.binary(.and, .binary(.or, left, right), .unary(.not, .binary(.and, right, left))))
    }
    for first in values {
      for second in values {
        var frame = Frame(variables: [first, second], context: bridge.context)
        for condition in conditions {
          let value = Evaluator.evaluate(condition, in: &frame)
          let expected: Bool? = if case .boolean(let flag) = value { flag } else { nil }
          #expect(
            Evaluator.condition(condition, in: &frame) == expected,
            "\(condition) with \(Self.describe(first)), \(Self.describe(second))")
        }
      }
    }
  }

  @Test("a field of a filter's element is read as a condition and an operand as evaluating the name reads it")
  func elementFieldShortcutEqualsEvaluatedField() throws {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    let person = bridge.persons[0]
    let row = person.fields[PersonSlot.firstRow + 6]
    let first = try #require(BuiltinFunctions.all["first"])
    // Innermost last: an object with the field, one without it (an outer element or the fallback has it), a
    // value that is no object, and no element at all.
    // Two persons on different pages, and their rows 11: one read, one missing (Gamma's), so that an outer
    // element's field differs from the innermost's.
    let aggregate = PersonSlot.firstRow + (RowField.allCases.firstIndex(of: .aggregateAmountOwned) ?? 0)
    let (readRow, missingRow) = (person.fields[aggregate], bridge.persons[2].fields[aggregate])
    let elementStacks: [[Value]] = [
      [], [row], [.object(person)], [row, .object(person)], [.object(person), row], [.string("read")],
      [row, .null], [.object(bridge.parties.first ?? person)], [.object(person), .object(bridge.persons[1])],
      [readRow, missingRow], [missingRow, readRow],
    ]
    let fallbacks: [Value] = [.null, .string("read"), .boolean(true), .list([])]
    for name in ["status", "signs", "page"] {
      let field = ResolvedExpression.elementField(FieldAccess(name), fallback: .variable(0))
      // The same field read through the general evaluation of a list's first element.
      let general = ResolvedExpression.call(first, [.list([field])])
      var pairs: [(ResolvedExpression, ResolvedExpression)] = [(field, general)]
      for kind in TestKind.allCases { pairs.append((.test(field, kind), .test(general, kind))) }
      for negated in [false, true] {
        pairs.append((.textEquality(field, "read", negated: negated), .textEquality(general, "read", negated: negated)))
        let texts = TextSet(["read", "missing"])
        pairs.append(
          (.textMembership(field, texts, negated: negated), .textMembership(general, texts, negated: negated)))
      }
      for elements in elementStacks {
        for fallback in fallbacks {
          var frame = Frame(variables: [fallback], context: bridge.context)
          frame.elements = elements
          for (shortcut, expected) in pairs {
            let description = "\(name) over \(elements.map(Self.describe)) with \(Self.describe(fallback))"
            #expect(
              Evaluator.condition(shortcut, in: &frame) == Evaluator.condition(expected, in: &frame), "\(description)")
            #expect(
              Self.describe(Evaluator.evaluate(shortcut, in: &frame))
                == Self.describe(Evaluator.evaluate(expected, in: &frame)), "\(description)")
          }
        }
      }
    }
  }

  @Test("a field of a variable is resolved to the shortcut")
  func variableMemberIsResolved() throws {
    let resolved = ExpressionResolver().resolve(try Parser.parse("filing.schedule"))
    guard case .variableMember = resolved else {
      Issue.record("filing.schedule is resolved to a field of a variable")
      return
    }
  }

  @Test("a context's holders and parties are made when first read, once, and read as made")
  func contextTablesAreMadeOnceWhenFirstRead() {
    var holdersMade = 0
    var partiesMade = 0
    let person = Value.string("Alpha GP LLC")
    let context = EvaluationContext(
      holdersByPage: {
        holdersMade += 1
        return [2: [person]]
      }, personsByNameKey: [:],
      partiesByName: {
        partiesMade += 1
        return NameIndex<ModelObject>(keyed: [], values: [])
      })
    #expect(holdersMade == 0 && partiesMade == 0)
    for _ in 0..<3 {
      #expect(context.holders(ofPage: 2)?.count == 1)
      #expect(context.holders(ofPage: 1) == nil)
    }
    #expect(holdersMade == 1 && partiesMade == 0)
    _ = context.partiesByName
    _ = context.partiesByName
    #expect(partiesMade == 1)
  }
}
