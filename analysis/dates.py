"""Dates in news text: explicit dates, weekdays and "yesterday", resolved
against the publication date.

In:  text (a sentence or a whole article) and the publication date.
Out: `datetime.date` values, or `DateMention` records with character offsets.

Rules (news convention: a bare weekday means the most recent one):
- "on Friday" resolves to the latest Friday on or before the publication
  date; a weekday equal to the publication date's own weekday is that day.
- "last Friday" is the latest Friday strictly before the publication date.
- "October 10" without a year takes the publication year, or the year before
  when that would put it more than a week after publication.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_EXPLICIT = [
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b", re.I),
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b", re.I),
    # ISO dates, also as the start of a timestamp ("2020-10-10T14:32:00Z")
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:\b|(?=[Tt]\d))"),
]
_WEEKDAY = re.compile(
    r"\b(?P<last>last\s+|this\s+|on\s+|since\s+|until\s+)?(?P<weekday>"
    + "|".join(WEEKDAYS) + r")\b", re.I)
_RELATIVE_DAY = re.compile(r"\b(?P<word>today|yesterday|tonight|this morning|this evening)\b", re.I)

# Cheap necessary conditions, checked before the patterns above (find_dates runs once per
# sentence, and most sentences hold no date): each searches the lower-cased text for words
# every match of its pattern must contain. Case-sensitive alternations of literals let the
# regex engine skip ahead, where the case-insensitive patterns try every word.
_HAS_DIGIT = re.compile(r"\d")
_HAS_MONTH = re.compile("|".join(sorted({name[:3] for name in MONTHS})))  # every month name starts so
_HAS_WEEKDAY = re.compile("|".join(WEEKDAYS))
_HAS_RELATIVE_DAY = re.compile("today|yesterday|tonight|this morning|this evening")
_DIGIT_RUN = re.compile(r"\d+")
#: Words that may stand before a weekday in _WEEKDAY ("last Friday", "on Friday").
_WEEKDAY_LEADS = ("last", "this", "on", "since", "until")
# Characters that match an ASCII letter case-insensitively but do not lower-case to it
# ("İ" -> "i̇", dotless "ı", long "ſ"): in their presence the gates could miss.
_FOLD_UNSAFE = re.compile("[\u0130\u0131\u017f]")
# The patterns with letters, case-sensitive, for the lower-cased text: without those characters,
# lower-casing keeps every offset and what \b, \s and \d see, so they match where the
# case-insensitive ones match in the text, and faster (the words are read from the text).
_EXPLICIT_LOWER = [re.compile(p.pattern) for p in _EXPLICIT[:2]] + _EXPLICIT[2:]
_WEEKDAY_LOWER = re.compile(_WEEKDAY.pattern)
_RELATIVE_DAY_LOWER = re.compile(_RELATIVE_DAY.pattern)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text: its span, its wording and the date it means."""

    start: int
    end: int
    surface: str
    date: dt.date
    explicit: bool  # True for calendar dates, False for weekdays and "yesterday"
    has_year: bool


