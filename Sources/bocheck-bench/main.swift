import BocheckModel
import BocheckReading
import BocheckRules
import Foundation

// The benchmark behind `make bench`: how fast filings are read, in MB/s, on inputs built from the bundled
// samples (many cover pages in one file, and a long body). Run in release mode; results vary by machine.

/// Reads `bytes` `repetitions` times and prints the best throughput.
func measure(_ label: String, _ bytes: [UInt8], repetitions: Int = 5) {
  let clock = ContinuousClock()
  var best = Duration.seconds(1_000_000)
  var pages = 0
  for _ in 0..<repetitions {
    let elapsed = clock.measure {
      pages = (try? FilingReader.read(bytes: bytes, path: label))?.coverPages.count ?? -1
    }
    best = min(best, elapsed)
  }
  let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
  let megabytes = Double(bytes.count) / 1_000_000
  print(
    "\(label.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%8.2f", megabytes)) MB "
      + "\(String(format: "%8.1f", megabytes / seconds)) MB/s  (\(pages) cover pages, best of \(repetitions))")
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
let sample = Array(
  (try? Data(contentsOf: root.appendingPathComponent("Samples/sc13da-amendment-4-complete-rows.txt"))) ?? Data())
let malformed = Array(
  (try? Data(contentsOf: root.appendingPathComponent("Samples/sc13da-amendment-2-malformed-rows.txt"))) ?? Data())
guard !sample.isEmpty, !malformed.isEmpty else {
  print("bench: the samples were not found under \(root.path)/Samples")
  exit(2)
}
measure("sample, complete rows", sample, repetitions: 50)
measure("sample, malformed rows", malformed, repetitions: 50)
let sampleText = String(decoding: sample, as: UTF8.self)
let firstPage = sampleText.range(of: "1 NAME OF REPORTING PERSON")!.lowerBound
let coverEnd = sampleText.range(of: "**AMENDMENT NO. 4")!.lowerBound
let pages = String(sampleText[firstPage..<coverEnd])
let manyPages = Array(("SCHEDULE 13D\n" + String(repeating: pages, count: 286)).utf8)
measure("2,002 cover pages in one file", manyPages, repetitions: 3)
let body =
  String(repeating: "This paragraph is the body of an exhibit and holds no cover page at all. ", count: 4) + "\n"
measure("one cover page and a 20 MB body", sample + Array(String(repeating: body, count: 70_000).utf8), repetitions: 3)

// Rules: the whole check (read, then every built-in rule) on the samples and on the many-page file.
if let directory = RuleSet.builtInDirectory(), let rules = try? RuleSet.load(directories: [directory]) {
  for (label, bytes, repetitions) in [("check, complete rows", sample, 20), ("check, 2,002 cover pages", manyPages, 1)]
  {
    let clock = ContinuousClock()
    var findings = 0
    let elapsed = clock.measure {
      for _ in 0..<repetitions {
        if let filing = try? FilingReader.read(bytes: bytes, path: label) {
          findings = rules.check(filing, options: CheckOptions()).findings.count
        }
      }
    }
    let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    print(
      "\(label.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", milliseconds / Double(repetitions))) ms per file"
        + "  (\(findings) findings)")
  }
}
