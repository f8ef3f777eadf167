/// What kind of security an itemised part of an amount is.
///
/// Parts that the person can acquire (convertible, warrant, option) are not yet outstanding: Rule
/// 13d-3(d)(1)(i) adds them to the person's own denominator when its percent of class is computed.
public enum PartKind: String, Sendable, CaseIterable, Codable {
  /// Shares of the class itself.
  case common
  /// Shares issuable on conversion of notes, preferred stock or other convertibles.
  case convertible
  /// Shares issuable on exercise of warrants or purchase rights.
  case warrant
  /// Shares issuable on exercise of options.
  case option
  /// Anything the reader could not classify.
  case other

  /// Whether shares of this kind are ones the holder has the right to acquire.
  public var isAcquirable: Bool {
    switch self {
    case .convertible, .warrant, .option: return true
    case .common, .other: return false
    }
  }
}

/// One itemised part of an amount, such as "(ii) 433,266 shares of Common Stock issuable upon conversion".
public struct AmountPart: Hashable, Sendable {
  /// The part's own label as printed, such as `ii`, or its 1-based position when unlabelled.
  public var label: String
  /// What kind of security the part is.
  public var kind: PartKind
  /// The number of shares in the part.
  public var shares: ExactDecimal
  /// The part's text as printed.
  public var text: String

  /// Creates a part.
  public init(label: String, kind: PartKind, shares: ExactDecimal, text: String) {
    self.label = label
    self.kind = kind
    self.shares = shares
    self.text = text
  }
}

/// How an amount's itemised parts relate to its total.
public enum PartsRelation: String, Sendable, Codable {
  /// No parts are listed.
  case none
  /// "consisting of": the parts add up to the total.
  case consistingOf
  /// "including": the parts are some of the total and may not exceed it.
  case including
}

/// Where an amount's attribution to other reporting persons comes from, which decides how much a finding
/// that rests on it can claim.
public enum AttributionSource: String, Sendable, Codable {
  /// Printed in the row itself ("owned by X"): evidence on the cover page.
  case printed
  /// Declared in the configuration file by the user.
  case configuration
  /// Inferred from the filing's prose ("X, the general partner of Y"): an inference, not a printed fact.
  case prose
}

/// A number of shares as a cover-page row states it: the total, its itemised parts and whose shares they are.
public struct Amount: Hashable, Sendable {
  /// The total number of shares.
  public var shares: ExactDecimal
  /// The itemised parts, in the order printed.
  public var parts: [AmountPart]
  /// Whether the parts are all of the total or only some of it.
  public var partsRelation: PartsRelation
  /// The names the amount is attributed to ("owned by X", "collectively owned by A and B"), as printed.
  public var attributedTo: [String]
  /// Where ``attributedTo`` comes from.
  public var attributionSource: AttributionSource = .printed
  /// The footnote markers printed with the total, without their brackets: `1` for `12,345(1)`, `*`, `†`, `a`.
  public var markers: [String]
  /// The footnote the parts were itemised in, when they come from one rather than from the value itself.
  public var partsFootnote: Located<String>?

  /// Creates an amount.
  ///
  /// - Parameters:
  ///   - shares: The total number of shares.
  ///   - parts: The itemised parts, in printed order.
  ///   - partsRelation: Whether the parts are all of the total or some of it.
  ///   - attributedTo: The names the amount is attributed to.
  ///   - markers: The footnote markers printed with the total.
  ///   - partsFootnote: The footnote the parts come from (its marker and 1-based line), if any.
  public init(
    shares: ExactDecimal, parts: [AmountPart] = [], partsRelation: PartsRelation = .none,
    attributedTo: [String] = [], markers: [String] = [], partsFootnote: Located<String>? = nil
  ) {
    self.shares = shares
    self.parts = parts
    self.partsRelation = partsRelation
    self.attributedTo = attributedTo
    self.markers = markers
    self.partsFootnote = partsFootnote
  }
}

/// A percent of class as printed in row 13 (13G: row 11).
public struct Percent: Hashable, Sendable {
  /// The printed value, whose scale is its printed precision.
  public var value: ExactDecimal
  /// The footnote markers printed with the percent, without their brackets (`2` for `5.1%(2)`).
  public var markers: [String]
  /// The shares outstanding that a footnote to this percent states as its basis, with the footnote's line.
  public var statedBasis: Located<ExactDecimal>?

  /// Creates a percent.
  ///
  /// - Parameters:
  ///   - value: The printed value, in percent, its scale the printed precision.
  ///   - markers: The footnote markers printed with it.
  ///   - statedBasis: The shares outstanding its footnote states as the basis, if any.
  public init(value: ExactDecimal, markers: [String] = [], statedBasis: Located<ExactDecimal>? = nil) {
    self.value = value
    self.markers = markers
    self.statedBasis = statedBasis
  }

  /// The number of decimals printed.
  public var decimals: Int { value.scale }
}
