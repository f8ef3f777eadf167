import BocheckModel
import Testing

@testable import BocheckReporting

/// A small filing built in Swift: one complete page with an itemised amount, one page with rows missing.
enum ReportingFixtures {
  static func decimal(_ text: String) -> ExactDecimal {
    ExactDecimal.parse(text) ?? ExactDecimal(-1)
  }

  static let amount = Amount(
    shares: decimal("1,500"),
    parts: [
      AmountPart(label: "i", kind: .common, shares: decimal("1,000"), text: "1,000 shares of Common Stock"),
      AmountPart(label: "ii", kind: .warrant, shares: decimal("500"), text: "500 shares issuable upon exercise"),
    ],
    partsRelation: .consistingOf, attributedTo: ["Alpha Fund LP"])

  static let fullPage = CoverPage(
    index: 1, line: 10,
    rows: [
      .reportingPersonName: Row(
        field: .reportingPersonName, raw: "Beta \"Manager\" LLC", line: 11, status: .read,
        value: .text("Beta \"Manager\" LLC")),
      .memberOfGroup: Row(
        field: .memberOfGroup, raw: "(a) [ ] (b) [X]", line: 13, status: .read, value: .groupBoxes(a: false, b: true)),
      .aggregateAmountOwned: Row(
        field: .aggregateAmountOwned, raw: "1,500 shares", line: 30, column: 5, status: .recovered,
        value: .amount(amount), note: "value taken from the next cell"),
      .isAggregateExcludeShares: Row(
        field: .isAggregateExcludeShares, raw: "[ ]", line: 32, status: .read, value: .checkbox(false)),
      .percentOfClass: Row(
        field: .percentOfClass, raw: "12.50%", line: 34, status: .read,
        value: .percent(Percent(value: decimal("12.50")))),
      .typeOfReportingPerson: Row(
        field: .typeOfReportingPerson, raw: "OO, IA", line: 36, status: .read, value: .codes(["OO", "IA"])),
      .soleVotingPower: Row(
        field: .soleVotingPower, raw: "1,0l9", line: 20, status: .malformed, value: nil, note: "not a number"),
    ],
    cusip: "037833100")

  static let namelessPage = CoverPage(index: 2, line: 40, rows: [:])

  static let filing = Filing(
    path: "filings/example.txt", format: .text, schedule: .schedule13D,
    form: Located("SC 13D/A", line: 1), amendment: Located(3, line: 2),
    issuer: Located("Exämple Wídgets, Inc.", line: 4), cusip: Located("037833100", line: 6),
    statedSharesOutstanding: Located(decimal("12,000"), line: 50),
    signers: [NamedMention(name: "Beta \"Manager\" LLC", line: 60)],
    jointFilers: [],
    coverPages: [fullPage, namelessPage],
    readerNotes: [ReaderNote(page: 1, field: .percentOfClass, line: 35, column: 2, message: "stray value 0 ignored")])

  static let parentFinding = Finding(
    ruleID: "parent-sum", severity: .error, page: 1, person: "Beta \"Manager\" LLC", row: 11, line: 30, column: 5,
    message: "row 11 reports 1,500 shares, but the funds hold 1,501", expected: "1,501", actual: "1500")

  static let filingFinding = Finding(
    ruleID: "cusip-check-digit", severity: .warning, page: nil, person: nil, row: nil, line: 6, column: 1,
    message: "the CUSIP's check digit is wrong")

  static let namelessFinding = Finding(
    ruleID: "missing-cover-page", severity: .note, page: 2, person: nil, row: nil, line: 40, column: 1,
    message: "cover page 2 has no rows")
}

@Suite("JSON writer")
struct JSONWriterTests {
  @Test("strings escape quotes, backslashes and control characters, and keep non-ASCII as it is")
  func escaping() {
    let text = "a\"b\\c\nd\re\tf\u{08}\u{0C}\u{01}\u{1F}\u{7F}\u{2028}é€😀/"
    #expect(
      JSONWriter.quoted(text)
        == #""a\"b\\c\nd\re\tf\b\f\u0001\u001f\u007f\u2028é€😀/""#)
    // U+2029 is escaped as U+2028 is, its neighbour U+2027 is not; escapes at either end and back to back.
    #expect(JSONWriter.quoted("\u{2029}\u{2027}\u{2029}") == "\"\\u2029\u{2027}\\u2029\"")
    #expect(JSONWriter.quoted("\n\"\"\\") == #""\n\"\"\\""#)
    #expect(JSONWriter.quoted("") == #""""#)
  }

