"""find_dates' cheap gates (analysis.dates) never change what it finds.

The reference below is find_dates as it was before the gates: every pattern
run over every text. Texts are built from date words, their case variants and
the characters that match ASCII letters case-insensitively without lower-casing
to them (dotless i, long s, dotted capital I, the Kelvin sign).
"""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from analysis import dates
from analysis.dates import DateMention, find_dates


def _reference(text: str, published: dt.date | None) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for pattern in dates._EXPLICIT:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            year = int(m["year"]) if m["year"] else None
            date = dates.resolve_month_day(dates._month_number(m["month"]), int(m["day"]), published, year)
            if date is None or m["month"] == "may":
                continue
            found.append(DateMention(m.start(), m.end(), m.group(0), date, True, year is not None))
            taken.append((m.start(), m.end()))
    if published is not None:
        for m in dates._WEEKDAY.finditer(text):
            if not free(m.start("weekday"), m.end("weekday")):
                continue
            strictly = (m["last"] or "").strip().lower() == "last"
            date = dates.resolve_weekday(m["weekday"], published, strictly_before=strictly)
            found.append(DateMention(m.start("weekday"), m.end("weekday"), m["weekday"], date, False, False))
            taken.append((m.start("weekday"), m.end("weekday")))
        for m in dates._RELATIVE_DAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            word = dates.fold(m["word"])
            date = published - dt.timedelta(days=1) if word == "yesterday" else published
            found.append(DateMention(m.start(), m.end(), m.group(0), date, False, False))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _outcome(fn, text, published):
    try:
        return fn(text, published)
    except Exception as exc:  # both must fail alike
        return type(exc).__name__


PIECES = ["October", "oct", "OCT.", "May", "may", "Sept", "sep", "march", "Dec", "jan", "Friday", "FRIDAY",
          "monday", "last", "this", "on", "since", "until", "today", "Yesterday", "tonight", "this morning",
          "this evening", "of", "st", "th", "1", "10", "31", "2020", "1999", "-", "2020-10-10", ",", ".",
          " ", "  ", "\n", "\u00a0", "a", "x", "\u0130", "\u0131", "\u017f", "\u212a", "\u201c", "\u2019"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14),
       st.sampled_from([None, dt.date(2020, 10, 10), dt.date(2023, 1, 3)]))
def test_gates_find_what_every_pattern_finds(pieces, published):
    text = "".join(pieces)
    assert _outcome(find_dates, text, published) == _outcome(_reference, text, published)


def test_gates_on_known_sentences():
    published = dt.date(2020, 10, 10)
    for text in ["On Friday, Russia said so.", "Talks resume on October 12, 2020 in Geneva.",
                 "the 2020-10-09 report", "He spoke last friday and tonight.", "no date at all here",
                 "fighting on 9 of October", "Tuesday\u2019s attack", "tue\u017fday", "Fr\u0130day",
                 "\u212aILLED on monday", "markets declared 5 separate", "it may 5"]:
        assert _outcome(find_dates, text, published) == _outcome(_reference, text, published)
        assert _outcome(find_dates, text, None) == _outcome(_reference, text, None)
