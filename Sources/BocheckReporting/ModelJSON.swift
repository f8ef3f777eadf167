import BocheckModel

/// Turns the model and findings into ``JSONValue``s, the shapes the JSON report and `bocheck parse` print.
///
/// Conventions, the same everywhere:
/// - Every key of a shape is always present; a value that is absent is `null` (never a missing key). The one
///   exception is a file's `filing` position, present only on the filings of a file that holds several,
///   so that the shape of a file of one filing is what it always was.
/// - Numbers (shares, percents, shares outstanding) are exact decimals written as printed, without
///   thousands separators: `1200001`, `4.75`, `12.5`.
/// - Lines and columns are 1-based.
/// - Object literals here list their keys in the order the JSON text has them, sorted (``JSONObject``): what a
///   reader sees in the code is what the output shows, and a member that sorts last is put in place at once.
/// - Every row of the filing's schedule appears on every reporting person, also rows the page lacks
///   (`"status": "missing"`, `"line": null`), so that the model is complete.
public enum ModelJSON {
  /// One file: the filing as read, its basis and, when given, its findings.
  ///
  /// A filing of a file that holds several has one more key, `filing` (see ``position(_:)``); the file
  /// has one such object per filing, all with the same `path`.
  ///
  /// - Parameters:
  ///   - report: The file's report.
  ///   - includeFindings: Whether to add the `findings` array (`bocheck check`) or leave it out
  ///     (`bocheck parse`).
  public static func file(_ report: FileReport, includeFindings: Bool) -> JSONValue {
    let filing = report.filing
    var object: JSONObject = [
      "amendment": .optional(filing.amendment?.value),
      "cusip": .optional(filing.cusip?.value),
      "form": .optional(filing.form?.value),
      "format": .string(filing.format.rawValue),
      "issuer": .optional(filing.issuer?.value),
      "itemOneIssuer": .optional(filing.itemOneIssuer?.value),
      "jointFilers": .array(filing.jointFilers.map(mention)),
      "path": .string(report.displayPath),
      "readerNotes": .array(filing.readerNotes.map { readerNote($0, schedule: filing.schedule) }),
      "reportingPersons": .array(filing.coverPages.map { person($0, schedule: filing.schedule) }),
      "schedule": .string(filing.schedule.rawValue),
      "sharesOutstanding": report.basis.map(basis) ?? .null,
      "signers": .array(filing.signers.map(mention)),
    ]
    if includeFindings {
      object["findings"] = .array(report.sortedFindings.map(finding))
    }
    // Only a file that holds several filings says which one this is, so that the shape of a file of one
    // filing does not change.
    if let position = filing.position { object["filing"] = self.position(position) }
    return .object(object)
  }

  /// Which filing of its file a filing is: `{"index", "count", "line"}`, all 1-based.
  ///
  /// - Parameter position: The filing's position in a file that holds several.
  public static func position(_ position: FilingPosition) -> JSONValue {
    .object(["index": .integer(position.index), "count": .integer(position.count), "line": .integer(position.line)])
  }

  /// A shares-outstanding basis: `{"value", "source", "line"}`.
  ///
  /// - Parameter basis: The basis.
  public static func basis(_ basis: ReportedBasis) -> JSONValue {
    .object(["value": .number(basis.value), "source": .string(basis.source.rawValue), "line": .optional(basis.line)])
  }

  /// A reporting person's cover page.
  ///
  /// Holds `page` (1-based index), `line`, `cusip` (the page's own, or `null`), `reportingPersonName`
  /// (the name as text, or `null`), and one row object per row of the schedule keyed by the SEC's XML
  /// element name; row 1's own row object is under `reportingPersonNameRow`.
  ///
  /// - Parameters:
  ///   - page: The cover page.
  ///   - schedule: The filing's schedule, which says which rows a page has and how they are numbered.
  public static func person(_ page: CoverPage, schedule: Schedule) -> JSONValue {
    var object: JSONObject = [
      "cusip": .optional(page.cusip),
      "line": .integer(page.line),
      "page": .integer(page.index),
      "reportingPersonName": .optional(page.reportingPersonName),
    ]
    for field in RowField.rows(of: schedule) {
      let key = field == .reportingPersonName ? "reportingPersonNameRow" : field.rawValue
      object[key] = row(page.rows[field], field: field, schedule: schedule)
    }
    // A row the schedule does not number (a 13G page the reader gave a 13D row) is still shown.
    for (field, extra) in page.rows where RowField.rows(of: schedule).firstIndex(of: field) == nil {
      object[field.rawValue] = row(extra, field: field, schedule: schedule)
    }
    return .object(object)
  }

