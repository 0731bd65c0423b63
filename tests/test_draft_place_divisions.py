"""Second-order units as the news write them: a district named after its seat that the
gazetteer lacks ("Landkreis Günzburg", "Sukabumi Regency"), a province GeoNames names with
its division word ("Province of Aurora"), a town inside a newspaper's name, and the figures
of such units. Made-up sentences from many regions, German and English."""

from __future__ import annotations

import pytest

from dashboard.draft import article_from_text, draft_article
from dashboard.draft.model import Draft
from dashboard.draft.place_divisions import named_as_division, short_name
from dashboard.reader.gazetteer import gazetteer


def drafted(text: str) -> Draft:
    return draft_article(article_from_text("Meldung / Report\n\n" + text))


def kept(draft: Draft) -> dict[str, tuple[str, str, float, float]]:
    return {
        p.name: (p.place.kind, p.place.country, p.place.lat, p.place.lon)
        for p in draft.places
        if p.keep
    }


def figure_places(draft: Draft) -> dict[float, str]:
    names = {p.id: p.name for p in draft.places}
    return {f.low: names.get(f.place or "", "") for f in draft.figures}


@pytest.mark.parametrize(
    ("text", "district", "country", "town"),
    [
        ("Im Landkreis Günzburg wurde am Abend der Katastrophenfall ausgerufen.",
         "Landkreis Günzburg", "DE", "Günzburg"),
        ("Floods in Tuban Regency, East Java, killed two people on Thursday.",
         "Tuban Regency", "ID", "Tuban"),
        ("Im Kreis Changning in der chinesischen Provinz Sichuan starben zwölf Menschen.",
         "Kreis Changning", "CN", "Changning"),
        ("Heavy rain flooded Petrópolis municipality in Brazil's Rio de Janeiro state.",
         "Petrópolis municipality", "BR", "Petrópolis"),
    ],
)  # fmt: skip
def test_a_district_the_gazetteer_lacks_stands_at_its_seat_as_written(
    text: str, district: str, country: str, town: str
) -> None:
    places = kept(drafted(text))
    assert places[district][:2] == ("region", country)
    seats = [(p.lat, p.lon) for p in gazetteer().lookup(town) if p.kind == "city"]
    assert places[district][2:] in seats


def test_the_seat_town_and_its_district_are_two_places() -> None:
    places = kept(
        drafted(
            "Rescuers in Sukabumi said Sukabumi Regency had declared an emergency in West Java."
        )
    )
    assert places["Sukabumi"][0] == "city"
    assert places["Sukabumi Regency"][0] == "region"


@pytest.mark.parametrize(
    "text",
    [
        "A typhoon blew ashore into Aurora province in the northern Philippines.",
        "Ein Taifun traf die Provinz Aurora im Norden der Philippinen.",
    ],
)
def test_a_province_named_without_its_division_word_is_the_province(text: str) -> None:
    # "aurora" is an English word and a big US city: the division word says the
    # Philippine province is meant, and gives the US no say.
    places = kept(drafted(text))
    region = [v for v in places.values() if v[0] == "region"]
    assert region and region[0][1] == "PH"
    assert abs(region[0][2] - 15.7) < 0.5 and abs(region[0][3] - 121.6) < 0.5
    assert all(v[1] == "PH" for v in places.values())


def test_the_division_word_after_a_name_is_no_surname() -> None:
    places = kept(drafted("Sukabumi Regency Government declared an emergency on Monday."))
    assert "Sukabumi Regency" in places


def test_the_words_of_a_division_are_left_out_of_its_short_name() -> None:
    assert short_name("Province of Aurora") == "Aurora"
    assert short_name("Kabupaten Gianyar") == "Gianyar"
    assert short_name("Sharkey County") == "Sharkey"
    assert short_name("Aurora") == ""
    province = next(p for p in gazetteer().lookup("Aurora") if p.kind == "region")
    assert named_as_division("Aurora", province, region_cue=True)
    assert not named_as_division("Aurora", province, region_cue=False)


