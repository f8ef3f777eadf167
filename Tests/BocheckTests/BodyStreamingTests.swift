import BocheckModel
import Testing

@testable import BocheckReading

/// The byte-level and streaming readers of a filing's body give the answers of the text-level logic they
/// replace, on invented lines: cleaned lines read in place, phrases found in bytes, signature blocks read
/// through a window of the lines, and HTML text runs placed from one origin.
@Suite struct BodyStreamingTests {
  /// Lines of the kinds a body holds: blanks, emphasis, table rows, accented and ligature text.
  private static let lines: [String] = [
    "", "   ", "\t", "SIGNATURE", "  **Item 1.**  Name of Issuer: Alpha Corp  ", "**It**em 1(a)", "***", "* note",
    "\u{A0}Jane Roe\u{A0}", "Alpha Fund LP\tBeta Fund LP", " \tBy:\t/s/ Jane Roe\t ", "Société Générale, Président",
    "ﬁrst amendment", "Straße 4", "SC 13D/A", "schedule 13g", "Amendment No. 4", "  based on  12,500,000 shares",
  ]

  @Test func cleanedLinesReadInPlaceAreTheCleanedText() {
    for line in Self.lines {
      let cleaned = DocumentFacts.cleanLine(Substring(line))
      #expect(String(DocumentFacts.cleanedSlice(Substring(line))) == cleaned, "\(line)")
      let bytes = DocumentFacts.withCleanedBytes(Substring(line)) { Array($0) }
      #expect(bytes == Array(cleaned.utf8), "\(line)")
      let upper = DocumentFacts.withCleanedBytes(Substring(line)) { DocumentFacts.upperCased($0) }
      #expect(upper == Array(cleaned.uppercased().utf8), "\(line)")
    }
  }

