import BocheckModel
import BocheckRules
import Foundation

// The benchmark behind `make bench` (never a test): builds a deterministic corpus under .build/, then
// measures with hyperfine (or its own loop) the medians of repeated runs of the release build of bocheck
// against reference commands, and prints a Markdown table with the machine it ran on. Its last rows put
// bocheck against the peer edgartools on the corpus's EDGAR XML filings, in process and cold, when a Python
// with edgartools is there (`make bench-peer` makes one; see PeerComparison.swift). Then, in process,
// where the time of a check goes. Usage:
//
//   bocheck-bench [--corpus DIR] [--real DIR] [--seed N] [--files N] [--repeats N] [--runs N] [--no-reading]
//                 [--corpus-only]

/// The options, with their defaults.
struct BenchOptions {
  /// Where the corpus is written (emptied first).
  var corpus = ".build/bench-corpus"
  /// The real filings to copy into the corpus, when the folder exists.
  var real = "../shared/corpus/edgar"
  /// The seed of the generated part.
  var seed: UInt64 = 13
  /// How many filings are generated.
  var files = 2_000
  /// How often each real filing is copied.
  var repeats = 2
  /// Timed runs of bocheck on the whole corpus (`cat` and `grep` get three times as many, one-filing
  /// latencies ten times as many).
  var runs = 3
  /// Whether to print the in-process reading measurements.
  var reading = true
  /// Whether to stop once the corpus is written (to inspect it, or to compare two seeds' digests).
  var corpusOnly = false

  /// Parses `arguments` (without the program name).
  init(_ arguments: [String]) throws {
    var rest = arguments[...]
    func value(_ option: String) throws -> String {
      guard let value = rest.popFirst() else { throw BenchError("\(option) needs a value") }
      return value
    }
    func number(_ option: String) throws -> Int {
      guard let number = Int(try value(option)), number >= 0 else { throw BenchError("\(option) needs a number") }
      return number
    }
    while let option = rest.popFirst() {
      switch option {
      case "--corpus": corpus = try value(option)
      case "--real": real = try value(option)
      case "--seed": seed = UInt64(try number(option))
      case "--files": files = try number(option)
      case "--repeats": repeats = try number(option)
      case "--runs": runs = max(1, try number(option))
      case "--no-reading": reading = false
      case "--corpus-only": corpusOnly = true
      default: throw BenchError("unknown option \(option)")
      }
    }
  }
}

