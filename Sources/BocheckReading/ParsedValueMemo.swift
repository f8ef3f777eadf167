import BocheckModel

/// The values of one filing's rows, each distinct text parsed once.
///
/// A cover page prints the same value in several rows (sole voting and sole dispositive power, the
/// aggregate amount), and a filing repeats its pages for every reporting person: an amount such as
/// "8,221,764 shares of common stock, consisting of (i) ..." is read ten times or more. Parsing is a pure
/// function of the text and of the kind of row (``ValueParsers/parse(_:for:)`` looks at nothing else), so
/// each distinct pair is parsed once and its result handed out again.
final class ParsedValueMemo {
  /// What a parse depends on: the text and how the row reads its value.
  private struct Key: Hashable {
    /// The value text as given to the parser.
    let text: String
    /// The kind of value the row holds.
    let kind: RowValueKind
    /// Whether the row is row 1, whose text is read as a name.
    let isName: Bool
  }

  /// The results parsed so far.
  private var results: [Key: ParsedValue] = [:]

  /// The value a row's text reads as, the same as ``ValueParsers/parse(_:for:)`` gives.
  ///
  /// - Parameters:
  ///   - text: The value as printed, wrapped lines joined by single spaces.
  ///   - field: The row it belongs to.
  func parse(_ text: String, for field: RowField) -> ParsedValue {
    let key = Key(text: text, kind: field.valueKind, isName: field == .reportingPersonName)
    if let known = results[key] { return known }
    let parsed = ValueParsers.parse(text, for: field)
    results[key] = parsed
    return parsed
  }
}
