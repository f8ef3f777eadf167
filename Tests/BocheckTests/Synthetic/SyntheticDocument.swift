import BocheckModel
import BocheckSeeded

extension SyntheticDraft {
  /// The CUSIP as the header and page headers print it.
  private var cusipAsPrinted: String { spacedCUSIP ? Self.spaced(printedCUSIP) : printedCUSIP }

  private var formName: String { amendment == nil ? "SCHEDULE 13D" : "SCHEDULE 13D/A" }

  /// Prints the filing and resolves the expected findings' lines.
  ///
  /// - Parameters:
  ///   - seed: The seed, recorded in the result.
  ///   - fault: The fault injected, if any.
  ///   - pending: The findings the fault implies.
  ///   - random: Draws noise positions.
  func print(seed: UInt64, fault: SyntheticFault?, pending: [PendingExpectation], random: inout SplitMix64)
    -> SyntheticTextFiling
  {
    var builder = SyntheticTextBuilder()
    printHeader(&builder)
    let renderer = CoverPageRenderer(style: style)
    var rendered: [RenderedPage] = []
    for (offset, page) in pages.enumerated() {
      if style.pageCUSIP {
        builder.add("CUSIP No. \(cusipAsPrinted)")
        builder.blank()
      }
      rendered.append(renderer.render(page, into: &builder, random: &random))
      builder.blank()
      if style.pageNumbers {
        builder.add(String(offset + 2))
        builder.blank()
      }
      if offset + 1 < pages.count, style.runningHeaderOdds != nil, random.chance(1, in: 2) {
        builder.add(style.runningHeader)
        builder.blank()
      }
    }
    let signatureLines = printBody(&builder)
    var expected: [ExpectedFinding] = []
    for item in pending {
      var finding = item.finding
      if let personIndex = item.personIndex, let page = rendered.first(where: { $0.personIndex == personIndex }) {
        finding.lines = finding.rows.compactMap { row in
          page.rows[row].map { item.atCaption ? $0.captionLine : ($0.valueLine ?? $0.captionLine) }
        }
      }
      expected.append(finding)
    }
    let text = builder.text
    let description = describe(
      seed: seed, fault: fault, expected: expected, rendered: rendered, signatureLines: signatureLines)
    return SyntheticTextFiling(
      seed: seed, fault: fault, text: text, expected: expected, ownership: ownership, pages: pages,
      rendered: rendered, statesSharesOutstanding: statesSharesOutstanding, percentDecimals: percentDecimals,
      cusip: cusip, printedCUSIP: printedCUSIP, style: style, description: description)
  }

  private func printHeader(_ builder: inout SyntheticTextBuilder) {
    for line in ["UNITED STATES", "SECURITIES AND EXCHANGE COMMISSION", "Washington, D.C. 20549", ""] {
      builder.add(line)
    }
    builder.add(formName)
    if let amendment { builder.add("(Amendment No. \(amendment))") }
    builder.blank()
    builder.add("Under the Securities Exchange Act of 1934")
    builder.blank()
    builder.add(issuer)
    builder.add("(Name of Issuer)")
    builder.blank()
    builder.add("Common Stock, par value $0.001 per share")
    builder.add("(Title of Class of Securities)")
    builder.blank()
    builder.add(cusipAsPrinted)
    builder.add("(CUSIP Number)")
    builder.blank()
    builder.add(officer)
    builder.add("100 \(SyntheticVocabulary.streets[0]), Suite 400")
    builder.add("(Name, Address and Telephone Number of Person Authorized to Receive Notices and Communications)")
    builder.blank()
    builder.add(eventDate)
    builder.add("(Date of Event Which Requires Filing of This Statement)")
    builder.blank()
    builder.add(
      "If the filing person has previously filed a statement on Schedule 13G to report the acquisition that is "
        + "the subject of this Schedule 13D, and is filing this schedule because of Rule 13d-1(e), 13d-1(f) or "
        + "13d-1(g), check the following box. \(style.box(false))".trimmingTrailingBlanks())
    builder.blank()
  }

