import BocheckModel
import BocheckReading
import BocheckRules
import BocheckSeeded
import Foundation
import Testing

/// Tests of the synthetic filing generator itself: they need neither the reader nor the rules.
@Suite("Synthetic filing generator")
struct SyntheticGeneratorTests {
  /// Seeds the generator self-tests draw (fault-free).
  static let seeds: [UInt64] = Array(1...200)

  @Test("the same seed and fault give the same filing; other seeds give other filings")
  func deterministic() {
    for seed: UInt64 in [1, 2, 77, 12_345, .max] {
      for fault in [nil] + SyntheticFault.allCases.map(Optional.some) {
        let first = SyntheticTextFiling.generate(seed: seed, fault: fault)
        let second = SyntheticTextFiling.generate(seed: seed, fault: fault)
        #expect(first.text == second.text, "seed \(seed), fault \(fault?.rawValue ?? "none")")
        #expect(first.expected == second.expected)
        #expect(first.description == second.description)
      }
    }
    let texts = Set((1...50).map { SyntheticTextFiling.generate(seed: UInt64($0), fault: nil).text })
    #expect(texts.count == 50)
  }

  @Test("SplitMix64 gives the published sequence and stays in range")
  func randomGenerator() {
    // The first outputs of SplitMix64 seeded with 0 (reference implementation by Vigna).
    var zero = SplitMix64(seed: 0)
    #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    #expect(zero.next() == 0x6E78_9E6A_A1B9_65F4)
    var random = SplitMix64(seed: 42)
    var seen = Set<Int>()
    for _ in 0..<1_000 {
      let value = random.int(in: -3...3)
      #expect((-3...3).contains(value))
      seen.insert(value)
    }
    #expect(seen.count == 7)
  }

  @Test("every CUSIP is valid, and the bad-CUSIP fault breaks only the check digit")
  func cusips() {
    for seed in Self.seeds {
      let filing = SyntheticTextFiling.generate(seed: seed, fault: nil)
      #expect(CUSIP.hasValidCheckDigit(filing.cusip), "seed \(seed): \(filing.cusip)")
      #expect(filing.printedCUSIP == filing.cusip)
      #expect(filing.cusip != "000000000")
    }
    for seed: UInt64 in 1...40 {
      let filing = SyntheticTextFiling.generate(seed: seed, fault: .badCUSIP)
      #expect(CUSIP.hasValidCheckDigit(filing.cusip))
      #expect(!CUSIP.hasValidCheckDigit(filing.printedCUSIP), "seed \(seed): \(filing.printedCUSIP)")
      #expect(filing.printedCUSIP.dropLast() == filing.cusip.dropLast())
      let printedCompact = CUSIP.compact(filing.text)
      #expect(printedCompact.contains(filing.printedCUSIP))
      #expect(!printedCompact.contains(filing.cusip))
    }
  }

