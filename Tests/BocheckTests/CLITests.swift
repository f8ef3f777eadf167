import Foundation
import Testing

@testable import BocheckCLI

/// Runs the command line in-process and captures what it writes.
enum CLIHarness {
  /// What one run produced.
  struct Outcome {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// Runs `bocheck` with the arguments.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the program name.
  ///   - standardInput: What standard input holds.
  ///   - isTerminal: Whether standard output is to be taken for a terminal.
  ///   - environment: The environment variables the command sees.
  static func run(
    _ arguments: [String], standardInput: [UInt8] = [], isTerminal: Bool = false, environment: [String: String] = [:]
  ) -> Outcome {
    var output = ""
    var error = ""
    let status = BocheckCommand.run(
      arguments: arguments, standardInput: { standardInput }, standardOutput: { output += $0 },
      standardError: { error += $0 }, isTerminal: isTerminal, environment: environment)
    return Outcome(status: status, standardOutput: output, standardError: error)
  }

  /// A consistent one-person filing: 1,000 of 10,000 shares, 10.0 %.
  static let cleanFiling = """
    SCHEDULE 13D
    (Amendment No. 1)
    Example Widgets, Inc.
    (Name of Issuer)
    Common Stock
    (Title of Class of Securities)
    037833100
    (CUSIP Number)

    \(TestSupport.coverPage(name: "Alpha Fund LP"))
    Item 5. The percentages are based on 10,000 shares of Common Stock outstanding.

    """

  /// The clean filing with one fault that only warrants a warning: a type code the SEC does not define
  /// (line 36).
  static let warningFiling = cleanFiling.replacingOccurrences(of: "\nPN\n", with: "\nZZ\n")

  /// The clean filing with an error: row 11 says 1,000 shares but the dispositive powers add up to 1,200
  /// (line 28 holds row 10's value).
  static let errorFiling = cleanFiling.replacingOccurrences(
    of: "10 SHARED DISPOSITIVE POWER\n0\n", with: "10 SHARED DISPOSITIVE POWER\n200\n")

  /// A new temporary folder, removed by the caller.
  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bocheck-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Writes text to a file in a folder and returns its path.
  @discardableResult
  static func write(_ text: String, named name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
  }
}

@Suite("Command line: usage")
struct CLIUsageTests {
  @Test("an unknown option: exit 2, one error line with the closest option, then the usage line")
  func unknownOption() {
    let outcome = CLIHarness.run(["check", "--fromat", "json", "a.txt"])
    #expect(outcome.status == 2)
    #expect(outcome.standardOutput.isEmpty)
    #expect(
      outcome.standardError
        == "bocheck: error: unknown option '--fromat' (did you mean '--format'?)\n"
        + "usage: bocheck check [options] PATH...\n")
  }

