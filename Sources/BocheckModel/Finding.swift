/// How serious a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
  case note, warning, error

  /// Orders note < warning < error.
  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs.rank < rhs.rank
  }

  private var rank: Int {
    switch self {
    case .note: return 0
    case .warning: return 1
    case .error: return 2
    }
  }
}

/// A discrepancy a rule reports, with where it is and what the numbers should be.
public struct Finding: Hashable, Sendable {
  /// The id of the rule that reported it, such as `parent-sum`.
  public var ruleID: String
  /// How serious it is.
  public var severity: Severity
  /// The 1-based cover page it is about, or `nil` for the filing as a whole.
  public var page: Int?
  /// The reporting person's name, or `nil` where the page has no name.
  public var person: String?
  /// The row number on the filing's schedule, or `nil` for findings about the whole filing.
  public var row: Int?
  /// The 1-based line to fix.
  public var line: Int
  /// The 1-based column on that line.
  public var column: Int
  /// The message, with the numbers filled in.
  public var message: String
  /// What the value should be, when the rule can say.
  public var expected: String?
  /// What the value is.
  public var actual: String?

  /// Creates a finding.
  public init(
    ruleID: String, severity: Severity, page: Int?, person: String?, row: Int?, line: Int, column: Int,
    message: String, expected: String? = nil, actual: String? = nil
  ) {
    self.ruleID = ruleID
    self.severity = severity
    self.page = page
    self.person = person
    self.row = row
    self.line = line
    self.column = column
    self.message = message
    self.expected = expected
    self.actual = actual
  }

  /// Hashes where the finding points and the lengths of its rule's id and its message.
  ///
  /// Equal findings agree in all of these, so equal findings hash alike, as `Hashable` requires; hashing
  /// every text, as the derived hashing does, cost more than the rest of a set insertion, and findings that
  /// differ only in the spelling of texts of equal length are told apart by `==`.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(line)
    hasher.combine(column)
    hasher.combine(page)
    hasher.combine(row)
    hasher.combine(ruleID.utf8.count)
    hasher.combine(message.utf8.count)
  }

  /// Orders findings by line, column, rule and message, so that reports are deterministic.
  public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
    (lhs.line, lhs.column, lhs.ruleID, lhs.message) < (rhs.line, rhs.column, rhs.ruleID, rhs.message)
  }

  /// Findings in report order (``reportOrder(_:_:)``); findings that order alike keep their order.
  ///
  /// Findings already in order, as a rule set's result is, are returned as they are after one pass of
  /// comparisons. Otherwise their positions are sorted, not the findings: a finding holds several texts,
  /// and every move of one while sorting copied it, counting a reference to each text.
  ///
  /// - Parameter findings: The findings, in any order.
  public static func inReportOrder(_ findings: [Finding]) -> [Finding] {
    let isSorted = findings.indices.dropFirst().allSatisfy { !reportOrder(findings[$0], findings[$0 - 1]) }
    if isSorted { return findings }
    let order = findings.indices.sorted { first, second in
      if reportOrder(findings[first], findings[second]) { return true }
      return !reportOrder(findings[second], findings[first]) && first < second
    }
    return order.map { findings[$0] }
  }
}
