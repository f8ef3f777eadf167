import BocheckModel

/// The kinds of object the model shows to rules.
enum ObjectKind: String, Sendable, CaseIterable {
  case filing, person, row, part, party, amountSum, basis, note
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
    switch kind {
    case .filing: return filingFields
    case .person: return personFields
    case .row: return rowFields
    case .part: return partFields
    case .party: return partyFields
    case .amountSum: return amountSumFields
    case .basis: return basisFields
    case .note: return noteFields
    }
  }

  private static let filingFields: [String: ValueType] = [
    "path": .string, "format": .string, "form": .string, "formLine": .number, "amendment": .number,
    "issuer": .string, "issuerLine": .number, "itemOneIssuer": .string, "itemOneIssuerLine": .number, "cusip": .string,
    "cusipLine": .number, "schedule": .string,
    "persons": .list(.object(.person)), "parties": .list(.object(.party)), "basis": .object(.basis),
    "readerNotes": .list(.object(.note)),
  ]

  private static let personFields: [String: ValueType] = {
    var fields: [String: ValueType] = [
      "name": .string, "nameKey": .string, "page": .number, "line": .number, "cusip": .string,
      "rows": .list(.object(.row)), "basis": .object(.basis),
    ]
    for field in RowField.allCases { fields[field.rawValue] = .object(.row) }
    return fields
  }()

  private static let rowFields: [String: ValueType] = [
    "field": .string, "number": .number, "caption": .string, "status": .string, "note": .string, "raw": .string,
    "line": .number, "column": .number, "page": .number, "shares": .number, "parts": .list(.object(.part)),
    "partsRelation": .string, "attributedTo": .list(.string), "attributionSource": .string, "percent": .number,
    "decimals": .number,
    "checked": .boolean, "groupA": .boolean, "groupB": .boolean, "codes": .list(.string), "text": .string,
  ]

  private static let partFields: [String: ValueType] = [
    "label": .string, "kind": .string, "shares": .number, "text": .string,
  ]

  private static let partyFields: [String: ValueType] = [
    "name": .string, "nameKey": .string, "line": .number, "coverPage": .object(.person), "signs": .boolean,
    "joins": .boolean, "evidence": .string, "nameMatch": .string,
  ]

  private static let amountSumFields: [String: ValueType] = [
    "shares": .number, "parts": .list(.object(.part)), "itemised": .boolean, "count": .number,
  ]

  private static let basisFields: [String: ValueType] = [
    "value": .number, "source": .string, "line": .number,
  ]

  private static let noteFields: [String: ValueType] = [
    "page": .number, "row": .number, "field": .string, "line": .number, "column": .number, "message": .string,
  ]

  /// The variables every rule can use.
  static let globals: [String: ValueType] = [
    "filing": .object(.filing), "persons": .list(.object(.person)), "parties": .list(.object(.party)),
  ]
}
