"""find_dates tries its patterns only where a match can start: those tries find what finditer finds.

`_matches_at(pattern, source, starts)` must yield what `pattern.finditer(source)` yields when
`starts` are the month names (October 10), the digit runs (10 October) or `_weekday_starts`
(on Friday). Texts mix date words run together ("octuesday", "junov", "mondayesterday"), the
words that may lead a weekday and the white space characters that \\s and str.isspace share.
"""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from analysis import dates as D

PIECES = ["october", "oct", "oct.", "jun", "junov", "nov", "may", "sept", "sep", "march", "mar", "dec",
          "friday", "monday", "tuesday", "octuesday", "mondayesterday", "yesterday", "today", "tonight",
          "this morning", "this evening", "last", "this", "on", "since", "until", "onsunday", "of",
          "st", "th", "1", "10", "31", "2020", "1999", "-", "2020-10-10", ",", ".", " ", "  ", "\n",
          "\u00a0", "\u2003", "\x1c", "\t", "a", "x", "day", "\u0663"]

texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


def _spans(matches):
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


@settings(max_examples=500, deadline=None)
@given(texts)
def test_tries_at_the_starts_find_what_finditer_finds(text):
    months = D._starts(D._HAS_MONTH, text)
    numbers = [m.start() for m in D._DIGIT_RUN.finditer(text)]
    assert _spans(D._matches_at(D._EXPLICIT_LOWER[0], text, months)) == _spans(D._EXPLICIT_LOWER[0].finditer(text))
    assert _spans(D._matches_at(D._EXPLICIT_LOWER[1], text, numbers)) == _spans(D._EXPLICIT_LOWER[1].finditer(text))
    assert _spans(D._matches_at(D._WEEKDAY_LOWER, text, D._weekday_starts(text))) == \
        _spans(D._WEEKDAY_LOWER.finditer(text))


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([None, dt.date(2020, 10, 10)]))
def test_no_day_word_no_digit_no_date(text, published):
    if not D._HAS_DIGIT.search(text) and not D._may_name_day(text.lower()):
        assert D.find_dates(text, published) == []


MONTH_DAY_PIECES = PIECES + ["oct..", "sept.", "xdec", "_", "\u00e9", "5"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(MONTH_DAY_PIECES), max_size=16).map("".join))
def test_month_day_starts_find_what_finditer_finds(text):
    """find_dates tries "October 10" only at the month words it finds by walking back from each
    run of digits; those tries find what finditer finds."""
    numbers = [m.start() for m in D._DIGIT_RUN.finditer(text)]
    starts = D._month_day_starts(text, numbers)
    assert starts == sorted(set(starts))
    assert _spans(D._matches_at(D._EXPLICIT_LOWER[0], text, starts)) == _spans(D._EXPLICIT_LOWER[0].finditer(text))