  @Test("an option from another command, and one too far from any to suggest")
  func unknownOptionsElsewhere() {
    let misplaced = CLIHarness.run(["parse", "--format", "json", "a.txt"])
    #expect(misplaced.status == 2)
    #expect(
      misplaced.standardError.hasPrefix(
        "bocheck: error: unknown option '--format' (known options: --input-format, --help)\n"))
    #expect(misplaced.standardError.hasSuffix("usage: bocheck parse [--input-format FORMAT] PATH\n"))
    let typo = CLIHarness.run(["check", "--no-colour", "a.txt"])
    #expect(typo.standardError.hasPrefix("bocheck: error: unknown option '--no-colour' (did you mean '--no-color'?)\n"))
    let short = CLIHarness.run(["check", "-x", "a.txt"])
    #expect(short.status == 2)
    #expect(short.standardError.hasPrefix("bocheck: error: unknown option '-x'"))
  }

  @Test("an option missing its value")
  func missingValue() {
    let outcome = CLIHarness.run(["check", "a.txt", "--format"])
    #expect(outcome.status == 2)
    #expect(
      outcome.standardError
        == "bocheck: error: option '--format' needs a value (text|json|sarif|github|junit|checkstyle|html)\n"
        + "usage: bocheck check [options] PATH...\n")
    let beforeOption = CLIHarness.run(["check", "--rules", "--no-color", "a.txt"])
    #expect(beforeOption.standardError.hasPrefix("bocheck: error: option '--rules' needs a value (DIR)\n"))
    let flagWithValue = CLIHarness.run(["check", "--no-color=yes", "a.txt"])
    #expect(flagWithValue.standardError.hasPrefix("bocheck: error: option '--no-color' takes no value\n"))
  }

  @Test("a bad --format and a bad --fail-on name the accepted values")
  func badChoices() {
    let format = CLIHarness.run(["check", "--format", "xml", "a.txt"])
    #expect(format.status == 2)
    #expect(
      format.standardError.hasPrefix(
        "bocheck: error: invalid value 'xml' for --format "
          + "(expected text, json, sarif, github, junit, checkstyle, html)\n"))
    let failOn = CLIHarness.run(["check", "--fail-on=fatal", "a.txt"])
    #expect(failOn.status == 2)
    #expect(
      failOn.standardError.hasPrefix(
        "bocheck: error: invalid value 'fatal' for --fail-on (expected note, warning, error)\n"))
  }

  @Test("a bad --shares-outstanding", arguments: ["abc", "0", "-5", "44,72,6000", "44.726m", ""])
  func badSharesOutstanding(value: String) {
    let outcome = CLIHarness.run(["check", "--shares-outstanding", value, "a.txt"])
    #expect(outcome.status == 2)
    #expect(
      outcome.standardError.hasPrefix(
        "bocheck: error: invalid value '\(value)' for --shares-outstanding (expected a positive number of shares, "
          + "such as 12,500,000 or 12500000)\n"))
  }

  @Test("no command, no path, an unknown command")
  func missingPieces() {
    let nothing = CLIHarness.run([])
    #expect(nothing.status == 2)
    #expect(nothing.standardError.hasPrefix("bocheck: error: no command given\nusage: bocheck check"))
    let noPath = CLIHarness.run(["check", "--format", "json"])
    #expect(noPath.status == 2)
    #expect(
      noPath.standardError.hasPrefix("bocheck: error: no PATH given (a file, a folder, or - for standard input)\n"))
    let typo = CLIHarness.run(["chekc", "a.txt"])
    #expect(typo.status == 2)
    #expect(typo.standardError.hasPrefix("bocheck: error: unknown command 'chekc' (did you mean 'check'?)\n"))
    let twoFiles = CLIHarness.run(["parse", "a.txt", "b.txt"])
    #expect(twoFiles.status == 2)
    #expect(twoFiles.standardError.hasPrefix("bocheck: error: parse reads one file; use 'bocheck check' for several\n"))
  }

  @Test(
    "--help on every command: exit 0, the usage line first, nothing on standard error",
    arguments: [
      (["--help"], "bocheck 1.0.0: "), (["-h"], "bocheck 1.0.0: "), (["check", "--help"], "usage: bocheck check"),
      (["check", "a.txt", "-h"], "usage: bocheck check"),
      (["parse", "--help"], "usage: bocheck parse [--input-format FORMAT] PATH"),
      (["rules", "--help"], "usage: bocheck rules"),
    ])
  func help(arguments: [String], start: String) {
    let outcome = CLIHarness.run(arguments)
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput.hasPrefix(start))
    #expect(outcome.standardOutput.contains("exit status"))
    #expect(outcome.standardError.isEmpty)
  }

  @Test("check --help lists every option")
  func checkHelpOptions() {
    let help = CLIHarness.run(["check", "--help"]).standardOutput
    for option in [
      "--format text|json|sarif|github|junit|checkstyle|html", "--output FORMAT=PATH", "--rules DIR",
      "--shares-outstanding N", "--fail-on error|warning|note",
      "--no-color", "-h, --help",
    ] {
      #expect(help.contains(option), "help lacks \(option)")
    }
  }

  @Test("--version")
  func version() {
    let outcome = CLIHarness.run(["--version"])
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput == "bocheck 1.0.0\n")
  }
}

