import BocheckModel
import Foundation
import Testing

@testable import BocheckReporting

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Shared inputs of the CI report tests.
enum CIFixtures {
  static let rules = [
    ReportedRule(
      id: "cusip-check-digit", severity: .error, summary: "The CUSIP's check digit is right.",
      rationale: "A wrong digit misfiles the filing.", source: "CUSIP standard"),
    ReportedRule(
      id: "parent-sum", severity: .error, summary: "A parent's amount equals its funds' sum.",
      rationale: "Row 11 of a parent adds up its funds.", source: "Rule 13d-3"),
  ]

  static let paths = ReportPaths(workingDirectory: "/repo/sub", sourceRoot: "/repo")

  static let tool = SARIFReport.Tool(name: "bocheck", version: "9.9.9", informationURI: "https://example.com/bocheck")

  /// A file with a finding of each severity; its path is relative to the working directory `/repo/sub`.
  static let report = FileReport(
    filing: ReportingFixtures.filing,
    findings: [ReportingFixtures.namelessFinding, ReportingFixtures.parentFinding, ReportingFixtures.filingFinding],
    basis: nil)

  /// A finding whose message and rule hold every character the XML and workflow-command escapes handle.
  static let awkwardFinding = Finding(
    ruleID: "odd:rule,x", severity: .warning, page: 1, person: "A & B <C>", row: 7, line: 3, column: 2,
    message: "50% of \"A & B\" <C>'s\r\nshares\tare\u{01}odd ]]> %0A")

  static let awkwardReport = FileReport(
    filing: Filing(
      path: "dir/a b&c.txt", format: .text, schedule: .schedule13D, signers: [], jointFilers: [], coverPages: [],
      readerNotes: []),
    findings: [awkwardFinding], basis: nil)
}

/// The elements of an XML document as a parser reads them back.
final class XMLElements: NSObject, XMLParserDelegate {
  struct Element {
    var name: String
    var attributes: [String: String]
    var text = ""
  }

  private(set) var elements: [Element] = []
  private var open: [Int] = []

  /// Parses the text; `nil` when it is not well-formed.
  static func parse(_ text: String) -> [Element]? {
    let parser = XMLParser(data: Data(text.utf8))
    let collector = XMLElements()
    parser.delegate = collector
    return parser.parse() ? collector.elements : nil
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    open.append(elements.count)
    elements.append(Element(name: elementName, attributes: attributes))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let index = open.last { elements[index].text += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    open.removeLast()
  }
}

@Suite("CI reports: paths and hashes")
struct CIReportSupportTests {
  @Test("report paths are relative to the source root, without ./ or .., absolute outside it")
  func reportPaths() {
    let paths = CIFixtures.paths
    #expect(paths.reportPath("a.txt") == "sub/a.txt")
    #expect(paths.reportPath("./x/./b.txt") == "sub/x/b.txt")
    #expect(paths.reportPath("../other//c.txt") == "other/c.txt")
    #expect(paths.reportPath("/repo/d.txt") == "d.txt")
    #expect(paths.reportPath("/repository/e.txt") == "/repository/e.txt")
    #expect(paths.reportPath("../../f.txt") == "/f.txt")
    #expect(paths.reportPath("-") == "<stdin>")
    #expect(paths.relativePath("/repo") == nil)
    #expect(ReportPaths(workingDirectory: "/w").reportPath("a/../b.txt") == "b.txt")
    #expect(ReportPaths(workingDirectory: "/w", sourceRoot: "/").reportPath("b.txt") == "w/b.txt")
    #expect(ReportPaths(workingDirectory: "/w", sourceRoot: "..").reportPath("b.txt") == "w/b.txt")
    // Beyond ASCII: a slash followed by a combining mark is one character, not a separator.
    #expect(paths.reportPath("é/./x/../ü.txt") == "sub/é/ü.txt")
    #expect(ReportPaths(workingDirectory: "/w").reportPath("a/\u{301}b/../c.txt") == "c.txt")
  }

  @Test("FNV-1a 64 matches its published test vectors")
  func fnv() {
    #expect(StableHash.hexFNV1a64("") == "cbf29ce484222325")
    #expect(StableHash.hexFNV1a64("a") == "af63dc4c8601ec8c")
    #expect(StableHash.hexFNV1a64("foobar") == "85944171f73967e8")
  }

