import BocheckModel

/// The shapes the JSON report and `bocheck parse` print: the model and findings written as JSON.
///
/// Each shape is written once, as calls to a ``JSONSink``: the reports write it straight out as text
/// (``JSONOutput``), and the functions that return a ``JSONValue`` build it from the same calls.
///
/// Conventions, the same everywhere:
/// - Every key of a shape is always present; a value that is absent is `null` (never a missing key). The one
///   exception is a file's `filing` position, present only on the filings of a file that holds several,
///   so that the shape of a file of one filing is what it always was.
/// - Numbers (shares, percents, shares outstanding) are exact decimals written as printed, without
///   thousands separators: `1200001`, `4.75`, `12.5`.
/// - Lines and columns are 1-based.
/// - Keys are written in the order the JSON text has them, sorted by their UTF-8 bytes: what a reader sees in
///   the code is what the output shows. Where a shape's keys depend on the data (a page's rows, a row's
///   value), they are taken from a list kept in that order.
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
    built { writeFile(report, includeFindings: includeFindings, to: &$0) }
  }

  /// Writes one file's object (see ``file(_:includeFindings:)``).
  ///
  /// - Parameters:
  ///   - report: The file's report.
  ///   - includeFindings: Whether to write the `findings` array.
  ///   - version: The version of the shapes, written last as `version` when given (`bocheck parse`).
  ///   - sink: Where to write.
  static func writeFile<Sink: JSONSink>(
    _ report: FileReport, includeFindings: Bool, version: Int? = nil, to sink: inout Sink
  ) {
    let filing = report.filing
    sink.beginObject()
    sink.member("amendment", filing.amendment?.value)
    sink.member("cusip", filing.cusip?.value)
    // Only a file that holds several filings says which one this is, so that the shape of a file of one
    // filing does not change.
    if let position = filing.position {
      sink.key("filing")
      writePosition(position, to: &sink)
    }
    if includeFindings {
      sink.key("findings")
      sink.beginArray()
      for finding in report.sortedFindings { writeFinding(finding, to: &sink) }
      sink.endArray()
    }
    sink.member("form", filing.form?.value)
    sink.member("format", filing.format.rawValue)
    sink.member("issuer", filing.issuer?.value)
    sink.member("itemOneIssuer", filing.itemOneIssuer?.value)
    sink.key("jointFilers")
    writeMentions(filing.jointFilers, to: &sink)
    sink.member("path", report.displayPath)
    sink.key("readerNotes")
    sink.beginArray()
    for note in filing.readerNotes { writeReaderNote(note, schedule: filing.schedule, to: &sink) }
    sink.endArray()
    sink.key("reportingPersons")
    sink.beginArray()
    for page in filing.coverPages { writePerson(page, schedule: filing.schedule, to: &sink) }
    sink.endArray()
    sink.member("schedule", filing.schedule.rawValue)
    sink.key("sharesOutstanding")
    if let basis = report.basis { writeBasis(basis, to: &sink) } else { sink.null() }
    sink.key("signers")
    writeMentions(filing.signers, to: &sink)
    if let version {
      sink.member("version", version)
    }
    sink.endObject()
  }

  /// Which filing of its file a filing is: `{"index", "count", "line"}`, all 1-based.
  ///
  /// - Parameter position: The filing's position in a file that holds several.
  public static func position(_ position: FilingPosition) -> JSONValue {
    built { writePosition(position, to: &$0) }
  }

  private static func writePosition<Sink: JSONSink>(_ position: FilingPosition, to sink: inout Sink) {
    sink.beginObject()
    sink.member("count", position.count)
    sink.member("index", position.index)
    sink.member("line", position.line)
    sink.endObject()
  }

  /// A shares-outstanding basis: `{"value", "source", "line"}`.
  ///
  /// - Parameter basis: The basis.
  public static func basis(_ basis: ReportedBasis) -> JSONValue {
    built { writeBasis(basis, to: &$0) }
  }

  private static func writeBasis<Sink: JSONSink>(_ basis: ReportedBasis, to sink: inout Sink) {
    sink.beginObject()
    sink.member("line", basis.line)
    sink.member("source", basis.source.rawValue)
    sink.member("value", basis.value)
    sink.endObject()
  }

  /// A reporting person's cover page.
  ///
  /// Holds `page` (1-based index), `line`, `cusip` (the page's own, or `null`), `reportingPersonName`
  /// (the name as text, or `null`), and one row object per row of the schedule keyed by the SEC's XML
  /// element name; row 1's own row object is under `reportingPersonNameRow`. A row the schedule does not
  /// number (a 13G page the reader gave a 13D row) is still shown.
  ///
  /// - Parameters:
  ///   - page: The cover page.
  ///   - schedule: The filing's schedule, which says which rows a page has and how they are numbered.
  public static func person(_ page: CoverPage, schedule: Schedule) -> JSONValue {
    built { writePerson(page, schedule: schedule, to: &$0) }
  }

  /// A member of a person's object: one of its own keys, or a row.
  private enum PersonMember {
    case cusip, line, page, reportingPersonName
    case row(RowField)

    /// The member's key.
    var key: String {
      switch self {
      case .cusip: "cusip"
      case .line: "line"
      case .page: "page"
      case .reportingPersonName: "reportingPersonName"
      case .row(.reportingPersonName): "reportingPersonNameRow"
      case .row(let field): field.rawValue
      }
    }
  }

  /// Every member a person's object can have, in the order of their keys' UTF-8 bytes.
  private static let personMembers: [PersonMember] =
    ([.cusip, .line, .page, .reportingPersonName]
    + RowField.allCases.map(PersonMember.row)).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }

  private static func writePerson<Sink: JSONSink>(_ page: CoverPage, schedule: Schedule, to sink: inout Sink) {
    let scheduleRows = RowField.rows(of: schedule)
    sink.beginObject()
    for member in personMembers {
      switch member {
      case .cusip:
        sink.member("cusip", page.cusip)
      case .line:
        sink.member("line", page.line)
      case .page:
        sink.member("page", page.index)
      case .reportingPersonName:
        sink.member("reportingPersonName", page.reportingPersonName)
      case .row(let field):
        let row = page.rows[field]
        guard row != nil || scheduleRows.contains(field) else { continue }
        sink.key(member.key)
        writeRow(row, field: field, schedule: schedule, to: &sink)
      }
    }
    sink.endObject()
  }

  /// A row: where it is, how it was read and its value's keys.
  ///
  /// Every row has `number` (its number on the schedule), `line`, `column`, `status`, `raw` and `note`.
  /// The value adds keys by kind, all `null` when the value is missing or malformed:
  /// text `text`; amount `shares`, `parts` (`kind`, `label`, `shares`, `text`), `partsRelation`,
  /// `attributedTo`; percent `value`, `decimals`; checkbox `checked`; group boxes `a`, `b`; codes `codes`.
  /// A value of another kind than the row's adds its own keys as well.
  ///
  /// - Parameters:
  ///   - row: The row, or `nil` when the page lacks it.
  ///   - field: Which row it is.
  ///   - schedule: The filing's schedule, for the row number.
  public static func row(_ row: Row?, field: RowField, schedule: Schedule) -> JSONValue {
    built { writeRow(row, field: field, schedule: schedule, to: &$0) }
  }

  /// A key of a row's object, in the order of their UTF-8 bytes; a key of a value names its kind.
  private enum RowKey: CaseIterable {
    case a, attributedTo, b, checked, codes, column, decimals, line, note, number, parts, partsRelation, raw, shares,
      status, text, value

    /// The key as the JSON text has it.
    var name: StaticString {
      switch self {
      case .a: "a"
      case .attributedTo: "attributedTo"
      case .b: "b"
      case .checked: "checked"
      case .codes: "codes"
      case .column: "column"
      case .decimals: "decimals"
      case .line: "line"
      case .note: "note"
      case .number: "number"
      case .parts: "parts"
      case .partsRelation: "partsRelation"
      case .raw: "raw"
      case .shares: "shares"
      case .status: "status"
      case .text: "text"
      case .value: "value"
      }
    }

    /// The kind of value the key belongs to, `nil` for a key every row has.
    var valueKind: RowValueKind? {
      switch self {
      case .a, .b: .groupBoxes
      case .attributedTo, .parts, .partsRelation, .shares: .amount
      case .checked: .checkbox
      case .codes: .codes
      case .decimals, .value: .percent
      case .text: .text
      case .column, .line, .note, .number, .raw, .status: nil
      }
    }
  }

  private static func writeRow<Sink: JSONSink>(_ row: Row?, field: RowField, schedule: Schedule, to sink: inout Sink) {
    let value = row?.value
    let kind = field.valueKind
    sink.beginObject()
    for key in RowKey.allCases {
      if let keyKind = key.valueKind {
        // The value's own keys hold it; the row's kind's other keys are null.
        if let value, value.kind == keyKind {
          writeValueMember(key, of: value, to: &sink)
        } else if keyKind == kind {
          sink.key(key.name)
          sink.null()
        }
        continue
      }
      sink.key(key.name)
      switch key {
      case .column: sink.scalar(row?.column)
      case .line: sink.scalar(row?.line)
      case .note: sink.scalar(row?.note)
      case .number: sink.scalar(field.number(in: schedule))
      case .raw: sink.string(row?.raw ?? "")
      case .status: sink.string((row?.status ?? .missing).rawValue)
      default: preconditionFailure("a value's key is written with the value")
      }
    }
    sink.endObject()
  }

  /// Writes the member of a value under one of its kind's keys.
  private static func writeValueMember<Sink: JSONSink>(_ key: RowKey, of value: RowValue, to sink: inout Sink) {
    sink.key(key.name)
    switch (key, value) {
    case (_, .text(let text)): sink.string(text)
    case (.shares, .amount(let amount)): sink.number(amount.shares)
    case (.parts, .amount(let amount)):
      sink.beginArray()
      for part in amount.parts {
        sink.beginObject()
        sink.member("kind", part.kind.rawValue)
        sink.member("label", part.label)
        sink.member("shares", part.shares)
        sink.member("text", part.text)
        sink.endObject()
      }
      sink.endArray()
    case (.partsRelation, .amount(let amount)): sink.string(amount.partsRelation.rawValue)
    case (_, .amount(let amount)):
      sink.beginArray()
      for name in amount.attributedTo { sink.string(name) }
      sink.endArray()
    case (.value, .percent(let percent)): sink.number(percent.value)
    case (_, .percent(let percent)): sink.integer(percent.decimals)
    case (_, .checkbox(let checked)): sink.bool(checked)
    case (.a, .groupBoxes(let a, _)): sink.bool(a)
    case (_, .groupBoxes(_, let b)): sink.bool(b)
    case (_, .codes(let codes)):
      sink.beginArray()
      for code in codes { sink.string(code) }
      sink.endArray()
    }
  }

  /// A finding: `rule`, `severity`, `page`, `person`, `row`, `line`, `column`, `message`, `expected`,
  /// `actual`.
  ///
  /// `expected` and `actual` are strings; when they hold a number it is written without thousands
  /// separators (`"1200001"`), whatever way the rule printed it.
  ///
  /// - Parameter finding: The finding.
  public static func finding(_ finding: Finding) -> JSONValue {
    built { writeFinding(finding, to: &$0) }
  }

  private static func writeFinding<Sink: JSONSink>(_ finding: Finding, to sink: inout Sink) {
    sink.beginObject()
    sink.member("actual", finding.actual.map(plainNumber))
    sink.member("column", finding.column)
    sink.member("expected", finding.expected.map(plainNumber))
    sink.member("line", finding.line)
    sink.member("message", finding.message)
    sink.member("page", finding.page)
    sink.member("person", finding.person)
    sink.member("row", finding.row)
    sink.member("rule", finding.ruleID)
    sink.member("severity", finding.severity.rawValue)
    sink.endObject()
  }

  /// Severity counts: `{"errors", "warnings", "notes"}`.
  ///
  /// - Parameter counts: The counts.
  public static func counts(_ counts: SeverityCounts) -> JSONObject {
    ["errors": .integer(counts.errors), "notes": .integer(counts.notes), "warnings": .integer(counts.warnings)]
  }

  /// A number written without thousands separators, or the text unchanged when it is not a number.
  ///
  /// - Parameter text: A value as a rule printed it, such as `1,200,001` or `7.5%`.
  static func plainNumber(_ text: String) -> String {
    ExactDecimal.parse(text).map { $0.formatted(grouping: false) } ?? text
  }

  private static func writeMentions<Sink: JSONSink>(_ mentions: [NamedMention], to sink: inout Sink) {
    sink.beginArray()
    for mention in mentions {
      sink.beginObject()
      sink.member("line", mention.line)
      sink.member("name", mention.name)
      sink.endObject()
    }
    sink.endArray()
  }

  private static func writeReaderNote<Sink: JSONSink>(_ note: ReaderNote, schedule: Schedule, to sink: inout Sink) {
    sink.beginObject()
    sink.member("column", note.column)
    sink.member("field", note.field?.rawValue)
    sink.member("line", note.line)
    sink.member("message", note.message)
    sink.member("page", note.page)
    sink.member("row", note.field?.number(in: schedule))
    sink.endObject()
  }

  /// The value a shape's calls build.
  private static func built(_ write: (inout JSONTreeBuilder) -> Void) -> JSONValue {
    var builder = JSONTreeBuilder()
    write(&builder)
    return builder.value
  }
}

extension RowValue {
  /// The kind of value this is.
  fileprivate var kind: RowValueKind {
    switch self {
    case .text: .text
    case .amount: .amount
    case .percent: .percent
    case .checkbox: .checkbox
    case .groupBoxes: .groupBoxes
    case .codes: .codes
    }
  }
}
