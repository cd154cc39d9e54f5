"""The shortcuts that make the casualties stage fast give the same answers as the plain scans they replace."""
from __future__ import annotations

import random
import re

import pandas as pd
import pytest

from analysis import schemas
from analysis.article import parse_article
from analysis.extractors import casualties
from analysis.extractors.actors import index_actors
from analysis.numbers import _patterns, _starts, alternation

_PIECES = ["some", "SOME", "Over", "over", "ſome", "ſix", "\u212a", "İn", "ıs", "twenty", "-", "one", " ", "  ", "\n",
           "\u00a0", ",", ".", "$", "£", "#", "12", "1,200", "٣", "between", "and", "a", "an", "half", "dozen", "dozens",
           "of", "thousands", "to", "–", "or more", "plus", "+", "_", "x", "é", "Tens", "hundred", "%", "3rd", "at least",
           "up to", "fourteen", "four", "five-year-old", "12:30", "no fewer than", "an estimated"]


def _soup(rng: random.Random, pieces: list[str], most: int) -> str:
    return "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, most)))


def test_number_starts_hold_every_offset_where_the_number_pattern_matches():
    pattern = _patterns()["number"]
    rng = random.Random(3)
    for _ in range(3000):
        text = _soup(rng, _PIECES, 14)
        starts = set(_starts(text))
        assert all(at in starts for at in range(len(text) + 1) if pattern.match(text, at)), text


@pytest.mark.parametrize("flags", [0, re.I])
def test_grouped_alternation_matches_like_the_flat_longest_first_list(flags):
    rng = random.Random(5)
    vocabulary = ["kill", "killed", "killing", "killed and wounded", "k", "wounded", "wound", "dead", "death toll",
                  "death", "died", "at least", "at", "a", "an", "toll"]
    for _ in range(300):
        phrases = rng.sample(vocabulary, rng.randint(1, len(vocabulary)))
        flat = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
        old = re.compile(rf"\b(?P<w>{flat})\b", flags)
        new = re.compile(rf"\b(?P<w>{alternation(phrases)})\b", flags)
        for _ in range(20):
            text = _soup(rng, vocabulary + ["KILLED", "Death", " ", "  ", ",", "x", "ſ"], 10)
            assert [m.span("w") for m in old.finditer(text)] == [m.span("w") for m in new.finditer(text)], text


def _antecedent_by_whole_window(text: str, before: int | None, role: str):
    """The look-up as first written: every match in the 3000 characters before `before`."""
    if before is None:
        return None
    words = role.lower().split()
    found = None
    for m in casualties._antecedent_pattern(words[-1]).finditer(text, max(0, before - 3000), before):
        phrase = casualties._DETERMINERS.sub("", m.group(1))
        if phrase != m.group(1) and not phrase[:1].isupper():
            continue
        if not set(words[:-1]) <= set(phrase.lower().split()):
            continue
        if casualties._CLAUSE_WORDS.intersection(w for w in phrase.split() if w.islower()):
            continue
        found = (m.start(1) + len(m.group(1)) - len(phrase), phrase)
    return found


