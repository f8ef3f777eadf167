import BocheckModel

/// Reads an EDGAR XML primary document (Schedule 13D or 13G, technical specification v1.0, schema X0202).
///
/// Elements are matched by local name, so both schedules' namespaces (and documents whose children carry
/// namespaces of their own) read alike. Each reporting person's element (`reportingPersonInfo` on a 13D,
/// `coverPageHeaderReportingPersonDetails` on a 13G) becomes a cover page whose rows keep the line of
/// their element's text. Items 4 and 5 and the comments are searched for the shares-outstanding basis.
/// Faults in the XML itself are kept as reader notes with their line.
enum XMLFilingReader {
  /// What an element is to the reader, told once per distinct element name.
  private struct ElementRole {
    /// A reporting person's element: `reportingPersonInfo` on a 13D, `coverPageHeaderReportingPersonDetails`
    /// on a 13G.
    var isPerson = false
    /// An element only a 13G has.
    var marksSchedule13G = false
    /// A section the shares-outstanding basis is read from.
    var holdsBasis = false
    /// A section where the filing describes how its reporting persons are related.
    var holdsRelationships = false
    /// Item 1, whose issuer name is the item's, not the cover's.
    var isItemOne = false
    /// The signature section, whose reporting person names are signers.
    var isSignatureInformation = false
    /// The cover-page row whose value the element's text is.
    var row: RowField?
    /// What the element's text is, outside a reporting person's element.
    var fact: Fact?

    enum Fact {
      case submissionType, amendmentNumber, cusip, issuerName, signer, signerName
    }
  }

  /// The roles of the elements the reader knows; any other element has the empty role.
  private static let knownRoles: [String: ElementRole] = {
    var roles: [String: ElementRole] = [:]
    for name in ["reportingPersonInfo", "coverPageHeaderReportingPersonDetails"] {
      roles[name, default: .init()].isPerson = true
    }
    for name in ["coverPageHeaderReportingPersonDetails", "issuerCusip"] {
      roles[name, default: .init()].marksSchedule13G = true
    }
    for name in ["item4", "item5", "commentContent", "comments"] { roles[name, default: .init()].holdsBasis = true }
    for name in ["item2", "item4", "item5", "item6", "commentContent", "comments"] {
      roles[name, default: .init()].holdsRelationships = true
    }
    roles["item1", default: .init()].isItemOne = true
    roles["signatureInformation", default: .init()].isSignatureInformation = true
    for (name, field) in rowElements { roles[name, default: .init()].row = field }
    let facts: [(String, ElementRole.Fact)] = [
      ("submissionType", .submissionType), ("amendmentNo", .amendmentNumber), ("issuerCUSIP", .cusip),
      ("issuerCusip", .cusip), ("issuerCusipNumber", .cusip), ("issuerName", .issuerName),
      ("signatureReportingPerson", .signer), ("reportingPersonName", .signerName),
    ]
    for (name, fact) in facts { roles[name, default: .init()].fact = fact }
    return roles
  }()

  /// The names of the elements the reader knows, in a fixed order: every scanner numbers them first, so
  /// that an element's role is told by its number (`knownRoleList`) without spelling its name.
  private static let knownNames = knownRoles.keys.sorted()
  private static let knownNameTable = XMLScanner.Names(knownNames)
  private static let knownRoleList = knownNames.map { knownRoles[$0] ?? ElementRole() }

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

  /// How many of the open elements are of each kind the text's meaning depends on.
  private struct OpenCounts {
    var basis = 0
    var relationships = 0
    var itemOne = 0
    var signatureInformation = 0

    mutating func add(_ role: ElementRole, by step: Int) {
      if role.holdsBasis { basis += step }
      if role.holdsRelationships { relationships += step }
      if role.isItemOne { itemOne += step }
      if role.isSignatureInformation { signatureInformation += step }
    }
  }

  /// Reads a filing from XML text.
  ///
  /// - Parameters:
  ///   - text: The XML (or a wrapper with everything but the XML blanked).
  ///   - path: Where it came from.
  ///   - format: The format to record.
  static func read(text: String, path: String, format: InputFormat = .xml) -> Filing {
    var scanner = XMLScanner(text, names: knownNameTable)
    let knownRoles = knownRoleList
    var stack: [Int] = []
    // How many open elements are sections the basis, or the relationships, are read from, and so on: kept as
    // elements open and close, not searched for every text.
    var open = OpenCounts()
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

    /// The role of an element name's number: a known name's, or the empty role.
    func role(_ name: Int) -> ElementRole {
      name < knownRoles.count ? knownRoles[name] : ElementRole()
    }

    while let event = scanner.next() {
      switch event {
      case .start(let name, let line, _, let selfClosing):
        let role = role(name)
        if role.marksSchedule13G { isSchedule13G = true }
        if role.isPerson && !selfClosing {
          finishPage()
          currentRows = [:]
          currentLine = line
        }
        if !selfClosing {
          stack.append(name)
          open.add(role, by: 1)
        }
      case .end(let name, let line):
        if let index = stack.lastIndex(of: name) {
          for closed in stack[index...] { open.add(role(closed), by: -1) }
          stack.removeSubrange(index...)
        } else {
          notes.append(
            ReaderNote(
              page: nil, field: nil, line: line,
              message: "the end tag </\(scanner.name(name))> closes no open element"))
        }
        if role(name).isPerson { finishPage() }
      case .problem(let message, let line, let column):
        notes.append(
          ReaderNote(page: nil, field: nil, line: line, column: column, message: "malformed XML: \(message)"))
      case .text(let range, let line, let column, let verbatim):
        guard let element = stack.last else { continue }
        let value = trimmed(scanner.text(range, verbatim: verbatim))
        if open.basis > 0 { basisTexts.append((value, line)) }
        if open.relationships > 0 { relationshipTexts.append((value, line)) }
        let role = role(element)
        if currentRows != nil, let field = role.row {
          if field.valueKind == .codes {
            var entry = codeRows[field] ?? ([], line, column)
            entry.codes.append(value.uppercased())
            codeRows[field] = entry
          } else {
            currentRows?[field] = row(field, value, line: line, column: column)
          }
          continue
        }
        switch role.fact {
        case .submissionType:
          let form = FilingReader.normalizedFormType(value)
          filing.form = Located(form, line: line)
          if form.contains("13G") { isSchedule13G = true }
        case .amendmentNumber:
          if let number = Int(value) { filing.amendment = Located(number, line: line) }
        case .cusip:
          if filing.cusip == nil { filing.cusip = Located(CUSIP.compact(value), line: line) }
        case .issuerName:
          if open.itemOne > 0 {
            filing.itemOneIssuer = Located(value, line: line)
          } else if filing.issuer == nil {
            filing.issuer = Located(value, line: line)
          }
        case .signer:
          filing.signers.append(NamedMention(name: value, line: line, evidence: .structured))
        case .signerName where open.signatureInformation > 0:
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

  /// An element's text without white space at either end: XML's (space, tab, line feed, carriage return) and
  /// the no-break space.
  ///
  /// XML reads a CR LF pair as one line feed; trimming all of them at the ends reads `Fund LP` out of a
  /// value written on a line of its own in a file with Windows line ends, as out of one with Unix line ends.
  ///
  /// - Parameter bytes: The element's decoded text.
  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
    bytes.withUnsafeBufferPointer { bytes in
      let range = LineBytes.trimmedRange(bytes, trimmingLineEnds: true)
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
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
