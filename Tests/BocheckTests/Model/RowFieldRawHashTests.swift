import BocheckModel
import Testing

/// A table keyed by row fields places them by the case's index mixed with its seed, without a `Hasher`.
@Suite("Model: row fields in hash tables")
struct RowFieldRawHashTests {
  /// Seeds of every low bit pattern and a few wide ones, as tables of different sizes and addresses have.
  private static let seeds = Array(0..<32) + [0x5DEE_CE66, -1, Int.min, Int.max, 0x1234_5678_9ABC_DEF0]

  @Test("in a table of sixteen buckets every field has its own bucket, whatever the seed; the seed is mixed in")
  func everyFieldItsOwnBucket() {
    for seed in Self.seeds {
      let buckets = Set(RowField.allCases.map { $0._rawHashValue(seed: seed) & 15 })
      #expect(buckets.count == RowField.allCases.count, "seed \(seed)")
    }
    #expect(RowField.percentOfClass._rawHashValue(seed: 0) != RowField.percentOfClass._rawHashValue(seed: 1))
  }

  @Test("dictionaries and sets keyed by fields find, replace and remove every field, grown row by row")
  func tablesFindEveryField() {
    var table: [RowField: Int] = [:]
    for (position, field) in RowField.allCases.reversed().enumerated() { table[field] = position }
    #expect(table.count == RowField.allCases.count)
    for (position, field) in RowField.allCases.reversed().enumerated() { #expect(table[field] == position) }
    table[.fundType] = 99
    table[.secUseOnly] = nil
    #expect(table.count == RowField.allCases.count - 1 && table[.fundType] == 99 && table[.secUseOnly] == nil)
    let small: Set<RowField> = [.aggregateAmountOwned, .percentOfClass]
    #expect(small.contains(.percentOfClass) && !small.contains(.soleVotingPower))
    #expect(Set(table.keys).union([.secUseOnly]) == Set(RowField.allCases))
  }
}
