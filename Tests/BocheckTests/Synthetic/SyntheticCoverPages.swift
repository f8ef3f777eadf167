import BocheckModel

/// A number of shares as one cover-page row prints it.
struct PrintedAmount: Hashable, Sendable {
  /// The total.
  var total: Int
  /// The "consisting of" parts; empty when the amount is not itemised.
  var parts: [SyntheticPart]
  /// The names after "owned by" / "collectively owned by"; empty when the amount names nobody.
  var attributedTo: [String]
  /// The total's text with a digit replaced by a letter, when a fault made it unreadable.
  var garbledTotal: String?

  /// A plain number of shares.
  init(total: Int) {
    self.init(total: total, parts: [], attributedTo: [])
  }

  /// An amount with parts and attribution.
  init(total: Int, parts: [SyntheticPart], attributedTo: [String], garbledTotal: String? = nil) {
    self.total = total
    self.parts = parts
    self.attributedTo = attributedTo
    self.garbledTotal = garbledTotal
  }

  /// The shares of the acquirable parts (convertible and warrant).
  var acquirable: Int { parts.filter { $0.kind.isAcquirable }.reduce(0) { $0 + $1.shares } }
}

/// How a cover page lays out its rows.
enum CoverLayout: String, CaseIterable, Sendable {
  /// A caption line, then the value on the lines below it.
  case captionThenValue
  /// One tab-separated line per row: number, caption, value.
  case tabbed
  /// A Markdown-like table, long values continued on rows with empty leading cells.
  case table
  /// A numbered caption ("1." or "(1)"), then the value indented on the lines below it.
  case indented
}

/// How checkboxes are drawn.
enum CheckboxStyle: String, CaseIterable, Sendable {
  /// `[X]` and `[ ]`.
  case brackets
  /// `X` and `o`.
  case letterO
  /// `<input checked="" type="radio"/>` and `<input type="radio"/>`.
  case radio
  /// Nothing for an empty box, `X` for a checked one.
  case none
}

/// Where the "Number of Shares Beneficially Owned By Each Reporting Person With" side label goes.
enum SideLabelPlacement: String, CaseIterable, Sendable {
  /// Not printed.
  case absent
  /// On a line of its own before row 7.
  case ownLine
  /// In front of row 7's caption, on the same line.
  case besideRowSeven
  /// Split over the first cells of rows 7–10 (tables only).
  case splitOverRows
}

/// One cover page as the filing prints it: the values of rows 1–14, which faults may alter.
struct PrintedCoverPage: Hashable, Sendable {
  /// The index of the reporting person in the ownership structure.
  var personIndex: Int
  /// Row 1.
  var name: String
  /// Row 2: whether box (a) is checked.
  var groupA: Bool
  /// Row 2: whether box (b) is checked.
  var groupB: Bool
  /// Row 4.
  var sourceOfFunds: String
  /// Row 5.
  var legalProceedings: Bool
  /// Row 6.
  var citizenship: String
  /// Rows 7–11, keyed by row number.
  var amounts: [Int: PrintedAmount]
  /// Row 12.
  var excludesShares: Bool
  /// Row 13, with its printed decimals.
  var percent: ExactDecimal
  /// Row 14.
  var typeCodes: String
  /// Rows whose value is left out (the caption stays).
  var missingRows: Set<Int> = []
  /// The page's layout.
  var layout: CoverLayout
}

/// Where a rendered row stands in the text.
struct RenderedRow: Hashable, Sendable {
  /// The 1-based line of the caption.
  var captionLine: Int
  /// The 1-based line where the value starts, or `nil` when the row has no value.
  var valueLine: Int?
}

/// Where a rendered cover page stands in the text.
struct RenderedPage: Hashable, Sendable {
  /// The index of the reporting person in the ownership structure.
  var personIndex: Int
  /// The 1-based line of row 1's caption.
  var firstLine: Int
  /// The rows, keyed by row number.
  var rows: [Int: RenderedRow]
}

