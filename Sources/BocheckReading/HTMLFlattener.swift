import BocheckModel

/// Turns an HTML filing into lines the text reader understands, keeping every character's source position.
///
/// Each table row becomes one line whose cells are separated by tabs; a line break or paragraph inside a
/// cell becomes a tab too, so a caption and the value printed under it in the same cell land in separate
/// cells. Paragraphs and line breaks outside tables start new lines. White space collapses as a browser
/// collapses it, entities are decoded (numeric references in the 128–159 range as Windows-1252 does),
/// `<input>` checkboxes are kept as `<input checked>` / `<input>`, an image's `alt` text is kept, and the
/// contents of `<script>` and `<style>` are dropped. The scan is flat (no tree is built), so unclosed or
/// deeply nested tags cannot exhaust the stack.
enum HTMLFlattener {
  /// Flattens HTML text into lines.
  ///
  /// - Parameter text: The HTML (or a wrapper with everything but the HTML blanked).
  static func flatten(_ text: String) -> SourceLines {
    flatten(text, bytes: 0..<text.utf8.count, firstLine: 1)
  }

  /// Flattens the HTML that a part of a text holds, read in place, its source lines numbered from `firstLine`.
  ///
  /// The lines are those ``flatten(_:)`` gives for a text of `firstLine - 1` line feeds followed by the part's
  /// bytes: a document of an SGML wrapper is flattened where it stands in the submission, with the
  /// submission's line numbers, and not copied first.
  ///
  /// - Parameters:
  ///   - text: The text that holds the HTML.
  ///   - range: The HTML's UTF-8 byte range in `text`; it starts at the start of a line, and a line feed alone
  ///     ends each of its lines (a carriage return would not be counted as a line's end).
  ///   - firstLine: The 1-based line on which `range` starts.
  static func flatten(_ text: String, bytes range: Range<Int>, firstLine: Int) -> SourceLines {
    // Whether the text is ASCII, so that its columns are offsets: the standard library keeps it with the text's
    // storage (a text made of checked pieces is flagged ASCII when every piece is), rather than a pass over the
    // bytes finding it. A text short enough to be stored inline is looked at instead.
    let isKnownASCII = text.utf8.count > 15 && text.utf8Span.isKnownASCII
    // The text's bytes are read in place, not copied.
    return ASCIIText.withUTF8(text) { whole in
      let bytes = UnsafeBufferPointer(rebasing: whole[range])
      var flattener = Flattener(
        bytes: bytes, textIsASCII: isKnownASCII || ASCIIText.isASCII(bytes), firstLine: firstLine)
      flattener.run()
      return flattener.lines.lines()
    }
  }

  struct Flattener {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether the bytes are all ASCII, so that each is a character.
    let textIsASCII: Bool
    /// The table of the tag names that change the text (``TagKind/slots``), fetched once.
    let tagNames = TagKind.slots
    /// The letters the tag names that change the text start with (``TagKind/firstLetters``), fetched once.
    let tagFirstLetters = TagKind.firstLetters
    /// The no-break space entity (``noBreakSpace``), fetched once.
    let noBreakSpace = Flattener.noBreakSpace
    /// The no-break space's numeric reference (``numericNoBreakSpace``), fetched once.
    let numericNoBreakSpace = Flattener.numericNoBreakSpace
    /// Where the flattener is, with its line and column.
    var cursor = SourceCursor()
    var position: Int { cursor.offset }
    /// The lines so far, and the current line, built in place as its pieces are read (see
    /// ``SourceLines/Builder``).
    var lines = SourceLines.Builder()
    /// The columns (first bytes of UTF-8 sequences) of the current line after its last origin's offset.
    var columnsAfterLastOrigin = 0
    var pendingSpace = false
    var runStarted = false
    var cellDepth = 0

    /// A flattener at the start of a text.
    ///
    /// - Parameters:
    ///   - bytes: The text's UTF-8 bytes.
    ///   - textIsASCII: Whether they are all ASCII (``ASCIIText/isASCII(_:)``), as most EDGAR HTML is (other
    ///     characters written as entities): its columns are then offsets.
    ///   - firstLine: The 1-based source line of the first byte.
    init(bytes: UnsafeBufferPointer<UInt8>, textIsASCII: Bool, firstLine: Int = 1) {
      self.bytes = bytes
      self.textIsASCII = textIsASCII
      cursor = SourceCursor(textIsASCII: textIsASCII, firstLine: firstLine)
      // The flattened lines hold a fraction of the HTML's bytes, most of which are tags.
      lines = SourceLines.Builder(capacity: bytes.count / 4)
    }

    /// Moves to `target`, counting the lines passed.
    mutating func advance(to target: Int) {
      cursor.move(to: target, in: bytes)
    }

    /// The 1-based line and column where the flattener is.
    mutating func lineAndColumn() -> (line: Int, column: Int) {
      (cursor.line, cursor.column(in: bytes))
    }

    /// Ends the current line: it is kept when it holds text; a blank one is dropped, or kept empty after a line
    /// with text (one empty line, however many blank ones follow).
    mutating func flushLine() {
      // Most lines ended are empty (a row's or a paragraph's end right after another's): their bytes are not
      // looked at.
      if lines.pendingLineCount > 0 && lines.pendingLineHasText() {
        lines.endPendingLine()
      } else {
        lines.discardPendingLine()
        if lines.lastLineHasText { lines.endPendingLine() }
      }
      columnsAfterLastOrigin = 0
      pendingSpace = false
      runStarted = false
    }

