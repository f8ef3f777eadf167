import Foundation
import Testing

/// `--format` with the CI formats and `--output FORMAT=PATH`, run in-process.
@Suite("Command line: report formats and report files")
struct ReportOutputTests {
  @Test("--output writes each format to its file, equal to that format on standard output")
  func severalFormats() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let filing = try CLIHarness.write(CLIHarness.errorFiling, named: "filings/error.txt", in: folder)
    let environment = ["GITHUB_WORKSPACE": folder.path]
    let formats = ["json", "sarif", "github", "junit", "checkstyle", "html"]
    let outputs = formats.flatMap { ["--output", "\($0)=\(folder.path)/report.\($0)"] }
    let outcome = CLIHarness.run(["check", "--format", "text"] + outputs + [filing], environment: environment)
    #expect(outcome.status == 1)
    #expect(outcome.standardError.isEmpty, "\(outcome.standardError)")
    #expect(outcome.standardOutput == CLIHarness.run(["check", filing]).standardOutput)
    #expect(outcome.standardOutput.hasPrefix("\(filing):28:1: error: "), "\(outcome.standardOutput)")
    for format in formats {
      let written = try String(contentsOfFile: "\(folder.path)/report.\(format)", encoding: .utf8)
      let alone = CLIHarness.run(["check", "--format", format, filing], environment: environment)
      #expect(alone.status == 1)
      #expect(written == alone.standardOutput, "\(format)")
      #expect(!written.isEmpty, "\(format)")
    }
    let github = try String(contentsOfFile: "\(folder.path)/report.github", encoding: .utf8)
    #expect(github.hasPrefix("::error file=filings/error.txt,line=28,col=1,title=bocheck power-sum::"), "\(github)")
  }

  @Test("a report file that cannot be written: exit 2 with the path and the reason, before any input is read")
  func unwritable() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let filing = try CLIHarness.write(CLIHarness.cleanFiling, named: "clean.txt", in: folder)
    let target = folder.path + "/missing/report.sarif"
    let outcome = CLIHarness.run(["check", "--output", "sarif=\(target)", filing])
    #expect(outcome.status == 2)
    #expect(outcome.standardError == "bocheck: error: \(target): cannot write the report: No such file or directory\n")
    #expect(outcome.standardOutput.isEmpty)
    let intoFolder = CLIHarness.run(["check", "--output", "junit=\(folder.path)", filing])
    #expect(intoFolder.status == 2)
    #expect(intoFolder.standardError == "bocheck: error: \(folder.path): cannot write the report: Is a directory\n")
  }

  @Test("bad --output values name the problem and the accepted formats")
  func badValues() {
    let cases: [(String, String)] = [
      ("sarif", "invalid value 'sarif' for --output (expected FORMAT=PATH, such as sarif=bocheck.sarif)"),
      (
        "pdf=out.pdf",
        "invalid format 'pdf' in --output pdf=out.pdf (expected one of text, json, sarif, github, junit, "
          + "checkstyle, html)"
      ),
      ("sarif=", "--output sarif= names no file (standard output gets the --format report)"),
      ("sarif=-", "--output sarif=- names no file (standard output gets the --format report)"),
    ]
    for (value, message) in cases {
      let outcome = CLIHarness.run(["check", "--output", value, "a.txt"])
      #expect(outcome.status == 2)
      #expect(
        outcome.standardError == "bocheck: error: \(message)\nusage: bocheck check [options] PATH...\n",
        "\(outcome.standardError)")
    }
    let twice = CLIHarness.run(["check", "--output", "sarif=r.out", "--output=junit=r.out", "a.txt"])
    #expect(twice.status == 2)
    #expect(twice.standardError.hasPrefix("bocheck: error: --output names the file 'r.out' twice\n"))
  }

  @Test("a report file named as an input is refused and the input is left as it was")
  func outputIsInput() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let filing = try CLIHarness.write(CLIHarness.cleanFiling, named: "clean.txt", in: folder)
    let outcome = CLIHarness.run(["check", "--output", "sarif=\(folder.path)/./clean.txt", filing])
    #expect(outcome.status == 2)
    #expect(
      outcome.standardError == "bocheck: error: --output sarif=\(folder.path)/./clean.txt: the file is also an input\n")
    #expect(try String(contentsOfFile: filing, encoding: .utf8) == CLIHarness.cleanFiling)
  }

  @Test("a report file found in a folder being checked (the previous run's) is not read as a filing")
  func previousReportInFolder() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try CLIHarness.write(CLIHarness.cleanFiling, named: "clean.txt", in: folder)
    let report = try CLIHarness.write("<testsuites/>\n", named: "report.xml", in: folder)
    let outcome = CLIHarness.run(["check", "--output", "junit=\(report)", folder.path])
    #expect(outcome.status == 0)
    #expect(outcome.standardError.isEmpty, "\(outcome.standardError)")
    #expect(
      outcome.standardOutput == "\(folder.path)/clean.txt: 0 errors, 0 warnings, 0 notes; "
        + "shares outstanding 10,000 (stated, line 38)\n")
    let junit = try String(contentsOfFile: report, encoding: .utf8)
    #expect(XMLElements.parse(junit)?.filter { $0.name == "testsuite" }.count == 1)
  }

  @Test("an unreadable input: the report files are still written, JUnit lists it in error, exit 2")
  func unreadableInput() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "clean.txt", in: folder)
    let missing = folder.path + "/absent.txt"
    let notFiling = try CLIHarness.write("hello\n", named: "notes.txt", in: folder)
    let report = folder.path + "/junit.xml"
    let outcome = CLIHarness.run(
      ["check", "--format", "sarif", "--output", "junit=\(report)", clean, missing, notFiling],
      environment: ["GITHUB_WORKSPACE": folder.path])
    #expect(outcome.status == 2)
    #expect(outcome.standardOutput.contains("\"results\": []"))
    let junit = try String(contentsOfFile: report, encoding: .utf8)
    let elements = try #require(XMLElements.parse(junit))
    #expect(elements.first?.attributes == ["name": "bocheck", "tests": "17", "failures": "0", "errors": "2"])
    #expect(
      elements.filter { $0.name == "testsuite" }.map { $0.attributes["name"] } == [
        "absent.txt", "clean.txt", "notes.txt",
      ])
    // A path that does not exist is known before any input is read, so its suite comes first.
    let errors = elements.filter { $0.name == "error" }
    #expect(errors.map { $0.attributes["type"] } == ["unreadable", "unreadable"])
    #expect(errors.first?.attributes["message"]?.hasPrefix("\(missing): ") == true)
    #expect(errors.last?.attributes["message"]?.hasPrefix("\(notFiling): ") == true)
  }
}

