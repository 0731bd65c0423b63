"""An article as text: read it (plain text or HTML), drop the page around it, split sentences.

A scraped page carries a consent banner, a breadcrumb, photo credits and "Themen folgen"
around the article. What is kept: headline, date line, author line and body. HTML goes
through trafilatura (a maintained extractor), then through the same cleaning as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.draft.sentences import Sentence, split_sentences

# An article larger than this is not an article (and would make the draft slow).
MAX_ARTICLE_BYTES = 2 * 1024 * 1024

# Words of consent banners, subscription offers and page navigation. A paragraph with one
# of the strong ones, or two of the weak ones, is page furniture, not article.
_STRONG_FURNITURE = re.compile(
    r"cookie|tracking|datenschutz|einwilligung|privatsphäre|werbetracking|pur-abo|"
    r"newsletter|akzeptieren|consent|privacy (?:policy|settings)|subscribe|sign up|"
    r"log ?in\b|anmelden|abonnent|zustimmen|verarbeitungszweck|drittanbieter|"
    r"personalisierte (?:werbung|anzeigen)|all rights reserved|alle rechte vorbehalten|"
    r"javascript",
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
_END_OF_ARTICLE = re.compile(
    r"^(?:themen folgen|die diskussion ist geschlossen|kommentare?\b|diskutieren sie mit|"
    r"mehr zum thema|das könnte sie auch interessieren|weitere artikel|"
    r"comments?\b|related (?:stories|articles)|more (?:from|on) |most read|"
    r"share this (?:article|story))",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(r"^(?:foto|fotos|bild|bilder|photo|image|credit|quelle)\s*:", re.I)
# "Startseite > Politik > Ausland": split at the separators, not matched by one regex,
# whose nested repetition backtracked exponentially on a long line that is no breadcrumb.
_BREADCRUMB_SEPARATOR = re.compile(r"\s[>›»|/]\s")
_NUMBERED_NAVIGATION = re.compile(r"\d{1,2}\.\s+\S")  # "1. Startseite"
_BREADCRUMB_PART_CHARS = 40
_GLYPHS = re.compile(r"[\u2580-\u259f\u25a0-\u25ff]")
_AGENCIES = (
    "dpa|AFP|Reuters|AP|epd|KNA|SID|APA|Keystone-SDA|sda|ANP|Belga|EFE|ANSA|TT|"
    "dpa-AFX|Bloomberg|Xinhua|Tass|Interfax|Anadolu|AA"
)
# "Jan Kuhlmann, dpa" at the end of the last paragraph, or on its own line.
# Names are words of a capital and letters, one space apart, each taken whole
# (possessive): no way to split "AAAA" into several names, so no backtracking blow-up.
_NAME = r"[A-ZÄÖÜ][\w'’-]*+(?: [A-ZÄÖÜ][\w'’-]*+){1,3}"
_AUTHOR_AT_END = re.compile(
    rf"(?:^|(?<=[.!?“”\"»«]) )(?P<author>{_NAME}),\s*+(?P<publisher>{_AGENCIES})\s*+$"
)
_BYLINE = re.compile(
    r"^(?:[Vv]on|[Bb]y)\s++(?P<author>[A-ZÄÖÜ][\w'’.-]*+(?: [A-ZÄÖÜ][\w'’.-]*+){0,3})"
    rf"(?:\s*+[,(/]\s*+(?P<publisher>{_AGENCIES}|[A-Z][\w]*+(?: [\w]++)*+)\)?)?\s*+$"
)
# A head line longer than this is no date line, byline or headline: the short-line
# patterns are tried only on short lines.
_SHORT_LINE = 200

_MONTHS = (
    "januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|"
    "dezember|january|february|march|may|june|july|october|december"
)
_DATE_LINE = re.compile(
    r"^(?:[A-Za-zÄÖÜäöü]+,?\s+)?(?:"
    r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|"
    rf"\d{{1,2}}\.?\s+(?:{_MONTHS})\s+\d{{4}}|(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}})"
    r"(?:[,\s|]+(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|[A-Z]{2,4}))?)?\s*$",
    re.IGNORECASE,
)


@dataclass
class Article:
    """The article's parts after the page around it was dropped."""

    headline: str
    body: list[str]  # paragraphs, teaser first
    date_line: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str = "de"
    dropped: list[str] = field(default_factory=list)  # furniture, for the journalist to see
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join([self.headline, *self.body])


