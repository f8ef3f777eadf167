import BocheckModel

/// The kinds of object the model shows to rules.
enum ObjectKind: String, Sendable, CaseIterable {
  case filing, person, row, part, party, amountSum, basis, note

  /// The kind's position in ``allCases``, which indexes tables kept per kind.
  var ordinal: Int {
    switch self {
    case .filing: return 0
    case .person: return 1
    case .row: return 2
    case .part: return 3
    case .party: return 4
    case .amountSum: return 5
    case .basis: return 6
    case .note: return 7
    }
  }
}

/// The static type of an expression, checked when a rule file is loaded.
indirect enum ValueType: Equatable, Sendable, CustomStringConvertible {
  /// Not known until evaluation (the `null` literal, or an element of an empty list literal).
  case any
  case boolean
  case number
  case string
  case list(ValueType)
  case object(ObjectKind)

  var description: String {
    switch self {
    case .any: return "any value"
    case .boolean: return "true/false"
    case .number: return "number"
    case .string: return "text"
    case .list(let element): return "list of \(element)"
    case .object(let kind): return kind.rawValue
    }
  }

  /// Whether the type can stand for a number: a number, a row (its shares or percent) or unknown.
  var isNumeric: Bool {
    switch self {
    case .number, .any, .object(.row): return true
    default: return false
    }
  }

  /// The element type, when the type is a list (or unknown).
  var elementType: ValueType? {
    switch self {
    case .list(let element): return element
    case .any: return .any
    default: return nil
    }
  }
}

/// The fields every object kind has, with their types: the contract between the model and the rule files.
///
/// A rule that names a field not listed here fails validation when it is loaded.
enum ModelSchema {
  /// The fields of a kind of object.
  static func fields(of kind: ObjectKind) -> [String: ValueType] {
    typesByName[kind.ordinal]
  }

  /// The fields of a kind of object with their types, in slot order: the order of ``ModelObject/fields``,
  /// which the kind's ``FieldSlot`` cases follow.
  private static func orderedFields(of kind: ObjectKind) -> [(name: String, type: ValueType)] {
    switch kind {
    case .filing: return filingFields
    case .person: return personFields + RowField.allCases.map { ($0.rawValue, .object(.row)) }
    case .row: return rowFields
    case .part: return partFields
    case .party: return partyFields
    case .amountSum: return amountSumFields
    case .basis: return basisFields
    case .note: return noteFields
    }
  }

  /// In the order of ``FilingSlot``.
  private static let filingFields: [(name: String, type: ValueType)] = [
    ("path", .string), ("format", .string), ("form", .string), ("formLine", .number), ("amendment", .number),
    ("issuer", .string), ("itemOneIssuer", .string), ("issuerLine", .number), ("itemOneIssuerLine", .number),
    ("cusip", .string), ("cusipLine", .number), ("schedule", .string), ("persons", .list(.object(.person))),
    ("parties", .list(.object(.party))), ("basis", .object(.basis)), ("readerNotes", .list(.object(.note))),
  ]

  /// In the order of ``PersonSlot``; the rows follow.
  private static let personFields: [(name: String, type: ValueType)] = [
    ("name", .string), ("nameKey", .string), ("page", .number), ("line", .number), ("cusip", .string),
    ("rows", .list(.object(.row))), ("basis", .object(.basis)),
  ]

  /// In the order of ``RowSlot``.
  private static let rowFields: [(name: String, type: ValueType)] = [
    ("field", .string), ("number", .number), ("caption", .string), ("status", .string), ("note", .string),
    ("raw", .string), ("line", .number), ("column", .number), ("page", .number), ("shares", .number),
    ("parts", .list(.object(.part))), ("partsRelation", .string), ("attributedTo", .list(.string)),
    ("attributionSource", .string), ("percent", .number), ("decimals", .number), ("text", .string),
    ("codes", .list(.string)), ("checked", .boolean), ("groupA", .boolean), ("groupB", .boolean),
  ]

  /// In the order of ``PartSlot``.
  private static let partFields: [(name: String, type: ValueType)] = [
    ("label", .string), ("kind", .string), ("shares", .number), ("text", .string),
  ]

  /// In the order of ``PartySlot``.
  private static let partyFields: [(name: String, type: ValueType)] = [
    ("name", .string), ("nameKey", .string), ("line", .number), ("coverPage", .object(.person)),
    ("signs", .boolean), ("joins", .boolean), ("evidence", .string), ("nameMatch", .string),
  ]

  /// In the order of ``AmountSumSlot``.
  private static let amountSumFields: [(name: String, type: ValueType)] = [
    ("shares", .number), ("parts", .list(.object(.part))), ("itemised", .boolean), ("count", .number),
  ]