    /// Ends the cell being built: a tab, unless the line is empty or already ends with one.
    ///
    /// Inlined into the scan's loop: called at most cells' and blocks' tags, it does less than its call did.
    @inline(__always)
    mutating func separateCell() {
      if let last = lines.pendingLineLast, last != 0x09 {
        lines.appendToPendingLine(0x09)
        columnsAfterLastOrigin += 1
      }
      pendingSpace = false
      runStarted = false
    }

    /// Appends a run of text, recording where it came from.
    ///
    /// A run gets an origin of its own only when the last origin does not already place it: a word that
    /// follows the one before it on the same source line, one space apart, is located from the last
    /// origin to the same line and column (see ``SourceLines/location(position:offset:columns:)``), and
    /// a line of prose keeps one origin instead of one for each word.
    mutating func appendText(_ utf8: some Collection<UInt8>, line sourceLine: Int, column sourceColumn: Int) {
      var characters = 0
      for byte in utf8 where ASCIIText.startsCharacter(byte) { characters += 1 }
      appendText(utf8, characters: characters, line: sourceLine, column: sourceColumn)
    }

    /// Appends a run of text whose characters (bytes that do not continue a UTF-8 sequence) the caller has
    /// counted (see ``appendText(_:line:column:)``).
    mutating func appendText(
      _ utf8: some Collection<UInt8>, characters: Int, line sourceLine: Int, column sourceColumn: Int
    ) {
      if pendingSpace, let last = lines.pendingLineLast, last != 0x09 {
        lines.appendToPendingLine(0x20)
        columnsAfterLastOrigin += 1
      }
      pendingSpace = false
      if !runStarted {
        let isPlaced = lines.pendingLineLastOrigin.map {
          $0.line == sourceLine && $0.column + columnsAfterLastOrigin == sourceColumn
        }
        if isPlaced != true {
          lines.appendToPendingLine(
            origin: LineOrigin(offset: lines.pendingLineCount, line: sourceLine, column: sourceColumn))
          columnsAfterLastOrigin = 0
        }
        runStarted = true
      }
      lines.appendToPendingLine(contentsOf: utf8)
      columnsAfterLastOrigin += characters
    }

    mutating func run() {
      while position < bytes.count {
        let byte = bytes[position]
        if byte == 0x3C, let tag = Self.tagEnd(in: bytes, from: position) {
          // Only some tags change the text (``TagKind``): the others (`<font>`, `<span>`, `<b>`) are told by
          // their name here and passed over, with no call.
          let closing = position + 1 < tag.end && bytes[position + 1] == 0x2F
          let nameStart = position + (closing ? 2 : 1)
          if let kind = TagKind.of(
            bytes, nameFrom: nameStart, tagEnd: tag.end, in: tagNames, startingWith: tagFirstLetters)
          {
            handleTag(position..<tag.end, kind: kind, closing: closing, nameStart: nameStart)
          }
          // The cursor passes the tag with the line feeds counted as its end was found, unless the tag moved it
          // itself (past a script's or a style's contents).
          if cursor.offset == position {
            cursor.move(to: tag.end, passing: tag.lineFeeds, lastAt: tag.lastLineFeed, in: bytes)
          } else {
            advance(to: tag.end)
          }
          // Text after a tag is further along its source line than the text before it ends: it is placed
          // again (``appendText(_:characters:line:column:)``), not counted on from the last origin.
          runStarted = false
          continue
        }
        if Self.isASCIIBlank(byte) {
          // A run of blanks (indentation, line ends) is passed at once: it collapses into one space. Its line
          // feeds are counted as it is read.
          var end = position
          var lineFeeds = 0
          var lastLineFeed = 0
          while end < bytes.count && Self.isASCIIBlank(bytes[end]) {
            if bytes[end] == 0x0A {
              lineFeeds += 1
              lastLineFeed = end
            }
            end += 1
          }
          pendingSpace = true
          runStarted = false
          cursor.move(to: end, passing: lineFeeds, lastAt: lastLineFeed, in: bytes)
          continue
        }
        // Unicode spaces (en, em, figure, thin, narrow no-break, ideographic) collapse like a space. Their bytes
        // (the text is well-formed UTF-8) and a word's hold no line feed: the cursor moves over them without a
        // second look.
        if let length = Self.unicodeSpaceLength(bytes, at: position) {
          pendingSpace = true
          runStarted = false
          cursor.moveWithinLine(to: position + length, in: bytes)
          continue
        }
        if byte == 0x26 {
          // Most entities are no-break spaces, named or numeric, told by their bytes at once: they hold no line
          // feed. (Both are six bytes long.)
          if Self.isNoBreakSpace(bytes, at: position, as: noBreakSpace)
            || Self.isNoBreakSpace(bytes, at: position, as: numericNoBreakSpace)
          {
            pendingSpace = true
            runStarted = false
            cursor.moveWithinLine(to: position + noBreakSpace.length, in: bytes)
            continue
          }
          if passEntity() { continue }
        }
        appendWords()
      }
      flushLine()
    }

