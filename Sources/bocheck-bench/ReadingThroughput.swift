import BocheckModel
import BocheckReading
import BocheckRules
import Foundation

/// In-process measurements that show where a check's time goes: reading alone, and reading then every
/// built-in rule, on inputs built from the samples (many cover pages in one file, and a long body).
enum ReadingThroughput {
  /// Prints one line per measurement.
  ///
  /// - Parameters:
  ///   - sample: The sample with complete rows.
  ///   - malformed: The sample with malformed rows.
  static func report(sample: [UInt8], malformed: [UInt8]) {
    measure("sample, complete rows", sample, repetitions: 50)
    measure("sample, malformed rows", malformed, repetitions: 50)
    let sampleText = String(decoding: sample, as: UTF8.self)
    guard let firstPage = sampleText.range(of: "1 NAME OF REPORTING PERSON")?.lowerBound,
      let coverEnd = sampleText.range(of: "**AMENDMENT NO. 4")?.lowerBound
    else { return }
    let pages = String(sampleText[firstPage..<coverEnd])
    let manyPages = Array(("SCHEDULE 13D\n" + String(repeating: pages, count: 286)).utf8)
    measure("2,002 cover pages in one file", manyPages, repetitions: 3)
    let body =
      String(repeating: "This paragraph is the body of an exhibit and holds no cover page at all. ", count: 4) + "\n"
    measure(
      "one cover page and a 20 MB body", sample + Array(String(repeating: body, count: 70_000).utf8), repetitions: 3)

    guard let directory = RuleSet.builtInDirectory(), let rules = try? RuleSet.load(directories: [directory]) else {
      return
    }
    for (label, bytes, repetitions) in [
      ("check, complete rows", sample, 20), ("check, 2,002 cover pages", manyPages, 1),
    ] {
      var findings = 0
      let elapsed = ContinuousClock().measure {
        for _ in 0..<repetitions {
          if let filing = try? FilingReader.read(bytes: bytes, path: label) {
            findings = rules.check(filing, options: CheckOptions()).findings.count
          }
        }
      }
      let milliseconds = CommandTiming.seconds(elapsed) * 1000 / Double(repetitions)
      say("  \(pad(label)) \(String(format: "%8.1f", milliseconds)) ms per file  (\(findings) findings)")
    }
  }

  /// Reads `bytes` `repetitions` times and prints the best throughput.
  static func measure(_ label: String, _ bytes: [UInt8], repetitions: Int) {
    var best = Duration.seconds(1_000_000)
    var pages = 0
    for _ in 0..<repetitions {
      let elapsed = ContinuousClock().measure {
        pages = (try? FilingReader.read(bytes: bytes, path: label))?.coverPages.count ?? -1
      }
      best = min(best, elapsed)
    }
    let megabytes = Double(bytes.count) / 1_000_000
    say(
      "  \(pad(label)) \(String(format: "%8.2f", megabytes)) MB "
        + "\(String(format: "%8.1f", megabytes / CommandTiming.seconds(best))) MB/s  (\(pages) cover pages, best of \(repetitions))"
    )
  }

  /// `label` padded to a column.
  static func pad(_ label: String) -> String {
    label.padding(toLength: 34, withPad: " ", startingAt: 0)
  }
}
