/// A numbered row of a cover page, named as the SEC's XML names its element.
///
/// Schedule 13D has rows 1–14; Schedule 13G has no source-of-funds and no legal-proceedings row, so its
/// rows are numbered 1–12. ``number(in:)`` gives the number a row has on a given schedule.
public enum RowField: String, Sendable, CaseIterable, Codable {
  case reportingPersonName
  case memberOfGroup
  case secUseOnly
  case fundType
  case legalProceedings
  case citizenshipOrOrganization
  case soleVotingPower
  case sharedVotingPower
  case soleDispositivePower
  case sharedDispositivePower
  case aggregateAmountOwned
  case isAggregateExcludeShares
  case percentOfClass
  case typeOfReportingPerson

  /// The rows a schedule's cover page has, in printed order.
  ///
  /// - Parameter schedule: Schedule 13D or 13G.
  public static func rows(of schedule: Schedule) -> [RowField] {
    switch schedule {
    case .schedule13D: return allCases
    case .schedule13G: return schedule13GRows
    }
  }

  /// The rows of a Schedule 13G's cover page, made once: every report asks for them for each row it writes.
  private static let schedule13GRows = allCases.filter { $0 != .fundType && $0 != .legalProceedings }

  /// The row's 1-based number on the schedule's cover page, or `nil` if the schedule has no such row.
  public func number(in schedule: Schedule) -> Int? {
    RowField.rows(of: schedule).firstIndex(of: self).map { $0 + 1 }
  }

  /// The field a 1-based row number stands for on the schedule's cover page.
  public static func field(number: Int, in schedule: Schedule) -> RowField? {
    let rows = rows(of: schedule)
    return rows.indices.contains(number - 1) ? rows[number - 1] : nil
  }

  /// The kind of value the row holds.
  public var valueKind: RowValueKind {
    switch self {
    case .reportingPersonName, .citizenshipOrOrganization: return .text
    case .memberOfGroup: return .groupBoxes
    case .secUseOnly: return .text
    case .fundType, .typeOfReportingPerson: return .codes
    case .legalProceedings, .isAggregateExcludeShares: return .checkbox
    case .soleVotingPower, .sharedVotingPower, .soleDispositivePower, .sharedDispositivePower,
      .aggregateAmountOwned:
      return .amount
    case .percentOfClass: return .percent
    }
  }

  /// The caption as the form prints it, for messages.
  public var caption: String {
    switch self {
    case .reportingPersonName: return "name of reporting person"
    case .memberOfGroup: return "member of a group"
    case .secUseOnly: return "SEC use only"
    case .fundType: return "source of funds"
    case .legalProceedings: return "legal proceedings"
    case .citizenshipOrOrganization: return "citizenship or place of organization"
    case .soleVotingPower: return "sole voting power"
    case .sharedVotingPower: return "shared voting power"
    case .soleDispositivePower: return "sole dispositive power"
    case .sharedDispositivePower: return "shared dispositive power"
    case .aggregateAmountOwned: return "aggregate amount beneficially owned"
    case .isAggregateExcludeShares: return "aggregate excludes certain shares"
    case .percentOfClass: return "percent of class"
    case .typeOfReportingPerson: return "type of reporting person"
    }
  }
}

extension RowField {
  /// The value a hash table places the field by: the case's index mixed with the table's seed, made without
  /// a `Hasher`.
  ///
  /// A dictionary or set keyed by ``RowField`` asks this of the key at every lookup and insertion, where the
  /// default would run a whole `Hasher` (seed, combine, finalize) over the case's index. Fourteen cases need
  /// no mixing to spread: the index exclusive-or'ed with the seed differs for every case in every bit width,
  /// so a table of at least sixteen buckets places each field in its own bucket. `hash(into:)` (``CaseHashing``)
  /// stays as it is for a field hashed as part of another value.
  ///
  /// - Parameter seed: The table's seed.
  @inlinable
  public func _rawHashValue(seed: Int) -> Int {
    seed ^ CaseHashing.index(of: self)
  }
}

/// The kinds of value a row can hold.
public enum RowValueKind: String, Sendable {
  case text, amount, percent, checkbox, codes, groupBoxes
}

/// Which schedule a filing is.
public enum Schedule: String, Sendable, Codable {
  case schedule13D = "13D"
  case schedule13G = "13G"
}
