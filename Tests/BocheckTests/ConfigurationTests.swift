import BocheckModel
import Foundation
import Testing

@testable import BocheckCLI

/// Runs `bocheck` in-process in a given working directory, with configuration files and baselines in a
/// temporary folder.
enum ConfigHarness {
  /// Runs `bocheck` with the arguments, `.bocheck.json` looked for from `directory`.
  static func run(_ arguments: [String], in directory: URL) -> CLIHarness.Outcome {
    var output = ""
    var error = ""
    let status = BocheckCommand.run(
      arguments: arguments, standardInput: { [] }, standardOutput: { output += $0 }, standardError: { error += $0 },
      isTerminal: false, environment: [:], workingDirectory: directory.path)
    return CLIHarness.Outcome(status: status, standardOutput: output, standardError: error)
  }

  /// One cover page in the layout of ``CLIHarness/cleanFiling``, after a blank line; the name stands on the
  /// page's second line.
  static func page(name: String, sole: String, shared: String, aggregate: String, percent: String, type: String)
    -> String
  {
    "\n"
      + TestSupport.coverPage(
        name: name, sole: sole, shared: shared, aggregate: aggregate, percent: percent, type: type)
  }

  /// A fund (1,000 shares, 10.0%) and a manager (1,200 shares, 12.0%, type code `ZZ` on line 64) whose row 11
  /// states no attribution; 10,000 shares outstanding stated on line 66.
  static let twoPersonFiling =
    """
    SCHEDULE 13D
    (Amendment No. 1)
    Example Widgets, Inc.
    (Name of Issuer)
    Common Stock
    (Title of Class of Securities)
    037833100
    (CUSIP Number)

    """
    + page(name: "Alpha Fund LP", sole: "1,000", shared: "0", aggregate: "1,000", percent: "10.0%", type: "PN")
    + page(name: "Beta Manager LLC", sole: "0", shared: "1,200", aggregate: "1,200", percent: "12.0%", type: "ZZ")
    + "\nItem 5. The percentages are based on 10,000 shares of Common Stock outstanding.\n"

  /// The warning filing's one finding, as the text report prints it.
  static func warningLines(_ path: String) -> String {
    "\(path):36:1: warning: Alpha Fund LP: row 14 (type of reporting person) holds ZZ, which is not a code the "
      + "form defines (BD, BK, IC, IV, IA, EP, HC, SA, CP, CO, PN, IN and OO) [invalid-code]\n"
      + "    cover page 1 (Alpha Fund LP), row 14 (type of reporting person)\n    found ZZ\n"
  }

  /// The error filing's one finding, as the text report prints it.
  static func errorLines(_ path: String, line: Int = 28) -> String {
    "\(path):\(line):1: error: Alpha Fund LP: sole and shared dispositive power (rows 9 and 10) add up to 1,200 "
      + "shares, more than the 1,000 of the aggregate in row 11 [power-sum]\n"
      + "    cover page 1 (Alpha Fund LP), row 10 (shared dispositive power)\n    expected 1,000, found 1,200\n"
  }

  /// The summary line of a file stated on line 38.
  static func summary(_ path: String, _ counts: String, basis: String = "10,000 (stated, line 38)") -> String {
    "\(path): \(counts); shares outstanding \(basis)\n"
  }
}

@Suite("Configuration: the strict JSON parser")
struct LocatedJSONParserTests {
  private func parse(_ text: String) throws(LocatedJSONError) -> LocatedJSON {
    try LocatedJSONParser.parse(Array(text.utf8), path: "c.json")
  }

