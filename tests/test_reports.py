"""Report rendering: parameters are validated first, failures name notebook, cell and log,
earlier reports survive a failure, and any article renders through the parameter."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

from analysis import reports
from analysis.errors import InputError
from analysis.notebook_params import PARAMETERS, check, resolve, validate_parameters
from analysis.paths import PROJECT_DIR, SEED_ARTICLE

INVENTED = PROJECT_DIR / "tests" / "fixtures" / "invented_article.txt"


# ----------------------------------------------------------------------------
# Parameters


def test_defaults_point_at_the_seed():
    params = resolve({})
    assert params.article == SEED_ARTICLE and params.out_dir is None and params.top_n == 12


@pytest.mark.parametrize("values, message", [
    ({"top_m": 3}, "unknown notebook parameter top_m; known: article, out_dir, top_n."),
    ({"top_n": "many"}, "parameter top_n must be an integer, got 'many'."),
    ({"top_n": True}, "parameter top_n must be an integer, got True."),
    ({"top_n": 2.5}, "parameter top_n must be an integer, got 2.5."),
    ({"top_n": 0}, "parameter top_n must be at least 1, got 0."),
    ({"article": 5}, "parameter article must be a string (a path), got 5."),
])
def test_bad_parameters_fail_with_one_line(values, message):
    with pytest.raises(InputError) as info:
        validate_parameters(values)
    assert str(info.value) == message


def test_command_line_strings_are_coerced():
    assert validate_parameters({"top_n": "5"})["top_n"] == 5


def test_check_sees_injected_unknown_names():
    namespace = {"article": "x.txt", "out_dir": "", "top_n": 3, "__name__": "__main__", "_": None,
                 "shutil": shutil}
    assert check(namespace).top_n == 3
    with pytest.raises(InputError, match="unknown notebook parameter colour"):
        check({**namespace, "colour": "red"})


def test_every_parameter_is_documented():
    assert all(spec.help for spec in PARAMETERS.values())


# ----------------------------------------------------------------------------
# Rendering: failure handling on small notebooks (fast)


def _notebook(path: Path, body: str) -> Path:
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('article = ""\nout_dir = ""\ntop_n = 12')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(
        "from analysis import notebook_params\nparams = notebook_params.check(globals())"),
        nbformat.v4.new_code_cell(body)]
    nb.metadata["kernelspec"] = dict(reports.KERNELSPEC)
    nbformat.write(nb, path)
    return path


def test_bad_input_fails_before_anything_is_written(tmp_path):
    out = tmp_path / "reports"
    with pytest.raises(InputError, match="unknown notebook parameter"):
        reports.render_reports(SEED_ARTICLE, out_root=out, jobs=1, parameters={"bogus": "1"})
    with pytest.raises(InputError, match="no such file"):
        reports.render_reports(tmp_path / "missing.txt", out_root=out, jobs=1)
    with pytest.raises(InputError, match="set by the report command"):
        reports.render_reports(SEED_ARTICLE, out_root=out, jobs=1, parameters={"out_dir": "x"})
    assert not out.exists()


@pytest.mark.slow
def test_a_failing_cell_is_named_and_earlier_reports_survive(tmp_path):
    ok = _notebook(tmp_path / "01-ok.ipynb", "print(params.top_n)")
    out = tmp_path / "reports"
    written = reports.render_reports(INVENTED, out_root=out, jobs=1, notebooks=[ok])
    folder = out / "invented_article"
    assert written == [folder / "01-ok.html", folder / "01-ok.ipynb"]
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    bad = _notebook(tmp_path / "02-bad.ipynb", "x = 1\n1 / 0")
    with pytest.raises(reports.ReportError) as info:
        reports.render_reports(INVENTED, out_root=out, jobs=1, notebooks=[ok, bad])
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("02-bad.ipynb failed at cell 3: ZeroDivisionError: division by zero; log: ")
    log = Path(message.rsplit("log: ", 1)[1])
    assert log.is_file() and "ZeroDivisionError" in log.read_text()
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert sorted(p.name for p in out.iterdir()) == ["_logs", "invented_article"]  # no staging left


@pytest.mark.slow
def test_an_unknown_injected_parameter_fails_in_the_notebook(tmp_path):
    nb = _notebook(tmp_path / "01-nb.ipynb", "print('never')")
    job = reports._Job(source=nb, target=tmp_path / "out.ipynb", html=None, parameters={"colour": "red"},
                       log=tmp_path / "nb.log", title="t", replace={})
    [failure] = reports._run_all([job], workers=1)
    assert failure.cell == "cell 2"  # the check, right after the parameters
    assert failure.message.startswith("InputError: unknown notebook parameter colour")


@pytest.mark.slow
def test_notebooks_sharing_a_kernel_start_from_an_empty_namespace(tmp_path):
    first = _notebook(tmp_path / "01-first.ipynb", "leftover = 1\nimport json")
    second = _notebook(tmp_path / "02-second.ipynb", "print('leftover' in globals(), 'json' in globals())")
    jobs = [reports._Job(source=nb, target=tmp_path / f"out-{nb.name}", html=None,
                         parameters={"article": str(SEED_ARTICLE)}, log=tmp_path / f"{nb.stem}.log", title="t", replace={}) for nb in (first, second)]
    assert reports._run_all(jobs, workers=1) == []
    executed = nbformat.read(tmp_path / "out-02-second.ipynb", as_version=4)
    counts = [cell.execution_count for cell in executed.cells if cell.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))  # numbered from 1, as in a fresh kernel
    assert executed.cells[-1].outputs[0]["text"] == "False False\n"
    assert "TCP without encryption" not in (tmp_path / "kernel-1.log").read_text()


@pytest.mark.slow
def test_later_runs_reuse_the_kernels_with_their_own_article_and_an_empty_namespace(tmp_path):
    """Kernels kept between runs: the same process serves both, each run sees its own frames."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook = _notebook(folder / "01-probe.ipynb", (
        "import os\nfrom analysis import extract\n"
        "print(os.getpid(), 'leftover' in globals(), bool(os.environ.get('ANALYSIS_FRAMES_HANDOFF')), "
        "extract(params.article).handoff is not None, extract(params.article).article.meta.headline)\n"
        "leftover = 1"))
    seen = []
    for article in (SEED_ARTICLE, INVENTED):
        reports.render_reports(article, out_root=tmp_path / "out", jobs=1, notebooks=[notebook])
        executed = nbformat.read(tmp_path / "out" / article.stem / notebook.name, as_version=4)
        seen.append(executed.cells[-1].outputs[0]["text"].split(maxsplit=4))
    (pid, *first), (again, *second) = seen
    assert pid == again
    assert first[:3] == second[:3] == ["False", "True", "True"]
    assert first[3] != second[3]  # each run's own article
    from analysis.article import load_article

    assert load_article(INVENTED).meta.headline in second[3]


