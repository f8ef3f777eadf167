import BocheckModel

/// A value an expression evaluates to.
///
/// `null` is the unknown value: anything that could not be read, and the result of any operation on an unknown
/// value, of a division by zero or of an arithmetic overflow.
enum Value: Sendable {
  /// Unknown.
  case null
  /// `true` or `false`.
  case boolean(Bool)
  /// An exact number and the precision to print it with, when known (a printed percent keeps its own); made
  /// and read with ``number(_:decimals:)``.
  case number(Rational, places: Places)
  /// Text.
  case string(String)
  /// A list of values.
  case list([Value])
  /// An object of the model: a filing, a person, a row, ...
  case object(ModelObject)

  /// The decimals a number prints with, or none, in one byte: a value that holds a number is then 40 bytes,
  /// not 48 (see ``Rational``).
  struct Places: Sendable {
    /// The decimals, or -1 for none.
    private let stored: Int8

    /// The given decimals (clamped to 0...127: a printed number has at most 12), or none.
    init(_ decimals: Int?) {
      stored = decimals.map { Int8(clamping: max(0, $0)) } ?? -1
    }

    /// The decimals, or `nil` when the number prints with the decimals it needs.
    var decimals: Int? { stored < 0 ? nil : Int(stored) }
  }

  /// An exact number; `decimals` is the precision to print it with, when known (a printed percent keeps its own).
  static func number(_ value: Rational, decimals: Int?) -> Value {
    .number(value, places: Places(decimals))
  }

  /// Whether the value is unknown.
  var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The value as a number, when it is one or is a row holding an amount or a percent.
  ///
  /// - Returns: `nil` for values that are not numeric at all; `.some(nil)` for a numeric row whose value is
  ///   unknown.
  var numeric: (value: Rational, decimals: Int?)?? {
    switch self {
    case .number(let value, let places): return .some((value, places.decimals))
    case .object(let object) where object.kind == .row: return .some(object.number)
    default: return nil
    }
  }
}

/// Where a finding about an object points: its page, row number, line and column.
public struct SourceLocation: Hashable, Sendable {
  /// The 1-based cover page, or `nil` for the filing as a whole.
  public var page: Int?
  /// The row number on the schedule, or `nil`.
  public var row: Int?
  /// The 1-based line.
  public var line: Int
  /// The 1-based column.
  public var column: Int
}

/// An object of the model as rules see it: a kind, its fields and where it stands in the filing.
final class ModelObject: Sendable {
  /// What kind of object it is; its fields are those of ``ModelSchema/fields(of:)``.
  let kind: ObjectKind
  /// The field values by slot (see ``ModelSchema/fieldNames(of:)``); a field the object lacks is `null`. It may
  /// end before the kind's last slot: read fields through ``value(at:)``.
  let fields: [Value]
  /// Where a finding about the object points, when it has a place in the source.
  let location: SourceLocation?
  /// The number a row stands for in arithmetic (its shares or its percent), or `nil`.
  let number: (value: Rational, decimals: Int?)?
  /// What the object prints as in a message, kept as its parts: most objects are never printed.
  private let displayed: Display
  /// The 1-based page of a person, used by the building blocks.
  let page: Int?

  /// How an object prints in a message, made into text only when a message prints it.
  enum Display: Sendable {
    /// This text.
    case text(String)
    /// "cover page 2": a person whose row 1 names nobody, by page.
    case coverPage(Int)
    /// "(i) 600 shares" and the kind: a part of an amount, by its label, shares and kind.
    case part(label: String, shares: ExactDecimal, kind: String)
    /// "1,000 warrant": a total of a kind of part, by its shares and kind.
    case kindTotal(Rational, kind: String)
    /// "1,000": a number with thousands separators and the decimals it needs.
    case number(Rational)
    /// "1000.5": an exact decimal as it prints itself.
    case decimal(ExactDecimal)
    /// "(a) checked, (b) not checked": the boxes of row 2.
    case groupBoxes(a: Bool, b: Bool)
    /// "SC, BK": codes.
    case codes([String])

    /// The text.
    var text: String {
      switch self {
      case .text(let text): return text
      case .coverPage(let page): return "cover page \(page)"
      case .part(let label, let shares, let kind): return "(\(label)) \(shares) \(kind)"
      case .kindTotal(let shares, let kind):
        return "\(ValueFormatter.number(shares, decimals: nil, grouping: true)) \(kind)"
      case .number(let value): return ValueFormatter.number(value, decimals: nil, grouping: true)
      case .decimal(let value): return value.description
      case .groupBoxes(let a, let b):
        return "(a) \(a ? "checked" : "not checked"), (b) \(b ? "checked" : "not checked")"
      case .codes(let codes): return codes.joined(separator: ", ")
      }
    }
  }

