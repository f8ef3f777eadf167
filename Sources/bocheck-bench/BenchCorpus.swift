import BocheckModel
import BocheckReading
import BocheckSeeded
import Foundation

/// A filing the generated corpus is written from: the bytes of a sample or fixture of the repository and
/// the names its cover pages print, as bocheck itself reads them.
struct CorpusTemplate {
  /// The file's name without its folder, for the report.
  var name: String
  /// The extension the copies get (`txt`, `htm`, `html`, `nc` or `xml`).
  var pathExtension: String
  /// The format bocheck reads it as.
  var format: InputFormat
  /// The whole file.
  var bytes: [UInt8]
  /// The reporting persons' and the issuer's names as read, longest first, so that a name is replaced
  /// before a shorter name inside it.
  var names: [String]
  /// The cover pages of a text filing, from the first row 1 caption to the end of the last cover page, or
  /// `nil` when the layout has no such block; copies of a group filing repeat it.
  var coverBlock: Range<Int>?
  /// How often it is chosen, relative to the other templates.
  var weight: Int

  /// Reads `url` and the names its cover pages print.
  ///
  /// - Parameters:
  ///   - url: A sample or a fixture.
  ///   - weight: How often it is chosen.
  init?(url: URL, weight: Int) {
    guard let data = try? Data(contentsOf: url), !data.isEmpty else { return nil }
    name = url.lastPathComponent
    pathExtension = url.pathExtension
    bytes = Array(data)
    guard let filing = try? FilingReader.read(bytes: bytes, path: name) else { return nil }
    format = filing.format
    let read = filing.coverPages.compactMap(\.reportingPersonName) + [filing.issuer?.value].compactMap { $0 }
    names = Set(read.filter { $0.count >= 6 }).sorted { ($0.count, $0) > ($1.count, $1) }
    coverBlock = nil
    if format == .text, let first = Self.find(Array("NAME OF REPORTING PERSON".utf8), in: bytes) {
      let start = bytes[..<first].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? first
      // The block ends after the line that follows the last row 14 caption (its value).
      var last: Int?
      while let next = Self.find(Array("TYPE OF REPORTING PERSON".utf8), in: bytes, from: (last ?? first) + 1) {
        last = next
      }
      var end = last ?? first
      for _ in 0..<2 {
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        while end < bytes.count, bytes[end] == UInt8(ascii: "\n") || bytes[end] == UInt8(ascii: " ") { end += 1 }
      }
      if last != nil { coverBlock = start..<end }
    }
    self.weight = weight
  }

  /// The first offset of `needle` in `haystack` at or after `start`.
  static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
    guard let first = needle.first, haystack.count >= needle.count else { return nil }
    var index = start
    while index <= haystack.count - needle.count {
      if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}

/// The deterministic corpus `make bench` measures: the real filings of the shared corpus repeated when
/// present, and filings written from the repository's samples and fixtures, varied by a seed.
///
/// Each generated filing is a template with its reporting persons and issuer renamed, every amount scaled
/// by the same whole factor (sums and percents still agree, since both sides scale), sometimes its cover
/// pages repeated as a group filing's, and an exhibit body added to reach a drawn size: most filings are a
/// few to a few tens of kilobytes, some hundreds, a few megabytes. XML filings keep their size. The same
/// seed and the same inputs write the same bytes, which ``digest`` summarises.
struct BenchCorpus {
  /// One file of the corpus.
  struct File {
    /// The file's path.
    var path: String
    /// Its size in bytes.
    var size: Int
    /// The extension of the template it came from, or `nil` for a real filing copied as is.
    var template: String?
  }

  /// The folder holding the corpus (nothing else is in it).
  var folder: URL
  /// Its files, in the order they were written.
  var files: [File]
  /// FNV-1a over every file's name and bytes: equal digests mean equal corpora.
  var digest: UInt64

  /// The total size in bytes.
  var totalBytes: Int { files.reduce(0) { $0 + $1.size } }

