import BocheckModel

/// The text report of `bocheck check`: one line per finding as compilers print them, then context.
///
/// For each finding:
///
///     path:line:column: severity: message [rule-id]
///         cover page 6 (Name), row 11 (aggregate amount beneficially owned)
///         expected 1,200,001, found 1,200,000
///
/// The third line appears only when the finding says what was expected or found. After a file's findings
/// comes its summary line, `path: 2 errors, 7 warnings, 0 notes; shares outstanding 12,500,000 (stated,
/// line 80)`; files are separated by a blank line, and several files (or any unreadable one) end with a
/// `total:` line. A file that holds several filings is reported as one block per filing, each summary
/// line naming it: `feed.nc (filing 2 of 3, from line 812): 1 error, ...`. Text taken from the filing has its control characters replaced by spaces, so that a
/// finding always takes one line and a filing cannot send escape sequences to the terminal.
public struct TextReport: Sendable {
  /// Whether to colour the output with ANSI escape sequences.
  public var colors: Bool

  /// Creates a text report.
  ///
  /// - Parameter colors: Whether to colour severities and locations (only for a terminal).
  public init(colors: Bool) {
    self.colors = colors
  }

  /// The report of the files read.
  ///
  /// - Parameters:
  ///   - files: The files read, in the order given.
  ///   - unreadableCount: How many other inputs could not be read (reported on standard error).
  /// - Returns: The report, ending with a newline.
  public func render(_ files: [FileReport], unreadableCount: Int = 0) -> String {
    var totals = SeverityCounts()
    var tally = FileTally()
    var text = ""
    for (position, file) in files.enumerated() {
      text += renderFile(file, isFirst: position == 0)
      totals.add(SeverityCounts(file.findings))
      tally.add(file)
    }
    return text + renderTotal(tally, totals: totals, unreadableCount: unreadableCount)
  }

  /// One file's findings and summary line, preceded by a blank line unless it is the first file.
  ///
  /// - Parameters:
  ///   - file: The file.
  ///   - isFirst: Whether it is the first file of the report.
  public func renderFile(_ file: FileReport, isFirst: Bool) -> String {
    var lines: [String] = isFirst ? [] : [""]
    for finding in file.sortedFindings {
      lines.append(contentsOf: findingLines(finding, path: file.displayPath, schedule: file.filing.schedule))
    }
    lines.append(summaryLine(file, counts: SeverityCounts(file.findings)))
    return lines.map { $0 + "\n" }.joined()
  }

  /// The total line, when there is more than one file or filing, or an unreadable input; otherwise
  /// nothing.
  ///
  /// A file that holds several filings is counted once, with the filings in parentheses:
  /// `total: 1 file (3 filings) checked, 2 errors, 0 warnings, 0 notes`.
  ///
  /// - Parameters:
  ///   - tally: The files and filings reported.
  ///   - totals: Their findings, counted by severity.
  ///   - unreadableCount: How many inputs (or filings of an input) could not be read.
  public func renderTotal(_ tally: FileTally, totals: SeverityCounts, unreadableCount: Int) -> String {
    guard tally.filings > 1 || unreadableCount > 0 else { return "" }
    var total = "total: \(tally.phrase) checked, \(totals.phrase)"
    if unreadableCount > 0 { total += ", \(unreadableCount) unreadable" }
    return (tally.filings > 0 ? "\n" : "") + total + "\n"
  }

  /// The lines of one finding: the location line, the context line and, when known, expected and found.
  ///
  /// - Parameters:
  ///   - finding: The finding.
  ///   - path: The file's path as printed.
  ///   - schedule: The filing's schedule, which names the finding's row.
  public func findingLines(_ finding: Finding, path: String, schedule: Schedule) -> [String] {
    let location = "\(TextReport.oneLine(path)):\(finding.line):\(finding.column):"
    let severity = "\(finding.severity.rawValue):"
    var lines = [
      "\(styled(location, .bold)) \(styled(severity, TextReport.style(of: finding.severity))) "
        + "\(styled(TextReport.oneLine(finding.message), .bold)) [\(finding.ruleID)]",
      "    " + TextReport.context(of: finding, schedule: schedule),
    ]
    if let comparison = TextReport.comparison(of: finding) {
      lines.append("    " + comparison)
    }
    return lines
  }

