// TEMPORARY stand-in for the BocheckRules API while it is written in parallel; deleted when it is merged.
import BocheckModel

public enum BasisSource: String, Sendable, Hashable, Codable { case option, stated, implied }

public struct SharesOutstandingBasis: Sendable, Hashable {
  public let value: ExactDecimal
  public let source: BasisSource
  public let line: Int?
}

public struct RuleLoadError: Error, Sendable, Equatable, CustomStringConvertible {
  public let path: String
  public let line: Int
  public let message: String
  public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}

public enum ExampleExpectation: Hashable, Sendable, CustomStringConvertible {
  case filing
  case page(Int, row: Int?)
  public var description: String {
    switch self {
    case .filing: return "filing"
    case .page(let page, let row): return row.map { "page \(page) row \($0)" } ?? "page \(page)"
    }
  }
}

public struct RuleExample: Sendable, Hashable {
  public let line: Int
  public let expectations: [ExampleExpectation]
  public let sharesOutstanding: ExactDecimal?
  public let filingText: String
  public let filingLine: Int
  public var triggers: Bool { !expectations.isEmpty }
}

public struct RuleCheckSource: Sendable, Hashable {
  public let iteration: String
  public let steps: [String]
  public let expectation: String
  public let message: String
  public let severity: Severity?
}

public struct Rule: Sendable {
  public let id: String
  public let severity: Severity
  public let summary: String
  public let source: String
  public let rationale: String
  public let path: String
  public let examples: [RuleExample]
  public let checkSources: [RuleCheckSource]
}

public struct CheckOptions: Sendable {
  public var sharesOutstanding: ExactDecimal?
  public var onlyRules: Set<String>?
  public init(sharesOutstanding: ExactDecimal? = nil, onlyRules: Set<String>? = nil) {
    self.sharesOutstanding = sharesOutstanding
    self.onlyRules = onlyRules
  }
}

public struct CheckResult: Sendable {
  public let findings: [Finding]
  public let basis: SharesOutstandingBasis?
}

public struct RuleSet: Sendable {
  public let rules: [Rule]
  public static func load(directories: [String]) throws(RuleLoadError) -> RuleSet { RuleSet(rules: []) }
  public static func builtInDirectory() -> String? { "/work/wt-cli/Rules" }
  public func check(_ filing: Filing, options: CheckOptions) -> CheckResult {
    let basis = options.sharesOutstanding.map { SharesOutstandingBasis(value: $0, source: .option, line: nil) }
      ?? filing.statedSharesOutstanding.map { SharesOutstandingBasis(value: $0.value, source: .stated, line: $0.line) }
    return CheckResult(findings: [], basis: basis)
  }
}
