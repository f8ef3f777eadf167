import BocheckModel
import BocheckSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Rule files parsed and type-checked at build time, in a compact text form that is read back without parsing.
///
/// The build-tool plugin `CompileRules` runs `bocheck-rules-compiler`, which parses `Rules/*.rule` with the
/// ordinary parser and embeds ``archive(rules:texts:)`` in the `bocheck` executable. At run time
/// ``RuleSet/load(directories:compiled:)`` takes the compiled rules only when the folder of built-in rules holds
/// exactly the files they were compiled from (the same names and the same bytes); otherwise it parses the files,
/// so the rule files stay the source of truth and an edited or added file behaves as before.
///
/// The form: a header line, then for each file its name, its size and a 64-bit hash of its bytes
/// (``fingerprint(_:)``), then every rule field in a fixed order. A string is its UTF-8 length, `:` and its
/// bytes; a number is its decimal digits followed by `;`; an optional or a case is one tag letter. A rule set
/// that cannot be decoded is not used.
public enum CompiledRules {
  /// The first line of every archive; another version of the form is not read.
  static let header = "bocheck-compiled-rules 2\n"

  /// The archive of rules parsed from files.
  ///
  /// - Parameters:
  ///   - rules: The rules, one per file, in the order of `texts`.
  ///   - texts: Each rule file's name (such as `parent-sum.rule`) and bytes.
  /// - Returns: The archive, to be embedded as a string.
  public static func archive(rules: [Rule], texts: [(name: String, bytes: [UInt8])]) -> String {
    precondition(rules.count == texts.count, "one rule per file")
    var writer = Writer()
    writer.bytes.append(contentsOf: header.utf8)
    writer.number(rules.count)
    for (rule, text) in zip(rules, texts) {
      writer.string(text.name)
      writer.number(text.bytes.count)
      writer.string(String(fingerprint(text.bytes), radix: 16))
      writer.rule(rule)
    }
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// The compiled rules, when `directory` holds exactly the `.rule` files they were compiled from.
  ///
  /// - Parameters:
  ///   - archive: An archive written by ``archive(rules:texts:)``.
  ///   - directory: The folder of rule files as given (the rules' paths are made from it).
  ///   - names: The folder's `.rule` file names, sorted.
  /// - Returns: The rules in file order with their paths in `directory`, or `nil` when a file differs, is
  ///   missing or was added, or the archive cannot be read.
  static func rules(archive: String, directory: String, names: [String]) -> [Rule]? {
    var archive = archive
    return archive.withUTF8 { buffer -> [Rule]? in
      var reader = Reader(buffer: buffer)
      guard reader.skip(header), let count = reader.number(), count == names.count, count > 0 else { return nil }
      var rules: [Rule] = []
      rules.reserveCapacity(count)
      for name in names {
        guard reader.string() == name, let size = reader.number(), let hash = reader.string() else { return nil }
        let path = RuleSet.joined(directory, name)
        guard let bytes = FileSystem.contents(of: path), bytes.count == size,
          String(fingerprint(bytes), radix: 16) == hash, let rule = reader.rule(path: path)
        else { return nil }
        rules.append(rule)
      }
      return reader.atEnd ? rules : nil
    }
  }

  /// A 64-bit hash of `bytes`: FNV-1a's step taken on eight bytes at a time (little-endian words), then on
  /// the bytes after the last whole word one by one, each step followed by folding the hash's high half into
  /// its low half.
  ///
  /// Each step is a bijection of the hash (an exclusive or, a product with an odd number, an exclusive or
  /// with its own high half), so two files of the same size that differ in one word always hash differently.
  /// The fold carries a word's high bits into the low bits the next product spreads: without it, a change
  /// of the top bit of two words would cancel out. Read a word at a time, the built-in rules' 57 KB cost a
  /// fraction of the instructions a byte at a time cost at every start.
  static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
    let prime: UInt64 = 0x100_0000_01b3
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBytes { raw in
      let wholeWords = raw.count / 8
      for word in 0..<wholeWords {
        let value = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
        hash = (hash ^ value) &* prime
        hash ^= hash >> 32
      }
      for byte in raw[(wholeWords * 8)...] {
        hash = (hash ^ UInt64(byte)) &* prime
        hash ^= hash >> 32
      }
    }
    return hash
  }
}

