import BocheckModel
import Foundation

/// The result of reading one row's value text.
enum ParsedValue: Equatable {
  /// The value was read.
  case value(RowValue)
  /// The text is there but cannot be read; the string says why.
  case malformed(String)
  /// There is nothing to read.
  case empty
}

/// Parsers for the values of cover-page rows, one per kind of row.
enum ValueParsers {
  /// Parses a row's value text according to the kind of value the row holds.
  ///
  /// - Parameters:
  ///   - text: The value as printed, wrapped lines joined by single spaces.
  ///   - field: The row it belongs to.
  static func parse(_ text: String, for field: RowField) -> ParsedValue {
    let trimmed = text.trimmingBlanks()
    switch field.valueKind {
    case .amount: return parseAmount(trimmed)
    case .percent: return parsePercent(trimmed)
    case .checkbox: return .value(.checkbox(checkboxState(trimmed) ?? false))
    case .groupBoxes: return parseGroupBoxes(trimmed)
    case .codes: return parseCodes(trimmed)
    case .text:
      if field == .reportingPersonName { return parseName(trimmed) }
      return trimmed.isEmpty ? .empty : .value(.text(trimmed))
    }
  }

  // MARK: Numbers

  /// A leading number token: where it ends and what it reads as.
  struct NumberToken {
    /// The token as printed, footnote markers removed.
    let text: String
    /// The value, or `nil` when the token has digits but is not a well-formed number.
    let value: ExactDecimal?
    /// Offset (in characters of the scanned text) just after the token.
    let end: String.Index
  }

  /// Reads the number a text starts with, such as `1,250,000`, `2,500(1)` or `-0-`.
  ///
  /// The token runs to the first blank; footnote markers glued to it (`(1)`, `*`, `†`) and a trailing
  /// comma, semicolon or point are not part of it. A token that has digits but is not a well-formed number
  /// (`1,0l9,531`) is returned with a `nil` value, so the caller can say it is malformed.
  static func leadingNumber(_ text: Substring) -> NumberToken? {
    var end = text.startIndex
    while end < text.endIndex && !text[end].isWhitespace { end = text.index(after: end) }
    var token = text[text.startIndex..<end]
    guard !token.isEmpty else { return nil }
    if token == "-0-" || token == "-0-." || token == "-0-," || token == "-0-;" || token == "—" || token == "-" {
      return NumberToken(text: String(token), value: ExactDecimal(0), end: end)
    }
    // Footnote markers and trailing punctuation.
    // Footnote markers glued on, possibly several: "81,061,550(1)", "1,000(1)(2)*".
    var stripped = true
    while stripped {
      stripped = false
      while let last = token.last, "*†‡,;:.".contains(last) {
        token = token.dropLast()
        stripped = true
      }
      if token.hasSuffix(")"), let open = token.lastIndex(of: "("), open > token.startIndex {
        let inner = token[token.index(after: open)..<token.index(before: token.endIndex)]
        if inner.count <= 3 && !inner.isEmpty {
          token = token[..<open]
          stripped = true
        }
      }
    }
    guard let first = token.first, first.isNumber || first == "-" else { return nil }
    guard token.contains(where: { $0.isNumber }) else { return nil }
    return NumberToken(text: String(token), value: ExactDecimal.parse(token), end: end)
  }

  private static let zeroWords: Set<String> = ["NONE", "NIL", "ZERO", "-0-", "0"]

  /// Parses an amount row: a total, its itemised parts and whose shares they are.
  static func parseAmount(_ text: String) -> ParsedValue {
    guard !text.isEmpty else { return .empty }
    let body = Substring(text)
    guard let number = leadingNumber(body) else {
      let word = text.uppercased().trimmingCharacters(in: ".")
      if zeroWords.contains(word) { return .value(.amount(Amount(shares: ExactDecimal(0)))) }
      return .malformed("'\(text.prefix(40))' does not start with a number of shares")
    }
    guard let total = number.value else {
      return .malformed("'\(number.text)' cannot be read as a number of shares")
    }
    let rest = String(body[number.end...])
    let (partsText, relation, attribution) = splitAmountText(rest)
    var parts: [AmountPart] = []
    if let partsText {
      switch parseParts(partsText) {
      case .success(let list): parts = list
      case .failure(let problem): return .malformed(problem.message)
      }
    }
    let amount = Amount(
      shares: total, parts: parts, partsRelation: parts.isEmpty ? .none : relation,
      attributedTo: attribution.map { [$0] } ?? [])
    return .value(.amount(amount))
  }

