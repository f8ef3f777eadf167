import BocheckModel

/// Turns a filing into the objects rules see: the filing, its persons, their rows and parts, the parties, the
/// basis and the reader's notes, with the building blocks' results the functions need.
struct ModelBridge {
  /// The filing object.
  let filing: ModelObject
  /// The person objects, in page order.
  let persons: [ModelObject]
  /// The party objects, in line order.
  let parties: [ModelObject]
  /// The context functions such as `holders` read.
  let context: EvaluationContext

  /// Builds the objects of a filing.
  ///
  /// - Parameters:
  ///   - filing: The filing as read.
  ///   - basis: The shares-outstanding basis, if any.
  init(filing: Filing, basis: SharesOutstandingBasis?) {
    let schedule = filing.schedule
    // The number of each row on this schedule, in the order of `RowField.allCases`, worked out once per filing.
    // `RowField.number(in:)` for each field, with the schedule's rows listed once rather than once per field.
    let scheduleRows = RowField.rows(of: schedule)
    let rowNumbers = RowField.allCases.map { field in scheduleRows.firstIndex(of: field).map { $0 + 1 } }
    // The tables are made with room for every page at once: a table that grows moves its entries each time.
    let pageCount = filing.coverPages.count
    // Each page's row 1 name and its key, made once for the persons, the ownership index and the parties.
    let pageNames = PageNameKeys(filing)
    let nameKeys = pageNames.keys
    var personsByPage = [Int: ModelObject](minimumCapacity: pageCount)
    var persons: [ModelObject] = []
    persons.reserveCapacity(pageCount)
    for (position, page) in filing.coverPages.enumerated() {
      let person = ModelBridge.person(
        page, name: pageNames.names[position], nameKey: nameKeys[position], rowNumbers: rowNumbers,
        basis: SharesOutstandingBasis.forPage(page, filingBasis: basis))
      personsByPage[page.index] = person
      persons.append(person)
    }
    self.persons = persons
    var personsByNameKey = [String: [Value]](minimumCapacity: pageCount)
    for person in persons {
      // The person's name key, made once by ``person(_:rowNumbers:basis:)``.
      guard case .string(let key) = person[PersonSlot.nameKey] else { continue }
      personsByNameKey[key, default: []].append(.object(person))
    }
    let partyList = Parties.of(filing, exactKeysFirst: true, pageNames: pageNames)
    let parties = partyList.map { party in
      var fields = FieldValues<PartySlot>()
      fields[.name] = .string(party.name)
      fields[.nameKey] = .string(party.key.text)
      fields[.line] = .number(Rational(party.line), decimals: nil)
      fields[.coverPage] = party.coverPage.flatMap { personsByPage[$0] }.map { .object($0) } ?? .null
      fields[.signs] = .boolean(party.signs)
      fields[.joins] = .boolean(party.joins)
      fields[.evidence] = .string(party.evidence.rawValue)
      fields[.nameMatch] = party.nameMatch.map { .string($0.rawValue) } ?? .null
      return ModelObject.make(
        fields: fields, location: SourceLocation(page: nil, row: nil, line: party.line, column: 1),
        display: .text(party.name))
    }
    self.parties = parties
    // The holders and the index of the parties' names are made when a rule first asks for them (see
    // ``EvaluationContext``).
    context = EvaluationContext(
      holdersByPage: {
        var holdersByPage = [Int: [Value]](minimumCapacity: pageCount)
        let holdersOfPage = OwnershipGraph.Index(filing, pageNames: pageNames).holdersOfEveryPage()
        for page in filing.coverPages {
          holdersByPage[page.index] = (holdersOfPage[page.index] ?? []).compactMap {
            personsByPage[$0].map { .object($0) }
          }
        }
        return holdersByPage
      }, personsByNameKey: personsByNameKey,
      partiesByName: { NameIndex(keyed: partyList.map { ($0.name, $0.key) }, values: parties) })
    let notes = filing.readerNotes.map { note in
      let rowNumber = note.field?.number(in: schedule)
      var fields = FieldValues<NoteSlot>()
      fields[.page] = ModelBridge.integer(note.page)
      fields[.row] = ModelBridge.integer(rowNumber)
      fields[.field] = note.field.map { .string($0.rawValue) } ?? .null
      fields[.line] = ModelBridge.integer(note.line)
      fields[.column] = ModelBridge.integer(note.column)
      fields[.message] = .string(note.message)
      return ModelObject.make(
        fields: fields,
        location: SourceLocation(page: note.page, row: rowNumber, line: note.line, column: note.column),
        display: .text(note.message))
    }
    let basisObject = basis.map(ModelBridge.basis)
    // A filing of a file that holds several begins at its own line, not at the file's first.
    let filingLine = filing.cusip?.line ?? filing.form?.line ?? filing.position?.line ?? 1
    var fields = FieldValues<FilingSlot>()
    fields[.path] = .string(filing.path)
    fields[.format] = .string(filing.format.rawValue)
    fields[.form] = ModelBridge.string(filing.form?.value)
    fields[.formLine] = ModelBridge.integer(filing.form?.line)
    fields[.amendment] = ModelBridge.integer(filing.amendment?.value)
    fields[.issuer] = ModelBridge.string(filing.issuer?.value)
    fields[.itemOneIssuer] = ModelBridge.string(filing.itemOneIssuer?.value)
    fields[.issuerLine] = ModelBridge.integer(filing.issuer?.line)
    fields[.itemOneIssuerLine] = ModelBridge.integer(filing.itemOneIssuer?.line)
    fields[.cusip] = ModelBridge.string(filing.cusip.map { CUSIP.compact($0.value) })
    fields[.cusipLine] = ModelBridge.integer(filing.cusip?.line)
    fields[.schedule] = .string(schedule.rawValue)
    let personList = Value.list(persons.map { .object($0) })
    let partyValues = Value.list(parties.map { .object($0) })
    fields[.persons] = personList
    fields[.parties] = partyValues
    fields[.basis] = basisObject.map { .object($0) } ?? .null
    fields[.readerNotes] = .list(notes.map { .object($0) })
    let filingObject = ModelObject.make(
      fields: fields, location: SourceLocation(page: nil, row: nil, line: filingLine, column: 1),
      display: .text(filing.path))
    self.filing = filingObject
    // Told apart by a switch over the globals' few names: a table of them made for every filing cost more.
    globals = ModelSchema.globalNames.map { name in
      switch name {
      case "filing": .object(filingObject)
      case "persons": personList
      case "parties": partyValues
      default: .null
      }
    }
  }

