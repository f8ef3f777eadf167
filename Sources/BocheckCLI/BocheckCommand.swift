import BocheckModel
import BocheckReading
import BocheckReporting
import BocheckRules
import BocheckSystem

/// The `bocheck` command line, callable in-process.
///
/// The executable only wires the real standard input, output, error and exit status to ``run(arguments:
/// standardInput:standardOutput:standardError:isTerminal:environment:)``; tests call it directly.
public enum BocheckCommand {
  /// Exit status: no finding at or above `--fail-on`.
  public static let exitSuccess: Int32 = 0
  /// Exit status: at least one finding at or above `--fail-on`.
  public static let exitFindings: Int32 = 1
  /// Exit status: usage error, unreadable input or invalid rule file.
  public static let exitFailure: Int32 = 2

  /// Runs one command line.
  ///
  /// Reports go to `standardOutput`; errors go to `standardError` as one line each, `bocheck: error:
  /// path:line: message`, followed by the usage line for usage errors. Nothing is written to the inputs.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the program name, such as `["check", "--format", "json", "a.txt"]`.
  ///   - standardInput: Reads all of standard input, for the path `-`; called at most once per `-`.
  ///   - standardOutput: Writes text to standard output.
  ///   - standardError: Writes text to standard error.
  ///   - isTerminal: Whether standard output is a terminal (the text report is coloured only then).
  ///   - errorIsTerminal: Whether standard error is a terminal: a run over several files then shows its
  ///     progress there.
  ///   - environment: The environment variables; commands read those of ``Console/variablesRead``.
  ///   - workingDirectory: The absolute folder `.bocheck.json` is looked for from and relative `--config`,
  ///     `--baseline`, `--write-baseline` and suppression paths are resolved against (inputs are opened as
  ///     given); `nil` for the process's working directory.
  ///   - endsWithCommand: Whether the process ends when this call returns: values that live as long as the
  ///     command (the loaded rules) are then left for the process's end to free (``runInProcess()``).
  /// - Returns: The exit status: 0, 1 or 2 (see ``exitSuccess``, ``exitFindings``, ``exitFailure``).
  public static func run(
    arguments: [String], standardInput: () -> [UInt8], standardOutput: (String) -> Void,
    standardError: (String) -> Void, isTerminal: Bool, errorIsTerminal: Bool = false,
    environment: [String: String] = [:], workingDirectory: String? = nil, endsWithCommand: Bool = false
  ) -> Int32 {
    withoutActuallyEscaping(standardInput) { standardInput in
      withoutActuallyEscaping(standardOutput) { standardOutput in
        withoutActuallyEscaping(standardError) { standardError in
          let console = Console(
            standardInput: standardInput, standardOutput: standardOutput, standardError: standardError,
            isTerminal: isTerminal, environment: environment,
            workingDirectory: workingDirectory ?? FileSystem.currentDirectory(), errorIsTerminal: errorIsTerminal,
            endsWithCommand: endsWithCommand)
          return run(arguments, console: console)
        }
      }
    }
  }

  private static func run(_ arguments: [String], console: Console) -> Int32 {
    do {
      return try dispatch(arguments, console: console)
    } catch {
      console.error(error.message)
      console.standardError(error.usage + "\n")
      return exitFailure
    }
  }

  private static func dispatch(_ arguments: [String], console: Console) throws(UsageError) -> Int32 {
    guard let command = arguments.first else {
      throw UsageError(message: "no command given", usage: HelpText.toolUsage)
    }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "check":
      return try CheckCommand.run(rest, console: console)
    case "parse":
      return try ParseCommand.run(rest, console: console)
    case "rules":
      return try RulesCommand.run(rest, console: console)
    case "--help", "-h", "help":
      console.standardOutput(HelpText.tool)
      return exitSuccess
    case "--version":
      console.standardOutput("bocheck \(HelpText.version)\n")
      return exitSuccess
    default:
      let commands = ["check", "parse", "rules"]
      if command.hasPrefix("-") {
        throw UsageError(
          message: ArgumentParser.unknownOptionMessage(command, known: ["--help", "--version"]),
          usage: HelpText.toolUsage)
      }
      let suggestion = ArgumentParser.closest(to: command, among: commands).map { " (did you mean '\($0)'?)" }
      throw UsageError(
        message: "unknown command '\(command)'\(suggestion ?? " (commands: check, parse, rules)")",
        usage: HelpText.toolUsage)
    }
  }
}