/// Appends the archive form of rules.
private struct Writer {
  var bytes: [UInt8] = []

  mutating func number(_ value: Int) {
    bytes.append(contentsOf: String(value).utf8)
    bytes.append(UInt8(ascii: ";"))
  }

  mutating func string(_ value: String) {
    number(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }

  mutating func tag(_ letter: Unicode.Scalar) {
    bytes.append(UInt8(ascii: letter))
  }

  mutating func strings(_ values: [String]) {
    number(values.count)
    for value in values { string(value) }
  }

  mutating func optional<Value>(_ value: Value?, _ write: (inout Writer, Value) -> Void) {
    guard let value else { return tag("-") }
    tag("+")
    write(&self, value)
  }

  mutating func severity(_ severity: Severity) {
    string(severity.rawValue)
  }

  mutating func decimal(_ value: ExactDecimal) {
    string(String(value.significand))
    number(value.scale)
  }

  mutating func rule(_ rule: Rule) {
    string(rule.id)
    severity(rule.severity)
    string(rule.summary)
    string(rule.source)
    string(rule.rationale)
    number(rule.examples.count)
    for example in rule.examples { self.example(example) }
    number(rule.checkSources.count)
    for source in rule.checkSources {
      string(source.iteration)
      strings(source.steps)
      string(source.expectation)
      string(source.message)
      optional(source.severity) { $0.severity($1) }
    }
    number(rule.checks.count)
    for check in rule.checks { self.check(check) }
  }

  mutating func example(_ example: RuleExample) {
    number(example.line)
    number(example.expectations.count)
    for expectation in example.expectations {
      switch expectation {
      case .filing: tag("f")
      case .page(let page, let row):
        tag("p")
        number(page)
        optional(row) { $0.number($1) }
      }
    }
    optional(example.sharesOutstanding) { $0.decimal($1) }
    string(example.filingText)
    number(example.filingLine)
  }

  mutating func check(_ check: RuleCheck) {
    number(check.bindings.count)
    for binding in check.bindings {
      string(binding.name)
      expression(binding.list)
    }
    number(check.steps.count)
    for step in check.steps {
      switch step {
      case .letting(let name, let value):
        tag("l")
        string(name)
        expression(value)
      case .filtering(let condition):
        tag("w")
        expression(condition)
      }
    }
    expression(check.expectation)
    expression(check.target)
    number(check.message.segments.count)
    for segment in check.message.segments {
      switch segment {
      case .literal(let text):
        tag("t")
        string(text)
      case .placeholder(let value, let source):
        tag("e")
        expression(value)
        string(source)
      }
    }
    optional(check.severity) { $0.severity($1) }
    optional(check.expected) { $0.expression($1) }
    optional(check.actual) { $0.expression($1) }
    optional(check.person) { $0.expression($1) }
    number(check.line)
  }

  mutating func expression(_ expression: Expression) {
    switch expression {
    case .number(let value):
      tag("n")
      decimal(value)
    case .string(let value):
      tag("s")
      string(value)
    case .boolean(let value): tag(value ? "T" : "F")
    case .null: tag("0")
    case .list(let items):
      tag("L")
      number(items.count)
      for item in items { self.expression(item) }
    case .name(let name):
      tag("v")
      string(name)
    case .member(let base, let field):
      tag(".")
      self.expression(base)
      string(field)
    case .filter(let base, let condition):
      tag("[")
      self.expression(base)
      self.expression(condition)
    case .call(let function, let arguments):
      tag("c")
      string(function)
      number(arguments.count)
      for argument in arguments { self.expression(argument) }
    case .unary(let operation, let operand):
      tag("u")
      string(operation.rawValue)
      self.expression(operand)
    case .binary(let operation, let left, let right):
      tag("b")
      string(operation.rawValue)
      self.expression(left)
      self.expression(right)
    case .test(let operand, let kind):
      tag("i")
      self.expression(operand)
      string(kind.rawValue)
    }
  }
}

/// Reads the archive form of rules back; every read returns `nil` on a malformed archive.
private struct Reader {
  let buffer: UnsafeBufferPointer<UInt8>
  var position = 0

