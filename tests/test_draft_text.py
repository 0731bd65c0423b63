"""Article text: page furniture dropped, headline/date/author kept, sentences split."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.draft.article import article_from_html, article_from_text, read_article_file
from dashboard.draft.sentences import split_paragraph

SEED = Path(__file__).resolve().parent / "data" / "articles" / "kalifat-2017-scraped.txt"


@pytest.fixture(scope="module")
def seed():
    return read_article_file(SEED)


def test_seed_keeps_headline_date_author_and_body(seed) -> None:
    assert seed.headline == "Das Kalifat des IS bricht zusammen"
    assert seed.date_line == "01.07.2017"
    assert (seed.author, seed.publisher) == ("Jan Kuhlmann", "dpa")
    assert seed.language == "de"
    assert seed.body[0].startswith("In Mossul im Irak")
    assert seed.body[-1].endswith("verstärkt auf Anschläge setzen.")  # author line split off


def test_seed_drops_banner_breadcrumb_and_footer(seed) -> None:
    text = " ".join(seed.body)
    for furniture in (
        "Cookies",
        "PUR-Abo",
        "Partner",
        "Startseite",
        "Themen folgen",
        "Die Diskussion ist geschlossen",
        "Foto:",
        "TTDSG",
    ):
        assert furniture not in text
        assert furniture not in seed.headline
    assert any(
        "Themen folgen" in d.text and d.reason.startswith("after the article") for d in seed.dropped
    )


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Das gilt z.B. gem. § 25 Abs. 1 TTDSG. Dann nicht.", 2),
        ("An jenem 29. Juni 2014 machte er es deutlich. Dann ging er.", 2),
        ("Am 01.07.2017 erschien der Text. Er war lang.", 2),
        ("Dennoch ist es zu früh. 2010 schien die Terrormiliz besiegt.", 2),
        ("Dr. Müller und Prof. Schmidt kamen. Mr. Smith went to Washington.", 2),
        ("Er sagte: „Er ist nicht in der Lage.“ Dann ging er.", 2),
        ("U.S. troops left on Dec. 13, 2016. They came back.", 2),
        ("Abu B. Bakr sprach u.a. über Geld. Danach nichts.", 2),
    ],
)
def test_sentence_splitting(paragraph: str, expected: int) -> None:
    assert len(split_paragraph(paragraph)) == expected, split_paragraph(paragraph)


def test_seed_sentences_are_verbatim(seed) -> None:
    texts = [s.text for s in seed.sentences]
    assert (
        "Laut des Institute for the Study of War in Washington sind in der Stadt 50000 bis "
        "100000 Zivilisten eingeschlossen." in texts
    )
    assert any(t.startswith("An jenem 29. Juni 2014 machte der") for t in texts)
    assert all(t in seed.text for t in texts)


def test_english_byline_and_language() -> None:
    article = article_from_text(
        "Home > World\n\nKurds take Manbij\n\nBy Jane Doe, Reuters\n\n"
        "Kurdish-led forces took the Syrian town of Manbij on Friday, the group said. "
        "It was the biggest gain in months for the alliance, which is backed by the "
        "United States. Residents celebrated in the streets of the town.\n\n"
        "Accept cookies to continue\n"
    )
    assert article.language == "en"
    assert article.headline == "Kurds take Manbij"
    assert article.author == "Jane Doe"
    assert "cookies" not in " ".join(article.body)


def test_html_goes_through_the_extractor() -> None:
    html = (
        "<html><head><title>Kurds take Manbij</title>"
        '<meta property="article:published_time" content="2016-08-12"></head><body>'
        "<nav>Home World Politics</nav><div id='cookie'>We use cookies. Accept all.</div>"
        "<article><h1>Kurds take Manbij</h1><p>Kurdish-led forces took the Syrian town of "
        "Manbij on Friday, the group said in a statement that was published online.</p>"
        "<p>It was the biggest gain in months for the alliance, which is backed by the "
        "United States and its partners in the coalition.</p></article>"
        "<footer>Subscribe to our newsletter</footer></body></html>"
    )
    article = article_from_html(html)
    assert article.headline == "Kurds take Manbij"
    text = " ".join(article.body)
    assert "Manbij" in text and "cookies" not in text and "newsletter" not in text
