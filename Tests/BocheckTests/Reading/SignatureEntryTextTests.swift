import BocheckModel
import BocheckSeeded
import Testing

@testable import BocheckReading

/// The signature blocks read the same signers whether an entry's text is a range of the document's text or a
/// text of its own (a line cleaned of Markdown emphasis, a table cell), and whether the texts of their own were
/// dropped and moved while entries were held. Names are invented.
@Suite struct SignatureEntryTextTests {
  /// Signature blocks in several layouts, each with the signers it gives.
  static let blocks: [(text: String, signers: [String])] = [
    (
      """
      SIGNATURE

      After reasonable inquiry, I certify that the information in this statement is true.

      Dated: May 1, 2031

      ALPHA CAPITAL PARTNERS, L.P.

      By: Alpha GP LLC,
      General Partner

      By: /s/ Jane Roe

      Jane Roe, Managing Member

      /s/ John Doe

      John Doe, Individually
      """,
      ["ALPHA CAPITAL PARTNERS, L.P.", "John Doe"]
    ),
    (
      """
      SIGNATURES

      Zoë Fund LP
      Émile Holdings Inc.
      Beta Trust

      By: /s/ Zoë Roe
      Name: Zoë Roe
      Title: Attorney-in-Fact

      /s/ Émile Doe, Attorney-in-Fact
      Gamma Ventures LLC
      """,
      ["Zoë Fund LP", "Émile Holdings Inc.", "Beta Trust", "Gamma Ventures LLC"]
    ),
    (
      """
      SIGNATURE

      DELTA PARTNERS LP                     EPSILON FUND LTD

      By: /s/ Jane Roe                      By: /s/ John Doe
      Name: Jane Roe                        Name: John Doe
      Title: President                      Title: Director

      February 2, 2031
      """,
      ["DELTA PARTNERS LP", "EPSILON FUND LTD"]
    ),
    (
      """
      SIGNATURE

      By:\t/s/ Jane Roe
      Name:\tJane Roe
      """,
      ["Jane Roe"]
    ),
  ]

  /// The signers of a text's lines.
  private func signers(_ text: String) -> [NamedMention] {
    let lines = SourceLines(text)
    return DocumentFacts(lines: lines).signers(in: 1..<(lines.count + 1))
  }

  /// A text with each line that has text wrapped in Markdown emphasis (which cleaning removes, making the line's
  /// text one of its own) where `isStarred` says so.
  private func starred(_ text: String, _ isStarred: (Int) -> Bool) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, line in
      line.isEmpty || !isStarred(offset) ? String(line) : "**\(line)**"
    }.joined(separator: "\n")
  }

  @Test("a block gives the same signers from lines whose texts are their own as from plain lines")
  func ownTexts() {
    for (text, expected) in Self.blocks {
      #expect(signers(text).map(\.name) == expected, "\(text)")
      for pattern in 0..<4 {
        let starredText = starred(text) { ($0 + pattern) % 3 != 0 }
        #expect(signers(starredText) == signers(text), "\(pattern) \(starredText)")
      }
    }
  }

  @Test("a block after a long one gives the same signers when texts of their own are dropped while held")
  func ownTextsDroppedWhileHeld() {
    // A first block longer than the entries held before a batch is dropped, which ends with a line that marks a
    // joint filing agreement; then an exhibit heading, and the attestation of the agreement, which opens the block
    // of its signature only when that line, held across the drop, is read again.
    var long = ["SIGNATURE", ""]
    for number in 0..<700 { long += ["Fund \(number) LP", "By: /s/ Jane Roe", ""] }
    let markLine = long.count
    long += [
      "The undersigned file this statement jointly.", "EXHIBIT 99.1", "IN WITNESS WHEREOF, the undersigned sign.", "",
      "OMEGA PARTNERS LP", "By: /s/ John Doe", "",
    ]
    var random = SplitMix64(seed: 0x7369_676e)
    for (text, expected) in Self.blocks {
      let plain = long.joined(separator: "\n") + "\n" + text
      let plainSigners = signers(plain)
      #expect(plainSigners.suffix(expected.count + 1).map(\.name) == ["OMEGA PARTNERS LP"] + expected)
      for _ in 0..<3 {
        // The marking line's text is always one of its own.
        let isStarred = plain.split(separator: "\n", omittingEmptySubsequences: false).indices.map { line in
          line == markLine || random.int(in: 0...4) < 2
        }
        #expect(signers(starred(plain) { isStarred[$0] }) == plainSigners)
      }
    }
  }
}