  /// The variables every rule sees, in the order of ``ModelSchema/globalNames``, made once per filing.
  let globals: [Value]

  static func integer(_ value: Int?) -> Value {
    value.map { .number(Rational($0), decimals: nil) } ?? .null
  }

  static func string(_ value: String?) -> Value {
    value.map { .string($0) } ?? .null
  }

  /// The object of a shares-outstanding basis.
  static func basis(_ basis: SharesOutstandingBasis) -> ModelObject {
    var fields = FieldValues<BasisSlot>()
    fields[.value] = .number(basis.value)
    fields[.source] = .string(basis.source.rawValue)
    fields[.line] = ModelBridge.integer(basis.line)
    return ModelObject.make(
      fields: fields,
      location: basis.line.map { SourceLocation(page: nil, row: nil, line: $0, column: 1) },
      display: .decimal(basis.value))
  }

  /// The object of a person's cover page.
  ///
  /// - Parameters:
  ///   - name: The page's row 1 name, `nil` when it has none.
  ///   - nameKey: The key of the page's row 1 name, `nil` when it has none.
  ///   - rowNumbers: The number of each row on the filing's schedule, in the order of `RowField.allCases`.
  private static func person(
    _ page: CoverPage, name: String?, nameKey: NameKey?, rowNumbers: [Int?], basis: SharesOutstandingBasis?
  ) -> ModelObject {
    var fields = FieldValues<PersonSlot>()
    fields[.name] = string(name)
    fields[.nameKey] = string(nameKey?.text)
    fields[.page] = integer(page.index)
    fields[.line] = integer(page.line)
    fields[.cusip] = string(page.cusip.map { CUSIP.compact($0) })
    fields[.basis] = basis.map { .object(ModelBridge.basis($0)) } ?? .null
    // The rows the page has are walked once, each made at its field's position in `RowField.allCases`:
    // looked up field by field, each row hashed its field. The rows it lacks are made missing after them.
    let fieldCases = RowField.allCases
    var made: UInt64 = 0
    for (field, read) in page.rows {
      guard let offset = fieldCases.firstIndex(of: field) else { continue }
      let rowObject = row(field, read, number: rowNumbers[offset], of: page)
      fields[position: PersonSlot.firstRow + offset] = .object(rowObject)
      made |= 1 << UInt64(offset)
    }
    for (offset, field) in fieldCases.enumerated() where made & (1 << UInt64(offset)) == 0 {
      // A row the page lacks is missing, at the page's line.
      let missing = Row(field: field, raw: "", line: page.line, status: .missing, value: nil)
      fields[position: PersonSlot.firstRow + offset] = .object(
        row(field, missing, number: rowNumbers[offset], of: page))
    }
    var rows: [Value] = []
    rows.reserveCapacity(fieldCases.count)
    for offset in fieldCases.indices where rowNumbers[offset] != nil {
      rows.append(fields[position: PersonSlot.firstRow + offset])
    }
    fields[.rows] = .list(rows)
    return ModelObject.make(
      fields: fields,
      location: SourceLocation(page: page.index, row: nil, line: page.line, column: 1),
      display: name.map { .text($0) } ?? .coverPage(page.index), page: page.index)
  }

