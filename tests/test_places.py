"""Places: rules on sentences written for these tests, the seed's gold, and the invented article."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis import schemas
from analysis.article import load_article, parse_article
from analysis.extractors.places import extract_places
from analysis.paths import SEED_ARTICLE

INVENTED = Path(__file__).parent / "fixtures" / "invented_article.txt"


def places_of(body: str):
    text = "Clashes reported along the frontier\n\n" + body.strip() + "\n"
    article = parse_article(text, {"headline": "Clashes reported along the frontier"})
    return extract_places(article).set_index("name")


def test_city_after_a_locative_word_has_geonames_coordinates():
    places = places_of("Delegates met in Vienna on Tuesday.")
    vienna = places.loc["Vienna"]
    assert (vienna["kind"], vienna["country"]) == ("city", "Austria")
    assert vienna["lat"] == pytest.approx(48.2, abs=0.1)
    assert "geonames" in vienna["coord_source"].lower()


def test_capital_is_a_place_only_where_something_happens():
    places = places_of("Talks in Nairobi ended. Nairobi said it would host another round.")
    assert places.loc["Nairobi", "mentions"] == 1


def test_capital_used_as_an_actor_is_no_place():
    places = places_of("Kigali accused Kinshasa of backing the rebels.")
    assert places.empty


def test_place_nouns_and_lists_give_the_kind():
    places = places_of("Shells fell on Tartus, Latakia and Jableh districts. Homs province was quiet.")
    assert {"Tartus", "Latakia", "Jableh"} <= set(places.index)
    assert set(places.loc[["Tartus", "Latakia", "Jableh"], "kind"]) == {"district"}
    assert places.loc["Homs", "kind"] == "region"
    assert set(places.loc[["Tartus", "Latakia"], "country"]) == {"Syria"}


def test_unknown_name_in_a_list_takes_its_neighbours_country():
    places = places_of("Rockets hit Latakia, Qardaha-Zzyx and Jableh districts.")
    assert places.loc["Qardaha-Zzyx", "country"] == "Syria"
    assert places.loc["Qardaha-Zzyx", "lat"] != places.loc["Qardaha-Zzyx", "lat"]  # NaN: unknown


def test_unknown_place_after_near_or_the_village_of():
    places = places_of("Troops dug in near Kebrit-Ola. Residents fled the village of Amsouk.")
    assert {"Kebrit-Ola", "Amsouk"} <= set(places.index)
    assert places.loc["Amsouk", "kind"] == "city"


def test_unknown_name_after_in_is_not_guessed():
    places = places_of("The deal was signed in Zorbavia.")
    assert "Zorbavia" not in places.index


def test_country_is_a_place_only_after_in_inside_across():
    places = places_of("Fighting raged in Sudan. Egypt said it feared refugees. Aid moved across Chad.")
    assert set(places.index) == {"Sudan", "Chad"}
    assert places.loc["Sudan", "kind"] == "country"


def test_one_place_with_two_names():
    places = places_of("Shells hit Khankendi, which Armenians call Stepanakert. Residents of Stepanakert hid.")
    assert len(places) == 1
    place = places.iloc[0]
    assert set(place["aliases"].split("|")) >= {"Khankendi", "Stepanakert"}
    assert place["mentions"] == 3


def test_regions_from_the_project_table():
    places = places_of("Fighting spread across the Tigray region and into Afar.")
    assert places.loc["Tigray region", "country"] == "Ethiopia"
    assert "places.csv" in places.loc["Tigray region", "coord_source"]
    assert places.loc["Afar region", "kind"] == "region"


def test_people_are_not_places():
    places = places_of("Lincoln Moyo said aid reached Harare. Moyo travelled to Geneva.")
    assert "Lincoln" not in places.index and "Moyo" not in places.index
    assert {"Harare", "Geneva"} <= set(places.index)


def test_frame_conforms_to_schema():
    article = load_article(SEED_ARTICLE)
    schemas.validate("places", extract_places(article))


# ----------------------------------------------------------------------------
# Seed (gold: /work/shared/gold/seed/places.csv) and the invented article


@pytest.fixture(scope="module")
def seed():
    return extract_places(load_article(SEED_ARTICLE)).set_index("name")


SEED_PLACES = {
    "Nagorno-Karabakh": ("region", "Azerbaijan"), "Stepanakert": ("city", "Azerbaijan"),
    "Moscow": ("city", "Russia"), "Geneva": ("city", "Switzerland"),
    "Geranboy": ("district", "Azerbaijan"), "Terter": ("district", "Azerbaijan"),
    "Agdam": ("district", "Azerbaijan"), "Agjaberdi": ("district", "Azerbaijan"),
    "Fizuli": ("district", "Azerbaijan"),
}


def test_seed_places_match_the_gold(seed):
    for name, (kind, country) in SEED_PLACES.items():
        assert name in seed.index, name
        assert (seed.loc[name, "kind"], seed.loc[name, "country"]) == (kind, country), name
    assert set(seed.index) - set(SEED_PLACES) <= {"South Caucasus", "Baku", "Yerevan"}
    assert "Khankendi" in seed.loc["Stepanakert", "aliases"].split("|")
    assert "Karabakh" in seed.loc["Nagorno-Karabakh", "aliases"].split("|")


def test_seed_caption_places_are_left_out(seed):
    assert "Washington" not in seed.index
    assert seed.loc["Stepanakert", "first_offset"] > 600  # the caption's mention does not count


def test_seed_coordinates_are_known(seed):
    assert seed[["lat", "lon"]].notna().all().all()


def test_invented_places():
    places = extract_places(load_article(INVENTED)).set_index("name")
    assert set(places.index) == {"Nairobi", "Badme", "Tigray region"}
    assert places.loc["Nairobi", "country"] == "Kenya"
    assert places.loc["Nairobi", "mentions"] == 3


def test_country_used_as_a_modifier_is_no_place():
    places = places_of("Nine died in U.S. and British strikes. Fighting in Sudan since April has killed thousands.")
    assert "United States" not in places.index
    assert places.loc["Sudan", "kind"] == "country"


def test_regions_of_other_wars_are_regions():
    places = places_of("Fighting spread in Darfur and Tigray. Shelling hit Crimea, Donbas and the West Bank.")
    for name in ("Darfur", "Tigray region", "Crimea", "Donbas", "West Bank"):
        assert places.loc[name, "kind"] == "region", name


def test_attacks_on_a_city_and_an_appositive_capital_name_places():
    frame = places_of("Air strikes on Saada killed 14 people. The siege of Mariupol lasted months. "
                      "The army still holds the state capital, Sittwe. Talks on Moscow's plan stalled. "
                      "The attack on Zorba began on Monday.")
    assert sorted(frame.index) == ["Mariupol", "Saada", "Sittwe"]


def test_an_appositive_town_names_an_unknown_place_but_a_town_official_does_not():
    frame = places_of("The rebels took control of Rubaya, a coltan-mining town in the hills. "
                      "Karin Holm, a town official, said the road was closed.")
    assert list(frame.index) == ["Rubaya"] and frame.loc["Rubaya", "kind"] == "city"


def test_more_place_nouns_after_a_name():
    places = places_of("Rebels moved into Kavumu territory and neighbouring Lumbo state. Gangs hit the "
                       "Bel-Air neighbourhood and Port-au-Prince's Fort-Sable area. Floods hit the Nord-Ouest "
                       "department.")
    assert places.loc["Kavumu", "kind"] == "district"
    assert places.loc["Lumbo", "kind"] == "region"
    assert places.loc["Bel-Air", "kind"] == "district"
    assert places.loc["Fort-Sable", "kind"] == "district"
    assert places.loc["Nord-Ouest", "kind"] == "region"


def test_an_adjective_before_state_or_territory_is_no_place():
    places = places_of("He spoke of the Jewish state and of Kurdish territory.")
    assert places.empty


def test_the_town_of_outranks_a_district_used_as_a_modifier():
    places = places_of("The Amsouk district commissioner said gunmen stormed the town of Amsouk.")
    assert places.loc["Amsouk", "kind"] == "city"


def test_a_name_after_a_facility_and_in_is_a_place():
    places = places_of("Its trauma hospital in Kalbeni treated 27 people. The meeting in Parliament ended.")
    assert "Kalbeni" in places.index
    assert "Parliament" not in places.index


def test_places_listed_after_a_plural_place_noun():
    places = places_of("Gangs attacked farming towns including Dezbwa-Ola, Bakoumi and Liancourt-Zzyx.")
    assert {"Dezbwa-Ola", "Bakoumi", "Liancourt-Zzyx"} <= set(places.index)
    assert set(places.loc[["Dezbwa-Ola", "Bakoumi"], "kind"]) == {"city"}


def test_a_region_named_by_a_position_word_and_its_coordinated_neighbour():
    places = places_of("The army lost ground in Hiraabo and Middle Qoryoley during the offensive.")
    assert places.loc["Middle Qoryoley", "kind"] == "region"
    assert places.loc["Hiraabo", "kind"] == "region"


def test_an_unknown_place_takes_the_country_of_the_places_named_most():
    places = places_of("Shells fell in Aleppo and in Idlib. Residents fled near Kebrit-Ola.")
    assert places.loc["Kebrit-Ola", "country"] == "Syria"


def test_the_whole_a_named_area_is_part_of_is_a_place():
    places = places_of("Shells hit a market in the Karari area of Omdurman.")
    assert places.loc["Karari", "kind"] == "district"
    assert places.loc["Omdurman", "kind"] == "city"


def test_a_town_named_by_its_apposition_after_in():
    places = places_of("Gunmen opened fire in Pahalgam-Zzyx, a resort town in the hills.")
    assert places.loc["Pahalgam-Zzyx", "kind"] == "city"


def test_a_direction_word_between_in_and_a_country_and_a_valley():
    places = places_of("Jets struck sites in the Bekaa valley and in southern Lebanon.")
    assert places.loc["Bekaa", "kind"] == "region"
    assert places.loc["Lebanon", "kind"] == "country"


def test_a_region_noun_drops_a_city_of_a_state_the_story_never_names():
    places = places_of("Militants killed dozens in Borno state, the Nigerian army said.")
    assert (places.loc["Borno", "kind"], places.loc["Borno", "country"]) == ("region", "Nigeria")


@pytest.mark.parametrize("opening, expected", [
    ("ADDIS ABABA, June 14 (Example Wire) - The army said it had repelled an attack.", "Addis Ababa"),
    ("KYIV, Ukraine (AP) \u2014 The army said it had repelled an attack.", "Kyiv"),
    ("GAZA CITY, Oct 10 (Example Wire) - The army said it had repelled an attack.", "Gaza City"),
])
def test_a_wire_dateline_in_capitals_names_the_city(opening, expected):
    frame = places_of(opening)
    assert expected in frame.index


def test_a_capitalised_label_is_no_dateline():
    assert places_of("UPDATE, 10 October: The army said it had repelled an attack.").empty


def test_camps_and_crossings_named_before_their_noun():
    places = places_of("Famine was confirmed in the Kalma and Abu Zzyx camps. Aid came through the Ouarda "
                       "crossing. Shells hit the Abu Zzyx displacement camp near El Fasher.")
    assert places.loc[["Kalma", "Abu Zzyx"], "kind"].tolist() == ["district", "district"]
    assert places.loc["Abu Zzyx", "mentions"] == 2
    assert places.loc["Ouarda", "kind"] == "city"
    assert "Abu" not in places.index  # a town GeoNames knows, here only the start of a longer name


def test_an_outlets_name_holds_no_place():
    text = "Clashes reported along the frontier\n\n" + "Three people were killed in Djibo, Sahel Insight " \
        "reported. Sahel Insight could not verify the figure.\n"
    article = parse_article(text, {"headline": "Clashes reported along the frontier", "outlet": "Sahel Insight"})
    assert extract_places(article)["name"].tolist() == ["Djibo"]


def test_a_village_before_an_appositive_source_is_a_place():
    places = places_of("Ten people were killed in the village of Zzyxoumbou, a local official said.")
    assert places.loc["Zzyxoumbou", "kind"] == "city"
