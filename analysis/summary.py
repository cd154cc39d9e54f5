"""Numbers and sentences for the reports, computed from the frames.

In:  a `Frames` (from `analysis.extract`).
Out: small frames and strings: every actor's side, casualty claims with the
     claimant's and the victims' side, the claims check (the sides' own counts
     against the narrator's totals), accusations between sides, headline
     numbers and a generated text summary.

A *side* is what an actor speaks for: its `affiliation` in the actors frame
(an actor without one is its own side). The article's outlet speaking in
its own voice is the *narrator*; `party == "all"` means every side together.
"""
from __future__ import annotations

import pandas as pd

from .pipeline import Frames

ALL_SIDES = "all sides"
UNATTRIBUTED = "unattributed"
STORY_KINDS = ("title", "subheading", "body")
SET_ASIDE_KINDS = ("caption", "embedded_post", "boilerplate")
HEDGED = {"more_than": "over", "at_least": "at least", "about": "about", "at_most": "at most"}


# ----------------------------------------------------------------------------
# Small formatting helpers


def format_date(value) -> str:
    """'9 October 2020' for a date or timestamp; '' for a missing one."""
    if value is None or pd.isna(value):
        return ""
    value = pd.Timestamp(value)
    return f"{value.day} {value:%B %Y}"


def format_count(count, qualifier: str) -> str:
    """A claimed figure as the article states it: '376', 'over 400', 'withheld'."""
    if qualifier == "undisclosed" or count is None or pd.isna(count):
        return "withheld"
    number = f"{int(count):,}"
    return f"{HEDGED[qualifier]} {number}" if qualifier in HEDGED else number


def possessive(name: str) -> str:
    """"Armenia's", "United Nations'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def outlet(frames: Frames) -> str:
    """The outlet's name, or 'the outlet' when the metadata has none."""
    return frames.article.meta.outlet or "the outlet"


def source_line(frames: Frames) -> str:
    """'Source: Press TV, 10 October 2020. Figures as claimed; not independently verified.'"""
    meta = frames.article.meta
    parts = [meta.outlet or frames.article.name]
    if meta.published:
        parts.append(format_date(meta.published))
    return f"Source: {', '.join(parts)}. Figures as claimed in the article; not independently verified."


# ----------------------------------------------------------------------------
# Sides


def actor_sides(frames: Frames) -> dict[str, str]:
    """Actor name -> side (its affiliation, or itself when it has none)."""
    actors = frames.actors
    sides = {}
    for name, affiliation in zip(actors["name"], actors["affiliation"]):
        sides[str(name)] = str(affiliation) if isinstance(affiliation, str) and affiliation else str(name)
    return sides


def side_of(name, sides: dict[str, str], narrator: str | None = None) -> str:
    """The side of actor `name`: 'all sides' for 'all', the narrator for the outlet."""
    if name is None or (not isinstance(name, str) and pd.isna(name)) or not str(name).strip():
        return UNATTRIBUTED
    name = str(name)
    if name == "all":
        return ALL_SIDES
    if narrator and name == narrator:
        return narrator
    return sides.get(name, name)


def side_order(frames: Frames) -> list[str]:
    """Every side in the story, most-mentioned first (ties by name)."""
    actors = frames.frame("actors")
    sides = actor_sides(frames)
    weight: dict[str, int] = {}
    for name, mentions in zip(actors["name"], actors["mentions"]):
        side = sides.get(str(name), str(name))
        weight[side] = weight.get(side, 0) + int(mentions)
    for side in casualty_claims(frames)[["claimant_side", "victim_side"]].stack():
        weight.setdefault(str(side), 0)
    for side in statement_sides(frames)["side"]:
        weight.setdefault(str(side), 0)
    return sorted(weight, key=lambda s: (-weight[s], s))


def statement_sides(frames: Frames) -> pd.DataFrame:
    """The statements frame with a `side` column (the speaker's side)."""
    sides = actor_sides(frames)
    statements = frames.statements
    return statements.assign(side=[side_of(s, sides) for s in statements["speaker"]])


# ----------------------------------------------------------------------------
# Casualties


