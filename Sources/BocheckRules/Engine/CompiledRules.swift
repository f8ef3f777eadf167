import BocheckModel
import BocheckSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Rule files parsed, type-checked and planned at build time, in a compact text form that is read back without
/// parsing or resolving.
///
/// The build-tool plugin `CompileRules` runs `bocheck-rules-compiler`, which parses `Rules/*.rule` with the
/// ordinary parser and embeds ``archive(rules:texts:)`` in the `bocheck` executable. At run time
/// ``RuleSet/load(directories:compiled:)`` takes the compiled rules only when the folder of built-in rules holds
/// exactly the files they were compiled from (the same names and the same bytes); otherwise it parses the files,
/// so the rule files stay the source of truth and an edited or added file behaves as before.
///
/// The form: a header line, then for each file its name, its size and a 64-bit hash of its bytes
/// (``fingerprint(_:)``), then every rule field in a fixed order: a rule's examples and its checks as written,
/// which no check reads, are one piece after its length in bytes, which loading passes over and keeps where it
/// is (see ``RuleDetails``). A check is archived as it runs, its
/// ``CheckRunner/Program``: its expressions resolved (variables as slots, fields as their packed slots in
/// every kind, functions by their position in ``BuiltinFunctions/ordered``) and its steps planned, so that
/// loading does not resolve them again. A
/// string is its UTF-8 length, `:` and its bytes; a number is its decimal digits followed by `;`; a field's
/// slots are sixteen hexadecimal digits; an operator is its position in a fixed list; an optional or a case
/// is one tag letter. A rule set that cannot be decoded is not used.
public enum CompiledRules {
  /// The first line of every archive; another version of the form is not read.
  static let header = "bocheck-compiled-rules 5\n"

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
    // Read through a copy: the rules keep the archive itself (see ``RuleDetails``).
    var text = archive
    return text.withUTF8 { buffer -> [Rule]? in
      var reader = Reader(buffer: buffer)
      guard reader.skip(header), let count = reader.number(), count == names.count, count > 0 else { return nil }
      var rules: [Rule] = []
      rules.reserveCapacity(count)
      for name in names {
        guard reader.string() == name, let size = reader.number(), let hash = reader.string() else { return nil }
        let path = RuleSet.joined(directory, name)
        guard let bytes = FileSystem.contents(of: path), bytes.count == size,
          String(fingerprint(bytes), radix: 16) == hash, let rule = reader.rule(path: path, archive: archive)
        else { return nil }
        rules.append(rule)
      }
      return reader.atEnd ? rules : nil
    }
  }

  /// The examples and the checks as written of a rule, from the bytes of an archive that hold them (see
  /// ``RuleDetails``).
  ///
  /// - Parameters:
  ///   - archive: An archive written by ``archive(rules:texts:)``.
  ///   - bytes: The UTF-8 offsets of the rule's details in it, as loading the rule found them.
  /// - Returns: `nil` when they cannot be read.
  static func details(archive: String, bytes: Range<Int>) -> (
    examples: [RuleExample], checkSources: [RuleCheckSource]
  )? {
    var archive = archive
    return archive.withUTF8 { buffer in
      guard bytes.lowerBound >= 0, bytes.upperBound <= buffer.count else { return nil }
      var reader = Reader(buffer: UnsafeBufferPointer(rebasing: buffer[bytes]))
      guard let details = reader.details(), reader.atEnd else { return nil }
      return details
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

  /// A list: its count, then each element written by `write` (what ``Reader/list(_:)`` reads back).
  mutating func list<Element>(_ elements: [Element], _ write: (inout Writer, Element) -> Void) {
    number(elements.count)
    for element in elements { write(&self, element) }
  }

  mutating func strings(_ values: [String]) {
    list(values) { $0.string($1) }
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
    // The examples and the checks as written, which no check reads, as one piece after its length in bytes,
    // which loading passes over (see ``RuleDetails``).
    var details = Writer()
    details.list(rule.examples) { $0.example($1) }
    details.list(rule.checkSources) { writer, source in
      writer.string(source.iteration)
      writer.strings(source.steps)
      writer.string(source.expectation)
      writer.string(source.message)
      writer.optional(source.severity) { $0.severity($1) }
    }
    number(details.bytes.count)
    bytes.append(contentsOf: details.bytes)
    list(rule.programs) { $0.program($1) }
  }

  mutating func example(_ example: RuleExample) {
    number(example.line)
    list(example.expectations) { writer, expectation in
      switch expectation {
      case .filing: writer.tag("f")
      case .page(let page, let row):
        writer.tag("p")
        writer.number(page)
        writer.optional(row) { $0.number($1) }
      }
    }
    optional(example.sharesOutstanding) { $0.decimal($1) }
    string(example.filingText)
    number(example.filingLine)
  }

  mutating func flag(_ value: Bool) {
    tag(value ? "T" : "F")
  }

  mutating func numbers(_ values: [Int]) {
    list(values) { $0.number($1) }
  }

  mutating func program(_ program: CheckRunner.Program) {
    list(program.bindings) { writer, binding in
      writer.number(binding.slot)
      writer.resolved(binding.list)
    }
    list(program.steps) { writer, step in
      writer.optional(step.slot) { $0.number($1) }
      writer.resolved(step.expression)
      writer.number(step.level)
    }
    list(program.stepsToForget) { $0.numbers($1) }
    list(program.deferredLets) { writer, deferredLet in
      writer.number(deferredLet.slot)
      writer.resolved(deferredLet.expression)
    }
    list(program.deferredLetsToForget) { $0.numbers($1) }
    list(program.reevaluated) { $0.flag($1) }
    resolved(program.expectation)
    resolved(program.target)
    list(program.message.segments) { writer, segment in
      switch segment {
      case .literal(let text):
        writer.tag("t")
        writer.string(text)
      case .placeholder(let value):
        writer.tag("e")
        writer.resolved(value)
      }
    }
    optional(program.expected) { $0.resolved($1) }
    optional(program.actual) { $0.resolved($1) }
    optional(program.person) { $0.resolved($1) }
    number(program.slotCount)
    optional(program.severity) { $0.severity($1) }
  }

  /// A field's packed slots, as sixteen hexadecimal digits.
  mutating func field(_ field: FieldAccess) {
    for shift in stride(from: 60, through: 0, by: -4) {
      bytes.append(Writer.hexDigits[Int((field.packed >> UInt64(shift)) & 0xF)])
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// A case of an operator's or a test's enumeration, by its position among the enumeration's cases in their
  /// order of declaration (the archive is written anew by every build, so a case added anywhere only moves the
  /// positions both sides read).
  mutating func caseIndex<Case: CaseIterable & Equatable>(_ value: Case) {
    guard let index = Case.allCases.firstIndex(of: value) else { preconditionFailure("\(value) is not a case") }
    number(Case.allCases.distance(from: Case.allCases.startIndex, to: index))
  }

  mutating func resolved(_ expression: ResolvedExpression) {
    switch expression {
    case .constant(let value):
      tag("K")
      self.value(value)
    case .list(let items):
      tag("L")
      list(items) { $0.resolved($1) }
    case .variable(let slot):
      tag("v")
      number(slot)
    case .deferredLet(let position, let slot):
      tag("d")
      number(position)
      number(slot)
    case .elementField(let field, let fallback):
      tag("E")
      self.field(field)
      resolved(fallback)
    case .innermostElement: tag("I")
    case .member(let base, let field):
      tag(".")
      resolved(base)
      self.field(field)
    case .variableMember(let slot, let field):
      tag("V")
      number(slot)
      self.field(field)
    case .filter(let base, let condition):
      tag("[")
      resolved(base)
      resolved(condition)
    case .call(let function, let arguments):
      tag("c")
      guard let position = BuiltinFunctions.ordered.firstIndex(where: { $0.name == function.name }) else {
        preconditionFailure("\(function.name) is not a building block")
      }
      number(position)
      list(arguments) { $0.resolved($1) }
    case .unary(let operation, let operand):
      tag("u")
      caseIndex(operation)
      resolved(operand)
    case .binary(let operation, let left, let right):
      tag("b")
      caseIndex(operation)
      resolved(left)
      resolved(right)
    case .test(let operand, let kind):
      tag("i")
      resolved(operand)
      caseIndex(kind)
    case .textMembership(let operand, let texts, let negated):
      tag("m")
      resolved(operand)
      strings(texts.sortedTexts)
      flag(negated)
    case .textEquality(let operand, let text, let negated):
      tag("q")
      resolved(operand)
      string(text)
      flag(negated)
    }
  }

  /// A value known when the rule loads: never an object of the model, which only a filing has.
  mutating func value(_ value: Value) {
    switch value {
    case .null: tag("0")
    case .boolean(let flag): self.flag(flag)
    case .number(let number, let places):
      tag("n")
      string(String(number.numerator))
      string(String(number.denominator))
      optional(places.decimals) { $0.number($1) }
    case .string(let text):
      tag("s")
      string(text)
    case .list(let items):
      tag("L")
      list(items) { $0.value($1) }
    case .object: preconditionFailure("a rule's constant is never an object of the model")
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
    // Most numbers (counts, slots, positions of cases) are one digit: read at once.
    if position + 1 < buffer.count, buffer[position + 1] == UInt8(ascii: ";") {
      let digit = Int(buffer[position]) &- 48
      if digit >= 0 && digit <= 9 {
        position += 2
        return digit
      }
    }
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

  /// A rule, its details passed over and kept where the archive holds them (see ``RuleDetails``).
  ///
  /// - Parameters:
  ///   - path: The rule file's path.
  ///   - archive: The archive being read, whose UTF-8 bytes the reader reads.
  mutating func rule(path: String, archive: String) -> Rule? {
    guard let id = string(), let severity = severity(), let summary = string(), let source = string(),
      let rationale = string(), let detailsLength = number(), detailsLength >= 0,
      detailsLength <= buffer.count - position
    else { return nil }
    let details = position..<position + detailsLength
    position += detailsLength
    guard let programs = list({ $0.program() }) else { return nil }
    return Rule(
      id: id, severity: severity, summary: summary, source: source, rationale: rationale, path: path,
      details: .archived(archive: archive, bytes: details, path: path), programs: programs)
  }

  /// A rule's examples and its checks as written.
  mutating func details() -> (examples: [RuleExample], checkSources: [RuleCheckSource])? {
    guard let exampleCount = number(), exampleCount >= 0 else { return nil }
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
    return (examples, checkSources)
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

  mutating func flag() -> Bool? {
    switch tag() {
    case UInt8(ascii: "T"): return true
    case UInt8(ascii: "F"): return false
    default: return nil
    }
  }

  /// A list of `count`, then each element read by `read`.
  mutating func list<Element>(_ read: (inout Reader) -> Element?) -> [Element]? {
    guard let count = number(), count >= 0, count <= buffer.count - position else { return nil }
    var elements: [Element] = []
    elements.reserveCapacity(count)
    for _ in 0..<count {
      guard let element = read(&self) else { return nil }
      elements.append(element)
    }
    return elements
  }

  mutating func numbers() -> [Int]? {
    list { $0.number() }
  }

  mutating func program() -> CheckRunner.Program? {
    guard
      let bindings = list({ reader -> (slot: Int, list: ResolvedExpression)? in
        guard let slot = reader.number(), let list = reader.resolved() else { return nil }
        return (slot, list)
      }),
      let steps = list({ reader -> CheckRunner.Program.Step? in
        guard let slot = reader.optional({ $0.number() }), let expression = reader.resolved(),
          let level = reader.number()
        else { return nil }
        return CheckRunner.Program.Step(slot: slot, expression: expression, level: level)
      }),
      let stepsToForget = list({ $0.numbers() }),
      let deferredLets = list({ reader -> DeferredLet? in
        guard let slot = reader.number(), let expression = reader.resolved() else { return nil }
        return DeferredLet(slot: slot, expression: expression)
      }),
      let deferredLetsToForget = list({ $0.numbers() }),
      let reevaluated = list({ $0.flag() }),
      let expectation = resolved(), let target = resolved(),
      let segments = list({ reader -> ResolvedMessage.Segment? in
        switch reader.tag() {
        case UInt8(ascii: "t"): return reader.string().map { .literal($0) }
        case UInt8(ascii: "e"): return reader.resolved().map { .placeholder($0) }
        default: return nil
        }
      }),
      let expected = optional({ $0.resolved() }), let actual = optional({ $0.resolved() }),
      let person = optional({ $0.resolved() }), let slotCount = number(), let severity = optional({ $0.severity() })
    else { return nil }
    return CheckRunner.Program(
      bindings: bindings, steps: steps, stepsToForget: stepsToForget, deferredLets: deferredLets,
      deferredLetsToForget: deferredLetsToForget, reevaluated: reevaluated, expectation: expectation,
      target: target, message: ResolvedMessage(segments: segments), expected: expected, actual: actual,
      person: person, slotCount: slotCount, severity: severity)
  }

  /// A field's packed slots, from sixteen hexadecimal digits.
  mutating func field() -> FieldAccess? {
    guard buffer.count - position >= 16, let base = buffer.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base + position)
    guard let high = Reader.hexDigits(ByteWord.load(raw, at: 0)), let low = Reader.hexDigits(ByteWord.load(raw, at: 8))
    else { return nil }
    position += 16
    return FieldAccess(packed: high << 32 | low)
  }

  /// The value of eight lowercase hexadecimal digits (the first in the word's lowest byte, the most significant),
  /// worked out for all eight at once; `nil` when a byte is no such digit.
  ///
  /// A byte's bounds are compared by adding to its seven bits, which carries into no other byte (see
  /// ``ByteWord/notLettersOrDigits(_:)``). A digit's value is its low four bits, plus 9 for a letter (`a` is
  /// 0x61); the eight four-bit values are then gathered pairwise into bytes, bytes into halves and halves into
  /// one 32-bit number.
  private static func hexDigits(_ word: UInt64) -> UInt64? {
    let highBits = ByteWord.repeating(0x80)
    guard ByteWord.isASCII(word) else { return nil }
    // At least "0" (0x30 + 0x50 reaches 0x80) and not past "9" (0x3A + 0x46 reaches 0x80).
    let digits = (word &+ ByteWord.repeating(0x50)) & ~(word &+ ByteWord.repeating(0x46))
    // At least "a" (0x61 + 0x1F reaches 0x80) and not past "f" (0x67 + 0x19 reaches 0x80).
    let letters = (word &+ ByteWord.repeating(0x1F)) & ~(word &+ ByteWord.repeating(0x19))
    guard (digits | letters) & highBits == highBits else { return nil }
    // The first digit is the most significant: the bytes are read from the highest once swapped.
    var values = ((word & ByteWord.repeating(0x0F)) &+ (letters & highBits) >> 7 &* 9).byteSwapped
    values = (values | values >> 4) & 0x00FF_00FF_00FF_00FF
    values = (values | values >> 8) & 0x0000_FFFF_0000_FFFF
    return (values | values >> 16) & 0x0000_0000_FFFF_FFFF
  }

  /// A case of an operator's or a test's enumeration, by its position among the cases (see
  /// ``Writer/caseIndex(_:)``).
  mutating func caseIndex<Case: CaseIterable>() -> Case? {
    let cases = Case.allCases
    guard let offset = number(), offset >= 0, offset < cases.count else { return nil }
    return cases[cases.index(cases.startIndex, offsetBy: offset)]
  }

  mutating func resolved() -> ResolvedExpression? {
    switch tag() {
    case UInt8(ascii: "K"): return value().map { .constant($0) }
    case UInt8(ascii: "L"): return list({ $0.resolved() }).map { .list($0) }
    case UInt8(ascii: "v"): return number().map { .variable($0) }
    case UInt8(ascii: "d"):
      guard let position = number(), let slot = number() else { return nil }
      return .deferredLet(position, slot: slot)
    case UInt8(ascii: "E"):
      guard let field = field(), let fallback = resolved() else { return nil }
      return .elementField(field, fallback: fallback)
    case UInt8(ascii: "I"): return .innermostElement
    case UInt8(ascii: "."):
      guard let base = resolved(), let field = field() else { return nil }
      return .member(base, field)
    case UInt8(ascii: "V"):
      guard let slot = number(), let field = field() else { return nil }
      return .variableMember(slot, field)
    case UInt8(ascii: "["):
      guard let base = resolved(), let condition = resolved() else { return nil }
      return .filter(base, condition)
    case UInt8(ascii: "c"):
      let functions = BuiltinFunctions.ordered
      guard let position = number(), functions.indices.contains(position), let arguments = list({ $0.resolved() })
      else { return nil }
      let function = functions[position]
      return .call(function, arguments)
    case UInt8(ascii: "u"):
      guard let operation = caseIndex() as UnaryOperator?, let operand = resolved() else { return nil }
      return .unary(operation, operand)
    case UInt8(ascii: "b"):
      guard let operation = caseIndex() as BinaryOperator?, let left = resolved(),
        let right = resolved()
      else { return nil }
      return .binary(operation, left, right)
    case UInt8(ascii: "i"):
      guard let operand = resolved(), let kind = caseIndex() as TestKind? else { return nil }
      return .test(operand, kind)
    case UInt8(ascii: "m"):
      guard let operand = resolved(), let texts = strings(), let negated = flag() else { return nil }
      return .textMembership(operand, TextSet(Set(texts)), negated: negated)
    case UInt8(ascii: "q"):
      guard let operand = resolved(), let text = string(), let negated = flag() else { return nil }
      return .textEquality(operand, text, negated: negated)
    default: return nil
    }
  }

  mutating func value() -> Value? {
    switch tag() {
    case UInt8(ascii: "0"): return .null
    case UInt8(ascii: "T"): return .boolean(true)
    case UInt8(ascii: "F"): return .boolean(false)
    case UInt8(ascii: "n"):
      guard let numerator = string().flatMap({ Int128($0) }), let denominator = string().flatMap({ Int128($0) }),
        let decimals = optional({ $0.number() }),
        let number = try? Rational(numerator: numerator, denominator: denominator)
      else { return nil }
      return .number(number, decimals: decimals)
    case UInt8(ascii: "s"): return string().map { .string($0) }
    case UInt8(ascii: "L"): return list({ $0.value() }).map { .list($0) }
    default: return nil
    }
  }
}