    /// Passes the entity at the cursor, appending the character it stands for; `false`, the cursor left where
    /// it is, when the `&` there starts no entity.
    ///
    /// Not inlined: the decoder, called for the few entities other than a no-break space, kept the scan's loop
    /// too large for the compiler to inline the calls made for each tag.
    @inline(never)
    mutating func passEntity() -> Bool {
      guard let (decoded, length) = Self.entity(in: bytes, at: position) else { return false }
      // An entity is longer in the source than the character it stands for: it is placed on its own, and so is
      // the text after it. Only a character other than a space needs its place.
      runStarted = false
      if decoded == " " {
        pendingSpace = true
        advance(to: position + length)
      } else {
        let (line, column) = lineAndColumn()
        advance(to: position + length)
        // The character's own bytes, one character, appended without a text made for it.
        appendText(decoded.utf8, characters: 1, line: line, column: column)
        runStarted = false
      }
      return true
    }

    /// Appends the plain text at the cursor, up to where a tag, an entity or a space may start, and passes it.
    ///
    /// Not inlined: called for a run of words (one in six of the tags' count on the real filings), it kept the
    /// scan's loop too large for the compiler to inline the calls made for each tag.
    @inline(never)
    mutating func appendWords() {
      let (startLine, startColumn) = lineAndColumn()
      // The byte and the plain text after it, up to where a tag, an entity or a space may start, are
      // appended at once; so are the words after it that are one space apart, as a line of prose prints
      // them: a single space between two words collapses into itself, and the next word is placed by the
      // same origin (see ``appendText(_:characters:line:column:)``), so the line is the one built word
      // by word.
      let end = Self.wordsEnd(in: bytes, from: position + 1)
      // Its characters: its bytes in an ASCII text, else those that do not continue a UTF-8 sequence (the run
      // starts after a character).
      var characters = end - position
      if !textIsASCII {
        characters = 1
        for index in (position + 1)..<end where ASCIIText.startsCharacter(bytes[index]) { characters += 1 }
      }
      // Handed over as a buffer, which the builder copies at once (a slice of one was copied byte by byte).
      appendText(
        UnsafeBufferPointer(rebasing: bytes[position..<end]), characters: characters, line: startLine,
        column: startColumn)
      cursor.moveWithinLine(to: end, characters: characters, in: bytes)
    }

    /// Where a run of words one space apart ends: at the first byte from `start` that may start markup or a
    /// space (``mayStartMarkupOrSpace(_:)``), unless it is a space that no such byte follows, or at the end of
    /// the bytes.
    ///
    /// The bytes are read sixteen at a time, each with the byte after it, so that a space between two words does
    /// not end the search: a line of prose is passed in one search, not one a word.
    ///
    /// - Parameters:
    ///   - bytes: The text's bytes.
    ///   - start: The offset to start at, at most `bytes.count`.
    @inline(__always)
    static func wordsEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
      var index = start
      if let base = bytes.baseAddress {
        let raw = UnsafeRawPointer(base)
        let spaces = SIMD16<UInt8>(repeating: 0x20)
        while index + 17 <= bytes.count {
          let here = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
          let next = raw.loadUnaligned(fromByteOffset: index + 1, as: SIMD16<UInt8>.self)
          let stops = mayStartMarkupOrSpace(here) .& .!(here .== spaces .& .!mayStartMarkupOrSpace(next))
          let flagged = ASCIIText.laneFlags(stops)
          if flagged[0] != 0 { return index + flagged[0].trailingZeroBitCount / 8 }
          if flagged[1] != 0 { return index + 8 + flagged[1].trailingZeroBitCount / 8 }
          index += 16
        }
      }
      // The last bytes, one at a time.
      while index < bytes.count {
        if mayStartMarkupOrSpace(bytes[index]) {
          guard index + 1 < bytes.count, bytes[index] == 0x20, !mayStartMarkupOrSpace(bytes[index + 1]) else {
            return index
          }
          index += 2
        } else {
          index += 1
        }
      }
      return index
    }

    /// Whether a byte may start a tag, an entity, an ASCII space or a Unicode space (see ``run()``).
    @inline(__always)
    static func mayStartMarkupOrSpace(_ byte: UInt8) -> Bool {
      byte == 0x3C || byte == 0x26 || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xE2
        || byte == 0xE3
    }

    /// The lanes whose bytes may start a tag, an entity, an ASCII space or a Unicode space: the bytes the test
    /// of one byte of the same name tells, sixteen at a time.
    @inline(__always)
    static func mayStartMarkupOrSpace(_ lanes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
      let (tagStarts, entityStarts) = (SIMD16<UInt8>(repeating: 0x3C), SIMD16<UInt8>(repeating: 0x26))
      let (spaces, tabs) = (SIMD16<UInt8>(repeating: 0x20), SIMD16<UInt8>(repeating: 0x09))
      let (lineFeeds, returns) = (SIMD16<UInt8>(repeating: 0x0A), SIMD16<UInt8>(repeating: 0x0D))
      // 0xE2 and 0xE3, which differ in the lowest bit only.
      let (lowestBits, unicodeSpaceStarts) = (SIMD16<UInt8>(repeating: 0x01), SIMD16<UInt8>(repeating: 0xE3))
      return lanes .== tagStarts .| lanes .== entityStarts .| lanes .== spaces .| lanes .== tabs
        .| lanes .== lineFeeds .| lanes .== returns .| (lanes | lowestBits) .== unicodeSpaceStarts
    }

