// `make corpus`: checks a folder of real filings against its expected.json and prints what differs.
//
//   bocheck-corpus [FOLDER] [--raise RATCHET]
//
// With --raise, every total in the ratchet file that this run betters is raised to it (none is lowered).
import BocheckCorpus
import BocheckReading
import BocheckRules
import Foundation

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("bocheck-corpus: \(message)\n".utf8))
  exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") {
  print("usage: bocheck-corpus [FOLDER] [--raise RATCHET]   (FOLDER defaults to \(CorpusEvaluation.defaultFolder))")
  exit(0)
}
// --lines FILE: the lines the cover-page reader sees (HTML flattened, cells separated by tabs).
if let index = arguments.firstIndex(of: "--lines") {
  guard arguments.indices.contains(index + 1), let data = FileManager.default.contents(atPath: arguments[index + 1])
  else { fail("--lines needs a readable file") }
  for (offset, line) in FilingReader.readableLines(bytes: [UInt8](data)).enumerated() {
    print("\(offset + 1)\t\(line.replacingOccurrences(of: "\t", with: " | "))")
  }
  exit(0)
}
var ratchetPath: String?
if let index = arguments.firstIndex(of: "--raise") {
  guard arguments.indices.contains(index + 1) else { fail("--raise needs the ratchet file's path") }
  ratchetPath = arguments[index + 1]
  arguments.removeSubrange(index...index + 1)
}
guard arguments.count <= 1 else { fail("one folder at most (see --help)") }
let folder = arguments.first ?? CorpusEvaluation.defaultFolder
guard let rulesFolder = RuleSet.builtInDirectory() else { fail("the built-in rules cannot be found") }
do {
  let ruleSet = try RuleSet.load(directories: [rulesFolder])
  let (filings, total) = try CorpusEvaluation.evaluate(folder: folder, ruleSet: ruleSet)
  for filing in filings where !filing.isFullyRight {
    print("\(filing.file):")
    for difference in filing.differences { print("  \(difference)") }
  }
  print(total.summary)
  if let ratchetPath {
    let url = URL(fileURLWithPath: ratchetPath)
    let recorded = (try? JSONDecoder().decode(CorpusScore.self, from: Data(contentsOf: url))) ?? total
    let raised = recorded.raised(to: total)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try (encoder.encode(raised) + Data("\n".utf8)).write(to: url)
    print("ratchet \(ratchetPath): \(raised.summary)")
  }
} catch let error as ExpectedCorpus.LoadError {
  // The message names expected.json's path.
  fail("\(error)")
} catch {
  fail("\(folder): \(error)")
}