/// The filing-wide choices of how cover pages are printed.
struct CoverPageStyle: Sendable {
  /// Whether captions are printed in capitals ("SOLE VOTING POWER") or in mixed case ("Sole Voting Power").
  var uppercaseCaptions: Bool
  /// How checkboxes are drawn.
  var checkboxes: CheckboxStyle
  /// Long values are wrapped at word boundaries to this many characters; `nil` keeps them on one line.
  var wrapWidth: Int?
  /// Whether names of four or more words are wrapped over two lines.
  var wrapNames: Bool
  /// How the indented layout numbers its captions: `"1."` or `"(1)"` style.
  var parenthesisedNumbers: Bool
  /// The indentation of the indented layout's values.
  var indent: String
  /// How a zero amount is printed: `0` or `-0-`.
  var zeroText: String
  /// Whether an amount of common shares only is printed as a bare number.
  var bareCommonAmounts: Bool
  /// Whether itemised and attributed amounts end with a full stop.
  var amountFullStop: Bool
  /// Whether name lists use a comma before the last "and".
  var serialComma: Bool
  /// Whether each page starts with a "CUSIP No." line.
  var pageCUSIP: Bool
  /// Whether page numbers stand between pages.
  var pageNumbers: Bool
  /// One running header per this many row boundaries on average; `nil` for none.
  var runningHeaderOdds: Int?
  /// Whether a blank line follows every row (caption layouts only).
  var blankLineAfterRows: Bool
  /// Whether "S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON" follows row 1's caption.
  var identificationLine: Bool
  /// Where the side label of rows 7–10 goes.
  var sideLabel: SideLabelPlacement
  /// Whether tables print a `|---|` rule under their first row.
  var tableRule: Bool
  /// Whether row 2's boxes stand on the caption line (else on lines of their own).
  var groupBoxesOnCaptionLine: Bool
  /// The running header's text.
  var runningHeader: String
  /// The CUSIP as each page's header prints it.
  var printedCUSIP: String

  /// Draws a style.
  static func random(_ random: inout SplitMix64, runningHeader: String, printedCUSIP: String) -> CoverPageStyle {
    CoverPageStyle(
      uppercaseCaptions: random.chance(3, in: 4), checkboxes: random.pick(CheckboxStyle.allCases),
      wrapWidth: random.chance(1, in: 2) ? nil : random.int(in: 70...120), wrapNames: random.chance(1, in: 4),
      parenthesisedNumbers: random.chance(1, in: 2), indent: random.pick(["\t", "    ", "  "]),
      zeroText: random.chance(1, in: 4) ? "-0-" : "0", bareCommonAmounts: random.chance(1, in: 2),
      amountFullStop: random.chance(1, in: 2), serialComma: random.chance(1, in: 3),
      pageCUSIP: random.chance(2, in: 3), pageNumbers: random.chance(1, in: 2),
      runningHeaderOdds: random.chance(1, in: 3) ? random.int(in: 5...12) : nil,
      blankLineAfterRows: random.chance(1, in: 2), identificationLine: random.chance(1, in: 2),
      sideLabel: random.pick(SideLabelPlacement.allCases), tableRule: random.chance(1, in: 2),
      groupBoxesOnCaptionLine: random.chance(1, in: 2), runningHeader: runningHeader, printedCUSIP: printedCUSIP)
  }

  // MARK: Values as text

  /// A checkbox as this style draws it.
  func box(_ checked: Bool) -> String {
    switch checkboxes {
    case .brackets: return checked ? "[X]" : "[ ]"
    case .letterO: return checked ? "X" : "o"
    case .radio: return checked ? "<input checked=\"\" type=\"radio\"/>" : "<input type=\"radio\"/>"
    case .none: return checked ? "X" : ""
    }
  }

  /// Row 2's boxes on one line.
  func groupBoxes(a: Bool, b: Bool) -> String {
    "(a) \(box(a)) (b) \(box(b))".split(separator: " ").joined(separator: " ")
  }

  /// A list of names: "A", "A and B", "A, B and C".
  func nameList(_ names: [String]) -> String {
    guard let last = names.last else { return "" }
    let head = names.dropLast()
    if head.isEmpty { return last }
    if head.count == 1 { return "\(head[head.startIndex]) and \(last)" }
    return head.joined(separator: ", ") + (serialComma ? ", and " : " and ") + last
  }

