import BocheckModel
import BocheckReading
import BocheckReporting
import BocheckRules
import BocheckSystem

/// The `--input-format` choices: `auto` tells the format from the content.
enum InputFormatChoice: String, CaseIterable, Sendable {
  case auto, text, html, sgml, xml

  /// The format to force, or `nil` for detection.
  var format: InputFormat? {
    switch self {
    case .auto: return nil
    case .text: return .text
    case .html: return .html
    case .sgml: return .sgml
    case .xml: return .xml
    }
  }
}

/// `bocheck check [options] PATH...`: reads each filing, runs the rules and reports the findings.
enum CheckCommand {
  /// How many files (or filings of one file) may be in flight at once for each job: taken by a job and not yet
  /// reported.
  ///
  /// A file that takes long holds back the report of those after it, and the other jobs go on with at most
  /// this many files each before they wait for it. Replaying the real filings' instruction counts, file by file
  /// as the feed file orders them, on two jobs: two a job bring the run to 1.86 times one job's speed, four a
  /// job to 1.90 (as many as wanted, 1.90). Memory holds at most this many files' models and findings a job.
  static let inFlightPerJob = 4

  /// The options `check` accepts besides `--help`.
  static let specs = [
    OptionSpec(name: "--format", valueName: "text|json|sarif|github|junit|checkstyle|html"),
    OptionSpec(name: "--output", valueName: "FORMAT=PATH"),
    OptionSpec(name: "--input-format", valueName: "auto|text|html|sgml|xml"),
    OptionSpec(name: "--rules", valueName: "DIR"),
    OptionSpec(name: "--shares-outstanding", valueName: "N"),
    OptionSpec(name: "--fail-on", valueName: "error|warning|note"),
    OptionSpec(name: "--no-color", valueName: nil),
    OptionSpec(name: "--jobs", valueName: "N"),
    // Configuration, suppressions and baselines (CheckSettings.swift).
    OptionSpec(name: "--config", valueName: "PATH"),
    OptionSpec(name: "--no-config", valueName: nil),
    OptionSpec(name: "--baseline", valueName: "FILE"),
    OptionSpec(name: "--write-baseline", valueName: "FILE"),
  ]

