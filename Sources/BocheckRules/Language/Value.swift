import BocheckModel

/// A value an expression evaluates to.
///
/// `null` is the unknown value: anything that could not be read, and the result of any operation on an unknown
/// value, of a division by zero or of an arithmetic overflow.
///
/// It is `Sendable` unchecked only because of ``ModelObject``, which the compiler cannot see to be: a
/// `ManagedBuffer` never is, and an object is not changed after it is made. Every other payload is `Sendable`.
enum Value: @unchecked Sendable {
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

  /// An exact decimal as a number, printed with its own decimals (see ``exactNumber(_:)``).
  static func number(_ decimal: ExactDecimal) -> Value {
    let exact = exactNumber(decimal)
    return .number(exact.value, decimals: exact.decimals)
  }

  /// An exact decimal's value and the decimals it prints with: its scale, or none for a whole number written
  /// without decimals.
  static func exactNumber(_ decimal: ExactDecimal) -> (value: Rational, decimals: Int?) {
    (decimal.rational, decimal.scale > 0 ? decimal.scale : nil)
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

/// How a model object prints in a message, made into text only when a message prints it.
///
/// It is aligned to 8 bytes, as every part of an object's header is: the runtime allocates an object aligned
/// to 16 (as an `ExactDecimal`'s `Int128` would make it) through `posix_memalign`, which costs some 50
/// instructions more than `malloc` for each of the thousands of objects a filing's check makes.
enum ObjectDisplay: Sendable {
  /// This text.
  case text(String)
  /// "cover page 2": a person whose row 1 names nobody, by page.
  case coverPage(Int)
  /// "(i) 600 shares" and the kind: a part of an amount, by its label, shares and kind.
  case part(label: String, shares: StoredDecimal, kind: String)
  /// "1,000 warrant": a total of a kind of part, by its shares and kind.
  case kindTotal(Rational, kind: String)
  /// "1,000": a number with thousands separators and the decimals it needs.
  case number(Rational)
  /// "1000.5": an exact decimal as it prints itself.
  case decimal(StoredDecimal)
  /// "(a) checked, (b) not checked": the boxes of row 2.
  case groupBoxes(a: Bool, b: Bool)
  /// "SC, BK": codes.
  case codes([String])

  /// The text.
  var text: String {
    switch self {
    case .text(let text): return text
    case .coverPage(let page): return "cover page \(page)"
    case .part(let label, let shares, let kind): return "(\(label)) \(shares.decimal) \(kind)"
    case .kindTotal(let shares, let kind):
      return "\(ValueFormatter.number(shares, decimals: nil, grouping: true)) \(kind)"
    case .number(let value): return ValueFormatter.number(value, decimals: nil, grouping: true)
    case .decimal(let value): return value.decimal.description
    case .groupBoxes(let a, let b):
      return "(a) \(a ? "checked" : "not checked"), (b) \(b ? "checked" : "not checked")"
    case .codes(let codes): return codes.joined(separator: ", ")
    }
  }

  /// "(i) 600 shares" and the kind: a part of an amount, by its label, shares and kind.
  static func part(label: String, shares: ExactDecimal, kind: String) -> ObjectDisplay {
    .part(label: label, shares: StoredDecimal(shares), kind: kind)
  }

  /// "1000.5": an exact decimal as it prints itself.
  static func decimal(_ value: ExactDecimal) -> ObjectDisplay {
    .decimal(StoredDecimal(value))
  }

  /// An exact decimal kept in 64-bit words, aligned to 8 bytes rather than the 16 of its `Int128` significand.
  struct StoredDecimal: Sendable {
    /// The significand's low and high 64 bits.
    private let significandLow: UInt64
    private let significandHigh: UInt64
    /// The decimals (see ``ExactDecimal/scale``).
    private let scale: Int

    /// The decimal's words.
    init(_ decimal: ExactDecimal) {
      let bits = UInt128(bitPattern: decimal.significand)
      significandLow = UInt64(truncatingIfNeeded: bits)
      significandHigh = UInt64(truncatingIfNeeded: bits >> 64)
      scale = decimal.scale
    }

    /// The decimal, its words joined.
    var decimal: ExactDecimal {
      ExactDecimal(
        significand: Int128(bitPattern: UInt128(significandHigh) << 64 | UInt128(significandLow)), scale: scale)
    }
  }
}

/// What a model object holds besides its field values (see ``ModelObject``).
struct ModelObjectHeader {
  /// What kind of object it is; its fields are those of ``ModelSchema/fields(of:)``.
  var kind: ObjectKind
  /// How many field values follow the header: the kind's first slots (the object reads as unknown past them).
  var count: Int
  /// Where a finding about the object points, when it has a place in the source.
  var location: SourceLocation?
  /// The number a row stands for in arithmetic (its shares or its percent), or `nil`.
  var number: (value: Rational, decimals: Int?)?
  /// What the object prints as in a message, kept as its parts: most objects are never printed.
  var displayed: ObjectDisplay
  /// The 1-based page of a person, used by the building blocks.
  var page: Int?
}

/// An object of the model as rules see it: a kind, its fields and where it stands in the filing.
///
/// Its field values are stored after its header in the object's own allocation (it is a `ManagedBuffer`), so
/// that an object costs one allocation, not two, and its values are destroyed by code specialized for
/// ``Value`` rather than by the generic destruction of an array's elements. A filing's check makes thousands
/// of these objects and frees them all at its end.
///
/// An object is made, its values written, by ``FieldValues`` and ``make(fields:location:number:display:page:)``;
/// it never changes after that, which is why the values that hold it may be shared between threads (see ``Value``).
final class ModelObject: ManagedBuffer<ModelObjectHeader, Value> {
  typealias Display = ObjectDisplay

  // The header is read and written through pointers: the `header` property of `ManagedBuffer` is a class's
  // stored property, whose every access the runtime checks for exclusivity.

  /// What kind of object it is; its fields are those of ``ModelSchema/fields(of:)``.
  var kind: ObjectKind { withUnsafeMutablePointerToHeader { $0.pointee.kind } }
  /// Where a finding about the object points, when it has a place in the source.
  var location: SourceLocation? { withUnsafeMutablePointerToHeader { $0.pointee.location } }
  /// The number a row stands for in arithmetic (its shares or its percent), or `nil`.
  var number: (value: Rational, decimals: Int?)? { withUnsafeMutablePointerToHeader { $0.pointee.number } }
  /// The 1-based page of a person, used by the building blocks.
  var page: Int? { withUnsafeMutablePointerToHeader { $0.pointee.page } }
  /// How the object prints in a message.
  var display: String { withUnsafeMutablePointerToHeader { $0.pointee.displayed.text } }

  /// The field values by slot (see ``ModelSchema/fieldNames(of:)``), copied; a field the object lacks is
  /// `null`. They may end before the kind's last slot: rules read fields through ``value(at:)``.
  var fields: [Value] {
    withUnsafeMutablePointers { header, values in
      Array(UnsafeBufferPointer(start: values, count: header.pointee.count))
    }
  }

  /// An object whose values are all unknown, for ``FieldValues`` to write; the rest of its header is set by
  /// ``make(fields:location:number:display:page:)``.
  ///
  /// - Parameters:
  ///   - kind: What kind of object it is.
  ///   - count: How many slots it keeps: its kind's first `count`.
  fileprivate static func blank(kind: ObjectKind, count: Int) -> ModelObject {
    let buffer = create(minimumCapacity: count) { _ in
      ModelObjectHeader(kind: kind, count: count, location: nil, number: nil, displayed: .text(""), page: nil)
    }
    let object = unsafeDowncast(buffer, to: ModelObject.self)
    object.withUnsafeMutablePointerToElements { $0.initialize(repeating: .null, count: count) }
    return object
  }

  /// Finishes an object whose values ``FieldValues`` wrote (its kind is the one they were written for).
  ///
  /// - Parameters:
  ///   - fields: The field values by slot, as ``FieldValues`` collects them.
  ///   - display: How it prints in a message.
  static func make<Slot: FieldSlot>(
    fields: FieldValues<Slot>, location: SourceLocation?, number: (Rational, Int?)? = nil, display: Display,
    page: Int? = nil
  ) -> ModelObject {
    let object = fields.object
    object.withUnsafeMutablePointerToHeader { header in
      // The blank header holds no reference (its display is the empty text, which is stored inline): it is
      // written over whole, not assigned field by field, each assignment dropping the value it replaces.
      header.initialize(
        to: ModelObjectHeader(
          kind: header.pointee.kind, count: header.pointee.count, location: location,
          number: number.map { (value: $0.0, decimals: $0.1) }, displayed: display, page: page))
    }
    return object
  }

  deinit {
    // One value at a time, moved out and dropped by code specialised for `Value`: `deinitialize(count:)` goes
    // through the runtime's generic destruction of an array, which calls the type's witness for each value.
    // Most values hold no reference (unknown, a truth value, a number) and are passed over without a call.
    withUnsafeMutablePointers { header, values in
      for offset in 0..<header.pointee.count {
        switch values[offset] {
        case .null, .boolean, .number: continue
        case .string, .list, .object: _ = (values + offset).move()
        }
      }
    }
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
    withUnsafeMutablePointers { header, values in slot < header.pointee.count ? values[slot] : .null }
  }

  /// What `body` gives for the value in a slot of the object's kind (unknown past the slots the object keeps),
  /// the value lent to it where the object keeps it.
  ///
  /// A test that only reads the value (a comparison with a text, an `is` test) reads it in place: through
  /// ``value(at:)`` it was copied out first, which counted a reference to a text or a list and dropped it again.
  ///
  /// - Parameter slot: A slot of the object's kind (see ``ModelSchema/fieldNames(of:)``).
  @inline(__always)
  func withValue<Result>(at slot: Int, _ body: (Value) -> Result) -> Result {
    withUnsafeMutablePointers { header, values in slot < header.pointee.count ? body(values[slot]) : body(.null) }
  }
}

/// The field values of an object being made, by slot; every field starts unknown.
///
/// It writes into the object it makes (``ModelObject/make(fields:location:number:display:page:)`` finishes
/// it): it is not to be copied, and the object is not to be read, before then.
struct FieldValues<Slot: FieldSlot> {
  /// The object being made.
  fileprivate let object: ModelObject
  /// The slots written so far, bit `n` for slot `n`: a slot not yet written holds the unknown value, which
  /// holds no reference, and is written over without reading it first. Where the slots written are known
  /// when the code is compiled (an object's fields written one after another), the bits are too, and no test
  /// is left.
  private var written: UInt64 = 0

  /// Fields all unknown for an object of the slots' kind (``FieldSlot/objectKind``).
  init() {
    self.init(count: ModelSchema.fieldCount(of: Slot.objectKind))
  }

  /// Fields all unknown up to `last`, for an object of the slots' kind that fills no slot after it (the object
  /// reads as unknown past its last slot).
  init(through last: Slot) {
    self.init(count: last.rawValue + 1)
  }

  /// Fields all unknown in the first `count` slots of the slots' kind (at most 64, a bit of ``written`` each).
  private init(count: Int) {
    precondition(count <= UInt64.bitWidth, "\(count) slots")
    object = .blank(kind: Slot.objectKind, count: count)
  }

  /// The value of a field.
  subscript(slot: Slot) -> Value {
    get { self[position: slot.rawValue] }
    @inline(__always)
    set { self[position: slot.rawValue] = newValue }
  }

  /// The value at a 0-based slot of the object's kind (below the number of slots it keeps).
  subscript(position position: Int) -> Value {
    get { object.value(at: position) }
    @inline(__always)
    set {
      let bit: UInt64 = 1 << UInt64(truncatingIfNeeded: position)
      let isWritten = written & bit != 0
      object.withUnsafeMutablePointers { header, values in
        precondition(position >= 0 && position < header.pointee.count, "slot \(position) out of range")
        // A field is mostly written once, over the unknown value it starts with: that holds no reference, so
        // it is written over rather than dropped by a call first.
        if isWritten {
          values[position] = newValue
        } else {
          (values + position).initialize(to: newValue)
        }
      }
      written |= bit
    }
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
    printedDecimal(value, decimals: decimals)?.formatted(grouping: grouping) ?? "?"
  }

  /// Appends a value's text for a message (see ``message(_:)``) to UTF-8 bytes.
  ///
  /// A number, a text and an object are written into the bytes at once: made a text of their own first, each
  /// was validated as UTF-8 and then copied again.
  ///
  /// - Parameters:
  ///   - value: The value.
  ///   - bytes: The message's bytes so far.
  static func appendMessage(_ value: Value, to bytes: inout [UInt8]) {
    append(value, grouping: true, to: &bytes)
  }

  /// Appends a value's text to UTF-8 bytes: the one writer ``message(_:)``, ``plain(_:)`` and
  /// ``appendMessage(_:to:)`` share.
  ///
  /// Unknown prints as `?`, a truth value as `true` or `false`, a number with its decimals (see
  /// ``number(_:decimals:grouping:)``), a text as it is, a list as "A, B and C" (see ``appendList(_:grouping:to:)``),
  /// and an object as its number when it stands for one, else as its display text.
  ///
  /// - Parameters:
  ///   - value: The value.
  ///   - grouping: Whether numbers separate thousands with commas.
  ///   - bytes: The bytes so far.
  @inline(__always)
  private static func append(_ value: Value, grouping: Bool, to bytes: inout [UInt8]) {
    switch value {
    case .null:
      bytes.append(UInt8(ascii: "?"))
    case .boolean(let flag):
      appendUTF8(flag ? "true" : "false", to: &bytes)
    case .number(let number, let places):
      appendNumber(number, decimals: places.decimals, grouping: grouping, to: &bytes)
    case .string(let text):
      appendUTF8(text, to: &bytes)
    case .list(let items):
      appendList(items, grouping: grouping, to: &bytes)
    case .object(let object):
      if let number = object.number {
        appendNumber(number.value, decimals: number.decimals, grouping: grouping, to: &bytes)
      } else {
        appendUTF8(object.display, to: &bytes)
      }
    }
  }

  /// Appends a list's items as ``join(_:)`` joins their texts: "A", "A and B" or "A, B and C".
  @inline(never)
  private static func appendList(_ items: [Value], grouping: Bool, to bytes: inout [UInt8]) {
    for index in items.indices {
      if index > 0 { appendUTF8(index == items.count - 1 ? " and " : ", ", to: &bytes) }
      append(items[index], grouping: grouping, to: &bytes)
    }
  }

  /// Appends a text's UTF-8 bytes, copied from its contiguous storage when it has some.
  static func appendUTF8(_ text: String, to bytes: inout [UInt8]) {
    let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
    if copied == nil { bytes.append(contentsOf: text.utf8) }
  }

  /// Appends a number as ``number(_:decimals:grouping:)`` formats it.
  private static func appendNumber(_ value: Rational, decimals: Int?, grouping: Bool, to bytes: inout [UInt8]) {
    guard let decimal = printedDecimal(value, decimals: decimals) else {
      bytes.append(UInt8(ascii: "?"))
      return
    }
    decimal.appendFormatted(grouping: grouping, to: &bytes)
  }

  /// The decimal a number prints as (see ``number(_:decimals:grouping:)``), or `nil` when it cannot be
  /// rounded to it.
  private static func printedDecimal(_ value: Rational, decimals: Int?) -> ExactDecimal? {
    let places: Int
    if let decimals {
      places = max(0, min(decimals, 12))
    } else if value.isInteger {
      places = 0
    } else {
      // The fewest places that hold the value exactly, else six.
      places = (1...6).first { value.exactDecimal(decimals: $0) != nil } ?? 6
    }
    // A whole number printed without decimals is its numerator, as rounding it to no decimals gives it.
    if places == 0, value.isInteger { return ExactDecimal(significand: value.numerator, scale: 0) }
    guard var decimal = try? value.rounded(toDecimals: places) else { return nil }
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
    return decimal
  }

  /// Joins texts as "A", "A and B" or "A, B and C".
  static func join(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return Array(items.dropLast()).joined(separator: ", ") + " and " + (items.last ?? "")
    }
  }

  /// A value's text (see ``append(_:grouping:to:)``): a text is itself, not copied, and a number is made a
  /// text at once, without a buffer of bytes first.
  private static func format(_ value: Value, grouping: Bool) -> String {
    switch value {
    case .string(let text): return text
    case .number(let number, let places): return self.number(number, decimals: places.decimals, grouping: grouping)
    default: break
    }
    var bytes: [UInt8] = []
    append(value, grouping: grouping, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
