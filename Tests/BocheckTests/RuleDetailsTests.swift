import Foundation
import Testing

@testable import BocheckRules

/// A rule taken from the compiled rules keeps its examples and its checks as written where the archive holds
/// them, and gives the ones its file parses to.
@Suite("Rule details kept in the archive")
struct RuleDetailsTests {
  @Test("Archived details decode to the parsed rule's; details that do not decode are read from the rule file")
  func archivedDetails() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bocheck-details-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/round-trip.rule"
    try ArchivedProgramTests.ruleText.write(toFile: path, atomically: true, encoding: .utf8)
    let parsed = try RuleSet.loadRule(path: path)
    let archive = CompiledRules.archive(
      rules: [parsed], texts: [("round-trip.rule", Array(ArchivedProgramTests.ruleText.utf8))])
    let decoded = try #require(
      CompiledRules.rules(archive: archive, directory: directory, names: ["round-trip.rule"])?.first)
    guard case .archived(let archived, let bytes, _) = decoded.details else {
      Issue.record("a compiled rule keeps its details in the archive")
      return
    }
    #expect(!parsed.examples.isEmpty && !parsed.checkSources.isEmpty)
    #expect(decoded.examples == parsed.examples)
    #expect(decoded.checkSources == parsed.checkSources)

    // The piece without its last byte does not decode: the rule file gives them.
    let cut = bytes.lowerBound..<bytes.upperBound - 1
    #expect(CompiledRules.details(archive: archived, bytes: cut) == nil)
    let damaged = RuleDetails.archived(archive: archived, bytes: cut, path: path)
    #expect(damaged.decoded.examples == parsed.examples)
    #expect(damaged.decoded.checkSources == parsed.checkSources)
  }
}
