import BocheckModel
import Testing

@testable import BocheckRules

/// A filter whose condition compares a field of its element with texts (`rows[status != "missing"]`) reads an
/// element that has the field in place; it keeps, counts and gives up on exactly the elements the general
/// evaluation of the condition does.
@Suite("Rules: filters that compare a field of their element with texts")
struct RulesElementTextTestTests {
  /// A value as message text, with unknown as "?".
  private static func describe(_ value: Value) -> String {
    value.isNull ? "?" : ValueFormatter.message(value)
  }

  @Test("a filter and a count of it give what the general evaluation of their condition gives")
  func shortcutEqualsGeneralCondition() throws {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    let count = try #require(BuiltinFunctions.all["count"])
    let (alpha, gamma) = (bridge.persons[0], bridge.persons[2])
    let aggregate = PersonSlot.firstRow + (RowField.allCases.firstIndex(of: .aggregateAmountOwned) ?? 0)
    // Rows read and missing, persons (no status), parts (a kind), a party, texts, unknown: elements with the
    // field, elements without it (an outer element or the fallback then decides) and values that are no object.
    var elements: [Value] = alpha[PersonSlot.rows].listItems + gamma[PersonSlot.rows].listItems
    elements += bridge.persons.map { .object($0) } + bridge.parties.map { .object($0) }
    elements += alpha.fields[aggregate].objectField("parts").listItems
    elements += [.string("read"), .null, .number(Rational(3), decimals: nil), gamma.fields[aggregate]]
    let lists: [[Value]] = [
      elements, alpha[PersonSlot.rows].listItems, gamma[PersonSlot.rows].listItems, [], Array(elements.reversed()),
    ]
    let texts = TextSet(["read", "missing", "Alpha Fund LP", "warrant"])
    var conditions: [ResolvedExpression] = []
    // Texts, and fields whose values are numbers, truth values, lists or unknown (a row without a note).
    for name in ["status", "name", "kind", "field", "page", "signs", "parts", "note"] {
      let field = ResolvedExpression.elementField(FieldAccess(name), fallback: .variable(0))
      for negated in [false, true] {
        conditions.append(.textEquality(field, "missing", negated: negated))
        conditions.append(.textEquality(field, "Alpha Fund LP", negated: negated))
        conditions.append(.textMembership(field, texts, negated: negated))
      }
      // The `is` tests of the field, which the filter reads in place too.
      for kind in TestKind.allCases { conditions.append(.test(field, kind)) }
    }
    let outerStacks: [[Value]] = [[], [.object(alpha)], [alpha.fields[aggregate]]]
    let fallbacks: [Value] = [.null, .string("missing"), .boolean(true)]
    for list in lists {
      for condition in conditions {
        // The same condition, of a form the filter evaluates in full.
        let general = ResolvedExpression.unary(.not, .unary(.not, condition))
        for outer in outerStacks {
          for fallback in fallbacks {
            var frame = Frame(variables: [fallback], context: bridge.context)
            frame.elements = outer
            let base = ResolvedExpression.constant(.list(list))
            let kept = Evaluator.evaluate(.filter(base, condition), in: &frame)
            let expected = Evaluator.evaluate(.filter(base, general), in: &frame)
            let context = "\(condition) over \(list.count) elements, outer \(outer.count), \(Self.describe(fallback))"
            #expect(Self.describe(kept) == Self.describe(expected), "\(context)")
            #expect(kept.isNull == expected.isNull, "\(context)")
            let counted = Evaluator.evaluate(.call(count, [.filter(base, condition)]), in: &frame)
            let expectedCount = Evaluator.evaluate(.call(count, [.filter(base, general)]), in: &frame)
            #expect(Self.describe(counted) == Self.describe(expectedCount), "count: \(context)")
            #expect(frame.elements.count == outer.count, "the filter leaves the outer elements: \(context)")
          }
        }
      }
    }
  }
}

extension Value {
  /// The elements of a list, or none for any other value.
  fileprivate var listItems: [Value] {
    if case .list(let items) = self { return items }
    return []
  }

  /// A field of the object the value holds, unknown for any other value.
  fileprivate func objectField(_ name: String) -> Value {
    if case .object(let object) = self { return object[name] }
    return .null
  }
}
