import BocheckModel
import BocheckReading
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
let coverEnd = String(decoding: sample, as: UTF8.self).range(of: "**AMENDMENT NO. 4")!.lowerBound
let coverText = String(String(decoding: sample, as: UTF8.self)[..<coverEnd])
measure("2,000 cover pages in one file", Array(String(repeating: coverText, count: 286).utf8), repetitions: 3)
let body =
  String(repeating: "This paragraph is the body of an exhibit and holds no cover page at all. ", count: 4) + "\n"
measure("one cover page and a 20 MB body", sample + Array(String(repeating: body, count: 70_000).utf8), repetitions: 3)