@Suite("Command line: inputs and exit codes")
struct CLIInputTests {
  @Test("exit codes follow --fail-on: a clean filing, one with a warning, one with an error")
  func failOn() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "clean.txt", in: folder)
    let warning = try CLIHarness.write(CLIHarness.warningFiling, named: "warning.txt", in: folder)
    let error = try CLIHarness.write(CLIHarness.errorFiling, named: "error.txt", in: folder)
    let cases: [(path: String, failOn: String?, status: Int32)] = [
      (clean, nil, 0), (clean, "note", 0), (warning, nil, 0), (warning, "error", 0), (warning, "warning", 1),
      (warning, "note", 1), (error, nil, 1), (error, "error", 1), (error, "warning", 1),
    ]
    for item in cases {
      let arguments = ["check"] + (item.failOn.map { ["--fail-on", $0] } ?? []) + [item.path]
      let outcome = CLIHarness.run(arguments)
      #expect(outcome.status == item.status, "\(arguments): \(outcome.standardOutput) \(outcome.standardError)")
      #expect(outcome.standardError.isEmpty)
    }
    let warningReport = CLIHarness.run(["check", warning]).standardOutput
    #expect(warningReport.contains("\(warning):36:1: warning: "))
    #expect(warningReport.contains("[invalid-code]"))
    #expect(
      warningReport.hasSuffix("\(warning): 0 errors, 1 warning, 0 notes; shares outstanding 10,000 (stated, line 38)\n")
    )
    let cleanReport = CLIHarness.run(["check", clean]).standardOutput
    #expect(cleanReport == "\(clean): 0 errors, 0 warnings, 0 notes; shares outstanding 10,000 (stated, line 38)\n")
  }

  @Test("--shares-outstanding replaces the filing's own basis, with or without separators")
  func sharesOutstandingOption() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "clean.txt", in: folder)
    for value in ["10,000", "10000"] {
      let outcome = CLIHarness.run(["check", "--shares-outstanding", value, clean])
      #expect(outcome.status == 0)
      #expect(outcome.standardOutput.hasSuffix("shares outstanding 10,000 (--shares-outstanding)\n"))
    }
    let json = CLIHarness.run(["check", "--format", "json", "--shares-outstanding=20,000", clean]).standardOutput
    #expect(
      json.contains(
        """
        "sharesOutstanding": {
                "line": null,
                "source": "option",
                "value": 20000
              }
        """))
  }

  @Test("an unreadable file among readable ones: the others are checked, exit 2, one error line for it")
  func unreadableAmongReadable() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "clean.txt", in: folder)
    let missing = folder.appendingPathComponent("missing.txt").path
    let empty = try CLIHarness.write("", named: "empty.txt", in: folder)
    let prose = try CLIHarness.write("Dear shareholder,\nnothing to see.\n", named: "letter.txt", in: folder)
    let outcome = CLIHarness.run(["check", missing, clean, empty, prose])
    #expect(outcome.status == 2)
    #expect(
      outcome.standardError.split(separator: "\n").map(String.init) == [
        "bocheck: error: \(missing): no such file or folder",
        "bocheck: error: \(empty): the file is empty",
        "bocheck: error: \(prose): no Schedule 13D or 13G cover page found (no row captions such as "
          + "'NAME OF REPORTING PERSON')",
      ])
    #expect(outcome.standardOutput.hasPrefix("\(clean): 0 errors, 0 warnings, 0 notes;"))
    #expect(outcome.standardOutput.hasSuffix("total: 1 file checked, 0 errors, 0 warnings, 0 notes, 3 unreadable\n"))
  }

  @Test("a binary file is refused with its line")
  func binaryFile() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("image.txt").path
    try Data([0x41, 0x0A, 0x42, 0x0A, 0x00, 0xFF]).write(to: URL(fileURLWithPath: path))
    let outcome = CLIHarness.run(["check", "--format", "json", path])
    #expect(outcome.status == 2)
    #expect(outcome.standardError == "bocheck: error: \(path):3: the file is binary, not a text filing\n")
    #expect(outcome.standardOutput.contains("\"files\": []"))
  }

  @Test("a folder: searched recursively in sorted order for filing extensions, dot-files skipped")
  func folderArgument() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try CLIHarness.write(CLIHarness.cleanFiling, named: "b.txt", in: folder)
    try CLIHarness.write(CLIHarness.cleanFiling, named: "a/z.HTM", in: folder)
    try CLIHarness.write(CLIHarness.warningFiling, named: "c/d.nc", in: folder)
    try CLIHarness.write(CLIHarness.cleanFiling, named: ".hidden.txt", in: folder)
    try CLIHarness.write(CLIHarness.cleanFiling, named: ".git/x.txt", in: folder)
    try CLIHarness.write(CLIHarness.cleanFiling, named: "notes.md", in: folder)
    try CLIHarness.write(CLIHarness.cleanFiling, named: "txt", in: folder)
    // The extension follows the name's last point: none after a point that ends the name.
    try CLIHarness.write(CLIHarness.cleanFiling, named: "draft.txt.", in: folder)
    try CLIHarness.write(CLIHarness.cleanFiling, named: "e.v1.xml", in: folder)
    let outcome = CLIHarness.run(["check", "--format", "json", folder.path + "/"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let paths = outcome.standardOutput.split(separator: "\n").filter { $0.contains("\"path\": ") }
      .map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(
      paths == [
        "\"path\": \"\(folder.path)/a/z.HTM\",", "\"path\": \"\(folder.path)/b.txt\",",
        "\"path\": \"\(folder.path)/c/d.nc\",", "\"path\": \"\(folder.path)/e.v1.xml\",",
      ])
    #expect(
      outcome.standardOutput.contains(
        "\"summary\": {\n    \"errors\": 0,\n    \"files\": 4,\n    \"notes\": 0,\n    \"warnings\": 1\n  }"))
  }

  @Test("a folder with no filing is an error; a file named twice is checked once")
  func folderEdgeCases() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let emptyFolder = folder.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: emptyFolder, withIntermediateDirectories: true)
    let outcome = CLIHarness.run(["check", emptyFolder.path])
    #expect(outcome.status == 2)
    #expect(
      outcome.standardError
        == "bocheck: error: \(emptyFolder.path): the folder holds no filing (.htm .html .nc .txt .xml)\n")
    #expect(outcome.standardOutput.isEmpty)
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "clean.txt", in: folder)
    let twice = CLIHarness.run(["check", clean, clean])
    #expect(twice.status == 0)
    #expect(
      twice.standardOutput == "\(clean): 0 errors, 0 warnings, 0 notes; shares outstanding 10,000 (stated, line 38)\n")
  }

  @Test("standard input named twice is checked once, and a file beside it is checked too")
  func standardInputNamedTwice() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "clean.txt", in: folder)
    let outcome = CLIHarness.run(["check", "-", clean, "-"], standardInput: Array(CLIHarness.cleanFiling.utf8))
    #expect(outcome.status == 0)
    #expect(
      outcome.standardOutput
        == "<stdin>: 0 errors, 0 warnings, 0 notes; shares outstanding 10,000 (stated, line 38)\n\n"
        + "\(clean): 0 errors, 0 warnings, 0 notes; shares outstanding 10,000 (stated, line 38)\n\n"
        + "total: 2 files checked, 0 errors, 0 warnings, 0 notes\n")
  }

  @Test("a value kept until exit is freed as usual unless the process ends with the command")
  func keepUntilExit() {
    final class Watched {
      let freed: () -> Void
      init(freed: @escaping () -> Void) { self.freed = freed }
      deinit { freed() }
    }
    for endsWithCommand in [false, true] {
      var freed = false
      do {
        let console = Console(
          standardInput: { [] }, standardOutput: { _ in }, standardError: { _ in }, isTerminal: false, environment: [:],
          endsWithCommand: endsWithCommand)
        console.keepUntilExit(Watched { freed = true })
      }
      #expect(freed == !endsWithCommand)
    }
  }

  @Test("standard input with -: read once, reported as <stdin>")
  func standardInput() {
    let outcome = CLIHarness.run(["check", "-"], standardInput: Array(CLIHarness.warningFiling.utf8))
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput.hasPrefix("<stdin>:36:1: warning: "))
    #expect(
      outcome.standardOutput.hasSuffix(
        "<stdin>: 0 errors, 1 warning, 0 notes; shares outstanding 10,000 (stated, line 38)\n"))
    let empty = CLIHarness.run(["check", "-"], standardInput: [])
    #expect(empty.status == 2)
    #expect(empty.standardError == "bocheck: error: <stdin>: the file is empty\n")
  }

  @Test("colour only on a terminal, without --no-color and without NO_COLOR")
  func colour() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let warning = try CLIHarness.write(CLIHarness.warningFiling, named: "w.txt", in: folder)
    #expect(CLIHarness.run(["check", warning], isTerminal: true).standardOutput.contains("\u{1B}[1;35mwarning:"))
    #expect(!CLIHarness.run(["check", warning], isTerminal: false).standardOutput.contains("\u{1B}"))
    #expect(!CLIHarness.run(["check", "--no-color", warning], isTerminal: true).standardOutput.contains("\u{1B}"))
    #expect(
      !CLIHarness.run(["check", warning], isTerminal: true, environment: ["NO_COLOR": "1"]).standardOutput.contains(
        "\u{1B}"))
    #expect(
      CLIHarness.run(["check", warning], isTerminal: true, environment: ["NO_COLOR": ""]).standardOutput.contains(
        "\u{1B}"))
  }

  @Test("the inputs are not modified")
  func inputsUntouched() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try CLIHarness.write(CLIHarness.errorFiling, named: "e.txt", in: folder)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    _ = CLIHarness.run(["check", "--format", "json", path])
    _ = CLIHarness.run(["parse", path])
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }
}

