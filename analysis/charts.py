"""Charts for the reports: one function per chart, frames in, Figure out.

Every chart function takes a `Frames` (and sometimes an option such as
`top_n`) and returns a `matplotlib.figure.Figure` that is not registered
with pyplot (so a notebook shows it once, where the cell returns it).
Every chart has a title that states the finding (computed from the frames),
labelled axes, a source line (outlet, date) and the Okabe-Ito colour-blind-safe
palette; with nothing to show it says so in the title and in the plot area.

`setup_notebook()` makes inline PNGs byte-identical across runs;
`publish()` shows a figure in a notebook (and saves it), `save_figure()`
writes it to a file; both draw it once and the bytes are the same on every run.
"""
from __future__ import annotations

import functools
import hashlib
import inspect
import io
import textwrap
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from . import summary
from .paths import write_cache
from .pipeline import Frames

#: Okabe & Ito (2008), "Color Universal Design": safe for the common colour-vision deficiencies.
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}
SIDE_CYCLE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
OTHER = "#999999"
NARRATOR = "#000000"
ALL_SIDES = "#666666"
MATRIX_CMAP = "Blues"

WIDTH = 8.0  # inches; at 100 dpi this fits a report column without scaling
DPI = 100
SOURCE_SPACE = 0.45  # inches kept free at the bottom for the source line
PNG_METADATA = {"Software": None}  # no matplotlib version in the file: same bytes on every run

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.titlelocation": "left",
    "axes.titlecolor": "#444444",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=list(SIDE_CYCLE)),
    "figure.titlesize": 13,
    "figure.titleweight": "bold",
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "hatch.linewidth": 1.0,
    "svg.hashsalt": "analysis",
}

_KIND_NOUNS = {
    "caption": ("caption", "captions"), "embedded_post": ("embedded post", "embedded posts"),
    "boilerplate": ("boilerplate line", "boilerplate lines"),
}
_TYPE_NOUNS = {
    "announce": "announcements", "accuse": "accusations", "claim": "claims", "appeal": "appeals",
    "reject": "rejections", "welcome": "welcomes", "concern": "expressions of concern", "warn": "warnings",
    "demand": "demands", "other": "other statements",
}


# ----------------------------------------------------------------------------
# Set-up and shared pieces


def setup_notebook() -> None:
    """Configure a notebook kernel: PNG figures without volatile metadata, wide tables.

    Outside IPython it only sets pandas display options.
    """
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 120)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with ipykernel
        return
    if get_ipython() is None:
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("png", metadata=PNG_METADATA, bbox_inches=None)


