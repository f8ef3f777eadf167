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
    guard !filing.signers.isEmpty || !filing.jointFilers.isEmpty else { return [] }
    let pageCount = filing.coverPages.count
    let pageNames = pageNames ?? PageNameKeys(filing)
    // The signers first, then the joint filers: of two mentions on one line, the first names the party.
    var found = FoundParties(capacity: filing.signers.count + filing.jointFilers.count)
    // A mention that prints a page's row 1 name as the page does has that page's key.
    for mention in filing.signers { found.add(mention, key: pageNames.key(of: mention.name), signs: true) }
    for mention in filing.jointFilers { found.add(mention, key: pageNames.key(of: mention.name), signs: false) }
    guard !found.parties.isEmpty else { return [] }
    var completeNames: [(name: String, key: NameKey)] = []
    completeNames.reserveCapacity(pageCount)
    var completePages: [Int] = []
    completePages.reserveCapacity(pageCount)
    let scheduleRows = RowField.rows(of: filing.schedule)
    for (position, page) in filing.coverPages.enumerated() where isComplete(page, rows: scheduleRows) {
      guard let name = pageNames.names[position], let key = pageNames.keys[position] else { continue }
      completeNames.append((name, key))
      completePages.append(page.index)
    }
    // The first complete page of each non-empty key, which the index would match exactly: the pages' keys
    // are compared one by one when they are few, as a table of them costs more to make than that.
    var firstPageByKey: [String: Int]?
    if completeNames.count > FoundParties.comparedKeys {
      var table = [String: Int](minimumCapacity: completeNames.count)
      for (offset, complete) in completeNames.enumerated() where !complete.key.text.isEmpty {
        if table[complete.key.text] == nil { table[complete.key.text] = completePages[offset] }
      }
      firstPageByKey = table
    }
    var completeIndex: NameIndex<Int>?
    return found.parties.map { party in
      var matched = party
      if exactKeysFirst {
        // A party's key is never empty, so no page of an empty key is found for it.
        let page =
          firstPageByKey.map { $0[party.key.text] }
          ?? completeNames.firstIndex { $0.key == party.key }.map { completePages[$0] }
        if let page {
          matched.coverPage = page
          matched.nameMatch = .exact
          return matched
        }
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

  /// The parties of a filing's mentions, one for each ``NameKey``, in the order first mentioned.
  ///
  /// A mention's key is compared with the keys of the parties found before it when they are few (see
  /// ``comparedKeys``): a table of keys costs more to make, and to ask, than comparing a handful of keys.
  private struct FoundParties {
    /// The parties, in the order first mentioned.
    private(set) var parties: [Party] = []
    /// The position of each party by its key's text, made once there are more than ``comparedKeys`` parties.
    private var positionByKey: [String: Int]?

    /// The most keys compared one by one rather than looked up in a table.
    static let comparedKeys = 16

    /// Room for `capacity` parties.
    init(capacity: Int) {
      parties.reserveCapacity(capacity)
    }

    /// Adds a mention to the party of its key, found before or new (a mention of an empty key names nobody).
    ///
    /// - Parameters:
    ///   - mention: A signature or a party to the joint filing agreement.
    ///   - key: The ``NameKey`` of its name.
    ///   - signs: Whether the mention is a signature.
    mutating func add(_ mention: NamedMention, key: NameKey, signs: Bool) {
      guard !key.text.isEmpty else { return }
      let known = positionByKey.map { $0[key.text] } ?? parties.firstIndex { $0.key == key }
      if let known {
        parties[known].add(mention, signs: signs)
        return
      }
      var party = Party(
        name: mention.name, key: key, line: mention.line, signs: false, joins: false, evidence: mention.evidence)
      party.add(mention, signs: signs)
      parties.append(party)
      if positionByKey != nil {
        positionByKey?[key.text] = parties.count - 1
      } else if parties.count > FoundParties.comparedKeys {
        positionByKey = Dictionary(uniqueKeysWithValues: parties.indices.map { (parties[$0].key.text, $0) })
      }
    }
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