def parse_iso(value: str | dt.date | None) -> dt.date | None:
    """'2020-10-10' (or a date) -> date; None or '' -> None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def lowered(text: str) -> str | None:
    """`text` lower-cased for a case-sensitive twin of a pattern, or None when no twin can be trusted.

    Without the _FOLD_UNSAFE characters (and with the same length), a case-insensitive pattern
    whose letters are all lower case matches the text exactly where, made case-sensitive, it
    matches the lower-cased text: lower-casing then keeps what \\w, \\s and \\d see, and folds
    every character that matches an ASCII letter case-insensitively to that letter."""
    return None if "\u0130" in text or "\u0131" in text or "\u017f" in text else text.lower()  # _FOLD_UNSAFE


def fold(word: str) -> str:
    """A matched month, weekday or day word as the lower-case ASCII key of the tables above.

    The case-insensitive patterns also match the letters that Unicode folds
    onto ASCII ones ("İ", "ı", "ſ", the Kelvin sign), which `lower()` alone
    does not map back.
    """
    return word.casefold().replace("\u0307", "").replace("\u0131", "i")


@lru_cache(maxsize=4096)  # (pure; news repeats its dates: find_dates runs once per sentence)
def resolve_weekday(weekday: str, published: dt.date, strictly_before: bool = False) -> dt.date:
    """The latest `weekday` on or before `published` (strictly before when asked)."""
    target = WEEKDAYS[fold(weekday)]
    delta = (published.weekday() - target) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return published - dt.timedelta(days=delta)


@lru_cache(maxsize=4096)  # (pure, as above)
def resolve_month_day(month: int, day: int, published: dt.date | None, year: int | None = None) -> dt.date | None:
    """A calendar date; a missing year comes from `published` (see module doc)."""
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if candidate - published > dt.timedelta(days=7):
            year -= 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[fold(value).rstrip(".")]


def _starts(gate: re.Pattern, source: str) -> list[int]:
    """The offsets of the matches `gate.finditer` finds in `source`. With the gates below (words
    of letters) an occurrence it passes over starts inside another word, after a letter: where
    the \\b that opens the patterns fails, so no match of theirs starts there."""
    return [m.start() for m in gate.finditer(source)]


def _matches_at(pattern: re.Pattern, source: str, starts: list[int]):
    """What `pattern.finditer(source)` yields, given the sorted offsets `starts` at which every
    match of `pattern` must start (and that no match is empty): the pattern is tried only there,
    from left to right, the next try after the end of a match, as finditer does."""
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(source, start)
        if m:
            yield m
            pos = m.end()


def _weekday_starts(source: str) -> list[int]:
    """The offsets at which a _WEEKDAY match may start in `source`: each weekday word, and
    the word of _WEEKDAY_LEADS that ends right before the white space in front of it."""
    starts = []
    for at in _starts(_HAS_WEEKDAY, source):
        lead_end = at
        while lead_end and source[lead_end - 1].isspace():  # what \s+ matches
            lead_end -= 1
        if lead_end < at:
            starts += [lead_end - len(lead) for lead in _WEEKDAY_LEADS if source.endswith(lead, 0, lead_end)]
        starts.append(at)
    return sorted(set(starts))


def _month_day_starts(source: str, numbers: list[int]) -> list[int]:
    """The offsets at which an _EXPLICIT[0] match ("October 10") may start in the lower-cased `source`,
    given the starts of its runs of digits, in order. The match's day opens a run of digits after white
    space (`\\s+`, what str.isspace() calls white space); its month, a word of a-z, ends right before that
    white space or before one "." there, and starts at a word boundary: at the start of the run of a-z
    that ends there (a letter before it would leave no boundary). Walking back from the few digit runs
    is cheaper than scanning the whole text for month names."""
    starts = []
    for at in numbers:
        i = at
        while i and source[i - 1].isspace():
            i -= 1
        if i == at:
            continue
        if i and source[i - 1] == ".":
            i -= 1
        word_end = i
        while i and "a" <= source[i - 1] <= "z":
            i -= 1
        if i < word_end:
            starts.append(i)
    return starts


def find_dates(text: str, published: dt.date | None = None, lower: str | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, without overlaps.

    Weekdays and "yesterday" need `published`; without it they are skipped. `lower`: `lowered(text)`
    when the caller has it already (else None: found here).
    """
    # the matches of each pattern that can match at all (see the gates' comment), in the order of
    # the patterns; matched words are always read from `text`. In the lower-cased text the
    # patterns are tried only where a match can start: a month name ("October 10"), a run of
    # digits ("10 October"), a weekday or a word before it ("on Friday").
    source = lowered(text) if lower is None else lower
    if source is None:
        source = text
        explicit = [pattern.finditer(text) for pattern in _EXPLICIT]
        weekday, relative = _WEEKDAY.finditer(text), _RELATIVE_DAY.finditer(text)
    else:
        has_digit = _HAS_DIGIT.search(text) is not None
        if not has_digit and (published is None or not _may_name_day(source)):
            return []  # most texts: no digit, no weekday, no "today"
        explicit = []
        if has_digit:
            numbers = [m.start() for m in _DIGIT_RUN.finditer(source)]
            explicit = [_matches_at(_EXPLICIT_LOWER[0], source, _month_day_starts(source, numbers)),  # "October 10"
                        _matches_at(_EXPLICIT_LOWER[1], source, numbers)]  # "10 October"
            if "-" in text:
                explicit.append(_EXPLICIT_LOWER[2].finditer(source))  # "2020-10-10"
        weekday = relative = ()
        if published is not None and _may_name_day(source):
            weekday = _matches_at(_WEEKDAY_LOWER, source, _weekday_starts(source))
            if _HAS_RELATIVE_DAY.search(source):
                relative = _RELATIVE_DAY_LOWER.finditer(source)

    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for matches in explicit:
        for m in matches:
            start, end = m.span()
            if taken and not _free(taken, start, end):
                continue
            month_start, month_end = m.span("month")
            month = text[month_start:month_end]
            # "may 5" is rarely a date when "may" is lower-case (the verb)
            if month == "may":
                continue
            year = m["year"]
            year = int(year) if year else None
            date = resolve_month_day(_month_number(month), int(m["day"]), published, year)
            if date is None:
                continue
            found.append(DateMention(start, end, text[start:end], date, True, year is not None))
            taken.append((start, end))
    if published is not None:
        for m in weekday:
            if not _free(taken, m.start("weekday"), m.end("weekday")):
                continue
            strictly = (m["last"] or "").strip().lower() == "last"
            surface = _group(text, m, "weekday")
            date = resolve_weekday(surface, published, strictly_before=strictly)
            found.append(DateMention(m.start("weekday"), m.end("weekday"), surface, date, False, False))
            taken.append((m.start("weekday"), m.end("weekday")))
        for m in relative:
            if not _free(taken, m.start(), m.end()):
                continue
            word = fold(m["word"])
            date = published - dt.timedelta(days=1) if word == "yesterday" else published
            found.append(DateMention(m.start(), m.end(), _group(text, m, 0), date, False, False))
            taken.append((m.start(), m.end()))
    if len(found) > 1:
        found.sort(key=lambda d: d.start)
    return found


def _may_name_day(source: str) -> bool:
    """False when the lower-cased `source` holds no weekday and no relative day word (each holds
    "day", "tonight" or "this ")."""
    return "day" in source or "tonight" in source or "this " in source


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps none of the spans `taken`."""
    return all(end <= s or start >= e for s, e in taken)


def _group(text: str, m: re.Match, name: str | int) -> str | None:
    """The group `name` of a match in `text` or in its lower case, read from `text`."""
    start, end = m.span(name)
    return text[start:end] if start >= 0 else None


def infer_publication_date(text: str, dateline: str | None = None) -> dt.date | None:
    """The latest explicit full date (with a year) in `text`, or None.

    Failing that, a month and day from `dateline` (the "KHARTOUM, June 3
    (Reuters) -" opening of a wire story) in the latest year the text names.
    """
    dates = [d.date for d in find_dates(text) if d.has_year]
    if dates:
        return max(dates)
    if dateline:
        years = [int(y) for y in _YEAR_ALONE.findall(text)]
        m = _EXPLICIT[0].search(dateline)
        if m and years and m["month"] != "may":
            return resolve_month_day(_month_number(m["month"]), int(m["day"]), None, max(years))
    return None


_YEAR_ALONE = re.compile(r"\b((?:19|20)\d\d)\b")
