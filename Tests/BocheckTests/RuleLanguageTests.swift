import BocheckModel
import Foundation
import Testing

@testable import BocheckRules

/// Evaluates expressions of the rule language against a small synthetic filing.
enum LanguageHarness {
  /// Alpha (1,000 = 600 common + 400 warrants, 10.0%), Beta (2,500, 25.00%), Gamma (its row 11 missing).
  static let filing = SyntheticFiling.filing([
    SyntheticFiling.page(
      1, "Alpha Fund LP", aggregate: 1_000, parts: [(.common, 600), (.warrant, 400)], percent: "10.0"),
    SyntheticFiling.page(2, "Beta Fund LP", aggregate: 2_500, percent: "25.00"),
    SyntheticFiling.page(3, "Gamma LLC", aggregate: nil),
  ])

  /// Parses, type-checks and evaluates an expression with the globals of ``filing``.
  static func evaluate(_ text: String) throws -> Value {
    let expression = try Parser.parse(text)
    _ = try TypeChecker.type(of: expression, in: .globals)
    let bridge = ModelBridge(filing: filing, basis: nil)
    var frame = Frame(variables: bridge.globals, context: bridge.context)
    return Evaluator.evaluate(ExpressionResolver().resolve(expression), in: &frame)
  }

  /// The value as a message prints it.
  static func text(_ expression: String) throws -> String {
    ValueFormatter.message(try evaluate(expression))
  }

  /// A message template filled with the globals of ``filing``, as a rule's finding fills it.
  static func message(_ template: String) throws -> String {
    let parsed = try MessageTemplate.parse(template)
    try parsed.check(in: .globals)
    let bridge = ModelBridge(filing: filing, basis: nil)
    var frame = Frame(variables: bridge.globals, context: bridge.context)
    return ResolvedMessage(parsed, resolver: ExpressionResolver()).render(in: &frame)
  }

  /// The type-checking error an expression raises, or `nil`.
  static func typeError(_ text: String) -> String? {
    do {
      _ = try TypeChecker.type(of: try Parser.parse(text), in: .globals)
      return nil
    } catch let error as ExpressionTypeError {
      return error.message
    } catch {
      return "syntax: \(error)"
    }
  }

  /// The syntax error an expression raises, or `nil`.
  static func syntaxError(_ text: String) -> ExpressionSyntaxError? {
    do {
      _ = try Parser.parse(text)
      return nil
    } catch {
      return error
    }
  }
}

@Suite("Rule language: lexing, parsing and evaluation")
struct RuleLanguageTests {
  /// Whether a value the bridge gives a field is of the field's type (an unknown value is of every type).
  private static func value(_ value: Value, hasType type: ValueType) -> Bool {
    switch (value, type) {
    case (.null, _), (_, .any): return true
    case (.boolean, .boolean), (.number, .number), (.string, .string): return true
    case (.list(let items), .list(let element)): return items.allSatisfy { Self.value($0, hasType: element) }
    case (.object(let object), .object(let kind)): return object.kind == kind
    default: return false
    }
  }

  @Test("A row keeps the slots its value fills and reads unknown past them")
  func rowsKeepTheirSlots() throws {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    let rows = bridge.persons.flatMap { person in
      RowField.allCases.indices.compactMap { offset -> ModelObject? in
        guard case .object(let row) = person.value(at: PersonSlot.firstRow + offset) else { return nil }
        return row
      }
    }
    let text = { (value: Value) in ValueFormatter.plain(value) }
    let missing = try #require(rows.first { text($0["status"]) == "missing" })
    #expect(missing.fields.count == RowSlot.page.rawValue + 1)
    #expect(missing["text"].isNull && missing["shares"].isNull && missing["groupB"].isNull)
    #expect(!missing["page"].isNull)
    let amount = try #require(rows.first { !$0["shares"].isNull })
    #expect(amount.fields.count == RowSlot.attributionSource.rawValue + 1)
    #expect(amount["text"].isNull && amount["checked"].isNull)
    let name = try #require(rows.first { text($0["field"]) == "reportingPersonName" })
    #expect(name.fields.count == RowSlot.text.rawValue + 1)
    #expect(text(name["text"]) == "Alpha Fund LP")
  }

