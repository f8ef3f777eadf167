/// An expression that parses but names something the model does not have or combines values wrongly.
struct ExpressionTypeError: Error, Equatable, Sendable {
  /// What is wrong, in words.
  var message: String
}

/// The names an expression can see while it is checked: variables, and inside filters the element's fields.
struct StaticScope: Sendable {
  /// Variables by name: the globals, loop variables and `let` names.
  var variables: [String: ValueType]
  /// The element types of the filters the expression stands in, innermost last.
  var elements: [ValueType] = []

  /// A scope with the globals every rule sees.
  static var globals: StaticScope { StaticScope(variables: ModelSchema.globals) }

  /// The type a name stands for: an element's field (innermost filter first), `it`, or a variable.
  func lookup(_ name: String) -> ValueType? {
    for element in elements.reversed() {
      if case .object(let kind) = element, let type = ModelSchema.fields(of: kind)[name] { return type }
    }
    if name == "it", let innermost = elements.last { return innermost }
    return variables[name]
  }

  /// Every name the scope can see, for error messages.
  var visibleNames: [String] {
    var names = Set(variables.keys)
    for element in elements {
      if case .object(let kind) = element { names.formUnion(ModelSchema.fields(of: kind).keys) }
    }
    if !elements.isEmpty { names.insert("it") }
    return names.sorted()
  }
}