@pytest.mark.parametrize(
    ("text", "paper"),
    [
        ("The Washington Post reported that five people died in Cooke County, Texas.",
         "Washington"),
        ("Laut der Jakarta Post starben in der indonesischen Provinz Westjava 20 Menschen.",
         "Jakarta"),
        ("The New York Times reported 12 dead in Lagos, Nigeria.", "New York"),
        ("Die Kathmandu Post berichtete von 30 Toten im Westen Nepals.", "Kathmandu"),
    ],
)  # fmt: skip
def test_a_town_in_a_newspaper_s_name_is_no_place_of_the_story(text: str, paper: str) -> None:
    draft = drafted(text)
    assert paper not in kept(draft)
    assert paper not in figure_places(draft).values()


def test_a_figure_belongs_to_the_district_not_to_the_state_across_the_border() -> None:
    draft = drafted(
        "Sheriff Ray Sappington, of Cooke County, Texas, just across the border with "
        "Oklahoma, said five people had been found dead there."
    )
    assert figure_places(draft)[5] == "Cooke County"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Floods in Tuban Regency, East Java, killed two people on Thursday.", "Tuban Regency"),
        ("Im Landkreis Günzburg in Bayern starben drei Menschen in den Fluten.",
         "Landkreis Günzburg"),
        ("Heavy rain killed 12 people in Petrópolis municipality in Brazil's Rio de Janeiro "
         "state.", "Petrópolis municipality"),
    ],
)  # fmt: skip
def test_a_figure_of_a_district_belongs_to_it_before_its_region(text: str, place: str) -> None:
    assert place in figure_places(drafted(text)).values()


@pytest.mark.parametrize(
    "text",
    [
        "Agencies came to help the rural county of about 45,000 people in Texas.",
        "Ein Landkreis mit 130.000 Einwohnern in Bayern rief den Katastrophenfall aus.",
        "The regency of about 2.4 million residents in West Java declared an emergency.",
    ],
)
def test_a_district_s_population_is_no_figure(text: str) -> None:
    assert drafted(text).figures == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Small towns listed with a town of some size or after a place word are places,
        # the comma no given name before a surname.
        ("Besonders betroffen seien Sebnitz, Bad Schandau und Königstein in der Sächsischen "
         "Schweiz.", {"Sebnitz", "Bad Schandau", "Königstein"}),
        ("Floods cut off Bura, Hola and Garsen in Tana River County, Kenya.",
         {"Bura", "Hola", "Garsen"}),
    ],
)  # fmt: skip
def test_towns_listed_together_are_all_places(text: str, names: set[str]) -> None:
    assert names <= set(kept(drafted(text)))


def test_a_list_of_surnames_makes_no_places() -> None:
    places = kept(drafted("Die Bürgermeister Müller, Schmidt und Becker trafen sich in Berlin."))
    assert set(places) == {"Berlin"}


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        ("Ein Tornado traf Benton County im Norden von Arkansas.", "Benton County", 36.3, -94.3),
        ("A gas burst at a mine in Fengcheng, in eastern Jiangxi province, trapped seven "
         "miners.", "Fengcheng", 28.2, 115.8),
        ("Heavy rain hit Marion County in northern Oregon on Sunday.", "Marion County", 45.0,
         -122.6),
        # A state is not put after a town of its name far outside it (Oregon, Ohio).
        ("Heavy rain hit Marion County in northern Oregon on Sunday.", "Oregon", 44.0, -121.7),
    ],
)  # fmt: skip
def test_the_namesake_inside_the_named_region_is_meant(
    text: str, name: str, lat: float, lon: float
) -> None:
    _kind, _country, found_lat, found_lon = kept(drafted(text))[name]
    assert abs(found_lat - lat) < 0.5 and abs(found_lon - lon) < 0.5


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # "Region" is the country around a town, and a first-order unit named after its
        # capital is the gazetteer's or the town's: no district of its own.
        ("Allein in der Region Cap Haitien starben am Wochenende sieben Menschen.",
         "Cap Haitien"),
        ("Sieben Menschen seien in der Provinz Havanna ums Leben gekommen.", "Havanna"),
        ("Heavy rain lashed the region of Jérémie in southwestern Haiti.", "Jérémie"),
    ],
)  # fmt: skip
def test_region_and_first_order_words_make_no_district_of_a_town(text: str, town: str) -> None:
    places = kept(drafted(text))
    assert places[town][0] == "city"
    assert not [name for name, value in places.items() if value[0] == "region" and town in name]


