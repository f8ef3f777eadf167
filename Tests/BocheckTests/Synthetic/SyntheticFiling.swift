import BocheckModel
import BocheckSeeded

/// A fault the generator can inject into a filing, one per faulty filing.
enum SyntheticFault: String, CaseIterable, Sendable, CustomStringConvertible {
  /// One part of a "consisting of" amount changed, its total kept.
  case partsDoNotAddUp
  /// A parent's row 11 (and the powers that print it) off by 1–999 shares, or one part off and another
  /// compensating.
  case parentOff
  /// Sole plus shared dispositive power above the aggregate, each power alone within it.
  case powerExceedsAggregate
  /// Row 13 at least 0.3 points from the right value (and from the plain ratio).
  case wrongPercent
  /// Row 13 computed on the shares outstanding alone by a holder of acquirable shares.
  case plainPercent
  /// The value of a required row removed, its caption kept.
  case missingRow
  /// A digit of an amount replaced by a letter ("1,0l9,531").
  case unreadableNumber
  /// Row 14 holding a code that is not in the SEC's list.
  case invalidCode
  /// The CUSIP's check digit changed everywhere it is printed.
  case badCUSIP
  /// The whole cover page of a person who signs dropped.
  case missingCoverPage

  var description: String { rawValue }
}

/// A finding a synthetic filing must produce.
struct ExpectedFinding: Hashable, Sendable, CustomStringConvertible {
  /// The rule id, such as `parent-sum`.
  var ruleID: String
  /// The severity.
  var severity: Severity
  /// The reporting person as the filing prints it, or `nil` for a finding about the whole filing.
  var person: String?
  /// The row numbers the finding may be on; empty when the finding is about the whole filing (row `nil`).
  var rows: [Int]
  /// The 1-based lines the finding may point at; empty when any line will do.
  var lines: [Int]
  /// Texts of which the message must contain at least one (such as a total with and without separators);
  /// empty when the message is not checked beyond being non-empty.
  var messageMentions: [String]

  var description: String {
    let location = rows.isEmpty ? "no row" : "row \(rows.map(String.init).joined(separator: " or "))"
    let lineText = lines.isEmpty ? "" : ", line \(lines.map(String.init).joined(separator: " or "))"
    let mentions = messageMentions.isEmpty ? "" : ", message mentioning \(messageMentions.joined(separator: " | "))"
    return "\(severity.rawValue) [\(ruleID)] person \(person ?? "none"), \(location)\(lineText)\(mentions)"
  }

  /// Whether a reported finding is this one: same rule, severity, person (compared as name keys), an
  /// allowed row and line, and a message that mentions one of the texts.
  func matches(_ finding: Finding) -> Bool {
    guard finding.ruleID == ruleID, finding.severity == severity else { return false }
    switch (person, finding.person) {
    case (nil, nil): break
    // Names compare as people compare them: a signer may drop the middle initial the cover page prints.
    case (let expected?, let reported?) where NameKey.match(expected, reported) != nil: break
    default: return false
    }
    if rows.isEmpty {
      if finding.row != nil { return false }
    } else if !(finding.row.map(rows.contains) ?? false) {
      return false
    }
    if !lines.isEmpty && !lines.contains(finding.line) { return false }
    if finding.message.isEmpty { return false }
    if !messageMentions.isEmpty && !messageMentions.contains(where: { finding.message.contains($0) }) {
      return false
    }
    return true
  }
}

