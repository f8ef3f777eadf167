import BocheckModel

/// A rule as the CI reports describe it: its id, default severity and what it is about.
///
/// Reporting does not depend on the rule engine; the command line turns each loaded rule into this. The
/// SARIF report lists these as its `rules[]`; the JUnit report makes one test case per rule and file.
public struct ReportedRule: Hashable, Sendable {
  /// The stable id, such as `parent-sum`.
  public var id: String
  /// The severity of its findings, unless one of its checks overrides it.
  public var severity: Severity
  /// One line saying what the rule wants.
  public var summary: String
  /// Why the rule holds, in prose.
  public var rationale: String
  /// The form instruction or regulation it rests on.
  public var source: String

  /// Creates a rule description.
  ///
  /// - Parameters:
  ///   - id: The stable id.
  ///   - severity: The rule's default severity.
  ///   - summary: One line saying what the rule wants.
  ///   - rationale: Why the rule holds.
  ///   - source: The form instruction or regulation it rests on.
  public init(id: String, severity: Severity, summary: String, rationale: String, source: String) {
    self.id = id
    self.severity = severity
    self.summary = summary
    self.rationale = rationale
    self.source = source
  }
}
