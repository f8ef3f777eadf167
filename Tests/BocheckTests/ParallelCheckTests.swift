import Foundation
import Testing

@testable import BocheckCLI

/// A folder of filings to check with several `--jobs` values: the samples and the corpus fixtures under
/// `filings/`, with a binary file, an empty one and a file of three filings among them.
struct ParallelCheckFolder {
  /// The temporary folder; remove it with ``remove()``.
  let root: URL

  /// The folder of filings, as an absolute path.
  var filings: String { root.appendingPathComponent("filings").path }

  /// Copies the samples and the corpus fixtures into a new temporary folder.
  init() throws {
    root = try CLIHarness.temporaryFolder()
    let filings = root.appendingPathComponent("filings")
    try FileManager.default.createDirectory(at: filings, withIntermediateDirectories: true)
    let sources = [
      TestSupport.repositoryRoot.appendingPathComponent("Samples"),
      TestSupport.repositoryRoot.appendingPathComponent("Tests/BocheckTests/Fixtures/corpus"),
    ]
    for source in sources {
      for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where !name.hasSuffix(".md") {
        try FileManager.default.copyItem(
          at: source.appendingPathComponent(name), to: filings.appendingPathComponent(name))
      }
    }
    // Sorted among the others: the errors for these two come between the reports of readable files.
    try Data([0x00, 0x01, 0xFF, 0xFE, 0x00, 0x7F] + Array(repeating: 0, count: 64)).write(
      to: filings.appendingPathComponent("m-binary.txt"))
    try Data().write(to: filings.appendingPathComponent("n-empty.txt"))
    // A file of three filings, the second unreadable, among the files checked at once.
    try Data(ConcatenatedFilings.threeSubmissions.utf8).write(to: filings.appendingPathComponent("o-feed.txt"))
  }

  /// Removes the folder.
  func remove() {
    try? FileManager.default.removeItem(at: root)
  }
}

/// The `--jobs` values each comparison runs with, `nil` for the default (the number of cores).
private let jobsValues: [String?] = ["1", "4", "64", nil]

/// The arguments of one run: `check`, `--jobs` when given, then the rest.
private func arguments(jobs: String?, _ rest: [String]) -> [String] {
  ["check"] + (jobs.map { ["--jobs", $0] } ?? []) + rest
}

@Suite("check --jobs: parallel runs report exactly what a serial run reports")
struct ParallelCheckTests {
  @Test(
    "standard output, standard error and exit status are the same for every --jobs, in every format",
    arguments: ReportFormat.allCases)
  func sameOutput(format: ReportFormat) throws {
    let folder = try ParallelCheckFolder()
    defer { folder.remove() }
    let serial = CLIHarness.run(arguments(jobs: "1", ["--format", format.rawValue, folder.filings]))
    // The run itself is meaningful: readable files are reported, the two unreadable ones are named in order.
    #expect(serial.status == 2)
    let binary = try #require(serial.standardError.range(of: "m-binary.txt"), "\(serial.standardError)")
    let empty = try #require(serial.standardError.range(of: "n-empty.txt"), "\(serial.standardError)")
    #expect(binary.lowerBound < empty.lowerBound)
    #expect(serial.standardOutput.contains("sc13da-amendment-2-malformed-rows.txt"))
    for jobs in jobsValues.dropFirst() {
      let parallel = CLIHarness.run(arguments(jobs: jobs, ["--format", format.rawValue, folder.filings]))
      #expect(parallel.standardOutput == serial.standardOutput, "--jobs \(jobs ?? "default")")
      #expect(parallel.standardError == serial.standardError, "--jobs \(jobs ?? "default")")
      #expect(parallel.status == serial.status, "--jobs \(jobs ?? "default")")
    }
  }

  @Test("every --output report file is the same for every --jobs")
  func sameReportFiles() throws {
    let folder = try ParallelCheckFolder()
    defer { folder.remove() }
    var serialFiles: [ReportFormat: Data] = [:]
    for jobs in jobsValues {
      let outputs = folder.root.appendingPathComponent("reports-\(jobs ?? "default")")
      try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
      let requests = ReportFormat.allCases.flatMap { format in
        ["--output", "\(format.rawValue)=\(outputs.appendingPathComponent("report.\(format.rawValue)").path)"]
      }
      let outcome = CLIHarness.run(arguments(jobs: jobs, ["--format", "json"] + requests + [folder.filings]))
      #expect(outcome.status == 2)
      for format in ReportFormat.allCases {
        let data = try Data(contentsOf: outputs.appendingPathComponent("report.\(format.rawValue)"))
        #expect(!data.isEmpty, "\(format) report is empty")
        if let serial = serialFiles[format] {
          #expect(data == serial, "\(format) report differs with --jobs \(jobs ?? "default")")
        } else {
          serialFiles[format] = data
        }
      }
    }
  }