  @Test("An object frees the values it holds when it is freed, and only then")
  func objectsFreeTheirValues() {
    weak var held: ModelObject?
    weak var holder: ModelObject?
    do {
      var inner = FieldValues<PartySlot>()
      inner[.name] = .string(String(repeating: "a name longer than a string holds in itself ", count: 2))
      let party = ModelObject.make(fields: inner, location: nil, display: .text("party"))
      var outer = FieldValues<FilingSlot>()
      outer[.parties] = .list([.object(party), .object(party)])
      outer[.basis] = .object(party)
      let filing = ModelObject.make(fields: outer, location: nil, display: .text("filing"))
      held = party
      holder = filing
      withExtendedLifetime(filing) {
        #expect(held != nil && holder != nil)
      }
    }
    #expect(holder == nil)
    #expect(held == nil)
  }

  @Test("Every object the model bridge makes has one value per field of its kind, each of the field's type")
  func bridgeFieldsAreSchemaFields() {
    // Fields are read by slot: a value in another field's slot would be read under the wrong name.
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    var objects = [bridge.filing] + bridge.persons + bridge.parties
    var seen = 0
    while let object = objects.popLast() {
      seen += 1
      let schema = ModelSchema.fields(of: object.kind)
      let names = ModelSchema.fieldNames(of: object.kind)
      #expect(names.count == schema.count && Set(names) == Set(schema.keys), "\(object.kind)'s slots")
      // Rows keep the slots their value fills; every other object has them all.
      if object.kind == .row {
        #expect(object.fields.count > RowSlot.page.rawValue && object.fields.count <= names.count)
      } else {
        #expect(object.fields.count == names.count, "\(object.kind) has \(object.fields.count) fields")
      }
      for (slot, name) in names.enumerated() {
        #expect(Self.value(object.value(at: slot), hasType: schema[name] ?? .boolean), "\(object.kind).\(name)")
      }
      for value in object.fields {
        switch value {
        case .object(let child) where child.kind != .person && child.kind != .party: objects.append(child)
        case .list(let items):
          for case .object(let child) in items where child.kind != .person && child.kind != .party {
            objects.append(child)
          }
        default: break
        }
      }
    }
    #expect(seen > 3 * 14, "the filing, its persons and their rows were visited")
  }

  @Test("Numbers group thousands only before exactly three digits")
  func lexNumbers() throws {
    let tokens = try Lexer.tokenize("1,000,000 + round(x,2) + [1,2]")
    #expect(tokens.first?.kind == .number(ExactDecimal(1_000_000)))
    #expect(tokens.filter { $0.kind == .symbol(",") }.count == 2)
    #expect(try LanguageHarness.text("1,000 + 0.5") == "1,000.5")
  }

  @Test("Precedence: * before +, comparisons before not, not before and, and before or")
  func precedence() throws {
    #expect(try LanguageHarness.text("1 + 2 * 3") == "7")
    #expect(try LanguageHarness.text("(1 + 2) * 3") == "9")
    #expect(try LanguageHarness.text("-2 * 3 + 10 / 4") == "-3.5")
    #expect(try LanguageHarness.text("not 1 > 2 and true") == "true")
    #expect(try LanguageHarness.text("true or false and false") == "true")
    #expect(try LanguageHarness.text("1 + 1 == 2 and 3 not in [1, 2]") == "true")
  }

  @Test("Arithmetic is exact; division by zero and overflow are unknown")
  func exactArithmetic() throws {
    #expect(try LanguageHarness.text("0.1 + 0.2 == 0.3") == "true")
    #expect(try LanguageHarness.text("1 / 3 * 3 == 1") == "true")
    #expect(try LanguageHarness.text("1 / 3") == "0.333333")
    #expect(try LanguageHarness.evaluate("1 / 0").isNull)
    let huge = "999,999,999,999,999"
    #expect(try LanguageHarness.evaluate("\(huge) * \(huge) * \(huge) * \(huge)").isNull)
  }

