import Testing

@testable import BocheckReading

/// A value's caption words are cut at its ends only: told from the words at its ends, the cut keeps what it
/// keeps when every word is found first, and the words between are found only when the cut may reach them.
@Suite struct CaptionStripEndsTests {
  /// Invented values of every length: value words at both ends, caption words at one end or both (more of them
  /// than the ends hold, or fewer), a row number after "ROW" on either side of the words between, a caption
  /// word broken in two, blanks, tabs and no-break spaces between the words and around them.
  static let values: [String] = [
    "1,000 shares of common stock, consisting of (i) 600 shares and (ii) 400 warrants",
    "Example Holdings LLC and Example Partners LP, together the Funds",
    "1,000 shares held by the Fund IN ROW 11", "1,000 shares held by the Fund in row 11:",
    "1,000 shares of stock in ROW 11 BENEFICIALLY OWNED BY", "ROW 11 shares of common stock held by the Fund",
    "Example Holdings LLC and Other Fund BENEFICIALL Y", "BENEFICIALL Y Example Holdings LLC and Other Fund",
    "S.S. or I.R.S. Identification Nos. of above persons Example Fund LP",
    "Example Fund LP (entities only) S.S. OR I.R.S. IDENTIFICATION NO.",
    "  1,000 shares of common stock, par value $0.01 per share  ",
    "\t1,000\tshares of common stock held directly\t", "1,000\u{00A0}shares of common stock held directly\u{00A0}",
    "1,000 shares of common stock held directly\u{00A0}\u{00A0}", "\u{00A0}Example Fund LP and Example Partners",
    "SOLE VOTING POWER 1,000 shares of common stock held", "1,000 shares of common stock SOLE VOTING POWER",
    "1,000 shares of common stock and warrants BENEFICIALLY OWNED BY EACH REPORTING PERSON",
    "Example Fund LP - 12-3456789 and Example Partners LP", "The Example Fund and The Other Example Fund LP",
    "Example Fund LP and Example Partners LP - 12-3456789", "(See Item 4) 1,000 shares of common stock held",
    "1,000 (see Item 4) shares of common stock held by", "1,000 shares of common stock                    ",
    "a b c d e f g h i j k l m n o p q r s t u v", "1,000 shares of common stock", "SOLE VOTING POWER 1,000 shares",
    "1 2 3 4 5 6 7", "1 2 3 4 5 6 7 8", "1 2 3 4 5 6 7 8 9", "A THE 1,000 shares of stock and warrants",
  ]

  @Test("the ends of a value tell its cut as every word does, whenever they tell it")
  func endsAgreeWithEveryWord() {
    var answered = 0
    for value in Self.values + CaptionWordBytesTests.samples {
      var text = value
      text.withUTF8 { bytes in
        for inName in [false, true] {
          for cutsOrdinaryWords in [false, true] {
            let everyWord = CaptionWords.keptBytesWordByWord(
              bytes, inName: inName, cutsOrdinaryWords: cutsOrdinaryWords)
            #expect(
              CaptionWords.keptBytes(bytes, inName: inName, cutsOrdinaryWords: cutsOrdinaryWords) == everyWord,
              "\(value) in a name: \(inName), ordinary words cut: \(cutsOrdinaryWords)")
            guard
              case .decided(let fromEnds) = CaptionWords.keptBytesAtEnds(
                bytes, inName: inName, cutsOrdinaryWords: cutsOrdinaryWords)
            else { continue }
            answered += 1
            #expect(fromEnds == everyWord, "\(value) in a name: \(inName), ordinary words cut: \(cutsOrdinaryWords)")
          }
        }
      }
    }
    // Most values are answered from their ends.
    #expect(answered > (Self.values.count + CaptionWordBytesTests.samples.count) * 2)
  }

  @Test("a long value whose caption words at an end outnumber the words found there is left to every word")
  func longCaptionEndsDecline() {
    for value in [
      "1,000 shares of common stock and warrants BENEFICIALLY OWNED BY EACH REPORTING PERSON",
      "S.S. or I.R.S. Identification Nos. of above persons Example Fund LP",
      "1,000 shares of stock in ROW 11 BENEFICIALLY OWNED BY",
    ] {
      var text = value
      for inName in [false, true] {
        let fromEnds = text.withUTF8 { CaptionWords.keptBytesAtEnds($0, inName: inName, cutsOrdinaryWords: false) }
        #expect(fromEnds == .needsEveryWord, "\(value)")
      }
    }
  }

  @Test("a value kept whole is itself; a value cut keeps the rest and counts the characters cut from its start")
  func keptWholeOrCut() {
    for (value, kept, cut) in [
      ("1,000 Example Fund LP", "1,000 Example Fund LP", 0), ("Example Fund LP", "Example Fund LP", 0),
      (" 1,000 Example Partners", "1,000 Example Partners", 1),
      ("1,000 Example Partners ", "1,000 Example Partners", 0),
      ("SOLE VOTING POWER 1,000 Example Partners", "1,000 Example Partners", 18), ("É 1,000", "1,000", 2),
      ("BENEFICIALLY OWNED É 1,000", "1,000", 21),
    ] {
      let stripped = CaptionWords.strip(value, inName: false, cutsOrdinaryWords: true)
      #expect(stripped.text == kept && stripped.cutFromStart == cut, "\(value)")
    }
  }

  @Test("the word before an offset is the one finding words from the start ends there")
  func previousWordsAreNextWords() {
    for value in Self.values + CaptionWordBytesTests.samples {
      var text = value
      text.withUTF8 { bytes in
        var forward: [Range<Int>] = []
        var position = 0
        while let word = CaptionWords.nextWord(in: bytes, from: position) {
          forward.append(word)
          position = word.upperBound
        }
        var backward: [Range<Int>] = []
        var end = bytes.count
        while let word = CaptionWords.previousWord(in: bytes, before: end) {
          backward.append(word)
          end = word.lowerBound
        }
        #expect(backward.reversed() == forward, "\(value)")
      }
    }
  }
}
