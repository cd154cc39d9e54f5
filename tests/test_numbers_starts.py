"""`numbers._starts` (one scan) finds the offsets the plain per-word test finds: every word start
the "number" pattern's look-behind allows whose word opens with a digit or is one of
`_first_words()`, compared case-insensitively."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from analysis import numbers as N

PIECES = ["one", "One", "ONE", "two", "dozen", "Dozens", "about", "At", "at least", "over", "more than", "half",
          "a", "An", "between", "thousand", "twenty-one", "killed", "people", "12", "1,200", "3.5", "\u0663",
          " ", "  ", ".", ",", "$", "£", "€", "#", "-", "–", "'", "\"", "\u0130", "\u0131", "\u017f", "\u212a",
          "\u017feven", "\u017fix", "tw\u0131ce", "\u00e9", "\uff2f\uff2e\uff25", "_", "x", "s"]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def plain_starts(text: str) -> list[int]:
    first = N._first_words()
    starts = []
    for m in re.finditer(r"(?<![\w.,$£€#])\w+", text):
        word = m.group()
        if word[0].isdecimal() or any(re.fullmatch(re.escape(w), word, re.I) for w in first):
            starts.append(m.start())
    return starts


@settings(max_examples=800, deadline=None)
@given(texts)
def test_starts_are_the_plain_word_tests(text):
    assert N._starts(text) == plain_starts(text)
