"""Figures in a draft: what a number counts, where it belongs, and what is not a figure."""

from __future__ import annotations

import time

import pytest

from dashboard.draft import article_from_text, draft_article
from dashboard.draft.figures import find_figures, parse_number
from dashboard.draft.sentences import Sentence

# Generous: a linear scan of these takes well under a second; the quadratic one took
# close to a minute.
SECONDS = 5.0


def _body(text: str) -> list[Sentence]:
    return [Sentence(0, "Schlagzeile", 0), Sentence(1, text, 1)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(("In Mossul 1 " * 5000)[:50_000], id="place-and-number"),
        pytest.param(("1." * 12_500)[:25_000], id="digit-dot-run"),
        pytest.param(("1,5 " * 12_500)[:50_000], id="decimal-run"),
        pytest.param(("zwischen 3 und " * 4000)[:50_000], id="range-words"),
        pytest.param(("mehr als 20 Tote, " * 3000)[:50_000], id="qualified-counts"),
    ],
)
def test_figure_scanning_is_bounded_on_hostile_text(text: str) -> None:
    for language in ("de", "en"):
        started = time.perf_counter()
        find_figures(_body(text), language)
        assert time.perf_counter() - started < SECONDS, language


@pytest.mark.parametrize(
    "text",
    [
        ("In Mossul 1 " * 5000)[:50_000],
        ("In Mossul starben 12 Menschen, " * 2000)[:50_000],
    ],
)
def test_whole_draft_of_place_and_number_text_is_bounded(text: str) -> None:
    article = article_from_text("Titel\n\n" + text)
    started = time.perf_counter()
    draft_article(article)
    assert time.perf_counter() - started < 2 * SECONDS


def test_repeated_counts_are_read_not_skipped() -> None:
    draft = draft_article(article_from_text("Titel\n\n" + "In Mossul starben 12 Menschen, " * 50))
    assert draft.figures and all(f.low == 12 for f in draft.figures)


def figures_of(text: str, language: str) -> list:
    return [f for f in find_figures(_body(text), language) if f.keep]


def one_figure(text: str, language: str):
    (figure,) = figures_of(text, language)
    return figure


# --- what is counted, and what happened: the label keeps the noun and the verb -------


@pytest.mark.parametrize(
    ("language", "sentence", "low", "high", "words"),
    [
        (
            "de",
            "Bei den Überschwemmungen in der Provinz Sindh sind mindestens 1.200 Menschen "
            "ums Leben gekommen.",
            1200,
            1200,
            ("Menschen", "ums Leben"),
        ),
        (
            "de",
            "In El Fasher sind nach UN-Angaben zwischen 200.000 und 300.000 Zivilisten "
            "eingeschlossen.",
            200_000,
            300_000,
            ("Zivilisten", "eingeschlossen"),
        ),
        (
            "de",
            "Der Taifun zerstörte auf der Insel Luzon rund 10.000 Häuser.",
            10_000,
            10_000,
            ("Häuser", "zerstört"),
        ),
        ("de", "Im Atlasgebirge wurden 2.900 Menschen getötet.", 2900, 2900, ("getötet",)),
        ("de", "Mehr als 1,5 Millionen Menschen sind auf der Flucht.", 1.5e6, 1.5e6, ("Menschen",)),
        ("en", "The strike on Odesa killed at least two people.", 2, 2, ("people", "killed")),
        ("en", "At least 83 people were wounded in Kharkiv.", 83, 83, ("people", "wounded")),
        (
            "en",
            "Floods in Bahia displaced 50,000 to 100,000 people, officials said.",
            50_000,
            100_000,
            ("people", "displaced"),
        ),
        (
            "en",
            "Hurricane Otis destroyed about 1,200 homes along the coast.",
            1200,
            1200,
            ("homes", "destroyed"),
        ),
        (
            "en",
            "The cyclone left 1.5 million people without power in Odisha.",
            1.5e6,
            1.5e6,
            ("people",),
        ),
        (
            "en",
            "The death toll from the landslide in Kerala rose to 21 on Sunday.",
            21,
            21,
            ("death",),
        ),
    ],
)
def test_label_keeps_the_counted_noun_and_the_verb(
    language: str, sentence: str, low: float, high: float, words: tuple[str, ...]
) -> None:
    figure = one_figure(sentence, language)
    assert (figure.low, figure.high) == (low, high)
    for word in words:
        assert word in figure.counts, (word, figure.counts)
    assert "Zahl" not in figure.counts and "(" not in figure.counts