  /// Runs the command.
  ///
  /// A file that holds several filings one after the other is checked as several filings, each reported
  /// on its own. Every input (and every filing of an input) that can be read is checked even when another
  /// cannot; each unreadable one is reported on standard error and makes the exit status 2. Invalid rules
  /// stop the run before any input is read.
  ///
  /// With `--jobs` above 1, several inputs are read and checked at once on worker threads, or, when there is
  /// one input, several of its filings; but everything that is written (reports, errors, progress) and
  /// everything that keeps state across files (suppressions, baselines) takes the filings one at a time in
  /// input order on this thread, so the output is the same, byte for byte, as that of `--jobs 1`.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after `check`.
  ///   - console: Where to read and write.
  /// - Returns: The exit status.
  /// - Throws: ``UsageError`` for a mistake on the command line.
  static func run(_ arguments: [String], console: Console) throws(UsageError) -> Int32 {
    let parsed = try ArgumentParser.parse(arguments, specs: specs, usage: HelpText.checkUsage)
    if parsed.has("--help") {
      console.standardOutput(HelpText.check)
      return BocheckCommand.exitSuccess
    }
    let format = try choice(parsed, "--format", default: ReportFormat.text)
    let outputRequests = try OutputRequest.parse(parsed.all("--output"))
    let inputFormat = try choice(parsed, "--input-format", default: InputFormatChoice.auto).format
    let failOnOption = parsed.has("--fail-on") ? try choice(parsed, "--fail-on", default: Severity.error) : nil
    let sharesOutstanding = try parseSharesOutstanding(parsed.last("--shares-outstanding"))
    let jobs = try parseJobs(parsed.last("--jobs"))
    guard !parsed.positionals.isEmpty else {
      throw UsageError(message: "no PATH given (a file, a folder, or - for standard input)", usage: HelpText.checkUsage)
    }

    // Configuration file, suppressions and baseline (CheckSettings.swift); the command line wins.
    var settings: CheckSettings
    switch try CheckSettings.load(parsed, workingDirectory: console.workingDirectory) {
    case .success(let loaded): settings = loaded
    case .failure(let problem):
      console.error(problem.message)
      return BocheckCommand.exitFailure
    }
    let failOn = failOnOption ?? settings.failOn ?? .error

    let ruleSet: RuleSet
    switch RuleLoading.load(userDirectories: settings.ruleFolders + parsed.all("--rules")) {
    case .success(let loaded): ruleSet = loaded
    case .failure(let problem):
      console.error(problem.message)
      return BocheckCommand.exitFailure
    }
    console.keepUntilExit(ruleSet)
    if let problem = settings.validate(ruleSet) {
      console.error(problem.message)
      return BocheckCommand.exitFailure
    }

    let (expanded, expansionErrors) = InputFiles.expand(parsed.positionals)
    var failures = expansionErrors.count
    for error in expansionErrors { console.error(error.description) }
    // Each file is reported as soon as it and those before it are checked, so that memory stays that of the
    // largest file (of the ``CheckCommand/inFlightPerJob`` × --jobs largest, when several are checked at once).
    let colors = console.isTerminal && !parsed.has("--no-color") && (console.variable("NO_COLOR") ?? "").isEmpty
    var reportSettings = ReportSettings(
      ruleSet: ruleSet, workspace: console.variable("GITHUB_WORKSPACE"),
      workingDirectory: FileSystem.currentDirectory())
    reportSettings.failOn = failOn
    let inputs: [InputSource]
    var reports: ReportOutputs
    switch ReportOutputs.open(
      format: format, requests: outputRequests, inputs: expanded, given: parsed.positionals, settings: reportSettings,
      colors: colors, console: console)
    {
    case .success(let opened): (reports, inputs) = opened
    case .failure(let problem):
      console.error(problem.message)
      return BocheckCommand.exitFailure
    }
    for error in expansionErrors { reports.addUnreadable(error) }
    var failing = false
    var progress = Progress(console: console, total: inputs.count)
    let checker = FilingCheck(
      ruleSet: ruleSet, settings: settings, inputFormat: inputFormat, sharesOutstanding: sharesOutstanding)
    // Suppressions and the baseline keep state from file to file: they take the files in input order here.
    func report(_ outcome: Result<FilingCheck.Checked, InputError>) {
      switch outcome {
      case .failure(let error):
        console.error(error.description)
        reports.addUnreadable(error)
        failures += 1
      case .success(let checked):
        let report = FileReport(
          filing: checked.filing, findings: settings.filter(checked.result.findings, of: checked.filing),
          basis: checked.result.basis.map(reportedBasis))
        reports.add(report)
        failing = failing || report.findings.contains { $0.severity >= failOn }
      }
    }
    // Several inputs are checked on all the threads, each input's filings one after the other; the filings of
    // a single input (an EDGAR feed file holds thousands) are checked on all the threads. The cores are
    // counted only when needed: counting them reads the system's files, which one filing need not wait for.
    let inputThreads = inputs.count > 1 ? jobs ?? defaultJobs : 1
    if inputThreads <= 1 {
      for input in inputs {
        progress.starting(input.path)
        // Here several inputs have one job, so a single input's filings take the jobs whatever their count.
        checker.checkEach(input, standardInput: console.standardInput, threads: jobs ?? defaultJobs) { report($0) }
      }
    } else {
      // Standard input is read once, on this thread, before the workers start.
      let standardInput = inputs.contains(.standardInput) ? console.standardInput() : []
      OrderedParallelMap.forEach(
        inputs, threads: inputThreads, window: CheckCommand.inFlightPerJob * inputThreads,
        transform: { checker.check($0, standardInput: { standardInput }) },
        inOrder: { index, outcomes in
          progress.starting(inputs[index].path)
          for outcome in outcomes { report(outcome) }
        })
    }
    progress.finish()
    // Every report file is complete before the exit status is known.
    if !reports.finish(unreadableCount: failures) { return BocheckCommand.exitFailure }
    if !settings.finish(console: console) || failures > 0 { return BocheckCommand.exitFailure }
    // A baseline that was written is the run's purpose: its findings do not fail it.
    if settings.baselineOutput != nil { return BocheckCommand.exitSuccess }
    return failing ? BocheckCommand.exitFindings : BocheckCommand.exitSuccess
  }

