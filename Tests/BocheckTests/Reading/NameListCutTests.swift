import BocheckModel
import BocheckSeeded
import Testing

@testable import BocheckReading

extension NameListSplitter {
  /// A list's pieces as texts, each with the separator before it ("" before the first), read from the one run of
  /// bytes the splitter cuts a list into (``NameListSplitter/List``).
  static func cut(_ text: String) -> [(text: String, separator: String)] {
    let list = List(text)
    return list.pieces.indices.map { index in
      let range = list.pieces[index]
      let separatorStart = index == 0 ? range.lowerBound : list.pieces[index - 1].upperBound
      return (list.text(range), list.text(separatorStart..<range.lowerBound))
    }
  }

  /// Whether a piece, given as a text, is an entity suffix that belongs to the name before it.
  static func isSuffix(_ piece: String) -> Bool {
    ASCIIText.withUTF8(piece) { isSuffix($0) }
  }
}

/// The cutting of a printed list of names into pieces, read on its bytes into one run of pieces and separators.
@Suite struct NameListCutTests {
  /// The separators, in the order they are tried at each place.
  private static let separators = [", and ", " and ", ", ", "; "]

  /// The reading on texts that the byte reading replaced: each piece a trimmed text, and the last one's point
  /// dropped unless it ends an abbreviation or the piece is an entity suffix.
  private static func cutByTexts(_ text: String) -> [(text: String, separator: String)] {
    var pieces: [(text: String, separator: String)] = []
    var pending = ""
    var rest = Substring(text)
    var current = ""
    while !rest.isEmpty {
      if let separator = separators.first(where: { rest.utf8.starts(with: $0.utf8) }) {
        let trimmed = current.trimmingBlanks()
        if !trimmed.isEmpty { pieces.append((trimmed, pending)) }
        pending = separator
        current = ""
        rest = rest.dropFirst(separator.count)
      } else {
        current.append(rest.removeFirst())
      }
    }
    var trimmed = current.trimmingBlanks()
    if trimmed.hasSuffix(".") && !NameListSplitter.isSuffix(trimmed)
      && !["Ltd.", "Inc.", "L.P.", "Co.", "Corp."].contains(where: trimmed.hasSuffix)
    {
      trimmed.removeLast()
    }
    if !trimmed.isEmpty { pieces.append((trimmed, pending)) }
    return pieces
  }

  @Test("seeded lists with blanks, empty pieces and last points cut as the reading on texts cut them")
  func listsCutAsByTexts() {
    let words = [
      "Oak Fund", "L.P.", "Ltd.", "Inc.", "Co.", "Corp.", "LLC.", "Zoë", "Elm .", " ", "\u{A0}", "\t", "", "Ana",
      "Stone Capital", "II.", "N.A.", ".", "AND", "and",
      // A prepended mark (U+0600) joins the character after it: the point, or the first letter of "Inc.".
      "\u{600}.", "Ana \u{600}Inc.",
    ]
    let separators = Self.separators + [" ", ",", ";", " and", "and "]
    var random = SplitMix64(seed: 0x6375_7473)
    var droppedPoints = 0
    for _ in 0..<2_000 {
      var text = ""
      for index in 0..<random.int(in: 1...8) {
        if index > 0 { text += random.pick(separators) }
        text += random.pick(words)
      }
      let expected = Self.cutByTexts(text)
      let pieces = NameListSplitter.cut(text)
      #expect(pieces.map(\.text) == expected.map(\.text), "\(text)")
      // The separator before the first piece never joins a name; the others do.
      #expect(pieces.dropFirst().map(\.separator) == expected.dropFirst().map(\.separator), "\(text)")
      if let last = text.split(separator: " ").last, last.hasSuffix("."), expected.last?.text.hasSuffix(".") == false {
        droppedPoints += 1
      }
    }
    #expect(droppedPoints > 100, "\(droppedPoints) points dropped")
  }

  @Test func aLastPointIsDroppedAfterTheBlanksAreTrimmed() {
    #expect(NameListSplitter.split("Oak Fund and Elm .", knownNames: []) == ["Oak Fund", "Elm "])
    #expect(NameListSplitter.split("Oak Fund,  Elm Co. ", knownNames: []) == ["Oak Fund", "Elm Co."])
    #expect(NameListSplitter.split(" , Oak Fund; ; L.P.", knownNames: []) == ["Oak Fund; L.P."])
  }
}