    /// Whether a byte is a space, a tab, a line feed or a carriage return.
    @inline(__always)
    static func isASCIIBlank(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Where a tag ends, and the line feeds it holds.
    struct TagEnd: Equatable {
      /// The offset after its `>` (or of the `<` that cuts it short, or the end of the text).
      var end: Int
      /// How many line feeds the tag holds.
      var lineFeeds = 0
      /// The offset of the last of them (0 when there is none).
      var lastLineFeed = 0

      /// Counts a line feed at `offset`.
      mutating func count(lineFeedAt offset: Int) {
        lineFeeds += 1
        lastLineFeed = offset
      }
    }

    /// Where a tag that starts at `start` ends, with the line feeds it holds, or `nil` when `<` is plain text.
    ///
    /// The line feeds are counted as the end is looked for, so that the cursor passes the tag without reading
    /// its bytes again (``SourceCursor/move(to:passing:lastAt:in:)``). A static function of the bytes: a method
    /// of the flattener, called from its mutating loop, had the whole flattener copied for each tag. Inlined
    /// into that loop: a call, its result returned as an optional, cost about ten instructions a tag.
    ///
    /// - Parameters:
    ///   - bytes: The text's bytes.
    ///   - start: The offset of the `<`.
    @inline(__always)
    static func tagEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> TagEnd? {
      guard start + 1 < bytes.count else { return nil }
      let next = bytes[start + 1]
      guard ASCIIText.isLetter(next) || next == 0x2F || next == 0x21 || next == 0x3F else { return nil }
      var found = TagEnd(end: bytes.count)
      if next == 0x21, start + 3 < bytes.count, bytes[start + 2] == 0x2D, bytes[start + 3] == 0x2D {
        // A comment runs to "-->".
        var index = start + 4
        while index < bytes.count {
          if bytes[index] == 0x0A { found.count(lineFeedAt: index) }
          if index + 2 < bytes.count && bytes[index] == 0x2D && bytes[index + 1] == 0x2D && bytes[index + 2] == 0x3E {
            found.end = index + 3
            return found
          }
          index += 1
        }
        return found
      }
      // Outside quotes the tag ends at ">" (or, missing its ">", before the next "<"); a quote runs to the same
      // quote mark. Both are looked for sixteen bytes at a time, and so are the line feeds on the way.
      var index = start + 1
      let limit = min(bytes.count, start + 65_536)
      // The bytes looked for, each in every lane of a vector: the tag's end (">", "<"), a quote mark, a line feed.
      let tagStops = (
        SIMD16<UInt8>(repeating: 0x3E), SIMD16<UInt8>(repeating: 0x3C), SIMD16<UInt8>(repeating: 0x22),
        SIMD16<UInt8>(repeating: 0x27)
      )
      let lineFeeds = SIMD16<UInt8>(repeating: 0x0A)
      while index < limit {
        index = ASCIIText.firstOffset(in: bytes, from: index, to: limit) { lanes in
          lanes .== tagStops.0 .| lanes .== tagStops.1 .| lanes .== tagStops.2 .| lanes .== tagStops.3
            .| lanes .== lineFeeds
        }
        guard index < limit else { return nil }
        switch bytes[index] {
        case 0x3E:
          found.end = index + 1
          return found
        case 0x3C:
          found.end = index
          return found
        case 0x0A:
          found.count(lineFeedAt: index)
          index += 1
        default:
          let quote = bytes[index]
          let quotes = SIMD16<UInt8>(repeating: quote)
          index += 1
          while true {
            index = ASCIIText.firstOffset(in: bytes, from: index, to: limit) { lanes in
              lanes .== quotes .| lanes .== lineFeeds
            }
            guard index < limit, bytes[index] == 0x0A else { break }
            found.count(lineFeedAt: index)
            index += 1
          }
          index += 1
          // Most quotes close right before the tag's end (`style="...">`), told here without another search.
          if index < limit && bytes[index] == 0x3E {
            found.end = index + 1
            return found
          }
        }
      }
      return nil
    }

    /// Where the name of a tag that starts at `start` ends: the first byte from `start` that is not an ASCII
    /// letter or digit, read eight bytes at a time, or `end`.
    ///
    /// - Parameters:
    ///   - bytes: The text's bytes.
    ///   - start: The offset of the name's first byte (after `<` or `</`).
    ///   - end: The offset of the tag's end, at least `start`.
    @inline(__always)
    static func nameEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
      var index = start
      if let base = bytes.baseAddress {
        while index + 8 <= bytes.count {
          let others = ByteWord.notLettersOrDigits(ByteWord.load(UnsafeRawPointer(base), at: index))
          if others != 0 { return min(index + others.trailingZeroBitCount / 8, end) }
          index += 8
        }
      }
      while index < end, ASCIIText.isLetter(bytes[index]) || ASCIIText.isDigit(bytes[index]) { index += 1 }
      return min(index, end)
    }

