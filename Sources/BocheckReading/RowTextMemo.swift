import BocheckModel

/// What one filing's row texts read as, each distinct text worked out once per kind of row.
///
/// A cover page prints the same value in several rows (sole voting and sole dispositive power, the
/// aggregate amount), and a filing repeats its pages for every reporting person: an amount such as
/// "1,000 shares of common stock, consisting of (i) ..." is read ten times or more. The steps that read
/// a row's text (parsing it, telling caption words from it) are pure functions of the text and of the kind
/// of row, so each is worked out once per distinct pair and its result handed out again.
final class RowTextMemo {
  /// How a row reads its value, as a small number: 0 for row 1 (a name), else its kind of value.
  ///
  /// A number rather than the ``RowValueKind`` itself: the kind, having raw values, would hash and compare as
  /// its raw value's text.
  private static func rowKind(_ field: RowField) -> Int {
    guard field != .reportingPersonName else { return 0 }
    switch field.valueKind {
    case .text: return 1
    case .amount: return 2
    case .percent: return 3
    case .checkbox: return 4
    case .codes: return 5
    case .groupBoxes: return 6
    }
  }

  /// The key of a text read in a row: its bytes (canonically equivalent texts of other bytes, "é" precomposed
  /// and "e" with a combining accent, are read each as printed) and how the row reads its value.
  private static func key(_ text: String, _ field: RowField) -> ExactTextKey {
    ExactTextKey(text, tag: rowKind(field))
  }

  /// The parsed values found so far.
  private var parsed: [ExactTextKey: ParsedValue?] = [:]
  /// The fragments' texts with their caption words cut (the text left and the characters cut from its
  /// start), `nil` when nothing is left, for the fragments met so far.
  private var withoutCaptionWords: [ExactTextKey: (text: String, cutFromStart: Int)??] = [:]

  /// Makes room in every table for as many distinct texts, so that no table grows, hashing its texts again,
  /// while it fills.
  ///
  /// - Parameter count: How many texts the tables may be asked about (the value tokens of the region, say).
  func reserveCapacity(_ count: Int) {
    parsed.reserveCapacity(count)
    withoutCaptionWords.reserveCapacity(count)
  }

  /// The value a row's text reads as, the same as ``ValueParsers/parse(_:for:)`` gives.
  ///
  /// - Parameters:
  ///   - text: The value as printed, wrapped lines joined by single spaces.
  ///   - field: The row it belongs to.
  func parse(_ text: String, for field: RowField) -> ParsedValue {
    parsed.remembered(Self.key(text, field)) { ValueParsers.parse(text, for: field) }
  }

  /// A fragment's text with the caption words at its ends cut, as `compute` cuts them.
  ///
  /// - Parameters:
  ///   - text: The fragment's text.
  ///   - field: The row the fragment belongs to.
  ///   - compute: Works the result out from the text and the row alone: the text left and how many
  ///     characters were cut from its start, or `nil` when nothing is left.
  func withoutCaptionWords(
    _ text: String, of field: RowField, _ compute: () -> (text: String, cutFromStart: Int)?
  ) -> (text: String, cutFromStart: Int)? {
    withoutCaptionWords.remembered(Self.key(text, field), compute)
  }
}