def casualty_claims(frames: Frames) -> pd.DataFrame:
    """One row per casualty figure, with who claims it and whose losses it counts.

    Columns: claimant, claimant_side, party, victim_side, population, outcome,
    count, qualifier, figure (as stated: '376', 'over 400', 'withheld'),
    hedged (bool), withheld (bool), as_of, sentence.
    """
    sides = actor_sides(frames)
    narrator = frames.article.meta.outlet
    cas = frames.casualties
    return pd.DataFrame({
        "claimant": cas["reported_by"].astype("str"),
        "claimant_side": [side_of(r, sides, narrator) for r in cas["reported_by"]],
        "party": cas["party"].astype("str"),
        "victim_side": [side_of(p, sides, narrator) for p in cas["party"]],
        "population": cas["population"].astype("str"),
        "outcome": cas["outcome"].astype("str"),
        "count": cas["count"],
        "qualifier": cas["qualifier"].astype("str"),
        "figure": [format_count(c, q) for c, q in zip(cas["count"], cas["qualifier"])],
        "hedged": cas["qualifier"].astype("str").isin(list(HEDGED)).to_numpy(),
        "withheld": (cas["qualifier"].astype("str") == "undisclosed").to_numpy(),
        "as_of": cas["as_of"],
        "sentence": cas["sentence"].astype("str"),
    })


def _killed_phrase(rows: pd.DataFrame) -> str:
    total = int(rows["count"].fillna(0).sum())
    hedges = [HEDGED[q] for q in rows["qualifier"] if q in HEDGED]
    prefix = f"{hedges[0]} " if hedges else ""
    return f"{prefix}{total:,} dead"


def claim_phrases(frames: Frames) -> list[str]:
    """One phrase per claimant: 'Armenia claims 398 dead', '... withholds its military toll'."""
    claims = casualty_claims(frames)
    if claims.empty:
        return []
    phrases = []
    order = (claims.assign(n=claims["count"].fillna(0).astype("int64"))
             .groupby("claimant", sort=False)["n"].sum().sort_values(ascending=False, kind="stable").index)
    for claimant in order:
        rows = claims[claims["claimant"] == claimant]
        parts = []
        killed = rows[(rows["outcome"] == "killed") & ~rows["withheld"]]
        for party, group in killed.groupby("party", sort=False):
            if party == "all":
                parts.append(f"counts {_killed_phrase(group)} in all")
            elif party == claimant or party == side_of(claimant, actor_sides(frames)):
                parts.append(f"claims {_killed_phrase(group)}")
            else:
                parts.append(f"claims {_killed_phrase(group)} on {possessive(party)} side")
        if killed.empty:
            other = rows[~rows["withheld"]]
            if not other.empty:
                first = other.iloc[0]
                parts.append(f"claims {first['figure']} {first['outcome']}")
        for _, row in rows[rows["withheld"]].iterrows():
            population = "" if row["population"] == "unspecified" else f"{row['population']} "
            whose = ("its" if row["party"] in (claimant, side_of(claimant, actor_sides(frames)))
                     else "the overall" if row["party"] == "all" else possessive(row["party"]))
            parts.append(f"withholds {whose} {population}toll")
        if parts:
            phrases.append(f"{claimant} " + " and ".join(dict.fromkeys(parts)))
    return phrases


def claims_check(frames: Frames) -> pd.DataFrame:
    """Every overall total against the sum of the sides' own figures (`analysis.claims.claims_check`).

    One row per total across sides (party `all`), as the claims check decides
    it. Columns: total_by, population, outcome, total (as stated: 'over 400'),
    sides_sum (Int64; missing when no side gives a figure), withheld (parties
    whose figure is withheld, ', '-separated), verdict ('consistent',
    'inconsistent' or missing), finding (one sentence).
    """
    from .claims import claims_check as check_claims

    columns = ["total_by", "population", "outcome", "total", "sides_sum", "withheld", "verdict", "finding"]
    totals = check_claims(frames.casualties).totals
    claims = frames.casualties
    rows = []
    for row in totals.itertuples(index=False):
        stated = claims[(claims["reported_by"] == row.reported_by) & (claims["party"] == "all")
                        & (claims["outcome"].astype("str") == row.outcome)
                        & (claims["population"].astype("str") == row.population)]
        figure = (format_count(stated["count"].iloc[0], str(stated["qualifier"].iloc[0]))
                  if len(stated) else row.total)
        withheld = [w for w in str(row.withheld or "").split("|") if w]
        rows.append({"total_by": row.reported_by, "population": row.population, "outcome": row.outcome,
                     "total": figure, "sides_sum": row.sides_sum, "withheld": ", ".join(withheld),
                     "verdict": row.verdict, "finding": _finding(row, figure, withheld)})
    return pd.DataFrame(rows, columns=columns).astype({"sides_sum": "Int64"})