  private func failure(_ text: String) -> String? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error.description
    }
  }

  @Test("values keep their lines and columns; escapes and surrogate pairs decode")
  func positions() throws {
    let document = try parse("{\n  \"a\": [1, -2.5e3, true],\n\t\"b\": \"x\\u00e9\\ud83d\\ude00\\n\", \"c\": null\n}")
    guard case .object(let members) = document.content else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.key) == ["a", "b", "c"])
    #expect((members[0].line, members[0].column) == (2, 3))
    #expect((members[1].line, members[1].column) == (3, 2))
    #expect((members[1].value.line, members[1].value.column) == (3, 7))
    #expect(members[1].value.content == .string("xé😀\n"))
    #expect((members[2].value.line, members[2].value.column) == (3, 37))
    guard case .array(let elements) = members[0].value.content else {
      Issue.record("not an array")
      return
    }
    #expect(elements.map(\.content) == [.number("1"), .number("-2.5e3"), .bool(true)])
    #expect(elements.map(\.column) == [9, 12, 20])
  }

  @Test("columns count characters, not bytes")
  func unicodeColumns() throws {
    let document = try parse("[\"ééé\", 1]")
    guard case .array(let elements) = document.content else {
      Issue.record("not an array")
      return
    }
    #expect(elements[1].column == 9)
  }

  @Test(
    "anything beyond strict JSON is an error at its line and column",
    arguments: [
      ("{\"a\": 1,}", "c.json:1:9: a trailing comma is not allowed before '}'"),
      ("[1,\n ]", "c.json:2:2: a trailing comma is not allowed before ']'"),
      ("{\"a\": 1 // note\n}", "c.json:1:9: unexpected '/' (expected ',' or '}')"),
      ("// note\n{}", "c.json:1:1: comments are not allowed in JSON"),
      ("{'a': 1}", "c.json:1:2: unexpected ''' (expected a key in double quotation marks)"),
      ("{\"a\": 1, \"a\": 2}", "c.json:1:10: duplicate key 'a'"),
      ("{\"a\": 01}", "c.json:1:8: a number must not have leading zeros"),
      ("{\"a\": +1}", "c.json:1:7: unexpected '+' (expected a value)"),
      ("{\"a\": 1.}", "c.json:1:9: a number needs digits after its decimal point"),
      (
        "{\"a\": \"x\ny\"}",
        "c.json:1:9: a control character must be escaped inside a string (a string cannot span lines)"
      ),
      ("{\"a\": \"\\x\"}", "c.json:1:8: invalid escape sequence in a string"),
      ("[\"\\ud800\"]", "c.json:1:3: a lone surrogate escape is not a character"),
      ("{\"a\": tru}", "c.json:1:7: invalid literal (expected 'true')"),
      ("{\"a\": 1} x", "c.json:1:10: unexpected 'x' after the end of the JSON value"),
      ("{\"a\": 1", "c.json:1:8: unexpected end of file (expected ',' or '}')"),
      ("", "c.json:1:1: the file holds no JSON value"),
      ("\u{FEFF}{}", "c.json:1:1: a byte order mark is not allowed (save the file as UTF-8 without BOM)"),
    ])
  func strictness(text: String, message: String) {
    #expect(failure(text) == message)
  }

  @Test("bytes that are not UTF-8 are reported on their line; deep nesting stops at the limit")
  func invalidBytesAndDepth() {
    do {
      _ = try LocatedJSONParser.parse(Array("{\n\"a\":\n\"".utf8) + [0xFF, 0x22, 0x7D], path: "c.json")
      Issue.record("accepted invalid UTF-8")
    } catch {
      #expect(error.description == "c.json:3: the file is not UTF-8 text")
    }
    let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
    #expect(failure(deep) == "c.json:1:257: nested more than 256 levels deep")
  }
}

@Suite("Configuration: path globs")
struct PathGlobTests {
  @Test(
    "*, ** and ?",
    arguments: [
      ("*.txt", "a.txt", true), ("*.txt", "dir/a.txt", false), ("**/*.txt", "a.txt", true),
      ("**/*.txt", "dir/sub/a.txt", true), ("filings/**", "filings/2024/q1/a.htm", true),
      ("filings/**/a.txt", "filings/a.txt", true), ("filings/**/a.txt", "filings/x/y/a.txt", true),
      ("filings/**/a.txt", "filingsx/a.txt", false), ("a?.txt", "ab.txt", true), ("a?.txt", "a/.txt", false),
      ("a?.txt", "a.txt", false), ("**", "anything/at/all", true), ("dir/*", "dir/a/b", false),
      ("[x].txt", "[x].txt", true), ("A.txt", "a.txt", false), ("*rows*", "sc13da-rows-4.txt", true),
    ])
  func matching(pattern: String, path: String, expected: Bool) {
    #expect(PathGlob(pattern).matches(path) == expected)
  }

  @Test("lexical absolute and relative paths")
  func arithmetic() {
    #expect(PathArithmetic.absolute("../b/./c.txt", in: "/w/a") == "/w/b/c.txt")
    #expect(PathArithmetic.absolute("/x//y/", in: "/w") == "/x/y")
    #expect(PathArithmetic.relative("/w/a/b.txt", to: "/w") == "a/b.txt")
    #expect(PathArithmetic.relative("/wa/b.txt", to: "/w") == nil)
    #expect(PathArithmetic.folder(of: "/w/a/.bocheck.json") == "/w/a")
  }
}

@Suite("Configuration: discovery and keys")
struct ConfigurationTests {
  @Test("discovery: the working directory's file, else the nearest parent's; --config and --no-config")
  func discovery() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let warning = try CLIHarness.write(CLIHarness.warningFiling, named: "w.txt", in: folder)
    try CLIHarness.write("{\"failOn\": \"warning\"}", named: ".bocheck.json", in: folder)
    let sub = folder.appendingPathComponent("a/b")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    #expect(Configuration.discover(from: sub.path) == folder.path + "/.bocheck.json")
    #expect(Configuration.discover(from: folder.path) == folder.path + "/.bocheck.json")

    // Found in the working directory: the warning fails the run.
    let here = ConfigHarness.run(["check", warning], in: folder)
    #expect(here.status == 1)
    #expect(here.standardError.isEmpty)
    // Found two folders up.
    #expect(ConfigHarness.run(["check", warning], in: sub).status == 1)
    // Ignored.
    #expect(ConfigHarness.run(["check", "--no-config", warning], in: sub).status == 0)
    // --config wins over the discovered file.
    try CLIHarness.write("{\"failOn\": \"error\"}", named: "a/other.json", in: folder)
    #expect(ConfigHarness.run(["check", "--config", "../other.json", warning], in: sub).status == 0)
    // A nearer file wins over a farther one.
    try CLIHarness.write("{}", named: "a/.bocheck.json", in: folder)
    #expect(Configuration.discover(from: sub.path) == folder.path + "/a/.bocheck.json")
    #expect(ConfigHarness.run(["check", warning], in: sub).status == 0)

