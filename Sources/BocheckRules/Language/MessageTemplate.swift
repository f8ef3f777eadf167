/// A message with `{expression}` placeholders, such as `"{person}: row 11 reports {person.aggregateAmountOwned}"`.
///
/// `{{` and `}}` stand for literal braces. Each placeholder is parsed and type-checked when the rule is loaded.
struct MessageTemplate: Sendable {
  /// A piece of the message.
  enum Segment: Sendable {
    /// Text printed as is.
    case literal(String)
    /// An expression printed with ``ValueFormatter/message(_:)``.
    case placeholder(Expression, source: String)
  }

  /// The pieces in order.
  var segments: [Segment]

  /// Parses a template.
  ///
  /// - Parameter text: The message without its surrounding quotes.
  /// - Throws: ``ExpressionSyntaxError`` for a placeholder that does not close or does not parse; its offset is
  ///   the placeholder's start in `text`.
  static func parse(_ text: String) throws(ExpressionSyntaxError) -> MessageTemplate {
    let characters = Array(text)
    var segments: [Segment] = []
    var literal = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "{", index + 1 < characters.count, characters[index + 1] == "{" {
        literal.append("{")
        index += 2
      } else if character == "}", index + 1 < characters.count, characters[index + 1] == "}" {
        literal.append("}")
        index += 2
      } else if character == "}" {
        throw ExpressionSyntaxError(message: "'}' without '{' (write '}}' for a brace)", offset: index)
      } else if character == "{" {
        let start = index
        index += 1
        var inString = false
        var source = ""
        var closed = false
        while index < characters.count {
          let current = characters[index]
          if inString {
            if current == "\\", index + 1 < characters.count {
              source.append(current)
              source.append(characters[index + 1])
              index += 2
              continue
            }
            if current == "\"" { inString = false }
          } else if current == "\"" {
            inString = true
          } else if current == "}" {
            closed = true
            index += 1
            break
          }
          source.append(current)
          index += 1
        }
        guard closed else {
          throw ExpressionSyntaxError(message: "placeholder '{' is not closed with '}'", offset: start)
        }
        if !literal.isEmpty {
          segments.append(.literal(literal))
          literal = ""
        }
        let expression: Expression
        do {
          expression = try Parser.parse(source)
        } catch {
          throw ExpressionSyntaxError(
            message: "placeholder {\(source)}: \(error.message) (at character \(error.offset + 1))", offset: start)
        }
        segments.append(.placeholder(expression, source: source))
      } else {
        literal.append(character)
        index += 1
      }
    }
    if !literal.isEmpty { segments.append(.literal(literal)) }
    return MessageTemplate(segments: segments)
  }

  /// Type-checks every placeholder.
  func check(in scope: StaticScope) throws(ExpressionTypeError) {
    for segment in segments {
      guard case .placeholder(let expression, let source) = segment else { continue }
      do {
        _ = try TypeChecker.type(of: expression, in: scope)
      } catch {
        throw ExpressionTypeError(message: "placeholder {\(source)}: \(error.message)")
      }
    }
  }

}

/// A message template with its placeholders resolved (see ``ExpressionResolver``), ready to be filled.
struct ResolvedMessage: Sendable {
  /// A piece of the message.
  enum Segment: Sendable {
    /// Text printed as is.
    case literal(String)
    /// An expression printed with ``ValueFormatter/message(_:)``.
    case placeholder(ResolvedExpression)
  }

  /// The pieces in order.
  let segments: [Segment]
  /// The UTF-8 bytes a filled message is made room for at once: its literal pieces' bytes and
  /// ``bytesPerPlaceholder`` for each placeholder, so that it does not grow piece by piece.
  private let expectedByteCount: Int

  /// The UTF-8 bytes a placeholder's text is expected to take: a name or a number with separators.
  private static let bytesPerPlaceholder = 24

  /// A message of these pieces.
  init(segments: [Segment]) {
    self.segments = segments
    var expected = 0
    for segment in segments {
      switch segment {
      case .literal(let text): expected += text.utf8.count
      case .placeholder: expected += ResolvedMessage.bytesPerPlaceholder
      }
    }
    expectedByteCount = expected
  }

  /// Resolves a template's placeholders.
  init(_ template: MessageTemplate, resolver: ExpressionResolver) {
    self.init(
      segments: template.segments.map { segment in
        switch segment {
        case .literal(let text): return .literal(text)
        case .placeholder(let expression, _): return .placeholder(resolver.resolve(expression))
        }
      })
  }

  /// Fills the placeholders.
  ///
  /// The pieces' bytes are gathered in one buffer made room for at once, and made a text at the end: appending
  /// to a `String` piece by piece grew it several times and looked at the characters where each piece met the
  /// text before it. A placeholder's number or text is written into the buffer without a text of its own (see
  /// ``ValueFormatter/appendMessage(_:to:)``).
  func render(in frame: inout Frame) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(expectedByteCount)
    for segment in segments {
      switch segment {
      case .literal(let text): ValueFormatter.appendUTF8(text, to: &bytes)
      case .placeholder(let expression):
        ValueFormatter.appendMessage(Evaluator.evaluate(expression, in: &frame), to: &bytes)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
