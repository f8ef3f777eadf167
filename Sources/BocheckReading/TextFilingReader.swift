import BocheckModel

/// Reads a Schedule 13D or 13G written as text: EDGAR `.txt` documents and word-processor drafts.
///
/// The filing is split into three regions: the header (form, issuer, CUSIP) before the first row caption,
/// the cover pages, and the body after them (Items, signatures, joint filing agreement, exhibits). The
/// cover pages end at the first line that can only be body text: an "Item N" heading, an "Amendment No."
/// heading, a signature heading or a long line of prose.
enum TextFilingReader {
  /// Reads a filing from its text.
  ///
  /// - Parameters:
  ///   - text: The whole text.
  ///   - path: Where it came from, for the model and messages.
  ///   - format: The format to record (text, or the format of a wrapper the text came out of).
  ///   - declaredForm: The form type a wrapper declares (an SGML `<TYPE>`), used when the text names none
  ///     or names it without its amendment suffix.
  static func read(text: String, path: String, format: InputFormat = .text, declaredForm: Located<String>? = nil)
    -> Filing
  {
    read(lines: SourceLines(text), path: path, format: format, declaredForm: declaredForm)
  }

  /// Reads a filing from lines, which may have been built from another format.
  static func read(
    lines: SourceLines, path: String, format: InputFormat, declaredForm: Located<String>? = nil
  ) -> Filing {
    // Every cover page names the reporting person: without those words anywhere there is nothing to read,
    // and one scan of the bytes says so without tokenizing every line of a large file.
    guard ASCIIText.contains(reportingPersonPhrase, in: lines.spannedText) else {
      return Filing(path: path, format: format, schedule: .schedule13D)
    }
    // Lines are tokenized up to the end of the cover pages only: the body is left to the document facts.
    var tokenized: [TokenizedLine] = []
    var firstCaption: Int?
    var coverEnd = lines.count
    var lastItemRow: Int?
    // A line repeated on every reporting person's page is tokenized once.
    var memo = TokenizedLineMemo(lineCount: lines.count)
    for offset in 0..<lines.count {
      var line = memo.tokenize(lineAt: offset, source: lines)
      if line.itemRowNumber != nil {
        line = acceptingItemRow(line, text: lines[offset + 1], after: &lastItemRow)
      }
      if firstCaption == nil {
        if line.hasCaption { firstCaption = offset }
      } else if startsBody(line, source: lines) {
        coverEnd = offset
        break
      }
      tokenized.append(line)
    }
    let facts = DocumentFacts(lines: lines)
    let coverStart = firstCaption ?? lines.count
    // The header's last "CUSIP No." line belongs to the first page.
    var coverLines = Array(tokenized[coverStart..<coverEnd])
    if let cusipIndex = tokenized[..<coverStart].lastIndex(where: {
      if case .cusip = $0.role { return true } else { return false }
    }) {
      // What stands between that line and the first caption close by (a name printed above its caption)
      // belongs to the first page too.
      let from = coverStart - cusipIndex <= 12 ? cusipIndex : coverStart
      coverLines.insert(contentsOf: tokenized[from..<coverStart], at: 0)
      if from == coverStart { coverLines.insert(tokenized[cusipIndex], at: 0) }
    }
    let header = facts.formAndAmendment(headerEnd: max(coverStart, min(lines.count, 60)))
    let hasSourceOfFunds = coverLines.contains { line in
      line.tokens.contains { token in
        if case .caption(let field, _) = token.kind { return field == .fundType || field == .legalProceedings }
        return false
      }
    }
    let schedule = header.schedule ?? inferSchedule(coverLines, hasSourceOfFunds: hasSourceOfFunds)
    let assembled = CoverPageAssembler(schedule: schedule).assemble(coverLines)
    var pages = assembled.pages
    // Footnotes under a page itemise its marked values (FootnoteResolver.swift).
    FootnoteResolver.resolve(&pages, lines: lines)
    let knownNames = Set(pages.compactMap(\.reportingPersonName).map(NameKey.init))
    splitAttributions(&pages, knownNames: knownNames)

    let bodyRange = (coverEnd + 1)..<(lines.count + 1)
    let headerRange = 1..<(coverStart + 1)
    var filing = Filing(path: path, format: format, schedule: schedule)
    filing.form = header.form
    if let declaredForm, header.form == nil || declaredForm.value.hasPrefix(header.form?.value ?? "") {
      filing.form = declaredForm
    }
    filing.amendment = header.amendment
    filing.issuer = facts.valueAbove(caption: "(name of issuer)", before: coverStart)
    filing.itemOneIssuer = facts.itemOneIssuer(in: bodyRange)
    filing.cusip = facts.cusip(before: coverStart) ?? pages.first?.cusip.map { Located($0, line: pages[0].line) }
    filing.statedSharesOutstanding =
      facts.statedSharesOutstanding(in: bodyRange) ?? facts.statedSharesOutstanding(in: headerRange)
    filing.signers = facts.signers(in: bodyRange)
    // The signers' names help split the agreement's list of parties where a name holds "and" or a comma.
    let signerNames = Set(filing.signers.map { NameKey($0.name) })
    filing.jointFilers = facts.jointFilers(in: bodyRange, knownNames: knownNames.union(signerNames))
    // Relationships the body states in words tie parents whose row 11 names nobody to their funds.
    RelationshipFacts.attribute(
      {
        facts.paragraphs(in: bodyRange, where: RelationshipFacts.mayStateRelationship).map {
          ($0.text, lines.sourceLine($0.lineStarts.first?.line ?? 1))
        }
      },
      to: &pages)
    filing.coverPages = pages
    filing.readerNotes = assembled.notes
    return filing
  }