def test_a_person_named_after_a_listed_town_is_no_place() -> None:
    places = kept(
        drafted(
            "The ninth victim was found, the government delegate in Valencia, Pilar Bernabé, "
            "told journalists in Spain."
        )
    )
    assert "Pilar" not in places


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        # Districts not named after their seat: the hand-written table, by every form.
        ("Im Rhein-Sieg-Kreis liefen Dutzende Keller voll.", "Rhein-Sieg-Kreis", 50.8, 7.2),
        ("Im Oberbergischen Kreis lief die Bever-Talsperre über.", "Oberbergischer Kreis",
         51.0, 7.6),
        ("Der Landkreis Dahme-Spreewald rief den Katastrophenfall aus.",
         "Landkreis Dahme-Spreewald", 51.9, 13.9),
        ("Ein Waldbrand im Saale-Orla-Kreis war nicht unter Kontrolle.", "Saale-Orla-Kreis",
         50.6, 11.8),
        ("Floods hit the Ahrweiler district in Rhineland-Palatinate.", "Ahrweiler district",
         50.5, 7.1),
        ("Wildfires burned in Dahme-Spreewald, south of Berlin.", "Dahme-Spreewald district",
         51.9, 13.9),
    ],
)  # fmt: skip
def test_districts_named_otherwise_than_their_seat_are_found(
    text: str, name: str, lat: float, lon: float
) -> None:
    kind, country, found_lat, found_lon = kept(drafted(text))[name]
    assert (kind, country) == ("region", "DE")
    assert abs(found_lat - lat) < 0.3 and abs(found_lon - lon) < 0.3


def test_a_district_named_like_a_river_needs_its_division_word() -> None:
    assert "Landkreis Lippe" not in kept(
        drafted("In der Lippe wurde am Montag ein Toter gefunden.")
    )
    assert "Landkreis Lippe" in kept(drafted("Im Kreis Lippe starben zwei Menschen."))


@pytest.mark.parametrize(
    "text",
    [
        "MANILA, Philippines (AP) — A quake shook the southern Philippines. The U.S. "
        "Geological Survey said it had a magnitude of 7.6.",
        "Filipinos fled as a quake hit the southern Philippines, killing three people.",
    ],
)
def test_a_country_named_like_its_adjective_plus_s_is_a_place_not_an_adjective(
    text: str,
) -> None:
    # "Philippines" is the country's name, not the adjective "Philippine" with an s: its
    # sentence names the place of the figures after it.
    draft = drafted(text)
    assert set(figure_places(draft).values()) == {"Philippines"}


@pytest.mark.parametrize(
    ("text", "kept_names", "not_kept"),
    [
        # A landform word after a name makes no town of it; a valley may be named after
        # its big town, not after a small one; neither is the next word of a surname.
        ("Typhoon Lando hit the Sierra Madre mountain range in the Philippines.",
         {"Philippines"}, "Sierra Madre"),
        ("Heavy rain hit Kathmandu Valley on Sunday, killing four.", {"Kathmandu"}, ""),
        ("In Antônio Dias, in the Rio Doce Valley in Brazil, a landslide hit four homes.",
         {"Antônio Dias", "Brazil"}, "Rio Doce"),
    ],
)  # fmt: skip
def test_landform_words_after_a_name(text: str, kept_names: set[str], not_kept: str) -> None:
    places = kept(drafted(text))
    assert kept_names <= set(places)
    assert not not_kept or not_kept not in places


@pytest.mark.parametrize(
    "text",
    [
        "Floods killed 12 people in Mombasa, Kenya. Elsewhere, 7 died.",
        "In Bayern starben zwölf Menschen. In anderen Regionen wurden 7 Menschen verletzt.",
        "Landslides buried 12 homes in Bukavu. In other areas, 7 people were missing.",
    ],
)
def test_a_figure_said_to_be_elsewhere_has_none_of_the_places_named(text: str) -> None:
    places = figure_places(drafted(text))
    assert places[12] != "" and places[7] == ""


def test_a_district_in_the_genitive_is_the_district() -> None:
    places = figure_places(drafted("Die Feuerwehr des Landkreises Günzburg meldete 15 Verletzte."))
    assert places[15] == "Landkreis Günzburg"