def render_png(fig: Figure) -> bytes:
    """`fig` as PNG bytes, without volatile metadata, drawn once.

    `Figure.savefig` draws a figure that has a layout engine twice (a silent
    pass to lay it out, then the real one); the canvas's own `print_png` lays
    out and paints in a single pass, to the same pixels, in about four fifths
    of the time.
    """
    buffer = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buffer, metadata=PNG_METADATA)
    return buffer.getvalue()


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Write `fig` as a PNG with no volatile metadata; return the path."""
    return _save_png(Path(path), render_png(fig))


def _save_png(path: Path, png: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return path


@dataclass(frozen=True)
class Chart:
    """A drawn chart as a notebook shows it: the PNG, and its title as the plain-text form.

    The plain text is what a reviewer reads in a notebook's diff, so a changed
    finding shows there as a changed line.
    """

    png: bytes
    title: str

    def _repr_png_(self) -> bytes:
        return self.png

    def __repr__(self) -> str:
        return f"<chart: {self.title}>"


def publish(fig: Figure, out_dir: str | Path | None = None, name: str | None = None) -> Chart:
    """What a notebook cell shows for `fig`: a `Chart` (PNG and title), drawn once.

    With `out_dir` (and `name`), the same PNG is also written as out_dir/NAME.png.
    A figure made from handed-off frames (a report run) is drawn once per run:
    the PNG is kept in the hand-off folder, and a notebook showing the same
    chart of the same frames (the summary repeats four) reads it from there.
    """
    stored = _STORED.get(fig)
    png = None
    if stored is not None:
        try:
            png = stored.read_bytes()
        except OSError:
            pass
    if png is None:
        png = render_png(fig)
        if stored is not None:
            write_cache(stored, png)  # the store only saves time; the chart itself is drawn
    if out_dir:
        _save_png(Path(out_dir) / f"{name or 'figure'}.png", png)
    return Chart(png=png, title=" ".join(fig.get_suptitle().split()))


#: Figures made from handed-off frames -> where their PNG is kept during the report run.
_STORED: "weakref.WeakKeyDictionary[Figure, Path]" = weakref.WeakKeyDictionary()


def _chart(draw: Callable[..., Figure]) -> Callable[..., Figure]:
    """Decorate a chart function: its figure of handed-off frames gets a place in the run's PNG store.

    The place is named by the frames (hand-off folder and article fingerprint),
    the chart and its options; anything else the figure depends on is in the code.
    """
    signature = inspect.signature(draw)

    @functools.wraps(draw)
    def chart(frames: Frames, *args, **options) -> Figure:
        fig = draw(frames, *args, **options)
        handoff = getattr(frames, "handoff", None)
        if handoff is not None:
            folder, article = handoff
            call = signature.bind(frames, *args, **options)
            call.apply_defaults()  # top_n=12 and no top_n are the same chart
            settings = sorted((k, v) for k, v in call.arguments.items() if k != "frames")
            key = hashlib.sha256(repr((article, draw.__name__, settings)).encode()).hexdigest()
            _STORED[fig] = Path(folder) / "charts" / f"{key}.png"
        return fig

    return chart


@contextmanager
def _style():
    with matplotlib.rc_context(STYLE):
        yield


def side_colors(frames: Frames) -> dict[str, str]:
    """Side -> colour, the same in every chart of one article (most-mentioned side first)."""
    narrator = frames.article.meta.outlet
    colors: dict[str, str] = {}
    cycle = iter(SIDE_CYCLE)
    for side in summary.side_order(frames):
        if side == narrator:
            colors[side] = NARRATOR
        elif side == summary.ALL_SIDES:
            colors[side] = ALL_SIDES
        elif side == summary.UNATTRIBUTED:
            colors[side] = OTHER
        else:
            colors[side] = next(cycle, OTHER)
    return colors


def _figure(height: float) -> Figure:
    """A figure whose plot area is `height` inches tall; `_finish` adds room for the title."""
    return Figure(figsize=(WIDTH, height), dpi=DPI, layout="constrained")


def _finish(fig: Figure, frames: Frames, title: str, subtitle: str | None = None) -> Figure:
    """Add the title (the finding), an optional subtitle and the source line; reserve their space."""
    title = title[:1].upper() + title[1:]  # findings may open with a claimant in lower case ("residents")
    title_lines = textwrap.wrap(title, 68)
    sub_lines = textwrap.wrap(subtitle, 100) if subtitle else []
    top = 0.12 + 0.25 * len(title_lines) + (0.08 + 0.19 * len(sub_lines) if sub_lines else 0) + 0.12
    plot = fig.get_size_inches()[1]
    height = plot + top + SOURCE_SPACE
    fig.set_size_inches(WIDTH, height)
    fig.suptitle("\n".join(title_lines), x=0.012, y=1 - 0.12 / height, ha="left", va="top",
                 fontsize=13, fontweight="bold", in_layout=False)
    if sub_lines:
        fig.text(0.012, 1 - (0.2 + 0.25 * len(title_lines)) / height, "\n".join(sub_lines), ha="left", va="top",
                 fontsize=10, color="#444444", gid="subtitle")
    fig.text(0.012, 0.1 / height, summary.source_line(frames), ha="left", va="bottom", fontsize=8,
             color="#555555", gid="source")
    fig.get_layout_engine().set(rect=(0, SOURCE_SPACE / height, 1, plot / height))
    return fig


def _empty(frames: Frames, title: str, message: str, height: float = 1.4) -> Figure:
    with _style():
        fig = _figure(height)
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#444444", wrap=True,
                transform=ax.transAxes)
        return _finish(fig, frames, title)


def _side_legend(ax, colors: dict[str, str], sides, extra=(), **kwargs) -> None:
    handles = [Patch(facecolor=colors.get(s, OTHER), label=s) for s in dict.fromkeys(sides)]
    ax.legend(handles=handles + list(extra), **kwargs)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _matrix(ax, table: pd.DataFrame, xlabel: str, ylabel: str) -> None:
    values = table.to_numpy()
    vmax = max(int(values.max()), 1)
    ax.imshow(values, cmap=MATRIX_CMAP, vmin=0, vmax=vmax * 1.15, aspect="auto")
    for (i, j), value in np.ndenumerate(values):
        if value:
            ax.text(j, i, str(int(value)), ha="center", va="center", fontsize=11,
                    color="white" if value > vmax * 0.55 else "black")
    ax.set_xticks(range(len(table.columns)), [textwrap.fill(str(c), 14) for c in table.columns])
    ax.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks(np.arange(-0.5, len(table.columns)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(table.index)), minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)


# ----------------------------------------------------------------------------
# 1. Article overview


@_chart
def block_structure(frames: Frames) -> Figure:
    """Words per block kind (story prose vs. what was set aside)."""
    blocks = summary.block_summary(frames)
    if blocks.empty:
        return _empty(frames, "The article has no text blocks", "No blocks found.")
    story = blocks["kind"].isin(summary.STORY_KINDS)
    share = blocks.loc[story, "share"].sum()
    aside = blocks[~story]
    if aside.empty:
        title = f"{share:.0f}% of the text is the story itself; nothing was set aside"
    else:
        kinds = [f"{n} {_KIND_NOUNS[k][n > 1]}" for k, n in zip(aside["kind"], aside["blocks"])]
        title = (f"{share:.0f}% of the text is the story itself; "
                 f"{_plural(int(aside['blocks'].sum()), 'block')} set aside ({', '.join(kinds)})")
    with _style():
        fig = _figure(0.9 + 0.38 * len(blocks))
        ax = fig.add_subplot()
        y = np.arange(len(blocks))[::-1]
        colors = [OKABE_ITO["blue"] if s else OKABE_ITO["orange"] for s in story]
        ax.barh(y, blocks["words"], color=colors, height=0.7)
        ax.set_yticks(y, [k.replace("_", " ") for k in blocks["kind"]])
        for yi, (words, n, pct) in zip(y, blocks[["words", "blocks", "share"]].itertuples(index=False)):
            ax.text(words, yi, f"  {words:,} words in {_plural(int(n), 'block')} ({pct:.1f}%)",
                    va="center", fontsize=9)
        ax.set_xlim(0, blocks["words"].max() * 1.45)
        ax.set_xlabel("Words")
        ax.set_ylabel("Block kind")
        ax.legend(handles=[Patch(color=OKABE_ITO["blue"], label="story"),
                           Patch(color=OKABE_ITO["orange"], label="set aside")], loc="lower right")
        return _finish(fig, frames, title, "Each paragraph is one block; captions, embedded posts and "
                                           "boilerplate are kept out of the story's frames")


# ----------------------------------------------------------------------------
# 2. Casualties


@_chart
def casualty_claims(frames: Frames) -> Figure:
    """Every casualty figure as claimed, grouped by claimant, coloured by whose losses it counts.

    Hedged figures ('over 400') are hatched; withheld figures are dashed outlines.
    """
    claims = summary.casualty_claims(frames)
    if claims.empty:
        return _empty(frames, "No casualty figures found in this article",
                      "The article states no casualty figures that could be attributed to a claimant.")
    colors = side_colors(frames)
    phrases = summary.claim_phrases(frames)
    claimant_order = list(dict.fromkeys(claims["claimant"]))
    rows, labels, headers = [], [], []
    y = 0.0
    for claimant in claimant_order:
        group = claims[claims["claimant"] == claimant]
        headers.append((y, f"Claimed by {claimant}"))
        y -= 0.8
        for _, row in group.iterrows():
            population = "" if row["population"] == "unspecified" else f"{row['population']} "
            party = "all sides" if row["party"] == "all" else row["party"]
            labels.append((y, f"{party}: {population}{row['outcome']}"))
            rows.append((y, row))
            y -= 1.0
        y -= 0.3
    known = claims["count"].dropna()
    xmax = float(known.max()) if not known.empty else 1.0
    with _style():
        fig = _figure(1.0 + 0.36 * (len(rows) + len(headers)))
        ax = fig.add_subplot()
        for yi, row in rows:
            color = colors.get(row["victim_side"], OTHER)
            if row["withheld"]:
                ax.barh(yi, xmax * 0.12, height=0.7, facecolor="white", edgecolor=color, linestyle="--",
                        linewidth=1.3)
                ax.text(xmax * 0.13, yi, "  withheld", va="center", fontsize=9, style="italic")
                continue
            ax.barh(yi, row["count"], height=0.7, color=color, edgecolor="white" if row["hedged"] else color,
                    hatch="///" if row["hedged"] else None, linewidth=0)
            ax.text(float(row["count"]), yi, f"  {row['figure']}", va="center", fontsize=9,
                    fontweight="bold" if row["hedged"] else "normal")
        for yi, text in headers:
            ax.text(0, yi, text, va="center", ha="left", fontsize=10, fontweight="bold", color="#222222")
        ax.set_yticks([yi for yi, _ in labels], [text for _, text in labels])
        ax.set_ylim(y + 0.3, 0.6)
        ax.set_xlim(0, xmax * 1.35)
        ax.set_xlabel("People (number claimed)")
        ax.xaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        ax.tick_params(axis="y", length=0)
        extra = []
        if claims["hedged"].any():
            extra.append(Patch(facecolor="#BBBBBB", edgecolor="white", hatch="///",
                               label="hedged (over / at least / about)"))
        if claims["withheld"].any():
            extra.append(Patch(facecolor="white", edgecolor="#444444", linestyle="--", label="figure withheld"))
        _side_legend(ax, colors, claims["victim_side"], extra,
                     loc="upper left", bbox_to_anchor=(1.0, 1.0), title="Whose losses")
        return _finish(fig, frames, "; ".join(phrases),
                       "Each bar is one figure as the article attributes it; colour shows whose losses it counts")


@_chart
def claims_check(frames: Frames) -> Figure:
    """Each overall total beside the sum of the sides' own figures (stacked by party).

    The sums and verdicts are those of `analysis.claims.claims_check`.
    """
    check = summary.claims_check(frames)
    claims = summary.casualty_claims(frames)
    if check.empty:
        message = ("No casualty figures found in this article." if claims.empty else
                   "The article gives no total across sides to check the sides' figures against.")
        return _empty(frames, "No totals to check", message)
    colors = side_colors(frames)
    narrator = frames.article.meta.outlet
    order = check.assign(_narrator=check["total_by"] != narrator, _none=check["sides_sum"].isna())
    order = order.sort_values(["_none", "_narrator"], kind="stable")
    headline = order.iloc[0]
    with _style():
        fig = _figure(0.9 + 1.1 * len(check))
        ax = fig.add_subplot()
        ticks, names, handles, top = [], [], {}, 1.0
        for i, (_, row) in enumerate(order.iterrows()):
            y = -2.4 * i
            total = claims[(claims["claimant"] == row["total_by"]) & (claims["party"] == "all")
                           & (claims["outcome"] == row["outcome"]) & (claims["population"] == row["population"])]
            count = float(total["count"].iloc[0])
            ax.barh(y, count, height=0.8, color=colors.get(total["claimant_side"].iloc[0], NARRATOR),
                    hatch="///" if bool(total["hedged"].iloc[0]) else None, edgecolor="white")
            ax.text(count, y, f"  {row['total']}", va="center", fontweight="bold")
            population = "" if row["population"] == "unspecified" else f"{row['population']} "
            ticks.append(y)
            names.append(f"{row['total_by']}: total\n{population}{row['outcome']}")
            top = max(top, count)
            if pd.isna(row["sides_sum"]):
                ax.text(0, y - 1, "  no side gives its own figure", va="center", style="italic", fontsize=9)
            else:
                left = 0.0
                for party, side, value in _side_segments(claims, row):
                    color = colors.get(side, OTHER)
                    ax.barh(y - 1, value, left=left, height=0.8, color=color, edgecolor="white")
                    handles.setdefault(party, Patch(color=color, label=party))
                    left += value
                ax.text(left, y - 1, f"  {int(row['sides_sum']):,}", va="center", fontweight="bold")
                top = max(top, left)
            ticks.append(y - 1)
            names.append("sides' own figures")
        ax.set_yticks(ticks, names)
        ax.set_ylim(ticks[-1] - 0.7, 0.7)
        ax.set_xlim(0, top * 1.25)
        ax.set_xlabel("People (number claimed)")
        ax.xaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        ax.tick_params(axis="y", length=0)
        extra = [Patch(facecolor="#BBBBBB", edgecolor="white", hatch="///", label="hedged total")]
        ax.legend(handles=list(handles.values()) + extra, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  title="Own figures of")
        subtitle = "Each total across sides beside the sum of the sides' own figures for the same outcome"
        if headline["withheld"]:
            subtitle += f". Not counted, because withheld: {headline['withheld']}"
        return _finish(fig, frames, headline["finding"].rstrip("."), subtitle)


def _side_segments(claims: pd.DataFrame, row) -> list[tuple[str, str, float]]:
    """(party, side, figure) pieces of a sides' sum; one grey piece when they cannot be told apart."""
    outcomes = ("killed", "injured", "casualties") if row["outcome"] == "casualties" else (row["outcome"],)
    pool = claims[(claims["party"] != "all") & ~claims["withheld"] & claims["outcome"].isin(outcomes)]
    if row["population"] != "unspecified":
        pool = pool[pool["population"] == row["population"]]
    own = pool[pool["claimant"] == pool["party"]]
    pool = own if len(own) and own["count"].sum() == row["sides_sum"] else pool
    if pool["count"].sum() != row["sides_sum"]:
        return [("the sides", summary.ALL_SIDES, float(row["sides_sum"]))]
    grouped = pool.groupby(["party", "victim_side"], sort=False)["count"].sum()
    return [(party, side, float(value)) for (party, side), value in grouped.items()]