def test_label_shows_the_verb_and_the_qualifier_not_a_bare_noun() -> None:
    """The old label read "people (at least)": the verb was lost."""
    draft = draft_article(
        article_from_text(
            "Angriff auf Charkiw\n\nAt least 83 people were wounded in the attack, officials said."
        )
    )
    (figure,) = [f for f in draft.figures if f.keep]
    assert figure.label.startswith("people wounded (at least)")


def test_no_label_says_zahl_or_number() -> None:
    draft = draft_article(
        article_from_text("Meldung\n\nIn Goma wurden am Montag 12 gezählt, sagte ein Sprecher.")
    )
    assert all("Zahl" not in f.label and "number" not in f.label for f in draft.figures)


# --- what is not a figure -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("de", "Ein 34-Jähriger wurde in Valparaíso festgenommen."),
        ("de", "Der Fahrer (71) starb noch am Unfallort."),
        ("de", "Die 16 Jahre alte Schülerin wurde in Teheran festgenommen."),
        ("de", "Im Alter von 71 Jahren trat er zurück."),
        ("en", "A 71-year-old woman was rescued from the rubble in Hatay."),
        ("en", "The driver, aged 71, was taken to hospital."),
        ("en", "Maria Lopez, 71, said the water rose within minutes."),
        ("de", "Im Jahr 2019 hatte es in Mosambik ähnliche Fluten gegeben."),
        ("de", "Seit 2014 kontrolliert die Miliz die Region."),
        ("en", "In 2014, fighters seized the city of Mosul."),
        ("de", "Die Erde bebte erneut um 14:12 Uhr."),
        ("de", "Die Trauerfeier beginnt am Freitag ab 13.45 Uhr in Martigny."),
        ("en", "The quake struck at 2 p.m. local time."),
        ("de", "Am 31.10. rief die Regierung den Notstand aus."),
        ("de", "Das Feuer brach im dritten Stock aus."),
        ("de", "Das Feuer brach im 5. Stock eines Hochhauses aus."),
        ("en", "A 10-storey building collapsed in Lagos."),
        ("en", "A five-story residential building was hit in Kyiv."),
        ("de", "Informationen unter Tel. 030 2345678 oder +49 30 1234567."),
        ("en", "Call the hotline on +1 202 555 0199 for help."),
        ("de", "Seite 2 von 5"),
        ("en", "The Boeing 737 and an ATR 72 were grounded."),
        ("en", "A Level 3 out of 5 risk covers Interstate 80 near Omaha."),
        ("de", "Der Anteil stieg um 5 Prozent."),
        ("en", "There is a 30 percent chance of rain in Manila."),
    ],
)
def test_not_a_figure(language: str, sentence: str) -> None:
    assert figures_of(sentence, language) == []


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("de", "Rund 100 Kilogramm wog der Meteorit."),
        ("de", "Die Suche dauerte etwa vier bis fünf Wochen."),
        ("en", "Russia's defence ministry said its forces were about 120 km to the south-east."),
        ("en", "Winds of up to 210 km per hour destroyed roofs."),
    ],
)
def test_measures_stay_in_the_draft_but_are_not_kept(language: str, sentence: str) -> None:
    (figure,) = find_figures(_body(sentence), language)
    assert not figure.keep and "measure" in figure.reasons[0]


def test_a_count_of_two_thousand_is_not_a_year() -> None:
    assert one_figure("Im Jahr 2019 flohen 2000 Menschen aus Cabo Delgado.", "de").low == 2000


