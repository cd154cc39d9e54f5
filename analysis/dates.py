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
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
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


def fold(word: str) -> str:
    """A matched month, weekday or day word as the lower-case ASCII key of the tables above.

    The case-insensitive patterns also match the letters that Unicode folds
    onto ASCII ones ("İ", "ı", "ſ", the Kelvin sign), which `lower()` alone
    does not map back.
    """
    return word.casefold().replace("\u0307", "").replace("\u0131", "i")


def resolve_weekday(weekday: str, published: dt.date, strictly_before: bool = False) -> dt.date:
    """The latest `weekday` on or before `published` (strictly before when asked)."""
    target = WEEKDAYS[fold(weekday)]
    delta = (published.weekday() - target) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return published - dt.timedelta(days=delta)


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


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[fold(value).rstrip(".")]


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, without overlaps.

    Weekdays and "yesterday" need `published`; without it they are skipped.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def group(m: re.Match, name: str | int) -> str | None:
        start, end = m.span(name)
        return text[start:end] if start >= 0 else None

    # which patterns can match at all (see the gates' comment), searched in what; the order of
    # the patterns is kept, and matched words are always read from `text`
    if _FOLD_UNSAFE.search(text):
        source, explicit, weekday, relative = text, _EXPLICIT, _WEEKDAY, _RELATIVE_DAY
    else:
        source = text.lower()
        explicit = []
        if _HAS_DIGIT.search(text):
            if _HAS_MONTH.search(source):
                explicit = _EXPLICIT_LOWER[:2]  # "October 10", "10 October"
            if "-" in text:
                explicit = explicit + _EXPLICIT_LOWER[2:]  # "2020-10-10"
        weekday = _WEEKDAY_LOWER if _HAS_WEEKDAY.search(source) else None
        relative = _RELATIVE_DAY_LOWER if _HAS_RELATIVE_DAY.search(source) else None

    for pattern in explicit:
        for m in pattern.finditer(source):
            if not free(m.start(), m.end()):
                continue
            year = int(m["year"]) if m["year"] else None
            month = group(m, "month")
            date = resolve_month_day(_month_number(month), int(m["day"]), published, year)
            if date is None:
                continue
            # "may 5" is rarely a date when "may" is lower-case (the verb)
            if month == "may":
                continue
            found.append(DateMention(m.start(), m.end(), group(m, 0), date, True, year is not None))
            taken.append((m.start(), m.end()))
    if published is not None and weekday is not None:
        for m in weekday.finditer(source):
            if not free(m.start("weekday"), m.end("weekday")):
                continue
            strictly = (m["last"] or "").strip().lower() == "last"
            surface = group(m, "weekday")
            date = resolve_weekday(surface, published, strictly_before=strictly)
            found.append(DateMention(m.start("weekday"), m.end("weekday"), surface, date, False, False))
            taken.append((m.start("weekday"), m.end("weekday")))
    if published is not None and relative is not None:
        for m in relative.finditer(source):
            if not free(m.start(), m.end()):
                continue
            word = fold(m["word"])
            date = published - dt.timedelta(days=1) if word == "yesterday" else published
            found.append(DateMention(m.start(), m.end(), group(m, 0), date, False, False))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


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