    let both = ConfigHarness.run(["check", "--config", "x.json", "--no-config", warning], in: folder)
    #expect(both.status == 2)
    #expect(
      both.standardError
        == "bocheck: error: --config and --no-config exclude each other\nusage: bocheck check [options] PATH...\n")
    let missing = ConfigHarness.run(["check", "--config", "nope.json", warning], in: folder)
    #expect(missing.status == 2)
    #expect(missing.standardError == "bocheck: error: nope.json: no such configuration file\n")
    #expect(missing.standardOutput.isEmpty)
  }

  @Test("a parent's file is named by its absolute path in messages")
  func parentPathInMessages() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try CLIHarness.write("{\"failOn\": \"fatal\"}", named: ".bocheck.json", in: folder)
    let sub = folder.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    let outcome = ConfigHarness.run(["check", "x.txt"], in: sub)
    #expect(outcome.status == 2)
    #expect(
      outcome.standardError
        == "bocheck: error: \(folder.path)/.bocheck.json:1:12: 'failOn' must be one of \"error\", \"warning\", "
        + "\"note\", found \"fatal\"\n")
  }

  @Test("disable, severity and failOn change what is reported and the exit status")
  func disableSeverityFailOn() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = try CLIHarness.write(CLIHarness.errorFiling, named: "e.txt", in: folder)
    let warning = try CLIHarness.write(CLIHarness.warningFiling, named: "w.txt", in: folder)

    try CLIHarness.write("{\"disable\": [\"power-sum\"]}", named: ".bocheck.json", in: folder)
    let disabled = ConfigHarness.run(["check", error], in: folder)
    #expect(disabled.status == 0)
    #expect(disabled.standardOutput.hasPrefix(ConfigHarness.summary(error, "0 errors, 0 warnings, 0 notes")))

    try CLIHarness.write("{\"severity\": {\"power-sum\": \"warning\"}}", named: ".bocheck.json", in: folder)
    let lowered = ConfigHarness.run(["check", error], in: folder)
    #expect(lowered.status == 0)
    #expect(
      lowered.standardOutput.hasPrefix(
        ConfigHarness.errorLines(error).replacingOccurrences(of: ":28:1: error:", with: ":28:1: warning:")
          + ConfigHarness.summary(error, "0 errors, 1 warning, 0 notes")))
    // --fail-on on the command line wins over the file's failOn.
    try CLIHarness.write(
      "{\"severity\": {\"invalid-code\": \"error\"}, \"failOn\": \"note\"}", named: ".bocheck.json", in: folder)
    let raised = ConfigHarness.run(["check", warning], in: folder)
    #expect(raised.status == 1)
    #expect(raised.standardOutput.contains("w.txt:36:1: error: Alpha Fund LP: row 14"))
    try CLIHarness.write("{\"failOn\": \"warning\"}", named: ".bocheck.json", in: folder)
    #expect(ConfigHarness.run(["check", warning], in: folder).status == 1)
    #expect(ConfigHarness.run(["check", "--fail-on", "error", warning], in: folder).status == 0)
  }

  @Test("rules: an extra folder relative to the configuration file; --rules adds to it")
  func ruleFolders() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let warning = try CLIHarness.write(CLIHarness.warningFiling, named: "w.txt", in: folder)
    let builtIn = try String(contentsOfFile: RuleLoadingFixture.builtInRule("invalid-code"), encoding: .utf8)
    try CLIHarness.write(
      builtIn.replacingOccurrences(of: "id: invalid-code", with: "id: house-codes"),
      named: "conf/house/house-codes.rule",
      in: folder)
    try CLIHarness.write(
      "{\"rules\": [\"house\"], \"disable\": [\"invalid-code\"]}", named: "conf/settings.json", in: folder)
    let outcome = ConfigHarness.run(["check", "--config", "conf/settings.json", warning], in: folder)
    #expect(outcome.status == 0)
    #expect(
      outcome.standardOutput.hasPrefix(
        ConfigHarness.warningLines(warning).replacingOccurrences(of: "[invalid-code]", with: "[house-codes]")))
    #expect(!outcome.standardOutput.contains("[invalid-code]"))

    try CLIHarness.write("{\n  \"rules\": [\"nowhere\"]\n}", named: "conf/settings.json", in: folder)
    let missing = ConfigHarness.run(["check", "--config", "conf/settings.json", warning], in: folder)
    #expect(missing.status == 2)
    #expect(
      missing.standardError
        == "bocheck: error: conf/settings.json:2:13: no such folder of rules: \(folder.path)/conf/nowhere\n")
  }

  @Test("sharesOutstanding per CUSIP is the basis; --shares-outstanding wins")
  func sharesOutstanding() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "c.txt", in: folder)
    try CLIHarness.write(
      "{\"sharesOutstanding\": {\"0378 33 100\": \"20,000\", \"999999999\": 5}}", named: ".bocheck.json", in: folder)
    let configured = ConfigHarness.run(["check", clean], in: folder)
    #expect(configured.status == 1)
    #expect(
      configured.standardOutput.hasSuffix(
        ConfigHarness.summary(clean, "1 error, 0 warnings, 0 notes", basis: "20,000 (configuration file)")))
    #expect(configured.standardOutput.contains("of 20,000 outstanding (configuration) are 5.0%"))
    let json = ConfigHarness.run(["check", "--format", "json", clean], in: folder)
    #expect(json.standardOutput.contains("\"source\": \"configuration\""))
    let option = ConfigHarness.run(["check", "--shares-outstanding", "10,000", clean], in: folder)
    #expect(option.status == 0)
    #expect(
      option.standardOutput.hasPrefix(
        ConfigHarness.summary(clean, "0 errors, 0 warnings, 0 notes", basis: "10,000 (--shares-outstanding)")))
  }

  @Test("relationships: a parent's unattributed row 11 is checked against the persons it holds")
  func relationships() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let filing = try CLIHarness.write(ConfigHarness.twoPersonFiling, named: "two.txt", in: folder)
    let without = ConfigHarness.run(["check", "--no-config", filing], in: folder)
    #expect(!without.standardOutput.contains("[parent-sum]"))
    try CLIHarness.write(
      "{\"relationships\": [{\"parent\": \"BETA MANAGER, LLC\", \"holds\": [\"Alpha Fund L.P.\"]}]}",
      named: ".bocheck.json", in: folder)
    let with = ConfigHarness.run(["check", filing], in: folder)
    #expect(with.status == 1)
    #expect(
      with.standardOutput.hasPrefix(
        "\(filing):58:1: error: Beta Manager LLC: row 11 reports 1,200 shares, but Alpha Fund LP, whose shares it "
          + "reports, hold 1,000 together [parent-sum]\n"
          + "    cover page 2 (Beta Manager LLC), row 11 (aggregate amount beneficially owned)\n"
          + "    expected 1,000, found 1,200\n"))

    // A row 11 that states its own attribution is kept as stated.
    let configuration = Configuration(
      path: "c.json", folder: "/", relationships: [.init(parent: "Beta Manager LLC", holds: ["Somebody Else"])])
    var stated = Filing(path: "x", format: .text, schedule: .schedule13D)
    let row = Row(
      field: .aggregateAmountOwned, raw: "5", line: 1, status: .read,
      value: .amount(Amount(shares: ExactDecimal(5), attributedTo: ["Alpha Fund LP"])))
    let name = Row(field: .reportingPersonName, raw: "Beta", line: 1, status: .read, value: .text("Beta Manager LLC"))
    stated.coverPages = [CoverPage(index: 1, line: 1, rows: [.aggregateAmountOwned: row, .reportingPersonName: name])]
    let applied = configuration.applyingRelationships(to: stated)
    #expect(applied.coverPages[0].rows[.aggregateAmountOwned]?.amount?.attributedTo == ["Alpha Fund LP"])
    stated.coverPages[0].rows[.aggregateAmountOwned]?.value = .amount(Amount(shares: ExactDecimal(5)))
    let added = configuration.applyingRelationships(to: stated)
    #expect(added.coverPages[0].rows[.aggregateAmountOwned]?.amount?.attributedTo == ["Somebody Else"])
  }

  @Test(
    "unknown keys and wrong types: file, line and column, exit 2",
    arguments: [
      (
        "{\n  \"disabel\": []\n}",
        "2:3: unknown key 'disabel' (did you mean 'disable'? known keys: disable, failOn, "
          + "relationships, rules, severity, sharesOutstanding, suppressions)"
      ),
      ("[]", "1:1: the configuration must be an object, found an array"),
      ("{\"disable\": \"power-sum\"}", "1:13: 'disable' must be an array, found a string"),
      ("{\"disable\": [3]}", "1:14: 'disable[0]' must be a string (a rule id), found a number"),
      (
        "{\"disable\": [\"power-sums\"]}",
        "1:14: unknown rule 'power-sums' (did you mean 'power-sum'?); 'bocheck rules' lists the rules"
      ),
      (
        "{\"severity\": {\"power-sum\": \"fatal\"}}",
        "1:28: 'severity.power-sum' must be one of \"error\", \"warning\", \"note\", found \"fatal\""
      ),
      ("{\"severity\": {\"nope\": \"note\"}}", "1:15: unknown rule 'nope'; 'bocheck rules' lists the rules"),
      ("{\"severity\": [\"power-sum\"]}", "1:14: 'severity' must be an object, found an array"),
      ("{\"rules\": \"dir\"}", "1:11: 'rules' must be an array, found a string"),
      ("{\"failOn\": true}", "1:12: 'failOn' must be one of \"error\", \"warning\", \"note\", found a boolean"),
      (
        "{\"sharesOutstanding\": {\"12345\": 10}}",
        "1:24: '12345' is not a CUSIP (nine characters: digits, letters, '*', '@' or '#')"
      ),
      (
        "{\"sharesOutstanding\": {\"037833100\": -10}}",
        "1:37: 'sharesOutstanding.037833100' must be a positive number of shares (12500000 or \"12,500,000\"), "
          + "found -10"
      ),
      (
        "{\"sharesOutstanding\": {\"037833100\": 1e7}}",
        "1:37: 'sharesOutstanding.037833100' must be a positive number of shares (12500000 or \"12,500,000\"), "
          + "found 1e7"
      ),
      ("{\"sharesOutstanding\": {\"037833100\": 1, \"037833 100\": 2}}", "1:40: CUSIP 037833100 is given twice"),
      ("{\"relationships\": [{\"parent\": \"A\"}]}", "1:20: 'relationships[0]' needs 'holds'"),
      (
        "{\"relationships\": [{\"parent\": \"A\", \"holds\": []}]}",
        "1:45: 'relationships[0].holds' must name at least one person"
      ),
      (
        "{\"relationships\": [{\"parent\": \"A\", \"holds\": [\"B\"], \"via\": 1}]}",
        "1:52: unknown key 'via' in 'relationships[0]' (known keys: holds, parent)"
      ),
      ("{\"suppressions\": {}}", "1:18: 'suppressions' must be an array, found an object"),
      (
        "{\"suppressions\": [{\"rule\": \"power-sum\", \"path\": \"*\"}]}",
        "1:19: 'suppressions[0]' needs a 'reason': say why the finding is accepted"
      ),
      (
        "{\"suppressions\": [{\"rule\": \"power-sum\", \"path\": \"*\", \"reason\": \"  \"}]}",
        "1:64: 'suppressions[0].reason' must not be empty"
      ),
      (
        "{\"suppressions\": [{\"rule\": \"power-sum\", \"reason\": \"r\"}]}",
        "1:19: 'suppressions[0]' needs a 'path' (a filing's path or a glob such as \"**\")"
      ),
      ("{\"suppressions\": [{\"path\": \"*\", \"reason\": \"r\"}]}", "1:19: 'suppressions[0]' needs a 'rule'"),
      (
        "{\"suppressions\": [{\"rule\": \"power-sum\", \"path\": \"*\", \"reason\": \"r\", \"row\": 15}]}",
        "1:76: 'suppressions[0].row' must be a whole number from 1 to 14, found 15"
      ),
      (
        "{\"suppressions\": [{\"rule\": \"power-sum\", \"path\": \"*\", \"reason\": \"r\", \"row\": \"11\"}]}",
        "1:76: 'suppressions[0].row' must be a whole number from 1 to 14, found a string"
      ),
      (
        "{\"suppressions\": [{\"rule\": \"power-sum\", \"path\": \"*\", \"reason\": \"r\", \"persons\": \"A\"}]}",
        "1:69: unknown key 'persons' in 'suppressions[0]' (did you mean 'person'? known keys: path, person, reason, "
          + "row, rule)"
      ),
      (
        "{\"suppressions\": [{\"rule\": \"power-summ\", \"path\": \"*\", \"reason\": \"r\"}]}",
        "1:28: unknown rule 'power-summ' (did you mean 'power-sum'?); 'bocheck rules' lists the rules"
      ),
    ])
  func invalidFiles(text: String, message: String) throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "c.txt", in: folder)
    try CLIHarness.write(text, named: ".bocheck.json", in: folder)
    let outcome = ConfigHarness.run(["check", clean], in: folder)
    #expect(outcome.status == 2)
    #expect(outcome.standardError == "bocheck: error: .bocheck.json:\(message)\n")
    #expect(outcome.standardOutput.isEmpty)
  }

  @Test("check --help lists the configuration and baseline options, one line each")
  func help() {
    let help = CLIHarness.run(["check", "--help"]).standardOutput
    for option in ["--config PATH", "--no-config", "--baseline FILE", "--write-baseline FILE"] {
      #expect(help.split(separator: "\n").contains { $0.hasPrefix("  \(option) ") || $0 == "  \(option)" })
    }
    #expect(
      help.contains("\"suppressions\" ([{\"rule\", \"path\" (glob: * ** ?), \"person\"?, \"row\"?, \"reason\"}])"))
  }

  @Test("the README's example configuration is valid and its rule ids exist")
  func readmeExample() throws {
    let readme = try String(contentsOfFile: RuleLoadingFixture.packageRoot + "/README.md", encoding: .utf8)
    let section = try #require(readme.range(of: "## Configuration, suppressions and baselines"))
    let rest = readme[section.upperBound...]
    let start = try #require(rest.range(of: "\n    {\n"))
    let end = try #require(rest[start.upperBound...].range(of: "\n    }\n"))
    let block = rest[start.lowerBound..<end.upperBound].split(separator: "\n", omittingEmptySubsequences: false)
      .map { (line: Substring) -> String in String(line.dropFirst(min(4, line.count))) }.joined(separator: "\n")
    let document = try LocatedJSONParser.parse(Array(block.utf8), path: "README.md")
    let configuration = try Configuration.decode(document, path: "README.md", folder: "/project")
    let ruleIDs = try FileManager.default.contentsOfDirectory(atPath: RuleLoadingFixture.packageRoot + "/Rules")
      .filter { $0.hasSuffix(".rule") }.map { String($0.dropLast(5)) }
    try configuration.validate(ruleIDs: Set(ruleIDs))
    #expect(!configuration.disable.isEmpty)
    #expect(!configuration.severity.isEmpty)
    #expect(!configuration.rules.isEmpty)
    #expect(configuration.failOn != nil)
    #expect(!configuration.sharesOutstanding.isEmpty)
    #expect(!configuration.relationships.isEmpty)
    #expect(configuration.suppressions.count >= 2)
  }
}

