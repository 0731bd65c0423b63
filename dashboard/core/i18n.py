"""Languages, interface texts and locale-aware formatting of numbers and dates.

Numbers and dates go through Babel, so German readers see 50.000 and "1. Juli 2017"
and English readers 50,000 and "1 July 2017".
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import format_decimal

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")
DEFAULT_LANG: Lang = "de"

# Babel locales: en_GB writes "1 July 2017", the day-month order a European news
# graphic uses; de gives "1. Juli 2017".
LOCALES: dict[Lang, str] = {"de": "de_DE", "en": "en_GB"}

# Every text of the interface, in both languages. Keys say where a text is used.
TEXTS: dict[str, dict[Lang, str]] = {
    "layer.places": {"de": "Orte", "en": "Places"},
    "layer.areas": {"de": "Gebiete", "en": "Areas"},
    "layer.lines": {"de": "Grenzen", "en": "Borders"},
    "layer.events": {"de": "Ereignisse", "en": "Events"},
    "layer.context": {"de": "Ferne Orte", "en": "Far-away places"},
    "legend.title": {"de": "Legende", "en": "Legend"},
    "legend.estimate": {"de": "gestrichelt: ungefähre Lage", "en": "dashed: approximate"},
    "legend.large_areas": {"de": "Staaten, Regionen", "en": "Countries, regions"},
    "as_of": {"de": "Stand", "en": "As of"},
    "source": {"de": "Quelle", "en": "Source"},
    "sources": {"de": "Quellen", "en": "Sources"},
    "source.editorial": {"de": "Anm. d. Red.", "en": "Editor's note"},
    "source.computed": {"de": "Berechnet", "en": "Computed"},
    "source.accessed": {"de": "abgerufen am", "en": "accessed"},
    "how_made": {"de": "So ist diese Karte entstanden", "en": "How this map was made"},
    "how_made.intro": {
        "de": "Wie Orte, Linien und Zahlen ermittelt wurden, Eintrag für Eintrag.",
        "en": "How places, lines and figures were worked out, record by record.",
    },
    "hindsight": {
        "de": "Nachträglich: nach Erscheinen des Artikels",
        "en": "Hindsight: after the article appeared",
    },
    "hindsight.short": {"de": "später", "en": "later"},
    "estimate": {"de": "Lage ungefähr", "en": "Position approximate"},
    "translated": {"de": "übersetzt", "en": "translated"},
    "close": {"de": "Schließen", "en": "Close"},
    "approximately": {"de": "ca.", "en": "about"},
    "map.details": {"de": "Details zum gewählten Ort", "en": "Details of the chosen place"},
    # one mark for two places drawn on each other at a scale (Mosul and its mosque)
    "map.together": {"de": "{first} und {second}", "en": "{first} and {second}"},
    # a print dot that stands for a crowd: the first few named, the rest counted
    "map.more_places": {"de": "{count} weitere Orte", "en": "{count} more places"},
    "map.inset": {
        "de": "Übersichtskarte: wo der Kartenausschnitt liegt",
        "en": "Locator map: where the map's frame lies",
    },
    "tiles.load": {
        "de": "Detailkarte laden ({provider})",
        "en": "Load detailed map ({provider})",
    },
    "tiles.loaded": {"de": "Detailkarte: {provider}", "en": "Detailed map: {provider}"},
    "legend.city": {"de": "weitere Städte", "en": "other cities"},
    "legend.river": {"de": "Flüsse", "en": "rivers"},
    "credit.context": {
        "de": "Gewässer, Namen: Natural Earth, GeoNames",
        "en": "Water, names: Natural Earth, GeoNames",
    },
    "figures": {"de": "Zahlen", "en": "Figures"},
    "timeline": {"de": "Chronik", "en": "Timeline"},
    "published": {"de": "Erschienen", "en": "Published"},
    "computed": {"de": "berechnet", "en": "computed"},
    "zoom_in": {"de": "Vergrößern", "en": "Zoom in"},
    "zoom_out": {"de": "Verkleinern", "en": "Zoom out"},
    "alt.map": {"de": "Karte", "en": "Map"},
    "alt.shows": {"de": "Sie zeigt", "en": "It shows"},
    "alt.figures": {"de": "Zahlen", "en": "Figures"},
    "place": {"de": "Ort", "en": "Place"},
    "gesture.touch": {
        "de": "Zum Bewegen der Karte zwei Finger verwenden",
        "en": "Use two fingers to move the map",
    },
    "gesture.scroll": {
        "de": "Strg + Mausrad zum Zoomen der Karte",
        "en": "Use ctrl + scroll to zoom the map",
    },
    "gesture.scroll_mac": {
        "de": "\u2318 + Mausrad zum Zoomen der Karte",
        "en": "Use \u2318 + scroll to zoom the map",
    },
    "embed.title": {"de": "Karte", "en": "Map"},
    "site.title": {"de": "Karten", "en": "Maps"},
    "site.intro": {
        "de": "Interaktive Karten zu unseren Artikeln, mit Bildern und Daten.",
        "en": "Interactive maps for our articles, with images and data.",
    },
    "site.other_language": {"de": "English", "en": "Deutsch"},
    "site.published": {"de": "Erschienen am", "en": "Published"},
    "site.map": {"de": "Interaktive Karte", "en": "Interactive map"},
    "site.images": {"de": "Bilder", "en": "Images"},
    "site.data": {"de": "Daten", "en": "Data"},
    "site.embed": {
        "de": "Einbettungscode (oder die Adresse der Karte im CMS einfügen):",
        "en": "Embed code (or paste the map's address into the CMS):",
    },
    "site.only_in": {"de": "nur auf Englisch", "en": "in German only"},
    "site.none": {"de": "Noch keine Karte veröffentlicht.", "en": "No map published yet."},
    "events.summary": {
        "de": "{events} Ereignisse, zusammen {count} gemeldet · {start} – {end}",
        "en": "{events} events, {count} reported in all · {start} – {end}",
    },
    "events.none": {"de": "Keine Ereignisse im Zeitraum", "en": "No events in this period"},
    "ui.events.range": {"de": "Zeitraum der Ereignisdaten", "en": "Period of the event data"},
    "ui.export": {"de": "Export", "en": "Export"},
    "ui.export.embed": {
        "de": "Einbettungscode: die HTML-Datei neben den Artikel legen, diesen Code einfügen.",
        "en": "Embed code: put the HTML file next to the article and paste this code.",
    },
    "ui.export.make": {"de": "Dateien erstellen", "en": "Make the files"},
    "ui.export.making": {"de": "Erstelle {name} …", "en": "Making {name} …"},
    "ui.export.done": {"de": "Fertig", "en": "Done"},
    "ui.export.download": {"de": "{name} herunterladen", "en": "Download {name}"},
    "ui.export.failed": {
        "de": "{name} ließ sich aus den Daten dieser Geschichte nicht erstellen ({reason}).",
        "en": "{name} could not be made from this story's data ({reason}).",
    },
    "format.html": {"de": "HTML-Karte (eine Datei)", "en": "HTML map (single file)"},
    "format.embed": {"de": "Einbettungscode", "en": "Embed code"},
    "format.png": {"de": "PNG (Druck)", "en": "PNG (print)"},
    "format.svg": {"de": "SVG (Grafik)", "en": "SVG (graphics)"},
    "format.geojson": {"de": "GeoJSON-Daten", "en": "GeoJSON data"},
    "format.csv": {"de": "CSV-Tabelle", "en": "CSV table"},
    "error.title": {"de": "Diese Geschichte hat Fehler", "en": "This story has errors"},
    "error.body": {
        "de": "Sie kann nicht angezeigt werden, bis diese Punkte behoben sind:",
        "en": "It cannot be shown until these points are fixed:",
    },
    "ui.language": {"de": "Sprache", "en": "Language"},
    "ui.not_found": {
        "de": "Diese Karte gibt es hier nicht. Wählen Sie eine andere.",
        "en": "There is no such map here. Please choose another.",
    },
    "ui.no_stories": {
        "de": "Noch keine Geschichte: Legen Sie einen Ordner unter geodata/stories/ an.",
        "en": "No story yet: add a folder under geodata/stories/.",
    },
    "ui.story": {"de": "Geschichte", "en": "Story"},
    "ui.summary": {"de": "Worum es geht", "en": "What it is about"},
    "ui.view": {"de": "Ansicht", "en": "View"},
    "ui.details": {"de": "Details", "en": "Details"},
    "ui.details.empty": {
        "de": "Klicken Sie auf einen Ort der Karte, um mehr zu erfahren.",
        "en": "Click a place on the map to learn more.",
    },
    "ui.figures.show": {"de": "Auf der Karte zeigen", "en": "Show on the map"},
    "ui.timeline.choose": {"de": "Ereignis", "en": "Event"},
    "ui.timeline.previous": {"de": "Früher", "en": "Earlier"},
    "ui.timeline.next": {"de": "Später", "en": "Later"},
    "ui.explore": {"de": "Erkunden", "en": "Explore"},
    "ui.explore.jump": {"de": "Zu einem Ort springen", "en": "Jump to a place"},
    "ui.explore.from": {"de": "Entfernung von", "en": "Distance from"},
    "ui.explore.to": {"de": "nach", "en": "to"},
    "ui.explore.distance": {
        "de": "Luftlinie",
        "en": "As the crow flies",
    },
    "ui.none": {"de": "– bitte wählen –", "en": "– please choose –"},
    "ui.share.help": {
        "de": "Die Adresse im Browser gibt diese Ansicht wieder: Geschichte, Sprache, Ort, "
        "Ereignis, offener Reiter und Kartenausschnitt.",
        "en": "The address in the browser reproduces this view: story, language, place, event, "
        "open tab and the map's view.",
    },
    "ui.map.help": {
        "de": "Ebenen oben rechts ein- und ausschalten; Orte sind auch per Tastatur erreichbar.",
        "en": "Switch layers top right; places can also be reached with the keyboard.",
    },
    # A story written in one language (a draft): what readers of the other one are told.
    "story.only_de": {
        "de": "Diese Karte gibt es nur auf Deutsch.",
        "en": "This map exists in German only: its texts are shown in German.",
    },
    "story.only_en": {
        "de": "Diese Karte gibt es nur auf Englisch: Ihre Texte werden auf Englisch gezeigt.",
        "en": "This map exists in English only.",
    },
    # The editor (only in editor mode): a story drafted from an article.
    "editor.open": {"de": "Neue Karte aus Artikel", "en": "New map from article"},
    "editor.title": {"de": "Neue Karte aus Artikel", "en": "New map from article"},
    "editor.back": {"de": "Zurück zum Dashboard", "en": "Back to the dashboard"},
    "editor.paste": {"de": "Artikeltext einfügen", "en": "Paste the article's text"},
    "editor.upload": {
        "de": "… oder eine Datei hochladen (.txt, .html)",
        "en": "… or upload a file (.txt, .html)",
    },
    "editor.too_big": {
        "de": "Die Datei ist größer als {limit} KB.",
        "en": "The file is larger than {limit} KB.",
    },
    "editor.not_utf8": {
        "de": "Die Datei ist kein UTF-8-Text.",
        "en": "The file is not UTF-8 text.",
    },
    "editor.make": {"de": "Entwurf erstellen", "en": "Make draft"},
    "editor.start": {
        "de": "Text einfügen oder Datei hochladen, dann „Entwurf erstellen“.",
        "en": "Paste a text or upload a file, then “Make draft”.",
    },
    "editor.found": {
        "de": "Gefunden: {places} Orte, {figures} Zahlen, {dates} Daten · Artikel vom {date}",
        "en": "Found: {places} places, {figures} figures, {dates} dates · article of {date}",
    },
    "editor.places": {"de": "Orte", "en": "Places"},
    "editor.figures": {"de": "Zahlen", "en": "Figures"},
    "editor.dates": {"de": "Zeitleiste", "en": "Timeline"},
    "editor.published": {"de": "Erscheinungsdatum des Artikels", "en": "The article's date"},
    "editor.no_date": {
        "de": "Im Artikel steht kein Erscheinungsdatum: bitte eintragen, sonst lässt sich die "
        "Karte nicht veröffentlichen.",
        "en": "The article states no date of publication: enter it, or the map cannot be "
        "published.",
    },
    "editor.map": {"de": "Karte", "en": "Map"},
    "editor.keep": {"de": "übernehmen", "en": "keep"},
    "editor.name": {"de": "Name", "en": "Name"},
    "editor.candidate": {"de": "Ortsverzeichnis", "en": "Gazetteer entry"},
    "editor.confidence": {"de": "Sicherheit", "en": "Confidence"},
    "editor.note": {"de": "Notiz", "en": "Note"},
    "editor.why": {"de": "Warum", "en": "Why"},
    "editor.callout": {"de": "auf der Karte", "en": "on the map"},
    "editor.label": {"de": "Beschriftung", "en": "Label"},
    "editor.sentence": {"de": "Satz im Artikel", "en": "Sentence in the article"},
    "editor.date": {"de": "Datum", "en": "Date"},
    "editor.event": {"de": "Titel", "en": "Title"},
    "editor.move": {
        "de": "Punkt verschieben: Ort wählen, dann in die Karte klicken",
        "en": "Move a point: choose the place, then click the map",
    },
    "editor.moved": {
        "de": "Verschoben: {name} nach {lat}, {lon}",
        "en": "Moved: {name} to {lat}, {lon}",
    },
    "editor.slug": {
        "de": "Ordnername (Kleinbuchstaben, Ziffern, Bindestriche)",
        "en": "Folder name (lower-case letters, digits, hyphens)",
    },
    "editor.save": {"de": "Als Entwurf speichern", "en": "Save as draft"},
    "editor.publish": {"de": "Veröffentlichen", "en": "Publish"},
    "editor.saved": {
        "de": "Als Entwurf gespeichert: „{slug}“. Leser sehen die Karte erst, wenn sie "
        "veröffentlicht ist.",
        "en": "Saved as a draft: “{slug}”. Readers see the map once it is published.",
    },
    "editor.unpublished": {
        "de": "Nicht veröffentlicht: der Entwurf ist gespeichert, aber noch nicht gültig. "
        "Die Probleme stehen bei den Tabellen.",
        "en": "Not published: the draft is saved but not valid yet. The problems are shown "
        "with the tables.",
    },
    "editor.nr": {"de": "Nr.", "en": "No."},
    "editor.figure": {"de": "Zahl", "en": "Figure"},
    "editor.place": {"de": "Ort", "en": "Place"},
    "editor.as_written": {"de": "im Artikel", "en": "as written"},
    "editor.confidence.high": {"de": "hoch", "en": "high"},
    "editor.confidence.medium": {"de": "mittel", "en": "medium"},
    "editor.confidence.low": {"de": "niedrig", "en": "low"},
    "editor.no_newsroom": {
        "de": "Auf diesem Server ist kein Ordner der Redaktion für Karten eingestellt: "
        "der Editor speichert nichts in die mitgelieferten Karten.",
        "en": "This server has no newsroom folder for maps set: the editor saves nothing "
        "into the maps that come with the program.",
    },
    "editor.paste_limit": {
        "de": "Bis zu {limit} Zeichen; längere Texte als Datei hochladen (bis 2 MB).",
        "en": "Up to {limit} characters; upload longer texts as a file (up to 2 MB).",
    },
    "editor.no_article": {
        "de": "Darin wurde kein Artikeltext gefunden.",
        "en": "No article text was found in it.",
    },
    "editor.too_slow": {
        "de": "Der Entwurf hat länger als {seconds} Sekunden gedauert und wurde abgebrochen.",
        "en": "The draft took longer than {seconds} seconds and was stopped.",
    },
    "editor.password": {"de": "Passwort für den Editor", "en": "Editor password"},
    "editor.needs_password": {
        "de": "Dieser Server ist im Netz erreichbar und hat kein Passwort für den Editor: "
        "der Editor bleibt geschlossen.",
        "en": "This server can be reached from the network and has no editor password: the "
        "editor stays closed.",
    },
    "editor.unlock": {"de": "Anmelden", "en": "Sign in"},
    "editor.wrong_password": {"de": "Falsches Passwort.", "en": "Wrong password."},
    "editor.refused.slug": {
        "de": "Der Ordnername muss ein einzelner Name aus Kleinbuchstaben, Ziffern und "
        "Bindestrichen sein (zum Beispiel „flut-2024“), ohne „/“ oder „..“.",
        "en": "The folder name must be a single name of lower-case letters, digits and "
        "hyphens (for example “flood-2024”), without “/” or “..”.",
    },
    "editor.refused.exists": {
        "de": "Eine Karte mit diesem Ordnernamen gibt es schon: nichts gespeichert. "
        "Bitte einen anderen Namen wählen.",
        "en": "A map with this folder name exists already: nothing saved. "
        "Please choose another name.",
    },
    "editor.refused.busy": {
        "de": "Unter diesem Namen wird gerade gespeichert: nichts gespeichert. "
        "Bitte einen anderen Namen wählen oder es gleich noch einmal versuchen.",
        "en": "Something is being saved under this name right now: nothing saved. "
        "Please choose another name or try again in a moment.",
    },
    "editor.refused.not_a_story": {
        "de": "Unter diesem Namen liegt etwas anderes als eine Karte: nichts gespeichert.",
        "en": "Something other than a map has this name: nothing saved.",
    },
    "editor.refused.invalid": {
        "de": "Als Entwurf gespeichert, aber noch nicht gültig: die Probleme stehen bei den "
        "Tabellen. Veröffentlicht wird nur ein gültiger Entwurf.",
        "en": "Saved as a draft, but not valid yet: the problems are shown with the tables. "
        "Only a valid draft is published.",
    },
    "editor.refused.other": {
        "de": "Die Karte konnte nicht gespeichert werden.",
        "en": "The map could not be saved.",
    },
}


def text(key: str, lang: Lang) -> str:
    """The interface text `key` in `lang`."""
    return TEXTS[key][lang]


def format_number(value: float, lang: Lang) -> str:
    """A number with the language's grouping: 50.000 (de), 50,000 (en)."""
    pattern = "#,##0" if float(value).is_integer() else "#,##0.#"
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def format_range(low: float, high: float, lang: Lang) -> str:
    """A range stays a range: 50.000–100.000."""
    return f"{format_number(low, lang)}\u2013{format_number(high, lang)}"


def format_partial_date(value: dt.date, precision: str, lang: Lang) -> str:
    """A date shown only as precisely as the source gave it (day, month or year)."""
    locale = LOCALES[lang]
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return format_skeleton("yMMMM", value, locale=locale)
    return babel_format_date(value, format="long", locale=locale)