  init(buffer: UnsafeBufferPointer<UInt8>) {
    self.buffer = buffer
  }

  var atEnd: Bool { position == buffer.count }

  mutating func skip(_ text: String) -> Bool {
    for byte in text.utf8 {
      guard position < buffer.count, buffer[position] == byte else { return false }
      position += 1
    }
    return true
  }

  mutating func number() -> Int? {
    var value = 0
    var digits = 0
    let negative = position < buffer.count && buffer[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    while position < buffer.count, buffer[position] != UInt8(ascii: ";") {
      let digit = Int(buffer[position]) - 48
      guard digit >= 0, digit <= 9, digits < 18 else { return nil }
      value = value * 10 + digit
      digits += 1
      position += 1
    }
    guard digits > 0, position < buffer.count else { return nil }
    position += 1
    return negative ? -value : value
  }

  mutating func string() -> String? {
    guard let length = number(), length >= 0, length <= buffer.count - position else { return nil }
    defer { position += length }
    return String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<position + length]), as: UTF8.self)
  }

  mutating func strings() -> [String]? {
    guard let count = number(), count >= 0 else { return nil }
    var values: [String] = []
    for _ in 0..<count {
      guard let value = string() else { return nil }
      values.append(value)
    }
    return values
  }

  mutating func tag() -> UInt8? {
    guard position < buffer.count else { return nil }
    defer { position += 1 }
    return buffer[position]
  }

  mutating func optional<Value>(_ read: (inout Reader) -> Value?) -> Value?? {
    switch tag() {
    case UInt8(ascii: "-"): return .some(nil)
    case UInt8(ascii: "+"): return read(&self).map { .some($0) }
    default: return nil
    }
  }

  mutating func severity() -> Severity? {
    string().flatMap(Severity.init(rawValue:))
  }

  mutating func decimal() -> ExactDecimal? {
    guard let digits = string(), let significand = Int128(digits), let scale = number() else { return nil }
    return ExactDecimal(significand: significand, scale: scale)
  }

  mutating func rule(path: String) -> Rule? {
    guard let id = string(), let severity = severity(), let summary = string(), let source = string(),
      let rationale = string(), let exampleCount = number(), exampleCount >= 0
    else { return nil }
    var examples: [RuleExample] = []
    for _ in 0..<exampleCount {
      guard let example = example() else { return nil }
      examples.append(example)
    }
    guard let sourceCount = number(), sourceCount >= 0 else { return nil }
    var checkSources: [RuleCheckSource] = []
    for _ in 0..<sourceCount {
      guard let iteration = string(), let steps = strings(), let expectation = string(), let message = string(),
        let severity = optional({ $0.severity() })
      else { return nil }
      checkSources.append(
        RuleCheckSource(
          iteration: iteration, steps: steps, expectation: expectation, message: message, severity: severity))
    }
    guard let checkCount = number(), checkCount >= 0 else { return nil }
    var checks: [RuleCheck] = []
    for _ in 0..<checkCount {
      guard let check = check() else { return nil }
      checks.append(check)
    }
    return Rule(
      id: id, severity: severity, summary: summary, source: source, rationale: rationale, path: path,
      examples: examples, checkSources: checkSources, checks: checks)
  }

  mutating func example() -> RuleExample? {
    guard let line = number(), let count = number(), count >= 0 else { return nil }
    var expectations: [ExampleExpectation] = []
    for _ in 0..<count {
      switch tag() {
      case UInt8(ascii: "f"): expectations.append(.filing)
      case UInt8(ascii: "p"):
        guard let page = number(), let row = optional({ $0.number() }) else { return nil }
        expectations.append(.page(page, row: row))
      default: return nil
      }
    }
    guard let sharesOutstanding = optional({ $0.decimal() }), let filingText = string(), let filingLine = number()
    else { return nil }
    return RuleExample(
      line: line, expectations: expectations, sharesOutstanding: sharesOutstanding, filingText: filingText,
      filingLine: filingLine)
  }

  mutating func check() -> RuleCheck? {
    guard let bindingCount = number(), bindingCount >= 0 else { return nil }
    var bindings: [RuleCheck.Binding] = []
    for _ in 0..<bindingCount {
      guard let name = string(), let list = expression() else { return nil }
      bindings.append(RuleCheck.Binding(name: name, list: list))
    }
    guard let stepCount = number(), stepCount >= 0 else { return nil }
    var steps: [RuleCheck.Step] = []
    for _ in 0..<stepCount {
      switch tag() {
      case UInt8(ascii: "l"):
        guard let name = string(), let value = expression() else { return nil }
        steps.append(.letting(name, value))
      case UInt8(ascii: "w"):
        guard let condition = expression() else { return nil }
        steps.append(.filtering(condition))
      default: return nil
      }
    }
    guard let expectation = expression(), let target = expression(), let segmentCount = number(), segmentCount >= 0
    else { return nil }
    var segments: [MessageTemplate.Segment] = []
    for _ in 0..<segmentCount {
      switch tag() {
      case UInt8(ascii: "t"):
        guard let text = string() else { return nil }
        segments.append(.literal(text))
      case UInt8(ascii: "e"):
        guard let value = expression(), let source = string() else { return nil }
        segments.append(.placeholder(value, source: source))
      default: return nil
      }
    }
    guard let severity = optional({ $0.severity() }), let expected = optional({ $0.expression() }),
      let actual = optional({ $0.expression() }), let person = optional({ $0.expression() }), let line = number()
    else { return nil }
    return RuleCheck(
      bindings: bindings, steps: steps, expectation: expectation, target: target,
      message: MessageTemplate(segments: segments), severity: severity, expected: expected, actual: actual,
      person: person, line: line)
  }

  mutating func expressions() -> [Expression]? {
    guard let count = number(), count >= 0 else { return nil }
    var items: [Expression] = []
    for _ in 0..<count {
      guard let item = expression() else { return nil }
      items.append(item)
    }
    return items
  }

  mutating func expression() -> Expression? {
    switch tag() {
    case UInt8(ascii: "n"): return decimal().map { .number($0) }
    case UInt8(ascii: "s"): return string().map { .string($0) }
    case UInt8(ascii: "T"): return .boolean(true)
    case UInt8(ascii: "F"): return .boolean(false)
    case UInt8(ascii: "0"): return .null
    case UInt8(ascii: "L"): return expressions().map { .list($0) }
    case UInt8(ascii: "v"): return string().map { .name($0) }
    case UInt8(ascii: "."):
      guard let base = expression(), let field = string() else { return nil }
      return .member(base, field)
    case UInt8(ascii: "["):
      guard let base = expression(), let condition = expression() else { return nil }
      return .filter(base, condition)
    case UInt8(ascii: "c"):
      guard let function = string(), let arguments = expressions() else { return nil }
      return .call(function, arguments)
    case UInt8(ascii: "u"):
      guard let operation = string().flatMap(UnaryOperator.init(rawValue:)), let operand = expression() else {
        return nil
      }
      return .unary(operation, operand)
    case UInt8(ascii: "b"):
      guard let operation = string().flatMap(BinaryOperator.init(rawValue:)), let left = expression(),
        let right = expression()
      else { return nil }
      return .binary(operation, left, right)
    case UInt8(ascii: "i"):
      guard let operand = expression(), let kind = string().flatMap(TestKind.init(rawValue:)) else { return nil }
      return .test(operand, kind)
    default: return nil
    }
  }
}