# ----------------------------------------------------------------------------
# 3. Actors and places


@_chart
def actor_mentions(frames: Frames, top_n: int = 12) -> Figure:
    """Mentions per story actor (the `top_n` most mentioned), coloured by side."""
    actors = frames.frame("actors")
    if actors.empty:
        return _empty(frames, "No actors found in this article",
                      "No people, states or organisations were identified in the story.")
    sides = summary.actor_sides(frames)
    colors = side_colors(frames)
    actors = actors.assign(side=[sides.get(n, n) for n in actors["name"]])
    by_side = actors.groupby("side")["mentions"].sum().sort_values(ascending=False, kind="stable")
    shown = actors.sort_values(["mentions", "first_offset"], ascending=[False, True], kind="stable").head(top_n)
    if len(by_side) > 1:
        title = (f"{summary.possessive(by_side.index[0])} side is named most "
                 f"({_plural(int(by_side.iloc[0]), 'mention')}), "
                 f"then {summary.possessive(by_side.index[1])} ({int(by_side.iloc[1]):,})")
    else:
        title = f"Only {summary.possessive(by_side.index[0])} side is named ({_plural(int(by_side.iloc[0]), 'mention')})"
    with _style():
        fig = _figure(0.9 + 0.32 * len(shown))
        ax = fig.add_subplot()
        y = np.arange(len(shown))[::-1]
        ax.barh(y, shown["mentions"], color=[colors.get(s, OTHER) for s in shown["side"]], height=0.7)
        ax.set_yticks(y, [f"{n} ({k.replace('_', ' ')})" for n, k in zip(shown["name"], shown["kind"])])
        for yi, m in zip(y, shown["mentions"]):
            ax.text(m, yi, f" {m}", va="center", fontsize=9)
        ax.set_xlabel("Mentions in the story (names, titles, pronouns, metonyms)")
        ax.set_xlim(0, shown["mentions"].max() * 1.15)
        ax.tick_params(axis="y", length=0)
        _side_legend(ax, colors, shown["side"], loc="lower right", title="Side (affiliation)")
        hidden = len(actors) - len(shown)
        subtitle = f"The {len(shown)} most mentioned of {_plural(len(actors), 'actor')}" if hidden else \
            f"All {_plural(len(actors), 'actor')} of the story"
        return _finish(fig, frames, title, subtitle + "; colour shows the side each speaks for")