  /// Where a finding is, in words: `cover page 6 (Name), row 11 (aggregate amount beneficially owned)`.
  ///
  /// A page without a name reads `cover page 3 (no name)`; a finding about the whole filing reads
  /// `the filing as a whole`.
  ///
  /// - Parameters:
  ///   - finding: The finding.
  ///   - schedule: The filing's schedule, which names the row.
  public static func context(of finding: Finding, schedule: Schedule) -> String {
    var parts: [String] = []
    if let page = finding.page {
      let name = finding.person.map(oneLine).flatMap { $0.isEmpty ? nil : $0 } ?? "no name"
      parts.append("cover page \(page) (\(name))")
    }
    if let row = finding.row {
      if let field = RowField.field(number: row, in: schedule) {
        parts.append("row \(row) (\(field.caption))")
      } else {
        parts.append("row \(row)")
      }
    }
    return parts.isEmpty ? "the filing as a whole" : parts.joined(separator: ", ")
  }

  /// `expected X, found Y` (or either half alone), with numbers grouped by thousands; `nil` when the
  /// finding states neither.
  ///
  /// - Parameter finding: The finding.
  public static func comparison(of finding: Finding) -> String? {
    switch (finding.expected.map(groupedNumber), finding.actual.map(groupedNumber)) {
    case (let expected?, let actual?): return "expected \(expected), found \(actual)"
    case (let expected?, nil): return "expected \(expected)"
    case (nil, let actual?): return "found \(actual)"
    case (nil, nil): return nil
    }
  }

  /// The summary line of a file: its path (and which filing it is, when the file holds several), its
  /// counts and the shares-outstanding basis used.
  ///
  /// - Parameters:
  ///   - file: The file's report.
  ///   - counts: Its findings counted by severity.
  public func summaryLine(_ file: FileReport, counts: SeverityCounts) -> String {
    "\(styled(TextReport.oneLine(file.displayName) + ":", .bold)) \(counts.phrase); "
      + TextReport.basisPhrase(file.basis)
  }

  /// The basis in words: `shares outstanding 12,500,000 (stated, line 80)`, `(--shares-outstanding)`,
  /// `(implied by the cover pages)`, `(configuration file)`, or `no shares-outstanding basis`.
  ///
  /// - Parameter basis: The basis, or `nil`.
  public static func basisPhrase(_ basis: ReportedBasis?) -> String {
    guard let basis else { return "no shares-outstanding basis" }
    let origin: String
    switch basis.source {
    case .option: origin = "--shares-outstanding"
    case .stated: origin = basis.line.map { "stated, line \($0)" } ?? "stated"
    case .implied: origin = "implied by the cover pages"
    case .configuration: origin = "configuration file"
    }
    return "shares outstanding \(basis.value) (\(origin))"
  }

  /// The text with every control character (line breaks, tabs, escape) replaced by a space.
  ///
  /// - Parameter text: Text that may come from a filing.
  public static func oneLine(_ text: String) -> String {
    // On the UTF-8 bytes: C0 controls and DEL are one byte, C1 controls (U+0080-U+009F) are C2 80-C2 9F, the
    // line and paragraph separators (U+2028, U+2029) E2 80 A8 and E2 80 A9. Most texts hold none of them and
    // are returned as they are.
    func controlLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
      let byte = bytes[index]
      if byte < 0x20 || byte == 0x7F { return 1 }
      if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return 2 }
      if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
      {
        return 3
      }
      return 0
    }
    var text = text
    return text.withUTF8 { bytes in
      guard let first = bytes.indices.first(where: { controlLength(bytes, $0) > 0 }) else { return nil }
      var output = Array(bytes[..<first])
      output.reserveCapacity(bytes.count)
      var index = first
      while index < bytes.count {
        let length = controlLength(bytes, index)
        if length > 0 {
          output.append(0x20)
          index += length
        } else {
          output.append(bytes[index])
          index += 1
        }
      }
      return String(decoding: output, as: UTF8.self)
    } ?? text
  }

  /// A number grouped by thousands (`1200001` becomes `1,200,001`), other text made one line.
  static func groupedNumber(_ text: String) -> String {
    ExactDecimal.parse(text).map { $0.formatted(grouping: true) } ?? oneLine(text)
  }

  /// ANSI styles used in the report.
  enum Style: String {
    case bold = "1"
    case boldRed = "1;31"
    case boldMagenta = "1;35"
    case boldCyan = "1;36"
  }

  static func style(of severity: Severity) -> Style {
    switch severity {
    case .error: return .boldRed
    case .warning: return .boldMagenta
    case .note: return .boldCyan
    }
  }

  func styled(_ text: String, _ style: Style) -> String {
    colors ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}