    /// Does what a tag that changes the text does.
    ///
    /// Inlined into the scan's loop, which calls it for most tags (cells, rows, paragraphs): the call, with the
    /// flattener passed by reference, cost more than most tags' work.
    ///
    /// - Parameters:
    ///   - range: The tag, from its `<` to its end (``tagEnd(in:from:)``).
    ///   - kind: What its name says it does.
    ///   - closing: Whether it is a closing tag (`</`).
    ///   - nameStart: Where its name starts (where it ends is read only for the tags that need it).
    @inline(__always)
    mutating func handleTag(_ range: Range<Int>, kind: TagKind, closing: Bool, nameStart: Int) {
      switch kind {
      case .hidden, .input, .image:
        let name = nameStart..<Self.nameEnd(in: bytes, from: nameStart, to: range.upperBound)
        handleTagWithName(range, kind: kind, closing: closing, name: name)
      case .cell:
        separateCell()
        cellDepth = closing ? max(0, cellDepth - 1) : cellDepth + 1
      case .row:
        flushLine()
        cellDepth = 0
      case .block:
        if cellDepth > 0 { separateCell() } else { flushLine() }
      }
    }

    /// Does what a script, a style, a checkbox or an image does (see ``handleTag(_:kind:closing:nameStart:)``).
    ///
    /// - Parameters:
    ///   - range: The tag, from its `<` to its end (``tagEnd(in:from:)``).
    ///   - kind: What its name says it does.
    ///   - closing: Whether it is a closing tag (`</`).
    ///   - name: Where its name stands.
    ///
    /// Not inlined: these tags are few, and their work, inlined, made ``handleTag(_:kind:closing:nameStart:)``
    /// too large for the compiler to inline into the scan's loop.
    @inline(never)
    mutating func handleTagWithName(_ range: Range<Int>, kind: TagKind, closing: Bool, name: Range<Int>) {
      let attributes = name.upperBound..<range.upperBound
      switch kind {
      case .hidden:
        if !closing { skipElement(closedBy: [0x3C, 0x2F] + bytes[name].map(ASCIIText.upper), after: range.upperBound) }
      case .cell, .row, .block:
        assertionFailure("a cell, a row or a block is handled without its name's end")
      case .input:
        let checked = ASCIIText.find(TagKind.checkedPhrase, in: Array(bytes[attributes])) != nil
        let (line, column) = lineAndColumn()
        appendText((checked ? "<input checked>" : "<input>").utf8, line: line, column: column)
      case .image:
        if let alt = attributeValue("ALT", in: Array(bytes[attributes])), !alt.isEmpty {
          let (line, column) = lineAndColumn()
          appendText(alt, line: line, column: column)
        }
      }
    }

    /// What a tag does to the flattened text.
    enum TagKind {
      /// `<script>` and `<style>`, whose contents are dropped.
      case hidden
      /// A table cell: its text is a cell of the line.
      case cell
      /// A table row or table: a line of its own.
      case row
      /// A paragraph, line break or other block: a new line, or a new cell inside a table cell.
      case block
      /// A checkbox.
      case input
      /// An image, whose `alt` text is kept.
      case image

      /// The tag names that change the text, upper case, with what they do.
      private static let names: [(name: [UInt8], kind: TagKind)] =
        [("SCRIPT", hidden), ("STYLE", hidden), ("TD", cell), ("TH", cell), ("TR", row), ("TABLE", row)]
        .map { (Array($0.utf8), $1) }
        + [
          "BR", "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "HR", "CENTER", "BLOCKQUOTE", "PRE", "TITLE",
          "UL", "OL", "DOCUMENT", "TEXT", "PAGE",
        ].map { (Array($0.utf8), block) } + [("INPUT", input), ("IMG", image)].map { (Array($0.utf8), $1) }

      static let checkedPhrase = ASCIIText.phrase("CHECKED")

      /// What a tag does, from its name's bytes in any case; `nil` for a tag that changes nothing.
      ///
      /// A name of at most eight bytes is looked up by its packed key in one probe (``packedKey(_:name:)``,
      /// ``slots``); a longer one is compared with the longer names.
      ///
      /// - Parameters:
      ///   - bytes: The text's bytes.
      ///   - name: Where the tag's name stands in them: ASCII letters and digits.
      ///   - table: ``slots``, fetched by the caller.
      @inline(__always)
      static func of(
        _ bytes: UnsafeBufferPointer<UInt8>, name: Range<Int>, in table: [(key: UInt64, kind: TagKind?)] = slots
      ) -> TagKind? {
        guard let key = packedKey(bytes, name: name) else {
          return longNames.first { ASCIIText.spells($0.name, in: bytes, at: name) }?.kind
        }
        let entry = table[slotIndex(key)]
        return entry.key == key ? entry.kind : nil
      }