  @Test("XML escaping: entities, kept line breaks in attributes, characters XML cannot carry replaced")
  func xmlEscaping() {
    #expect(
      XMLText.attribute("a&b<c>d\"e'f\ng\th\ri\u{01}j") == "a&amp;b&lt;c&gt;d&quot;e&apos;f&#10;g&#9;h&#13;i\u{FFFD}j")
    #expect(
      XMLText.content("a&b<c>d\"e'f\ng\th\ri\u{01}j\u{FFFE}") == "a&amp;b&lt;c&gt;d\"e'f\ng\th&#13;i\u{FFFD}j\u{FFFD}")
  }
}

@Suite("SARIF report")
struct SARIFReportTests {
  static func render(_ files: [FileReport]) -> String {
    SARIFReport.render(files, rules: CIFixtures.rules, tool: CIFixtures.tool, paths: CIFixtures.paths)
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("the streamed text is the whole document as JSONWriter writes it, with and without results")
  func streamEqualsDocument() {
    for files in [[CIFixtures.report, CIFixtures.awkwardReport], [], [CIFixtures.awkwardReport]] {
      let document = SARIFReport.document(
        files, rules: CIFixtures.rules, tool: CIFixtures.tool, paths: CIFixtures.paths)
      #expect(Self.render(files) == JSONWriter.string(document) + "\n")
    }
  }

  @Test("a result: rule, index, level, message, relative location, region, fingerprint and properties")
  func result() throws {
    let log = try Self.json(Self.render([CIFixtures.report]))
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 3)
    // Report order is by line: the filing finding (line 6), the parent finding (30), the nameless page (40).
    #expect(results.map { $0["ruleId"] as? String } == ["cusip-check-digit", "parent-sum", "missing-cover-page"])
    #expect(results.map { $0["level"] as? String } == ["warning", "error", "note"])
    #expect(results[0]["ruleIndex"] as? Int == 0)
    #expect(results[1]["ruleIndex"] as? Int == 1)
    #expect(results[2]["ruleIndex"] == nil, "a rule that is not listed has no index")
    let parent = results[1]
    #expect((parent["message"] as? [String: Any])?["text"] as? String == ReportingFixtures.parentFinding.message)
    let location = try #require((parent["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    let artifact = try #require(location["artifactLocation"] as? [String: String])
    #expect(artifact == ["uri": "sub/filings/example.txt", "uriBaseId": "%SRCROOT%"])
    #expect(location["region"] as? [String: Int] == ["startLine": 30, "startColumn": 5])
    let material = "parent-sum\u{1F}sub/filings/example.txt\u{1F}BETA MANAGER LLC\u{1F}11\u{1F}1,501\u{1F}1500"
    #expect(
      parent["partialFingerprints"] as? [String: String] == [
        "bocheckFinding/v1": StableHash.hexFNV1a64(material) + ":1"
      ])
    #expect((parent["properties"] as? [String: Any])?["row"] as? Int == 11)
    #expect((parent["properties"] as? [String: Any])?["expected"] as? String == "1,501")
    #expect(results[0]["properties"] == nil, "a filing finding has no page, person or row")
  }

  @Test("the driver: name, version, information URI and one descriptor per rule")
  func driver() throws {
    let log = try Self.json(Self.render([]))
    #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
    #expect(log["version"] as? String == "2.1.0")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    #expect((run["results"] as? [Any])?.isEmpty == true, "a run without findings still has results: []")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "bocheck")
    #expect(driver["version"] as? String == "9.9.9")
    #expect(driver["informationUri"] as? String == "https://example.com/bocheck")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == ["cusip-check-digit", "parent-sum"])
    #expect(rules[1]["name"] as? String == "ParentSum")
    #expect((rules[1]["shortDescription"] as? [String: String])?["text"] == "A parent's amount equals its funds' sum.")
    #expect((rules[1]["fullDescription"] as? [String: String])?["text"] == "Row 11 of a parent adds up its funds.")
    #expect(
      (rules[1]["help"] as? [String: String])?["text"] == "Row 11 of a parent adds up its funds.\n\nSource: Rule 13d-3")
    #expect((rules[1]["defaultConfiguration"] as? [String: String])?["level"] == "error")
  }

  @Test("fingerprints survive moved lines and new wording, change with the numbers, and count repeats")
  func fingerprints() {
    let finding = ReportingFixtures.parentFinding
    var moved = finding
    moved.line += 40
    moved.column = 1
    moved.message = "reworded"
    moved.person = "BETA MANAGER, L.L.C."
    var otherNumbers = finding
    otherNumbers.expected = "1,502"
    var otherRow = finding
    otherRow.row = 10
    let prints = SARIFReport.fingerprints([finding], path: "a.txt")
    #expect(SARIFReport.fingerprints([moved], path: "a.txt") == prints)
    #expect(SARIFReport.fingerprints([otherNumbers], path: "a.txt") != prints)
    #expect(SARIFReport.fingerprints([otherRow], path: "a.txt") != prints)
    #expect(SARIFReport.fingerprints([finding], path: "b.txt") != prints)
    let twice = SARIFReport.fingerprints([finding, moved], path: "a.txt")
    #expect(twice == [prints[0], prints[0].replacingOccurrences(of: ":1", with: ":2")])
    #expect(prints[0].count == 18)
  }

  @Test("paths outside the source root are file URIs; URIs are percent-encoded")
  func artifactLocations() {
    let paths = CIFixtures.paths
    #expect(
      SARIFReport.artifactLocation("/elsewhere/a b.txt", paths: paths)
        == .object(["uri": .string("file:///elsewhere/a%20b.txt")]))
    #expect(
      SARIFReport.artifactLocation("dir/é:x#1.txt", paths: paths)
        == .object(["uri": .string("sub/dir/%C3%A9%3Ax%231.txt"), "uriBaseId": .string("%SRCROOT%")]))
    #expect(SARIFReport.artifactLocation("-", paths: paths) == .object(["uri": .string("%3Cstdin%3E")]))
  }

  /// The keys the SARIF 2.1.0 schema allows on each object the report writes (its objects have
  /// `additionalProperties: false`), and the keys it requires.
  static let allowedKeys: [String: Set<String>] = [
    "log": ["$schema", "version", "runs", "inlineExternalProperties", "properties"],
    "run": ["tool", "results", "invocations", "originalUriBaseIds", "artifacts", "columnKind", "properties"],
    "tool": ["driver", "extensions", "properties"],
    "driver": ["name", "version", "semanticVersion", "informationUri", "rules", "fullName", "properties"],
    "rule": [
      "id", "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration", "properties",
    ],
    "message": ["text", "markdown", "properties"],
    "configuration": ["enabled", "level", "rank", "parameters", "properties"],
    "result": [
      "ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "fingerprints", "properties",
    ],
    "location": ["id", "physicalLocation", "message", "properties"],
    "physicalLocation": ["artifactLocation", "region", "contextRegion", "properties"],
    "artifactLocation": ["uri", "uriBaseId", "index", "properties"],
    "region": ["startLine", "startColumn", "endLine", "endColumn", "properties"],
  ]

  static func checkKeys(_ object: [String: Any]?, _ kind: String, required: Set<String>) {
    guard let object else {
      Issue.record("\(kind) is missing or not an object")
      return
    }
    let keys = Set(object.keys)
    #expect(keys.isSubset(of: allowedKeys[kind] ?? []), "\(kind) has keys the schema forbids: \(keys)")
    #expect(required.isSubset(of: keys), "\(kind) lacks \(required.subtracting(keys))")
  }

  @Test(
    "both samples' SARIF logs have what the schema and GitHub code scanning require",
    arguments: [
      "sc13da-amendment-4-complete-rows", "sc13da-amendment-2-malformed-rows",
    ])
  func structure(sample: String) throws {
    let golden = GoldenTests.goldenFolder.appendingPathComponent("\(sample).check.sarif")
    let log = try Self.json(String(decoding: try Data(contentsOf: golden), as: UTF8.self))
    Self.checkKeys(log, "log", required: ["$schema", "version", "runs"])
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    Self.checkKeys(runs[0], "run", required: ["tool", "results"])
    let tool = runs[0]["tool"] as? [String: Any]
    Self.checkKeys(tool, "tool", required: ["driver"])
    let driver = tool?["driver"] as? [String: Any]
    Self.checkKeys(driver, "driver", required: ["name", "version", "informationUri", "rules"])
    let rules = try #require(driver?["rules"] as? [[String: Any]])
    #expect(rules.count == 15)
    #expect(Set(rules.compactMap { $0["id"] as? String }).count == rules.count, "rule ids are unique")
    for rule in rules {
      Self.checkKeys(
        rule, "rule",
        required: ["id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"])
      for key in ["shortDescription", "fullDescription", "help"] {
        Self.checkKeys(rule[key] as? [String: Any], "message", required: ["text"])
      }
      let configuration = rule["defaultConfiguration"] as? [String: Any]
      Self.checkKeys(configuration, "configuration", required: ["level"])
      #expect(["error", "warning", "note"].contains(configuration?["level"] as? String ?? ""))
    }
    let results = try #require(runs[0]["results"] as? [[String: Any]])
    #expect(!results.isEmpty)
    var fingerprints: Set<String> = []
    for result in results {
      Self.checkKeys(
        result, "result", required: ["ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"])
      let ruleIndex = try #require(result["ruleIndex"] as? Int)
      #expect(rules[ruleIndex]["id"] as? String == result["ruleId"] as? String)
      #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
      Self.checkKeys(result["message"] as? [String: Any], "message", required: ["text"])
      let locations = try #require(result["locations"] as? [[String: Any]])
      #expect(locations.count == 1)
      Self.checkKeys(locations[0], "location", required: ["physicalLocation"])
      let physical = locations[0]["physicalLocation"] as? [String: Any]
      Self.checkKeys(physical, "physicalLocation", required: ["artifactLocation", "region"])
      let artifact = physical?["artifactLocation"] as? [String: Any]
      Self.checkKeys(artifact, "artifactLocation", required: ["uri", "uriBaseId"])
      #expect(artifact?["uri"] as? String == "Samples/\(sample).txt")
      #expect(artifact?["uriBaseId"] as? String == "%SRCROOT%")
      let region = physical?["region"] as? [String: Any]
      Self.checkKeys(region, "region", required: ["startLine", "startColumn"])
      #expect((region?["startLine"] as? Int ?? 0) >= 1)
      #expect((region?["startColumn"] as? Int ?? 0) >= 1)
      let fingerprint = try #require((result["partialFingerprints"] as? [String: String])?["bocheckFinding/v1"])
      #expect(fingerprint.wholeMatch(of: /[0-9a-f]{16}:[1-9][0-9]*/) != nil, "\(fingerprint)")
      fingerprints.insert(fingerprint)
    }
    #expect(fingerprints.count == results.count, "every result has its own fingerprint")
  }
}

