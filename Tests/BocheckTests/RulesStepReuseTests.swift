import BocheckModel
import BocheckSeeded
import Testing

@testable import BocheckRules

/// A check's steps are reused for the bindings they do not depend on exactly when reusing them gives what
/// evaluating them again gives, and a field is read from the slot the schema gives it.
@Suite("Rules: reused steps and packed field slots")
struct RulesStepReuseTests {
  /// The findings of one check over the harness's filing (three persons, pages 1 to 3).
  private static func findings(_ check: RuleCheck) -> [Finding] {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    var runner = CheckRunner.Runner(bridge: bridge)
    return runner.run(CheckRunner.Program(check), ruleID: "step-reuse", severity: .error)
  }

  /// A check over every person with the given steps and expectation.
  private static func check(steps: [RuleCheck.Step], expect: String) throws -> RuleCheck {
    RuleCheck(
      bindings: [RuleCheck.Binding(name: "person", list: try Parser.parse("persons"))], steps: steps,
      expectation: try Parser.parse(expect), target: try Parser.parse("person"),
      message: try MessageTemplate.parse("{person}"), severity: nil, expected: nil, actual: nil, person: nil)
  }

  @Test("a let: that shares its slot with an earlier one is evaluated for every binding")
  func sharedSlotIsEvaluatedAgain() throws {
    // `n` is set from each person's page, then to 5 by a step that depends on no binding: reused, that step
    // would leave the second person's page in the slot.
    let steps: [RuleCheck.Step] = [
      .letting("n", try Parser.parse("person.page")), .filtering(try Parser.parse("n >= 1")),
      .letting("n", try Parser.parse("5")),
    ]
    #expect(CheckRunner.Program(try Self.check(steps: steps, expect: "n == 5")).reevaluated == [true, false, true])
    #expect(Self.findings(try Self.check(steps: steps, expect: "n == 5")).isEmpty)
    #expect(Self.findings(try Self.check(steps: steps, expect: "n != 5")).count == 3)
  }

  @Test("steps that depend on no binding are evaluated once and give every binding their value")
  func reusedStepsKeepTheirValues() throws {
    // `total` is the same for every person; the condition on it fails for no person, the one on the page
    // for the first only.
    let steps: [RuleCheck.Step] = [
      .letting("total", try Parser.parse("count(persons)")), .filtering(try Parser.parse("total == 3")),
      .filtering(try Parser.parse("person.page > 1")),
    ]
    let program = CheckRunner.Program(try Self.check(steps: steps, expect: "total == 2"))
    #expect(program.reevaluated == [false, false])
    #expect(program.steps.map(\.level) == [0, 1])
    #expect(program.deferredLetsToForget == [[]])
    let findings = Self.findings(try Self.check(steps: steps, expect: "total == 2"))
    #expect(findings.map(\.page) == [2, 3])
  }