      /// What the tag whose name starts at `start` does; `nil` for a tag that changes nothing.
      ///
      /// A name shorter than eight bytes is read, its end found and its key made, from one word of the bytes;
      /// a longer one, or one near the text's end, is looked up by ``of(_:name:in:)``.
      ///
      /// - Parameters:
      ///   - bytes: The text's bytes.
      ///   - start: Where the name starts (after `<` or `</`).
      ///   - end: Where the tag ends (``Flattener/tagEnd(in:from:)``), at least `start`: the name ends there
      ///     at the latest (see ``Flattener/nameEnd(in:from:to:)``).
      ///   - table: ``slots``, fetched by the caller.
      ///   - letters: ``firstLetters``, fetched by the caller.
      @inline(__always)
      static func of(
        _ bytes: UnsafeBufferPointer<UInt8>, nameFrom start: Int, tagEnd end: Int,
        in table: [(key: UInt64, kind: TagKind?)] = slots, startingWith letters: UInt32 = firstLetters
      ) -> TagKind? {
        if start + 8 <= bytes.count, let base = bytes.baseAddress {
          let word = ByteWord.load(UnsafeRawPointer(base), at: start)
          // A name whose first byte starts no name of the table (a <font>, an <a>) is told at once.
          guard letters >> UInt32(truncatingIfNeeded: word & 0x1F) & 1 != 0 else { return nil }
          let others = ByteWord.notLettersOrDigits(word)
          if others != 0 {
            let count = min(others.trailingZeroBitCount / 8, end - start)
            guard count > 0 else { return nil }
            let key = (word | 0x2020_2020_2020_2020) & ((1 &<< UInt64(8 * count)) &- 1)
            let entry = table[slotIndex(key)]
            return entry.key == key ? entry.kind : nil
          }
        }
        return of(bytes, nameFrom: start, readTo: end, in: table)
      }

      /// What the tag whose name starts at `start` does, its name's end read before it is looked up (see
      /// ``of(_:nameFrom:tagEnd:in:)``): a name of eight bytes or more, or one near the text's end.
      ///
      /// Not inlined: these names are few, and the reading of them, inlined, kept the look-up of the others too
      /// large for the compiler to inline into the scan's loop.
      @inline(never)
      static func of(
        _ bytes: UnsafeBufferPointer<UInt8>, nameFrom start: Int, readTo end: Int,
        in table: [(key: UInt64, kind: TagKind?)]
      ) -> TagKind? {
        of(bytes, name: start..<Flattener.nameEnd(in: bytes, from: start, to: end), in: table)
      }

      /// The letters the names of ``names`` start with, in either case: bit `n` for the letters whose low five bits
      /// are `n` (`A` and `a` are bit 1).
      static let firstLetters: UInt32 = names.reduce(0) { letters, entry in letters | 1 << (entry.name[0] & 0x1F) }

      /// A name of one to eight ASCII letters and digits as one number: its bytes lower-cased (a letter's case
      /// bit set; a digit has it already), the first in the lowest byte. No byte is zero, so names of other
      /// lengths or letters get other keys. `nil` for an empty name or a longer one.
      ///
      /// - Parameters:
      ///   - bytes: The bytes the name stands in.
      ///   - name: Where it stands.
      @inline(__always)
      static func packedKey(_ bytes: UnsafeBufferPointer<UInt8>, name: Range<Int>) -> UInt64? {
        let count = name.count
        guard count > 0, count <= 8, let base = bytes.baseAddress else { return nil }
        var word: UInt64 = 0
        if name.lowerBound + 8 <= bytes.count {
          // The name's bytes and those after it, read at once; the mask below keeps the name's.
          word = ByteWord.load(UnsafeRawPointer(base), at: name.lowerBound)
        } else {
          for (position, index) in name.enumerated() { word |= UInt64(bytes[index]) &<< UInt64(8 * position) }
        }
        let mask: UInt64 = count == 8 ? ~0 : (1 &<< UInt64(8 * count)) &- 1
        return (word | 0x2020_2020_2020_2020) & mask
      }

      /// The slot a key's probe starts at (Fibonacci hashing to the table's size).
      private static func slotIndex(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
      }

      /// The table's size as a power of two: 512 slots, the fewest in which no two names share a slot.
      private static let slotBits = 9

      /// The names of at most eight bytes by their packed keys, each in the slot its key's hash picks, which no
      /// other name's picks (checked as the table is made): a name is found, or told absent, in one probe. A key of
      /// 0 marks an empty slot.
      static let slots: [(key: UInt64, kind: TagKind?)] = {
        var table = [(key: UInt64, kind: TagKind?)](repeating: (0, nil), count: 1 << slotBits)
        for entry in names where entry.name.count <= 8 {
          let key = entry.name.withUnsafeBufferPointer { packedKey($0, name: 0..<entry.name.count)! }
          let slot = slotIndex(key)
          precondition(table[slot].key == 0, "two tag names share a slot: the table needs more")
          table[slot] = (key, entry.kind)
        }
        return table
      }()

      /// The names longer than eight bytes, compared byte by byte.
      private static let longNames = names.filter { $0.name.count > 8 }
    }

    /// Skips everything up to the element's closing tag; the caller's loop then moves past it.
    ///
    /// - Parameters:
    ///   - closing: The closing tag's start (`</SCRIPT`), upper case.
    ///   - start: Where to look from.
    mutating func skipElement(closedBy closing: [UInt8], after start: Int) {
      var index = start
      while index + closing.count <= bytes.count {
        if bytes[index] == 0x3C, LineBytes.hasPrefix(closing, in: bytes, at: index) {
          advance(to: index)
          return
        }
        index += 1
      }
    }

