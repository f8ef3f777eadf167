/// A phrasing or layout of real filings the generator can print, each switched on or off as a whole.
///
/// The generator draws every variant's choices from the seed whether or not the variant is enabled, and
/// then prints a disabled one the plain way, so the same seed gives the same structure, numbers and
/// faults under any set of variants. Filings are generated with every variant by default.
enum SyntheticVariant: String, CaseIterable, Sendable, CustomStringConvertible {
  /// Captions in the wordings used since 1994 ("Names of Reporting Persons. I.R.S. Identification Nos. of
  /// above persons (entities only)", "Sole Power to Vote", "Aggregate Amount of Beneficially Owned …").
  case captionWordings
  /// Captions wrapped over two or three lines in the caption layouts (a known reader gap: a wrapped line
  /// of row 2's caption joins row 1's name, "ROW (11) EXCLUDES CERTAIN SHARES" starts a new page, "by
  /// Amount in Row 11" gives row 13 the value 11%).
  case wrappedCaptions
  /// Row numbers as `1)` and `[1]` besides `1`, `1.` and `(1)`.
  case rowNumberStyles
  /// Row numbers glued to the caption ("(1)Names of …") or on the line under it.
  case rowNumberPlacements
  /// An entity's tax identification number on the name's line ("… LP 12-3456789", "(Tax ID: …)").
  case taxIDsOnNameLine
  /// Checkboxes drawn as `/X/` and `/ /`, or `x` and `¨`.
  case typewriterCheckboxes
  /// The side label's words in a fixed-width column in front of rows 7–10.
  case sideLabelColumns
  /// Zero amounts as `None`, `NONE` or `-` (besides `0` and `-0-`).
  case zeroWords
  /// Amounts that say what they include in parentheses: "N shares of Common Stock (including A shares
  /// issuable upon conversion of …)".
  case includingAmounts
  /// Amounts with a footnote marker glued on (`N(1)`, `N*`) and a footnote under the page itemising them.
  case footnotedAmounts
  /// Percents as `5.1 %`, `Approximately 5.1%` and `.4%`.
  case percentForms
  /// Signature blocks that print every name in capitals.
  case capitalSignatures
  /// Individuals who sign without their middle initial ("/s/ Ruth Olsen" for "Ruth K. Olsen"; a known
  /// reader gap: the signature is not matched to the cover page).
  case signaturesWithoutMiddleInitial
  /// Entity names wrapped over two lines in signature blocks.
  case wrappedSignatureNames
  /// Signers named in "Name: …" and "Title: …" lines.
  case nameTitleBlocks

  // Known reader gaps: phrasings real filings use that the reader does not read yet. Each is a variant
  // of its own so that the rest of its family stays in the default run.

  /// Row numbers `1.` and `[1]` glued to their caption ("1.NAME OF REPORTING PERSON"): the row is not
  /// recognised.
  case gluedDottedOrBracketedRowNumbers
  /// Row numbers `7.`, `7)` or `[7]` on the line under their caption: read as the row's value.
  case markedRowNumbersUnderCaptions
  /// A footnote ("(1) Includes …") right under a page whose row 14 has no value: read as row 14.
  case footnoteUnderValuelessLastRow
  /// An individual's "/s/ Name" followed by a "Name: …" line after another signer's block: not counted
  /// as the individual's signature.
  case individualNameLines
  /// An entity name wrapped in a signature block before its suffix ("Alder Creek Fund" / "II, L.P."): the
  /// entity is not found to sign.
  case signatureNamesWrappedBeforeSuffix

  var description: String { rawValue }

  /// The variants filings are generated with by default: all of them.
  static let all: Set<SyntheticVariant> = Set(allCases)
}