@_chart
def places_map(frames: Frames) -> Figure:
    """Places named in the story, located by longitude and latitude (no base map).

    When most places sit close together and a few lie far away, a second panel
    shows the close group in detail.
    """
    places = frames.places
    if places.empty:
        return _empty(frames, "No places found in this article", "No cities, districts, regions or countries "
                                                                 "were identified in the story.")
    located = places[places["lat"].notna() & places["lon"].notna()]
    countries = places["country"].fillna("unknown").value_counts()
    title = f"{_plural(len(places), 'place')} named"
    known = countries.drop("unknown", errors="ignore")
    if len(known) and (len(known) == 1 or known.iloc[0] > known.iloc[1]):
        title += f", {known.iloc[0]} of them in {known.index[0]}" if len(places) > 1 else f", in {known.index[0]}"
    elif len(known):
        title += f" in {_plural(len(known), 'country', 'countries')}"
    palette = {c: SIDE_CYCLE[i % len(SIDE_CYCLE)] for i, c in enumerate(countries.index) if c != "unknown"}
    detail = _dense_group(located) if not located.empty else None
    with _style():
        fig = _figure(4.2)
        if located.empty:
            ax = fig.add_subplot()
            ax.set_axis_off()
            ax.text(0.5, 0.5, "None of the places could be located.", ha="center", va="center",
                    transform=ax.transAxes)
        elif detail is None:
            ax = fig.add_subplot()
            _draw_places(ax, located, palette, labelled=located)
        else:
            ax, zoom = fig.subplots(1, 2, width_ratios=[1, 1.2])
            _draw_places(ax, located, palette, labelled=located[~located.index.isin(detail.index)])
            _draw_places(zoom, detail, palette, labelled=detail, pad=0.35)
            lon0, lon1, lat0, lat1 = zoom.get_xlim() + zoom.get_ylim()
            ax.add_patch(matplotlib.patches.Rectangle((lon0, lat0), lon1 - lon0, lat1 - lat0, fill=False,
                                                      edgecolor="#444444", linewidth=0.8, zorder=4))
            ax.set_title("Overview", loc="left", fontsize=9)
            zoom.set_title("Detail of the boxed area", loc="left", fontsize=9)
            zoom.set_ylabel("")
        shown = set(located["country"].dropna())
        handles = [Patch(color=palette[c], label=c) for c in palette if c in shown]
        if located["country"].isna().any():
            handles.append(Patch(color=OTHER, label="no country"))
        if handles:
            fig.legend(handles=handles, loc="outside right upper", title="Country")
        missing = places[~places.index.isin(located.index)]
        subtitle = "Dot size shows mentions; no base map"
        if not missing.empty:
            subtitle += f". Not located: {', '.join(missing['name'])}"
        return _finish(fig, frames, title, subtitle)


