"""The case-sensitive twins of case-insensitive patterns (statements._lower_twin) match the
lower-cased text exactly where their patterns match the text.

Texts mix rule words in several cases, word edges and the characters that match ASCII letters
case-insensitively without lower-casing to them (on those `_lowered` gives None and no twin is used).
"""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from analysis.extractors import statements as S

PIECES = ["attack", "ATTACKED", "Shelling", "fired", "Strike", "worried", "Concern", "alarm", "reject",
          "won't", "won\u2019t", "Never", "NOT", "not yet ", "didn't ", "welcom", "call on", "Urge", "must",
          "Let them", "warn", "without warn", "could rise", "risk", "agree", "cease-fire", "situation is dire",
          "responsible for", "Bears", "since", "Since the war", "killed", "killed by", "27", "dozens",
          "each other", "All parties", "our neighbours", "the sides", "While", "WHEREAS", "before", "as",
          "the", "These", "it", "its", "We", ";", " ", "  ", "\n", ",", ".", "-", "x", "\u00e9", "\u00c9",
          "\u0130", "\u0131", "\u017f", "\u212a", "\u201c", "\u2019", "\u03a3", "_"]

texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _twinned():
    patterns = [p for _, p in S._type_rules()] + [S._GROUP_TARGET.pattern, S._SUBORDINATORS.pattern,
                                                   S._SINCE.pattern, S._CASUALTY_COUNT.pattern, S._NEGATED,
                                                   S._DEFINITE_BEFORE, S._SELF_AGENT]
    return [(p, S._lower_twin(p)) for p in patterns]


def test_the_patterns_have_twins():
    assert all(twin is not None for _, twin in _twinned())


def test_no_twin_for_patterns_naming_capitals():
    assert S._lower_twin(S._ADVERBIALS) is None  # (?-i:[A-Z]...)
    assert S._lower_twin(re.compile(r"Foo", re.I)) is None
    assert S._lower_twin(re.compile(r"[A-Z]x", re.I)) is None
    assert S._lower_twin(re.compile(r"(a)\1", re.I)) is None
    assert S._lower_twin(re.compile(r"foo")) is None  # not case-insensitive: nothing to do


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 5), st.integers(0, 5))
def test_twins_match_where_the_patterns_match(text, lo, cut):
    low = S._lowered(text)
    if low is None:
        return
    pos, endpos = min(lo, len(text)), max(min(lo, len(text)), len(text) - cut)
    for pattern, twin in _twinned():
        assert [m.span() for m in twin.finditer(low, pos, endpos)] == \
            [m.span() for m in pattern.finditer(text, pos, endpos)]
        assert bool(twin.search(low)) == bool(pattern.search(text))


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([(), ("accuse",)]))
def test_content_type_with_the_lower_case_given(text, skip):
    expected = next((kind for kind, pattern in S._type_rules() if kind not in skip and pattern.search(text)), None)
    assert S.content_type(text, skip, S._lowered(text)) == expected