  /// An amount's text.
  func amountText(_ amount: PrintedAmount) -> String {
    let totalText = amount.garbledTotal ?? ExactDecimal(amount.total).description
    if amount.total == 0 && amount.parts.isEmpty && amount.attributedTo.isEmpty && amount.garbledTotal == nil {
      return zeroText
    }
    var text: String
    if amount.parts.isEmpty {
      if bareCommonAmounts && amount.attributedTo.isEmpty { return totalText }
      text = "\(totalText) shares of Common Stock"
    } else {
      let labels = ["i", "ii", "iii", "iv"]
      var pieces: [String] = []
      for (offset, part) in amount.parts.enumerated() {
        let label = offset < labels.count ? labels[offset] : String(offset + 1)
        let shares = ExactDecimal(part.shares).description
        switch part.kind {
        case .convertible:
          pieces.append("(\(label)) \(shares) shares of Common Stock issuable upon conversion of Convertible Notes")
        case .warrant:
          pieces.append("(\(label)) \(shares) shares of Common Stock issuable upon exercise of Warrants")
        default:
          pieces.append("(\(label)) \(shares) shares of Common Stock")
        }
      }
      let joined =
        pieces.count == 1
        ? pieces[0] : pieces.dropLast().joined(separator: "; ") + "; and " + (pieces.last ?? "")
      text = "\(totalText) shares of common stock, consisting of \(joined)"
    }
    if !amount.attributedTo.isEmpty {
      text += (amount.attributedTo.count == 1 ? ", owned by " : ", collectively owned by ")
      text += nameList(amount.attributedTo)
    }
    if amountFullStop && !text.hasSuffix(".") { text += "." }
    return text
  }

  /// A percent's text.
  func percentText(_ percent: ExactDecimal) -> String {
    "\(percent)%"
  }

  // MARK: Captions

  private static let upperCaptions = [
    1: "NAME OF REPORTING PERSON",
    2: "CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP",
    3: "SEC USE ONLY",
    4: "SOURCE OF FUNDS",
    5: "CHECK BOX IF DISCLOSURE OF LEGAL PROCEEDINGS IS REQUIRED PURSUANT TO ITEMS 2(d) OR 2(e)",
    6: "CITIZENSHIP OR PLACE OF ORGANIZATION",
    7: "SOLE VOTING POWER",
    8: "SHARED VOTING POWER",
    9: "SOLE DISPOSITIVE POWER",
    10: "SHARED DISPOSITIVE POWER",
    11: "AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON",
    12: "CHECK IF THE AGGREGATE AMOUNT IN ROW (11) EXCLUDES CERTAIN SHARES",
    13: "PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)",
    14: "TYPE OF REPORTING PERSON",
  ]

  private static let mixedCaptions = [
    1: "Name of Reporting Person",
    2: "Check the Appropriate Box if a Member of a Group",
    3: "SEC Use Only",
    4: "Source of Funds",
    5: "Check Box if Disclosure of Legal Proceedings Is Required Pursuant to Items 2(d) or 2(e)",
    6: "Citizenship or Place of Organization",
    7: "Sole Voting Power",
    8: "Shared Voting Power",
    9: "Sole Dispositive Power",
    10: "Shared Dispositive Power",
    11: "Aggregate Amount Beneficially Owned by Each Reporting Person",
    12: "Check if the Aggregate Amount in Row (11) Excludes Certain Shares",
    13: "Percent of Class Represented by Amount in Row (11)",
    14: "Type of Reporting Person",
  ]

  /// Row `number`'s caption in this style's case.
  func caption(_ number: Int) -> String {
    (uppercaseCaptions ? Self.upperCaptions[number] : Self.mixedCaptions[number]) ?? ""
  }

  /// The words older forms print under row 1's caption.
  var identificationCaption: String {
    uppercaseCaptions
      ? "S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON" : "S.S. or I.R.S. Identification No. of Above Person"
  }

  /// The side label of rows 7–10, whole.
  var sideLabelText: String { "Number of Shares Beneficially Owned By Each Reporting Person With" }