  /// Empties `folder` and writes the corpus into it.
  ///
  /// - Parameters:
  ///   - folder: Where to write; created when missing, emptied when present.
  ///   - templates: The samples and fixtures to vary; must not be empty.
  ///   - realFilings: Filings copied as they are, `repeats` times each.
  ///   - repeats: How often each real filing is copied.
  ///   - generated: How many filings to write from the templates.
  ///   - seed: The seed every choice is drawn from.
  static func write(
    to folder: URL, templates: [CorpusTemplate], realFilings: [URL], repeats: Int, generated: Int, seed: UInt64
  ) throws -> BenchCorpus {
    let manager = FileManager.default
    try? manager.removeItem(at: folder)
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    var corpus = BenchCorpus(folder: folder, files: [], digest: 0xCBF2_9CE4_8422_2325)
    for round in 0..<repeats {
      for url in realFilings {
        let bytes = Array(try Data(contentsOf: url))
        try corpus.add(name: "real-\(round + 1)-\(url.lastPathComponent)", bytes: bytes, template: nil)
      }
    }
    var random = SplitMix64(seed: seed)
    let weights = templates.map(\.weight)
    for number in 0..<generated {
      let template = templates[random.index(weightedBy: weights)]
      let bytes = vary(template, random: &random)
      let stem = template.name.split(separator: ".").first.map(String.init) ?? "filing"
      let name = String(format: "gen-%05d-", number) + stem + "." + template.pathExtension
      try corpus.add(name: name, bytes: bytes, template: template.pathExtension)
    }
    return corpus
  }

  /// Writes one file and folds it into the digest.
  private mutating func add(name: String, bytes: [UInt8], template: String?) throws {
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    for byte in Array(name.utf8) + [0] + bytes {
      digest = (digest ^ UInt64(byte)) &* 0x100_0000_01B3
    }
    files.append(File(path: url.path, size: bytes.count, template: template))
  }

  /// One generated filing from `template`.
  static func vary(_ template: CorpusTemplate, random: inout SplitMix64) -> [UInt8] {
    // The size class: most filings small, some large, a few of several megabytes.
    let sizeClass = random.int(in: 0...999)
    let target: Int
    switch sizeClass {
    case 0..<4: target = random.logSize(in: 1_000_000...4_000_000)
    case 4..<34: target = random.logSize(in: 60_000...400_000)
    default: target = random.logSize(in: 4_000...40_000)
    }
    var bytes = template.bytes
    // A group filing: the cover pages repeated, as when many related persons file jointly.
    if let block = template.coverBlock, random.int(in: 0...19) == 0 {
      let pages = Array(bytes[block])
      let copies = random.int(in: 1...5)
      bytes.replaceSubrange(block.upperBound..<block.upperBound, with: Array(repeating: pages, count: copies).joined())
    }
    var text = String(decoding: bytes, as: UTF8.self)
    for name in template.names {
      let replacement = inventedName(like: name, random: &random)
      text = text.replacingOccurrences(of: name, with: replacement)
      text = text.replacingOccurrences(of: name.uppercased(), with: replacement.uppercased())
    }
    bytes = scaleAmounts(Array(text.utf8), by: random.int(in: 2...9))
    guard template.format != .xml, bytes.count < target else { return bytes }
    let body = exhibitBody(
      bytes: target - bytes.count, html: ["htm", "html"].contains(template.pathExtension), random: &random)
    switch template.pathExtension {
    case "htm", "html":
      let end = lastOffset(of: "</body>", in: bytes) ?? bytes.count
      bytes.replaceSubrange(end..<end, with: body)
    case "nc":
      let end = lastOffset(of: "</text>", in: bytes) ?? bytes.count
      bytes.replaceSubrange(end..<end, with: body)
    default:
      bytes += body
    }
    return bytes
  }

  /// The offset of the last occurrence of the ASCII tag `tag`, in any letter case.
  static func lastOffset(of tag: String, in bytes: [UInt8]) -> Int? {
    let needle = Array(tag.utf8)
    var index = bytes.count - needle.count
    while index >= 0 {
      if zip(bytes[index..<(index + needle.count)], needle).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) { return index }
      index -= 1
    }
    return nil
  }