  @Test func textsUpperCasedScalarByScalarAreTheirUpperCase() {
    // Scalars whose upper case is longer than they are, has other scalars, or has none of its own.
    let pieces = [
      "ß", "ﬁ", "ﬀ", "ŉ", "ǰ", "ΐ", "σ", "ς", "İ", "ı", "é", "e\u{301}", "ǅ", "ꭰ", "𐐨", "😀", "a", "Z", " ", "1",
      "\u{A0}", "\u{345}", "Straße", "schedule 13d", "ᾳ",
    ]
    var longer = 0
    for (bytes, _) in TestSupport.pieceTexts(pieces, count: 2_000, maximumPieces: 12, seed: 0x7570_7065) {
      let expected = Array(String(decoding: bytes, as: UTF8.self).uppercased().utf8)
      #expect(bytes.withUnsafeBufferPointer(DocumentFacts.upperCased) == expected, "\(bytes)")
      if expected.count > bytes.count { longer += 1 }
    }
    // Ill-formed bytes read as U+FFFD, as the text made of them does.
    let illFormed: [UInt8] = [0x61, 0xC3, 0x28, 0xE2, 0x82, 0xFF, 0x62]
    #expect(
      illFormed.withUnsafeBufferPointer(DocumentFacts.upperCased)
        == Array(String(decoding: illFormed, as: UTF8.self).uppercased().utf8))
    #expect(longer > 300)
  }

  @Test func trimmedRangeIsTrimmedText() {
    for line in Self.lines + ["\u{A0} \tAlpha \u{A0}", "Beta\u{A0}\u{A0}", "\u{A0}"] {
      let fromRange = ASCIIText.withUTF8(line) { bytes in
        String(decoding: UnsafeBufferPointer(rebasing: bytes[LineBytes.trimmedRange(bytes)]), as: UTF8.self)
      }
      #expect(fromRange == ASCIIText.withUTF8(line) { LineBytes.trimmedText($0) }, "\(line)")
    }
  }

  @Test func phrasesFoundInBytesAreThoseFoundInText() {
    let phraseSets = [
      ["OUTSTANDING", "BASED ON", "BASED UPON", "BASIS OF"], ["GENERAL PARTNER OF ", "MANAGER OF "], ["(", "JOINT"],
    ].map { $0.map(ASCIIText.phrase) }
    let texts =
      Self.lines + [
        "the shares outstanding", "Based  on", "calculated on the basis of 12.5 million", "basis o", "b",
        "the general partner of Alpha", "Manager of", "(the \"Fund\")", "joint", "Outstandin",
      ]
    for text in texts {
      for phrases in phraseSets {
        let inBytes = ASCIIText.withUTF8(text) { ASCIIText.containsAny(phrases, inBytes: $0) }
        #expect(inBytes == ASCIIText.containsAny(phrases, in: text), "\(text)")
      }
    }
  }

  /// A body of `filler` lines of prose, then a joint filing agreement `gap` lines of text long, its
  /// attestation and two signatures.
  ///
  /// - Parameters:
  ///   - filler: How many paragraphs of prose come first, each one line and a blank line.
  ///   - gap: How many clauses the agreement has between its mention of joint filing and the attestation.
  ///   - clausesAsRows: Whether each clause is a table row of two cells rather than one line of text.
  private func agreementBody(filler: Int, gap: Int, clausesAsRows: Bool = false) -> String {
    var lines: [String] = []
    for index in 0..<filler { lines += ["Paragraph \(index) of the statement, which names nobody.", ""] }
    lines += ["The undersigned agree to the joint filing of this statement.", ""]
    for index in 0..<gap {
      lines += [clausesAsRows ? "Clause \(index)\tof the agreement." : "Clause \(index) of the agreement.", ""]
    }
    lines += [
      "IN WITNESS WHEREOF, the undersigned have signed this agreement.", "", "ALPHA FUND LP", "",
      "By: /s/ Jane Roe", "Name: Jane Roe", "Title: Managing Member", "", "/s/ John Doe", "John Doe", "",
    ]
    return lines.joined(separator: "\n")
  }

  @Test func aBlockDeepInALongBodyIsRead() {
    for filler in [0, 10, 3_000] {
      let lines = SourceLines(agreementBody(filler: filler, gap: 5))
      let signers = DocumentFacts(lines: lines).signers(in: 1..<(lines.count + 1))
      #expect(signers.map(\.name) == ["ALPHA FUND LP", "John Doe"], "filler \(filler)")
    }
  }

  @Test func theAgreementIsLookedForOnlySixtyLinesBack() {
    // 59 clauses and the attestation are 60 lines with text: the agreement's mention is the 61st, out of reach.
    for (gap, signs) in [(58, true), (59, false)] {
      for filler in [0, 3_000] {
        let lines = SourceLines(agreementBody(filler: filler, gap: gap))
        let signers = DocumentFacts(lines: lines).signers(in: 1..<(lines.count + 1))
        #expect(!signers.isEmpty == signs, "gap \(gap), filler \(filler)")
      }
    }
  }

  @Test func theLookBackCountsEachCellOfATableRow() {
    // A row of two cells is two entries with text: 29 rows and the attestation are 59, the mention is the
    // 60th; 30 rows put it out of reach. Prose before the agreement is passed over without being read as
    // entries, which must not change how far back the attestation looks.
    for (gap, signs) in [(29, true), (30, false)] {
      for filler in [0, 3_000] {
        let lines = SourceLines(agreementBody(filler: filler, gap: gap, clausesAsRows: true))
        let signers = DocumentFacts(lines: lines).signers(in: 1..<(lines.count + 1))
        #expect(!signers.isEmpty == signs, "gap \(gap), filler \(filler)")
      }
    }
  }

  @Test func aBlockOpenedByATableCellOrAnEmphasisedHeadingIsRead() {
    let prose = Array(repeating: "A paragraph of the statement, which names nobody.\n", count: 200).joined()
    let block = "\nALPHA FUND LP\n\nBy: /s/ Jane Roe\nName: Jane Roe\nTitle: Managing Member\n"
    for heading in ["Page 7\tSIGNATURE", "**SIGNATURE**", "SIGNATURE"] {
      let lines = SourceLines(prose + heading + "\n" + block)
      let signers = DocumentFacts(lines: lines).signers(in: 1..<(lines.count + 1))
      #expect(signers.map(\.name) == ["ALPHA FUND LP"], "\(heading)")
      #expect(signers.map(\.line) == [203], "\(heading)")
    }
  }

  @Test func wordsOfAFlattenedLineKeepTheirSourcePlaces() {
    let html = "<p>Alpha Beta\n  Gamma   Delta <b>Epsilon</b> Zeta &amp; Eta</p>\n<p>Théta  Iota</p>"
    let flattened = HTMLFlattener.flatten(html)
    let sourceLines = html.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for position in 1...flattened.count {
      let text = String(flattened[position])
      var columns = ColumnCounter(Array(text.utf8))
      for word in text.split(separator: " ") where word.first?.isLetter == true {
        let offset = text.utf8.distance(from: text.startIndex, to: word.startIndex)
        let place = flattened.location(position: position, offset: offset, columns: &columns)
        // The word stands in the source at that line and character column.
        let sourceLine = sourceLines[place.line - 1]
        let found = sourceLine.dropFirst(place.column - 1)
        #expect(found.hasPrefix(word), "\(word) at \(place)")
      }
    }
  }

  /// Text right after an entity or a tag, with no blank between, stands further along its source line than
  /// the characters before it count: each word is found at its own place.
  @Test func wordsRightAfterAnEntityOrATagKeepTheirSourcePlaces() {
    let html = """
      <P>9.&#9;Aggregate Amount Owned by Each Person&#9;<B>1,680,300</B>%</P>
      <p>Kappa&amp;Lambda Mu<b>(Nu)</b>Xi Omicron&nbsp;Pi<font size="2">/Rho Sigma</font>:Tau</p>
      <table><tr><td>Upsilon&#160;Phi</td><td><i>Chi</i>&#9;Psi Omega 12,345</td></tr></table>
      <p>Été<span>-Août</span> Noël&#8212;Zoé</p>
      """
    let flattened = HTMLFlattener.flatten(html)
    let sourceLines = html.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var checked = 0
    for position in 1...flattened.count {
      let text = String(flattened[position])
      var columns = ColumnCounter(Array(text.utf8))
      // Every run of letters and digits (a word or a number, commas inside) is checked.
      var index = text.startIndex
      while index < text.endIndex {
        guard text[index].isLetter || text[index].isNumber else {
          index = text.index(after: index)
          continue
        }
        var end = index
        while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "," {
          end = text.index(after: end)
        }
        let word = text[index..<end]
        let offset = text.utf8.distance(from: text.startIndex, to: index)
        let place = flattened.location(position: position, offset: offset, columns: &columns)
        let found = sourceLines[place.line - 1].dropFirst(place.column - 1)
        #expect(found.hasPrefix(word), "\(word) at \(place): \(found.prefix(20))")
        checked += 1
        index = end
      }
    }
    #expect(checked == 28)
  }

  /// On seeded lines of words one or more spaces apart, entities and tags, every run of letters and digits the
  /// flattener prints is located where its first character stands in the source.
  @Test func everyRunOfLettersOfSeededHTMLIsLocatedAtItsSource() {
    let pieces = [
      "Alpha", "Beta", "é", "Zoë", "12,345", " ", " ", " ", "  ", "\n", "&amp;", "&#9;", "&nbsp;", "<b>", "</b>",
      "<p>", "<td>", "<br>", "-", "(",
    ]
    func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
    var checked = 0
    for (bytes, draw) in TestSupport.pieceTexts(pieces, count: 2_000, maximumPieces: 24, seed: 0x706C_6163) {
      let html = String(decoding: bytes, as: UTF8.self)
      let flattened = HTMLFlattener.flatten(html)
      let sourceLines = html.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
      for position in 0..<flattened.count {
        let text = String(flattened[position + 1])
        var columns = ColumnCounter(Array(text.utf8))
        var previous: Unicode.Scalar?
        var offset = 0
        for scalar in text.unicodeScalars {
          defer {
            previous = scalar
            offset += String(scalar).utf8.count
          }
          guard isAlphanumeric(scalar), previous.map(isAlphanumeric) != true else { continue }
          let place = flattened.location(position: position + 1, offset: offset, columns: &columns)
          let line = sourceLines[place.line - 1]
          let found = place.column - 1 < line.count ? line[place.column - 1] : nil
          #expect(found == scalar, "draw \(draw): \(html.debugDescription), \(scalar) at \(place)")
          checked += 1
        }
      }
    }
    #expect(checked > 5_000)
  }
}
