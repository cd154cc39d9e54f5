"""The shortcuts in analysis.extractors.statements answer as the searches they replace.

- `_Gated` / `_GatedRules`: a literal gate never hides a match of its pattern;
- `_word_before_space`: what re.search(r"([\\w<marks>]+)\\s+$", window) captures;
- `_word_starts`: the runs `_LETTERS.finditer` finds whose lower case is a listed word;
- `analysis.quotes.mask`: the window with MASK written over every span, as char by char.
"""
from __future__ import annotations

import re
import string

from hypothesis import given, settings, strategies as st

from analysis.extractors import statements as S
from analysis.quotes import MASK, QuoteSpan, mask

# Pieces that exercise the gates: rule words, their case variants, word edges, and the
# characters that match ASCII letters case-insensitively without lower-casing to them.
PIECES = ["attack", "ATTACKED", "Shelling", "fir", "fired", "strike", "strik", "worr", "Worried", "concern",
          "alarm", "reject", "won't", "won\u2019t", "never", "welcom", "call on", "urg", "must", "let them",
          "warn", "without warn", "could rise", "risk", "talks", "agree", "cease-fire", "situation is dire",
          "responsible for", "bears", "since", "killed", "27", "dozens", "each other", "all parties", "our neighbours",
          "the sides", "while", "WHEREAS", ", adding", ", but", "according to", " as ", "before", ";",
          "the sides", " ", "  ", "\n", ",", ".", ";", "-", "x", "\u0130", "\u0131", "\u017f", "\u212a", "\u00e9",
          "\u201c", "\u2019"]

texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def _spans(matches):
    return [(m.start(), m.end(), m.groups()) for m in matches]


def _gated_patterns():
    return [S._hostile(), S._GROUP_TARGET, S._SINCE, S._CASUALTY_COUNT, S._SUBORDINATORS, S._STOP_REPORT,
            S._STOP_RECIPROCAL, S._STOP_OBJECT]


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 6), st.integers(0, 6))
def test_gated_patterns_find_what_the_patterns_find(text, lo, cut):
    pos, endpos = min(lo, len(text)), max(min(lo, len(text)), len(text) - cut)
    for gated in _gated_patterns():
        plain = gated.pattern
        found, expected = gated.search(text, pos, endpos), plain.search(text, pos, endpos)
        assert _spans([found] if found else []) == _spans([expected] if expected else [])
        assert _spans(gated.finditer(text, pos, endpos)) == _spans(plain.finditer(text, pos, endpos))


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([(), ("accuse",)]))
def test_content_type_is_the_first_rule_that_matches(text, skip):
    expected = next((kind for kind, pattern in S._type_rules() if kind not in skip and pattern.search(text)), None)
    assert S.content_type(text, skip) == expected


def test_rule_gates_hold_every_rule_word():
    rules = S._type_gates()
    assert rules.gate is not None
    for i, (_, pattern) in enumerate(S._type_rules()):
        words = S._pattern_words(pattern)
        for word in words or ():
            assert i in rules.candidates(word)


def test_required_words_of_simple_patterns():
    words = lambda p: S._pattern_words(re.compile(p, re.I))  # noqa: E731
    assert words(r"\b(?:attack\w*|shell(?:s|ed)?)\b") == {"attack", "shell"}
    assert words(r"foo|bar?") == {"foo", "ba"}
    assert words(r"\d+") is None
    assert words(r"a?b*") is None
    assert words(r"(?:x|\d)yz") == {"yz"}


WINDOW_CHARS = list("ab Z9_.'\u2019-&(\u00e9\u00a0\t\n,") + ["\u0663", "\u00b2"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WINDOW_CHARS), max_size=14).map("".join),
       st.sampled_from(["_'\u2019-", "_'\u2019.-", "_'\u2019.&-"]))
def test_word_before_space_is_the_end_anchored_search(window, marks):
    cls = "".join(re.escape(c) for c in marks if c != "_")
    m = re.search(r"([\w" + cls + r"]+)\s+$", window)
    assert S._word_before_space(window, marks) == ((m.start(1), m.group(1)) if m else (0, None))


def test_word_characters_are_what_the_regex_calls_word_characters():
    word = re.compile(r"\w")
    space = re.compile(r"\s")
    for cp in range(0x3000):
        ch = chr(cp)
        assert bool(word.match(ch)) == (ch.isalnum() or ch == "_")
        assert bool(space.match(ch)) == ch.isspace()


LETTER_PIECES = ["said", "Said", "SAID", "told", "saidx", "xsaid", "5said", "-said", "according", "\u212asaid",
                 "s\u212aid", "\u0130said", "warns", "warn", " ", ".", "\u00e9", "\u00a7", "'", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LETTER_PIECES), max_size=12).map("".join))
def test_word_starts_are_the_letter_runs_listed(text):
    firsts = S._cues()[2]
    expected = [w.start() for w in S._LETTERS.finditer(text) if w.group(0).lower() in firsts]
    assert S._word_starts(text, firsts) == expected


def test_only_kelvin_and_dotted_i_lower_case_into_ascii_letters():
    odd = [chr(cp) for cp in range(128, 0x110000)
           if any(c in string.ascii_letters for c in chr(cp).lower())]
    assert odd == ["\u0130", "\u212a"]


def _mask_reference(text, spans, start=0, end=None):
    end = len(text) if end is None else end
    chars = list(text[start:end])
    for q in spans:
        for k in range(max(q.open_mark, start), min(q.outer_end, end)):
            chars[k - start] = MASK
    return "".join(chars)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \"", max_size=30), st.data())
def test_mask_writes_mask_over_every_span_as_char_by_char(text, data):
    n = len(text)
    spans = []
    for _ in range(data.draw(st.integers(0, 4))):
        a = data.draw(st.integers(0, n + 2))
        spans.append(QuoteSpan(a, data.draw(st.one_of(st.none(), st.integers(0, n + 3))), a,
                               data.draw(st.integers(a, n + 3))))
    start = data.draw(st.integers(0, n))
    end = data.draw(st.one_of(st.none(), st.integers(start, n)))
    assert mask(text, spans, start, end) == _mask_reference(text, spans, start, end)


CUE_PIECES = ["said", "SAID", "Said", "told", "expressed", "deep", "concern", "Expressed  Deep\nConcern", "warning that",
              "calls", "for", "according", "to", "-", " ", "\u00a0", "x", "\u212a", "\u0131", "\u017f", "\u00e9", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CUE_PIECES), max_size=10).map("".join))
def test_cue_pattern_on_lower_case_matches_as_case_insensitive(text):
    low = S._lowered(text)
    if low is None or len(low) != len(text):
        return
    for i in range(len(text) + 1):
        a, b = S._cues()[0].match(text, i), S._cues_lower().match(low, i)
        assert (a and a.span()) == (b and b.span())
