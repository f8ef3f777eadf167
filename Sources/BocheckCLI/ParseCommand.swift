import BocheckReporting

/// `bocheck parse PATH`: prints one filing's model as read, as JSON, without running any rule.
enum ParseCommand {
  /// Runs the command.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after `parse`.
  ///   - console: Where to read and write.
  /// - Returns: The exit status: 0 when the filing was read, 2 when it could not be.
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
    if path != "-" && InputFiles.isFolder(path) {
      console.error("\(path): is a folder; parse reads one file")
      return BocheckCommand.exitFailure
    }
    let input: InputSource = path == "-" ? .standardInput : .file(path)
    let inputFormat = try CheckCommand.choice(parsed, "--input-format", default: InputFormatChoice.auto).format
    switch CheckCommand.readFiling(input, format: inputFormat, console: console) {
    case .failure(let error):
      console.error(error.description)
      return BocheckCommand.exitFailure
    case .success(let filing):
      let report = FileReport(filing: filing, findings: [], basis: ReportedBasis.stated(in: filing))
      console.standardOutput(JSONReport.renderModel(report))
      return BocheckCommand.exitSuccess
    }
  }
}
