import BocheckModel
import BocheckSeeded
import Testing

/// Findings put in report order by their positions are in the order a stable sort of the findings gives.
@Suite("Model: findings in report order")
struct FindingOrderTests {
  /// A finding whose order is set by its line, column, rule and message, and whose person tells copies apart.
  private static func finding(line: Int, column: Int, rule: String, message: String, person: String) -> Finding {
    Finding(
      ruleID: rule, severity: .warning, page: nil, person: person, row: nil, line: line, column: column,
      message: message)
  }

  @Test("seeded findings with many ties: by line, column, rule and message, ties in the order given")
  func seededFindingsAreOrderedStably() {
    var random = SplitMix64(seed: 0x6f72_6465)
    for round in 0..<300 {
      let findings = (0..<random.int(in: 0...30)).map { position in
        FindingOrderTests.finding(
          line: random.int(in: 1...4), column: random.int(in: 1...2), rule: random.pick(["a-rule", "b-rule"]),
          message: random.pick(["m", "n"]), person: "\(round).\(position)")
      }
      // The reference: the positions sorted by the order's key, ties by position.
      let expected = findings.indices.sorted {
        let (first, second) = (findings[$0], findings[$1])
        let keys = (
          (first.line, first.column, first.ruleID, first.message),
          (second.line, second.column, second.ruleID, second.message)
        )
        return keys.0 < keys.1 || (keys.0 == keys.1 && $0 < $1)
      }.map { findings[$0].person }
      let ordered = Finding.inReportOrder(findings)
      #expect(ordered.map(\.person) == expected)
      // Findings in order already come back as they are.
      #expect(Finding.inReportOrder(ordered).map(\.person) == expected)
    }
  }

  @Test("findings in order, out of order and empty")
  func smallCases() {
    let first = Self.finding(line: 3, column: 1, rule: "a", message: "x", person: "first")
    let second = Self.finding(line: 3, column: 2, rule: "a", message: "x", person: "second")
    let third = Self.finding(line: 7, column: 1, rule: "a", message: "x", person: "third")
    #expect(Finding.inReportOrder([third, first, second]).map(\.person) == ["first", "second", "third"])
    #expect(Finding.inReportOrder([first, second, third]).map(\.person) == ["first", "second", "third"])
    #expect(Finding.inReportOrder([]).isEmpty)
  }
}