  /// Reads every filing of one input into the model.
  ///
  /// - Parameters:
  ///   - input: The input.
  ///   - format: The format to read it as; `nil` tells it from the content.
  ///   - console: Where standard input comes from.
  /// - Returns: One result per filing of the input, in order (see ``readFilings(_:format:standardInput:)``).
  static func readFilings(_ input: InputSource, format: InputFormat? = nil, console: Console) -> [Result<
    Filing, InputError
  >] {
    readFilings(input, format: format, standardInput: console.standardInput)
  }

  /// Reads every filing of one input into the model, on any thread.
  ///
  /// A file that holds several filings one after the other gives one result per filing
  /// (``FilingReader/readAll(bytes:path:format:)``); a filing that cannot be read gives an error naming the
  /// file, the 1-based line where the problem is and which filing it is, and the others are still read.
  ///
  /// - Parameters:
  ///   - input: The input.
  ///   - format: The format to read it as; `nil` tells it from the content.
  ///   - standardInput: Reads all of standard input, for `-`.
  /// - Returns: One result per filing, in order; a single failure when the input cannot be read at all.
  static func readFilings(_ input: InputSource, format: InputFormat?, standardInput: () -> [UInt8]) -> [Result<
    Filing, InputError
  >] {
    switch filings(of: input, format: format, standardInput: standardInput) {
    case .failure(let error): return [.failure(error)]
    case .success(let filings): return (0..<filings.count).map { read(filings, at: $0, path: input.path) }
    }
  }

  /// Reads an input's text and finds where each of its filings begins, on any thread (see
  /// ``FilingReader/filings(of:path:format:)``).
  ///
  /// - Parameters:
  ///   - input: The input.
  ///   - format: The format to read it as; `nil` tells it from the content.
  ///   - standardInput: Reads all of standard input, for `-`.
  /// - Returns: The input's filings, or why it cannot be read at all.
  static func filings(of input: InputSource, format: InputFormat?, standardInput: () -> [UInt8]) -> Result<
    FilingReader.Filings, InputError
  > {
    Result { () throws(InputError) in
      FilingReader.filings(
        of: try InputFiles.text(of: input, standardInput: standardInput), path: input.path, format: format)
    }
  }

  /// Reads one filing of an input, on any thread: the filing, or an error naming the input's path, the 1-based
  /// line of the problem and, for a filing of several, which one it is.
  ///
  /// - Parameters:
  ///   - filings: The input's filings.
  ///   - index: The filing's 0-based index.
  ///   - path: The input's path.
  static func read(_ filings: FilingReader.Filings, at index: Int, path: String) -> Result<Filing, InputError> {
    filings.read(index).mapError { InputError(path: path, line: $0.line, message: $0.message) }
  }

  /// Parses `--jobs`: how many files are checked at once, a positive whole number; `nil` when it is not given,
  /// which means the number of active processor cores (see ``defaultJobs``).
  static func parseJobs(_ text: String?) throws(UsageError) -> Int? {
    guard let text else { return nil }
    guard let jobs = Int(text.trimmingWhiteSpace()), jobs > 0 else {
      throw UsageError(
        message: "invalid value '\(text)' for --jobs (expected a positive whole number of files to check at "
          + "once, such as 1 or 4)",
        usage: HelpText.checkUsage)
    }
    return jobs
  }

  /// How many files are checked at once when `--jobs` is not given: the number of active processor cores.
  ///
  /// Asked only when there is more than one file: finding the cores reads the CPU quota of the process, which
  /// a run over one filing does not need to pay for.
  static var defaultJobs: Int { FileSystem.availableCores() }

  /// The model's basis as reports show it.
  static func reportedBasis(_ basis: SharesOutstandingBasis) -> ReportedBasis {
    let source: ReportedBasis.Source
    switch basis.source {
    case .option: source = .option
    case .stated: source = .stated
    case .implied: source = .implied
    case .configuration: source = .configuration
    }
    return ReportedBasis(value: basis.value, source: source, line: basis.line)
  }

  /// The value of an option that takes one of a few words, or its default when not given.
  static func choice<Value: RawRepresentable & CaseIterable>(
    _ parsed: ParsedArguments, _ name: String, default defaultValue: Value
  ) throws(UsageError) -> Value where Value.RawValue == String {
    guard let given = parsed.last(name) else { return defaultValue }
    if let value = Value(rawValue: given) { return value }
    let choices = Value.allCases.map(\.rawValue)
    throw UsageError(
      message: "invalid value '\(given)' for \(name) (expected \(choices.joined(separator: ", ")))",
      usage: HelpText.checkUsage)
  }

