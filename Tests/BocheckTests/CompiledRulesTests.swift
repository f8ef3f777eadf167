import Foundation
import Testing

@testable import BocheckCLI
@testable import BocheckRules

/// The built-in rules compiled at build time (plugin CompileRules) are the rules the files parse to, and are used
/// only while the folder holds exactly the files they were compiled from.
@Suite("Compiled built-in rules")
struct CompiledRulesTests {
  /// Everything a rule set holds, as text.
  private func dumped(_ rules: RuleSet) -> String {
    var text = ""
    dump(rules, to: &text)
    return text
  }

  /// A copy of the built-in rules in a new temporary folder.
  private func copyOfRules() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bocheck-compiled-\(UUID().uuidString)")
      .path
    try FileManager.default.copyItem(atPath: RepositoryPaths.rules, toPath: path)
    return path
  }

  private func ruleNames(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".rule") }.sorted()
  }

  @Test("The embedded archive matches Rules/ and decodes to exactly the parsed rules")
  func archiveEqualsParsedRules() throws {
    let directory = RepositoryPaths.rules
    let compiled = try #require(
      CompiledRules.rules(archive: compiledBuiltInRules, directory: directory, names: try ruleNames(directory)))
    let parsed = try RuleSet.load(directories: [directory])
    #expect(compiled.count == parsed.rules.count)
    #expect(dumped(RuleSet(rules: compiled)) == dumped(parsed))
    #expect(dumped(try RuleSet.load(directories: [directory], compiled: compiledBuiltInRules)) == dumped(parsed))
  }

  @Test("An edited, added or removed rule file is parsed, with the same rules and errors as without the archive")
  func changedFolderIsParsed() throws {
    let directory = try copyOfRules()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = directory + "/parent-sum.rule"
    let original = try String(contentsOfFile: file, encoding: .utf8)

    // Edited: a valid change is seen.
    try original.replacingOccurrences(of: "severity: error", with: "severity: note")
      .write(toFile: file, atomically: true, encoding: .utf8)
    #expect(
      CompiledRules.rules(archive: compiledBuiltInRules, directory: directory, names: try ruleNames(directory)) == nil)
    let edited = try RuleSet.load(directories: [directory], compiled: compiledBuiltInRules)
    #expect(edited.rules.first { $0.id == "parent-sum" }?.severity == .note)
    #expect(dumped(edited) == dumped(try RuleSet.load(directories: [directory])))

    // Edited: an invalid change gives the parser's error, file and line.
    try original.replacingOccurrences(of: "severity: error", with: "severity: fatal")
      .write(toFile: file, atomically: true, encoding: .utf8)
    var withArchive: RuleLoadError?
    var without: RuleLoadError?
    do { _ = try RuleSet.load(directories: [directory], compiled: compiledBuiltInRules) } catch { withArchive = error }
    do { _ = try RuleSet.load(directories: [directory]) } catch { without = error }
    #expect(withArchive != nil && withArchive == without)
    #expect(withArchive?.path == file)

    // Removed and added files.
    try FileManager.default.removeItem(atPath: file)
    #expect(
      dumped(try RuleSet.load(directories: [directory], compiled: compiledBuiltInRules))
        == dumped(try RuleSet.load(directories: [directory])))
    try original.write(toFile: file, atomically: true, encoding: .utf8)
    try original.replacingOccurrences(of: "id: parent-sum", with: "id: parent-sum-copy")
      .write(toFile: directory + "/parent-sum-copy.rule", atomically: true, encoding: .utf8)
    let added = try RuleSet.load(directories: [directory], compiled: compiledBuiltInRules)
    #expect(added.rules.contains { $0.id == "parent-sum-copy" })
    #expect(dumped(added) == dumped(try RuleSet.load(directories: [directory])))
  }

  @Test("Without BOCHECK_RULES_DIR the tests find the built-in rules in the source tree, by the same path as before")
  func builtInDirectoryOfTheSourceTree() throws {
    guard ProcessInfo.processInfo.environment["BOCHECK_RULES_DIR"] == nil else { return }
    // The path as URL arithmetic gave it before paths were cut as strings.
    let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Rules").path
    #expect(RuleSet.builtInDirectory() == expected)
  }

  @Test("A malformed archive is not used")
  func malformedArchive() throws {
    let directory = RepositoryPaths.rules
    let names = try ruleNames(directory)
    #expect(CompiledRules.rules(archive: "", directory: directory, names: names) == nil)
    #expect(
      CompiledRules.rules(archive: String(compiledBuiltInRules.dropLast()), directory: directory, names: names) == nil)
    #expect(CompiledRules.rules(archive: compiledBuiltInRules + "x", directory: directory, names: names) == nil)
  }
}

