import BocheckModel
import BocheckReading
import BocheckRules
import Dispatch
import Foundation
import Synchronization

/// A rate measured in process: how many files of how many bytes one pass took, best and median of the
/// timed passes. The rate is the best pass's: on a machine shared with other work, a slower pass is one
/// that something else interrupted.
struct InProcessRate {
  /// How many files one pass handled.
  var files: Int
  /// Their total size in bytes.
  var bytes: Int
  /// Each timed pass, in seconds; never empty.
  var times: [Double]

  /// The fastest pass, in seconds.
  var best: Double { times.min()! }
  /// The median pass, in seconds.
  var median: Double { PeerComparison.median(times) }
  /// How many passes were timed.
  var runs: Int { times.count }

  /// The rate over the passes of both, which must have timed the same files (another round of the same
  /// measurement).
  func adding(_ other: InProcessRate) -> InProcessRate {
    InProcessRate(files: files, bytes: bytes, times: times + other.times)
  }

  /// Files per second at the best pass.
  var filesPerSecond: Double { Double(files) / best }
  /// Megabytes (10⁶ bytes) per second at the best pass.
  var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / best }
  /// Files per second at the median pass.
  var medianFilesPerSecond: Double { Double(files) / median }

  /// `files/s (MB/s)` at the best pass, as the report prints a rate.
  var summary: String {
    "\(decimal(filesPerSecond, 0)) files/s (\(decimal(megabytesPerSecond)) MB/s)"
  }
}

/// bocheck against the peer edgartools on the corpus's EDGAR XML 13D/13G filings: in process (bocheck
/// reading and checking, edgartools parsing) and cold (one file, a new process each time).
///
/// The peer runs only when a Python with edgartools is found (``peerPython()``); nothing is ever
/// installed here: `make bench-peer` makes the virtual environment.
enum PeerComparison {
  /// The peer's script, relative to the package root.
  static let script = "Sources/bocheck-bench/peer/edgartools_rate.py"
  /// Where `make bench-peer` puts its virtual environment, relative to the package root.
  static let defaultPython = ".build/peer-venv/bin/python"

  /// Reads and checks every file of `files` in process, `runs` timed passes after one warm-up pass, and
  /// returns the rate.
  ///
  /// Each file goes through ``FilingReader/readAll(bytes:path:format:)`` (its format detected, as `check`
  /// does when no format is given), then every filing read through ``RuleSet/check(_:options:)``. The
  /// bytes are in memory before the first pass; nothing is written.
  ///
  /// - Parameters:
  ///   - files: Each file's path (for the reader's messages) and bytes.
  ///   - rules: The rules to check with.
  ///   - runs: Timed passes; at least 1.
  ///   - threads: 1 for one job; more spreads each pass's files over Dispatch's `concurrentPerform`.
  ///   - checking: Whether the rules run; without them the rate is reading's alone (and no finding is made).
  /// - Returns: The rate, and how many findings one pass made (the same for every pass; cover pages read
  ///   when not `checking`).
  static func bocheckRate(
    _ files: [(path: String, bytes: [UInt8])], rules: RuleSet, runs: Int, threads: Int, checking: Bool = true
  ) -> (rate: InProcessRate, findings: Int) {
    let options = CheckOptions()
    @Sendable func checkOne(_ index: Int) -> Int {
      let (path, bytes) = files[index]
      guard let results = try? FilingReader.readAll(bytes: bytes, path: path) else { return 0 }
      var findings = 0
      for case .success(let filing) in results {
        findings += checking ? rules.check(filing, options: options).findings.count : filing.coverPages.count
      }
      return findings
    }
    func pass() -> Int {
      if threads <= 1 { return files.indices.reduce(0) { $0 + checkOne($1) } }
      let total = Atomic<Int>(0)
      DispatchQueue.concurrentPerform(iterations: files.count) { index in
        total.add(checkOne(index), ordering: .relaxed)
      }
      return total.load(ordering: .relaxed)
    }
    let findings = pass()
    var times: [Double] = []
    for _ in 0..<max(1, runs) {
      times.append(CommandTiming.seconds(ContinuousClock().measure { _ = pass() }))
    }
    let rate = InProcessRate(files: files.count, bytes: files.reduce(0) { $0 + $1.bytes.count }, times: times)
    return (rate, findings)
  }

  /// The Python to run the peer with: `BENCH_PEER_PYTHON` when set, else the virtual environment of
  /// `make bench-peer` when present; `nil` when neither is there or that Python cannot import edgartools.
  static func peerPython() -> String? {
    let configured = ProcessInfo.processInfo.environment["BENCH_PEER_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    // A bare name (`python3`) is looked up on the PATH.
    let python = configured.map { $0.contains("/") ? $0 : CommandTiming.executable(named: $0) ?? $0 } ?? defaultPython
    guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
    let probe = try? run(python, ["-c", "import edgar.beneficial_ownership"])
    return probe?.status == 0 ? python : nil
  }

  /// Runs the peer's script on the `.xml` files of `folder` and returns its rate and edgartools' version.
  ///
  /// - Parameters:
  ///   - python: A Python that can import edgartools.
  ///   - folder: The corpus folder (the script takes its `.xml` files, as ``xmlFiles(of:)`` does).
  ///   - runs: Timed passes.
  /// - Returns: The rate, edgartools' version, and how many files it could not parse.
  /// - Throws: ``BenchError`` when the script fails or prints no result.
  static func peerRate(
    python: String, folder: String, runs: Int
  ) throws -> (rate: InProcessRate, version: String, failures: Int) {
    let result = try run(python, [script, "--runs", String(runs), folder])
    guard result.status == 0, let line = result.output.split(separator: "\n").last,
      let json = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
      let files = json["files"] as? Int, let bytes = json["bytes"] as? Int,
      let times = json["times"] as? [Double], !times.isEmpty
    else {
      throw BenchError("the peer's script failed (exit status \(result.status)): \(result.output.suffix(400))")
    }
    let rate = InProcessRate(files: files, bytes: bytes, times: times)
    return (rate, json["edgartools"] as? String ?? "unknown", json["failures"] as? Int ?? 0)
  }

  /// The `.xml` files of `corpus` with their bytes, in the order the peer's script reads them (by path).
  static func xmlFiles(of corpus: BenchCorpus) throws -> [(path: String, bytes: [UInt8])] {
    try corpus.files.map(\.path).filter { $0.hasSuffix(".xml") }.sorted().map { path in
      (path, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
  }

  /// The median of `values`, which must not be empty.
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// Runs `executable` with `arguments`, its standard error merged into its standard output, and waits.
  ///
  /// - Returns: The exit status and the output.
  static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
