import BocheckModel

/// Splits a printed list of names ("A, B and C") into names, using the names the filing is known to use.
///
/// Names themselves hold commas and "and" ("Cedar Point Fund II, L.P.", "Rivera and Stone Capital LLC"),
/// so the list is cut at every comma and "and", and the pieces are joined back so that as many of them
/// as possible are names of the filing's reporting persons. Pieces that match no known name stay apart,
/// except entity suffixes (", L.P.", ", Ltd.", ", LLC"), which always belong to the piece before them.
enum NameListSplitter {
  /// Splits a list of names.
  ///
  /// - Parameters:
  ///   - text: The printed list.
  ///   - knownNames: Names of the filing's reporting persons, as their keys.
  static func split(_ text: String, knownNames: Set<NameKey>) -> [String] {
    let pieces = cut(text)
    guard !pieces.isEmpty else { return [] }
    let isSuffixPiece = pieces.map { isSuffix($0.text) }
    // The known keys, made ready once for the parts of every place.
    let known = KnownNameKeys(knownNames)
    // best[i]: the best split of pieces[0..<i] as (known names matched, names, the piece its last name starts at).
    // The list itself is read back from the end, so that no split copies the names before it, and a name's text is
    // made only for the names of the list.
    var best: [(score: Int, count: Int, start: Int)?] = Array(repeating: nil, count: pieces.count + 1)
    best[0] = (0, 0, 0)
    // From each place a split reaches, a name is tried over each of the next few pieces, joined one piece at a
    // time: a name spans a few pieces at most ("Fund II, L.P."), which keeps long lists linear. The places are
    // taken in order, so that a place's best split is final before names are tried from it, and the names
    // that end at one place are weighed in the order of their starts.
    // The bytes of the names tried from a place, and where each ends: made once, and emptied for each place.
    var joined: [UInt8] = []
    var ends: [Int] = []
    ends.reserveCapacity(maximumPiecesPerName)
    for start in 0..<pieces.count {
      guard let before = best[start] else { continue }
      // The names tried from here are the leading parts of one text: the next few pieces joined with their
      // separators. Their keys are read in one pass, and a name is made only when it is kept.
      let last = min(pieces.count, start + maximumPiecesPerName)
      joined.removeAll(keepingCapacity: true)
      ends.removeAll(keepingCapacity: true)
      for index in start..<last {
        // Each text's bytes are copied as they stand, not read one by one through its UTF-8 view.
        if index > start { ASCIIText.withUTF8(pieces[index].separator) { joined.append(contentsOf: $0) } }
        ASCIIText.withUTF8(pieces[index].text) { joined.append(contentsOf: $0) }
        ends.append(joined.count)
      }
      let isKnownPart = knownNames.isEmpty ? [] : NameKey.leadingParts(of: joined, endingAt: ends, among: known)
      // Whether every piece after the first is an entity suffix: an unknown name may only span one piece
      // plus the suffix pieces that follow it.
      var onlySuffixesFollow = true
      for end in (start + 1)...last {
        if end > start + 1 { onlySuffixesFollow = onlySuffixesFollow && isSuffixPiece[end - 1] }
        let isKnown = !isKnownPart.isEmpty && isKnownPart[end - start - 1]
        if !isKnown && !onlySuffixesFollow { continue }
        let score = before.score + (isKnown ? 1 : 0)
        let count = before.count + 1
        if let existing = best[end], existing.score > score || (existing.score == score && existing.count <= count) {
          continue
        }
        best[end] = (score, count, start)
      }
    }
    guard best[pieces.count] != nil else { return [text] }
    var names: [String] = []
    var end = pieces.count
    while end > 0, let split = best[end] {
      names.append(name(of: pieces[split.start..<end]))
      end = split.start
    }
    return names.reversed()
  }

