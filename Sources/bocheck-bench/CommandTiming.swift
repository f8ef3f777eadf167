import Foundation

/// The median wall-clock time of a command over repeated runs, measured by hyperfine when it is installed
/// and by the benchmark's own loop otherwise, in rounds that alternate with the commands it is compared with.
struct CommandTiming {
  /// The command, as one shell line.
  var command: String
  /// The median run time, in seconds.
  var median: Double
  /// The fastest and slowest runs, in seconds.
  var range: ClosedRange<Double>
  /// How many runs were timed (warm-up runs excluded).
  var runs: Int

  /// The path of `hyperfine`, or `nil` when it is not on the `PATH`.
  static let hyperfine: String? = executable(named: "hyperfine")

  /// The path of the executable `name` on the `PATH`, or `nil`.
  static func executable(named name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Times each of `commands` (shell lines, their output discarded, their exit status ignored: bocheck
  /// exits 1 when it finds errors), in alternating rounds.
  ///
  /// The machine's speed drifts from one minute to the next when it is shared (a virtual machine's neighbours),
  /// so commands timed one after the other would each see a different machine and their ratio would measure
  /// the drift. The runs are spread over `rounds` rounds instead, each of which runs every command in turn, and
  /// each command's median is taken over all its runs: a ratio of two medians compares the commands on the
  /// same minutes.
  ///
  /// - Parameters:
  ///   - commands: The shell lines to time.
  ///   - warmup: Untimed runs of each command before the first round (they also fill the page cache).
  ///   - runs: Timed runs of each command, in all.
  ///   - rounds: How many rounds the runs are spread over (at most `runs`; default 5).
  ///   - shell: Whether the commands need a shell (a glob, say); without one hyperfine runs them directly
  ///     and no shell start-up is counted.
  static func measure(
    _ commands: [String], warmup: Int, runs: Int, rounds: Int = 5, shell: Bool = true
  ) throws -> [CommandTiming] {
    let rounds = max(1, min(rounds, runs))
    var times = Array(repeating: [Double](), count: commands.count)
    for round in 0..<rounds {
      // The runs split as evenly as they go: the first `runs % rounds` rounds run one more.
      let roundRuns = runs / rounds + (round < runs % rounds ? 1 : 0)
      let roundTimes = try timesOfOneRound(
        commands, warmup: round == 0 ? warmup : 0, runs: roundRuns, shell: shell)
      for index in commands.indices { times[index] += roundTimes[index] }
    }
    return zip(commands, times).map { command, times in
      CommandTiming(
        command: command, median: PeerComparison.median(times), range: times.min()!...times.max()!,
        runs: times.count)
    }
  }

  /// The times, in seconds, of `runs` runs of each command, one command after the other: by hyperfine when it
  /// is installed, else by the benchmark's own loop.
  private static func timesOfOneRound(
    _ commands: [String], warmup: Int, runs: Int, shell: Bool
  ) throws -> [[Double]] {
    if let hyperfine {
      let export = FileManager.default.temporaryDirectory.appendingPathComponent("bocheck-bench-\(getpid()).json")
      defer { try? FileManager.default.removeItem(at: export) }
      var arguments = [
        "--style", "none", "--ignore-failure", "--warmup", String(warmup), "--runs", String(runs),
        "--export-json", export.path,
      ]
      if !shell { arguments.append("--shell=none") }
      _ = try run(hyperfine, arguments + commands)
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: export)) as? [String: Any]
      let results = json?["results"] as? [[String: Any]] ?? []
      let times = results.map { $0["times"] as? [Double] ?? [] }
      guard times.count == commands.count, times.allSatisfy({ !$0.isEmpty }) else {
        throw BenchError("hyperfine wrote no result for \(commands)")
      }
      return times
    }
    return try commands.map { command in
      for _ in 0..<warmup { _ = try run("/bin/sh", ["-c", command + " >/dev/null 2>&1"]) }
      return try (0..<runs).map { _ in
        let start = ContinuousClock.now
        _ = try run("/bin/sh", ["-c", command + " >/dev/null 2>&1"])
        return seconds(ContinuousClock.now - start)
      }
    }
  }

  /// The median peak resident set size of `command`, in kilobytes, over `runs` runs of `/usr/bin/time -v`,
  /// or `nil` when `/usr/bin/time` is missing.
  static func peakMemory(_ arguments: [String], runs: Int) throws -> Int? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return nil }
    var sizes: [Int] = []
    for _ in 0..<runs {
      let report = try run("/usr/bin/time", ["-v"] + arguments, keepingStandardError: true)
      let line = report.split(separator: "\n").first { $0.contains("Maximum resident set size") }
      if let value = line?.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
        sizes.append(value)
      }
    }
    return sizes.isEmpty ? nil : sizes.sorted()[sizes.count / 2]
  }

  /// Runs `executable` and waits; returns its standard output, or its standard error when
  /// `keepingStandardError` is set. The exit status is not checked.
  @discardableResult
  static func run(_ executable: String, _ arguments: [String], keepingStandardError: Bool = false) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    if keepingStandardError {
      process.standardOutput = FileHandle.nullDevice
      process.standardError = pipe
    } else {
      process.standardOutput = pipe
      process.standardError = FileHandle.nullDevice
    }
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// `duration` in seconds.
  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}

/// A benchmark that could not run.
struct BenchError: Error, CustomStringConvertible {
  /// What went wrong.
  var description: String

  /// Creates an error saying `description`.
  init(_ description: String) {
    self.description = description
  }
}