  @Test("whole numbers written as they come are those an exact number writes, at either end of their range")
  func integersWrittenAsTheyCome() {
    for number in [0, 7, -7, 10, -10, 1_200_001, Int.max, Int.min, Int.min + 1] {
      var output = JSONOutput(pretty: false)
      output.integer(number)
      #expect(output.text == JSONWriter.string(.number(ExactDecimal(number)), pretty: false), "\(number)")
    }
  }

  @Test("indentation is two spaces a level, however deep")
  func deepIndentation() {
    var value: JSONValue = .integer(1)
    for _ in 0..<40 { value = .array([value]) }
    var expected = String(repeating: " ", count: 80) + "1"
    for level in stride(from: 39, through: 0, by: -1) {
      let indent = String(repeating: " ", count: 2 * level)
      expected = "[\n" + expected + "\n" + indent + "]"
      if level > 0 { expected = indent + expected }
    }
    #expect(JSONWriter.string(value) == expected)
  }

  @Test("a character to escape is found wherever it stands in a longer string, among ASCII or other characters")
  func escapingAtEveryPosition() {
    let escapes: [(Character, String)] = [
      ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{01}", #"\u0001"#), ("\u{1F}", #"\u001f"#),
      ("\u{7F}", #"\u007f"#), ("\u{2028}", #"\u2028"#), ("\u{2029}", #"\u2029"#),
    ]
    // "€" starts with the byte U+2028 starts with; a space is the first character not escaped.
    for filler in ["x", "€", " ", "\u{2027}"] {
      for (character, escaped) in escapes {
        for position in 0..<20 {
          let before = String(repeating: filler, count: position)
          let after = String(repeating: filler, count: 19 - position)
          #expect(
            JSONWriter.quoted(before + String(character) + after) == "\"" + before + escaped + after + "\"",
            "\(filler) \(position)")
        }
      }
      #expect(
        JSONWriter.quoted(String(repeating: filler, count: 20)) == "\"" + String(repeating: filler, count: 20) + "\"")
    }
  }

  @Test("object keys are written in Unicode scalar order, whatever the dictionary's order")
  func keyOrder() {
    let value: JSONValue = .object([
      "b": .integer(2), "a": .integer(1), "B": .null, "é": .bool(true), "aa": .bool(false),
    ])
    #expect(JSONWriter.string(value, pretty: false) == #"{"B":null,"a":1,"aa":false,"b":2,"é":true}"#)
    // Keys that differ only in a later byte of a character, or where one is the start of another; an empty key.
    let object: JSONObject = ["ê": .null, "é": .null, "😀": .null, "ab": .null, "a": .null, "": .null, "\u{7F}": .null]
    #expect(object.keys == ["", "a", "ab", "\u{7F}", "é", "ê", "😀"])
  }

  @Test("an object keeps its members sorted by key: built in any order, changed, removed; equal whatever the order")
  func objectMembers() {
    var object: JSONObject = ["b": .integer(2), "é": .null, "a": .integer(1)]
    #expect(object.keys == ["a", "b", "é"])
    object["aa"] = .bool(true)
    object["B"] = .string("x")
    object["b"] = .integer(3)
    object["a"] = nil
    object["missing"] = nil
    #expect(object.keys == ["B", "aa", "b", "é"])
    #expect(object["b"] == .integer(3))
    #expect(object["a"] == nil)
    #expect(object.map(\.value) == [.string("x"), .bool(true), .integer(3), .null])
    let sameInOrder: JSONObject = ["B": .string("x"), "aa": .bool(true), "b": .integer(3), "é": .null]
    #expect(object == sameInOrder)
    #expect(Set([JSONValue.object(object), .object(sameInOrder)]).count == 1)
    #expect(object != ["B": .string("x")])
    #expect(JSONObject().isEmpty && !object.isEmpty)
  }

  @Test("numbers are exact decimals with their printed decimals and no separators")
  func numbers() {
    let values: JSONValue = .array([
      .number(ExactDecimal(significand: 228, scale: 2)),
      .number(ExactDecimal(significand: 5, scale: 2)),
      .number(ExactDecimal(significand: -125, scale: 1)),
      .number(ExactDecimal(44_726_000)),
      .number(ExactDecimal(significand: 1250, scale: 2)),
      .number(ExactDecimal(significand: 123_456_789_012_345_678, scale: 6)),
    ])
    #expect(JSONWriter.string(values, pretty: false) == "[2.28,0.05,-12.5,44726000,12.50,123456789012.345678]")
  }

  @Test("pretty output indents by two spaces and writes empty containers inline")
  func prettyLayout() {
    let value: JSONValue = .object([
      "list": .array([.integer(1), .string("x")]), "empty": .array([]), "none": .object([:]),
    ])
    #expect(
      JSONWriter.string(value) == """
        {
          "empty": [],
          "list": [
            1,
            "x"
          ],
          "none": {}
        }
        """)
  }
}