/// A synthetic Schedule 13D text filing with its ground truth and the findings it must produce.
///
/// A filing is a pure function of its seed and fault: ``generate(seed:fault:)`` draws an ownership
/// structure (funds, managers, individuals), numbers whose sums and percents are exact, names, a layout
/// and the noise real drafts hold, then injects the fault, if any, and prints the text.
struct SyntheticTextFiling: Sendable {
  /// The seed it was generated from.
  let seed: UInt64
  /// The injected fault, or `nil` for a fault-free filing.
  let fault: SyntheticFault?
  /// The filing's text.
  let text: String
  /// What a correct checker reports at warning or error level: nothing for a fault-free filing.
  let expected: [ExpectedFinding]
  /// The ownership structure and its true numbers.
  let ownership: SyntheticOwnership
  /// The cover pages as printed (after the fault), in order.
  let pages: [PrintedCoverPage]
  /// Where each printed page and row stands in ``text``.
  let rendered: [RenderedPage]
  /// Whether Item 5 states the shares outstanding (else the percents imply it).
  let statesSharesOutstanding: Bool
  /// The decimals every percent is printed with.
  let percentDecimals: Int
  /// The valid CUSIP of the class.
  let cusip: String
  /// The CUSIP as printed (the valid one, or one with a wrong check digit).
  let printedCUSIP: String
  /// The printing style.
  let style: CoverPageStyle
  /// What went into the filing, for failure messages: seed, fault, structure, layout, expectations.
  let description: String

  /// The layouts the pages use, in page order.
  var layouts: [CoverLayout] { pages.map(\.layout) }

  /// Generates a filing.
  ///
  /// - Parameters:
  ///   - seed: Any value; the same seed, fault and variants always give the same filing.
  ///   - fault: The fault to inject, or `nil` for a fault-free filing.
  ///   - variants: The phrasings and layouts the filing may use; by default all the reader reads.
  static func generate(
    seed: UInt64, fault: SyntheticFault?, variants: Set<SyntheticVariant> = SyntheticVariant.all
  ) -> SyntheticTextFiling {
    var random = SplitMix64(seed: seed)
    var draft = SyntheticDraft.draw(&random, fault: fault, variants: variants)
    // A structure may offer no place for the fault (no parent, no acquirable shares): draw again.
    var pending = fault.flatMap { draft.inject($0, random: &random) }
    var attempts = 1
    while fault != nil && pending == nil && attempts < 100 {
      draft = SyntheticDraft.draw(&random, fault: fault, variants: variants)
      pending = fault.flatMap { draft.inject($0, random: &random) }
      attempts += 1
    }
    return draft.print(seed: seed, fault: pending == nil ? nil : fault, pending: pending ?? [], random: &random)
  }
}

/// An expected finding whose line is known only once the filing is printed.
struct PendingExpectation {
  var finding: ExpectedFinding
  /// The person whose row the finding points at, when it points at one (the rows are the finding's).
  var personIndex: Int?
  /// Whether the finding points at the caption (the row has no value) rather than the value.
  var atCaption = false
}

/// A filing being generated: the structure and the pages as they will print, before the text exists.
struct SyntheticDraft {
  /// The structure and its true numbers.
  var ownership: SyntheticOwnership
  /// The cover pages as they will print, faults included.
  var pages: [PrintedCoverPage]
  /// Whether Item 5 states the shares outstanding.
  var statesSharesOutstanding: Bool
  /// The decimals of every percent (1 or 2).
  var percentDecimals: Int
  /// The valid CUSIP.
  var cusip: String
  /// The CUSIP as printed (a fault may change its check digit).
  var printedCUSIP: String
  /// Whether the CUSIP is printed with spaces ("53634 X 100").
  var spacedCUSIP: Bool
  /// The issuer's name.
  var issuer: String
  /// The amendment number, or `nil` for an original Schedule 13D.
  var amendment: Int?
  /// Whether a joint filing agreement follows the signatures.
  var jointAgreement: Bool
  /// The officer who signs for entities no reporting individual controls, and receives notices.
  var officer: String
  /// Whether signature blocks print names in capitals.
  var uppercaseSignatureNames: Bool
  /// Whether individuals sign without their middle initial ("Maria Rivera" for "Maria K. Rivera").
  var signaturesDropMiddleInitial: Bool
  /// Whether entity names of four words or more are wrapped over two lines in signature blocks.
  var wrapsSignatureEntityNames: Bool
  /// Whether signers are named in "Name: …" and "Title: …" lines (else in one "Name, Title" line).
  var nameTitleBlocks: Bool
  /// The date of the event, also the date of the signatures.
  var eventDate: String
  /// How the cover pages are printed.
  var style: CoverPageStyle
  /// The phrasings and layouts the filing may use.
  var variants: Set<SyntheticVariant>

