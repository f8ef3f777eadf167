import BocheckModel
import BocheckReading
import Foundation
import Testing

@testable import BocheckRules

/// Where the repository's files are, found from this test file.
enum RepositoryPaths {
  /// The package root.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  /// The built-in rules.
  static let rules = root.appendingPathComponent("Rules").path
  /// A sample filing by file name.
  static func sample(_ name: String) -> String { root.appendingPathComponent("Samples/\(name)").path }
}

/// One example of one rule file, as a test argument.
struct RuleExampleCase: Sendable, CustomTestStringConvertible {
  let rule: Rule
  let example: RuleExample

  var testDescription: String { "\(rule.id) example at line \(example.line)" }

  /// Every example of every built-in rule; empty when the rules do not load (``builtInRulesLoad`` then fails).
  static let all: [RuleExampleCase] = {
    guard let rules = try? RuleSet.load(directories: [RepositoryPaths.rules]) else { return [] }
    return rules.rules.flatMap { rule in rule.examples.map { RuleExampleCase(rule: rule, example: $0) } }
  }()
}

@Suite("Rule examples")
struct RuleExamplesTests {
  static let shippedRuleIDs: Set<String> = [
    "component-sum", "power-sum", "parent-sum", "percent-basis", "percent-derivative-basis", "missing-row",
    "malformed-row", "missing-cover-page", "invalid-code", "cusip-check-digit",
  ]

  @Test("The built-in rules load, and each has a triggering and a non-triggering example")
  func builtInRulesLoad() throws {
    let rules = try RuleSet.load(directories: [RepositoryPaths.rules])
    let ids = Set(rules.rules.map(\.id))
    #expect(ids.isSuperset(of: Self.shippedRuleIDs), "missing: \(Self.shippedRuleIDs.subtracting(ids).sorted())")
    for rule in rules.rules {
      #expect(rule.examples.contains { $0.triggers }, "\(rule.id) has no triggering example")
      #expect(rule.examples.contains(where: { !$0.triggers }), "\(rule.id) has no example that must stay quiet")
      #expect(rule.path.hasSuffix("/\(rule.id).rule"))
    }
  }

  @Test("Every example of every rule finds exactly the locations it expects", arguments: RuleExampleCase.all)
  func example(_ testCase: RuleExampleCase) throws {
    let example = testCase.example
    let path = "\(testCase.rule.path):\(example.filingLine)"
    let filing = try FilingReader.read(bytes: Array(example.filingText.utf8), path: path)
    let result = RuleSet(rules: [testCase.rule]).check(
      filing, options: CheckOptions(sharesOutstanding: example.sharesOutstanding))
    let found = Set(result.findings.map(ExampleExpectation.init))
    #expect(
      found == Set(example.expectations),
      """
      \(testCase.rule.path):\(example.line): expected \(example.expectations.map(\.description)), found \
      \(result.findings.map { "\(ExampleExpectation($0)): \($0.message)" })
      """)
    for finding in result.findings {
      #expect(finding.ruleID == testCase.rule.id)
      #expect(!finding.message.contains("?"), "a placeholder could not be filled: \(finding.message)")
      #expect(finding.line >= 1 && finding.line <= example.filingText.split(separator: "\n").count + 1)
    }
  }

  @Test("A name on three pages: each later page is reported once, naming the page where the name first appears")
  func duplicateNamesTheFirstPage() throws {
    let rules = try RuleSet.load(directories: [RepositoryPaths.rules])
    let page = { (name: String) in
      "1 NAME OF REPORTING PERSON\n\(name)\n11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON\n1,000\n"
    }
    let text =
      "SCHEDULE 13D\n" + page("Larch Hill Partners LP") + page("Larch Hill Partners, L.P.") + page("Other LLC")
      + page("LARCH HILL PARTNERS LP")
    let filing = try FilingReader.read(bytes: Array(text.utf8), path: "three.txt")
    let duplicates = rules.check(filing, options: CheckOptions()).findings.filter {
      $0.ruleID == "duplicate-reporting-person"
    }
    #expect(duplicates.map(\.page) == [2, 4])
    #expect(duplicates.map(\.line) == [7, 15])
    #expect(
      duplicates.map(\.message) == [
        "Larch Hill Partners, L.P.: cover page 2 names the same reporting person as cover page 1",
        "LARCH HILL PARTNERS LP: cover page 4 names the same reporting person as cover page 1",
      ])
  }
}