  @Test("parents' holdings are the exact part-by-part sums of their funds', as printed")
  func parentsSumToFunds() {
    var parentsSeen = 0
    for seed in Self.seeds {
      let filing = SyntheticTextFiling.generate(seed: seed, fault: nil)
      let persons = filing.ownership.persons
      for person in persons where person.isParent {
        parentsSeen += 1
        let sum = person.reportsFor.reduce(SyntheticHolding.zero) { $0 + persons[$1].holding }
        #expect(person.holding == sum, "seed \(seed): \(person.name)")
        #expect(person.role == .individual || person.reportsFor == person.controls)
      }
      let byName = Dictionary(uniqueKeysWithValues: filing.pages.map { ($0.name, $0) })
      for page in filing.pages {
        guard let aggregate = page.amounts[11] else {
          Issue.record("seed \(seed): \(page.name) has no row 11")
          continue
        }
        if !aggregate.parts.isEmpty {
          #expect(aggregate.parts.reduce(0) { $0 + $1.shares } == aggregate.total, "seed \(seed): \(page.name)")
        }
        guard !aggregate.attributedTo.isEmpty else { continue }
        let funds = aggregate.attributedTo.compactMap { byName[$0]?.amounts[11] }
        #expect(funds.count == aggregate.attributedTo.count, "seed \(seed): attribution names a page")
        #expect(funds.reduce(0) { $0 + $1.total } == aggregate.total)
        for kind in [PartKind.common, .convertible, .warrant] {
          let own = aggregate.parts.filter { $0.kind == kind }.reduce(0) { $0 + $1.shares }
          let theirs = funds.reduce(0) { total, fund in
            total + (fund.parts.isEmpty && kind == .common ? fund.total : 0)
              + fund.parts.filter { $0.kind == kind }.reduce(0) { $0 + $1.shares }
          }
          if !aggregate.parts.isEmpty { #expect(own == theirs, "seed \(seed): \(page.name) part \(kind)") }
        }
      }
    }
    #expect(parentsSeen > 100)
  }

  @Test("a holder of notes and warrants of the founding sample's size gets 7.87 %, the plain ratio 8.34 %")
  func percentOfKnownHolder() {
    let percent = SyntheticOwnership.percent(
      aggregate: 3_731_323, acquirable: 2_657_769, outstanding: 44_726_000, decimals: 2)
    #expect(percent == ExactDecimal(significand: 787, scale: 2))
    let plain = SyntheticOwnership.percent(aggregate: 3_731_323, acquirable: 0, outstanding: 44_726_000, decimals: 2)
    #expect(plain == ExactDecimal(significand: 834, scale: 2))
    // Half-up: 1/8 = 12.5 % prints as 13 with no decimals and as 12.5 with one.
    #expect(SyntheticOwnership.percent(aggregate: 1, acquirable: 0, outstanding: 8, decimals: 0) == ExactDecimal(13))
    #expect(
      SyntheticOwnership.percent(aggregate: 1, acquirable: 0, outstanding: 8, decimals: 1)
        == ExactDecimal(significand: 125, scale: 1))
  }

  @Test("every printed percent is Rule 13d-3(d)(1)(i)'s ratio rounded half up at the printed precision")
  func percentsFollowRuleThirteenDThree() throws {
    var zeroPercents = 0
    var decimalsSeen = Set<Int>()
    for seed in Self.seeds {
      let filing = SyntheticTextFiling.generate(seed: seed, fault: nil)
      for page in filing.pages {
        let person = filing.ownership.persons[page.personIndex]
        let denominator = Int128(filing.ownership.sharesOutstanding + person.holding.acquirable)
        let exact = try Rational(numerator: Int128(person.holding.total) * 100, denominator: denominator)
        let interval = try RationalInterval(printed: page.percent)
        // Half up: the exact ratio lies in [printed − ½ unit, printed + ½ unit).
        #expect(interval.contains(exact) && exact != interval.upper, "seed \(seed): \(page.name) \(page.percent)")
        #expect(page.percent.scale == filing.percentDecimals)
        decimalsSeen.insert(page.percent.scale)
        if person.holding.total == 0 { zeroPercents += 1 }
      }
    }
    #expect(decimalsSeen == [1, 2])
    #expect(zeroPercents > 0, "some person holds nothing and reports 0 %")
  }

