import BocheckModel

/// Reads a filing's bytes into the model, whatever the format.
///
/// The format is told from the content, not from the file name. Text filings are read by
/// ``TextFilingReader``; formats bocheck does not read yet are refused with a clear error rather than
/// read wrongly.
public enum FilingReader {
  /// The largest input read, in bytes (256 MiB).
  public static let maximumSize = 256 * 1024 * 1024

  /// Reads a file as one filing.
  ///
  /// The whole file is read as a single filing, even when it holds several one after the other; use
  /// ``readAll(bytes:path:format:)`` to read each of them on its own.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - path: Where it came from, recorded in the model.
  ///   - format: The format to read it as; `nil` tells it from the content.
  /// - Throws: ``ReadError`` when the input is not a filing bocheck can read.
  public static func read(bytes: [UInt8], path: String, format: InputFormat? = nil) throws(ReadError) -> Filing {
    try read(text: FilingText(bytes: bytes).text, path: path, format: format)
  }

  /// Reads every filing of a file that may hold several one after the other.
  ///
  /// The file is split where a new filing explicitly begins (a new SGML submission wrapper, a new XML
  /// document, a new HTML document) or, in plain text, where a new schedule's title and issuer header
  /// follow the previous filing's signature (see ``FilingSplitter``). Each filing is read and checked on
  /// its own, with its own signers and cover pages, and keeps the line numbers of the file. A file that
  /// holds one filing is read exactly as ``read(bytes:path:format:)`` reads it, and its filing has no
  /// ``Filing/position``.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - path: Where it came from, recorded in each filing.
  ///   - format: The format to read it as; `nil` tells it from the content, for each filing.
  /// - Returns: One result per filing, in the file's order: the filing, with its ``Filing/position``
  ///   when there are several, or why that filing cannot be read (its message begins `filing 2 of 3:` and
  ///   its line is a 1-based line of the file), so that one bad filing does not stop the others.
  /// - Throws: ``ReadError`` when the file as a whole cannot be read (empty, too large, binary), or when it
  ///   holds one filing and that filing cannot be read.
  public static func readAll(
    bytes: consuming [UInt8], path: String, format: InputFormat? = nil
  ) throws(ReadError) -> [Result<Filing, ReadError>] {
    // The bytes are not needed once decoded: a caller that hands them over (`consume`) does not hold a large
    // file twice while it is read.
    let text = try FilingText(bytes: consume bytes)
    return try readAll(text: text, path: path, format: format)
  }

  /// Reads every filing of a file's decoded text, as ``readAll(bytes:path:format:)`` reads its bytes.
  ///
  /// - Parameters:
  ///   - text: The file's text (see ``FilingText/init(size:reading:)``, which reads a file piece by piece into it).
  ///   - path: Where it came from, recorded in each filing.
  ///   - format: The format to read it as; `nil` tells it from the content, for each filing.
  /// - Returns: One result per filing, in the file's order, as ``readAll(bytes:path:format:)`` returns them.
  /// - Throws: ``ReadError`` when the file holds one filing and that filing cannot be read.
  public static func readAll(
    text filingText: FilingText, path: String, format: InputFormat? = nil
  ) throws(ReadError) -> [Result<Filing, ReadError>] {
    var results: [Result<Filing, ReadError>] = []
    try readEach(text: filingText, path: path, format: format) { results.append($0) }
    return results
  }

  /// Reads the filings of a file's decoded text one at a time, handing each to `body` before the next is read.
  ///
  /// The results are those of ``readAll(text:path:format:)``, in the same order; a caller that is done with a
  /// filing when `body` returns holds one filing's model at a time, however many the file holds.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - path: Where it came from, recorded in each filing.
  ///   - format: The format to read it as; `nil` tells it from the content, for each filing.
  ///   - body: Called once per filing, in the file's order, with the filing or why it cannot be read.
  /// - Throws: ``ReadError`` when the file holds one filing and that filing cannot be read (`body` is then
  ///   not called).
  public static func readEach(
    text filingText: FilingText, path: String, format: InputFormat? = nil,
    _ body: (Result<Filing, ReadError>) -> Void
  ) throws(ReadError) {
    let filings = filings(of: filingText, path: path, format: format)
    guard filings.count > 1 else {
      body(.success(try filings.read(0).get()))
      return
    }
    for index in 0..<filings.count { body(filings.read(index)) }
  }

