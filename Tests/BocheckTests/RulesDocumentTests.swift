import Foundation
import Testing

/// `Rules/README.md` is generated from the rule files; this test fails when it is stale.
@Suite struct RulesDocumentTests {
  @Test func theCommittedRulesReferenceIsWhatTheRuleFilesSay() throws {
    let outcome = CLIHarness.run(["rules", "--markdown"])
    #expect(outcome.status == 0)
    let committed = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Rules/README.md"), encoding: .utf8)
    #expect(outcome.standardOutput == committed, "Rules/README.md is stale: run `make rules-doc` and commit it")
  }

  @Test func everyRuleHasASectionAndARowInTheTable() {
    let markdown = CLIHarness.run(["rules", "--markdown"]).standardOutput
    let list = CLIHarness.run(["rules"]).standardOutput
    let ids = list.split(separator: "\n").dropLast().compactMap { $0.split(separator: " ").first.map(String.init) }
    #expect(ids.count >= 15)
    for id in ids {
      #expect(markdown.contains("\n## \(id)\n"), "no section for \(id)")
      #expect(markdown.contains("| [`\(id)`](#\(id)) |"), "no table row for \(id)")
    }
  }
}