  /// The side label's pieces for rows 7–10 when it is split over the rows' first cells.
  static let sideLabelPieces = [
    7: "Number of Shares", 8: "Beneficially Owned by", 9: "Each Reporting", 10: "Person With",
  ]

  /// Wraps text at word boundaries to `width` characters, never leaving a line that holds only a number
  /// (it would look like a page number).
  static func wrap(_ text: String, width: Int?) -> [String] {
    guard let width, text.count > width else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { lines.append(current) }
    var merged: [String] = []
    for line in lines {
      let isBareNumber = line.allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == ";" }
      if isBareNumber, let last = merged.last {
        merged[merged.count - 1] = last + " " + line
      } else {
        merged.append(line)
      }
    }
    return merged
  }
}

/// Collects the lines of a filing and numbers them.
struct SyntheticTextBuilder {
  /// The lines so far.
  private(set) var lines: [String] = []

  /// Appends a line and returns its 1-based number.
  @discardableResult
  mutating func add(_ line: String) -> Int {
    lines.append(line)
    return lines.count
  }

  /// Appends a blank line unless the last line is blank already.
  mutating func blank() {
    if let last = lines.last, last.isEmpty { return }
    add("")
  }

  /// The 1-based number the next line will have.
  var nextLine: Int { lines.count + 1 }

  /// The text, lines joined by newlines, with a final newline.
  var text: String { lines.joined(separator: "\n") + "\n" }
}

/// Prints cover pages in their layouts.
struct CoverPageRenderer {
  let style: CoverPageStyle

  /// One row's printed content.
  private struct RowContent {
    /// The caption.
    var caption: String
    /// The value's lines (wrapped), empty when the row shows no value.
    var valueLines: [String]
    /// For row 2 printed on lines of their own: the boxes, one per line.
    var boxLines: [String]? = nil
  }

  /// The value lines of row `number` on `page`.
  private func content(_ number: Int, of page: PrintedCoverPage) -> RowContent {
    let caption = style.caption(number)
    if page.missingRows.contains(number) { return RowContent(caption: caption, valueLines: []) }
    func single(_ text: String) -> [String] { text.isEmpty ? [] : [text] }
    switch number {
    case 1:
      let words = page.name.split(separator: " ")
      if style.wrapNames && words.count >= 4 {
        let cut = words.count / 2
        return RowContent(
          caption: caption,
          valueLines: [words[..<cut].joined(separator: " "), words[cut...].joined(separator: " ")])
      }
      return RowContent(caption: caption, valueLines: [page.name])
    case 2:
      let boxes = style.groupBoxes(a: page.groupA, b: page.groupB)
      return RowContent(
        caption: caption, valueLines: [boxes],
        boxLines: style.groupBoxesOnCaptionLine
          ? nil
          : ["(a) \(style.box(page.groupA))", "(b) \(style.box(page.groupB))"].map {
            $0.split(separator: " ").joined(separator: " ")
          })
    case 3: return RowContent(caption: caption, valueLines: [])
    case 4: return RowContent(caption: caption, valueLines: [page.sourceOfFunds])
    case 5: return RowContent(caption: caption, valueLines: single(style.box(page.legalProceedings)))
    case 6: return RowContent(caption: caption, valueLines: [page.citizenship])
    case 7...11:
      guard let amount = page.amounts[number] else { return RowContent(caption: caption, valueLines: []) }
      return RowContent(
        caption: caption, valueLines: CoverPageStyle.wrap(style.amountText(amount), width: style.wrapWidth))
    case 12: return RowContent(caption: caption, valueLines: single(style.box(page.excludesShares)))
    case 13: return RowContent(caption: caption, valueLines: [style.percentText(page.percent)])
    default: return RowContent(caption: caption, valueLines: [page.typeCodes])
    }
  }