def test_the_strength_of_a_quake_is_a_figure() -> None:
    assert one_figure("Ein Erdbeben der Stärke 7,8 erschütterte die Region.", "de").low == 7.8
    assert one_figure("A magnitude 6.8 quake struck the Atlas mountains.", "en").low == 6.8


def test_election_share_is_a_figure() -> None:
    figure = one_figure("Die Partei erhielt 38,5 Prozent der Stimmen.", "de")
    assert (figure.low, figure.unit) == (38.5, "%")
    assert one_figure("The ruling party won 52.3 percent of the vote.", "en").low == 52.3


# --- changes and ranges ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("de", "Die Zahl der Toten stieg von 47 auf 96."),
        ("en", "The number of dead rose from 47 to 96."),
    ],
)
def test_from_to_is_a_change_not_a_range(language: str, sentence: str) -> None:
    figure = one_figure(sentence, language)
    assert (figure.low, figure.high, figure.was) == (96, 96, 47)
    assert "47" in figure.text and "96" in figure.text


def test_a_change_is_labelled_with_its_earlier_value() -> None:
    draft = draft_article(article_from_text("Meldung\n\nDie Zahl der Toten stieg von 47 auf 96."))
    (figure,) = draft.figures
    assert "zuvor 47" in figure.label
    draft = draft_article(article_from_text("Report\n\nThe number of dead rose from 47 to 96."))
    (figure,) = draft.figures
    assert "up from 47" in figure.label


@pytest.mark.parametrize(
    ("language", "sentence", "low", "high"),
    [
        ("de", "Zwischen 50.000 und 100.000 Menschen sind auf der Flucht.", 50_000, 100_000),
        ("de", "Rund 700 bis 2.000 Kämpfer halten die Stadt.", 700, 2000),
        ("de", "Zwei bis drei Millionen Menschen sind betroffen.", 2e6, 3e6),
        ("en", "Between 50,000 and 100,000 civilians are trapped.", 50_000, 100_000),
        ("en", "Some 50,000 to 100,000 people fled the fighting.", 50_000, 100_000),
    ],
)
def test_a_range_stays_a_range(language: str, sentence: str, low: float, high: float) -> None:
    figure = one_figure(sentence, language)
    assert (figure.low, figure.high, figure.was) == (low, high, None)


# --- numbers as the article's locale writes them --------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("50.000", "de", 50_000),
        ("50,000", "en", 50_000),
        ("1,5", "de", 1.5),
        ("1.5", "en", 1.5),
        ("2.000.000", "de", 2_000_000),
        ("1,234,567", "en", 1_234_567),
        ("4,99", "de", 4.99),
        ("drei", "de", 3),
        ("twelve", "en", 12),
    ],
)
def test_numbers_are_read_for_the_article_locale(text: str, language: str, value: float) -> None:
    assert parse_number(text, language) == value


@pytest.mark.parametrize(
    ("language", "sentence", "qualifier", "approximate", "low"),
    [
        ("de", "Mehr als 300 Menschen wurden verletzt.", "Mehr als", False, 300),
        ("en", "At least 300 people were injured.", "At least", False, 300),
        ("de", "Rund 300 Menschen wurden verletzt.", "Rund", True, 300),
        ("en", "About 300 people were injured.", "About", True, 300),
    ],
)
def test_qualifiers_and_vague_counts_are_kept(
    language: str, sentence: str, qualifier: str, approximate: bool, low: float
) -> None:
    figure = one_figure(sentence, language)
    assert (figure.qualifier, figure.approximate, figure.low) == (qualifier, approximate, low)


@pytest.mark.parametrize(
    ("language", "sentence", "qualifier"),
    [
        ("de", "Tausende Menschen flohen aus Goma.", "Tausende"),
        ("en", "Thousands of people fled Goma.", "Thousands"),
        ("de", "Dutzende Menschen werden noch vermisst.", "Dutzende"),
        ("en", "Hundreds of people remain missing.", "Hundreds"),
    ],
)
def test_vague_counts_stay_in_the_draft_as_estimates_but_are_not_kept(
    language: str, sentence: str, qualifier: str
) -> None:
    (figure,) = find_figures(_body(sentence), language)
    assert (figure.qualifier, figure.approximate, figure.keep) == (qualifier, True, False)
    assert figure.counts.startswith(("Menschen", "people"))


