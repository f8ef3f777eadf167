import BocheckReading
import BocheckSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension BocheckCommand {
  /// Runs bocheck on the process's own arguments, standard streams and environment.
  ///
  /// The executable is this call and `exit`. Standard input is read to its end only when a `-` path asks
  /// for it, stopping a byte past the largest filing read; output stops quietly when its reader has gone.
  ///
  /// - Returns: The exit status: 0, 1 or 2 (see ``exitSuccess``, ``exitFindings``, ``exitFailure``).
  public static func runInProcess() -> Int32 {
    run(
      arguments: Array(CommandLine.arguments.dropFirst()),
      standardInput: { FileSystem.readAll(STDIN_FILENO, expectedSize: 0, limit: FilingReader.maximumSize).bytes },
      standardOutput: { _ = SystemCalls.writeAll($0, to: STDOUT_FILENO) },
      standardError: { _ = SystemCalls.writeAll($0, to: STDERR_FILENO) },
      isTerminal: isatty(STDOUT_FILENO) == 1,
      errorIsTerminal: isatty(STDERR_FILENO) == 1,
      environment: environmentVariables(), endsWithCommand: true)
  }

  /// The environment variables commands read (``Console/variablesRead``), from the C library's environment
  /// (`ProcessInfo` takes longer to set up than a short run can afford). A name given twice keeps its first
  /// value, as `getenv` gives it.
  private static func environmentVariables() -> [String: String] {
    var variables: [String: String] = [:]
    for name in Console.variablesRead {
      if let value = getenv(name) { variables[name] = String(cString: value) }
    }
    return variables
  }
}
