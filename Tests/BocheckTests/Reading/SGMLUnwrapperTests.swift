import Testing

@testable import BocheckReading

/// What the SGML unwrapper hands the readers: each document's text at the file's own line numbers, ending with
/// the document's last line.
@Suite struct SGMLUnwrapperTests {
  /// A submission: a header, the schedule, its joint filing agreement, then a long exhibit that is neither.
  private static let submission: [String] = {
    var lines = ["<SEC-DOCUMENT>0000000000-99-000001.txt", "<SEC-HEADER>", "</SEC-HEADER>"]
    lines += ["<DOCUMENT>", "<TYPE>SC 13D", "<TEXT>", "SCHEDULE 13D", "Amendment No. 1", "</TEXT>", "</DOCUMENT>"]
    lines += ["<DOCUMENT>", "<TYPE>EX-99.1", "<TEXT>", "JOINT FILING AGREEMENT", "Signed.", "</TEXT>", "</DOCUMENT>"]
    lines += ["<DOCUMENT>", "<TYPE>EX-99.2", "<TEXT>"] + (1...1_000).map { "Exhibit line \($0)" }
    lines += ["</TEXT>", "</DOCUMENT>", "</SEC-DOCUMENT>"]
    return lines
  }()

  @Test("a document's text keeps the file's line numbers and ends with its own last line")
  func documentsEndWithTheirLastLine() throws {
    let unwrapped = try #require(SGMLUnwrapper.unwrap(Self.submission.joined(separator: "\n")))
    let primary = unwrapped.primary.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(unwrapped.primary.type == "SC 13D")
    #expect(unwrapped.primary.firstLine == 7)
    // Lines 1-6 blanked, lines 7 and 8 the schedule's, and nothing after: not the exhibits' lines, blank or not.
    #expect(primary == ["", "", "", "", "", "", "SCHEDULE 13D", "Amendment No. 1"])
    let agreement = try #require(unwrapped.agreements.first)
    #expect(unwrapped.agreements.count == 1)
    #expect(agreement.type == "EX-99.1")
    let agreementLines = agreement.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(agreementLines.count == 15)
    #expect(agreementLines.prefix(13).allSatisfy { $0.isEmpty })
    #expect(agreementLines.suffix(2) == ["JOINT FILING AGREEMENT", "Signed."])
  }

  @Test("a document's text is the same whatever ends the submission's lines: LF, CRLF, a lone CR or a mix")
  func documentsJoinTheirLinesAtLineFeeds() throws {
    let expected = try #require(SGMLUnwrapper.unwrap(Self.submission.joined(separator: "\n")))
    // Every terminator tried alone, then each line ended by one of the three in turn (so that one CR stands
    // among LFs inside a document), then a document whose lines end at LF in a file that ends others at CR.
    var variants = ["\r\n", "\r"].map { Self.submission.joined(separator: $0) }
    for shift in 0..<3 {
      variants.append(
        Self.submission.enumerated().map { $0.element + ["\n", "\r\n", "\r"][($0.offset + shift) % 3] }.joined())
    }
    variants.append(
      Self.submission.enumerated().map { $0.element + ($0.offset < 9 ? "\n" : "\r") }.joined())
    for (index, variant) in variants.enumerated() {
      let unwrapped = try #require(SGMLUnwrapper.unwrap(variant), "variant \(index)")
      #expect(unwrapped.primary.text == expected.primary.text, "variant \(index)")
      #expect(unwrapped.primary.firstLine == expected.primary.firstLine, "variant \(index)")
      #expect(unwrapped.agreements.map(\.text) == expected.agreements.map(\.text), "variant \(index)")
    }
  }
}
