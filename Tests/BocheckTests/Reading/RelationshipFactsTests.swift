import BocheckModel
import Testing

@testable import BocheckReading

/// Relationships read from prose: plain text read on its bytes reads as it does compared character by character.
@Suite struct RelationshipFactsTests {
  typealias PlainText = RelationshipFacts.PlainText

  private func holds(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { PlainText.holds($0) }
  }

  private func roleMatches(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { bytes in
      PlainText.roleMatches(in: bytes).map { match in
        "\(match.role):"
          + String(decoding: UnsafeBufferPointer(rebasing: bytes[match.start..<match.end]), as: UTF8.self)
      }
    }
  }

  @Test("plain text is ASCII and a few inert marks beyond it")
  func plainText() {
    #expect(holds(""))
    #expect(holds("Alpha Fund LP, as the general partner of Beta (\"Beta\")\n"))
    #expect(holds("“Beta” — the fund’s manager\u{A0}§ 2 © ™ …"))
    #expect(holds("Alpha Fund LP is the general partner of Beta Fund\r\n"))
    #expect(!holds("Société Générale"))
    #expect(!holds("Fund² LP"))
    #expect(!holds("Fund\u{301} LP"))
    #expect(!holds("Fund LP\u{37E}"))
    // Past the eight-byte words: the last bytes are read one by one.
    #expect(!holds(String(repeating: "a", count: 17) + "é"))
    #expect(holds(String(repeating: "a", count: 17) + "”"))
  }

  @Test("characters are counted as the bytes that start a scalar")
  func characterCount() {
    #expect(PlainText.characterCount(Array("".utf8)) == 0)
    #expect(PlainText.characterCount(Array("“AVF”".utf8)) == 5)
    #expect(PlainText.characterCount(Array("a\u{A0}b".utf8)) == 3)
    // A carriage return and its line feed are one character; a lone one of either is one.
    #expect(PlainText.characterCount(Array("a\r\nb\n\rc\r".utf8)) == 7)
  }

  @Test("a key matches where a character ends and starts, not inside a carriage return and line feed")
  func keysMatchWholeCharacters() {
    var text = "x\r\nab\r"
    text.withUTF8 { bytes in
      #expect(PlainText.startsWith(Array("x\r\nab".utf8), in: bytes, at: 0))
      #expect(!PlainText.startsWith(Array("x\r".utf8), in: bytes, at: 0))
      #expect(PlainText.startsWith(Array("ab\r".utf8), in: bytes, at: 3))
      #expect(PlainText.startsWith([], in: bytes, at: 2))
      #expect(PlainText.endsWith(key: Array("\r\nab".utf8), in: bytes, at: 5))
      #expect(!PlainText.endsWith(key: Array("\nab".utf8), in: bytes, at: 5))
      #expect(PlainText.endsWith(key: Array("x".utf8), in: bytes, at: 1))
      #expect(!PlainText.endsWith(key: Array("xx".utf8), in: bytes, at: 1))
    }
  }

