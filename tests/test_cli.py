"""`python -m analysis extract`: the happy path and its files."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd

from analysis.cli import main
from analysis.paths import PROJECT_DIR, SEED_ARTICLE

EXPECTED = ["actors", "blocks", "casualties", "mentions", "places", "sentences", "statements"]


def test_extract_writes_every_frame(tmp_path, capsys):
    assert main(["extract", str(SEED_ARTICLE), "--out", str(tmp_path)]) == 0
    assert sorted(p.stem for p in tmp_path.iterdir()) == EXPECTED
    blocks = pd.read_csv(tmp_path / "blocks.csv")
    assert set(blocks["kind"]) >= {"title", "subheading", "body", "caption", "embedded_post", "boilerplate"}
    post = blocks[blocks["kind"] == "embedded_post"].iloc[0]
    assert (post["handle"], post["post_date"]) == ("@JZarif", "2020-10-10")
    assert str(tmp_path) in capsys.readouterr().out


def test_module_entry_point_and_help():
    result = subprocess.run([sys.executable, "-m", "analysis", "extract", "--help"], cwd=PROJECT_DIR,
                            capture_output=True, text=True, check=True)
    assert "--out" in result.stdout and "blocks.csv" in result.stdout


def test_cli_runs_from_any_working_directory(tmp_path):
    result = subprocess.run([sys.executable, "-m", "analysis", "extract", str(SEED_ARTICLE), "--out", "o"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o" / "sentences.csv").exists()


def test_report_checks_every_article_before_writing_any(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    status = main(["report", str(SEED_ARTICLE), str(missing), "--out", str(tmp_path / "reports")])
    assert status == 2
    assert capsys.readouterr().err == f"error: {missing}: no such file; pass the path of a plain-text (.txt) article.\n"
    assert not (tmp_path / "reports").exists()
