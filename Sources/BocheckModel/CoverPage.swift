/// How a row's value was read.
public enum ReadStatus: String, Sendable, Codable {
  /// Read from where the layout puts it.
  case read
  /// Recovered from a shifted or detached layout; ``Row/note`` says what was assumed.
  case recovered
  /// The row, or its value, is not there.
  case missing
  /// Something is there but cannot be read or assigned safely; ``Row/note`` says why.
  case malformed
}

/// A row's parsed value.
public enum RowValue: Hashable, Sendable {
  /// Free text, such as a name or a place of organization.
  case text(String)
  /// A number of shares.
  case amount(Amount)
  /// A percent of class.
  case percent(Percent)
  /// A checkbox: `true` when checked.
  case checkbox(Bool)
  /// The group boxes of row 2: which of (a) and (b) are checked.
  case groupBoxes(a: Bool, b: Bool)
  /// SEC codes such as `PN` or `WC, AF`, as printed (upper-cased).
  case codes([String])
}

/// One row of a cover page, with where it stands in the source and how it was read.
public struct Row: Hashable, Sendable {
  /// Which row this is.
  public var field: RowField
  /// The value's text as printed (joined when wrapped), or the empty string.
  public var raw: String
  /// The 1-based line of the value (of the caption when there is no value).
  public var line: Int
  /// The 1-based column of the value on that line.
  public var column: Int
  /// How the value was read.
  public var status: ReadStatus
  /// The parsed value; `nil` when missing or malformed.
  public var value: RowValue?
  /// What was assumed (recovered) or why the value could not be read (malformed).
  public var note: String?

  /// Creates a row.
  public init(
    field: RowField, raw: String, line: Int, column: Int = 1, status: ReadStatus, value: RowValue?,
    note: String? = nil
  ) {
    self.field = field
    self.raw = raw
    self.line = line
    self.column = column
    self.status = status
    self.value = value
    self.note = note
  }

  /// The amount, when the row holds one.
  public var amount: Amount? {
    if case .amount(let amount) = value { return amount }
    return nil
  }

  /// The percent, when the row holds one.
  public var percent: Percent? {
    if case .percent(let percent) = value { return percent }
    return nil
  }

  /// The text, when the row holds text.
  public var text: String? {
    if case .text(let text) = value { return text }
    return nil
  }
}

/// One reporting person's cover page.
public struct CoverPage: Hashable, Sendable {
  /// The 1-based position of the page among the filing's cover pages.
  public var index: Int
  /// The 1-based line where the page starts.
  public var line: Int
  /// The rows found on the page; a row the page lacks is absent here.
  public var rows: [RowField: Row]
  /// The CUSIP printed on the page's own header, if any.
  public var cusip: String?

  /// Creates a cover page.
  public init(index: Int, line: Int, rows: [RowField: Row], cusip: String? = nil) {
    self.index = index
    self.line = line
    self.rows = rows
    self.cusip = cusip
  }

  /// The reporting person's name, when row 1 was read.
  public var reportingPersonName: String? {
    rows[.reportingPersonName]?.text
  }

  /// Attributes row 11 to other reporting persons, as if it read "owned by ...", when it names nobody.
  ///
  /// Relationships that the page itself does not state (said in the filing's prose, or declared in a
  /// configuration file) reach the ownership rules this way. A row 11 that states its own attribution, or
  /// holds no amount, is left as read.
  ///
  /// - Parameters:
  ///   - names: The reporting persons whose shares row 11 stands for.
  ///   - note: Where the relationship comes from, kept as the row's note.
  ///   - source: Whether the relationship was read from prose or declared in the configuration.
  /// - Returns: Whether the attribution was added.
  @discardableResult
  public mutating func attributeAggregate(to names: [String], note: String, source: AttributionSource) -> Bool {
    guard !names.isEmpty, var row = rows[.aggregateAmountOwned], var amount = row.amount,
      amount.attributedTo.isEmpty
    else { return false }
    amount.attributedTo = names
    amount.attributionSource = source
    row.value = .amount(amount)
    row.note = note
    rows[.aggregateAmountOwned] = row
    return true
  }
}

/// A name found outside the cover pages: a signature or a party to the joint filing agreement.
public struct NamedMention: Hashable, Sendable {
  /// The name as printed (lines joined).
  public var name: String
  /// The 1-based line where it is printed.
  public var line: Int
  /// What the name was read from, which says how far a finding may rest on it.
  public var evidence: MentionEvidence

  /// Creates a mention.
  ///
  /// - Parameters:
  ///   - name: The name as printed.
  ///   - line: The 1-based line.
  ///   - evidence: What it was read from; a signature block's layout unless said otherwise.
  public init(name: String, line: Int, evidence: MentionEvidence = .layout) {
    self.name = name
    self.line = line
    self.evidence = evidence
  }
}

/// What a name outside the cover pages was read from.
public enum MentionEvidence: String, Sendable, Hashable, Comparable {
  /// A structured field: an XML filing's signature tab. The filer stated it as such.
  case structured = "signature tab"
  /// The layout of a signature block in text or HTML: an inference from where names stand.
  case layout = "signature block"
  /// The prose of the filing, such as the list of parties in a joint filing agreement: an inference.
  case prose = "agreement text"

  /// Orders evidence from the strongest (structured) to the weakest (prose).
  public static func < (lhs: MentionEvidence, rhs: MentionEvidence) -> Bool {
    rank(lhs) < rank(rhs)
  }

  private static func rank(_ evidence: MentionEvidence) -> Int {
    switch evidence {
    case .structured: 0
    case .layout: 1
    case .prose: 2
    }
  }
}

/// A value read from the filing's body with the line it stands on.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
  /// The value.
  public var value: Value
  /// The 1-based line it was read from.
  public var line: Int

  /// Creates a located value.
  public init(_ value: Value, line: Int) {
    self.value = value
    self.line = line
  }
}