  @Test("a field's packed slot in each kind is the slot the schema gives it")
  func packedSlotsAreSchemaSlots() {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    let person = bridge.persons[0]
    guard case .object(let row) = person.fields[PersonSlot.firstRow + 10],
      case .list(let parts) = row[RowSlot.parts], case .object(let part) = parts.first
    else {
      Issue.record("the harness's first person has an itemised row 11")
      return
    }
    let objects = [bridge.filing, person, row, part] + bridge.parties
    #expect(ObjectKind.allCases.count <= 8, "one byte per kind in 64 bits")
    var names = Set<String>()
    for kind in ObjectKind.allCases { names.formUnion(ModelSchema.fieldNames(of: kind)) }
    for name in names.sorted() + ["noSuchField", ""] {
      let access = FieldAccess(name)
      #expect(access.isField == ObjectKind.allCases.contains { ModelSchema.slot(of: name, in: $0) != nil }, "\(name)")
      for object in objects {
        let expected = ModelSchema.slot(of: name, in: object.kind).map { object.value(at: $0) }
        #expect(
          access.value(in: object).map(ValueFormatter.message) == expected.map(ValueFormatter.message),
          "\(object.kind).\(name)")
      }
    }
  }

  @Test("a call's arguments fit inline: no building block takes more than the inline arguments hold")
  func argumentsFitInline() {
    for function in BuiltinFunctions.all.values {
      #expect(function.arity.upperBound <= Arguments.capacity, "\(function.name)")
    }
    let values: [Value] = [.string("a"), .boolean(true), .null, .string("d")]
    let arguments = Arguments(values)
    #expect(arguments.count == Arguments.capacity)
    #expect(ValueFormatter.message(arguments[0]) == "a" && ValueFormatter.message(arguments[1]) == "true")
    #expect(arguments[2].isNull && arguments[3].isNull)
  }

  @Test("parties matched by a lookup of their keys first are the parties the index of every page matches")
  func partiesExactKeysFirstAgree() {
    // Names that share keys ("ALPHA FUND, L.P." and "Alpha Fund LP"), match only as a reader compares them
    // (a middle initial, a trailing qualifier) or not at all; some pages lack their name or most rows.
    let names = [
      "Alpha Fund LP", "ALPHA FUND, L.P.", "Alpha Fund LP (Series A)", "Beta Capital LLC", "Beta Capital, L.L.C.",
      "John Q. Smith", "John Smith", "Smith John", "Gamma Holdings Ltd", "-", "Delta Partners II LP",
    ]
    var random = SplitMix64(seed: 0x7061_7274)
    var compared = 0
    var exact = 0
    for _ in 0..<300 {
      var pages: [CoverPage] = []
      for index in 1...random.int(in: 1...5) {
        let name: String? = random.int(in: 0...9) == 0 ? nil : random.pick(names)
        var page = SyntheticFiling.page(index, name, aggregate: 100)
        if random.int(in: 0...3) > 0 {
          for field in RowField.allCases where page.rows[field] == nil {
            page.rows[field] = Row(field: field, raw: "x", line: index * 100 + 20, status: .read, value: .text("x"))
          }
        }
        pages.append(page)
      }
      let mentions = (0..<random.int(in: 0...5)).map { offset in
        NamedMention(name: random.pick(names), line: 300 + random.int(in: 0...3) * 10 + offset)
      }
      let split = random.int(in: 0...mentions.count)
      let filing = SyntheticFiling.filing(
        pages, signers: Array(mentions[..<split]), jointFilers: Array(mentions[split...]))
      let general = Parties.of(filing, exactKeysFirst: false)
      #expect(Parties.of(filing, exactKeysFirst: true) == general)
      // The pages' name keys made beforehand, as the model bridge makes them once, give the same parties.
      let pageNames = PageNameKeys(filing)
      #expect(Parties.of(filing, exactKeysFirst: true, pageNames: pageNames) == general)
      #expect(Parties.of(filing, exactKeysFirst: false, pageNames: pageNames) == general)
      compared += general.count
      exact += general.count { $0.nameMatch == .exact }
    }
    // The cases exercise both paths: parties matched exactly and parties matched otherwise or not at all.
    #expect(exact > 50 && compared - exact > 50, "\(exact) exact of \(compared)")
  }

  @Test("a value is 40 bytes, aligned to 8, and a number keeps its exact value and its decimals")
  func valueLayoutAndPlaces() throws {
    #expect(MemoryLayout<Rational>.alignment == 8)
    #expect(MemoryLayout<Value>.stride == 40 && MemoryLayout<Value>.alignment == 8)
    let huge = try Rational(numerator: -Int128.max, denominator: Int128(Int64.max) + 1)
    for rational in [Rational.zero, Rational(-7), try Rational(numerator: -1, denominator: 3), huge] {
      for decimals in [nil, 0, 1, 2, 6, 12] as [Int?] {
        guard case .number(let value, let places) = Value.number(rational, decimals: decimals) else {
          Issue.record("a number is a number")
          continue
        }
        #expect(value == rational && value.numerator == rational.numerator, "\(rational)")
        #expect(places.decimals == decimals)
      }
    }
    // The numerator fills both halves and carries the sign; the denominator is 2^63, whose gcd with it is 1.
    #expect(huge.numerator == -Int128.max && huge.denominator == Int128(Int64.max) + 1)
    #expect(try Rational(numerator: -6, denominator: -4) == Rational(numerator: 3, denominator: 2))
    #expect(Set([try Rational(numerator: 2, denominator: 4), try Rational(numerator: 1, denominator: 2)]).count == 1)
  }
}
