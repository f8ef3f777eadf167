import BocheckSeeded
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

  @Test("an HTML document flattened where it stands gives the lines and origins of its written text")
  func htmlDocumentsFlattenInPlace() throws {
    // An HTML schedule and agreement, with a multi-byte character, entities, a tag across lines and indented
    // cells, in submissions whose lines end at LF, CRLF or a lone CR (the last two are written out first).
    let html = [
      "<HTML><BODY>", "  <P>SCHEDULE 13G</P>", "<TABLE><TR><TD>(1)</TD>", "    <TD>Names of Reporting Persons",
      "</TD><TD>Zo\u{EB} Fund&nbsp;L.P.</TD></TR>",
      "<TR><TD\nALIGN=\"left\">5</TD><TD>Sole Voting Power&#160;1,250</TD>", "</TR></TABLE>",
      "<P>Percent &amp; class: 5.1%</P></BODY></HTML>",
    ]
    let header = ["<SEC-DOCUMENT>0000000000-99-000001.txt", "<SEC-HEADER>", "</SEC-HEADER>"]
    let schedule = ["<DOCUMENT>", "<TYPE>SC 13G", "<TEXT>"] + html + ["</TEXT>", "</DOCUMENT>"]
    let agreement = ["<DOCUMENT>", "<TYPE>EX-99.1", "<TEXT>", "<P>JOINT FILING AGREEMENT</P>"] + html
    let wrapped = header + schedule + agreement + ["</TEXT>", "</DOCUMENT>", "</SEC-DOCUMENT>"]
    var documents = 0
    for terminator in ["\n", "\r\n", "\r"] {
      let unwrapped = try #require(SGMLUnwrapper.unwrap(wrapped.joined(separator: terminator)))
      for document in [unwrapped.primary] + unwrapped.agreements {
        let name = "\(document.type ?? "") \(terminator.utf8.map(\.self))"
        #expect(document.content == .html, "\(name)")
        let expected = HTMLFlattener.flatten(document.text)
        let flattened = document.flattenedHTML
        #expect(flattened.lines.map(String.init) == expected.lines.map(String.init), "\(name)")
        #expect(flattened.count > 3, "\(name)")
        for position in 1...flattened.count {
          #expect(flattened.sourceLine(position) == expected.sourceLine(position), "\(name) line \(position)")
          // Every byte of the line is located at the same source place.
          var columns = ColumnCounter(flattened.withBytes(position) { Array($0) })
          var expectedColumns = columns
          for offset in 0..<flattened.withBytes(position, \.count) {
            let place = flattened.location(position: position, offset: offset, columns: &columns)
            let expectedPlace = expected.location(position: position, offset: offset, columns: &expectedColumns)
            #expect(place == expectedPlace, "\(name) line \(position) offset \(offset)")
          }
        }
        documents += 1
      }
    }
    #expect(documents == 6)
  }

  @Test("a plain-text document's lines, taken from the submission's, are the lines of its text and span only it")
  func documentLinesAreTheLinesOfItsText() throws {
    // Documents whose last lines are empty, one of a single empty line, one with no lines at all, and the
    // submission above; each with every kind of line end.
    var documents = Self.submission
    documents += ["<DOCUMENT>", "<TYPE>EX-99.3", "<TEXT>", "JOINT FILING AGREEMENT", "", "", "</TEXT>", "</DOCUMENT>"]
    documents += ["<DOCUMENT>", "<TYPE>EX-99.4", "<TEXT>", "JOINT FILING", "</TEXT>", "</DOCUMENT>"]
    documents += ["<DOCUMENT>", "<TYPE>EX-99.5", "<TEXT>", "", "</TEXT>", "</DOCUMENT>"]
    documents += ["<DOCUMENT>", "<TYPE>EX-99.6", "<TEXT>", "</TEXT>", "</DOCUMENT>"]
    let shapes: [(String, [String])] = [
      ("submission", Self.submission), ("documents", documents),
      ("open text", ["<DOCUMENT>", "<TYPE>SC 13G", "<TEXT>", "SCHEDULE 13G", "", ""]),
      ("one empty line", ["<DOCUMENT>", "<TYPE>SC 13G", "<TEXT>", "", "</TEXT>"]),
      ("no line", ["<SUBMISSION>", "<DOCUMENT>", "<TYPE>SC 13G", "<TEXT>", "</TEXT>", "</SUBMISSION>"]),
    ]
    var checked = 0
    for (name, lines) in shapes {
      for terminator in ["\n", "\r\n", "\r"] {
        let unwrapped = try #require(SGMLUnwrapper.unwrap(lines.joined(separator: terminator)), "\(name)")
        for document in [unwrapped.primary] + unwrapped.agreements {
          let expected = SourceLines(document.text)
          let taken = document.lines
          #expect(taken.lines.map(String.init) == expected.lines.map(String.init), "\(name) \(document.type ?? "")")
          // Only the document's own lines lie in the span: no wrapper tag, no other document.
          #expect(!taken.spannedText.contains("<"), "\(name) \(document.type ?? "")")
          checked += 1
        }
      }
    }
    // Two documents of the submission, four of the longer one, one of each other shape; three line ends each.
    #expect(checked == 3 * (2 + 4 + 1 + 1 + 1))
  }

  @Test("the splitter's lines that may hold a tag give the documents that looking at every line gives")
  func tagLineCandidatesFindTheSameDocuments() throws {
    // Tags in any case, after every kind of blank, among HTML and text lines that open with "<" or not.
    let contents = [
      "<DOCUMENT>", "</DOCUMENT>", "<TYPE>SC 13D", "<type>EX-99.1", "<TEXT>", "<Text>", "</TEXT>", "</text>",
      "<td>JOINT FILING</td>", "<table>", "<TYPO>", "<DOC>", "<TE", "<T", "</T", "<", "Name of Reporting Person",
      "JOINT FILING AGREEMENT", "", "-----BEGIN PRIVACY-ENHANCED MESSAGE-----", "<PAGE>",
    ]
    let blanks = ["", "", " ", "\t", "\u{A0}", "\u{0C}", "\u{0B}", " \u{0C}", "\t "]
    var random = SplitMix64(seed: 18)
    var compared = 0
    var documents = 0
    for _ in 0..<400 {
      let count = random.int(in: 1...40)
      let lines = (0..<count).map { _ in
        blanks[random.int(in: 0...(blanks.count - 1))] + contents[random.int(in: 0...(contents.count - 1))]
      }
      let text = lines.joined(separator: ["\n", "\r\n", "\r"][random.int(in: 0...2)])
      var scan: FilingSplitter.LineScan?
      guard FilingSplitter.starts(of: text, format: .sgml, lines: &scan).count == 1 else { continue }
      let found = try #require(scan)
      #expect(found.tagLineCandidates != nil)
      let expected = SGMLUnwrapper.unwrap(text)
      let unwrapped = SGMLUnwrapper.unwrap(
        text, lineRanges: found.ranges, tagLineCandidates: found.tagLineCandidates ?? [])
      #expect((unwrapped == nil) == (expected == nil), "\(lines)")
      guard let unwrapped, let expected else { continue }
      for (document, other) in zip([unwrapped.primary] + unwrapped.agreements, [expected.primary] + expected.agreements)
      {
        #expect(document.type == other.type && document.firstLine == other.firstLine, "\(lines)")
        #expect(document.content == other.content && document.text == other.text, "\(lines)")
        documents += 1
      }
      #expect(unwrapped.agreements.count == expected.agreements.count, "\(lines)")
      compared += 1
    }
    // Of the 400 draws, the seed gives 187 of one filing with documents, 211 documents in all.
    #expect(compared > 150 && documents > 150, "\(compared) \(documents)")
  }

  @Test("a wrapper tag is told from the bytes after its '<' as comparing every tag tells it")
  func wrapperTagsAreToldByTheirFirstBytes() {
    let lines = [
      "<DOCUMENT>", "<document>x", "<TYPE>SC 13G", "<TyPe>", "<TEXT>", "<text>", "</TEXT>", "</Text> ", "<TEX",
      "<TYP", "<DOCUMEN", "</TEX", "<TD>", "<DIV>", "</TD>", "<", "<T", "</", "<D", "<TEXTAREA>", "<TYPES>",
    ]
    for line in lines {
      let bytes = Array(line.utf8)
      // Every tag's markup compared, in the order of allCases.
      let expected = SGMLUnwrapper.WrapperTag.allCases.first { tag in
        let markup = Array("\(tag.markup)".utf8)
        return bytes.withUnsafeBufferPointer { LineBytes.hasPrefix(markup, in: $0, at: 0) }
      }
      let told = bytes.withUnsafeBufferPointer { SGMLUnwrapper.WrapperTag.opening($0, at: 0) }
      #expect(told == expected, "\(line)")
    }
  }
}
