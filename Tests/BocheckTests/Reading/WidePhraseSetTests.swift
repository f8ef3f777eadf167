import Testing

@testable import BocheckReading

/// The search of several phrases sixteen positions at a time finds what a search position by position finds:
/// in either case, at every place of texts shorter and longer than sixteen bytes, at their very end, and not
/// in a text that holds only the first bytes of a phrase.
@Suite struct WidePhraseSetTests {
  /// Whether an upper-case phrase occurs in bytes, ignoring case, tried at every position.
  private func occursByPositions(_ phrases: [[UInt8]], _ bytes: [UInt8]) -> Bool {
    phrases.contains { phrase in
      bytes.count >= phrase.count
        && (0...(bytes.count - phrase.count)).contains { start in
          phrase.indices.allSatisfy { ASCIIText.upper(bytes[start + $0]) == phrase[$0] }
        }
    }
  }

  @Test("one, two and three pairs, at every place of texts of up to forty bytes")
  func everyPlace() {
    let sets = [
      ["JOINT"], ["OUTSTANDING", "BASED ON", "BASED UPON", "BASIS OF"], ["JOINT", "OUTSTANDING", "BASED ON", "13D"],
    ].map { $0.map(ASCIIText.phrase) }
    let insertions = [
      "joint", "Outstanding", "BASED on", "basis of", "13d", "based upon", "jOINT", "basi", "outstandin",
    ]
    for set in sets {
      let wide = ASCIIText.WidePhraseSet(set)
      // Lengths about the sixteen bytes read at a time and the tail read on its own.
      for length in [0, 1, 5, 14, 15, 16, 17, 18, 31, 32, 33, 40] {
        let filler = Array(String(repeating: "é ou ba jo x", count: 4).utf8.prefix(length))
        #expect(wide.occurs(in: filler) == occursByPositions(set, filler), "\(set) in \(filler)")
        for insertion in insertions {
          for place in 0...filler.count {
            let bytes = Array(filler[..<place]) + Array(insertion.utf8) + Array(filler[place...])
            let found = bytes.withUnsafeBufferPointer { wide.occurs(in: $0) }
            #expect(found == occursByPositions(set, bytes), "\(insertion) at \(place) of \(length) bytes")
          }
        }
      }
    }
  }

  @Test("an empty text holds no phrase")
  func emptyText() {
    let wide = ASCIIText.WidePhraseSet([ASCIIText.phrase("JOINT")])
    #expect(!wide.occurs(in: UnsafeBufferPointer(start: nil, count: 0)))
  }
}

extension ASCIIText.WidePhraseSet {
  /// ``occurs(in:)`` on an array's bytes.
  fileprivate func occurs(in bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { occurs(in: $0) }
  }
}