@Suite("Command line: parse and rules")
struct CLIParseAndRulesTests {
  @Test("parse prints the model as JSON, without findings")
  func parse() {
    let outcome = CLIHarness.run(["parse", "-"], standardInput: Array(CLIHarness.errorFiling.utf8))
    #expect(outcome.status == 0)
    #expect(outcome.standardError.isEmpty)
    #expect(outcome.standardOutput.hasPrefix("{\n  \"amendment\": 1,\n  \"cusip\": \"037833100\",\n"))
    #expect(outcome.standardOutput.contains("\"path\": \"<stdin>\""))
    #expect(outcome.standardOutput.contains("\"reportingPersonName\": \"Alpha Fund LP\""))
    #expect(!outcome.standardOutput.contains("\"findings\""))
    #expect(outcome.standardOutput.hasSuffix("\"version\": 1\n}\n"))
  }

  @Test("parse refuses a folder and reports an unreadable file")
  func parseErrors() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = CLIHarness.run(["parse", folder.path])
    #expect(outcome.status == 2)
    #expect(outcome.standardError == "bocheck: error: \(folder.path): is a folder; parse reads one file\n")
    let missing = CLIHarness.run(["parse", folder.path + "/none.txt"])
    #expect(missing.status == 2)
    #expect(missing.standardError == "bocheck: error: \(folder.path)/none.txt: no such file or folder\n")
  }

  @Test("rules lists every shipped rule with its severities")
  func listRules() {
    let outcome = CLIHarness.run(["rules"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
    let ids = lines.dropLast().map { $0.split(separator: " ").first.map(String.init) ?? "" }
    for id in [
      "component-sum", "cusip-check-digit", "invalid-code", "malformed-row", "missing-cover-page", "missing-row",
      "parent-sum", "percent-basis", "percent-derivative-basis", "power-sum",
    ] {
      #expect(ids.contains(id), "rules does not list \(id)")
    }
    #expect(ids == ids.sorted())
    #expect(lines.contains { $0.hasPrefix("power-sum ") && $0.contains(" error/warning ") })
    #expect(lines.last == "\(ids.count) rules; 'bocheck rules ID' explains one.")
  }

  @Test("rules ID explains the rule with its source, rationale and examples")
  func explainRule() {
    let outcome = CLIHarness.run(["rules", "parent-sum"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let text = outcome.standardOutput
    #expect(text.hasPrefix("parent-sum (error/warning)\n"))
    #expect(text.contains("\nsource: "))
    #expect(text.contains("\nrationale:\n  "))
    #expect(text.contains("must report at page "))
    #expect(text.contains("must report nothing"))
    #expect(text.contains("\n  | "))
  }

  @Test("an unknown rule id: exit 2 with the closest id")
  func unknownRule() {
    let outcome = CLIHarness.run(["rules", "parent-sums"])
    #expect(outcome.status == 2)
    #expect(outcome.standardError == "bocheck: error: unknown rule 'parent-sums' (did you mean 'parent-sum'?)\n")
  }

  @Test("--rules with a folder that does not exist: exit 2 before any input is read")
  func missingRulesFolder() {
    let outcome = CLIHarness.run(["check", "--rules", "/nonexistent/bocheck-rules", "-"])
    #expect(outcome.status == 2)
    #expect(outcome.standardError == "bocheck: error: --rules /nonexistent/bocheck-rules: no such folder\n")
    #expect(outcome.standardOutput.isEmpty)
  }

  @Test("an invalid user rule file stops the run with exit 2 and the file's path")
  func invalidUserRule() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rule = try CLIHarness.write("id: my-rule\nseverity: fatal\nwhatever: 1\n", named: "my-rule.rule", in: folder)
    let outcome = CLIHarness.run(
      ["check", "--rules", folder.path, "-"], standardInput: Array(CLIHarness.cleanFiling.utf8))
    #expect(outcome.status == 2)
    #expect(outcome.standardError.hasPrefix("bocheck: error: \(rule):"))
    #expect(outcome.standardError.split(separator: "\n").count == 1)
    #expect(outcome.standardOutput.isEmpty)
  }
}

@Suite("Argument parser")
struct CLIArgumentParserTests {
  @Test("suggestions come from edit distance or a shared prefix, and not from far-off words")
  func suggestions() {
    let outcomes = [
      ("--form", "unknown option '--form' (did you mean '--format'?)"),
      ("--share-outstanding", "unknown option '--share-outstanding' (did you mean '--shares-outstanding'?)"),
      ("--failon", "unknown option '--failon' (did you mean '--fail-on'?)"),
      ("--rule", "unknown option '--rule' (did you mean '--rules'?)"),
    ]
    for (option, message) in outcomes {
      let outcome = CLIHarness.run(["check", option, "x", "a.txt"])
      #expect(outcome.standardError.hasPrefix("bocheck: error: \(message)\n"), "\(outcome.standardError)")
    }
    let farOff = CLIHarness.run(["check", "--xyzzy-quux", "a.txt"])
    #expect(
      farOff.standardError.hasPrefix(
        "bocheck: error: unknown option '--xyzzy-quux' (known options: --format, --output, --input-format, --rules, "
          + "--shares-outstanding, "
          + "--fail-on, --no-color, --jobs, --config, --no-config, --baseline, --write-baseline, --help)\n"))
  }

  @Test("-- ends the options; - is a path; --name=value and --name value are the same; options mix with paths")
  func parsing() throws {
    let specs = CheckCommand.specs
    let parsed = try ArgumentParser.parse(
      ["a.txt", "--format=json", "-", "--rules", "one", "--rules=two", "--", "--odd.txt", "-h"], specs: specs,
      usage: "u")
    #expect(parsed.positionals == ["a.txt", "-", "--odd.txt", "-h"])
    #expect(parsed.all("--rules") == ["one", "two"])
    #expect(parsed.last("--format") == "json")
    #expect(!parsed.has("--help"))
    #expect(try ArgumentParser.parse(["-h"], specs: specs, usage: "u").has("--help"))
    #expect(
      throws: UsageError(
        message: "option '--format' needs a value (text|json|sarif|github|junit|checkstyle|html)", usage: "u")
    ) {
      try ArgumentParser.parse(["--format"], specs: specs, usage: "u")
    }
  }

  @Test("edit distance")
  func editDistance() {
    func distance(_ a: String, _ b: String) -> Int {
      ArgumentParser.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
    #expect(distance("", "abc") == 3)
    #expect(distance("kitten", "sitting") == 3)
    #expect(distance("--fromat", "--format") == 2)
    #expect(distance("same", "same") == 0)
  }
}

/// `--input-format` forces a reader; detection from the content is the default.
@Suite struct InputFormatOptionTests {
  @Test func forcingTextOnXMLFindsNoCoverPageWhileAutoReadsIt() throws {
    let path = TestSupport.repositoryRoot.appendingPathComponent(
      "Tests/BocheckTests/Fixtures/corpus/edgartools__schedule13d.xml"
    ).path
    let automatic = CLIHarness.run(["parse", path])
    #expect(automatic.status == 0)
    #expect(automatic.standardOutput.contains("\"format\": \"xml\""))
    let forced = CLIHarness.run(["parse", "--input-format", "text", path])
    #expect(forced.status == 2)
    #expect(forced.standardError.contains("no Schedule 13D or 13G cover page found"))
    let wrong = CLIHarness.run(["check", "--input-format", "pdf", path])
    #expect(wrong.status == 2)
    #expect(
      wrong.standardError.hasPrefix(
        "bocheck: error: invalid value 'pdf' for --input-format (expected auto, text, html, sgml, xml)"))
  }
}
