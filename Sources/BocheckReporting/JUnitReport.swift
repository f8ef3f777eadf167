import BocheckModel

/// The JUnit XML report of `bocheck check --format junit`, for CI dashboards that read test results.
///
///     <?xml version="1.0" encoding="UTF-8"?>
///     <testsuites name="bocheck" tests="30" failures="3" errors="0">
///       <testsuite name="Samples/a.txt" tests="15" failures="2" errors="0" skipped="0">
///         <testcase classname="Samples/a.txt" name="component-sum"/>
///         <testcase classname="Samples/a.txt" name="parent-sum">
///           <failure message="2 errors: ..." type="error">Samples/a.txt:196:65: error: ...</failure>
///         </testcase>
///       </testsuite>
///     </testsuites>
///
/// Each file read is a test suite with one test case per rule (the rules in order, then any rule that
/// reported without being listed), so names are unique within a suite and the file tells suites apart. A
/// rule that found something at or above the fail-on severity fails: its `<failure>` has the counts and the
/// rule's summary as `message`,
/// the most severe severity as `type`, and the findings as the text report prints them as its text. An
/// input that could not be read is a suite with one test case, `read`, in error. Paths are relative to the
/// source root (see ``ReportPaths``). A rule whose findings are all below the fail-on severity passes and
/// lists them in its `<system-out>`, as `--fail-on` does for the exit status. No timings are written, so the
/// output is deterministic.
public struct JUnitReport: Sendable {
  private let rules: [ReportedRule]
  private let paths: ReportPaths
  private let failOn: Severity
  private var suites: [String] = []
  private var tests = 0
  private var failures = 0
  private var errors = 0

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - rules: The rules that ran: each is a test case of every file.
  ///   - paths: How paths are made relative to the source root.
  ///   - failOn: The least severity that fails a test case (as `--fail-on`); every finding by default.
  public init(rules: [ReportedRule], paths: ReportPaths, failOn: Severity = .note) {
    self.rules = rules
    self.paths = paths
    self.failOn = failOn
  }

  /// The report of checked files, with no unreadable input.
  ///
  /// - Parameters:
  ///   - files: The files read, in order.
  ///   - rules: The rules that ran.
  ///   - paths: How paths are made relative to the source root.
  public static func render(_ files: [FileReport], rules: [ReportedRule], paths: ReportPaths) -> String {
    var report = JUnitReport(rules: rules, paths: paths)
    for file in files { report.add(file) }
    return report.render()
  }

  /// Adds one checked file as a test suite.
  ///
  /// - Parameter file: A checked file.
  public mutating func add(_ file: FileReport) {
    let path = paths.reportPath(file.filing.path)
    // A filing of a file that holds several is a suite of its own, named with its position.
    let name = FileReport.displayName(path, position: file.filing.position)
    var byRule: [String: [Finding]] = [:]
    for finding in file.sortedFindings { byRule[finding.ruleID, default: []].append(finding) }
    let listed = Set(rules.map(\.id))
    let unlisted = byRule.keys.filter { !listed.contains($0) }.sorted()
    var seen: Set<String> = []
    let ids = (rules.map(\.id) + unlisted).filter { seen.insert($0).inserted }
    let summaries = Dictionary(rules.map { ($0.id, $0.summary) }, uniquingKeysWith: { first, _ in first })
    let text = TextReport(colors: false)
    var cases = ""
    var failed = 0
    for id in ids {
      let opening = "    <testcase classname=\"\(XMLText.attribute(name))\" name=\"\(XMLText.attribute(id))\""
      guard let findings = byRule[id], let worst = findings.map(\.severity).max() else {
        cases += opening + "/>\n"
        continue
      }
      let body = findings.flatMap { text.findingLines($0, path: path, schedule: file.filing.schedule) }
        .joined(separator: "\n")
      guard worst >= failOn else {
        cases += opening + ">\n      <system-out>" + XMLText.content(body) + "</system-out>\n    </testcase>\n"
        continue
      }
      failed += 1
      let counts = SeverityCounts(findings)
      let message = JUnitReport.countsPhrase(counts) + (summaries[id].map { ": " + $0 } ?? "")
      cases +=
        opening + ">\n      <failure message=\"\(XMLText.attribute(message))\" type=\"\(worst.rawValue)\">"
        + XMLText.content(body) + "</failure>\n    </testcase>\n"
    }
    suites.append(
      "  <testsuite name=\"\(XMLText.attribute(name))\" tests=\"\(ids.count)\" failures=\"\(failed)\" "
        + "errors=\"0\" skipped=\"0\">\n" + cases + "  </testsuite>\n")
    tests += ids.count
    failures += failed
  }

  /// Adds an input that could not be read, as a suite whose one test case, `read`, is in error.
  ///
  /// - Parameters:
  ///   - path: The input's path as given (`-` for standard input).
  ///   - message: Why it could not be read, in one line.
  public mutating func addUnreadable(path: String, message: String) {
    let name = XMLText.attribute(paths.reportPath(path))
    suites.append(
      "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        + "    <testcase classname=\"\(name)\" name=\"read\">\n"
        + "      <error message=\"\(XMLText.attribute(message))\" type=\"unreadable\"/>\n"
        + "    </testcase>\n  </testsuite>\n")
    tests += 1
    errors += 1
  }

  /// The whole document, ending with a newline.
  public func render() -> String {
    XMLText.declaration
      + "<testsuites name=\"bocheck\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
      + suites.joined() + "</testsuites>\n"
  }

  /// The counts that are not zero, such as `2 errors, 1 warning`.
  ///
  /// - Parameter counts: Findings counted by severity.
  static func countsPhrase(_ counts: SeverityCounts) -> String {
    [(counts.errors, "error"), (counts.warnings, "warning"), (counts.notes, "note")].filter { $0.0 > 0 }
      .map { SeverityCounts.counted($0.0, $0.1) }.joined(separator: ", ")
  }
}
