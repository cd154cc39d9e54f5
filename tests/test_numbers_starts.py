"""`numbers._starts` (one scan) finds the offsets the plain per-word test finds: every word start
the "number" pattern's look-behind allows whose word opens with a digit or is one of
`_first_words()`, compared case-insensitively; `find_numbers` finds in the lower-cased text (the
patterns' case-sensitive twins) what the case-insensitive patterns find in the text."""
from __future__ import annotations

import re
from unittest import mock

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



MORE = PIECES + ["Five", "FIFTY", "Hundreds of", "tens of thousands", "12-year-old", "3rd", "40%", "per cent", "to",
                 "or more", "+", "between 10 and 15", "10 to 15", "1\u00a0200", "Twenty-One", "A dozen", "Half a dozen"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(MORE), max_size=14).map("".join))
def test_numbers_found_in_the_lower_cased_text_are_those_of_the_text(text):
    with mock.patch.object(N.dates, "lowered", lambda _text: None):  # the case-insensitive patterns, on the text
        expected = N.find_numbers(text)
    assert N.find_numbers(text) == expected


def test_words_the_patterns_fold_read_as_the_words_they_match():
    """Case-insensitive matching folds a long s onto "s": "dozenſ" is "dozens", not an error."""
    assert [(n.surface, n.value, n.vague) for n in N.find_numbers("A dozenſ died; tens of thouſands fled")] == [
        ("dozenſ", 12, True), ("tens of thouſands", 10000, True)]