  /// In the order of ``BasisSlot``.
  private static let basisFields: [(name: String, type: ValueType)] = [
    ("value", .number), ("source", .string), ("line", .number),
  ]

  /// In the order of ``NoteSlot``.
  private static let noteFields: [(name: String, type: ValueType)] = [
    ("page", .number), ("row", .number), ("field", .string), ("line", .number), ("column", .number),
    ("message", .string),
  ]

  /// Each kind's field types by name, indexed by ``ObjectKind/ordinal``.
  private static let typesByName: [[String: ValueType]] = ObjectKind.allCases.map { kind in
    Dictionary(uniqueKeysWithValues: orderedFields(of: kind).map { ($0.name, $0.type) })
  }

  /// The variables every rule can use.
  static let globals: [String: ValueType] = [
    "filing": .object(.filing), "persons": .list(.object(.person)), "parties": .list(.object(.party)),
  ]

  /// The names of ``globals`` in the order of the first variable slots of every check.
  static let globalNames = globals.keys.sorted()

  /// The fields of a kind of object in slot order: the order of ``ModelObject/fields``.
  static func fieldNames(of kind: ObjectKind) -> [String] {
    orderedFields(of: kind).map(\.name)
  }

  /// The slot of a field in the objects of a kind, or `nil` when the kind has no such field.
  static func slot(of field: String, in kind: ObjectKind) -> Int? {
    slotsByName[kind.ordinal][field]
  }

  /// How many fields the objects of a kind have.
  static func fieldCount(of kind: ObjectKind) -> Int {
    fieldCounts[kind.ordinal]
  }

  /// The number of fields of each kind (indexed by ``ObjectKind/ordinal``): every object made asks, and the
  /// tables of ``slot(of:in:)`` are not needed for that.
  private static let fieldCounts: [Int] = ObjectKind.allCases.map { orderedFields(of: $0).count }

  /// The slot of each field by name, by kind (indexed by ``ObjectKind/ordinal``).
  private static let slotsByName: [[String: Int]] = ObjectKind.allCases.map { kind in
    Dictionary(uniqueKeysWithValues: fieldNames(of: kind).enumerated().map { ($0.element, $0.offset) })
  }
}

/// The fields of one kind of object, each case named as rules name the field and numbered by its slot in
/// ``ModelObject/fields`` (the order of ``ModelSchema/fieldNames(of:)``).
protocol FieldSlot: RawRepresentable<Int>, CaseIterable {
  /// The kind of object whose fields these are.
  static var objectKind: ObjectKind { get }
}

/// The slots of a filing's fields.
enum FilingSlot: Int, FieldSlot {
  static let objectKind = ObjectKind.filing

  case path, format, form, formLine, amendment, issuer, itemOneIssuer, issuerLine, itemOneIssuerLine, cusip
  case cusipLine, schedule, persons, parties, basis, readerNotes
}

/// The slots of a person's own fields; its rows follow, in the order of `RowField.allCases`.
enum PersonSlot: Int, FieldSlot {
  static let objectKind = ObjectKind.person

  case name, nameKey, page, line, cusip, rows, basis

  /// The slot of the person's row for the first of `RowField.allCases`; the others follow it.
  static let firstRow = allCases.count
}

/// The slots of a row's fields.
///
/// The fields every row has come first, then those of each kind of value, the most common kinds first: a row
/// keeps the slots up to the last one its value fills (a missing row the first nine), and a slot past its end is
/// unknown (see ``ModelObject/value(at:)``).
enum RowSlot: Int, FieldSlot {
  static let objectKind = ObjectKind.row

  case field, number, caption, status, note, raw, line, column, page, shares, parts, partsRelation, attributedTo
  case attributionSource, percent, decimals, text, codes, checked, groupA, groupB
}

/// The slots of a part's fields.
enum PartSlot: Int, FieldSlot {
  static let objectKind = ObjectKind.part

  case label, kind, shares, text
}

/// The slots of a party's fields.
enum PartySlot: Int, FieldSlot {
  static let objectKind = ObjectKind.party

  case name, nameKey, line, coverPage, signs, joins, evidence, nameMatch
}

/// The slots of an amount sum's fields.
enum AmountSumSlot: Int, FieldSlot {
  static let objectKind = ObjectKind.amountSum

  case shares, parts, itemised, count
}

/// The slots of a basis's fields.
enum BasisSlot: Int, FieldSlot {
  static let objectKind = ObjectKind.basis

  case value, source, line
}

/// The slots of a reader's note's fields.
enum NoteSlot: Int, FieldSlot {
  static let objectKind = ObjectKind.note

  case page, row, field, line, column, message
}
