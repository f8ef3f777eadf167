import BocheckModel

/// A parsed expression of the rule language.
indirect enum Expression: Sendable {
  /// A number literal, keeping the decimals it was written with.
  case number(ExactDecimal)
  /// A string literal.
  case string(String)
  /// `true` or `false`.
  case boolean(Bool)
  /// `null`: the unknown value.
  case null
  /// A list literal such as `["PN", "IN"]`.
  case list([Expression])
  /// A variable, or inside a filter an element's field.
  case name(String)
  /// `base.field`; over a list it maps the field over the elements.
  case member(Expression, String)
  /// `list[condition]`: the elements for which the condition holds.
  case filter(Expression, Expression)
  /// A call of a building-block function.
  case call(String, [Expression])
  /// `-x` or `not x`.
  case unary(UnaryOperator, Expression)
  /// A binary operation.
  case binary(BinaryOperator, Expression, Expression)
  /// `x is empty`, `x is not null`, `row is missing`, ...
  case test(Expression, TestKind)
}

extension Expression {
  /// The conditions an `and` joins, left to right; the expression itself when it is no `and`.
  var conjuncts: [Expression] {
    if case .binary(.and, let left, let right) = self { return left.conjuncts + right.conjuncts }
    return [self]
  }
}

/// A prefix operator.
enum UnaryOperator: String, Sendable, CaseIterable {
  case negate = "-"
  case not = "not"
}

/// An infix operator.
enum BinaryOperator: String, Sendable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case and = "and"
  case or = "or"
  case `in` = "in"
  case notIn = "not in"
}

/// The postfix tests written with `is`.
enum TestKind: String, Sendable, CaseIterable {
  case empty = "is empty"
  case notEmpty = "is not empty"
  case null = "is null"
  case notNull = "is not null"
  case missing = "is missing"
  case present = "is present"
}

/// Parses an expression by recursive descent.
///
/// Precedence, loosest first: `or`; `and`; `not`; comparisons, `in`, `not in` and `is` tests; `+` and `-`;
/// `*` and `/`; unary minus; paths, filters and calls. Comparisons do not chain.
struct Parser {
  private var tokens: [Token]
  private var position = 0

  /// Words that cannot name a variable, a field or a function.
  static let keywords: Set<String> = [
    "and", "or", "not", "in", "is", "empty", "null", "missing", "present", "true", "false",
  ]

  /// Parses a complete expression.
  ///
  /// - Parameter text: The expression's text.
  static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expression {
    var parser = Parser(tokens: try Lexer.tokenize(text))
    let expression = try parser.parseOr()
    guard case .end = parser.current.kind else {
      throw ExpressionSyntaxError(
        message: "unexpected \(parser.describe(parser.current))", offset: parser.current.offset)
    }
    return expression
  }

  private init(tokens: [Token]) {
    self.tokens = tokens
  }

  private var current: Token { tokens[min(position, tokens.count - 1)] }

  private func peek(_ distance: Int) -> Token { tokens[min(position + distance, tokens.count - 1)] }

  private mutating func advance() { position += 1 }

  private func isSymbol(_ symbol: String, _ token: Token? = nil) -> Bool {
    if case .symbol(let found) = (token ?? current).kind { return found == symbol }
    return false
  }

  private func isWord(_ word: String, _ token: Token? = nil) -> Bool {
    if case .identifier(let found) = (token ?? current).kind { return found == word }
    return false
  }

  private func describe(_ token: Token) -> String {
    switch token.kind {
    case .number(let value): return "number \(value)"
    case .string(let value): return "string \"\(value)\""
    case .identifier(let value): return "'\(value)'"
    case .symbol(let value): return "'\(value)'"
    case .end: return "end of expression"
    }
  }

  private mutating func expectSymbol(_ symbol: String, after what: String) throws(ExpressionSyntaxError) {
    guard isSymbol(symbol) else {
      throw ExpressionSyntaxError(
        message: "expected '\(symbol)' \(what), found \(describe(current))", offset: current.offset)
    }
    advance()
  }

  private mutating func parseOr() throws(ExpressionSyntaxError) -> Expression {
    var left = try parseAnd()
    while isWord("or") {
      advance()
      left = .binary(.or, left, try parseAnd())
    }
    return left
  }

  private mutating func parseAnd() throws(ExpressionSyntaxError) -> Expression {
    var left = try parseNot()
    while isWord("and") {
      advance()
      left = .binary(.and, left, try parseNot())
    }
    return left
  }

  private mutating func parseNot() throws(ExpressionSyntaxError) -> Expression {
    if isWord("not") {
      advance()
      return .unary(.not, try parseNot())
    }
    return try parseComparison()
  }