/// The SARIF fingerprints of a real filing before and after an unrelated edit.
@Suite("SARIF fingerprints across edits")
struct SARIFFingerprintEditTests {
  static func results(_ text: String, in folder: URL) throws -> [[String: Any]] {
    let path = try CLIHarness.write(text, named: "filing.txt", in: folder)
    let outcome = CLIHarness.run(
      ["check", "--format", "sarif", path], environment: ["GITHUB_WORKSPACE": folder.path])
    let log = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    return try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
  }

  static func fingerprint(_ result: [String: Any]) -> String? {
    (result["partialFingerprints"] as? [String: String])?["bocheckFinding/v1"]
  }

  static func startLine(_ result: [String: Any]) -> Int? {
    let locations = result["locations"] as? [[String: Any]]
    let physical = locations?.first?["physicalLocation"] as? [String: Any]
    return (physical?["region"] as? [String: Any])?["startLine"] as? Int
  }

  @Test("lines added above the cover page move the finding but keep its fingerprint; other numbers change it")
  func unrelatedEdit() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try Self.results(CLIHarness.errorFiling, in: folder)
    let edited = CLIHarness.errorFiling.replacingOccurrences(
      of: "(Amendment No. 1)\n", with: "(Amendment No. 1)\nFiled by counsel.\n\nDraft of the final version.\n")
    let after = try Self.results(edited, in: folder)
    #expect(before.count == 1)
    #expect(after.count == 1)
    #expect(before.first?["ruleId"] as? String == "power-sum")
    #expect(Self.startLine(before[0]) == 28)
    #expect(Self.startLine(after[0]) == 31)
    #expect(Self.fingerprint(before[0]) != nil)
    #expect(Self.fingerprint(after[0]) == Self.fingerprint(before[0]))
    let otherNumbers = CLIHarness.errorFiling.replacingOccurrences(
      of: "10 SHARED DISPOSITIVE POWER\n200\n", with: "10 SHARED DISPOSITIVE POWER\n300\n")
    let changed = try Self.results(otherNumbers, in: folder)
    #expect(changed.count == 1)
    #expect(Self.fingerprint(changed[0]) != Self.fingerprint(before[0]))
  }
}

@Suite(
  "End to end: report files when standard output goes away",
  .enabled(
    if: BuiltExecutable.url != nil,
    "the bocheck executable is not next to the test bundle; run 'swift build' (or set BOCHECK_EXECUTABLE)"))
struct ReportFileEndToEndTests {
  @Test("standard output closed by its reader (| head): the SARIF file is still complete, the exit status 1")
  func closedStandardOutput() throws {
    let binary = try #require(BuiltExecutable.url)
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("bocheck.sarif")
    let process = Process()
    process.executableURL = binary
    process.arguments = ["check", "--format", "github", "--output", "sarif=\(report.path)", "Samples/"]
    process.currentDirectoryURL = TestSupport.repositoryRoot
    var environment = ProcessInfo.processInfo.environment
    environment["BOCHECK_RULES_DIR"] = nil
    environment["GITHUB_WORKSPACE"] = nil
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    // Nobody reads standard output: the first write fails as it does after `| head -1` has exited.
    try output.fileHandleForReading.close()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    let golden = GoldenTests.goldenFolder
    let expected = try [
      "sc13da-amendment-2-malformed-rows", "sc13da-amendment-4-complete-rows",
    ].map { sample -> [Any] in
      let data = try Data(contentsOf: golden.appendingPathComponent("\(sample).check.sarif"))
      let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      return try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [Any])
    }
    let data = try Data(contentsOf: report)
    let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "the SARIF file is cut")
    let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [Any])
    #expect(results.count == expected[0].count + expected[1].count)
  }
}

/// JUnit follows `--fail-on`: a rule fails only with a finding at or above it, lower ones are listed.
@Suite struct JUnitFailOnTests {
  @Test func warningsFailOnlyWhenFailOnIsWarning() {
    let sample = TestSupport.completeSample.path
    let byDefault = CLIHarness.run(["check", "--format", "junit", sample]).standardOutput
    #expect(byDefault.contains("<testsuites name=\"bocheck\" tests=\"15\" failures=\"1\" errors=\"0\">"))
    #expect(byDefault.contains("name=\"percent-derivative-basis\">\n      <system-out>"))
    let strict = CLIHarness.run(["check", "--format", "junit", "--fail-on", "warning", sample]).standardOutput
    #expect(strict.contains("<testsuites name=\"bocheck\" tests=\"15\" failures=\"2\" errors=\"0\">"))
    #expect(strict.contains("<failure message=\"7 warnings: "))
  }
}
