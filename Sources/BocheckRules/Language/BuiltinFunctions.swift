import BocheckModel

/// A building-block function rules can call.
struct BuiltinFunction: Sendable {
  /// The name rules call it by.
  let name: String
  /// How many arguments it takes.
  let arity: ClosedRange<Int>
  /// One line saying what it gives, for `bocheck rules` and error messages.
  let summary: String
  /// The result type for the given argument types, or an error saying which argument is wrong.
  let resultType: @Sendable ([ValueType]) throws(ExpressionTypeError) -> ValueType
  /// Computes the result; never traps, gives `null` for what it cannot know.
  let evaluate: @Sendable (Arguments, EvaluationContext) -> Value
  /// Whether its result is the number of elements of its one argument, a list (`count`): the evaluator then
  /// counts the elements a filter keeps without making the list of them.
  var countsElements = false
  /// How it combines the numbers of its one argument, a list (`sum`, `min`, `max`), when it does: the evaluator
  /// then folds a member of a list's elements (`sum(row.parts.shares)`) as it reads it, without making the
  /// list of the members (nor the list a filter keeps, for a member of a filter's elements).
  var numberFold: NumberFold?
  /// How it makes a text of its arguments, when it does (`when`, `text`, `join`): a message then writes the
  /// call's text into its bytes part by part (see ``ResolvedMessage``), and ``evaluate`` is the same writing
  /// made a value, so the function's meaning is stated once.
  var textMaker: TextMaker?
}

/// How `when`, `text` and `join` make a text of their arguments.
///
/// Both the evaluator (``value(of:)``) and a message's placeholder (``ResolvedMessage``) ask
/// ``write(to:argument:text:)``: the evaluator with arguments evaluated already, a message with each argument
/// evaluated or written only when the text needs it, and without a text made for a part.
enum TextMaker: Sendable {
  /// `when(condition, text)`: the text when the condition is true, the empty text when it is false, unknown
  /// else.
  case chosen
  /// `text(x)`: `x` as a message prints it, unknown when `x` is.
  case printed
  /// `join(list)`: the list's elements as a message prints them, "A, B and C"; unknown when it is no list.
  case listed

  /// Writes the text the arguments make into UTF-8 bytes.
  ///
  /// - Parameters:
  ///   - bytes: The bytes the text is appended to.
  ///   - argument: The value of the argument at a 0-based index.
  ///   - text: Appends the argument at a 0-based index, a text, to the bytes; `false` when it is unknown.
  /// - Returns: `false` when the text is unknown; the bytes may then hold part of it.
  func write(
    to bytes: inout [UInt8], argument: (Int) -> Value, text: (Int, inout [UInt8]) -> Bool
  ) -> Bool {
    switch self {
    case .chosen:
      switch argument(0) {
      case .boolean(true): return text(1, &bytes)
      case .boolean(false): return true
      default: return false
      }
    case .printed:
      let value = argument(0)
      if value.isNull { return false }
      ValueFormatter.appendMessage(value, to: &bytes)
    case .listed:
      let value = argument(0)
      guard case .list = value else { return false }
      ValueFormatter.appendMessage(value, to: &bytes)
    }
    return true
  }

  /// The text evaluated arguments make, or the unknown value.
  func value(of arguments: Arguments) -> Value {
    var bytes: [UInt8] = []
    let known = write(
      to: &bytes, argument: { arguments[$0] },
      text: { index, bytes in
        guard case .string(let text) = arguments[index] else { return false }
        ValueFormatter.appendUTF8(text, to: &bytes)
        return true
      })
    return known ? .string(String(decoding: bytes, as: UTF8.self)) : .null
  }
}

/// How `sum`, `min` and `max` combine the numbers of a list.
enum NumberFold: Sendable {
  /// The exact sum (0 for no number).
  case sum
  /// The smallest number (unknown for no number).
  case smallest
  /// The largest number (unknown for no number).
  case largest

