"""`python -m analysis bench`: measured extraction speed and report cost.

Prints, in one run:
- words/s for the whole extraction (text -> every validated frame) and for
  each stage (structure, actors, places, statements, casualties, frames and
  validation), on the seed article and on a large synthetic article
  (`analysis.synthetic`); single process, so the figures are per core;
- the time to render the report set for the seed article, beside the time
  papermill takes to run one empty notebook, and their ratio: once within
  this process (imports done, and the report kernels kept from the warm-up
  run: what each article costs a batch job, a notebook server or a report
  command given several articles), and once as commands in a new process
  (`python -m analysis report` beside `papermill empty.ipynb out.ipynb`:
  what a user at a shell sees for one article);
- the time `import analysis` takes in a fresh interpreter.

Each figure is the best of `repeat` runs after one warm-up run. Benchmarks
print figures; they assert nothing.
"""
from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from .paths import PROJECT_DIR

#: Targets from the project's speed goals.
TARGET_WORDS_PER_S = 100_000
TARGET_REPORT_RATIO = 3.0


def machine() -> str:
    """'N cores, CPU model, Python X.Y.Z' for the figures' context."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()} ({platform.system()})"


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """(best wall time in seconds over `repeat` runs after one warm-up, last result)."""
    result = fn()
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def stage_times(text: str, metadata: dict, repeat: int) -> list[tuple[str, float]]:
    """[(stage, best seconds)]: whole extraction first, then each stage on its own."""
    from . import pipeline, schemas
    from .article import parse_article
    from .extractors.actors import index_actors
    from .extractors.casualties import extract_casualties
    from .extractors.places import extract_places
    from .extractors.statements import extract_statements

    def whole():
        return pipeline.extract(parse_article(text, metadata))

    rows = [("all frames", best_of(whole, repeat)[0])]
    t, article = best_of(lambda: parse_article(text, metadata), repeat)
    rows.append(("structure", t))
    t, index = best_of(lambda: index_actors(article), repeat)
    rows.append(("actors", t))
    t, _ = best_of(lambda: extract_places(article, index), repeat)
    rows.append(("places", t))
    t, statements = best_of(lambda: extract_statements(article, index), repeat)
    rows.append(("statements", t))
    t, casualties = best_of(lambda: extract_casualties(article, index, statements), repeat)
    rows.append(("casualties", t))
    frames = whole()

    def build_and_validate():
        article.blocks_frame()
        article.sentences_frame()
        for name in schemas.FRAME_NAMES:
            schemas.validate(name, getattr(frames, name))

    rows.append(("frames + validation", best_of(build_and_validate, repeat)[0]))
    return rows


def _print_stages(title: str, words: int, rows: list[tuple[str, float]], out) -> float:
    print(f"\n{title}: {words:,} words", file=out)
    print(f"  {'stage':<22}{'seconds':>10}{'words/s':>14}", file=out)
    for stage, seconds in rows:
        rate = words / seconds if seconds > 0 else float("inf")
        print(f"  {stage:<22}{seconds:>10.4f}{rate:>14,.0f}", file=out)
    return words / rows[0][1] if rows[0][1] > 0 else float("inf")


@contextmanager
def _kernel_stderr_to(path: Path):
    """Send file descriptor 2 (inherited by kernels papermill starts) to `path` meanwhile.

    papermill's kernels talk over TCP and warn about it on every start; the
    warnings would bury the figures.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with path.open("ab") as sink:
            os.dup2(sink.fileno(), 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def _empty_notebook(workdir: Path) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    source = workdir / "empty.ipynb"
    nbformat.write(nb, source)
    return source


def empty_notebook_seconds(repeat: int, workdir: Path) -> float:
    """Best time for papermill, in this process, to run a notebook with one empty cell (kernel start included)."""
    import papermill

    source = _empty_notebook(workdir)

    def run():
        papermill.execute_notebook(str(source), str(workdir / "empty.out.ipynb"), kernel_name="python3",
                                   progress_bar=False, log_output=False, cwd=str(workdir))

    with _kernel_stderr_to(workdir / "kernels.log"):
        return best_of(run, repeat)[0]


def report_set_seconds(article: Path, repeat: int, workdir: Path, jobs: int) -> tuple[float, int]:
    """(best time to render the full report set for `article` in this process, number of files written)."""
    from .reports import render_reports

    runs = iter(range(10**6))

    def run():
        return render_reports(article, out_root=workdir / f"reports-{next(runs)}", jobs=jobs, parameters={})

    seconds, paths = best_of(run, repeat)
    return seconds, len(list(paths or []))


def _command_seconds(args: list[str], repeat: int, workdir: Path) -> float:
    """Best wall time of a command over `repeat` runs after a warm-up (its output goes to a log)."""
    def run():
        with (workdir / "commands.log").open("ab") as log:
            subprocess.run(args, check=True, cwd=workdir, stdout=log, stderr=log)

    return best_of(run, repeat)[0]


def command_seconds(article: Path, repeat: int, workdir: Path, jobs: int) -> tuple[float, float]:
    """(best time of `python -m analysis report ARTICLE`, of `papermill empty.ipynb out.ipynb`), each a new process."""
    source = _empty_notebook(workdir)
    report = _command_seconds([sys.executable, "-m", "analysis", "report", str(article), "--jobs", str(jobs),
                               "--out", str(workdir / "reports-cli")], repeat, workdir)
    empty = _command_seconds([sys.executable, "-m", "papermill", "--no-progress-bar", str(source),
                              str(workdir / "empty.cli.ipynb")], repeat, workdir)
    return report, empty


def _ratio_line(label: str, report: float, empty: float) -> str:
    ratio = report / empty if empty > 0 else float("inf")
    verdict = "met" if ratio <= TARGET_REPORT_RATIO else "NOT met"
    return f"  {label:<34}{report:>8.2f} s{empty:>10.2f} s{ratio:>8.2f}x  (target <= {TARGET_REPORT_RATIO:g}x: {verdict})"


def import_seconds(repeat: int = 3) -> float:
    """Best extra time `import analysis` adds to a fresh interpreter start."""
    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_DIR)
        return time.perf_counter() - start

    bare = min(run("pass") for _ in range(repeat))
    full = min(run("import analysis; assert analysis.__file__") for _ in range(repeat))
    return max(0.0, full - bare)