  /// Whether a name ends with an abbreviation whose point belongs to it ("Ltd.", "Inc.", "L.P.").
  static func endsWithAbbreviation(_ name: String) -> Bool {
    guard let last = name.split(separator: " ").last else { return false }
    let word = last.lowercased()
    return ["ltd.", "inc.", "co.", "corp.", "l.p.", "n.a.", "l.l.c.", "jr.", "sr.", "s.a.", "p.c."].contains(word)
      || word.hasSuffix(",ltd.") || word.hasSuffix(",inc.")
  }

  private static let attributionPhrases = [
    "collectively owned directly by", "collectively owned by", "owned directly by", "held directly by",
    "collectively held by", "beneficially owned by", "owned of record by", "held of record by", "owned by", "held by",
  ]

  /// Splits the text after an amount's total into its parts list, how they relate, and its attribution.
  static func splitAmountText(_ text: String) -> (parts: String?, relation: PartsRelation, attribution: String?) {
    var body = text
    var attribution: String?
    for phrase in attributionPhrases {
      if let range = body.range(of: phrase, options: .caseInsensitive) {
        var name = String(body[range.upperBound...]).trimmingBlanks()
        while let last = name.last, ";,".contains(last) || (last == "." && !endsWithAbbreviation(name)) {
          name.removeLast()
        }
        if !name.isEmpty { attribution = name }
        body = String(body[..<range.lowerBound])
        break
      }
    }
    for (phrase, relation) in [
      ("consisting of", PartsRelation.consistingOf), ("comprised of", .consistingOf), ("comprising", .consistingOf),
      ("composed of", .consistingOf), ("including", .including),
    ] {
      if let range = body.range(of: phrase, options: .caseInsensitive) {
        return (String(body[range.upperBound...]), relation, attribution)
      }
    }
    return (nil, .none, attribution)
  }

  struct PartsProblem: Error {
    let message: String
  }

  private static let romanLabels = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

  /// Parses "(i) N shares of ...; (ii) N shares ...; and (iii) N ..." into parts.
  static func parseParts(_ text: String) -> Result<[AmountPart], PartsProblem> {
    var pieces: [(label: String, text: Substring)] = []
    // Find labels "(i)", "(ii)" ... or "(a)", "(b)" ... or "(1)", "(2)" ... in order.
    var labelled: [(label: String, range: Range<String.Index>)] = []
    for series in [romanLabels, ["a", "b", "c", "d", "e", "f", "g", "h"], (1...12).map(String.init)] {
      var found: [(String, Range<String.Index>)] = []
      var searchFrom = text.startIndex
      for label in series {
        guard let range = text.range(of: "(\(label))", range: searchFrom..<text.endIndex) else { break }
        found.append((label, range))
        searchFrom = range.upperBound
      }
      if found.count >= 2 {
        labelled = found
        break
      }
    }
    if labelled.isEmpty {
      // Unlabelled: "600 shares of Common Stock and 400 shares issuable upon exercise of warrants".
      var index = 1
      for piece in splitUnlabelled(text) {
        pieces.append((String(index), piece))
        index += 1
      }
    } else {
      for (offset, entry) in labelled.enumerated() {
        let end = offset + 1 < labelled.count ? labelled[offset + 1].range.lowerBound : text.endIndex
        pieces.append((entry.label, text[entry.range.upperBound..<end]))
      }
    }
    var parts: [AmountPart] = []
    for piece in pieces {
      var body = piece.text.drop { $0.isWhitespace }
      // "an aggregate of" and similar words before the number.
      for filler in ["an aggregate of ", "aggregate ", "an aggregate ", "a total of "]
      where body.lowercased().hasPrefix(filler) {
        body = body.dropFirst(filler.count)
      }
      guard let number = leadingNumber(body) else { continue }
      guard let shares = number.value else {
        return .failure(
          PartsProblem(message: "part (\(piece.label)) '\(number.text)' cannot be read as a number of shares"))
      }
      var partText = String(body).trimmingBlanks()
      while let last = partText.last, ";,".contains(last) { partText.removeLast() }
      if partText.lowercased().hasSuffix(" and") { partText.removeLast(4) }
      parts.append(AmountPart(label: piece.label, kind: partKind(partText), shares: shares, text: partText))
    }
    return .success(parts.count >= 1 ? parts : [])
  }