  /// Every amount printed with thousands separators (`1,234,567`), and every whole number of five to eight
  /// digits standing alone in an element (`>1234567<`), multiplied by `factor`; decimals are left alone.
  static func scaleAmounts(_ bytes: [UInt8], by factor: Int) -> [UInt8] {
    func isDigit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && (48...57).contains(bytes[index]) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 50)
    var index = 0
    while index < bytes.count {
      guard isDigit(index), !isDigit(index - 1), index == 0 || (bytes[index - 1] != 44 && bytes[index - 1] != 46)
      else {
        output.append(bytes[index])
        index += 1
        continue
      }
      var end = index
      while isDigit(end) { end += 1 }
      let leading = end - index
      var groups = 0
      while end + 3 < bytes.count, bytes[end] == 44, isDigit(end + 1), isDigit(end + 2), isDigit(end + 3),
        !isDigit(end + 4)
      {
        end += 4
        groups += 1
      }
      let standsAlone = !(end < bytes.count && (bytes[end] == 44 || bytes[end] == 46) && isDigit(end + 1))
      let separated = groups >= 1 && groups <= 4 && leading <= 3
      let element =
        groups == 0 && (5...8).contains(leading) && index > 0 && bytes[index - 1] == 62
        && end < bytes.count && bytes[end] == 60
      if standsAlone && (separated || element) {
        let value = Int(String(decoding: bytes[index..<end].filter { $0 != 44 }, as: UTF8.self))! * factor
        output += Array((separated ? grouped(value) : String(value)).utf8)
      } else {
        output += bytes[index..<end]
      }
      index = end
    }
    return output
  }

  /// `value` with a comma between groups of three digits, as filings print amounts.
  static func grouped(_ value: Int) -> String {
    var digits = String(value)
    var index = digits.count - 3
    while index > 0 {
      digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
      index -= 3
    }
    return digits
  }

  /// A name shaped like `name` (an entity keeps an entity's suffix), made of invented words.
  static func inventedName(like name: String, random: inout SplitMix64) -> String {
    let upper = name.uppercased()
    for suffix in ["L.P.", "LP", "LLC", "INC.", "INC", "CORP.", "CORPORATION", "LTD.", "FUND", "TRUST"]
    where upper.hasSuffix(" " + suffix) {
      return "\(random.pick(Vocabulary.places)) \(random.pick(Vocabulary.entityWords)) \(name.suffix(suffix.count))"
    }
    return
      "\(random.pick(Vocabulary.givenNames)) \(random.pick(Vocabulary.letters)). \(random.pick(Vocabulary.surnames))"
  }

  /// About `size` bytes of exhibit prose: transactions, agreements and plain paragraphs, in text or in
  /// HTML paragraphs.
  static func exhibitBody(bytes size: Int, html: Bool, random: inout SplitMix64) -> [UInt8] {
    var output: [UInt8] = Array(
      (html ? "<p>EXHIBIT \(random.int(in: 2...9))</p>\n" : "\nEXHIBIT \(random.int(in: 2...9))\n\n").utf8)
    while output.count < size {
      let buyer = "\(random.pick(Vocabulary.givenNames)) \(random.pick(Vocabulary.surnames))"
      let entity = "\(random.pick(Vocabulary.places)) \(random.pick(Vocabulary.entityWords)) LLC"
      let day = "\(random.pick(Vocabulary.months)) \(random.int(in: 1...28)), \(random.int(in: 1994...2024))"
      let shares = grouped(random.int(in: 100...250_000))
      let price = "\(random.int(in: 1...180)).\(String(format: "%02d", random.int(in: 0...99)))"
      let paragraph: String
      switch random.int(in: 0...3) {
      case 0:
        paragraph =
          "On \(day), \(buyer) purchased \(shares) shares in open-market transactions at a weighted "
          + "average price of $\(price) per share, with commissions, through a broker acting as agent."
      case 1:
        paragraph =
          "Pursuant to the agreement dated \(day), \(entity) agreed to vote the shares it holds in "
          + "favour of the nominees, and not to transfer any of them before the meeting of stockholders."
      case 2:
        paragraph =
          "The funds used were the working capital of \(entity); no part of the purchase price of "
          + "$\(price) per share was borrowed for the purpose of acquiring the securities reported here."
      default:
        paragraph =
          "Except as set forth in this statement, none of the persons named here has any contract, "
          + "arrangement, understanding or relationship with respect to securities of the issuer."
      }
      output += Array((html ? "<p>\(paragraph)</p>\n" : paragraph + "\n\n").utf8)
    }
    return output
  }
}

/// Invented words the generated names and exhibits are made of; none is a filer's.
enum Vocabulary {
  /// Given names.
  static let givenNames = ["Avery", "Briar", "Corin", "Dalia", "Emrys", "Fenna", "Galen", "Hollis", "Ilsa", "Jory"]
  /// Middle initials.
  static let letters = ["B", "D", "F", "K", "M", "R", "T", "W"]
  /// Surnames.
  static let surnames = ["Ashgrove", "Brackley", "Corwell", "Dunmere", "Elsworth", "Farrowby", "Greyholt", "Hartling"]
  /// The first word of an entity's name.
  static let places = ["Alderwick", "Bramblecote", "Cindermoor", "Duskfield", "Eddowcliff", "Fernhallow"]
  /// The second word of an entity's name.
  static let entityWords = ["Capital", "Partners", "Holdings", "Value", "Opportunity", "Ventures"]
  /// Month names.
  static let months = ["January", "March", "April", "June", "August", "October", "November", "December"]
}