    func attributeValue(_ name: String, in attributes: [UInt8]) -> [UInt8]? {
      guard let found = ASCIIText.find(ASCIIText.phrase(name + "="), in: attributes) else { return nil }
      var index = found.upperBound
      guard index < attributes.count else { return nil }
      let quote = attributes[index]
      if quote == 0x22 || quote == 0x27 {
        index += 1
        let start = index
        while index < attributes.count && attributes[index] != quote { index += 1 }
        return Array(attributes[start..<index])
      }
      let start = index
      while index < attributes.count && !ASCIIText.isBlank(attributes[index]) && attributes[index] != 0x3E {
        index += 1
      }
      return Array(attributes[start..<index])
    }

    /// The no-break space entity as one word is compared with it (see ``isNoBreakSpace(_:at:as:)``).
    struct EntityWord {
      /// The entity's bytes as a little-endian word, its name's letters lower case, the bytes after it 0.
      let word: UInt64
      /// The bits of its name's letters that tell lower case from upper case.
      let caseBits: UInt64
      /// The bits of its bytes.
      let mask: UInt64
      /// Its length in bytes, at most eight.
      let length: Int

      /// The word of an entity of at most eight ASCII bytes, its name lower case.
      init(_ entity: String) {
        let bytes = Array(entity.utf8)
        precondition(bytes.count <= 8, "an entity of more than eight bytes fills no word")
        word = bytes.reversed().reduce(UInt64(0)) { word, byte in word << 8 | UInt64(byte) }
        caseBits = bytes.reversed().reduce(UInt64(0)) { bits, byte in
          bits << 8 | (ASCIIText.isLetter(byte) ? 0x20 : 0)
        }
        mask = bytes.count == 8 ? ~0 : (1 &<< UInt64(8 * bytes.count)) &- 1
        length = bytes.count
      }
    }

    /// The no-break space entity, whose name ``isNoBreakSpace(_:at:as:)`` reads in any case.
    static let noBreakSpace = EntityWord("&nbsp;")

    /// The no-break space's numeric reference in decimal, as most EDGAR HTML that does not name it writes it.
    static let numericNoBreakSpace = EntityWord("&#160;")

    /// Whether the no-break space entity (its name in any case), or another entity given, stands at `start`, told
    /// by one word of the bytes: ``entity(in:at:)`` would decode it as a space. `false` when fewer than eight
    /// bytes are left, for `entity(in:at:)` to tell.
    ///
    /// - Parameters:
    ///   - bytes: The text's bytes.
    ///   - start: The offset of the `&`.
    ///   - entity: ``noBreakSpace`` or ``numericNoBreakSpace``, fetched by the caller.
    @inline(__always)
    static func isNoBreakSpace(
      _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, as entity: EntityWord = noBreakSpace
    ) -> Bool {
      guard start + 8 <= bytes.count, let base = bytes.baseAddress else { return false }
      let word = ByteWord.load(UnsafeRawPointer(base), at: start)
      return (word | entity.caseBits) & entity.mask == entity.word
    }

    /// Decodes the entity at `start`: the character it stands for (a space for any kind of space) and its
    /// length in the source.
    ///
    /// - Parameters:
    ///   - bytes: The text's bytes.
    ///   - start: The offset of the `&`.
    static func entity(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (scalar: Unicode.Scalar, length: Int)? {
      var index = start + 1
      let limit = min(bytes.count, start + 12)
      while index < limit && bytes[index] != 0x3B && bytes[index] != 0x26 && !ASCIIText.isBlank(bytes[index]) {
        index += 1
      }
      guard index < bytes.count, bytes[index] == 0x3B else { return nil }
      let length = index + 1 - start
      var scalar: Unicode.Scalar?
      if start + 1 < index && bytes[start + 1] == 0x23 {
        let isHexadecimal = start + 2 < index && (bytes[start + 2] == 0x78 || bytes[start + 2] == 0x58)
        let digits = (start + (isHexadecimal ? 3 : 2))..<index
        // Plain digits are read on their bytes; anything else (a sign, say) as the text's integer.
        let value =
          Self.digitsValue(bytes, digits, radix: isHexadecimal ? 16 : 10)
          ?? UInt32(String(decoding: bytes[digits], as: UTF8.self), radix: isHexadecimal ? 16 : 10)
        scalar = value.flatMap(Self.scalar)
      } else if let key = Self.entityKey(bytes, (start + 1)..<index) {
        scalar = Self.namedEntity(key: key)
      } else {
        scalar = Self.namedEntities[String(decoding: bytes[(start + 1)..<index], as: UTF8.self).lowercased()]
      }
      guard let scalar else { return nil }
      if scalar == "\u{A0}" || scalar == " " || Self.isUnicodeSpace(scalar) { return (" ", length) }
      return (scalar, length)
    }

    /// Whether a scalar is a space other than the ASCII one: U+2000–U+200B, U+202F, U+205F, U+3000.
    static func isUnicodeSpace(_ scalar: Unicode.Scalar) -> Bool {
      (0x2000...0x200B).contains(scalar.value) || scalar.value == 0x202F || scalar.value == 0x205F
        || scalar.value == 0x3000
    }

    /// The length in bytes of the UTF-8 Unicode space at `position`, or `nil` when there is none.
    static func unicodeSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
      guard bytes[position] == 0xE2 || bytes[position] == 0xE3, position + 2 < bytes.count else { return nil }
      let value =
        (UInt32(bytes[position] & 0x0F) << 12) | (UInt32(bytes[position + 1] & 0x3F) << 6)
        | UInt32(bytes[position + 2] & 0x3F)
      guard let scalar = Unicode.Scalar(value), isUnicodeSpace(scalar) else { return nil }
      return 3
    }