@Suite("JSON report")
struct ReportingJSONTests {
  @Test("a missing row has status missing, null line and null value keys of its kind")
  func missingRow() {
    let row = ModelJSON.row(nil, field: .aggregateAmountOwned, schedule: .schedule13D)
    #expect(
      JSONWriter.string(row, pretty: false)
        == #"{"attributedTo":null,"column":null,"line":null,"note":null,"number":11,"parts":null,"#
        + #""partsRelation":null,"raw":"","shares":null,"status":"missing"}"#)
  }

  @Test("a malformed row keeps its raw text and note, with a null value")
  func malformedRow() {
    let row = ModelJSON.row(
      ReportingFixtures.fullPage.rows[.soleVotingPower], field: .soleVotingPower, schedule: .schedule13D)
    #expect(
      JSONWriter.string(row, pretty: false)
        == #"{"attributedTo":null,"column":1,"line":20,"note":"not a number","number":7,"parts":null,"#
        + #""partsRelation":null,"raw":"1,0l9","shares":null,"status":"malformed"}"#)
  }

  @Test("a 13G row is numbered as the 13G numbers it")
  func scheduleNumbering() {
    let row = ModelJSON.row(nil, field: .percentOfClass, schedule: .schedule13G)
    guard case .object(let members) = row else {
      Issue.record("a row is an object")
      return
    }
    #expect(members["number"] == .integer(11))
    #expect(members["value"] == .null)
    #expect(members["decimals"] == .null)
  }

  @Test("findings: null page, person and row where absent; expected and actual as plain numbers")
  func findingShape() {
    #expect(
      JSONWriter.string(ModelJSON.finding(ReportingFixtures.parentFinding), pretty: false)
        == #"{"actual":"1500","column":5,"expected":"1501","line":30,"#
        + #""message":"row 11 reports 1,500 shares, but the funds hold 1,501","page":1,"#
        + #""person":"Beta \"Manager\" LLC","row":11,"rule":"parent-sum","severity":"error"}"#)
    #expect(
      JSONWriter.string(ModelJSON.finding(ReportingFixtures.filingFinding), pretty: false)
        == #"{"actual":null,"column":1,"expected":null,"line":6,"message":"the CUSIP's check digit is wrong","#
        + #""page":null,"person":null,"row":null,"rule":"cusip-check-digit","severity":"warning"}"#)
  }