  @Test("suppressions, severity overrides and baselines give the same reports, warnings and baseline files")
  func sameSettings() throws {
    let folder = try ParallelCheckFolder()
    defer { folder.remove() }
    let configuration = """
      {
        "severity": {"percent-derivative-basis": "error"},
        "suppressions": [
          {"rule": "parent-sum", "path": "filings/sc13da-amendment-2-*", "reason": "one share rounded"},
          {"rule": "cusip-check-digit", "path": "filings/sc13da-amendment-4-*", "reason": "never found"}
        ]
      }
      """
    let configurationPath = try CLIHarness.write(configuration, named: "bocheck-config.json", in: folder.root)
    var serial: (written: CLIHarness.Outcome, baseline: Data, read: CLIHarness.Outcome)?
    for jobs in jobsValues {
      let baselinePath = folder.root.appendingPathComponent("baseline-\(jobs ?? "default").json").path
      let settings = ["--config", configurationPath, "--format", "text", "--no-color"]
      let written = CLIHarness.run(
        arguments(jobs: jobs, settings + ["--write-baseline", baselinePath, folder.filings]))
      let baseline = try Data(contentsOf: URL(fileURLWithPath: baselinePath))
      let read = CLIHarness.run(arguments(jobs: jobs, settings + ["--baseline", baselinePath, folder.filings]))
      guard let serial else {
        // The serial run shows the settings at work: the unused suppression is warned about and the baseline
        // holds findings, which the second run then accepts.
        #expect(written.standardError.contains("unused suppression: cusip-check-digit"))
        #expect(!written.standardError.contains("unused suppression: parent-sum"))
        #expect(String(decoding: baseline, as: UTF8.self).contains("percent-derivative-basis"))
        #expect(!read.standardOutput.contains("percent-derivative-basis"))
        serial = (written, baseline, read)
        continue
      }
      let label = "--jobs \(jobs ?? "default")"
      #expect(written.standardOutput == serial.written.standardOutput, "\(label)")
      #expect(written.standardError == serial.written.standardError, "\(label)")
      #expect(written.status == serial.written.status, "\(label)")
      #expect(baseline == serial.baseline, "\(label): the baseline files differ")
      #expect(read.standardOutput == serial.read.standardOutput, "\(label)")
      #expect(read.standardError == serial.read.standardError, "\(label)")
      #expect(read.status == serial.read.status, "\(label)")
    }
  }

  @Test("standard input among files, and progress on a terminal, are the same for every --jobs")
  func standardInputAndProgress() throws {
    let folder = try ParallelCheckFolder()
    defer { folder.remove() }
    let filing = Array(CLIHarness.errorFiling.utf8)
    func run(_ jobs: String?) -> CLIHarness.Outcome {
      var output = ""
      var error = ""
      let status = BocheckCommand.run(
        arguments: arguments(jobs: jobs, ["--format", "json", folder.filings, "-"]), standardInput: { filing },
        standardOutput: { output += $0 }, standardError: { error += $0 }, isTerminal: false,
        errorIsTerminal: true)
      return CLIHarness.Outcome(status: status, standardOutput: output, standardError: error)
    }
    let serial = run("1")
    #expect(serial.standardOutput.contains("\"path\": \"<stdin>\""))
    #expect(serial.standardError.contains(BocheckCLI.Progress.clearLine + "[1/"))
    for jobs in jobsValues.dropFirst() {
      let parallel = run(jobs)
      #expect(parallel.standardOutput == serial.standardOutput, "--jobs \(jobs ?? "default")")
      #expect(parallel.standardError == serial.standardError, "--jobs \(jobs ?? "default")")
      #expect(parallel.status == serial.status, "--jobs \(jobs ?? "default")")
    }
  }

  @Test("the filings of one file are checked at once and reported as --jobs 1 reports them")
  func filingsOfOneFile() throws {
    let folder = try ParallelCheckFolder()
    defer { folder.remove() }
    // Twelve filings in one file: the three submissions four times over.
    let feed = try CLIHarness.write(
      String(repeating: ConcatenatedFilings.threeSubmissions, count: 4), named: "feed.txt", in: folder.root)
    let serial = CLIHarness.run(arguments(jobs: "1", ["--format", "text", "--no-color", feed]))
    #expect(serial.status == 2)
    #expect(serial.standardOutput.contains("feed.txt (filing 12 of 12, from line "))
    #expect(serial.standardError.contains("feed.txt:50: filing 2 of 12: no Schedule 13D or 13G cover page"))
    #expect(serial.standardError.contains("feed.txt:149: filing 5 of 12: no Schedule 13D or 13G cover page"))
    for jobs in jobsValues.dropFirst() {
      let parallel = CLIHarness.run(arguments(jobs: jobs, ["--format", "text", "--no-color", feed]))
      #expect(parallel.standardOutput == serial.standardOutput, "--jobs \(jobs ?? "default")")
      #expect(parallel.standardError == serial.standardError, "--jobs \(jobs ?? "default")")
      #expect(parallel.status == serial.status, "--jobs \(jobs ?? "default")")
    }
  }

