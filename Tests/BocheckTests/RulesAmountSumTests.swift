import BocheckModel
import Testing

@testable import BocheckRules

/// `sumAmounts` adds the rows' numbers as they are: the same sum as adding the amounts rebuilt from the rows.
@Suite("Rules: the sum of amount rows")
struct RulesAmountSumTests {
  /// The sum as ``AmountArithmetic/sum(_:)`` gives it for the amounts rebuilt from the rows.
  private static func rebuiltSum(_ rows: [Value]) -> AmountSum? {
    AmountArithmetic.sum(rows.map(BuiltinFunctions.amount(of:)))
  }

  /// A row object holding an amount: its shares, parts (kind text and shares) and how they relate to it.
  private static func row(
    _ shares: Rational, decimals: Int? = nil, parts: [(kind: String, shares: Rational)] = [],
    relation: String = PartsRelation.consistingOf.rawValue
  ) -> Value {
    var fields = FieldValues<RowSlot>()
    fields[.field] = .string(RowField.aggregateAmountOwned.rawValue)
    fields[.shares] = .number(shares, decimals: decimals)
    fields[.partsRelation] = .string(relation)
    fields[.parts] = .list(
      parts.enumerated().map { index, part in
        var partFields = FieldValues<PartSlot>()
        partFields[.label] = .string(["i", "ii", "iii", "iv"][min(index, 3)])
        partFields[.kind] = .string(part.kind)
        partFields[.shares] = .number(part.shares, decimals: nil)
        partFields[.text] = .string("")
        return .object(ModelObject.make(fields: partFields, location: nil, display: .text("part")))
      })
    return .object(ModelObject.make(fields: fields, location: nil, display: .text("row")))
  }

  @Test("rows that itemise their parts, rows that do not, and none, as the rebuilt amounts add up")
  func sameAsRebuilt() throws {
    let itemised = Self.row(Rational(1_000), parts: [("common", Rational(600)), ("warrant", Rational(400))])
    let otherKinds = Self.row(Rational(500), parts: [("warrant", Rational(100)), ("option", Rational(400))])
    let listed = Self.row(
      Rational(300), parts: [("common", Rational(300))], relation: PartsRelation.including.rawValue)
    let plain = Self.row(Rational(250))
    let decimal = Self.row(try Rational(numerator: 5, denominator: 2), decimals: 1)
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    let bridged = bridge.persons.map { $0["aggregateAmountOwned"] }
    let lists: [[Value]] = [
      [], [itemised], [itemised, otherKinds], [otherKinds, itemised, itemised], [itemised, listed],
      [itemised, plain], [plain, itemised], [decimal], [decimal, plain], bridged, Array(bridged.prefix(2)),
    ]
    for rows in lists {
      #expect(BuiltinFunctions.sumOfAmountRows(rows) == Self.rebuiltSum(rows))
    }
    // The sums themselves, so that both ways cannot go wrong together.
    let both = BuiltinFunctions.sumOfAmountRows([itemised, otherKinds])
    #expect(both?.shares == Rational(1_500) && both?.count == 2)
    #expect(both?.partsByKind == [.common: Rational(600), .warrant: Rational(500), .option: Rational(400)])
    #expect(BuiltinFunctions.sumOfAmountRows([itemised, listed])?.partsByKind == nil)
    #expect(BuiltinFunctions.sumOfAmountRows([])?.partsByKind == nil)
    #expect(BuiltinFunctions.sumOfAmountRows([])?.shares == .zero)
  }

  @Test("a row that holds no amount makes the sum unknown, whether it itemises its parts or not")
  func noAmount() throws {
    let itemised = Self.row(Rational(1_000), parts: [("common", Rational(1_000))])
    let unknownKind = Self.row(
      Rational(100), parts: [("shares of no kind", Rational(100))], relation: PartsRelation.including.rawValue)
    let inexact = Self.row(try Rational(numerator: 1, denominator: 3))
    let inexactPart = Self.row(
      Rational(100), parts: [("common", try Rational(numerator: 1, denominator: 3))],
      relation: PartsRelation.none.rawValue)
    for bad in [unknownKind, inexact, inexactPart, .string("row"), .null] {
      #expect(Self.rebuiltSum([itemised, bad]) == nil)
      #expect(BuiltinFunctions.sumOfAmountRows([itemised, bad]) == nil)
      #expect(BuiltinFunctions.sumOfAmountRows([bad, itemised]) == nil)
    }
  }

  @Test("partDifferences names the kinds that differ, none when every kind agrees, unknown for a row of no amount")
  func differences() throws {
    let sumAmounts = try #require(BuiltinFunctions.all["sumAmounts"])
    let partDifferences = try #require(BuiltinFunctions.all["partDifferences"])
    let context = ModelBridge(filing: LanguageHarness.filing, basis: nil).context
    let fund = Self.row(Rational(1_000), parts: [("common", Rational(600)), ("warrant", Rational(400))])
    let otherFund = Self.row(Rational(500), parts: [("common", Rational(500))])
    let held = sumAmounts.evaluate(Arguments([.list([fund, otherFund])]), context)
    let texts = { (reported: Value) in
      ValueFormatter.plain(partDifferences.evaluate(Arguments([reported, held]), context))
    }
    let same = Self.row(Rational(1_500), parts: [("warrant", Rational(400)), ("common", Rational(1_100))])
    #expect(texts(same) == "")
    // A kind that is zero on one side and absent on the other agrees.
    let zeroOption = Self.row(
      Rational(1_500), parts: [("common", Rational(1_100)), ("warrant", Rational(400)), ("option", .zero)])
    #expect(texts(zeroOption) == "")
    let short = Self.row(Rational(1_499), parts: [("common", Rational(1_100)), ("warrant", Rational(399))])
    #expect(texts(short) == "part (ii) (warrant) 399 reported, 400 held")
    let listed = Self.row(
      Rational(1_499), parts: [("common", Rational(1_100))], relation: PartsRelation.including.rawValue)
    #expect(texts(listed) == "")
    let unknownKind = Self.row(
      Rational(1_500), parts: [("shares of no kind", Rational(100))], relation: PartsRelation.including.rawValue)
    #expect(texts(unknownKind) == nil)
  }
}
