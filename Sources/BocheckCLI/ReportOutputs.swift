import BocheckModel
import BocheckReporting
import BocheckRules

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The report formats of `bocheck check`.
enum ReportFormat: String, CaseIterable, Sendable {
  case text, json, sarif, github, junit, checkstyle, html
}

/// One `--output FORMAT=PATH`: a report written to a file besides the one on standard output.
struct OutputRequest: Equatable, Sendable {
  /// The report's format.
  var format: ReportFormat
  /// The file to write it to, as given.
  var path: String

  /// Parses the values of every `--output`.
  ///
  /// - Parameter values: The values in the order given, such as `sarif=out.sarif`.
  /// - Returns: The requests in the same order.
  /// - Throws: ``UsageError`` for a value without `=`, an unknown format, an empty path, `-` as the path,
  ///   or a path given twice.
  static func parse(_ values: [String]) throws(UsageError) -> [OutputRequest] {
    var requests: [OutputRequest] = []
    let formats = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
    for value in values {
      guard let equals = value.firstIndex(of: "=") else {
        throw UsageError(
          message: "invalid value '\(value)' for --output (expected FORMAT=PATH, such as sarif=bocheck.sarif)",
          usage: HelpText.checkUsage)
      }
      let name = String(value[..<equals])
      let path = String(value[value.index(after: equals)...])
      guard let format = ReportFormat(rawValue: name) else {
        throw UsageError(
          message: "invalid format '\(name)' in --output \(value) (expected one of \(formats))",
          usage: HelpText.checkUsage)
      }
      guard !path.isEmpty, path != "-" else {
        throw UsageError(
          message: "--output \(value) names no file (standard output gets the --format report)",
          usage: HelpText.checkUsage)
      }
      if requests.contains(where: { $0.path == path }) {
        throw UsageError(message: "--output names the file '\(path)' twice", usage: HelpText.checkUsage)
      }
      requests.append(OutputRequest(format: format, path: path))
    }
    return requests
  }
}

/// What every report of a run shares: the rules, how paths are made relative, the tool.
struct ReportSettings: Sendable {
  /// The address written as the SARIF driver's `informationUri`.
  static let informationURI = "https://github.com/bocheck/bocheck"

  /// The rules that ran, as reports describe them.
  var rules: [ReportedRule]
  /// How the CI formats make paths relative to the source root.
  var paths: ReportPaths
  /// The least severity that fails (`--fail-on`): JUnit fails only those test cases.
  var failOn: Severity = .error

  /// The settings of a run.
  ///
  /// The source root of the CI formats is `GITHUB_WORKSPACE` when it is set and not empty (the checkout of
  /// a GitHub Actions job), otherwise the working directory.
  ///
  /// - Parameters:
  ///   - ruleSet: The loaded rules.
  ///   - workspace: The variable `GITHUB_WORKSPACE`, when set.
  ///   - workingDirectory: The absolute path of the working directory.
  init(ruleSet: RuleSet, workspace: String?, workingDirectory: String) {
    rules = ruleSet.rules.map {
      ReportedRule(id: $0.id, severity: $0.severity, summary: $0.summary, rationale: $0.rationale, source: $0.source)
    }
    paths = ReportPaths(workingDirectory: workingDirectory, sourceRoot: workspace.flatMap { $0.isEmpty ? nil : $0 })
  }

  /// The tool as the SARIF report describes it.
  var tool: SARIFReport.Tool {
    SARIFReport.Tool(name: "bocheck", version: HelpText.version, informationURI: ReportSettings.informationURI)
  }
}

/// One report being produced while the files are checked: the text to write at the start, after each file
/// and at the end.
///
/// Text, JSON, GitHub and checkstyle reports are written file by file; SARIF keeps only the rules until
/// the end; JUnit keeps each file's rendered suite (it totals them in its first tag); HTML keeps the
/// checked files, as it renders them all at once.
struct ReportWriter {
  private enum State {
    case text(TextReport, tally: FileTally, totals: SeverityCounts)
    case json(JSONReport.Stream)
    case sarif(SARIFReport.Stream)
    case github
    case junit(JUnitReport)
    case checkstyle
    case html([FileReport])
  }

  private var state: State
  private let settings: ReportSettings

  /// Creates a writer.
  ///
  /// - Parameters:
  ///   - format: The report's format.
  ///   - settings: What the run's reports share.
  ///   - colors: Whether the text report is coloured.
  init(format: ReportFormat, settings: ReportSettings, colors: Bool) {
    self.settings = settings
    switch format {
    case .text: state = .text(TextReport(colors: colors), tally: FileTally(), totals: SeverityCounts())
    case .json: state = .json(JSONReport.Stream())
    case .sarif: state = .sarif(SARIFReport.Stream(rules: settings.rules, tool: settings.tool, paths: settings.paths))
    case .github: state = .github
    case .junit: state = .junit(JUnitReport(rules: settings.rules, paths: settings.paths, failOn: settings.failOn))
    case .checkstyle: state = .checkstyle
    case .html: state = .html([])
    }
  }

