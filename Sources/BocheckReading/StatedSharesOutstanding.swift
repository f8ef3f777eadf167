import BocheckModel

/// Finds the number of shares outstanding a paragraph of prose states as the basis of the percentages.
///
/// A number counts only where the words around it make it the class's outstanding shares:
///
/// - a basis phrase leads to it: "based on 12,500,000 shares", "calculated on the basis of 12,500,000",
///   "7.5% of the 12,500,000 shares ... outstanding";
/// - it is the subject of "outstanding", with nothing but the class's name between them:
///   "12,500,000 shares of Class A Common Stock issued and outstanding", "12,500,000 outstanding shares";
/// - "outstanding" leads to it through a verb or "of": "shares outstanding as of May 1, 2024 was 12,500,000",
///   "outstanding shares of 12,500,000".
///
/// A number someone owns, holds, buys or sells is never a basis, however near "outstanding" it stands
/// ("is the beneficial owner of 12,500 shares or 0.1% of the Common Stock outstanding"). Dollar amounts,
/// percents, per-share prices and numbers below 10,000 are not candidates. The scan works on the paragraph's
/// UTF-8 bytes.
struct StatedSharesOutstanding {
  /// A number the paragraph states as the shares outstanding.
  struct Statement: Equatable {
    /// The number of shares.
    var shares: ExactDecimal
    /// The byte offset of the number in the paragraph's UTF-8 text.
    var offset: Int
    /// Whether a basis phrase ("based on", "% of the") leads to it.
    var isBasisPhrase: Bool
  }

  /// A word, a number or a punctuation mark of the paragraph.
  private struct Token {
    enum Kind: Equatable {
      case word
      case number
      case mark
    }
    var kind: Kind
    /// Lower-case ASCII text; a possessive "'s" is dropped; a mark is its one character.
    var text: String
    /// The byte offset in the paragraph.
    var offset: Int
    /// For a number, its value with any "million" or "k" applied.
    var value: ExactDecimal?
    /// For a word, whether it starts with a capital letter.
    var isCapitalized = false
  }

  private let tokens: [Token]

  /// Splits a paragraph into words, numbers and marks.
  ///
  /// - Parameter paragraph: The paragraph's text, lines joined by spaces.
  init(_ paragraph: String) {
    tokens = StatedSharesOutstanding.tokenize(Array(paragraph.utf8))
  }

  /// Every number the paragraph states as the shares outstanding, in order.
  var statements: [Statement] {
    var result: [Statement] = []
    for index in tokens.indices {
      guard tokens[index].kind == .number, let value = tokens[index].value, isCandidate(index, value) else {
        continue
      }
      let lead = basisPhraseBefore(index)
      if lead == .holding { continue }
      let isBasis = lead == .basis
      if isBasis || reachesOutstanding(after: index) || outstandingLeads(to: index) {
        result.append(Statement(shares: value, offset: tokens[index].offset, isBasisPhrase: isBasis))
      }
    }
    return result
  }

  // MARK: Candidates

  /// Whether a number can be a count of shares: a whole number of at least 10,000, not a dollar amount,
  /// a percent or a price per share.
  private func isCandidate(_ index: Int, _ value: ExactDecimal) -> Bool {
    guard value.scale == 0, value.significand >= 10_000 else { return false }
    if index > 0 && tokens[index - 1].text == "$" { return false }
    if index + 1 < tokens.count && (tokens[index + 1].text == "%" || tokens[index + 1].text == "/") { return false }
    if index + 1 < tokens.count && tokens[index + 1].text == "percent" { return false }
    return true
  }

  private enum Lead {
    case basis
    case holding
    case none
  }

  /// What leads to the number within its sentence: a basis phrase, a holding verb, or neither. The nearer
  /// one decides.
  private func basisPhraseBefore(_ index: Int) -> Lead {
    var words: [String] = []
    var position = index - 1
    while position >= 0 && words.count < 8 {
      let token = tokens[position]
      if token.kind == .mark && (token.text == "." || token.text == ";") { break }
      if token.kind == .number && (token.value.map { $0.significand >= 10_000 } ?? false) { break }
      if token.kind == .word && StatedSharesOutstanding.holdingWords.contains(token.text) {
        return isBasisPhrase(words) ? .basis : .holding
      }
      words.insert(token.kind == .number ? "#" : token.text, at: 0)
      if isBasisPhrase(words) { return .basis }
      position -= 1
    }
    return isBasisPhrase(words) ? .basis : .none
  }

