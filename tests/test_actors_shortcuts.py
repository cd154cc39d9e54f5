"""The fast scans of the actor, place and structure stages find exactly what the plain scans find.

They rest on facts about Unicode and Python's re module (which characters re.IGNORECASE and
str.title() treat oddly) and on prefilters matching wherever their patterns do; these tests
check both, on real and synthetic articles, with letters flipped in case and odd characters.
"""
from __future__ import annotations

import random
import re

import pytest

from analysis import article as structure
from analysis.extractors import actors
from analysis.paths import ARTICLES_DIR
from analysis.synthetic import synthetic_article

_WORD = re.compile(r"\w")


def test_odd_characters_are_all_the_characters_that_fold_or_title_case_oddly():
    ascii_letter = re.compile("[a-z]", re.I)
    case_odd = {c for c in range(128, 0x110000) if ascii_letter.match(chr(c))}
    case_odd |= {c for c in range(0x110000) if len(chr(c).lower()) != 1}  # lower() changes the length
    title_odd = {c for c in range(0x110000) if not _WORD.match(chr(c))
                 and (chr(c) + "a").title()[-1:] != "A"}  # no capital after it
    lowered_into = {c for c in range(0x110000) if any(ord(x) in title_odd for x in chr(c).lower())}
    odd = {c for c in range(0x110000) if actors._ODD.match(chr(c))}
    assert odd == case_odd | title_odd
    assert lowered_into <= title_odd
    assert {c for c in odd if c <= 0xFFFF} == {c for c in range(0x10000) if actors._ODD_BMP.match(chr(c))}


def test_lower_and_title_keep_word_and_space_characters():
    for c in range(0x110000):
        ch = chr(c)
        low = ch.lower()
        if len(low) == 1:
            assert ch.isspace() == low.isspace() and ch.isalnum() == low.isalnum()


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES_DIR.glob("*.txt"))]
    texts.append(synthetic_article(8000, seed=3))
    rng = random.Random(11)
    extra = ["ministry ", "Ministry of ", "the  ministry", "health\nministry", " (ACLED)", "\t(UN&A)",
             "al-Burhan said", "de la Cruz said", "Mr Okafor", "Dr. Diallo", "said Ahmed Ali", "\u00a0",
             "forces", "President ", "once again said", "-", "'", "\u2019", "(", "."]
    mixed = []
    for text in texts:
        out = []
        for ch in text[:20000]:
            roll = rng.random()
            out.append(ch.swapcase() if roll < 0.04 else rng.choice(extra) if roll < 0.05 else ch)
        mixed.append("".join(out))
    odd = [t[:6000].replace("i", "\u0131", 3) for t in texts[:2]] + [t[:6000].replace(" ", " \u24b6", 3) for t in texts[:2]]
    return texts + mixed + odd


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def _spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def test_prefiltered_scans_match_finditer(texts):
    g = actors.gazetteer()
    patterns = dict(actors._patterns(), known=g.known_regex, title=g.title_regex)
    for text in texts:
        ex = actors._Extractor(text, None, g)
        for name in actors._prefilters():
            assert _spans(ex.finditer(patterns[name], name)) == _spans(patterns[name].finditer(text)), name
        assert _spans(ex.portfolio_ministries()) == _spans(patterns["ministry"].finditer(text))
        assert _spans(ex.the_ministries()) == _spans(patterns["the_ministry"].finditer(text))
        assert _spans(ex.acronym_definitions()) == _spans(actors._ACRONYM_DEF.finditer(text))


def test_lowercase_words_as_the_regex_finds_them(texts):
    for text in texts:
        ex = actors._Extractor(text, None, actors.gazetteer())
        assert ex._lowercase_words() == set(re.findall(r"(?<![\w\-])[a-z]+(?![\w\-])", text))


def test_sentence_boundaries_as_the_reference_pattern():
    before = re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
    rng = random.Random(3)
    alphabet = list("..!?\u2026 \n\"'\u201d\u2019)]ab")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        for start in range(len(text) + 1):
            assert _spans(structure._BOUNDARY.finditer(text, start)) == _spans(before.finditer(text, start))


def test_locative_as_the_reference_function():
    from analysis.extractors.places import _OF_NOUNS, _PREPS, _locative

    def before(text: str, pos: int):
        words = text[max(0, pos - 40):pos].split()
        if not words or text[pos - 1:pos] not in (" ", "\u00a0"):
            return None, None
        last = [w.lower().lstrip("(") for w in words[-3:]]
        if last[-1] == "of" and len(last) >= 2 and last[-2] in _OF_NOUNS:
            return "of", last[-2]
        if last[-1] == "the" and len(last) >= 2:
            last = last[:-1]
        if last[-1] in _PREPS:
            return last[-1], None
        return None, None

    rng = random.Random(9)
    vocab = ["in", "In", "(in", "the", "The", "of", "town", "city", "((near", "x", "Paris", "outside", "capital"]
    for _ in range(20000):
        text = "".join(rng.choice(vocab) + rng.choice([" ", "", "\u00a0", "  ", "\n"]) for _ in range(rng.randint(0, 12)))
        for pos in range(len(text) + 1):
            assert _locative(text, pos) == before(text, pos), (text, pos)


def test_list_quick_test_holds_wherever_the_list_pattern_matches(texts):
    from analysis.extractors import places

    extra = "Geranboy, Terter, and Fizuli districts. Agdam and Fizuli villages. al-Fashir or Kutum towns. "
    for text in texts + [extra * 3]:
        for noun in places._NOUN.finditer(text):
            offset = max(0, noun.start() - 300)
            if places._LIST.search(text, offset, noun.start()):
                assert places._may_end_list(text, offset, noun.start())
