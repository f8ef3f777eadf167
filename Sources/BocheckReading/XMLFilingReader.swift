import BocheckModel

/// Reads an EDGAR XML primary document (Schedule 13D or 13G, technical specification v1.0, schema X0202).
///
/// Elements are matched by local name, so both schedules' namespaces (and documents whose children carry
/// namespaces of their own) read alike. Each reporting person's element (`reportingPersonInfo` on a 13D,
/// `coverPageHeaderReportingPersonDetails` on a 13G) becomes a cover page whose rows keep the line of
/// their element's text. Items 4 and 5 and the comments are searched for the shares-outstanding basis.
/// Faults in the XML itself are kept as reader notes with their line.
enum XMLFilingReader {
  private static let personElements: Set<String> = ["reportingPersonInfo", "coverPageHeaderReportingPersonDetails"]

  private static let rowElements: [String: RowField] = [
    "reportingPersonName": .reportingPersonName, "memberOfGroup": .memberOfGroup, "memberGroup": .memberOfGroup,
    "fundType": .fundType, "legalProceedings": .legalProceedings,
    "citizenshipOrOrganization": .citizenshipOrOrganization, "soleVotingPower": .soleVotingPower,
    "sharedVotingPower": .sharedVotingPower, "soleDispositivePower": .soleDispositivePower,
    "sharedDispositivePower": .sharedDispositivePower, "aggregateAmountOwned": .aggregateAmountOwned,
    "reportingPersonBeneficiallyOwnedAggregateNumberOfShares": .aggregateAmountOwned,
    "isAggregateExcludeShares": .isAggregateExcludeShares,
    "aggregateAmountExcludesCertainSharesFlag": .isAggregateExcludeShares, "percentOfClass": .percentOfClass,
    "classPercent": .percentOfClass, "typeOfReportingPerson": .typeOfReportingPerson,
  ]

  private static let basisSections: Set<String> = ["item4", "item5", "commentContent", "comments"]
  /// Where the filing describes how its reporting persons are related.
  private static let relationshipSections: Set<String> = [
    "item2", "item4", "item5", "item6", "commentContent", "comments",
  ]