@Suite("Rules on the founding samples")
struct SampleFindingsTests {
  private func check(_ name: String) throws -> CheckResult {
    let rules = try RuleSet.load(directories: [RepositoryPaths.rules])
    let path = RepositoryPaths.sample(name)
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
    let filing = try FilingReader.read(bytes: bytes, path: path)
    return rules.check(filing, options: CheckOptions())
  }

  @Test("Amendment No. 4: two parent-sum errors and a percent-derivative-basis warning per person, nothing else")
  func amendmentFour() throws {
    let result = try check("sc13da-amendment-4-complete-rows.txt")
    #expect(result.basis?.value == ExactDecimal(44_726_000))
    #expect(result.basis?.source == .stated)
    let relevant = result.findings.filter { $0.severity >= .warning }
    let parentSums = relevant.filter { $0.ruleID == "parent-sum" }
    #expect(parentSums.map(\.page) == [6, 7])
    #expect(parentSums.allSatisfy { $0.row == 11 && $0.severity == .error })
    #expect(parentSums.allSatisfy { $0.expected == "3731324" && $0.actual == "3731323" })
    #expect(
      parentSums.allSatisfy {
        $0.message.contains("reports 3,731,323 shares") && $0.message.contains("hold 3,731,324 together")
          && $0.message.contains("part (ii) (convertible) 1,547,377 reported, 1,547,378 held")
      }, "\(parentSums.map(\.message))")
    let derivative = relevant.filter { $0.ruleID == "percent-derivative-basis" }
    #expect(derivative.map(\.page) == [1, 2, 3, 4, 5, 6, 7])
    #expect(derivative.allSatisfy { $0.row == 13 && $0.severity == .warning })
    let sixth = derivative.first { $0.page == 6 }
    #expect(
      sixth?.message
        == "Nelson Obus: row 13 reports 8.34%, computed on 44,726,000 shares outstanding alone; Rule 13d-3(d)(1)(i) "
        + "adds its own 2,657,769 acquirable shares to the denominator: 7.87%")
    #expect(sixth?.expected == "7.87" && sixth?.actual == "8.34")
    #expect(relevant.count == 9, "\(relevant.map { "\($0.ruleID) p\($0.page ?? 0) r\($0.row ?? 0): \($0.message)" })")
  }

  @Test("Amendment No. 2: the fragment page, the shifted rows and the parent-sum discrepancy")
  func amendmentTwo() throws {
    let result = try check("sc13da-amendment-2-malformed-rows.txt")
    let byRule = Dictionary(grouping: result.findings, by: \.ruleID)
    let fragment = try #require(byRule["missing-cover-page"]?.first)
    #expect(byRule["missing-cover-page"]?.count == 1)
    #expect(fragment.page == 3 && fragment.person == nil && fragment.row == nil)
    #expect(fragment.message.contains("only rows 13 and 14 of 14"), "\(fragment.message)")
    #expect(fragment.message.lowercased().contains("offshore fund"), "\(fragment.message)")
    #expect(byRule["missing-row"]?.contains { $0.page == 3 } != true)
    let parentSums = byRule["parent-sum"] ?? []
    #expect(parentSums.contains { $0.page == 6 && $0.row == 11 && $0.expected == "3731324" })
    #expect(!parentSums.contains { $0.page == 5 })
    #expect(byRule["malformed-row"]?.contains { $0.page == 4 && $0.severity == .warning } == true)
  }
}
