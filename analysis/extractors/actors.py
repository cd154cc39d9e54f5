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
  ministry"; "the Hamas-run health ministry" -> "Gaza health ministry",
  affiliated to Hamas; a bare "the health ministry" with no ministry of that
  portfolio before it -> the main state's) and armed forces ("Armenian and
  Azerbaijani forces");
- named bodies the gazetteer lacks: a capitalised name ending in a body noun
  after a state ("Ukraine's General Staff" -> "Ukrainian General Staff"),
  or alone when it speaks or defines an acronym ("Armed Conflict Location &
  Event Data Project (ACLED)");
- acronyms the text defines ("Somali National Army (SNA)", ", known by its
  French initials PNH,") outrank the gazetteer's; an acronym may take several
  letters of a word (AUSSOM) or come from another language when the name is a
  body's (BINUH); a state's army named in full takes "<demonym> army" and its
  police "<demonym> police"; one body per leading state ("the Kenyan-led
  force" = "the Kenyan-led Multinational Security Support mission");
- armed groups the gazetteer lacks, by a group noun after or in apposition to
  their name ("the Kòd Solidarite gang coalition"), and a place's office that
  speaks ("North Kivu's provincial health division said");
- no person is made of words inside a known name ("Health Organization"), of
  a name before a facility noun ("Al-Shifa hospital") or ending in a body
  noun, or of an adjective after a speech verb ("urged Western allies");
- a person's affiliation: the body or state before the title (a state's
  ministry, office or army speaks for the state: "Pentagon spokesman" ->
  United States), after it ("commander of the RSF"), the owner of "his
  spokesman" / "the group's coordinator", the army's state for "army
  spokesman", the place's country for a governor or mayor, else the state
  named last in the sentence, else the story's main state (the dateline's,
  or the one named most);
- surnames that differ only by transliteration or a particle are one person
  (Zelensky / Zelenskyy / Zelenskiy; al-Burhan / Burhan).

Mentions may nest: the state inside "Azerbaijan's defense ministry" is a
mention of the state, and the whole phrase a mention of the ministry.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

import pandas as pd

from .. import lexicon, schemas
from ..article import Article
from ..gazetteer import APOSTROPHES, Gazetteer, Sense, gazetteer, normalize, trie_regex

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
Western Eastern Northern Southern Central Arab Islamist Jihadist Allied Coalition Rebel Militia Militants
Fighters Parliament Cabinet Army Navy Military Spokesman Spokeswoman Spokesperson Officer Commander
""".split())

_HONORIFICS = {"Mr": "male", "Mr.": "male", "Mrs": "female", "Mrs.": "female", "Ms": "female",
               "Ms.": "female", "Dr": None, "Dr.": None}

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LOW = "a-zß-öø-ÿā-žə"
_TOKEN = rf"[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:['’\-](?!s\b)[{_UP}]?[{_LOW}]+)*"
_PARTICLES = ("al", "el", "ul", "bin", "ibn", "bint", "van", "von", "de", "da", "di", "du", "der", "den", "le", "la",
              "abu", "ben", "del", "della", "dos", "das")
_PARTICLE = rf"(?:{trie_regex(_PARTICLES)})(?:-|[ \t\u00a0]+)"
_GAP = r"[ \t\u00a0]+"  # names never run across a line break
NAME = rf"(?:{_PARTICLE})?{_TOKEN}(?:{_GAP}(?:[{_UP}]\.{_GAP})?(?:{_PARTICLE})?{_TOKEN}){{0,3}}"
_NAME_RE = re.compile(NAME)
_NAME_TOKEN = re.compile(rf"(?:{_PARTICLE})?{_TOKEN}")
_TOKEN_AT_END = re.compile(rf"({_TOKEN})\s+$")
_WORD_RUN = re.compile(r"[\w\-]+")
_LOWER_WORD = re.compile(r"[a-z]+")
# A title's remit before an appositive name: "envoy for Yemen, ", "coordinator for the Sahel, "
_TITLE_REMIT = re.compile(r"[ \t]+(?:for|to|on|in)[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019-]*"
                          r"(?:[ \t]+(?:and|of|[A-Z][\w'\u2019-]*))*[ \t]*,[ \t]+")
_NAME_AT_END = re.compile(rf"({NAME})\s*,\s*(?:(?i:the|a|an|his|her|its|their)\s+)?$")
_COMMA_AT_END = re.compile(r",\s*(?:\S{1,5}\s+)?$")  # found wherever _NAME_AT_END is (determiners: 1-5 letters)
_AFTER_TITLE = re.compile(r"\s*,?\s+")
_AFTER_TITLE_SAME_LINE = re.compile(r"[ \t]*,?[ \t]+")
_OF_AFTER = re.compile(r"\s+of\s+")
_LIST_GAP = re.compile(r"(?:,\s*|\s+)(?:and|or|,)\s+$|,\s+$")
_HANDLE_RE = re.compile(r"(?<![\w@])@\w{1,30}")
_FLAG_RE = re.compile("[\U0001F1E6-\U0001F1FF]{2}")
_POSSESSIVE = re.compile(r"['’]s?(?=\s)")
_DETERMINER = re.compile(r"(?:^|\s)(the|a|an|his|her|its|their|our|one)\s+$", re.I)
_OWNER = re.compile(r"(?:^|\s)(the\s+(?P<noun>region|country|state|territory|republic|enclave|group|organi[sz]ation|body|agency|bloc|alliance)['’]s?)\s+$", re.I)
_LOCATIVE = re.compile(
    r"(?:^|[\s(])(?:in|at|near|outside|inside|around|across|throughout|within|into|toward|towards|via|"
    r"visit(?:ed|ing|s)?|reached|entered)\s+(?:the\s+)?(?:(?:city|capital|town)\s+(?:of\s+)?)?$", re.I)
# "the RSF, commanded by Mohamed Hamdan Dagalo", "Hamas, led by ..."
_BY = re.compile(r"by[ \t]+(?=[A-Z])")  # (a literal: found fast; _LED_BY then reads the verb before it)
_LED_BY = re.compile(r",?[ \t]+(?P<verb>led|commanded|headed)[ \t]+$")
_NAME_ENDS = re.compile(r"[ \t]*(?:[,.;:)]|$)")
_THE_ARMY = re.compile(r"(?<![\w\-])the[ \t]+(?:army|military)$", re.I)
# A name right after these is a place, not a person in apposition: "in Kyiv, a local official said",
# "the village of Nassoumbou, a resident said"
_PLACE_BEFORE = re.compile(
    r"(?:^|[\s(])(?:(?:in|at|near|outside|inside|around|across|throughout|within|into)[ \t]+(?:the[ \t]+)?"
    r"|(?:city|capital|town|village|district|province|region|camp|settlement|neighbou?rhood)[ \t]+of[ \t]+)$",
    re.I)
_TERRITORY_USE = re.compile(
    r"\s*(?:['’]s?\s|\s+(?:authorities|government|officials|leadership|administration|leader|president|"
    r"ombudsman|military|forces|army)\b)")
_RUN_SUFFIXES = ("-run", "-led", "-controlled", "-administered", "-backed", "-allied", "-affiliated", "-linked")
_OWNED_SUFFIXES = ("-run", "-owned", "-controlled")  # "state-run", "state-owned"
# "the Hamas-run health ministry", "Houthi-controlled"
_RUN_BY = re.compile(r"(?P<run>-(?:run|led|controlled|administered))[ \t]+$")
_WORD = re.compile(r"[\w'’\-.]+|&")
_CONNECTORS = frozenset({"of", "for", "the", "and", "&", "on", "de", "du", "des", "al", "el"})
_ACRONYM_CONNECTORS = _CONNECTORS | {"in"}  # "Mission in Somalia (AUSSOM)"
_ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Z&]{1,9})\)")
_ACRONYM_DEF = re.compile(r"[ \t]+\(([A-Z][A-Z&]{1,9})\)")
# ", known by its French initials PNH": an acronym given after a body's name
_KNOWN_AS = re.compile(r",?[ \t]+(?:also[ \t]+)?known[ \t]+(?:by|as)[ \t]+(?:its|the|their)[ \t]+"
                       r"(?:[A-Za-z\-]+[ \t]+){0,2}?(?:acronym|initials|abbreviation)[ \t]*,?[ \t]+"
                       r"([A-Z][A-Z&]{1,9})\b")
_ACCORDING_TO = re.compile(r"\b(?:[Aa]ccording\s+to|[Cc]ited|[Ss]aid|[Tt]old)\s+(?:the\s+)?$")


def _initials_fit(acronym: str, words: list[str]) -> bool:
    """True when the acronym's letters are, in order, the starts of the name's capitalised words,
    the first word's among them: each word gives its initial, none, or a longer start (ACLED,
    RSF; AUSSOM for "African Union Support and Stabilization Mission in Somalia"; MSF no)."""
    letters = acronym.replace("&", "").upper()
    parts = [w.upper() for w in words if w[:1].isupper()]
    if not letters or not parts or parts[0][0] != letters[0]:
        return False

    @lru_cache(maxsize=None)
    def fit(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j == len(parts):
            return False
        part = parts[j]
        k = 0
        while k < len(part) and i + k < len(letters) and part[k] == letters[i + k]:
            k += 1
            if fit(i + k, j + 1):
                return True
        return j > 0 and fit(i, j + 1)  # the first word gives at least its initial

    return fit(0, 0)


_LANGUAGE_USE = re.compile(r"(?:-language|-speaking|[ \t]+(?:acronym|abbreviation|initials|name|language|"
                           r"word|translation|speakers|-language|media|press|-language\b))\b")
_PREP_BEFORE = re.compile(r"(?<![\w\-])(?:of|in|from|near|at|outside|inside|across|for|with)[ \t]+$")
_OF_BODY = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
_DATELINE = re.compile(r"([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2}),")
_GENERIC_ROLES = frozenset({"official", "leader", "head", "aide", "adviser", "minister", "commander",
                            "director", "chair", "envoy", "general", "colonel"})


# ----------------------------------------------------------------------------
# Fast scans
#
# sre scans a pattern that opens with a lookbehind, or that ignores case, by
# trying every position of the text in turn. Each such pattern below comes with
# a *prefilter*: a case-sensitive pattern with a plain start (sre skips to
# candidates quickly) that matches a *subject* wherever the pattern matches the
# text; the pattern itself then decides at each candidate (`_finditer`). The
# subject is the text itself, its lower-cased copy (`_folded`: for patterns that
# ignore case), or that copy title-cased (`_titled`: only word starts are
# capitals, so a prefilter of capitalised words skips all the rest quickly).

#: Characters the folded and title-cased copies cannot stand: İ ı ſ K, the only non-ASCII
#: characters that re.IGNORECASE equates with an ASCII letter while str.lower() does not map
#: them onto it; and the only characters that are no word characters (\w) yet that str.title()
#: counts as cased, so that no capital follows them (a combining mark, circled and squared
#: letters; lower() maps no other character onto them). `_ODD_BMP`: those below U+10000.
_ODD = re.compile("[\u0130\u0131\u017f\u212a\u0345\u24b6-\u24e9"
                  "\U0001f130-\U0001f149\U0001f150-\U0001f169\U0001f170-\U0001f189]")
_ODD_BMP = re.compile("[\u0130\u0131\u017f\u212a\u0345\u24b6-\u24e9]")


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of text[start:end] inside quotation marks (curly or straight), assuming none is
    open at `start`."""
    spans = []
    opened = None
    for m in _QUOTE_MARK.finditer(text, start, end):
        mark = m.group()
        if opened is None and mark != "”":
            opened = m.end()
        elif opened is not None and mark != "“":
            spans.append((opened, m.start()))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans


_QUOTE_MARK = re.compile('["\u201c\u201d]')