/// Where the package's own files are, for tests that read the built-in rules and the README.
enum RuleLoadingFixture {
  /// The package root: three folders above this file.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The path of a built-in rule file.
  static func builtInRule(_ id: String) -> String {
    packageRoot + "/Rules/\(id).rule"
  }
}

@Suite("Configuration: suppressions")
struct SuppressionTests {
  @Test("a suppression without person or row hides every finding of its rule in the files its glob matches")
  func wholeRule() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = try CLIHarness.write(CLIHarness.errorFiling, named: "drafts/e.txt", in: folder)
    let other = try CLIHarness.write(CLIHarness.errorFiling, named: "final/e.txt", in: folder)
    try CLIHarness.write(
      "{\"suppressions\": [{\"rule\": \"power-sum\", \"path\": \"drafts/*.txt\", \"reason\": \"draft numbers\"}]}",
      named: ".bocheck.json", in: folder)
    let outcome = ConfigHarness.run(["check", error, other], in: folder)
    #expect(outcome.status == 1)
    #expect(
      outcome.standardOutput
        == ConfigHarness.summary(error, "0 errors, 0 warnings, 0 notes") + "\n" + ConfigHarness.errorLines(other)
        + ConfigHarness.summary(other, "1 error, 0 warnings, 0 notes")
        + "\ntotal: 2 files checked, 1 error, 0 warnings, 0 notes\n")
    #expect(outcome.standardError.isEmpty)
    // Suppressed findings do not count for the exit status.
    #expect(ConfigHarness.run(["check", error], in: folder).status == 0)
  }

  @Test("person and row narrow a suppression; names compare by their key")
  func personAndRow() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let filing = try CLIHarness.write(ConfigHarness.twoPersonFiling, named: "two.txt", in: folder)
    let relationship = "\"relationships\": [{\"parent\": \"Beta Manager LLC\", \"holds\": [\"Alpha Fund LP\"]}]"
    func run(_ suppression: String) -> CLIHarness.Outcome {
      let text = "{\(relationship),\n\"suppressions\": [\(suppression)]}"
      _ = try? CLIHarness.write(text, named: ".bocheck.json", in: folder)
      return ConfigHarness.run(["check", filing], in: folder)
    }
    let byPerson = run(
      "{\"rule\": \"parent-sum\", \"path\": \"**\", \"person\": \"BETA MANAGER, L.L.C.\", \"reason\": \"fees\"}")
    #expect(byPerson.status == 0)
    #expect(!byPerson.standardOutput.contains("[parent-sum]"))
    #expect(byPerson.standardOutput.contains("[invalid-code]"))
    #expect(byPerson.standardError.isEmpty)

    let otherPerson = run(
      "{\"rule\": \"parent-sum\", \"path\": \"**\", \"person\": \"Alpha Fund LP\", \"reason\": \"fees\"}")
    #expect(otherPerson.status == 1)
    #expect(otherPerson.standardOutput.contains("[parent-sum]"))
    #expect(
      otherPerson.standardError
        == "bocheck: warning: .bocheck.json:2:18: unused suppression: parent-sum in \"**\", person \"Alpha Fund LP\" "
        + "matched no finding; remove it or correct it\n")

    let byRow = run("{\"rule\": \"parent-sum\", \"path\": \"two.txt\", \"row\": 11, \"reason\": \"fees\"}")
    #expect(byRow.status == 0)
    #expect(!byRow.standardOutput.contains("[parent-sum]"))
    let otherRow = run("{\"rule\": \"parent-sum\", \"path\": \"two.txt\", \"row\": 13, \"reason\": \"fees\"}")
    #expect(otherRow.status == 1)
    #expect(otherRow.standardError.contains("unused suppression: parent-sum in \"two.txt\", row 13 matched no finding"))
  }

  @Test("paths match as given and relative to the configuration's folder")
  func pathForms() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = try CLIHarness.write(CLIHarness.errorFiling, named: "drafts/e.txt", in: folder)
    try CLIHarness.write(
      "{\"suppressions\": [{\"rule\": \"power-sum\", \"path\": \"**/drafts/e.txt\", \"reason\": \"r\"}]}",
      named: "conf/c.json", in: folder)
    // The input's path is absolute here; below the configuration's folder it is also "drafts/e.txt".
    let tracker = SuppressionTracker(configuration: Configuration(path: "c.json", folder: folder.path))
    #expect(tracker.pathForms(of: error, workingDirectory: "/") == [error, "drafts/e.txt"])
    #expect(tracker.pathForms(of: "-", workingDirectory: "/") == ["-"])
    // A configuration in a folder the file is not below: the absolute path as given is the only form.
    let outcome = ConfigHarness.run(["check", "--config", "conf/c.json", error], in: folder)
    #expect(outcome.status == 0)
    #expect(outcome.standardError.isEmpty)
    #expect(!outcome.standardOutput.contains("[power-sum]"))
    try CLIHarness.write(
      "{\"suppressions\": [{\"rule\": \"power-sum\", \"path\": \"drafts/e.txt\", \"reason\": \"r\"}]}",
      named: "conf/c.json", in: folder)
    let notBelow = ConfigHarness.run(["check", "--config", "conf/c.json", error], in: folder)
    #expect(notBelow.status == 1)
  }

  @Test("unused suppressions: a literal path that names no file is reported; a glob that matched no file is not")
  func unused() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "c.txt", in: folder)
    try CLIHarness.write(
      """
      {
        "suppressions": [
          {"rule": "power-sum", "path": "renamed.txt", "reason": "old"},
          {"rule": "power-sum", "path": "archive/**", "reason": "not checked in this run"},
          {"rule": "power-sum", "path": "c.txt", "reason": "fixed since"}
        ]
      }
      """, named: ".bocheck.json", in: folder)
    let outcome = ConfigHarness.run(["check", clean], in: folder)
    #expect(outcome.status == 0)
    #expect(
      outcome.standardError
        == "bocheck: warning: .bocheck.json:3:5: unused suppression: power-sum in \"renamed.txt\" names no existing "
        + "file; remove it or correct it\n"
        + "bocheck: warning: .bocheck.json:5:5: unused suppression: power-sum in \"c.txt\" matched no finding; "
        + "remove it or correct it\n")
  }
}