  /// Prints Items 1, 2, 5 and 7, the signatures and the joint filing agreement; returns each signer's
  /// 1-based signature line.
  private func printBody(_ builder: inout SyntheticTextBuilder) -> [String: Int] {
    let everyone = ownership.persons.map(\.name)
    let list = style.nameList(everyone)
    builder.add("Item 1. Security and Issuer.")
    builder.blank()
    let subject = amendment.map { "This Amendment No. \($0) to Schedule 13D" } ?? "This Schedule 13D"
    builder.add(
      "\(subject) relates to the common stock, par value $0.001 per share (the \"Common Stock\"), of \(issuer) "
        + "(the \"Issuer\"). The address of the principal executive offices of the Issuer is 200 "
        + "\(SyntheticVocabulary.streets[1]), \(SyntheticVocabulary.cities[0]).")
    builder.blank()
    builder.add("Item 2. Identity and Background.")
    builder.blank()
    builder.add("This statement is filed by \(list) (collectively, the \"Reporting Persons\").")
    builder.blank()
    builder.add("Item 5. Interest in Securities of the Issuer.")
    builder.blank()
    var itemFive =
      "(a) and (b) The information set forth in rows 7 through 13 of the cover pages of this statement is "
      + "incorporated herein by reference."
    if statesSharesOutstanding {
      itemFive +=
        " The percentages used herein are calculated based on "
        + "\(ExactDecimal(ownership.sharesOutstanding)) shares of Common Stock outstanding as reported in the "
        + "Issuer's Quarterly Report on Form 10-Q for the quarter ended September 30, 2024."
    }
    builder.add(itemFive)
    builder.blank()
    builder.add(
      "(c) The Reporting Persons have not effected any transactions in the Common Stock in the past sixty days.")
    builder.blank()
    builder.add("Item 7. Material to be Filed as Exhibits.")
    builder.blank()
    if jointAgreement {
      builder.add("Exhibit 99.1 Joint Filing Agreement, dated as of \(eventDate).")
    } else {
      builder.add("None.")
    }
    builder.blank()
    builder.add("SIGNATURE")
    builder.blank()
    builder.add(
      "After reasonable inquiry and to the best of my knowledge and belief, I certify that the information set "
        + "forth in this statement is true, complete and correct.")
    builder.blank()
    builder.add("Dated: \(eventDate)")
    builder.blank()
    let signatureLines = printSignatureBlocks(&builder)
    if jointAgreement {
      builder.add("JOINT FILING AGREEMENT")
      builder.blank()
      builder.add(
        "In accordance with Rule 13d-1(k)(1) under the Securities Exchange Act of 1934, as amended, the "
          + "undersigned hereby agree to the joint filing on behalf of each of them of a statement on Schedule "
          + "13D (including amendments thereto) with respect to the Common Stock of \(issuer). This Joint Filing "
          + "Agreement is entered into by and among \(list)\(list.hasSuffix(".") ? "" : ".")")
      builder.blank()
      builder.add("Dated: \(eventDate)")
      builder.blank()
      _ = printSignatureBlocks(&builder)
    }
    return signatureLines
  }

  /// The person who signs for an entity: an individual controlling one of its managers, or the officer.
  private func signatory(for index: Int) -> (name: String, title: String) {
    let persons = ownership.persons
    let person = persons[index]
    let managers =
      person.role == .fund
      ? persons.indices.filter { persons[$0].controls.contains(index) && persons[$0].role == .manager } : [index]
    for individual in persons.indices where persons[individual].role == .individual {
      if persons[individual].controls.contains(where: managers.contains) {
        return (persons[individual].name, "Managing Member")
      }
    }
    return (officer, SyntheticVocabulary.signingTitles[index % SyntheticVocabulary.signingTitles.count])
  }

  /// A name as a signature block prints it: without a middle initial when the style drops them
  /// ("Maria K. Rivera" signs "Maria Rivera"; "J. K. Mbeki" keeps both initials).
  private func signedName(_ name: String) -> String {
    let words = name.split(separator: " ")
    guard signaturesDropMiddleInitial, words.count == 3, words[0].count > 2, words[1].count == 2,
      words[1].hasSuffix(".")
    else { return name }
    return "\(words[0]) \(words[2])"
  }

  /// Prints the signer's name and title: "Name, Title" or "Name: …" and "Title: …" lines.
  private func printSigner(_ name: String, title: String, _ builder: inout SyntheticTextBuilder) {
    if nameTitleBlocks {
      builder.add("Name: \(name)")
      builder.add("Title: \(title)")
    } else {
      builder.add("\(name), \(title)")
    }
    builder.blank()
  }