def figures_by_source(frames: Frames) -> pd.DataFrame:
    """Every (party, population, outcome) with each source's figure side by side."""
    from .claims import claims_check as check_claims

    return check_claims(frames.casualties).by_source


def _finding(row, figure: str, withheld: list[str]) -> str:
    population = "" if row.population == "unspecified" else f"{row.population} "
    whose = f"{possessive(row.reported_by)} total of {figure} {population}{row.outcome}"
    if row.sides_sum is None or pd.isna(row.sides_sum):
        return f"No side gives its own figure to compare with {whose}."
    gap = f"; {' and '.join(withheld)} withheld a figure, so the full count is higher" if withheld else ""
    if row.verdict == "consistent":
        relation = "consistent with"
    else:
        relation = "more than" if "more than" in str(row.note) else "short of"
    return f"The sides' own figures add up to {int(row.sides_sum):,}, {relation} {whose}{gap}."


# ----------------------------------------------------------------------------
# Statements and accusations


def accusations(frames: Frames) -> pd.DataFrame:
    """One row per (accusing statement, target): speaker, accuser_side, target, target_side."""
    sides = actor_sides(frames)
    statements = statement_sides(frames)
    acc = statements[(statements["type"] == "accuse") & statements["target"].notna()]
    rows = []
    for _, row in acc.iterrows():
        for target in str(row["target"]).split("|"):
            if target.strip():
                rows.append({"statement_id": int(row["statement_id"]), "speaker": row["speaker"],
                             "accuser_side": row["side"], "target": target.strip(),
                             "target_side": side_of(target.strip(), sides)})
    return pd.DataFrame(rows, columns=["statement_id", "speaker", "accuser_side", "target", "target_side"])


def accusation_matrix(frames: Frames) -> pd.DataFrame:
    """Accuser side (rows) x accused side (columns): number of accusations."""
    acc = accusations(frames)
    if acc.empty:
        return pd.DataFrame(dtype="int64")
    return pd.crosstab(acc["accuser_side"], acc["target_side"]).rename_axis(index="accuser", columns="accused")


def accusation_phrases(frames: Frames) -> list[str]:
    """'Azerbaijan's side accuses Armenia 5 times', most frequent pair first."""
    acc = accusations(frames)
    acc = acc[(acc["accuser_side"] != UNATTRIBUTED) & (acc["accuser_side"] != acc["target_side"])]
    if acc.empty:
        return []
    pairs = (acc.groupby(["accuser_side", "target_side"]).size().reset_index(name="n")
             .sort_values(["n", "accuser_side"], ascending=[False, True], kind="stable"))
    return [f"{possessive(a)} side accuses {t} {_times(n)}" for a, t, n in pairs.itertuples(index=False)]


def _times(n: int) -> str:
    return "once" if n == 1 else ("twice" if n == 2 else f"{n} times")


def speakers(frames: Frames) -> pd.DataFrame:
    """One row per speaker: side, statements, quoted words, most common type; busiest first."""
    statements = statement_sides(frames)
    statements = statements[statements["speaker"].notna()]
    columns = ["speaker", "side", "statements", "words", "main_type"]
    if statements.empty:
        return pd.DataFrame(columns=columns)
    grouped = statements.assign(words=statements["text"].str.split().str.len()).groupby("speaker", observed=True)
    out = pd.DataFrame({
        "side": grouped["side"].first(),
        "statements": grouped.size(),
        "words": grouped["words"].sum(),
        "main_type": grouped["type"].agg(lambda s: s.astype("str").value_counts().index[0]),
    }).reset_index()
    return out.sort_values(["statements", "words", "speaker"], ascending=[False, False, True],
                           kind="stable").reset_index(drop=True)[columns]