def run_bench(words: int = 200_000, repeat: int = 3, reports: bool = True, commands: bool = True,
              out=None) -> int:
    """Print the benchmark table (see module doc); return 0 (1 when the report set fails to render)."""
    from .article import read_metadata, read_text
    from .paths import SEED_ARTICLE
    from .synthetic import synthetic_article, synthetic_metadata

    out = out or sys.stdout
    print(f"machine: {machine()}", file=out)
    print(f"each figure: best of {max(1, repeat)} runs after a warm-up, one process (per core)", file=out)

    seed_text = read_text(SEED_ARTICLE)
    seed_rate = _print_stages(f"seed article ({SEED_ARTICLE.name})", len(seed_text.split()),
                              stage_times(seed_text, read_metadata(SEED_ARTICLE), repeat), out)
    text = synthetic_article(words, seed=0)
    synth_words = len(text.split())
    synth_rate = _print_stages(f"synthetic article ({len(text.encode()):,} bytes)", synth_words,
                               stage_times(text, synthetic_metadata(0), repeat), out)

    print(f"\nimport analysis: {import_seconds():.3f} s", file=out)
    print(f"\nextraction, all frames: seed {seed_rate:,.0f} words/s, synthetic {synth_rate:,.0f} words/s "
          f"(target >= {TARGET_WORDS_PER_S:,} words/s per core: "
          f"{'met' if synth_rate >= TARGET_WORDS_PER_S else 'NOT met'} on the synthetic article)", file=out)

    if not reports:
        print("report set: skipped (--no-reports)", file=out)
        return 0
    try:
        import analysis.reports  # noqa: F401
    except ImportError as exc:
        print(f"report set: not available ({exc})", file=out)
        return 0
    jobs = min(os.cpu_count() or 1, 2)
    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as tmp:
        tmp_path = Path(tmp)
        empty = empty_notebook_seconds(repeat, tmp_path)
        try:
            report, files = report_set_seconds(SEED_ARTICLE, repeat, tmp_path, jobs=jobs)
            if commands:
                report_cli, empty_cli = command_seconds(SEED_ARTICLE, repeat, tmp_path, jobs=jobs)
        except Exception as exc:  # a failing notebook is a finding, not a crash of the benchmark
            print(f"report set: failed ({' '.join(str(exc).split())})", file=out)
            print(f"empty notebook (papermill, one empty cell):      {empty:.2f} s", file=out)
            return 1
    print(f"\nreport set: seed article, {files} files, jobs={jobs}; beside papermill running one empty cell",
          file=out)
    print(f"  {'':<34}{'report':>10}{'empty':>12}{'ratio':>9}", file=out)
    print(_ratio_line("in this process (kernels kept)", report, empty), file=out)
    if commands:
        print(_ratio_line("as commands (new processes)", report_cli, empty_cli), file=out)
    return 0