  /// Reads a filing from XML text.
  ///
  /// - Parameters:
  ///   - text: The XML (or a wrapper with everything but the XML blanked).
  ///   - path: Where it came from.
  ///   - format: The format to record.
  static func read(text: String, path: String, format: InputFormat = .xml) -> Filing {
    var scanner = XMLScanner(text)
    let events = scanner.events()
    var stack: [String] = []
    // Whether each open element is a section the basis, or the relationships, are read from: told once
    // when it opens, not for every text inside it.
    var opensBasis: [Bool] = []
    var opensRelationships: [Bool] = []
    var filing = Filing(path: path, format: format, schedule: .schedule13D)
    var pages: [CoverPage] = []
    var currentRows: [RowField: Row]?
    var currentLine = 0
    var codeRows: [RowField: (codes: [String], line: Int, column: Int)] = [:]
    var basisTexts: [(text: String, line: Int)] = []
    var relationshipTexts: [(text: String, line: Int)] = []
    var notes: [ReaderNote] = []
    var isSchedule13G = false

    func finishPage() {
      guard var rows = currentRows else { return }
      for (field, entry) in codeRows {
        rows[field] = Row(
          field: field, raw: entry.codes.joined(separator: ", "), line: entry.line, column: entry.column, status: .read,
          value: .codes(entry.codes))
      }
      pages.append(CoverPage(index: pages.count + 1, line: currentLine, rows: rows, cusip: nil))
      currentRows = nil
      codeRows = [:]
    }

    for event in events {
      switch event {
      case .start(let name, let line, _, let selfClosing):
        if name == "coverPageHeaderReportingPersonDetails" || name == "issuerCusip" { isSchedule13G = true }
        if personElements.contains(name) && !selfClosing {
          finishPage()
          currentRows = [:]
          currentLine = line
        }
        if !selfClosing {
          stack.append(name)
          opensBasis.append(basisSections.contains(name))
          opensRelationships.append(relationshipSections.contains(name))
        }
      case .end(let name, let line):
        if let index = stack.lastIndex(of: name) {
          stack.removeSubrange(index...)
          opensBasis.removeSubrange(index...)
          opensRelationships.removeSubrange(index...)
        } else {
          notes.append(
            ReaderNote(page: nil, field: nil, line: line, message: "the end tag </\(name)> closes no open element"))
        }
        if personElements.contains(name) { finishPage() }
      case .problem(let message, let line, let column):
        notes.append(
          ReaderNote(page: nil, field: nil, line: line, column: column, message: "malformed XML: \(message)"))
      case .text(let raw, let line, let column):
        let value = raw.trimmingBlanks().trimmingCharacters(in: "\n\r")
        guard let element = stack.last else { continue }
        if opensBasis.contains(true) { basisTexts.append((value, line)) }
        if opensRelationships.contains(true) { relationshipTexts.append((value, line)) }
        if currentRows != nil, let field = rowElements[element] {
          if field.valueKind == .codes {
            var entry = codeRows[field] ?? ([], line, column)
            entry.codes.append(value.uppercased())
            codeRows[field] = entry
          } else {
            currentRows?[field] = row(field, value, line: line, column: column)
          }
          continue
        }
        switch element {
        case "submissionType":
          let form = FilingReader.normalizedFormType(value)
          filing.form = Located(form, line: line)
          if form.contains("13G") { isSchedule13G = true }
        case "amendmentNo":
          if let number = Int(value) { filing.amendment = Located(number, line: line) }
        case "issuerCUSIP", "issuerCusip", "issuerCusipNumber":
          if filing.cusip == nil { filing.cusip = Located(CUSIP.compact(value), line: line) }
        case "issuerName":
          if stack.contains("item1") {
            filing.itemOneIssuer = Located(value, line: line)
          } else if filing.issuer == nil {
            filing.issuer = Located(value, line: line)
          }
        case "signatureReportingPerson":
          filing.signers.append(NamedMention(name: value, line: line, evidence: .structured))
        case "reportingPersonName" where stack.contains("signatureInformation"):
          filing.signers.append(NamedMention(name: value, line: line, evidence: .structured))
        default:
          break
        }
      }
    }
    finishPage()
    filing.schedule = isSchedule13G ? .schedule13G : .schedule13D
    if let form = filing.form, filing.amendment != nil, !form.value.hasSuffix("/A") {
      filing.form = Located(form.value + "/A", line: form.line)
    }
    RelationshipFacts.attribute({ relationshipTexts }, to: &pages)
    filing.coverPages = pages
    let basisLines = SourceLines(
      built: basisTexts.flatMap { entry in
        [(text: entry.text, origins: [LineOrigin(offset: 0, line: entry.line, column: 1)]), (text: "", origins: [])]
      })
    filing.statedSharesOutstanding = DocumentFacts(lines: basisLines).statedSharesOutstanding(
      in: 1..<(basisLines.count + 1))
    filing.readerNotes = notes
    return filing
  }

  private static func row(_ field: RowField, _ value: String, line: Int, column: Int) -> Row {
    let parsed: ParsedValue
    switch field.valueKind {
    case .checkbox:
      let upper = value.uppercased()
      parsed = upper == "Y" || upper == "N" ? .value(.checkbox(upper == "Y")) : .malformed("'\(value)' is not Y or N")
    case .groupBoxes:
      let lower = value.lowercased()
      parsed =
        lower == "a" || lower == "b"
        ? .value(.groupBoxes(a: lower == "a", b: lower == "b"))
        : .malformed("'\(value)' is not a or b")
    case .amount:
      parsed =
        ExactDecimal.parse(value).map { .value(.amount(Amount(shares: $0))) }
        ?? .malformed("'\(value.prefix(40))' cannot be read as a number of shares")
    case .percent:
      parsed = ValueParsers.parsePercent(value)
    default:
      parsed = ValueParsers.parse(value, for: field)
    }
    switch parsed {
    case .value(let rowValue):
      return Row(field: field, raw: value, line: line, column: column, status: .read, value: rowValue)
    case .malformed(let why):
      return Row(field: field, raw: value, line: line, column: column, status: .malformed, value: nil, note: why)
    case .empty:
      return Row(field: field, raw: value, line: line, column: column, status: .missing, value: nil)
    }
  }
}