  /// Draws everything but the fault.
  ///
  /// - Parameters:
  ///   - random: The generator to draw from.
  ///   - fault: The fault that will be injected, if any (percent faults need the shares outstanding).
  ///   - variants: The phrasings and layouts that may show.
  static func draw(_ random: inout SplitMix64, fault: SyntheticFault?, variants: Set<SyntheticVariant>)
    -> SyntheticDraft
  {
    var names = SyntheticNameDrawer()
    let ownership = SyntheticOwnership.generate(random: &random, names: &names)
    let issuer = names.issuerName(random: &random)
    let officer = names.officerName(random: &random)
    let cusip = randomCUSIP(&random)
    let amendment = random.chance(3, in: 4) ? random.int(in: 1...12) : nil
    let percentDecimals = random.chance(1, in: 2) ? 1 : 2
    let isPercentFault = fault == .wrongPercent || fault == .plainPercent
    let statesSharesOutstanding = isPercentFault || random.chance(3, in: 4)
    let layoutChoice = random.pick(CoverLayout.allCases)
    let mixLayouts = random.chance(1, in: 4)
    let form = amendment == nil ? "SC 13D" : "SC 13D/A"
    let runningHeader = "Edgar Filing: \(issuer.uppercased()) - Form \(form)"
    let style = CoverPageStyle.random(
      &random, runningHeader: runningHeader, printedCUSIP: cusip, variants: variants)
    let groupChoice = random.int(in: 0...2)
    var pages: [PrintedCoverPage] = []
    for (index, person) in ownership.persons.enumerated() {
      let aggregate = PrintedAmount(
        total: person.holding.total, parts: person.holding.itemisedParts,
        attributedTo: person.reportsFor.filter { ownership.persons[$0].holding.total > 0 }.map {
          ownership.persons[$0].name
        })
      let voting = person.votingShares == person.holding.total ? aggregate : PrintedAmount(total: person.votingShares)
      let zero = PrintedAmount(total: 0)
      let amounts: [Int: PrintedAmount] =
        person.isParent
        ? [7: zero, 8: voting, 9: zero, 10: aggregate, 11: aggregate]
        : [7: voting, 8: zero, 9: aggregate, 10: zero, 11: aggregate]
      pages.append(
        PrintedCoverPage(
          personIndex: index, name: person.name, groupA: groupChoice == 1, groupB: groupChoice == 2,
          sourceOfFunds: person.sourceOfFunds, legalProceedings: random.chance(1, in: 20),
          citizenship: person.citizenship, amounts: amounts, excludesShares: random.chance(1, in: 20),
          percent: SyntheticOwnership.percent(
            aggregate: person.holding.total, acquirable: person.holding.acquirable,
            outstanding: ownership.sharesOutstanding, decimals: percentDecimals),
          typeCodes: person.typeCodes,
          taxID: person.role == .individual
            ? nil : "\(random.int(in: 10...98))-\(random.int(in: 1_000_000...9_999_999))",
          layout: mixLayouts ? random.pick(CoverLayout.allCases) : layoutChoice))
    }
    return SyntheticDraft(
      ownership: ownership, pages: pages, statesSharesOutstanding: statesSharesOutstanding,
      percentDecimals: percentDecimals, cusip: cusip, printedCUSIP: cusip, spacedCUSIP: random.chance(1, in: 3),
      issuer: issuer, amendment: amendment, jointAgreement: random.chance(1, in: 2), officer: officer,
      uppercaseSignatureNames: random.chance(1, in: 3) && variants.contains(.capitalSignatures),
      signaturesDropMiddleInitial: random.chance(1, in: 3) && variants.contains(.signaturesWithoutMiddleInitial),
      wrapsSignatureEntityNames: random.chance(1, in: 4) && variants.contains(.wrappedSignatureNames),
      nameTitleBlocks: random.chance(1, in: 2) && variants.contains(.nameTitleBlocks),
      eventDate: "\(random.pick(SyntheticVocabulary.months)) \(random.int(in: 1...28)), \(random.int(in: 2009...2024))",
      style: style, variants: variants)
  }