def test_antecedent_searched_by_stretch_finds_what_the_whole_window_finds():
    rng = random.Random(7)
    pieces = ["The", "the", "Sudan's", "Sudan’s", "Health", "health", "ministry", "Ministry", "ministry's", "ministryX",
              "Xministry", " ", "\n", ",", ".", "-", "'", "’", "defense", "Al-Foo", "of", "said", "officials",
              "official", "U.N.", "Étienne", "\"", "(", "a"]
    roles = ["ministry", "health ministry", "defense ministry", "official", "local health official", "U.N.", "ministry's"]
    for _ in range(4000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        if rng.random() < 0.1:
            text *= 60  # longer than the 3000-character window
        role = rng.choice(roles)
        for before in (len(text), rng.randint(0, len(text)), None):
            assert casualties._antecedent(text, before, role) == _antecedent_by_whole_window(text, before, role)


def test_statement_look_up_finds_the_narrowest_statement_holding_an_offset():
    rng = random.Random(11)
    for _ in range(200):
        spans = []
        for sid in range(1, rng.randint(1, 30)):
            start = rng.randint(0, 50_000)
            spans.append({"statement_id": sid, "start": start, "end": start + rng.randint(1, 25_000),
                          "speaker": rng.choice(["A", "B", None])})
        frame = pd.DataFrame(spans, columns=["statement_id", "start", "end", "speaker"])
        index = casualties._StatementSpans(frame)
        for offset in (rng.randint(0, 80_000) for _ in range(30)):
            holding = [s for s in index.spans if s[0] <= offset < s[1] and offset - s[0] <= casualties._LONGEST_STATEMENT]
            best = None
            for s in sorted(holding, reverse=True):  # the scan order: latest start first
                if best is None or s[1] - s[0] < best[1] - best[0]:
                    best = s
            assert index.at(offset) == ((best[2], best[3]) if best else None)


def _casualties(*paragraphs: str):
    text = "Border clashes\n\n" + "\n\n".join(paragraphs) + "\n"
    article = parse_article(text, {"outlet": "Test News", "published": "2024-03-15", "headline": "Border clashes"})
    return casualties.extract_casualties(article, index_actors(article), schemas.empty("statements"))


def _cut(head: str, tail: str, word: str, reach: int) -> str:
    """`head` + spaces + `tail`, spaced so that the look-back of `reach` characters from the number opens on `word`."""
    for spaces in range(1, 400):
        text = head + " " * spaces + tail
        if re.search(r"\d", text).start() - reach == text.index(word):
            return text
    raise AssertionError("no spacing found")


@pytest.mark.parametrize("sentence, outcome, count", [
    # the toll look-back (160 characters) opens inside "atoll": read as "toll ... rose to 45"
    (_cut("The atoll", "rose to 45 civilians.", "toll", 160), "killed", 45),
    # the verb look-back (60 characters) opens inside "overkilled": read as "killed 12 soldiers"
    (_cut("They overkilled", "12 soldiers.", "killed", 60), "killed", 12),
])
def test_sentence_filter_keeps_figures_whose_term_a_look_back_cuts_out_of_a_word(sentence, outcome, count, monkeypatch):
    frame = _casualties(sentence)
    assert [(r.outcome, r.count) for r in frame.itertuples()] == [(outcome, count)]
    monkeypatch.setattr(casualties, "_FOLDS_TO_ASCII", re.compile(""))  # every sentence read in full
    assert frame.equals(_casualties(sentence))


_TWIN_PIECES = ["said", "SAID", "Said", "told", "killed", "KILLED", "were", "had been", "wounded", "Killing", "lost",
                "claimed", "reported", "according to", "died", " ", "  ", ",", ".", "\"", "“", "’", "a total of",
                "12", "people", "x", "é", "\u00a0", "\u212a", "Ki", "-", "an estimated", "injured", "Injured"]


def test_twins_match_the_lower_cased_text_where_the_patterns_match_the_text():
    t = casualties._terms()
    rng = random.Random(11)
    for _ in range(2000):
        text = _soup(rng, _TWIN_PIECES, 12)
        assert casualties._words(text.lower()) == set(casualties._WORD.findall(text.lower())), text
        if casualties._FOLDS_TO_ASCII.search(text):
            continue  # the twins are not used
        low = text.lower()
        assert [m.span("verb") for m in t.report.finditer(text)] == [m.span("verb") for m in t.report_twin.finditer(low)]
        for at in range(len(text) + 1):
            plain, twin = t.pred.match(text, at), t.pred_twin.match(low, at)
            assert (plain and plain.span("pred")) == (twin and twin.span("pred")), (text, at)
            plain, twin = t.verb_before.search(text[:at]), t.verb_before_twin.search(low[:at])
            assert (plain and plain.span("verb")) == (twin and twin.span("verb")), (text, at)
