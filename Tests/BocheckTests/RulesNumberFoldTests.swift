import Testing

@testable import BocheckRules

/// `sum`, `min` and `max` combine a list's numbers as they come, without a list of them: the results are the
/// general ones, and an element that is no known number, or an overflow, makes the result unknown wherever it
/// comes in the list.
@Suite("Rules: sum, min and max over a list's numbers")
struct RulesNumberFoldTests {
  @Test("sum, min and max of numbers, of amount rows, and of an empty list")
  func knownResults() throws {
    #expect(try LanguageHarness.text("sum([3, 1, 2])") == "6")
    #expect(try LanguageHarness.text("sum([0.1, 0.2]) == 0.3") == "true")
    #expect(try LanguageHarness.text("min([3, 1, 2])") == "1")
    #expect(try LanguageHarness.text("max([3, 1, 2])") == "3")
    #expect(try LanguageHarness.text("min([2, -1.5, 7])") == "-1.5")
    #expect(try LanguageHarness.text("max([2, -1.5, 7])") == "7")
    // Rows act as their numbers (Alpha 1,000 and Beta 2,500).
    #expect(try LanguageHarness.text("sum(persons[page < 3].aggregateAmountOwned)") == "3,500")
    #expect(try LanguageHarness.text("min(persons[page < 3].aggregateAmountOwned)") == "1,000")
    #expect(try LanguageHarness.text("max(persons[page < 3].aggregateAmountOwned)") == "2,500")
    // An empty list sums to 0 and has no smallest or largest number.
    #expect(try LanguageHarness.text("sum(persons[page > 9].aggregateAmountOwned)") == "0")
    #expect(try LanguageHarness.evaluate("min(persons[page > 9].aggregateAmountOwned)").isNull)
    #expect(try LanguageHarness.evaluate("max(persons[page > 9].aggregateAmountOwned)").isNull)
  }

  @Test("a fold of a member of a list's elements, read as it goes, equals the fold of the list of the members")
  func foldedMembers() throws {
    // Each expression folds `base.field` without making the list of the members (nor of the filter's
    // elements); adding an empty list to it makes the list first, folded as any list.
    let expressions = [
      // Alpha's parts (600 + 400): a list field of each element, flattened; Gamma's missing row has no parts.
      "persons.aggregateAmountOwned.parts.shares",
      "persons[page == 1].aggregateAmountOwned.parts.shares",
      "persons[page == 1].aggregateAmountOwned.parts[kind in [\"warrant\", \"option\"]].shares",
      "persons.page",
      "persons[page < 3].aggregateAmountOwned",
      // Nothing kept, and a filter unknown for Gamma (its aggregate is missing): 0 or unknown.
      "persons[page > 9].aggregateAmountOwned",
      "persons[aggregateAmountOwned > 1500].page",
      // Gamma's unknown aggregate among the members.
      "persons.aggregateAmountOwned",
      // A base that is no list.
      "first(persons[page > 9]).aggregateAmountOwned.parts.shares",
    ]
    var texts: [String] = []
    for expression in expressions {
      for function in ["sum", "min", "max"] {
        let folded = try LanguageHarness.text("\(function)(\(expression))")
        let listed = try LanguageHarness.text("\(function)(\(expression) + [])")
        #expect(folded == listed, "\(function)(\(expression))")
        texts.append(folded)
      }
    }
    // The results themselves, so that both ways cannot go wrong together.
    #expect(
      texts == [
        "?", "?", "?", "1,000", "400", "600", "400", "400", "400", "6", "1", "3", "3,500", "1,000", "2,500", "0",
        "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?",
      ])
  }

  @Test("an unknown element or an overflow makes the result unknown, wherever it comes")
  func unknownResults() throws {
    // Gamma's aggregate is missing: its row's number is unknown, last in page order and first in reverse.
    for list in ["persons.aggregateAmountOwned", "persons[page == 3].aggregateAmountOwned + [1, 2]"] {
      #expect(try LanguageHarness.evaluate("sum(\(list))").isNull, "sum(\(list))")
      #expect(try LanguageHarness.evaluate("min(\(list))").isNull, "min(\(list))")
      #expect(try LanguageHarness.evaluate("max(\(list))").isNull, "max(\(list))")
    }
    #expect(try LanguageHarness.evaluate("sum([1, null, 2])").isNull)
    // An overflow, before and after an unknown element, and with nothing unknown: each element is below
    // 2^127, two of them are above.
    let huge = "999,999,999,999,999 * 999,999,999,999,999 * 100,000,000"
    #expect(try LanguageHarness.text("max([\(huge), 1]) == \(huge)") == "true")
    for list in ["[\(huge), \(huge)]", "[\(huge), \(huge), null]", "[1, \(huge), \(huge)]"] {
      #expect(try LanguageHarness.evaluate("sum(\(list))").isNull, "sum(\(list))")
    }
  }
}
