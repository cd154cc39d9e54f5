"""Every chart renders on full and on empty frames, with a finding title, labelled axes and a source line."""
from __future__ import annotations

import hashlib

import matplotlib
import pytest

matplotlib.use("Agg")

from analysis import charts  # noqa: E402

CHARTS = {
    "block_structure": charts.block_structure,
    "casualty_claims": charts.casualty_claims,
    "claims_check": charts.claims_check,
    "actor_mentions": charts.actor_mentions,
    "places_map": charts.places_map,
    "speakers": charts.speakers,
    "statement_types": charts.statement_types,
    "accusations": charts.accusations,
    "timeline": charts.timeline,
}
SOURCE = "Source: Press TV, 10 October 2020."


def texts(fig) -> dict[str, str]:
    return {t.get_gid(): t.get_text() for t in fig.texts if t.get_gid()}


def title(fig) -> str:
    return fig.get_suptitle().replace("\n", " ")


@pytest.mark.parametrize("name", CHARTS)
def test_chart_on_full_frames(name, full_frames, tmp_path):
    fig = CHARTS[name](full_frames)
    assert title(fig) and texts(fig)["source"].startswith(SOURCE)
    assert not title(fig).startswith("No ")
    ax = fig.axes[0]
    assert ax.get_xlabel() and (ax.get_ylabel() or ax.get_yticklabels())
    path = charts.save_figure(fig, tmp_path / f"{name}.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"Software" not in path.read_bytes()  # no matplotlib version: same bytes on every run


@pytest.mark.parametrize("name", CHARTS)
def test_chart_on_empty_frames_says_so(name, empty_frames, tmp_path):
    fig = CHARTS[name](empty_frames)
    if name == "block_structure":  # the blocks come from the article itself
        assert "story itself" in title(fig)
    else:
        assert title(fig).startswith("No ")
        assert any(t.get_text().strip() for ax in fig.axes for t in ax.texts)
    assert texts(fig)["source"].startswith(SOURCE)
    charts.save_figure(fig, tmp_path / f"{name}.png")


def test_titles_state_the_finding(full_frames):
    assert title(charts.casualty_claims(full_frames)) == (
        "Press TV counts over 400 dead in all; Armenia claims 398 dead; "
        "Azerbaijan claims 31 dead and withholds its military toll")
    assert title(charts.claims_check(full_frames)).startswith(
        "The sides' own figures add up to 429, consistent with Press TV's total of over 400 killed")
    assert title(charts.accusations(full_frames)).startswith("Azerbaijan's side accuses Armenia twice")
    assert title(charts.actor_mentions(full_frames)).startswith("Azerbaijan's side is named most (35 mentions)")
    assert title(charts.places_map(full_frames)) == "6 places named, 3 of them in Azerbaijan"
    assert title(charts.timeline(full_frames)).startswith("7 dated statements and claims on 9\u201310 October 2020")
    assert title(charts.block_structure(full_frames)).startswith("86% of the text is the story itself")


def test_hedged_and_withheld_figures_are_marked(full_frames):
    fig = charts.casualty_claims(full_frames)
    ax = fig.axes[0]
    labels = [t.get_text().strip() for t in ax.texts]
    assert "over 400" in labels and "withheld" in labels
    assert any(p.get_hatch() for p in ax.patches)  # the hedged bar
    assert any(p.get_linestyle() == "--" for p in ax.patches)  # the withheld outline
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "figure withheld" in legend and any(t.startswith("hedged") for t in legend)


def test_palette_is_okabe_ito_and_consistent(full_frames):
    colors = charts.side_colors(full_frames)
    assert colors["Press TV"] == charts.NARRATOR
    assert set(colors.values()) <= set(charts.SIDE_CYCLE) | {charts.NARRATOR, charts.ALL_SIDES, charts.OTHER}
    assert colors["Azerbaijan"] != colors["Armenia"]
    assert charts.side_colors(full_frames) == colors


def test_top_n_limits_the_bars(full_frames):
    fig = charts.actor_mentions(full_frames, top_n=3)
    assert len(fig.axes[0].get_yticklabels()) == 3


def test_png_bytes_are_deterministic(full_frames, tmp_path):
    digests = set()
    for i in range(2):
        path = charts.save_figure(charts.casualty_claims(full_frames), tmp_path / f"{i}.png")
        digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    assert len(digests) == 1


def test_publish_saves_only_with_a_folder(full_frames, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    unsaved = charts.publish(charts.block_structure(full_frames))
    assert unsaved.png.startswith(b"\x89PNG") and not list(tmp_path.rglob("*.png"))
    assert repr(unsaved) == f"<chart: {title(charts.block_structure(full_frames))}>"
    shown = charts.publish(charts.block_structure(full_frames), tmp_path / "figs", "x")
    saved = (tmp_path / "figs" / "x.png").read_bytes()
    assert shown.png == saved == unsaved.png


def test_one_draw_paints_what_savefig_paints(full_frames):
    """render_png skips savefig's layout pre-pass; the pixels must not change."""
    import io

    import numpy as np
    from PIL import Image

    for chart in (charts.block_structure, charts.casualty_claims, charts.claims_check, charts.actor_mentions,
                  charts.places_map, charts.speakers, charts.statement_types, charts.accusations, charts.timeline):
        buffer = io.BytesIO()
        chart(full_frames).savefig(buffer, format="png", dpi=charts.DPI, metadata=charts.PNG_METADATA)
        once = np.asarray(Image.open(io.BytesIO(charts.render_png(chart(full_frames)))))
        twice = np.asarray(Image.open(buffer))
        assert once.shape == twice.shape and (once == twice).all(), chart.__name__


def test_accusations_without_a_named_accuser(full_frames):
    from dataclasses import replace

    statements = full_frames.statements.assign(speaker=None)
    fig = charts.accusations(replace(full_frames, statements=statements))
    assert title(fig) == "4 accusations, none from one named side against another"


def test_titles_open_with_a_capital_letter(tmp_path):
    from analysis.article import parse_article
    from analysis.pipeline import extract

    article = parse_article("Strike hits a town\n\nAt least 40 civilians were killed in an air strike on the town "
                            "on Sunday, October 4, 2020, residents said.\n", {})
    assert title(charts.casualty_claims(extract(article))).startswith("Residents ")


def test_a_report_run_draws_each_chart_once(full_frames, tmp_path, monkeypatch):
    """Frames handed off by a report run share one PNG per chart and settings across notebooks."""
    from dataclasses import replace

    handed = replace(full_frames, handoff=(str(tmp_path), "article-fingerprint"))
    first = charts.publish(charts.actor_mentions(handed, top_n=12))
    stored = list((tmp_path / "charts").glob("*.png"))
    assert len(stored) == 1 and stored[0].read_bytes() == first.png

    with monkeypatch.context() as patched:
        patched.setattr(charts, "render_png", lambda fig: pytest.fail("drawn a second time"))
        again = charts.publish(charts.actor_mentions(handed), tmp_path / "figs", "a")  # the default top_n
    assert again.png == first.png == (tmp_path / "figs" / "a.png").read_bytes()
    assert again.title == first.title

    charts.publish(charts.actor_mentions(handed, top_n=3))  # other settings, another chart
    charts.publish(charts.actor_mentions(replace(full_frames, handoff=(str(tmp_path), "another article"))))
    charts.publish(charts.actor_mentions(full_frames))  # not handed off: nothing stored
    assert len(list((tmp_path / "charts").glob("*.png"))) == 3
