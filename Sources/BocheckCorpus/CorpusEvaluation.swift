import BocheckModel
import BocheckReading
import BocheckRules
import Foundation

/// The totals of a corpus run: what `make corpus` prints on its last line and what the ratchet guards.
public struct CorpusScore: Codable, Sendable, Equatable {
  /// Filings in the corpus.
  public var files = 0
  /// Filings read and checked entirely as expected.
  public var filesRight = 0
  /// Cells compared: six rows (7–11 and 13 in 13D numbering) per expected reporting person.
  public var cells = 0
  /// Cells read as printed.
  public var cellsRight = 0
  /// Findings the corpus expects.
  public var findingsExpected = 0
  /// Expected findings that were reported.
  public var findingsRecalled = 0
  /// Errors reported that no expected finding accounts for.
  public var unexpectedErrors = 0
  /// Filings refused with a read error.
  public var refused = 0

  public init() {}

  /// The one-line summary.
  public var summary: String {
    let percent = cells == 0 ? "0" : Self.percentText(cellsRight, of: cells)
    return "files fully right \(filesRight)/\(files), cells read right \(cellsRight)/\(cells) (\(percent) %), "
      + "findings recalled \(findingsRecalled)/\(findingsExpected), unexpected errors \(unexpectedErrors), "
      + "refused \(refused), crashes 0"
  }

  /// `part / whole` as a percent with one decimal, in integer arithmetic.
  static func percentText(_ part: Int, of whole: Int) -> String {
    let tenths = (part * 1000 + whole / 2) / whole
    return "\(tenths / 10).\(tenths % 10)"
  }
}

/// How one filing compares with its expected reading.
public struct FilingEvaluation: Sendable {
  /// The file's name in the corpus folder.
  public var file: String
  /// Every difference, one line each; empty when the filing is fully right.
  public var differences: [String]
  /// The filing's share of the totals.
  public var score: CorpusScore

  /// Whether the filing was read and checked entirely as expected.
  public var isFullyRight: Bool { score.filesRight == 1 }
}

/// Runs the checker over a folder of real filings and compares each with `expected.json`.
public enum CorpusEvaluation {
  /// The corpus folder used when none is given: the shared real filings beside the project.
  public static let defaultFolder = "../shared/corpus/edgar"

  /// Evaluates every filing named in the folder's `expected.json`, in file-name order.
  ///
  /// - Parameters:
  ///   - folder: The folder that holds the filings and `expected.json`.
  ///   - ruleSet: The rules to check with.
  /// - Returns: Each filing's evaluation and the totals.
  /// - Throws: When `expected.json` cannot be read.
  public static func evaluate(folder: String, ruleSet: RuleSet) throws -> (
    filings: [FilingEvaluation], total: CorpusScore
  ) {
    let expected = try ExpectedCorpus.load(path: (folder as NSString).appendingPathComponent("expected.json"))
    var total = CorpusScore()
    var evaluations: [FilingEvaluation] = []
    for name in expected.files.keys.sorted() {
      let path = (folder as NSString).appendingPathComponent(name)
      let evaluation = evaluate(file: name, path: path, expected: expected.files[name]!, ruleSet: ruleSet)
      evaluations.append(evaluation)
      total.add(evaluation.score)
    }
    return (evaluations, total)
  }

  /// Reads, checks and compares one filing.
  static func evaluate(file: String, path: String, expected: ExpectedFiling, ruleSet: RuleSet) -> FilingEvaluation {
    var score = CorpusScore()
    score.files = 1
    score.cells = expected.persons.count * 6
    score.findingsExpected = expected.findings.count
    var differences: [String] = []
    let filing: Filing
    do {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      // Each file of the corpus holds one filing: one read as several is compared by its first part, and
      // the split itself is a difference.
      let filings = try FilingReader.readAll(bytes: bytes, path: path)
      if filings.count > 1 { differences.append("read as \(filings.count) filings, expected one") }
      filing = try filings[0].get()
    } catch {
      score.refused = 1
      return FilingEvaluation(file: file, differences: differences + ["refused: \(error)"], score: score)
    }
    let findings = ruleSet.check(filing, options: CheckOptions()).findings

    // Cover pages: one per expected person (a combined page for several persons is read as one each).
    if filing.coverPages.count != expected.persons.count {
      differences.append("cover pages: read \(filing.coverPages.count), expected \(expected.persons.count)")
    }
    let alignment = align(expected.persons, with: filing.coverPages)
    for (index, person) in expected.persons.enumerated() {
      guard let pageIndex = alignment[index] else {
        differences.append("\(person.name): no cover page read")
        continue
      }
      let page = filing.coverPages[pageIndex]
      let readName = page.reportingPersonName ?? "(none)"
      if NameKey(readName) != NameKey(person.name) {
        differences.append("\(person.name): name read as '\(readName)' (page \(page.index))")
      }
      for (field, cell) in person.cells {
        let row = page.rows[field]
        if matches(row, cell) {
          score.cellsRight += 1
        } else {
          differences.append(
            "\(person.name): \(field.caption) read \(describe(row)), expected \(cell)")
        }
      }
    }

    // Findings: each expected one must be reported; every error must be expected.
    var explained = Set<Int>()
    for finding in expected.findings {
      let matching = findings.indices.filter {
        accounts(for: findings[$0], expected: finding, filing: filing, persons: expected.persons, alignment: alignment)
      }
      if matching.isEmpty {
        differences.append(
          "missed finding \(finding.rule) for \(finding.person ?? "the filing")"
            + (finding.row.map { " row \($0)" } ?? "") + ": \(finding.why)")
      } else {
        score.findingsRecalled += 1
        explained.formUnion(matching)
      }
    }
    for (index, finding) in findings.enumerated() where finding.severity == .error && !explained.contains(index) {
      score.unexpectedErrors += 1
      differences.append(
        "unexpected error \(finding.ruleID) at line \(finding.line)"
          + (finding.person.map { " for \($0)" } ?? "") + (finding.row.map { " row \($0)" } ?? "")
          + ": \(finding.message)")
    }
    if differences.isEmpty { score.filesRight = 1 }
    return FilingEvaluation(file: file, differences: differences, score: score)
  }

