"""Shortcuts in analysis.article answer as the plain searches they stand in for.

- `_boilerplate_reason`: the note of the first pattern of data/lexicon/boilerplate.csv whose
  search finds a match, although some patterns are searched as lower-case twins;
- `_is_caption`: some caption pattern's search finds a match, although some are gated by words;
- `_opens_anchored`: which patterns the boilerplate scan may join into one match at the line's start.
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from analysis import article as A

PIECES = ["Copyright", "COPYRIGHT", "copyright", "\u00a9", "All Rights Reserved", "terms of use", "Terms Of Service",
          "privacy policy", "Cookie Policy", "By", "Jane Doe", "Reuters", "(Photo by AFP)", "Photo:", "PHOTO",
          "Image caption,", "Credit: Jane Doe/AFP", "CREDIT:", "Getty Images", "shutterstock", "[Reuters]",
          "Published on", "Tags:", "Share", "Facebook", "Twitter", "2020", " ", "  ", ".", ",", ":", "|", "/",
          "\u0130", "\u0131", "\u017f", "\u212a", "\u00e9", "\u2019", "coPYRIGHT", "\u017fhutter\u017ftock", "x",
          "(", ")", "[", "]", "Read more:", "Source:", "Home", " / ", "Press TV", "follow us", "(3:12)", "[File: AP]"]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_boilerplate_reason_is_the_first_pattern_that_matches(text):
    expected = next((note for note, pattern in A._boilerplate_patterns() if pattern.search(text)), None)
    assert A._boilerplate_reason(text) == expected


@settings(max_examples=500, deadline=None)
@given(texts)
def test_is_caption_is_any_caption_pattern(text):
    assert A._is_caption(text) == any(pattern.search(text) for pattern in A._CAPTION_PATTERNS)


def test_opens_anchored_only_when_every_match_starts_the_text():
    assert A._opens_anchored(r"(?i)^(?:share|tweet)\b.{0,60}$")
    assert A._opens_anchored(r"^[|]x") and A._opens_anchored(r"^[]|]x") and A._opens_anchored(r"^\|x")
    assert not A._opens_anchored(r"^a|b")  # the second alternative matches anywhere
    assert not A._opens_anchored(r"^\|x|y")
    assert not A._opens_anchored(r"(?i)(?:copyright|terms of use)")
