"""Headline numbers, the claims check and the generated text come from the frames."""
from __future__ import annotations

import pandas as pd

from analysis import summary


def test_casualty_claims_carry_both_sides(full_frames):
    claims = summary.casualty_claims(full_frames)
    row = claims.iloc[0]
    assert (row["claimant"], row["claimant_side"], row["victim_side"], row["figure"]) == \
        ("Press TV", "Press TV", "all sides", "over 400")
    assert claims["withheld"].sum() == 1 and claims["hedged"].sum() == 1
    assert list(claims.loc[claims["withheld"], "figure"]) == ["withheld"]


def test_claim_phrases(full_frames):
    assert summary.claim_phrases(full_frames) == [
        "Press TV counts over 400 dead in all", "Armenia claims 398 dead",
        "Azerbaijan claims 31 dead and withholds its military toll"]


def test_claims_check_compares_sides_with_the_total(full_frames):
    check = summary.claims_check(full_frames)
    assert len(check) == 1
    row = check.iloc[0]
    assert (row["total_by"], row["outcome"], row["total"], row["sides_sum"], row["withheld"], row["verdict"]) == \
        ("Press TV", "killed", "over 400", 429, "Azerbaijan", "consistent")
    assert row["finding"] == ("The sides' own figures add up to 429, consistent with Press TV's total of over 400 "
                              "killed; Azerbaijan withheld a figure, so the full count is higher.")


def test_claims_check_without_totals(empty_frames):
    assert summary.claims_check(empty_frames).empty


def test_accusations_between_sides(full_frames):
    matrix = summary.accusation_matrix(full_frames)
    assert matrix.loc["Azerbaijan", "Armenia"] == 2
    assert matrix.loc["Armenia", "Azerbaijan"] == 1
    assert summary.accusation_phrases(full_frames)[0] == "Azerbaijan's side accuses Armenia twice"


def test_speakers_and_dated_events(full_frames):
    speakers = summary.speakers(full_frames)
    assert speakers.iloc[0]["speaker"] == "Ilham Aliyev" and speakers.iloc[0]["statements"] == 2
    events = summary.dated_events(full_frames)
    assert set(events["event"]) == {"statement", "casualty claim"}
    assert events["date"].is_monotonic_increasing


def test_headline_numbers(full_frames, empty_frames):
    numbers = dict(summary.headline_numbers(full_frames).itertuples(index=False))
    assert numbers["casualty figures"] == 6 and numbers["withheld figures"] == 1
    assert numbers["actors"] == 10  # story actors only: the caption's Ilhan Omar is not one
    empty = dict(summary.headline_numbers(empty_frames).itertuples(index=False))
    assert empty["casualty figures"] == 0 and empty["words in the story"] > 0


def test_text_summary_is_generated(full_frames, empty_frames):
    text = summary.text_summary(full_frames)
    assert "Armenia claims 398 dead" in text
    assert "Azerbaijan's side accuses Armenia twice" in text
    assert "Most quoted: Ilham Aliyev" in text
    empty = summary.text_summary(empty_frames)
    assert "No casualty figures found" in empty and "No accusations found" in empty


def test_set_aside_blocks_have_reasons(full_frames):
    aside = summary.set_aside(full_frames)
    assert set(aside["kind"]) == {"caption", "embedded_post", "boilerplate"}
    assert aside["reason"].str.len().gt(0).all()


def test_format_count():
    assert summary.format_count(400, "more_than") == "over 400"
    assert summary.format_count(1200, "exact") == "1,200"
    assert summary.format_count(None, "undisclosed") == "withheld"


def test_tables_show_no_row_index_and_escape_their_text():
    frame = pd.DataFrame({"speaker": ["<b>Ann</b>", "Bo"], "n": [2, 1]})
    shown = summary.table(frame, "nothing")
    html = shown._repr_html_()
    assert "<th>speaker</th>" in html and "<th></th>" not in html and "<th>0</th>" not in html
    assert "&lt;b&gt;Ann&lt;/b&gt;" in html and "<b>" not in html
    assert repr(shown).splitlines() == ["   speaker  n", "<b>Ann</b>  2", "        Bo  1"]
    assert shown.frame is frame


def test_an_empty_table_is_a_note():
    note = summary.table(pd.DataFrame({"a": []}), "Nothing here.")
    assert note._repr_markdown_() == "*Nothing here.*"


def test_tables_show_missing_values_as_empty_cells():
    frame = pd.DataFrame({"who": ["a", "b"], "count": pd.array([3, None], dtype="Int64"),
                          "withheld": [None, "x"], "share": [1.5, float("nan")]})
    shown = summary.Table(frame)
    html, text = shown._repr_html_(), repr(shown)
    for missing in ("&lt;NA&gt;", "None", "NaN", "nan"):
        assert missing not in html
    for missing in ("<NA>", "None", "NaN"):
        assert missing not in text
    assert "<td>3</td>" in html and "<td>1.5</td>" in html
    assert shown.frame is frame and frame["count"].isna().sum() == 1  # the frame itself is untouched
