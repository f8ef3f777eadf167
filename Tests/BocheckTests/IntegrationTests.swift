import BocheckCLI
import Foundation
import Testing

/// The places bocheck is used from: progress on a terminal, the GitHub Action's and pre-commit's command lines.
@Suite struct IntegrationTests {
  /// Runs bocheck in-process with standard error as a terminal.
  static func runOnTerminal(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
    var output = ""
    var error = ""
    let status = BocheckCommand.run(
      arguments: arguments, standardInput: { [] }, standardOutput: { output += $0 }, standardError: { error += $0 },
      isTerminal: false, errorIsTerminal: true)
    return (status, output, error)
  }

  @Test func progressIsShownOnATerminalForSeveralFilesAndErasedAtTheEnd() {
    let samples = TestSupport.repositoryRoot.appendingPathComponent("Samples").path
    let run = Self.runOnTerminal(["check", "--no-color", samples])
    #expect(run.status == 1)
    #expect(run.error.contains("\r\u{1B}[K[1/2] "))
    #expect(run.error.contains("\r\u{1B}[K[2/2] "))
    #expect(run.error.hasSuffix("\r\u{1B}[K"))
    #expect(!run.output.contains("[1/2]"))
    let single = Self.runOnTerminal(["check", "--no-color", TestSupport.completeSample.path])
    #expect(single.error.isEmpty)
    let notTerminal = CLIHarness.run(["check", "--no-color", samples])
    #expect(notTerminal.standardError.isEmpty)
  }

  @Test func theGitHubActionsCommandLineIsOneBocheckAccepts() throws {
    let action = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent("action.yml"), encoding: .utf8)
    let line = try #require(
      action.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("bocheck check") })
    let sarif = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bocheck-action-\(UUID().uuidString).sarif")
    defer { try? FileManager.default.removeItem(at: sarif) }
    let expanded = line.trimmingCharacters(in: .whitespaces)
      .replacingOccurrences(of: "\"sarif=$BOCHECK_SARIF\"", with: "sarif=\(sarif.path)")
      .replacingOccurrences(of: "\"$BOCHECK_FAIL_ON\"", with: "error")
      .replacingOccurrences(of: "$BOCHECK_PATHS", with: TestSupport.completeSample.path)
    let arguments = expanded.split(separator: " ").dropFirst().map(String.init)
    #expect(!arguments.contains { $0.contains("$") }, "\(arguments)")
    let outcome = CLIHarness.run(arguments)
    #expect(outcome.status == 1)
    #expect(outcome.standardOutput.hasPrefix("::warning file=Samples/"))
    #expect(outcome.standardOutput.contains("::error file=Samples/sc13da-amendment-4-complete-rows.txt,line=196,"))
    let report = try String(contentsOf: sarif, encoding: .utf8)
    #expect(report.contains("\"ruleId\": \"parent-sum\""))
  }

  @Test func thePreCommitHooksEntryIsOneBocheckAccepts() throws {
    let hooks = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
    let entry = try #require(
      hooks.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("entry:") })
    let arguments = entry.split(separator: " ").dropFirst(2).map(String.init) + [TestSupport.completeSample.path]
    #expect(arguments.first == "check")
    let outcome = CLIHarness.run(arguments)
    #expect(outcome.status == 1)
    #expect(outcome.standardOutput.contains("[parent-sum]"))
  }
}
