import BocheckModel
import Testing

/// Enums with text raw values hash by case, and findings hash by where they point: both agree with `==`.
@Suite("Model: hashing by case and by place")
struct CaseHashingTests {
  /// Each case's index, read from its byte, against its position in `allCases`.
  private static func indices<Case: CaseIterable & Equatable>(_: Case.Type) -> [(read: Int, expected: Int)] {
    Array(Case.allCases).enumerated().map { (CaseHashing.index(of: $0.element), $0.offset) }
  }

  @Test("the index read from an enum's byte is its case's position in allCases, for every enum hashed so")
  func indexIsTheCasePosition() {
    for (read, expected) in Self.indices(RowField.self) + Self.indices(PartKind.self) + Self.indices(Severity.self) {
      #expect(read == expected)
    }
    #expect(CaseHashing.index(of: RowField.typeOfReportingPerson) == 13)
    #expect(CaseHashing.index(of: Severity.error) == 2)
  }

  @Test("distinct cases hash apart and a table keyed by them finds every case")
  func tablesFindEveryCase() {
    var table: [RowField: Int] = [:]
    for (position, field) in RowField.allCases.enumerated() { table[field] = position }
    #expect(table.count == RowField.allCases.count)
    for (position, field) in RowField.allCases.enumerated() { #expect(table[field] == position) }
    #expect(Set(RowField.allCases.map(\.hashValue)).count == RowField.allCases.count)
    #expect(Set(PartKind.allCases).count == PartKind.allCases.count)
  }

  private static func finding(message: String, line: Int = 12) -> Finding {
    Finding(
      ruleID: "power-sum", severity: .error, page: 2, person: "Alpha Fund LP", row: 9, line: line, column: 3,
      message: message)
  }

  @Test("equal findings hash alike; findings that differ only in texts of equal length stay apart in a set")
  func findingsHashByPlace() {
    let first = Self.finding(message: "row 9 reads 100")
    #expect(first.hashValue == Self.finding(message: "row 9 reads 100").hashValue)
    let sameLength = Self.finding(message: "row 9 reads 200")
    #expect(first != sameLength)
    var other = first
    other.expected = "300"
    let seen: Set<Finding> = [
      first, Self.finding(message: "row 9 reads 100"), sameLength, other,
      Self.finding(message: "row 9 reads 100", line: 13),
    ]
    #expect(seen.count == 4)
    #expect(seen.contains(sameLength) && seen.contains(other))
  }
}
