import BocheckModel
import Testing

@testable import BocheckRules

/// A `where:` condition or an expectation that tests the innermost binding's element alone (`row.status !=
/// "missing"`, `row is present`) is decided for the element before it is bound: the elements it rules out
/// give no finding, and the check finds exactly what evaluating every element in full finds.
@Suite("Rules: conditions on the innermost binding's element")
struct RulesElementConditionTests {
  /// The findings of a check over the harness's filing (three persons, pages 1 to 3), and how many of its
  /// conditions are decided before the element is bound.
  private static func run(_ check: RuleCheck) -> (findings: [Finding], elementConditions: Int) {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    var runner = CheckRunner.Runner(bridge: bridge)
    let program = CheckRunner.Program(check)
    return (runner.run(program, ruleID: "element-condition", severity: .error), program.elementConditions.count)
  }

  /// A check with the given bindings, `where:` conditions and expectation; `general` wraps every condition in
  /// `not not (...)`, which means the same and is evaluated in full.
  private static func check(
    _ bindings: [(String, String)], wheres: [String], expect: String, general: Bool
  ) throws -> RuleCheck {
    let spelled = { (text: String) in general ? "not not (\(text))" : text }
    return RuleCheck(
      bindings: try bindings.map { RuleCheck.Binding(name: $0.0, list: try Parser.parse($0.1)) },
      steps: try wheres.map { .filtering(try Parser.parse(spelled($0))) },
      expectation: try Parser.parse(spelled(expect)), target: try Parser.parse(bindings.last?.0 ?? "filing"),
      message: try MessageTemplate.parse("{\(bindings.last?.0 ?? "filing")}"), severity: nil, expected: nil,
      actual: nil, person: nil)
  }

  @Test("a check finds what it finds with every element evaluated in full")
  func sameFindingsAsGeneralEvaluation() throws {
    let rows = [("person", "persons"), ("row", "person.rows")]
    let persons = [("person", "persons")]
    let items = [("item", "[1, \"read\", 2]")]
    // Texts and tests of a field and of the element itself; fields that are unknown for some rows (a note, a
    // text, parts), conditions that are true, false and unknown.
    let rowConditions = [
      "row.status != \"missing\"", "row.status == \"missing\"", "row.status in [\"read\", \"recovered\"]",
      "row.field not in [\"soleVotingPower\", \"aggregateAmountOwned\"]", "row is present", "row is missing",
      "row.note is null", "row.text == \"Alpha Fund LP\"", "row.parts is not empty", "row.parts is empty",
      "row.noSuchField is null",
      // The element itself, an object, compared with texts (never equal) and tested for being known or empty.
      "row != \"read\"", "row in [\"read\", \"missing\"]", "row is not null", "row is empty",
    ]
    var cases: [(bindings: [(String, String)], wheres: [String], expect: String, decided: Bool)] = []
    for expect in rowConditions {
      cases.append((rows, [], expect, true))
      cases.append((rows, ["person.page > 1"], expect, true))
      for condition in rowConditions.prefix(5) {
        cases.append((rows, [condition], expect, true))
        cases.append((rows, [condition, "person.page != 2", "row.note is null"], expect, true))
      }
      // An expectation of another form: the `where:` conditions alone are decided early.
      cases.append((rows, [expect], "row.line < 0", true))
    }
    for expect in [
      "person.name != \"Beta Fund LP\"", "person.aggregateAmountOwned is present", "person is null",
      "person == \"Alpha Fund LP\"", "person is not empty", "person is present",
    ] {
      cases.append((persons, [], expect, true))
      cases.append((persons, ["person.page in [1, 3]"], expect, true))
    }
    // Elements that are no objects are bound and evaluated in full.
    for expect in ["item != \"read\"", "item is null", "item is not null"] {
      cases.append((items, [], expect, true))
    }
    for (bindings, wheres, expect, decided) in cases {
      let early = Self.run(try Self.check(bindings, wheres: wheres, expect: expect, general: false))
      let full = Self.run(try Self.check(bindings, wheres: wheres, expect: expect, general: true))
      let context = "\(bindings.map(\.0)) where \(wheres) expect \(expect)"
      #expect(early.findings == full.findings, "\(context)")
      #expect(full.elementConditions == 0, "\(context)")
      if decided { #expect(early.elementConditions > 0, "\(context)") }
    }
  }

  @Test("the conditions are asked the cheapest first, and find what they find in file order")
  func cheapestConditionsFirst() throws {
    let rows = [("person", "persons"), ("row", "person.rows")]
    let wheres = ["row.field in [\"soleVotingPower\", \"percentOfClass\"]", "row.status != \"read\""]
    let check = try Self.check(rows, wheres: wheres, expect: "row is present", general: false)
    #expect(CheckRunner.Program(check).elementConditions.map(\.cost) == [0, 1, 2])
    let full = Self.run(try Self.check(rows, wheres: wheres, expect: "row is present", general: true))
    #expect(Self.run(check).findings == full.findings)
    #expect(!full.findings.isEmpty)
  }

  @Test("a let: that sets the innermost binding's slot keeps every condition evaluated in full")
  func shadowedSlotIsNotDecidedEarly() throws {
    // `row` is bound, then set again: a condition on `row` reads the value the `let:` gave it.
    let check = RuleCheck(
      bindings: [
        RuleCheck.Binding(name: "person", list: try Parser.parse("persons")),
        RuleCheck.Binding(name: "row", list: try Parser.parse("person.rows")),
      ],
      steps: [.letting("row", try Parser.parse("person.aggregateAmountOwned"))],
      expectation: try Parser.parse("row.status != \"missing\""), target: try Parser.parse("person"),
      message: try MessageTemplate.parse("{person}"), severity: nil, expected: nil, actual: nil, person: nil)
    let result = Self.run(check)
    #expect(result.elementConditions == 0)
    // Gamma's row 11 is missing: one finding for each of its rows, whatever their own status.
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    guard case .list(let gammaRows) = bridge.persons[2][PersonSlot.rows] else {
      Issue.record("a person's rows are a list")
      return
    }
    #expect(Set(result.findings.map(\.page)) == [3])
    #expect(result.findings.count == gammaRows.count)
  }
}
