"""Where a namesake lies: near the article's other places it is likelier meant, far from
all of them it loses ("Flores" in a Bolivian story is a surname, not the island; "Lost
Creek" in Texas is not the one of a story about Kentucky's floods)."""

from __future__ import annotations

from dashboard.core.geometry import geodesic_distance_km
from dashboard.core.names import fold
from dashboard.draft.place_scores import (
    EXONYM_POPULATION,
    MIN_SCORE,
    SMALL_POPULATION,
    Evidence,
    MentionGroup,
)
from dashboard.reader.gazetteer import Gazetteer, Place

# A town's name shared by this many towns of its country: the one far from the story's
# other places is not meant ("Taiping", "Fengcheng" in China; "Springfield").
COMMON_NAME_TOWNS = 3
# How much bigger than its next namesake the town a bare shared name means is.
NAME_LEAD = 5
# A city this big, far bigger than its namesakes, is known the world over by the bare name.
KNOWN_BY_NAME_POPULATION = 500_000
NEAR_KM = 300.0  # below it a mention is dropped, not drafted
FAR_KM = 2500.0
FAR_PENALTY = 2.0
SMALL_TOWN_FAR_KM = 800.0
# Each place of the story near a namesake, the more the nearer: enough to choose among
# namesakes that score alike, too little to outweigh any other evidence.
NEAR_STEP = 0.02
NEAR_STEPS = 10.0


def _common_name(
    place: Place, group: MentionGroup, evidence: Evidence, others: list[Place]
) -> bool:
    """Does the name belong to many towns of the place's country (a town under a million
    people)?"""
    if place.kind != "city" or place.population >= EXONYM_POPULATION:
        return False
    namesakes = sorted(
        (
            p.population
            for p in group.mentions[0].places
            if p.kind == "city" and p.country == place.country
        ),
        reverse=True,
    )
    if len(namesakes) < COMMON_NAME_TOWNS:
        return False
    # The one far bigger than every namesake is what the bare name means when it is a
    # big city or its country is named apart from it ("Washington" is the capital, not
    # one of the towns named after it; "Mati" in a story about Greece is no Philippine
    # city).
    leads = place.population >= namesakes[0] and place.population >= NAME_LEAD * namesakes[1]
    named_apart = evidence.sources.get(place.country, set()) - {
        fold(m.name) for m in group.mentions
    }
    known = place.population >= KNOWN_BY_NAME_POPULATION or place.country in evidence.countries
    # Unless a smaller namesake lies among the story's other places: "Tonalá im Bundesstaat
    # Chiapas" is the town in Chiapas, not the city of 400,000 beside Guadalajara.
    return not (leads and (known or named_apart)) or _namesake_near(place, group, others)


def _namesake_near(place: Place, group: MentionGroup, others: list[Place]) -> bool:
    return any(
        p is not place
        and p.kind == "city"
        and p.country == place.country
        and any(0 < geodesic_distance_km((p.lon, p.lat), (o.lon, o.lat)) < NEAR_KM for o in others)
        for p in group.mentions[0].places
    )


def _far_from_all(place: Place, others: list[Place]) -> bool:
    return bool(others) and all(
        geodesic_distance_km((place.lon, place.lat), (other.lon, other.lat)) > FAR_KM
        for other in others
    )


def _bears_name(place: Place, name: str) -> bool:
    """Is the name the place's own, or its own before a qualifier ("Washington, D.C.")?
    Only a name the place bears in neither way is a nickname or an old name."""
    own = (place.name_en, place.name_de, place.main_name)
    return place.is_named(name) or any(fold(n.split(",")[0]) == fold(name) for n in own if "," in n)


def weigh_distances(groups: list[MentionGroup], gaz: Gazetteer, evidence: Evidence) -> None:
    """Distance to the article's other places: a small town near them is likelier meant
    than not; a namesake far from all of them, in a country the article never names,
    loses ("Flores" in a Bolivian story is a surname, not the island)."""
    best = {
        id(g): gaz.places[max(g.scores, key=g.scores.__getitem__)]
        for g in groups
        if g.scores and max(g.scores.values()) >= MIN_SCORE
    }
    for group in groups:
        others = [p for gid, p in best.items() if gid != id(group) and p.kind != "country"]
        countries = [p for gid, p in best.items() if gid != id(group) and p.kind == "country"]
        for key in group.scores:
            place = gaz.places[key]
            if place.kind == "country":
                continue
            if not others:
                # With no other town or region, the countries the story names tell where
                # it is ("vor Utö in Finnland" is no town in Japan).
                if _far_from_all(place, countries) and place.country not in evidence.context:
                    group.scores[key] -= FAR_PENALTY
                continue
            distances = [
                geodesic_distance_km((place.lon, place.lat), (other.lon, other.lat))
                for other in others
            ]
            near = [d for d in distances if 0 < d < NEAR_KM]
            if near:
                # Namesakes of one country score alike ("Monroe County" in seventeen
                # states): the one closest among most of the story's places is meant.
                closeness = sum(1.0 - d / NEAR_KM for d in near)
                group.scores[key] += 1.0 + NEAR_STEP * min(closeness, NEAR_STEPS)
            elif min(distances) > FAR_KM and place.country not in evidence.context:
                group.scores[key] -= FAR_PENALTY
            elif (
                (place.village or _common_name(place, group, evidence, others))
                and min(distances) > NEAR_KM
            ) or (
                min(distances) > SMALL_TOWN_FAR_KM
                and (
                    (place.kind == "city" and place.population < SMALL_POPULATION)
                    or not any(_bears_name(place, m.name) for m in group.mentions)
                )
            ):
                # A village's name is shared by many villages, most of them too small for
                # the gazetteer: one far from every other place of the story is not the
                # one meant ("Lost Creek" in Texas in a story about Kentucky's floods).
                # Nor is a town far away that bears the name only as a nickname or old
                # name ("Silver City" is Meriden, Connecticut, to GeoNames); a village of
                # 500 to 1,000 people is named in a story only near its other places.
                group.scores[key] -= FAR_PENALTY