  /// A valid nine-character CUSIP: six issuer characters, a two-digit issue number and the check digit.
  static func randomCUSIP(_ random: inout SplitMix64) -> String {
    let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
    var issuer = (0..<5).map { _ in String(random.int(in: 0...9)) }.joined()
    issuer += random.chance(1, in: 2) ? String(random.pick(letters)) : String(random.int(in: 0...9))
    let base = issuer + random.pick(["10", "10", "20", "30", "40"])
    return base + String(CUSIP.checkDigit(of: base) ?? 0)
  }

  /// How a CUSIP prints with spaces: "53634 X 100" when the sixth character is a letter, else
  /// "123456 10 7" (issuer, issue, check digit).
  static func spaced(_ cusip: String) -> String {
    let characters = Array(cusip)
    guard characters.count == 9 else { return cusip }
    if characters[5].isLetter {
      return String(characters[0..<5]) + " " + String(characters[5]) + " " + String(characters[6..<9])
    }
    return String(characters[0..<6]) + " " + String(characters[6..<8]) + " " + String(characters[8])
  }

  // MARK: Faults

  private func name(_ pageIndex: Int) -> String { pages[pageIndex].name }

  /// Whether any parent's amount includes the person's shares.
  private func isReportedByOthers(_ personIndex: Int) -> Bool {
    ownership.persons.contains { $0.reportsFor.contains(personIndex) }
  }

  private static func mentions(_ shares: Int) -> [String] {
    let grouped = ExactDecimal(shares).description
    let plain = String(shares)
    return grouped == plain ? [plain] : [grouped, plain]
  }

  private func recomputePercent(_ pageIndex: Int) -> ExactDecimal {
    let amount = pages[pageIndex].amounts[11] ?? PrintedAmount(total: 0)
    return SyntheticOwnership.percent(
      aggregate: amount.total, acquirable: amount.acquirable, outstanding: ownership.sharesOutstanding,
      decimals: percentDecimals)
  }

  /// Injects a fault into the pages and returns the findings it implies, or `nil` when this structure
  /// offers no place for it.
  mutating func inject(_ fault: SyntheticFault, random: inout SplitMix64) -> [PendingExpectation]? {
    switch fault {
    case .partsDoNotAddUp: return injectPartsDoNotAddUp(&random)
    case .parentOff: return injectParentOff(&random)
    case .powerExceedsAggregate: return injectPowerExceedsAggregate(&random)
    case .wrongPercent: return injectWrongPercent(&random)
    case .plainPercent: return injectPlainPercent(&random)
    case .missingRow: return injectMissingRow(&random)
    case .unreadableNumber: return injectUnreadableNumber(&random)
    case .invalidCode: return injectInvalidCode(&random)
    case .badCUSIP: return injectBadCUSIP(&random)
    case .missingCoverPage: return injectMissingCoverPage(&random)
    }
  }

  private mutating func injectPartsDoNotAddUp(_ random: inout SplitMix64) -> [PendingExpectation]? {
    // Funds only, and row 11 only where no parent sums it: a changed part of a fund's row 11 would also
    // break its parents' part-by-part sums.
    var candidates: [(page: Int, row: Int)] = []
    // Only the "consisting of" form prints the common part.
    guard style.amountForm == .consistingOf else { return nil }
    for (pageIndex, page) in pages.enumerated() where ownership.persons[page.personIndex].role == .fund {
      for row in [7, 9, 11] where (page.amounts[row]?.parts.count ?? 0) >= 2 {
        if row == 11 && isReportedByOthers(page.personIndex) { continue }
        candidates.append((pageIndex, row))
      }
    }
    guard !candidates.isEmpty else { return nil }
    let (pageIndex, row) = random.pick(candidates)
    guard var amount = pages[pageIndex].amounts[row], !amount.parts.isEmpty else { return nil }
    let change = random.int(in: 1...999) * (random.chance(1, in: 2) ? 1 : -1)
    amount.parts[0].shares += change  // the common part: the acquirable shares, and so row 13, stay right
    pages[pageIndex].amounts[row] = amount
    return [
      PendingExpectation(
        finding: ExpectedFinding(
          ruleID: "component-sum", severity: .error, person: name(pageIndex), rows: [row], lines: [],
          messageMentions: Self.mentions(amount.total)),
        personIndex: pages[pageIndex].personIndex)
    ]
  }