@Suite("GitHub workflow commands")
struct GitHubReportTests {
  @Test("one command per finding in report order: ::error, ::warning, ::notice with file, line, col and title")
  func commands() {
    #expect(
      GitHubReport.renderFile(CIFixtures.report, paths: CIFixtures.paths) == """
        ::warning file=sub/filings/example.txt,line=6,col=1,title=bocheck cusip-check-digit::the CUSIP's check digit is wrong
        ::error file=sub/filings/example.txt,line=30,col=5,title=bocheck parent-sum::row 11 reports 1,500 shares, but the funds hold 1,501
        ::notice file=sub/filings/example.txt,line=40,col=1,title=bocheck missing-cover-page::cover page 2 has no rows

        """)
  }

  @Test("escaping as the runner does: % first, then CR and LF; in properties also : and ,")
  func escaping() {
    #expect(GitHubReport.escapeData("100% a\r\nb %0A: x,y") == "100%25 a%0D%0Ab %250A: x,y")
    #expect(GitHubReport.escapeProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
    #expect(
      GitHubReport.renderFile(CIFixtures.awkwardReport, paths: CIFixtures.paths)
        == "::warning file=sub/dir/a b&c.txt,line=3,col=2,title=bocheck odd%3Arule%2Cx::"
        + "50%25 of \"A & B\" <C>'s%0D%0Ashares\tare\u{01}odd ]]> %250A\n")
  }
}