  @Test("roles are found before \" of \", in any case, each role where it stands, in the order of their ends")
  func roleMatchesFound() {
    #expect(roleMatches("") == [])
    #expect(roleMatches(" of ") == [])
    #expect(roleMatches("Manager of Fund") == ["9:Manager of "])
    #expect(
      roleMatches("X is the SOLE General Partner of Y and the investment manager of Z")
        == ["0:SOLE General Partner of ", "1:General Partner of ", "5:investment manager of ", "9:manager of "])
    #expect(roleMatches("the manager of") == [])
    #expect(roleMatches("the manager  of Y, managerof Y, manager-of Y") == [])
    #expect(roleMatches("a member of the board; the sole member of Fund") == ["4:sole member of "])
    var text = "the sole general partner of A and manager of B"
    text.withUTF8 { bytes in
      #expect(PlainText.roleMatches(in: bytes, upTo: 1).map(\.role) == [0])
      #expect(PlainText.roleMatches(in: bytes).map(\.role) == [0, 1, 9])
    }
    for (paragraph, may) in [
      (text, true), ("a definition (\"A\")", true), ("the manager, of course", false), ("", false),
    ] {
      var paragraph = paragraph
      #expect(paragraph.withUTF8 { RelationshipFacts.mayStateRelationship($0) } == may, "\(paragraph)")
    }
  }

  @Test("only a parenthesis whose text may open with a quote mark or \"the\" may define a short name")
  func shortNameDefinitionsToldFromTheFirstByte() {
    for (paragraph, may) in [
      ("Kestrel Fund LP (\"Fund\") files.", true), ("Kestrel Fund LP (the \"Fund\")", true),
      ("Kestrel Fund LP ( The “Fund”)", true), ("Kestrel Fund LP (“Fund”)", true), ("(\u{A0}'Fund')", true),
      ("(a) Kestrel owns (i) 10,000 shares and (1) more (see Item 5).", false), ("no parenthesis", false),
      ("an opening at the end (", false), ("(  \t", false), ("(a) the manager, of course", false),
    ] {
      var paragraph = paragraph
      #expect(paragraph.withUTF8 { RelationshipFacts.mayDefineShortName($0) } == may, "\(paragraph)")
      #expect(paragraph.withUTF8 { RelationshipFacts.mayStateRelationship($0) } == may, "\(paragraph)")
    }
  }

  @Test("a filing's relationships, with short names defined in the text")
  func relationshipsRead() {
    let names = ["ARCH Venture Fund XII, L.P.", "ARCH Venture Partners XII, LLC", "Keith Crandell"]
    let paragraphs = [
      ("ARCH Venture Fund XII, L.P. (\"AVF XII\") and ARCH Venture Partners XII, LLC (the “AVP LLC”) file.", 3),
      ("AVP LLC, as the sole general partner of AVF XII, may be deemed to own the shares.", 5),
      ("Keith Crandell is a managing member of AVP LLC.", 7),
    ]
    let expected = [
      RelationshipFacts.Relationship(
        parent: "ARCH Venture Partners XII, LLC", child: "ARCH Venture Fund XII, L.P.", line: 5),
      RelationshipFacts.Relationship(parent: "Keith Crandell", child: "ARCH Venture Partners XII, LLC", line: 7),
    ]
    #expect(RelationshipFacts.relationships(in: paragraphs, names: names) == expected)
    #expect(RelationshipFacts.relationshipsByCharacters(in: paragraphs, names: names) == expected)
  }

  @Test("a parent holding nothing in its own right is given the children the text names for it, by name key")
  func relationshipsApplied() {
    func page(_ index: Int, _ name: String, sole: Int128, aggregate: Int128) -> CoverPage {
      func amount(_ field: RowField, _ shares: Int128) -> Row {
        Row(
          field: field, raw: "\(shares)", line: index * 10, status: .read,
          value: .amount(Amount(shares: ExactDecimal(significand: shares, scale: 0))))
      }
      return CoverPage(
        index: index, line: index * 10,
        rows: [
          .reportingPersonName: Row(
            field: .reportingPersonName, raw: name, line: index * 10, status: .read, value: .text(name)),
          .soleVotingPower: amount(.soleVotingPower, sole), .soleDispositivePower: amount(.soleDispositivePower, sole),
          .aggregateAmountOwned: amount(.aggregateAmountOwned, aggregate),
        ])
    }
    let original = [
      page(1, "Alpha GP LP", sole: 0, aggregate: 900), page(2, "Alpha Fund LP", sole: 900, aggregate: 900),
      page(3, "Gamma Manager LLC", sole: 0, aggregate: 900),
    ]
    let relationships = [
      RelationshipFacts.Relationship(parent: "ALPHA GP, L.P.", child: "Alpha Fund LP", line: 40),
      RelationshipFacts.Relationship(parent: "Beta Holdings", child: "Alpha GP LP", line: 41),
      RelationshipFacts.Relationship(parent: "alpha gp lp", child: "Alpha Side Fund LP", line: 42),
    ]
    var pages = original
    RelationshipFacts.apply(relationships, to: &pages)
    let aggregate = pages[0].rows[.aggregateAmountOwned]
    #expect(aggregate?.amount?.attributedTo == ["Alpha Fund LP", "Alpha Side Fund LP"])
    #expect(aggregate?.amount?.attributionSource == .prose)
    #expect(aggregate?.note == "attributed to Alpha Fund LP, Alpha Side Fund LP as the filing states (line 40, 42)")
    // The fund holds in its own right, and no relationship names the manager as a parent.
    #expect(Array(pages[1...]) == Array(original[1...]))
    var untouched = original
    RelationshipFacts.apply([], to: &untouched)
    #expect(untouched == original)
  }

  @Test("two short names that read alike resolve by their spelling's bytes, the same on every run")
  func aliasesThatReadAlike() {
    let names = ["Alpha Capital LP", "ALPHA Holdings LLC", "Beta Fund LP"]
    let paragraphs = [
      ("Alpha Capital LP (\"Alpha\") and ALPHA Holdings LLC (\"ALPHA\") file this statement.", 3),
      ("Alpha is the general partner of Beta Fund LP.", 5),
    ]
    // "ALPHA" sorts before "Alpha" by its bytes: its person is the one meant; before, the dictionary's order
    // of the two short names decided, and it changes from run to run.
    let expected = [RelationshipFacts.Relationship(parent: "ALPHA Holdings LLC", child: "Beta Fund LP", line: 5)]
    #expect(RelationshipFacts.aliasMap(paragraphs.map(\.0), names: names).count == 2)
    #expect(RelationshipFacts.relationships(in: paragraphs, names: names) == expected)
    #expect(RelationshipFacts.relationshipsByCharacters(in: paragraphs, names: names) == expected)
    #expect(
      RelationshipFacts.longestFirst(["bb", "a", "cc", "d", "eee"]) { $0.count } == ["eee", "bb", "cc", "a", "d"])
  }

  @Test("plain text read on its bytes reads as it does character by character, on generated text")
  func plainReadingAgreesWithCharacters() {
    var generator = SplitMix(seed: 13)
    let names = [
      "Alpha Fund LP", "Alpha Fund LP II", "Beta Manager LLC", "AVF", "John Q. Doe", "Gamma—Delta Fund", "", "The Fund",
      "Alpha\r\nFund", "Beta\r", "\nGamma",
    ]
    let pieces = [
      "(\"AVF\")", "(the “Beta”)", " ( 'G' ) ", "(“Alpha”", ")", "(", ", as the ", " is the ", " which is the ",
      " serves as ", "sole general partner of ", "general partner of ", "manager of ", "investment manager of ",
      "sole member of ", "managing member of ", "the ", "each of ", "Alpha Fund LPX", "—", "’s", "\u{A0}", "\t", ",",
      "\"", "'", "1", "a", " ", "Xyz", " its ", " a ", "Beta", "G", "Alpha", "the “G”", "(the \"the\")", "II",
      "\r\n", "\r", "\n", "(\"AVF\r\")", "(\"\nB\")", "(\"\r\n\")",
    ]
    for _ in 0..<4000 {
      let chosen = names.filter { _ in generator.next() % 2 == 0 }
      let known = chosen + names.filter { _ in generator.next() % 4 == 0 }
      var paragraphs: [(text: String, line: Int)] = []
      for line in 1...(1 + Int(generator.next() % 3)) {
        var text = ""
        for _ in 0..<(3 + Int(generator.next() % 14)) {
          let piece =
            generator.next() % 3 == 0
            ? known.randomElement(using: &generator) ?? "" : pieces.randomElement(using: &generator)!
          switch generator.next() % 4 {
          case 0: text += piece.uppercased()
          case 1: text += piece.lowercased()
          default: text += piece
          }
        }
        paragraphs.append((text, line))
      }
      let aliases = RelationshipFacts.aliasMap(paragraphs.map(\.text), names: chosen)
      #expect(PlainText.aliasMap(paragraphs.map(\.text), names: chosen) == aliases, "\(paragraphs) \(chosen)")
      // A paragraph told to define no short name defines none.
      for paragraph in paragraphs where !RelationshipFacts.aliasMap([paragraph.text], names: chosen).isEmpty {
        var text = paragraph.text
        #expect(text.withUTF8 { RelationshipFacts.mayDefineShortName($0) }, "\(paragraph.text)")
      }
      // Two names with one key (a short name spelled as another is, in another case) are tried in the order
      // of a dictionary's keys, which differs from one dictionary to another: either may be read.
      var named: [String: String] = [:]
      let ambiguous = (chosen.map { ($0, $0) } + aliases.map { ($0.key, $0.value) }).contains { key, name in
        named.updateValue(name, forKey: key.lowercased()).map { $0 != name } ?? false
      }
      if ambiguous { continue }
      #expect(
        PlainText.relationships(in: paragraphs, names: chosen)
          == RelationshipFacts.relationshipsByCharacters(in: paragraphs, names: chosen), "\(paragraphs) \(chosen)")
    }
  }

  @Test("text beyond plain is read character by character")
  func textBeyondPlain() {
    let names = ["Société Générale Fund", "SG Manager"]
    let paragraphs = [("SG MANAGER is the manager of SOCIÉTÉ GÉNÉRALE FUND.", 2)]
    let read = RelationshipFacts.relationships(in: paragraphs, names: names)
    #expect(read == [.init(parent: "SG Manager", child: "Société Générale Fund", line: 2)])
    #expect(read == RelationshipFacts.relationshipsByCharacters(in: paragraphs, names: names))
  }
}

/// A small seeded generator (SplitMix64), so that generated cases are the same on every run.
private struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