  private mutating func injectParentOff(_ random: inout SplitMix64) -> [PendingExpectation]? {
    // Parents' amounts name funds, never other parents, so changing one parent breaks no other sum.
    let candidates = pages.indices.filter { index in
      ownership.persons[pages[index].personIndex].isParent && (pages[index].amounts[11]?.total ?? 0) > 0
        && !(pages[index].amounts[11]?.attributedTo.isEmpty ?? true)
    }
    guard !candidates.isEmpty else { return nil }
    let pageIndex = random.pick(candidates)
    guard let original = pages[pageIndex].amounts[11] else { return nil }
    var changed = original
    let amountOff = random.int(in: 1...999)
    var mentions: [String]
    // Parts can be compared only where every fund itemises its own: "N shares of Common Stock" may include
    // shares issuable on exercise (filings describe warrant shares that way), and a bare number could hold anything.
    let fundsSayWhatTheyHold = original.attributedTo.allSatisfy { fundName in
      pages.first { $0.name == fundName }.map { !($0.amounts[11]?.parts.isEmpty ?? true) } ?? false
    }
    // Only the "consisting of" form prints every part (the others print the acquirable ones).
    let printsEveryPart = style.amountForm == .consistingOf
    if changed.parts.count >= 2 && fundsSayWhatTheyHold && printsEveryPart && random.chance(1, in: 2) {
      // One part off, another compensating: the total is right, the parts are not.
      let first = random.int(in: 0...(changed.parts.count - 1))
      var second = random.int(in: 0...(changed.parts.count - 2))
      if second >= first { second += 1 }
      changed.parts[first].shares += amountOff
      changed.parts[second].shares -= amountOff
      mentions = Self.mentions(changed.parts[first].shares) + Self.mentions(changed.parts[second].shares)
    } else {
      // A lower total must stay above every power printed apart from it (voting below the aggregate).
      let largestSeparatePower =
        [7, 8, 9, 10].compactMap { pages[pageIndex].amounts[$0] }.filter { $0 != original }
        .map(\.total).max() ?? 0
      let canLower = original.total - amountOff >= largestSeparatePower
      let change = canLower && random.chance(1, in: 2) ? -amountOff : amountOff
      changed.total += change
      if !changed.parts.isEmpty { changed.parts[0].shares += change }
      mentions = Self.mentions(changed.total)
    }
    for row in [7, 8, 9, 10, 11] where pages[pageIndex].amounts[row] == original {
      pages[pageIndex].amounts[row] = changed
    }
    // The filer computes row 13 from the numbers it printed.
    pages[pageIndex].percent = recomputePercent(pageIndex)
    return [
      PendingExpectation(
        finding: ExpectedFinding(
          ruleID: "parent-sum", severity: .error, person: name(pageIndex), rows: [11], lines: [],
          messageMentions: mentions),
        personIndex: pages[pageIndex].personIndex)
    ]
  }