@Suite("JUnit report")
struct JUnitReportTests {
  @Test("well-formed: one suite per file, one case per rule, failures listing each rule's findings")
  func structure() throws {
    var report = JUnitReport(rules: CIFixtures.rules, paths: CIFixtures.paths)
    report.add(CIFixtures.report)
    report.add(CIFixtures.awkwardReport)
    report.addUnreadable(path: "broken.txt", message: "broken.txt:3: not a filing & not text")
    let text = report.render()
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"bocheck\" "))
    let elements = try #require(XMLElements.parse(text), "the JUnit report is not well-formed")
    let root = try #require(elements.first)
    #expect(root.name == "testsuites")
    #expect(root.attributes == ["name": "bocheck", "tests": "7", "failures": "4", "errors": "1"])
    let suites = elements.filter { $0.name == "testsuite" }
    #expect(suites.map { $0.attributes["name"] } == ["sub/filings/example.txt", "sub/dir/a b&c.txt", "sub/broken.txt"])
    #expect(
      suites[0].attributes == [
        "name": "sub/filings/example.txt", "tests": "3", "failures": "3", "errors": "0", "skipped": "0",
      ])
    #expect(suites[1].attributes["tests"] == "3")
    #expect(suites[1].attributes["failures"] == "1")
    let cases = elements.filter { $0.name == "testcase" }
    #expect(
      cases.map { "\($0.attributes["classname"] ?? "")|\($0.attributes["name"] ?? "")" } == [
        "sub/filings/example.txt|cusip-check-digit", "sub/filings/example.txt|parent-sum",
        "sub/filings/example.txt|missing-cover-page", "sub/dir/a b&c.txt|cusip-check-digit",
        "sub/dir/a b&c.txt|parent-sum", "sub/dir/a b&c.txt|odd:rule,x", "sub/broken.txt|read",
      ])
    let failures = elements.filter { $0.name == "failure" }
    #expect(failures.count == 4)
    #expect(
      failures[1].attributes == ["message": "1 error: A parent's amount equals its funds' sum.", "type": "error"])
    #expect(
      failures[1].text == """
        sub/filings/example.txt:30:5: error: row 11 reports 1,500 shares, but the funds hold 1,501 [parent-sum]
            cover page 1 (Beta "Manager" LLC), row 11 (aggregate amount beneficially owned)
            expected 1,501, found 1,500
        """)
    #expect(failures[2].attributes == ["message": "1 note", "type": "note"])
    #expect(failures[3].attributes["type"] == "warning")
    #expect(failures[3].text.contains("50% of \"A & B\" <C>'s"))
    let errors = elements.filter { $0.name == "error" }
    #expect(errors.map(\.attributes) == [["message": "broken.txt:3: not a filing & not text", "type": "unreadable"]])
  }

  @Test("an empty run is a well-formed document with no suites")
  func empty() throws {
    let text = JUnitReport.render([], rules: CIFixtures.rules, paths: CIFixtures.paths)
    #expect(
      text
        == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"bocheck\" tests=\"0\" failures=\"0\" errors=\"0\">\n</testsuites>\n"
    )
    #expect(XMLElements.parse(text)?.count == 1)
  }
}

