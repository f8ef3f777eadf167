import BocheckModel
import BocheckSeeded

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
  /// A numbered caption, then the value indented on the lines below it.
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
  /// `/X/` and `/ /`, as typed in the 1990s.
  case slashes
  /// `x` and `¨` (a Wingdings box that a conversion left as a diaeresis).
  case diaeresis
}

/// How a row's number is written.
enum RowNumberStyle: String, CaseIterable, Sendable {
  /// `1`.
  case plain
  /// `1.`.
  case dotted
  /// `(1)`.
  case parenthesised
  /// `1)`.
  case closingParenthesis
  /// `[1]`.
  case bracketed

  /// Row `number`'s label in this style.
  func label(_ number: Int) -> String {
    switch self {
    case .plain: return "\(number)"
    case .dotted: return "\(number)."
    case .parenthesised: return "(\(number))"
    case .closingParenthesis: return "\(number))"
    case .bracketed: return "[\(number)]"
    }
  }
}

/// Where a caption layout prints a row's number.
enum RowNumberPlacement: String, CaseIterable, Sendable {
  /// Before the caption, a space between: `(1) NAME OF REPORTING PERSON`.
  case before
  /// Before the caption with nothing between: `(1)Names of reporting persons`.
  case glued
  /// On a line of its own under the caption's first line.
  case under
}

/// How an amount with shares acquirable on conversion or exercise says so.
enum AmountForm: String, CaseIterable, Sendable {
  /// "N shares of common stock, consisting of (i) …; and (ii) …".
  case consistingOf
  /// "N shares of Common Stock (including A shares issuable upon conversion of …)".
  case including
  /// "N(1)" with a footnote under the page: "(1) Includes (a) A shares issuable upon … and (b) …".
  case footnoted
}

/// How a percent of class is printed.
enum PercentForm: String, CaseIterable, Sendable {
  /// `5.1%`.
  case plain
  /// `5.1 %`.
  case spaced
  /// `Approximately 5.1%`.
  case approximately
}

