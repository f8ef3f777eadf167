import BocheckModel

/// The shares-outstanding figure a file's percents were checked against, as reports show it.
///
/// Reporting does not depend on the rule engine; the command line turns the engine's basis into this.
public struct ReportedBasis: Hashable, Sendable {
  /// Where a basis comes from.
  public enum Source: String, Hashable, Sendable, CaseIterable {
    /// Given on the command line with `--shares-outstanding`.
    case option
    /// Stated in the filing itself (Item 5, a footnote, a comment).
    case stated
    /// Implied by the cover pages' percents taken together.
    case implied
    /// Given per issuer CUSIP in the configuration file (`sharesOutstanding` in `.bocheck.json`).
    case configuration
  }

  /// The number of shares outstanding.
  public var value: ExactDecimal
  /// Where the figure comes from.
  public var source: Source
  /// The 1-based line the filing states it on, when it does.
  public var line: Int?

  /// Creates a basis.
  ///
  /// - Parameters:
  ///   - value: The number of shares outstanding.
  ///   - source: Where the figure comes from.
  ///   - line: The 1-based line of the statement, or `nil`.
  public init(value: ExactDecimal, source: Source, line: Int?) {
    self.value = value
    self.source = source
    self.line = line
  }

  /// The basis the filing itself states, when it states one.
  ///
  /// - Parameter filing: A filing as read.
  public static func stated(in filing: Filing) -> ReportedBasis? {
    filing.statedSharesOutstanding.map { ReportedBasis(value: $0.value, source: .stated, line: $0.line) }
  }
}

/// One checked (or only parsed) file: the filing as read, the findings and the basis used.
public struct FileReport: Hashable, Sendable {
  /// The filing as read.
  public var filing: Filing
  /// The findings, in any order; reports sort them with ``Finding/reportOrder(_:_:)``.
  public var findings: [Finding]
  /// The shares-outstanding basis the percents were checked against, or `nil` when there was none.
  public var basis: ReportedBasis?

  /// Creates a report of one file.
  ///
  /// - Parameters:
  ///   - filing: The filing as read.
  ///   - findings: What the rules found.
  ///   - basis: The shares-outstanding basis used, if any.
  public init(filing: Filing, findings: [Finding], basis: ReportedBasis?) {
    self.filing = filing
    self.findings = findings
    self.basis = basis
  }

  /// The findings in report order: by line, column, rule and message.
  public var sortedFindings: [Finding] {
    Finding.inReportOrder(findings)
  }

  /// The path as reports print it: `<stdin>` for standard input (`-`), the path as given otherwise.
  public var displayPath: String {
    FileReport.displayPath(filing.path)
  }

  /// What reports title the file with: the display path, then, when the file holds several filings,
  /// which one this is: `feed.nc (filing 2 of 3, from line 812)`.
  public var displayName: String {
    FileReport.displayName(filing.path, position: filing.position)
  }

  /// What reports title a filing with: its path as printed, then its position in parentheses when its
  /// file holds several filings.
  ///
  /// - Parameters:
  ///   - path: A path as given on the command line, or as the CI formats print it.
  ///   - position: Which filing of its file it is, or `nil` when the file holds one.
  public static func displayName(_ path: String, position: FilingPosition?) -> String {
    let shown = displayPath(path)
    return position.map { "\(shown) (\($0))" } ?? shown
  }

  /// The path as reports print it.
  ///
  /// - Parameter path: A path as given on the command line; `-` stands for standard input.
  public static func displayPath(_ path: String) -> String {
    path == "-" ? "<stdin>" : path
  }
}

/// How many files and filings a report has shown, for its total.
///
/// A file that holds several filings is reported as several ``FileReport``s of the same path, one after
/// the other; each counts as a filing, and the run of them as one file.
public struct FileTally: Hashable, Sendable {
  /// How many files.
  public private(set) var files = 0
  /// How many filings: the reports counted.
  public private(set) var filings = 0
  private var lastPath: String?

  /// Creates a tally of nothing.
  public init() {}

  /// Counts one report.
  ///
  /// - Parameter report: A checked filing, in report order.
  public mutating func add(_ report: FileReport) {
    if report.filing.position == nil || report.filing.path != lastPath { files += 1 }
    filings += 1
    lastPath = report.filing.path
  }

  /// The files checked in words: `2 files` when each holds one filing, else `1 file (3 filings)`.
  public var phrase: String {
    let counted = SeverityCounts.counted(files, "file")
    return filings == files ? counted : "\(counted) (\(SeverityCounts.counted(filings, "filing")))"
  }
}

/// How many findings of each severity one or more files have.
public struct SeverityCounts: Hashable, Sendable {
  /// The number of errors.
  public var errors = 0
  /// The number of warnings.
  public var warnings = 0
  /// The number of notes.
  public var notes = 0

  /// Creates counts of zero.
  public init() {}

  /// Counts the findings, reading each one's severity in place (iterating copied each finding, counting a
  /// reference to each of its texts).
  ///
  /// - Parameter findings: Any findings.
  public init(_ findings: [Finding]) {
    for index in findings.indices { add(findings[index].severity) }
  }

  /// Adds one finding of a severity.
  ///
  /// - Parameter severity: The finding's severity.
  public mutating func add(_ severity: Severity) {
    switch severity {
    case .error: errors += 1
    case .warning: warnings += 1
    case .note: notes += 1
    }
  }

  /// Adds other counts to these.
  ///
  /// - Parameter other: The counts to add.
  public mutating func add(_ other: SeverityCounts) {
    errors += other.errors
    warnings += other.warnings
    notes += other.notes
  }

  /// The counts in words, such as `2 errors, 1 warning, 0 notes`.
  public var phrase: String {
    [
      SeverityCounts.counted(errors, "error"), SeverityCounts.counted(warnings, "warning"),
      SeverityCounts.counted(notes, "note"),
    ].joined(separator: ", ")
  }

  /// A count followed by its noun, in the plural unless the count is one.
  ///
  /// - Parameters:
  ///   - count: How many.
  ///   - noun: The noun in the singular.
  static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
