"""Actors: people, states, organisations, armed forces, territories, media.

In:  an `Article`.
Out: an `ActorIndex` holding the `actors` frame (one row per distinct actor,
     caption-only people included with `in_story=False`) and the `mentions`
     frame (one row per mention, with offsets into the raw text), plus
     `resolve()`, `actor()`, `mentions_between()` and `gender()` for the later
     stages (statements, casualties).

Story text is the title, subheadings, body and embedded posts; `mentions`
and `first_offset` count story text only. Captions and boilerplate yield
mentions too (their `block_kind` says so), but an actor found only there is
not in the story.

Rules, all general (world knowledge comes from `analysis.gazetteer`):
- known names: states (names, aliases, demonyms, capitals and seats used as
  metonyms), organisations and acronyms, media, breakaway territories;
- people: title + name ("Iranian Foreign Minister Mohammad Javad Zarif"),
  role + name ("spokeswoman Shushan Stepanyan", "his Azeri counterpart,
  Jeyhun Bayramov"), name + appositive role ("Artak Beglaryan, the region's
  rights ombudsman"), name + speech verb ("Zarif said", "said Lavrov"),
  honorific + name ("Ms Diallo"), and signatures of embedded posts
  ("— Javad Zarif (@JZarif)");
- later mentions by full or partial name, surname, handle, or role noun
  ("Russia's top diplomat", "the UN rights chief", "the ministry");
- ministries ("Azerbaijan's defense ministry" -> "Azerbaijani defense
  ministry") and armed forces ("Armenian and Azerbaijani forces").

Mentions may nest: the state inside "Azerbaijan's defense ministry" is a
mention of the state, and the whole phrase a mention of the ministry.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .. import lexicon, schemas
from ..article import Article
from ..gazetteer import APOSTROPHES, Gazetteer, gazetteer, normalize, trie_regex

STORY_KINDS = frozenset({"title", "subheading", "body", "embedded_post"})

# Capitalised words that are not names (sentence openers, pronouns, calendar words).
_NOT_NAMES = frozenset("""
A An The This That These Those There Their They Them He She His Her Hers It Its We Our Us You Your I
In On At By For From With And Or But As Of To Into Over After Before During Since Until While When Where
Who Whom Whose What Which Why How If Then Also Meanwhile However Still Yet Earlier Later Last Next
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow
January February March April May June July August September October November December
Mr Mrs Ms Dr Sir Madam Both Each All Some Many Most Other Others Another Several Such No Not
Officials Sources Witnesses Residents Analysts Police Authorities Reports Media Rebels Troops Observers
Experts Critics Diplomats Lawmakers Activists Protesters Civilians Soldiers Forces Government Ministry
Local Several Speaking Asked Stressing Underlining Adding Citing According
""".split())

_HONORIFICS = {"Mr": "male", "Mr.": "male", "Mrs": "female", "Mrs.": "female", "Ms": "female",
               "Ms.": "female", "Dr": None, "Dr.": None}

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LOW = "a-zß-öø-ÿā-žə"
_TOKEN = rf"[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:['’\-](?!s\b)[{_UP}]?[{_LOW}]+)*"
_PARTICLE = r"(?:al|el|ul|bin|ibn|bint|van|von|de|da|di|du|der|den|le|la|abu|ben)(?:-|[ \t\u00a0]+)"
_GAP = r"[ \t\u00a0]+"  # names never run across a line break
NAME = rf"(?:{_PARTICLE})?{_TOKEN}(?:{_GAP}(?:[{_UP}]\.{_GAP})?(?:{_PARTICLE})?{_TOKEN}){{0,3}}"
_NAME_RE = re.compile(NAME)
_NAME_AT_END = re.compile(rf"({NAME})\s*,\s*(?:(?i:the|a|an|his|her|its|their)\s+)?$")
_HANDLE_RE = re.compile(r"(?<![\w@])@\w{1,30}")
_FLAG_RE = re.compile("[\U0001F1E6-\U0001F1FF]{2}")
_POSSESSIVE = re.compile(r"['’]s?(?=\s)")
_DETERMINER = re.compile(r"(?:^|\s)(the|a|an|his|her|its|their|our|one)\s+$", re.I)
_OWNER = re.compile(r"(?:^|\s)(the\s+(?P<noun>region|country|state|territory|republic|enclave|group|organi[sz]ation|body|agency|bloc|alliance)['’]s?)\s+$", re.I)
_LOCATIVE = re.compile(
    r"(?:^|[\s(])(?:in|at|near|outside|inside|around|across|throughout|within|into|toward|towards|via|"
    r"visit(?:ed|ing|s)?|reached|entered)\s+(?:the\s+)?(?:(?:city|capital|town)\s+(?:of\s+)?)?$", re.I)
_TERRITORY_USE = re.compile(
    r"\s*(?:['’]s?\s|\s+(?:authorities|government|officials|leadership|administration|leader|president|"
    r"ombudsman|military|forces|army)\b)")
_GENERIC_ROLES = frozenset({"official", "leader", "head", "aide", "adviser", "minister", "commander",
                            "director", "chair", "envoy", "general", "colonel"})


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    g = gazetteer()
    port = trie_regex(set(g.portfolios))
    forces = trie_regex(set(g.force_nouns))
    verbs = trie_regex(set(g.speech_verbs))
    return {
        "ministry": re.compile(rf"(?<![\w\-])(?P<port>{port})\s+ministry\b", re.I),
        "ministry_of": re.compile(
            rf"(?<![\w\-])[Mm]inistry\s+of\s+(?:the\s+)?(?P<port>{port})(?![\w\-])", re.I),
        "the_ministry": re.compile(r"(?<![\w\-])[Tt]he\s+ministry\b(?!\s+of\b)"),
        "forces": re.compile(rf"(?<![\w\-])(?:{forces})\b", re.I),
        "speaker_before": re.compile(
            rf"(?<![\w\-'’])(?P<name>{NAME})\s+(?:(?:also|later|then|further|has|had|again|once\s+again)\s+)?"
            rf"(?:{verbs})\b"),
        "speaker_after": re.compile(rf"\b(?:{verbs})\s+(?P<name>{NAME})(?!['’\w])"),
        "honorific": re.compile(rf"\b(?P<hon>Mrs?\.?|Ms\.?|Dr\.?)\s+(?P<name>{NAME})"),
        "signature_name": re.compile(rf"(?P<name>{NAME})\s*\(\s*(?P<handle>@\w{{1,30}})\s*\)"),
    }


@lru_cache(maxsize=1)
def _modifier_words() -> frozenset[str]:
    """Lower-cased words that may stand between an affiliation and a title."""
    return frozenset(w.lower() for w in lexicon.word_list("title_modifiers.txt")) | frozenset(gazetteer().portfolios)


# ----------------------------------------------------------------------------
# Working records


@dataclass
class _Hit:
    start: int
    end: int
    surface: str
    senses: list


@dataclass
class _Actor:
    name: str
    kind: str
    affiliation: str | None = None
    role: str | None = None
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)
    handle: str | None = None

    def alias(self, surface: str) -> None:
        surface = normalize(surface)
        if surface and surface not in self.aliases:
            self.aliases.append(surface)


@dataclass
class _Mention:
    actor: str
    kind: str
    start: int
    end: int


@dataclass
class _Person:
    tokens: list[str]
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    surfaces: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, mention kind
    handle: str | None = None

    @property
    def name(self) -> str:
        return " ".join(self.tokens)


@dataclass
class _RoleNoun:
    start: int
    end: int
    role: str
    affiliation: str | None
    gender: str | None
    explicit: bool  # affiliation or owner given in the phrase


# ----------------------------------------------------------------------------
# The index


@dataclass
class ActorIndex:
    """Actors and their mentions in one article, with lookups for later stages.

    `actors`: one row per actor (schema `actors`); `mentions`: one row per
    mention (schema `mentions`), sorted by offset.
    """

    article: Article
    actors: pd.DataFrame
    mentions: pd.DataFrame
    _records: dict[str, _Actor] = field(default_factory=dict, repr=False)
    _handles: dict[str, str] = field(default_factory=dict, repr=False)
    _cache: dict = field(default_factory=dict, repr=False)

    def actor(self, name: str) -> dict | None:
        """The actor row of `name` as a dict (with `gender`), or None."""
        record = self._records.get(name)
        if record is None:
            return None
        if "by_name" not in self._cache:
            self._cache["by_name"] = {r["name"]: r for r in self.actors.to_dict("records")}
        row = dict(self._cache["by_name"].get(name, {}))
        row.update(name=record.name, kind=record.kind, affiliation=record.affiliation, role=record.role,
                   aliases="|".join(record.aliases), gender=record.gender, handle=record.handle)
        return row

    def gender(self, name: str) -> str | None:
        """'female' or 'male' when a title, role noun or honorific fixes it, else None."""
        record = self._records.get(name)
        return record.gender if record else None

    def mentions_between(self, start: int, end: int) -> pd.DataFrame:
        """Mentions lying wholly inside [start, end)."""
        m = self.mentions
        return m[(m["start"] >= start) & (m["end"] <= end)].reset_index(drop=True)

    def resolve(self, surface: str, start: int | None = None) -> str | None:
        """Canonical actor name for `surface` found at offset `start`, or None.

        With `start`, the mention found there wins (the one with exactly that
        span, else the smallest one covering it, else the head — a person, or
        the last — of those inside it). Otherwise the surface is looked up:
        handles, aliases of actors seen before `start`, the gazetteer
        (states, demonyms, capitals, organisations), ministry and role-noun
        phrases, and surnames.
        """
        if not surface or not surface.strip():
            return None
        if start is not None:
            found = self._at(surface, start)
            if found:
                return found
        return self._lookup(surface, start)

    # -- helpers ----------------------------------------------------------
    def _rows(self) -> list[tuple[int, int, str, str]]:
        """Mentions as (start, end, actor, actor kind), sorted; built once (lookups stay cheap)."""
        if self._cache.get("rows") is None:
            m = self.mentions
            rows = sorted(zip(m["start"].astype(int), m["end"].astype(int), m["actor"].astype(str),
                              m["actor_kind"].astype(str)))
            self._cache["rows"] = rows
            self._cache["starts"] = [r[0] for r in rows]
            self._cache["widest"] = max((r[1] - r[0] for r in rows), default=0)
            first: dict[str, int] = {}
            for r in rows:
                first.setdefault(r[2], r[0])
            self._cache["first"] = first
        return self._cache["rows"]

    def _at(self, surface: str, start: int) -> str | None:
        end = start + len(surface)
        rows = self._rows()
        starts = self._cache["starts"]
        lo = bisect.bisect_left(starts, start - self._cache["widest"])
        hi = bisect.bisect_left(starts, end)
        near = [r for r in rows[lo:hi] if r[1] > start]
        if not near:
            return None
        exact = [r for r in near if r[0] == start and r[1] == end]
        if exact:
            return exact[-1][2]
        covering = [r for r in near if r[0] <= start and r[1] >= end]
        if covering:
            return min(covering, key=lambda r: r[1] - r[0])[2]
        inside = [r for r in near if r[0] >= start and r[1] <= end]
        if not inside:
            return None
        people = [r for r in inside if r[3] == "person"]
        return max(people or inside, key=lambda r: r[1])[2]

    def _seen(self, start: int | None) -> set[str]:
        self._rows()
        if start is None:
            return set(self._records)
        return {name for name, first in self._cache["first"].items() if first <= start}

    def _lookup(self, surface: str, start: int | None) -> str | None:
        g = gazetteer()
        text = normalize(surface).strip(" ,.;:")
        bare = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
        if bare.startswith("@"):
            return self._handles.get(bare.lower())
        for sense in g.lookup(bare):
            if sense.kind in ("state", "organization", "armed_forces", "media"):
                return sense.entity
            if sense.kind == "place" and sense.entity in self._records:
                return sense.entity
        seen = self._seen(start)
        lowered = bare.lower()
        for name in sorted(seen, key=lambda n: n not in self._records):
            record = self._records.get(name)
            if record and (lowered == name.lower() or lowered in (a.lower() for a in record.aliases)
                           or text.lower() in (a.lower() for a in record.aliases)):
                return name
        # A phrase: scan it as a small text and take its head.
        sub = _scan_phrase(bare)
        context = self._records
        ministries = [n for n, r in context.items() if r.kind == "organization" and n.endswith("ministry")]
        if re.fullmatch(r"(?:\w+\s+)?ministry", lowered) and not sub.ministry_names:
            portfolio = g.portfolios.get(lowered.split()[0]) if " " in lowered else None
            return self._recent(start, lambda n: n in ministries and (portfolio is None or f" {portfolio} " in n))
        if sub.ministry_names:
            return sub.ministry_names[-1]
        if sub.forces_names:
            return sub.forces_names[-1]
        people = [p for p in sub.persons if p.tokens]
        if people:
            return self._person_by_name(people[-1].tokens)
        if sub.role_nouns:
            rn = sub.role_nouns[-1]
            position = start if start is not None else len(self.article.text)
            return self._recent(position, lambda n: self._role_fits(n, rn))
        words = re.findall(_TOKEN, bare)
        if words:
            return self._person_by_name(words)
        return None

    def _role_fits(self, name: str, rn: _RoleNoun) -> bool:
        record = self._records.get(name)
        if record is None or record.kind != "person":
            return False
        if rn.affiliation and record.affiliation and rn.affiliation != record.affiliation:
            return False
        return record.role is None or _same_role(record.role, rn.role) or rn.role == "counterpart"

    def _recent(self, start: int | None, accept) -> str | None:
        rows = self._rows()
        if start is not None:
            rows = rows[:bisect.bisect_right(self._cache["starts"], start)]
        for row in reversed(rows):
            if accept(row[2]):
                return row[2]
        for name in self._records:
            if accept(name):
                return name
        return None

    def _person_by_name(self, tokens: list[str]) -> str | None:
        people = [r for r in self._records.values() if r.kind == "person"]
        for record in people:
            if record.name.split() == tokens:
                return record.name
        for record in people:
            own = record.name.split()
            if own[-1] == tokens[-1] and (len(tokens) == 1 or all(t in own for t in tokens)):
                return record.name
        return None


@lru_cache(maxsize=4096)
def _scan_phrase(phrase: str) -> "_Extractor":
    """The rules run over a phrase alone (for look-ups of surfaces out of context)."""
    sub = _Extractor(phrase, None, gazetteer())
    sub.run()
    return sub


def _same_role(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


# ----------------------------------------------------------------------------
# Extraction


class _Extractor:
    """Runs the rules over one text; `article` gives block kinds when known."""

    def __init__(self, text: str, article: Article | None, g: Gazetteer):
        self.text = text
        self.article = article
        self.g = g
        self.p = _patterns()
        self.hits: list[_Hit] = []
        self.hit_by_end: dict[int, _Hit] = {}
        self.hit_by_start: dict[int, _Hit] = {}
        self.persons: list[_Person] = []
        self.role_nouns: list[_RoleNoun] = []
        self.actors: dict[str, _Actor] = {}
        self.mentions: list[_Mention] = []
        self.ministry_names: list[str] = []
        self.forces_names: list[str] = []
        self.place_spans: list[tuple[int, int]] = []  # capitals used as places
        self.title_spans: list[tuple[int, int]] = []
        self._starts: list[int] | None = None
        self._lower_words: set[str] | None = None
        self._hit_ends: list[int] | None = None
        self._inner_caps: set[str] = set()
        if article is not None:
            self._block_starts = [b.start for b in article.blocks]
            self._blocks = article.blocks
        else:
            self._block_starts, self._blocks = [], []

    # -- small helpers ------------------------------------------------------
    def block_kind(self, offset: int) -> str:
        if not self._blocks:
            return "body"
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i < 0:
            return "boilerplate"
        block = self._blocks[i]
        return block.kind if offset < block.end else "boilerplate"

    def sentence_start(self, offset: int) -> int:
        """Start of the sentence (or line) holding `offset`."""
        if self.article is not None and self.article.sentences:
            starts = self._sentence_starts()
            i = bisect.bisect_right(starts, offset) - 1
            return starts[i] if i >= 0 else 0
        cut = max(self.text.rfind(". ", 0, offset), self.text.rfind("\n", 0, offset))
        return cut + 1 if cut >= 0 else 0

    def _sentence_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [s.start for s in self.article.sentences]
        return self._starts

    def actor(self, name: str, kind: str, affiliation: str | None = None, role: str | None = None) -> _Actor:
        record = self.actors.get(name)
        if record is None:
            record = _Actor(name, kind, affiliation, role)
            self.actors[name] = record
        return record

    def mention(self, name: str, kind: str, start: int, end: int, alias: bool = True) -> None:
        self.mentions.append(_Mention(name, kind, start, end))
        if alias:
            self.actors[name].alias(self.text[start:end])

    def prev_hit(self, pos: int) -> _Hit | None:
        """The known name that ends just before `pos` (allowing a possessive 's)."""
        q = pos
        while q > 0 and self.text[q - 1] in " \t":
            q -= 1
        if q == pos and pos > 0:
            return None
        hit = self.hit_by_end.get(q)
        if hit is None and q >= 2 and self.text[q - 2] in APOSTROPHES and self.text[q - 1] == "s":
            hit = self.hit_by_end.get(q - 2)
        if hit is None and q >= 1 and self.text[q - 1] in APOSTROPHES:
            hit = self.hit_by_end.get(q - 1)
        return hit

    def state_of(self, hit: _Hit | None) -> str | None:
        if hit is None:
            return None
        for sense in hit.senses:
            if sense.kind == "state":
                return sense.entity
        return None

    def affiliation_of(self, hit: _Hit | None) -> tuple[str | None, str | None]:
        """(actor name, kind) that a modifier hit stands for, if any."""
        if hit is None:
            return None, None
        for sense in hit.senses:
            if sense.kind in ("state", "organization", "media", "armed_forces"):
                return sense.entity, sense.kind
        for sense in hit.senses:
            if sense.kind == "place" and sense.entity in self.g.actors:
                return sense.entity, "territory"
        return None, None

    def in_title(self, offset: int) -> bool:
        i = bisect.bisect_right(self.title_spans, (offset, 10 ** 9)) - 1
        return i >= 0 and self.title_spans[i][0] <= offset < self.title_spans[i][1]

    def is_known(self, start: int) -> bool:
        return start in self.hit_by_start

    def clean_name(self, start: int, end: int) -> tuple[int, int, list[str]] | None:
        """Trim a captured name to its real tokens; None if it is no name."""
        tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(rf"(?:{_PARTICLE})?{_TOKEN}", self.text[start:end])]
        tokens = [(start + s, start + e, w) for s, e, w in tokens]
        while tokens and (tokens[-1][2] in _NOT_NAMES or self.is_known(tokens[-1][0])):
            tokens.pop()
        # A name starts after the last word that is a title, a known name or
        # a common word ("Commission Chairperson Amina Diallo" -> "Amina Diallo").
        cut = max((i for i, (s, _, w) in enumerate(tokens)
                   if w in _NOT_NAMES or self.is_known(s) or self.in_title(s)), default=-1)
        tokens = tokens[cut + 1:]
        if not tokens:
            return None
        words = [w for _, _, w in tokens]
        return tokens[0][0], tokens[-1][1], words

    # -- passes -------------------------------------------------------------
    def run(self) -> None:
        self.find_hits()
        self.find_ministries()
        self.find_forces()
        self.find_titles()
        self.find_speakers()
        self.find_signatures()
        self.merge_people()
        self.resolve_role_nouns()
        self.scan_person_names()
        self.add_known_mentions()
        self.add_flags()

    def find_hits(self) -> None:
        for m in self.g.known_regex.finditer(self.text):
            senses = self.g.lookup(m.group())
            if not senses:
                continue
            hit = _Hit(m.start(), m.end(), m.group(), senses)
            self.hits.append(hit)
            self.hit_by_end[hit.end] = hit
            self.hit_by_start[hit.start] = hit

    def _ministry(self, state: str, portfolio: str, start: int, end: int) -> str:
        name = f"{self.g.demonym(state)} {portfolio} ministry"
        self.actor(name, "organization", state)
        self.mention(name, "name", start, end)
        self.ministry_names.append(name)
        return name

    def find_ministries(self) -> None:
        text = self.text
        for m in self.p["ministry"].finditer(text):
            portfolio = self.g.portfolios[m.group("port").lower()]
            hit = self.prev_hit(m.start())
            state = self.state_of(hit)
            place = next((x.entity for x in hit.senses if x.kind == "place"), None) if hit else None
            if state:
                self._ministry(state, portfolio, hit.start, m.end())
            elif place:
                # "the Gaza health ministry": an administration that is not a state's
                name = f"{self.text[hit.start:hit.end]} {portfolio} ministry"
                self.actor(name, "organization", place)
                self.mention(name, "name", hit.start, m.end())
                self.ministry_names.append(name)
            else:
                self.role_nouns.append(_RoleNoun(m.start(), m.end(), f"{portfolio} ministry", None, None, False))
        for m in self.p["ministry_of"].finditer(text):
            portfolio = self.g.portfolios[m.group("port").lower()]
            state, start, end = self.state_of(self.prev_hit(m.start())), m.start(), m.end()
            if state:
                start = self.prev_hit(m.start()).start
            else:
                after = re.match(r"\s+of\s+", text[end:end + 8])
                nxt = self.hit_by_start.get(end + after.end()) if after else None
                state = self.state_of(nxt)
                if state:
                    end = nxt.end
            if state:
                self._ministry(state, portfolio, start, end)
        for m in self.p["the_ministry"].finditer(text):
            self.role_nouns.append(_RoleNoun(m.start(), m.end(), "ministry", None, None, False))

    def find_forces(self) -> None:
        for m in self.p["forces"].finditer(self.text):
            hit = self.prev_hit(m.start())
            state = self.state_of(hit)
            if not state or any(s.use == "building" for s in hit.senses):
                continue
            # "Armenian forces" but not "Armenian-backed forces" or "Moscow's own forces"
            name = f"{self.g.demonym(state)} armed forces"
            self.actor(name, "armed_forces", state)
            self.mention(name, "name", hit.start, m.end())
            self.forces_names.append(name)
            # "Armenian and Azerbaijani forces": the first demonym too.
            gap = re.search(r"(?:,\s*|\s+)(?:and|or|,)\s+$|,\s+$", self.text[max(0, hit.start - 8):hit.start])
            if gap:
                first = self.hit_by_end.get(hit.start - len(gap.group()))
                other = self.state_of(first)
                if other:
                    other_name = f"{self.g.demonym(other)} armed forces"
                    self.actor(other_name, "armed_forces", other)
                    # the bare demonym is this mention's surface, not a name of the forces
                    self.mention(other_name, "name", first.start, first.end, alias=False)
                    self.forces_names.append(other_name)

    def _left_of_title(self, start: int) -> tuple[int, str | None, str | None, bool, str]:
        """Walk left from a title over modifiers to its affiliation.

        Returns (phrase start, affiliation, affiliation kind, explicit, modifiers).
        """
        text = self.text
        pos = start
        modifiers = []
        words = _modifier_words()
        while True:
            # the word (or two-word phrase) just before `pos`, without a regex scan
            end = pos
            while end > 0 and text[end - 1] == " ":
                end -= 1
            if end == pos:
                break
            begin = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1
            word = text[begin:end]
            if word.lower() not in words:
                begin2 = max(text.rfind(" ", 0, begin - 1), text.rfind("\n", 0, begin - 1)) + 1
                word = text[begin2:end]
                if begin < 1 or word.lower() not in words:
                    break
                begin = begin2
            modifiers.insert(0, word)
            pos = begin
        hit = self.prev_hit(pos)
        if hit is not None:
            aff, kind = self.affiliation_of(hit)
            if aff:
                return hit.start, aff, kind, True, " ".join(modifiers)
        window = text[max(0, pos - 40):pos]
        owner = _OWNER.search(window)
        if owner:
            noun = owner.group("noun").lower()
            aff = self._recent_owner(pos, noun)
            return pos - (len(window) - owner.start(1)), aff, None, True, " ".join(modifiers)
        det = _DETERMINER.search(window)
        if det:
            explicit = det.group(1).lower() in ("the", "his", "her", "its", "their")
            return pos - (len(window) - det.start(1)), None, None, explicit, " ".join(modifiers)
        return pos, None, None, False, " ".join(modifiers)

    def _recent_owner(self, pos: int, noun: str) -> str | None:
        """The territory ("the region's") or state ("the country's") named last before `pos`."""
        if self._hit_ends is None:
            self._hit_ends = [h.end for h in self.hits]
        for hit in reversed(self.hits[:bisect.bisect_right(self._hit_ends, pos)]):
            if noun in ("region", "territory", "enclave", "republic"):
                for sense in hit.senses:
                    if sense.kind == "place" and sense.entity in self.g.actors:
                        return sense.entity
            elif noun in ("country", "state"):
                state = self.state_of(hit)
                if state:
                    return state
            else:
                for sense in hit.senses:
                    if sense.kind in ("organization", "armed_forces"):
                        return sense.entity
        return None

    def find_titles(self) -> None:
        text = self.text
        self.title_spans = [(m.start(), m.end()) for m in self.g.title_regex.finditer(text)]
        for m in self.g.title_regex.finditer(text):
            phrase = normalize(m.group()).lower()
            if phrase in self.g.titles:
                role, gender = self.g.titles[phrase]
            else:
                portfolio = self.g.portfolios.get(phrase.rsplit(" ", 1)[0], phrase.rsplit(" ", 1)[0])
                role, gender = f"{portfolio} minister", None
            start, aff, aff_kind, explicit, modifiers = self._left_of_title(m.start())
            if "ministry" in modifiers.lower().split():
                role = f"{modifiers.lower()} {role}".split("ministry", 1)
                role = ("ministry".join(role)).strip()
                role = re.sub(r"^.*?(\w+ ministry)", r"\1", role)
            elif modifiers and phrase not in ("counterpart",):
                extra = [w for w in modifiers.lower().split() if w in ("deputy", "acting", "former", "interim", "vice")]
                if extra:
                    role = " ".join(extra + [role])
            # The name after the title ("President Ilham Aliyev", "counterpart, Jeyhun Bayramov").
            after = re.match(r"\s*,?\s+", text[m.end():m.end() + 4])
            name = None
            if after and text[m.end():m.end() + 1] != "." or (after and phrase.endswith(".")):
                nm = _NAME_RE.match(text, m.end() + after.end()) if after else None
                if nm:
                    name = self.clean_name(nm.start(), nm.end())
                    if name and name[0] != nm.start():
                        name = None
            if phrase == "counterpart" and aff_kind == "state" and not name:
                name = None
            if name:
                s, e, words = name
                person = _Person(words, role=None if phrase == "counterpart" else role,
                                 affiliation=aff if aff_kind != "media" else None, gender=gender)
                person.spans.append((s, e, "name"))
                person.surfaces.append(text[start:m.end()])
                if phrase == "counterpart":
                    person.role = self._antecedent_role(start)
                self.persons.append(person)
                continue
            # No name after: a role noun, unless it is an appositive of a name before it.
            before = _NAME_AT_END.search(text[max(0, start - 60):start])
            if before:
                bs = max(0, start - 60) + before.start(1)
                cleaned = self.clean_name(bs, bs + len(before.group(1)))
                if cleaned:
                    s, e, words = cleaned
                    person = _Person(words, role=role, affiliation=aff, gender=gender)
                    person.spans.append((s, e, "name"))
                    person.surfaces.append(text[start:m.end()])
                    self.persons.append(person)
                    continue
            if explicit and (aff or role not in _GENERIC_ROLES) and phrase != "counterpart":
                self.role_nouns.append(_RoleNoun(start, m.end(), role, aff, gender, bool(aff)))

    def _antecedent_role(self, pos: int) -> str | None:
        begin = self.sentence_start(pos)
        roles = [p.role for p in self.persons if p.role and p.spans and begin <= p.spans[0][0] < pos]
        return roles[-1] if roles else None

    def _accept_bare_name(self, start: int, words: list[str]) -> bool:
        """A name found only next to a speech verb: reject common words."""
        if len(words) > 1:
            return True
        word = words[0]
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"(?<![\w\-])[a-z]+(?![\w\-])", self.text))
            self._inner_caps = set(re.findall(r"[a-z,;]\s+([A-Z]\w+)", self.text))
        if word.lower() in self._lower_words:
            return False
        at_start = self.sentence_start(start) == start or self.text[max(0, start - 2):start] in ('"', "“", '" ', "“ ")
        return not at_start or word in self._inner_caps

    def find_speakers(self) -> None:
        for key in ("speaker_before", "speaker_after"):
            for m in self.p[key].finditer(self.text):
                cleaned = self.clean_name(m.start("name"), m.end("name"))
                if not cleaned:
                    continue
                s, e, words = cleaned
                if key == "speaker_before" and e != m.end("name"):
                    continue
                if key == "speaker_after" and s != m.start("name"):
                    continue
                if not self._accept_bare_name(s, words):
                    continue
                person = _Person(words)
                person.spans.append((s, e, "name"))
                self.persons.append(person)
        for m in self.p["honorific"].finditer(self.text):
            cleaned = self.clean_name(m.start("name"), m.end("name"))
            if cleaned and cleaned[0] == m.start("name"):
                s, e, words = cleaned
                person = _Person(words, gender=_HONORIFICS.get(m.group("hon")))
                person.spans.append((s, e, "name"))
                self.persons.append(person)

    def find_signatures(self) -> None:
        for paren in re.finditer(r"\(\s*@\w", self.text):
            m = self.p["signature_name"].search(self.text, max(0, paren.start() - 80), paren.start() + 40)
            if m is None or m.start("handle") < paren.start():
                continue
            cleaned = self.clean_name(m.start("name"), m.end("name"))
            handle = m.group("handle")
            if not cleaned:
                hit = self.hit_by_start.get(m.start("name"))
                aff, kind = self.affiliation_of(hit)
                if aff:
                    self.actor(aff, kind, aff if kind == "state" else self.g.actors.get(aff).affiliation)
                    self.actors[aff].handle = handle
                    self.mention(aff, "handle", m.start("handle"), m.end("handle"))
                continue
            s, e, words = cleaned
            person = _Person(words, handle=handle)
            person.spans.append((s, e, "name"))
            person.spans.append((m.start("handle"), m.end("handle"), "handle"))
            self.persons.append(person)

    def merge_people(self) -> None:
        merged: list[_Person] = []
        for cand in sorted(self.persons, key=lambda p: (-len(p.tokens), p.spans[0][0])):
            target = None
            for person in merged:
                if person.tokens[-1] != cand.tokens[-1]:
                    continue
                if len(cand.tokens) == 1 or all(t in person.tokens for t in cand.tokens):
                    target = person
                    break
            if target is None:
                merged.append(cand)
                continue
            target.spans.extend(cand.spans)
            target.surfaces.extend(cand.surfaces)
            for attr in ("role", "affiliation", "gender", "handle"):
                if getattr(target, attr) is None:
                    setattr(target, attr, getattr(cand, attr))
        self.persons = merged
        for person in merged:
            record = self.actor(person.name, "person", person.affiliation, person.role)
            record.gender = person.gender
            record.handle = person.handle
            record.alias(person.name)
            for s, e, kind in sorted(set(person.spans)):
                if kind == "name" and " ".join(self.text[s:e].split()) != person.name:
                    kind = "surname" if len(self.text[s:e].split()) == 1 else "name"
                self.mention(person.name, kind, s, e)
            for surface in person.surfaces:
                record.alias(surface)

    def resolve_role_nouns(self) -> None:
        self._by_start = sorted((m.start, m.actor) for m in self.mentions)
        self._person_starts: dict[str, list[int]] = {}
        for start, actor in self._by_start:
            if self.actors[actor].kind == "person":
                self._person_starts.setdefault(actor, []).append(start)
        for rn in sorted(self.role_nouns, key=lambda r: r.start):
            if rn.role.endswith("ministry"):
                portfolio = rn.role[: -len("ministry")].strip()
                name = self._recent_mention(rn.start, lambda a: a.kind == "organization" and a.name.endswith(
                    "ministry") and (not portfolio or f" {portfolio} ministry" in a.name))
                if name:
                    self.mention(name, "role_noun", rn.start, rn.end)
                continue
            name = self._person_for_role(rn)
            if name is None:
                continue
            record = self.actors[name]
            if record.role is None:
                record.role = rn.role
            if record.affiliation is None and rn.affiliation:
                record.affiliation = rn.affiliation
            if record.gender is None:
                record.gender = rn.gender
            self.mention(name, "role_noun", rn.start, rn.end)

    def _recent_mention(self, pos: int, accept) -> str | None:
        i = bisect.bisect_left(self._by_start, (pos, ""))
        for _, actor in reversed(self._by_start[:i]):
            record = self.actors[actor]
            if accept(record):
                return record.name
        return None

    def _person_for_role(self, rn: _RoleNoun) -> str | None:
        people = [a for a in self.actors.values() if a.kind == "person"]
        if not people:
            return None
        def distance(name: str) -> int:
            starts = self._person_starts.get(name) or [0]
            i = bisect.bisect_left(starts, rn.start)
            # a preceding mention is the usual antecedent; a later one is a cataphor
            return rn.start - starts[i - 1] if i > 0 else 10 ** 9 + starts[0] - rn.start

        def fits(a: _Actor) -> bool:
            return not (rn.affiliation and a.affiliation and a.affiliation != rn.affiliation)

        def before(a: _Actor) -> bool:
            starts = self._person_starts.get(a.name) or []
            return bool(starts) and starts[0] < rn.start

        generic = rn.role in _GENERIC_ROLES or rn.role == "head"
        tiers = [
            # same role: "the foreign minister" after "Foreign Minister X"
            [a for a in people if a.role and _same_role(a.role, rn.role) and fits(a)
             and (rn.affiliation is None or a.affiliation == rn.affiliation)],
            # same body: "the UN chief" after "UN Secretary-General X"
            [a for a in people if rn.affiliation and a.affiliation == rn.affiliation
             and (a.role is None or generic)],
            # "Russia's top diplomat" for a speaker known so far by name alone
            [a for a in people if a.role is None and a.affiliation is None and before(a)] if rn.explicit else [],
        ]
        for tier in tiers:
            if tier:
                return min(tier, key=lambda a: distance(a.name)).name
        return None

    def scan_person_names(self) -> None:
        people = [a for a in self.actors.values() if a.kind == "person"]
        if not people:
            return
        claimed = [(m.start, m.end) for m in self.mentions if self.actors[m.actor].kind == "person"]
        forms: dict[str, str] = {}
        for person in people:
            tokens = person.name.split()
            forms.setdefault(person.name, person.name)
            for surface in person.aliases:
                if _NAME_RE.fullmatch(surface) and surface.split()[-1] == tokens[-1]:
                    forms.setdefault(surface, person.name)
            if len(tokens[-1]) > 2:
                surnames = [p for p in people if p.name.split()[-1] == tokens[-1]]
                if len(surnames) == 1:
                    forms.setdefault(tokens[-1], person.name)
        regex = re.compile(r"(?<![\w\-@])(?:" + trie_regex(set(forms)) + r")(?![\w\-])")
        starts = sorted(claimed)
        for m in regex.finditer(self.text):
            i = bisect.bisect_right(starts, (m.start(), 10 ** 9)) - 1
            if i >= 0 and starts[i][1] > m.start():
                continue
            j = i + 1
            if j < len(starts) and starts[j][0] < m.end():
                continue
            if self.is_known(m.start()):
                continue
            # "Heydar Aliyev" is not "Ilham Aliyev": a different first name before the surname
            before = re.search(rf"({_TOKEN})\s+$", self.text[max(0, m.start() - 30):m.start()])
            name = forms[m.group()]
            if before and before.group(1) not in _NOT_NAMES and before.group(1) not in name.split() \
                    and not self.is_known(m.start() - len(before.group(0))) and len(m.group().split()) == 1:
                continue
            kind = "name" if len(m.group().split()) > 1 else "surname"
            self.mention(name, kind, m.start(), m.end())

    def add_known_mentions(self) -> None:
        person_spans = sorted((m.start, m.end) for m in self.mentions if self.actors[m.actor].kind == "person")
        for hit in self.hits:
            i = bisect.bisect_right(person_spans, (hit.start, 10 ** 9)) - 1
            if i >= 0 and person_spans[i][0] <= hit.start < person_spans[i][1]:
                continue
            sense = self._actor_sense(hit)
            if sense is None:
                continue
            entity, kind, mention_kind = sense
            known = self.g.actors.get(entity)
            affiliation = known.affiliation if known else entity
            record = self.actor(entity, kind, affiliation, known.role if known else None)
            self.mention(record.name, mention_kind, hit.start, hit.end)

    def _actor_sense(self, hit: _Hit) -> tuple[str, str, str] | None:
        text = self.text
        for sense in hit.senses:
            if sense.kind == "state":
                if sense.mention_kind == "metonym" and sense.use != "building":
                    if _LOCATIVE.search(text[max(0, hit.start - 30):hit.start]):
                        self.place_spans.append((hit.start, hit.end))
                        return None
                return sense.entity, "state", sense.mention_kind
            if sense.kind in ("organization", "media", "armed_forces"):
                return sense.entity, sense.kind, sense.mention_kind
        for sense in hit.senses:
            if sense.kind == "place" and sense.entity in self.g.actors:
                if _TERRITORY_USE.match(text, hit.end):
                    return sense.entity, "territory", "name"
        return None

    def add_flags(self) -> None:
        for m in _FLAG_RE.finditer(self.text):
            iso = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in m.group())
            state = self.g.states_by_iso.get(iso)
            if state:
                self.actor(state, "state", state)
                self.mentions.append(_Mention(state, "metonym", m.start(), m.end()))


