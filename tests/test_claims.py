"""claims_check: figures per source side by side, totals against the sides' sum."""
from __future__ import annotations

import pandas as pd

from analysis import schemas
from analysis.article import load_article
from analysis.claims import claims_check, format_figure
from analysis.extractors.actors import index_actors
from analysis.extractors.casualties import extract_casualties
from analysis.paths import SEED_ARTICLE


def frame(rows: list[dict]) -> pd.DataFrame:
    base = {"casualty_id": 0, "as_of": None, "since": None, "sentence_id": 0, "sentence": "s", "start": 0,
            "end": 1, "statement_id": None}
    full = []
    for i, row in enumerate(rows, 1):
        low = row["count"] if row["qualifier"] in ("exact", "more_than", "at_least") else None
        high = row["count"] if row["qualifier"] in ("exact", "at_most") else None
        full.append({**base, "casualty_id": i, "count_low": low, "count_high": high, **row})
    return schemas.conform("casualties", pd.DataFrame(full))


def row(reported_by, party, population, outcome, count, qualifier="exact"):
    return dict(reported_by=reported_by, party=party, population=population, outcome=outcome, count=count,
                qualifier=qualifier)


def test_format_figure():
    assert format_figure(400, "more_than") == ">400"
    assert format_figure(12, "at_least") == ">=12"
    assert format_figure(50, "about") == "~50"
    assert format_figure(300, "at_most") == "<=300"
    assert format_figure(10, "at_least", 10, 15) == "10-15"
    assert format_figure(None, "undisclosed") == "undisclosed"
    assert format_figure(7, "exact") == "7"


def test_seed_claims():
    article = load_article(SEED_ARTICLE)
    casualties = extract_casualties(article, index_actors(article), schemas.empty("statements"))
    check = claims_check(casualties)
    by_source = check.by_source.set_index(["party", "population", "outcome"])
    assert list(check.by_source.columns[3:]) == ["Press TV", "Armenia", "Azerbaijan"]
    assert by_source.loc[("all", "unspecified", "killed"), "Press TV"] == ">400"
    assert by_source.loc[("Armenia", "military", "killed"), "Armenia"] == "376"
    assert by_source.loc[("Azerbaijan", "military", "casualties"), "Azerbaijan"] == "undisclosed"
    (total,) = check.totals.itertuples()
    assert (total.reported_by, total.total, total.sides_sum) == ("Press TV", ">400", 376 + 22 + 31)
    assert total.verdict == "consistent" and total.withheld == "Azerbaijan"


def test_sides_exceeding_an_exact_total_are_inconsistent():
    check = claims_check(frame([
        row("Outlet", "all", "unspecified", "killed", 100),
        row("A", "A", "military", "killed", 80),
        row("B", "B", "civilian", "killed", 40),
    ]))
    assert check.totals.loc[0, "verdict"] == "inconsistent"
    assert check.totals.loc[0, "sides_sum"] == 120


def test_a_short_sum_is_consistent_only_when_a_side_withheld():
    rows = [row("Outlet", "all", "unspecified", "killed", 100, "at_least"), row("A", "A", "military", "killed", 40)]
    assert claims_check(frame(rows)).totals.loc[0, "verdict"] == "inconsistent"
    rows.append(dict(row("B", "B", "military", "casualties", None, "undisclosed")))
    assert claims_check(frame(rows)).totals.loc[0, "verdict"] == "consistent"


def test_a_side_counts_once_own_claim_first():
    check = claims_check(frame([
        row("UN", "all", "unspecified", "killed", 50, "about"),
        row("A", "A", "civilian", "killed", 30),
        row("B", "A", "civilian", "killed", 10),
        row("B", "B", "civilian", "killed", 20),
    ]))
    total = check.totals.iloc[0]
    assert total["sides_sum"] == 50 and total["verdict"] == "consistent"  # 30 (A's own) + 20


def test_population_of_a_total_restricts_the_sides():
    check = claims_check(frame([
        row("Outlet", "all", "civilian", "killed", 10),
        row("A", "A", "civilian", "killed", 10),
        row("A", "A", "military", "killed", 90),
    ]))
    assert check.totals.loc[0, "sides_sum"] == 10


def test_empty_frame():
    check = claims_check(schemas.empty("casualties"))
    assert check.by_source.empty and check.totals.empty


def test_a_total_since_a_date_is_compared_only_with_figures_since_the_same_date():
    rows = [
        {**row("Monitor", "all", "unspecified", "killed", 20000, "more_than"), "since": "2015-01-01"},
        row("A", "A", "civilian", "killed", 30, "about"),
        {**row("B", "B", "military", "killed", 900), "since": "2015-01-01"},
        {**row("C", "C", "military", "killed", 50), "since": "2024-01-01"},
    ]
    (total,) = claims_check(frame(rows)).totals.itertuples()
    assert total.sides_sum == 900 and total.sides == "B military killed 900 (B)"


def test_a_total_without_a_start_is_compared_with_every_figure():
    rows = [row("Outlet", "all", "unspecified", "killed", 400, "more_than"),
            {**row("A", "A", "military", "killed", 376), "since": "2020-09-27"},
            row("B", "B", "civilian", "killed", 31)]
    (total,) = claims_check(frame(rows)).totals.itertuples()
    assert total.sides_sum == 407
