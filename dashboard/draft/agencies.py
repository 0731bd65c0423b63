"""News agencies: who filed a report ("(dpa) -", "(Reuters) -", "(ANA) -")."""

from __future__ import annotations

import re

from dashboard.draft.figure_words import word_set

# Wire services, world-wide and national (AAP, ANA, ENA, UNB, NAN, VNA, Notimex …), and their
# regional desks ("dpa/lni"): a word in brackets before the dash is an agency only when it
# is one of these (not "Mossul (Irak) -").
# "infocom": "© dpa-infocom", dpa's web service.
AGENCIES = word_set(
    """dpa afp reuters ap epd kna sid apa keystone-sda sda anp belga efe ansa tt dpa-afx
    bloomberg xinhua tass interfax anadolu aa ips ots upi pap ctk mti infocom hina tanjug
    kyodo pti ians ani yonhap antara bernama
    aap ana ena unb bss nan gna vna pna kuna wam mena irna isna sana petra aps sapa kcna
    ukrinform ria notimex telam andina"""
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