  /// A row: where it is, how it was read and its value's keys.
  ///
  /// Every row has `number` (its number on the schedule), `line`, `column`, `status`, `raw` and `note`.
  /// The value adds keys by kind, all `null` when the value is missing or malformed:
  /// text `text`; amount `shares`, `parts` (`kind`, `label`, `shares`, `text`), `partsRelation`,
  /// `attributedTo`; percent `value`, `decimals`; checkbox `checked`; group boxes `a`, `b`; codes `codes`.
  ///
  /// - Parameters:
  ///   - row: The row, or `nil` when the page lacks it.
  ///   - field: Which row it is.
  ///   - schedule: The filing's schedule, for the row number.
  public static func row(_ row: Row?, field: RowField, schedule: Schedule) -> JSONValue {
    var object: JSONObject = [
      "column": .optional(row?.column),
      "line": .optional(row?.line),
      "note": .optional(row?.note),
      "number": .optional(field.number(in: schedule)),
      "raw": .string(row?.raw ?? ""),
      "status": .string((row?.status ?? .missing).rawValue),
    ]
    for key in valueKeys(field.valueKind) { object[key] = .null }
    if let value = row?.value {
      for member in valueMembers(value) { object[member.key] = member.value }
    }
    return .object(object)
  }

  /// A finding: `rule`, `severity`, `page`, `person`, `row`, `line`, `column`, `message`, `expected`,
  /// `actual`.
  ///
  /// `expected` and `actual` are strings; when they hold a number it is written without thousands
  /// separators (`"1200001"`), whatever way the rule printed it.
  ///
  /// - Parameter finding: The finding.
  public static func finding(_ finding: Finding) -> JSONValue {
    .object([
      "actual": .optional(finding.actual.map(plainNumber)),
      "column": .integer(finding.column),
      "expected": .optional(finding.expected.map(plainNumber)),
      "line": .integer(finding.line),
      "message": .string(finding.message),
      "page": .optional(finding.page),
      "person": .optional(finding.person),
      "row": .optional(finding.row),
      "rule": .string(finding.ruleID),
      "severity": .string(finding.severity.rawValue),
    ])
  }

  /// Severity counts: `{"errors", "warnings", "notes"}`.
  ///
  /// - Parameter counts: The counts.
  public static func counts(_ counts: SeverityCounts) -> JSONObject {
    ["errors": .integer(counts.errors), "warnings": .integer(counts.warnings), "notes": .integer(counts.notes)]
  }

  /// A number written without thousands separators, or the text unchanged when it is not a number.
  ///
  /// - Parameter text: A value as a rule printed it, such as `1,200,001` or `7.5%`.
  static func plainNumber(_ text: String) -> String {
    ExactDecimal.parse(text).map { $0.formatted(grouping: false) } ?? text
  }

  private static func mention(_ mention: NamedMention) -> JSONValue {
    .object(["name": .string(mention.name), "line": .integer(mention.line)])
  }

  private static func readerNote(_ note: ReaderNote, schedule: Schedule) -> JSONValue {
    .object([
      "column": .integer(note.column),
      "field": .optional(note.field?.rawValue),
      "line": .integer(note.line),
      "message": .string(note.message),
      "page": .optional(note.page),
      "row": .optional(note.field?.number(in: schedule)),
    ])
  }

  private static func valueKeys(_ kind: RowValueKind) -> [String] {
    switch kind {
    case .text: return ["text"]
    case .amount: return ["shares", "parts", "partsRelation", "attributedTo"]
    case .percent: return ["value", "decimals"]
    case .checkbox: return ["checked"]
    case .groupBoxes: return ["a", "b"]
    case .codes: return ["codes"]
    }
  }

  private static func valueMembers(_ value: RowValue) -> JSONObject {
    switch value {
    case .text(let text):
      return ["text": .string(text)]
    case .amount(let amount):
      return [
        "shares": .number(amount.shares),
        "parts": .array(
          amount.parts.map { part in
            .object([
              "kind": .string(part.kind.rawValue), "label": .string(part.label), "shares": .number(part.shares),
              "text": .string(part.text),
            ])
          }),
        "partsRelation": .string(amount.partsRelation.rawValue),
        "attributedTo": .array(amount.attributedTo.map { .string($0) }),
      ]
    case .percent(let percent):
      return ["value": .number(percent.value), "decimals": .integer(percent.decimals)]
    case .checkbox(let checked):
      return ["checked": .bool(checked)]
    case .groupBoxes(let a, let b):
      return ["a": .bool(a), "b": .bool(b)]
    case .codes(let codes):
      return ["codes": .array(codes.map { .string($0) })]
    }
  }
}