  private static func splitUnlabelled(_ text: String) -> [Substring] {
    var pieces: [Substring] = []
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      var separatorEnd: String.Index?
      if character == ";" {
        separatorEnd = text.index(after: index)
      } else if text[index...].hasPrefix(" and ") {
        separatorEnd = text.index(index, offsetBy: 5)
      } else if character == "," {
        separatorEnd = text.index(after: index)
      }
      if let separatorEnd {
        var next = text[separatorEnd...].drop { $0.isWhitespace }
        if next.lowercased().hasPrefix("and ") { next = next.dropFirst(4).drop { $0.isWhitespace } }
        if let first = next.first, first.isNumber {
          pieces.append(text[start..<index])
          start = next.startIndex
          index = next.startIndex
          continue
        }
      }
      index = text.index(after: index)
    }
    pieces.append(text[start...])
    return pieces.filter { $0.contains(where: { $0.isNumber }) }
  }

  /// Classifies a part by the words describing it.
  static func partKind(_ text: String) -> PartKind {
    let lower = text.lowercased()
    if lower.contains("warrant") || lower.contains("purchase right") { return .warrant }
    if lower.contains("option") { return .option }
    if lower.contains("conver") || lower.contains("preferred") || lower.contains("notes") { return .convertible }
    if lower.contains("issuable") || lower.contains("exercis") || lower.contains("right to acquire") { return .other }
    if lower.contains("common") || lower.contains("ordinary") || lower.contains("shares") { return .common }
    return .other
  }

  /// Parses a percent of class such as `6.25%`, `9.9 %`, `5.1` or `0.0%`.
  static func parsePercent(_ text: String) -> ParsedValue {
    guard !text.isEmpty else { return .empty }
    var body = Substring(text)
    if body.hasPrefix("-0-") { return .value(.percent(Percent(value: ExactDecimal(0)))) }
    var end = body.startIndex
    while end < body.endIndex, body[end].isNumber || body[end] == "." || body[end] == "," {
      end = body.index(after: end)
    }
    var digits = body[body.startIndex..<end]
    while let last = digits.last, last == "." || last == "," { digits = digits.dropLast() }
    guard !digits.isEmpty else {
      if text.lowercased().hasPrefix("less than") { return .value(.text(text)) }
      return .malformed("'\(text.prefix(40))' is not a percent")
    }
    body = body[end...].drop { $0 == " " }
    guard let value = ExactDecimal.parse(digits), value.significand >= 0 else {
      return .malformed("'\(digits)' cannot be read as a percent")
    }
    let restLetters = body.drop { "%*†‡(),.;0123456789".contains($0) || $0 == " " }
    if let first = restLetters.first, first.isLetter, !body.hasPrefix("%"), !text.lowercased().contains("percent") {
      return .malformed("'\(text.prefix(40))' is not a percent")
    }
    return .value(.percent(Percent(value: value)))
  }

  // MARK: Boxes and codes

  /// Whether a checkbox text shows a checked box: `true` checked, `false` unchecked, `nil` when it shows
  /// no box at all.
  static func checkboxState(_ text: String) -> Bool? {
    let lower = text.lowercased()
    if lower.contains("<input") {
      return lower.contains("checked")
    }
    let trimmed = lower.trimmingBlanks()
    if trimmed.isEmpty { return nil }
    for checked in ["[x]", "[ x ]", "x", "þ", "ý", "☒", "☑", "✓", "✔", "■", "yes", "(x)"] where trimmed == checked {
      return true
    }
    for unchecked in ["[ ]", "[]", "o", "0", "¨", "☐", "□", "no", "( )", "n/a"] where trimmed == unchecked {
      return false
    }
    if trimmed.hasPrefix("[x]") || trimmed.hasPrefix("x ") || trimmed.hasPrefix("þ") || trimmed.hasPrefix("ý") {
      return true
    }
    return false
  }

  /// Parses row 2's "(a) … (b) …" boxes.
  static func parseGroupBoxes(_ text: String) -> ParsedValue {
    let lower = text.lowercased()
    guard let aRange = lower.range(of: "(a)") else {
      return .value(.groupBoxes(a: false, b: false))
    }
    let bRange = lower.range(of: "(b)", range: aRange.upperBound..<lower.endIndex)
    let aText = String(lower[aRange.upperBound..<(bRange?.lowerBound ?? lower.endIndex)])
    let bText = bRange.map { String(lower[$0.upperBound...]) } ?? ""
    return .value(.groupBoxes(a: checkboxState(aText) ?? false, b: checkboxState(bText) ?? false))
  }

  /// Parses SEC codes such as `PN`, `IA, OO` or `HC; IN`.
  static func parseCodes(_ text: String) -> ParsedValue {
    // Parenthesised remarks ("(see instructions)", "(Individual)", "(see Item 3)") are not codes.
    var cleaned = ""
    var depth = 0
    for character in text {
      if character == "(" {
        depth += 1
      } else if character == ")" {
        depth = max(0, depth - 1)
        cleaned.append(" ")
      } else if depth == 0 {
        cleaned.append(character)
      }
    }
    let separators: Set<Character> = [",", ";", "/", " ", "\t", "(", ")"]
    var codes: [String] = []
    var current = ""
    for character in cleaned + " " {
      if separators.contains(character) {
        if !current.isEmpty {
          let word = current.uppercased().trimmingCharacters(in: ".")
          if word != "AND" && !word.isEmpty { codes.append(word) }
        }
        current = ""
      } else {
        current.append(character)
      }
    }
    // "N/A" was split at its slash.
    if codes == ["N", "A"] { codes = ["N/A"] }
    // Words that describe the codes beside them ("IN (Individual)", "PN - Partnership") are not codes;
    // a row of words only is kept as printed, so that a rule can say it holds no code.
    let looksLikeCode: (String) -> Bool = { $0 == "N/A" || ($0.count <= 3 && $0.allSatisfy(\.isLetter)) }
    if codes.contains(where: looksLikeCode) { codes = codes.filter(looksLikeCode) }
    return codes.isEmpty ? .empty : .value(.codes(codes))
  }

  /// Parses row 1: the name, without the caption words, identification numbers and list label around it.
  ///
  /// Caption text that a layout ran into the name ("I.R.S. IDENTIFICATION NOS. OF ABOVE PERSONS (ENTITIES
  /// ONLY) Example Fund LP") and identification numbers printed after it ("Example Fund LP 12-3456789",
  /// "– IRS # 123456789", "TIN 12-3456789") are cut by ``CaptionWords/strip(_:inName:cutsOrdinaryWords:)``;
  /// a list label before the name ("(a) Jane Roe") and punctuation left at either end are dropped.
  static func parseName(_ text: String) -> ParsedValue {
    var result = CaptionWords.strip(text, inName: true, cutsOrdinaryWords: false).text
    // A list label such as "(a)", "(1)" or "1." before the name.
    if let space = result.firstIndex(of: " ") {
      let label = result[..<space]
      let inner = label.trimmingCharacters(in: "().")
      let parenthesized = label.hasPrefix("(") && label.hasSuffix(")")
      // "(a)", "(1)", "1." but not an initial such as "A."
      if label.count <= 4, !inner.isEmpty,
        (inner.allSatisfy(\.isNumber) && (parenthesized || label.hasSuffix(".")))
          || (parenthesized && inner.count == 1 && inner.first!.isLetter)
      {
        result = String(result[space...])
      }
    }
    let edgePunctuation: Set<Character> = [",", ";", ":", "-", "\u{2013}", "\u{2014}", "(", "#"]
    result = result.trimmingBlanks()
    while let first = result.first, edgePunctuation.contains(first) || first == ")" {
      result.removeFirst()
      result = result.trimmingBlanks()
    }
    while let last = result.last, edgePunctuation.contains(last) {
      result.removeLast()
      result = result.trimmingBlanks()
    }
    return result.isEmpty ? .empty : .value(.text(result))
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and no-break spaces (scanned as UTF-8 bytes).
  func trimmingBlanks() -> String {
    Substring(self).trimmedOfBlanks()
  }

  /// The text without the given characters at either end.
  func trimmingCharacters(in set: String) -> String {
    var result = Substring(self)
    while let first = result.first, set.contains(first) { result = result.dropFirst() }
    while let last = result.last, set.contains(last) { result = result.dropLast() }
    return String(result)
  }
}

extension Substring {
  fileprivate func trimmedOfBlanks() -> String {
    let utf8 = self.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end {
      let byte = utf8[start]
      if byte == 0x20 || byte == 0x09 {
        start = utf8.index(after: start)
      } else if byte == 0xC2, utf8.index(after: start) < end, utf8[utf8.index(after: start)] == 0xA0 {
        start = utf8.index(start, offsetBy: 2)
      } else {
        break
      }
    }
    while end > start {
      let last = utf8.index(before: end)
      let byte = utf8[last]
      if byte == 0x20 || byte == 0x09 {
        end = last
      } else if byte == 0xA0, last > start, utf8[utf8.index(before: last)] == 0xC2 {
        end = utf8.index(before: last)
      } else {
        break
      }
    }
    return String(self[start..<end])
  }
}
