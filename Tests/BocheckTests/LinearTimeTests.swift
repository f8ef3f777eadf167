import BocheckModel
import BocheckReading
import BocheckRules
import Foundation
import Testing

/// Guards that reading and checking a filing take time linear in its size, for each shape of input that once
/// took time growing with the square of its size (which turns broken or hostile input into a hung CI step).
///
/// Each test reads and checks one shape at `count` and at four times `count`, in process, and compares the two
/// times: the ratio, not a time, is asserted, so the test does not depend on the machine's speed. Work that
/// grows with the square of the input takes about 16 times as long at four times the size; linear work about 4
/// times. The bound of 6 leaves room for noise and for caches. Each size is timed five times, the fastest
/// run counting, and in the CPU time of the thread that does the work, so that other tests, builds or
/// processes running at the same time on the same cores do not decide the outcome.
@Suite("Checking time grows linearly with the input", .serialized)
struct LinearTimeTests {
  /// The largest ratio of the time at four times the size to the time at the size.
  static let largestRatio = 6.0

  @Test("many cover pages that hold only a name")
  func nameOnlyPages() throws {
    try expectLinear(count: 150) { count in
      LinearShapes.header + (0..<count).map { LinearShapes.namePage($0) }.joined() + LinearShapes.signatures(1)
    }
  }

  @Test("many complete cover pages, each with its signature")
  func completePages() throws {
    try expectLinear(count: 100) { count in
      LinearShapes.header + (0..<count).map { LinearShapes.completePage($0) }.joined()
        + LinearShapes.signatures(count)
    }
  }

  @Test("many cover pages repeating the same funds and the manager that reports for them")
  func repeatedFamilies() throws {
    try expectLinear(count: 80) { count in
      LinearShapes.header + String(repeating: LinearShapes.family, count: count) + LinearShapes.signatures(1)
    }
  }

  @Test("one manager whose row 11 names many funds, each with its own cover page")
  func oneParentOfManyFunds() throws {
    try expectLinear(count: 300) { count in
      let funds = (0..<count).map { "Fund Number \($0) LP" }
      let attribution = funds.dropLast().joined(separator: ", ") + " and " + (funds.last ?? "")
      return LinearShapes.header + funds.map { LinearShapes.shortPage(name: $0, aggregate: "1,000") }.joined()
        + LinearShapes.shortPage(
          name: "Manager LLC", aggregate: "\(count),000 shares of Common Stock owned by \(attribution)")
        + LinearShapes.signatures(1)
    }
  }

  @Test("one long line repeating a caption")
  func longLineRepeatingACaption() throws {
    try expectLinear(count: 2_000) { count in
      LinearShapes.header + LinearShapes.completePage(0)
        + String(repeating: "AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON ", count: count) + "\n"
        + LinearShapes.signatures(1)
    }
  }

  @Test("many values on one line of a cover page")
  func manyFragmentsOnOneLine() throws {
    try expectLinear(count: 2_000) { count in
      let page = LinearShapes.completePage(0).replacingOccurrences(
        of: "7 SOLE VOTING POWER\n1,000\n",
        with: "7 SOLE VOTING POWER\n1,000 " + String(repeating: "| 5 ", count: count) + "\n")
      return LinearShapes.header + page + LinearShapes.signatures(1)
    }
  }

  @Test("many names to match: signers beyond the cover pages")
  func manyNamesToMatch() throws {
    try expectLinear(count: 150) { count in
      LinearShapes.header + LinearShapes.completePage(0) + LinearShapes.signatures(count)
    }
  }

  @Test("the ownership graph alone: one parent naming many funds, and many managers each naming a fund")
  func ownershipGraph() throws {
    // Model-level, without reading, so that the graph's own cost is what the ratio measures.
    func filing(_ count: Int) -> Filing {
      let funds = (0..<count).map { SyntheticFiling.page($0 + 1, "Fund Number \($0) LP", aggregate: 1_000) }
      let managers = (0..<count).map {
        SyntheticFiling.page(
          count + $0 + 1, "Manager \($0) LLC", aggregate: 2_000,
          attributedTo: ["Fund Number \($0) LP", "Other Fund \($0) Ltd"])
      }
      let parent = SyntheticFiling.page(
        2 * count + 1, "Parent LLC", aggregate: 1_000 * count, attributedTo: (0..<count).map { "Fund Number \($0) LP" })
      return SyntheticFiling.filing(funds + managers + [parent])
    }
    let small = filing(500)
    let large = filing(2_000)
    var holders = (small: 0, large: 0)
    expectLinear(
      small: { holders.small = OwnershipGraph.Index(small).holders(ofPage: 1_001).count },
      large: { holders.large = OwnershipGraph.Index(large).holders(ofPage: 4_001).count }, sizes: "500 and 2,000 funds")
    #expect(holders == (500, 2_000))
  }

