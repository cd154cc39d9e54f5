"""Compare casualty claims: who claims what, and do the totals add up.

In:  a `casualties` frame (analysis.extractors.casualties).
Out: `claims_check(casualties)` -> `ClaimsCheck` with two frames:
- `by_source`: one row per (party, population, outcome), one column per
  source (`reported_by`), each cell the figure as written ("376", ">400",
  ">=12", "~50", "<=300", "10-15", "undisclosed"); empty when that source
  gives no figure.
- `totals`: one row per total across sides (party `all`): its bounds, the sum
  of the sides' own figures for the same outcome, the sides summed, the
  sides that withheld a figure, and a verdict.

Rules:
- a side's figure for a (party, population, outcome) is the party's own claim
  when it made one, else the lowest figure claimed for it (ACLED's
  conservative choice); a figure withheld by its side is left out of the sum
  and listed in `withheld`.
- a total with population `unspecified` is compared with the sides' figures
  of every population; a `casualties` total with killed, injured and
  casualties figures together.
- a total counted from a stated date ("since 2015") is compared only with the
  sides' figures counted from the same date; a total with no stated start is
  compared with every figure (the running total of the war).
- the total's bounds come from its qualifier (analysis.numbers.bounds); an
  `about` total gets a band of +/-10%. The verdict is `consistent` when the
  sum lies within the bounds, else `inconsistent`, and `note` says which way
  (a sum short of the total is consistent when a side withheld its figures).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .numbers import bounds

ABOUT_BAND = 0.10
_OUTCOMES_IN = {"casualties": ("killed", "injured", "casualties")}
_SIGNS = {"exact": "", "more_than": ">", "at_least": ">=", "about": "~", "at_most": "<="}


@dataclass
class ClaimsCheck:
    """The two comparison frames (see module doc)."""

    by_source: pd.DataFrame
    totals: pd.DataFrame


def format_figure(count, qualifier: str, low=None, high=None) -> str:
    """A figure as written for a table: (400, 'more_than') -> '>400'; withheld -> 'undisclosed'."""
    if qualifier == "undisclosed" or count is None or pd.isna(count):
        return "undisclosed"
    if low is not None and high is not None and not pd.isna(low) and not pd.isna(high) and low != high:
        return f"{int(low)}-{int(high)}"
    return f"{_SIGNS.get(qualifier, '')}{int(count)}"


def _total_bounds(count: int, qualifier: str) -> tuple[float | None, float | None]:
    if qualifier == "about":
        return count * (1 - ABOUT_BAND), count * (1 + ABOUT_BAND)
    low, high = bounds(count, qualifier)
    if qualifier == "more_than" and low is not None:
        low = low + 1
    if qualifier == "at_most":
        low = 0
    return low, high


def _by_source(casualties: pd.DataFrame) -> pd.DataFrame:
    keys = ["party", "population", "outcome"]
    if casualties.empty:
        return pd.DataFrame(columns=keys)
    cells = casualties.assign(
        figure=[format_figure(r.count, r.qualifier, r.count_low, r.count_high) for r in casualties.itertuples()],
        population=casualties["population"].astype(str), outcome=casualties["outcome"].astype(str),
    )
    wide = (cells.groupby(keys + ["reported_by"], sort=False)["figure"].agg(" / ".join)
            .unstack("reported_by").reset_index())
    wide.columns.name = None
    sources = list(dict.fromkeys(casualties["reported_by"]))
    return wide[keys + sources].fillna("")


def _side_figures(sides: pd.DataFrame) -> pd.DataFrame:
    """One figure per (party, population, outcome): the party's own claim, else the lowest."""
    known = sides[sides["count"].notna()]
    chosen = []
    for _, group in known.groupby(["party", "population", "outcome"], observed=True, sort=False):
        own = group[group["reported_by"] == group["party"]]
        chosen.append((own if not own.empty else group).sort_values("count").iloc[0])
    return pd.DataFrame(chosen, columns=sides.columns)


def _totals(casualties: pd.DataFrame) -> pd.DataFrame:
    columns = ["reported_by", "population", "outcome", "total", "total_low", "total_high", "sides_sum",
               "sides", "withheld", "verdict", "note"]
    rows = []
    totals = casualties[(casualties["party"] == "all") & casualties["count"].notna()]
    sides = casualties[~casualties["party"].isin(["all", "unknown"])]
    for total in totals.itertuples():
        outcome = str(total.outcome)
        population = str(total.population)
        outcomes = _OUTCOMES_IN.get(outcome, (outcome,))
        pool = sides
        if population != "unspecified":
            pool = pool[pool["population"].astype(str) == population]
        # a withheld "casualties" figure hides deaths too
        hidden = pool[(pool["qualifier"] == "undisclosed")
                      & pool["outcome"].astype(str).isin(outcomes + ("casualties",))]
        pool = pool[pool["outcome"].astype(str).isin(outcomes)]
        if pd.notna(total.since):
            # a total counted from a stated date is only compared with figures counted from the same date
            pool = pool[pool["since"] == total.since]
        figures = _side_figures(pool)
        withheld = list(dict.fromkeys(hidden["party"]))
        low, high = _total_bounds(int(total.count), str(total.qualifier))
        if figures.empty:
            rows.append({"reported_by": total.reported_by, "population": population, "outcome": outcome,
                         "total": format_figure(total.count, total.qualifier), "total_low": low,
                         "total_high": high, "sides_sum": None, "sides": "", "withheld": "|".join(withheld),
                         "verdict": None, "note": "no side gives a figure"})
            continue
        summed = int(figures["count"].sum())
        if high is not None and summed > high:
            verdict, note = "inconsistent", "the sides' figures add up to more than the total"
        elif low is not None and summed < low and not withheld:
            verdict, note = "inconsistent", "the sides' figures fall short of the total"
        elif low is not None and summed < low:
            verdict, note = "consistent", "the sides' figures fall short of the total, but some sides withheld theirs"
        else:
            verdict, note = "consistent", "the sides' figures fit the total"
        rows.append({
            "reported_by": total.reported_by, "population": population, "outcome": outcome,
            "total": format_figure(total.count, total.qualifier), "total_low": low, "total_high": high,
            "sides_sum": summed,
            "sides": "|".join(f"{r.party} {r.population} {r.outcome} {format_figure(r.count, r.qualifier)}"
                              f" ({r.reported_by})" for r in figures.itertuples()),
            "withheld": "|".join(withheld), "verdict": verdict, "note": note,
        })
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"sides_sum": "Int64", "total_low": "float64", "total_high": "float64"})


def claims_check(casualties: pd.DataFrame, outlet: str | None = None) -> ClaimsCheck:
    """Side-by-side figures per source, and totals against the sum of the sides (see module doc).

    `outlet`, when given, keeps only the totals stated by that source (e.g. the outlet's own).
    """
    check = ClaimsCheck(_by_source(casualties), _totals(casualties))
    if outlet is not None:
        check.totals = check.totals[check.totals["reported_by"] == outlet].reset_index(drop=True)
    return check
