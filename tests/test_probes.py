"""The invented probe articles (tests/fixtures/probes) against their hand-written answers.

For every probe with a gold_<name>/ folder, each `required: yes` row must be
found and no `forbidden` one may be. The few rows the extractor still gets
wrong are listed in KNOWN_GAPS: the test fails when one of them is fixed too,
so that the list stays exact. Matching is deliberately simple:

- actors, places: a predicted name or alias equals a gold name or alias
  (case-insensitive, possessive 's dropped);
- casualties: same count (or both withheld), outcome and population (any of
  the gold's `|` alternatives), and the claimant resolves to the gold one;
- statements: the gold and predicted texts share most of their words, and
  the speaker resolves to the gold one (see `_same_text`).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from analysis.pipeline import extract

PROBES = Path(__file__).parent / "fixtures" / "probes"
NAMES = sorted(p.name.removeprefix("gold_") for p in PROBES.glob("gold_*") if p.is_dir())

#: (probe, frame, gold name or statement text start) of required rows not found yet.
KNOWN_GAPS: set[tuple[str, str, str]] = {
    # "..., a military officer said": the officer is named only in the next sentence (Captain X of the army)
    ("wire_somalia", "casualties", "Abdirahman Nur Gedi: killed 14"),
    ("wire_somalia", "statements", "Al-Shabaab fighters overran a Somali arm"),
    # two quoted labels ("neutralised", "under control") make one indirect statement, the gold wants partials
    ("web_sahel", "statements", "under control"),
    # the accused with an apposition ("the clan militias, known locally as ...") ends the clause too early
    ("wire_somalia", "statements", "Mogadishu of abandoning the clan militia"),
    # "The health bureau of Ethiopia's Tigray region" is the bureau, whose gold affiliation is the TPLF
    ("wire_tigray", "statements", "another 4,100 people had been wounded ov"),
    # Two probes scored once and not yet used to change any rule: their misses as first measured
    ("web_ukraine_drones", "actors", "Odesa Regional Military Administration"),
    ("web_ukraine_drones", "actors", "Odesa regional prosecutor's office"),
    ("web_ukraine_drones", "casualties", "Odesa Regional Military Administration: injured 31"),
    ("web_ukraine_drones", "places", "Kyivskyi district"),
    ("web_ukraine_drones", "places", "Mykolaiv Oblast"),
    ("web_ukraine_drones", "places", "Odesa Oblast"),
    ("web_ukraine_drones", "places", "Ukraine"),
    ("web_ukraine_drones", "statements", "Air defenses shot down 52 of the 64 dron"),
    ("web_ukraine_drones", "statements", "At least 31 people were injured, among t"),
    ("web_ukraine_drones", "statements", "The death toll rose to 9, including a ch"),
    ("wire_mali", "actors", "Az-Zallaqa"),
    ("wire_mali", "actors", "Malian defence ministry"),
    ("wire_mali", "actors", "Médiateur de la République"),
    ("wire_mali", "actors", "ORTM"),
    ("wire_mali", "actors", "Sahel Human Rights Watch"),
    ("wire_mali", "casualties", "Invented Wire: killed 1200"),
    ("wire_mali", "casualties", "Malian armed forces: killed 30"),
    ("wire_mali", "casualties", "Malian defence ministry: injured 11"),
    ("wire_mali", "places", "Dialassagou"),
    ("wire_mali", "places", "Sokoura"),
    ("wire_mali", "places", "Tenenkou Peulh"),
    ("wire_mali", "statements", "dozens of soldiers"),
    ("wire_mali", "statements", "eleven wounded soldiers had been evacuat"),
    ("wire_mali", "statements", "foreign sponsors"),
    ("wire_mali", "statements", "some casualties"),
    ("wire_mali", "statements", "the toll among civilians was likely high"),
    ("wire_mali", "statements", "the transitional authorities to open an "),
}


def _key(name: str) -> str:
    name = re.sub(r"['\u2019]s\b", "", str(name).strip().lower())
    return " ".join(name.split())


def _gold(probe: str, frame: str) -> list[dict]:
    with open(PROBES / f"gold_{probe}" / f"{frame}.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=None)
def _frames(probe: str):
    return extract(PROBES / f"{probe}.txt")


def _surfaces(row) -> set[str]:
    aliases = row["aliases"] if isinstance(row["aliases"], str) else ""
    return {_key(row["name"])} | {_key(a) for a in aliases.split("|") if a.strip()}


def _gold_surfaces(row: dict) -> set[str]:
    return {_key(row["name"])} | {_key(a) for a in row["aliases"].split("|") if a.strip()}


def _gold_actor(probe: str, name: str) -> str | None:
    """The gold actor a predicted actor name stands for, through its and the gold's aliases."""
    if not isinstance(name, str) or not name:
        return None
    actors = _frames(probe).actors
    rows = actors[actors["name"] == name]
    surfaces = _surfaces(rows.iloc[0]) if len(rows) else {_key(name)}
    for gold in _gold(probe, "actors"):
        if surfaces & _gold_surfaces(gold):
            return gold["name"]
    return _key(name)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", str(text).lower()) if len(w) > 2}