def test_a_kernel_that_died_is_not_kept(tmp_path):
    import os

    kernel = reports._Kernel(tmp_path, dict(os.environ), tmp_path / "kernel.log").__enter__()
    from jupyter_core.utils import run_sync

    pool = reports._KernelPool(limit=2)
    pool.give(("key",), kernel)  # alive: kept
    run_sync(kernel.manager.shutdown_kernel)(now=True)  # dies while idle
    assert pool.take(("key",)) is None
    pool.give(("key",), kernel)  # dead: not kept
    assert pool.take(("key",)) is None
    pool.close()


# ----------------------------------------------------------------------------
# Rendering: every notebook on the invented article, through the parameter


@pytest.fixture(scope="module")
def invented_reports():
    out = Path(tempfile.mkdtemp(prefix="reports-"))
    written = reports.render_reports(INVENTED, out_root=out, jobs=5, parameters={"top_n": "8"})
    yield out / "invented_article", written
    shutil.rmtree(out, ignore_errors=True)


@pytest.mark.slow
def test_the_invented_article_renders_every_notebook(invented_reports):
    folder, written = invented_reports
    stems = [p.stem for p in reports.notebook_paths()]
    assert written == [folder / f"{s}.html" for s in stems] + [folder / f"{s}.ipynb" for s in stems]
    assert all(p.is_file() for p in written)
    assert sorted(p.stem for p in (folder / "figures").glob("*.png"))  # charts saved through out_dir
    nb = nbformat.read(folder / "02-casualties.ipynb", as_version=4)
    injected = [c for c in nb.cells if c.get("id") == reports.INJECTED_ID]
    assert len(injected) == 1 and str(INVENTED) in injected[0].source and "top_n = 8" in injected[0].source
    assert str(folder / "figures") in injected[0].source  # the final folder, not the staging one
    assert "papermill" not in nb.metadata and all("execution" not in c.metadata for c in nb.cells)