  private func printSignatureBlocks(_ builder: inout SyntheticTextBuilder) -> [String: Int] {
    var lines: [String: Int] = [:]
    let persons = ownership.persons
    for (index, person) in persons.enumerated() {
      if person.role == .individual {
        let signed = signedName(person.name)
        lines[person.name] = builder.add("/s/ \(signed)")
        if nameTitleBlocks && variants.contains(.individualNameLines) {
          builder.add("Name: \(uppercaseSignatureNames ? signed.uppercased() : signed)")
        }
        builder.blank()
        builder.add("\(uppercaseSignatureNames ? signed.uppercased() : signed), Individually")
        builder.blank()
        continue
      }
      let printed = uppercaseSignatureNames ? person.name.uppercased() : person.name
      let words = printed.split(separator: " ")
      // A second line that starts with a suffix or a numeral ("II, L.P.", "GP, LLC") is a known reader gap:
      // without it, the cut moves back to a word, or the name stays whole.
      let original = person.name.split(separator: " ")
      let startsWithWord = { (index: Int) in
        original[index].count > 2 && original[index].dropFirst().allSatisfy(\.isLowercase)
      }
      var cut = (words.count + 1) / 2
      if wrapsSignatureEntityNames && words.count >= 4 && !variants.contains(.signatureNamesWrappedBeforeSuffix) {
        while cut > 1 && !startsWithWord(cut) { cut -= 1 }
      }
      let wraps =
        wrapsSignatureEntityNames && words.count >= 4
        && (variants.contains(.signatureNamesWrappedBeforeSuffix) || startsWithWord(cut))
      if wraps {
        lines[person.name] = builder.add(words[..<cut].joined(separator: " "))
        builder.add(words[cut...].joined(separator: " "))
      } else {
        lines[person.name] = builder.add(printed)
      }
      builder.blank()
      if person.role == .fund,
        let manager = persons.first(where: { $0.role == .manager && $0.controls.contains(index) })
      {
        let managerName = uppercaseSignatureNames ? manager.name.uppercased() : manager.name
        builder.add("By: \(managerName), its general partner")
        builder.blank()
      }
      let (name, title) = signatory(for: index)
      let signer = signedName(name)
      builder.add("By: /s/ \(signer)")
      builder.blank()
      printSigner(uppercaseSignatureNames ? signer.uppercased() : signer, title: title, &builder)
    }
    return lines
  }

  // MARK: Description

  private func describe(
    seed: UInt64, fault: SyntheticFault?, expected: [ExpectedFinding], rendered: [RenderedPage],
    signatureLines: [String: Int]
  ) -> String {
    var lines: [String] = []
    lines.append("synthetic filing seed \(seed), fault \(fault?.rawValue ?? "none")")
    lines.append(
      "form \(formName)\(amendment.map { " No. \($0)" } ?? ""), CUSIP \(cusip) printed \(cusipAsPrinted), "
        + "shares outstanding \(ExactDecimal(ownership.sharesOutstanding)) "
        + (statesSharesOutstanding ? "stated in Item 5" : "not stated") + ", percents with \(percentDecimals) decimals")
    lines.append(
      "style: captions \(style.uppercaseCaptions ? "upper" : "mixed") case, checkboxes \(style.checkboxes), "
        + "wrap \(style.wrapWidth.map(String.init) ?? "none"), wrapped names \(style.wrapNames), "
        + "zero \(style.zeroText), side label \(style.sideLabel), page CUSIP \(style.pageCUSIP), "
        + "page numbers \(style.pageNumbers), running headers \(style.runningHeaderOdds.map { "1 in \($0)" } ?? "none"), "
        + "joint filing agreement \(jointAgreement)")
    lines.append(
      "more style: row numbers \(style.rowNumbers) \(style.rowNumberPlacement), caption wordings "
        + (1...14).map { String(style.captionChoice[$0] ?? 0) }.joined() + ", caption width "
        + "\(style.captionWidth.map(String.init) ?? "none"), tax ID \(style.taxIDPlacement), amounts "
        + "\(style.amountForm)\(style.asteriskMarkers ? " (*)" : ""), percents \(style.percentForm)"
        + (style.dropsLeadingZero ? " (no leading zero)" : "") + ", signatures: capitals "
        + "\(uppercaseSignatureNames), no middle initial \(signaturesDropMiddleInitial), wrapped "
        + "\(wrapsSignatureEntityNames), name/title lines \(nameTitleBlocks)")
    for person in ownership.persons {
      let holding = person.holding
      var text =
        "  \(person.role.rawValue) \"\(person.name)\": common \(holding.common), convertible "
        + "\(holding.convertible), warrant \(holding.warrant), total \(holding.total), voting \(person.votingShares)"
      if !person.reportsFor.isEmpty {
        text += ", reports for " + person.reportsFor.map { "\"\(ownership.persons[$0].name)\"" }.joined(separator: ", ")
      }
      lines.append(text)
    }
    for (page, location) in zip(pages, rendered) {
      var text =
        "  page of \"\(page.name)\" at line \(location.firstLine), layout \(page.layout), percent \(page.percent)"
      if !page.missingRows.isEmpty { text += ", rows without value \(page.missingRows.sorted())" }
      lines.append(text)
    }
    if expected.isEmpty {
      lines.append("expected: no error or warning")
    } else {
      lines.append("expected:")
      lines += expected.map { "  \($0)" }
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  /// The string without trailing spaces and tabs.
  func trimmingTrailingBlanks() -> String {
    var result = self
    while let last = result.last, last == " " || last == "\t" { result.removeLast() }
    return result
  }
}