  /// The object of a row of a page, numbered as its schedule numbers it (`nil` for a row the schedule lacks).
  ///
  /// - Parameter read: The row as read, or a missing row for a field the page lacks.
  private static func row(_ field: RowField, _ read: Row, number: Int?, of page: CoverPage) -> ModelObject {
    // A row keeps the slots its value fills: the common ones, then its kind's (see ``RowSlot``).
    let last: RowSlot
    switch read.value {
    case .amount: last = .attributionSource
    case .percent: last = .decimals
    case .text: last = .text
    case .codes: last = .codes
    case .checkbox: last = .checked
    case .groupBoxes: last = .groupB
    case nil: last = .page
    }
    var fields = FieldValues<RowSlot>(through: last)
    fields[.field] = .string(field.rawValue)
    fields[.number] = integer(number)
    fields[.caption] = .string(field.caption)
    fields[.status] = .string(read.status.rawValue)
    fields[.note] = string(read.note)
    fields[.raw] = .string(read.raw)
    fields[.line] = integer(read.line)
    fields[.column] = integer(read.column)
    fields[.page] = integer(page.index)
    var numeric: (Rational, Int?)?
    var display = ModelObject.Display.text(read.raw.isEmpty ? "?" : read.raw)
    switch read.value {
    case .amount(let amount):
      let shares = Value.exactNumber(amount.shares)
      fields[.shares] = .number(shares.value, decimals: shares.decimals)
      fields[.parts] = .list(
        amount.parts.map { part in
          var partFields = FieldValues<PartSlot>()
          partFields[.label] = .string(part.label)
          partFields[.kind] = .string(part.kind.rawValue)
          partFields[.shares] = .number(part.shares)
          partFields[.text] = .string(part.text)
          return .object(
            ModelObject.make(
              fields: partFields, location: nil,
              display: .part(label: part.label, shares: part.shares, kind: part.kind.rawValue)))
        })
      fields[.partsRelation] = .string(amount.partsRelation.rawValue)
      fields[.attributedTo] = .list(amount.attributedTo.map { .string($0) })
      fields[.attributionSource] = .string(amount.attributionSource.rawValue)
      numeric = shares
    case .percent(let percent):
      let value = percent.value.rational
      fields[.percent] = .number(value, decimals: percent.decimals)
      fields[.decimals] = integer(percent.decimals)
      numeric = (value, percent.decimals)
    case .checkbox(let checked):
      fields[.checked] = .boolean(checked)
      display = .text(checked ? "checked" : "not checked")
    case .groupBoxes(let a, let b):
      fields[.groupA] = .boolean(a)
      fields[.groupB] = .boolean(b)
      display = .groupBoxes(a: a, b: b)
    case .codes(let codes):
      fields[.codes] = .list(codes.map { .string($0) })
      display = .codes(codes)
    case .text(let text):
      fields[.text] = .string(text)
      display = .text(text)
    case nil:
      break
    }
    return ModelObject.make(
      fields: fields,
      location: SourceLocation(page: page.index, row: number, line: read.line, column: read.column),
      number: numeric, display: display, page: page.index)
  }
}
