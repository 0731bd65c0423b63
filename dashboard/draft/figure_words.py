"""Word lists the figure reader uses (German and English), kept apart from its rules.

Every list holds lower-case words. What a number counts is read from the article's own
words; these lists only say which words are units, qualifiers, verbs of what happened to
people and things, and cues that a number is not a count at all (an age, a year, a road).
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _each(words: str, value: str) -> dict[str, str]:
    """Every word of `words` mapped to `value`."""
    return dict.fromkeys(words.split(), value)


# Multipliers written after a number: "1,5 Millionen", "2.5 billion".
MULTIPLIERS: dict[str, float] = {
    "tausend": 1e3,
    "thousand": 1e3,
    "hundred": 1e2,
    "hundert": 1e2,
    "million": 1e6,
    "millionen": 1e6,
    "mio": 1e6,
    "mio.": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd": 1e9,
    "mrd.": 1e9,
    "billion": 1e9,  # English billion; German "Billion" is rare in news and means 1e12
    "billionen": 1e12,
}

# Vague counts: the least the plural can mean ("Tausende" are at least two thousand).
VAGUE_COUNTS: dict[str, float] = {
    "dutzende": 24,
    "dozens": 24,
    "hunderte": 200,
    "hundreds": 200,
    "tausende": 2000,
    "thousands": 2000,
    "zehntausende": 20000,
    "tens": 20,  # "tens of thousands" reads its multiplier below
    "hunderttausende": 200000,
    "millionen": 2e6,
    "millions": 2e6,
}

# Qualifiers before a number. Approximate ones make the figure an estimate; the others
# ("mindestens", "more than") bound it and are kept in the label.
APPROXIMATE = word_set(
    """
    rund etwa ca. circa ungefähr knapp fast beinahe nahezu annähernd schätzungsweise
    about around roughly approximately nearly almost some estimated
    """
)
QUALIFIER_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(q.split())
    for q in (
        "mehr als",
        "weniger als",
        "bis zu",
        "mindestens",
        "wenigstens",
        "höchstens",
        "über",
        "unter",
        "gut",
        "an estimated",
        "more than",
        "fewer than",
        "less than",
        "at least",
        "at most",
        "up to",
        "over",
        "under",
        "as many as",
        "no fewer than",
        *APPROXIMATE,
    )
)

# Units that make a number a measure rather than a count of people or things. A measure
# stays in the draft for the journalist, not kept for the map.
MEASURES: dict[str, str] = {
    **_each("km kilometer kilometern kilometre kilometres kilometers", "km"),
    **_each("m meter metern metre metres meters", "m"),
    **_each("cm zentimeter zentimetern centimetres centimeters mm", "cm"),
    **_each("meilen mile miles", "mi"),
    **_each("feet foot fuß inch inches zoll yards", "ft"),
    **_each("kg kilogramm kilogram kilograms kilo kilos", "kg"),
    **_each("g gramm grams gram", "g"),
    **_each("tonnen tonne tonnes tons ton", "t"),
    **_each("liter litern litres liters kubikmeter", "l"),
    **_each("grad degrees °c", "°"),
    **_each("km/h mph knoten knots", "km/h"),
    **_each("sekunden seconds minuten minutes min", "min"),
    **_each("stunden stunde hours hour std", "h"),
    **_each("tage tagen tag days day nächte nights", "d"),
    **_each("wochen woche weeks week", "wk"),
    **_each("monate monaten monat months month", "mo"),
    **_each("jahre jahren jahr years year jahrzehnte decades", "a"),
    **_each("megawatt megawattstunden gigawatt kilowatt mw gw kwh", "MW"),
    **_each("stockwerke stockwerken etagen storeys stories floors", "st"),
    **_each("prozentpunkte percentage-points punkte points", "pt"),
}
# Units that stay with a figure a map shows: money and area, as (German, English).
COUNT_UNITS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(["euro", "€"], ("Euro", "euros")),
    **dict.fromkeys(["dollar", "us-dollar", "dollars", "$"], ("Dollar", "dollars")),
    **dict.fromkeys(["pfund", "pounds", "£"], ("Pfund", "pounds")),
    **dict.fromkeys(["franken", "francs"], ("Franken", "francs")),
    **dict.fromkeys(["reais", "real"], ("Reais", "reais")),
    **dict.fromkeys(["rupien", "rupees", "rupee", "rs", "inr", "₹"], ("Rupien", "rupees")),
    **dict.fromkeys(["yuan", "renminbi"], ("Yuan", "yuan")),
    **dict.fromkeys(["yen"], ("Yen", "yen")),
    **dict.fromkeys(["rubel", "rubles", "roubles"], ("Rubel", "roubles")),
    **dict.fromkeys(["pesos", "peso"], ("Pesos", "pesos")),
    **dict.fromkeys(["rand"], ("Rand", "rand")),
    **dict.fromkeys(["naira"], ("Naira", "naira")),
    **dict.fromkeys(["schekel", "shekels"], ("Schekel", "shekels")),
    **dict.fromkeys(["lira", "liras"], ("Lira", "lira")),
    **dict.fromkeys(["hektar", "hectares", "ha"], ("Hektar", "hectares")),
    **dict.fromkeys(["acres"], ("Acres", "acres")),
    **dict.fromkeys(["km²", "quadratkilometer", "quadratkilometern"], ("km²", "km²")),
}
PERCENT = word_set("% prozent percent per-cent")
# A share is a figure of an election or a turnout, not of a small thing.
VOTE_WORDS = word_set(
    """
    stimmen wählerstimmen wahlbeteiligung wahl wahlen gewählt zweitstimmen erststimmen
    partei parteien regierungspartei opposition kandidat kandidatin koalition wahlsieger
    votes vote turnout ballots election elected polls party parties candidate coalition
    """
)

# What counts for a whole country: seats, voters, votes (with a share of the vote).
NATIONAL_COUNTS = word_set(
    """
    sitze mandate wahlberechtigte wähler wählerinnen stimmen wählerstimmen zweitstimmen
    seats voters votes ballots electorate
    """
)

# Words before a number that make it a name, a rank or a reference, not a count.
NAME_BEFORE = word_set(
    """
    § abs art nr no nummer number artikel paragraf paragraph seite page kapitel
    resolution flug flight linie line route level stufe platz rang tel telefon fax
    kategorie category interstate highway autobahn bundesstraße landstraße road gleis
    terminal halle hall zimmer room haus kw kalenderwoche week covid covid- boeing airbus
    atr cessna apollo sojus soyuz gate tor sektor sector zone block runde round spiel
    game tabelle table abbildung figure bild foto photo teil part folge episode staffel
    season band volume version modell model typ type
    """
)
# The strength of a quake: "Stärke 7,8", "magnitude 7.8", "a 7.8-magnitude quake".
MAGNITUDE = word_set("stärke magnitude magnitude-")

# Words before a number that make it a year.
YEAR_BEFORE = word_set(
    """
    jahr jahre jahren jahres seit ab bis anno sommer winter frühjahr herbst frühling
    year years since until in of by from during between early late mid summer winter
    spring autumn fall
    """
)
# Who is counted: a count of these is a figure even without a verb ("30.000 Schaulustige").
PEOPLE = word_set(
    """
    menschen personen leute tote toten todesopfer opfer verletzte verletzten schwerverletzte
    vermisste vermissten zivilisten einwohner einwohnern bewohner bewohnern kinder kindern
    frauen männer soldaten soldatinnen kämpfer flüchtlinge flüchtlingen geflüchtete
    vertriebene vertriebenen migranten migrantinnen demonstranten demonstrantinnen
    teilnehmer teilnehmende besucher besucherinnen schaulustige schaulustigen passagiere
    passagieren insassen häftlinge gefangene geiseln festgenommene patienten helfer
    einsatzkräfte rettungskräfte feuerwehrleute polizisten beamte arbeiter beschäftigte
    mitarbeiter familien haushalte haushalten obdachlose evakuierte schüler studenten
    wähler wählerinnen touristen pilger fans zuschauer angehörige bürger
    people persons dead deaths fatalities victims injured wounded casualties missing
    civilians residents inhabitants children kids women men soldiers troops fighters
    militants refugees migrants displaced protesters demonstrators participants visitors
    spectators onlookers passengers crew prisoners inmates detainees hostages patients
    rescuers firefighters police officers workers employees families households homeless
    evacuees students pupils voters tourists pilgrims fans citizens survivors
    anwohner urlauber badegäste gäste pendler reisende fahrgäste bergleute bergarbeiter
    fischer bauern landwirte ärzte journalisten journalistinnen reporter zivilpersonen
    rebellen milizionäre aufständische angreifer verdächtige täter lehrer babys säuglinge
    senioren flüchtende asylbewerber schutzsuchende bedürftige erkrankte infizierte
    wahlberechtigte kämpferinnen soldatinnen kinder jugendliche minderjährige
    holidaymakers guests commuters travellers travelers miners fishermen farmers doctors
    nurses journalists reporters rebels insurgents attackers suspects gunmen teachers
    babies infants elderly seniors asylum-seekers homeless eligible migrants teenagers
    lives bodies leichen
    """
)
# A person, in the singular: "one person was killed", "ein Mensch kam ums Leben".
ONE_PERSON = word_set(
    """
    person man woman child boy girl soldier civilian journalist resident firefighter officer
    policeman worker tourist passenger mensch person frau mann kind junge mädchen soldat
    zivilist journalist bewohner feuerwehrmann polizist arbeiter tourist passagier
    """
)

# Things whose count a map shows beside its place.
THINGS = word_set(
    """
    häuser häusern gebäude gebäuden wohnungen wohnhäuser hütten zelte schulen
    krankenhäuser brücken fahrzeuge autos lastwagen panzer raketen drohnen flugzeuge
    hubschrauber schiffe boote dörfer dörfern orte ortschaften gemeinden tiere rinder
    houses homes buildings apartments flats shelters tents schools hospitals bridges
    vehicles cars trucks tanks rockets missiles drones aircraft planes helicopters
    ships boats villages towns communities animals livestock cattle locations sites
    brände feuer waldbrände fires wildfires blazes nachbeben aftershocks tremors
    fälle infektionen erkrankungen cases infections
    sitze mandate wahlkreise seats constituencies
    geschosse granaten bomben kriegsschiffe projectiles shells bombs vessels warships
    jets fighter-jets kampfjets
    erdrutsche landslides hektar hectares
    """
)

# What happened: participles as the label shows them, from the forms the article uses.
# German participles and finite verbs; "ums Leben" is read as a phrase.
EVENT_VERBS_DE: dict[str, str] = {
    **_each("getötet tötete töteten tötet", "getötet"),
    **_each("verletzt verletzte verletzten", "verletzt"),
    **_each("starben sterben gestorben starb", "starben"),
    **_each("vermisst", "vermisst"),
    **_each("evakuiert evakuierte evakuierten", "evakuiert"),
    **_each("eingeschlossen", "eingeschlossen"),
    **_each("zerstört zerstörte zerstörten", "zerstört"),
    **_each("beschädigt beschädigte beschädigten", "beschädigt"),
    **_each("festgenommen verhaftet inhaftiert", "festgenommen"),
    **_each("gerettet rettete retteten", "gerettet"),
    **_each("vertrieben geflohen flohen flüchteten", "geflohen"),
    **_each("obdachlos", "obdachlos"),
    **_each("tot", "tot"),
    **_each("ertranken ertrunken", "ertrunken"),
    **_each("abgeschossen abgefangen", "abgeschossen"),
    **_each("demonstrierten protestierten", "demonstrierten"),
    **_each("betroffen", "betroffen"),
    **_each("verbrannt abgebrannt niedergebrannt", "verbrannt"),
    **_each("verloren", "verloren"),
}
EVENT_VERBS_EN: dict[str, str] = {
    **_each("killed killing kill kills", "killed"),
    **_each("injured injuring injure injures hurt", "injured"),
    **_each("wounded wounding wound", "wounded"),
    **_each("died dying die", "died"),
    **_each("displaced displacing displace", "displaced"),
    **_each("evacuated evacuating evacuate", "evacuated"),
    **_each("destroyed destroying destroy", "destroyed"),
    **_each("damaged damaging damage", "damaged"),
    **_each("arrested arresting arrest detained detaining", "arrested"),
    **_each("rescued rescuing rescue", "rescued"),
    **_each("trapped trapping stranded", "trapped"),
    **_each("fled fleeing flee", "fled"),
    **_each("drowned drowning", "drowned"),
    **_each("launched launching launch fired firing", "launched"),
    **_each("intercepted intercepting downed jammed jamming", "downed"),
    **_each("affected affecting", "affected"),
    **_each("burned burnt burning scorched", "burned"),
    **_each("lost", "lost"),
    **_each("missing", "missing"),
    **_each("dead", "dead"),
    **_each("hospitalized hospitalised", "hospitalized"),
    **_each("infected", "infected"),
    **_each("protested marched rallied", "protested"),
}
# English verbs whose "-ed" form after a number is reporting, not what happened.
REPORTING_EN = word_set(
    """
    said reported included added stated announced confirmed estimated noted counted
    recorded registered needed used required expected marked called named cited quoted
    listed described aged based
    """
)
# Words that stand for the counted noun without naming it ("83 others were wounded").
PLACEHOLDERS = word_set("others other more further additional weitere andere mehr of")
# Auxiliaries between a count and its participle.
AUXILIARIES = word_set(
    """
    wurden wurde worden sind seien waren war ist sei werden wird haben hatten hat habe
    were was are is been be being have has had got remain remained remains still
    reportedly were also
    """
)
# Nouns before a number that name what it counts: "death toll rose to 21", "Zahl der Toten".
TOLL_NOUNS = word_set("toll zahl number anzahl bilanz")

STOP = word_set(
    """
    der die das des dem den ein eine einer eines einem einen und oder aber in im an am auf
    aus bei mit nach von vor zu zum zur für über unter um sind ist war waren wurden wird
    werden hat haben seien sei als wie noch nur auch bereits schon dort hier so
    the a an and or but in on at of to for from by with are is was were have has had be
    been than like as also only already there here so into onto across after before
    while during near its their his her this that these those which who
    """
)