    static func scalar(_ value: UInt32) -> Unicode.Scalar? {
      if value >= 0x80 && value <= 0x9F {
        // Numeric references in this range mean Windows-1252 characters in practice (&#146; is ’).
        let table: [UInt32] = [
          0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D,
          0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A,
          0x153, 0x9D, 0x17E, 0x178,
        ]
        return Unicode.Scalar(table[Int(value - 0x80)])
      }
      return Unicode.Scalar(value)
    }

    /// The value of plain digits in a radix (10 or 16), or `nil` when the range is empty, holds anything but
    /// digits or overflows: `nil` sends the caller to the text's integer, which reads a sign too.
    static func digitsValue(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, radix: UInt32) -> UInt32? {
      guard !range.isEmpty else { return nil }
      var value: UInt32 = 0
      for index in range {
        let byte = bytes[index]
        let digit: UInt32
        switch byte {
        case 0x30...0x39: digit = UInt32(byte - 0x30)
        case 0x41...0x46 where radix == 16: digit = UInt32(byte - 0x41 + 10)
        case 0x61...0x66 where radix == 16: digit = UInt32(byte - 0x61 + 10)
        default: return nil
        }
        let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
        guard !overflow else { return nil }
        let (sum, carry) = shifted.addingReportingOverflow(digit)
        guard !carry else { return nil }
        value = sum
      }
      return value
    }

    /// A name of at most seven ASCII bytes, lower-cased as `lowercased()` lower-cases ASCII, packed into one
    /// integer under its length (the top byte), so that two names have one key only when they are one name;
    /// `nil` for any other name (looked up by its text instead).
    static func entityKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
      guard range.count <= 7 else { return nil }
      var packed: UInt64 = 0
      for index in range {
        let byte = bytes[index]
        guard byte < 0x80 else { return nil }
        packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
      }
      return UInt64(range.count) << 56 | packed
    }

    /// The character a name of ``namedEntities`` stands for, by the name's ``entityKey(_:_:)``; `nil` for any
    /// other key.
    ///
    /// The key is looked up in ``namedEntitySlots`` in one probe or a few, without hashing it as a dictionary
    /// would.
    ///
    /// - Parameter key: The name's key.
    static func namedEntity(key: UInt64) -> Unicode.Scalar? {
      let table = namedEntitySlots
      var slot = entitySlotIndex(key)
      while true {
        let entry = table[slot]
        // An empty slot is told first: the key of an empty name is 0 too.
        if entry.key == 0 { return nil }
        if entry.key == key { return entry.scalar }
        slot = (slot + 1) & (table.count - 1)
      }
    }

    /// The slot a key's probe starts at (Fibonacci hashing to the table's size).
    private static func entitySlotIndex(_ key: UInt64) -> Int {
      Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - entitySlotBits))
    }

    /// The size of ``namedEntitySlots`` as a power of two: 128 slots, three times the names.
    private static let entitySlotBits = 7

    /// ``namedEntities`` by ``entityKey(_:_:)``, open addressing: every name there is at most seven ASCII bytes,
    /// lower case, so that no key is 0; a key of 0 marks an empty slot, a collision moves on to the next slot.
    static let namedEntitySlots: [(key: UInt64, scalar: Unicode.Scalar)] = {
      var table = [(key: UInt64, scalar: Unicode.Scalar)](repeating: (0, "\0"), count: 1 << entitySlotBits)
      for (name, scalar) in namedEntities {
        let bytes = Array(name.utf8)
        let key = bytes.withUnsafeBufferPointer { entityKey($0, 0..<$0.count) }
        precondition(key != nil, "the entity name \(name) is not at most seven ASCII bytes")
        var slot = entitySlotIndex(key!)
        while table[slot].key != 0 { slot = (slot + 1) & (table.count - 1) }
        table[slot] = (key!, scalar)
      }
      return table
    }()

    static let namedEntities: [String: Unicode.Scalar] = [
      "nbsp": "\u{A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "rsquo": "\u{2019}",
      "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "mdash": "\u{2014}", "ndash": "\u{2013}",
      "sect": "\u{A7}", "reg": "\u{AE}", "copy": "\u{A9}", "trade": "\u{2122}", "bull": "\u{2022}",
      "middot": "\u{B7}", "hellip": "\u{2026}", "ensp": " ", "emsp": " ", "thinsp": " ", "zwsp": "\u{200B}",
      "dagger": "\u{2020}", "para": "\u{B6}", "uml": "\u{A8}", "thorn": "\u{FE}", "yacute": "\u{FD}",
      "eacute": "\u{E9}", "egrave": "\u{E8}", "aacute": "\u{E1}", "ouml": "\u{F6}", "uuml": "\u{FC}",
      "auml": "\u{E4}", "ccedil": "\u{E7}", "ntilde": "\u{F1}", "frac12": "\u{BD}", "cent": "\u{A2}",
      "pound": "\u{A3}", "euro": "\u{20AC}", "times": "\u{D7}",
    ]
  }
}