  /// Prints a cover page.
  ///
  /// - Parameters:
  ///   - page: The page.
  ///   - builder: Receives the lines.
  ///   - random: Draws where running headers fall.
  /// - Returns: Where the page and each row stand.
  func render(_ page: PrintedCoverPage, into builder: inout SyntheticTextBuilder, random: inout SplitMix64)
    -> RenderedPage
  {
    var rows: [Int: RenderedRow] = [:]
    let firstLine = builder.nextLine
    for number in 1...14 {
      let row = content(number, of: page)
      if number == 7 && style.sideLabel == .ownLine {
        builder.add(page.layout == .table ? "| \(style.sideLabelText) | | | |" : style.sideLabelText)
      }
      switch page.layout {
      case .captionThenValue: rows[number] = captionThenValue(number, row, &builder)
      case .tabbed: rows[number] = tabbed(number, row, &builder)
      case .table: rows[number] = table(number, row, &builder)
      case .indented: rows[number] = indented(number, row, &builder)
      }
      if number == 1 && page.layout == .table && style.tableRule { builder.add("|---|---|---|---|") }
      if page.layout == .captionThenValue || page.layout == .indented, style.blankLineAfterRows { builder.blank() }
      if number < 14, let odds = style.runningHeaderOdds, random.chance(1, in: odds) {
        builder.blank()
        builder.add(style.runningHeader)
        builder.blank()
      }
    }
    return RenderedPage(personIndex: page.personIndex, firstLine: firstLine, rows: rows)
  }

  private func sidePrefix(_ number: Int) -> String? {
    number == 7 && style.sideLabel == .besideRowSeven ? style.sideLabelText : nil
  }

  private func captionThenValue(_ number: Int, _ row: RowContent, _ builder: inout SyntheticTextBuilder)
    -> RenderedRow
  {
    var captionText = "\(number) \(row.caption)"
    if let side = sidePrefix(number) { captionText = "\(side)\t\(captionText)" }
    let inlineBox = (number == 2 && row.boxLines == nil) || number == 5 || number == 12
    if inlineBox, let value = row.valueLines.first {
      let line = builder.add("\(captionText) \(value)")
      return RenderedRow(captionLine: line, valueLine: line)
    }
    let captionLine = builder.add(captionText)
    if number == 1 && style.identificationLine { builder.add(style.identificationCaption) }
    var valueLine: Int?
    for text in row.boxLines ?? row.valueLines {
      let line = builder.add(text)
      if valueLine == nil { valueLine = line }
    }
    return RenderedRow(captionLine: captionLine, valueLine: valueLine)
  }

  private func tabbed(_ number: Int, _ row: RowContent, _ builder: inout SyntheticTextBuilder) -> RenderedRow {
    var caption = row.caption
    if number == 1 && style.identificationLine { caption += " " + style.identificationCaption }
    let value = row.valueLines.joined(separator: " ")
    var text = "\(number)\t\(caption)\t\(value)"
    if let side = sidePrefix(number) { text = "\(side)\t\(text)" }
    let line = builder.add(text)
    return RenderedRow(captionLine: line, valueLine: value.isEmpty ? nil : line)
  }

  private func table(_ number: Int, _ row: RowContent, _ builder: inout SyntheticTextBuilder) -> RenderedRow {
    var caption = row.caption
    if number == 1 && style.identificationLine { caption += " " + style.identificationCaption }
    var side = ""
    if let prefix = sidePrefix(number) { side = prefix }
    if style.sideLabel == .splitOverRows, let piece = CoverPageStyle.sideLabelPieces[number] { side = piece }
    let first = row.valueLines.first ?? ""
    let line = builder.add("| \(side) | \(number) | \(caption) | \(first) |")
    for continuation in row.valueLines.dropFirst() { builder.add("| | | | \(continuation) |") }
    return RenderedRow(captionLine: line, valueLine: first.isEmpty ? nil : line)
  }

  private func indented(_ number: Int, _ row: RowContent, _ builder: inout SyntheticTextBuilder) -> RenderedRow {
    let label = style.parenthesisedNumbers ? "(\(number))" : "\(number)."
    var captionText = "\(label) \(row.caption)"
    if let side = sidePrefix(number) { captionText = "\(side)\t\(captionText)" }
    let captionLine = builder.add(captionText)
    if number == 1 && style.identificationLine { builder.add(style.indent + style.identificationCaption) }
    var valueLine: Int?
    for text in row.boxLines ?? row.valueLines {
      let line = builder.add(style.indent + text)
      if valueLine == nil { valueLine = line }
    }
    return RenderedRow(captionLine: captionLine, valueLine: valueLine)
  }
}
