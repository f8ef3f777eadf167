import BocheckModel

/// What the building blocks need from the filing being checked, beyond the values they are given.
struct EvaluationContext: Sendable {
  /// The holders of each person (see ``OwnershipGraph``), by the person's 1-based page.
  var holdersByPage: [Int: [ModelObject]] = [:]
  /// The persons whose row 1 has each name key, in page order: an index, so that a rule that looks for a
  /// person's namesakes does not filter every person for every person.
  var personsByNameKey: [String: [ModelObject]] = [:]
  /// The parties by their names, in line order: an index, so that a rule that looks for a person's
  /// signature does not compare every party's name with every person's.
  var partiesByName = NameIndex<ModelObject>([])
}

/// The names an expression sees while it is evaluated.
struct Environment: Sendable {
  /// Variables by name.
  var variables: [String: Value]
  /// The elements of the filters being evaluated, innermost last.
  var elements: [Value] = []
  /// The filing-wide facts the building blocks use.
  var context: EvaluationContext

  /// The value of a name: an element's field (innermost filter first), `it`, or a variable.
  func lookup(_ name: String) -> Value {
    for element in elements.reversed() {
      guard case .object(let object) = element else { continue }
      // A field the object holds is found with one lookup; one its kind has but this object lacks is unknown.
      if let value = object.fields[name] { return value }
      if ModelSchema.fields(of: object.kind)[name] != nil { return .null }
    }
    if name == "it", let innermost = elements.last { return innermost }
    return variables[name] ?? .null
  }
}

/// Evaluates expressions with three-valued logic and exact arithmetic.
///
/// Any operation on an unknown value gives an unknown value, except `and`/`or` when the other side decides
/// (`false and ?` is false, `true or ?` is true) and the `is null` tests. A filter whose condition is unknown for
/// some element gives an unknown list. Arithmetic is exact on ``Rational``; overflow and division by zero give an
/// unknown value, never a crash.
enum Evaluator {
  /// Evaluates an expression.
  ///
  /// - Parameters:
  ///   - expression: A type-checked expression.
  ///   - environment: The variables and context.
  static func evaluate(_ expression: Expression, in environment: Environment) -> Value {
    switch expression {
    case .number(let value): return .number(value.rational, decimals: value.scale > 0 ? value.scale : nil)
    case .string(let text): return .string(text)
    case .boolean(let flag): return .boolean(flag)
    case .null: return .null
    case .list(let elements): return .list(elements.map { evaluate($0, in: environment) })
    case .name(let name): return environment.lookup(name)
    case .member(let base, let field): return member(evaluate(base, in: environment), field)
    case .filter(let base, let condition):
      guard case .list(let items) = evaluate(base, in: environment) else { return .null }
      var kept: [Value] = []
      // One environment for every element: its list of elements is copied once, then its last slot reused.
      var inner = environment
      inner.elements.append(.null)
      let slot = inner.elements.count - 1
      for item in items {
        inner.elements[slot] = item
        switch evaluate(condition, in: inner) {
        case .boolean(true): kept.append(item)
        case .boolean(false): continue
        default: return .null
        }
      }
      return .list(kept)
    case .call(let name, let arguments):
      guard let function = BuiltinFunctions.all[name] else { return .null }
      return function.evaluate(arguments.map { evaluate($0, in: environment) }, environment.context)
    case .unary(.negate, let operand):
      guard let number = numberOf(evaluate(operand, in: environment)) else { return .null }
      guard let negated = try? Rational.zero - number.value else { return .null }
      return .number(negated, decimals: number.decimals)
    case .unary(.not, let operand):
      guard case .boolean(let flag) = evaluate(operand, in: environment) else { return .null }
      return .boolean(!flag)
    case .binary(.and, let left, let right):
      let leftValue = evaluate(left, in: environment)
      if case .boolean(false) = leftValue { return .boolean(false) }
      let rightValue = evaluate(right, in: environment)
      if case .boolean(false) = rightValue { return .boolean(false) }
      if case .boolean(true) = leftValue, case .boolean(true) = rightValue { return .boolean(true) }
      return .null
    case .binary(.or, let left, let right):
      let leftValue = evaluate(left, in: environment)
      if case .boolean(true) = leftValue { return .boolean(true) }
      let rightValue = evaluate(right, in: environment)
      if case .boolean(true) = rightValue { return .boolean(true) }
      if case .boolean(false) = leftValue, case .boolean(false) = rightValue { return .boolean(false) }
      return .null
    case .binary(let operation, let left, let right):
      return binary(operation, evaluate(left, in: environment), evaluate(right, in: environment))
    case .test(let operand, let kind):
      return test(evaluate(operand, in: environment), kind)
    }
  }

