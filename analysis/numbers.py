"""Numbers in news text: digits, number words and vague quantities.

In:  text ("over 400", "1,200", "twenty-one", "a dozen", "dozens of",
     "between 10 and 15") or a single number expression.
Out: `NumberMention` records (span, value, qualifier, bounds) from
     `find_numbers(text)`; `parse_number(expr)` for one expression;
     `bounds(value, qualifier)` for the low/high a qualifier implies.

Conventions (data/lexicon/number_words.csv, number_qualifiers.csv):
- vague plurals follow ACLED: tens -> 10, dozens -> 12, scores -> 20,
  hundreds -> 100, thousands -> 1000, "tens of thousands" -> 10000; the value
  is a floor, so the qualifier is `at_least`.
- a hedge before the figure sets the qualifier: "over 400" -> more_than,
  "at least" -> at_least, "about" -> about, "nearly"/"up to" -> at_most.
- a range "between 10 and 15" / "10 to 15" / "10-15" gives the low end as
  the value (the conservative figure), qualifier at_least, high = 15.
- bounds: exact -> (n, n); more_than and at_least -> (n, None);
  at_most -> (None, n); about and undisclosed -> (None, None).

Numbers that cannot be counts are flagged, not dropped, so callers decide:
`attached` is True for "12-year-old", "three-hour", "3rd", "40%", "$5",
"12:05", "#3" (a number glued to a word, unit or symbol).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import dates, lexicon



# thousands grouped by a no-break, narrow no-break or thin space ("35\u00a0000"); a plain space is
# left alone ("on March 3 200 people ..." holds two numbers)
_GROUP_SPACES = "\u00a0\u202f\u2009"
_GROUPED = re.compile(rf"(?<=\d)[{_GROUP_SPACES}](?=\d{{3}}(?!\d))")
_OF = re.compile(r"\s+of\s+", re.I)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NumberMention:
    """A number expression in text: `start`/`end` cover the hedge and the number."""

    start: int
    end: int
    value: int
    qualifier: str
    surface: str
    number_start: int  # where the number itself begins (after any hedge)
    low: int | None
    high: int | None
    vague: bool = False  # "dozens", "hundreds"
    written: bool = False  # spelled out in words
    attached: bool = False  # glued to a unit or word: an age, duration, ordinal, time, money, percentage


@lru_cache(maxsize=None)
def _words() -> dict[str, tuple[int, str, str]]:
    return {r["word"].lower(): (int(r["value"]), r["kind"], r["qualifier"] or "")
            for r in lexicon.table("number_words.csv")}


@lru_cache(maxsize=None)
def _hedges() -> tuple[dict[str, str], dict[str, str]]:
    before, after = {}, {}
    for r in lexicon.table("number_qualifiers.csv"):
        (before if r["position"] == "before" else after)[r["phrase"].lower()] = r["qualifier"]
    return before, after


def alternation(phrases) -> str:
    """A regex alternation of `phrases`, longest first, a space matching any run of whitespace.

    The phrases are grouped by their first character ("a(?:t\\s+least|bout)|o(?:ver)"): the
    engine then tries only the group a character can open instead of every phrase in turn,
    and the matches are those of the flat longest-first list (phrases of other groups can
    never match where a group's first character does).
    """
    groups: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        groups.setdefault(phrase[:1], []).append(phrase[1:])

    def escape(text: str) -> str:
        return re.escape(text).replace(r"\ ", r"\s+")

    return "|".join(escape(first) + "(?:" + "|".join(map(escape, rests)) + ")" for first, rests in groups.items())


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern]:
    words = _words()
    cardinal = alternation(w for w, (_, kind, _) in words.items() if kind in ("unit", "teen", "tens", "scale"))
    vague = alternation(w for w, (_, kind, _) in words.items() if kind == "vague")
    before, after = _hedges()
    first = alternation(word for word in _first_words() if _WORD.fullmatch(word))  # (a word can only equal these)
    digits = rf"\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+(?!\d)|\d+(?:\.\d+)?"
    scale = r"(?:\s+(?:hundred|thousand|million|billion)\b)?"
    word_number = (rf"(?:an?\s+)?(?:{cardinal})\b(?:(?:\s*-\s*|\s+(?:and\s+)?)(?:{cardinal})\b)*(?:\s+dozen\b)?"
                   rf"|an?\s+dozen\b|(?:half\s+a\s+)?dozen\b")
    vague_number = rf"(?:{vague})(?:\s+of\s+(?:{vague}))?\b"
    number = rf"(?P<digits>{digits}){scale}|(?P<vague>{vague_number})|(?P<words>{word_number})"
    return {
        "number": re.compile(
            rf"(?<![\w.,$£€#])(?:(?P<hedge>{alternation(before)})\s+)?"
            rf"(?:between\s+(?P<lo>{digits}|{word_number})\s+and\s+(?={digits}|{word_number}))?"
            rf"(?P<num>{number})"
            rf"(?:(?P<range>\s*(?:-|–|to)\s*)(?P<hi>{digits}(?:{scale})|{word_number})\b)?"
            rf"(?P<after>\s+(?:{alternation(after)})\b|\+)?",
            re.I),
        # every word number and hedge is written in lower case: see _twins
        "between": re.compile(r"between\s+", re.I),
        "attached": re.compile(r"(?:-|–)?(?:st|nd|rd|th|%|[a-z]|\s*-\s*[a-z]|:\d|\s*(?:percent|per\s+cent|pc)\b)", re.I),
        "token": re.compile(r"[a-z]+", re.I),
        "dash_letter": re.compile(r"-[a-z]", re.I),
        # where a number expression may begin (see _starts): a word start the "number" pattern's
        # look-behind allows, opening with a digit or being one of _first_words(); the case-sensitive
        # twin is for the lower-cased text (see dates.lowered), the other for text that has none
        "start": re.compile(rf"(?<![\w.,$£€#])(?:\d|(?:{first})(?!\w))"),
        "start_folded": re.compile(rf"(?<![\w.,$£€#])(?:\d|(?:{first})(?!\w))", re.I),
    }


@lru_cache(maxsize=None)
def _twins() -> dict[str, re.Pattern]:
    """The case-insensitive patterns find_numbers matches, case-sensitive, for the lower-cased text:
    where lower-casing keeps every offset (`dates.lowered`) they match there where the others match
    the text, faster. (Their patterns hold no upper-case letter but the P of named groups.)"""
    twins = {}
    for name in ("number", "attached", "dash_letter"):
        pattern = _patterns()[name]
        assert re.sub(r"\(\?P[<=]", "", pattern.pattern).islower()
        twins[name] = re.compile(pattern.pattern, pattern.flags & ~re.I)
    return twins


@lru_cache(maxsize=None)
def _first_words() -> frozenset[str]:
    """Every word a number expression can begin with: a hedge's first word, "between", "a"/"an",
    "half", or a number word (digits are checked apart)."""
    before, _ = _hedges()
    return frozenset({phrase.split()[0] for phrase in before} | {"between", "a", "an", "half"}
                     | {word.split()[0] for word in _words()})


def _starts(text: str) -> list[int]:
    """The offsets where the "number" pattern can match, in order: a fast prefilter for `find_numbers`.

    A match opens a word (the pattern's look-behind) with a digit or one of `_first_words()`
    followed by a non-word character, so every other word is skipped without trying the
    pattern's long alternations there. One scan finds those words: a case-sensitive one of the
    lower-cased text where lower-casing keeps every offset (`dates.lowered`), which is faster
    than the case-insensitive one it stands for.
    """
    return _starts_in(text, dates.lowered(text))


def _starts_in(text: str, lowered: str | None) -> list[int]:
    """`_starts(text)`, given `dates.lowered(text)`."""
    patterns = _patterns()
    if lowered is None:
        return [m.start() for m in patterns["start_folded"].finditer(text)]
    return [m.start() for m in patterns["start"].finditer(lowered)]


def _digits_value(text: str) -> int | None:
    if text.isdecimal() and len(text) < 16:
        return int(text)  # plain digits: the value the float below rounds to, exactly (below 10**15)
    text = _GROUPED.sub("", text.lower().replace(",", ""))
    parts = text.split()
    try:
        value = float(parts[0])
    except ValueError:
        return None
    if len(parts) > 1:
        value *= _words()[parts[1]][0]
    return int(round(value))


def words_value(text: str) -> int | None:
    """ "two hundred and fifty" -> 250; "a dozen" -> 12; None when not a well-formed number."""
    words = _words()
    tokens = [t.casefold() for t in _patterns()["token"].findall(text)]
    if tokens and tokens[0] in ("a", "an"):
        tokens = tokens[1:] or ["one"]
        if tokens == ["one"]:
            return None
    if tokens[:2] == ["half", "a"]:
        return 6 if tokens[2:] == ["dozen"] else None
    total = current = 0
    seen = False
    for token in tokens:
        if token == "and":
            continue
        if token not in words:
            return None
        value, kind, _ = words[token]
        if kind == "dozen":
            current = (current or 1) * 12
        elif kind == "scale":
            if value == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * value
                current = 0
        elif kind in ("unit", "teen", "tens"):
            last_digit = current % 10
            last_two = current % 100
            if seen and (last_two and (kind != "unit" or last_digit or last_two < 20)):
                return None  # "five six", "twenty thirty": not one number
            current += value
        else:
            return None
        seen = True
    return total + current


def _truncate_words(text: str) -> tuple[str, int | None]:
    """The longest prefix of a word-number match that parses ("five and six" -> "five")."""
    pieces = list(re.finditer(r"[A-Za-z]+", text))
    for n in range(len(pieces), 0, -1):
        if pieces[n - 1].group(0).lower() == "and":
            continue
        prefix = text[:pieces[n - 1].end()]
        value = words_value(prefix)
        if value is not None:
            return prefix, value
    return "", None


def _vague_parts(text: str) -> list[str]:
    """ "tens of thousands" -> ["tens", "thousands"]; "several  dozen" -> ["several dozen"]."""
    # casefold, not lower: the patterns match case-insensitively, so "dozenſ" (long s) matched "dozens"
    return [" ".join(part.split()) for part in _OF.split(text.casefold())]


def _vague_value(text: str) -> int | None:
    """ "tens of thousands" -> 10,000; None for a match whose words the table does not hold."""
    words = _words()
    value = 1
    for part in _vague_parts(text):
        if part not in words:
            return None
        value *= words[part][0]
    return value


def bounds(value: int | None, qualifier: str) -> tuple[int | None, int | None]:
    """(low, high) implied by a qualifier (see module doc)."""
    if value is None:
        return None, None
    if qualifier == "exact":
        return value, value
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier == "at_most":
        return None, value
    return None, None


def _single(text: str) -> int | None:
    text = text.strip()
    if re.fullmatch(rf"\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+|"
                    r"\d+(?:\.\d+)?(?:\s+(?:hundred|thousand|million|billion))?", text, re.I):
        return _digits_value(text)
    return words_value(text)


def find_numbers(text: str, lowered: str | None = None) -> list[NumberMention]:
    """Every number expression in `text`, in order (see module doc).

    `lowered`: `dates.lowered(text)` when the caller has it already (else None: found here)."""
    # the patterns match the lower-cased text when lower-casing keeps every offset (see _twins); the
    # matched words are only read case-insensitively, the surface from `text`
    if lowered is None:
        lowered = dates.lowered(text)
    patterns = _patterns() if lowered is None else _twins()
    source = text if lowered is None else lowered
    pattern, attached_re, dash_letter = patterns["number"], patterns["attached"], patterns["dash_letter"]
    hedges_before, hedges_after = _hedges()
    found = []
    pos = 0
    for at in _starts_in(text, lowered):  # the same matches as pattern.search(source, pos), tried only where one can begin
        if at < pos:
            continue
        m = pattern.match(source, at)
        if m is None:
            continue
        pos = m.end()
        num, hedge = m.group("num", "hedge")
        num_start, num_end = m.span("num")
        vague = bool(m.group("vague"))
        written = bool(m.group("words"))
        if m.group("digits"):
            value = _digits_value(num)
        elif vague:
            value = _vague_value(num)
        else:
            prefix, value = _truncate_words(num)
            if value is None:
                continue
            if len(prefix) < len(num):
                num_end = num_start + len(prefix)
                pos = num_end
        if value is None:
            continue
        end = num_end
        qualifier = "exact"
        if vague:
            qualifier = _words()[_vague_parts(num)[0]][2] or "at_least"
        if hedge:
            qualifier = hedges_before[" ".join(hedge.lower().split())]
        low = high = None
        hi = m.group("hi") if end == m.end("num") else None
        lo = m.group("lo")
        range_high = None
        if lo is not None:
            lo_value = _single(lo)
            if lo_value is not None:
                range_high, value = value, lo_value
        elif hi is not None:
            hi_value = _single(hi)
            if hi_value is not None and hi_value > value:
                range_high = hi_value
                end = m.end("hi")
        if range_high is not None:
            qualifier = "at_least"
        elif m.group("after") and end == m.end("num"):
            tail = m.group("after").strip().lower()
            qualifier = "at_least" if tail == "+" else hedges_after[" ".join(tail.split())]
            end = m.end("after")
        low, high = bounds(value, qualifier)
        if range_high is not None:
            high = range_high
        start = m.start("hedge") if hedge else (m.start() if lo is not None else num_start)
        attached = not written and not vague and bool(attached_re.match(source, num_end))
        if not attached and written:
            attached = bool(dash_letter.match(source, num_end))
        if text[num_end:num_end + 1] == ":" or (num_start and text[num_start - 1] in "$£€#:"):
            attached = True
        found.append(NumberMention(start, end, value, qualifier, text[start:end], num_start, low, high,
                                   vague, written, attached))
    return found


def parse_number(text: str) -> tuple[int, str] | None:
    """(value, qualifier) for one whole number expression ("over 400" -> (400, 'more_than')), else None."""
    mentions = find_numbers(text.strip())
    if len(mentions) != 1 or mentions[0].start != 0 or mentions[0].end != len(text.strip()):
        return None
    return mentions[0].value, mentions[0].qualifier