  /// Whether the words just before a number end in a basis phrase, fillers such as "an aggregate of" aside.
  private func isBasisPhrase(_ before: [String]) -> Bool {
    var words = before[...]
    while true {
      for phrase in StatedSharesOutstanding.basisPhrases where words.count >= phrase.count {
        if words.suffix(phrase.count).elementsEqual(phrase) { return true }
      }
      guard let last = words.last, StatedSharesOutstanding.fillers.contains(last) else { return false }
      words = words.dropLast()
    }
  }

  /// Whether the words after the number are only the class's name on the way to "outstanding".
  private func reachesOutstanding(after index: Int) -> Bool {
    var position = index + 1
    var namesSeen = 0
    while position < tokens.count && position <= index + 24 {
      let token = tokens[position]
      defer { position += 1 }
      if token.kind == .word && token.text == "outstanding" { return true }
      switch token.kind {
      case .word:
        if StatedSharesOutstanding.classWords.contains(token.text) { continue }
        // The class or issuer may be named: "shares of Northwind Robotics common stock".
        if token.isCapitalized && namesSeen < 4 {
          namesSeen += 1
          continue
        }
        return false
      case .number:
        // A par value: "$0.01 per share".
        if position > 0 && tokens[position - 1].text == "$" { continue }
        // Another class counted in the same breath: "10,000 shares of Class A and 20,000 shares of Class B
        // Common Stock outstanding" states both.
        if position > 0 && (tokens[position - 1].text == "and" || tokens[position - 1].text == ",") { continue }
        return false
      case .mark:
        if token.text == "$" || token.text == "-" || token.text == "," { continue }
        return false
      }
    }
    return false
  }

  /// Whether "outstanding" leads to the number through the class's name, a date and a linking word:
  /// "shares outstanding as of May 1, 2024 was 12,500,000".
  private func outstandingLeads(to index: Int) -> Bool {
    guard index > 0 else { return false }
    let linking = tokens[index - 1]
    guard StatedSharesOutstanding.linkingWords.contains(linking.text) else { return false }
    var position = index - 2
    while position >= 0 && position >= index - 16 {
      let token = tokens[position]
      defer { position -= 1 }
      if token.kind == .word && token.text == "outstanding" { return true }
      switch token.kind {
      case .word:
        if StatedSharesOutstanding.classWords.contains(token.text)
          || StatedSharesOutstanding.dateWords.contains(token.text)
        {
          continue
        }
        return false
      case .number:
        // A day or a year of the date.
        if let value = token.value, value.significand < 10_000 { continue }
        return false
      case .mark:
        if token.text == "," { continue }
        return false
      }
    }
    return false
  }

  // MARK: Vocabulary

  /// Phrases that make the number after them the basis (word lists; `%` is the percent sign).
  private static let basisPhrases: [[String]] = [
    ["based", "on"], ["based", "upon"], ["basis", "of"], ["%", "of"], ["percent", "of"], ["divided", "by"],
    ["denominator", "of"], ["out", "of"],
  ]

  /// Words between a basis phrase and its number: "based on an aggregate of", "% of the".
  private static let fillers: Set<String> = [
    "a", "an", "the", "total", "aggregate", "of", "approximately", "about", "its", "issuer", "company",
  ]

  /// Words that make the number after them someone's holding, not the class's size.
  private static let holdingWords: Set<String> = [
    "own", "owns", "owned", "owning", "owner", "owners", "hold", "holds", "held", "holding", "holder", "holders",
    "acquire", "acquired", "acquiring", "purchase", "purchased", "purchases", "purchasing", "bought", "sell", "sold",
    "sells", "selling", "dispose", "disposed", "transfer", "transferred", "receive", "received", "vote", "voted",
    "consisting", "includes", "including", "comprising", "beneficially", "additional", "exercise", "convert",
    "converted", "issuable", "grant", "granted", "aggregating",
  ]

