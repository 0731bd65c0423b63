"""Page furniture around an article: consent banners, navigation, photo credits and
captions, and why each dropped paragraph was dropped (the reasons the draft lists)."""

from __future__ import annotations

import re

from dashboard.draft.datelines import read_date_line

# Words of consent banners, subscription offers and page navigation. A paragraph with one
# of the strong ones, or two of the weak ones, is page furniture, not article.
_STRONG_FURNITURE = re.compile(
    r"cookie|tracking|datenschutz|einwilligung|privatsphäre|werbetracking|pur-abo|"
    r"newsletter|akzeptieren|consent|privacy (?:policy|settings)|subscribe|sign up|"
    r"log ?in\b|anmelden|abonnent|zustimmen|verarbeitungszweck|drittanbieter|"
    r"personalisierte (?:werbung|anzeigen)|all rights reserved|alle rechte vorbehalten|"
    r"javascript|startseite|back to (?:the )?homepage",
    re.IGNORECASE,
)
_WEAK_FURNITURE = re.compile(
    r"\b(?:werbung|anzeigen?|partner|abo|angebot|gerät|profil|inhalte|dienste|"
    r"speichern|abrufen|zielgruppen|advert\w*|partners?|device|personali[sz]ed|"
    r"teilen|share|drucken|print|kommentare?|comments?|weiterlesen|read more|"
    r"mehr zum thema|lesen sie auch|related|jetzt|hier)\b",
    re.IGNORECASE,
)
# Lines that end the article: everything after them is comments, teasers, footers.
END_OF_ARTICLE = re.compile(
    r"^(?:themen folgen|die diskussion ist geschlossen|kommentare?\b|diskutieren sie mit|"
    r"mehr zum thema|das könnte sie auch interessieren|weitere artikel|"
    r"comments?\b|related (?:stories|articles)|more (?:from|on) |most read|"
    r"share this (?:article|story))",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"^(?:(?:foto|fotos|bild|bilder|photo|photos|image|credit|quelle)\s*:|©|\(c\) |"
    r"(?:photo|foto) by )",
    re.I,
)
# A caption that ends with its credit: "… in Vina del Mar, Chile. (AP Photo/Jane Roe)".
# Or after its last sentence, unbracketed: "… in Derna. Foto: dpa", "… on Tuesday. Photo: AFP".
_CREDITED_CAPTION = re.compile(
    r"(?:\((?:[\w -]{0,30} )?(?:Photo|Foto|Bild)\b[^()]{0,80}\)|"
    r"(?<=[.!?] )(?:Fotos?|Bilder|Bild|Photos?|Image)\s*:\s*[^.!?:()]{1,40})$",
    re.I,
)
# An agency's archive picture: "FILE - An aerial view of …" (AP's style).
_FILE_PHOTO = re.compile(r"FILE (?:-|–|—) ")
# "Startseite > Politik > Ausland": split at the separators, not matched by one regex,
# whose nested repetition backtracked exponentially on a long line that is no breadcrumb.
_BREADCRUMB_SEPARATOR = re.compile(r"\s[>›»|/]\s")
_NUMBERED_NAVIGATION = re.compile(r"\d{1,2}\.\s+\S")  # "1. Startseite"
_BREADCRUMB_PART_CHARS = 40
_GLYPHS = re.compile(r"[\u2580-\u259f\u25a0-\u25ff]")
# A line longer than this is no date line, byline or headline: the short-line
# patterns are tried only on short lines.
SHORT_LINE = 200
SENTENCE_ENDS = (".", "!", "?", "…", "“", '"', "»", "”", "'", "’")


# Why a paragraph was dropped, as the draft lists it.
BANNER = "banner (cookies, consent, subscription)"
NAVIGATION = "navigation (breadcrumb, menu, share buttons)"
PAGE_HEAD = "page furniture above the article"
PHOTO_CREDIT = "photo credit"
PHOTO_CAPTION = "photo caption"
AFTER_ARTICLE = "after the article (comments, teasers, footer)"
INLINE_TEASER = "a link to another article inside this one"
DATE_LINE = "date line (read as the date of publication)"
UPDATE_LINE = "date of an update"
BYLINE = "byline"
KICKER = "kicker (topic line above the headline)"
CREDIT_LINE = "credit line"


def furniture_reason(paragraph: str, in_body: bool = False) -> str | None:
    """Why a paragraph is page furniture (banner, navigation, credits), or None.

    Inside the body the test is stricter: an article about data protection says
    "Datenschutz" in its sentences, a banner says it in most of them.
    """
    if _GLYPHS.search(paragraph):
        return NAVIGATION
    if _PHOTO_CREDIT.match(paragraph) and not read_date_line(paragraph):  # "Quelle: dpa, 12.03."
        return PHOTO_CREDIT
    if END_OF_ARTICLE.match(paragraph):
        return AFTER_ARTICLE
    strong = len(_STRONG_FURNITURE.findall(paragraph))
    weak = len(_WEAK_FURNITURE.findall(paragraph))
    words = len(paragraph.split())
    if in_body:
        banner = (strong >= 1 and words <= 25) or ((strong + weak) * 8 >= words >= 1 and strong)
        return BANNER if banner else None
    if len(paragraph) <= SHORT_LINE and read_date_line(paragraph):
        return None  # "Jane Doe Published March 4, 2022 | 03:10 PM": parts, but a date line
    if is_breadcrumb(paragraph):
        return NAVIGATION
    if strong:
        return BANNER
    # Weak words alone ("jetzt", "hier", "teilen") make a menu line, not a sentence: a
    # one-sentence lead paragraph of wire copy says them too (a banner says several).
    if paragraph.endswith(SENTENCE_ENDS) and ". " not in paragraph and words >= 5:
        return None
    return NAVIGATION if weak >= 2 and weak * 12 >= words else None


def is_furniture(paragraph: str, in_body: bool = False) -> bool:
    return furniture_reason(paragraph, in_body) is not None


def is_breadcrumb(line: str) -> bool:
    """A navigation line: short parts between separators, none a sentence."""
    if _NUMBERED_NAVIGATION.match(line):
        return True
    if any(mark in line for mark in ".!?"):
        return False
    parts = _BREADCRUMB_SEPARATOR.split(line)
    return len(parts) >= 2 and all(0 < len(part) <= _BREADCRUMB_PART_CHARS for part in parts)


def is_caption(paragraph: str, next_one: str) -> bool:
    """A photo caption: above its credit line, ending with its credit, or an archive
    picture's."""
    return is_photo_credit(next_one) or is_credited_caption(paragraph)


def is_credited_caption(paragraph: str) -> bool:
    """A caption that says so itself: ending with its credit, or an archive picture's
    ("FILE - An aerial view of …")."""
    return ends_with_photo_credit(paragraph) or bool(_FILE_PHOTO.match(paragraph))


def is_photo_credit(line: str) -> bool:
    """ "Foto: dpa", "Photo: Jane Roe/AP": a credit line (not "Quelle: dpa, 12.03.2024")."""
    return bool(_PHOTO_CREDIT.match(line)) and not read_date_line(line)


def ends_with_photo_credit(line: str) -> bool:
    """ "… in Derna (Foto: AFP)", "… in Derna. Photo: Reuters": a caption's last words."""
    return bool(_CREDITED_CAPTION.search(line))
