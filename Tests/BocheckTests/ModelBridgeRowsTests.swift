import BocheckModel
import BocheckSeeded
import Testing

@testable import BocheckRules

/// The model bridge's row objects hold what their rows hold, and the parties of many mentions and pages are
/// those of few.
@Suite("Rules: the model bridge's rows and parties")
struct ModelBridgeRowsTests {
  /// A page with a row of every kind of value, each at its own line and column, some recovered or malformed
  /// with a note; the source-of-funds row (which a 13G lacks) and the legal-proceedings row are absent.
  private static func page(_ index: Int) -> CoverPage {
    let start = index * 100
    let amount = Amount(
      shares: ExactDecimal(significand: 12_345, scale: 1),
      parts: [
        AmountPart(label: "i", kind: .common, shares: ExactDecimal(1_000), text: "1,000 shares"),
        AmountPart(label: "ii", kind: .warrant, shares: ExactDecimal(234), text: "234 warrants"),
      ], partsRelation: .including, attributedTo: ["Alpha Fund LP", "Beta LLC"])
    let values: [(RowField, String, RowValue?, ReadStatus, String?)] = [
      (.reportingPersonName, "Gamma Partners LP", .text("Gamma Partners LP"), .read, nil),
      (.memberOfGroup, "(a) [X] (b) [ ]", .groupBoxes(a: true, b: false), .read, nil),
      (.secUseOnly, "", nil, .missing, nil),
      (.citizenshipOrOrganization, "Delaware", .text("Delaware"), .recovered, "read from the next cell"),
      (.soleVotingPower, "1,234.5", .amount(amount), .read, nil),
      (.sharedVotingPower, "1,0l0", nil, .malformed, "a letter inside a number"),
      (.soleDispositivePower, "0", .amount(Amount(shares: ExactDecimal(0))), .read, nil),
      (.isAggregateExcludeShares, "[X]", .checkbox(true), .read, nil),
      (.percentOfClass, "5.25%", .percent(Percent(value: ExactDecimal(significand: 525, scale: 2))), .read, nil),
      (.typeOfReportingPerson, "PN, IA", .codes(["PN", "IA"]), .read, nil),
    ]
    var rows: [RowField: Row] = [:]
    for (offset, (field, raw, value, status, note)) in values.enumerated() {
      rows[field] = Row(
        field: field, raw: raw, line: start + 2 * offset + 1, column: offset + 3, status: status, value: value,
        note: note)
    }
    return CoverPage(index: index, line: start, rows: rows)
  }

  /// The field's value as a text, or `nil` when it is not one.
  private static func text(_ value: Value) -> String? {
    if case .string(let text) = value { return text }
    return nil
  }

  /// The field's value as a number, or `nil` when it is not one.
  private static func number(_ value: Value) -> Rational? {
    if case .number(let number, _) = value { return number }
    return nil
  }