  private mutating func parseComparison() throws(ExpressionSyntaxError) -> Expression {
    let left = try parseAdditive()
    if case .symbol(let symbol) = current.kind,
      let comparison = [BinaryOperator.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
        .first(where: { $0.rawValue == symbol })
    {
      advance()
      return .binary(comparison, left, try parseAdditive())
    }
    if isWord("in") {
      advance()
      return .binary(.in, left, try parseAdditive())
    }
    if isWord("not"), isWord("in", peek(1)) {
      advance()
      advance()
      return .binary(.notIn, left, try parseAdditive())
    }
    if isWord("is") {
      advance()
      var negated = false
      if isWord("not") {
        negated = true
        advance()
      }
      guard case .identifier(let word) = current.kind else {
        throw ExpressionSyntaxError(
          message: "expected empty, null, missing or present after 'is', found \(describe(current))",
          offset: current.offset)
      }
      let kind: TestKind?
      switch (word, negated) {
      case ("empty", false): kind = .empty
      case ("empty", true): kind = .notEmpty
      case ("null", false): kind = .null
      case ("null", true): kind = .notNull
      case ("missing", false): kind = .missing
      case ("present", false): kind = .present
      case ("missing", true): kind = .present
      case ("present", true): kind = .missing
      default: kind = nil
      }
      guard let kind else {
        throw ExpressionSyntaxError(
          message: "expected empty, null, missing or present after 'is', found '\(word)'", offset: current.offset)
      }
      advance()
      return .test(left, kind)
    }
    return left
  }

  private mutating func parseAdditive() throws(ExpressionSyntaxError) -> Expression {
    var left = try parseMultiplicative()
    while true {
      if isSymbol("+") {
        advance()
        left = .binary(.add, left, try parseMultiplicative())
      } else if isSymbol("-") {
        advance()
        left = .binary(.subtract, left, try parseMultiplicative())
      } else {
        return left
      }
    }
  }

  private mutating func parseMultiplicative() throws(ExpressionSyntaxError) -> Expression {
    var left = try parseUnary()
    while true {
      if isSymbol("*") {
        advance()
        left = .binary(.multiply, left, try parseUnary())
      } else if isSymbol("/") {
        advance()
        left = .binary(.divide, left, try parseUnary())
      } else {
        return left
      }
    }
  }

  private mutating func parseUnary() throws(ExpressionSyntaxError) -> Expression {
    if isSymbol("-") {
      advance()
      return .unary(.negate, try parseUnary())
    }
    return try parsePostfix()
  }

  private mutating func parsePostfix() throws(ExpressionSyntaxError) -> Expression {
    var base = try parsePrimary()
    while true {
      if isSymbol(".") {
        advance()
        guard case .identifier(let field) = current.kind, !Parser.keywords.contains(field) else {
          throw ExpressionSyntaxError(
            message: "expected a field name after '.', found \(describe(current))", offset: current.offset)
        }
        advance()
        base = .member(base, field)
      } else if isSymbol("[") {
        advance()
        let condition = try parseOr()
        try expectSymbol("]", after: "to close the filter")
        base = .filter(base, condition)
      } else {
        return base
      }
    }
  }

  private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      return .number(value)
    case .string(let value):
      advance()
      return .string(value)
    case .identifier(let word):
      switch word {
      case "true":
        advance()
        return .boolean(true)
      case "false":
        advance()
        return .boolean(false)
      case "null":
        advance()
        return .null
      default:
        break
      }
      guard !Parser.keywords.contains(word) else {
        throw ExpressionSyntaxError(message: "unexpected '\(word)'", offset: token.offset)
      }
      advance()
      if isSymbol("(") {
        advance()
        var arguments: [Expression] = []
        if !isSymbol(")") {
          arguments.append(try parseOr())
          while isSymbol(",") {
            advance()
            arguments.append(try parseOr())
          }
        }
        try expectSymbol(")", after: "to close the arguments of \(word)")
        return .call(word, arguments)
      }
      return .name(word)
    case .symbol("("):
      advance()
      let inner = try parseOr()
      try expectSymbol(")", after: "to close '('")
      return inner
    case .symbol("["):
      advance()
      var elements: [Expression] = []
      if !isSymbol("]") {
        elements.append(try parseOr())
        while isSymbol(",") {
          advance()
          elements.append(try parseOr())
        }
      }
      try expectSymbol("]", after: "to close the list")
      return .list(elements)
    default:
      throw ExpressionSyntaxError(message: "expected a value, found \(describe(token))", offset: token.offset)
    }
  }
}
