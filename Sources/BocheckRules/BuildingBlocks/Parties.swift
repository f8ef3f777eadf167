import BocheckModel

/// A person who signs the filing or joins its joint filing agreement.
struct Party: Hashable, Sendable {
  /// The name as first printed.
  var name: String
  /// The name's key, the same for every mention of the party.
  var key: NameKey
  /// The 1-based line of its first mention.
  var line: Int
  /// Whether it signs the filing.
  var signs: Bool
  /// Whether it is a party to the joint filing agreement.
  var joins: Bool
  /// The strongest evidence among its mentions.
  var evidence: MentionEvidence
  /// The 1-based page of its complete cover page, if it has one.
  var coverPage: Int?
  /// How its name matched the cover page's, when it has one.
  var nameMatch: NameMatch?

  /// Adds a mention of the party: the earliest line's name, the strongest evidence, and whether it signs or
  /// joins.
  ///
  /// - Parameters:
  ///   - mention: A mention whose name has the party's key.
  ///   - signs: Whether the mention is a signature (`false`: a party to the joint filing agreement).
  mutating func add(_ mention: NamedMention, signs: Bool) {
    if mention.line < line {
      name = mention.name
      line = mention.line
    }
    evidence = min(evidence, mention.evidence)
    if signs { self.signs = true } else { joins = true }
  }
}

/// Builds the parties of a filing and matches them to cover pages.
enum Parties {
  /// The signers and joint filers, deduplicated by ``NameKey`` (the earliest line wins), in line order.
  ///
  /// A party's cover page is the complete page (see ``isComplete(_:schedule:)``) whose row 1 has the same
  /// name key, or else the first complete page whose name matches it as a reader compares names (see
  /// ``NameKey/match(_:_:)``: a middle initial, a trailing qualifier); the match is recorded.
  ///
  /// A party whose key is a complete page's is matched by a lookup of its key among the complete pages'
  /// keys, as ``NameIndex/bestMatch(_:key:)`` matches it first; the index of the complete pages' names, whose
  /// making costs more than the rest of this, is made only for a party without such a page.
  static func of(_ filing: Filing) -> [Party] {
    of(filing, exactKeysFirst: true)
  }

  /// The parties of a filing (see ``of(_:)``).
  ///
  /// - Parameters:
  ///   - exactKeysFirst: Whether a party whose key is a complete page's is matched by looking its key up
  ///     first; `false` asks the index of every complete page's name for every party, the general path the
  ///     lookup must agree with.
  ///   - pageNames: The pages' row 1 names and their keys, when they are already made; `nil` makes them here.
  ///     A mention that prints a page's name exactly so takes its key from there.
  static func of(_ filing: Filing, exactKeysFirst: Bool, pageNames: PageNameKeys? = nil) -> [Party] {
    let mentions = filing.signers.map { ($0, true) } + filing.jointFilers.map { ($0, false) }
    guard !mentions.isEmpty else { return [] }
    let pageCount = filing.coverPages.count
    let pageNames = pageNames ?? PageNameKeys(filing)
    // Room for every mention at once: a table that grows moves its entries each time.
    var byKey = [NameKey: Party](minimumCapacity: mentions.count)
    for (mention, signs) in mentions {
      // A mention that prints a page's row 1 name as the page does has that page's key.
      let key = pageNames.key(of: mention.name)
      guard !key.text.isEmpty else { continue }
      // A party already found is updated in place, its key hashed once.
      if let found = byKey.index(forKey: key) {
        byKey.values[found].add(mention, signs: signs)
      } else {
        var party = Party(
          name: mention.name, key: key, line: mention.line, signs: false, joins: false, evidence: mention.evidence)
        party.add(mention, signs: signs)
        byKey[key] = party
      }
    }
    guard !byKey.isEmpty else { return [] }
    var completeNames: [(name: String, key: NameKey)] = []
    completeNames.reserveCapacity(pageCount)
    var completePages: [Int] = []
    completePages.reserveCapacity(pageCount)
    // The first complete page of each non-empty key, which the index would match exactly.
    var firstPageByKey = [String: Int](minimumCapacity: pageCount)
    let scheduleRows = RowField.rows(of: filing.schedule)
    for (position, page) in filing.coverPages.enumerated() where isComplete(page, rows: scheduleRows) {
      guard let name = pageNames.names[position], let key = pageNames.keys[position] else { continue }
      completeNames.append((name, key))
      completePages.append(page.index)
      if !key.text.isEmpty && firstPageByKey[key.text] == nil { firstPageByKey[key.text] = page.index }
    }
    var completeIndex: NameIndex<Int>?
    return byKey.values.map { party in
      var matched = party
      if exactKeysFirst, let page = firstPageByKey[party.key.text] {
        matched.coverPage = page
        matched.nameMatch = .exact
        return matched
      }
      let index = completeIndex ?? NameIndex(keyed: completeNames, values: completePages)
      completeIndex = index
      // Every name of the party has the key it was filed under.
      if let best = index.bestMatch(party.name, key: party.key) {
        matched.coverPage = best.value
        matched.nameMatch = best.match
      }
      return matched
    }.sorted { ($0.line, $0.name) < ($1.line, $1.name) }
  }

  /// Whether a cover page is complete: it has its name row and at least half of its schedule's rows.
  ///
  /// The `missing-cover-page` rule states the same test in its own words; a page failing it is a fragment.
  static func isComplete(_ page: CoverPage, schedule: Schedule) -> Bool {
    isComplete(page, rows: RowField.rows(of: schedule))
  }

  /// Whether a cover page is complete (see ``isComplete(_:schedule:)``), given its schedule's rows.
  private static func isComplete(_ page: CoverPage, rows: [RowField]) -> Bool {
    // The page's rows are walked rather than looked up field by field: each field is in `rows` at most once.
    var present = 0
    for (field, row) in page.rows where row.status != .missing && rows.contains(field) { present += 1 }
    let hasName = page.rows[.reportingPersonName].map { $0.status != .missing } ?? false
    return hasName && present * 2 >= rows.count
  }
}