class ArticleError(ValueError):
    """The input is not an article we can read."""


def read_article_file(path: str | Path) -> Article:
    """An article from a .txt or .html file."""
    path = Path(path)
    with path.open("rb") as file:  # limited by what is read: stat() says 0 for a device
        raw = file.read(MAX_ARTICLE_BYTES + 1)
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{path}: more than {MAX_ARTICLE_BYTES:,} bytes")
    if path.suffix.lower() in (".html", ".htm"):
        return article_from_html(raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{path}: not UTF-8 text (byte {error.start})") from None
    return article_from_text(text)


def article_from_html(raw: bytes | str) -> Article:
    """The article inside an HTML page, extracted by trafilatura."""
    import trafilatura  # imported here: plain-text drafts need not pay for it

    document = trafilatura.bare_extraction(
        raw, include_comments=False, include_tables=False, with_metadata=True
    )
    if document is None or not (document.text or "").strip():
        raise ArticleError("no article text found in the HTML page")
    lines = [line for line in (document.text or "").splitlines() if line.strip()]
    head = [document.title] if document.title else []
    if document.date:
        head.append(document.date)
    article = article_from_text("\n\n".join([*head, *lines]))
    if document.title:
        article.headline = document.title.strip()
    if document.author and not article.author:
        article.author = document.author.strip()
    if document.sitename and not article.publisher:
        article.publisher = document.sitename.strip()
    article.url = document.url or None
    return article


def _paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n") if line.strip()]


def is_furniture(paragraph: str, in_body: bool = False) -> bool:
    """True for a paragraph of page furniture (banner, navigation, credits).

    Inside the body the test is stricter: an article about data protection says
    "Datenschutz" in its sentences, a banner says it in most of them.
    """
    if _GLYPHS.search(paragraph) or _PHOTO_CREDIT.match(paragraph):
        return True
    if _END_OF_ARTICLE.match(paragraph):
        return True
    strong = len(_STRONG_FURNITURE.findall(paragraph))
    weak = len(_WEAK_FURNITURE.findall(paragraph))
    words = len(paragraph.split())
    if in_body:
        return (strong >= 1 and words <= 25) or ((strong + weak) * 8 >= words >= 1 and strong >= 1)
    if is_breadcrumb(paragraph) or strong:
        return True
    return weak >= 2 and weak * 12 >= words


def is_breadcrumb(line: str) -> bool:
    """A navigation line: short parts between separators, none a sentence."""
    if _NUMBERED_NAVIGATION.match(line):
        return True
    if any(mark in line for mark in ".!?"):
        return False
    parts = _BREADCRUMB_SEPARATOR.split(line)
    return len(parts) >= 2 and all(0 < len(part) <= _BREADCRUMB_PART_CHARS for part in parts)


def _is_body(paragraph: str) -> bool:
    return len(paragraph) >= 200 and paragraph.count(". ") >= 1 and not is_furniture(paragraph)


def detect_language(text: str) -> str:
    words = re.findall(r"[a-zäöüß]+", text.lower())
    de = sum(w in _GERMAN_WORDS for w in words)
    en = sum(w in _ENGLISH_WORDS for w in words)
    return "en" if en > de else "de"


_GERMAN_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "sich",
        "mit",
        "den",
        "dem",
        "ein",
        "eine",
        "auch",
        "auf",
        "für",
        "von",
        "zu",
        "im",
        "wird",
        "wurde",
        "sind",
        "sei",
        "haben",
        "hat",
        "noch",
        "nach",
        "bei",
        "aus",
        "wie",
        "oder",
        "dass",
    ]
)
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "is",
        "are",
        "was",
        "were",
        "not",
        "with",
        "of",
        "to",
        "in",
        "on",
        "for",
        "from",
        "by",
        "has",
        "have",
        "had",
        "that",
        "this",
        "which",
        "will",
        "would",
        "said",
        "at",
        "as",
    ]
)