  /// The number a value stands for (a number, or a row's shares or percent), or `nil` when unknown.
  static func numberOf(_ value: Value) -> (value: Rational, decimals: Int?)? {
    guard let numeric = value.numeric, let known = numeric else { return nil }
    return known
  }

  /// `base.field`, mapped over lists and flattening lists of lists.
  static func member(_ base: Value, _ field: String) -> Value {
    switch base {
    case .object(let object): return object[field]
    case .list(let items):
      var result: [Value] = []
      for item in items {
        let value = member(item, field)
        if case .list(let inner) = value { result.append(contentsOf: inner) } else { result.append(value) }
      }
      return .list(result)
    default: return .null
    }
  }

  /// Three-valued equality: numbers and rows compare by number, objects by identity, lists element by element.
  ///
  /// - Returns: `nil` when either side is unknown.
  static func equal(_ left: Value, _ right: Value) -> Bool? {
    if let leftNumeric = left.numeric, let rightNumeric = right.numeric {
      guard let leftNumber = leftNumeric, let rightNumber = rightNumeric else { return nil }
      return leftNumber.value == rightNumber.value
    }
    switch (left, right) {
    case (.null, _), (_, .null): return nil
    case (.boolean(let a), .boolean(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.object(let a), .object(let b)): return a === b
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { return false }
      var unknown = false
      for (x, y) in zip(a, b) {
        switch equal(x, y) {
        case .some(false): return false
        case nil: unknown = true
        case .some(true): continue
        }
      }
      return unknown ? nil : true
    default: return false
    }
  }

  private static func binary(_ operation: BinaryOperator, _ left: Value, _ right: Value) -> Value {
    switch operation {
    case .add, .subtract, .multiply, .divide:
      if operation == .add, case .string(let a) = left, case .string(let b) = right { return .string(a + b) }
      if operation == .add, case .list(let a) = left, case .list(let b) = right { return .list(a + b) }
      guard let a = numberOf(left), let b = numberOf(right) else { return .null }
      do {
        switch operation {
        case .add: return .number(try a.value + b.value, decimals: nil)
        case .subtract: return .number(try a.value - b.value, decimals: nil)
        case .multiply: return .number(try a.value * b.value, decimals: nil)
        default: return .number(try a.value / b.value, decimals: nil)
        }
      } catch {
        return .null
      }
    case .equal, .notEqual:
      guard let same = equal(left, right) else { return .null }
      return .boolean(operation == .equal ? same : !same)
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      let ordering: Int
      if case .string(let a) = left, case .string(let b) = right {
        ordering = a < b ? -1 : (a == b ? 0 : 1)
      } else if let a = numberOf(left), let b = numberOf(right) {
        ordering = a.value < b.value ? -1 : (a.value == b.value ? 0 : 1)
      } else {
        return .null
      }
      switch operation {
      case .less: return .boolean(ordering < 0)
      case .lessOrEqual: return .boolean(ordering <= 0)
      case .greater: return .boolean(ordering > 0)
      default: return .boolean(ordering >= 0)
      }
    case .in, .notIn:
      guard case .list(let items) = right, !left.isNull else { return .null }
      var unknown = false
      var found = false
      for item in items {
        switch equal(left, item) {
        case .some(true): found = true
        case nil: unknown = true
        case .some(false): continue
        }
        if found { break }
      }
      if !found && unknown { return .null }
      return .boolean(operation == .in ? found : !found)
    case .and, .or:
      return .null
    }
  }

  private static func test(_ value: Value, _ kind: TestKind) -> Value {
    switch kind {
    case .null: return .boolean(value.isNull)
    case .notNull: return .boolean(!value.isNull)
    case .empty, .notEmpty:
      let empty: Bool
      switch value {
      case .list(let items): empty = items.isEmpty
      case .string(let text): empty = text.isEmpty
      default: return .null
      }
      return .boolean(kind == .empty ? empty : !empty)
    case .missing, .present:
      guard case .object(let object) = value, case .string(let status) = object["status"] else { return .null }
      let missing = status == ReadStatus.missing.rawValue
      return .boolean(kind == .missing ? missing : !missing)
    }
  }
}