def dated_events(frames: Frames) -> pd.DataFrame:
    """Statements and casualty claims that carry a date: date, actor, side, event, label."""
    statements = statement_sides(frames)
    statements = statements[statements["date"].notna()]
    claims = casualty_claims(frames)
    claims = claims[claims["as_of"].notna()]
    rows = [{"date": d, "actor": s if isinstance(s, str) else UNATTRIBUTED, "side": side,
             "event": "statement", "label": str(t)}
            for d, s, side, t in zip(statements["date"], statements["speaker"], statements["side"], statements["type"])]
    rows += [{"date": d, "actor": c, "side": side, "event": "casualty claim", "label": f"{f} {o}"}
             for d, c, side, f, o in zip(claims["as_of"], claims["claimant"], claims["claimant_side"],
                                         claims["figure"], claims["outcome"])]
    out = pd.DataFrame(rows, columns=["date", "actor", "side", "event", "label"])
    return out.sort_values(["date", "actor", "event"], kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------------
# Overview


def block_summary(frames: Frames) -> pd.DataFrame:
    """One row per block kind present: blocks, words, share of words (%)."""
    blocks = frames.blocks
    words = blocks["text"].str.split().str.len()
    out = (pd.DataFrame({"kind": blocks["kind"].astype("str"), "words": words})
           .groupby("kind", sort=False).agg(blocks=("words", "size"), words=("words", "sum")))
    order = [k for k in STORY_KINDS + SET_ASIDE_KINDS if k in out.index]
    out = out.loc[order]
    total = out["words"].sum()
    return out.assign(share=(100 * out["words"] / total).round(1) if total else 0.0).reset_index()


def set_aside(frames: Frames, width: int = 90) -> pd.DataFrame:
    """Blocks kept out of the story (captions, embedded posts, boilerplate), with the reason."""
    blocks = frames.blocks
    rows = blocks[blocks["kind"].isin(SET_ASIDE_KINDS)]
    text = rows["text"].str.replace(r"\s+", " ", regex=True)
    short = text.where(text.str.len() <= width, text.str.slice(0, width - 1) + "…")
    return pd.DataFrame({"paragraph": rows["paragraph"], "kind": rows["kind"].astype("str"),
                         "reason": rows["reason"], "text": short}).reset_index(drop=True)


def metadata(frames: Frames) -> pd.DataFrame:
    """The article's metadata as a two-column frame (field, value)."""
    meta = frames.article.meta
    published = format_date(meta.published) + (" (inferred from the text)" if meta.published_inferred else "")
    rows = [("headline", meta.headline or ""), ("outlet", meta.outlet or ""), ("published", published),
            ("language", meta.language or ""), ("file", frames.article.name),
            ("characters", f"{len(frames.article.text):,}"),
            ("paragraphs", str(len(frames.blocks))), ("sentences", str(len(frames.sentences)))]
    return pd.DataFrame(rows, columns=["field", "value"])


def actors_by_side(frames: Frames) -> pd.DataFrame:
    """Story actors with their side, grouped by side (busiest side first), most mentioned first."""
    actors = frames.frame("actors")
    sides = actor_sides(frames)
    order = {side: i for i, side in enumerate(side_order(frames))}
    out = actors.assign(side=[sides.get(n, n) for n in actors["name"]])
    out = out.assign(_rank=out["side"].map(order).fillna(len(order)))
    out = out.sort_values(["_rank", "mentions", "name"], ascending=[True, False, True], kind="stable")
    return out[["side", "name", "kind", "role", "mentions"]].reset_index(drop=True)


def places_table(frames: Frames) -> pd.DataFrame:
    """Places of the story, most mentioned first: name, kind, country, mentions, located (bool)."""
    places = frames.places
    out = pd.DataFrame({"name": places["name"], "kind": places["kind"].astype("str"),
                        "country": places["country"], "mentions": places["mentions"],
                        "located": (places["lat"].notna() & places["lon"].notna()).to_numpy()})
    return out.sort_values(["mentions", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)


def claims_table(frames: Frames) -> pd.DataFrame:
    """The casualty claims as a reader checks them: who, whose, what, the figure as stated, when."""
    claims = casualty_claims(frames)
    return pd.DataFrame({
        "claimed by": claims["claimant"], "whose losses": claims["party"].replace({"all": ALL_SIDES}),
        "population": claims["population"], "outcome": claims["outcome"], "figure": claims["figure"],
        "as of": [format_date(d) for d in claims["as_of"]], "sentence": claims["sentence"],
    })


class Table:
    """A frame for display without its row index, which means nothing to a reader.

    Notebooks and HTML reports show `_repr_html_` (a plain, escaped HTML
    table); consoles and logs show `repr`. The frame itself is `.frame`.
    """

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame

    def _shown(self) -> pd.DataFrame:
        # Missing values show as empty cells: to_html's na_rep leaves <NA> of the nullable
        # dtypes and None of object columns as they are.
        shown = self.frame.copy()
        for column in shown.columns[shown.isna().any().to_numpy()]:
            shown[column] = shown[column].astype(object).where(shown[column].notna(), "")
        return shown

    def _repr_html_(self) -> str:
        return self._shown().to_html(index=False, border=0)

    def __repr__(self) -> str:
        return self._shown().to_string(index=False)


def table(frame: pd.DataFrame, empty: str = "No rows."):
    """`frame` for display as a `Table`, or a Markdown note saying `empty` when it has no rows."""
    if len(frame):
        return Table(frame)
    from IPython.display import Markdown

    return Markdown(f"*{empty}*")


# ----------------------------------------------------------------------------
# The one-page summary


def headline_numbers(frames: Frames) -> pd.DataFrame:
    """The report's headline numbers: one row per measure (measure, value)."""
    blocks = block_summary(frames)
    story = int(blocks.loc[blocks["kind"].isin(STORY_KINDS), "words"].sum()) if not blocks.empty else 0
    claims = casualty_claims(frames)
    rows = [
        ("words in the story", story),
        ("blocks set aside", int(frames.blocks["kind"].isin(SET_ASIDE_KINDS).sum())),
        ("actors", len(frames.frame("actors"))),
        ("places", len(frames.places)),
        ("statements", len(frames.statements)),
        ("speakers", int(frames.statements["speaker"].nunique())),
        ("accusations", len(accusations(frames))),
        ("casualty figures", len(claims)),
        ("hedged figures", int(claims["hedged"].sum())),
        ("withheld figures", int(claims["withheld"].sum())),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"])


def brief(frames: Frames):
    """`text_summary` as Markdown for a notebook cell."""
    from IPython.display import Markdown

    return Markdown(text_summary(frames))


def text_summary(frames: Frames) -> str:
    """A few Markdown sentences: who claims what, who accuses whom, who speaks most."""
    meta = frames.article.meta
    when = f" on {format_date(meta.published)}" if meta.published else ""
    lines = [f"**{meta.headline or frames.article.name}** ({outlet(frames)}{when})."]
    phrases = claim_phrases(frames)
    if phrases:
        lines.append("Casualty claims: " + "; ".join(phrases) + ".")
    else:
        lines.append("No casualty figures found in the article.")
    for finding in claims_check(frames)["finding"]:
        lines.append(finding)
    acc = accusation_phrases(frames)
    if acc:
        lines.append("Accusations: " + "; ".join(acc) + ".")
    else:
        lines.append("No accusations found between named sides.")
    who = speakers(frames)
    if not who.empty:
        top = who.iloc[0]
        lines.append(f"Most quoted: {top['speaker']} ({top['side']}), {int(top['statements'])} statement"
                     f"{'s' if top['statements'] != 1 else ''}; {len(who)} speaker{'s' if len(who) != 1 else ''} in all.")
    else:
        lines.append("No attributed statements found.")
    return "\n\n".join(lines)