def _draw_places(ax, points: pd.DataFrame, palette: dict, labelled: pd.DataFrame, pad: float = 2.0) -> None:
    sizes = 30 + 40 * np.sqrt(points["mentions"].to_numpy())
    ax.scatter(points["lon"], points["lat"], s=sizes,
               c=[palette.get(c, OTHER) for c in points["country"].fillna("unknown")],
               edgecolor="white", linewidth=0.8, zorder=3)
    lon0, lon1 = points["lon"].min(), points["lon"].max()
    lat0, lat1 = points["lat"].min(), points["lat"].max()
    span = max(lon1 - lon0, lat1 - lat0)
    pad_lon, pad_lat = max(pad, (lon1 - lon0) * 0.12), max(pad * 0.75, (lat1 - lat0) * 0.15)
    xlim = (lon0 - pad_lon, lon1 + pad_lon + max(pad * 2, span * 0.3))
    ylim = [lat0 - pad_lat, lat1 + pad_lat]
    labels = _label_positions(labelled, xlim, ylim)
    moved = {key for key, y in labels.items() if abs(y - key[1]) > (ylim[1] - ylim[0]) * 0.01}
    crowded = len(moved) >= 3
    if crowded:  # a column of labels right of the points, joined by leader lines, in latitude order
        x = lon1 + pad_lon * 0.8
        xlim = (xlim[0], max(xlim[1], x + span * 0.45))
        ys = np.linspace(ylim[1] - pad_lat * 0.5, ylim[0] + pad_lat * 0.5, len(labels))
        labels = dict(zip(sorted(labels, key=lambda k: (-k[1], k[0])), ys))
    for (lon, lat, name), y in labels.items():
        ax.annotate(name, (lon, lat), xytext=((x if crowded else lon + (xlim[1] - xlim[0]) * 0.03), y),
                    textcoords="data", fontsize=9, va="center",
                    arrowprops={"arrowstyle": "-", "color": "#999999", "linewidth": 0.6,
                                "shrinkA": 0, "shrinkB": 4} if crowded or (lon, lat, name) in moved else None)
        ylim[0] = min(ylim[0], y - (ylim[1] - ylim[0]) * 0.04)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect(1 / np.cos(np.radians((lat0 + lat1) / 2)), adjustable="box")
    ax.grid(color="#DDDDDD", linewidth=0.6)
    ax.set_xlabel("Longitude (degrees east)")
    ax.set_ylabel("Latitude (degrees north)")


