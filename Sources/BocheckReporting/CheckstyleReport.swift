import BocheckModel

/// The checkstyle XML report of `bocheck check --format checkstyle`, for tools that read checkstyle
/// results (reviewdog, Jenkins Warnings, many editors).
///
///     <?xml version="1.0" encoding="UTF-8"?>
///     <checkstyle version="4.3">
///       <file name="Samples/a.txt">
///         <error line="196" column="65" severity="error" message="..." source="bocheck.parent-sum"/>
///       </file>
///     </checkstyle>
///
/// Every file read has a `<file>` element, empty when it has no finding; findings are in report order. A
/// note's severity is `info`. Paths are relative to the source root (see ``ReportPaths``). The output ends
/// with a newline.
public enum CheckstyleReport {
  /// The report of checked files.
  ///
  /// - Parameters:
  ///   - files: The files read, in order.
  ///   - paths: How paths are made relative to the source root.
  public static func render(_ files: [FileReport], paths: ReportPaths) -> String {
    begin() + files.map { renderFile($0, paths: paths) }.joined() + end()
  }

  /// The declaration and the opening `<checkstyle>` tag.
  public static func begin() -> String {
    XMLText.declaration + "<checkstyle version=\"4.3\">\n"
  }

  /// One file's `<file>` element with its findings, ending with a newline.
  ///
  /// - Parameters:
  ///   - file: A checked file.
  ///   - paths: How its path is made relative to the source root.
  public static func renderFile(_ file: FileReport, paths: ReportPaths) -> String {
    let name = XMLText.attribute(paths.reportPath(file.filing.path))
    let findings = file.sortedFindings
    guard !findings.isEmpty else { return "  <file name=\"\(name)\"/>\n" }
    var text = "  <file name=\"\(name)\">\n"
    // Each filing of a file that holds several is a <file> element of its own; its messages say which.
    let suffix = file.filing.position.map { " (\($0))" } ?? ""
    for finding in findings {
      text +=
        "    <error line=\"\(max(1, finding.line))\" column=\"\(max(1, finding.column))\" "
        + "severity=\"\(severity(finding.severity))\" message=\"\(XMLText.attribute(finding.message + suffix))\" "
        + "source=\"\(XMLText.attribute("bocheck." + finding.ruleID))\"/>\n"
    }
    return text + "  </file>\n"
  }

  /// The closing tag, ending with a newline.
  public static func end() -> String {
    "</checkstyle>\n"
  }

  /// The checkstyle severity: `error`, `warning` or `info`.
  ///
  /// - Parameter severity: A finding's severity.
  public static func severity(_ severity: Severity) -> String {
    severity == .note ? "info" : severity.rawValue
  }
}
