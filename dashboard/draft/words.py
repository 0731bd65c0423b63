"""Word lists of the place recogniser (German and English), kept apart from its rules."""

from __future__ import annotations

from dashboard.core.calendar_words import full_month_names, full_weekday_names


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PARTICLES = _words(
    """
    al el ad ar as ash az at ath ad-din ed es ez er en de del della di da do dos das du
    la le les sur am an im upon on bin ibn bint abu umm
    """
)

# Words before a name that say "a place follows".
CUES = _words(
    """
    in im ins nahe bei beim aus nach um gegen über durch vor von richtung stadt städten
    metropole hauptstadt ort dorf provinz region bezirk grenzstadt grenzort hafenstadt
    küstenstadt großstadt kleinstadt near at from to into of outside inside across city
    town village province region capital district port
    """
)

# Cues strong enough to try a name that is spelt unlike the gazetteer's ("in Mandschbi");
# "ins", "im", "zum" hold an article, so a noun follows them.
FUZZY_CUES = _words(
    """
    in bei nahe aus nach stadt ort dorf grenzstadt kleinstadt near town city village
    """
)

# Words before or after a name that say it is a region or a water body ("Provinz Idlib",
# "Luhansk region", "the Dnipro river").
REGION_BEFORE = _words(
    """
    provinz provinzen region regionen bezirk landkreis kreis oblast gebiet bundesstaat
    bundesstaaten gouvernement distrikt departement kanton kantone province provinces
    county district governorate prefecture zone präfektur regentschaft kabupaten regency
    municipality tehsil taluk taluka subdistrict sub-district landkreises kreises bezirks
    distrikts
    """
)
REGION_AFTER = _words(
    """
    province provinces region regions state states county oblast governorate district
    prefecture zone regency regencies counties districts municipality municipalities tehsil
    taluk taluka subdistrict sub-district parish borough
    """
)
# Region words of one country's own system: "Landkreis Rosenheim" is in Germany, "Kanton
# Wallis" in Switzerland, whether or not the article names the country.
REGION_WORD_COUNTRY = {
    "landkreis": "DE",
    "landkreises": "DE",
    "kanton": "CH",
    "kantons": "CH",
}
WATER_BEFORE = _words("fluss flusses see meer river lake")
# Words after a place's name that go on with its kind or its authority, never a surname:
# "Fengcheng City", "Jiangxi Provincial Administration", "Cebu Municipal Council".
UNIT_AFTER = _words("city town village provincial municipal regional prefectural")
# Words after a name that make it a landform's, never a town's ("the Sierra Madre mountain
# range"); a valley or peninsula may be named after its big town ("Kathmandu Valley"), not
# after a small one ("the Rio Doce Valley").
LANDFORM_AFTER = _words("mountain mountains range hills plateau highlands gebirge hochland")
VALLEY_AFTER = _words("valley peninsula tal")
# Words after a name that never make it a person's (the next word of a surname).
KIND_AFTER = REGION_AFTER | UNIT_AFTER | LANDFORM_AFTER | VALLEY_AFTER
# Words after a town that make it part of a newspaper's name ("The Washington Post",
# "Jakarta Post", "Los Angeles Times", "Deccan Herald"): whose paper, not where.
NEWSPAPER_WORDS = _words(
    "Post Times Herald Tribune Gazette Chronicle Examiner Inquirer Courier Zeitung Kurier"
)
# Words before a name that say a town is meant ("die Stadt Dnipro", "the city of Dnipro").
TOWN_BEFORE = _words(
    """
    stadt großstadt hafenstadt kleinstadt ort ortschaft dorf city town village of
    städte orte ortschaften dörfer towns villages
    """
)
# Plural town words: the word holds for each name of the list after it ("die drei Dörfer
# A, B und C", "the villages of A, B and C").
TOWNS_BEFORE = _words("städte orte ortschaften dörfer towns villages")
WATER_AFTER = _words("river fluss")

# Words that name a storm by the name after them ("Hurricane Milton", "Sturm Boris",
# "Taifun Haikui", "Zyklon Freddy"): that name is the storm's, never a town's.
STORM_WORDS = _words(
    """
    hurricane hurrikan typhoon taifun supertaifun cyclone zyklon storm sturm sturmtief
    orkan orkantief tief wirbelsturm tropensturm tropentief depression
    """
)

# German articles and the prepositions that hold one: a noun follows them.
ARTICLES = _words(
    "der die das dem den des ein eine einem einen einer eines am im vom zum zur beim ins"
)

# Words before a name that say "a person follows".
PERSON_CUES = _words(
    """
    herr frau präsident präsidentin minister ministerin kanzler kanzlerin sprecher
    sprecherin chef chefin general generalmajor generalleutnant oberst kommandeur dr
    prof mr mrs ms miss sir lord president minister spokesman spokeswoman general
    colonel major leader king queen prince könig königin prinz papst pope senator
    senatorin abgeordnete abgeordneter reporter korrespondent autor autorin
    bürgermeister bürgermeisterin gouverneur gouverneurin landrat landrätin richter
    richterin polizeichef polizeichefin mayor governor gov sheriff coroner commissioner
    judge chief rep sen lt sgt capt
    """
)

STOP_START = _words(
    """
    der die das ein eine und aber doch auch als wie wenn dann dort hier jetzt heute the
    a an and but so then there here now today this that these those in on at mit nach
    vor bei seit laut
    """
)

# Capitalised words that are never places in news text (months, days, function words at
# the start of a sentence), whatever town somewhere shares their spelling.
_NOT_PLACE_WORDS = _words(
    """
    doch aber als auch dann denn oder und wie wo was war wird sind ist hat haben
    bei mit nach vor seit dass die der das des dem den ein eine einer eines schon noch
    nur sie er es wir ihr man hier dort jetzt heute gestern morgen norden süden osten westen mitte
    hamas hisbollah xinhua reuters afp dpa kyodo yonhap tass interfax anadolu ansa efe
    epd kna apa sda
    hezbollah fatah taliban nato uno isis the and but then there here this that these
    those his her its our their was were will would said says after before during while
    since when where what which who also just only even still many most some more each
    every any all both
    """
)
NOT_PLACES = _NOT_PLACE_WORDS | full_month_names() | full_weekday_names()

# Numbers written as words (German and English) that figures and dates read.
NUMBER_WORDS: dict[str, int] = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
    "hundert": 100,
    "tausend": 1000,
    "dutzend": 12,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}


def compound_number(word: str) -> int | None:
    """A number written as one compound word: "twenty-eight", "achtundzwanzig"."""
    if "-" in word:
        tens, _, units = word.partition("-")
    elif "und" in word:
        units, _, tens = word.partition("und")
    else:
        return None
    ten, unit = NUMBER_WORDS.get(tens, 0), NUMBER_WORDS.get(units, 0)
    if ten in (20, 30, 40, 50, 60, 70, 80, 90) and 1 <= unit <= 9:
        return ten + unit
    if ten in (20, 30, 40, 50, 60, 70, 80, 90) and units in ("one", "ein", "eins"):
        return ten + 1
    return None