def test_a_count_said_again_is_one_figure() -> None:
    sentences = [
        Sentence(0, "Schlagzeile", 0),
        Sentence(1, "Bei dem Brand starben 40 Menschen.", 1),
        Sentence(2, "Die 40 Toten wurden geborgen.", 2),
    ]
    kept = [f for f in find_figures(sentences, "de") if f.keep]
    assert [f.sentence for f in kept] == [1]


# --- the place a figure belongs to ----------------------------------------------------


def _placed(text: str) -> list[tuple[float, str | None]]:
    draft = draft_article(article_from_text(text))
    return [
        (f.low, draft.place(f.place).name if draft.place(f.place) else None)
        for f in draft.figures
        if f.keep
    ]


def test_a_figure_belongs_to_the_nearest_place_of_its_sentence() -> None:
    placed = _placed(
        "Kämpfe im Sudan\n\nIm Süden von Khartum starben 40 Menschen, in Omdurman wurden "
        "12 Menschen verletzt."
    )
    assert placed == [(40, "Khartum"), (12, "Omdurman")]


def test_a_figure_without_a_place_belongs_to_the_lead_place_not_to_an_earlier_one() -> None:
    placed = _placed(
        "Sturm an der Pazifikküste\n\nAcapulco (dpa) - Ein schwerer Hurrikan hat die Küste "
        "getroffen.\n\nMindestens 27 Menschen kamen ums Leben.\n\nIn Oaxaca tagte der "
        "Krisenstab.\n\nDer Gouverneur sprach von einer Katastrophe.\n\nRund 10.000 "
        "Häuser wurden zerstört."
    )
    assert placed == [(27, "Acapulco"), (10_000, "Acapulco")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Cyclone in Mozambique\n\nBEIRA, Mozambique (AP) — A cyclone hit the coast on "
            "Sunday, flattening homes in Dondo.\n\nThe storm then moved inland to "
            "Chimoio.\n\nAt least 30 people died, officials said.",
            [(30, "Dondo")],
            id="en-one-sentence-paragraphs",
        ),
        pytest.param(
            "Wahl in Bolivien\n\nLa Paz (dpa) - In Bolivien wird gewählt.\n\nIn Cochabamba "
            "kam es zu Zusammenstößen.\n\nMindestens 12 Menschen wurden verletzt.",
            [(12, "Bolivien")],
            id="de-one-sentence-paragraphs",
        ),
    ],
)
def test_a_figure_without_a_place_in_its_paragraph_belongs_to_the_lead_place(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected


def test_a_figure_after_a_place_in_its_paragraph_belongs_to_it() -> None:
    placed = _placed(
        "Floods in Brazil\n\nPORTO ALEGRE, Brazil (AP) — Floods swept through the state.\n\n"
        "Rescuers reached Canoas on Monday. At least 83 people were killed, officials said."
    )
    assert placed == [(83, "Canoas")]


# --- same input, same output ----------------------------------------------------------


def test_same_input_same_figures_under_any_hash_seed(tmp_path) -> None:
    import json
    import os
    import subprocess
    import sys

    script = (
        "import json, sys\n"
        "from dashboard.draft import article_from_text, draft_article\n"
        "d = draft_article(article_from_text(sys.stdin.read()))\n"
        "print(json.dumps([vars(f) for f in d.figures], sort_keys=True))\n"
    )
    text = (
        "Erdbeben in Marokko\n\nMarrakesch (dpa) - Bei dem Erdbeben der Stärke 6,8 starben "
        "mehr als 2.900 Menschen, rund 5.500 wurden verletzt. Die Zahl der Toten stieg von "
        "2.012 auf 2.946.\n\nTausende Menschen verbrachten die Nacht im Freien."
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-c", script],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1 and json.loads(outputs.pop())


@pytest.mark.parametrize(
    ("language", "sentence", "low", "counts"),
    [
        ("en", "The ruling alliance won 293 seats in the lower house.", 293, "seats"),
        ("de", "Die Flut hat in Tschechien vier Menschen das Leben gekostet.", 4, "das Leben"),
        ("de", "Die Polizei in Tiflis nahm 63 Menschen fest.", 63, "festgenommen"),
        ("en", "The fire has burned 25,000 hectares near Yellowknife.", 25_000, "hectares burned"),
        ("de", "Das Feuer hat 25.000 Hektar Wald zerstört.", 25_000, "Hektar Wald zerstört"),
        ("de", "Über 100 000 Urlauber saßen in Cancún fest.", 100_000, "Urlauber"),
        ("en", "The cyclone forced 6,000 residents to evacuate.", 6000, "residents evacuated"),
        ("en", "Flash floods left 4 people dead and damaged 1,200 homes.", 4, "people dead"),
    ],
)
def test_more_wire_phrasings(language: str, sentence: str, low: float, counts: str) -> None:
    figure = figures_of(sentence, language)[0]
    assert figure.low == low and counts in figure.counts, figure.counts


def test_a_verb_is_not_taken_across_another_number() -> None:
    """ "Von den 20 Menschen an Bord wurden 18 gerettet": the 20 were not all rescued."""
    first, second = figures_of("Von den 20 Menschen an Bord wurden 18 gerettet.", "de")
    assert (first.counts, second.counts) == ("Menschen", "gerettet")
    homes = figures_of("Flash floods left 4 people dead and damaged 1,200 homes.", "en")[1]
    assert homes.counts == "homes damaged"


def test_the_numbers_of_a_list_count_what_its_first_counts() -> None:
    figures = figures_of(
        "Of the deaths, 40 were confirmed in Palu, 12 in Donggala, five in Sigi and two each "
        "in Parigi and Poso, officials said.",
        "en",
    )
    assert [f.low for f in figures] == [40, 12, 5, 2]
    assert all(f.counts.startswith("deaths") for f in figures)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "At least 370 people are missing in the city of about 300,000 residents."),
        ("de", "In der Stadt mit rund 300.000 Einwohnern werden 370 Menschen vermisst."),
    ],
)
def test_a_towns_population_is_not_a_figure(language: str, sentence: str) -> None:
    assert [f.low for f in figures_of(sentence, language)] == [370]