  /// Reads and checks the shape at `count` and at four times `count`, and expects the time to grow by at
  /// most ``largestRatio``.
  private func expectLinear(
    count: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ shape: (Int) -> String
  ) throws {
    let rules = try RuleSet.load(directories: [try #require(RuleSet.builtInDirectory())])
    let small = Array(shape(count).utf8)
    let large = Array(shape(4 * count).utf8)
    var smallFindings = 0
    var largeFindings = 0
    try expectLinear(
      small: { smallFindings = try readAndCheck(small, rules) },
      large: { largeFindings = try readAndCheck(large, rules) }, sizes: "\(small.count) and \(large.count) bytes",
      sourceLocation: sourceLocation)
    // The shapes are read, not refused: the larger one reports at least what the smaller one does.
    #expect(largeFindings >= smallFindings, sourceLocation: sourceLocation)
  }

  /// Runs `small` and `large` five times each, alternating, and expects the fastest run of `large` to take at
  /// most ``largestRatio`` times the fastest run of `small`.
  private func expectLinear(
    small: () throws -> Void, large: () throws -> Void, sizes: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) rethrows {
    var smallTime = UInt64.max
    var largeTime = UInt64.max
    for _ in 0..<5 {
      smallTime = min(smallTime, try threadTime(small))
      largeTime = min(largeTime, try threadTime(large))
    }
    let ratio = Double(largeTime) / Double(max(smallTime, 1))
    #expect(
      ratio <= LinearTimeTests.largestRatio,
      Comment(
        rawValue: "four times the input took \(ratio) times as long (\(sizes): \(largeTime) ns against "
          + "\(smallTime) ns of CPU time)"), sourceLocation: sourceLocation)
  }

  /// The CPU time the calling thread spends running `work`, in nanoseconds (the work runs on this thread
  /// from start to end: reading and checking never suspend).
  private func threadTime(_ work: () throws -> Void) rethrows -> UInt64 {
    func now() -> UInt64 {
      var time = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
      return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
    let start = now()
    try work()
    return now() - start
  }

  private func readAndCheck(_ bytes: [UInt8], _ rules: RuleSet) throws -> Int {
    try FilingReader.readAll(bytes: bytes, path: "shape.txt").reduce(0) { total, result in
      total + rules.check(try result.get(), options: CheckOptions()).findings.count
    }
  }
}

/// The pieces of the shapes: an invented issuer, funds numbered from 0 and their signatures.
private enum LinearShapes {
  static let header = """
    SECURITIES AND EXCHANGE COMMISSION
    SCHEDULE 13D
    (Amendment No. 1)
    Example Widgets, Inc.
    (Name of Issuer)
    Common Stock
    (Title of Class of Securities)
    123456782
    (CUSIP Number)

    """

  static func namePage(_ index: Int) -> String {
    """
    CUSIP No. 123456782
    1 NAME OF REPORTING PERSON
    Fund Number \(index) LP

    """
  }

  static func completePage(_ index: Int) -> String {
    "CUSIP No. 123456782\n" + TestSupport.coverPage(name: "Fund Number \(index) LP", percent: "0.1%")
  }

  /// Two funds and a manager whose row 11 is the funds' shares: repeated, every name is on many pages and every
  /// attribution names funds that have many pages.
  static let family =
    shortPage(name: "Alpha Fund LP", aggregate: "1,000") + shortPage(name: "Beta Fund LP", aggregate: "1,000")
    + shortPage(name: "Manager LLC", aggregate: "2,000 shares of Common Stock owned by Alpha Fund LP and Beta Fund LP")

  /// A cover page with rows 1 and 11 only.
  static func shortPage(name: String, aggregate: String) -> String {
    """
    1 NAME OF REPORTING PERSON
    \(name)
    11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
    \(aggregate)

    """
  }

  static func signatures(_ count: Int) -> String {
    "SIGNATURE\nAfter reasonable inquiry, each of the undersigned certifies that this statement is true.\n\n"
      + (0..<count).map { "FUND NUMBER \($0) LP\nBy: /s/ Signer \($0)\nName: Signer \($0)\nTitle: Manager\n\n" }
      .joined()
  }
}