def index_actors(article: Article) -> ActorIndex:
    """Find every actor mention in `article` and merge them into actors."""
    g = gazetteer()
    ex = _Extractor(article.text, article, g)
    ex.run()

    outlet = article.meta.outlet
    if outlet:
        senses = [s for s in g.lookup(outlet) if s.kind == "media"]
        name = senses[0].entity if senses else outlet
        known = g.actors.get(name)
        record = ex.actor(name, "media", known.affiliation if known else None, "publisher")
        record.role = "publisher"
        record.alias(outlet)

        already = {x.start for x in ex.mentions if x.actor == name}
        for m in re.finditer(rf"(?<![\w\-]){re.escape(outlet)}(?![\w\-])", article.text):
            if m.start() not in already:
                ex.mention(name, "name", m.start(), m.end())

    sentence_starts = [s.start for s in article.sentences]
    rows = []
    seen = set()
    for mention in sorted(ex.mentions, key=lambda m: (m.start, -m.end)):
        key = (mention.actor, mention.start, mention.end)
        if key in seen:
            continue
        seen.add(key)
        i = bisect.bisect_right(sentence_starts, mention.start) - 1
        rows.append({
            "actor": mention.actor, "actor_kind": ex.actors[mention.actor].kind,
            "mention_kind": mention.kind, "surface": article.text[mention.start:mention.end],
            "start": mention.start, "end": mention.end,
            "sentence_id": article.sentences[i].sentence_id if i >= 0 else 0,
            "block_kind": ex.block_kind(mention.start),
        })
    mentions = pd.DataFrame(rows, columns=[c for c in schemas.COLUMNS["mentions"] if c != "mention_id"])
    mentions.insert(0, "mention_id", range(len(mentions)))
    mentions = schemas.conform("mentions", mentions)

    story = mentions[mentions["block_kind"].isin(STORY_KINDS)]
    counts = story.groupby("actor", observed=True).size().to_dict() if not story.empty else {}
    first_story = story.groupby("actor", observed=True)["start"].min().to_dict() if not story.empty else {}
    first_any = mentions.groupby("actor", observed=True)["start"].min().to_dict() if not mentions.empty else {}
    actor_rows = []
    for record in ex.actors.values():
        in_story = record.name in counts or (record.kind == "media" and record.role == "publisher")
        story_aliases = [a for a in record.aliases]
        actor_rows.append({
            "name": record.name, "kind": record.kind,
            "affiliation": record.name if record.kind == "state" else record.affiliation,
            "role": record.role, "aliases": "|".join(story_aliases),
            "mentions": int(counts.get(record.name, 0)),
            "first_offset": int(first_story.get(record.name, first_any.get(record.name, 0))),
            "in_story": bool(in_story),
        })
    actors = pd.DataFrame(actor_rows, columns=list(schemas.COLUMNS["actors"]))
    actors = actors.sort_values(["in_story", "first_offset"], ascending=[False, True], kind="stable")
    actors = schemas.conform("actors", actors)
    handles = {r.handle.lower(): r.name for r in ex.actors.values() if r.handle}
    return ActorIndex(article, actors, mentions, _records=dict(ex.actors), _handles=handles)
