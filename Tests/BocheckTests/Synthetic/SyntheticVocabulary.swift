/// The words synthetic filings are made of: names of funds, managers, individuals and issuers, and the
/// codes, places and titles cover pages print.
///
/// Every list is invented for the generator. None holds the people or companies of the founding
/// samples, so a reader or rule that works only because it knows a sample's names fails here.
enum SyntheticVocabulary {
  /// Single words that start fund, manager and issuer names.
  static let placeWords = [
    "Harbor", "Cedar", "Granite", "Summit", "Juniper", "Meridian", "Alder", "Birch", "Cobalt", "Falcon",
    "Heron", "Ironwood", "Lantern", "Marlin", "Northgate", "Oakmont", "Pinecrest", "Quarry", "Redwood",
    "Saltmarsh", "Tidewater", "Upland", "Vantage", "Willow", "Yarrow", "Zephyr", "Beacon", "Crescent",
    "Driftwood", "Everstone", "Foxglove", "Glacier", "Halcyon", "Kestrel", "Larkspur", "Moraine", "Nimbus",
    "Osprey", "Palisade", "Ridgeline", "Thistle", "Bramble", "Copperleaf", "Dunmore", "Eastlake",
  ]

  /// Second words of two-word names ("Cedar Point").
  static let secondWords = [
    "Point", "Peak", "Ridge", "Creek", "Hollow", "Bay", "Valley", "Rock", "Hill", "Crossing", "Field",
    "Harbour", "Bluff", "Grove", "Landing",
  ]

  /// Words for the strategy in a fund's name ("Small Cap Value").
  static let strategyWords = [
    "Value", "Small Cap Value", "Opportunity", "Special Situations", "Deep Value", "Micro Cap", "Activist",
    "Long Short", "Event Driven", "Concentrated",
  ]

  /// Family names.
  static let surnames = [
    "Rivera", "Stone", "Mbeki", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Castillo", "Novak", "Haddad",
    "Brennan", "Kowalski", "Achebe", "Fujita", "Olsen", "Varga", "Duarte", "Whitfield", "Abernathy", "Sato",
    "Petrov", "Quinn", "Ibarra", "Nakamura", "Eriksen", "Mensah", "Gallagher", "Szabo", "Horvath", "Delgado",
  ]

  /// Given names.
  static let givenNames = [
    "Maria", "Daniel", "Priya", "Jonah", "Elena", "Samuel", "Amara", "Victor", "Helen", "Tomas", "Grace",
    "Rafael", "Nadia", "Owen", "Leila", "Marcus", "Ingrid", "Kofi", "Ruth", "Andre", "Yusuf", "Clara",
  ]

  /// Capital letters for initials.
  static let initials = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W"]

  /// What follows an issuer's distinctive words.
  static let issuerSuffixes = [
    "Technologies, Inc.", "Therapeutics, Inc.", "Holdings Corp.", "Biosciences, Inc.", "Industries, Inc.",
    "Networks Corporation", "Energy Inc.", "Materials Group, Inc.", "Systems, Inc.", "Pharmaceuticals Ltd.",
  ]

  /// Titles an officer signs an entity's signature block with.
  static let signingTitles = [
    "Managing Member", "President", "Authorized Signatory", "Chief Executive Officer", "Managing Director",
    "Chief Financial Officer",
  ]

  /// The 2-letter row 14 codes of Schedule 13D.
  static let reportingPersonTypeCodes = [
    "BD", "BK", "IC", "IV", "IA", "EP", "HC", "SA", "CP", "CO", "PN", "IN", "OO",
  ]

  /// Two-letter strings that are not row 14 codes of Schedule 13D or 13G.
  static let invalidTypeCodes = ["XY", "ZZ", "QQ", "GP", "LX", "PT"]

  /// Months for dates in the header and signatures.
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// Streets for addresses.
  static let streets = ["Main Street", "Park Avenue", "Market Street", "Harbor Drive", "Commerce Way", "Elm Street"]

  /// Cities with their state, for addresses.
  static let cities = [
    "New York, New York", "Boston, Massachusetts", "Chicago, Illinois", "Austin, Texas", "Denver, Colorado",
    "Greenwich, Connecticut", "San Diego, California",
  ]
}
