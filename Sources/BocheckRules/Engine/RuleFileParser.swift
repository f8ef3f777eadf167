import BocheckModel

/// Reads a `.rule` file: top-level keys, `check:` and `example:` blocks, and validates everything strictly.
///
/// The format, line by line: `#` starts a comment line; a top-level key starts in column 1 (`id: parent-sum`);
/// `rationale: |` takes the indented lines below it as a block of prose; `check:` and `example:` take the
/// indented `key: value` lines below them, and a line indented deeper than its block's keys continues the value
/// above it. In an example, the lines after `filing:` that start with `|` are the filing's text.
enum RuleFileParser {
  private static let topLevelKeys = ["id", "severity", "summary", "source", "rationale", "check", "example"]
  private static let checkKeys = [
    "for", "let", "where", "expect", "at", "message", "severity", "expected", "actual", "person",
  ]
  private static let exampleKeys = ["expect", "shares-outstanding", "filing"]

  /// One `key: value` with the 1-based line of its key.
  private struct Entry {
    var key: String
    var value: String
    var line: Int
    /// For `filing:` in an example: the `|` lines and the line of the first.
    var filingLines: [String] = []
    var filingLine: Int = 0
  }

  /// Parses and validates a rule file.
  ///
  /// - Parameters:
  ///   - text: The file's contents.
  ///   - path: The file's path; its name without `.rule` must equal the rule's id.
  /// - Throws: ``RuleLoadError`` with the path, the 1-based line and what is wrong.
  static func parse(text: String, path: String) throws(RuleLoadError) -> Rule {
    func fail(_ line: Int, _ message: String) -> RuleLoadError {
      RuleLoadError(path: path, line: line, message: message)
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
    }
    var scalars: [String: Entry] = [:]
    var checkBlocks: [(line: Int, entries: [Entry])] = []
    var exampleBlocks: [(line: Int, entries: [Entry])] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      let number = index + 1
      let trimmed = line.trimmingSpaces
      if trimmed.isEmpty || trimmed.hasPrefix("#") {
        index += 1
        continue
      }
      guard line.first != " " && line.first != "\t" else {
        throw fail(number, "indented line outside a block; top-level keys start in column 1")
      }
      guard let colon = line.firstIndex(of: ":") else {
        throw fail(number, "expected 'key: value', found '\(trimmed)'")
      }
      let key = String(line[..<colon]).trimmingSpaces
      let rest = String(line[line.index(after: colon)...]).trimmingSpaces
      guard topLevelKeys.contains(key) else {
        throw fail(number, "unknown key '\(key)'; expected one of \(topLevelKeys.joined(separator: ", "))")
      }
      index += 1
      // The indented (or blank, or comment) lines that belong to this key.
      var body: [(line: Int, text: String)] = []
      while index < lines.count {
        let next = lines[index]
        if !next.trimmingSpaces.isEmpty && next.first != " " && next.first != "\t" && !next.hasPrefix("#") { break }
        body.append((index + 1, next))
        index += 1
      }
      switch key {
      case "check", "example":
        guard rest.isEmpty else { throw fail(number, "'\(key):' takes its keys on the indented lines below it") }
        let entries = try blockEntries(body, allowed: key == "check" ? checkKeys : exampleKeys, block: key, path: path)
        if key == "check" { checkBlocks.append((number, entries)) } else { exampleBlocks.append((number, entries)) }
      default:
        guard scalars[key] == nil else {
          throw fail(number, "'\(key)' is given twice (first on line \(scalars[key]?.line ?? 0))")
        }
        var value = rest
        let content = body.filter { !$0.text.trimmingSpaces.hasPrefix("#") }
        if key == "rationale" && rest == "|" {
          value = dedent(content.map(\.text))
        } else {
          guard
            key == "rationale" || key == "summary" || key == "source"
              || content.allSatisfy({ $0.text.trimmingSpaces.isEmpty })
          else { throw fail(content.first?.line ?? number, "'\(key)' takes a single line") }
          let continuation = content.map { $0.text.trimmingSpaces }.filter { !$0.isEmpty }
          value = ([rest] + continuation).filter { !$0.isEmpty }.joined(separator: " ")
        }
        scalars[key] = Entry(key: key, value: value, line: number)
      }
    }
    // Required keys and their values.
    for key in ["id", "severity", "summary", "source", "rationale"] where (scalars[key]?.value ?? "").isEmpty {
      throw fail(scalars[key]?.line ?? 1, "missing '\(key):'")
    }
    guard let idEntry = scalars["id"], let severityEntry = scalars["severity"] else { throw fail(1, "missing 'id:'") }
    let fileName = path.split(separator: "/").last.map(String.init) ?? path
    let expectedID = fileName.hasSuffix(".rule") ? String(fileName.dropLast(5)) : fileName
    guard idEntry.value == expectedID else {
      throw fail(
        idEntry.line, "id '\(idEntry.value)' does not match the file name '\(fileName)' (expected id '\(expectedID)')")
    }
    guard idEntry.value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
      throw fail(idEntry.line, "an id has only letters, digits and '-'")
    }
    guard let severity = Severity(rawValue: severityEntry.value) else {
      throw fail(severityEntry.line, "severity must be error, warning or note, not '\(severityEntry.value)'")
    }
    guard !checkBlocks.isEmpty else { throw fail(idEntry.line, "a rule needs at least one 'check:' block") }
    var checks: [RuleCheck] = []
    var sources: [RuleCheckSource] = []
    for block in checkBlocks {
      let (check, source) = try parseCheck(block.entries, line: block.line, path: path)
      checks.append(check)
      sources.append(source)
    }
    var examples: [RuleExample] = []
    for block in exampleBlocks {
      examples.append(try parseExample(block.entries, line: block.line, path: path))
    }
    guard examples.contains(where: \.triggers) else {
      throw fail(idEntry.line, "a rule needs an example that triggers it ('expect: page N row R' or 'expect: filing')")
    }
    guard examples.contains(where: { !$0.triggers }) else {
      throw fail(idEntry.line, "a rule needs an example that does not trigger it ('expect: none')")
    }
    return Rule(
      id: idEntry.value, severity: severity, summary: scalars["summary"]?.value ?? "",
      source: scalars["source"]?.value ?? "", rationale: scalars["rationale"]?.value ?? "", path: path,
      examples: examples, checkSources: sources, programs: checks.map(CheckRunner.Program.init))
  }

  private static func blockEntries(
    _ body: [(line: Int, text: String)], allowed: [String], block: String, path: String
  ) throws(RuleLoadError) -> [Entry] {
    var entries: [Entry] = []
    var keyIndent: Int?
    for (number, text) in body {
      let trimmed = text.trimmingSpaces
      if trimmed.isEmpty || (trimmed.hasPrefix("#") && entries.last?.key != "filing") { continue }
      let indent = text.prefix { $0 == " " || $0 == "\t" }.count
      if trimmed.hasPrefix("|"), let last = entries.last, last.key == "filing" {
        var content = trimmed.dropFirst()
        if content.first == " " { content = content.dropFirst() }
        entries[entries.count - 1].filingLines.append(String(content))
        if last.filingLines.isEmpty { entries[entries.count - 1].filingLine = number }
        continue
      }
      if trimmed.hasPrefix("#") { continue }
      let keyColumn = keyIndent ?? indent
      keyIndent = keyColumn
      if indent > keyColumn, !entries.isEmpty {
        guard entries[entries.count - 1].key != "filing" else {
          throw RuleLoadError(path: path, line: number, message: "a filing line starts with '| '")
        }
        entries[entries.count - 1].value += " " + trimmed
        continue
      }
      guard indent == keyColumn else {
        throw RuleLoadError(path: path, line: number, message: "this line is indented less than the keys above it")
      }
      guard let colon = trimmed.firstIndex(of: ":") else {
        throw RuleLoadError(path: path, line: number, message: "expected 'key: value' in the \(block) block")
      }
      let key = String(trimmed[..<colon]).trimmingSpaces
      guard allowed.contains(key) else {
        throw RuleLoadError(
          path: path, line: number,
          message: "unknown key '\(key)' in a \(block) block; expected one of \(allowed.joined(separator: ", "))")
      }
      entries.append(
        Entry(key: key, value: String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces, line: number))
    }
    return entries
  }

  private static func single(
    _ key: String, in entries: [Entry], required: Bool, blockLine: Int, block: String, path: String
  ) throws(RuleLoadError) -> Entry? {
    let found = entries.filter { $0.key == key }
    if found.count > 1, let second = found.dropFirst().first {
      throw RuleLoadError(path: path, line: second.line, message: "'\(key)' is given twice in this \(block) block")
    }
    if required && found.isEmpty {
      throw RuleLoadError(path: path, line: blockLine, message: "this \(block) block has no '\(key):'")
    }
    if let entry = found.first, entry.value.isEmpty, key != "filing" {
      throw RuleLoadError(path: path, line: entry.line, message: "'\(key):' has no value")
    }
    return found.first
  }

  private static func parseExpression(_ entry: Entry, _ text: String? = nil, path: String) throws(RuleLoadError)
    -> Expression
  {
    do {
      return try Parser.parse(text ?? entry.value)
    } catch {
      throw RuleLoadError(
        path: path, line: entry.line,
        message: "\(entry.key): \(error.message) (at character \(error.offset + 1) of '\(text ?? entry.value)')")
    }
  }

  private static func typeOf(_ expression: Expression, _ entry: Entry, scope: StaticScope, path: String)
    throws(RuleLoadError) -> ValueType
  {
    do {
      return try TypeChecker.type(of: expression, in: scope)
    } catch {
      throw RuleLoadError(path: path, line: entry.line, message: "\(entry.key): \(error.message)")
    }
  }

  private static func parseCheck(_ entries: [Entry], line: Int, path: String) throws(RuleLoadError)
    -> (RuleCheck, RuleCheckSource)
  {
    func one(_ key: String, required: Bool) throws(RuleLoadError) -> Entry? {
      try single(key, in: entries, required: required, blockLine: line, block: "check", path: path)
    }
    guard let forEntry = try one("for", required: true), let expectEntry = try one("expect", required: true),
      let atEntry = try one("at", required: true), let messageEntry = try one("message", required: true)
    else { throw RuleLoadError(path: path, line: line, message: "incomplete check block") }
    let severityEntry = try one("severity", required: false)
    let expectedEntry = try one("expected", required: false)
    let actualEntry = try one("actual", required: false)
    let personEntry = try one("person", required: false)

    var scope = StaticScope.globals
    var bindings: [RuleCheck.Binding] = []
    var steps: [RuleCheck.Step] = []
    var stepSources: [String] = []
    // for: filing | name in list, name in list [where condition]
    let (bindingTexts, whereText) = try splitIteration(forEntry, path: path)
    if !(bindingTexts.count == 1 && bindingTexts[0].trimmingSpaces == "filing") {
      for text in bindingTexts {
        let words = text.trimmingSpaces.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count == 3, words[1] == "in" else {
          throw RuleLoadError(
            path: path, line: forEntry.line,
            message:
              "for: expected 'filing' or 'name in list' (e.g. 'person in persons'), found '\(text.trimmingSpaces)'")
        }
        let name = String(words[0])
        try checkNewName(name, scope: scope, entry: forEntry, path: path)
        let list = try parseExpression(forEntry, String(words[2]), path: path)
        let type = try typeOf(list, forEntry, scope: scope, path: path)
        guard let element = type.elementType else {
          throw RuleLoadError(path: path, line: forEntry.line, message: "for: '\(words[2])' is a \(type), not a list")
        }
        scope.variables[name] = element
        bindings.append(RuleCheck.Binding(name: name, list: list))
      }
    }
    if let whereText {
      let condition = try parseExpression(forEntry, whereText, path: path)
      try requireBoolean(try typeOf(condition, forEntry, scope: scope, path: path), forEntry, what: "where", path: path)
      steps.append(.filtering(condition))
    }
    for entry in entries where entry.key == "let" || entry.key == "where" {
      stepSources.append("\(entry.key): \(entry.value)")
      if entry.key == "where" {
        let condition = try parseExpression(entry, path: path)
        try requireBoolean(try typeOf(condition, entry, scope: scope, path: path), entry, what: "where", path: path)
        steps.append(.filtering(condition))
        continue
      }
      guard let equals = entry.value.firstIndex(of: "="),
        entry.value[entry.value.index(after: equals)...].first != "="
      else {
        throw RuleLoadError(path: path, line: entry.line, message: "let: expected 'name = expression'")
      }
      let name = String(entry.value[..<equals]).trimmingSpaces
      try checkNewName(name, scope: scope, entry: entry, path: path)
      let expression = try parseExpression(entry, String(entry.value[entry.value.index(after: equals)...]), path: path)
      scope.variables[name] = try typeOf(expression, entry, scope: scope, path: path)
      steps.append(.letting(name, expression))
    }
    let expectation = try parseExpression(expectEntry, path: path)
    try requireBoolean(
      try typeOf(expectation, expectEntry, scope: scope, path: path), expectEntry, what: "expect", path: path)
    let target = try parseExpression(atEntry, path: path)
    let targetType = try typeOf(target, atEntry, scope: scope, path: path)
    switch targetType {
    case .object(.row), .object(.person), .object(.party), .object(.filing), .object(.note), .object(.basis), .number,
      .any:
      break
    default:
      throw RuleLoadError(
        path: path, line: atEntry.line,
        message: "at: must be a row, a person, a party, the filing, a note or a line number, not a \(targetType)")
    }
    var messageText = messageEntry.value
    if messageText.count >= 2, messageText.hasPrefix("\""), messageText.hasSuffix("\"") {
      messageText = String(messageText.dropFirst().dropLast())
    }
    let message: MessageTemplate
    do {
      message = try MessageTemplate.parse(messageText)
      try message.check(in: scope)
    } catch let error as ExpressionSyntaxError {
      throw RuleLoadError(path: path, line: messageEntry.line, message: "message: \(error.message)")
    } catch let error as ExpressionTypeError {
      throw RuleLoadError(path: path, line: messageEntry.line, message: "message: \(error.message)")
    } catch {
      throw RuleLoadError(path: path, line: messageEntry.line, message: "message: \(error)")
    }
    var severity: Severity?
    if let severityEntry {
      guard let parsed = Severity(rawValue: severityEntry.value) else {
        throw RuleLoadError(
          path: path, line: severityEntry.line,
          message: "severity must be error, warning or note, not '\(severityEntry.value)'")
      }
      severity = parsed
    }
    var optional: [Expression?] = []
    for entry in [expectedEntry, actualEntry, personEntry] {
      guard let entry else {
        optional.append(nil)
        continue
      }
      let expression = try parseExpression(entry, path: path)
      _ = try typeOf(expression, entry, scope: scope, path: path)
      optional.append(expression)
    }
    let check = RuleCheck(
      bindings: bindings, steps: steps, expectation: expectation, target: target, message: message,
      severity: severity, expected: optional[0], actual: optional[1], person: optional[2])
    let source = RuleCheckSource(
      iteration: forEntry.value, steps: stepSources, expectation: expectEntry.value, message: messageText,
      severity: severity)
    return (check, source)
  }

  /// Splits `a in x, b in y where c` into its bindings and its condition, at top-level commas and `where`.
  private static func splitIteration(_ entry: Entry, path: String) throws(RuleLoadError) -> ([String], String?) {
    let tokens: [Token]
    do {
      tokens = try Lexer.tokenize(entry.value)
    } catch {
      throw RuleLoadError(path: path, line: entry.line, message: "for: \(error.message)")
    }
    let characters = Array(entry.value)
    var depth = 0
    var cuts: [Int] = []
    var whereOffset: Int?
    for token in tokens {
      switch token.kind {
      case .symbol("("), .symbol("["): depth += 1
      case .symbol(")"), .symbol("]"): depth -= 1
      case .symbol(",") where depth == 0 && whereOffset == nil: cuts.append(token.offset)
      case .identifier("where") where depth == 0 && whereOffset == nil: whereOffset = token.offset
      default: break
      }
    }
    let end = whereOffset ?? characters.count
    var bindings: [String] = []
    var start = 0
    for cut in cuts + [end] {
      bindings.append(String(characters[start..<max(start, min(cut, characters.count))]))
      start = min(cut + 1, characters.count)
    }
    let condition = whereOffset.map { String(characters[min($0 + 5, characters.count)...]) }
    if let condition, condition.trimmingSpaces.isEmpty {
      throw RuleLoadError(path: path, line: entry.line, message: "for: 'where' needs a condition")
    }
    return (bindings, condition)
  }

  private static func checkNewName(_ name: String, scope: StaticScope, entry: Entry, path: String)
    throws(RuleLoadError)
  {
    guard let first = name.first, first.isLetter, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
      !Parser.keywords.contains(name), name != "it"
    else {
      throw RuleLoadError(path: path, line: entry.line, message: "\(entry.key): '\(name)' cannot name a variable")
    }
    guard scope.variables[name] == nil else {
      throw RuleLoadError(path: path, line: entry.line, message: "\(entry.key): '\(name)' is already defined")
    }
  }

  private static func requireBoolean(_ type: ValueType, _ entry: Entry, what: String, path: String)
    throws(RuleLoadError)
  {
    guard type == .boolean || type == .any else {
      throw RuleLoadError(
        path: path, line: entry.line, message: "\(what): needs a condition (true/false), not a \(type)")
    }
  }

  private static func parseExample(_ entries: [Entry], line: Int, path: String) throws(RuleLoadError) -> RuleExample {
    var expectations: [ExampleExpectation] = []
    var sawNone = false
    let expects = entries.filter { $0.key == "expect" }
    guard !expects.isEmpty else {
      throw RuleLoadError(path: path, line: line, message: "this example block has no 'expect:'")
    }
    for entry in expects {
      let words = entry.value.lowercased().split(separator: " ").map(String.init)
      if words == ["none"] {
        sawNone = true
      } else if words == ["filing"] {
        expectations.append(.filing)
      } else if words.count == 2, words[0] == "page", let page = Int(words[1]), page > 0 {
        expectations.append(.page(page, row: nil))
      } else if words.count == 4, words[0] == "page", words[2] == "row", let page = Int(words[1]),
        let row = Int(words[3]), page > 0, row > 0
      {
        expectations.append(.page(page, row: row))
      } else {
        throw RuleLoadError(
          path: path, line: entry.line,
          message: "expect: write 'none', 'filing', 'page N' or 'page N row R', not '\(entry.value)'")
      }
    }
    if sawNone && !expectations.isEmpty {
      throw RuleLoadError(path: path, line: line, message: "'expect: none' cannot stand with other expectations")
    }
    var sharesOutstanding: ExactDecimal?
    if let entry = try single(
      "shares-outstanding", in: entries, required: false, blockLine: line, block: "example", path: path)
    {
      guard let value = ExactDecimal.parse(entry.value), value.significand > 0 else {
        throw RuleLoadError(
          path: path, line: entry.line, message: "shares-outstanding: '\(entry.value)' is not a positive number")
      }
      sharesOutstanding = value
    }
    guard let filing = try single("filing", in: entries, required: true, blockLine: line, block: "example", path: path)
    else { throw RuleLoadError(path: path, line: line, message: "this example block has no 'filing:'") }
    guard filing.value.isEmpty else {
      throw RuleLoadError(
        path: path, line: filing.line, message: "filing: its lines follow below, each starting with '| '")
    }
    guard !filing.filingLines.isEmpty else {
      throw RuleLoadError(path: path, line: filing.line, message: "filing: has no lines ('| ...')")
    }
    return RuleExample(
      line: line, expectations: expectations.sorted(), sharesOutstanding: sharesOutstanding,
      filingText: filing.filingLines.joined(separator: "\n") + "\n", filingLine: filing.filingLine)
  }

  /// Removes the indentation the lines share, and leading and trailing blank lines.
  private static func dedent(_ lines: [String]) -> String {
    let indents = lines.filter { !$0.trimmingSpaces.isEmpty }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
    let common = indents.min() ?? 0
    var result = lines.map { $0.trimmingSpaces.isEmpty ? "" : String($0.dropFirst(common)) }
    while result.first == "" { result.removeFirst() }
    while result.last == "" { result.removeLast() }
    return result.joined(separator: "\n")
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    // Spaces and tabs are single UTF-8 bytes: trim on the bytes, then cut the string once.
    let whole = String(self)
    let utf8 = whole.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
    while end > start {
      let before = utf8.index(before: end)
      guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
      end = before
    }
    return String(whole[start..<end])
  }
}
