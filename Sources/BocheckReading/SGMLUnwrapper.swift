#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the schedule's own document, and its joint filing agreements, inside an EDGAR SGML wrapper.
///
/// Full submissions (`<SEC-DOCUMENT>` with a `<SEC-HEADER>`), dissemination files (`<SUBMISSION>`) and bare
/// `<DOCUMENT>` wrappers hold one `<DOCUMENT>` per file, each with a `<TYPE>` and a `<TEXT>`. The schedule's
/// document is the first whose type is a Schedule 13D or 13G; an "EX-" exhibit that speaks of joint filing
/// is an agreement whose signers join the filing; other exhibits, PDFs and graphics are skipped.
/// A document's lines (and, for HTML and XML, its text) keep the file's line numbers: the lines before it are
/// blank.
enum SGMLUnwrapper {
  /// One document of the submission.
  struct Document {
    /// The document's `<TYPE>`, such as `SC 13G/A`.
    let type: String?
    /// The 1-based line where the text begins.
    let firstLine: Int
    /// What the text holds: plain text, HTML or XML.
    let content: InnerFormat
    /// The submission's lines.
    fileprivate let submission: SourceLines.Lines
    /// The document's lines: a 0-based half-open range of the submission's.
    fileprivate let span: Range<Int>

    /// The wrapper's lines up to the document's last, with everything but the document's text blanked.
    ///
    /// It is written when asked for: a plain-text document is read from ``lines`` instead, and an HTML one is
    /// most often flattened where it stands (``flattenedHTML``).
    var text: String { SGMLUnwrapper.blankedText(span, of: submission) }

    /// The document's HTML flattened into lines (see ``HTMLFlattener``), with the file's line numbers.
    ///
    /// The HTML is read where it stands in the submission when a line feed alone ends each of its lines;
    /// otherwise ``text`` is written and flattened.
    var flattenedHTML: SourceLines {
      guard let piece = SGMLUnwrapper.pieceEndingAtLineFeeds(span, of: submission) else {
        return HTMLFlattener.flatten(text)
      }
      return HTMLFlattener.flatten(submission.text, bytes: piece, firstLine: span.lowerBound + 1)
    }

    /// The document's lines as ``SourceLines`` splits ``text``, taken from the submission's without a copy:
    /// each line before the document is empty, and the lines after it are left out.
    ///
    /// Like the lines of ``text``, they end with the document's last line, and a last line that is empty is
    /// left out (the text ends with the line feed before it).
    var lines: SourceLines {
      guard !span.isEmpty else { return SourceLines(text) }
      // The lines before the document are empty ranges where its text starts, so that no byte outside the
      // document's lines lies between the first line's start and the last line's end.
      let start = submission.ranges[span.lowerBound].lowerBound
      var end = span.upperBound
      if submission.ranges[end - 1].isEmpty { end -= 1 }
      var ranges = LineRanges()
      ranges.reserveCapacity(end)
      ranges.appendEmpty(span.lowerBound, at: start)
      ranges.append(contentsOf: submission.ranges, lines: span.lowerBound..<end)
      return SourceLines(submission.text, lineRanges: ranges)
    }
  }

  /// What a document's text holds.
  enum InnerFormat: Equatable {
    case text, html, xml
  }

  /// A submission's documents that bocheck reads: the schedule and its joint filing agreements.
  struct Submission {
    /// The schedule's own document: the first whose type is a Schedule 13D or 13G, else the first.
    let primary: Document
    /// The exhibits that hold a joint filing agreement: documents of an "EX-" type whose text speaks of
    /// joint filing, at most ``maximumAgreementExhibits``.
    let agreements: [Document]
  }

  /// Splits a submission into its documents once, and picks the schedule and its agreements.
  ///
  /// - Parameters:
  ///   - source: The whole submission.
  ///   - lineRanges: The UTF-8 range of each of its lines when they were found already (see
  ///     ``SourceLines/init(_:lineRanges:)``).
  ///   - tagLineCandidates: The 0-based indices, in order, of the lines that may open with a wrapper tag,
  ///     when they were noted already (see ``FilingSplitter/LineScan/tagLineCandidates``): every line whose
  ///     content after blanks opens with a ``WrapperTag`` must be among them. `nil`: every line is looked at.
  /// - Returns: The documents, or `nil` when the wrapper holds no document with text.
  static func unwrap(_ source: String, lineRanges: LineRanges? = nil, tagLineCandidates: [Int32]? = nil) -> Submission?
  {
    let lines = (lineRanges.map { SourceLines(source, lineRanges: $0) } ?? SourceLines(source)).lines
    let documents = spans(lines, tagLineCandidates: tagLineCandidates)
    guard let fallback = documents.first else { return nil }
    // A document's type names its schedule ("SC 13D/A", "sc 13g"), found on its bytes in any case.
    let isSchedule: (String?) -> Bool = { type in
      guard let type else { return false }
      return ASCIIText.containsAny(scheduleNames, in: type)
    }
    let chosen = documents.first { isSchedule($0.type) } ?? fallback
    let phrase = ASCIIText.phrase("JOINT FILING")
    // Each exhibit is returned as a copy of the whole submission's lines: a few suffice (a filing has one
    // agreement), and a submission of thousands of exhibits cannot make reading quadratic.
    let agreements = documents.filter { span in
      guard let type = span.type?.uppercased(), type.hasPrefix("EX-") else { return false }
      // The document's lines are searched at once (the phrase holds no line end).
      guard let range = byteRange(of: span.start..<span.end, in: lines) else { return false }
      return ASCIIText.withUTF8(lines.text) { ASCIIText.contains(phrase, in: UnsafeBufferPointer(rebasing: $0[range])) }
    }.prefix(maximumAgreementExhibits).map { document($0, in: lines) }
    return Submission(primary: document(chosen, in: lines), agreements: agreements)
  }

