"""`python -m analysis bench` prints its figures (tiny sizes; no timing asserted)."""
from __future__ import annotations

import re

import pytest

from analysis import bench
from analysis.cli import main
from analysis.paths import SEED_ARTICLE

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
    monkeypatch.setattr(bench, "command_seconds", lambda article, repeat, workdir, jobs: (9.0, 2.5))
    assert bench.run_bench(words=200, repeat=1, reports=True) == 0
    out = capsys.readouterr().out
    assert re.search(r"report set: seed article, 6 files, jobs=\d; beside papermill running one empty cell", out)
    assert re.search(r"in this process \(kernels kept\)\s+5\.00 s\s+2\.00 s\s+2\.50x  \(target <= 3x: met\)", out)
    assert re.search(r"as commands \(new processes\)\s+9\.00 s\s+2\.50 s\s+3\.60x  \(target <= 3x: NOT met\)", out)


def test_bench_can_skip_the_commands(monkeypatch, capsys):
    monkeypatch.setattr(bench, "empty_notebook_seconds", lambda repeat, workdir: 2.0)
    monkeypatch.setattr(bench, "report_set_seconds", lambda article, repeat, workdir, jobs: (5.0, 6))
    monkeypatch.setattr(bench, "command_seconds", lambda *args: pytest.fail("commands were timed"))
    assert bench.run_bench(words=200, repeat=1, reports=True, commands=False) == 0
    assert "as commands" not in capsys.readouterr().out


@pytest.mark.slow
def test_commands_are_timed_in_new_processes(tmp_path):
    report, empty = bench.command_seconds(SEED_ARTICLE, 1, tmp_path, jobs=2)
    assert report > 0 and empty > 0
    assert (tmp_path / "empty.cli.ipynb").is_file()
    assert sorted(p.suffix for p in (tmp_path / "reports-cli").glob("*/*.html")) == [".html"] * 5


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