/// Writes `line` to standard output at once, unbuffered, so that progress shows also in a pipe or a file.
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// `value` with `digits` decimals.
func decimal(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

/// A throughput cell: seconds, MB/s and files/s for `timing` over the corpus.
func throughput(_ timing: CommandTiming, _ corpus: BenchCorpus) -> String {
  let megabytes = Double(corpus.totalBytes) / 1_000_000
  return "\(decimal(timing.median, 2)) s: \(decimal(megabytes / timing.median)) MB/s, "
    + "\(decimal(Double(corpus.files.count) / timing.median, 0)) files/s"
}

/// The first line of /proc/`file` that starts with `key`, after its colon.
func procValue(_ file: String, _ key: String) -> String? {
  guard let text = try? String(contentsOfFile: "/proc/\(file)", encoding: .utf8) else { return nil }
  let line = text.split(separator: "\n").first { $0.hasPrefix(key) }
  return line?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
}

let options: BenchOptions
do {
  options = try BenchOptions(Array(CommandLine.arguments.dropFirst()))
} catch {
  say("bocheck-bench: \(error)")
  exit(2)
}
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
_ = FileManager.default.changeCurrentDirectoryPath(root.path)
let bocheck = ".build/release/bocheck"
let noop = ".build/release/bocheck-bench-noop"
guard FileManager.default.isExecutableFile(atPath: bocheck), FileManager.default.isExecutableFile(atPath: noop) else {
  say("bocheck-bench: build first: make build (needs \(bocheck) and \(noop))")
  exit(2)
}

/// How `executable` links the Swift runtime, from `ldd`: `statically` (a fully static executable: no shared
/// library at all), `statically, with a shared C library`, `as a shared library`, or `nil` when `ldd` is missing.
func runtimeLinkage(_ executable: String) -> String? {
  guard let ldd = CommandTiming.executable(named: "ldd"),
    let libraries = try? CommandTiming.run(ldd, [executable])
  else { return nil }
  if libraries.contains("libswiftCore") { return "as a shared library" }
  return libraries.contains("libc.so") ? "statically, with a shared C library" : "statically"
}

// The machine.
let cores = ProcessInfo.processInfo.activeProcessorCount
let cpu = procValue("cpuinfo", "model name") ?? "unknown CPU"
let memory =
  procValue("meminfo", "MemTotal").flatMap { Int($0.split(separator: " ").first ?? "") }
  .map { "\(decimal(Double($0) / 1_048_576)) GiB" } ?? "unknown"
let load =
  (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
  .joined(separator: " ") ?? "unknown"
say("machine: \(cores) cores (nproc), \(cpu), \(memory) memory; load average at start \(load)")
// The trivial executable is only a fair reference when it is built the way bocheck is (`make bench` builds both
// with the release flags of the Makefile: on Linux a fully static executable).
let linkage = (bocheck: runtimeLinkage(bocheck), noop: runtimeLinkage(noop))
say(
  "build: Swift runtime linked \(linkage.bocheck ?? "?") in bocheck, \(linkage.noop ?? "?") in the trivial executable"
    + (linkage.bocheck == linkage.noop ? "" : " (not built the same way: the one-filing ratio is not comparable)"))
say("timer: \(CommandTiming.hyperfine.map { "hyperfine (\($0))" } ?? "the benchmark's own loop (no hyperfine)")")

// The corpus.
let fixtures = "Tests/BocheckTests/Fixtures/corpus/"
let templateFiles: [(String, String?, Int)] = [
  ("Samples/sc13da-amendment-4-complete-rows.txt", nil, 20),
  ("Samples/sc13da-amendment-2-malformed-rows.txt", nil, 10),
  (fixtures + "sec-edgar-parser__schedule13g.txt", nil, 3),
  (fixtures + "edgartools__SC-13G-DOCUMENT.html", nil, 6),
  (fixtures + "edgartools__SG-13G-DOCUMENT-WITH-TEXT.html", "htm", 10),
  (fixtures + "edgartools__0001076809-24-000144.nc", nil, 10),
  (fixtures + "edgartools__schedule13d.xml", nil, 6),
  (fixtures + "edgartools__schedule13d_nested_cusip.xml", nil, 4),
  (fixtures + "edgartools__schedule13g.xml", nil, 6),
]
let templates = templateFiles.compactMap { path, pathExtension, weight -> CorpusTemplate? in
  guard var template = CorpusTemplate(url: root.appendingPathComponent(path), weight: weight) else { return nil }
  if let pathExtension { template.pathExtension = pathExtension }
  return template
}
guard templates.count == templateFiles.count else {
  say("bocheck-bench: a sample or fixture was not found or not read under \(root.path)")
  exit(2)
}
let realFolder = URL(fileURLWithPath: options.real)
let realFilings = ((try? FileManager.default.contentsOfDirectory(atPath: realFolder.path)) ?? [])
  .filter { ["txt", "htm", "html", "nc", "xml"].contains(($0 as NSString).pathExtension) }.sorted()
  .map { realFolder.appendingPathComponent($0) }
let corpus: BenchCorpus
do {
  corpus = try BenchCorpus.write(
    to: URL(fileURLWithPath: options.corpus), templates: templates, realFilings: realFilings,
    repeats: options.repeats, generated: options.files, seed: options.seed)
} catch {
  say("bocheck-bench: could not write the corpus: \(error)")
  exit(2)
}
let sizes = corpus.files.map(\.size).sorted()
let largest = corpus.files.max { $0.size < $1.size }!
var formats: [String: (files: Int, bytes: Int)] = [:]
for file in corpus.files {
  let key = file.template.map { "generated .\($0)" } ?? "real"
  formats[key, default: (0, 0)].files += 1
  formats[key, default: (0, 0)].bytes += file.size
}
say(
  "corpus: \(corpus.files.count) files, \(decimal(Double(corpus.totalBytes) / 1_000_000)) MB in \(options.corpus) "
    + "(seed \(options.seed), digest \(String(corpus.digest, radix: 16))); sizes \(sizes.first!) B to "
    + "\(sizes.last!) B, median \(sizes[sizes.count / 2]) B")
say(
  "  "
    + formats.sorted { $0.key < $1.key }.map {
      "\($0.key) \($0.value.files) files \(decimal(Double($0.value.bytes) / 1e6)) MB"
    }
    .joined(separator: "; ")
    + (realFilings.isEmpty
      ? " (no real filings: \(options.real) not found)" : " (real: \(realFilings.count) filings × \(options.repeats))"))

if options.corpusOnly { exit(0) }

// The timings.
do {
  let samples = try FileManager.default.contentsOfDirectory(atPath: "Samples").filter { $0.hasSuffix(".txt") }.sorted()
  say("timing one-filing latency (\(options.runs * 10) runs each) ...")
  let latency = try CommandTiming.measure(
    samples.map { "\(bocheck) check Samples/\($0)" } + [noop], warmup: 3, runs: options.runs * 10, shell: false)
  let start = latency.last!

  let help = try CommandTiming.run(bocheck, ["check", "--help"])
  let hasJobs = help.contains("--jobs")
  let folder = options.corpus
  let oneJob = "\(bocheck) check \(hasJobs ? "--jobs 1 " : "")\(folder)"
  let allCores = "\(bocheck) check --jobs \(cores) \(folder)"
  say(
    "timing the corpus (\(options.runs) runs each in alternating rounds, after a warm-up run: the files are in the "
      + "page cache) ...")
  // The machine's own gain from its cores, for work that splits evenly: the corpus's files hashed by
  // `sha256sum` in one batch a core (of about equal bytes, listed beside the corpus), the batches one at a time
  // and all at once. On a shared machine a second core is not always a whole one; bocheck's jobs can gain
  // little more than this in the same minutes.
  let canHash =
    hasJobs && cores > 1 && ["xargs", "sha256sum"].allSatisfy { CommandTiming.executable(named: $0) != nil }
  let batchLists = (1...cores).map { folder + "-hash-\($0).list" }
  if canHash {
    // The largest files first, each to the batch with the fewest bytes so far.
    var batches = Array(repeating: (bytes: 0, paths: [String]()), count: cores)
    for file in corpus.files.sorted(by: { $0.size > $1.size }) {
      let lightest = batches.indices.min { batches[$0].bytes < batches[$1].bytes } ?? 0
      batches[lightest].bytes += file.size
      batches[lightest].paths.append(file.path)
    }
    for (batch, list) in zip(batches, batchLists) {
      try Data(batch.paths.joined(separator: "\0").utf8).write(to: URL(fileURLWithPath: list))
    }
  }
  let hashing = { (atOnce: Bool) in
    "for list in \(batchLists.joined(separator: " ")); do xargs -0 sha256sum < $list >/dev/null"
      + (atOnce ? " & done; wait" : "; done")
  }
  // bocheck and its references in the same rounds, so that their ratios compare them on the same minutes.
  let corpusCommands =
    ["cat \(folder)/* >/dev/null", "grep -c shares \(folder)/* >/dev/null", oneJob] + (hasJobs ? [allCores] : [])
    + (canHash ? [hashing(false), hashing(true)] : [])
  let allCorpusTimings = try CommandTiming.measure(corpusCommands, warmup: 1, runs: options.runs)
  let (cat, grep) = (allCorpusTimings[0], allCorpusTimings[1])
  let corpusTimings = Array(allCorpusTimings[2..<(hasJobs ? 4 : 3)])
  let hashTimings = canHash ? Array(allCorpusTimings.suffix(2)) : []

  // One file holding many filings one after the other, as EDGAR's feed files do: the real filings once each
  // (else the generated SGML submissions), written beside the corpus folder.
  let submissions =
    realFilings.isEmpty ? corpus.files.filter { $0.template == "nc" }.map(\.path) : realFilings.map(\.path)
  let feedPath = folder + "-feed.nc"
  var feed: [UInt8] = []
  for path in submissions { feed += try Array(Data(contentsOf: URL(fileURLWithPath: path))) }
  try Data(feed).write(to: URL(fileURLWithPath: feedPath))
  say(
    "timing one file of \(submissions.count) submissions (\(decimal(Double(feed.count) / 1e6)) MB, \(feedPath)), "
      + "--jobs 1 and --jobs \(cores) (\(options.runs) runs each) ...")
  let feedTimings =
    hasJobs
    ? try CommandTiming.measure(
      ["\(bocheck) check --jobs 1 \(feedPath)", "\(bocheck) check --jobs \(cores) \(feedPath)"], warmup: 1,
      runs: options.runs) : []

  say("measuring peak memory (/usr/bin/time -v; the corpus once, the largest file 3 times) ...")
  let corpusMemory = try CommandTiming.peakMemory(
    [bocheck, "check"] + (hasJobs ? ["--jobs", "1"] : []) + [folder], runs: 1)
  let largestMemory = try CommandTiming.peakMemory([bocheck, "check", largest.path], runs: 3)

  // EDGAR XML against the peer edgartools: in process, then cold.
  let xmlFiles = try PeerComparison.xmlFiles(of: corpus)
  guard !xmlFiles.isEmpty else { throw BenchError("the corpus has no .xml file") }
  guard let rulesFolder = RuleSet.builtInDirectory(), let rules = try? RuleSet.load(directories: [rulesFolder]) else {
    throw BenchError("the built-in rules were not found or not loaded")
  }
  let inProcessRuns = options.runs * 3
  let coldFile = fixtures + "edgartools__schedule13d.xml"
  let coldRuns = options.runs * 3
  let peerPython = PeerComparison.peerPython()
  // bocheck's passes and the peer's alternate in rounds (each with its own warm-up pass), so that the ratio
  // compares them on the same minutes.
  let inProcessRounds = 3
  say(
    "timing EDGAR XML in process (\(xmlFiles.count) files, \(inProcessRuns) passes each in \(inProcessRounds) "
      + "alternating rounds\(peerPython.map { ", the peer edgartools (\($0)) too" } ?? "")) ...")
  var xmlOneJob: (rate: InProcessRate, findings: Int)?
  var xmlAllCores: (rate: InProcessRate, findings: Int)?
  var xmlReading: (rate: InProcessRate, findings: Int)?
  var peer: (rate: InProcessRate, version: String, failures: Int)?
  func adding(
    _ total: (rate: InProcessRate, findings: Int)?, _ round: (rate: InProcessRate, findings: Int)
  ) -> (rate: InProcessRate, findings: Int) {
    total.map { ($0.rate.adding(round.rate), $0.findings) } ?? round
  }
  for round in 0..<inProcessRounds {
    let runs = inProcessRuns / inProcessRounds + (round < inProcessRuns % inProcessRounds ? 1 : 0)
    xmlOneJob = adding(xmlOneJob, PeerComparison.bocheckRate(xmlFiles, rules: rules, runs: runs, threads: 1))
    xmlAllCores = adding(xmlAllCores, PeerComparison.bocheckRate(xmlFiles, rules: rules, runs: runs, threads: cores))
    xmlReading = adding(
      xmlReading, PeerComparison.bocheckRate(xmlFiles, rules: rules, runs: runs, threads: 1, checking: false))
    if let peerPython {
      let roundRate = try PeerComparison.peerRate(python: peerPython, folder: folder, runs: runs)
      peer = peer.map { ($0.rate.adding(roundRate.rate), $0.version, $0.failures) } ?? roundRate
    }
  }
  guard let xmlOneJob, let xmlAllCores, let xmlReading else { throw BenchError("no in-process pass ran") }
  var peerOne: [String] = []
  if let peerPython {
    peerOne = [peerPython, PeerComparison.script, "--one", coldFile]
  } else {
    say(
      "the peer edgartools is not measured: no Python with edgartools (run `make bench-peer`, or set BENCH_PEER_PYTHON)"
    )
  }
  say("timing one EDGAR XML file cold (a new process each run, \(coldRuns) runs each; peak memory of 3) ...")
  let coldCommands = ["\(bocheck) check \(coldFile)"] + (peerOne.isEmpty ? [] : [peerOne.joined(separator: " ")])
  let coldTimings = try CommandTiming.measure(coldCommands, warmup: 1, runs: coldRuns, shell: false)
  let coldMemory = try [[bocheck, "check", coldFile], peerOne].filter { !$0.isEmpty }.map {
    try CommandTiming.peakMemory($0, runs: 3)
  }

  say("")
  say("| Measured (median of repeated runs) | bocheck | Reference | Ratio |")
  say("|---|---|---|---|")
  for (sample, timing) in zip(samples, latency) {
    say(
      "| one filing, `check Samples/\(sample)` (\(timing.runs) runs) | \(decimal(timing.median * 1000)) ms "
        + "| trivial Swift executable\(linkage.noop == "statically" ? " (fully static)" : linkage.noop == "statically, with a shared C library" ? " (static runtime)" : "") \(decimal(start.median * 1000)) ms | \(decimal(timing.median / start.median))× |"
    )
  }
  let jobsLabel = hasJobs ? "`--jobs 1`" : "one job"
  for (reference, name) in [(cat, "`cat`"), (grep, "`grep -c shares`")] {
    say(
      "| corpus, \(jobsLabel) (\(corpusTimings[0].runs) runs) | \(throughput(corpusTimings[0], corpus)) "
        + "| \(name) \(throughput(reference, corpus)) | \(decimal(corpusTimings[0].median / reference.median, 0))× the time |"
    )
  }
  if hasJobs {
    let all = corpusTimings[1]
    say(
      "| corpus, `--jobs \(cores)` (all cores, \(all.runs) runs) | \(throughput(all, corpus)) "
        + "| `--jobs 1` \(throughput(corpusTimings[0], corpus)) | \(decimal(corpusTimings[0].median / all.median, 2))× faster |"
    )
  } else {
    say("| corpus, all cores | not available: `bocheck check --help` lists no `--jobs` | | |")
  }
  if hashTimings.count == 2 {
    say(
      "| for reference, the machine's own gain from its cores: `sha256sum` of the corpus in \(cores) batches of "
        + "equal bytes, all at once (\(hashTimings[1].runs) runs) | \(decimal(hashTimings[1].median, 2)) s "
        + "| one batch at a time \(decimal(hashTimings[0].median, 2)) s "
        + "| \(decimal(hashTimings[0].median / hashTimings[1].median, 2))× faster |"
    )
  }
  if feedTimings.count == 2 {
    say(
      "| one file of \(submissions.count) submissions (\(decimal(Double(feed.count) / 1e6)) MB), `--jobs \(cores)` "
        + "(\(feedTimings[1].runs) runs) | \(decimal(feedTimings[1].median * 1000)) ms "
        + "| `--jobs 1` \(decimal(feedTimings[0].median * 1000)) ms | \(decimal(feedTimings[0].median / feedTimings[1].median, 2))× faster |"
    )
  }
  let kilobytes = { (value: Int?) in
    value.map { "\(decimal(Double($0) / 1024)) MB" } ?? "not measured (no /usr/bin/time)"
  }
  say(
    "| peak resident memory, whole corpus (\(decimal(Double(corpus.totalBytes) / 1e6)) MB) | \(kilobytes(corpusMemory)) | | |"
  )
  say(
    "| peak resident memory, largest file (\(decimal(Double(largest.size) / 1e6, 2)) MB) | \(kilobytes(largestMemory)) | | |"
  )
  let xmlMegabytes = decimal(Double(xmlOneJob.rate.bytes) / 1e6, 2)
  let xmlLabel = "in process, EDGAR XML (\(xmlFiles.count) files, \(xmlMegabytes) MB; best of \(inProcessRuns) passes)"
  for (label, what, rate) in [
    ("one job", "read+check", xmlOneJob.rate), ("all cores (\(cores) threads)", "read+check", xmlAllCores.rate),
    ("one job, reading alone", "read", xmlReading.rate),
  ] {
    let reference = peer.map { "edgartools \($0.version) parse (one process) \($0.rate.summary)" }
    let ratio = peer.map { "\(decimal(rate.filesPerSecond / $0.rate.filesPerSecond))× the rate" }
    say(
      "| \(xmlLabel), \(label) | \(what) \(rate.summary) "
        + "| \(reference ?? "edgartools not measured (no Python with edgartools)") | \(ratio ?? "") |")
  }
  let coldLabel =
    "cold, one EDGAR XML file (`\((coldFile as NSString).lastPathComponent)`, \(coldTimings[0].runs) runs; "
    + "peak memory of 3)"
  let memoryCell = { (value: Int?) in value.map { "\(decimal(Double($0) / 1024)) MB" } ?? "memory not measured" }
  let ours = "`check` \(decimal(coldTimings[0].median * 1000)) ms, \(memoryCell(coldMemory[0]))"
  if coldTimings.count == 2 {
    let theirs = coldTimings[1]
    say(
      "| \(coldLabel) | \(ours) | edgartools: Python start, import, parse \(decimal(theirs.median * 1000)) ms, "
        + "\(memoryCell(coldMemory[1])) | \(decimal(theirs.median / coldTimings[0].median))× less time |")
  } else {
    say("| \(coldLabel) | \(ours) | edgartools not measured (no Python with edgartools) | |")
  }
  say("")
  if let peer {
    let ratio = xmlOneJob.rate.filesPerSecond / peer.rate.filesPerSecond
    say(
      "in process, EDGAR XML: bocheck read+check \(xmlOneJob.rate.summary) vs edgartools parse "
        + "\(peer.rate.summary), ratio \(decimal(ratio))× (target 10×: \(ratio >= 10 ? "met" : "not met"); "
        + "one job against one Python process; all cores \(xmlAllCores.rate.summary), "
        + "\(decimal(xmlAllCores.rate.filesPerSecond / peer.rate.filesPerSecond))×)")
    if coldTimings.count == 2 {
      say(
        "cold, one file: bocheck \(decimal(coldTimings[0].median * 1000)) ms, \(memoryCell(coldMemory[0])) vs "
          + "edgartools \(decimal(coldTimings[1].median * 1000)) ms, \(memoryCell(coldMemory[1])) "
          + "(median time, peak resident memory)")
    }
    say(
      "  (median passes: bocheck \(decimal(xmlOneJob.rate.medianFilesPerSecond, 0)) files/s, edgartools "
        + "\(decimal(peer.rate.medianFilesPerSecond, 0)) files/s; edgartools read \(peer.rate.files) files, "
        + "\(peer.failures) failed to parse; bocheck made \(xmlOneJob.findings) findings per pass and reads alone "
        + "\(xmlReading.rate.summary), one job)")
  } else {
    say(
      "in process, EDGAR XML: bocheck read+check \(xmlOneJob.rate.summary) (all cores \(xmlAllCores.rate.summary); "
        + "reading alone \(xmlReading.rate.summary)); "
        + "edgartools not measured: no Python with edgartools (run `make bench-peer`, or set BENCH_PEER_PYTHON)")
  }
  say("")
  say("Machine: \(cores) cores (nproc), \(cpu), \(memory); load average at start \(load).")
  say("Corpus: \(corpus.files.count) files, \(decimal(Double(corpus.totalBytes) / 1e6)) MB, seed \(options.seed).")
} catch {
  say("bocheck-bench: \(error)")
  exit(2)
}

// Where the time goes, in process.
if options.reading {
  say("")
  say("in process (best of repeated runs), where the time goes:")
  let sample = Array(
    (try? Data(contentsOf: URL(fileURLWithPath: "Samples/sc13da-amendment-4-complete-rows.txt"))) ?? Data())
  let malformed = Array(
    (try? Data(contentsOf: URL(fileURLWithPath: "Samples/sc13da-amendment-2-malformed-rows.txt"))) ?? Data())
  ReadingThroughput.report(sample: sample, malformed: malformed)
}