  @Test("layouts, checkbox styles, side labels, bases and hard names all occur")
  func varietyOccurs() {
    var layouts = Set<CoverLayout>()
    var checkboxes = Set<CheckboxStyle>()
    var sideLabels = Set<SideLabelPlacement>()
    var stated = Set<Bool>()
    var mixedPages = 0
    var wrapped = 0
    var commaNames = 0
    var andNames = 0
    var prefixNames = 0
    var initialNames = 0
    var reducedVoting = 0
    var noParents = 0
    var rowNumbers = Set<RowNumberStyle>()
    var placements = Set<RowNumberPlacement>()
    var amountForms = Set<AmountForm>()
    var percentForms = Set<PercentForm>()
    var taxIDs = Set<TaxIDPlacement>()
    var zeroTexts = Set<String>()
    var footnotes = 0
    for seed in Self.seeds {
      let filing = SyntheticTextFiling.generate(seed: seed, fault: nil)
      let style = filing.style
      rowNumbers.insert(style.rowNumbers)
      placements.insert(style.rowNumberPlacement)
      amountForms.insert(style.amountForm)
      percentForms.insert(style.percentForm)
      taxIDs.insert(style.taxIDPlacement)
      zeroTexts.insert(style.zeroText)
      if filing.text.contains(" Includes ") { footnotes += 1 }
      layouts.formUnion(filing.layouts)
      if Set(filing.layouts).count > 1 { mixedPages += 1 }
      checkboxes.insert(filing.style.checkboxes)
      sideLabels.insert(filing.style.sideLabel)
      stated.insert(filing.statesSharesOutstanding)
      if filing.style.wrapWidth != nil { wrapped += 1 }
      let names = filing.ownership.persons.map(\.name)
      commaNames += names.filter { $0.contains(", ") }.count
      andNames += names.filter { $0.contains(" and ") }.count
      initialNames += names.filter { $0.split(separator: " ").first?.count == 2 }.count
      for name in names where names.contains(where: { $0 != name && $0.hasPrefix(name + " ") }) { prefixNames += 1 }
      reducedVoting += filing.ownership.persons.filter { $0.votingShares < $0.holding.total }.count
      if !filing.ownership.persons.contains(where: \.isParent) { noParents += 1 }
    }
    #expect(layouts == Set(CoverLayout.allCases))
    #expect(checkboxes == Set(CheckboxStyle.allCases))
    #expect(sideLabels == Set(SideLabelPlacement.allCases))
    #expect(stated == [true, false])
    #expect(rowNumbers == Set(RowNumberStyle.allCases))
    #expect(placements == Set(RowNumberPlacement.allCases))
    #expect(amountForms == Set(AmountForm.allCases))
    #expect(percentForms == Set(PercentForm.allCases))
    #expect(taxIDs == Set(TaxIDPlacement.allCases))
    #expect(zeroTexts == ["0", "-0-", "None", "NONE", "-"])
    for (what, count) in [
      ("footnotes itemising amounts", footnotes),
      ("mixed layouts", mixedPages), ("wrapped values", wrapped), ("names with commas", commaNames),
      ("names with 'and'", andNames), ("prefix names", prefixNames), ("initials", initialNames),
      ("voting below aggregate", reducedVoting), ("filings without parents", noParents),
    ] {
      #expect(count > 0, "no \(what) in \(Self.seeds.count) filings")
    }
  }

