import BocheckModel
import BocheckSeeded
import Testing

@testable import BocheckReading

/// The splitter of printed name lists: its best split, built one piece at a time from each start, is the
/// split the earlier reading by ends gave.
@Suite struct NameListSplitterTests {
  /// Pieces joined as the list prints them: each after its separator but the first.
  private static func printed(_ pieces: ArraySlice<(text: String, separator: String)>) -> String {
    pieces.enumerated().map { ($0.offset == 0 ? "" : $0.element.separator) + $0.element.text }.joined()
  }

  /// The earlier reading: for each end, every start a few pieces back, each name joined anew.
  private static func splitByEnds(_ text: String, knownNames: Set<NameKey>) -> [String] {
    let pieces = NameListSplitter.cut(text)
    guard !pieces.isEmpty else { return [] }
    let isSuffixPiece = pieces.map { NameListSplitter.isSuffix($0.text) }
    var best: [(score: Int, count: Int, start: Int, name: String)?] = Array(repeating: nil, count: pieces.count + 1)
    best[0] = (0, 0, 0, "")
    for end in 1...pieces.count {
      for start in max(0, end - NameListSplitter.maximumPiecesPerName)..<end {
        guard let before = best[start] else { continue }
        let candidate = printed(pieces[start..<end])
        let isKnown = !knownNames.isEmpty && knownNames.contains(NameKey(candidate))
        if !isKnown && isSuffixPiece[(start + 1)..<end].contains(false) { continue }
        let score = before.score + (isKnown ? 1 : 0)
        let count = before.count + 1
        if let existing = best[end], existing.score > score || (existing.score == score && existing.count <= count) {
          continue
        }
        best[end] = (score, count, start, candidate)
      }
    }
    guard best[pieces.count] != nil else { return [text] }
    var names: [String] = []
    var end = pieces.count
    while end > 0, let split = best[end] {
      names.append(split.name)
      end = split.start
    }
    return names.reversed()
  }

  @Test("seeded lists of names, suffixes and known names split as the reading by ends split them")
  func listsSplitAsByEnds() {
    let words = [
      "Cedar Point Fund II", "L.P.", "LLC", "Ltd.", "Inc.", "Rivera", "Stone Capital", "Ana Silva", "LP I", "GmbH",
      "Oak Fund", "Elm", "Limited", "Co.", "the Issuer", "Zoë Partners",
    ]
    let separators = [", and ", " and ", ", ", "; ", " "]
    var random = SplitMix64(seed: 7)
    var splitApart = 0
    for _ in 0..<1_500 {
      let count = random.int(in: 1...12)
      var text = words[random.int(in: 0...(words.count - 1))]
      for _ in 1..<count {
        text += separators[random.int(in: 0...(separators.count - 1))] + words[random.int(in: 0...(words.count - 1))]
      }
      // Known names: a few runs of the list's own pieces, joined as printed, and a name it does not hold.
      let pieces = NameListSplitter.cut(text)
      var known: Set<NameKey> = [NameKey("Nobody Holdings LLC")]
      for _ in 0..<random.int(in: 0...3) where !pieces.isEmpty {
        let start = random.int(in: 0...(pieces.count - 1))
        let end = min(pieces.count, start + random.int(in: 1...4))
        known.insert(NameKey(Self.printed(pieces[start..<end])))
      }
      if random.int(in: 0...3) == 0 { known = [] }
      let split = NameListSplitter.split(text, knownNames: known)
      #expect(split == Self.splitByEnds(text, knownNames: known), "\(text) \(known)")
      if split.count > 1 { splitApart += 1 }
    }
    #expect(splitApart > 800, "\(splitApart)")
  }
}
