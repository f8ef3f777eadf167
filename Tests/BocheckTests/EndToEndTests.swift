import BocheckModel
import Foundation
import Testing

/// The `bocheck` executable built with the tests, run as a separate process.
///
/// `swift test` builds every target of the package, the `bocheck` executable included, into the same
/// products folder as the test bundle (`.build/debug`), so the tests look for it next to the bundle. The
/// environment variable `BOCHECK_EXECUTABLE` points them at another binary (an installed one, say). When no
/// binary is found (a test runner that builds only the test bundle), the end-to-end tests are skipped with
/// that reason; `swift build` first makes them run.
enum BuiltExecutable {
  static let url: URL? = {
    var candidates: [URL] = []
    if let given = ProcessInfo.processInfo.environment["BOCHECK_EXECUTABLE"] {
      candidates.append(URL(fileURLWithPath: given))
    }
    candidates.append(Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("bocheck"))
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("bocheck"))
    }
    if let executable = Bundle.main.executableURL {
      candidates.append(executable.deletingLastPathComponent().appendingPathComponent("bocheck"))
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// What a run produced.
  struct Outcome {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// Runs the executable in a folder with the arguments and standard input.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the program name.
  ///   - folder: The working folder (the repository root by default, so sample paths are relative).
  ///   - input: What standard input holds.
  ///   - environment: Variables to set on top of the test's own environment.
  ///   - executable: The binary to run (the built one by default).
  static func run(
    _ arguments: [String], in folder: URL = TestSupport.repositoryRoot, input: Data = Data(),
    environment: [String: String] = [:], executable: URL? = nil
  ) throws -> Outcome {
    let binary = try #require(executable ?? url, "the bocheck executable was not found")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var variables = ProcessInfo.processInfo.environment
    variables["NO_COLOR"] = nil
    variables["BOCHECK_RULES_DIR"] = nil
    for (key, value) in environment { variables[key] = value }
    process.environment = variables
    let inputPipe = Pipe()
    let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("bocheck-e2e-\(UUID().uuidString)")
    let errorFile = outputFile.appendingPathExtension("err")
    try Data().write(to: outputFile)
    try Data().write(to: errorFile)
    defer {
      try? FileManager.default.removeItem(at: outputFile)
      try? FileManager.default.removeItem(at: errorFile)
    }
    let outputHandle = try FileHandle(forWritingTo: outputFile)
    let errorHandle = try FileHandle(forWritingTo: errorFile)
    process.standardInput = inputPipe
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    try process.run()
    inputPipe.fileHandleForWriting.write(input)
    try inputPipe.fileHandleForWriting.close()
    process.waitUntilExit()
    try outputHandle.close()
    try errorHandle.close()
    return Outcome(
      status: process.terminationStatus,
      standardOutput: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
      standardError: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
  }
}

@Suite(
  "End to end: the built executable",
  .enabled(
    if: BuiltExecutable.url != nil,
    "the bocheck executable is not next to the test bundle; run 'swift build' (or set BOCHECK_EXECUTABLE)"))
struct EndToEndTests {
  static let completePath = "Samples/sc13da-amendment-4-complete-rows.txt"
  static let malformedPath = "Samples/sc13da-amendment-2-malformed-rows.txt"

  /// The 1-based line of a person's row as the reader sees it.
  static func line(of field: RowField, person: String, in sample: URL) throws -> Int {
    let filing = try TestSupport.read(sample)
    let page = try #require(filing.coverPages.first { $0.reportingPersonName == person }, "no page for \(person)")
    return try #require(page.rows[field]?.line, "\(person) has no \(field) row")
  }

  @Test("Amendment No. 4: the two one-share parent-sum errors and a derivative-basis warning per person")
  func completeSample() throws {
    let outcome = try BuiltExecutable.run(["check", Self.completePath])
    #expect(outcome.status == 1)
    #expect(outcome.standardError.isEmpty)
    let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
    let errors = lines.filter { $0.contains(": error: ") }
    #expect(errors.count == 2)
    for person in ["Nelson Obus", "Joshua Landes"] {
      let line = try Self.line(of: .aggregateAmountOwned, person: person, in: TestSupport.completeSample)
      let index = try #require(
        lines.firstIndex { $0.hasPrefix("\(Self.completePath):\(line):") && $0.hasSuffix("[parent-sum]") },
        "no parent-sum error at line \(line) for \(person)")
      #expect(lines[index].contains(": error: "))
      #expect(lines[index + 1].hasPrefix("    cover page "))
      #expect(lines[index + 1].hasSuffix("(\(person)), row 11 (aggregate amount beneficially owned)"))
      #expect(lines[index + 2] == "    expected 3,731,324, found 3,731,323")
    }
    #expect(lines.filter { $0.hasSuffix("[percent-derivative-basis]") && $0.contains(": warning: ") }.count == 7)
    #expect(
      lines.last
        == "\(Self.completePath): 2 errors, 7 warnings, 0 notes; shares outstanding 44,726,000 (stated, line 323)")
  }

  @Test("GITHUB_WORKSPACE from the process's environment: CI report paths relative to it, or to the working folder")
  func workspaceFromTheEnvironment() throws {
    let samples = TestSupport.repositoryRoot.appendingPathComponent("Samples").path
    let relative = try BuiltExecutable.run(
      ["check", "--format", "github", Self.completePath], environment: ["GITHUB_WORKSPACE": samples])
    #expect(relative.status == 1)
    let relativeLines = relative.standardOutput.split(separator: "\n")
    #expect(relativeLines.count == 9, "two errors and seven warnings")
    #expect(relativeLines.allSatisfy { $0.contains(" file=sc13da-amendment-4-complete-rows.txt,line=") })
    let unset = try BuiltExecutable.run(["check", "--format", "github", Self.completePath])
    let unsetLines = unset.standardOutput.split(separator: "\n")
    #expect(unsetLines.count == 9)
    #expect(unsetLines.allSatisfy { $0.contains(" file=\(Self.completePath),line=") })
  }

  @Test("Amendment No. 2: the missing cover page, the recovered and unassignable rows, exit 1")
  func malformedSample() throws {
    let outcome = try BuiltExecutable.run(["check", "--no-color", Self.malformedPath])
    #expect(outcome.status == 1)
    #expect(outcome.standardError.isEmpty)
    let text = outcome.standardOutput
    #expect(text.contains("[missing-cover-page]"))
    #expect(text.contains(": warning: ") && text.contains("[malformed-row]"))
    #expect(text.contains("[parent-sum]"))
    #expect(!text.contains("\u{1B}"))
    #expect(text.hasSuffix("\n") && text.split(separator: "\n").last?.hasPrefix("\(Self.malformedPath): ") == true)
  }

  @Test("both samples as JSON through a folder argument: valid JSON with the summary of both files")
  func jsonReport() throws {
    let outcome = try BuiltExecutable.run(["check", "--format", "json", "Samples"])
    #expect(outcome.status == 1)
    #expect(outcome.standardError.isEmpty)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    #expect(object["version"] as? Int == 1)
    let files = try #require(object["files"] as? [[String: Any]])
    #expect(
      files.map { $0["path"] as? String } == ["Samples/sc13da-amendment-2-malformed-rows.txt", Self.completePath])
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary["files"] == 2)
    let complete = files[1]
    #expect(complete["cusip"] as? String == "53634X100")
    #expect(complete["form"] as? String == "SC 13D/A")
    #expect(complete["amendment"] as? Int == 4)
    let findings = try #require(complete["findings"] as? [[String: Any]])
    let parents = findings.filter { $0["rule"] as? String == "parent-sum" }
    #expect(Set(parents.compactMap { $0["person"] as? String }) == ["Nelson Obus", "Joshua Landes"])
    #expect(parents.allSatisfy { $0["expected"] as? String == "3731324" && $0["actual"] as? String == "3731323" })
    #expect(parents.allSatisfy { $0["row"] as? Int == 11 && $0["severity"] as? String == "error" })
  }

  @Test("standard input through a pipe gives the same findings as the file")
  func standardInput() throws {
    let data = try Data(contentsOf: TestSupport.completeSample)
    let piped = try BuiltExecutable.run(["check", "-"], input: data)
    let direct = try BuiltExecutable.run(["check", Self.completePath])
    #expect(piped.status == 1)
    #expect(piped.standardError.isEmpty)
    #expect(
      piped.standardOutput == direct.standardOutput.replacingOccurrences(of: Self.completePath, with: "<stdin>"))
  }

  @Test("an unreadable input among readable ones: the sample is still reported, exit 2, one line on stderr")
  func unreadableInput() throws {
    let outcome = try BuiltExecutable.run(["check", "no-such-filing.txt", Self.completePath])
    #expect(outcome.status == 2)
    #expect(outcome.standardError == "bocheck: error: no-such-filing.txt: no such file or folder\n")
    #expect(outcome.standardOutput.contains("\(Self.completePath): 2 errors, 7 warnings, 0 notes;"))
    #expect(outcome.standardOutput.hasSuffix("total: 1 file checked, 2 errors, 7 warnings, 0 notes, 1 unreadable\n"))
  }

  @Test("a usage error and --version")
  func usageAndVersion() throws {
    let usage = try BuiltExecutable.run(["check", "--fromat", "json", Self.completePath])
    #expect(usage.status == 2)
    #expect(usage.standardOutput.isEmpty)
    #expect(
      usage.standardError
        == "bocheck: error: unknown option '--fromat' (did you mean '--format'?)\n"
        + "usage: bocheck check [options] PATH...\n")
    let version = try BuiltExecutable.run(["--version"])
    #expect(version.status == 0)
    #expect(version.standardOutput == "bocheck 1.0.0\n")
  }

  @Test("installed layout: the tool finds its rules in ../share/bocheck/Rules from any working folder")
  func installedLayout() throws {
    let executable = try #require(BuiltExecutable.url)
    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("bocheck-prefix-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: prefix) }
    let bin = prefix.appendingPathComponent("bin")
    let rules = prefix.appendingPathComponent("share/bocheck/Rules")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: executable, to: bin.appendingPathComponent("bocheck"))
    let source = TestSupport.repositoryRoot.appendingPathComponent("Rules")
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".rule") {
      try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: rules.appendingPathComponent(name))
    }
    // A rule only the installed folder has proves that the installed rules, not the source tree's, are used.
    let original = try String(contentsOf: rules.appendingPathComponent("parent-sum.rule"), encoding: .utf8)
    try original.replacingOccurrences(of: "id: parent-sum\n", with: "id: zz-installed-copy\n")
      .write(to: rules.appendingPathComponent("zz-installed-copy.rule"), atomically: true, encoding: .utf8)
    let outcome = try BuiltExecutable.run(
      ["rules"], in: FileManager.default.temporaryDirectory, executable: bin.appendingPathComponent("bocheck"))
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("\nzz-installed-copy "))
  }
}

/// The real filings of the corpus, checked end to end in-process: their arithmetic adds up, so bocheck
/// must stay silent on every one of them.
@Suite struct CorpusCheckTests {
  @Test func everyRealFilingInTheCorpusIsReadAndNothingIsFlagged() {
    let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/BocheckTests/Fixtures/corpus").path
    let outcome = CLIHarness.run(["check", "--no-color", "--fail-on", "note", folder])
    #expect(outcome.status == 0, "\(outcome.standardOutput)\(outcome.standardError)")
    #expect(outcome.standardOutput.hasSuffix("total: 7 files checked, 0 errors, 0 warnings, 0 notes\n"))
    #expect(outcome.standardError.isEmpty)
  }
}
