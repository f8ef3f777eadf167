import BocheckModel

/// One token of the rule expression language.
struct Token: Equatable, Sendable {
  /// What kind of token it is.
  enum Kind: Equatable, Sendable {
    /// A number literal such as `1,000` or `0.5`.
    case number(ExactDecimal)
    /// A string literal, without its quotes and with escapes resolved.
    case string(String)
    /// A name: a variable, a field, a function or a keyword.
    case identifier(String)
    /// An operator or punctuation mark such as `==`, `(` or `.`.
    case symbol(String)
    /// The end of the expression.
    case end
  }

  /// The token's kind and value.
  var kind: Kind
  /// The 0-based character offset of the token in the expression text.
  var offset: Int
}

/// An error found while lexing or parsing an expression.
struct ExpressionSyntaxError: Error, Equatable, Sendable {
  /// What is wrong, in words.
  var message: String
  /// The 0-based character offset in the expression text.
  var offset: Int
}

/// Splits an expression's text into tokens.
///
/// Numbers may group thousands with commas (`1,000,000`); a comma counts as a thousands separator only when
/// exactly three digits follow it, so `round(x,2)` and `[1,2]` still split at the comma. Strings use double
/// quotes with `\"` and `\\` escapes.
enum Lexer {
  private static let symbols = ["==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", "."]

  /// Tokenizes an expression.
  ///
  /// - Parameter text: The expression's text.
  /// - Returns: The tokens, ending with a token of kind `.end`.
  static func tokenize(_ text: String) throws(ExpressionSyntaxError) -> [Token] {
    let characters = Array(text)
    var tokens: [Token] = []
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == " " || character == "\t" || character == "\n" || character == "\r" {
        index += 1
        continue
      }
      let start = index
      if character.isASCII && character.isNumber {
        var literal = ""
        while index < characters.count {
          let current = characters[index]
          if current.isASCII && current.isNumber {
            literal.append(current)
            index += 1
          } else if current == ",", isThousandsGroup(characters, after: index) {
            literal.append(current)
            index += 1
          } else if current == ".", index + 1 < characters.count, characters[index + 1].isASCII,
            characters[index + 1].isNumber, !literal.contains(".")
          {
            literal.append(current)
            index += 1
          } else {
            break
          }
        }
        guard let value = ExactDecimal.parse(literal) else {
          throw ExpressionSyntaxError(message: "'\(literal)' is not a number", offset: start)
        }
        tokens.append(Token(kind: .number(value), offset: start))
      } else if character == "\"" {
        index += 1
        var literal = ""
        var closed = false
        while index < characters.count {
          let current = characters[index]
          if current == "\\", index + 1 < characters.count {
            literal.append(characters[index + 1])
            index += 2
          } else if current == "\"" {
            index += 1
            closed = true
            break
          } else {
            literal.append(current)
            index += 1
          }
        }
        guard closed else { throw ExpressionSyntaxError(message: "string is not closed with '\"'", offset: start) }
        tokens.append(Token(kind: .string(literal), offset: start))
      } else if character.isLetter || character == "_" {
        var name = ""
        while index < characters.count,
          characters[index].isLetter || characters[index] == "_"
            || (characters[index].isASCII && characters[index].isNumber)
        {
          name.append(characters[index])
          index += 1
        }
        tokens.append(Token(kind: .identifier(name), offset: start))
      } else {
        let rest = String(characters[index..<min(index + 2, characters.count)])
        guard let symbol = symbols.first(where: { rest.hasPrefix($0) }) else {
          throw ExpressionSyntaxError(message: "unexpected character '\(character)'", offset: start)
        }
        tokens.append(Token(kind: .symbol(symbol), offset: start))
        index += symbol.count
      }
    }
    tokens.append(Token(kind: .end, offset: characters.count))
    return tokens
  }

  /// Whether the comma at `index` is followed by exactly three digits and then no further digit.
  private static func isThousandsGroup(_ characters: [Character], after index: Int) -> Bool {
    for offset in 1...3 {
      let position = index + offset
      guard position < characters.count, characters[position].isASCII, characters[position].isNumber else {
        return false
      }
    }
    let next = index + 4
    return next >= characters.count || !(characters[next].isASCII && characters[next].isNumber)
  }
}
