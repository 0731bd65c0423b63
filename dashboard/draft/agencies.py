"""News agencies, who filed a report ("(dpa) -", "(Reuters) -", "(ENA) -"), and the newsroom
sections a page prints beside its date."""

from __future__ import annotations

import re

from dashboard.draft.figure_words import word_set

# Wire services, world-wide and national (AAP, ENA, UNB, VNA, PNA, Notimex …), and their
# regional desks ("dpa/lni"): a word in brackets before the dash is an agency only when it
# is one of these (not "Mossul (Irak) -"). Not those whose short names are first names
# (Ana, Petra, Ria, Sana): a byline's words beside the date are read as agencies.
# "infocom": "© dpa-infocom", dpa's web service.
AGENCIES = word_set(
    """dpa afp reuters ap epd kna sid apa keystone-sda sda anp belga efe ansa tt dpa-afx
    bloomberg xinhua tass interfax anadolu aa ips ots upi pap ctk mti infocom hina tanjug
    kyodo pti ians ani yonhap antara bernama
    aap ena unb bss gna vna pna kuna wam irna isna aps sapa kcna ukrinform notimex telam"""
)
_REGIONAL_DESK = re.compile(r"l[a-z]{2}")  # dpa's regional services: lni, lby, lsw …

# Agencies written out, as some datelines name them: "LONDON, March 12 (Thomson Reuters
# Foundation) -".
_AGENCY_NAMES = frozenset(
    [
        "thomson reuters foundation",
        "reuters foundation",
        "associated press",
        "agence france-presse",
        "agence france presse",
        "deutsche presse-agentur",
        "evangelischer pressedienst",
        "katholische nachrichten-agentur",
        "austria presse agentur",
        "xinhua news agency",
        "kyodo news",
        "press trust of india",
        "agencia efe",
        "yonhap news agency",
    ]
)


def is_agency(written: str) -> bool:
    if " ".join(written.lower().split()) in _AGENCY_NAMES:
        return True
    parts = [p for p in re.split(r"[/,]\s*|\s+", written.strip().lower()) if p]
    return bool(parts) and all(p in AGENCIES or _REGIONAL_DESK.fullmatch(p) for p in parts)


# Newsroom sections a page prints beside its date ("Politik | 12.03.2024", "World | March
# 12, 2024", "12.03.2024 · Ausland"): words of a date line, not of a sentence.
SECTIONS = word_set(
    """politik panorama ausland inland welt wirtschaft sport kultur wissen wissenschaft
    regional region lokales nachrichten news chronik gesellschaft vermischtes meinung
    international national wetter klima umwelt aktuell startseite home world nation
    business science environment climate weather politics sports local latest breaking
    opinion asia africa europe americas pacific asia-pacific natur & uk us"""
)