  @Test("the models bocheck parse writes as it goes are the documents the shapes build, keys sorted")
  func streamedModelsAreTheBuiltDocuments() {
    var first = ReportingFixtures.filing
    first.position = FilingPosition(index: 1, count: 2, line: 1)
    // A 13G page with a row the 13G does not number, and a row whose value is of another kind than its row's.
    var page = ReportingFixtures.fullPage
    page.rows[.fundType] = Row(field: .fundType, raw: "WC", line: 16, status: .read, value: .codes(["WC"]))
    page.rows[.soleVotingPower] = Row(
      field: .soleVotingPower, raw: "see Item 5", line: 20, status: .read, value: .text("see Item 5"))
    var second = ReportingFixtures.filing
    second.schedule = .schedule13G
    second.coverPages = [page, ReportingFixtures.namelessPage]
    second.position = FilingPosition(index: 2, count: 2, line: 70)
    let reports = [first, second].map {
      FileReport(filing: $0, findings: [ReportingFixtures.parentFinding], basis: nil)
    }
    let models = reports.map { ModelJSON.file($0, includeFindings: false) }
    #expect(
      JSONReport.renderModels(reports)
        == JSONWriter.string(.object(["filings": .array(models), "version": .integer(JSONReport.version)])) + "\n")
    for (report, model) in zip(reports, models) {
      guard case .object(var object) = model else {
        Issue.record("a filing's model is an object")
        continue
      }
      #expect(object["findings"] == nil && object["filing"] != nil)
      object["version"] = .integer(JSONReport.version)
      #expect(JSONReport.renderModel(report) == JSONWriter.string(.object(object)) + "\n")
    }
    guard case .object(let person) = ModelJSON.person(page, schedule: .schedule13G),
      case .object(let fundType)? = person["fundType"], case .object(let sole)? = person["soleVotingPower"]
    else {
      Issue.record("the page's rows are objects")
      return
    }
    #expect(fundType["number"] == .null && fundType["codes"] == .array([.string("WC")]))
    #expect(sole["text"] == .string("see Item 5") && sole["shares"] == .null && sole["parts"] == .null)
  }

  @Test("a value that is not a number is passed through unchanged")
  func nonNumericExpected() {
    var finding = ReportingFixtures.parentFinding
    finding.expected = "7.87%"
    finding.actual = "1,0l9"
    guard case .object(let members) = ModelJSON.finding(finding) else {
      Issue.record("a finding is an object")
      return
    }
    #expect(members["expected"] == .string("7.87%"))
    #expect(members["actual"] == .string("1,0l9"))
  }

  @Test("the whole report: version, files with every row, findings in report order, summary")
  func wholeReport() throws {
    let report = FileReport(
      filing: ReportingFixtures.filing,
      findings: [ReportingFixtures.parentFinding, ReportingFixtures.namelessFinding, ReportingFixtures.filingFinding],
      basis: ReportedBasis(value: ReportingFixtures.decimal("12,000"), source: .stated, line: 50))
    let json = JSONReport.render([report])
    #expect(json.hasPrefix("{\n  \"files\": [\n    {\n      \"amendment\": 3,\n      \"cusip\": \"037833100\",\n"))
    #expect(
      json.hasSuffix(
        """
          "summary": {
            "errors": 1,
            "files": 1,
            "notes": 1,
            "warnings": 1
          },
          "version": 1
        }

        """))
    #expect(json.contains("\"issuer\": \"Exämple Wídgets, Inc.\""))
    #expect(
      json.contains(
        """
        "sharesOutstanding": {
                "line": 50,
                "source": "stated",
                "value": 12000
              }
        """))
    #expect(
      json.contains(
        """
        "readerNotes": [
                {
                  "column": 2,
                  "field": "percentOfClass",
                  "line": 35,
                  "message": "stray value 0 ignored",
                  "page": 1,
                  "row": 13
                }
              ]
        """))
    #expect(
      json.contains(
        "\"percentOfClass\": {\n            \"column\": 1,\n            \"decimals\": 2,\n            \"line\": 34,"))
    #expect(json.contains("\"value\": 12.50\n"))
    #expect(json.contains("\"memberOfGroup\": {\n            \"a\": false,\n            \"b\": true,"))
    #expect(json.contains("\"codes\": [\n              \"OO\",\n              \"IA\"\n            ],"))
    #expect(json.contains("\"reportingPersonName\": null"))
    #expect(json.contains("\"reportingPersonName\": \"Beta \\\"Manager\\\" LLC\""))
    // Findings are sorted by line: the CUSIP (6), the parent (30), the nameless page (40).
    let cusip = try #require(json.range(of: "\"rule\": \"cusip-check-digit\""))
    let parent = try #require(json.range(of: "\"rule\": \"parent-sum\""))
    let nameless = try #require(json.range(of: "\"rule\": \"missing-cover-page\""))
    #expect(cusip.lowerBound < parent.lowerBound && parent.lowerBound < nameless.lowerBound)
    // Rendering twice gives the same bytes.
    #expect(JSONReport.render([report]) == json)
  }

  @Test("every schedule row appears on every page, missing ones included")
  func completeModel() {
    let person = ModelJSON.person(ReportingFixtures.namelessPage, schedule: .schedule13D)
    guard case .object(let members) = person else {
      Issue.record("a person is an object")
      return
    }
    let expectedKeys =
      ["cusip", "line", "page", "reportingPersonName", "reportingPersonNameRow"]
      + RowField.allCases.filter { $0 != .reportingPersonName }.map(\.rawValue)
    #expect(Set(members.keys) == Set(expectedKeys))
    #expect(members["page"] == .integer(2))
    #expect(members["cusip"] == .null)
    if case .object(let secUse) = members["secUseOnly"] {
      #expect(secUse["status"] == .string("missing"))
      #expect(secUse["text"] == .null)
    } else {
      Issue.record("secUseOnly is a row object")
    }
  }

  @Test("parse output: the per-file object with a version and without findings")
  func parseOutput() {
    let report = FileReport(
      filing: ReportingFixtures.filing, findings: [ReportingFixtures.parentFinding],
      basis: ReportedBasis.stated(in: ReportingFixtures.filing))
    let json = JSONReport.renderModel(report)
    #expect(json.hasPrefix("{\n  \"amendment\": 3,\n"))
    #expect(json.hasSuffix("  \"version\": 1\n}\n"))
    #expect(!json.contains("\"findings\""))
    #expect(!json.contains("\"summary\""))
    #expect(json.contains("\"source\": \"stated\""))
  }

  @Test("standard input is shown as <stdin>")
  func standardInputPath() {
    var filing = ReportingFixtures.filing
    filing.path = "-"
    let json = JSONReport.render([FileReport(filing: filing, findings: [], basis: nil)])
    #expect(json.contains("\"path\": \"<stdin>\""))
    #expect(json.contains("\"sharesOutstanding\": null"))
  }
}
