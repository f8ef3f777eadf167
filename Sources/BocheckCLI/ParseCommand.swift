import BocheckReporting
import BocheckSystem

/// `bocheck parse PATH`: prints one file's filings as read, as JSON, without running any rule.
///
/// A file of one filing prints its model; a file that holds several prints
/// `{"filings": [...], "version": 1}` with one model per filing, each with its `filing` position.
enum ParseCommand {
  /// Runs the command.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after `parse`.
  ///   - console: Where to read and write.
  /// - Returns: The exit status: 0 when every filing was read, 2 when one could not be (the others are
  ///   still printed).
  /// - Throws: ``UsageError`` for a mistake on the command line.
  static func run(_ arguments: [String], console: Console) throws(UsageError) -> Int32 {
    let parsed = try ArgumentParser.parse(
      arguments, specs: [OptionSpec(name: "--input-format", valueName: "auto|text|html|sgml|xml")],
      usage: HelpText.parseUsage)
    if parsed.has("--help") {
      console.standardOutput(HelpText.parse)
      return BocheckCommand.exitSuccess
    }
    guard let path = parsed.positionals.first else {
      throw UsageError(message: "no PATH given (a file, or - for standard input)", usage: HelpText.parseUsage)
    }
    guard parsed.positionals.count == 1 else {
      throw UsageError(message: "parse reads one file; use 'bocheck check' for several", usage: HelpText.parseUsage)
    }
    if path != "-" && FileSystem.isDirectory(path) {
      console.error("\(path): is a folder; parse reads one file")
      return BocheckCommand.exitFailure
    }
    let input: InputSource = path == "-" ? .standardInput : .file(path)
    let inputFormat = try CheckCommand.choice(parsed, "--input-format", default: InputFormatChoice.auto).format
    let outcomes = CheckCommand.readFilings(input, format: inputFormat, console: console)
    var reports: [FileReport] = []
    for outcome in outcomes {
      switch outcome {
      case .failure(let error): console.error(error.description)
      case .success(let filing):
        reports.append(FileReport(filing: filing, findings: [], basis: ReportedBasis.stated(in: filing)))
      }
    }
    // One filing prints its model; a file of several prints them all, each saying which it is.
    if outcomes.count == 1, let report = reports.first {
      console.standardOutput(JSONReport.renderModel(report))
    } else if !reports.isEmpty {
      console.standardOutput(JSONReport.renderModels(reports))
    }
    return reports.count == outcomes.count ? BocheckCommand.exitSuccess : BocheckCommand.exitFailure
  }
}
