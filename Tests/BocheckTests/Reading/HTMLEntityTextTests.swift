import Testing

@testable import BocheckReading

/// The characters the flattener writes for entities other than spaces, and where it places them.
@Suite struct HTMLEntityTextTests {
  /// Named, decimal, hexadecimal and Windows-1252 references, each followed by text, flatten into the characters
  /// they stand for, each located at its `&` in the source (beyond ASCII as well as within it).
  @Test func entitiesBecomeTheirCharactersAtTheirPlaces() {
    let cases: [(html: String, line: String, entities: [(character: String, column: Int)])] = [
      ("<p>A&amp;B</p>", "A&B", [("&", 5)]),
      ("<p>x &lt;y&gt; z</p>", "x <y> z", [("<", 6), (">", 11)]),
      ("<p>It&#146;s &rsquo;97</p>", "It\u{2019}s \u{2019}97", [("\u{2019}", 6), ("\u{2019}", 14)]),
      (
        "<p>caf&eacute; &#x20AC;5 &#8364;6</p>", "caf\u{E9} \u{20AC}5 \u{20AC}6",
        [("\u{E9}", 7), ("\u{20AC}", 16), ("\u{20AC}", 26)]
      ),
      ("<p>é&sect;1 &#128512;</p>", "é\u{A7}1 \u{1F600}", [("\u{A7}", 5), ("\u{1F600}", 13)]),
    ]
    for (html, expectedLine, entities) in cases {
      // The paragraph's line, then the one empty line kept after a line with text.
      let flattened = HTMLFlattener.flatten(html)
      #expect(flattened.count == 2, "\(html)")
      guard flattened.count >= 1 else { continue }
      let line = String(flattened[1])
      #expect(line == expectedLine, "\(html)")
      var columns = ColumnCounter(Array(line.utf8))
      var searchStart = line.startIndex
      for (character, column) in entities {
        guard let found = line[searchStart...].range(of: character) else {
          Issue.record("\(character) missing from \(line.debugDescription)")
          continue
        }
        let offset = line.utf8.distance(from: line.startIndex, to: found.lowerBound)
        let place = flattened.location(position: 1, offset: offset, columns: &columns)
        #expect(place.line == 1 && place.column == column, "\(character) in \(html)")
        searchStart = found.upperBound
      }
    }
  }
}