def _beyond_bmp(text: str) -> bool:
    """True when `text` has a character beyond U+FFFF (quicker than a scan for one)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _folded(text: str) -> str | None:
    """`text.lower()` when it can stand in for `text` under re.IGNORECASE, offset for offset:
    for ASCII-lettered patterns, a lower-cased pattern matches it wherever the case-insensitive
    one matches `text`. None when an odd character (`_ODD`) forbids that."""
    folded = text.lower()
    if len(folded) != len(text) or (_ODD if _beyond_bmp(text) else _ODD_BMP).search(text):
        return None
    return folded


def _titled(folded: str | None) -> str | None:
    """`folded.title()`, offset for offset: each letter after a non-word character is a capital
    there (`_folded` has ruled out the odd characters), so a lower-case ASCII phrase W that the
    text holds right after a non-word character (in any case, for a case-insensitive pattern)
    reads W.title() in it. None when `folded` is None or title() changes a length."""
    if folded is None:
        return None
    titled = folded.title()
    return titled if len(titled) == len(folded) else None


def _finditer(pattern: re.Pattern, proposals: list[tuple[re.Pattern, str]], text: str):
    """The matches of `pattern.finditer(text)`, in order, found faster.

    Each of `proposals` is a prefilter and its subject (`text`, or an offset-for-offset copy
    of it); at every offset where `pattern` matches `text`, at least one prefilter matches its
    subject. `pattern.match` decides at each offset they propose, the nearest first.
    Searching on from the end of each match, and from the next offset after a rejected
    proposal, gives finditer's leftmost, non-overlapping matches (`pattern` never matches the
    empty string).
    """
    if len(proposals) == 1:
        prefilter, subject = proposals[0]
        return _finditer_one(pattern, prefilter, subject, text)
    return _finditer_many(pattern, proposals, text)


def _finditer_one(pattern: re.Pattern, prefilter: re.Pattern, subject: str, text: str):
    """`_finditer` with a single prefilter (the usual case), without the bookkeeping of several:
    each search from `pos` is its next proposal."""
    match, search = pattern.match, prefilter.search
    pos = 0
    while True:
        candidate = search(subject, pos)
        if candidate is None:
            return
        at = candidate.start()
        m = match(text, at)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = max(m.end(), at + 1)


def _finditer_many(pattern: re.Pattern, proposals: list[tuple[re.Pattern, str]], text: str):
    """`_finditer` with any number of prefilters."""
    match = pattern.match
    searches = [(prefilter.search, subject) for prefilter, subject in proposals]
    ahead: list[int | None] = [-1] * len(searches)  # each one's next proposal (None: no more)
    pos = 0
    while True:
        at = None
        for i, (search, subject) in enumerate(searches):
            offset = ahead[i]
            if offset is not None and offset < pos:
                candidate = search(subject, pos)
                offset = ahead[i] = candidate.start() if candidate is not None else None
            if offset is not None and (at is None or offset < at):
                at = offset
        if at is None:
            return
        m = match(text, at)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = max(m.end(), at + 1)


def _finditer_anchored(pattern: re.Pattern, text: str, anchors, window):
    """The matches of `pattern.finditer(text)` for a pattern each of whose matches holds exactly
    one of `anchors` (ascending (start, end) spans, none inside another), found window by window.

    `window(start, end)` gives (lo, hi): every match holding that anchor lies in text[lo:hi],
    with room before `hi` for whatever the pattern looks at past a match's end. Each anchor in
    turn, `pattern` searches its window from `lo` (or the end of the last match). A match in a
    window is then a match in the whole text, and the first window holding one holds the
    leftmost match left: the matches are finditer's.
    """
    pos = 0
    for start, end in anchors:
        if start < pos:
            continue  # inside the last match
        lo, hi = window(start, end)
        m = pattern.search(text, max(pos, lo), hi)
        if m is not None:
            yield m
            pos = m.end()


def _space_before(text: str, offset: int) -> int:
    """Where the run of white space ending at `offset` starts (`offset` itself if none)."""
    while offset > 0 and text[offset - 1].isspace():
        offset -= 1
    return offset


def _space_after(text: str, offset: int) -> int:
    """Where the run of white space starting at `offset` ends."""
    size = len(text)
    while offset < size and text[offset].isspace():
        offset += 1
    return offset


def _strip_prefilter(pattern: re.Pattern, head: str, tail: str = "") -> re.Pattern | None:
    """A prefilter for `pattern` (HEAD CORE TAIL, HEAD and TAIL zero-width assertions): CORE
    alone, lower-cased when `pattern` ignores case. None when `pattern` has another shape, or
    ignores case with a non-ASCII or escaped letter in CORE."""
    source = pattern.pattern
    if not (source.startswith(head) and source.endswith(tail)) or len(source) <= len(head) + len(tail):
        return None
    core = source[len(head):len(source) - len(tail)]
    if pattern.flags & re.IGNORECASE:
        if not core.isascii() or re.search(r"\\[A-Za-z]", core):
            return None
        core = core.lower()
    return re.compile(core)


@lru_cache(maxsize=1)
def _prefilters() -> dict[str, list[tuple[tuple[str, re.Pattern], ...]]]:
    """Prefilters (see `_finditer`) for the patterns of `_patterns()` and the gazetteer's:
    name -> options, best first; an option is one or more (subject, prefilter) that together
    propose every match; a subject is "text", "folded" or "titled"."""
    g = gazetteer()

    def titled(words) -> list[tuple[tuple[str, re.Pattern], ...]]:
        """For a pattern that matches one of `words` (lower-case ASCII) right after a non-word
        character (see `_titled`)."""
        if not words or not all(w.isascii() and w == w.lower() for w in words):
            return []
        return [(("titled", re.compile(f"(?:{trie_regex({w.title() for w in words})})")),)]

    def folded(words) -> list[tuple[tuple[str, re.Pattern], ...]]:
        if not all(w.isascii() for w in words):
            return []
        return [(("folded", re.compile(f"(?:{trie_regex({w.lower() for w in words})})")),)]

    def option(subject: str, prefilter: re.Pattern | None) -> list[tuple[tuple[str, re.Pattern], ...]]:
        return [((subject, prefilter),)] if prefilter is not None else []

    # the title regex's own words, when the gazetteer still builds it from these
    title_words = set(g.titles) | {f"{portfolio} minister" for portfolio in g.portfolios}
    own_titles = g.title_regex.pattern == r"(?<![\w\-])(?:" + trie_regex(title_words) + r")(?![\w\-])" \
        and bool(g.title_regex.flags & re.IGNORECASE)
    return {
        # case-insensitive
        "ministry_of": option("folded", re.compile(r"ministry\s+of\s+")),
        "forces": titled({w.lower() for w in g.force_nouns}) + folded(g.force_nouns),
        "title": (titled(title_words) if own_titles else [])
        + option("folded", _strip_prefilter(g.title_regex, r"(?<![\w\-])", r"(?![\w\-])")),
        # case-sensitive
        "speaker_after": titled(set(g.speech_verbs)),
        "speaker_before": _speaker_before_prefilters(trie_regex(set(g.speech_verbs))),
        # (two proposals, each opening with a literal: sre skips to a literal start much faster
        # than to either of two: "M[rs]|Dr" alone costs four times as much)
        "honorific": [(("text", re.compile(r"M[rs]")), ("text", re.compile(r"Dr")))],
        "body_head": option("text", re.compile(rf"(?:{trie_regex(set(g.body_nouns))})")),
        "known": option("text", _strip_prefilter(g.known_regex, r"(?<![\w@#\-.])")),
    }


_MINISTRY_WORD = re.compile("ministry")
_OPEN_PAREN = re.compile(r"\(")


@lru_cache(maxsize=1)
def _longest_portfolio() -> int | None:
    """The length of the longest portfolio, or None when one holds "ministry" or ends in white
    space (then `portfolio_ministries` scans the plain way)."""
    portfolios = gazetteer().portfolios
    if not portfolios or any("ministry" in p.lower() or p != p.rstrip() or not p.isascii() for p in portfolios):
        return None
    return max(len(p) for p in portfolios)


#: Words that may stand between a speaker's name and the speech verb ("Zarif also said").
_SPEECH_ADVERBS = r"also|later|then|further|has|had|again|once\s+again"


def _speaker_before_prefilters(verbs: str) -> list[tuple[tuple[str, re.Pattern], ...]]:
    """Prefilters for the "speaker_before" pattern (see `_finditer`), whose name starts with a
    capital or a particle after no word character. For the capitals, on the text: a name-like
    run of at most ten words (each after the first a capitalised one or a particle) and a speech
    verb; its first character is matched plainly, so sre skips to capitals (the lookbehind after
    it is the pattern's before it). For the particles, on the title-cased copy (see `_titled`),
    where a particle starting a name is capitalised: the particle and what follows it."""
    if not all(p.isascii() and p == p.lower() for p in _PARTICLES):
        return []
    word = r"[\w'’\-.]*"
    capitals = re.compile(
        rf"[{_UP}](?<![\w\-'’].){word}(?:[ \t\u00a0]+(?:[{_UP}]|{'|'.join(_PARTICLES)}){word}){{0,9}}"
        rf"\s+(?:(?:{_SPEECH_ADVERBS})\s+)?(?:{verbs})\b")
    particles = re.compile(rf"(?:{trie_regex({p.title() for p in _PARTICLES})})(?:-|[ \t\u00a0]+)")
    return [(("text", capitals), ("titled", particles))]


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
            rf"(?<![\w\-'’])(?P<name>{NAME})\s+(?:(?:{_SPEECH_ADVERBS})\s+)?"
            rf"(?:{verbs})\b"),
        "speaker_after": re.compile(rf"\b(?:{verbs})\s+(?P<name>{NAME})(?!['’\w])"),
        "honorific": re.compile(rf"\b(?P<hon>Mrs?\.?|Ms\.?|Dr\.?)\s+(?P<name>{NAME})"),
        "signature_name": re.compile(rf"(?P<name>{NAME})\s*\(\s*(?P<handle>@\w{{1,30}})\s*\)"),
        "body_head": re.compile(rf"(?<![\w\-])(?:{trie_regex(set(g.body_nouns))})(?![\w\-])"),
        "verb_after": re.compile(
            rf"[ \t]*,?[ \t]+(?:(?:also|later|then|further|has|had|again|on\s+\w+)[ \t]+)?(?:{verbs})\b"),
        "facility_after": re.compile(
            rf"[ \t\u00a0]+(?:{trie_regex(set(lexicon.word_list('facility_nouns.txt')))})(?![\w\-])", re.I),
    }


#: Lower-case words that may follow a speaker's name ("said Okafor on Friday", "told Reuters that").
_AFTER_NAME = frozenset("""
on in at of to that and or as after before during from for with by who whose which when while late
earlier later last this yesterday today tonight but because since until if than about over into
early again also then now soon recently afterwards however too alone himself herself in-person
""".split())
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([a-z][a-z\-]*)")


@lru_cache(maxsize=1)
def _place_office_pattern() -> re.Pattern:
    """A possessive and a lower-case body phrase: "'s provincial health division" (see
    `_Extractor.find_place_offices`); the match starts at the apostrophe."""
    nouns = trie_regex(set(lexicon.word_list("office_nouns.txt")))
    return re.compile(rf"['’]s[ \t]+(?P<desc>(?:[a-z\-]+[ \t]+){{0,3}}?(?:{nouns}))(?![\w\-])")


@lru_cache(maxsize=1)
def _office_nouns() -> frozenset[str]:
    """The lower-case head nouns of a place's administrative bodies ("bureau", "administration")."""
    return frozenset(lexicon.word_list("office_nouns.txt"))


@lru_cache(maxsize=1)
def _group_nouns() -> frozenset[str]:
    """Nouns of non-state armed groups after a proper name ("gang coalition", "militia")."""
    return lexicon.word_list("group_nouns.txt")


@lru_cache(maxsize=1)
def _group_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A group noun as a word, and its prefilter (see `_finditer`)."""
    nouns = trie_regex(set(_group_nouns()))
    return re.compile(rf"(?<![\w\-])(?:{nouns})(?![\w\-])"), re.compile(f"(?:{nouns})")


def _group_noun_matches(text: str) -> list[re.Match]:
    """The group nouns of `text` as words, in order: found from the literal last words of the
    nouns ("gang", "group"), which str.find skips to faster than a pattern scan."""
    pattern, _ = _group_patterns()
    found: dict[int, re.Match] = {}
    for word in _group_last_words():
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            while end < len(text) and text[end].isalpha():
                end += 1  # "gangs", "groups"
            for m in pattern.finditer(text, max(0, at - 40), min(len(text), end + 2)):
                if m.end() == end and (m.start() not in found or found[m.start()].end() < end):
                    found[m.start()] = m
            at = text.find(word, end)
    return [found[start] for start in sorted(found)]


@lru_cache(maxsize=1)
def _group_last_words() -> tuple[str, ...]:
    """The last words of the group nouns, none inside another ("gang" finds "gangs" too)."""
    words = {n.split()[-1] for n in _group_nouns()}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


# What stands between a name and its group noun: a space ("X gang coalition") or an appositive's
# article and up to two adjectives ("X, an alliance of gangs", "X, a powerful militia").
_GROUP_GAP = re.compile(r"(?:,[ \t]+(?:a|an)[ \t]+(?:[a-z\-]+[ \t]+){0,2}|[ \t\u00a0]+)$")


#: Endings of adjectives that are no names before a group noun ("Kurdish", "Islamic").
_ADJECTIVE_ENDINGS = ("ish", "ic", "ist", "ese", "ian")
_ARMY_LITERALS = (re.compile("army"), re.compile("military"))  # (literals: found fast)
_WORD_CHAR = re.compile(r"[\w\-]")
# "the military government", "the military junta": the state's rulers, not its forces
_RULERS_AFTER = re.compile(r"[ \t]+(?:government|junta|regime|rulers|authorities|court|courts|council)\b")
_STATE_ALLIED = re.compile(r"\b(?:allied|pro-government|government-backed|state-backed|loyalist)\b")
_INDEFINITE_BEFORE = re.compile(r"(?<![\w\-])(?:[Aa]n?|[Aa]nother|[Oo]ne)[ \t]+(?:[a-z\-]+[ \t]+){0,2}$")
_INDEFINITE_AT = re.compile(r"(?:[Aa]n?|[Aa]nother)[ \t]")
# Roles of officers who serve in a force rather than speak for its state.
_MILITARY_ROLES = frozenset({"general", "colonel", "captain", "lieutenant", "sergeant", "admiral", "field marshal",
                             "commander", "army chief", "chief of staff", "commander-in-chief"})
_KNOWN_AS_BEFORE = re.compile(r"\b(?:known|referred[ \t]+to)[ \t]+as[ \t]+(?:the[ \t]+)?$")
_THE_CITY = re.compile(r"(?<![\w\-])[Tt]he[ \t]+(?:city|town)$")
_OF_CAPITAL = re.compile(r"of[ \t]+(?=[A-Z])")  # (a literal start: found fast)
_THE_DESC = re.compile(r"(?<![\w\-])[Tt]he[ \t]+(?P<desc>(?:[a-z\-]+[ \t]+){0,2}?)$")
_PLACE_WORDS = frozenset("region province state governorate district city oblast".split())
_APOSTROPHE_S = re.compile("'s[ \t]")
_CURLY_APOSTROPHE_S = re.compile("’s[ \t]")
_WHO = re.compile(r",[ \t]+who(?:se)?\b")
_WHO_ASIDE = re.compile(r",[ \t]+who(?:se)?\b[^,;.\"“”()]{3,120},")
_INDEFINITE_BEFORE = re.compile(r"(?<![\w\-])(?:[Aa]n?)[ \t]+$")
_NAME_BEFORE = re.compile(rf"(?<![\w\-'’])({NAME})$")
_GROUP_NAME_BEFORE = re.compile(rf"(?<![\w\-'’])({NAME}|[A-Z][A-Z0-9]{{1,5}})$")


def _modifies_noun(text: str, end: int) -> bool:
    """True when a lower-case content word follows `end` ("Western allies", "Kurdish fighters")."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1) not in _AFTER_NAME and not m.group(1).endswith("ly")


@lru_cache(maxsize=1)
def _facility_words() -> frozenset[str]:
    """One-word facility nouns ("hospital", "camp"): a name ending in one is a place."""
    return frozenset(w.lower() for w in lexicon.word_list("facility_nouns.txt") if " " not in w)


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
    _alias_set: set[str] = field(default_factory=set, repr=False, compare=False)  # `aliases`, for `in`
    _surfaces: set[str] = field(default_factory=set, repr=False, compare=False)  # given to alias() so far

    def alias(self, surface: str) -> None:
        if surface in self._surfaces:
            return  # normalised and kept (or not) before
        self._surfaces.add(surface)
        surface = normalize(surface)
        if surface and surface not in self._alias_set:
            self._alias_set.add(surface)
            self.aliases.append(surface)


class _Mention(NamedTuple):  # a tuple of strings and ints: no work for the garbage collector
    actor: str
    kind: str
    start: int
    end: int


assert _Mention._fields == ("actor", "kind", "start", "end")  # (index_actors unzips mentions in this order)


@dataclass
class _Person:
    tokens: list[str]
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    surfaces: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, mention kind
    handle: str | None = None
    owner: int | None = None  # offset of "his"/"her"/"its" before the title ("his spokesman X")
    force: bool = False  # an armed-forces word before the title ("army spokesman X")

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


_ASIDE = re.compile(r",[^,;.\"“”()]{3,100},")
_LED_BODY = re.compile(r"(?P<lead>[A-Z][\w.]*)-led\s+(?:(?P<proper>(?:[A-Z][\w'’\-]*[ \t]+){1,5}?)"
                       r"(?:\((?P<acr>[A-Z][A-Z&]{1,9})\)[ \t]+)?)?"
                       r"(?P<noun>coalition|alliance|mission|forces|force|bloc)\b")


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
    #: every known name of the article's text (see `known_names_in`), kept from indexing
    known_names: list[_Hit] | None = field(default=None, repr=False)

    def known_names_in(self, text: str) -> list[_Hit]:
        """Each name the gazetteer's regex finds in `text` and knows a sense of (start, end,
        surface, senses): as indexing found them when `text` is the article's."""
        if self.known_names is not None and (text is self.article.text or text == self.article.text):
            return self.known_names
        g = gazetteer()
        found = ((m, g.lookup(m.group())) for m in g.known_regex.finditer(text))
        return [_Hit(m.start(), m.end(), m.group(), senses) for m, senses in found if senses]

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
            rows = sorted(zip(m["start"].astype(int).tolist(), m["end"].astype(int).tolist(),
                              m["actor"].astype(str).tolist(), m["actor_kind"].astype(str).tolist()))
            self._cache["rows"] = rows
            self._cache["starts"] = [r[0] for r in rows]
            self._cache["widest"] = max((r[1] - r[0] for r in rows), default=0)
            first: dict[str, int] = {}
            for r in rows:
                first.setdefault(r[2], r[0])
            self._cache["first"] = first
            self._cache["spans"] = (rows, self._cache["starts"], self._cache["widest"])  # for actor_at
        return self._cache["rows"]

    def _at(self, surface: str, start: int) -> str | None:
        return self.actor_at(start, start + len(surface))

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor of the mention at text[start:end]: the exact span, else the
        narrowest mention covering it, else the (person) mention inside it; or None."""
        spans = self._cache.get("spans")  # (called for each quote and figure: one look-up, built once)
        if spans is None:
            self._rows()
            spans = self._cache["spans"]
        rows, starts, widest = spans
        lo = bisect.bisect_left(starts, start - widest)
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

    def _surface(self, surface: str) -> _Surface:
        """What `_lookup` learns from `surface` alone, worked out once per surface."""
        known = self._cache.setdefault("surfaces", {}).get(surface)
        if known is not None:
            return known
        text = normalize(surface).strip(" ,.;:")
        bare = _ARTICLE_START.sub("", text)
        lowered = bare.lower()
        answer = None
        if not bare.startswith("@"):
            for sense in gazetteer().lookup(bare):
                if sense.kind in ("state", "organization", "armed_forces", "media"):
                    answer = sense.entity
                    break
                if sense.kind == "place" and sense.entity in self._records:
                    answer = sense.entity
                    break
        names = ()
        if answer is None:
            by_name, by_alias = self._lowered_names()
            names = tuple(dict.fromkeys(by_name.get(lowered, []) + by_alias.get(lowered, [])
                                        + by_alias.get(text.lower(), [])))
        known = self._cache["surfaces"][surface] = _Surface(text, bare, lowered, answer, names)
        return known

    def _lowered_names(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """({lower-cased name: names}, {lower-cased alias: names}) over every actor, built once."""
        if "lowered_names" not in self._cache:
            by_name: dict[str, list[str]] = {}
            by_alias: dict[str, list[str]] = {}
            for name, record in self._records.items():
                by_name.setdefault(name.lower(), []).append(name)
                for alias in dict.fromkeys(a.lower() for a in record.aliases):
                    by_alias.setdefault(alias, []).append(name)
            self._cache["lowered_names"] = (by_name, by_alias)
        return self._cache["lowered_names"]

    def _lookup(self, surface: str, start: int | None) -> str | None:
        g = gazetteer()
        found = self._surface(surface)
        text, bare, lowered = found.text, found.bare, found.lowered
        if bare.startswith("@"):
            return self._handles.get(bare.lower())
        if found.answer is not None:
            return found.answer
        # The actors seen by `start` whose name or an alias is the surface, lower-cased.
        if found.names:
            self._rows()
            first = self._cache["first"]
            matches = [n for n in found.names if start is None or first.get(n, start + 1) <= start]
            if len(matches) == 1:
                return matches[0]
            if matches:  # which one comes first depends on a set's order: take it as before
                seen = self._seen(start)
                for name in sorted(seen, key=lambda n: n not in self._records):
                    record = self._records.get(name)
                    if record and (lowered == name.lower() or lowered in (a.lower() for a in record.aliases)
                                   or text.lower() in (a.lower() for a in record.aliases)):
                        return name
        # A phrase: scan it as a small text and take its head.
        sub = _scan_phrase(bare)
        if _BARE_MINISTRY.fullmatch(lowered) and not sub.ministry_names:
            if "ministries" not in self._cache:
                self._cache["ministries"] = {n for n, r in self._records.items()
                                             if r.kind == "organization" and n.endswith("ministry")}
            ministries = self._cache["ministries"]
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
        if rn.affiliation and rn.affiliation != record.affiliation:
            return False  # "a UN official": not someone whose body is unknown
        return record.role is None or _same_role(record.role, rn.role) or rn.role == "counterpart"

    def _recent(self, start: int | None, accept) -> str | None:
        rows = self._rows()
        last = len(rows) if start is None else bisect.bisect_right(self._cache["starts"], start)
        for i in range(last - 1, -1, -1):
            if accept(rows[i][2]):
                return rows[i][2]
        for name in self._records:
            if accept(name):
                return name
        return None

    def _person_by_name(self, tokens: list[str]) -> str | None:
        """The person named `tokens`, else the first (in actor order) whose surname folds
        like the last token and whose other names hold the others."""
        if "people" not in self._cache:
            by_tokens: dict[tuple[str, ...], str] = {}
            by_fold: dict[str, list[tuple[str, list[str]]]] = {}
            for record in self._records.values():
                if record.kind == "person":
                    own = record.name.split()
                    by_tokens.setdefault(tuple(own), record.name)
                    by_fold.setdefault(_fold(own[-1]), []).append((record.name, own))
            self._cache["people"] = (by_tokens, by_fold)
        by_tokens, by_fold = self._cache["people"]
        name = by_tokens.get(tuple(tokens))
        if name is not None:
            return name
        for name, own in by_fold.get(_fold(tokens[-1]), ()):
            if len(tokens) == 1 or all(t in own for t in tokens[:-1]):
                return name
        return None


@dataclass(frozen=True)
class _Surface:
    """A surface as `ActorIndex._lookup` reads it: normalised `text`; `bare` without a leading
    article; `lowered`; the gazetteer's `answer` for it; the `names` of actors whose name or
    alias it is, lower-cased (in actor order)."""

    text: str
    bare: str
    lowered: str
    answer: str | None
    names: tuple[str, ...]


_ARTICLE_START = re.compile(r"^(?:the|a|an)\s+", re.I)
_BARE_MINISTRY = re.compile(r"(?:\w+\s+)?ministry")


@lru_cache(maxsize=4096)
def _scan_phrase(phrase: str) -> "_Extractor":
    """The rules run over a phrase alone (for look-ups of surfaces out of context)."""
    sub = _Extractor(phrase, None, gazetteer())
    sub.run()
    return sub


_PARTICLE_START = re.compile(r"^(?:al|el|ul|an|ad|ar|as|ash|at|az)-", re.I)


@lru_cache(maxsize=4096)
def _fold(surname: str) -> str:
    """A surname's transliteration key: Zelensky, Zelenskyy and Zelenskiy agree; so do al-Burhan
    and Burhan."""
    key = _PARTICLE_START.sub("", surname.lower().replace("’", "'"))
    key = re.sub(r"(.)\1", r"\1", key)
    return re.sub(r"(?:iy|yi|ii|ij|yj|iy)$", "y", key)


def _in_last(spans, offset: int) -> bool:
    """True when `offset` lies inside the last of `spans` (ascending by start) that starts at or
    before it."""
    for span_start, span_end in reversed(spans):
        if span_start <= offset:
            return offset < span_end
    return False


def _backwards(items: list, stop: int):
    """items[:stop] from the last to the first, without copying them (a search back from an
    offset usually stops early)."""
    for i in range(stop - 1, -1, -1):
        yield items[i]


def _last_at_or_before(starts: list[int], offsets: list[int]) -> list[int]:
    """For each offset, the index of the last of the ascending `starts` at or before it (-1: none)."""
    right = bisect.bisect_right
    return [right(starts, offset) - 1 for offset in offsets]


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
        self.known_names: list[_Hit] = []  # the hits as found, for ActorIndex
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
        self._hit_starts: list[int] | None = None
        self._folds: tuple[int, set[str]] | None = None
        self._subjects: dict[str, str | None] = {"text": text}  # see subject()
        self.prefilters = _prefilters()
        self.body_spans: list[tuple[int, int, str]] = []
        self.group_names: set[str] = set()  # armed groups found by a group noun (see find_named_groups)
        self._body_index: tuple[list, int, list[int], list[int]] | None = None  # see _in_body
        self._un_hits: set[int] | None = None  # see _mentions_un
        self._inner_caps: set[str] | None = None
        if article is not None:
            self._block_starts = [b.start for b in article.blocks]
            self._blocks = article.blocks
        else:
            self._block_starts, self._blocks = [], []

    # -- small helpers ------------------------------------------------------
    def folded(self) -> str | None:
        """The text lower-cased for case-insensitive scans (see `_folded`), or None."""
        if "folded" not in self._subjects:
            self._subjects["folded"] = _folded(self.text)
        return self._subjects["folded"]

    def subject(self, kind: str) -> str | None:
        """The text ("text"), lower-cased ("folded") or title-cased ("titled"), for prefilters."""
        if kind not in self._subjects:
            self._subjects[kind] = _titled(self.folded()) if kind == "titled" else self.folded()
        return self._subjects[kind]

    def finditer(self, pattern: re.Pattern, prefilter: str):
        """`pattern.finditer(self.text)`, through the first option of `_prefilters()[prefilter]`
        whose subjects this text allows (see `_finditer`)."""
        for option in self.prefilters.get(prefilter, ()):
            proposals = [(candidate, self.subject(kind)) for kind, candidate in option]
            if all(subject is not None for _, subject in proposals):
                return _finditer(pattern, proposals, self.text)
        return pattern.finditer(self.text)

    def portfolio_ministries(self):
        """The matches of the "ministry" pattern ("the health ministry"), found from each
        "ministry" of the text back (see `_finditer_anchored`): a match is a portfolio (none
        holds "ministry", none is longer than `_longest_portfolio()`), white space, "ministry",
        and a look at the next character."""
        pattern, folded, text = self.p["ministry"], self.folded(), self.text
        reach = _longest_portfolio()
        if folded is None or reach is None:
            return pattern.finditer(text)
        size = len(text)

        def window(start: int, end: int) -> tuple[int, int]:
            return max(0, _space_before(text, start) - reach), min(size, end + 1)

        anchors = ((m.start(), m.end()) for m in _MINISTRY_WORD.finditer(folded))
        return _finditer_anchored(pattern, text, anchors, window)

    def the_ministries(self):
        """The matches of the "the_ministry" pattern, found from each "ministry" of the text
        (see `_finditer_anchored`): "the", white space, "ministry", and a look past it at
        white space and "of"."""
        text = self.text
        size = len(text)

        def window(start: int, end: int) -> tuple[int, int]:
            return max(0, _space_before(text, start) - 3), min(size, _space_after(text, end) + 3)

        anchors = ((m.start(), m.end()) for m in _MINISTRY_WORD.finditer(text))
        return _finditer_anchored(self.p["the_ministry"], text, anchors, window)

    def acronym_definitions(self):
        """The matches of `_ACRONYM_DEF` (" (ACLED)"), found from each "(" of the text (see
        `_finditer_anchored`): spaces or tabs, "(", at most ten characters, ")"."""
        text = self.text
        size = len(text)

        def window(start: int, end: int) -> tuple[int, int]:
            lo = start
            while lo > 0 and text[lo - 1] in " \t":
                lo -= 1
            return lo, min(size, end + 11)

        anchors = ((m.start(), m.end()) for m in _OPEN_PAREN.finditer(text))
        return _finditer_anchored(_ACRONYM_DEF, text, anchors, window)

    def block_kind(self, offset: int) -> str:
        if not self._blocks:
            return "body"
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i < 0:
            return "boilerplate"
        block = self._blocks[i]
        return block.kind if offset < block.end else "boilerplate"

    def block_at(self, offset: int) -> int | None:
        """The index of the block holding `offset`, if any."""
        i = bisect.bisect_right(self._block_starts, offset) - 1 if self._blocks else -1
        return i if i >= 0 and offset < self._blocks[i].end else None

    def block_kinds(self, offsets: list[int]) -> list[str]:
        """[self.block_kind(offset) for offset in offsets]."""
        if not self._blocks:
            return ["body"] * len(offsets)
        blocks = self._blocks
        return ["boilerplate" if i < 0 or offset >= blocks[i].end else blocks[i].kind
                for i, offset in zip(_last_at_or_before(self._block_starts, offsets), offsets)]

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
        elif record.role is None and role:
            record.role = role  # found first by a rule that knew no role ("Arakan Army (@AA_InfoDesk)")
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

    def covered(self, offset: int) -> bool:
        """True when `offset` lies inside a known name ("Health" in "World Health Organization")."""
        if self._hit_starts is None:
            self._hit_starts = [h.start for h in self.hits]
        i = bisect.bisect_right(self._hit_starts, offset) - 1
        return i >= 0 and self.hits[i].start <= offset < self.hits[i].end

    def _clear_of_names(self, start: int, end: int) -> bool:
        """True when no known name and no title overlaps text[start:end], so that neither
        covered() nor in_title() holds there (both kinds of span are ordered and disjoint)."""
        if self._hit_starts is None:
            self._hit_starts = [h.start for h in self.hits]
        i = bisect.bisect_left(self._hit_starts, end) - 1  # the last known name starting before `end`
        if i >= 0 and self.hits[i].end > start:
            return False
        j = bisect.bisect_left(self.title_spans, (end,)) - 1  # the last title starting before `end`
        return not (j >= 0 and self.title_spans[j][1] > start)

    def _spans_near(self, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The spans of the known names and of the titles that `covered()` and `in_title()` may
        consult for an offset in [start, end): from the last one starting at or before `start`
        to the last one starting before `end` (bisected once, instead of once per offset)."""
        if self._hit_starts is None:
            self._hit_starts = [h.start for h in self.hits]
        first = max(bisect.bisect_right(self._hit_starts, start) - 1, 0)
        last = bisect.bisect_left(self._hit_starts, end)
        names = [(h.start, h.end) for h in self.hits[first:last]]
        first = max(bisect.bisect_right(self.title_spans, (start, 10 ** 9)) - 1, 0)
        last = bisect.bisect_left(self.title_spans, (end,))
        return names, self.title_spans[first:last]

    def is_facility(self, end: int) -> bool:
        """True when a facility noun follows `end` ("Al-Shifa hospital", "Nasser Hospital")."""
        return self.p["facility_after"].match(self.text, end) is not None

    def clean_name(self, start: int, end: int) -> tuple[int, int, list[str]] | None:
        """Trim a captured name to its real tokens; None if it is no name."""
        # (the token pattern looks behind nothing, so scanning within the text is scanning the slice)
        tokens = [(m.start(), m.end(), m.group()) for m in _NAME_TOKEN.finditer(self.text, start, end)]
        if self._clear_of_names(start, end):
            names = titles = ()  # no known name or title within: spare the look-ups
        else:
            names, titles = self._spans_near(start, end)
        # (_in_last(names, offset) is covered(offset), _in_last(titles, offset) in_title(offset))
        while tokens and (tokens[-1][2] in _NOT_NAMES or _in_last(names, tokens[-1][0])):
            tokens.pop()
        # A name starts after the last word that is a title, a known name or
        # a common word ("Commission Chairperson Amina Diallo" -> "Amina Diallo").
        for cut in range(len(tokens) - 1, -1, -1):
            s, _, w = tokens[cut]
            if w in _NOT_NAMES or _in_last(names, s) or _in_last(titles, s):
                tokens = tokens[cut + 1:]
                break
        if not tokens:
            return None
        words = [w for _, _, w in tokens]
        if words[-1] in self.g.body_nouns or words[-1].lower() in _facility_words():
            return None  # "International Rescue Committee", "Nasser Hospital"
        if self.group_names and " ".join(words) in self.group_names:
            return None  # "Kòd Solidarite said": an armed group found by its noun, no person
        return tokens[0][0], tokens[-1][1], words

    # -- passes -------------------------------------------------------------
    def run(self) -> None:
        self.find_hits()
        self.find_bodies()
        self.find_ministries()
        self.find_forces()
        self.find_bare_army()
        self.find_titles()
        self.find_speakers()
        self.find_leaders()
        self.find_signatures()
        self.merge_people()
        self.resolve_role_nouns()
        self.scan_person_names()
        self.scan_body_names()
        self.add_known_mentions()
        self.fill_affiliations()
        self.add_flags()

    def find_hits(self) -> None:
        senses_of: dict[str, list[Sense]] = {}  # a name recurs: look each surface up once
        for m in self.finditer(self.g.known_regex, "known"):
            surface = m.group()
            senses = senses_of.get(surface)
            if senses is None:
                senses = senses_of[surface] = self.g.lookup(surface)
            if not senses:
                continue
            hit = _Hit(m.start(), m.end(), surface, senses)
            self.hits.append(hit)
            self.hit_by_end[hit.end] = hit
            self.hit_by_start[hit.start] = hit
        self.known_names = list(self.hits)  # later passes edit `hits`, never a _Hit

    def _ministry(self, state: str, portfolio: str, start: int, end: int) -> str:
        name = f"{self.g.demonym(state)} {portfolio} ministry"
        self.actor(name, "organization", state)
        self.mention(name, "name", start, end)
        self.ministry_names.append(name)
        return name

    def find_ministries(self) -> None:
        text = self.text
        for m in self.portfolio_ministries():
            portfolio = self.g.portfolios[m.group("port").lower()]
            hit = self.prev_hit(m.start())
            state = self.state_of(hit)
            place = next((x.entity for x in hit.senses if x.kind == "place"), None) if hit else None
            if state:
                self._ministry(state, portfolio, hit.start, m.end())
            elif place:
                # "the Gaza health ministry": an administration that is not a state's
                name = f"{self.text[hit.start:hit.end]} {portfolio} ministry"
                self.actor(name, "organization", self.g.governed_by.get(place, place))
                self.mention(name, "name", hit.start, m.end())
                self.ministry_names.append(name)
            elif self._run_by(m.start()):
                # "the Hamas-run health ministry": named after the territory the body governs
                run, org = self._run_by(m.start())
                seat = self.g.governs.get(org)
                name = f"{seat} {portfolio} ministry" if seat else f"{run} {portfolio} ministry"
                self.actor(name, "organization", org)
                self.mention(name, "name", m.start() - len(run) - 1, m.end())
                self.actors[name].alias(m.group())
                self.ministry_names.append(name)
            else:
                self.role_nouns.append(_RoleNoun(m.start(), m.end(), f"{portfolio} ministry", None, None, False))
        for m in self.finditer(self.p["ministry_of"], "ministry_of"):
            portfolio = self.g.portfolios[m.group("port").lower()]
            state, start, end = self.state_of(self.prev_hit(m.start())), m.start(), m.end()
            if state:
                start = self.prev_hit(m.start()).start
            else:
                after = _OF_AFTER.match(text[end:end + 8])
                nxt = self.hit_by_start.get(end + after.end()) if after else None
                state = self.state_of(nxt)
                if state:
                    end = nxt.end
            if state:
                self._ministry(state, portfolio, start, end)
        for m in self.the_ministries():
            self.role_nouns.append(_RoleNoun(m.start(), m.end(), "ministry", None, None, False))

    def _mentions_un(self) -> bool:
        """True when a hit names the UN (kept as a set of such hits, updated by `_drop_hit`)."""
        if self._un_hits is None:
            self._un_hits = {id(h) for h in self.hits
                             if any(x.entity == "United Nations" or x.entity.startswith("UN ") and
                                    re.search(r"\bU\.?N\b|United Nations", h.surface) for x in h.senses)}
        return bool(self._un_hits)

    def _drop_hit(self, hit: _Hit) -> None:
        """self.hits.remove(hit), found by its start (hits are in text order, one per start)."""
        i = bisect.bisect_left(self.hits, hit.start, key=lambda h: h.start)
        if i < len(self.hits) and self.hits[i] is hit:
            del self.hits[i]
        else:
            self.hits.remove(hit)
        if self._un_hits is not None:
            self._un_hits.discard(id(hit))

    def _run_by(self, pos: int) -> tuple[str, str] | None:
        """("Hamas-run", "Hamas") when a known body "runs" what starts at `pos`."""
        m = _RUN_BY.search(self.text, max(0, pos - 20), pos)
        if m is None:
            return None
        hit = self.hit_by_end.get(m.start())
        if hit is None:
            return None
        aff, kind = self.affiliation_of(hit)
        if aff is None or kind == "media":
            return None
        return self.text[hit.start:m.end("run")], aff

    def find_bodies(self) -> None:
        """Named bodies the gazetteer lacks: a capitalised name ending in a body noun.

        - after a state ("Ukraine's General Staff", "the Sudanese Sovereign
          Council") it is that state's body, named "<Demonym> <Name>"
          ("Ukrainian General Staff"), or the state itself for "Government";
        - alone, it is a body when it speaks ("The International Rescue
          Committee said") or defines an acronym ("... Data Project (ACLED)").
        """
        text = self.text
        self.body_spans: list[tuple[int, int, str]] = []
        self.body_forms: dict[str, str] = {}
        self.local_acronyms: dict[str, str] = {}  # acronyms the text defines: they outrank the gazetteer's
        self.state_armies: dict[str, str] = {}  # state -> its army's proper name found in the text
        self.state_heads: dict[tuple[str, str], str] = {}  # (state, head noun lower-cased) -> its named body
        heads = self.g.body_nouns
        # "Russia's Security Council": a state's own body, not the international one of that name
        for hit in list(self.hits):
            last = hit.surface.rsplit(" ", 1)[-1]
            if " " not in hit.surface or last not in heads or heads[last] == "state":
                continue
            known = [x for x in hit.senses if x.kind in ("organization", "armed_forces")]
            if not known or self.g.actors[known[0].entity].affiliation != "international":
                continue
            before = self.prev_hit(hit.start)
            state = self.state_of(before)
            if state is None or before.end == hit.start:
                if known[0].entity.startswith("UN ") and not re.search(r"\bU\.?N\b|United Nations", hit.surface) \
                        and self.article is not None and not self._mentions_un():
                    # "the Security Council" in a story that never names the UN: the state's own
                    state = self.main_state()
                    if state is None:
                        continue
                    name = f"{self.g.demonym(state)} {hit.surface}"
                    self.actor(name, heads[last], state).alias(hit.surface)
                    self.mention(name, "name", hit.start, hit.end)
                    self.body_spans.append((hit.start, hit.end, name))
                    self._drop_hit(hit)
                    self.hit_by_end[hit.end] = _Hit(hit.start, hit.end, hit.surface, [Sense(name, heads[last], "name")])
                    self.hit_by_start[hit.start] = self.hit_by_end[hit.end]
                    self._hit_starts = None
                continue
            name = f"{self.g.demonym(state)} {hit.surface}"
            record = self.actor(name, heads[last], state)
            record.alias(hit.surface)
            self.mention(name, "name", before.start, hit.end)
            self.body_spans.append((before.start, hit.end, name))
            self._drop_hit(hit)
            del self.hit_by_start[hit.start]
            self.hit_by_end[hit.end] = _Hit(before.start, hit.end, text[before.start:hit.end],
                                            [Sense(name, heads[last], "name")])
            self._hit_starts = None
        for m in self.finditer(self.p["body_head"], "body_head"):
            if self.covered(m.start()):
                continue
            head_kind, role = heads[m.group()], None
            # walk left over capitalised words and connectors
            start, words, prefix, owned = m.start(), [m.group()], None, False
            for w in reversed(list(_WORD.finditer(text, max(0, m.start() - 120), m.start()))):
                gap = text[w.end():start]
                if gap.strip(" \t\u00a0") or not gap:
                    break
                word = w.group()
                hit = self.hit_by_start.get(w.start())
                if hit is not None and hit.end <= start:
                    state = self.state_of(hit)
                    if state and (hit.end == w.end() or text[hit.end:w.end()] in ("'s", "’s", "'", "’")):
                        prefix = (hit, state)
                        start = hit.start
                        break
                if word in _CONNECTORS:
                    words.insert(0, word)
                    start = w.start()
                    continue
                if word.islower() and word.endswith(_OWNED_SUFFIXES):
                    # "Lebanon's state-run National News Agency": the state before the modifier owns it
                    owner = self.prev_hit(w.start())
                    state = self.state_of(owner)
                    if state and words[0] not in _CONNECTORS:
                        prefix = (owner, state)
                        start = owner.start
                        owned = True
                    break
                if not word[0].isupper() or word in _NOT_NAMES or self.covered(w.start()) and hit is None:
                    break
                if word.endswith(_RUN_SUFFIXES):
                    break
                words.insert(0, word)
                start = w.start()
            while words and words[0] in _CONNECTORS:
                if prefix is None:
                    start = text.index(words[1], start) if len(words) > 1 else start
                words.pop(0)
            if not words:
                continue
            phrase = " ".join(words)
            if phrase.lower() in self.g.force_nouns or phrase.lower() in self.g.portfolios:
                continue  # "Sudan's Army", "Russia's Defense Ministry": the forces and ministry rules
            if m.group() == "Ministry":
                continue
            if prefix is not None:
                hit, state = prefix
                if head_kind == "state":
                    self.body_spans.append((hit.start, m.end(), state))
                    continue
                # "Ukraine's General Staff" -> "Ukrainian General Staff"; a state-run body keeps its own name
                name = phrase if owned and len(words) > 1 else f"{self.g.demonym(state)} {phrase}"
                affiliation = state
            elif phrase in self.body_forms:
                name = self.body_forms[phrase]  # "the General Staff" after "Ukraine's General Staff"
                affiliation = self.actors[name].affiliation
            else:
                if len(words) < 2 or head_kind == "state" and len(words) < 3:
                    continue
                if not (self._speaks(start, m.end()) or _ACRONYM.match(text, m.end())):
                    continue
                if head_kind == "state":
                    # "the National Unity Government said": a government of no named state is a body
                    # (a rival or shadow one) of the story's state
                    head_kind = "organization"
                    name, affiliation = phrase, self.main_state()
                else:
                    name, affiliation = phrase, self._unknown_body_affiliation(head_kind, start)
                if head_kind == "armed_forces":
                    # "The Arakan Army said": a named armed body of no state is an armed group
                    head_kind, role = "organization", "armed group"
            record = self.actor(name, head_kind, affiliation, role)
            record.alias(phrase)
            self.mention(name, "name", start, m.end())
            self.body_spans.append((start, m.end(), name))
            self.body_forms.setdefault(phrase, name)
            acronym = _ACRONYM.match(text, m.end())
            fit_words = name.split() if prefix is not None else words  # "Somali National Army (SNA)"
            if acronym and (_initials_fit(acronym.group(1), words) or _initials_fit(acronym.group(1), fit_words)):
                self._local_acronym(record, acronym.group(1))
            known_as = _KNOWN_AS.match(text, m.end())
            if known_as:  # "The Haitian National Police, known by its French initials PNH,"
                self._local_acronym(record, known_as.group(1))
            if prefix is not None and len(words) > 1:
                # "the Haitian National Police" ... "Haitian police said": the same body
                self.state_heads.setdefault((affiliation, words[-1].lower()), name)
                if head_kind == "armed_forces" and words[-1].lower() == "army":
                    # "Somali National Army": "Somali army" and "Somali forces" too (not so a branch:
                    # "Ukrainian Territorial Defence Forces" is no name of all Ukraine's forces)
                    self.state_armies.setdefault(affiliation, name)
            body_hit = _Hit(start, m.end(), text[start:m.end()], [Sense(name, head_kind, "name")])
            self.hit_by_end[m.end()] = body_hit
        self.find_led_bodies()
        self.find_acronym_names()
        self.find_named_groups()
        self.find_place_offices()

    def find_place_offices(self) -> None:
        """"North Kivu's provincial health division said": a body of a known province, region or
        city named in the possessive, when it speaks; it belongs to the place's country."""
        text = self.text
        if "s " not in text:
            return
        proposals = [(_APOSTROPHE_S, text), (_CURLY_APOSTROPHE_S, text)]
        for m in _finditer(_place_office_pattern(), proposals, text):
            hit = self.hit_by_end.get(m.start())
            the_city = _THE_CITY.search(text, max(0, m.start() - 12), m.start()) if hit is None else None
            if the_city is not None:
                # "the city's resistance committee said": the city the story is filed from
                city = self.dateline_city()
                if city is None or not self._speaks(m.start(), m.end()):
                    continue
                self._place_office(city, the_city.start() + 4, the_city.start(), m.end(), m.group("desc"))
                continue
            if hit is None:
                # a city the gazetteer's regex does not scan for: "Kherson's regional administration"
                found = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
                if found is None or self.covered(found.start(1)):
                    continue
                hit = _Hit(found.start(1), found.end(1), found.group(1), [])
            elif not any(x.kind == "place" for x in hit.senses) or self.state_of(hit):
                continue
            if not self._speaks(hit.start, m.end()):
                continue
            self._place_office(hit.surface, hit.start, hit.start, m.end(), m.group("desc"))
        # "the health bureau of Ethiopia's Tigray region said"
        offices = _office_nouns()
        for of in _OF_CAPITAL.finditer(text):
            if text[of.start() - 1:of.start()] != " " or not text[of.start() - 2:of.start() - 1].islower():
                continue
            before = text[max(0, of.start() - 16):of.start()].split()
            if not before or before[-1] not in offices:
                continue
            the = _THE_DESC.search(text, max(0, of.start() - 60), of.start() - len(before[-1]) - 1)
            if the is None:
                continue
            pos = of.end()
            owner = self.hit_by_start.get(pos)
            if owner is not None and self.state_of(owner):  # "of Ethiopia's Tigray region"
                after = _POSSESSIVE.match(text, owner.end)
                pos = owner.end + after.end() - after.start() + 1 if after else pos
                while text[pos:pos + 1] in (" ", "\t"):
                    pos += 1
            hit = self.hit_by_start.get(pos)
            if hit is None or not any(x.kind == "place" for x in hit.senses) or self.state_of(hit):
                continue
            if not self._speaks(the.start(), hit.end):
                continue
            surface = hit.surface
            words = surface.split()
            if len(words) > 1 and words[-1].lower() in _PLACE_WORDS:
                surface = " ".join(words[:-1])  # "Tigray region" -> "Tigray"
            desc = the.group("desc") + " " + before[-1]
            self._place_office(surface, the.start("desc"), the.start(), hit.end, desc)

    def _place_office(self, surface: str, place_at: int, start: int, end: int, desc: str) -> None:
        """The body `desc` of the place `surface`, mentioned at [start, end)."""
        place = self.g.place(surface)
        if place is None or place.country is None:
            return
        desc = " ".join(desc.split())
        name = f"{normalize(surface)} {desc}"
        record = self.actor(name, "organization", place.country)
        self.mention(name, "name", start, end)
        record.alias(desc)
        record.alias(" ".join(self.text[place_at:end].split()))
        self.body_spans.append((start, end, name))
        self.body_forms.setdefault(desc, name)

    def dateline_city(self) -> str | None:
        """The city of a wire dateline ("EL FASHER, Sudan —"), when the gazetteer knows it."""
        bodies = [b for b in self._blocks[:12] if b.kind == "body"][:3]  # (a byline may come first)
        for block in bodies:
            m = _DATELINE.match(self.text, block.start, block.end)
            if m is not None and self.g.place(m.group(1).title()) is not None:
                return m.group(1).title()
        return None

    def find_named_groups(self) -> None:
        """'the Kòd Solidarite gang coalition', 'Kòd Solidarite, an alliance of gangs': a name the
        gazetteer lacks before (or in apposition to) a noun of armed groups is an armed group."""
        text = self.text
        if not _group_nouns():
            return
        for m in _group_noun_matches(text):
            gap = _GROUP_GAP.search(text, max(0, m.start() - 40), m.start())
            if gap is None or text[gap.start()] == "," and _modifies_noun(text, m.end()):
                continue  # "Ali Hassan, a militia commander": a person described by the group noun
            end = gap.start()
            found = _GROUP_NAME_BEFORE.search(text, max(0, end - 80), end)
            if found is None:
                continue
            if found.group(1).isupper():  # "Colombia's ELN rebel group"
                s, e, words = found.start(1), found.end(1), [found.group(1)]
            else:
                cleaned = self.clean_name(found.start(1), found.end(1))
                if cleaned is None or cleaned[1] != found.end(1):
                    continue
                s, e, words = cleaned
            name = " ".join(words)
            if name in self.body_forms or self.g.lookup(name) or not name.isupper() and self.g.place(name) is not None:
                continue  # (GeoNames knows airport codes among cities' names: "ELN")
            if len(words) == 1 and (words[0].endswith(_ADJECTIVE_ENDINGS) or text.count(name) < 2 and not (
                    "-" in name or name.isupper())):
                continue  # "Kurdish militia", "a Hutu militia": an adjective, no name ("Jaish-e-Mohammed" is one)
            before = self.prev_hit(s)
            if before is not None and not text[before.end:s].strip(" \t\u00a0") or \
                    _INDEFINITE_BEFORE.search(text, max(0, s - 4), s):
                continue  # "a Rwandan Hutu militia": a description, no name
            record = self.actor(name, "organization", self.main_state() if self.article is not None else None,
                                "armed group")
            self.mention(name, "name", s, e)
            self.body_spans.append((s, e, name))
            self.body_forms.setdefault(name, name)
            self.group_names.add(name)

    def _local_acronym(self, record: _Actor, acronym: str) -> None:
        """An acronym the text gives a body ("Somali National Army (SNA)"): its own there, whatever
        else the gazetteer knows by it."""
        record.alias(acronym)
        self.body_forms.setdefault(acronym, record.name)
        self.local_acronyms.setdefault(acronym, record.name)

    def find_led_bodies(self) -> None:
        """'the Saudi-led coalition', 'a U.S.-led mission': a body led by a state, an actor of its own.

        Its head noun alone ("the coalition", "Coalition spokesman ...") names it afterwards.
        """
        text = self.text
        self.led_bodies: set[str] = set()
        if "-led " not in text:
            return
        by_state: dict[str, list] = {}
        for m in _LED_BODY.finditer(text):
            hit = self.hit_by_end.get(m.end("lead"))
            state = self.state_of(hit) if hit is not None and hit.start >= m.start("lead") - 1 else None
            if state is not None:
                by_state.setdefault(state, []).append((hit, m))
        # One body per leading state: "the Kenyan-led force" is the "Kenyan-led Multinational Security
        # Support (MSS) mission" named elsewhere in the story; a proper name, when given, names it.
        for state, found in by_state.items():
            named = next(((hit, m) for hit, m in found if m.group("proper")), None)
            hit, m = named or found[0]
            noun = m.group("noun").lower()
            if named:
                name = f"{' '.join(m.group('proper').split())} {noun}"
            else:
                name = f"{text[hit.start:m.end('lead')]}-led {noun}"
            kind = "armed_forces" if noun == "forces" else "organization"
            record = self.actor(name, kind, state)
            self.led_bodies.add(name)
            self.body_forms.setdefault(name, name)
            for hit, m in found:
                record.alias(text[hit.start:m.end()] if not m.group("acr") else
                             f"{text[hit.start:m.start('acr') - 1].rstrip()} {m.group('noun')}")
                self.mention(name, "name", hit.start, m.end())
                self.body_spans.append((hit.start, m.end(), name))
                noun = m.group("noun").lower()
                for form in (noun, noun.capitalize()):
                    self.body_forms.setdefault(form, name)
                if m.group("proper"):
                    self.body_forms.setdefault(" ".join(m.group("proper").split()), name)
                if m.group("acr"):
                    self._local_acronym(record, m.group("acr"))

    def find_acronym_names(self) -> None:
        """'Armed Conflict Location & Event Data Project (ACLED)': a name defining its acronym."""
        text = self.text
        for a in self.acronym_definitions():
            acronym = a.group(1)
            if self.g.lookup(acronym) or acronym in self.body_forms or self.covered(a.start()):
                continue
            known = self.hit_by_end.get(a.start())
            if known is not None and " " in known.surface and _initials_fit(acronym, known.surface.split()):
                # "The Arakan Army (AA)": a known body defining its acronym; later "AA fighters" are its own
                sense = self._actor_sense(known)
                if sense is not None and sense[1] != "state":
                    entry = self.g.actors.get(sense[0])
                    self.actor(sense[0], sense[1], entry.affiliation if entry else None,
                               entry.role if entry else None).alias(acronym)
                    self.body_forms.setdefault(acronym, sense[0])
                continue
            start, words = a.start(), []
            for w in reversed(list(_WORD.finditer(text, max(0, a.start() - 120), a.start()))):
                if text[w.end():start].strip(" \t\u00a0") or (words and not text[w.end():start]):
                    break
                word = w.group()
                if word not in _ACRONYM_CONNECTORS and (not word[0].isupper() or word in _NOT_NAMES):
                    break
                words.insert(0, word)
                start = w.start()
                if word[0] == acronym[0] and _initials_fit(acronym, words):
                    break
            while words and words[0] in _ACRONYM_CONNECTORS:
                words.pop(0)
            if len(words) < 2:
                continue
            # "militias, known as the Volunteers for the Defence of the Homeland (VDP)": a name given
            # after "known as", the group noun before it saying what it names
            named = _KNOWN_AS_BEFORE.search(text, max(0, start - 80), start)
            group: bool | str = False
            if named is not None:
                window = text[max(0, named.start() - 40):named.start()].lower()
                described = set(_LOWER_WORD.findall(window))
                group = any(n in described or n + "s" in described for n in _group_nouns() if " " not in n)
                if group and _STATE_ALLIED.search(window):
                    group = "allied"  # "allied civilian militias": fighting for the state
            if words[0][0] != acronym[0] or not _initials_fit(acronym, words):
                # "the UN Integrated Office in Haiti (BINUH)": an acronym of the name in another
                # language; a body's name (a body noun among three or more words) still defines it,
                # and so does a name given after "known as"
                if len(words) < 3 or words[0][0] != acronym[0] or named is None:
                    if len(words) < 3 or not any(self.g.body_nouns.get(w) not in (None, "state") for w in words[1:]):
                        continue
            start = text.index(words[0], start)
            capitals = [s for s in range(start, a.start())
                        if text[s].isupper() and (s == 0 or not text[s - 1].isalnum())]
            if all(self.covered(s) for s in capitals):
                continue  # known names alone
            name = " ".join(words)
            kind = "armed_forces" if words[-1] in self.g.body_nouns and self.g.body_nouns[words[-1]] == "armed_forces" \
                else "organization"
            parent, _ = self.affiliation_of(self.hit_by_start.get(start))  # "UN Integrated Office": the UN's
            if parent is not None and self.g.actors.get(parent) and self.g.actors[parent].kind != "organization":
                parent = None
            if group:
                state = self.main_state() or self._unknown_body_affiliation(kind, start)
                if group == "allied":  # the state's auxiliaries: its forces
                    record = self.actor(name, "armed_forces", state, "militia")
                else:  # a non-state armed group in the story's state
                    record = self.actor(name, kind, state, "armed group")
            else:
                record = self.actor(name, kind, parent or self._unknown_body_affiliation(kind, start))
            record.alias(acronym)
            self.mention(name, "name", start, a.start())
            self.body_spans.append((start, a.start(), name))
            self.body_forms.setdefault(name, name)
            self.body_forms.setdefault(acronym, name)

    def _unknown_body_affiliation(self, kind: str, start: int) -> str | None:
        """A body the gazetteer lacks: an armed one belongs to the story's main state, any other
        is taken as international (research groups, charities, monitors)."""
        if kind == "armed_forces":
            return self.main_state() if self.article is not None else None
        return "international"

    def _speaks(self, start: int, end: int) -> bool:
        """True when the name at [start, end) is a speaker ("X said", "according to X")."""
        if self.p["verb_after"].match(self.text, end):
            return True
        aside = _ASIDE.match(self.text, end)  # "X, formed by exiled lawmakers, said"
        if aside and self.p["verb_after"].match(self.text, aside.end()):
            return True
        return _ACCORDING_TO.search(self.text, max(0, start - 20), start) is not None

    def scan_body_names(self) -> None:
        """Later mentions of bodies found by `find_bodies` ("the General Staff", "ACLED")."""
        if not self.body_forms:
            return
        taken = sorted((m.start, m.end) for m in self.mentions)
        regex = re.compile(r"(?<![\w\-])(?:" + trie_regex(set(self.body_forms)) + r")(?![\w\-])")
        for m in regex.finditer(self.text):
            i = bisect.bisect_right(taken, (m.start(), 10 ** 9)) - 1
            if i >= 0 and taken[i][1] > m.start():
                continue
            self.mention(self.body_forms[m.group()], "name", m.start(), m.end())
        for (state, head), name in self.state_heads.items():
            # "Haitian police", "Somalia's army": a state and the head noun of its body named in full
            for m in re.finditer(rf"(?<![\w\-]){re.escape(head)}(?![\w\-])", self.text):
                hit = self.prev_hit(m.start())
                if hit is None or self.state_of(hit) != state:
                    continue
                i = bisect.bisect_right(taken, (hit.start, 10 ** 9)) - 1
                if i >= 0 and taken[i][1] > hit.start or any(s < m.end() <= e for s, e in taken[i + 1:i + 3]):
                    continue
                self.mention(name, "name", hit.start, m.end())

    def find_forces(self) -> None:
        for m in self.finditer(self.p["forces"], "forces"):
            hit = self.prev_hit(m.start())
            state = self.state_of(hit)
            if not state or any(s.use == "building" for s in hit.senses):
                continue
            # "Armenian forces" but not "Armenian-backed forces" or "Moscow's own forces"
            name = self.state_armies.get(state) or f"{self.g.demonym(state)} armed forces"
            self.actor(name, "armed_forces", state)
            self.mention(name, "name", hit.start, m.end())
            self.forces_names.append(name)
            # "Armenian and Azerbaijani forces": the first demonym too.
            gap = _LIST_GAP.search(self.text[max(0, hit.start - 8):hit.start])
            if gap:
                first = self.hit_by_end.get(hit.start - len(gap.group()))
                other = self.state_of(first)
                if other:
                    other_name = self.state_armies.get(other) or f"{self.g.demonym(other)} armed forces"
                    self.actor(other_name, "armed_forces", other)
                    # the bare demonym is this mention's surface, not a name of the forces
                    self.mention(other_name, "name", first.start, first.end, alias=False)
                    self.forces_names.append(other_name)

    def find_bare_army(self) -> None:
        """"the army" with no state named: the story's main state's, unless the story names another
        state's forces (then whose is unclear)."""
        text = self.text
        found = [(m.start() - 4, m.end()) for literal in _ARMY_LITERALS for m in literal.finditer(text)
                 if text[max(0, m.start() - 4):m.start()] in ("the ", "The ") and not _WORD_CHAR.match(text, m.end())
                 and (m.start() < 5 or not _WORD_CHAR.match(text, m.start() - 5))
                 and not _RULERS_AFTER.match(text, m.end())]
        if not found:
            return
        state = self.main_state() if self.article is not None else None
        if state is None or any(a.kind == "armed_forces" and a.affiliation != state and a.affiliation in self.g.actors
                                and self.g.actors[a.affiliation].kind == "state" for a in self.actors.values()):
            return
        name = self.state_armies.get(state) or f"{self.g.demonym(state)} armed forces"
        self.actor(name, "armed_forces", state)
        for start, end in sorted(found):
            self.mention(name, "name", start, end)

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
        elif self.body_forms and pos > 0 and text[pos - 1] in " \t":
            # "Coalition spokesman X" after "the Saudi-led coalition": the body the text named
            begin = pos - 1
            while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "-'’"):
                begin -= 1
            body = self.body_forms.get(text[begin:pos - 1])
            if body is not None and body in self.actors:
                return begin, body, self.actors[body].kind, True, " ".join(modifiers)
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
        for hit in _backwards(self.hits, bisect.bisect_right(self._hit_ends, pos)):
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
        titles = list(self.finditer(self.g.title_regex, "title"))
        self.title_spans = [(m.start(), m.end()) for m in titles]
        title_ends = dict(self.title_spans)
        body_at = None  # start -> the body found there (built when needed)
        for m in titles:
            if self._in_body(m.start()):
                continue  # "General" in "the General Staff"
            phrase = normalize(m.group()).lower()
            if phrase in self.g.titles:
                role, gender = self.g.titles[phrase]
            else:
                portfolio = self.g.portfolios.get(phrase.rsplit(" ", 1)[0], phrase.rsplit(" ", 1)[0])
                role, gender = f"{portfolio} minister", None
            start, aff, aff_kind, explicit, modifiers = self._left_of_title(m.start())
            if aff is None:
                # "commander of the Rapid Support Forces", "head of Ukraine's armed forces"
                of = _OF_BODY.match(text, m.end())
                hit = self.hit_by_start.get(of.end()) if of else None
                if hit is not None:
                    aff, aff_kind = self.affiliation_of(hit)
                    if aff is not None and aff_kind != "state":
                        aff = self.serves(aff, role)
            if "ministry" in modifiers.lower().split():
                role = f"{modifiers.lower()} {role}".split("ministry", 1)
                role = ("ministry".join(role)).strip()
                role = re.sub(r"^.*?(\w+ ministry)", r"\1", role)
            elif modifiers and phrase not in ("counterpart",):
                extra = [w for w in modifiers.lower().split() if w in ("deputy", "acting", "former", "interim", "vice")]
                if extra:
                    role = " ".join(extra + [role])
            # The name after the title ("President Ilham Aliyev", "counterpart, Jeyhun Bayramov"),
            # over further titles ("Pentagon spokesman Brig. Gen. Pat Ryder").
            title_end = m.end()
            after = _AFTER_TITLE.match(text[title_end:title_end + 4])
            while after and title_end + after.end() in title_ends:
                nxt = title_end + after.end()
                if "\n" in text[title_end:nxt]:
                    break
                title_end = title_ends[nxt]
                after = _AFTER_TITLE_SAME_LINE.match(text[title_end:title_end + 4])
            name = None
            if after and text[title_end:title_end + 1] != "." or (after and text.endswith(".", 0, title_end)):
                nm = _NAME_RE.match(text, title_end + after.end()) if after else None
                if nm:
                    name = self.clean_name(nm.start(), nm.end())
                    if name and name[0] != nm.start():
                        name = None
            if not name:
                # "the UN envoy for Yemen, Hans Grundberg, said": a remit between title and name
                remit = _TITLE_REMIT.match(text, title_end)
                nm = _NAME_RE.match(text, remit.end()) if remit else None
                if nm:
                    name = self.clean_name(nm.start(), nm.end())
                    if name and name[0] != nm.start():
                        name = None
            if phrase == "counterpart" and aff_kind == "state" and not name:
                name = None
            if name:
                s, e, words = name
                if aff is None and role in _MILITARY_ROLES:
                    # "Captain Abdirahman Nur Gedi of the Somali National Army": an officer of that force
                    of = _OF_BODY.match(text, e)
                    if of is not None:
                        if body_at is None:
                            body_at = {bs: body for bs, _, body in self.body_spans}
                        body = body_at.get(of.end())
                        body_kind = self.actors[body].kind if body in self.actors else None
                        if body is None:
                            body, body_kind = self.affiliation_of(self.hit_by_start.get(of.end()))
                        if body_kind == "armed_forces":
                            aff, aff_kind = body, body_kind
                person = _Person(words, role=None if phrase == "counterpart" else role,
                                 affiliation=aff if aff_kind != "media" else None, gender=gender)
                person.spans.append((s, e, "name"))
                if start < m.start():  # "M23 spokesman" names him again later; a bare "Major General" does not
                    person.surfaces.append(text[start:m.end()])
                if phrase == "counterpart":
                    person.role = self._antecedent_role(start)
                self._hint(person, start, aff, modifiers)
                self.persons.append(person)
                continue
            # No name after: a role noun, unless it is an appositive of a name before it.
            window = text[max(0, start - 60):start]
            # (a quick test first: the name needs a comma that only spaces and a determiner follow)
            before = _NAME_AT_END.search(window) if _COMMA_AT_END.search(window) else None
            if before and _PLACE_BEFORE.search(text, max(0, start - 100), max(0, start - 60) + before.start(1)):
                before = None  # "killed in the village of Nassoumbou, a local official said": a place
            if before:
                bs = max(0, start - 60) + before.start(1)
                cleaned = self.clean_name(bs, bs + len(before.group(1)))
                if cleaned:
                    s, e, words = cleaned
                    person = _Person(words, role=role, affiliation=aff, gender=gender)
                    person.spans.append((s, e, "name"))
                    person.surfaces.append(text[start:m.end()])
                    self._hint(person, start, aff, modifiers)
                    self.persons.append(person)
                    continue
            if explicit and (aff or role not in _GENERIC_ROLES) and phrase != "counterpart":
                self.role_nouns.append(_RoleNoun(start, m.end(), role, aff, gender, bool(aff)))

    def _hint(self, person: _Person, start: int, aff: str | None, modifiers: str) -> None:
        """Remember what may give the person's affiliation later ("his spokesman", "army spokesman")."""
        if aff is not None:
            if person.affiliation is not None:
                person.affiliation = self.serves(aff, person.role)
            return
        if self.text[start:start + 6].lower().startswith(("his ", "her ", "its ", "their ")):
            person.owner = start
        if any(w.lower() in self.g.force_nouns for w in modifiers.split()):
            person.force = True

    def serves(self, body: str, role: str | None) -> str:
        """The affiliation of someone with `role` in `body`: an officer of a state's forces serves
        those forces ("General X, the army chief"), anyone else speaks for the state (`speaks_for`)."""
        if role in _MILITARY_ROLES:
            record = self.actors.get(body)
            known = self.g.actors.get(body)
            if (record.kind if record else known.kind if known else None) == "armed_forces":
                return body
        return self.speaks_for(body)

    def speaks_for(self, body: str) -> str:
        """The affiliation of someone who speaks for `body`: a state's ministry, office or army
        speaks for the state ("Pentagon spokesman" -> United States); international bodies
        and armed groups for themselves."""
        if body in self.led_bodies:
            return body  # "Coalition spokesman ...": the coalition's, not its leading state's
        record = self.actors.get(body)
        known = self.g.actors.get(body)
        kind = record.kind if record else known.kind if known else None
        affiliation = record.affiliation if record else known.affiliation if known else None
        role = (known.role if known else None) or ""
        if kind in ("organization", "armed_forces") and affiliation and affiliation != body \
                and affiliation in self.g.actors and self.g.actors[affiliation].kind == "state" \
                and "armed group" not in role:
            return affiliation
        return body

    def _antecedent_role(self, pos: int) -> str | None:
        begin = self.sentence_start(pos)
        roles = [p.role for p in self.persons if p.role and p.spans and begin <= p.spans[0][0] < pos]
        return roles[-1] if roles else None

    def _known_surnames(self) -> set[str]:
        """Folded surnames of the persons found so far (extended as persons are added)."""
        if self._folds is None:
            self._folds = (0, set())
        seen, folds = self._folds
        if seen < len(self.persons):
            folds.update(_fold(p.tokens[-1]) for p in self.persons[seen:])
            self._folds = (len(self.persons), folds)
        return folds

    def _folds_known(self, word: str) -> bool:
        return _fold(word) in self._known_surnames()

    def _after_place_name(self, start: int) -> bool:
        """True when a known place's or state's name (not a demonym, not a possessive) stands right
        before `start`, a space apart: "Gaza City", "Kuwait City"."""
        hit = self.prev_hit(start)
        if hit is None or self.text[hit.end:start].strip(" \t\u00a0"):
            return False
        return any(x.kind == "place" or x.kind == "state" and x.mention_kind in ("name", "metonym")
                   for x in hit.senses)

    def _accept_bare_name(self, start: int, words: list[str]) -> bool:
        """A name found only next to a speech verb: reject common words."""
        if len(words) > 1:
            return True
        word = words[0]
        if _fold(word) in self._known_surnames():
            return True  # "Zelenskiy said" after "President Volodymyr Zelensky"
        if word.lower() in self._lowercase_words():
            return False
        at_start = self.sentence_start(start) == start or self.text[max(0, start - 2):start] in ('"', "“", '" ', "“ ")
        if not at_start:
            return True
        if self._inner_caps is None:
            self._inner_caps = set(re.findall(r"[a-z,;]\s+([A-Z]\w+)", self.text))
        return word in self._inner_caps

    def _lowercase_words(self) -> set[str]:
        r"""Every all-lower-case word standing alone in the text (the words of
        re.findall(r"(?<![\w\-])[a-z]+(?![\w\-])", text)).

        Such a word is a whole run of [\w-] characters, and no run crosses white space,
        so the runs are found within the text's distinct white-space-separated pieces."""
        if self._lower_words is None:
            pieces = set(self.text.split())
            self._lower_words = {word for piece in pieces for word in _WORD_RUN.findall(piece)
                                 if _LOWER_WORD.fullmatch(word)}
        return self._lower_words

    def find_speakers(self) -> None:
        for key in ("speaker_before", "speaker_after"):
            for m in self.finditer(self.p[key], key):
                cleaned = self.clean_name(m.start("name"), m.end("name"))
                if not cleaned:
                    continue
                s, e, words = cleaned
                if key == "speaker_before" and e != m.end("name"):
                    continue
                if key == "speaker_after" and s != m.start("name"):
                    continue
                if self.is_facility(e) or not self._accept_bare_name(s, words):
                    continue
                if key == "speaker_before" and _PREP_BEFORE.search(self.text, max(0, s - 12), s):
                    continue  # "Residents of Tyre said": the object of a preposition
                if s != m.start("name") and self._after_place_name(s):
                    continue  # "in Gaza City said": the rest of a place's name, no person
                if len(words) == 1 and self.g.place(words[0]) is not None and not self._folds_known(words[0]):
                    continue  # a bare town name next to a speech verb is no speaker
                if key == "speaker_after" and len(words) == 1 and _modifies_noun(self.text, e):
                    continue  # "urged Western allies": an adjective, not a name
                person = _Person(words)
                person.spans.append((s, e, "name"))
                self.persons.append(person)
        for m in _WHO.finditer(self.text):
            # "Daw Hla Hla Win, who runs a shelter ..., said": a relative clause between name and verb
            aside = _WHO_ASIDE.match(self.text, m.start())
            if aside is None or not self.p["verb_after"].match(self.text, aside.end()):
                continue
            found = _NAME_BEFORE.search(self.text, max(0, m.start() - 60), m.start())
            if found is None or self.sentence_start(found.start(1)) != found.start(1):
                continue
            cleaned = self.clean_name(found.start(1), found.end(1))
            if not cleaned or cleaned[0] != found.start(1) or cleaned[1] != found.end(1):
                continue
            s, e, words = cleaned
            if self.is_facility(e) or not self._accept_bare_name(s, words) or self.g.lookup(" ".join(words)):
                continue
            person = _Person(words)
            person.spans.append((s, e, "name"))
            self.persons.append(person)
        for m in self.finditer(self.p["honorific"], "honorific"):
            cleaned = self.clean_name(m.start("name"), m.end("name"))
            if cleaned and cleaned[0] == m.start("name") and not self.is_facility(cleaned[1]):
                s, e, words = cleaned
                person = _Person(words, gender=_HONORIFICS.get(m.group("hon")))
                person.spans.append((s, e, "name"))
                self.persons.append(person)

    def find_leaders(self) -> None:
        """"the RSF, commanded by Mohamed Hamdan Dagalo": a person who leads the body named before;
        "the army, led by General X": the story's main state's army, when the story names it."""
        text = self.text
        for by in _BY.finditer(text):
            m = _LED_BY.search(text, max(0, by.start() - 14), by.start())
            nm = _NAME_RE.match(text, by.end()) if m else None
            if nm is None:
                continue
            cleaned = self.clean_name(nm.start(), nm.end())
            if not cleaned or cleaned[1] != nm.end() and not _NAME_ENDS.match(text, cleaned[1]):
                continue
            s, e, words = cleaned
            if self.is_facility(e) or self.g.lookup(" ".join(words)):
                continue
            before = m.start()
            aff, _ = self.affiliation_of(self.hit_by_end.get(before) or self.prev_hit(before))
            if aff is None and _THE_ARMY.search(text, max(0, before - 20), before):
                state = self.main_state()
                army = state and (self.state_armies.get(state) or f"{self.g.demonym(state)} armed forces")
                aff = army if army in self.actors else None
            if aff is None:
                continue
            role = "commander" if m.group("verb") == "commanded" else "leader"
            person = _Person(words, role=role, affiliation=aff)
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
        by_surname: dict[str, list[_Person]] = {}
        for cand in sorted(self.persons, key=lambda p: (-len(p.tokens), p.spans[0][0])):
            target = None
            for person in by_surname.get(_fold(cand.tokens[-1]), ()):
                if len(cand.tokens) == 1 or all(t in person.tokens for t in cand.tokens[:-1]):
                    target = person
                    break
            if target is None:
                merged.append(cand)
                by_surname.setdefault(_fold(cand.tokens[-1]), []).append(cand)
                continue
            target.spans.extend(cand.spans)
            target.surfaces.extend(cand.surfaces)
            for attr in ("role", "affiliation", "gender", "handle"):
                if getattr(target, attr) is None:
                    setattr(target, attr, getattr(cand, attr))
        self.persons = merged
        self._folds = None
        for person in merged:
            name = person.name  # (joined once, not for each of the person's many spans)
            record = self.actor(name, "person", person.affiliation, person.role)
            record.gender = person.gender
            record.handle = person.handle
            record.alias(name)
            for s, e, kind in sorted(set(person.spans)):
                if kind == "name" and " ".join(self.text[s:e].split()) != name:
                    kind = "surname" if len(self.text[s:e].split()) == 1 else "name"
                self.mention(name, kind, s, e)
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
                elif portfolio and self.article is not None and self.main_state():
                    # "the health ministry said" in a story about one state: that state's
                    state = self.main_state()
                    made = self._ministry(state, portfolio, rn.start, rn.end)
                    bisect.insort(self._by_start, (rn.start, made))
                    self.actors[f"{self.g.demonym(state)} {portfolio} ministry"].alias(
                        self.text[rn.start:rn.end].split(" ", 1)[-1] if self.text[rn.start:rn.start + 4].lower()
                        == "the " else self.text[rn.start:rn.end])
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
        for _, actor in _backwards(self._by_start, i):
            record = self.actors[actor]
            if accept(record):
                return record.name
        return None

    def _person_for_role(self, rn: _RoleNoun) -> str | None:
        people = [a for a in self.actors.values() if a.kind == "person"]
        if not people:
            return None
        if _INDEFINITE_BEFORE.search(self.text, max(0, rn.start - 30), rn.start) or \
                _INDEFINITE_AT.match(self.text, rn.start):
            return None  # "an Israeli official said": someone new, not a person named before
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
                    bare = _PARTICLE_START.sub("", tokens[-1])
                    if bare != tokens[-1] and len(bare) > 3:
                        forms.setdefault(bare, person.name)  # "Burhan" for "al-Burhan"
        names = trie_regex(set(forms))
        regex = re.compile(r"(?<![\w\-@])(?:" + names + r")(?![\w\-])")
        starts = sorted(claimed)
        # the names alone propose where to look (see `_finditer`)
        for m in _finditer(regex, [(re.compile(names), self.text)], self.text):
            i = bisect.bisect_right(starts, (m.start(), 10 ** 9)) - 1
            if i >= 0 and starts[i][1] > m.start():
                continue
            j = i + 1
            if j < len(starts) and starts[j][0] < m.end():
                continue
            if self.is_known(m.start()):
                continue
            # "Heydar Aliyev" is not "Ilham Aliyev": a different first name before the surname
            before = _TOKEN_AT_END.search(self.text[max(0, m.start() - 30):m.start()])
            name = forms[m.group()]
            if before and before.group(1) not in _NOT_NAMES and before.group(1) not in name.split() \
                    and not self.is_known(m.start() - len(before.group(0))) and len(m.group().split()) == 1:
                continue
            kind = "name" if len(m.group().split()) > 1 else "surname"
            self.mention(name, kind, m.start(), m.end())

    def add_known_mentions(self) -> None:
        person_spans = sorted((m.start, m.end) for m in self.mentions if self.actors[m.actor].kind == "person")
        person_starts = [start for start, _ in person_spans]  # (bisected as ints: quicker than as pairs)
        for hit in self.hits:
            i = bisect.bisect_right(person_starts, hit.start) - 1  # the last span starting at or before it
            if i >= 0 and person_spans[i][0] <= hit.start < person_spans[i][1]:
                continue
            local = self.local_acronyms.get(hit.surface) if self.local_acronyms else None
            if local is not None:
                self.mention(local, "acronym", hit.start, hit.end)  # "SNA" as the text defined it
                continue
            sense = self._actor_sense(hit)
            if sense is None:
                continue
            entity, kind, mention_kind = sense
            if kind != "state" and self._in_body(hit.start):
                continue  # "Red Crescent" inside "Palestinian Red Crescent Society"
            known = self.g.actors.get(entity)
            affiliation = known.affiliation if known else entity
            record = self.actor(entity, kind, affiliation, known.role if known else None)
            self.mention(record.name, mention_kind, hit.start, hit.end)

    def _in_body(self, offset: int) -> bool:
        """True when `offset` lies inside a named body found by `find_bodies` (spans only added)."""
        if not self.body_spans:
            return False
        index = self._body_index
        if index is None or index[0] is not self.body_spans or index[1] != len(self.body_spans):
            spans = sorted((start, end) for start, end, _ in self.body_spans)
            reach, farthest = [], 0  # reach[i]: the farthest end among spans[:i + 1]
            for _, end in spans:
                farthest = max(farthest, end)
                reach.append(farthest)
            self._body_index = (self.body_spans, len(self.body_spans), [start for start, _ in spans], reach)
        _, _, starts, reach = self._body_index
        i = bisect.bisect_right(starts, offset) - 1  # the spans from here back start at or before it
        return i >= 0 and reach[i] > offset

    def _actor_sense(self, hit: _Hit) -> tuple[str, str, str] | None:
        text = self.text
        for sense in hit.senses:
            if sense.kind == "state":
                if sense.mention_kind == "demonym" and _LANGUAGE_USE.match(text, hit.end):
                    return None  # "its French acronym", "Arabic-language", "in Russian"
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

    def main_state(self) -> str | None:
        """The state the story is about: the dateline's ("KHARTOUM, June 3 (Reuters) -"),
        else the state mentioned most in the story."""
        if hasattr(self, "_main_state"):
            return self._main_state
        state = None
        first_body = next((b for b in self._blocks if b.kind == "body"), None)
        if first_body is not None:
            m = _DATELINE.match(self.text, first_body.start, first_body.end)
            if m:
                place = m.group(1).title()
                state = self.g.state(place) or self.g.capitals.get(place)
                if state is None:
                    found = self.g.place(place)
                    state = found.country if found else None
        if state is None:
            counts: dict[str, int] = {}
            for hit in self.hits:
                found = self.state_of(hit)
                if found and self.block_kind(hit.start) in STORY_KINDS:
                    counts[found] = counts.get(found, 0) + 1
            state = max(counts, key=counts.get) if counts else None
        self._main_state = state
        return state

    def fill_affiliations(self) -> None:
        """People whose title gave no affiliation: "his spokesman X" takes his; "army spokesman X"
        the army's state; a governor or mayor the country of the place named before; anyone else
        the state named last before them in the sentence, else the story's main state."""
        people = [r for r in self.actors.values() if r.kind == "person" and r.affiliation is None]
        if not people:
            return
        by_name = {p.name: p for p in self.persons}
        rows = sorted((m.start, m.end, m.actor) for m in self.mentions)
        starts = [r[0] for r in rows]
        first = {}
        for start, _, actor in rows:
            first.setdefault(actor, start)
        owners = owner_starts = None  # role nouns with an affiliation, by start (built when needed)
        for record in sorted(people, key=lambda r: first.get(r.name, 0)):
            if record.name not in first or self.block_kind(first[record.name]) not in STORY_KINDS:
                continue
            pos = first[record.name]
            person = by_name.get(record.name)
            aff = None
            if person is not None and person.owner is not None:
                # "its"/"their" point to a body, "his"/"her" to a person
                collective = self.text[person.owner:person.owner + 6].lower().startswith(("its ", "their "))
                # "The UN secretary-general is alarmed, his spokesperson said": an unnamed officeholder
                rn = None
                if not collective:
                    if owners is None:
                        owners = sorted((r.start, r.affiliation) for r in self.role_nouns if r.affiliation)
                        owner_starts = [o[0] for o in owners]
                    i = bisect.bisect_left(owner_starts, person.owner) - 1
                    rn = owners[i] if i >= 0 else None
                for start, _, actor in _backwards(rows, bisect.bisect_left(starts, person.owner)):
                    other = self.actors[actor]
                    if rn is not None and start < rn[0]:
                        aff = rn[1]
                        break
                    if actor == record.name or collective == (other.kind == "person"):
                        continue
                    aff = other.affiliation if other.kind == "person" else self.speaks_for(actor)
                    if other.kind == "state":
                        aff = actor
                    if aff:
                        break
                else:
                    aff = rn[1] if rn is not None else None
            if aff is None and person is not None and person.force:
                for start, _, actor in _backwards(rows, bisect.bisect_left(starts, pos)):
                    other = self.actors[actor]
                    if other.kind == "armed_forces" and other.affiliation in self.g.actors and \
                            self.g.actors[other.affiliation].kind == "state":
                        aff = other.affiliation
                        break
                aff = aff or self.main_state()
            if aff is None:
                aff = self._state_nearby(pos, record.role or "")
            record.affiliation = aff or self.main_state()

    def _state_nearby(self, pos: int, role: str) -> str | None:
        """The state (or, for a governor or mayor, the place's country) named last before `pos`
        in its sentence."""
        begin = self.sentence_start(pos)
        local = any(w in role for w in ("governor", "mayor"))
        best = None
        quoted = _quoted_spans(self.text, begin, pos)
        for w in _NAME_RE.finditer(self.text, begin, pos):
            if quoted and any(a <= w.start() < b for a, b in quoted):
                continue  # the speaker's own words name whom they speak of, not whom they speak for
            hit = self.hit_by_start.get(w.start())
            if hit is None and w.group().startswith(("The ", "A ", "An ")):
                hit = self.hit_by_start.get(w.start() + w.group().index(" ") + 1)  # "The Israeli military said"
            state = self.state_of(hit) if hit is not None else None
            if state and not local:
                best = state
            elif local:
                found = self.g.place(w.group())
                if found is not None and found.country:
                    best = found.country
                elif state and best is None:
                    best = state
        if best is None and quoted and not local:
            # only a quote before the name in its sentence: the state the paragraph before spoke of last
            block = self.block_at(begin)
            prev = None
            while block:
                block -= 1
                if self._blocks[block].kind == "body":
                    prev = self._blocks[block]
                    break
            if prev is not None:
                quoted = _quoted_spans(self.text, prev.start, prev.end)
                if self._hit_starts is None:
                    self._hit_starts = [h.start for h in self.hits]
                first = bisect.bisect_left(self._hit_starts, prev.start)
                for hit in self.hits[first:bisect.bisect_left(self._hit_starts, prev.end)]:
                    if quoted and any(a <= hit.start < b for a, b in quoted):
                        continue
                    state = self.state_of(hit)
                    if state:
                        best = state
        return best

    def add_flags(self) -> None:
        if not _beyond_bmp(self.text):
            return  # flags are beyond the BMP (a quick test before a slow scan)
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
        if record.kind == "person":  # "told Horn Wire by phone": the outlet, not a person named after a verb
            record.kind, record.affiliation, record.gender = "media", known.affiliation if known else None, None
        record.role = "publisher"
        record.alias(outlet)

        already = {x.start for x in ex.mentions if x.actor == name}
        pattern = re.compile(rf"(?<![\w\-]){re.escape(outlet)}(?![\w\-])")
        # the outlet's name itself proposes where to look (see `_finditer`)
        for m in _finditer(pattern, [(re.compile(re.escape(outlet)), article.text)], article.text):
            if m.start() not in already:
                ex.mention(name, "name", m.start(), m.end())

    sentence_starts = [s.start for s in article.sentences]
    sentence_ids = [s.sentence_id for s in article.sentences]
    text, records = article.text, ex.actors
    kept = []
    seen = set()
    # In order of (start, -end), stably: sorted by end, longest first, then stably by start
    # (two sorts on C-level keys cost less than one building a tuple per mention).
    ordered = sorted(ex.mentions, key=attrgetter("end"), reverse=True)
    ordered.sort(key=attrgetter("start"))
    for mention in ordered:
        key = (mention.actor, mention.start, mention.end)
        if key in seen:
            continue
        seen.add(key)
        kept.append(mention)
    # (the mentions are tuples: zip(*kept) gives their fields column by column)
    actor_col, kind_col, start_col, end_col = (list(column) for column in zip(*kept)) if kept else ([], [], [], [])
    sentence_of = _last_at_or_before(sentence_starts, start_col)
    # built column by column: a frame builds faster from lists than from one dict per row
    columns = {
        "actor": actor_col,
        "actor_kind": [records[actor].kind for actor in actor_col],
        "mention_kind": kind_col,
        "surface": [text[start:end] for start, end in zip(start_col, end_col)],
        "start": start_col,
        "end": end_col,
        "sentence_id": [sentence_ids[i] if i >= 0 else 0 for i in sentence_of],
        "block_kind": ex.block_kinds(start_col),
    }
    mentions = pd.DataFrame(columns if kept else [],
                            columns=[c for c in schemas.COLUMNS["mentions"] if c != "mention_id"])
    mentions.insert(0, "mention_id", range(len(mentions)))
    mentions = schemas.conform("mentions", mentions)

    # per actor: mentions in story text, and the first offset in it and anywhere (mentions are in offset order)
    counts: dict[str, int] = {}
    first_story: dict[str, int] = {}
    first_any: dict[str, int] = {}
    for name, start, block_kind in zip(columns["actor"], columns["start"], columns["block_kind"]):
        first_any.setdefault(name, start)
        if block_kind in STORY_KINDS:
            counts[name] = counts.get(name, 0) + 1
            first_story.setdefault(name, start)
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
    return ActorIndex(article, actors, mentions, _records=dict(ex.actors), _handles=handles,
                      known_names=ex.known_names)