def article_from_text(text: str) -> Article:
    """Keep headline, date line, author line and body of a scraped page's text."""
    paragraphs = _paragraphs(text)
    if not paragraphs:
        raise ArticleError("the text is empty")
    first_body = next((i for i, p in enumerate(paragraphs) if _is_body(p)), None)
    if first_body is None:
        first_body = next((i for i, p in enumerate(paragraphs) if not is_furniture(p)), 0)
    # The page's head: drop everything up to the last furniture before the first body
    # paragraph (banner, breadcrumb); a photo caption is the paragraph before its credit.
    start = 0
    for i in range(first_body):
        if is_furniture(paragraphs[i]):
            start = i + 1
    dropped = paragraphs[:start]
    head: list[str] = []
    for i in range(start, first_body):
        paragraph = paragraphs[i]
        next_one = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if _PHOTO_CREDIT.match(next_one) or is_furniture(paragraph):
            dropped.append(paragraph)
        else:
            head.append(paragraph)
    body: list[str] = []
    for i in range(first_body, len(paragraphs)):
        paragraph = paragraphs[i]
        if _END_OF_ARTICLE.match(paragraph):
            dropped.extend(paragraphs[i:])
            break
        next_one = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if is_furniture(paragraph, in_body=True) or (
            _PHOTO_CREDIT.match(next_one) and len(paragraph) < 400
        ):
            dropped.append(paragraph)
        else:
            body.append(paragraph)
    if not any(_is_title(p) for p in head):
        # A headline above the banner ("Headline", then "Accept all cookies"): the last
        # title-like line before the page's furniture block.
        rescued = next((p for p in reversed(dropped) if _is_title(p) and not is_furniture(p)), None)
        if rescued is not None:
            dropped.remove(rescued)
            head.insert(0, rescued)
    article = _with_head(head, body)
    article.dropped = dropped
    article.language = detect_language(" ".join(article.body) or text)
    _take_author(article)
    article.sentences = split_sentences(article.headline, article.body)
    return article


def _is_title(paragraph: str) -> bool:
    """A headline: a short line of several words that is not a date line or a byline."""
    return (
        3 <= len(paragraph.split()) <= 25
        and len(paragraph) <= 160
        and not paragraph.endswith((".", ":", "?"))
        and not _DATE_LINE.match(paragraph)
        and not _BYLINE.match(paragraph)
    )


def _with_head(head: list[str], body: list[str]) -> Article:
    date_line = next((p for p in head if _DATE_LINE.match(p)), None)
    rest = [p for p in head if p is not date_line]
    # The headline is the longest short line of the head (a kicker such as
    # "Terrorismus" is shorter); a head line of whole sentences is the teaser.
    titles = [p for p in rest if len(p) <= 160 and not _BYLINE.match(p)]
    headline = max(titles, key=len) if titles else (body[0] if body else "")
    author = publisher = None
    for p in rest:
        byline = _BYLINE.match(p)
        if byline:
            author, publisher = byline["author"].strip(), byline["publisher"]
    teaser = [p for p in rest if p not in titles and not _BYLINE.match(p)]
    if not titles and body:
        body = body[1:]
    return Article(headline, teaser + body, date_line, author, publisher)


def _take_author(article: Article) -> None:
    """Split "Jan Kuhlmann, dpa" off the end of the last paragraph (or take its line)."""
    if not article.body:
        return
    last = article.body[-1]
    match = _AUTHOR_AT_END.search(last)
    if match:
        article.author = article.author or match["author"]
        article.publisher = article.publisher or match["publisher"]
        rest = last[: match.start()].rstrip()
        if rest:
            article.body[-1] = rest
        else:
            article.body.pop()
        return
    byline = _BYLINE.match(last)
    if byline:
        article.author = article.author or byline["author"].strip()
        article.publisher = article.publisher or byline["publisher"]
        article.body.pop()
