"""An article as text: read it (plain text or HTML), drop the page around it, split sentences.

A scraped page carries a consent banner, a breadcrumb, photo credits and "Themen folgen"
around the article. What is kept: headline, date line, author line and body. HTML goes
through trafilatura (a maintained extractor), then through the same cleaning as text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.draft.agencies import AGENCIES, is_agency
from dashboard.draft.date_order import numeric_date_order
from dashboard.draft.date_parts import join_date_parts
from dashboard.draft.datelines import (
    DateLine,
    Dateline,
    read_date_line,
    read_dateline,
    split_date_head,
    split_date_prefix,
)
from dashboard.draft.model import DroppedText
from dashboard.draft.page_furniture import (
    AFTER_ARTICLE,
    BYLINE,
    CREDIT_LINE,
    DATE_LINE,
    END_OF_ARTICLE,
    INLINE_TEASER,
    KICKER,
    PAGE_HEAD,
    PHOTO_CAPTION,
    SENTENCE_ENDS,
    SHORT_LINE,
    UPDATE_LINE,
    ends_with_photo_credit,
    furniture_reason,
    is_caption,
    is_credited_caption,
    is_furniture,
    is_photo_credit,
)
from dashboard.draft.sentences import Sentence, split_sentences
from dashboard.draft.signatures import read_signature

# An article larger than this is not an article (and would make the draft slow).
MAX_ARTICLE_BYTES = 2 * 1024 * 1024

# A link to another story inside this one: its heading, a colon, that story's title.
_INLINE_TEASER = re.compile(
    r"^(?:das könnte sie auch interessieren|mehr zum thema|lesen sie auch|auch interessant|"
    r"weitere artikel|related(?: stories| articles)?|read more|also read|more on this)\s*:",
    re.IGNORECASE,
)
_STORY_GOES_ON_WORDS = 15  # a paragraph this long after the teaser is the story again
_CLOSING_CREDIT = re.compile(r"\s*\([\w/ .-]{1,30}\)$")  # "… fiel der Strom aus. (dpa)"
_AGENCIES = "|".join(sorted(AGENCIES, key=lambda name: (-len(name), name)))
# "Jan Kuhlmann, dpa" at the end of the last paragraph, or on its own line.
# Names are words of a capital and letters, one space apart, each taken whole
# (possessive): no way to split "AAAA" into several names, so no backtracking blow-up.
_NAME = r"[A-ZÄÖÜ][\w'’-]*+(?: [A-ZÄÖÜ][\w'’-]*+){1,3}"
_AUTHOR_AT_END = re.compile(
    rf"(?:^|(?<=[.!?“”\"»«]) )(?P<author>{_NAME}),\s*+(?P<publisher>(?i:{_AGENCIES}))\s*+$"
)
# "By Jane Doe, Reuters", "Von Anna Berger und Tom Kraus (dpa)", "By JOHN ROE | The Times".
_ONE_AUTHOR = r"[A-ZÄÖÜ][\w'’.-]*+(?: [A-ZÄÖÜ][\w'’.-]*+){0,3}"
_BYLINE = re.compile(
    rf"^(?:[Vv]on|[Bb]y|VON|BY)\s++(?P<author>{_ONE_AUTHOR}"
    rf"(?: (?i:and|und|&) {_ONE_AUTHOR}){{0,3}})"
    r"(?:\s*+[,(/|]\s*+(?P<publisher>[A-Za-z][\w-]*+(?: [\w-]++)*+)\)?)?\s*+$"
)
_AGENCY_CODES = re.compile(r"\(?(?P<codes>[\w-]{1,12}(?:/[\w-]{1,12}){0,5})\)?\.?")
# "Associated Press writer Ana Ruiz contributed to this report.", "Reporting by Ana Ruiz;
# editing by Tom Hale", "Mitarbeit: Tom Kraus"
_CREDIT_LINE = re.compile(
    r"(?i)^(?:[^.!?]{0,200}\bcontributed (?:to )?(?:this )?report(?:ing)?\b|mitarbeit:|"
    r"(?:additional )?(?:reporting|writing|editing) by\b|"
    r"[^.!?]{0,200}\bhat zu diesem bericht beigetragen)"
)
_BYLINE_PARAGRAPHS = 4  # a byline below the lead's photo caption, not "By Tuesday" later
_SPACES = re.compile(r"[ \t]++")
# Hard-wrapped text ("… weite Teile von Porto" / "Alegre unter Wasser."): its lines are
# at least this wide, and each wrapped line fills most of the width.
_WRAPPED_LINE = 50
_WRAP_FILL = 0.75
_WRAPPED_BLOCK_LINES = 3


@dataclass
class Article:
    """The article's parts after the page around it was dropped."""

    headline: str  # "" when the text has none (a paste of body text only)
    body: list[str]  # paragraphs, teaser first
    date_line: str | None = None  # the line the publication date was read from, as written
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str = "de"
    # Every paragraph (or part of one) not in headline or body, with why: nothing is lost.
    dropped: list[DroppedText] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    published: dt.date | None = None  # from a date line, a dateline or the page's metadata
    updated: dt.date | None = None  # a later version's date the text gives beside it
    dateline: Dateline | None = None  # "VALENCIA, Spain (AP) —": where the report was filed
    date_order: str | None = None  # "day" or "month": how its "03/04/2024" is read

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
    """One paragraph a line, except where a text is wrapped by hand: a long line that
    ends mid-sentence, and that the next line's first word would not have fitted (the
    block's longest line is the wrapping width), goes on in the next line. A headline
    above a longer lead in the same block is not joined to it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    paragraphs: list[str] = []
    for block in text.split("\n\n"):
        lines = [_SPACES.sub(" ", raw).strip() for raw in block.split("\n")]
        lines = [line for line in lines if line]
        width = max((len(line) for line in lines), default=0)
        # Wrapped by a page's own varying width, the next word often would have fitted: a
        # block with many long lines ending mid-sentence is wrapped throughout.
        broken = sum(_ends_mid_sentence(line, width) for line in lines)
        throughout = broken >= _WRAPPED_BLOCK_LINES and broken * 4 >= len(lines)
        wrapped = False
        for number, line in enumerate(lines):
            if wrapped:
                paragraphs[-1] += " " + line
            else:
                paragraphs.append(line)
            next_line = lines[number + 1] if number + 1 < len(lines) else ""
            following = next_line.split(" ", 1)[0]
            wrapped = (
                _ends_mid_sentence(line, width)
                and not _captions_apart(line, next_line)
                and (
                    throughout or following[:1].islower() or len(line) + 1 + len(following) > width
                )
            )
    return join_date_parts(paragraphs)


def _captions_apart(line: str, next_line: str) -> bool:
    """Photo captions in a row, each ending with its credit ("… (Foto: AFP)", "… in Derna.
    Foto: dpa") or above its credit line, are as many paragraphs: a caption's line does
    not wrap into the next, whatever its width."""
    return ends_with_photo_credit(line) or is_photo_credit(next_line)


def _ends_mid_sentence(line: str, width: int) -> bool:
    return (
        width >= _WRAPPED_LINE
        and len(line) >= _WRAP_FILL * width
        and not line.endswith((*SENTENCE_ENDS, ":", ";"))
    )


def _is_sentence(paragraph: str) -> bool:
    return len(paragraph.split()) >= 4 and paragraph.endswith(SENTENCE_ENDS)


def _is_body(paragraph: str) -> bool:
    return len(paragraph) >= 200 and paragraph.count(". ") >= 1 and not is_furniture(paragraph)


def detect_language(text: str) -> str:
    words = re.findall(r"[a-zäöüß]+", text.lower())
    de = sum(w in _GERMAN_WORDS for w in words)
    en = sum(w in _ENGLISH_WORDS for w in words)
    return "en" if en > de else "de"


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_GERMAN_WORDS = _word_set(
    """der die das und ist nicht sich mit den dem ein eine auch auf für von zu im wird wurde
    sind sei haben hat noch nach bei aus wie oder dass"""
)
_ENGLISH_WORDS = _word_set(
    """the and is are was were not with of to in on for from by has have had that this
    which will would said at as"""
)


def article_from_text(text: str) -> Article:
    """Keep headline, date line, author line and body of a scraped page's text; list every
    other paragraph in `dropped` with the reason."""
    paragraphs = _paragraphs(text)
    if not paragraphs:
        raise ArticleError("the text is empty")
    # A long caption that names itself one ("FILE - An aerial view of …", "… (AP Photo/Jane
    # Roe)") above the headline opens no body: the headline below it stays the headline.
    first_body = next(
        (i for i, p in enumerate(paragraphs) if _is_body(p) and not is_credited_caption(p)), None
    )
    if first_body is None:  # short paragraphs (wire copy): the first sentence starts it
        first_body = next(
            (i for i, p in enumerate(paragraphs) if _is_sentence(p) and not is_furniture(p)),
            next((i for i, p in enumerate(paragraphs) if not is_furniture(p)), 0),
        )
    # The page's head: drop everything up to the last furniture before the first body
    # paragraph (banner, breadcrumb); a photo caption is the paragraph before its credit.
    start = 0
    for i in range(first_body):
        if is_furniture(paragraphs[i]):
            start = i + 1
    dropped = [DroppedText(p, furniture_reason(p) or PAGE_HEAD) for p in paragraphs[:start]]
    head: list[str] = []
    for i in range(start, first_body):
        paragraph = paragraphs[i]
        next_one = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        captioned = is_caption(paragraph, next_one)
        reason = PHOTO_CAPTION if captioned else furniture_reason(paragraph)
        if reason:
            dropped.append(DroppedText(paragraph, reason))
        else:
            head.append(paragraph)
    order = numeric_date_order(detect_language(text), paragraphs)
    article = _read_head(head, dropped, order)
    below = _take_date_lines(article, _body(paragraphs, first_body, dropped))
    _read_dateline(article)
    _set_published(article, below)  # a date line below the text counts last
    _read_signature(article)
    article.language = detect_language(" ".join(article.body) or text)
    _take_author(article)
    article.sentences = split_sentences(article.headline, article.body)
    return article


def _body(paragraphs: list[str], first: int, dropped: list[DroppedText]) -> list[str]:
    body: list[str] = []
    for i in range(first, len(paragraphs)):
        paragraph = paragraphs[i]
        next_one = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if _is_inline_teaser(paragraph, next_one):
            dropped.append(DroppedText(paragraph, INLINE_TEASER))
            continue
        if END_OF_ARTICLE.match(paragraph):
            dropped.extend(DroppedText(p, AFTER_ARTICLE) for p in paragraphs[i:])
            break
        reason = furniture_reason(paragraph, in_body=True)
        if reason is None and len(paragraph) < 400 and is_caption(paragraph, next_one):
            reason = PHOTO_CAPTION
        if reason is None and len(paragraph) <= SHORT_LINE and _CREDIT_LINE.match(paragraph):
            reason = CREDIT_LINE
        if reason:
            dropped.append(DroppedText(paragraph, reason))
        else:
            body.append(paragraph)
    return body


def _is_inline_teaser(paragraph: str, next_one: str) -> bool:
    """ "Das könnte Sie auch interessieren: Warum …" with the story going on below it:
    a link to another article placed inside this one, not the end of it."""
    teaser = _INLINE_TEASER.match(paragraph)
    return (
        teaser is not None
        and len(paragraph[teaser.end() :].split()) >= 3
        and _is_sentence(_CLOSING_CREDIT.sub("", next_one))
        and len(next_one.split()) >= _STORY_GOES_ON_WORDS
    )


def _is_title(paragraph: str) -> bool:
    """A headline: a short line of several words that is not a date line or a byline."""
    return (
        3 <= len(paragraph.split()) <= 25
        and len(paragraph) <= 160
        and not paragraph.endswith((".", ":", "?", "!", "…"))
        and read_date_line(paragraph) is None
        and not _BYLINE.match(paragraph)
    )


def _is_kicker(paragraph: str) -> bool:
    """ "Terrorismus", "Krieg in Nahost": a topic line of a few words, no sentence."""
    return len(paragraph.split()) <= 4 and not paragraph.endswith((".", "!", "?", "…"))


def _read_head(head: list[str], dropped: list[DroppedText], order: str | None) -> Article:
    """Date lines, bylines, kicker and headline of the lines above the body; every other
    head line (teaser, lead sentences of wire copy) goes to the body, nothing is lost."""
    headline = ""
    lead: list[str] = []
    author = publisher = filed_from = None
    dates: list[tuple[DateLine, str]] = []
    for i, line in enumerate(head):
        glued = split_date_head(line) if len(line) <= SHORT_LINE else None
        if glued and _is_title(glued[1]) and not read_date_line(line, order):  # "12.03.2024 10:17"
            dates.append((glued[0], line[: -len(glued[1])].strip()))
            dropped.append(DroppedText(dates[-1][1], DATE_LINE))
            head[i] = line = glued[1]
        short = len(line) <= SHORT_LINE
        date_line = read_date_line(line, order) if short else None
        byline = _BYLINE.match(line) if short and not date_line else None
        if date_line:
            dates.append((date_line, line))
            dropped.append(DroppedText(line, UPDATE_LINE if date_line.updated else DATE_LINE))
            author, publisher = author or date_line.author, publisher or date_line.publisher
        elif byline:
            by, place = _publisher_or_place(byline["publisher"])
            author, publisher = author or byline["author"], publisher or by
            filed_from = filed_from or place
            dropped.append(DroppedText(line, BYLINE))
        elif headline or lead:
            lead.append(line)
        elif _kicker_before(head, i):
            dropped.append(DroppedText(line, KICKER))
        elif _is_title(line) or _is_kicker(line):
            headline = line
        else:
            lead.append(line)
    if not headline:
        headline = _rescued_headline(dropped)
    article = Article(headline, lead, author=author, publisher=publisher, dropped=dropped)
    article.date_order = order
    article.dateline = _byline_dateline(filed_from)
    _set_published(article, dates)
    return article


def _take_date_lines(article: Article, body: list[str]) -> list[tuple[DateLine, str]]:
    """The body after the head, less date lines in it ("Stand: …" below the lead), which
    are returned, and bylines among its first paragraphs (below a photo caption)."""
    dates: list[tuple[DateLine, str]] = []
    for number, line in enumerate(body):
        short = len(line) <= SHORT_LINE
        date_line = read_date_line(line, article.date_order) if short else None
        byline = _BYLINE.match(line) if short and number < _BYLINE_PARAGRAPHS else None
        if date_line:
            dates.append((date_line, line))
            reason = UPDATE_LINE if date_line.updated else DATE_LINE
            article.dropped.append(DroppedText(line, reason))
            article.author = article.author or date_line.author
            article.publisher = article.publisher or date_line.publisher
        elif byline:
            by, place = _publisher_or_place(byline["publisher"])
            article.author = article.author or byline["author"]
            article.publisher = article.publisher or by
            article.dateline = article.dateline or _byline_dateline(place)
            article.dropped.append(DroppedText(line, BYLINE))
        else:
            article.body.append(line)
    return dates


def _publisher_or_place(written: str | None) -> tuple[str | None, str | None]:
    """ "Von Anna Muster, Nairobi": one word after the author that is no agency is more often
    the place written from than a publisher; "Associated Press", "dpa" are publishers."""
    if written and " " not in written and not is_agency(written) and not written.isupper():
        return None, written
    return written, None


def _byline_dateline(place: str | None) -> Dateline | None:
    """Where the byline says the report was written, a dateline of no text in the lead;
    the lead's own dateline, read after it, counts first."""
    if place is None:
        return None
    return Dateline(text="", place=place, region=None, agency=None, date=None, name_only=True)


def _set_published(article: Article, dates: list[tuple[DateLine, str]]) -> None:
    """The first publication date counts; an update's date only when there is no other.
    An update's date beside the first publication's is kept to say which one counted."""
    updates = [d.updated_on or d.date for d, _ in dates if d.updated or d.updated_on]
    article.updated = article.updated or next(iter(updates), None)
    for date_line, line in sorted(dates, key=lambda found: found[0].updated):
        if article.published is None or (not date_line.updated and _from_update(article)):
            article.published, article.date_line = date_line.date, line
        return


def _from_update(article: Article) -> bool:
    line = article.date_line or ""
    found = read_date_line(line, article.date_order) if line else None
    return bool(found and found.updated)


def _kicker_before(head: list[str], i: int) -> bool:
    """Is head line i a kicker ("Krieg in Nahost") above a longer headline?"""
    following = next(
        (
            line
            for line in head[i + 1 :]
            if len(line) > SHORT_LINE or not (read_date_line(line) or _BYLINE.match(line))
        ),
        "",
    )
    return (
        len(head[i].split()) <= 3
        and len(head[i]) <= 30
        and _is_title(following)
        and len(following) > len(head[i])
    )


def _rescued_headline(dropped: list[DroppedText]) -> str:
    """A headline above the banner ("Headline", then "Accept all cookies"): the last
    title-like line before the page's furniture block."""
    for item in reversed(dropped):
        if item.reason == PAGE_HEAD and _is_title(item.text):
            dropped.remove(item)
            return item.text
    return ""


# How many paragraphs of the body the dateline is looked for in, lines without a sentence
# included: a page may stand a kicker, a second title, a byline's lines and a date line
# before it ("world", "By", "AFP", "Thursday Sep 16, 2021", the title again).
_DATELINE_LOOK = 12
# Of those, how many that read as sentences: the lead, or the paragraph after a teaser, or
# after a second title and a teaser ('21 Verletzte durch Sturmtief "Klaus"').
_DATELINE_PARAGRAPHS = 3


def _read_dateline(article: Article) -> None:
    """Read "VALENCIA, Spain (AP) —" at the start of the lead (or of the paragraph after a
    teaser). It stays in the text: its place is one the article names. Short lines that
    are no sentences ("Posted", "and last updated", a video's title) are read past."""
    paragraphs = [
        p for p in article.body[:_DATELINE_LOOK] if _is_sentence(p) or len(p.split()) > 12
    ][:_DATELINE_PARAGRAPHS]
    for number, paragraph in enumerate(paragraphs):
        paragraph = _split_byline_prefix(article, _split_date_prefix(article, paragraph))
        dateline = read_dateline(paragraph, bare=True)
        if dateline is None or (dateline.name_only and number > 0):
            continue  # "Mosul. Ein Name, der …" further down is a sentence
        article.dateline = dateline
        if dateline.date is not None and (article.published is None or _from_update(article)):
            article.published, article.date_line = dateline.date, dateline.text
        if not article.publisher and dateline.agency:
            article.publisher = dateline.agency
        return


# "Von Anna Muster, Nairobi. Bei …", "By Jane Roe, NAIROBI, Kenya (AP) —": a byline before
# the dateline, in the lead paragraph.
_BYLINE_PREFIX = re.compile(
    rf"(?:[Vv]on|[Bb]y|VON|BY) (?P<author>{_ONE_AUTHOR}(?: (?i:and|und) {_ONE_AUTHOR})?), "
    r"(?=[A-ZÄÖÜ])"
)


def _split_byline_prefix(article: Article, paragraph: str) -> str:
    """The paragraph from its dateline on when a byline stands before it, the byline
    dropped as one; the paragraph as it is otherwise."""
    byline = _BYLINE_PREFIX.match(paragraph)
    if byline is None or read_dateline(paragraph[byline.end() :], bare=True) is None:
        return paragraph
    article.body[article.body.index(paragraph)] = paragraph[byline.end() :]
    article.dropped.append(DroppedText(paragraph[: byline.end()].rstrip(" ,"), BYLINE))
    article.author = article.author or byline["author"]
    return paragraph[byline.end() :]


def _split_date_prefix(article: Article, paragraph: str) -> str:
    """ "12.03.2024, 14:05 Uhr Kathmandu (dpa) - …": the date line before the dateline is
    read as one and dropped from the text; the paragraph from its dateline on."""
    found = split_date_prefix(paragraph, article.date_order)
    if found is None:
        return paragraph
    date_line, start = found
    article.body[article.body.index(paragraph)] = paragraph[start:]
    prefix = paragraph[:start].strip()
    article.dropped.append(DroppedText(prefix, UPDATE_LINE if date_line.updated else DATE_LINE))
    article.author = article.author or date_line.author
    _set_published(article, [(date_line, prefix)])
    return paragraph[start:]


def _read_signature(article: Article) -> None:
    """ "… das Leben. (APA, 3.7.2017)": the agency and date closing the report, read as its
    publisher and, when no date line gave one, its date; not a sentence of the text."""
    signature = read_signature(article.body[-1]) if article.body else None
    if signature is None:
        return
    last = article.body[-1]
    article.dropped.append(DroppedText(last[signature.start :].strip(), DATE_LINE))
    rest = last[: signature.start].rstrip()
    if rest:
        article.body[-1] = rest
    else:
        article.body.pop()
    article.publisher = article.publisher or signature.agency
    if article.published is None and signature.date:
        article.published, article.date_line = signature.date, last[signature.start :].strip()


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
        article.dropped.append(DroppedText(last[match.start() :].strip(), BYLINE))
        if rest:
            article.body[-1] = rest
        else:
            article.body.pop()
        return
    byline = _BYLINE.match(last) if len(last) <= SHORT_LINE else None
    if byline:
        article.author = article.author or byline["author"].strip()
        article.publisher = article.publisher or byline["publisher"]
        article.dropped.append(DroppedText(article.body.pop(), BYLINE))
        return
    codes = _AGENCY_CODES.fullmatch(last)
    agencies = [code for code in codes["codes"].split("/") if is_agency(code)] if codes else []
    if agencies:  # "(dpa/AFP)", "lrs/dpa": agencies and editors' initials under a report
        main = next((code for code in agencies if code.lower() in AGENCIES), agencies[0])
        article.publisher = article.publisher or main
        article.dropped.append(DroppedText(article.body.pop(), CREDIT_LINE))
