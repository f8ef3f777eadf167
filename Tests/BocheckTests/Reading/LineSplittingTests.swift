import BocheckModel
import BocheckSeeded
import Testing

@testable import BocheckReading

/// How the splitter's one pass finds a file's lines: the ranges it collects, and where each line's content
/// begins.
@Suite struct LineSplittingTests {
  /// Lines of random words, indents and terminators: runs of spaces longer than a word of eight bytes, tabs,
  /// no-break spaces, form feeds, wrapper tags and HTML, empty lines, and every line end.
  private static func randomText(lines count: Int, random: inout SplitMix64) -> String {
    let indents = [
      "", " ", "  ", "       ", "        ", "         ", String(repeating: " ", count: 23), "\t", " \t ", "\u{A0}",
      "        \u{A0}", "\u{0C}", "\u{0B}  ",
    ]
    let contents = ["<DOCUMENT>", "<TEXT>", "</TEXT>", "<td>", "Name of Reporting Person", "", "-----", "é"]
    let ends = ["\n", "\r\n", "\r"]
    var text = ""
    for _ in 0..<count {
      text += indents[random.int(in: 0...(indents.count - 1))] + contents[random.int(in: 0...(contents.count - 1))]
      text += ends[random.int(in: 0...(ends.count - 1))]
    }
    // Sometimes a last line without a terminator, which may be blanks only (the end of the buffer is near).
    if random.int(in: 0...1) == 0 { text += indents[random.int(in: 0...(indents.count - 1))] }
    return text
  }

  @Test("the splitter's line ranges are those SourceLines finds, for files of more lines than a chunk holds")
  func collectedRangesAreTheSourceLines() {
    var random = SplitMix64(seed: 28)
    // Around the collector's chunk: fewer lines, exactly a chunk or two, and a few more.
    let chunk = LineRanges.Collector.chunkLines
    for count in [0, 1, 7, chunk - 1, chunk, chunk + 1, 2 * chunk, 2 * chunk + 3, 1_000] {
      let text = Self.randomText(lines: count, random: &random)
      for format in [InputFormat.text, .sgml] {
        var scan: FilingSplitter.LineScan?
        _ = FilingSplitter.starts(of: text, format: format, lines: &scan)
        let collected = scan.map { Array($0.ranges) }
        #expect(collected == Array(SourceLines(text).ranges), "\(count) lines, \(format)")
      }
    }
  }

  @Test("a collector gives the ranges appended one by one, whatever their number")
  func collectorAppendsInOrder() {
    for count in [0, 1, LineRanges.Collector.chunkLines, LineRanges.Collector.chunkLines + 1, 3_000] {
      var collector = LineRanges.Collector(expectedLines: 10)
      var appended = LineRanges()
      for line in 0..<count {
        collector.append(start: 3 * line, end: 3 * line + line % 3)
        appended.append((3 * line)..<(3 * line + line % 3))
      }
      #expect(Array(collector.finish()) == Array(appended), "\(count) lines")
    }
  }

  /// Two hundred random texts of up to thirty lines (``randomText(lines:random:)``), each handed over with its
  /// lines as the forward scan ends them (at LF, CRLF and a lone CR), numbered from 1.
  private static func withScannedRandomTexts(seed: UInt64, _ body: (String, [ScannedLine]) -> Void) {
    var random = SplitMix64(seed: seed)
    for _ in 0..<200 {
      let text = randomText(lines: random.int(in: 1...30), random: &random)
      Array(text.utf8).withUnsafeBufferPointer { buffer in
        var scanned: [ScannedLine] = []
        var start = 0
        while start < buffer.count {
          let (end, next) = LineBytes.lineEnd(in: buffer, from: start, loneCarriageReturnEndsLine: true)
          scanned.append(ScannedLine(bytes: buffer, start: start, end: end, number: scanned.count + 1))
          start = next
        }
        body(text, scanned)
      }
    }
  }

  @Test("a line's content begins after its blanks, however long their run, as a byte-by-byte look finds it")
  func contentStartsAfterBlanks() {
    var lines = 0
    Self.withScannedRandomTexts(seed: 8) { text, scanned in
      for line in scanned {
        var expected = line.start
        while expected < line.end {
          let byte = line.bytes[expected]
          if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B {
            expected += 1
          } else if byte == 0xC2, expected + 1 < line.end, line.bytes[expected + 1] == 0xA0 {
            expected += 2
          } else {
            break
          }
        }
        #expect(line.contentStart == expected, "line \(line.number) of \(text.debugDescription)")
        lines += 1
      }
    }
    #expect(lines > 2_000)
  }

  @Test("the line before a line, read back from its bytes, is the one the forward scan found, at every line end")
  func previousLineIsTheScannedOne() {
    var lines = 0
    Self.withScannedRandomTexts(seed: 32) { text, scanned in
      for (index, line) in scanned.enumerated() {
        let previous = line.previous
        let expected = index > 0 ? scanned[index - 1] : nil
        #expect(previous?.start == expected?.start, "line \(line.number) of \(text.debugDescription)")
        #expect(previous?.end == expected?.end, "line \(line.number) of \(text.debugDescription)")
        #expect(previous?.number == expected?.number, "line \(line.number) of \(text.debugDescription)")
        lines += 1
      }
    }
    #expect(lines > 2_000)
  }

  @Test("an exhibit is an agreement when it speaks of joint filing on its first or last line, not across two")
  func agreementPhraseIsFoundInTheExhibitsLines() throws {
    func submission(_ exhibit: [String]) -> String {
      (["<SEC-DOCUMENT>", "<DOCUMENT>", "<TYPE>SC 13D", "<TEXT>", "SCHEDULE 13D", "</TEXT>", "</DOCUMENT>"]
        + ["<DOCUMENT>", "<TYPE>EX-99.1", "<TEXT>"] + exhibit + ["</TEXT>", "</DOCUMENT>"]
        + ["<DOCUMENT>", "<TYPE>EX-99.2", "<TEXT>", "Not an agreement", "</TEXT>", "</DOCUMENT>", "</SEC-DOCUMENT>"])
        .joined(separator: "\n")
    }
    let cases: [([String], Int)] = [
      (["Joint Filing Agreement", "Signed."], 1), (["Signed.", "the undersigned agree to joint filing"], 1),
      (["JOINT FILING"], 1), (["Signed by JOINT", "FILING parties"], 0), ([], 0), (["joint filin"], 0),
    ]
    for (exhibit, agreements) in cases {
      let unwrapped = try #require(SGMLUnwrapper.unwrap(submission(exhibit)))
      #expect(unwrapped.agreements.count == agreements, "\(exhibit)")
      #expect(unwrapped.agreements.allSatisfy { $0.type == "EX-99.1" }, "\(exhibit)")
    }
  }
}
