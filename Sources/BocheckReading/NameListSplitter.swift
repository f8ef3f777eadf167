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
    let list = List(text)
    let pieces = list.pieces
    guard !pieces.isEmpty else { return [] }
    // Whether each piece after the first is an entity suffix (the first never follows a name).
    let isSuffixPiece = list.bytes.withUnsafeBufferPointer { bytes in
      pieces.indices.map { $0 > 0 && isSuffix(UnsafeBufferPointer(rebasing: bytes[pieces[$0]])) }
    }
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
      // The names tried from here are the leading parts of one run of the list's bytes: the next few pieces with
      // their separators. Their keys are read in one pass, and a name is made only when it is kept.
      let last = min(pieces.count, start + maximumPiecesPerName)
      var isKnownPart: [Bool] = []
      if !knownNames.isEmpty {
        let base = pieces[start].lowerBound
        joined.removeAll(keepingCapacity: true)
        joined.append(contentsOf: list.bytes[base..<pieces[last - 1].upperBound])
        ends.removeAll(keepingCapacity: true)
        for index in start..<last { ends.append(pieces[index].upperBound - base) }
        isKnownPart = NameKey.leadingParts(of: joined, endingAt: ends, among: known)
      }
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
      names.append(list.text(pieces[split.start].lowerBound..<pieces[end - 1].upperBound))
      end = split.start
    }
    return names.reversed()
  }

  /// The most list pieces one name may span.
  static let maximumPiecesPerName = 6

  /// A list's pieces as one run of bytes: each piece, its blanks trimmed, after the separator before it (none
  /// before the first).
  ///
  /// A run of consecutive pieces is one range of ``bytes``: the name they make, joined by the separators between
  /// them, is read or made from it without joining texts.
  struct List {
    /// The pieces and the separators between them, as UTF-8 bytes.
    private(set) var bytes: [UInt8] = []
    /// Where each piece is in ``bytes``, in order; none empty.
    private(set) var pieces: [Range<Int>] = []

    /// Cuts a list at every separator (a last point that ends no abbreviation dropped).
    ///
    /// - Parameter text: The printed list.
    init(_ text: String) {
      bytes.reserveCapacity(text.utf8.count)
      ASCIIText.withUTF8(text) { text in
        // The separators are ASCII: they are found on the bytes, and a piece is the bytes between two of them.
        let initials = separatorInitials
        var pendingSeparator: [UInt8] = []
        var pieceStart = 0
        var offset = 0
        while offset < text.count {
          // Most bytes start no separator: they are passed over with one look-up.
          guard initials.contains(text[offset]) else {
            offset += 1
            continue
          }
          let separator = separatorBytes.first { separator in
            offset + separator.count <= text.count
              && separator.indices.allSatisfy { text[offset + $0] == separator[$0] }
          }
          guard let separator else {
            offset += 1
            continue
          }
          append(trimmed(UnsafeBufferPointer(rebasing: text[pieceStart..<offset])), after: pendingSeparator)
          pendingSeparator = separator
          offset += separator.count
          pieceStart = offset
        }
        // The last piece's point is dropped after its blanks are trimmed, and the blanks before it are kept.
        var piece = trimmed(UnsafeBufferPointer(rebasing: text[pieceStart...]))
        if ASCIIText.hasSuffix(Self.point, in: piece)
          && !Self.abbreviations.contains(where: { ASCIIText.hasSuffix($0, in: piece) }) && !isSuffix(piece)
        {
          piece = UnsafeBufferPointer(rebasing: piece.dropLast())
        }
        append(piece, after: pendingSeparator)
      }
    }

    /// Bytes without the blanks at their ends.
    private func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: bytes[LineBytes.trimmedRange(bytes)])
    }

    /// Appends a piece after its separator; an empty piece is left out.
    private mutating func append(_ piece: UnsafeBufferPointer<UInt8>, after separator: [UInt8]) {
      guard !piece.isEmpty else { return }
      if !pieces.isEmpty { bytes.append(contentsOf: separator) }
      let start = bytes.count
      bytes.append(contentsOf: piece)
      pieces.append(start..<bytes.count)
    }

    /// The text of a range of ``bytes``.
    func text(_ range: Range<Int>) -> String {
      bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// A point, which a list's last piece drops unless it ends an abbreviation.
    private static let point: [UInt8] = [0x2E]
    /// The abbreviations whose last point a list's last piece keeps.
    private static let abbreviations = ["Ltd.", "Inc.", "L.P.", "Co.", "Corp."].map { Array($0.utf8) }
  }

  /// The separators a list is cut at, tried in this order at each place (case matters: "AND" is part of a
  /// name).
  private static let separators = [", and ", " and ", ", ", "; "]
  private static let separatorBytes = separators.map { Array($0.utf8) }
  /// The bytes that start one of the ``separators`` (none a letter, so case does not come into it).
  private static let separatorInitials = ASCIIText.PhraseInitials(separatorBytes)

  private static let suffixes: Set<String> = [
    "LP", "LLC", "LTD", "INC", "CORP", "CO", "LLP", "NA", "PLC", "SA", "AG", "NV", "BV", "GMBH", "LP I", "LP II",
    "LIMITED", "L L C",
  ]

  /// Whether a piece, given as UTF-8 bytes, is an entity suffix that belongs to the name before it.
  static func isSuffix(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
    // An ASCII piece's key is read on its bytes, made in scratch room: a key of ASCII bytes is a suffix exactly
    // when its bytes are one's; a key longer than every suffix (most pieces are names) is none.
    let ascii = NameKey.withKeyBytes(ofASCII: piece) { key in
      (key.count <= longestSuffix && suffixBytes.contains { $0.elementsEqual(key) })
        || (key.count <= longestNumberedLP && key.starts(with: lpPrefix))
    }
    if let ascii { return ascii }
    let key = NameKey(String(decoding: piece, as: UTF8.self)).text
    return suffixes.contains(key) || (key.hasPrefix("LP ") && key.count <= longestNumberedLP)
  }

  /// ``suffixes``' bytes, the length of the longest, and the bytes a key of a numbered partnership's suffix
  /// starts with ("LP IV"), at most ``longestNumberedLP`` long.
  private static let suffixBytes = suffixes.map { Array($0.utf8) }
  private static let longestSuffix = suffixBytes.map(\.count).max() ?? 0
  private static let lpPrefix = Array("LP ".utf8)
  private static let longestNumberedLP = 7
}