  /// Finds where each filing of a file's decoded text begins, without reading any of them yet.
  ///
  /// The filings are then read one by one with ``Filings/read(_:)``, in any order and on any thread: a caller
  /// that checks the filings of a large file on several threads holds the file's text once and the models of
  /// the filings it is checking, not all of them. Reading every filing in order gives the results of
  /// ``readEach(text:path:format:_:)``.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - path: Where it came from, recorded in each filing.
  ///   - format: The format to read it as; `nil` tells it from the content, for each filing.
  /// - Returns: The file's filings, at least one.
  public static func filings(of filingText: FilingText, path: String, format: InputFormat? = nil) -> Filings {
    let text = filingText.text
    let wholeFormat = format ?? detectFormat(text)
    // The splitter finds the lines' ends on its way: a file of one filing is read from them.
    var lineScan: FilingSplitter.LineScan?
    let starts = FilingSplitter.starts(of: text, format: wholeFormat, lines: &lineScan)
    return Filings(
      text: text, path: path, givenFormat: format, wholeFormat: wholeFormat, starts: starts,
      lineScan: starts.count > 1 ? nil : lineScan)
  }

  /// The filings of one file, found but not yet read (see ``filings(of:path:format:)``).
  public struct Filings: Sendable {
    /// The whole file's text.
    private let text: String
    /// Where the file came from.
    private let path: String
    /// The format the caller gave, or `nil`: each filing of several is told from its own content.
    private let givenFormat: InputFormat?
    /// The format of the file as a whole, which its one filing is read as.
    private let wholeFormat: InputFormat
    /// Where each filing begins; one start for a file of one filing.
    private let starts: [FilingSplitter.Start]
    /// Each line's UTF-8 range and, for SGML, the lines that may hold a wrapper tag, found by the splitter,
    /// for a file of one filing (text and SGML only).
    private let lineScan: FilingSplitter.LineScan?

    fileprivate init(
      text: String, path: String, givenFormat: InputFormat?, wholeFormat: InputFormat,
      starts: [FilingSplitter.Start], lineScan: FilingSplitter.LineScan?
    ) {
      self.text = text
      self.path = path
      self.givenFormat = givenFormat
      self.wholeFormat = wholeFormat
      self.starts = starts
      self.lineScan = lineScan
    }

    /// How many filings the file holds; at least 1.
    public var count: Int { starts.count }