def _dense_group(located: pd.DataFrame) -> pd.DataFrame | None:
    """The largest group of 3+ places within a tenth of the map's extent, if the map is wide; else None."""
    span = max(located["lon"].max() - located["lon"].min(), located["lat"].max() - located["lat"].min())
    if span < 8 or len(located) < 4:
        return None
    box = span * 0.1
    best = None
    for _, p in located.iterrows():
        near = located[((located["lon"] - p["lon"]).abs() <= box) & ((located["lat"] - p["lat"]).abs() <= box)]
        if best is None or len(near) > len(best):
            best = near
    return best if best is not None and 3 <= len(best) < len(located) else None


def _label_positions(points: pd.DataFrame, xlim, ylim) -> dict[tuple[float, float, str], float]:
    """(lon, lat, name) -> label latitude, pushed down so that labels side by side never overlap."""
    gap = (ylim[1] - ylim[0]) * 0.07  # about one line of 9-point text on a 4-inch map
    width = (xlim[1] - xlim[0]) * 0.3  # labels closer than this horizontally can collide
    placed: list[tuple[float, float]] = []  # (lon, label y)
    out = {}
    for _, p in points.sort_values(["lat", "lon"], ascending=[False, True], kind="stable").iterrows():
        y = float(p["lat"])
        for lon, other in sorted(placed, key=lambda q: -q[1]):
            if abs(lon - p["lon"]) < width and abs(y - other) < gap:
                y = other - gap
        placed.append((float(p["lon"]), y))
        out[(float(p["lon"]), float(p["lat"]), str(p["name"]))] = y
    return out