  /// The schedules a document's type names.
  private static let scheduleNames = [ASCIIText.phrase("13D"), ASCIIText.phrase("13G")]

  /// Tags that tell HTML: plain-text documents carry EDGAR's own markup (<PAGE>, <TABLE>, <CAPTION>, <S>,
  /// <C>, <FN>), but never these.
  private static let htmlTags = ["<HTML", "<BODY", "<P>", "<P ", "<DIV", "<TD", "<BR", "<FONT"].map(ASCIIText.phrase)

  /// The bytes of some of the submission's lines, from the first one's start to the last one's end; `nil`
  /// when there are none.
  ///
  /// A phrase without a line end occurs in one of the lines when it occurs in these bytes: they hold nothing
  /// else but the line ends between the lines.
  ///
  /// - Parameters:
  ///   - indices: The 0-based indices of consecutive lines.
  ///   - lines: The submission's lines.
  private static func byteRange(of indices: Range<Int>, in lines: SourceLines.Lines) -> Range<Int>? {
    guard let first = indices.first, let last = indices.last else { return nil }
    return lines.ranges[first].lowerBound..<lines.ranges[last].upperBound
  }

  /// Whether some lines hold one of ``htmlTags``, in any case: only their `<` bytes, found eight bytes at a
  /// time, are looked at.
  ///
  /// - Parameter bytes: The lines' UTF-8 bytes (see ``byteRange(of:in:)``): no tag holds a line end.
  private static func holdsHTMLTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var offset = ASCIIText.firstOffset(of: 0x3C, in: bytes, to: bytes.count)
    while offset < bytes.count {
      if htmlTags.contains(where: { LineBytes.hasPrefix($0, in: bytes, at: offset) }) { return true }
      offset = ASCIIText.firstOffset(of: 0x3C, in: bytes, from: offset + 1, to: bytes.count)
    }
    return false
  }

  /// The most joint filing agreement exhibits read from one submission.
  static let maximumAgreementExhibits = 8

  /// The wrapper's tags that delimit documents, each at the start of a line. The splitter
  /// (``WrapperScanner``) tells a document's text by the same `<TEXT>` and `</TEXT>`.
  enum WrapperTag: CaseIterable {
    case document, type, text, textEnd

    /// The tag as it opens its line, upper case.
    var markup: StaticString {
      switch self {
      case .document: return "<DOCUMENT>"
      case .type: return "<TYPE>"
      case .text: return "<TEXT>"
      case .textEnd: return "</TEXT>"
      }
    }

    /// The tag that the bytes at `start` (a `<`) open with, in any case, or `nil`.
    ///
    /// The one tag they may be is told by the bytes after the `<` (`D`, `TY`, `TE` or `/`): only its markup
    /// is compared, so that a line of HTML (`<td>`, `<div>`, `<table>`) costs a byte or two. The markup is
    /// read where the literal stands, with no table to fetch: the splitter asks at every line of a
    /// submission that opens with `<`.
    ///
    /// - Parameters:
    ///   - bytes: A line's UTF-8 bytes.
    ///   - start: The offset of a `<` in them.
    @inline(__always)
    static func opening(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> WrapperTag? {
      guard start + 2 < bytes.count else { return nil }
      let candidate: WrapperTag
      switch ASCIIText.upper(bytes[start + 1]) {
      case UInt8(ascii: "D"): candidate = .document
      case UInt8(ascii: "/"): candidate = .textEnd
      case UInt8(ascii: "T"):
        switch ASCIIText.upper(bytes[start + 2]) {
        case UInt8(ascii: "Y"): candidate = .type
        case UInt8(ascii: "E"): candidate = .text
        default: return nil
        }
      default: return nil
      }
      return candidate.markup.withUTF8Buffer { LineBytes.hasPrefix($0, in: bytes, at: start) } ? candidate : nil
    }
  }

  /// Where each document's text is: its type and its 0-based half-open range of lines.
  ///
  /// - Parameters:
  ///   - lines: The submission's lines.
  ///   - tagLineCandidates: The lines that may open with a tag, when known (see ``unwrap(_:lineRanges:tagLineCandidates:)``).
  private static func spans(
    _ lines: SourceLines.Lines, tagLineCandidates: [Int32]?
  ) -> [(type: String?, start: Int, end: Int)] {
    var documents: [(type: String?, start: Int, end: Int)] = []
    var currentType: String?
    var textStart: Int?
    lines.withByteLines { byteLines in
      // Each tag opens its line (after blanks): one look at the line's bytes tells which, if any. Only the
      // lines whose content opens with "<" can, when the splitter noted them.
      func visit(_ index: Int) {
        let bytes = byteLines[index]
        let start = LineBytes.firstSignificant(bytes)
        guard start < bytes.count, bytes[start] == 0x3C, let tag = WrapperTag.opening(bytes, at: start) else { return }
        switch tag {
        case .document:
          currentType = nil
          textStart = nil
        case .type:
          currentType = String(lines[index].trimmingBlanks().dropFirst(6)).trimmingBlanks()
        case .text:
          textStart = index + 1
        case .textEnd:
          if let start = textStart {
            documents.append((currentType, start, index))
            textStart = nil
          }
        }
      }
      if let candidates = tagLineCandidates {
        for index in candidates { visit(Int(index)) }
      } else {
        for index in lines.indices { visit(index) }
      }
    }
    if let start = textStart { documents.append((currentType, start, lines.count)) }
    return documents
  }

  /// One document of the submission: its type, where its text begins and what it holds.
  private static func document(_ span: (type: String?, start: Int, end: Int), in lines: SourceLines.Lines) -> Document {
    let body = lines[span.start..<span.end]
    let firstContent = body.first { !$0.trimmingBlanks().isEmpty }?.trimmingBlanks().lowercased() ?? ""
    var content = InnerFormat.text
    if firstContent.hasPrefix("<xml") || firstContent.hasPrefix("<?xml") || firstContent.hasPrefix("<edgarsubmission") {
      content = .xml
    } else if let range = byteRange(of: body.indices.prefix(400), in: lines),
      ASCIIText.withUTF8(lines.text, { holdsHTMLTag(UnsafeBufferPointer(rebasing: $0[range])) })
    {
      content = .html
    }
    return Document(
      type: span.type, firstLine: span.start + 1, content: content, submission: lines, span: span.start..<span.end)
  }

  /// The submission's lines up to a document's last, each line before the document blank: its text as the
  /// readers of HTML and XML take it, line numbers the file's.
  ///
  /// - Parameters:
  ///   - span: The document's 0-based half-open range of lines.
  ///   - lines: The submission's lines.
  fileprivate static func blankedText(_ span: Range<Int>, of lines: SourceLines.Lines) -> String {
    // Every line before the document's is blanked: it keeps only its line end, so that the document's lines
    // keep their numbers; the text ends with the document's last line.
    guard let piece = pieceEndingAtLineFeeds(span, of: lines) else { return linesJoinedAtLineFeeds(span, of: lines) }
    // The line feeds of the lines before (ASCII, checked a word at a time), then the document's lines as they
    // stand in the submission: appended as a part of it, they are copied, not checked again as bytes would be.
    var text = String(unsafeUninitializedCapacity: span.lowerBound) { buffer in
      if let base = buffer.baseAddress { memset(base, 0x0A, span.lowerBound) }
      return span.lowerBound
    }
    text.reserveCapacity(span.lowerBound + piece.count)
    text.append(contentsOf: LineBytes.slice(lines.text, piece))
    return text
  }

  /// The byte range of a document's lines in the submission when each of them but the last ends at a line
  /// feed alone, so that the range holds the lines and one line feed between each two; `nil` when a carriage
  /// return ends one, or when the document has no lines.
  ///
  /// - Parameters:
  ///   - span: The document's 0-based half-open range of lines.
  ///   - lines: The submission's lines.
  fileprivate static func pieceEndingAtLineFeeds(_ span: Range<Int>, of lines: SourceLines.Lines) -> Range<Int>? {
    guard !span.isEmpty else { return nil }
    let range = lines.ranges[span.lowerBound].lowerBound..<lines.ranges[span.upperBound - 1].upperBound
    let hasCarriageReturn = ASCIIText.withUTF8(lines.text) { bytes in
      ASCIIText.firstOffset(of: 0x0D, in: bytes, from: range.lowerBound, to: range.upperBound) < range.upperBound
    }
    return hasCarriageReturn ? nil : range
  }

  /// The submission's lines up to a document's last, those before the document blanked, each written after
  /// a line feed but the first.
  ///
  /// - Parameters:
  ///   - span: The document's 0-based half-open range of lines.
  ///   - lines: The submission's lines.
  private static func linesJoinedAtLineFeeds(_ span: Range<Int>, of lines: SourceLines.Lines) -> String {
    let capacity = max(0, span.upperBound - 1) + span.reduce(0) { $0 + lines.ranges[$1].count }
    return String(unsafeUninitializedCapacity: capacity) { buffer in
      var written = 0
      for index in 0..<span.upperBound {
        if index > 0 {
          buffer[written] = 0x0A
          written += 1
        }
        guard span.contains(index) else { continue }
        lines.withBytes(index) { line in
          _ = UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(fromContentsOf: line)
          written += line.count
        }
      }
      return written
    }
  }
}