def test_tens_of_thousands_is_one_vague_count() -> None:
    (figure,) = find_figures(_body("Tens of thousands of protesters rallied in Tbilisi."), "en")
    assert (figure.low, figure.keep, figure.qualifier) == (20_000, False, "Tens of thousands")


@pytest.mark.parametrize(
    ("language", "sentence", "low"),
    [
        ("de", "Das Beben hatte nach Angaben der Behörden eine Stärke von 6,3.", 6.3),
        ("en", "The quake had a magnitude of 7.4, the USGS said.", 7.4),
        ("en", "A series of quakes of up to 7.6 magnitude struck the peninsula.", 7.6),
        ("en", "A 7.2-magnitude quake hit the coast of Haiti.", 7.2),
    ],
)
def test_quake_strength_in_its_usual_phrasings(language: str, sentence: str, low: float) -> None:
    figure = one_figure(sentence, language)
    assert figure.low == low and figure.counts.lower() in ("stärke", "magnitude")


def test_feared_dead_is_one_predicate() -> None:
    figure = one_figure("As many as 2,000 people were feared dead in Derna.", "en")
    assert figure.counts == "people feared dead"


@pytest.mark.parametrize(
    "sentence",
    [
        "Police clashed with protesters across the megacity of 20 million people.",
        "The capital of 4 million people was without power.",
    ],
)
def test_the_size_of_a_city_or_country_is_not_a_figure(sentence: str) -> None:
    assert figures_of(sentence, "en") == []


