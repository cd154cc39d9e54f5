"""Bad and unusual input: one test per row of the table in docs/robustness.md.

Unusable input ends with a one-line message on stderr and exit status 2: no
traceback, nothing written, earlier outputs in the output folder kept byte for
byte. Merely unusual input gives a clean result: exit 0 and every frame valid
(frames with the right columns and no rows are a result).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import schemas
from analysis.cli import main
from analysis.paths import PROJECT_DIR
from analysis.pipeline import EXPORTED, extract
from analysis.synthetic import synthetic_article, synthetic_metadata

FIXTURES = Path(__file__).resolve().parent / "fixtures"
INVENTED = FIXTURES / "invented_article.txt"
CP1252 = FIXTURES / "cp1252_article.txt"


# ----------------------------------------------------------------------------
# Helpers


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) -> its bytes; {} if absent."""
    if not folder.exists():
        return {}
    if folder.is_file():
        return {".": folder.read_bytes()}
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"<dir>")
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def earlier_out(tmp_path) -> Path:
    """An output folder that already holds a good extraction."""
    out = tmp_path / "out"
    assert main(["extract", str(INVENTED), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in EXPORTED)
    return out


def assert_unusable(argv: list[str], capsys, out: Path, must_mention: str = "") -> str:
    """Run the CLI in-process: exit 2, one stderr line, nothing written under `out`."""
    before = snapshot(out)
    capsys.readouterr()
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 2, captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in captured.err and "Traceback" not in captured.out
    assert captured.out == ""
    assert snapshot(out) == before  # nothing written, earlier outputs byte-identical
    assert must_mention.lower() in lines[0].lower()
    return lines[0]


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def assert_clean(article: Path, out: Path, capsys, revalidate: bool = True) -> dict[str, pd.DataFrame]:
    """Run the CLI in-process: exit 0, every CSV written, every frame valid.

    The CLI validates every frame before writing; `revalidate` extracts once
    more through the library and validates again (skipped for huge inputs).
    """
    capsys.readouterr()
    code = main(["extract", str(article), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.err == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in EXPORTED)
    if revalidate:
        frames = extract(article)
        for name in schemas.FRAME_NAMES:
            schemas.validate(name, getattr(frames, name))
    return {name: pd.read_csv(out / f"{name}.csv", keep_default_na=False) for name in EXPORTED}


# ----------------------------------------------------------------------------
# Unusable input: exit 2, one line, nothing written, earlier outputs kept

UNUSABLE = {
    "empty file": (b"", "empty"),
    "whitespace only": (" \t\n\r\n\u00a0\u2009\ufeff\n   \n".encode("utf-8"), "white space"),
    "separators only": ("\u200b\x1c\u2029\x1f \u3000\n".encode("utf-8"), "white space"),
    "binary (NUL bytes)": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 4, "binary"),
    "binary (control characters, no NUL)": (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 50, "binary"),
    "UTF-16 text": ("Title line here\n\nHe said \u201chello\u201d.\n".encode("utf-16"), "binary"),
    "neither UTF-8 nor Windows-1252": (b"Ceasefire \x81\x8d\x8f\x90\x9d collapses \xff\xfe\x81 again.\n", "UTF-8"),
    "HTML page": (b"<!DOCTYPE html>\n<html><head><title>News</title></head><body><p>Armenia and "
                  b"Azerbaijan agreed a ceasefire.</p></body></html>\n", "HTML"),
    "HTML fragment without doctype": (("<div class='story'>" + "<p>Shelling continued on Saturday.</p>\n" * 30
                                       + "</div>\n").encode(), "HTML"),
}


@pytest.mark.parametrize("row", list(UNUSABLE))
def test_unusable_article_exits_2_and_keeps_earlier_outputs(row, tmp_path, earlier_out, capsys):
    data, mention = UNUSABLE[row]
    article = write(tmp_path / "article.txt", data)
    assert_unusable(["extract", str(article), "--out", str(earlier_out)], capsys, earlier_out, mention)


@pytest.mark.parametrize("row", list(UNUSABLE))
def test_unusable_article_creates_no_output_folder(row, tmp_path, capsys):
    data, _ = UNUSABLE[row]
    article = write(tmp_path / "article.txt", data)
    out = tmp_path / "fresh"
    assert_unusable(["extract", str(article), "--out", str(out)], capsys, out)
    assert not out.exists()


def test_missing_file(tmp_path, earlier_out, capsys):
    assert_unusable(["extract", str(tmp_path / "nope.txt"), "--out", str(earlier_out)], capsys, earlier_out,
                    "no such file")


def test_directory_instead_of_file(tmp_path, earlier_out, capsys):
    assert_unusable(["extract", str(tmp_path), "--out", str(earlier_out)], capsys, earlier_out, "directory")


def test_sidecar_that_is_not_json(tmp_path, earlier_out, capsys):
    article = write(tmp_path / "a.txt", INVENTED.read_bytes())
    write(tmp_path / "a.json", b"{ outlet: 'Horn Daily', ")
    assert_unusable(["extract", str(article), "--out", str(earlier_out)], capsys, earlier_out, "JSON")


SIDECAR_BAD = {
    "published is not a date": {"published": "not a date"},
    "sidecar is a JSON list": [1, 2],
    "headline is a number": {"headline": 5, "published": "2024-03-15"},
}


@pytest.mark.parametrize("row", list(SIDECAR_BAD))
def test_sidecar_with_wrong_values(row, tmp_path, earlier_out, capsys):
    article = write(tmp_path / "a.txt", INVENTED.read_bytes())
    write(tmp_path / "a.json", json.dumps(SIDECAR_BAD[row]))
    assert_unusable(["extract", str(article), "--out", str(earlier_out)], capsys, earlier_out)


def test_out_is_an_existing_file(tmp_path, capsys):
    target = write(tmp_path / "taken", b"keep me\n")
    assert_unusable(["extract", str(INVENTED), "--out", str(target)], capsys, target, "cannot write")
    assert target.read_bytes() == b"keep me\n"


def test_out_under_a_regular_file(tmp_path, capsys):
    blocker = write(tmp_path / "blocker", b"keep me\n")
    out = blocker / "sub" / "out"
    assert_unusable(["extract", str(INVENTED), "--out", str(out)], capsys, tmp_path, "cannot write")
    assert blocker.read_bytes() == b"keep me\n"


def test_subprocess_missing_file_and_html_page(tmp_path):
    """Two rows through the real entry point: one stderr line, exit 2, no traceback."""
    html = write(tmp_path / "page.txt", UNUSABLE["HTML page"][0])
    for article in (tmp_path / "missing.txt", html):
        result = subprocess.run([sys.executable, "-m", "analysis", "extract", str(article), "--out",
                                 str(tmp_path / "out")], cwd=PROJECT_DIR, capture_output=True, text=True)
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
        assert result.stdout == ""
        assert not (tmp_path / "out").exists()


# ----------------------------------------------------------------------------
# Notebook parameters (unusable: exit 2 before any notebook runs)


def _params_module():
    return pytest.importorskip("analysis.notebook_params")


def _report_argv(out: Path, *params: str) -> list[str]:
    argv = ["report", str(INVENTED), "--out", str(out), "--jobs", "1"]
    for p in params:
        argv += ["-p", p]
    return argv


def test_unknown_notebook_parameter(tmp_path, capsys):
    pytest.importorskip("analysis.reports")
    _params_module()
    out = tmp_path / "reports"
    line = assert_unusable(_report_argv(out, "no_such_parameter=1"), capsys, out, "no_such_parameter")
    assert not out.exists() or not any(out.rglob("*.html")), line


def test_wrong_typed_notebook_parameter(tmp_path, capsys):
    pytest.importorskip("analysis.reports")
    params = _params_module()
    name, bad = _typed_parameter(params)
    out = tmp_path / "reports"
    assert_unusable(_report_argv(out, f"{name}={bad}"), capsys, out, name)


def test_parameters_rejected_before_any_notebook_runs(tmp_path):
    """render_reports itself (as notebooks and callers use it) raises a one-line InputError."""
    reports = pytest.importorskip("analysis.reports")
    params = _params_module()
    from analysis.errors import InputError

    name, bad = _typed_parameter(params)
    for parameters in ({"no_such_parameter": 1}, {name: bad}, {name: [1]}, {name: None}):
        out = tmp_path / "reports"
        with pytest.raises(InputError) as caught:
            reports.render_reports(INVENTED, out_root=out, jobs=1, parameters=parameters)
        assert "\n" not in str(caught.value)
        assert not out.exists() or not any(out.iterdir()), (parameters, list(out.rglob("*")))


def _typed_parameter(params) -> tuple[str, str]:
    """A declared non-string notebook parameter and a value of the wrong type for it."""
    declared = getattr(params, "PARAMETERS", None) or getattr(params, "SPEC", None)
    if not declared:
        pytest.skip("analysis.notebook_params declares no parameter table yet")
    for name, spec in dict(declared).items():
        kind = spec if isinstance(spec, type) else getattr(spec, "type", None) or (
            spec[0] if isinstance(spec, tuple) and spec and isinstance(spec[0], type) else None)
        if kind in (int, float):
            return name, "not-a-number"
        if kind is bool:
            return name, "maybe"
    pytest.skip("no int/float/bool notebook parameter to mistype")


# ----------------------------------------------------------------------------
# Unusual input: a clean result


def test_cp1252_text_is_decoded(tmp_path, capsys):
    frames = assert_clean(CP1252, tmp_path / "out", capsys)
    text = " ".join(frames["blocks"]["text"])
    assert "Caf\u00e9 Ren\u00e9e" in text and "Jos\u00e9 Mart\u00ednez" in text
    assert "\u201cWe heard the first blast" in text and "\u2019s office" in text
    assert "\u2026" in text and "\u20ac5" in text and "\u00a312" in text
    assert "\ufffd" not in text
    # offsets index the decoded text
    from analysis.article import load_article
    raw = load_article(CP1252).text
    assert all(raw[s:e] == t for s, e, t in frames["sentences"][["start", "end", "text"]].itertuples(index=False))


def test_latin1_text_is_decoded(tmp_path, capsys):
    text = "Pri\u00e8re pour la paix\n\nLe ministre a d\u00e9clar\u00e9 samedi que 12 soldats \u00e9taient bless\u00e9s.\n"
    article = write(tmp_path / "latin1.txt", text.encode("latin-1"))
    frames = assert_clean(article, tmp_path / "out", capsys)
    assert "d\u00e9clar\u00e9" in " ".join(frames["blocks"]["text"])


def test_utf8_with_bom_and_crlf(tmp_path, capsys):
    text = INVENTED.read_text(encoding="utf-8").replace("\n", "\r\n")
    article = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    frames = assert_clean(article, tmp_path / "out", capsys)
    blocks = frames["blocks"]
    assert not any(t.startswith("\ufeff") or t.endswith("\r") for t in blocks["text"])
    title = blocks[blocks["kind"] == "title"]["text"].tolist()
    assert title == ["Ethiopia, Eritrea trade blame as border clashes kill dozens"]


@pytest.mark.slow
def test_five_megabyte_article(tmp_path, capsys):
    text = synthetic_article(850_000, seed=5)
    assert len(text.encode("utf-8")) >= 5_000_000
    article = write(tmp_path / "big.txt", text)
    write(tmp_path / "big.json", json.dumps(synthetic_metadata(5)))
    frames = assert_clean(article, tmp_path / "out", capsys, revalidate=False)
    assert len(frames["sentences"]) > 10_000
    assert frames["sentences"]["end"].max() <= len(text)


def test_one_very_long_line(tmp_path, capsys):
    line = " ".join(synthetic_article(60_000, seed=2).split())  # ~400 kB, no newline at all
    article = write(tmp_path / "line.txt", line)
    frames = assert_clean(article, tmp_path / "out", capsys)
    assert len(frames["blocks"]) == 1


def test_no_quotes_at_all(tmp_path, capsys):
    text = synthetic_article(1500, seed=9)
    for mark in ("\u201c", "\u201d", '"'):
        text = text.replace(mark, "")
    article = write(tmp_path / "noquotes.txt", text)
    frames = assert_clean(article, tmp_path / "out", capsys)
    assert set(frames["statements"]["kind"]) <= {"indirect", "tweet"}


def test_unbalanced_quote_marks(tmp_path, capsys):
    text = ("Talks stall as both sides trade blame\n\n"
            "\u201cWe will not retreat, the commander said on Friday.\n\n"
            "The ministry said that \"the attack was planned for weeks and that 12 soldiers were killed.\n\n"
            "\u201d\u201d\u201c Residents said \u2018nothing is left\u2019\u2019 of the market. \"\"\"\n\n"
            "He added: \u201cWe need help.\n")
    article = write(tmp_path / "unbalanced.txt", text)
    assert_clean(article, tmp_path / "out", capsys)


def test_no_date_anywhere(tmp_path, capsys):
    text = ("Shelling resumes near the border\n\n"
            "Both sides said the other had opened fire first. \u201cWe responded,\u201d an army spokesman said.\n\n"
            "At least 7 civilians were killed, local officials said.\n")
    article = write(tmp_path / "nodate.txt", text)
    frames = assert_clean(article, tmp_path / "out", capsys)
    for name, column in (("statements", "date"), ("casualties", "as_of"), ("casualties", "since")):
        assert (frames[name][column] == "").all(), (name, column)
    from analysis.article import load_article
    assert load_article(article).meta.published is None


def test_title_only(tmp_path, capsys):
    article = write(tmp_path / "title.txt", "Ceasefire\n")
    frames = assert_clean(article, tmp_path / "out", capsys)
    assert len(frames["blocks"]) == 1


def test_nul_byte_after_the_sniffed_prefix(tmp_path, capsys):
    """A stray NUL past the first 64 KiB is kept as a character; extraction still succeeds."""
    text = synthetic_article(15_000, seed=4)
    assert len(text.encode()) > 65_536
    article = write(tmp_path / "nul.txt", text.encode() + b"Stray \x00 byte at the end.\n")
    assert_clean(article, tmp_path / "out", capsys)


def test_rerun_replaces_outputs_and_leaves_no_staging(tmp_path, earlier_out, capsys):
    cp = snapshot(earlier_out)
    frames = assert_clean(CP1252, earlier_out, capsys)
    assert snapshot(earlier_out) != cp
    assert not [p for p in earlier_out.iterdir() if p.name.startswith(".")]
    assert len(frames["blocks"]) > 0
