import BocheckModel
import Foundation
import Testing

@testable import BocheckCLI
@testable import BocheckReading

/// Input that must not break bocheck: loops, special files, deep nesting, long files, kept fuzz regressions.
@Suite struct RobustnessTests {
  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bocheck-robust-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func aFolderWithALoopSpecialFilesAndBadInputsStillChecksTheGoodOnes() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let manager = FileManager.default
    try manager.createDirectory(at: folder.appendingPathComponent("nested"), withIntermediateDirectories: true)
    try manager.copyItem(at: TestSupport.completeSample, to: folder.appendingPathComponent("a.txt"))
    try manager.copyItem(at: TestSupport.completeSample, to: folder.appendingPathComponent("nested/b.txt"))
    try manager.createSymbolicLink(
      at: folder.appendingPathComponent("nested/loop"), withDestinationURL: folder)
    try manager.createSymbolicLink(
      at: folder.appendingPathComponent("dangling.txt"), withDestinationURL: folder.appendingPathComponent("nowhere"))
    #expect(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o600) == 0)
    try Data().write(to: folder.appendingPathComponent("empty.txt"))
    try Data([0x00, 0xFF, 0x00]).write(to: folder.appendingPathComponent("binary.txt"))
    let outcome = CLIHarness.run(["check", "--no-color", folder.path])
    #expect(outcome.status == 2)
    #expect(outcome.standardOutput.contains("total: 2 files checked, 4 errors, 14 warnings, 0 notes, 2 unreadable"))
    #expect(outcome.standardError.contains("empty.txt: the file is empty"))
    #expect(outcome.standardError.contains("binary.txt:1: the file is binary, not a text filing"))
  }

  @Test func deeplyNestedHTMLAndXMLAreReadWithoutRecursion() throws {
    let depth = 100_000
    let html =
      String(repeating: "<div>", count: depth) + "<table><tr><td>1</td><td>NAME OF REPORTING PERSON</td>"
      + "<td>Deep Fund LP</td></tr><tr><td>11</td><td>AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING "
      + "PERSON</td><td>5,000</td></tr></table>" + String(repeating: "</div>", count: depth)
    let htmlFiling = try TestSupport.read(text: html, path: "deep.html")
    #expect(htmlFiling.format == .html)
    #expect(htmlFiling.coverPages.first?.reportingPersonName == "Deep Fund LP")
    #expect(htmlFiling.coverPages.first?.shares(.aggregateAmountOwned) == "5,000")
    let xml =
      "<?xml version=\"1.0\"?><edgarSubmission>" + String(repeating: "<a>", count: depth)
      + "<reportingPersonInfo><reportingPersonName>Deep LP</reportingPersonName>"
      + "<aggregateAmountOwned>7</aggregateAmountOwned></reportingPersonInfo>"
      + String(repeating: "</a>", count: depth) + "</edgarSubmission>"
    let xmlFiling = try TestSupport.read(text: xml, path: "deep.xml")
    #expect(xmlFiling.coverPages.first?.shares(.aggregateAmountOwned) == "7")
  }

  #if os(Linux)
    @Test func aFileHoldingMoreThanItsSizeSaysIsReadWhole() throws {
      // Files under /proc give their size as 0 and hold text: the bytes past the size are read all the same.
      let text = try InputFiles.text(of: .file("/proc/self/mountinfo"), standardInput: { [] }).text
      let expected = try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
      #expect(text.utf8.count > 1)
      #expect(text == expected)
    }
  #endif

  @Test func aMillionLinesAfterTheCoverPages() throws {
    var bytes = Array(try Data(contentsOf: TestSupport.completeSample))
    bytes += Array(String(repeating: "x\n", count: 1_000_000).utf8)
    let filing = try FilingReader.read(bytes: bytes, path: "million.txt")
    #expect(filing.coverPages.count == 7)
    #expect(filing.statedSharesOutstanding?.value.description == "44,726,000")
  }

  @Test func aLargeFileWithoutCoverPagesIsRefusedWithAReason() {
    let bytes = Array(String(repeating: "An exhibit with no cover page at all.\n", count: 200_000).utf8)
    #expect(throws: ReadError.self) { try FilingReader.read(bytes: bytes, path: "exhibit.txt") }
  }

  @Test func keptFuzzRegressionsReadToTheEnd() throws {
    let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/BocheckTests/Fixtures/fuzz-regressions")
    // A mutated sample whose attribution is a long list of names: it once took minutes to split.
    let longList = try TestSupport.read(folder.appendingPathComponent("long-attribution-list.txt"))
    #expect(longList.coverPages.count == 8)
    #expect(longList.coverPages.last?.reportingPersonName == "Joshua Landes")
  }
}