def test_shares_of_the_vote_belong_to_the_country() -> None:
    draft = draft_article(
        article_from_text(
            "Wahl in Kenia\n\nIn Kenia hat die Opposition die Wahl gewonnen. Der frühere "
            "Gouverneur von Mombasa erhielt 52,3 Prozent der Stimmen."
        )
    )
    (figure,) = [f for f in draft.figures if f.keep]
    assert draft.place(figure.place).name == "Kenia"


def test_a_place_opening_the_lead_is_a_dateline_not_the_figure_place() -> None:
    placed = _placed(
        "Beben in Marokko\n\nRabat: In Marokko ist die Zahl der Toten auf mehr als 2.000 gestiegen."
    )
    assert placed == [(2000, "Marokko")]


def test_placing_many_figures_among_many_mentions_is_bounded() -> None:
    """One long sentence naming a town 4,000 times, with 4,000 figures: each figure's
    place is a lookup, not a pass over every mention."""
    from dashboard.draft.figure_places import place_figures
    from dashboard.draft.model import Candidate, Draft, DraftFigure, DraftPlace

    count = 4000
    text = "In Mossul 12 " * count
    town = DraftPlace(
        id="place-1",
        name="Mossul",
        candidates=[Candidate("geonames:1", "city", "Mossul", "Mosul", "IQ", 36.3, 43.1, 1, "t")],
        positions=[(1, 3 + 13 * k) for k in range(count)],
        sentences=[1],
    )
    draft = Draft("de", "Titel", "", None, None, None, ["Titel", text], places=[town])
    draft.figures = [
        DraftFigure(str(k), "12", 12, 12, "Menschen", 1, offset=10 + 13 * k) for k in range(count)
    ]
    started = time.perf_counter()
    place_figures(draft, [Sentence(0, "Titel", 0), Sentence(1, text, 1)])
    assert time.perf_counter() - started < SECONDS
    assert all(f.place == "place-1" for f in draft.figures)


def test_one_person_is_left_to_the_journalist() -> None:
    """A single death is named in the text; the map's figures are counts."""
    assert figures_of("A building was hit in Kherson and one person was killed.", "en") == []


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "One of the victims was a child."),
        ("de", "Eine Frau sagte, sie habe Angst."),
        ("en", "A dozen people were injured."),
        ("de", "Die Tickets kosten 5 Euro."),
    ],
)
def test_rough_words_small_prices_and_other_ones_are_not_kept(language: str, sentence: str) -> None:
    assert figures_of(sentence, language) == []


def test_damage_in_money_is_a_figure() -> None:
    figure = one_figure("Der Schaden liegt bei 2 Milliarden Euro.", "de")
    assert (figure.low, figure.unit) == (2e9, "Euro")


def test_a_draft_with_a_change_a_range_and_measures_writes_and_validates(tmp_path) -> None:
    from dashboard.reader.story import load_story, validate_story
    from dashboard.ui.cli import main

    article = tmp_path / "beben.txt"
    article.write_text(
        "Erdbeben im Atlasgebirge\n\n"
        "Marrakesch (dpa) - Die Zahl der Toten nach dem Erdbeben der Stärke 6,8 in Marokko "
        "ist von 2.012 auf 2.946 gestiegen.\n\n"
        "Zwischen 50.000 und 100.000 Menschen sind obdachlos. Ein 34-Jähriger wurde nach "
        "zwei Tagen aus den Trümmern gerettet.\n\n"
        "Die Helfer suchen in Dörfern, die 50 Kilometer entfernt liegen.",
        "utf-8",
    )
    out = tmp_path / "beben-entwurf"
    assert main(["draft", str(article), "--out", str(out), "--date", "2023-09-11"]) == 0
    assert [p for p in validate_story(out) if not p.warning] == []
    figures = {f.label["de"]: (f.low, f.high) for f in load_story(out).figures}
    change = next(label for label in figures if "zuvor 2.012" in label)
    assert figures[change] == (2946, 2946) and "Toten" in change
    assert (50_000, 100_000) in figures.values()
    assert (34, 34) not in figures.values() and (50, 50) not in figures.values()


