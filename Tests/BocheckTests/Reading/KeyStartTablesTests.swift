import Testing

@testable import BocheckReading

/// The tables a caption cut at the end of its line is read with (``RowCaptions/captionCutAtLineEnd(_:_:)``).
@Suite struct KeyStartTablesTests {
  /// A cut caption's last word is compared only with the key starts that end in it or in its singular. A printed
  /// word one letter off a long key word matches that word too, but a cut caption's words are all caption
  /// words: the vocabulary must hold no caption word one letter off a start's last word that neither look-up
  /// finds, or a cut caption ending in it would go unread.
  @Test func everyCaptionWordOneLetterOffAStartsLastWordIsLookedUp() {
    var checked = 0
    // The known words in code order, made once.
    let words = (0..<CaptionVocabulary.count).map { Array(CaptionVocabulary.word($0)) }
    for start in RowCaptions.keyStarts.list {
      let lastCode = RowCaptions.keyStarts.words[start.words.upperBound - 1]
      let last = words[lastCode]
      guard last.count >= RowCaptions.longKeyWordLength else { continue }
      for word in words where word != last && RowCaptions.withinOneEdit(word[...], last[...]) {
        // A word of letters is a caption word when it is an ordinary or a distinctive one.
        let printed = RowCaptions.captionWords(word, 0..<word.count).found
        let wordClass = word.withUnsafeBufferPointer { CaptionWords.classify($0, key: printed[0].key, inName: false) }
        guard printed.count == 1, wordClass == .ordinary || wordClass == .distinctive else { continue }
        checked += 1
        let spelling = String(decoding: word, as: UTF8.self)
        #expect(
          printed[0].key.code == lastCode || printed[0].singular == lastCode,
          "\(spelling) is one letter off the last word of a start of \(start.field)")
      }
    }
    #expect(checked > 0)
  }
}