  /// Parses `--shares-outstanding`: a positive number of shares, with or without thousands separators.
  static func parseSharesOutstanding(_ text: String?) throws(UsageError) -> ExactDecimal? {
    guard let text else { return nil }
    let trimmed = text.trimmingWhiteSpace()
    guard let value = ExactDecimal.parse(trimmed), value.significand > 0 else {
      throw UsageError(
        message: "invalid value '\(text)' for --shares-outstanding (expected a positive number of shares, "
          + "such as 12,500,000 or 12500000)",
        usage: HelpText.checkUsage)
    }
    return value
  }
}

/// What is done to one input before it is reported: reading it and running the rules, without any state
/// shared with other inputs, so that several can be done at once on different threads.
struct FilingCheck: Sendable {
  /// One input read and checked: the filing as prepared by the settings, and what the rules found
  /// (before severity overrides, suppressions and the baseline, which are applied in input order).
  struct Checked: Sendable {
    /// The filing, with the configuration's relationships added.
    var filing: Filing
    /// The findings and basis of the rules.
    var result: CheckResult
  }

  /// The loaded rules.
  let ruleSet: RuleSet
  /// The run's settings; only what does not change from file to file is used (relationships, disabled
  /// rules, shares outstanding).
  let settings: CheckSettings
  /// `--input-format`: the format to read every input as, or `nil` to tell it from the content.
  let inputFormat: InputFormat?
  /// `--shares-outstanding`, when given.
  let sharesOutstanding: ExactDecimal?

  /// Reads one input and runs the rules on each of its filings, each on its own, on any thread.
  ///
  /// - Parameters:
  ///   - input: The input.
  ///   - standardInput: Reads all of standard input, for `-`.
  /// - Returns: One result per filing of the input, in order: the checked filing, or why it cannot be
  ///   read; a single failure when the input cannot be read at all.
  func check(_ input: InputSource, standardInput: () -> [UInt8]) -> [Result<Checked, InputError>] {
    var results: [Result<Checked, InputError>] = []
    checkEach(input, standardInput: standardInput, threads: 1) { results.append($0) }
    return results
  }

  /// Reads one input and runs the rules on each of its filings on up to `threads` threads, handing each
  /// result to `body` in order, on the calling thread.
  ///
  /// At most twice `threads` filings are read and checked at once (one at a time with one thread), and each
  /// model is let go when `body` returns, so that a file holding many filings (an EDGAR feed file) is checked
  /// holding its text and a few filings' models. A file of one filing is checked on the calling thread.
  ///
  /// - Parameters:
  ///   - input: The input.
  ///   - standardInput: Reads all of standard input, for `-`.
  ///   - threads: How many threads check the input's filings; asked only when it holds several.
  ///   - body: Called once per filing, in order, with the results ``check(_:standardInput:)`` returns.
  func checkEach(
    _ input: InputSource, standardInput: () -> [UInt8], threads: @autoclosure () -> Int,
    _ body: (Result<Checked, InputError>) -> Void
  ) {
    let filings: FilingReader.Filings
    switch CheckCommand.filings(of: input, format: inputFormat, standardInput: standardInput) {
    case .failure(let error):
      body(.failure(error))
      return
    case .success(let found): filings = found
    }
    guard filings.count > 1 else {
      body(check(filings, at: 0, path: input.path))
      return
    }
    let threads = threads()
    OrderedParallelMap.forEach(
      Array(0..<filings.count), threads: threads, window: CheckCommand.inFlightPerJob * threads,
      transform: { check(filings, at: $0, path: input.path) },
      inOrder: { _, checked in body(checked) })
  }

  /// Reads one filing of an input and runs the rules on it, on any thread.
  ///
  /// - Parameters:
  ///   - filings: The input's filings.
  ///   - index: The filing's 0-based index.
  ///   - path: The input's path, which an error names.
  /// - Returns: The checked filing, or why it cannot be read.
  private func check(_ filings: FilingReader.Filings, at index: Int, path: String) -> Result<Checked, InputError> {
    CheckCommand.read(filings, at: index, path: path).map { read in
      let filing = settings.prepare(read)
      let options = settings.options(for: filing, sharesOutstanding: sharesOutstanding, ruleSet: ruleSet)
      return Checked(filing: filing, result: ruleSet.check(filing, options: options))
    }
  }
}