@pytest.mark.slow
def test_html_is_self_contained_with_inputs_hidden(invented_reports):
    folder, _ = invented_reports
    for html in sorted(folder.glob("*.html")):
        text = html.read_text(encoding="utf-8")
        assert reports.remote_references(text) == [], html.name
        assert "<script" not in text
        assert "data:image/png;base64," in text, html.name
        assert "notebook_params.check" not in text  # inputs hidden
    summary = (folder / "05-summary.html").read_text(encoding="utf-8")
    assert "Ethiopia" in summary and "Source: Horn Daily, 15 March 2024." not in summary  # charts are images
    assert "<title>Summary: Ethiopia, Eritrea trade blame" in summary


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_html_renders_in_headless_chromium(invented_reports, tmp_path):
    folder, _ = invented_reports
    shot = tmp_path / "summary.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1000,2000",
                    (folder / "05-summary.html").as_uri()], check=True, capture_output=True, timeout=120)
    from matplotlib.image import imread

    pixels = imread(shot)
    assert pixels.shape[:2] == (2000, 1000)
    assert (pixels[..., :3].std(axis=(0, 1)) > 0.05).any()  # not a blank page


def test_the_cli_rejects_a_bad_parameter_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "analysis", "report", str(INVENTED), "--out", str(tmp_path),
                             "-p", "top_n=zero"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "error: parameter top_n must be an integer, got 'zero'.\n"


def test_report_runs_do_not_load_the_iri_grammar():
    """nbformat's jsonschema would build rfc3987_syntax's grammar (about a second) for formats
    no notebook uses; the reports module keeps it out of the process."""
    code = ("import sys, analysis.reports, nbformat, papermill; "
            "print(sys.modules.get('rfc3987_syntax') is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_scheduling_cost_counts_the_charts_a_notebook_draws(tmp_path):
    """Kernels take the costliest notebooks first; a chart shown through `publish` counts once."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from analysis import charts\ncharts.setup_notebook()"),
        nbformat.v4.new_code_cell('charts.publish(charts.speakers(frames, top_n=3), out_dir, "a")'),
        nbformat.v4.new_code_cell("charts.timeline(frames)"),
        nbformat.v4.new_markdown_cell("charts.timeline(frames) in prose does not count"),
    ])
    path = tmp_path / "01-x.ipynb"
    nbformat.write(nb, path)
    job = reports._Job(source=path, target=path, html=None, parameters={}, log=path, title="", replace={})
    assert reports._cost(job) == 2
    shipped = {p.name: reports._cost(reports._Job(p, p, None, {}, p, "", {})) for p in reports.notebook_paths()}
    assert all(cost >= 1 for cost in shipped.values())


def test_kernels_do_not_compile_the_extractors_for_handed_off_frames():
    """Importing what the notebooks import leaves the extractors' patterns uncompiled."""
    code = ("import sys, analysis, analysis.charts, analysis.summary, analysis.notebook_params; "
            "print(any(name.startswith('analysis.extractors.') for name in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_report_kernels_start_without_the_debugger(tmp_path):
    """Report kernels are the current interpreter's ipykernel with debugpy left out."""
    import os

    from jupyter_core.utils import run_sync

    seen = []
    with reports._Kernel(tmp_path, dict(os.environ), tmp_path / "kernel.log") as kernel:
        reply = run_sync(kernel.client.execute_interactive)(
            "import sys; print(sys.executable, sys.modules.get('debugpy', 'absent'))", timeout=30,
            output_hook=lambda msg: seen.append(msg["content"].get("text", "")))
    assert reply["content"]["status"] == "ok"
    assert "".join(seen).split() == [sys.executable, "None"]