  /// The fold of a list's numbers: unknown when the value is not a list, when an element is no known number,
  /// or when the sum overflows.
  func fold(_ value: Value) -> Value {
    guard case .list(let items) = value else { return .null }
    var folding = Folding(self)
    for index in items.indices {
      folding.add(items[index])
      if folding.failed { break }
    }
    return folding.result
  }

  /// A fold under way: the numbers are added one at a time.
  struct Folding {
    /// How the numbers are combined.
    private let fold: NumberFold
    /// The result so far; `nil` before the first number of a smallest or largest one.
    private var combined: Rational?
    /// Whether a value was no known number, or the sum overflowed: the fold is then unknown.
    private(set) var failed = false

    /// A fold of no number yet.
    init(_ fold: NumberFold) {
      self.fold = fold
      combined = fold == .sum ? .zero : nil
    }

    /// Adds a value, which makes the fold unknown unless it is a known number (see ``Evaluator/numberOf(_:)``).
    mutating func add(_ value: Value) {
      guard !failed else { return }
      guard let number = Evaluator.numberOf(value)?.value else {
        failed = true
        return
      }
      guard let current = combined else {
        combined = number
        return
      }
      switch fold {
      case .sum:
        guard let total = try? current + number else {
          failed = true
          return
        }
        combined = total
      case .smallest: if number < current { combined = number }
      case .largest: if current < number { combined = number }
      }
    }

    /// Adds the values `base.field` gives for an element of a list, as ``Evaluator/member(_:_:)`` lists them: an
    /// object's field (each element of it when it is a list), each of a list's members in turn, and the unknown
    /// value for anything else.
    mutating func addMembers(of element: Value, _ field: FieldAccess) {
      switch element {
      case .object(let object):
        let value = field.value(in: object) ?? .null
        guard case .list(let items) = value else { return add(value) }
        for index in items.indices where !failed { add(items[index]) }
      case .list(let items):
        for index in items.indices where !failed { addMembers(of: items[index], field) }
      case .null, .boolean, .number, .string:
        add(.null)
      }
    }

    /// The fold's value: unknown when it failed or, for a smallest or largest one, when it has no number.
    var result: Value {
      guard !failed, let combined else { return .null }
      return .number(combined, decimals: nil)
    }
  }
}

/// The general building blocks of the rule language: arithmetic over lists, rounding, names, CUSIPs, the
/// ownership graph and amount sums. None of them is a rule: each rule's logic stays in its file.
enum BuiltinFunctions {
  /// Every function by name.
  static let all: [String: BuiltinFunction] = {
    var table: [String: BuiltinFunction] = [:]
    for function in list { table[function.name] = function }
    return table
  }()

  /// Every function, in a fixed order: ``CompiledRules`` archives a call's function by its position here, which
  /// loading reads back without making a text of its name or the table of ``all``.
  static var ordered: [BuiltinFunction] { list }

