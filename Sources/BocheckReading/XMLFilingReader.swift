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
  private static let knownNameTable = NumberedTexts(knownNames)
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
    // The relationship sections' texts, made into text only when a cover page can take an attribution.
    var relationshipTexts: [(range: Range<Int>, verbatim: Bool, line: Int)] = []
    var notes: [ReaderNote] = []
    var isSchedule13G = false

    func finishPage() {
      guard var rows = currentRows else { return }
      // Let go of the reader's reference first, so that the rows are changed in place, not copied.
      currentRows = nil
      for (field, entry) in codeRows {
        rows[field] = Row(
          field: field, raw: entry.codes.joined(separator: ", "), line: entry.line, column: entry.column, status: .read,
          value: .codes(entry.codes))
      }
      pages.append(CoverPage(index: pages.count + 1, line: currentLine, rows: rows, cusip: nil))
      codeRows = [:]
    }

    /// The role of an element name's number: a known name's, or the empty role.
    func role(_ name: Int) -> ElementRole {
      name < knownRoles.count ? knownRoles[name] : ElementRole()
    }

    // One buffer over the scanned bytes serves the whole scan.
    let source = scanner.bytes
    source.withUnsafeBufferPointer { source in
      while let event = scanner.next(in: source) {
        switch event {
        case .start(let name, let offset, let selfClosing):
          let role = role(name)
          if role.marksSchedule13G { isSchedule13G = true }
          if role.isPerson && !selfClosing {
            finishPage()
            // Room for every row a page has, so that the table is never grown as rows are read.
            currentRows = Dictionary(minimumCapacity: RowField.allCases.count)
            currentLine = scanner.line(at: offset)
          }
          if !selfClosing {
            stack.append(name)
            open.add(role, by: 1)
          }
        case .end(let name, let offset):
          if stack.last == name {
            // The usual case: the end tag closes the innermost open element.
            stack.removeLast()
            open.add(role(name), by: -1)
          } else if let index = stack.lastIndex(of: name) {
            for closed in stack[index...] { open.add(role(closed), by: -1) }
            stack.removeSubrange(index...)
          } else {
            notes.append(
              ReaderNote(
                page: nil, field: nil, line: scanner.line(at: offset),
                message: "the end tag </\(scanner.name(name))> closes no open element"))
          }
          if role(name).isPerson { finishPage() }
        case .problem(let message, let offset):
          let line = scanner.line(at: offset)
          let column = scanner.column(at: offset)
          notes.append(
            ReaderNote(page: nil, field: nil, line: line, column: column, message: "malformed XML: \(message)"))
        case .text(let range, let offset, let verbatim):
          guard let element = stack.last else { continue }
          let role = role(element)
          let isRow = currentRows != nil && role.row != nil
          // Most texts (addresses, identifiers, flags) are of no element the reader keeps: they are never decoded.
          guard isRow || role.fact != nil || open.basis > 0 || open.relationships > 0 else { continue }
          let line = scanner.line(at: offset)
          if open.relationships > 0 { relationshipTexts.append((range, verbatim, line)) }
          let decoded = scanner.text(range, verbatim: verbatim)
          let value: String
          if isRow || role.fact != nil {
            value = trimmed(decoded)
            if open.basis > 0 && mayStateBasis(decoded) { basisTexts.append((value, line)) }
          } else {
            if open.basis > 0 && mayStateBasis(decoded) { basisTexts.append((trimmed(decoded), line)) }
            continue
          }
          if currentRows != nil, let field = role.row {
            let column = scanner.column(at: offset)
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
            if holds13G(form) { isSchedule13G = true }
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
    }
    finishPage()
    filing.schedule = isSchedule13G ? .schedule13G : .schedule13D
    if let form = filing.form, filing.amendment != nil, !form.value.hasSuffix("/A") {
      filing.form = Located(form.value + "/A", line: form.line)
    }
    // Each text is a paragraph; one that can state no relationship is left out before it is made into text,
    // as the text reader leaves such paragraphs out (see ``RelationshipFacts/mayStateRelationship(_:)``).
    RelationshipFacts.attribute(
      {
        relationshipTexts.compactMap { entry in
          let bytes = scanner.text(entry.range, verbatim: entry.verbatim)
          guard bytes.withUnsafeBufferPointer(RelationshipFacts.mayStateRelationship) else { return nil }
          return (text: trimmed(bytes), line: entry.line)
        }
      },
      to: &pages)
    filing.coverPages = pages
    filing.statedSharesOutstanding = statedBasis(basisTexts)
    filing.readerNotes = notes
    return filing
  }

  /// The shares-outstanding basis the texts of the basis sections state, each text a paragraph of its own.
  ///
  /// - Parameter texts: The texts, trimmed, with the 1-based line of each.
  static func statedBasis(_ texts: [(text: String, line: Int)]) -> Located<ExactDecimal>? {
    // With no text, no basis is found: the lines are not built.
    guard !texts.isEmpty else { return nil }
    let lines = SourceLines(
      built: texts.flatMap { entry in
        [(text: entry.text, origins: [LineOrigin(offset: 0, line: entry.line, column: 1)]), (text: "", origins: [])]
      })
    return DocumentFacts(lines: lines).statedSharesOutstanding(in: 1..<(lines.count + 1))
  }

  /// The phrases one of which a paragraph holds when ``DocumentFacts`` reads it for the shares outstanding.
  static let basisPhrases = ["OUTSTANDING", "BASED ON", "BASED UPON", "BASIS OF"].map(ASCIIText.phrase)

  /// Whether an element's text may state the shares-outstanding basis: it holds one of ``basisPhrases``
  /// (ignoring case), or a star, which ``DocumentFacts`` drops as Markdown emphasis and could join a phrase.
  ///
  /// Each text is a paragraph of its own to ``DocumentFacts``, which states the basis only from a paragraph
  /// holding such a phrase after its stars are dropped: a text this refuses can state nothing, and leaving it
  /// out changes no result.
  ///
  /// - Parameter bytes: The element's decoded text.
  static func mayStateBasis(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { bytes in
      ASCIIText.firstOffset(of: 0x2A, in: bytes, to: bytes.count) < bytes.count
        || ASCIIText.containsAny(basisPhrases, inBytes: bytes)
    }
  }

  /// Whether a form type holds "13G", as `String.contains` tells it, read on the bytes when they are ASCII.
  ///
  /// - Parameter form: The normalized form type.
  private static func holds13G(_ form: String) -> Bool {
    // Characters are bytes in ASCII text, read in place; beyond it a mark may join a letter, so `contains`
    // decides.
    let onBytes = ASCIIText.withUTF8(form) { bytes in
      ASCIIText.isASCII(bytes) ? ASCIIText.firstOffset(of: schedule13GMark, in: bytes, from: 0) != nil : nil
    }
    return onBytes ?? form.contains("13G")
  }

  /// The bytes of "13G".
  private static let schedule13GMark = Array("13G".utf8)

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