def _same_text(gold: set[str], predicted: set[str]) -> bool:
    """Most words shared (Dice >= 0.6), or one text's words all in the other's (Dice >= 0.4)."""
    if not gold or not predicted:
        return gold == predicted
    dice = 2 * len(gold & predicted) / (len(gold) + len(predicted))
    return dice >= 0.6 or (dice >= 0.4 and (gold <= predicted or predicted <= gold))


def _entity_misses(probe: str, frame: str) -> tuple[set[str], set[str]]:
    predicted = _frames(probe).frame(frame)
    found = [_surfaces(row) for _, row in predicted.iterrows()]
    missing, wrong = set(), set()
    for gold in _gold(probe, frame):
        hit = any(s & _gold_surfaces(gold) for s in found)
        if gold["required"] == "yes" and not hit:
            missing.add(gold["name"])
        if gold["required"] == "forbidden" and hit:
            wrong.add(gold["name"])
    return missing, wrong


def _required(probe: str, frame: str) -> list[dict]:
    return [gold for gold in _gold(probe, frame) if gold["required"] == "yes"]


def _casualty_found(probe: str, gold: dict) -> bool:
    count = int(gold["count"]) if gold["count"] else None
    populations = set(gold["population"].split("|"))
    claimant = _gold_actor(probe, gold["reported_by"]) or gold["reported_by"]
    return any((None if pd.isna(row["count"]) else int(row["count"])) == count
               and row["outcome"] == gold["outcome"] and row["population"] in populations
               and _gold_actor(probe, row["reported_by"]) == claimant
               for _, row in _frames(probe).casualties.iterrows())


def _statement_found(probe: str, gold: dict) -> bool:
    words = _words(gold["text"])
    speaker = _gold_actor(probe, gold["speaker"]) or gold["speaker"]
    return any(_same_text(words, _words(row["text"])) and _gold_actor(probe, row["speaker"]) == speaker
               for _, row in _frames(probe).statements.iterrows())


def _casualty_misses(probe: str) -> set[str]:
    return {f"{gold['reported_by']}: {gold['outcome']} {gold['count'] or 'withheld'}"
            for gold in _required(probe, "casualties") if not _casualty_found(probe, gold)}


def _statement_misses(probe: str) -> set[str]:
    return {gold["text"][:40] for gold in _required(probe, "statements") if not _statement_found(probe, gold)}


@pytest.mark.parametrize("probe", NAMES)
@pytest.mark.parametrize("frame", ["actors", "places"])
def test_named_entities(probe, frame):
    missing, wrong = _entity_misses(probe, frame)
    gaps = {name for p, f, name in KNOWN_GAPS if (p, f) == (probe, frame)}
    assert not wrong, f"forbidden {frame} found: {sorted(wrong)}"
    assert missing == gaps, f"missing {sorted(missing - gaps)}; fixed, drop from KNOWN_GAPS: {sorted(gaps - missing)}"


@pytest.mark.parametrize("probe", NAMES)
def test_casualty_figures(probe):
    gaps = {name for p, f, name in KNOWN_GAPS if (p, f) == (probe, "casualties")}
    assert _casualty_misses(probe) == gaps


@pytest.mark.parametrize("probe", NAMES)
def test_statements_and_their_speakers(probe):
    gaps = {name for p, f, name in KNOWN_GAPS if (p, f) == (probe, "statements")}
    assert _statement_misses(probe) == gaps