    /// Reads one filing.
    ///
    /// A file of one filing is read as ``FilingReader/read(bytes:path:format:)`` reads it, and its filing has
    /// no ``Filing/position``. A filing of several keeps the file's line numbers and has its position; when
    /// it cannot be read, the error's message begins `filing 2 of 3:` and its line is a 1-based line of the
    /// file.
    ///
    /// - Parameter index: The filing's 0-based index, less than ``count``.
    /// - Returns: The filing, or why it cannot be read.
    public func read(_ index: Int) -> Result<Filing, ReadError> {
      guard starts.count > 1 else {
        return Result { () throws(ReadError) in
          try FilingReader.read(text: text, path: path, format: wholeFormat, lineScan: lineScan)
        }
      }
      let start = starts[index]
      let position = FilingPosition(index: index + 1, count: starts.count, line: start.line)
      let utf8 = text.utf8
      let lower = utf8.index(utf8.startIndex, offsetBy: start.offset)
      let upper =
        index + 1 < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[index + 1].offset) : utf8.endIndex
      let piece = String(text[lower..<upper])
      do throws(ReadError) {
        var filing = try FilingReader.read(text: piece, path: path, format: givenFormat)
          .shiftingLines(by: start.line - 1)
        filing.position = position
        return .success(filing)
      } catch {
        return .failure(
          ReadError(
            message: "filing \(position.index) of \(position.count): \(error.message)",
            line: error.line.map { $0 + start.line - 1 } ?? start.line))
      }
    }
  }

  /// Reads decoded text as one filing.
  ///
  /// - Parameters:
  ///   - text: The filing's text; its first line is line 1.
  ///   - path: Where it came from, recorded in the model.
  ///   - format: The format to read it as; `nil` tells it from the content.
  ///   - lineScan: The UTF-8 range of each line of the text and the lines that may hold an SGML wrapper
  ///     tag, when found already (see ``FilingSplitter/starts(of:format:lines:)``); read only for text and
  ///     SGML.
  fileprivate static func read(
    text: String, path: String, format: InputFormat?, lineScan: FilingSplitter.LineScan? = nil
  ) throws(ReadError) -> Filing {
    switch format ?? detectFormat(text) {
    case .text:
      let lines = lineScan.map { SourceLines(text, lineRanges: $0.ranges) } ?? SourceLines(text)
      return try requireCoverPages(TextFilingReader.read(lines: lines, path: path, format: .text), line: nil)
    case .html:
      let filing = TextFilingReader.read(lines: HTMLFlattener.flatten(text), path: path, format: .html)
      return try requireCoverPages(filing, line: nil)
    case .sgml:
      guard
        let submission = SGMLUnwrapper.unwrap(
          text, lineRanges: lineScan?.ranges, tagLineCandidates: lineScan?.tagLineCandidates)
      else {
        throw ReadError(message: "the SGML wrapper holds no <DOCUMENT> with a <TEXT>")
      }
      let document = submission.primary
      if document.content == .xml {
        let filing = XMLFilingReader.read(text: document.text, path: path, format: .sgml)
        return try requireCoverPages(filing, line: document.firstLine)
      }
      let declared = document.type.map { Located(normalizedFormType($0), line: document.firstLine) }
      let lines = document.content == .html ? document.flattenedHTML : document.lines
      var filing = TextFilingReader.read(lines: lines, path: path, format: .sgml, declaredForm: declared)
      if filing.form == nil { filing.form = declared }
      addAgreementParties(submission.agreements, to: &filing)
      return try requireCoverPages(filing, line: document.firstLine)
    case .xml:
      return try requireCoverPages(XMLFilingReader.read(text: text, path: path), line: nil)
    }
  }

  /// Adds the signers of a joint filing agreement filed as an exhibit to the filing's parties.
  ///
  /// The agreement's parties are those who sign it ("the undersigned hereby agree to the joint filing"):
  /// each joins the filing, so each needs a cover page of its own. Names already among the filing's
  /// parties are not added twice.
  static func addAgreementParties(_ agreements: [SGMLUnwrapper.Document], to filing: inout Filing) {
    for exhibit in agreements {
      let lines = exhibit.content == .html ? exhibit.flattenedHTML : exhibit.lines
      let signers = DocumentFacts(lines: lines).signers(in: 1..<(lines.count + 1), isAgreement: true)
      var known = Set(filing.jointFilers.map { NameKey($0.name) })
      for signer in signers where !known.contains(NameKey(signer.name)) {
        filing.jointFilers.append(signer)
        known.insert(NameKey(signer.name))
      }
    }
  }

  private static func requireCoverPages(_ filing: Filing, line: Int?) throws(ReadError) -> Filing {
    // An amendment that changes nothing on the cover pages need not repeat them (it may only add exhibits):
    // it is checked, and a note says that it has none.
    if filing.coverPages.isEmpty, isAmendment(filing) {
      var checked = filing
      checked.readerNotes.append(
        ReaderNote(
          page: nil, field: nil, line: filing.form?.line ?? line ?? 1,
          message: "this amendment has no cover page; the form allows that when nothing on the cover pages "
            + "changes, so no row was checked"))
      return checked
    }
    if filing.coverPages.isEmpty {
      throw ReadError(
        message: "no Schedule 13D or 13G cover page found (no row captions such as 'NAME OF REPORTING PERSON')",
        line: line)
    }
    return filing
  }

  /// Whether the filing is an EDGAR submission that declares itself an amendment: an "/A" form type, or
  /// an "Amendment No." heading under a schedule's type.
  ///
  /// Only a submission's wrapper says for certain that the text is a filing; a loose text or HTML file
  /// that merely mentions an amendment is not taken for one.
  private static func isAmendment(_ filing: Filing) -> Bool {
    guard filing.format == .sgml, let form = filing.form?.value.uppercased(),
      form.contains("13D") || form.contains("13G")
    else { return false }
    return form.hasSuffix("/A") || (filing.amendment?.value ?? 0) > 0
  }

  private static let htmlElements: Set<String> = [
    "head", "body", "div", "p", "table", "font", "span", "center", "br", "b", "i", "title", "meta", "style", "h1",
    "h2", "h3", "h4", "hr", "pre", "a", "u", "tr", "td",
  ]

  /// The length of the longest name of ``htmlElements``.
  private static let longestHTMLElement = htmlElements.map(\.count).max() ?? 0

  /// The format of a filing's text, from its first non-blank characters and tags.
  public static func detectFormat(_ text: String) -> InputFormat {
    if let known = ASCIIText.withUTF8(text, formatByBytes) { return known }
    return detectFormatByCharacters(text)
  }

  /// The format ``detectFormatByCharacters(_:)`` finds, told from the text's bytes, or `nil` when they do not
  /// tell.
  ///
  /// The reading by characters takes the first 8,192 bytes, drops white space, skips a privacy-enhanced
  /// preamble up to its first blank line, drops white space again and compares what begins the rest,
  /// lower-cased, with the tags of each format. Where the bytes read are ASCII, each is one character (a CR LF
  /// pair one white-space character, and no line end), so the bytes give the same answer. Wherever the answer
  /// would rest on a byte beyond ASCII (a white space of Unicode, a mark joined to the character before it, a
  /// letter that lower-cases to ASCII, a sign equivalent to an ASCII one), the bytes do not tell.
  ///
  /// - Parameter bytes: The text's UTF-8 bytes.
  static func formatByBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> InputFormat? {
    // The reading by characters takes the first 8,192 bytes, and nothing when they cut a scalar.
    if bytes.count > 8192 && bytes[8192] & 0xC0 == 0x80 { return nil }
    let reader = FormatBytes(bytes: bytes, end: min(bytes.count, 8192))
    guard var start = reader.afterWhiteSpace(from: 0) else { return nil }
    switch reader.begins(with: privacyEnhancedOpening, at: start, ignoringCase: false) {
    case nil: return nil
    case true?:
      guard let rest = reader.afterPrivacyEnhancedHeader(from: start) else { return nil }
      // A preamble without a blank line leaves nothing or the preamble itself, which no format begins with.
      guard let next = rest else { return .text }
      guard let skipped = reader.afterWhiteSpace(from: next) else { return nil }
      start = skipped
    case false?: break
    }
    for (phrases, format) in formatOpenings {
      for phrase in phrases {
        switch reader.begins(with: phrase, at: start, ignoringCase: true) {
        case nil: return nil
        case true?: return format
        case false?: continue
        }
      }
    }
    // A fragment of HTML without its <html> tag: the first tag is an HTML element's.
    switch reader.begins(with: [0x3C], at: start, ignoringCase: false) {
    case nil: return nil
    case false?: return .text
    case true?: return reader.elementName(at: start + 1).map { htmlElements.contains($0) ? .html : .text }
    }
  }

  /// What begins a filing of each format (lower case), in the order the reading by characters tries them.
  private static let formatOpenings: [([[UInt8]], InputFormat)] = [
    (["<?xml", "<edgarsubmission"], .xml),
    // <IMS-DOCUMENT> is what EDGAR called its wrapper until 1994.
    (["<sec-document", "<ims-document", "<submission", "<document"], .sgml),
    (["<html", "<!doctype html"], .html),
  ].map { phrases, format in (phrases.map { Array($0.utf8) }, format) }

  /// The first line of a privacy-enhanced message, as the reading by characters compares it.
  private static let privacyEnhancedOpening = Array("-----BEGIN PRIVACY-ENHANCED MESSAGE-----".utf8)

  /// The first bytes of a text, read as ``formatByBytes(_:)`` reads them: each answer is `nil` where a byte
  /// beyond ASCII could make the reading by characters differ.
  private struct FormatBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The end of what is read (at most the first 8,192 bytes).
    let end: Int

    /// The offset of the first byte at or after `offset` that is not white space; `nil` when it is beyond
    /// ASCII (a white space of Unicode, or a mark that joins the white space before it into another character).
    func afterWhiteSpace(from offset: Int) -> Int? {
      var index = offset
      while index < end && ASCIIText.isWhiteSpace(bytes[index]) { index += 1 }
      return index < end && bytes[index] >= 0x80 ? nil : index
    }

    /// Whether the characters at `offset` begin with an ASCII phrase (lower case when `ignoringCase`, the
    /// bytes then compared lower-cased); `nil` when a byte beyond ASCII decides it: one where the phrase has
    /// another byte (it may be a character equivalent to the phrase's, or lower-case to it), or one just
    /// after the phrase (a mark joined to its last character).
    func begins(with phrase: [UInt8], at offset: Int, ignoringCase: Bool) -> Bool? {
      for (position, expected) in phrase.enumerated() {
        guard offset + position < end else { return false }
        let byte = bytes[offset + position]
        if byte >= 0x80 { return nil }
        let read = ignoringCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        if read != expected { return false }
      }
      let after = offset + phrase.count
      return after < end && bytes[after] >= 0x80 ? nil : true
    }

    /// Where the text after a privacy-enhanced preamble that begins at `offset` begins: at the line feed that
    /// ends its first blank line (`.some(nil)` when no line is blank), or `nil` when a byte beyond ASCII
    /// stands on a line otherwise blank.
    ///
    /// Lines end at a line feed that is a character of its own, not the second half of a CR LF pair.
    func afterPrivacyEnhancedHeader(from offset: Int) -> Int?? {
      var lineStart = offset
      while true {
        var lineEnd = lineStart
        while lineEnd < end && !(bytes[lineEnd] == 0x0A && (lineEnd == 0 || bytes[lineEnd - 1] != 0x0D)) {
          lineEnd += 1
        }
        var blank: Bool? = true
        for byte in bytes[lineStart..<lineEnd] where !ASCIIText.isWhiteSpace(byte) {
          if byte < 0x80 {
            blank = false
            break
          }
          blank = nil
        }
        guard let isBlank = blank else { return nil }
        if isBlank { return lineEnd < end ? .some(lineEnd) : .some(nil) }
        guard lineEnd < end else { return .some(nil) }
        lineStart = lineEnd + 1
      }
    }

    /// The name of the tag whose `<` stands just before `offset`, lower-cased: its ASCII letters and digits;
    /// `nil` when a byte beyond ASCII may continue it. A name longer than any HTML element's is returned
    /// cut (one byte longer, so that it is none of them).
    func elementName(at offset: Int) -> String? {
      let limit = FilingReader.longestHTMLElement + 1
      var index = offset
      while index < end && index - offset < limit, ASCIIText.isLetter(bytes[index]) || ASCIIText.isDigit(bytes[index]) {
        index += 1
      }
      if index - offset < limit && index < end && bytes[index] >= 0x80 { return nil }
      return String(decoding: bytes[offset..<index].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
  }

  /// The format of a filing's text, read by characters (the general path of ``detectFormat(_:)``).
  static func detectFormatByCharacters(_ text: String) -> InputFormat {
    let head = String(text.utf8.prefix(8192)).map { String($0) } ?? ""
    let start = skippingPrivacyEnhancedHeader(head).drop { $0.isWhitespace }.prefix(200).lowercased()
    for (phrases, format) in formatOpenings
    where phrases.contains(where: { start.hasPrefix(String(decoding: $0, as: UTF8.self)) }) {
      return format
    }
    // A fragment of HTML without its <html> tag: the first tag is an HTML element's.
    if start.hasPrefix("<") {
      let name = start.dropFirst().prefix { $0.isLetter || $0.isNumber }
      if htmlElements.contains(String(name)) { return .html }
    }
    return .text
  }

  /// The text after a privacy-enhanced-message preamble, which EDGAR put before the submissions it
  /// disseminated until the 2010s ("-----BEGIN PRIVACY-ENHANCED MESSAGE-----", header fields, a blank
  /// line); the text itself when it has none.
  static func skippingPrivacyEnhancedHeader(_ head: String) -> Substring {
    let trimmed = head.drop { $0.isWhitespace }
    guard trimmed.hasPrefix(String(decoding: privacyEnhancedOpening, as: UTF8.self)) else { return trimmed }
    // The header fields end at the first blank line (lines end at a "\n" character, as splitting the text
    // at them ends them), which is looked for line by line from the start rather than in all the lines.
    var lineStart = trimmed.startIndex
    while true {
      let lineEnd = trimmed[lineStart...].firstIndex(of: "\n") ?? trimmed.endIndex
      if trimmed[lineStart..<lineEnd].allSatisfy(\.isWhitespace) { return trimmed[lineEnd...] }
      guard lineEnd < trimmed.endIndex else { return trimmed }
      lineStart = trimmed.index(after: lineEnd)
    }
  }

  /// A wrapper's document type as a form type: "SCHEDULE 13G/A" becomes "SC 13G/A".
  static func normalizedFormType(_ type: String) -> String {
    let upper = type.uppercased()
    return upper.hasPrefix("SCHEDULE ") ? "SC " + upper.dropFirst(9) : upper
  }
}

