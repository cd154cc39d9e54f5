"""Round-2 speed helpers: each must find what the slower code it stands for finds.

- dates._month_day_starts: trying _EXPLICIT[0] ("October 10") only at the month words it derives
  from the digit runs yields what finditer yields (texts mix date words run together, dots and
  the white space characters that \\s and str.isspace share, as in test_dates_starts).
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from analysis import dates as D

PIECES = ["october", "oct", "oct.", "oct..", "jun", "junov", "nov", "may", "sept", "sept.", "sep", "march", "mar",
          "dec", "xdec", "friday", "of", "st", "th", "1", "10", "31", "2020", "1999", "-", "2020-10-10", ",", ".",
          " ", "  ", "\n", "\u00a0", "\u2003", "\x1c", "\t", "a", "x", "_", "é", "\u0663", "5"]

texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


def _spans(matches):
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


@settings(max_examples=800, deadline=None)
@given(texts)
def test_month_day_starts_find_what_finditer_finds(text):
    numbers = [m.start() for m in D._DIGIT_RUN.finditer(text)]
    starts = D._month_day_starts(text, numbers)
    assert starts == sorted(set(starts))
    assert _spans(D._matches_at(D._EXPLICIT_LOWER[0], text, starts)) == _spans(D._EXPLICIT_LOWER[0].finditer(text))