  private mutating func injectPowerExceedsAggregate(_ random: inout SplitMix64) -> [PendingExpectation]? {
    let candidates = pages.indices.filter { (pages[$0].amounts[11]?.total ?? 0) > 0 }
    guard !candidates.isEmpty else { return nil }
    let pageIndex = random.pick(candidates)
    guard let aggregate = pages[pageIndex].amounts[11] else { return nil }
    let extra = random.int(in: 1...min(aggregate.total, 999_999))
    // The power that is zero gets `extra`: each power stays within the aggregate, their sum does not.
    let isParent = ownership.persons[pages[pageIndex].personIndex].isParent
    let changedRow = isParent ? 9 : 10
    pages[pageIndex].amounts[changedRow] = PrintedAmount(total: extra)
    let largerRow = extra > aggregate.total ? changedRow : (isParent ? 10 : 9)
    return [
      PendingExpectation(
        finding: ExpectedFinding(
          ruleID: "power-sum", severity: .error, person: name(pageIndex), rows: [largerRow, changedRow].uniqued(),
          lines: [], messageMentions: Self.mentions(aggregate.total) + Self.mentions(extra)),
        personIndex: pages[pageIndex].personIndex)
    ]
  }

  private mutating func injectWrongPercent(_ random: inout SplitMix64) -> [PendingExpectation]? {
    guard statesSharesOutstanding, !pages.isEmpty else { return nil }
    let pageIndex = random.int(in: 0...(pages.count - 1))
    let right = pages[pageIndex].percent
    guard let amount = pages[pageIndex].amounts[11] else { return nil }
    let plain = SyntheticOwnership.percent(
      aggregate: amount.total, acquirable: 0, outstanding: ownership.sharesOutstanding, decimals: percentDecimals)
    let unit: Int128 = percentDecimals == 1 ? 1 : 10  // 0.1 point in units of the last printed digit
    let threshold = 3 * unit
    var printed: Int128?
    for _ in 0..<50 {
      let step = Int128(random.int(in: 3...30)) * unit
      let candidate = random.chance(1, in: 2) ? right.significand - step : right.significand + step
      if candidate >= 0 && abs(candidate - right.significand) >= threshold
        && abs(candidate - plain.significand) >= threshold
      {
        printed = candidate
        break
      }
    }
    guard let significand = printed else { return nil }
    pages[pageIndex].percent = ExactDecimal(significand: significand, scale: percentDecimals)
    return [
      PendingExpectation(
        finding: ExpectedFinding(
          ruleID: "percent-basis", severity: .error, person: name(pageIndex), rows: [13], lines: [],
          messageMentions: [pages[pageIndex].percent.description]),
        personIndex: pages[pageIndex].personIndex)
    ]
  }

  private mutating func injectPlainPercent(_ random: inout SplitMix64) -> [PendingExpectation]? {
    guard statesSharesOutstanding else { return nil }
    var candidates: [(page: Int, plain: ExactDecimal)] = []
    for (pageIndex, page) in pages.enumerated() {
      guard let amount = page.amounts[11], amount.total > 0, amount.acquirable > 0 else { continue }
      let plain = SyntheticOwnership.percent(
        aggregate: amount.total, acquirable: 0, outstanding: ownership.sharesOutstanding, decimals: percentDecimals)
      let exact = SyntheticOwnership.exactPercent(
        aggregate: amount.total, denominator: ownership.sharesOutstanding + amount.acquirable)
      // The plain value must print differently and its interval must not hold the right ratio.
      guard plain != page.percent, let interval = try? RationalInterval(printed: plain), !interval.contains(exact)
      else { continue }
      candidates.append((pageIndex, plain))
    }
    guard !candidates.isEmpty else { return nil }
    let (pageIndex, plain) = random.pick(candidates)
    let right = pages[pageIndex].percent
    pages[pageIndex].percent = plain
    return [
      PendingExpectation(
        finding: ExpectedFinding(
          ruleID: "percent-derivative-basis", severity: .warning, person: name(pageIndex), rows: [13], lines: [],
          messageMentions: [right.description, plain.description]),
        personIndex: pages[pageIndex].personIndex)
    ]
  }

