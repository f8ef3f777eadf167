import BocheckModel
import Testing

@testable import BocheckRules

/// A filing's findings are kept once each, in the order first found, as a set of them keeps them.
@Suite("Rules: distinct findings")
struct DistinctFindingsTests {
  /// A finding at a line and column with a message.
  private static func finding(line: Int, column: Int = 1, message: String = "m", rule: String = "r") -> Finding {
    Finding(
      ruleID: rule, severity: .error, page: 1, person: nil, row: nil, line: line, column: column, message: message)
  }

  @Test("each finding is kept once, in the order first found, below and past the findings compared one by one")
  func keptOnceInOrder() {
    let limit = DistinctFindings.linearLimit
    for count in [0, 1, 5, limit, limit + 1, 3 * limit] {
      // Findings that differ only in their message, their column or their rule, each added twice, the second
      // time after all of them.
      var findings: [Finding] = []
      for index in 0..<count {
        switch index % 3 {
        case 0: findings.append(Self.finding(line: index / 3, message: "m\(index)"))
        case 1: findings.append(Self.finding(line: index / 3, column: 2))
        default: findings.append(Self.finding(line: index / 3, rule: "r\(index)"))
        }
      }
      var distinct = DistinctFindings()
      var seen = Set<Finding>()
      var expected: [Finding] = []
      for finding in findings + findings.reversed() {
        distinct.insert(finding)
        if seen.insert(finding).inserted { expected.append(finding) }
      }
      #expect(distinct.elements == expected, "\(count) findings")
      #expect(distinct.elements.count == count)
    }
  }
}
