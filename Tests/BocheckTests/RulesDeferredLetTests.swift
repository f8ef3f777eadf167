import BocheckModel
import Foundation
import Testing

@testable import BocheckRules

/// A `let:` is worked out when something first reads it, once for as long as the bindings it depends on keep
/// their elements, and means there what it means where the check defines it.
@Suite("Rules: deferred lets")
struct RulesDeferredLetTests {
  /// Counts the calls of a building block, to see when a `let:` is evaluated.
  private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    var count: Int { lock.withLock { calls } }
    func increment() { lock.withLock { calls += 1 } }
  }

  /// A building block that counts its calls and gives 7.
  private static func counting(_ counter: CallCounter) -> BuiltinFunction {
    BuiltinFunction(
      name: "counted", arity: 0...0, summary: "", resultType: { _ in .number },
      evaluate: { _, _ in
        counter.increment()
        return .number(Rational(7), decimals: nil)
      })
  }

  @Test("a deferred let is evaluated when first read, kept, and evaluated again once forgotten")
  func evaluatedWhenRead() {
    let counter = CallCounter()
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    var frame = Frame(variables: [.null], context: bridge.context)
    frame.deferredLets = [DeferredLet(slot: 0, expression: .call(Self.counting(counter), []))]
    frame.deferredLetsKnown = [false]
    let read = ResolvedExpression.deferredLet(0, slot: 0)
    // `true or x` does not read x.
    let decided = Evaluator.evaluate(.binary(.or, .constant(.boolean(true)), read), in: &frame)
    #expect(ValueFormatter.message(decided) == "true")
    #expect(counter.count == 0)
    #expect(ValueFormatter.message(Evaluator.evaluate(read, in: &frame)) == "7")
    #expect(ValueFormatter.message(Evaluator.evaluate(read, in: &frame)) == "7")
    #expect(counter.count == 1)
    frame.deferredLetsKnown[0] = false
    #expect(ValueFormatter.message(Evaluator.evaluate(read, in: &frame)) == "7")
    #expect(counter.count == 2)
  }

  @Test("a deferred let read inside a filter is evaluated outside every filter")
  func evaluatedOutsideFilters() throws {
    // `page` in the let is the variable (slot 0), as where the check defines it; inside the filter over the
    // persons it would be each person's page.
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    var frame = Frame(variables: [.number(Rational(2), decimals: nil), bridge.globals[0]], context: bridge.context)
    let page = ResolvedExpression.elementField(FieldAccess("page"), fallback: .variable(0))
    let two = ResolvedExpression.constant(.number(Rational(2), decimals: nil))
    let one = Value.number(Rational(1), decimals: nil)
    frame.deferredLets = [
      DeferredLet(slot: 1, expression: .filter(.constant(.list([one])), .binary(.equal, page, two)))
    ]
    frame.deferredLetsKnown = [false]
    // persons[count(let) == 1]: the let keeps its one element only if `page` reads 2, the variable.
    let persons = ResolvedExpression.constant(.list(bridge.persons.map { .object($0) }))
    let counted = ResolvedExpression.call(try #require(BuiltinFunctions.all["count"]), [.deferredLet(0, slot: 1)])
    let kept = Evaluator.evaluate(
      .filter(persons, .binary(.equal, counted, .constant(.number(Rational(1), decimals: nil)))), in: &frame)
    guard case .list(let items) = kept else {
      Issue.record("the filter gives a list")
      return
    }
    #expect(items.count == bridge.persons.count)
    #expect(frame.elements.isEmpty)
  }

  @Test("a let read only by a message gives each finding its own binding's value")
  func messageReadsTheCurrentBinding() throws {
    let check = RuleCheck(
      bindings: [RuleCheck.Binding(name: "person", list: try Parser.parse("persons"))],
      steps: [
        .letting("tenfold", try Parser.parse("person.page * 10")),
        .letting("unused", try Parser.parse("count(persons[page > tenfold])")),
      ],
      expectation: try Parser.parse("person.page > 5 or tenfold < 0"), target: try Parser.parse("person"),
      message: try MessageTemplate.parse("{tenfold}"), severity: nil, expected: nil, actual: nil, person: nil)
    let program = CheckRunner.Program(check)
    #expect(program.steps.isEmpty)
    #expect(program.deferredLets.count == 2)
    var runner = CheckRunner.Runner(bridge: ModelBridge(filing: LanguageHarness.filing, basis: nil))
    #expect(runner.run(program, ruleID: "deferred", severity: .error).map(\.message) == ["10", "20", "30"])
  }
}