# ----------------------------------------------------------------------------
# 4. Statements


@_chart
def speakers(frames: Frames, top_n: int = 12) -> Figure:
    """Statements per speaker (the `top_n` busiest), coloured by side."""
    table = summary.speakers(frames)
    if table.empty:
        return _empty(frames, "No attributed statements found in this article",
                      "No quotes, reported speech or embedded posts could be attributed to a speaker.")
    colors = side_colors(frames)
    shown = table.head(top_n)
    by_side = table.groupby("side")["statements"].sum().sort_values(ascending=False, kind="stable")
    total = int(table["statements"].sum())
    top = table.iloc[0]
    title = (f"{top['speaker']} speaks most ({_plural(int(top['statements']), 'statement')}); "
             f"{summary.possessive(by_side.index[0])} side has {int(by_side.iloc[0])} of {_plural(total, 'attributed statement')}")
    with _style():
        fig = _figure(0.9 + 0.32 * len(shown))
        ax = fig.add_subplot()
        y = np.arange(len(shown))[::-1]
        ax.barh(y, shown["statements"], color=[colors.get(s, OTHER) for s in shown["side"]], height=0.7)
        ax.set_yticks(y, shown["speaker"])
        for yi, n, w in zip(y, shown["statements"], shown["words"]):
            ax.text(n, yi, f" {n} ({w:,} words)", va="center", fontsize=9)
        ax.set_xlim(0, shown["statements"].max() * 1.3)
        ax.set_xlabel("Statements (quotes, reported speech, posts)")
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        ax.tick_params(axis="y", length=0)
        _side_legend(ax, colors, shown["side"], loc="lower right", title="Side")
        return _finish(fig, frames, title, "Words are the words of the quote or reported clause")


@_chart
def statement_types(frames: Frames) -> Figure:
    """Statement types by the speaker's side (a count matrix)."""
    statements = summary.statement_sides(frames)
    if statements.empty:
        return _empty(frames, "No statements found in this article", "No statements to classify.")
    table = pd.crosstab(statements["side"], statements["type"].astype("str"))
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index,
                      table.sum(axis=0).sort_values(ascending=False, kind="stable").index]
    top_type = table.columns[0]
    n = int(table[top_type].sum())
    title = f"{_TYPE_NOUNS.get(top_type, top_type).capitalize()} are the most common statement ({n} of {len(statements)})"
    if top_type in table.columns and table[top_type].max() > 0:
        title += f"; most come from {summary.possessive(table[top_type].idxmax())} side"
    with _style():
        fig = _figure(1.2 + 0.42 * len(table))
        ax = fig.add_subplot()
        _matrix(ax, table, "Statement type", "Speaker's side")
        return _finish(fig, frames, title, "Number of statements of each type, by the side the speaker speaks for")


