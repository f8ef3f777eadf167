import Testing

@testable import BocheckReading

/// A printed word's key is read into a window of its last eight bytes (``KeyReader/window``): a key that short is
/// compared with a known word's whole, and a plural's singular is looked up from the window shifted one byte,
/// its hash from the stem's last seven bytes, whatever the key's length.
@Suite struct KeyReaderStemTests {
  @Test("the window holds a key of eight bytes or fewer whole, and a longer key's last eight")
  func windowHoldsTheLastEightKeyBytes() {
    func window(_ printed: String) -> UInt64 {
      var reader = KeyReader()
      for byte in printed.utf8 { reader.read(byte) }
      return reader.window
    }
    func packed(_ key: String) -> UInt64 { key.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
    #expect(window("Persons") == packed("PERSONS"))
    #expect(window("(s.s.)") == packed("SS"))
    #expect(window("Identification") == packed("FICATION"))
    #expect(window("") == 0)
  }

  @Test("a plural printed word gives its known singular's code, whatever follows its last letter")
  func pluralsGiveTheirSingular() {
    let plurals = [
      ("NAMES", "NAME"), ("Persons", "PERSON"), ("persons)", "PERSON"), ("(NAMES:", "NAME"), ("Funds.", "FUND"),
      // Stems of eight bytes and more, compared on the word's bytes; the second's hash is read from a window
      // that has lost the stem's first bytes.
      ("Pursuants", "PURSUANT"), ("INSTRUCTIONS:", "INSTRUCTION"), ("Identifications", "IDENTIFICATION"),
    ]
    for (printed, singular) in plurals {
      var reader = KeyReader()
      let bytes = Array(printed.utf8)
      for byte in bytes { reader.read(byte) }
      let code = bytes.withUnsafeBufferPointer { reader.singularCode(of: $0) }
      #expect(code == CaptionVocabulary.code(singular), "\(printed)")
      #expect(code != CaptionVocabulary.unknown, "\(printed)")
    }
  }

  @Test("a word without a final S, or without a known stem, or without a key, has no singular")
  func othersHaveNone() {
    for printed in ["NAME", "PERSON", "ZZZS", "S", "", "--", "(1)", "XPURSUANTS"] {
      var reader = KeyReader()
      let bytes = Array(printed.utf8)
      for byte in bytes { reader.read(byte) }
      let code = bytes.withUnsafeBufferPointer { reader.singularCode(of: $0) }
      #expect(code == CaptionVocabulary.unknown, "\(printed)")
    }
  }
}