  @Test(
    "--jobs takes a positive whole number; anything else is a usage error with exit status 2",
    arguments: ["0", "x", "-3", "2.5", ""])
  func invalidJobs(value: String) {
    let outcome = CLIHarness.run(["check", "--jobs=\(value)", TestSupport.completeSample.path])
    #expect(outcome.status == 2)
    #expect(outcome.standardOutput.isEmpty)
    #expect(
      outcome.standardError
        == "bocheck: error: invalid value '\(value)' for --jobs (expected a positive whole number of files to "
        + "check at once, such as 1 or 4)\nusage: bocheck check [options] PATH...\n")
  }

  @Test("a mistyped --jobs is suggested, and check --help documents it")
  func suggestionAndHelp() {
    let outcome = CLIHarness.run(["check", "--jbos", "2", TestSupport.completeSample.path])
    #expect(outcome.status == 2)
    #expect(outcome.standardError.hasPrefix("bocheck: error: unknown option '--jbos' (did you mean '--jobs'?)\n"))
    #expect(CLIHarness.run(["check", "--help"]).standardOutput.contains("--jobs N"))
  }
}

@Suite(
  "check --jobs: the built executable",
  .enabled(
    if: BuiltExecutable.url != nil,
    "the bocheck executable is not next to the test bundle; run 'swift build' (or set BOCHECK_EXECUTABLE)"))
struct ParallelCheckExecutableTests {
  @Test("the executable's default --jobs reports what --jobs 1 reports")
  func executable() throws {
    let folder = try ParallelCheckFolder()
    defer { folder.remove() }
    let serial = try BuiltExecutable.run(["check", "--jobs", "1", "--format", "sarif", folder.filings])
    #expect(serial.status == 2)
    #expect(serial.standardOutput.contains("parent-sum"))
    for jobs in [nil, "3"] {
      let parallel = try BuiltExecutable.run(arguments(jobs: jobs, ["--format", "sarif", folder.filings]))
      #expect(parallel.standardOutput == serial.standardOutput)
      #expect(parallel.standardError == serial.standardError)
      #expect(parallel.status == serial.status)
    }
  }
}

@Suite("OrderedParallelMap")
struct OrderedParallelMapTests {
  /// Counts the transforms started, from any thread.
  ///
  /// `@unchecked Sendable`: `count` is read and written only while `lock` is held.
  final class StartCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Counts one more start.
    func increment() {
      lock.withLock { count += 1 }
    }

    /// The starts so far.
    var value: Int { lock.withLock { count } }
  }

  @Test("results come back in the elements' order, and no more than the window are in flight", arguments: [1, 2, 3])
  func orderAndWindow(threads: Int) {
    let elements = Array(0..<200)
    let window = 2 * threads
    let started = StartCounter()
    var indices: [Int] = []
    var results: [String] = []
    OrderedParallelMap.forEach(
      elements, threads: threads, window: window,
      transform: { element in
        started.increment()
        // Early elements take the longest, so later ones are often ready first.
        var sum = 0
        for step in 0..<((200 - element) * 500) { sum &+= step }
        return "\(element):\(sum)"
      },
      inOrder: { index, result in
        // Once `index` is handed back, workers may have started at most `window` elements beyond it.
        #expect(started.value <= index + 1 + window, "index \(index)")
        indices.append(index)
        results.append(result)
        usleep(100)
      })
    #expect(indices == Array(elements.indices))
    #expect(results.map { $0.split(separator: ":")[0] } == elements.map { "\($0)"[...] })
    #expect(started.value == elements.count)
  }

  @Test("one element, or one thread, is transformed on the calling thread, which starts no worker")
  func noWorkerForOneElement() {
    let caller = pthread_self()
    for (count, threads) in [(1, 4), (5, 1)] {
      let elsewhere = StartCounter()
      OrderedParallelMap.forEach(
        Array(0..<count), threads: threads, window: 8,
        transform: { _ in
          if pthread_equal(pthread_self(), caller) == 0 { elsewhere.increment() }
          return 0
        },
        inOrder: { _, _ in })
      #expect(elsewhere.value == 0, "\(count) elements, \(threads) threads")
    }
  }

  @Test("two threads work on two elements at once")
  func twoAtOnce() {
    // The first element's transform waits until the second's has started: only a second thread can start it.
    let second = DispatchSemaphore(value: 0)
    let overlapped = StartCounter()
    OrderedParallelMap.forEach(
      [0, 1], threads: 2, window: 2,
      transform: { element in
        if element == 1 {
          second.signal()
        } else if second.wait(timeout: .now() + 60) == .success {
          overlapped.increment()
        }
        return element
      },
      inOrder: { _, _ in })
    #expect(overlapped.value == 1)
  }

  @Test("an empty list calls nothing")
  func empty() {
    var calls = 0
    OrderedParallelMap.forEach([Int](), threads: 4, window: 8, transform: { $0 }, inOrder: { _, _ in calls += 1 })
    #expect(calls == 0)
  }
}