extension FilingReader {
  /// The lines the cover-page reader sees for a filing, for looking into how a layout was read.
  ///
  /// HTML is flattened (table cells separated by tabs) and an SGML wrapper's schedule document is taken
  /// out; XML and text are returned as they are.
  ///
  /// - Parameter bytes: The file's contents.
  /// - Returns: The lines, in order.
  public static func readableLines(bytes: [UInt8]) -> [String] {
    let (text, _) = TextDecoding.decode(bytes)
    switch detectFormat(text) {
    case .html: return HTMLFlattener.flatten(text).lines.map(String.init)
    case .sgml:
      guard let document = SGMLUnwrapper.unwrap(text)?.primary else { return [] }
      if case .html = document.content { return document.flattenedHTML.lines.map(String.init) }
      return document.lines.lines.map(String.init)
    case .text, .xml: return SourceLines(text).lines.map(String.init)
    }
  }
}

extension Filing {
  /// The filing with every line it records moved down by a number of lines.
  ///
  /// A filing read out of a file that holds several is read from its own text, whose first line is line
  /// 1; moving its lines by the lines above it in the file makes every finding point at the file's line.
  /// Columns do not change, since each filing begins at the start of a line.
  ///
  /// - Parameter offset: How many lines of the file come before the filing's first line.
  /// - Returns: The filing with each line (of its form, header, rows, footnotes, signers, notes) plus
  ///   `offset`.
  func shiftingLines(by offset: Int) -> Filing {
    guard offset != 0 else { return self }
    func shift<Value>(_ located: Located<Value>?) -> Located<Value>? {
      located.map { Located($0.value, line: $0.line + offset) }
    }
    func shift(_ mention: NamedMention) -> NamedMention {
      var moved = mention
      moved.line += offset
      return moved
    }
    var filing = self
    filing.form = shift(form)
    filing.amendment = shift(amendment)
    filing.issuer = shift(issuer)
    filing.itemOneIssuer = shift(itemOneIssuer)
    filing.cusip = shift(cusip)
    filing.statedSharesOutstanding = shift(statedSharesOutstanding)
    filing.signers = signers.map(shift)
    filing.jointFilers = jointFilers.map(shift)
    filing.readerNotes = readerNotes.map { note in
      var moved = note
      moved.line += offset
      return moved
    }
    filing.coverPages = coverPages.map { page in
      var moved = page
      moved.line += offset
      for (field, row) in page.rows {
        var movedRow = row
        movedRow.line += offset
        switch row.value {
        case .amount(var amount):
          amount.partsFootnote = shift(amount.partsFootnote)
          movedRow.value = .amount(amount)
        case .percent(var percent):
          percent.statedBasis = shift(percent.statedBasis)
          movedRow.value = .percent(percent)
        default:
          break
        }
        moved.rows[field] = movedRow
      }
      return moved
    }
    return filing
  }
}