@_chart
def accusations(frames: Frames) -> Figure:
    """Who accuses whom: accusing side (rows) x accused side (columns)."""
    table = summary.accusation_matrix(frames)
    if table.empty:
        return _empty(frames, "No accusations found in this article",
                      "No statement accuses a named actor.")
    phrases = summary.accusation_phrases(frames)
    if phrases:
        title = "; ".join(phrases[:2])
        title = title[0].upper() + title[1:]
    else:
        title = f"{_plural(int(table.to_numpy().sum()), 'accusation')}, none from one named side against another"
    with _style():
        fig = _figure(1.2 + 0.45 * len(table))
        ax = fig.add_subplot()
        _matrix(ax, table, "Accused side", "Accusing side")
        return _finish(fig, frames, title, "Number of accusations; a statement accusing two sides counts for each")


@_chart
def timeline(frames: Frames) -> Figure:
    """Dated statements (circles) and casualty claims (diamonds) by actor."""
    events = summary.dated_events(frames)
    undated_statements = int(frames.statements["date"].isna().sum())
    undated_claims = int(frames.casualties["as_of"].isna().sum())
    if events.empty:
        found = len(frames.statements) + len(frames.casualties)
        message = ("No statements or casualty claims found in this article." if not found else
                   f"None of the {_plural(found, 'statement or claim', 'statements and claims')} carries a date.")
        return _empty(frames, "No dated statements or claims", message)
    colors = side_colors(frames)
    dates = events["date"].dt.normalize()
    first, last = dates.min(), dates.max()
    busiest = dates.value_counts().sort_index().idxmax()
    if first == last:
        span = f"on {summary.format_date(first)}"
    elif (first.year, first.month) == (last.year, last.month):
        span = f"on {first.day}\u2013{summary.format_date(last)}"
    else:
        span = f"from {summary.format_date(first)} to {summary.format_date(last)}"
    title = f"{_plural(len(events), 'dated statement or claim', 'dated statements and claims')} {span}"
    if first != last:
        title += f"; most on {summary.format_date(busiest)}"
    actors = list(dict.fromkeys(events.sort_values(["date", "actor"], kind="stable")["actor"]))
    ypos = {a: len(actors) - 1 - i for i, a in enumerate(actors)}
    day = pd.Timedelta(days=1)
    with _style():
        fig = _figure(1.2 + 0.4 * len(actors))
        ax = fig.add_subplot()
        groups = events.assign(day=dates).groupby(["day", "actor", "event", "side"], sort=True).size()
        for (d, actor, event, side), n in groups.items():
            offset = -0.12 if event == "statement" else 0.12
            x = matplotlib.dates.date2num(d) + offset
            ax.scatter([x], [ypos[actor]], s=60 + 30 * (n - 1), marker="o" if event == "statement" else "D",
                       color=colors.get(side, OTHER), edgecolor="white", linewidth=0.8, zorder=3)
            if n > 1:
                ax.annotate(str(n), (x, ypos[actor]), xytext=(7, 5), textcoords="offset points", fontsize=8)
        ax.set_yticks(list(ypos.values()), list(ypos))
        days = pd.date_range(first, last, freq="D")
        ax.set_xticks(matplotlib.dates.date2num(days), [f"{d.day} {d:%b %Y}" for d in days])
        lo, hi = matplotlib.dates.date2num(first - 0.6 * day), matplotlib.dates.date2num(last + 0.6 * day)
        ax.set_xlim(lo, hi)
        ax.set_ylim(-0.7, len(actors) - 0.3)
        ax.set_xlabel("Date of the statement or of the figure (day)")
        ax.grid(axis="x", color="#DDDDDD")
        ax.tick_params(axis="y", length=0)
        handles = [matplotlib.lines.Line2D([], [], marker="o", linestyle="", color="#444444", label="statement"),
                   matplotlib.lines.Line2D([], [], marker="D", linestyle="", color="#444444", label="casualty claim")]
        _side_legend(ax, colors, events["side"], handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        subtitle = "Only items the text dates are shown"
        if undated_statements or undated_claims:
            subtitle += (f"; {_plural(undated_statements, 'statement')} and "
                         f"{_plural(undated_claims, 'claim')} carry no date")
        return _finish(fig, frames, title, subtitle)