  /// Pairs each expected person with a cover page: by name first, then by position.
  static func align(_ persons: [ExpectedPerson], with pages: [CoverPage]) -> [Int?] {
    var result = [Int?](repeating: nil, count: persons.count)
    var used = Set<Int>()
    let pageKeys = pages.map { NameKey($0.reportingPersonName ?? "") }
    for (index, person) in persons.enumerated() {
      let key = NameKey(person.name)
      if let page = pageKeys.indices.first(where: { !used.contains($0) && pageKeys[$0] == key }) {
        result[index] = page
        used.insert(page)
      }
    }
    for index in persons.indices where result[index] == nil {
      let key = NameKey(persons[index].name).text
      if let page = pageKeys.indices.first(where: {
        !used.contains($0) && !pageKeys[$0].text.isEmpty
          && (pageKeys[$0].text.contains(key) || key.contains(pageKeys[$0].text))
      }) {
        result[index] = page
        used.insert(page)
      } else if pages.count == persons.count, !used.contains(index) {
        result[index] = index
        used.insert(index)
      }
    }
    return result
  }

  /// Whether a row as read holds what the expected cell says is printed.
  static func matches(_ row: Row?, _ cell: ExpectedCell) -> Bool {
    let number: ExactDecimal? = row?.amount?.shares ?? row?.percent?.value
    switch cell {
    case .number(let expected):
      return number.map { $0.rational == expected.rational } ?? false
    case .empty, .absent:
      return number == nil
    case .text:
      // Words in a value cell are never a number; words that mean "none" may be read as zero.
      return number == nil || number!.significand == 0
    }
  }

  /// A row as read, for a difference line.
  static func describe(_ row: Row?) -> String {
    guard let row else { return "(absent)" }
    if let amount = row.amount { return amount.shares.formatted(grouping: false) }
    if let percent = row.percent { return percent.value.formatted(grouping: false) + "%" }
    return "\(row.status.rawValue) '\(row.raw.prefix(60))' at line \(row.line)"
  }

  /// Whether a reported finding is the expected one: same rule, same person (by page or by name), same row.
  static func accounts(
    for finding: Finding, expected: ExpectedFinding, filing: Filing, persons: [ExpectedPerson], alignment: [Int?]
  ) -> Bool {
    guard finding.ruleID == expected.rule else { return false }
    if let row = expected.row {
      guard let reported = finding.row,
        let field = RowField.field(number: reported, in: filing.schedule),
        field.number(in: .schedule13D) == row
      else { return false }
    }
    guard let name = expected.person else { return true }
    if let person = finding.person, NameKey(person) == NameKey(name) { return true }
    if let page = finding.page, let index = persons.firstIndex(where: { $0.name == name }),
      let aligned = alignment[index], filing.coverPages[aligned].index == page
    {
      return true
    }
    return false
  }
}

extension CorpusScore {
  /// Adds another score's counts to this one.
  mutating func add(_ other: CorpusScore) {
    files += other.files
    filesRight += other.filesRight
    cells += other.cells
    cellsRight += other.cellsRight
    findingsExpected += other.findingsExpected
    findingsRecalled += other.findingsRecalled
    unexpectedErrors += other.unexpectedErrors
    refused += other.refused
  }
}

extension CorpusScore {
  /// This score with every total that `other` betters taken from `other`: the ratchet only moves forward.
  ///
  /// - Parameter other: A newer run's totals over the same corpus.
  public func raised(to other: CorpusScore) -> CorpusScore {
    var best = self
    best.files = other.files
    best.cells = other.cells
    best.findingsExpected = other.findingsExpected
    best.filesRight = Swift.max(filesRight, other.filesRight)
    best.cellsRight = Swift.max(cellsRight, other.cellsRight)
    best.findingsRecalled = Swift.max(findingsRecalled, other.findingsRecalled)
    best.unexpectedErrors = Swift.min(unexpectedErrors, other.unexpectedErrors)
    best.refused = Swift.min(refused, other.refused)
    return best
  }
}
