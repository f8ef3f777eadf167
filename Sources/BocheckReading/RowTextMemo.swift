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

  /// The memo's tables, read and written in one access per question (a class's stored property is checked
  /// for exclusive access at each use; a struct's own properties are not).
  private var tables = Tables()

  /// Makes room in every list for as many distinct texts, so that no list grows while it fills.
  ///
  /// - Parameter count: How many texts the memo may be asked about (the value tokens of the region, say).
  func reserveCapacity(_ count: Int) {
    tables.reserveCapacity(count)
  }

  /// The value a row's text reads as, the same as ``ValueParsers/parse(_:for:)`` gives.
  ///
  /// - Parameters:
  ///   - text: The value as printed, wrapped lines joined by single spaces.
  ///   - field: The row it belongs to.
  func parse(_ text: String, for field: RowField) -> ParsedValue {
    tables.parse(text, for: field)
  }

  /// A fragment's value part: its text with the caption words at its ends cut, as `compute` cuts them; `nil`
  /// when nothing is left, or when the end of a caption's parenthesis that wrapped is asked about and the text
  /// is one, as `closesWrappedParenthesis` tells. The text is looked up once for both questions.
  ///
  /// - Parameters:
  ///   - text: The fragment's text.
  ///   - field: The row the fragment belongs to.
  ///   - dropsParenthesisEnds: Whether a text that ends a wrapped parenthesis is no value part: `false` for a
  ///     value joined from fragments that each were one.
  ///   - closesWrappedParenthesis: Whether the text ends a wrapped parenthesis, from the text and the row alone.
  ///   - compute: Works the cut out from the text and the row alone: the text left and how many characters were
  ///     cut from its start, or `nil` when nothing is left.
  func valuePart(
    _ text: String, of field: RowField, dropsParenthesisEnds: Bool, closesWrappedParenthesis: () -> Bool,
    _ compute: () -> (text: String, cutFromStart: Int)?
  ) -> (text: String, cutFromStart: Int)? {
    tables.valuePart(
      text, of: field, dropsParenthesisEnds: dropsParenthesisEnds,
      closesWrappedParenthesis: closesWrappedParenthesis, compute)
  }

  /// The texts met and what they read as.
  private struct Tables {
    /// The texts met so far, each numbered with how its row reads it (``rowKind(_:)``): keyed by the text's
    /// bytes tagged with that kind, so that canonically equivalent texts of other bytes ("é" precomposed and
    /// "e" with a combining accent) are read each as printed, and each text is found from its bytes in place,
    /// in a table seeded for the run (``NumberedTexts``).
    private var texts = NumberedTexts()
    /// The parsed values found so far, by the number of the text and kind of row.
    private var parsed: [ParsedValue?] = []
    /// The fragments' texts with their caption words cut (the text left and the characters cut from its
    /// start), `nil` when nothing is left, by the number of the text and kind of row, for the fragments met
    /// so far.
    private var cuts: [(text: String, cutFromStart: Int)??] = []
    /// Whether each text ends a caption's parenthesis that wrapped, by the number of the text and kind of row,
    /// for the fragments met so far.
    private var closings: [Bool?] = []

    /// The number of a text read in a row, given the first time the text is met in a row of its kind.
    private mutating func number(_ text: String, _ field: RowField) -> Int {
      let kind = UInt8(RowTextMemo.rowKind(field))
      // The text's bytes in place, tagged with the kind: no key is made of both.
      let number = ASCIIText.withUTF8(text) { bytes in texts.number(of: 0..<bytes.count, in: bytes, tag: kind) }
      if number == parsed.count {
        parsed.append(nil)
        cuts.append(nil)
        closings.append(nil)
      }
      return number
    }

    /// Makes room in every list for as many distinct texts.
    mutating func reserveCapacity(_ count: Int) {
      parsed.reserveCapacity(count)
      cuts.reserveCapacity(count)
      closings.reserveCapacity(count)
    }

    /// ``RowTextMemo/parse(_:for:)``.
    mutating func parse(_ text: String, for field: RowField) -> ParsedValue {
      let number = number(text, field)
      if let known = parsed[number] { return known }
      let value = ValueParsers.parse(text, for: field)
      parsed[number] = value
      return value
    }

    /// ``RowTextMemo/valuePart(_:of:dropsParenthesisEnds:closesWrappedParenthesis:_:)``.
    mutating func valuePart(
      _ text: String, of field: RowField, dropsParenthesisEnds: Bool, closesWrappedParenthesis: () -> Bool,
      _ compute: () -> (text: String, cutFromStart: Int)?
    ) -> (text: String, cutFromStart: Int)? {
      let number = number(text, field)
      if dropsParenthesisEnds {
        let closes: Bool
        if let known = closings[number] {
          closes = known
        } else {
          closes = closesWrappedParenthesis()
          closings[number] = closes
        }
        if closes { return nil }
      }
      if let known = cuts[number] { return known }
      let value = compute()
      cuts[number] = value
      return value
    }
  }
}