  /// Words that may stand between a number and "outstanding": the class's name and how it is outstanding.
  private static let classWords: Set<String> = [
    "shares", "share", "of", "the", "its", "issuer", "company", "registrant", "common", "stock", "class", "a", "b",
    "c", "ordinary", "preferred", "series", "units", "unit", "ads", "adss", "american", "depositary", "depository",
    "issued", "and", "par", "value", "per", "no", "voting", "non", "subordinate", "limited", "partnership",
    "interests", "then", "currently", "presently", "believed", "reported", "to", "be", "were", "are", "is", "was",
    "being", "total", "equity", "capital",
  ]

  /// Words of a date and its lead: "as of the close of business on May 1, 2024".
  private static let dateWords: Set<String> = [
    "as", "of", "on", "at", "the", "close", "business", "date", "hereof", "record", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
  ]

  /// Words that link "outstanding" to the number it states.
  private static let linkingWords: Set<String> = [
    "was", "were", "is", "are", "of", ":", "totaled", "totalled", "numbered", "=", "be",
  ]

  // MARK: Tokens

  private static func tokenize(_ bytes: [UInt8]) -> [Token] {
    var tokens: [Token] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
        continue
      }
      if ASCIIText.isDigit(byte) {
        let start = index
        while index < bytes.count
          && (ASCIIText.isDigit(bytes[index])
            || ((bytes[index] == 0x2C || bytes[index] == 0x2E) && index + 1 < bytes.count
              && ASCIIText.isDigit(bytes[index + 1])))
        {
          index += 1
        }
        var value = ExactDecimal.parse(String(decoding: bytes[start..<index], as: UTF8.self))
        // "12.5m", "12.5mm", "125k": a glued multiplier; other glued letters make it no number ("10-K").
        var letters = index
        while letters < bytes.count && ASCIIText.isLetter(bytes[letters]) { letters += 1 }
        if letters > index {
          let suffix = String(decoding: bytes[index..<letters], as: UTF8.self).lowercased()
          switch suffix {
          case "m", "mm": value = scaled(value, 1_000_000)
          case "k": value = scaled(value, 1_000)
          default: value = nil
          }
          index = letters
        }
        tokens.append(Token(kind: .number, text: "#", offset: start, value: value))
        continue
      }
      if ASCIIText.isLetter(byte) || byte >= 0x80 {
        let start = index
        while index < bytes.count
          && (ASCIIText.isLetter(bytes[index]) || bytes[index] >= 0x80 || bytes[index] == 0x27
            || (bytes[index] == 0x2D && index + 1 < bytes.count && ASCIIText.isLetter(bytes[index + 1])))
        {
          index += 1
        }
        var word = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        for possessive in ["'s", "\u{2019}s"] where word.hasSuffix(possessive) { word.removeLast(possessive.count) }
        if word.hasPrefix("non-") { word = "non" }
        let isCapitalized = byte >= 0x41 && byte <= 0x5A
        // "12.5 million": the word multiplies the number before it.
        if let last = tokens.last, last.kind == .number, let multiplier = multipliers[word] {
          tokens[tokens.count - 1].value = scaled(last.value, multiplier)
          continue
        }
        tokens.append(Token(kind: .word, text: word, offset: start, value: nil, isCapitalized: isCapitalized))
        continue
      }
      tokens.append(Token(kind: .mark, text: String(UnicodeScalar(byte)), offset: index, value: nil))
      index += 1
    }
    return tokens
  }

  private static let multipliers: [String: Int128] = [
    "million": 1_000_000, "thousand": 1_000, "billion": 1_000_000_000,
  ]

  /// The value times a multiplier, kept whole when the product is whole ("12.5 million" is 12,500,000).
  private static func scaled(_ value: ExactDecimal?, _ multiplier: Int128) -> ExactDecimal? {
    guard let value else { return nil }
    let product = ExactDecimal(significand: value.significand * multiplier, scale: value.scale)
    if let whole = try? product.rational.rounded(toDecimals: 0), whole.rational == product.rational { return whole }
    return product
  }
}