  /// The report's opening.
  func begin() -> String {
    switch state {
    case .json(let stream): return stream.begin()
    case .sarif(let stream): return stream.begin()
    case .checkstyle: return CheckstyleReport.begin()
    case .text, .github, .junit, .html: return ""
    }
  }

  /// What the report says of one checked file, when it says it at once.
  ///
  /// A file that holds several filings is added once per filing, in order; each report shows each filing
  /// on its own and says which it is.
  ///
  /// - Parameter file: A checked file, or one filing of a file that holds several.
  mutating func add(_ file: FileReport) -> String {
    switch state {
    case .text(let report, var tally, var totals):
      totals.add(SeverityCounts(file.findings))
      let isFirst = tally.filings == 0
      tally.add(file)
      state = .text(report, tally: tally, totals: totals)
      return report.renderFile(file, isFirst: isFirst)
    case .json(var stream):
      let text = stream.add(file)
      state = .json(stream)
      return text
    case .sarif(var stream):
      let text = stream.add(file)
      state = .sarif(stream)
      return text
    case .github:
      return GitHubReport.renderFile(file, paths: settings.paths)
    case .junit(var report):
      report.add(file)
      state = .junit(report)
      return ""
    case .checkstyle:
      return CheckstyleReport.renderFile(file, paths: settings.paths)
    case .html(var files):
      files.append(file)
      state = .html(files)
      return ""
    }
  }

  /// Records an input that could not be read (only the JUnit report lists them; every format's reader is
  /// told on standard error).
  ///
  /// - Parameter error: Why the input could not be read.
  mutating func addUnreadable(_ error: InputError) {
    guard case .junit(var report) = state else { return }
    report.addUnreadable(path: error.path, message: error.description)
    state = .junit(report)
  }

  /// The report's end.
  ///
  /// - Parameter unreadableCount: How many inputs could not be read.
  func end(unreadableCount: Int) -> String {
    switch state {
    case .text(let report, let tally, let totals):
      // Nothing was read: standard error has said why, and there is no report to total.
      guard tally.filings > 0 else { return "" }
      return report.renderTotal(tally, totals: totals, unreadableCount: unreadableCount)
    case .json(let stream): return stream.end()
    case .sarif(let stream): return stream.end()
    case .github: return ""
    case .junit(let report): return report.render()
    case .checkstyle: return CheckstyleReport.end()
    case .html(let files): return HTMLReport.render(files)
    }
  }
}

/// The reports of one run: the `--format` one on standard output and each `--output` one in its file.
///
/// Report files are created (or emptied) before the first input is checked, so that a path that cannot be
/// written stops the run at once; they are complete and closed when ``finish(unreadableCount:)`` returns.
struct ReportOutputs {
  private var standardOutput: ReportWriter
  private var files: [(writer: ReportWriter, file: ReportFile)]
  private let console: Console

  /// The inputs without the report files: a report found in a folder (the previous run's `bocheck.xml`) is
  /// not a filing to check, and a report named as an input would be emptied before it is read.
  ///
  /// - Parameters:
  ///   - inputs: The inputs, folders expanded.
  ///   - requests: The `--output` reports.
  ///   - given: The paths given on the command line.
  /// - Returns: The inputs to check, or the message saying which report file is also named as an input.
  static func inputs(
    _ inputs: [InputSource], excluding requests: [OutputRequest], given: [String]
  ) -> Result<[InputSource], OutputProblem> {
    guard !requests.isEmpty else { return .success(inputs) }
    var kept: [InputSource] = []
    for input in inputs {
      guard case .file(let path) = input,
        let request = requests.first(where: { ReportFile.isSameFile($0.path, path) })
      else {
        kept.append(input)
        continue
      }
      if given.contains(where: { ReportFile.isSameFile($0, path) }) {
        return .failure(
          OutputProblem(message: "--output \(request.format.rawValue)=\(request.path): the file is also an input"))
      }
    }
    return .success(kept)
  }

