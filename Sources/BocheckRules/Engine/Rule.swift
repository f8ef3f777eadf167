import BocheckModel

/// A rule file that cannot be loaded: where, and what is wrong.
public struct RuleLoadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The rule file's (or folder's) path.
  public let path: String
  /// The 1-based line in the file, or 0 when the problem is about the whole file or folder.
  public let line: Int
  /// What is wrong, in words.
  public let message: String

  /// Creates an error.
  public init(path: String, line: Int, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `path:line: message`, as compilers print errors (`path: message` when there is no line).
  public var description: String {
    line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
  }
}

/// Where an example expects a finding.
public enum ExampleExpectation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// A finding about the filing as a whole (no page).
  case filing
  /// A finding on a page, at a row (or the page itself when `row` is `nil`).
  case page(Int, row: Int?)

  public var description: String {
    switch self {
    case .filing: return "filing"
    case .page(let page, let row): return row.map { "page \(page) row \($0)" } ?? "page \(page)"
    }
  }

  /// Where a finding stands, in the terms examples use.
  public init(_ finding: Finding) {
    if let page = finding.page { self = .page(page, row: finding.row) } else { self = .filing }
  }

  public static func < (lhs: ExampleExpectation, rhs: ExampleExpectation) -> Bool {
    switch (lhs, rhs) {
    case (.filing, .filing): return false
    case (.filing, .page): return true
    case (.page, .filing): return false
    case (.page(let a, let rowA), .page(let b, let rowB)): return (a, rowA ?? 0) < (b, rowB ?? 0)
    }
  }
}

/// A small filing that a rule's examples say must, or must not, trigger the rule.
public struct RuleExample: Sendable, Hashable {
  /// The 1-based line of the `example:` key in the rule file.
  public let line: Int
  /// Where findings must be reported; empty for `expect: none`.
  public let expectations: [ExampleExpectation]
  /// The `shares-outstanding:` value to check with, if any.
  public let sharesOutstanding: ExactDecimal?
  /// The filing's text, without the `| ` prefixes.
  public let filingText: String
  /// The 1-based line in the rule file of the filing's first line.
  public let filingLine: Int

  /// Whether the example must trigger the rule.
  public var triggers: Bool { !expectations.isEmpty }
}

/// The text of one `check:` block as written, for showing a rule to its users.
public struct RuleCheckSource: Sendable, Hashable {
  /// The `for:` iteration.
  public let iteration: String
  /// The `let:` and `where:` lines in order, each with its key (`let: x = ...`).
  public let steps: [String]
  /// The `expect:` condition.
  public let expectation: String
  /// The `message:` template.
  public let message: String
  /// The check's own severity, if it overrides the rule's.
  public let severity: Severity?
}

/// One loaded rule: what it checks, why, and its examples.
public struct Rule: Sendable {
  /// The stable id, equal to the file name without `.rule`.
  public let id: String
  /// The severity of its findings, unless a check overrides it.
  public let severity: Severity
  /// One line saying what the rule wants.
  public let summary: String
  /// The form instruction or regulation it rests on.
  public let source: String
  /// Why the rule holds, in prose.
  public let rationale: String
  /// The rule file's path.
  public let path: String
  /// Its examples, in file order.
  public var examples: [RuleExample] { details.decoded.examples }
  /// Its checks as written.
  public var checkSources: [RuleCheckSource] { details.decoded.checkSources }
  /// Its examples and its checks as written, or where the compiled rules keep them.
  let details: RuleDetails
  /// Its checks as they run: parsed, type-checked, resolved and planned (see ``CheckRunner/Program``).
  let programs: [CheckRunner.Program]

  /// A rule with its examples and its checks as written.
  init(
    id: String, severity: Severity, summary: String, source: String, rationale: String, path: String,
    examples: [RuleExample], checkSources: [RuleCheckSource], programs: [CheckRunner.Program]
  ) {
    self.init(
      id: id, severity: severity, summary: summary, source: source, rationale: rationale, path: path,
      details: .decoded(examples: examples, checkSources: checkSources), programs: programs)
  }

  /// A rule whose examples and checks as written are given as ``RuleDetails``.
  init(
    id: String, severity: Severity, summary: String, source: String, rationale: String, path: String,
    details: RuleDetails, programs: [CheckRunner.Program]
  ) {
    self.id = id
    self.severity = severity
    self.summary = summary
    self.source = source
    self.rationale = rationale
    self.path = path
    self.details = details
    self.programs = programs
  }
}

extension Rule: CustomReflectable {
  /// The rule's fields, its examples and its checks as written among them, however it keeps them: a rule taken
  /// from the compiled rules shows itself as the rule its file parses to.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "id": id, "severity": severity, "summary": summary, "source": source, "rationale": rationale, "path": path,
        "examples": examples, "checkSources": checkSources, "programs": programs,
      ])
  }
}

/// A rule's examples and its checks as written: what the rule tests and `bocheck rules` read, and no check.
///
/// A rule taken from the compiled rules keeps them as the archive holds them (see ``CompiledRules``) and
/// decodes them each time they are asked for: decoded for every rule at every start, their texts and lists
/// were most of the allocations of loading the rules, a noticeable part of checking one filing.
enum RuleDetails: Sendable {
  /// The examples and the checks as written.
  case decoded(examples: [RuleExample], checkSources: [RuleCheckSource])
  /// Where an archive of compiled rules holds them: its bytes (UTF-8 offsets) for the rule of the file at `path`.
  case archived(archive: String, bytes: Range<Int>, path: String)

  /// The examples and the checks as written, decoded when archived.
  ///
  /// The archive was checked against the rule file when the rule was loaded; should its details not decode, the
  /// rule file is parsed for them, as it would have been had the archive not been taken.
  var decoded: (examples: [RuleExample], checkSources: [RuleCheckSource]) {
    switch self {
    case .decoded(let examples, let checkSources): return (examples, checkSources)
    case .archived(let archive, let bytes, let path):
      if let details = CompiledRules.details(archive: archive, bytes: bytes) { return details }
      guard let parsed = try? RuleSet.loadRule(path: path),
        case .decoded(let examples, let checkSources) = parsed.details
      else { return ([], []) }
      return (examples, checkSources)
    }
  }
}

/// One `check:` block, parsed and type-checked.
struct RuleCheck: Sendable {
  /// A `name in list` iteration.
  struct Binding: Sendable {
    var name: String
    var list: Expression
  }

  /// A `let:` or a `where:` step, run in file order after the bindings.
  enum Step: Sendable {
    case letting(String, Expression)
    case filtering(Expression)
  }

  /// The iterations, outermost first; empty for `for: filing`.
  var bindings: [Binding]
  /// The steps.
  var steps: [Step]
  /// The condition that must hold.
  var expectation: Expression
  /// What the finding points at.
  var target: Expression
  /// The message.
  var message: MessageTemplate
  /// Overrides the rule's severity.
  var severity: Severity?
  /// The expected value for reports.
  var expected: Expression?
  /// The actual value for reports.
  var actual: Expression?
  /// The person's name for the finding, when it is not the innermost bound person.
  var person: Expression?
}