/// Where row 1 prints an entity's tax identification number.
enum TaxIDPlacement: String, CaseIterable, Sendable {
  /// Not printed.
  case absent
  /// After the name on its line: `Example Fund LP 12-3456789`.
  case afterName
  /// In parentheses after the name: `Example Fund LP (Tax ID: 12-3456789)`.
  case parenthesised
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
  /// One word or two ("NUMBER OF", "SHARES", …, "WITH") in a fixed-width column in front of the lines
  /// of rows 7–10 (caption layouts only).
  case columns
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
  /// The tax identification number row 1 may print after the name (entities only).
  var taxID: String?
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
  /// The indentation of the indented layout's values.
  var indent: String
  /// How row numbers are written.
  var rowNumbers: RowNumberStyle
  /// Where caption layouts put row numbers.
  var rowNumberPlacement: RowNumberPlacement
  /// For each row, which of its wordings (``CoverPageStyle/captionWordings``) the filing prints.
  var captionChoice: [Int: Int]
  /// Caption layouts wrap captions at word boundaries to this many characters; `nil` keeps them whole.
  var captionWidth: Int?
  /// Where row 1 prints an entity's tax identification number.
  var taxIDPlacement: TaxIDPlacement
  /// How a zero amount is printed: `0`, `-0-`, `None`, `NONE` or `-`.
  var zeroText: String
  /// How amounts with acquirable shares say so.
  var amountForm: AmountForm
  /// Whether footnote markers are asterisks (`*`, `**`) rather than numbers (`(1)`, `(2)`).
  var asteriskMarkers: Bool
  /// How percents are printed.
  var percentForm: PercentForm
  /// Whether a percent below 1 drops its leading zero (`.4%`).
  var dropsLeadingZero: Bool
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
  ///
  /// - Parameters:
  ///   - random: The generator to draw from.
  ///   - runningHeader: The running header's text.
  ///   - printedCUSIP: The CUSIP as page headers print it.
  ///   - variants: The variants that may show; the others are drawn too but printed the plain way.
  static func random(
    _ random: inout SplitMix64, runningHeader: String, printedCUSIP: String, variants: Set<SyntheticVariant>
  ) -> CoverPageStyle {
    var style = CoverPageStyle(
      uppercaseCaptions: random.chance(3, in: 4), checkboxes: random.pick(CheckboxStyle.allCases),
      wrapWidth: random.chance(1, in: 2) ? nil : random.int(in: 70...120), wrapNames: random.chance(1, in: 4),
      indent: random.pick(["\t", "    ", "  "]), rowNumbers: random.pick(RowNumberStyle.allCases),
      rowNumberPlacement: random.chance(2, in: 3) ? .before : random.pick(RowNumberPlacement.allCases),
      captionChoice: Dictionary(
        uniqueKeysWithValues: captionWordings.keys.sorted().map { row in
          (row, random.int(in: 0...((captionWordings[row]?.count ?? 1) - 1)))
        }),
      captionWidth: random.chance(1, in: 3) ? random.int(in: 30...44) : nil,
      taxIDPlacement: random.chance(1, in: 2) ? .absent : random.pick(TaxIDPlacement.allCases),
      zeroText: random.pick(["0", "0", "-0-", "None", "NONE", "-"]), amountForm: random.pick(AmountForm.allCases),
      asteriskMarkers: random.chance(1, in: 3), percentForm: random.pick(PercentForm.allCases),
      dropsLeadingZero: random.chance(1, in: 2), bareCommonAmounts: random.chance(1, in: 2),
      amountFullStop: random.chance(1, in: 2), serialComma: random.chance(1, in: 3),
      pageCUSIP: random.chance(2, in: 3), pageNumbers: random.chance(1, in: 2),
      runningHeaderOdds: random.chance(1, in: 3) ? random.int(in: 5...12) : nil,
      blankLineAfterRows: random.chance(1, in: 2), identificationLine: random.chance(1, in: 2),
      sideLabel: random.pick(SideLabelPlacement.allCases), tableRule: random.chance(1, in: 2),
      groupBoxesOnCaptionLine: random.chance(1, in: 2), runningHeader: runningHeader, printedCUSIP: printedCUSIP)
    style.restrict(to: variants)
    return style
  }

  /// Prints every variant not in `variants` the plain way.
  private mutating func restrict(to variants: Set<SyntheticVariant>) {
    if !variants.contains(.captionWordings) { captionChoice = [:] }
    if !variants.contains(.wrappedCaptions) { captionWidth = nil }
    if !variants.contains(.rowNumberStyles) && (rowNumbers == .closingParenthesis || rowNumbers == .bracketed) {
      rowNumbers = .dotted
    }
    if !variants.contains(.rowNumberPlacements) { rowNumberPlacement = .before }
    if rowNumberPlacement == .glued && (rowNumbers == .dotted || rowNumbers == .bracketed)
      && !variants.contains(.gluedDottedOrBracketedRowNumbers)
    {
      rowNumberPlacement = .before
    }
    if rowNumberPlacement == .under && [.dotted, .closingParenthesis, .bracketed].contains(rowNumbers)
      && !variants.contains(.markedRowNumbersUnderCaptions)
    {
      rowNumbers = .parenthesised
    }

    if !variants.contains(.taxIDsOnNameLine) { taxIDPlacement = .absent }
    if !variants.contains(.typewriterCheckboxes) && (checkboxes == .slashes || checkboxes == .diaeresis) {
      checkboxes = .brackets
    }
    if !variants.contains(.sideLabelColumns) && sideLabel == .columns { sideLabel = .ownLine }
    if !variants.contains(.zeroWords) && !["0", "-0-"].contains(zeroText) { zeroText = "0" }
    if !variants.contains(.includingAmounts) && amountForm == .including { amountForm = .consistingOf }
    if !variants.contains(.footnotedAmounts) && amountForm == .footnoted { amountForm = .consistingOf }
    if !variants.contains(.percentForms) {
      percentForm = .plain
      dropsLeadingZero = false
    }
  }

  // MARK: Values as text