  private mutating func injectMissingRow(_ random: inout SplitMix64) -> [PendingExpectation]? {
    guard !pages.isEmpty else { return nil }
    let pageIndex = random.int(in: 0...(pages.count - 1))
    var rows = [4, 6, 7, 8, 9, 10, 11, 13, 14]
    if style.amountForm == .footnoted && !variants.contains(.footnoteUnderValuelessLastRow) {
      rows.removeLast()
    }
    let row = random.pick(rows)
    pages[pageIndex].missingRows.insert(row)
    return [
      PendingExpectation(
        finding: ExpectedFinding(
          ruleID: "missing-row", severity: .error, person: name(pageIndex), rows: [row], lines: [], messageMentions: []
        ),
        personIndex: pages[pageIndex].personIndex, atCaption: true)
    ]
  }

  private static let letterForDigit: [Character: Character] = [
    "0": "O", "1": "l", "2": "Z", "3": "E", "4": "A", "5": "S", "6": "b", "7": "T", "8": "B", "9": "g",
  ]

  private mutating func injectUnreadableNumber(_ random: inout SplitMix64) -> [PendingExpectation]? {
    var candidates: [(page: Int, row: Int)] = []
    for (pageIndex, page) in pages.enumerated() {
      for row in 7...11 where (page.amounts[row]?.total ?? 0) >= 10 { candidates.append((pageIndex, row)) }
    }
    guard !candidates.isEmpty else { return nil }
    let (pageIndex, row) = random.pick(candidates)
    guard var amount = pages[pageIndex].amounts[row] else { return nil }
    var characters = Array(ExactDecimal(amount.total).description)
    let digitOffsets = characters.indices.filter { characters[$0].isNumber }
    guard !digitOffsets.isEmpty else { return nil }
    let offset = random.pick(digitOffsets)
    characters[offset] = Self.letterForDigit[characters[offset]] ?? "x"
    amount.garbledTotal = String(characters)
    pages[pageIndex].amounts[row] = amount
    return [
      PendingExpectation(
        finding: ExpectedFinding(
          ruleID: "malformed-row", severity: .error, person: name(pageIndex), rows: [row], lines: [],
          messageMentions: [String(characters)]),
        personIndex: pages[pageIndex].personIndex)
    ]
  }

  private mutating func injectInvalidCode(_ random: inout SplitMix64) -> [PendingExpectation]? {
    guard !pages.isEmpty else { return nil }
    let pageIndex = random.int(in: 0...(pages.count - 1))
    let code = random.pick(SyntheticVocabulary.invalidTypeCodes)
    pages[pageIndex].typeCodes = code
    return [
      PendingExpectation(
        finding: ExpectedFinding(
          ruleID: "invalid-code", severity: .warning, person: name(pageIndex), rows: [14], lines: [],
          messageMentions: [code]),
        personIndex: pages[pageIndex].personIndex)
    ]
  }

  private mutating func injectBadCUSIP(_ random: inout SplitMix64) -> [PendingExpectation]? {
    guard let digit = cusip.last?.wholeNumberValue else { return nil }
    let wrong = (digit + random.int(in: 1...9)) % 10
    printedCUSIP = String(cusip.dropLast()) + String(wrong)
    style.printedCUSIP = printedCUSIP
    return [
      PendingExpectation(
        finding: ExpectedFinding(
          ruleID: "cusip-check-digit", severity: .error, person: nil, rows: [], lines: [],
          messageMentions: [printedCUSIP, Self.spaced(printedCUSIP)]))
    ]
  }

  private mutating func injectMissingCoverPage(_ random: inout SplitMix64) -> [PendingExpectation]? {
    guard pages.count >= 2 else { return nil }
    // Only a page no parent's amount is made of: dropping a fund its parents sum would hide their sums.
    let candidates = pages.indices.filter { !isReportedByOthers(pages[$0].personIndex) }
    guard !candidates.isEmpty else { return nil }
    let pageIndex = random.pick(candidates)
    let dropped = pages.remove(at: pageIndex)
    // Its signature stays: read from a text signature block's layout, the finding is a warning.
    return [
      PendingExpectation(
        finding: ExpectedFinding(
          ruleID: "missing-cover-page", severity: .warning, person: dropped.name, rows: [], lines: [],
          messageMentions: []))
    ]
  }
}

extension Array where Element: Hashable {
  /// The elements without repeats, first occurrences kept in order.
  func uniqued() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