@Suite("Configuration: baselines")
struct BaselineTests {
  @Test("write then read: old findings are absorbed, new ones reported; line numbers do not matter")
  func roundTrip() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("f.txt").path
    try CLIHarness.write(CLIHarness.errorFiling, named: "f.txt", in: folder)
    let written = ConfigHarness.run(["check", "--no-config", "--write-baseline", "base.json", path], in: folder)
    #expect(written.status == 0)
    #expect(written.standardOutput.hasPrefix(ConfigHarness.errorLines(path)))
    let text = try String(contentsOfFile: folder.appendingPathComponent("base.json").path, encoding: .utf8)
    #expect(
      text == """
        {
          "findings": [
            {
              "actual": "1200",
              "count": 1,
              "expected": "1000",
              "file": "\(path)",
              "person": "Alpha Fund LP",
              "row": 10,
              "rule": "power-sum"
            }
          ],
          "version": 1
        }

        """)

    // The same finding: absorbed.
    let same = ConfigHarness.run(["check", "--no-config", "--baseline", "base.json", path], in: folder)
    #expect(same.status == 0)
    #expect(
      same.standardOutput == ConfigHarness.summary(path, "0 errors, 0 warnings, 0 notes"))

    // Three lines inserted above: every line moves, the finding stays absorbed.
    try CLIHarness.write("\n\n\n" + CLIHarness.errorFiling, named: "f.txt", in: folder)
    let moved = ConfigHarness.run(["check", "--no-config", "--baseline", "base.json", path], in: folder)
    #expect(moved.status == 0)
    #expect(!moved.standardOutput.contains("[power-sum]"))
    #expect(
      moved.standardOutput.hasPrefix(
        ConfigHarness.summary(path, "0 errors, 0 warnings, 0 notes", basis: "10,000 (stated, line 41)")))

    // A new finding appears; the old one does not.
    try CLIHarness.write(
      CLIHarness.errorFiling.replacingOccurrences(of: "\nPN\n", with: "\nZZ\n"), named: "f.txt", in: folder)
    let added = ConfigHarness.run(
      ["check", "--no-config", "--baseline", "base.json", "--fail-on", "warning", path], in: folder)
    #expect(added.status == 1)
    #expect(
      added.standardOutput
        == ConfigHarness.warningLines(path) + ConfigHarness.summary(path, "0 errors, 1 warning, 0 notes"))

    // Different numbers make a different key: the finding is new.
    try CLIHarness.write(
      CLIHarness.errorFiling.replacingOccurrences(of: "POWER\n200\n", with: "POWER\n300\n"), named: "f.txt", in: folder)
    let changed = ConfigHarness.run(["check", "--no-config", "--baseline", "base.json", path], in: folder)
    #expect(changed.status == 1)
    #expect(changed.standardOutput.contains("expected 1,000, found 1,300\n"))
  }

  @Test("a key's count absorbs that many findings; the rest are new")
  func counts() {
    let finding = Finding(
      ruleID: "missing-row", severity: .error, page: 1, person: "A", row: 8, line: 5, column: 1, message: "m")
    var baseline = Baseline()
    baseline.add(finding, file: "a.txt")
    baseline.add(finding, file: "a.txt")
    var moved = finding
    moved.line = 9
    moved.message = "reworded"
    let remaining = baseline.absorb([finding, moved, finding], file: "a.txt")
    #expect(remaining.count == 1)
    #expect(baseline.absorb([finding], file: "b.txt").count == 1)
  }

  @Test("findings are sorted by file, rule, person and row; missing values are null")
  func ordering() {
    var baseline = Baseline()
    func finding(_ rule: String, _ person: String?, _ row: Int?) -> Finding {
      Finding(ruleID: rule, severity: .error, page: nil, person: person, row: row, line: 1, column: 1, message: "m")
    }
    baseline.add(finding("b-rule", "A", 2), file: "z.txt")
    baseline.add(finding("b-rule", "A", 11), file: "a.txt")
    baseline.add(finding("b-rule", "A", 2), file: "a.txt")
    baseline.add(finding("b-rule", nil, nil), file: "a.txt")
    baseline.add(finding("a-rule", "B", 1), file: "a.txt")
    let text = baseline.rendered()
    let order = text.split(separator: "\n").filter { $0.contains("\"row\"") || $0.contains("\"file\"") }
      .map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(
      order == [
        "\"file\": \"a.txt\",", "\"row\": 1,", "\"file\": \"a.txt\",", "\"row\": null,", "\"file\": \"a.txt\",",
        "\"row\": 2,", "\"file\": \"a.txt\",", "\"row\": 11,", "\"file\": \"z.txt\",", "\"row\": 2,",
      ])
    // It reads back to the same counts.
    let reread = try? Baseline.decode(LocatedJSONParser.parse(Array(text.utf8), path: "b.json"), path: "b.json")
    #expect(reread == baseline)
  }

  @Test(
    "an invalid baseline: file, line and column, exit 2",
    arguments: [
      (
        "{\"version\": 2, \"findings\": []}",
        "1:13: baseline version 2 is not supported (this bocheck writes version 1)"
      ),
      ("{\"findings\": []}", "1:1: the baseline needs 'version'"),
      ("{\"version\": 1, \"findings\": [{\"rule\": \"r\", \"file\": \"f\"}]}", "1:29: 'findings[0]' needs 'count'"),
      (
        "{\"version\": 1, \"findings\": [{\"rule\": \"r\", \"file\": \"f\", \"count\": 0}]}",
        "1:65: 'findings[0].count' must be a whole number from 1 to 2147483647, found 0"
      ),
      (
        "{\"version\": 1, \"findings\": [{\"rule\": \"r\", \"file\": \"f\", \"count\": 1, \"line\": 3}]}",
        "1:68: unknown key 'line' in 'findings[0]' (did you mean 'file'? known keys: actual, count, expected, file, person, row, rule)"
      ),
      (
        "{\"version\": 1, \"findings\": [{\"rule\": \"r\", \"file\": \"f\", \"count\": 1, \"person\": 3}]}",
        "1:78: 'findings[0].person' must be a string or null, found a number"
      ),
      ("{\"version\": 1,\n \"extra\": 1}", "2:2: unknown key 'extra' (known keys: findings, version)"),
    ])
  func invalid(text: String, message: String) throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "c.txt", in: folder)
    try CLIHarness.write(text, named: "b.json", in: folder)
    let outcome = ConfigHarness.run(["check", "--no-config", "--baseline", "b.json", clean], in: folder)
    #expect(outcome.status == 2)
    #expect(outcome.standardError == "bocheck: error: b.json:\(message)\n")
  }

  @Test("a baseline that cannot be read or written: exit 2 with the path")
  func unreadableAndUnwritable() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try CLIHarness.write(CLIHarness.cleanFiling, named: "c.txt", in: folder)
    let missing = ConfigHarness.run(["check", "--no-config", "--baseline", "none.json", clean], in: folder)
    #expect(missing.status == 2)
    #expect(missing.standardError == "bocheck: error: none.json: cannot read the baseline file\n")
    let unwritable = ConfigHarness.run(
      ["check", "--no-config", "--write-baseline", "no/such/dir/b.json", clean], in: folder)
    #expect(unwritable.status == 2)
    #expect(unwritable.standardError.hasPrefix("bocheck: error: no/such/dir/b.json: cannot write the baseline: "))
    let stdin = ConfigHarness.run(["check", "--no-config", "--write-baseline", "-", clean], in: folder)
    #expect(stdin.status == 2)
    #expect(stdin.standardError.hasPrefix("bocheck: error: a baseline must be a file, not standard input\n"))
  }

  @Test("suppressed findings are not written to the baseline")
  func suppressedNotWritten() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = try CLIHarness.write(CLIHarness.errorFiling, named: "e.txt", in: folder)
    try CLIHarness.write(
      "{\"suppressions\": [{\"rule\": \"power-sum\", \"path\": \"e.txt\", \"reason\": \"accepted\"}]}",
      named: ".bocheck.json", in: folder)
    #expect(ConfigHarness.run(["check", "--write-baseline", "b.json", error], in: folder).status == 0)
    let text = try String(contentsOfFile: folder.appendingPathComponent("b.json").path, encoding: .utf8)
    #expect(text == "{\n  \"findings\": [],\n  \"version\": 1\n}\n")
  }
}