  @Test("Three-valued logic: unknown spreads unless the other side decides")
  func threeValued() throws {
    #expect(try LanguageHarness.text("null and false") == "false")
    #expect(try LanguageHarness.text("null or true") == "true")
    #expect(try LanguageHarness.evaluate("null and true").isNull)
    #expect(try LanguageHarness.evaluate("not (null == 1)").isNull)
    #expect(try LanguageHarness.evaluate("null + 1").isNull)
    #expect(try LanguageHarness.text("null is null") == "true")
    #expect(try LanguageHarness.evaluate("1 in [2, null]").isNull)
    #expect(try LanguageHarness.text("1 in [1, null]") == "true")
    // A missing row is a row whose number is unknown.
    #expect(try LanguageHarness.evaluate("sum(persons.aggregateAmountOwned)").isNull)
    #expect(try LanguageHarness.text("count(persons[aggregateAmountOwned is missing])") == "1")
  }

  @Test("Paths map over lists; filters see the element's fields and it")
  func mappingAndFilters() throws {
    #expect(try LanguageHarness.text("persons.name") == "Alpha Fund LP, Beta Fund LP and Gamma LLC")
    #expect(
      try LanguageHarness.text("persons[aggregateAmountOwned is present and aggregateAmountOwned > 1,500].name")
        == "Beta Fund LP")
    #expect(
      try LanguageHarness.text(
        "sum(persons[page < 3].aggregateAmountOwned.parts[kind in [\"warrant\", \"option\"]].shares)")
        == "400")
    // Gamma's missing row has unknown parts: a filter over an unknown element is unknown.
    #expect(try LanguageHarness.evaluate("persons.aggregateAmountOwned.parts[kind == \"warrant\"]").isNull)
    #expect(try LanguageHarness.text("count(persons.name[it != \"Gamma LLC\"])") == "2")
    #expect(try LanguageHarness.text("count(persons[count(rows[status == \"missing\"]) > 11])") == "1")
  }

  @Test("A count of a filter counts the elements the filter keeps; unknown when the filter is")
  func countsOfFilters() throws {
    // Counted without the list, and counted from the list the filter makes (the `+ []` takes it whole).
    for (filter, count) in [
      ("persons[page < 3]", "2"), ("persons[page < 9]", "3"), ("persons[page > 9]", "0"),
      ("persons[page != 2]", "2"), ("persons.name[it != \"Gamma LLC\"]", "2"),
    ] {
      #expect(try LanguageHarness.text("count(\(filter))") == count, "count(\(filter))")
      #expect(try LanguageHarness.text("count(\(filter) + [])") == count, "count(\(filter) + [])")
    }
    // Gamma's missing row has unknown parts: the filter, and so its count, is unknown.
    #expect(try LanguageHarness.evaluate("count(persons.aggregateAmountOwned.parts[kind == \"warrant\"])").isNull)
    #expect(try LanguageHarness.evaluate("count(persons[aggregateAmountOwned > 0])").isNull)
  }

  @Test("Rows act as their numbers; percents keep their printed decimals")
  func rowsAsNumbers() throws {
    #expect(try LanguageHarness.text("sum(persons[page < 3].aggregateAmountOwned)") == "3,500")
    #expect(try LanguageHarness.text("persons[page == 2].percentOfClass") == "25.00")
    #expect(try LanguageHarness.text("round(200 / 3, 2)") == "66.67")
    #expect(try LanguageHarness.text("round(-2.5, 0)") == "-3")
    #expect(try LanguageHarness.text("join([\"A\", \"B\", \"C\"])") == "A, B and C")
    #expect(try LanguageHarness.text("first(persons).name") == "Alpha Fund LP")
    #expect(try LanguageHarness.text("first([3, 1, 2])") == "3")
    #expect(try LanguageHarness.evaluate("first(persons[page > 3])").isNull)
    #expect(try LanguageHarness.text("null") == "?")
    #expect(ValueFormatter.plain(.number(Rational(3_731_324), decimals: nil)) == "3731324")
  }

  @Test("roundsTo uses the closed interval of the printed precision")
  func roundsTo() throws {
    #expect(try LanguageHarness.text("roundsTo(6.25, 6.3)") == "true")
    #expect(try LanguageHarness.text("roundsTo(6.35, 6.3)") == "true")
    #expect(try LanguageHarness.text("roundsTo(6.2499, 6.3)") == "false")
    let matching =
      "persons[percentOfClass is present and roundsTo(100 * aggregateAmountOwned / 10,000, percentOfClass)]"
    #expect(try LanguageHarness.text("count(\(matching))") == "2")
    #expect(try LanguageHarness.text("roundsTo(24.995, 25.00) and not roundsTo(25.0051, 25.00)") == "true")
  }

  @Test("A printed number is a decimal with its own decimals, or nothing roundsTo can read")
  func printedDecimals() throws {
    // A quotient prints with the decimals it needs: as a printed number it has none, and 1/4 is no whole number.
    #expect(try LanguageHarness.evaluate("roundsTo(1, 1 / 4)").isNull)
    #expect(try LanguageHarness.evaluate("roundsWithin(0, 1, 1 / 3)").isNull)
    #expect(try LanguageHarness.text("roundsTo(2.4, 4 / 2) and not roundsTo(2.6, 4 / 2)") == "true")
    // Negative numbers, and a rounded number printed with the decimals it was rounded to.
    #expect(try LanguageHarness.text("roundsTo(-6.25, -6.3) and not roundsTo(-6.36, -6.3)") == "true")
    #expect(try LanguageHarness.text("roundsTo(0.125, round(0.13, 2)) and roundsTo(0.13, round(1 / 8, 2))") == "true")
    // Amount rows read back as their amounts: Alpha's 1,000 (600 common, 400 warrants) and Beta's 2,500.
    #expect(try LanguageHarness.text("sumAmounts(persons[page < 3].aggregateAmountOwned).shares") == "3,500")
    let parts = "join(sumAmounts(persons[page == 1].aggregateAmountOwned).parts)"
    #expect(try LanguageHarness.text(parts) == "600 common and 400 warrant")
  }

  @Test("Text functions: CUSIP check digit, name keys, substrings")
  func textFunctions() throws {
    #expect(try LanguageHarness.text("cusipCheckDigit(\"037833 10\")") == "0")
    #expect(try LanguageHarness.evaluate("cusipCheckDigit(\"0378!310\")").isNull)
    #expect(try LanguageHarness.text("nameKey(\"Alpha Fund, L.P.\") == nameKey(\"ALPHA FUND LP\")") == "true")
    #expect(try LanguageHarness.text("substring(\"037833100\", 9, 1) + substring(\"abc\", 2, 10)") == "0bc")
    #expect(try LanguageHarness.text("when(1 > 2, \"x\") + coalesce(null, \"y\")") == "y")
  }

  @Test("A placeholder that joins texts prints as the text its expression gives, unknown as '?'")
  func messagePlaceholdersJoiningTexts() throws {
    // Each written part by part (when, text, join and + of them) and as the evaluator gives its value.
    let printed: [(expression: String, text: String)] = [
      ("when(1 > 2, \"x\") + \"y\"", "y"),
      ("\"a\" + when(1 < 2, \"b\" + text(1000)) + \"c\"", "ab1,000c"),
      ("\"a\" + text(null)", "?"),
      ("\"a\" + when(null > 1, \"b\")", "?"),
      ("when(null > 1, \"b\")", "?"),
      ("text(2.50) + \"%\"", "2.50%"),
      ("\"of \" + join(persons.name)", "of Alpha Fund LP, Beta Fund LP and Gamma LLC"),
      ("join(persons[page == 1].aggregateAmountOwned.parts.shares) + \"!\"", "600 and 400!"),
      ("when(1 < 2, text(persons[page == 3].aggregateAmountOwned))", "?"),
      ("1000 + 2", "1,002"),
      ("[\"a\"] + [\"b\"]", "a and b"),
      ("\"z\"", "z"),
    ]
    for (expression, text) in printed {
      #expect(try LanguageHarness.message("<{\(expression)}>") == "<\(text)>", "\(expression)")
      #expect(try LanguageHarness.text(expression) == text, "\(expression)")
    }
    #expect(try LanguageHarness.message("{{{\"a\" + text(null)}, {when(1 < 2, \"b\")}}}") == "{?, b}")
  }

  @Test("Syntax errors say what and where")
  func syntaxErrors() {
    #expect(LanguageHarness.syntaxError("1 +")?.message == "expected a value, found end of expression")
    #expect(LanguageHarness.syntaxError("sum(1, 2")?.message.hasPrefix("expected ')'") == true)
    #expect(LanguageHarness.syntaxError("\"open")?.offset == 0)
    #expect(LanguageHarness.syntaxError("x is big")?.message.contains("after 'is'") == true)
    #expect(LanguageHarness.syntaxError("a $ b")?.offset == 2)
  }

  @Test("Type errors: unknown names, fields, functions, arities and operand types")
  func typeErrors() {
    #expect(LanguageHarness.typeError("persn")?.hasPrefix("unknown name 'persn'") == true)
    #expect(
      LanguageHarness.typeError("filing.persons.aggregate")?.hasPrefix("a person has no field 'aggregate'") == true)
    #expect(LanguageHarness.typeError("total(persons)")?.hasPrefix("unknown function 'total'") == true)
    #expect(LanguageHarness.typeError("round(1)") == "round takes 2 arguments, not 1")
    #expect(LanguageHarness.typeError("\"a\" + 1")?.contains("'+'") == true)
    #expect(LanguageHarness.typeError("1 and true")?.contains("needs true/false") == true)
    #expect(LanguageHarness.typeError("filing.cusip is missing")?.contains("needs a row") == true)
    #expect(LanguageHarness.typeError("persons[name]")?.contains("filter's condition") == true)
    #expect(LanguageHarness.typeError("persons[aggregateAmountOwned > 1].name") == nil)
  }
}