@pytest.mark.parametrize(
    ("language", "sentence", "low", "counts"),
    [
        ("de", "Eine Million Menschen sind im Sudan auf der Flucht.", 1e6, "Menschen"),
        ("en", "Nearly a million people fled Rafah.", 1e6, "people fled"),
        ("en", "A 7.4 quake struck Hualien on Wednesday.", 7.4, "magnitude"),
        ("en", "At least 40 people lost their lives in the fire.", 40, "lost their lives"),
        ("en", "The 2016 quakes in Kumamoto claimed 276 lives.", 276, "lives"),
        ("en", "Rescuers recovered 12 bodies from the Kabul river.", 12, "bodies"),
        ("de", "Mindestens 40 Menschen verloren in Derna ihr Leben.", 40, "verloren"),
        ("de", "Bislang wurden 12 Leichen geborgen.", 12, "Leichen geborgen"),
    ],
)
def test_a_million_a_bare_quake_strength_lives_and_bodies(
    language: str, sentence: str, low: float, counts: str
) -> None:
    figure = one_figure(sentence, language)
    assert figure.low == low and counts in figure.counts


def test_a_warning_level_is_not_a_figure() -> None:
    assert figures_of("Für die Oder in Ratibor gilt die Hochwasserstufe 3.", "de") == []


def test_money_written_short() -> None:
    figure = one_figure("The floods caused £2bn of damage in Yorkshire.", "en")
    assert (figure.low, figure.unit, figure.counts) == (2e9, "pounds", "damage")
    assert figures_of("The pit is 5m deep.", "en") == []


@pytest.mark.parametrize(
    ("language", "sentence", "low"),
    [
        ("en", "The government in Brasília released about 600 million reais in aid.", 6e8),
        ("de", "Nach Angaben der Armee gingen rund 35 Geschosse bei Kirjat Schmona nieder.", 35),
        ("en", "Taiwan said it had tracked 27 Chinese vessels near Kinmen.", 27),
    ],
)
def test_other_currencies_projectiles_and_vessels(language: str, sentence: str, low: float) -> None:
    assert one_figure(sentence, language).low == low


def test_a_figure_said_of_the_whole_country_belongs_to_the_country() -> None:
    placed = _placed(
        "Floods in Libya\n\nDERNA, Libya (AP) — Floods swept through Derna in eastern Libya.\n\n"
        "As many as 2,000 people were feared dead across the country, officials said."
    )
    assert placed == [(2000, "Libya")]
    placed = _placed(
        "Dürre in Kenia\n\nIn Nairobi fiel seit Wochen kein Regen.\n\n"
        "Landesweit sind 40.000 Menschen betroffen, sagte ein Sprecher."
    )
    assert placed == [(40_000, "Kenia")]


def test_a_country_as_an_adjective_does_not_take_a_figure() -> None:
    """'Russian authorities said' tells who said it, not where the dead were."""
    placed = _placed(
        "Strike in Luhansk\n\nA missile hit a market in Luhansk on Friday. Russia and "
        "Ukraine blamed each other.\n\n"
        "The death toll from that strike had risen to 21, Russian authorities said."
    )
    assert placed == [(21, "Luhansk")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Beben in Japan\n\nIn Japan hat die Erde gebebt. Das Beben ereignete sich "
            "nordöstlich von Tokio und hatte eine Stärke von 6,3.",
            [(6.3, "Japan")],
        ),
        (
            "Quake in Peru\n\nA quake struck Peru on Monday. It hit 40 km north of Arequipa "
            "and killed 12 people in Chivay.",
            [(12, "Chivay")],
        ),
        (
            "Cyclone\n\nA cyclone hit Mozambique. The storm made landfall 200 kilometers "
            "south of Beira, killing 30 people.",
            [(30, "Mozambique")],
        ),
    ],
)
def test_a_reference_point_is_not_where_the_figure_is(
    text: str, expected: list[tuple[float, str]]
) -> None:
    """'nordöstlich von Tokio', '40 km north of Arequipa' give a distance from a town:
    the figure is the sentence's other place's, else the town's country's."""
    assert _placed(text) == expected