/// Where a command reads and writes, and what it knows of its surroundings.
struct Console {
  /// Reads all of standard input.
  let standardInput: () -> [UInt8]
  /// Writes to standard output.
  let standardOutput: (String) -> Void
  /// Writes to standard error.
  let standardError: (String) -> Void
  /// Whether standard output is a terminal.
  let isTerminal: Bool
  /// The environment variables, of which commands read those of ``variablesRead`` (``variable(_:)``).
  let environment: [String: String]
  /// The absolute working directory (configuration discovery, relative configuration and baseline paths).
  var workingDirectory: String = "/"
  /// Whether standard error is a terminal, where progress is shown.
  var errorIsTerminal = false
  /// Whether the process ends when the command does (``BocheckCommand/runInProcess()``), rather than the
  /// command running inside a longer-lived program such as the tests.
  var endsWithCommand = false

  /// The environment variables commands read: `NO_COLOR` (set and not empty: no colour) and
  /// `GITHUB_WORKSPACE` (what the CI reports' paths are relative to). A process reads these alone of its
  /// environment (``BocheckCommand/runInProcess()``): making every variable a `String` cost a run over one
  /// filing about 1 % of its instructions, for nothing.
  static let variablesRead = ["NO_COLOR", "GITHUB_WORKSPACE"]

  /// The value of an environment variable, which must be one of ``variablesRead``.
  ///
  /// - Parameter name: The variable's name.
  /// - Returns: Its value, or `nil` when it is not set.
  func variable(_ name: String) -> String? {
    precondition(Console.variablesRead.contains(name), "\(name) is not among the variables a process reads")
    return environment[name]
  }

  /// Keeps a value alive until the process ends, when the process ends with the command.
  ///
  /// A value that lives until the end of a command (the loaded rules: thousands of small objects) is
  /// otherwise taken apart object by object just before the process gives back all its memory at once. In a
  /// longer-lived program this does nothing, and the value is freed as usual.
  ///
  /// - Parameter value: The value.
  func keepUntilExit(_ value: Any) {
    guard endsWithCommand else { return }
    _ = Unmanaged.passRetained(KeptValue(value))
  }

  /// Writes `bocheck: error: message` on standard error, as one line (over any progress line shown there).
  func error(_ message: String) {
    standardError((errorIsTerminal ? Progress.clearLine : "") + "bocheck: error: \(TextReport.oneLine(message))\n")
  }
}

/// A value held by one reference that is never released (``Console/keepUntilExit(_:)``).
private final class KeptValue {
  let value: Any
  init(_ value: Any) { self.value = value }
}

/// Loading the built-in rules and the user's own.
enum RuleLoading {
  /// Loads the built-in rules and the rules in the folders given with `--rules`.
  ///
  /// The built-in rules come from the archive compiled from `Rules/` at build time when their folder holds
  /// exactly those files (see ``CompiledRules``), and are parsed otherwise; the `--rules` folders are parsed.
  ///
  /// - Parameter userDirectories: The folders given with `--rules`, in order.
  /// - Returns: The rules, or the one-line message to print when they cannot be loaded.
  static func load(userDirectories: [String]) -> Result<RuleSet, RuleProblem> {
    guard let builtIn = RuleSet.builtInDirectory() else {
      return .failure(
        RuleProblem(
          message: "the built-in rules cannot be found; set BOCHECK_RULES_DIR to the folder of the rule files"))
    }
    for directory in userDirectories {
      if !FileSystem.isDirectory(directory) {
        return .failure(RuleProblem(message: "--rules \(directory): no such folder"))
      }
    }
    do {
      return .success(try RuleSet.load(directories: [builtIn] + userDirectories, compiled: compiledBuiltInRules))
    } catch {
      return .failure(RuleProblem(message: error.description))
    }
  }
}

/// Why the rules cannot be loaded, in one line.
struct RuleProblem: Error, Sendable {
  /// The message, with the rule file's path and line when known.
  var message: String
}
