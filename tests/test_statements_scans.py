"""Shortcuts in analysis.extractors.statements answer as the patterns they stand in for.

- `_skip_adverbials(text, pos)` is `_ADVERBIALS.match(text, pos).end()`;
- the negation words: a text in which `_NEGATED` (or its twin) finds a match holds one of them.
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from analysis.extractors import statements as S

PIECES = ["on", "On", "ON", "one", "this", "last", "early", "earlier", "later", "Friday", "friday", "today",
          "Todays", "also", "also,", "further", "again", "in", "into", "at", "during", "from", "the", "The",
          "Geneva", "a", "an", "statement", "press conference", "Twitter", "X", "state TV", "October", "Oct.",
          "Marib", "sept", "3", "12", "2020", "that", "told", "reporters", "not", "never", "didn't", "won\u2019t",
          "yet", "publicly", " ", "  ", ", ", ",", ".", ";", "\n", "\u00a0", "\u2003", "al\u017fo", "\u0130n",
          "\u212a", "\u0663", "\u00e9t\u00e9", "Asmara\u2019s", "\u00c9t\u00e9", "O\u212at", "\u2460"]

texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts, st.integers(0, 8))
def test_skip_adverbials_is_the_full_match(text, pos):
    pos = min(pos, len(text))
    assert S._skip_adverbials(text, pos) == S._ADVERBIALS.match(text, pos).end()


@settings(max_examples=400, deadline=None)
@given(texts)
def test_negations_hold_a_negation_word(text):
    low = S._lowered(text)
    if low is None:
        return
    found = S._NEGATED_LOWER.search(low)
    assert bool(found) == bool(S._NEGATED.search(text))
    if found:
        assert any(w in low for w in S._NEGATION_WORDS)