  /// Opens every report and sets the report files apart from the inputs (see
  /// ``inputs(_:excluding:given:)``).
  ///
  /// - Parameters:
  ///   - format: The format of the report on standard output.
  ///   - requests: The `--output` reports.
  ///   - inputs: The inputs, folders expanded.
  ///   - given: The paths given on the command line.
  ///   - settings: What the reports share.
  ///   - colors: Whether the text report on standard output is coloured.
  ///   - console: Where standard output goes.
  /// - Returns: The open reports and the inputs to check, or the one-line message saying which file cannot
  ///   be written and why.
  static func open(
    format: ReportFormat, requests: [OutputRequest], inputs: [InputSource], given: [String],
    settings: ReportSettings, colors: Bool, console: Console
  ) -> Result<(ReportOutputs, [InputSource]), OutputProblem> {
    let kept: [InputSource]
    switch Self.inputs(inputs, excluding: requests, given: given) {
    case .success(let inputs): kept = inputs
    case .failure(let problem): return .failure(problem)
    }
    // A reader of standard output that goes away (`| head`) must not kill the run before the report files
    // are complete: with SIGPIPE ignored, writes to standard output fail instead, and the executable drops
    // them.
    if !requests.isEmpty { signal(SIGPIPE, SIG_IGN) }
    var opened: [(writer: ReportWriter, file: ReportFile)] = []
    for request in requests {
      switch ReportFile.create(path: request.path) {
      case .success(let file):
        opened.append((ReportWriter(format: request.format, settings: settings, colors: false), file))
      case .failure(let problem):
        for (_, file) in opened { _ = file.finish() }
        return .failure(problem)
      }
    }
    let outputs = ReportOutputs(
      standardOutput: ReportWriter(format: format, settings: settings, colors: colors), files: opened,
      console: console)
    outputs.emit(outputs.standardOutput.begin(), outputs.files.map { $0.writer.begin() })
    return .success((outputs, kept))
  }

  /// Reports one checked file in every report.
  ///
  /// - Parameter report: A checked file.
  mutating func add(_ report: FileReport) {
    let text = standardOutput.add(report)
    var pieces: [String] = []
    for index in files.indices { pieces.append(files[index].writer.add(report)) }
    emit(text, pieces)
  }

  /// Records an unreadable input in the reports that list them.
  ///
  /// - Parameter error: Why the input could not be read.
  mutating func addUnreadable(_ error: InputError) {
    standardOutput.addUnreadable(error)
    for index in files.indices { files[index].writer.addUnreadable(error) }
  }

  /// Ends every report and closes the files.
  ///
  /// - Parameter unreadableCount: How many inputs could not be read.
  /// - Returns: Whether every report file was written; a file that was not is reported on standard error.
  func finish(unreadableCount: Int) -> Bool {
    emit(
      standardOutput.end(unreadableCount: unreadableCount),
      files.map { $0.writer.end(unreadableCount: unreadableCount) })
    var succeeded = true
    for (_, file) in files {
      if let problem = file.finish() {
        console.error(problem.message)
        succeeded = false
      }
    }
    return succeeded
  }

  private func emit(_ text: String, _ pieces: [String]) {
    if !text.isEmpty { console.standardOutput(text) }
    for (index, piece) in pieces.enumerated() where !piece.isEmpty { files[index].file.append(piece) }
  }
}

/// Why a report file cannot be written, in one line.
struct OutputProblem: Error, Sendable, Equatable {
  /// The message, naming the file and the reason.
  var message: String
}

/// A report file open for writing; a write that fails is remembered and reported when it is closed.
final class ReportFile {
  /// The path as given.
  let path: String
  private var descriptor: Int32
  private var failure: String?

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  /// Creates the file, or empties it when it exists.
  ///
  /// - Parameter path: The path as given.
  /// - Returns: The open file, or why it cannot be written.
  static func create(path: String) -> Result<ReportFile, OutputProblem> {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      return .failure(OutputProblem(message: "\(path): cannot write the report: \(String(cString: strerror(errno)))"))
    }
    return .success(ReportFile(path: path, descriptor: descriptor))
  }

  /// Appends text, unless an earlier write failed.
  ///
  /// - Parameter text: The text, written as UTF-8.
  func append(_ text: String) {
    guard failure == nil, descriptor >= 0 else { return }
    if let code = SystemCalls.writeAll(text, to: descriptor) { failure = String(cString: strerror(code)) }
  }

  /// Closes the file.
  ///
  /// - Returns: Why the report could not be written completely, or `nil` when it was.
  func finish() -> OutputProblem? {
    guard descriptor >= 0 else { return nil }
    if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    descriptor = -1
    return failure.map { OutputProblem(message: "\(path): cannot write the report: \($0)") }
  }

  /// Whether two paths name the same existing file (the same device and inode), or the same path.
  ///
  /// - Parameters:
  ///   - first: A path.
  ///   - second: Another path.
  static func isSameFile(_ first: String, _ second: String) -> Bool {
    var firstStatus = stat()
    var secondStatus = stat()
    guard stat(first, &firstStatus) == 0, stat(second, &secondStatus) == 0 else { return first == second }
    return firstStatus.st_dev == secondStatus.st_dev && firstStatus.st_ino == secondStatus.st_ino
  }
}