/// Infers the static type of expressions and rejects unknown names, unknown fields, unknown functions, wrong
/// arities and operands of the wrong type, so that rule files fail when they are loaded rather than when run.
enum TypeChecker {
  /// The type of an expression in a scope.
  ///
  /// - Throws: ``ExpressionTypeError`` describing the first problem found.
  static func type(of expression: Expression, in scope: StaticScope) throws(ExpressionTypeError) -> ValueType {
    switch expression {
    case .number: return .number
    case .string: return .string
    case .boolean: return .boolean
    case .null: return .any
    case .list(let elements):
      var elementType: ValueType?
      for element in elements {
        let type = try type(of: element, in: scope)
        if let known = elementType, known != type {
          elementType = .any
        } else if elementType == nil {
          elementType = type
        }
      }
      return .list(elementType ?? .any)
    case .name(let name):
      guard let type = scope.lookup(name) else {
        throw ExpressionTypeError(
          message: "unknown name '\(name)'; known here: \(scope.visibleNames.joined(separator: ", "))")
      }
      return type
    case .member(let base, let field):
      return try memberType(try type(of: base, in: scope), field)
    case .filter(let base, let condition):
      let baseType = try type(of: base, in: scope)
      guard let element = baseType.elementType else {
        throw ExpressionTypeError(message: "a filter [...] needs a list, not a \(baseType)")
      }
      var inner = scope
      inner.elements.append(element)
      try requireBoolean(try type(of: condition, in: inner), "a filter's condition")
      return baseType
    case .call(let name, let arguments):
      guard let function = BuiltinFunctions.all[name] else {
        throw ExpressionTypeError(
          message: "unknown function '\(name)'; known: \(BuiltinFunctions.all.keys.sorted().joined(separator: ", "))")
      }
      guard function.arity.contains(arguments.count) else {
        let expected =
          function.arity.lowerBound == function.arity.upperBound
          ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) to \(function.arity.upperBound)"
        throw ExpressionTypeError(
          message: "\(name) takes \(expected) argument\(expected == "1" ? "" : "s"), not \(arguments.count)")
      }
      var types: [ValueType] = []
      for argument in arguments { types.append(try type(of: argument, in: scope)) }
      do {
        return try function.resultType(types)
      } catch {
        throw ExpressionTypeError(message: "\(name)(...): \(error.message)")
      }
    case .unary(.negate, let operand):
      let type = try type(of: operand, in: scope)
      guard type.isNumeric else { throw ExpressionTypeError(message: "'-' needs a number, not a \(type)") }
      return .number
    case .unary(.not, let operand):
      try requireBoolean(try type(of: operand, in: scope), "'not'")
      return .boolean
    case .binary(let operation, let left, let right):
      return try binaryType(operation, try type(of: left, in: scope), try type(of: right, in: scope))
    case .test(let operand, let kind):
      let type = try type(of: operand, in: scope)
      switch kind {
      case .empty, .notEmpty:
        switch type {
        case .list, .string, .any: break
        default: throw ExpressionTypeError(message: "'\(kind.rawValue)' needs a list or a text, not a \(type)")
        }
      case .missing, .present:
        guard type == .object(.row) || type == .any else {
          throw ExpressionTypeError(message: "'\(kind.rawValue)' needs a row, not a \(type)")
        }
      case .null, .notNull:
        break
      }
      return .boolean
    }
  }

  /// The type of `base.field`; over a list, the list of the field's values (flattened when they are lists).
  static func memberType(_ base: ValueType, _ field: String) throws(ExpressionTypeError) -> ValueType {
    switch base {
    case .any: return .any
    case .object(let kind):
      guard let type = ModelSchema.fields(of: kind)[field] else {
        let known = ModelSchema.fields(of: kind).keys.sorted().joined(separator: ", ")
        throw ExpressionTypeError(message: "a \(kind.rawValue) has no field '\(field)'; its fields: \(known)")
      }
      return type
    case .list(let element):
      let type = try memberType(element, field)
      if case .list = type { return type }
      return .list(type)
    default:
      throw ExpressionTypeError(message: "a \(base) has no field '\(field)'")
    }
  }

  private static func requireBoolean(_ type: ValueType, _ what: String) throws(ExpressionTypeError) {
    guard type == .boolean || type == .any else {
      throw ExpressionTypeError(message: "\(what) needs true/false, not a \(type)")
    }
  }

  private static func binaryType(
    _ operation: BinaryOperator, _ left: ValueType, _ right: ValueType
  ) throws(ExpressionTypeError) -> ValueType {
    switch operation {
    case .add where left == .string || right == .string:
      guard (left == .string || left == .any) && (right == .string || right == .any) else {
        throw ExpressionTypeError(message: "'+' joins two texts or adds two numbers, not a \(left) and a \(right)")
      }
      return .string
    case .add where isList(left) || isList(right):
      guard let leftElement = left.elementType, let rightElement = right.elementType else {
        throw ExpressionTypeError(message: "'+' joins two lists, not a \(left) and a \(right)")
      }
      return .list(leftElement == rightElement ? leftElement : .any)
    case .add, .subtract, .multiply, .divide:
      guard left.isNumeric && right.isNumeric else {
        throw ExpressionTypeError(message: "'\(operation.rawValue)' needs numbers, not a \(left) and a \(right)")
      }
      return .number
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      guard (left.isNumeric && right.isNumeric) || (left == .string && right == .string) else {
        throw ExpressionTypeError(
          message: "'\(operation.rawValue)' compares two numbers or two texts, not a \(left) and a \(right)")
      }
      return .boolean
    case .equal, .notEqual:
      guard comparable(left, right) else {
        throw ExpressionTypeError(message: "'\(operation.rawValue)' cannot compare a \(left) with a \(right)")
      }
      return .boolean
    case .and, .or:
      try requireBoolean(left, "'\(operation.rawValue)'")
      try requireBoolean(right, "'\(operation.rawValue)'")
      return .boolean
    case .in, .notIn:
      guard let element = right.elementType else {
        throw ExpressionTypeError(message: "'\(operation.rawValue)' needs a list on its right, not a \(right)")
      }
      guard comparable(left, element) else {
        throw ExpressionTypeError(message: "a \(left) cannot be found in a list of \(element)")
      }
      return .boolean
    }
  }

  private static func isList(_ type: ValueType) -> Bool {
    if case .list = type { return true }
    return false
  }

  private static func comparable(_ left: ValueType, _ right: ValueType) -> Bool {
    if left == .any || right == .any || left == right { return true }
    if left.isNumeric && right.isNumeric { return true }
    if let leftElement = left.elementType, let rightElement = right.elementType {
      return comparable(leftElement, rightElement)
    }
    return false
  }
}
