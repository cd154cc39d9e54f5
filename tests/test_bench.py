"""`python -m analysis bench` prints its figures (tiny sizes; no timing asserted)."""
from __future__ import annotations

import re

import pytest

from analysis import bench
from analysis.cli import main

STAGES = ["all frames", "structure", "actors", "places", "statements", "casualties", "frames + validation"]


def test_bench_prints_words_per_second_for_every_stage(capsys):
    assert main(["bench", "--words", "400", "--repeat", "1", "--no-reports"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("machine: ") and "cores" in out and "Python" in out
    assert "seed article" in out and "synthetic article" in out
    for stage in STAGES:
        rows = re.findall(rf"^  {re.escape(stage)}\s+(\d+\.\d+)\s+([\d,]+|inf)$", out, re.M)
        assert len(rows) == 2, (stage, out)  # once for the seed, once for the synthetic article
    assert re.search(r"import analysis: \d+\.\d+ s", out)
    assert re.search(r"extraction, all frames: seed [\d,]+ words/s, synthetic [\d,]+ words/s", out)
    assert "report set: skipped" in out


def test_bench_prints_report_ratio(monkeypatch, capsys):
    pytest.importorskip("analysis.reports")
    monkeypatch.setattr(bench, "empty_notebook_seconds", lambda repeat, workdir: 2.0)
    monkeypatch.setattr(bench, "report_set_seconds", lambda article, repeat, workdir, jobs: (5.0, 6))
    assert bench.run_bench(words=200, repeat=1, reports=True) == 0
    out = capsys.readouterr().out
    assert re.search(r"report set \(seed article, jobs=\d, 6 files\): 5\.00 s", out)
    assert "empty notebook (papermill, one empty cell):" in out and "2.00 s" in out
    assert "ratio: 2.50x (target <= 3x: met)" in out


def test_empty_notebook_runs_under_papermill(tmp_path):
    seconds = bench.empty_notebook_seconds(1, tmp_path)
    assert seconds > 0 and (tmp_path / "empty.out.ipynb").exists()


def test_best_of_returns_the_minimum_and_the_result():
    calls = []
    seconds, result = bench.best_of(lambda: calls.append(1) or len(calls), 3)
    assert result == 4 and len(calls) == 4 and seconds >= 0


def test_bench_reports_a_failing_report_set(monkeypatch, capsys):
    pytest.importorskip("analysis.reports")

    def broken(article, repeat, workdir, jobs):
        raise RuntimeError("02-casualties.ipynb failed at cell 3")

    monkeypatch.setattr(bench, "empty_notebook_seconds", lambda repeat, workdir: 2.0)
    monkeypatch.setattr(bench, "report_set_seconds", broken)
    assert bench.run_bench(words=200, repeat=1, reports=True) == 1
    out = capsys.readouterr().out
    assert "report set: failed (02-casualties.ipynb failed at cell 3)" in out and "2.00 s" in out
