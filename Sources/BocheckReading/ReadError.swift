/// A filing that cannot be read at all: not a filing, or in a format bocheck does not read.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, in words.
  public let message: String
  /// The 1-based line the problem was found on, when there is one.
  public let line: Int?

  /// Creates an error.
  public init(message: String, line: Int? = nil) {
    self.message = message
    self.line = line
  }

  /// The message, prefixed with the line when known.
  public var description: String {
    line.map { "line \($0): \(message)" } ?? message
  }
}
