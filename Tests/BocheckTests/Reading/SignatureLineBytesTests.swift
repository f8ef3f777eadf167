import Testing

@testable import BocheckReading

/// What the signature blocks tell of a line on its bytes in place agrees with what its characters tell. Names
/// are invented.
@Suite struct SignatureLineBytesTests {
  @Test("an ASCII suffix ends a text on its bytes exactly where it ends its characters")
  func suffixOnBytes() {
    let texts = [
      "", ".", "..", "a.", "Alpha Fund, Inc.", "Alpha.", "Alpha. ", "Alpha", ".Alpha", "Zoë.", "Zoë",
      // A combining mark after the point joins it: the last character is no full stop.
      "Alpha.\u{301}",
      // A prepended mark before the point takes it into its character.
      "Alpha \u{600}.", "\u{600}.",
      // Beyond ASCII before the point, but a character of its own.
      "Roe é.",
      // The same before an abbreviation's first letter, and an ASCII byte before it.
      "Alpha \u{600}Inc.", "Alpha Inc.", "Inc.", "éInc.", "Alpha, L.P.", "\u{600}L.P.",
    ]
    for text in texts {
      for suffix in [".", "Inc.", "L.P."] {
        #expect(
          ASCIIText.withUTF8(text) { ASCIIText.hasSuffix(Array(suffix.utf8), in: $0) } == text.hasSuffix(suffix),
          "\(suffix) \(text.unicodeScalars.map(\.value))")
      }
    }
  }

  @Test("the name signed in part of a line is the name signed in that part as a text of its own")
  func signedNameInPart() {
    let lines = [
      "By: /s/ Jane Roe", "By:   Jane Roe, by John Doe, Attorney-in-Fact", "/s/ Name: Jane Roe  ",
      "By: Zoë Roe, by John Doe", "S/ -*Jane Roe*-,", "By: ____", "By: Jane Roe by John Doe",
    ]
    for line in lines {
      let count = line.utf8.count
      // Every part that starts and ends on a scalar boundary.
      let bounds = line.unicodeScalars.indices.map { line.utf8.distance(from: line.utf8.startIndex, to: $0) } + [count]
      for lower in bounds {
        for upper in bounds where upper >= lower {
          let part = String(LineBytes.slice(line, lower..<upper))
          #expect(
            SignatureBlocks.signedName(line, in: lower..<upper) == SignatureBlocks.signedName(part),
            "\(line) \(lower)..<\(upper)")
        }
      }
    }
  }

  @Test("a label line above a signature is no name that signs")
  func labelAboveSignature() {
    for label in ["CUSIP No. 123456789", "cusip No. 123456789", "Page 4 of 9"] {
      let lines = SourceLines(
        """
        SIGNATURE

        After reasonable inquiry, I certify that the information in this statement is true.

        \(label)

        /s/ Jane Roe
        Jane Roe
        """)
      let signers = DocumentFacts(lines: lines).signers(in: 1..<(lines.count + 1))
      #expect(signers.map(\.name) == ["Jane Roe"], "\(label)")
    }
  }
}