  /// The line as a terse "Item N:" row when it continues such a cover page, else without its row token.
  ///
  /// The terse layout prints each row as "Item N: value" with no caption words ("Item 1: Reporting Person
  /// - Example Fund LP", "Item 5: 1,234,567", "Item 11: 7.4%"). Its first row names the reporting person;
  /// each further row must come after the one before it, so that the body's own "Item 4: Ownership"
  /// headings, which start again from a lower number, are never taken for rows.
  ///
  /// - Parameters:
  ///   - line: The tokenized line, which starts with an item row token.
  ///   - text: The line's text.
  ///   - last: The number of the last terse row accepted, updated when this one is.
  private static func acceptingItemRow(_ line: TokenizedLine, text: Substring, after last: inout Int?)
    -> TokenizedLine
  {
    guard let number = line.itemRowNumber else { return line }
    if number == 1, ASCIIText.contains(reportingPersonPhrase, in: text) {
      last = 1
      return line
    }
    if let previous = last, number > previous {
      last = number
      return line
    }
    last = nil
    return line.withoutItemRow()
  }

  /// The schedule when the filing does not name it: Schedule 13G only when the printed row numbers say so
  /// (a 13G numbers its rows after row 3 differently), Schedule 13D otherwise.
  private static func inferSchedule(_ lines: [TokenizedLine], hasSourceOfFunds: Bool) -> Schedule {
    if hasSourceOfFunds { return .schedule13D }
    var votes13G = 0
    var votes13D = 0
    for line in lines {
      for token in line.tokens {
        guard case .caption(let field, let printed?) = token.kind else { continue }
        let as13D = field.number(in: .schedule13D)
        let as13G = field.number(in: .schedule13G)
        if printed == as13G && printed != as13D { votes13G += 1 }
        if printed == as13D && printed != as13G { votes13D += 1 }
      }
    }
    return votes13G > votes13D ? .schedule13G : .schedule13D
  }

  private static let reportingPersonPhrase = ASCIIText.phrase("REPORTING PERSON")

  /// Whether a line after the first caption can only be body text: an "Item N" or signature heading, an
  /// "Amendment No." heading, or a long line of prose.
  private static func startsBody(_ line: TokenizedLine, source: SourceLines) -> Bool {
    guard line.role == .content && !line.hasCaption else { return false }
    let mayBeHeading = source.withBytes(line.number) { bytes in
      LineBytes.mayStart(bytes, at: LineBytes.firstSignificant(bytes, skippingStars: true), withOneOf: headingInitials)
    }
    if mayBeHeading {
      let text = DocumentFacts.cleanLine(source[line.number])
      // "ITEM 2(D) OR 2(E)" on its own line is the end of row 5's wrapped caption, not Item 2 of the body.
      let afterItem = String(text.dropFirst(4)).trimmingBlanks()
      if isBodyHeading(text.uppercased()),
        CaptionWords.strip(afterItem, inName: false, cutsOrdinaryWords: false).text == afterItem
      {
        return true
      }
    }
    // Prose: a long line whose first value starts with a word (values of rows 7-11 start with a number).
    if case .value(let value)? = line.tokens.first?.kind, value.utf8.count > 160, !line.isTableRow,
      case let firstWord = value.drop(while: { $0 == " " }).prefix(while: { $0 != " " }), !firstWord.isEmpty,
      firstWord.allSatisfy({ $0.isLetter || $0 == "," || $0 == "." })
    {
      // A garbled amount ("l,777,252 shares ...") has digits in its first word: it is a value, not prose.
      return firstWord.contains(where: \.isLetter)
    }
    return false
  }

  /// The letters the headings of ``isBodyHeading(_:)`` start with: a line whose cleaned text starts with
  /// none of them is no heading.
  private static let headingInitials = ASCIIText.phrase("IASJ")

  private static func isBodyHeading(_ upper: String) -> Bool {
    if upper.hasPrefix("ITEM "), upper.dropFirst(5).first?.isNumber == true { return true }
    if upper.hasPrefix("AMENDMENT NO") { return true }
    return ["SIGNATURE", "SIGNATURES", "SIGNATURE.", "JOINT FILING AGREEMENT"].contains(upper)
  }

  /// Replaces each amount's printed attribution by the names it lists.
  ///
  /// Each row's value is set where the row stands in its page's table, walked by index: the table is neither
  /// copied (as a walk over a copy of it that changes the table would) nor searched again for the row.
  private static func splitAttributions(_ pages: inout [CoverPage], knownNames: Set<NameKey>) {
    // Rows 7 to 11 of a page often print one attribution: each text is split once.
    var splits: [String: [String]] = [:]
    for pageIndex in pages.indices {
      var index = pages[pageIndex].rows.startIndex
      while index != pages[pageIndex].rows.endIndex {
        defer { index = pages[pageIndex].rows.index(after: index) }
        guard case .amount(var amount)? = pages[pageIndex].rows.values[index].value, amount.attributedTo.count == 1
        else { continue }
        let printed = amount.attributedTo[0]
        let names: [String]
        if let split = splits[printed] {
          names = split
        } else {
          names = NameListSplitter.split(printed, knownNames: knownNames)
          splits[printed] = names
        }
        amount.attributedTo = names
        pages[pageIndex].rows.values[index].value = .amount(amount)
      }
    }
  }
}