@Suite("Checkstyle report")
struct CheckstyleReportTests {
  @Test("well-formed: a file element per file, an error per finding, notes as info, awkward text read back")
  func structure() throws {
    let text = CheckstyleReport.render([CIFixtures.report, CIFixtures.awkwardReport], paths: CIFixtures.paths)
    let elements = try #require(XMLElements.parse(text), "the checkstyle report is not well-formed")
    #expect(elements.first?.name == "checkstyle")
    #expect(elements.first?.attributes == ["version": "4.3"])
    #expect(
      elements.filter { $0.name == "file" }.map { $0.attributes["name"] } == [
        "sub/filings/example.txt", "sub/dir/a b&c.txt",
      ])
    let errors = elements.filter { $0.name == "error" }
    #expect(errors.count == 4)
    #expect(
      errors[1].attributes == [
        "line": "30", "column": "5", "severity": "error", "source": "bocheck.parent-sum",
        "message": "row 11 reports 1,500 shares, but the funds hold 1,501",
      ])
    #expect(errors[2].attributes["severity"] == "info")
    #expect(errors[0].attributes["severity"] == "warning")
    // Every character comes back as it was, but the control character XML cannot carry.
    #expect(errors[3].attributes["message"] == "50% of \"A & B\" <C>'s\r\nshares\tare\u{FFFD}odd ]]> %0A")
    #expect(errors[3].attributes["source"] == "bocheck.odd:rule,x")
  }

  @Test("a file without findings is an empty file element")
  func emptyFile() {
    let clean = FileReport(filing: ReportingFixtures.filing, findings: [], basis: nil)
    #expect(
      CheckstyleReport.render([clean], paths: ReportPaths(workingDirectory: "/w")) == """
        <?xml version="1.0" encoding="UTF-8"?>
        <checkstyle version="4.3">
          <file name="filings/example.txt"/>
        </checkstyle>

        """)
  }
}