  /// `any` or `all`: three-valued over a list of conditions; `decisive` is the value that settles it at once.
  private static func quantifier(name: String, decisive: Bool, summary: String) -> BuiltinFunction {
    BuiltinFunction(
      name: name, arity: 1...1, summary: summary,
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, { $0.elementType == .boolean || $0.elementType == .any }, "a list of true/false")
        return .boolean
      },
      evaluate: { arguments, _ in
        guard case .list(let items) = arguments[0] else { return .null }
        var unknown = false
        for item in items {
          guard case .boolean(let value) = item else {
            unknown = true
            continue
          }
          if value == decisive { return .boolean(decisive) }
        }
        return unknown ? .null : .boolean(!decisive)
      })
  }

  private static func require(
    _ types: [ValueType], _ index: Int, _ accepts: (ValueType) -> Bool, _ what: String
  ) throws(ExpressionTypeError) {
    guard index < types.count else { return }
    let type = types[index]
    guard type == .any || accepts(type) else {
      throw ExpressionTypeError(message: "argument \(index + 1) must be \(what), not a \(type)")
    }
  }

  private static func isList(_ type: ValueType) -> Bool { type.elementType != nil }
  private static func isNumericList(_ type: ValueType) -> Bool { type.elementType?.isNumeric ?? false }
  private static func isText(_ type: ValueType) -> Bool { type == .string }

  private static func text(_ value: Value) -> String? {
    if case .string(let text) = value { return text }
    return nil
  }

  /// The characters of a text from the 1-based `start`, at most `length` of them, cut from its bytes when every
  /// character is one byte: ASCII without a carriage return (the one ASCII character that makes one character
  /// with the next, a line feed); `nil` for any other text, whose characters are then made into an array.
  ///
  /// - Precondition: `start >= 1` and `length >= 0`.
  private static func singleByteSubstring(_ value: String, start: Int, length: Int) -> String? {
    let cut = value.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
      let from = min(start - 1, bytes.count)
      let to = min(from + length, bytes.count)
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }
    return cut ?? nil
  }

  private static func integerArgument(_ value: Value) -> Int? {
    guard let number = Evaluator.numberOf(value), number.value.isInteger,
      number.value.numerator >= -1_000_000, number.value.numerator <= 1_000_000
    else { return nil }
    return Int(number.value.numerator)
  }

  /// The amount a row object holds, rebuilt from its fields (see ``readAmountRow(_:eachPart:)``).
  static func amount(of value: Value) -> Amount? {
    var parts: [AmountPart] = []
    guard
      let row = readAmountRow(
        value,
        eachPart: { kind, shares, part in
          parts.append(
            AmountPart(label: text(part[PartSlot.label]) ?? "", kind: kind, shares: shares.decimal, text: ""))
        })
    else { return nil }
    let relation = text(row.object[RowSlot.partsRelation]).flatMap(PartsRelation.init(rawValue:)) ?? .none
    return Amount(shares: row.shares.decimal, parts: parts, partsRelation: relation)
  }

  /// Reads the amount a row object holds: its shares and each of its parts in turn.
  ///
  /// The one reading of a row's amount, which ``amount(of:)`` rebuilds an `Amount` from and ``rowAmount(_:)``
  /// adds up by kind of part without rebuilding it.
  ///
  /// - Parameters:
  ///   - value: The row object.
  ///   - eachPart: Takes each part's kind, its shares and the part object (for its label), in order.
  /// - Returns: The row's shares and the row object, for its other fields; `nil` when the value is no row,
  ///   when its shares or a part's are no number that is exactly a decimal with the decimals it prints with
  ///   (``exactNumber(_:)``), or when a part has no kind.
  private static func readAmountRow(
    _ value: Value, eachPart: (PartKind, ExactNumber, ModelObject) -> Void
  ) -> (shares: ExactNumber, object: ModelObject)? {
    guard case .object(let row) = value, row.kind == .row, let shares = exactNumber(row[RowSlot.shares]) else {
      return nil
    }
    if case .list(let items) = row[RowSlot.parts] {
      for item in items {
        guard case .object(let part) = item, part.kind == .part, let partShares = exactNumber(part[PartSlot.shares]),
          let kind = text(part[PartSlot.kind]).flatMap(PartKind.init(rawValue:))
        else { return nil }
        eachPart(kind, partShares, part)
      }
    }
    return (shares, row)
  }

  /// The total of the amounts a list of rows holds, as ``AmountArithmetic/sum(_:)`` adds the amounts
  /// ``amount(of:)`` rebuilds from the rows, worked out from the rows' numbers as they are (see
  /// ``rowAmount(_:)``).
  ///
  /// - Parameter rows: The rows.
  /// - Returns: `nil` when some row holds no amount ``amount(of:)`` could rebuild, or the sum overflows.
  static func sumOfAmountRows(_ rows: [Value]) -> AmountSum? {
    AmountArithmetic.sum(count: rows.count) { rowAmount(rows[$0]) }
  }

  /// The shares of the amount a row holds and its parts by kind, as ``amount(of:)`` and
  /// ``AmountArithmetic/partsByKind(of:)`` give them, read from the row's numbers as they are (see
  /// ``readAmountRow(_:eachPart:)``).
  ///
  /// Rebuilding the amount made a list of its parts and turned every number into a decimal and back; here a
  /// number is only checked to be such a decimal.
  ///
  /// - Returns: `nil` when ``amount(of:)`` gives no amount; the parts are `nil` unless the row itemises
  ///   them ("consisting of") and their sums by kind do not overflow.
  private static func rowAmount(_ value: Value) -> (shares: Rational, parts: PartSums?)? {
    var sums: PartSums? = PartSums()
    var partCount = 0
    guard
      let row = readAmountRow(
        value,
        eachPart: { kind, shares, _ in
          partCount += 1
          if sums != nil, (try? sums?.add(shares.value, to: kind)) == nil { sums = nil }
        })
    else { return nil }
    let itemised =
      partCount > 0 && text(row.object[RowSlot.partsRelation]) == PartsRelation.consistingOf.rawValue
    return (row.shares.value, itemised ? sums : nil)
  }

  /// A number that is exactly a decimal with the decimals it prints with: its value and that decimal.
  private typealias ExactNumber = (value: Rational, decimal: ExactDecimal)

  /// The number a value stands for (see ``Evaluator/numberOf(_:)``) and the decimal it is, when it is exactly
  /// a decimal with the decimals it prints with, as ``decimalOf(_:)`` requires; `nil` otherwise.
  private static func exactNumber(_ value: Value) -> ExactNumber? {
    guard let number = Evaluator.numberOf(value),
      let decimal = number.value.exactDecimal(decimals: number.decimals ?? 0)
    else { return nil }
    return (number.value, decimal)
  }

  /// The decimal a number (or a numeric row) is exactly, with the decimals it prints with (none: a whole
  /// number); `nil` when it is unknown, not numeric, or not exactly a decimal with those decimals
  /// (``Rational/exactDecimal(decimals:)``).
  private static func decimalOf(_ value: Value) -> ExactDecimal? {
    guard let number = Evaluator.numberOf(value) else { return nil }
    return number.value.exactDecimal(decimals: number.decimals ?? 0)
  }

  private static func amountSumObject(_ sum: AmountSum) -> Value {
    var parts: [Value] = []
    for kind in PartKind.allCases {
      guard let shares = sum.partsByKind?[kind] else { continue }
      var partFields = FieldValues<PartSlot>()
      partFields[.label] = .string(kind.rawValue)
      partFields[.kind] = .string(kind.rawValue)
      partFields[.shares] = .number(shares, decimals: nil)
      partFields[.text] = .string("")
      parts.append(
        .object(
          ModelObject.make(
            fields: partFields, location: nil,
            display: .kindTotal(shares, kind: kind.rawValue)))
      )
    }
    var fields = FieldValues<AmountSumSlot>()
    fields[.shares] = .number(sum.shares, decimals: nil)
    fields[.parts] = .list(parts)
    fields[.itemised] = .boolean(sum.partsByKind != nil)
    fields[.count] = .number(Rational(sum.count), decimals: nil)
    return .object(
      ModelObject.make(
        fields: fields, location: nil, number: nil,
        display: .number(sum.shares)))
  }

  private static let list: [BuiltinFunction] = [
    BuiltinFunction(
      name: "sum", arity: 1...1, summary: "sum(list): the exact sum of a list of numbers or amount rows (0 when empty)",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isNumericList, "a list of numbers")
        return .number
      },
      evaluate: { arguments, _ in
        // An element that is no number and an overflow both make the sum unknown, whichever comes first.
        NumberFold.sum.fold(arguments[0])
      }, numberFold: .sum),
    BuiltinFunction(
      name: "count", arity: 1...1, summary: "count(list): how many elements the list has",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isList, "a list")
        return .number
      },
      evaluate: { arguments, _ in
        guard case .list(let items) = arguments[0] else { return .null }
        return .number(Rational(items.count), decimals: nil)
      }, countsElements: true),
    BuiltinFunction(
      name: "min", arity: 1...1, summary: "min(list): the smallest number of a list (unknown when empty)",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isNumericList, "a list of numbers")
        return .number
      },
      evaluate: { arguments, _ in NumberFold.smallest.fold(arguments[0]) }, numberFold: .smallest),
    BuiltinFunction(
      name: "max", arity: 1...1, summary: "max(list): the largest number of a list (unknown when empty)",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isNumericList, "a list of numbers")
        return .number
      },
      evaluate: { arguments, _ in NumberFold.largest.fold(arguments[0]) }, numberFold: .largest),
    BuiltinFunction(
      name: "abs", arity: 1...1, summary: "abs(x): the absolute value",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, { $0.isNumeric }, "a number")
        return .number
      },
      evaluate: { arguments, _ in
        guard let number = Evaluator.numberOf(arguments[0]) else { return .null }
        guard number.value < .zero else { return .number(number.value, decimals: number.decimals) }
        guard let negated = try? Rational.zero - number.value else { return .null }
        return .number(negated, decimals: number.decimals)
      }),
    quantifier(
      name: "any", decisive: true, summary: "any(list): whether some condition in the list holds (three-valued)"),
    quantifier(
      name: "all", decisive: false, summary: "all(list): whether every condition in the list holds (three-valued)"),
    BuiltinFunction(
      name: "first", arity: 1...1, summary: "first(list): the list's first element (unknown when empty)",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isList, "a list")
        return types.first?.elementType ?? .any
      },
      evaluate: { arguments, _ in
        guard case .list(let items) = arguments[0] else { return .null }
        return items.first ?? .null
      }),
    BuiltinFunction(
      name: "join", arity: 1...1, summary: "join(list): the elements as text, \"A, B and C\"",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isList, "a list")
        return .string
      },
      evaluate: { arguments, _ in TextMaker.listed.value(of: arguments) }, textMaker: .listed),
    BuiltinFunction(
      name: "round", arity: 2...2,
      summary: "round(x, decimals): x rounded half away from zero, printed with that many decimals",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, { $0.isNumeric }, "a number")
        try require(types, 1, { $0.isNumeric }, "a number of decimals")
        return .number
      },
      evaluate: { arguments, _ in
        guard let number = Evaluator.numberOf(arguments[0]), let decimals = integerArgument(arguments[1]),
          (0...12).contains(decimals), let rounded = try? number.value.rounded(toDecimals: decimals)
        else { return .null }
        return .number(rounded.rational, decimals: decimals)
      }),
    BuiltinFunction(
      name: "roundsTo", arity: 2...2,
      summary:
        "roundsTo(x, printed): whether x lies in [v - h, v + h], v the printed number (a percent row) and h half "
        + "a unit of its last decimal",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, { $0.isNumeric }, "a number")
        try require(types, 1, { $0.isNumeric }, "a printed number or percent row")
        return .boolean
      },
      evaluate: { arguments, _ in
        guard let value = Evaluator.numberOf(arguments[0]), let printed = decimalOf(arguments[1]),
          let interval = try? RationalInterval(printed: printed)
        else { return .null }
        return .boolean(interval.contains(value.value))
      }),
    BuiltinFunction(
      name: "roundsWithin", arity: 3...3,
      summary:
        "roundsWithin(low, high, printed): whether some x in [low, high] lies in [v - h, v + h], v the printed "
        + "number (a percent row) and h half a unit of its last decimal",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, { $0.isNumeric }, "a number")
        try require(types, 1, { $0.isNumeric }, "a number")
        try require(types, 2, { $0.isNumeric }, "a printed number or percent row")
        return .boolean
      },
      evaluate: { arguments, _ in
        guard let low = Evaluator.numberOf(arguments[0]), let high = Evaluator.numberOf(arguments[1]),
          let printed = decimalOf(arguments[2]), let interval = try? RationalInterval(printed: printed)
        else { return .null }
        return .boolean(!(high.value < interval.lower) && !(interval.upper < low.value))
      }),
    BuiltinFunction(
      name: "cusipCheckDigit", arity: 1...1,
      summary: "cusipCheckDigit(text): the check digit the first eight characters of a CUSIP call for",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isText, "a text")
        return .number
      },
      evaluate: { arguments, _ in
        guard let cusip = text(arguments[0]), let digit = CUSIP.checkDigit(of: CUSIP.compact(cusip)) else {
          return .null
        }
        return .number(Rational(digit), decimals: nil)
      }),
    BuiltinFunction(
      name: "hasCUSIPForm", arity: 1...1,
      summary:
        "hasCUSIPForm(text): whether the text, spaces and hyphens removed, is nine CUSIP characters with at least "
        + "three digits among the first six",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isText, "a text")
        return .boolean
      },
      evaluate: { arguments, _ in
        guard let cusip = text(arguments[0]) else { return .null }
        return .boolean(CUSIP.hasCUSIPForm(CUSIP.compact(cusip)))
      }),
    BuiltinFunction(
      name: "holders", arity: 1...1,
      summary:
        "holders(person): the other reporting persons whose pages account exactly for the names its row 11 is "
        + "attributed to",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, { $0 == .object(.person) }, "a person")
        return .list(.object(.person))
      },
      evaluate: { arguments, context in
        guard case .object(let person) = arguments[0], let page = person.page else { return .null }
        return .list(context.holders(ofPage: page) ?? [])
      }),
    BuiltinFunction(
      name: "personsNamed", arity: 1...1,
      summary:
        "personsNamed(key): the reporting persons whose row 1 has this name key, in page order (an index: no "
        + "filter over every person)",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isText, "a name key")
        return .list(.object(.person))
      },
      evaluate: { arguments, context in
        guard let key = text(arguments[0]) else { return .null }
        return .list(context.personsByNameKey[key] ?? [])
      }),
    BuiltinFunction(
      name: "partiesNamed", arity: 1...1,
      summary:
        "partiesNamed(name): the parties (signers and joint filers) whose names name the same person as this "
        + "name as a reader compares them (see sameName), in line order (an index: no filter over every party)",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isText, "a name")
        return .list(.object(.party))
      },
      evaluate: { arguments, context in
        guard let name = text(arguments[0]) else { return .null }
        return .list(context.partiesByName.matches(name).map { .object($0.value) })
      }),
    BuiltinFunction(
      name: "sumAmounts", arity: 1...1,
      summary:
        "sumAmounts(rows): the total of amount rows, with per-kind part sums when every row itemises its parts",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, { $0.elementType == .object(.row) }, "a list of rows")
        return .object(.amountSum)
      },
      evaluate: { arguments, _ in
        guard case .list(let items) = arguments[0], let sum = sumOfAmountRows(items) else {
          return .null
        }
        return amountSumObject(sum)
      }),
    BuiltinFunction(
      name: "partDifferences", arity: 2...2,
      summary: "partDifferences(row, sum): one text per kind of part whose shares differ between the row and the sum",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, { $0 == .object(.row) }, "an amount row")
        try require(types, 1, { $0 == .object(.amountSum) }, "the result of sumAmounts")
        return .list(.string)
      },
      evaluate: { arguments, _ in
        // The sum's fields and its parts' are read by their slots (no table of fields by name is needed).
        guard let reportedAmount = rowAmount(arguments[0]), case .object(let sumObject) = arguments[1],
          sumObject.kind == .amountSum, let shares = Evaluator.numberOf(sumObject[AmountSumSlot.shares]),
          case .list(let partValues) = sumObject[AmountSumSlot.parts],
          let count = integerArgument(sumObject[AmountSumSlot.count])
        else { return .null }
        var byKind: PartSums?
        if case .boolean(true) = sumObject[AmountSumSlot.itemised] {
          var parts = PartSums()
          for value in partValues {
            guard case .object(let part) = value, part.kind == .part,
              let kind = text(part[PartSlot.kind]).flatMap(PartKind.init(rawValue:)),
              let partShares = Evaluator.numberOf(part[PartSlot.shares])
            else { return .null }
            parts[kind] = partShares.value
          }
          byKind = parts
        }
        // Parts that agree kind by kind give no text, as ``AmountArithmetic/partDifferences(_:_:)`` compares
        // them: the amount is rebuilt, for its parts' labels, only when some kind differs.
        guard let reportedParts = reportedAmount.parts, let heldParts = byKind,
          PartKind.allCases.contains(where: { (reportedParts[$0] ?? .zero) != (heldParts[$0] ?? .zero) }),
          let reported = amount(of: arguments[0])
        else { return .list([]) }
        let sum = AmountSum(shares: shares.value, partsByKind: byKind, count: count)
        return .list(AmountArithmetic.partDifferences(reported, sum).map { .string($0) })
      }),
    BuiltinFunction(
      name: "nameKey", arity: 1...1,
      summary: "nameKey(text): the name reduced to what identifies it, for comparing names as printed differently",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isText, "a text")
        return .string
      },
      evaluate: { arguments, _ in
        guard let name = text(arguments[0]) else { return .null }
        return .string(NameKey(name).text)
      }),
    BuiltinFunction(
      name: "sameName", arity: 2...2,
      summary:
        "sameName(text, text): whether two printed names name the same person as a reader compares them (equal "
        + "name keys, or a trailing qualifier or a person's middle name aside)",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isText, "a text")
        try require(types, 1, isText, "a text")
        return .boolean
      },
      evaluate: { arguments, _ in
        guard let name = text(arguments[0]), let other = text(arguments[1]) else { return .null }
        return .boolean(NameKey.match(name, other) != nil)
      }),
    BuiltinFunction(
      name: "when", arity: 2...2,
      summary: "when(condition, text): the text when the condition holds, else the empty text (for messages)",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, { $0 == .boolean }, "a condition")
        try require(types, 1, isText, "a text")
        return .string
      },
      evaluate: { arguments, _ in TextMaker.chosen.value(of: arguments) }, textMaker: .chosen),
    BuiltinFunction(
      name: "coalesce", arity: 2...2, summary: "coalesce(x, fallback): x, or the fallback when x is unknown",
      resultType: { (types) throws(ExpressionTypeError) in
        guard types.count == 2 else { return .any }
        if types[0] == .any { return types[1] }
        return types[0]
      },
      evaluate: { arguments, _ in arguments[0].isNull ? arguments[1] : arguments[0] }),
    BuiltinFunction(
      name: "text", arity: 1...1, summary: "text(x): x as a message prints it",
      resultType: { _ in .string },
      evaluate: { arguments, _ in TextMaker.printed.value(of: arguments) }, textMaker: .printed),
    BuiltinFunction(
      name: "length", arity: 1...1, summary: "length(text): the number of characters",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isText, "a text")
        return .number
      },
      evaluate: { arguments, _ in
        guard let value = text(arguments[0]) else { return .null }
        return .number(Rational(value.count), decimals: nil)
      }),
    BuiltinFunction(
      name: "substring", arity: 3...3,
      summary: "substring(text, start, length): the characters from the 1-based start, at most length of them",
      resultType: { (types) throws(ExpressionTypeError) in
        try require(types, 0, isText, "a text")
        try require(types, 1, { $0.isNumeric }, "a 1-based position")
        try require(types, 2, { $0.isNumeric }, "a length")
        return .string
      },
      evaluate: { arguments, _ in
        guard let value = text(arguments[0]), let start = integerArgument(arguments[1]),
          let length = integerArgument(arguments[2]), start >= 1, length >= 0
        else { return .null }
        if let cut = singleByteSubstring(value, start: start, length: length) { return .string(cut) }
        let characters = Array(value)
        let from = min(start - 1, characters.count)
        let to = min(from + length, characters.count)
        return .string(String(characters[from..<to]))
      }),
  ]
}
