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
  /// The lines are written into one buffer of UTF-8 bytes (``ReportText``), made into text once.
  ///
  /// - Parameters:
  ///   - file: The file.
  ///   - isFirst: Whether it is the first file of the report.
  public func renderFile(_ file: FileReport, isFirst: Bool) -> String {
    var output = ReportText()
    if !isFirst { output.append("\n") }
    let path = file.displayPath
    for finding in file.sortedFindings {
      appendFinding(finding, path: path, schedule: file.filing.schedule, to: &output)
    }
    output.append(summaryLine(file, counts: SeverityCounts(file.findings)))
    output.append("\n")
    return output.text
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
    var output = ReportText()
    appendFinding(finding, path: path, schedule: schedule, to: &output)
    return output.lines
  }

  /// Writes the lines of one finding (``findingLines(_:path:schedule:)``), each ending with a line feed.
  ///
  /// - Parameters:
  ///   - finding: The finding.
  ///   - path: The file's path as printed.
  ///   - schedule: The filing's schedule, which names the finding's row.
  ///   - output: The report written so far.
  private func appendFinding(_ finding: Finding, path: String, schedule: Schedule, to output: inout ReportText) {
    appendStyled(.bold, to: &output) { output in
      output.appendOneLine(path)
      output.append(":")
      output.append(finding.line)
      output.append(":")
      output.append(finding.column)
      output.append(":")
    }
    output.append(" ")
    appendStyled(TextReport.style(of: finding.severity), to: &output) { output in
      output.append(finding.severity.rawValue)
      output.append(":")
    }
    output.append(" ")
    appendStyled(.bold, to: &output) { $0.appendOneLine(finding.message) }
    output.append(" [")
    output.append(finding.ruleID)
    output.append("]\n    ")
    TextReport.appendContext(of: finding, schedule: schedule, to: &output)
    output.append("\n")
    if let comparison = TextReport.comparison(of: finding) {
      output.append("    ")
      output.append(comparison)
      output.append("\n")
    }
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
    var output = ReportText()
    appendContext(of: finding, schedule: schedule, to: &output)
    return output.text
  }

  /// Writes where a finding is, in words (``context(of:schedule:)``).
  ///
  /// - Parameters:
  ///   - finding: The finding.
  ///   - schedule: The filing's schedule, which names the row.
  ///   - output: The report written so far.
  private static func appendContext(of finding: Finding, schedule: Schedule, to output: inout ReportText) {
    if let page = finding.page {
      output.append("cover page ")
      output.append(page)
      output.append(" (")
      // Made one line, a name stays as long as it was: an empty one is the only one without a name.
      if let person = finding.person, !person.isEmpty { output.appendOneLine(person) } else { output.append("no name") }
      output.append(")")
    }
    if let row = finding.row {
      if finding.page != nil { output.append(", ") }
      output.append("row ")
      output.append(row)
      if let field = RowField.field(number: row, in: schedule) {
        output.append(" (")
        output.append(field.caption)
        output.append(")")
      }
    }
    if finding.page == nil && finding.row == nil { output.append("the filing as a whole") }
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
    var text = text
    // Most texts hold no control character and are returned as they are.
    guard text.withUTF8({ ReportText.firstControl(in: $0) }) != nil else { return text }
    var output = ReportText()
    output.appendOneLine(text)
    return output.text
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
    guard colors else { return text }
    var output = ReportText()
    appendStyled(style, to: &output) { $0.append(text) }
    return output.text
  }

  /// Writes what `body` writes in a style, when the report is coloured (``styled(_:_:)``).
  ///
  /// - Parameters:
  ///   - style: The style.
  ///   - output: The report written so far.
  ///   - body: Writes the styled text.
  private func appendStyled(_ style: Style, to output: inout ReportText, _ body: (inout ReportText) -> Void) {
    guard colors else { return body(&output) }
    output.append("\u{1B}[")
    output.append(style.rawValue)
    output.append("m")
    body(&output)
    output.append("\u{1B}[0m")
  }
}

/// A text report being written, as UTF-8 bytes.
///
/// Pieces are appended as bytes (whole numbers as their digits) into a ``ByteOutput``, as the JSON writer's are,
/// and the text is made once, at the end: a report of many findings builds no `String` for each piece of each line.
struct ReportText {
  /// The bytes written so far.
  private var output = ByteOutput()

  /// The text written.
  var text: String { output.text }

  /// The lines written, each without its line feed (the text ends with one).
  var lines: [String] {
    output.withBytes { bytes in
      bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map {
        String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self)
      }
    }
  }

  /// Appends a text.
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { output.append($0) }
  }

  /// Appends a whole number's decimal digits (with a minus sign when it is negative).
  mutating func append(_ number: Int) {
    ExactDecimal.withWholeNumberText(number) { output.append($0) }
  }

  /// Appends a text with every control character replaced by a space (``TextReport/oneLine(_:)``).
  mutating func appendOneLine(_ text: String) {
    var text = text
    text.withUTF8 { text in
      var start = 0
      while let control = ReportText.firstControl(in: text, from: start) {
        output.append(UnsafeBufferPointer(rebasing: text[start..<control.offset]))
        output.append(0x20)
        start = control.offset + control.length
      }
      output.append(UnsafeBufferPointer(rebasing: text[start...]))
    }
  }

  /// The first control character of UTF-8 bytes from an offset on: its offset and its length in bytes.
  ///
  /// C0 controls and DEL are one byte, C1 controls (U+0080-U+009F) are C2 80-C2 9F, the line and paragraph
  /// separators (U+2028, U+2029) E2 80 A8 and E2 80 A9.
  ///
  /// - Parameters:
  ///   - bytes: Valid UTF-8 bytes.
  ///   - start: The offset to start at, at the start of a character.
  /// - Returns: The control character, or `nil` when none follows `start`.
  static func firstControl(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> (offset: Int, length: Int)? {
    var index = start
    // Eight bytes at a time while all are printable ASCII (0x20-0x7E): with no high bit set, adding 0x60 to a
    // byte sets its high bit when it is at least 0x20, and adding 1 when it is 0x7F, with no carry between bytes.
    if let base = bytes.baseAddress {
      while index + 8 <= bytes.count {
        let word = ByteWord.load(UnsafeRawPointer(base), at: index)
        let isPrintable =
          ByteWord.isASCII(word) && (word &+ ByteWord.repeating(0x60)) & ByteWord.highBits == ByteWord.highBits
          && (word &+ ByteWord.eachByte) & ByteWord.highBits == 0
        guard isPrintable else { break }
        index += 8
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x20 || byte == 0x7F { return (index, 1) }
      if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return (index, 2) }
      if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
      {
        return (index, 3)
      }
      index += 1
    }
    return nil
  }
}