@Suite("Rule files: validation and evaluation")
struct RuleFileTests {
  static let validRule = """
    # A test rule.
    id: big-holder
    severity: warning
    summary: Nobody holds more than 1,500 shares.
    source: a test
    rationale: |
      Because.

      Really.
    check:
      for: person in persons where person.aggregateAmountOwned is present
      let: limit = 1,500
      expect: person.aggregateAmountOwned <= limit
      at: person.aggregateAmountOwned
      message: "{person}: row {person.aggregateAmountOwned.number} holds {person.aggregateAmountOwned} shares,
        more than {limit}"
      expected: limit
      actual: person.aggregateAmountOwned.shares
    example:
      expect: page 1 row 11
      filing:
        | 1 NAME OF REPORTING PERSON
        | Alpha
    example:
      expect: none
      filing:
        | 1 NAME OF REPORTING PERSON
        | Beta

    """

  /// Writes rule files into a fresh temporary folder.
  private func folder(_ files: [String: String]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bocheck-rules-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8) }
    return path
  }

  /// The load error of one rule file, as `line: message`.
  private func loadError(_ text: String, name: String = "big-holder.rule") throws -> String? {
    let path = try folder([name: text])
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try RuleSet.load(directories: [path])
      return nil
    } catch {
      #expect(error.path == "\(path)/\(name)")
      #expect(error.description.hasPrefix("\(path)/\(name):\(error.line): "))
      return "\(error.line): \(error.message)"
    }
  }

  private func replacing(_ old: String, with new: String) -> String {
    Self.validRule.replacingOccurrences(of: old, with: new)
  }

  @Test("A valid rule loads with its keys, block rationale and examples")
  func validRuleLoads() throws {
    let path = try folder(["big-holder.rule": Self.validRule, "README.md": "not a rule"])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let rules = try RuleSet.load(directories: [path])
    let rule = try #require(rules.rules.first)
    #expect(rules.rules.count == 1)
    #expect(rule.id == "big-holder" && rule.severity == .warning)
    #expect(rule.rationale == "Because.\n\nReally.")
    #expect(rule.examples.map(\.expectations) == [[.page(1, row: 11)], []])
    #expect(rule.examples.first?.filingText == "1 NAME OF REPORTING PERSON\nAlpha\n")
    #expect(rule.examples.first?.filingLine == 22)
    #expect(rule.checkSources.first?.message.hasSuffix("shares, more than {limit}") == true)
  }

  @Test("Invalid rule files fail with their line and a clear message")
  func validationErrors() throws {
    #expect(
      try loadError(replacing("source: a test", with: "sauce: a test"))
        == "5: unknown key 'sauce'; expected one of id, severity, summary, source, rationale, check, example")
    #expect(
      try loadError(replacing("  let: limit", with: "  lett: limit"))?.hasPrefix(
        "12: unknown key 'lett' in a check block") == true)
    #expect(try loadError(Self.validRule, name: "other.rule")?.hasPrefix("2: id 'big-holder' does not match") == true)
    #expect(try loadError(replacing("<= limit", with: "<= limit +"))?.hasPrefix("13: expect: expected a value") == true)
    #expect(
      try loadError(replacing("expect: person.aggregateAmountOwned <=", with: "expect: person.aggregate <="))
        == "13: expect: a person has no field 'aggregate'; its fields: aggregateAmountOwned, basis, "
        + "citizenshipOrOrganization, cusip, fundType, isAggregateExcludeShares, legalProceedings, line, memberOfGroup, "
        + "name, nameKey, page, percentOfClass, reportingPersonName, rows, secUseOnly, sharedDispositivePower, "
        + "sharedVotingPower, soleDispositivePower, soleVotingPower, typeOfReportingPerson"
    )
    #expect(
      try loadError(replacing("more than {limit}", with: "more than {limt}"))?.hasPrefix(
        "15: message: placeholder {limt}: unknown name 'limt'") == true)
    #expect(
      try loadError(replacing("more than {limit}", with: "more than {limit"))?.hasPrefix(
        "15: message: placeholder '{' is not closed") == true)
    #expect(
      try loadError(replacing("expect: none", with: "expect: page 2 row 11"))
        == "2: a rule needs an example that does not trigger it ('expect: none')")
    #expect(
      try loadError(replacing("severity: warning", with: "severity: fatal"))
        == "3: severity must be error, warning or note, not 'fatal'")
    #expect(
      try loadError(replacing("  at: person.aggregateAmountOwned\n", with: "")) == "10: this check block has no 'at:'")
    #expect(
      try loadError(replacing("expect: person.aggregateAmountOwned <= limit", with: "expect: sum(1, 2)"))
        == "13: expect: sum takes 1 argument, not 2")
    #expect(
      try loadError(replacing("for: person in persons", with: "for: person in filing"))?.hasPrefix(
        "11: for: 'filing' is a filing, not a list") == true)
  }

  @Test("A duplicate id across folders and a missing folder are errors")
  func folderErrors() throws {
    let first = try folder(["big-holder.rule": Self.validRule])
    let second = try folder(["big-holder.rule": Self.validRule])
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    #expect(
      throws: RuleLoadError(
        path: "\(second)/big-holder.rule", line: 1,
        message: "rule 'big-holder' is already defined in \(first)/big-holder.rule")
    ) {
      try RuleSet.load(directories: [first, second])
    }
    #expect(throws: RuleLoadError(path: "/nonexistent-bocheck", line: 0, message: "no such folder of rules")) {
      try RuleSet.load(directories: ["/nonexistent-bocheck"])
    }
  }

  @Test("A false expect gives a finding with location, person, message and values; an unknown one gives none")
  func evaluation() throws {
    let rule = try RuleSet.parseRule(text: Self.validRule, path: "/rules/big-holder.rule")
    let result = RuleSet(rules: [rule]).check(LanguageHarness.filing, options: CheckOptions())
    #expect(result.findings.count == 1)
    let finding = try #require(result.findings.first)
    #expect(finding.ruleID == "big-holder" && finding.severity == .warning)
    #expect(finding.page == 2 && finding.row == 11 && finding.line == 211 && finding.column == 1)
    #expect(finding.person == "Beta Fund LP")
    #expect(finding.message == "Beta Fund LP: row 11 holds 2,500 shares, more than 1,500")
    #expect(finding.expected == "1500" && finding.actual == "2500")
    // Gamma's row 11 is missing: its expect is unknown, and nothing is reported for it.
    let unguarded = Self.validRule.replacingOccurrences(of: " where person.aggregateAmountOwned is present", with: "")
    let loose = try RuleSet.parseRule(text: unguarded, path: "/rules/big-holder.rule")
    #expect(RuleSet(rules: [loose]).check(LanguageHarness.filing, options: CheckOptions()).findings.map(\.page) == [2])
    #expect(
      RuleSet(rules: [loose]).check(LanguageHarness.filing, options: CheckOptions(onlyRules: ["other"])).findings
        .isEmpty)
  }
}