  /// How the object prints in a message.
  var display: String { displayed.text }

  /// Creates an object.
  ///
  /// - Parameters:
  ///   - fields: The field values by slot, as ``FieldValues`` collects them.
  ///   - display: How it prints in a message.
  init<Slot: FieldSlot>(
    kind: ObjectKind, fields: FieldValues<Slot>, location: SourceLocation?, number: (Rational, Int?)? = nil,
    display: Display, page: Int? = nil
  ) {
    self.kind = kind
    self.fields = fields.values
    self.location = location
    self.number = number.map { (value: $0.0, decimals: $0.1) }
    self.displayed = display
    self.page = page
  }

  /// A field's value by its slot in objects of the object's kind.
  subscript<Slot: FieldSlot>(slot: Slot) -> Value {
    value(at: slot.rawValue)
  }

  /// A field's value; `null` for a field the object does not have.
  subscript(field: String) -> Value {
    guard let slot = ModelSchema.slot(of: field, in: kind) else { return .null }
    return value(at: slot)
  }

  /// The value in a slot of the object's kind: unknown past the slots the object keeps.
  ///
  /// - Parameter slot: A slot of the object's kind (see ``ModelSchema/fieldNames(of:)``).
  @inline(__always)
  func value(at slot: Int) -> Value {
    slot < fields.count ? fields[slot] : .null
  }
}

/// The field values of an object being made, by slot; every field starts unknown.
struct FieldValues<Slot: FieldSlot> {
  /// The values by slot.
  var values: [Value]

  /// Fields all unknown for an object of a kind whose first slots are `Slot`'s.
  init(_ kind: ObjectKind) {
    self.init(count: ModelSchema.fieldCount(of: kind))
  }

  /// Fields all unknown up to `last`, for an object that fills no slot after it (the object reads as unknown
  /// past its last slot).
  init(through last: Slot) {
    self.init(count: last.rawValue + 1)
  }

  private init(count: Int) {
    values = [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
      buffer.initialize(repeating: .null)
      initialized = count
    }
  }

  /// The value of a field.
  subscript(slot: Slot) -> Value {
    get { values[slot.rawValue] }
    set { values[slot.rawValue] = newValue }
  }
}

/// How values are turned into text.
enum ValueFormatter {
  /// Formats a value for a message: numbers with thousands separators and their decimals, lists as "A, B and C",
  /// unknown as `?`.
  static func message(_ value: Value) -> String {
    format(value, grouping: true)
  }

  /// Formats a value for the `expected` and `actual` fields of a report: numbers without separators.
  ///
  /// - Returns: `nil` for the unknown value.
  static func plain(_ value: Value) -> String? {
    if value.isNull { return nil }
    return format(value, grouping: false)
  }

  /// Formats an exact number.
  ///
  /// - Parameters:
  ///   - value: The number.
  ///   - decimals: The decimals to print; when `nil`, whole numbers print without decimals and fractions with as
  ///     many as they need, at most six (rounded half away from zero).
  ///   - grouping: Whether to separate thousands with commas.
  static func number(_ value: Rational, decimals: Int?, grouping: Bool) -> String {
    let places: Int
    if let decimals {
      places = max(0, min(decimals, 12))
    } else if value.isInteger {
      places = 0
    } else {
      var found = 6
      for candidate in 1...6 {
        if let scaled = try? value * Rational(Int(pow10(candidate))), scaled.isInteger {
          found = candidate
          break
        }
      }
      places = found
    }
    guard var decimal = try? value.rounded(toDecimals: places) else { return "?" }
    if decimals == nil, places > 0 {
      // Trim the zeros rounding to six places may leave.
      var significand = decimal.significand
      var scale = decimal.scale
      while scale > 0, significand % 10 == 0 {
        significand /= 10
        scale -= 1
      }
      decimal = ExactDecimal(significand: significand, scale: scale)
    }
    return decimal.formatted(grouping: grouping)
  }

  private static func pow10(_ exponent: Int) -> Int {
    var result = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  /// Joins texts as "A", "A and B" or "A, B and C".
  static func join(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
  }

  private static func format(_ value: Value, grouping: Bool) -> String {
    switch value {
    case .null: return "?"
    case .boolean(let flag): return flag ? "true" : "false"
    case .number(let number, let places): return self.number(number, decimals: places.decimals, grouping: grouping)
    case .string(let text): return text
    case .list(let items): return join(items.map { format($0, grouping: grouping) })
    case .object(let object):
      if let number = object.number {
        return self.number(number.value, decimals: number.decimals, grouping: grouping)
      }
      return object.display
    }
  }
}
