import BocheckCLI
import BocheckReporting
import Foundation
import Testing

/// Golden (snapshot) tests: the reports on the founding samples must equal the files under
/// `Tests/BocheckTests/Fixtures/golden/`, byte for byte.
///
/// When a change to the reader, the rules or the reports changes the output on purpose, re-record the files
/// and review the difference before committing it:
///
///     BOCHECK_RECORD_GOLDEN=1 swift test --filter Golden
///     git diff Tests/BocheckTests/Fixtures/golden
///
/// With `BOCHECK_RECORD_GOLDEN=1` the tests write the current output instead of comparing. The commands run
/// in-process; the repository's absolute path is removed from the output so that the files do not depend on
/// where the repository is checked out.
@Suite("Golden reports on the samples")
struct GoldenTests {
  /// One golden case: the sample, the arguments before its path, the golden file's name and the
  /// environment the command sees.
  struct Case: CustomTestStringConvertible, Sendable {
    var sample: String
    var arguments: [String]
    var golden: String
    var environment: [String: String] = [:]
    var testDescription: String { golden }
  }

  /// The CI formats make paths relative to `GITHUB_WORKSPACE`; the repository's root stands for it, so that
  /// their golden files do not depend on the working directory the tests run in.
  static let workspace = ["GITHUB_WORKSPACE": TestSupport.repositoryRoot.path]

  static let samples = ["sc13da-amendment-4-complete-rows", "sc13da-amendment-2-malformed-rows"]

  static let cases: [Case] = samples.flatMap { sample in
    [
      Case(sample: sample, arguments: ["check", "--no-color"], golden: "\(sample).check.txt"),
      Case(sample: sample, arguments: ["check", "--format", "json"], golden: "\(sample).check.json"),
      Case(sample: sample, arguments: ["parse"], golden: "\(sample).parse.json"),
      Case(
        sample: sample, arguments: ["check", "--format", "sarif"], golden: "\(sample).check.sarif",
        environment: workspace),
      Case(
        sample: sample, arguments: ["check", "--format", "github"], golden: "\(sample).check.github.txt",
        environment: workspace),
      Case(
        sample: sample, arguments: ["check", "--format", "junit"], golden: "\(sample).check.junit.xml",
        environment: workspace),
      Case(
        sample: sample, arguments: ["check", "--format", "checkstyle"], golden: "\(sample).check.checkstyle.xml",
        environment: workspace),
      // The same golden file as htmlGolden's: the command line's html report is HTMLReport's page.
      Case(sample: sample, arguments: ["check", "--format", "html"], golden: "\(sample).check.html"),
    ]
  }

  static let goldenFolder = TestSupport.repositoryRoot.appendingPathComponent("Tests/BocheckTests/Fixtures/golden")

  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["BOCHECK_RECORD_GOLDEN"] == "1"
  }

  @Test("the report equals its golden file", arguments: cases)
  func golden(_ item: Case) throws {
    let samplePath = TestSupport.repositoryRoot.appendingPathComponent("Samples/\(item.sample).txt").path
    // A terminal is claimed on purpose: --no-color alone must keep the text report plain.
    let outcome = CLIHarness.run(
      item.arguments + [samplePath], isTerminal: item.arguments.contains("--no-color"), environment: item.environment)
    #expect(outcome.standardError.isEmpty, "\(outcome.standardError)")
    #expect(outcome.status == 0 || outcome.status == 1)
    let rootPrefix = TestSupport.repositoryRoot.path + "/"
    let output = outcome.standardOutput.replacingOccurrences(of: rootPrefix, with: "")
    try Self.compare(output, golden: item.golden)
  }

  /// The HTML report, rendered through ``HTMLReport/render(_:)`` directly from the checked sample (the
  /// command line's `--format html` calls the same function).
  @Test("the HTML report equals its golden file", arguments: samples)
  func htmlGolden(_ sample: String) throws {
    let report = try HTMLSamples.report(sample)
    try Self.compare(HTMLReport.render([report]), golden: "\(sample).check.html")
  }

  /// Compares an output with its golden file, or records the file with `BOCHECK_RECORD_GOLDEN=1`.
  ///
  /// - Parameters:
  ///   - output: The output, with the repository's absolute path already removed.
  ///   - golden: The golden file's name in the golden folder.
  static func compare(_ output: String, golden: String) throws {
    let goldenURL = goldenFolder.appendingPathComponent(golden)
    if isRecording {
      try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
      try Data(output.utf8).write(to: goldenURL)
      return
    }
    guard let data = FileManager.default.contents(atPath: goldenURL.path) else {
      Issue.record(
        "golden file \(golden) is missing; record it with BOCHECK_RECORD_GOLDEN=1 swift test --filter Golden")
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if output != expected {
      let difference = firstDifference(expected, output)
      let message =
        "\(golden) differs from the output; \(difference). If the change is intended, re-record with "
        + "BOCHECK_RECORD_GOLDEN=1 swift test --filter Golden and review git diff."
      Issue.record(Comment(rawValue: message))
    }
  }

  @Test("the check's exit status on each sample is 1: both samples have errors")
  func exitStatus() {
    for sample in Self.samples {
      let path = TestSupport.repositoryRoot.appendingPathComponent("Samples/\(sample).txt").path
      #expect(CLIHarness.run(["check", path]).status == 1, "\(sample)")
    }
  }

  /// The first line on which two texts differ, in words.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let wanted = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
      let got = index < actualLines.count ? String(actualLines[index]) : "<end of output>"
      if wanted != got { return "line \(index + 1): expected \"\(wanted)\", got \"\(got)\"" }
    }
    return "no line differs"
  }
}
