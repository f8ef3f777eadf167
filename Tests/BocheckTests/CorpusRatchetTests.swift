import BocheckModel
import BocheckRules
import Foundation
import Testing

@testable import BocheckCorpus

/// The real-filing corpus beside the project, when this checkout has it.
enum RealCorpus {
  /// `../shared/corpus/edgar` from the repository root.
  static let folder = TestSupport.repositoryRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/corpus/edgar").path

  /// Whether the folder and its `expected.json` are there.
  static var isPresent: Bool {
    FileManager.default.fileExists(atPath: folder + "/expected.json")
  }

  /// The best results recorded so far, which no change may fall below.
  static let ratchetPath = TestSupport.repositoryRoot.appendingPathComponent("Tests/corpus-ratchet.json").path
}

@Suite("Real EDGAR corpus")
struct CorpusRatchetTests {
  @Test(
    "no result on the real corpus falls below the best recorded in Tests/corpus-ratchet.json",
    .enabled(if: RealCorpus.isPresent, "../shared/corpus/edgar is missing in this checkout; skipped"))
  func ratchet() throws {
    let rules = try RuleSet.load(directories: [try #require(RuleSet.builtInDirectory())])
    let (filings, total) = try CorpusEvaluation.evaluate(folder: RealCorpus.folder, ruleSet: rules)
    let best = try JSONDecoder().decode(
      CorpusScore.self, from: Data(contentsOf: URL(fileURLWithPath: RealCorpus.ratchetPath)))
    let failing = filings.filter { !$0.isFullyRight }.map(\.file).joined(separator: ", ")
    let context = Comment(rawValue: "now: \(total.summary)\nbest: \(best.summary)\nnot fully right: \(failing)")
    #expect(total.files == best.files, context)
    #expect(total.filesRight >= best.filesRight, context)
    #expect(total.cellsRight >= best.cellsRight, context)
    #expect(total.findingsRecalled >= best.findingsRecalled, context)
    #expect(total.unexpectedErrors <= best.unexpectedErrors, context)
    #expect(total.refused <= best.refused, context)
  }
}

@Suite("Corpus comparison")
struct CorpusComparisonTests {
  @Test(
    "a cell matches a number at any printed scale, an empty row only when nothing was read, words only as no number or zero"
  )
  func cellMatching() throws {
    let amount = Row(
      field: .aggregateAmountOwned, raw: "1,200", line: 3, status: .read,
      value: .amount(Amount(shares: ExactDecimal(1200))))
    let percent = Row(
      field: .percentOfClass, raw: "5.0%", line: 4, status: .read,
      value: .percent(Percent(value: try #require(ExactDecimal.parse("5.0")))))
    let empty = Row(field: .sharedVotingPower, raw: "", line: 5, status: .missing, value: nil)
    #expect(CorpusEvaluation.matches(amount, .number(ExactDecimal(1200))))
    #expect(!CorpusEvaluation.matches(amount, .number(ExactDecimal(1201))))
    #expect(CorpusEvaluation.matches(percent, .number(ExactDecimal(5))))
    #expect(CorpusEvaluation.matches(empty, .empty))
    #expect(CorpusEvaluation.matches(nil, .absent))
    #expect(!CorpusEvaluation.matches(amount, .empty))
    #expect(CorpusEvaluation.matches(empty, .text("N/A")))
    #expect(!CorpusEvaluation.matches(amount, .text("See Item 4")))
  }

  @Test("the summary line counts in integers and names every total")
  func summary() {
    var score = CorpusScore()
    score.files = 3
    score.filesRight = 2
    score.cells = 18
    score.cellsRight = 17
    score.findingsExpected = 4
    score.findingsRecalled = 3
    score.unexpectedErrors = 1
    #expect(
      score.summary
        == "files fully right 2/3, cells read right 17/18 (94.4 %), findings recalled 3/4, unexpected errors 1, "
        + "refused 0, crashes 0")
  }
}

/// A corpus that is missing or is not a reading gives a message naming its `expected.json`, not the platform's
/// error dump.
@Suite struct ExpectedCorpusLoadTests {
  @Test func aMissingReadingIsNamedWithWhereTheCorpusIsLookedFor() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-corpus-\(UUID())/expected.json")
      .path
    let error = try #require(throws: ExpectedCorpus.LoadError.self) { try ExpectedCorpus.load(path: path) }
    #expect(error.description.hasPrefix("\(path): cannot be read"))
    #expect(error.description.contains("CORPUS=DIR"))
  }

  @Test func aFileThatIsNoReadingIsNamed() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-reading-\(UUID()).json").path
    try Data("{\"files\": 3}".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let error = try #require(throws: ExpectedCorpus.LoadError.self) { try ExpectedCorpus.load(path: path) }
    #expect(error.description.hasPrefix("\(path): not a corpus reading"))
  }
}
