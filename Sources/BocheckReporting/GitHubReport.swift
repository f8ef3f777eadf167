import BocheckModel

/// The report of `bocheck check --format github`: GitHub Actions workflow commands, one line per finding.
///
///     ::error file=Samples/a.txt,line=196,col=65,title=bocheck parent-sum::Name: row 11 reports ...
///
/// An error is `::error`, a warning `::warning` and a note `::notice`; the runner turns each line into an
/// annotation on the file and line (paths are relative to the source root, see ``ReportPaths``). Values
/// are escaped as the runner unescapes them: in the message `%` becomes `%25` (first), CR `%0D` and LF
/// `%0A`; in property values also `:` becomes `%3A` and `,` `%2C`. A file without findings writes
/// nothing.
public enum GitHubReport {
  /// The workflow commands of one file's findings, in report order, each ending with a newline.
  ///
  /// - Parameters:
  ///   - file: A checked file.
  ///   - paths: How its path is made relative to the source root.
  public static func renderFile(_ file: FileReport, paths: ReportPaths) -> String {
    let path = paths.reportPath(file.filing.path)
    return file.sortedFindings.map { command($0, path: path, position: file.filing.position) + "\n" }.joined()
  }

  /// The report of checked files.
  ///
  /// - Parameters:
  ///   - files: The files read, in order.
  ///   - paths: How paths are made relative to the source root.
  public static func render(_ files: [FileReport], paths: ReportPaths) -> String {
    files.map { renderFile($0, paths: paths) }.joined()
  }

  /// The workflow command of one finding, without a newline.
  ///
  /// - Parameters:
  ///   - finding: The finding.
  ///   - path: Its file's report path.
  ///   - position: Which filing of its file it belongs to, when the file holds several; the title then
  ///     says so: `bocheck parent-sum (filing 2 of 3, from line 812)`.
  public static func command(_ finding: Finding, path: String, position: FilingPosition? = nil) -> String {
    let title = "bocheck \(finding.ruleID)" + (position.map { " (\($0))" } ?? "")
    let properties = [
      "file=" + escapeProperty(path), "line=\(max(1, finding.line))", "col=\(max(1, finding.column))",
      "title=" + escapeProperty(title),
    ]
    return "::\(commandName(finding.severity)) \(properties.joined(separator: ","))::\(escapeData(finding.message))"
  }

  /// The command for a severity: `error`, `warning` or `notice`.
  ///
  /// - Parameter severity: A finding's severity.
  public static func commandName(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "notice"
    }
  }

  /// A command's message escaped as the runner expects: `%` to `%25` first, then CR to `%0D`, LF to `%0A`.
  ///
  /// - Parameter text: Any text.
  public static func escapeData(_ text: String) -> String {
    text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
  }

  /// A property value escaped as the runner expects: as ``escapeData(_:)``, then `:` to `%3A` and `,` to
  /// `%2C`.
  ///
  /// - Parameter text: Any text.
  public static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
  }
}

extension String {
  /// The text with every occurrence of one scalar replaced by a string, scalar by scalar (so that `\r\n`
  /// is two characters to replace, as the runner sees it, not one grapheme).
  fileprivate func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
    var output = ""
    for scalar in unicodeScalars {
      if scalar == target { output += replacement } else { output.unicodeScalars.append(scalar) }
    }
    return output
  }
}
