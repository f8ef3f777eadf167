import Testing

@testable import BocheckRules

/// The text of a rule file whose checks are given inline, with the two examples every rule needs (parsed,
/// never run, by the tests that use it).
enum InlineRule {
  /// A rule file with this id and these `check:` blocks (each with its key, indented as in a file).
  static func text(id: String, checks: String) -> String {
    """
    id: \(id)
    severity: error
    summary: An inline check.
    source: none
    rationale: none

    \(checks)

    example:
      expect: filing
      filing:
        | SCHEDULE 13D

    example:
      expect: none
      filing:
        | SCHEDULE 13D

    """
  }
}

/// A check's steps are reused for exactly as long as the bindings they name keep their elements.
@Suite("Rules: check programs")
struct RulesProgramTests {
  /// The program of a check written inline in a rule file.
  private static func program(_ check: String) throws -> CheckRunner.Program {
    let rule = try RuleSet.parseRule(
      text: InlineRule.text(id: "inline", checks: "check:\n" + check), path: "inline.rule")
    return try #require(rule.programs.first)
  }

  @Test("a step depends on the outermost bindings it names, directly or through a let")
  func stepLevels() throws {
    let program = try Self.program(
      """
        for: person in persons, row in person.rows where row.status != "missing"
        where: person.reportingPersonName is present and filing.format == "xml"
        let: size = count(person.rows[status != "missing"])
        let: half = size / 2
        let: total = count(persons)
        where: row.number > half and total > 1
        expect: false
        at: row
        message: "{person}"
      """)
    // The conditions are steps; the `let:`s are deferred: `size` and `half` depend on the person, `total` on
    // no binding.
    #expect(program.steps.map(\.level) == [2, 1, 0, 2, 0])
    #expect(program.stepsToForget == [[0, 1, 3], [0, 3]])
    #expect(program.deferredLets.map(\.slot) == [5, 6, 7])
    #expect(program.deferredLetsToForget == [[0, 1], []])
  }

  @Test("a name inside a filter that a variable also has counts as the variable")
  func fieldNamedAsAVariable() throws {
    let program = try Self.program(
      """
        for: person in persons
        let: page = person.page
        where: count(persons[page > 1]) > 0
        expect: false
        at: person
        message: "{person}"
      """)
    #expect(program.steps.map(\.level) == [1])
    #expect(program.deferredLetsToForget == [[0]])
  }
}
