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
  public let examples: [RuleExample]
  /// Its checks as written.
  public let checkSources: [RuleCheckSource]
  /// Its checks as they run: parsed, type-checked, resolved and planned (see ``CheckRunner/Program``).
  let programs: [CheckRunner.Program]
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