  @Test("every fault can be injected and states the finding it implies", arguments: SyntheticFault.allCases)
  func faultsOccur(fault: SyntheticFault) {
    for seed: UInt64 in 1...40 {
      let filing = SyntheticTextFiling.generate(seed: seed, fault: fault)
      #expect(filing.fault == fault, "seed \(seed): the fault could not be injected")
      #expect(filing.expected.count == 1, "seed \(seed)")
      guard let expected = filing.expected.first else { continue }
      #expect(!expected.ruleID.isEmpty)
      if !expected.rows.isEmpty {
        #expect(expected.person != nil)
        #expect(expected.lines.count == expected.rows.count, "seed \(seed): the line of a row finding is known")
      }
      if fault == .badCUSIP || fault == .missingCoverPage { #expect(expected.rows.isEmpty) }
    }
  }

  @Test("each fault changes what it says it changes", arguments: SyntheticFault.allCases)
  func faultsChangeTheFiling(fault: SyntheticFault) throws {
    for seed: UInt64 in 1...40 {
      let filing = SyntheticTextFiling.generate(seed: seed, fault: fault)
      let expected = try #require(filing.expected.first)
      let lines = filing.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let page = filing.pages.first { $0.name == expected.person }
      let row = expected.rows.first
      let lineText = expected.lines.first.flatMap { lines.indices.contains($0 - 1) ? lines[$0 - 1] : nil } ?? ""
      let context = "seed \(seed)\n\(filing.description)"
      switch fault {
      case .partsDoNotAddUp:
        let amount = try #require(page?.amounts[row ?? 0], "\(context)")
        #expect(amount.parts.reduce(0) { $0 + $1.shares } != amount.total, "\(context)")
        #expect(lineText.contains(ExactDecimal(amount.total).description), "\(context)")
      case .parentOff:
        let amount = try #require(page?.amounts[11], "\(context)")
        let funds = filing.pages.filter { amount.attributedTo.contains($0.name) }.compactMap { $0.amounts[11] }
        let totalDiffers = funds.reduce(0) { $0 + $1.total } != amount.total
        let partDiffers = [PartKind.common, .convertible, .warrant].contains { kind in
          Self.shares(of: kind, in: [amount]) != Self.shares(of: kind, in: funds)
        }
        let sumsDiffer = totalDiffers || (!amount.parts.isEmpty && partDiffers)
        #expect(sumsDiffer, "\(context)")
        #expect(amount.parts.isEmpty || amount.parts.reduce(0) { $0 + $1.shares } == amount.total, "\(context)")
      case .powerExceedsAggregate:
        let amounts = try #require(page?.amounts, "\(context)")
        let dispositive = (amounts[9]?.total ?? 0) + (amounts[10]?.total ?? 0)
        let aggregate = amounts[11]?.total ?? 0
        #expect(dispositive > aggregate, "\(context)")
        #expect((amounts[9]?.total ?? 0) <= aggregate && (amounts[10]?.total ?? 0) <= aggregate, "\(context)")
      case .wrongPercent, .plainPercent:
        let printed = try #require(page?.percent, "\(context)")
        let person = filing.ownership.persons[try #require(page?.personIndex)]
        let right = SyntheticOwnership.percent(
          aggregate: person.holding.total, acquirable: person.holding.acquirable,
          outstanding: filing.ownership.sharesOutstanding, decimals: filing.percentDecimals)
        let plain = SyntheticOwnership.percent(
          aggregate: person.holding.total, acquirable: 0, outstanding: filing.ownership.sharesOutstanding,
          decimals: filing.percentDecimals)
        #expect(filing.statesSharesOutstanding, "\(context)")
        #expect(lineText.contains(filing.style.percentText(printed)), "\(context)")
        if fault == .plainPercent {
          #expect(printed == plain && printed != right, "\(context)")
        } else {
          let distance = try Self.distance(printed.rational, right.rational)
          let distanceToPlain = try Self.distance(printed.rational, plain.rational)
          let threshold = try Rational(numerator: 3, denominator: 10)
          #expect(!(distance < threshold) && !(distanceToPlain < threshold), "\(context)")
        }
      case .missingRow:
        let rendered = try #require(filing.rendered.first { $0.personIndex == page?.personIndex }?.rows[row ?? 0])
        #expect(rendered.valueLine == nil, "\(context)")
        #expect(expected.lines == [rendered.captionLine], "\(context)")
      case .unreadableNumber:
        let garbled = try #require(page?.amounts[row ?? 0]?.garbledTotal, "\(context)")
        #expect(ExactDecimal.parse(garbled) == nil, "\(context)")
        #expect(lineText.contains(garbled), "\(context)")
      case .invalidCode:
        let code = try #require(page?.typeCodes)
        #expect(!SyntheticVocabulary.reportingPersonTypeCodes.contains(code) && code != "FI", "\(context)")
        #expect(lineText.contains(code), "\(context)")
      case .badCUSIP:
        #expect(filing.printedCUSIP != filing.cusip, "\(context)")
      case .missingCoverPage:
        let name = try #require(expected.person)
        #expect(!filing.pages.contains { $0.name == name }, "\(context)")
        #expect(filing.ownership.persons.contains { $0.name == name }, "\(context)")
        let upperLines = lines.map { $0.uppercased() }
        // A person may sign without the middle initial the cover page prints.
        let signedNames = [
          name, name.split(separator: " ").filter { !($0.count == 2 && $0.hasSuffix(".")) }.joined(separator: " "),
        ]
        let signsOnOneLine = signedNames.contains { upperLines.contains($0.uppercased()) }
        let signsOnTwoLines = zip(upperLines, upperLines.dropFirst()).contains { pair in
          signedNames.contains { pair.0 + " " + pair.1 == $0.uppercased() }
        }
        #expect(
          signsOnOneLine || signsOnTwoLines || signedNames.contains { filing.text.contains("/s/ \($0)") },
          "\(context): the dropped person still signs")
      }
    }
  }

  /// The shares of one kind in amounts; an amount without parts counts as common shares.
  static func shares(of kind: PartKind, in amounts: [PrintedAmount]) -> Int {
    var total = 0
    for amount in amounts {
      if amount.parts.isEmpty {
        if kind == .common { total += amount.total }
      } else {
        total += amount.parts.filter { $0.kind == kind }.reduce(0) { $0 + $1.shares }
      }
    }
    return total
  }

  /// |a − b|, exactly.
  static func distance(_ a: Rational, _ b: Rational) throws -> Rational {
    a < b ? try b - a : try a - b
  }

  @Test("the recorded lines hold what the generator printed there")
  func lineBookkeeping() {
    for seed: UInt64 in 1...100 {
      let filing = SyntheticTextFiling.generate(seed: seed, fault: nil)
      let lines = filing.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for (page, rendered) in zip(filing.pages, filing.rendered) {
        for number in 1...14 {
          guard let row = rendered.rows[number], lines.indices.contains(row.captionLine - 1) else {
            Issue.record("seed \(seed): \(page.name) row \(number) was not recorded")
            continue
          }
          let caption = lines[row.captionLine - 1].uppercased()
          let firstCaptionLine = filing.style.captionLines(number)[0].uppercased()
          #expect(caption.contains(firstCaptionLine), "seed \(seed) row \(number)")
          if number == 11, let valueLine = row.valueLine, let amount = page.amounts[11] {
            let text = lines.indices.contains(valueLine - 1) ? lines[valueLine - 1] : ""
            let printedTotal = amount.total == 0 ? filing.style.zeroText : ExactDecimal(amount.total).description
            #expect(text.contains(printedTotal), "seed \(seed): \(page.name) row 11 at line \(valueLine)")
          }
          if number == 1, let valueLine = row.valueLine {
            let firstWord = page.name.split(separator: " ").first.map(String.init) ?? ""
            #expect(lines.indices.contains(valueLine - 1) && lines[valueLine - 1].contains(firstWord))
          }
        }
      }
    }
  }

  @Test("no generated text names the founding samples' people or companies")
  func noSampleNames() {
    let forbidden = ["WYNNEFIELD", "OBUS", "LANDES", "LIQUIDMETAL", "44,726,000"]
    for seed: UInt64 in 1...100 {
      for fault in [nil] + SyntheticFault.allCases.map(Optional.some) {
        let text = SyntheticTextFiling.generate(seed: seed, fault: fault).text.uppercased()
        for word in forbidden { #expect(!text.contains(word), "seed \(seed) names \(word)") }
      }
    }
  }
}

/// The proof: synthetic filings go through the reader and the built-in rules; every injected fault is
/// reported with the right rule, person, row and line, and nothing else at warning or error level appears,
/// in fault-free filings nothing at all.
///
/// On failure each failing seed is reported with its description and findings, and its text is written
/// to a temporary file; `SyntheticTextFiling.generate(seed:fault:)` with the seed and fault reproduces it.
@Suite("Synthetic filings through the reader and the rules")
struct SyntheticProofTests {
  /// How many times more seeds to check than by default, from the environment variable
  /// `BOCHECK_SYNTHETIC_SCALE` (for a longer hunt: `BOCHECK_SYNTHETIC_SCALE=20 swift test --filter Proof`).
  static let scale = max(1, Int(ProcessInfo.processInfo.environment["BOCHECK_SYNTHETIC_SCALE"] ?? "") ?? 1)
  /// Fault-free seeds checked.
  static let faultFreeSeeds: [UInt64] = Array(1...UInt64(300 * scale))
  /// Seeds checked per fault.
  static let faultSeeds: [UInt64] = Array(1...UInt64(40 * scale))
  /// The most failures described in full per test; the rest are listed by seed.
  static let detailedFailures = 4

  /// The built-in rules, loaded once.
  static let rules: Result<RuleSet, RuleLoadError> = {
    let directory =
      RuleSet.builtInDirectory() ?? TestSupport.repositoryRoot.appendingPathComponent("Rules").path
    do throws(RuleLoadError) {
      return .success(try RuleSet.load(directories: [directory]))
    } catch {
      return .failure(error)
    }
  }()

  /// What checking a synthetic filing gave: the findings at warning or error level, or why there are none.
  struct Outcome {
    var findings: [Finding] = []
    var readError: String?
  }

  /// Reads and checks a filing with the built-in rules.
  static func check(_ filing: SyntheticTextFiling, rules: RuleSet) -> Outcome {
    do throws(ReadError) {
      let model = try FilingReader.read(bytes: Array(filing.text.utf8), path: "synthetic-\(filing.seed).txt")
      let result = rules.check(model, options: CheckOptions())
      return Outcome(findings: result.findings.filter { $0.severity >= .warning })
    } catch {
      return Outcome(readError: "line \(error.line.map(String.init) ?? "-"): \(error.message)")
    }
  }

  /// What went wrong with one filing: expected findings not reported, findings not expected; empty when
  /// it came out as expected.
  static func problems(_ filing: SyntheticTextFiling, _ outcome: Outcome) -> [String] {
    if let readError = outcome.readError { return ["the reader refused the filing: \(readError)"] }
    var problems: [String] = []
    for expected in filing.expected where !outcome.findings.contains(where: expected.matches) {
      problems.append("missing: \(expected)")
    }
    for finding in outcome.findings where !filing.expected.contains(where: { $0.matches(finding) }) {
      problems.append("extra: \(render(finding))")
    }
    return problems
  }

  /// A finding on one line, for failure messages.
  static func render(_ finding: Finding) -> String {
    "\(finding.severity.rawValue) [\(finding.ruleID)] page \(finding.page.map(String.init) ?? "-") person "
      + "\(finding.person ?? "none") row \(finding.row.map(String.init) ?? "-") line \(finding.line): "
      + finding.message
  }

  /// Writes the failing filing to a temporary file and describes the failure.
  static func report(_ filing: SyntheticTextFiling, _ outcome: Outcome, _ problems: [String]) -> String {
    let name = "bocheck-synthetic-\(filing.fault?.rawValue ?? "fault-free")-\(filing.seed).txt"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
    let written = (try? filing.text.write(to: url, atomically: true, encoding: .utf8)) != nil
    let findings = outcome.findings.isEmpty ? ["  (none)"] : outcome.findings.map { "  " + render($0) }
    return
      ([
        "seed \(filing.seed), fault \(filing.fault?.rawValue ?? "none"): " + problems.joined(separator: "; "),
        written ? "filing written to \(url.path)" : "the filing could not be written to \(url.path)",
        filing.description, "reported at warning or error level:",
      ] + findings).joined(separator: "\n")
  }

  /// Checks filings and records one issue per failing seed (in full for the first few) and a summary.
  static func prove(_ filings: [SyntheticTextFiling], label: String) {
    let rules: RuleSet
    switch Self.rules {
    case .success(let loaded): rules = loaded
    case .failure(let error):
      Issue.record("the built-in rules do not load: \(error.path):\(error.line): \(error.message)")
      return
    }
    var failures: [String] = []
    for filing in filings {
      let outcome = check(filing, rules: rules)
      let found = problems(filing, outcome)
      guard !found.isEmpty else { continue }
      if failures.count < detailedFailures { Issue.record(Comment(rawValue: report(filing, outcome, found))) }
      failures.append("seed \(filing.seed): " + found.joined(separator: "; "))
    }
    if !failures.isEmpty {
      Issue.record(
        Comment(
          rawValue: "\(label): \(failures.count) of \(filings.count) filings failed:\n"
            + failures.joined(separator: "\n")))
    }
  }

  @Test("fault-free filings give no error and no warning")
  func faultFreeFilingsAreClean() {
    Self.prove(Self.faultFreeSeeds.map { SyntheticTextFiling.generate(seed: $0, fault: nil) }, label: "fault-free")
  }

  @Test(
    "each injected fault is reported with its rule, person, row and line, and nothing else",
    arguments: SyntheticFault.allCases)
  func faultIsFound(fault: SyntheticFault) {
    let filings = Self.faultSeeds.map { SyntheticTextFiling.generate(seed: $0, fault: fault) }
    #expect(filings.allSatisfy { $0.fault == fault && !$0.expected.isEmpty })
    Self.prove(filings, label: fault.rawValue)
  }
}

/// Every phrasing of real filings the generator prints is in the default run, so the proof above covers it;
/// this suite checks that each one really changes the text of some filings (a variant that changed nothing
/// would prove nothing).
@Suite("Synthetic filing variants")
struct SyntheticVariantTests {
  @Test(
    "each variant changes the text of some filings among the first seeds (fault-free, or with a missing row)",
    arguments: SyntheticVariant.allCases)
  func variantChangesFilings(variant: SyntheticVariant) {
    let without = Set(SyntheticVariant.allCases).subtracting([variant])
    let cases: [(SyntheticFault?, ClosedRange<UInt64>)] = [(nil, 1...60), (.missingRow, 1...40)]
    let changed = cases.flatMap { fault, seeds in
      seeds.filter { seed in
        SyntheticTextFiling.generate(seed: seed, fault: fault).text
          != SyntheticTextFiling.generate(seed: seed, fault: fault, variants: without).text
      }
    }
    #expect(!changed.isEmpty, "\(variant) changes no filing among the seeds tried")
  }
}