@Suite("Rule file fingerprints")
struct RuleFileFingerprintTests {
  @Test("A change of any one byte, in a whole word or in the bytes after the last one, changes the fingerprint")
  func everyByteCounts() {
    // 19 bytes: two whole words and three bytes after them.
    let original = Array("id: parent-sum\nsev:".utf8)
    let fingerprint = CompiledRules.fingerprint(original)
    var seen: Set<UInt64> = [fingerprint]
    for position in original.indices {
      for change: UInt8 in [1, 0x80] {
        var changed = original
        changed[position] ^= change
        let changedFingerprint = CompiledRules.fingerprint(changed)
        #expect(changedFingerprint != fingerprint, "byte \(position) changed by \(change)")
        seen.insert(changedFingerprint)
      }
    }
    #expect(seen.count == 1 + 2 * original.count, "no two of the changed files share a fingerprint")
    // The top bits of two words changed together do not cancel out.
    var twoWords = original
    twoWords[7] ^= 0x80
    twoWords[15] ^= 0x80
    #expect(CompiledRules.fingerprint(twoWords) != fingerprint)
    // A byte more or less is another file.
    #expect(CompiledRules.fingerprint(original + [0]) != fingerprint)
    #expect(CompiledRules.fingerprint(Array(original.dropLast())) != fingerprint)
  }
}

@Suite("Archived check programs")
struct ArchivedProgramTests {
  /// A rule whose checks resolve to every kind of node and constant the archive writes: text membership and
  /// its negation, text equality both ways, each test kind, unary and binary operators, `let:`s (which the
  /// parser always defers: it lets no name be defined twice), filters with element fields and `it`,
  /// non-constant lists, numbers with decimals, calls, an overriding severity and the optional expected,
  /// actual and person.
  static let ruleText = InlineRule.text(
    id: "round-trip",
    checks: """
      check:
        for: person in persons, row in person.rows where row.field not in ["cusip", "fundType"]
        let: limit = 2.50 * 4 / 2 - -1 + 0.125
        let: kept = person.rows[status != "missing" and it.field in ["soleVotingPower", "sharedVotingPower"]]
        where: not (row.status == "malformed") and "recovered" != row.status
        where: row.text is null and row.codes is not null or row.parts is empty or kept is not empty
        where: row is present or row is missing
        expect: row.shares <= limit or [row.shares, 1, null, true, false, "a"] == [] or count(kept) > 0
          and max([row.shares, 1]) >= 0 and row.shares < 1
        severity: warning
        at: row
        message: "{person}: {row.number} {limit} {coalesce(row.note, "none")}"
        expected: limit
        actual: row.shares
        person: person.name
      """)

  @Test("A rule archived and read back is the rule its file parses to, program for program")
  func everyNodeRoundTrips() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bocheck-archived-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/round-trip.rule"
    try Self.ruleText.write(toFile: path, atomically: true, encoding: .utf8)
    let parsed = try RuleSet.loadRule(path: path)
    let archive = CompiledRules.archive(rules: [parsed], texts: [("round-trip.rule", Array(Self.ruleText.utf8))])
    let decoded = try #require(CompiledRules.rules(archive: archive, directory: directory, names: ["round-trip.rule"]))
    var parsedDump = ""
    var decodedDump = ""
    dump(RuleSet(rules: [parsed]), to: &parsedDump)
    dump(RuleSet(rules: decoded), to: &decodedDump)
    #expect(decodedDump == parsedDump)
    // The dump holds what the archive must carry: the negated membership, the deferred let, `it`.
    #expect(parsedDump.contains("textMembership") && parsedDump.contains("negated: true"))
    #expect(parsedDump.contains("deferredLet") && parsedDump.contains("innermostElement"))
    #expect(parsedDump.contains("elementField") && parsedDump.contains("variableMember"))
  }
}