  @Test("every row object holds its row's fields, and a row the page lacks is missing at the page's line")
  func rowObjectsHoldTheirRows() throws {
    for schedule in [Schedule.schedule13D, .schedule13G] {
      let pages = [Self.page(1), Self.page(2)]
      let filing = Filing(path: "rows.txt", format: .text, schedule: schedule, coverPages: pages)
      let bridge = ModelBridge(filing: filing, basis: nil)
      #expect(bridge.persons.count == 2)
      for (person, page) in zip(bridge.persons, pages) {
        // The person's rows are the schedule's, in printed order.
        guard case .list(let listed) = person["rows"] else {
          Issue.record("no rows")
          continue
        }
        let scheduleRows = RowField.rows(of: schedule)
        #expect(listed.count == scheduleRows.count)
        for field in RowField.allCases {
          guard case .object(let row) = person[field.rawValue] else {
            Issue.record("no row object for \(field)")
            continue
          }
          let read =
            page.rows[field] ?? Row(field: field, raw: "", line: page.line, status: .missing, value: nil)
          let number = field.number(in: schedule)
          if let number {
            guard case .object(let inList) = listed[number - 1] else {
              Issue.record("row \(number) is no object")
              continue
            }
            #expect(inList === row)
          }
          #expect(row.kind == .row)
          #expect(Self.text(row["field"]) == field.rawValue)
          #expect(Self.number(row["number"]) == number.map { Rational($0) })
          #expect(Self.text(row["caption"]) == field.caption)
          #expect(Self.text(row["status"]) == read.status.rawValue)
          #expect(Self.text(row["note"]) == read.note)
          #expect(row["note"].isNull == (read.note == nil))
          #expect(Self.text(row["raw"]) == read.raw)
          #expect(Self.number(row["line"]) == Rational(read.line))
          #expect(Self.number(row["column"]) == Rational(read.column))
          #expect(Self.number(row["page"]) == Rational(page.index))
          #expect(row.page == page.index)
          #expect(
            row.location == SourceLocation(page: page.index, row: number, line: read.line, column: read.column))
          switch read.value {
          case .amount(let amount):
            #expect(Self.number(row["shares"]) == amount.shares.rational)
            #expect(row.number?.value == amount.shares.rational)
            #expect(row.number?.decimals == (amount.shares.scale > 0 ? amount.shares.scale : nil))
            guard case .list(let parts) = row["parts"] else {
              Issue.record("no parts")
              continue
            }
            #expect(parts.count == amount.parts.count)
            for (value, part) in zip(parts, amount.parts) {
              guard case .object(let object) = value else { continue }
              #expect(Self.text(object["label"]) == part.label)
              #expect(Self.text(object["kind"]) == part.kind.rawValue)
              #expect(Self.number(object["shares"]) == part.shares.rational)
              #expect(Self.text(object["text"]) == part.text)
              #expect(object.display == "(\(part.label)) \(part.shares) \(part.kind.rawValue)")
            }
            #expect(Self.text(row["partsRelation"]) == amount.partsRelation.rawValue)
            guard case .list(let names) = row["attributedTo"] else {
              Issue.record("no attribution")
              continue
            }
            #expect(names.map(Self.text) == amount.attributedTo)
            #expect(Self.text(row["attributionSource"]) == amount.attributionSource.rawValue)
            #expect(row.display == read.raw)
          case .percent(let percent):
            #expect(Self.number(row["percent"]) == percent.value.rational)
            #expect(Self.number(row["decimals"]) == Rational(percent.decimals))
            #expect(row.number?.value == percent.value.rational && row.number?.decimals == percent.decimals)
            #expect(row.display == read.raw)
          case .text(let text):
            #expect(Self.text(row["text"]) == text)
            #expect(row.number == nil && row.display == text)
          case .codes(let codes):
            guard case .list(let listedCodes) = row["codes"] else {
              Issue.record("no codes")
              continue
            }
            #expect(listedCodes.map(Self.text) == codes)
            #expect(row.display == codes.joined(separator: ", "))
          case .checkbox(let checked):
            guard case .boolean(let flag) = row["checked"] else {
              Issue.record("no box")
              continue
            }
            #expect(flag == checked)
            #expect(row.display == (checked ? "checked" : "not checked"))
          case .groupBoxes(let a, let b):
            guard case .boolean(let first) = row["groupA"], case .boolean(let second) = row["groupB"] else {
              Issue.record("no group boxes")
              continue
            }
            #expect(first == a && second == b)
            #expect(row.display == "(a) \(a ? "checked" : "not checked"), (b) \(b ? "checked" : "not checked")")
          case nil:
            // A row without a value keeps the common fields only, and prints as printed, or `?`.
            #expect(row["shares"].isNull && row["text"].isNull && row["checked"].isNull)
            #expect(row.number == nil)
            #expect(row.display == (read.raw.isEmpty ? "?" : read.raw))
          }
        }
      }
    }
  }

  @Test("a field written twice keeps the second value and drops the first")
  func fieldWrittenTwice() {
    weak var first: ModelObject?
    var fields = FieldValues<PartySlot>()
    do {
      var partFields = FieldValues<PartSlot>()
      partFields[.label] = .string("i")
      let part = ModelObject.make(fields: partFields, location: nil, display: .text("first"))
      first = part
      fields[.coverPage] = .object(part)
    }
    #expect(first != nil)
    fields[.name] = .string("Alpha Fund LP")
    fields[.coverPage] = .string("second")
    // The first value is dropped when it is written over, not left counted.
    #expect(first == nil)
    let party = ModelObject.make(
      fields: fields, location: SourceLocation(page: nil, row: nil, line: 9, column: 1), display: .text("party"),
      page: 4)
    #expect(Self.text(party["coverPage"]) == "second" && Self.text(party["name"]) == "Alpha Fund LP")
    #expect(party["line"].isNull && party.page == 4 && party.location?.line == 9 && party.display == "party")
  }

  @Test("the parties of more mentions and pages than are compared one by one are the general path's")
  func manyPartiesAndPages() {
    // Names that share keys ("Fund 3 LP" and "FUND 3, L.P."), match as a reader compares them (a trailing
    // qualifier) or not at all; more keys and complete pages than ``Parties`` compares one by one.
    var random = SplitMix64(seed: 0x6d61_6e79)
    var exact = 0
    var other = 0
    for round in 0..<40 {
      let names = (1...30).flatMap { number in
        ["Fund \(number) LP", "FUND \(number), L.P.", "Fund \(number) LP (Series B)", "Holder \(number) Inc"]
      }
      var pages: [CoverPage] = []
      for index in 1...random.int(in: 10...40) {
        var page = SyntheticFiling.page(index, random.pick(names), aggregate: 100)
        if random.int(in: 0...4) > 0 {
          for field in RowField.allCases where page.rows[field] == nil {
            page.rows[field] = Row(field: field, raw: "x", line: index * 100 + 20, status: .read, value: .text("x"))
          }
        }
        pages.append(page)
      }
      let mentions = (0..<random.int(in: 0...60)).map { offset in
        NamedMention(name: random.pick(names), line: 5_000 + random.int(in: 0...9) * 10 + offset % 3)
      }
      let split = random.int(in: 0...mentions.count)
      let filing = SyntheticFiling.filing(
        pages, signers: Array(mentions[..<split]), jointFilers: Array(mentions[split...]))
      let parties = Parties.of(filing, exactKeysFirst: true)
      #expect(parties == Parties.of(filing, exactKeysFirst: false), "round \(round)")
      // One party for each key, named by its earliest mention (the signers' first on a line), in line order.
      var expected: [String: Party] = [:]
      for (mention, signs) in filing.signers.map({ ($0, true) }) + filing.jointFilers.map({ ($0, false) }) {
        let key = NameKey(mention.name)
        var party =
          expected[key.text]
          ?? Party(
            name: mention.name, key: key, line: mention.line, signs: false, joins: false,
            evidence: mention.evidence)
        party.add(mention, signs: signs)
        expected[key.text] = party
      }
      let sorted = expected.values.sorted { ($0.line, $0.name) < ($1.line, $1.name) }
      #expect(parties.map(\.name) == sorted.map(\.name), "round \(round)")
      #expect(parties.map(\.key) == sorted.map(\.key))
      #expect(parties.map(\.signs) == sorted.map(\.signs) && parties.map(\.joins) == sorted.map(\.joins))
      // A party of a complete page's key has the first such page.
      for party in parties where party.nameMatch == .exact {
        let first = filing.coverPages.first { page in
          Parties.isComplete(page, schedule: .schedule13D) && page.reportingPersonName.map(NameKey.init) == party.key
        }
        #expect(party.coverPage == first?.index, "round \(round): \(party.name)")
      }
      exact += parties.count { $0.nameMatch == .exact }
      other += parties.count { $0.nameMatch != .exact }
    }
    #expect(exact > 100 && other > 100, "\(exact) exact, \(other) otherwise")
  }
}