  /// The name that pieces make: their texts joined by the separators between them, as the split tried it.
  ///
  /// - Parameter pieces: Consecutive pieces of a list, at least one.
  private static func name(of pieces: ArraySlice<Piece>) -> String {
    guard pieces.count > 1, let first = pieces.first else { return pieces.first?.text ?? "" }
    var bytes: [UInt8] = []
    ASCIIText.withUTF8(first.text) { bytes.append(contentsOf: $0) }
    for piece in pieces.dropFirst() {
      ASCIIText.withUTF8(piece.separator) { bytes.append(contentsOf: $0) }
      ASCIIText.withUTF8(piece.text) { bytes.append(contentsOf: $0) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The most list pieces one name may span.
  static let maximumPiecesPerName = 6

  /// A piece of a list between two separators.
  struct Piece {
    /// The piece's text, its blanks trimmed.
    let text: String
    /// The separator before it (empty for the first).
    let separator: String
  }

  /// The separators a list is cut at, tried in this order at each place (case matters: "AND" is part of a
  /// name).
  private static let separators = [", and ", " and ", ", ", "; "]
  private static let separatorBytes = separators.map { Array($0.utf8) }
  /// The bytes that start one of the ``separators`` (none a letter, so case does not come into it).
  private static let separatorInitials = ASCIIText.PhraseInitials(separatorBytes)

  /// The pieces of a list, cut at every separator (a last point that ends no abbreviation dropped).
  static func cut(_ text: String) -> [Piece] {
    // The separators are ASCII: they are found on the bytes, and a piece is the text between two of them.
    let found = ASCIIText.withUTF8(text) { bytes -> [(range: Range<Int>, separator: Int)] in
      var result: [(range: Range<Int>, separator: Int)] = []
      var offset = 0
      let initials = separatorInitials
      while offset < bytes.count {
        // Most bytes start no separator: they are passed over with one look-up.
        guard initials.contains(bytes[offset]) else {
          offset += 1
          continue
        }
        let separator = separatorBytes.firstIndex { separator in
          offset + separator.count <= bytes.count
            && separator.indices.allSatisfy { bytes[offset + $0] == separator[$0] }
        }
        guard let separator else {
          offset += 1
          continue
        }
        result.append((offset..<(offset + separatorBytes[separator].count), separator))
        offset += separatorBytes[separator].count
      }
      return result
    }
    let piece = { (range: Range<Int>) in LineBytes.slice(text, range).trimmingBlanks() }
    var pieces: [Piece] = []
    var pendingSeparator = ""
    var pieceStart = 0
    for (range, separator) in found {
      let trimmed = piece(pieceStart..<range.lowerBound)
      if !trimmed.isEmpty { pieces.append(Piece(text: trimmed, separator: pendingSeparator)) }
      pendingSeparator = separators[separator]
      pieceStart = range.upperBound
    }
    var trimmed = piece(pieceStart..<text.utf8.count)
    if trimmed.hasSuffix(".") && !isSuffix(trimmed) && !trimmed.hasSuffix("Ltd.") && !trimmed.hasSuffix("Inc.")
      && !trimmed.hasSuffix("L.P.") && !trimmed.hasSuffix("Co.") && !trimmed.hasSuffix("Corp.")
    {
      trimmed.removeLast()
    }
    if !trimmed.isEmpty { pieces.append(Piece(text: trimmed, separator: pendingSeparator)) }
    return pieces
  }

  private static let suffixes: Set<String> = [
    "LP", "LLC", "LTD", "INC", "CORP", "CO", "LLP", "NA", "PLC", "SA", "AG", "NV", "BV", "GMBH", "LP I", "LP II",
    "LIMITED", "L L C",
  ]

  /// Whether a piece is an entity suffix that belongs to the name before it.
  static func isSuffix(_ piece: String) -> Bool {
    // An ASCII piece's key is read on its bytes, made in scratch room: a key of ASCII bytes is a suffix exactly
    // when its bytes are one's; a key longer than every suffix (most pieces are names) is none.
    let ascii = ASCIIText.withUTF8(piece) { bytes in
      NameKey.withKeyBytes(ofASCII: bytes) { key in
        (key.count <= longestSuffix && suffixBytes.contains { $0.elementsEqual(key) })
          || (key.count <= longestNumberedLP && key.starts(with: lpPrefix))
      }
    }
    if let ascii { return ascii }
    let key = NameKey(piece).text
    return suffixes.contains(key) || (key.hasPrefix("LP ") && key.count <= longestNumberedLP)
  }

  /// ``suffixes``' bytes, the length of the longest, and the bytes a key of a numbered partnership's suffix
  /// starts with ("LP IV"), at most ``longestNumberedLP`` long.
  private static let suffixBytes = suffixes.map { Array($0.utf8) }
  private static let longestSuffix = suffixBytes.map(\.count).max() ?? 0
  private static let lpPrefix = Array("LP ".utf8)
  private static let longestNumberedLP = 7
}