  /// A checkbox as this style draws it.
  func box(_ checked: Bool) -> String {
    switch checkboxes {
    case .brackets: return checked ? "[X]" : "[ ]"
    case .letterO: return checked ? "X" : "o"
    case .radio: return checked ? "<input checked=\"\" type=\"radio\"/>" : "<input type=\"radio\"/>"
    case .none: return checked ? "X" : ""
    case .slashes: return checked ? "/X/" : "/ /"
    case .diaeresis: return checked ? "x" : "\u{A8}"
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

  /// An acquirable part's words: "3,100,000 shares of Common Stock issuable upon conversion of Convertible
  /// Notes".
  private func partText(_ part: SyntheticPart, ofCommonStock: Bool = true) -> String {
    let shares = ExactDecimal(part.shares).description + (ofCommonStock ? " shares of Common Stock" : " shares")
    switch part.kind {
    case .convertible: return "\(shares) issuable upon conversion of Convertible Notes"
    case .warrant: return "\(shares) issuable upon exercise of Warrants"
    default: return shares
    }
  }

  /// Whether this style prints the amount with a footnote marker (its footnote lists the acquirable parts).
  func isFootnoted(_ amount: PrintedAmount) -> Bool {
    amountForm == .footnoted && amount.acquirable > 0
  }

  /// The `index`-th footnote marker of a page (0-based): `(1)`, `(2)` or `*`, `**`.
  func footnoteMarker(_ index: Int) -> String {
    asteriskMarkers ? String(repeating: "*", count: index + 1) : "(\(index + 1))"
  }

  /// The footnote under a page that says what a footnoted amount includes.
  func footnoteText(_ amount: PrintedAmount, marker: String) -> String {
    let acquirable = amount.parts.filter { $0.kind.isAcquirable }
    let labels = ["a", "b", "c", "d"]
    let listed =
      acquirable.count == 1
      ? partText(acquirable[0])
      : acquirable.enumerated().map { "(\(labels[min($0.offset, 3)])) \(partText($0.element))" }
        .joined(separator: " and ")
    return "\(marker) Includes \(listed)."
  }

  /// An amount's text.
  ///
  /// - Parameters:
  ///   - amount: The amount.
  ///   - marker: The footnote marker to glue to the total, when the amount is footnoted.
  func amountText(_ amount: PrintedAmount, marker: String? = nil) -> String {
    let totalText = amount.garbledTotal ?? ExactDecimal(amount.total).description
    if amount.total == 0 && amount.parts.isEmpty && amount.attributedTo.isEmpty && amount.garbledTotal == nil {
      return zeroText
    }
    var text: String
    if amount.parts.isEmpty || (amountForm == .footnoted && marker != nil) {
      let marked = totalText + (amount.parts.isEmpty ? "" : marker ?? "")
      if bareCommonAmounts && amount.attributedTo.isEmpty { return marked }
      text = "\(marked) shares of Common Stock"
    } else if amountForm == .including {
      let acquirable = amount.parts.filter { $0.kind.isAcquirable }.map { partText($0, ofCommonStock: false) }
      text = "\(totalText) shares of Common Stock (including \(acquirable.joined(separator: " and ")))"
    } else {
      let labels = ["i", "ii", "iii", "iv"]
      var pieces: [String] = []
      for (offset, part) in amount.parts.enumerated() {
        let label = offset < labels.count ? labels[offset] : String(offset + 1)
        pieces.append("(\(label)) \(partText(part))")
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

  /// A percent's text: "5.1%", "5.1 %", "Approximately 5.1%", ".4%".
  func percentText(_ percent: ExactDecimal) -> String {
    var number = percent.description
    if dropsLeadingZero && number.hasPrefix("0.") && percent.significand > 0 { number.removeFirst() }
    switch percentForm {
    case .plain: return "\(number)%"
    case .spaced: return "\(number) %"
    case .approximately: return "Approximately \(number)%"
    }
  }

  // MARK: Captions

  /// The wordings of each row's caption that forms and filers have used since 1994, in mixed case;
  /// ``caption(_:)`` capitalises them when the style does.
  static let captionWordings: [Int: [String]] = [
    1: [
      "Name of Reporting Person", "Names of Reporting Persons",
      "Names of Reporting Persons. I.R.S. Identification Nos. of above persons (entities only)",
      "Name of Reporting Person S.S. or I.R.S. Identification No. of Above Person",
    ],
    2: [
      "Check the Appropriate Box if a Member of a Group",
      "Check the Appropriate Box if a Member of a Group (See Instructions)",
    ],
    3: ["SEC Use Only"],
    4: ["Source of Funds", "Source of Funds (See Instructions)"],
    5: [
      "Check Box if Disclosure of Legal Proceedings Is Required Pursuant to Items 2(d) or 2(e)",
      "Check if Disclosure of Legal Proceedings is Required Pursuant to Item 2(d) or 2(e)",
    ],
    6: ["Citizenship or Place of Organization"],
    7: ["Sole Voting Power", "Sole Power to Vote"],
    8: ["Shared Voting Power", "Shared Power to Vote"],
    9: ["Sole Dispositive Power", "Sole Power to Dispose"],
    10: ["Shared Dispositive Power", "Shared Power to Dispose"],
    11: [
      "Aggregate Amount Beneficially Owned by Each Reporting Person",
      "Aggregate Amount of Beneficially Owned by Each Reporting Person",
    ],
    12: [
      "Check if the Aggregate Amount in Row (11) Excludes Certain Shares",
      "Check Box if the Aggregate Amount in Row (11) Excludes Certain Shares (See Instructions)",
    ],
    13: ["Percent of Class Represented by Amount in Row (11)", "Percent of Class Represented by Amount in Row 11"],
    14: ["Type of Reporting Person", "Type of Reporting Person (See Instructions)"],
  ]

  /// Row `number`'s caption in this style's wording and case.
  func caption(_ number: Int) -> String {
    let wordings = Self.captionWordings[number] ?? [""]
    let wording = wordings[min(captionChoice[number] ?? 0, wordings.count - 1)]
    return uppercaseCaptions ? wording.uppercased() : wording
  }

  /// Row `number`'s caption as caption layouts print it: wrapped to ``captionWidth`` over two or three
  /// lines, never ending on a line of one word.
  func captionLines(_ number: Int) -> [String] {
    var lines = Self.wrap(caption(number), width: captionWidth)
    if lines.count >= 2, let last = lines.last, !last.contains(" ") {
      lines.removeLast()
      lines[lines.count - 1] += " " + last
    }
    return lines
  }

  /// Whether row 1's caption is followed by "S.S. or I.R.S. Identification No. of Above Person" (not when
  /// its wording already asks for the number).
  var printsIdentificationLine: Bool {
    identificationLine && !caption(1).uppercased().contains("IDENTIFICATION")
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
    /// The caption's lines (one unless caption layouts wrap it).
    var captionLines: [String]
    /// The value's lines (wrapped), empty when the row shows no value.
    var valueLines: [String]
    /// For row 2 printed on lines of their own: the boxes, one per line.
    var boxLines: [String]? = nil

    /// The caption on one line.
    var caption: String { captionLines.joined(separator: " ") }
  }

  /// The side label's words in front of rows 7–10 in the `columns` placement: the first on the row's
  /// first line, the second on its first value line.
  private static let sideLabelColumnWords = [
    7: ("Number of", "Shares"), 8: ("Beneficially", "Owned by"), 9: ("Each", "Reporting"), 10: ("Person", "With"),
  ]

  /// The width of the side label's column.
  private static let sideLabelColumnWidth = 18

  /// The footnote marker of each footnoted amount of a page, in row order; an amount a fault made
  /// unreadable shares the marker of the amount it was.
  func footnoteMarkers(of page: PrintedCoverPage) -> [(amount: PrintedAmount, marker: String)] {
    var markers: [(amount: PrintedAmount, marker: String)] = []
    for number in 7...11 where !page.missingRows.contains(number) {
      guard var amount = page.amounts[number], style.isFootnoted(amount) else { continue }
      amount.garbledTotal = nil
      if !markers.contains(where: { $0.amount == amount }) {
        markers.append((amount, style.footnoteMarker(markers.count)))
      }
    }
    return markers
  }

  /// Row 1's value lines: the name, wrapped when long and the style wraps names, with an entity's tax
  /// identification number after it when the style prints one.
  private func nameLines(_ page: PrintedCoverPage) -> [String] {
    let words = page.name.split(separator: " ")
    var lines = [page.name]
    if style.wrapNames && words.count >= 4 {
      let cut = words.count / 2
      lines = [words[..<cut].joined(separator: " "), words[cut...].joined(separator: " ")]
    }
    if let taxID = page.taxID {
      switch style.taxIDPlacement {
      case .absent: break
      case .afterName: lines[lines.count - 1] += " \(taxID)"
      case .parenthesised: lines[lines.count - 1] += " (Tax ID: \(taxID))"
      }
    }
    return lines
  }

  /// The content of row `number` on `page`.
  private func content(
    _ number: Int, of page: PrintedCoverPage, markers: [(amount: PrintedAmount, marker: String)],
    wrapsCaption: Bool
  ) -> RowContent {
    let captionLines = wrapsCaption ? style.captionLines(number) : [style.caption(number)]
    if page.missingRows.contains(number) { return RowContent(captionLines: captionLines, valueLines: []) }
    func single(_ text: String) -> [String] { text.isEmpty ? [] : [text] }
    switch number {
    case 1: return RowContent(captionLines: captionLines, valueLines: nameLines(page))
    case 2:
      let boxes = style.groupBoxes(a: page.groupA, b: page.groupB)
      return RowContent(
        captionLines: captionLines, valueLines: [boxes],
        boxLines: style.groupBoxesOnCaptionLine
          ? nil
          : ["(a) \(style.box(page.groupA))", "(b) \(style.box(page.groupB))"].map {
            $0.split(separator: " ").joined(separator: " ")
          })
    case 3: return RowContent(captionLines: captionLines, valueLines: [])
    case 4: return RowContent(captionLines: captionLines, valueLines: [page.sourceOfFunds])
    case 5: return RowContent(captionLines: captionLines, valueLines: single(style.box(page.legalProceedings)))
    case 6: return RowContent(captionLines: captionLines, valueLines: [page.citizenship])
    case 7...11:
      guard let amount = page.amounts[number] else { return RowContent(captionLines: captionLines, valueLines: []) }
      var readable = amount
      readable.garbledTotal = nil
      let marker = markers.first { $0.amount == readable }?.marker
      return RowContent(
        captionLines: captionLines,
        valueLines: CoverPageStyle.wrap(style.amountText(amount, marker: marker), width: style.wrapWidth))
    case 12: return RowContent(captionLines: captionLines, valueLines: single(style.box(page.excludesShares)))
    case 13: return RowContent(captionLines: captionLines, valueLines: [style.percentText(page.percent)])
    default: return RowContent(captionLines: captionLines, valueLines: [page.typeCodes])
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
    let markers = footnoteMarkers(of: page)
    let isCaptionLayout = page.layout == .captionThenValue || page.layout == .indented
    for number in 1...14 {
      let row = content(number, of: page, markers: markers, wrapsCaption: isCaptionLayout)
      if number == 7 && style.sideLabel == .ownLine {
        builder.add(page.layout == .table ? "| \(style.sideLabelText) | | | |" : style.sideLabelText)
      }
      switch page.layout {
      case .captionThenValue, .indented: rows[number] = captionLayout(number, row, page.layout, &builder)
      case .tabbed: rows[number] = tabbed(number, row, &builder)
      case .table: rows[number] = table(number, row, &builder)
      }
      if number == 1 && page.layout == .table && style.tableRule { builder.add("|---|---|---|---|") }
      if isCaptionLayout, style.blankLineAfterRows { builder.blank() }
      if number < 14, let odds = style.runningHeaderOdds, random.chance(1, in: odds) {
        builder.blank()
        builder.add(style.runningHeader)
        builder.blank()
      }
    }
    if !markers.isEmpty {
      builder.blank()
      for (amount, marker) in markers { builder.add(style.footnoteText(amount, marker: marker)) }
    }
    return RenderedPage(personIndex: page.personIndex, firstLine: firstLine, rows: rows)
  }

  private func sidePrefix(_ number: Int) -> String? {
    number == 7 && style.sideLabel == .besideRowSeven ? style.sideLabelText : nil
  }

  /// The caption line as the style numbers it, and the line holding the number alone when the number
  /// stands under the caption.
  private func numberedCaption(_ number: Int, _ caption: String) -> (caption: String, numberLine: String?) {
    let label = style.rowNumbers.label(number)
    switch style.rowNumberPlacement {
    case .before: return ("\(label) \(caption)", nil)
    case .glued: return (style.rowNumbers == .plain ? "\(label) \(caption)" : label + caption, nil)
    case .under: return (caption, label)
    }
  }

  /// Prints a row of a caption layout: the numbered caption (wrapped), then the value on lines of its
  /// own (indented in the indented layout), or on the caption's last line for checkboxes.
  private func captionLayout(
    _ number: Int, _ row: RowContent, _ layout: CoverLayout, _ builder: inout SyntheticTextBuilder
  ) -> RenderedRow {
    let indent = layout == .indented ? style.indent : ""
    var lines: [String] = []
    let numbered = numberedCaption(number, row.captionLines[0])
    lines.append(numbered.caption)
    lines += row.captionLines.dropFirst()
    if let numberLine = numbered.numberLine { lines.append(numberLine) }
    if number == 1 && style.printsIdentificationLine { lines.append(indent + style.identificationCaption) }
    var valueIndex: Int?
    let inlineBox = (number == 2 && row.boxLines == nil) || number == 5 || number == 12
    if inlineBox, let value = row.valueLines.first, numbered.numberLine == nil {
      lines[lines.count - 1] += " \(value)"
      valueIndex = lines.count - 1
    } else {
      for text in row.boxLines ?? row.valueLines {
        lines.append(indent + text)
        if valueIndex == nil { valueIndex = lines.count - 1 }
      }
    }
    if let side = sidePrefix(number) { lines[0] = "\(side)\t\(lines[0])" }
    if style.sideLabel == .columns, let words = Self.sideLabelColumnWords[number] {
      let width = Self.sideLabelColumnWidth
      let (first, second) = style.uppercaseCaptions ? (words.0.uppercased(), words.1.uppercased()) : words
      for index in lines.indices {
        let word = index == 0 ? first : (index == valueIndex && index != 0 ? second : "")
        lines[index] = word + String(repeating: " ", count: max(1, width - word.count)) + lines[index]
      }
    }
    let captionLine = builder.nextLine
    for line in lines { builder.add(line) }
    return RenderedRow(captionLine: captionLine, valueLine: valueIndex.map { captionLine + $0 })
  }

  private func tabbed(_ number: Int, _ row: RowContent, _ builder: inout SyntheticTextBuilder) -> RenderedRow {
    var caption = row.caption
    if number == 1 && style.printsIdentificationLine { caption += " " + style.identificationCaption }
    let value = row.valueLines.joined(separator: " ")
    var text = "\(number)\t\(caption)\t\(value)"
    if let side = sidePrefix(number) { text = "\(side)\t\(text)" }
    let line = builder.add(text)
    return RenderedRow(captionLine: line, valueLine: value.isEmpty ? nil : line)
  }

  private func table(_ number: Int, _ row: RowContent, _ builder: inout SyntheticTextBuilder) -> RenderedRow {
    var caption = row.caption
    if number == 1 && style.printsIdentificationLine { caption += " " + style.identificationCaption }
    var side = ""
    if let prefix = sidePrefix(number) { side = prefix }
    if style.sideLabel == .splitOverRows, let piece = CoverPageStyle.sideLabelPieces[number] { side = piece }
    let first = row.valueLines.first ?? ""
    let line = builder.add("| \(side) | \(number) | \(caption) | \(first) |")
    for continuation in row.valueLines.dropFirst() { builder.add("| | | | \(continuation) |") }
    return RenderedRow(captionLine: line, valueLine: first.isEmpty ? nil : line)
  }
}
