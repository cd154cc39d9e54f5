"""Headless reports: run every notebook in notebooks/ on an article with papermill.

`render_reports(article, out_root, jobs, parameters)` validates the article and
the parameters, executes the notebooks (in parallel when `jobs > 1`) into a
staging folder, exports each as self-contained HTML (inputs hidden, images
embedded, no remote scripts or stylesheets), and only then swaps the staging
folder into `out_root/<article name>/`, so a failure leaves earlier reports
intact. A failing notebook raises `ReportError` (an `InputError`: the CLI
prints its one line and exits with status 2) naming the notebook, the cell
and the log file under `out_root/_logs/<article name>/`.

`refresh_notebooks()` re-executes the committed notebooks in place on the
seed article and normalises them (`python -m analysis.reports refresh`).
`normalise()` removes run noise so that re-running gives byte-identical files.
"""
from __future__ import annotations

import argparse
import atexit
import concurrent.futures as futures
import datetime as dt
import json
import logging
import os
import queue as queue_module
import re
import shutil
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .errors import InputError
from .notebook_params import validate_parameters
from .paths import NOTEBOOKS_DIR, REPORTS_DIR

# nbformat imports jsonschema, whose format checkers import rfc3987_syntax when it is
# installed (JupyterLab's dependencies bring it): building its grammar takes about a second
# per process, for IRI formats that no notebook schema uses. Marking it unavailable before
# nbformat loads skips those checkers only; nothing else in a report run needs the module.
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)

KERNEL_NAME = "python3"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
INJECTED_ID = "injected-parameters"
LOG_FOLDER = "_logs"

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Reports are static pages: every script goes (the template's MathJax, require.js and
# mermaid loaders fetch from a CDN), and so does any stylesheet link to the network.
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.I | re.S)
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.I)
_REMOTE_REF = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//[^>]*>"
                         r"|import\s*\(\s*[\"']https?://", re.I)


class ReportError(InputError):
    """A notebook failed while rendering the reports (one line: notebook, cell, log path)."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks of `folder`, in run order."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


# ----------------------------------------------------------------------------
# Normalisation


def normalise(nb, replace: dict[str, str] | None = None):
    """Strip run noise from an executed notebook (in place) and return it.

    Removes papermill's metadata and per-cell execution timestamps, empty
    `tags` lists and the Python patch version; gives the injected-parameters
    cell a fixed id and the notebook the standard `python3` kernelspec.
    `replace` rewrites text in the injected-parameters cell (e.g. a staging
    path -> the final path).
    """
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    info = nb.metadata.get("language_info")
    if info:
        info.pop("version", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        tags = cell.metadata.get("tags")
        if tags is not None and not tags:
            del cell.metadata["tags"]
        if INJECTED_ID in cell.metadata.get("tags", []):
            cell["id"] = INJECTED_ID
            for old, new in (replace or {}).items():
                cell.source = cell.source.replace(old, new)
    return nb


def write_notebook(nb, path: Path) -> Path:
    """Write `nb` the way JupyterLab saves it (nbformat, UTF-8, trailing newline)."""
    import nbformat

    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return path


# ----------------------------------------------------------------------------
# HTML


_export_lock = threading.Lock()


@lru_cache(maxsize=1)
def _exporter():
    """The HTML exporter, built once so that its compiled templates are reused."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True, embed_images=True,
                        optimistic_validation=True)  # validate once, not after each of a dozen preprocessors


def to_html(nb, title: str) -> str:
    """A self-contained HTML page of `nb`: inputs and prompts hidden, no remote scripts or styles."""
    with _export_lock:  # one exporter, shared by the threads that run notebooks
        body, _ = _exporter().from_notebook_node(nb, resources={"metadata": {"name": title}})
    return _REMOTE_LINK.sub("", _SCRIPT.sub("", body))


def remote_references(html: str) -> list[str]:
    """Tags or script imports in `html` that would load something from the network."""
    return [m.group(0) for m in _REMOTE_REF.finditer(html)]


# ----------------------------------------------------------------------------
# Running one notebook


@dataclass(frozen=True)
class _Job:
    source: Path
    target: Path  # executed .ipynb
    html: Path | None
    parameters: dict
    log: Path
    title: str
    replace: dict


@dataclass(frozen=True)
class _Failure:
    notebook: str
    cell: str
    message: str
    log: Path


def _prelude(handoff: str | None) -> str:
    """Code run silently before each notebook in a shared kernel.

    An empty namespace and execution counts from 1, as in a fresh kernel
    (imported modules stay loaded); and the run's hand-off folder in the
    kernel's environment (`pipeline.HANDOFF_ENV`), or none, since a kernel may
    serve several runs. Nothing is left bound in the notebook's namespace.
    """
    from .pipeline import HANDOFF_ENV

    environ = "__import__('os').environ"
    handoff_code = (f"{environ}[{HANDOFF_ENV!r}] = {handoff!r}" if handoff
                    else f"{environ}.pop({HANDOFF_ENV!r}, None)")
    return f"get_ipython().reset(new_session=True, aggressive=False); {handoff_code}"
_WARM_UP = "import analysis.charts, analysis.notebook_params, analysis.summary"
_ENGINE = "analysis-shared-kernel"


def _engine():
    """Papermill's nbclient engine, running each notebook in a kernel that is already started.

    Registered on first use, so that `import analysis.reports` stays cheap.
    """
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.exceptions import PapermillException

    class FreshNamespaceClient(PapermillNotebookClient):
        prelude = ""

        def papermill_execute_cells(self):
            reply = self.wait_for_reply(self.kc.execute(self.prelude, silent=True, store_history=False))
            if not reply or reply["content"].get("status") != "ok":
                raise PapermillException("could not reset the shared kernel's namespace")
            super().papermill_execute_cells()

    class SharedKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None, **kwargs):
            kwargs.pop("input_path", None)
            kwargs.pop("startup_timeout", None)
            kc = kwargs.pop("kc")
            prelude = kwargs.pop("prelude")
            timeout = execution_timeout or kwargs.pop("timeout", None)
            client = FreshNamespaceClient(nb_man, timeout=timeout, startup_timeout=start_timeout,
                                          kernel_name=kernel_name, log=logging.getLogger("papermill"),
                                          log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file,
                                          **kwargs)
            client.kc = kc  # connected once per kernel: connecting costs a fifth of a second
            client.prelude = prelude
            return client.execute()

    if _ENGINE not in papermill_engines._engines:
        papermill_engines.register(_ENGINE, SharedKernelEngine)
    return _ENGINE


class _Kernel:
    """One python3 kernel, and a client connected to it, for several notebooks in turn (a context manager).

    Local kernels talk over Unix sockets (no unencrypted TCP, no warning about
    it) and keep their input history in memory, as papermill's own do; the
    kernel's own messages go to `stderr_log`.
    """

    def __init__(self, cwd: Path, env: dict, stderr_log: Path):
        from jupyter_client.manager import AsyncKernelManager

        from . import report_kernel

        self._folder = Path(tempfile.mkdtemp(prefix="kernel-"))
        self._stderr = stderr_log.open("ab")
        transport = "ipc" if os.name == "posix" else "tcp"
        self.manager = AsyncKernelManager(kernel_name=report_kernel.NAME, kernel_spec_manager=report_kernel.spec_manager(),
                                          transport=transport,
                                          connection_file=str(self._folder / "kernel.json"))
        self.client = None
        self._cwd, self._env = cwd, env

    def __enter__(self):
        from jupyter_core.utils import run_sync

        try:
            run_sync(self.manager.start_kernel)(
                cwd=str(self._cwd), env=self._env, stderr=self._stderr,
                extra_arguments=["--HistoryManager.hist_file=:memory:"])
            self.client = self.manager.client()
            self.client.start_channels()
            run_sync(self.client.wait_for_ready)(timeout=60)
            self.client.allow_stdin = False
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        from jupyter_core.utils import run_sync

        try:
            if self.client is not None:
                self.client.stop_channels()
            if self.manager.has_kernel:
                run_sync(self.manager.shutdown_kernel)(now=True)
        finally:
            self._stderr.close()
            shutil.rmtree(self._folder, ignore_errors=True)


def _run(job: _Job, kernel: _Kernel, prelude: str) -> _Failure | None:
    """Execute one notebook (papermill) in `kernel` after `prelude`, normalise it, write it and its HTML.

    Logs to job.log.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    job.log.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(job.log, mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    thread = threading.get_ident()
    handler.addFilter(lambda record: record.thread == thread)  # notebooks run in parallel threads
    logger = logging.getLogger("papermill")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        logger.info("notebook %s -> %s, parameters %r", job.source, job.target, job.parameters)
        try:
            nb = papermill.execute_notebook(
                str(job.source), None, parameters=job.parameters or None, kernel_name=KERNEL_NAME,
                engine_name=_engine(), km=kernel.manager, kc=kernel.client, prelude=prelude, progress_bar=False,
                log_output=True,
                request_save_on_cell_execute=False)
        except PapermillExecutionError as exc:
            logger.error("cell %s failed:\n%s", exc.exec_count, _ANSI.sub("", "\n".join(exc.traceback)))
            message = f"{exc.ename}: {_ANSI.sub('', str(exc.evalue))}".strip().rstrip(":")
            return _Failure(job.source.name, _source_cell(job, exc.cell_index), " ".join(message.split()), job.log)
        except Exception as exc:  # kernel died, unreadable notebook, ...
            logger.error("run failed:\n%s", traceback.format_exc())
            return _Failure(job.source.name, "start-up", f"{type(exc).__name__}: {' '.join(str(exc).split())}",
                            job.log)
        normalise(nb, job.replace)
        write_notebook(nb, job.target)
        if job.html is not None:
            job.html.write_text(to_html(nb, job.title), encoding="utf-8")
        logger.info("done")
        return None
    finally:
        logger.removeHandler(handler)
        handler.close()


def _source_cell(job: _Job, index: int) -> str:
    """'cell N' of the source notebook (1-based, all cells) for cell `index` of the executed one."""
    import nbformat

    if job.parameters:
        cells = nbformat.read(job.source, as_version=4).cells
        tagged = [i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", [])]
        if tagged and index == tagged[0] + 1:
            return "the injected parameters cell"
        if tagged and index > tagged[0]:
            index -= 1
    return f"cell {index + 1}"


#: A call that draws a chart: any function of `charts` but the ones that show or set up.
_CHART_CALL = re.compile(r"\bcharts\.(?!publish\b|setup_notebook\b|save_figure\b)\w+\s*\(")


def _cost(job: _Job) -> int:
    """A rough cost of a notebook for scheduling: how many charts its code cells draw (drawing dominates).

    Read as plain JSON (nbformat's import alone takes the better part of a
    second); an unreadable notebook costs 0 here and fails when it runs.
    """
    try:
        cells = json.loads(job.source.read_text(encoding="utf-8")).get("cells", [])
        return sum(len(_CHART_CALL.findall("".join(cell.get("source", "")))) for cell in cells
                   if cell.get("cell_type") == "code")
    except (OSError, ValueError, AttributeError, TypeError):
        return 0


class _KernelPool:
    """Started kernels kept, after a run, for the next run in this process.

    Rendering several articles (`render_reports` in a loop, the report command
    given several articles, a notebook server) then starts a kernel and imports
    the package once per kernel, not once per article. Kernels are kept by
    working folder and environment; a kernel that failed or died is shut
    down, not kept. At most `limit` idle kernels are kept (the oldest go
    first), and all of them are shut down when the process exits.
    """

    def __init__(self, limit: int = 4):
        self.limit = limit
        self._idle: list[tuple[tuple, _Kernel]] = []
        self._lock = threading.Lock()
        atexit.register(self.close)

    def take(self, key: tuple) -> "_Kernel | None":
        """An idle kernel started for `key` that is still alive, or None (dead ones are shut down)."""
        while True:
            with self._lock:
                found = next((i for i, (held, _) in enumerate(self._idle) if held == key), None)
                if found is None:
                    return None
                kernel = self._idle.pop(found)[1]
            if _alive(kernel):
                return kernel
            kernel.__exit__()

    def give(self, key: tuple, kernel: "_Kernel") -> None:
        """Keep `kernel` for a later run if it is still alive; shut it down otherwise."""
        alive = _alive(kernel)
        evicted = []
        with self._lock:
            if alive:
                self._idle.append((key, kernel))
            else:
                evicted.append(kernel)
            while len(self._idle) > self.limit:
                evicted.append(self._idle.pop(0)[1])
        for old in evicted:
            old.__exit__()

    def close(self) -> None:
        """Shut down every idle kernel."""
        with self._lock:
            idle, self._idle = self._idle, []
        for _, kernel in idle:
            kernel.__exit__()


def _alive(kernel: "_Kernel") -> bool:
    from jupyter_core.utils import run_sync

    try:
        return bool(run_sync(kernel.manager.is_alive)())
    except Exception:  # noqa: BLE001 - a kernel that cannot say is not kept
        return False


_POOL = _KernelPool()


def _run_queue(queue: "queue_module.SimpleQueue[_Job]", cwd: Path, env: dict, kernel_log: Path,
               ready: threading.Event, prelude: str) -> list[_Failure]:
    """Take a kept kernel or start one, wait for `ready`, then run notebooks from `queue` until it is empty.

    A kernel that fails to start fails the notebooks it takes. A kernel that
    ran every notebook it took without a start-up failure is kept for the next
    run (`_KernelPool`); the others are shut down.
    """
    kernel_log.parent.mkdir(parents=True, exist_ok=True)
    failures = []
    key = (str(cwd), tuple(sorted(env.items())))
    kernel = _POOL.take(key)
    try:
        if kernel is None:
            kernel = _Kernel(cwd, env, kernel_log).__enter__()
            # The package's modules load while the article is extracted; the
            # notebooks import them again (for free) from an empty namespace.
            kernel.client.execute(_WARM_UP, silent=True, store_history=False)
    except Exception as exc:
        message = f"the kernel did not start ({type(exc).__name__}: {' '.join(str(exc).split())})"
        while True:
            try:
                job = queue.get_nowait()
            except queue_module.Empty:
                return failures
            failures.append(_Failure(job.source.name, "start-up", message, kernel_log))
    healthy = True
    try:
        ready.wait()
        while True:
            try:
                job = queue.get_nowait()
            except queue_module.Empty:
                return failures
            failure = _run(job, kernel, prelude)
            if failure is not None:
                failures.append(failure)
                healthy = healthy and failure.cell != "start-up"
    except BaseException:
        healthy = False
        raise
    finally:
        if healthy:
            _POOL.give(key, kernel)
        else:
            kernel.__exit__()


def _run_all(jobs: list[_Job], workers: int, hand_off: Callable[[Path], object] | None = None) -> list[_Failure]:
    """Run `jobs` in up to `workers` kernels at once; each kernel takes the next notebook when it is free.

    The costliest notebooks go first, so that kernels finish close together.
    A kernel imports the package once and keeps it for all of its notebooks,
    which start from an empty namespace, and for later runs in this process
    (`_KernelPool`). `hand_off(folder)`, when given, runs while the kernels
    start and stores frames there (`pipeline.hand_off`) for the kernels to
    load instead of extracting the article again; should it fail, the
    notebooks extract for themselves and report any error.
    """
    from .pipeline import HANDOFF_ENV

    count = max(1, min(workers, len(jobs)))
    pending: queue_module.SimpleQueue[_Job] = queue_module.SimpleQueue()
    ready = threading.Event()
    logs = jobs[0].log.parent
    env = {key: value for key, value in os.environ.items() if key != HANDOFF_ENV}
    with tempfile.TemporaryDirectory(prefix="frames-") as folder:
        prelude = _prelude(folder if hand_off is not None else None)
        with futures.ThreadPoolExecutor(max_workers=count, thread_name_prefix="notebooks") as pool:
            running = [pool.submit(_run_queue, pending, jobs[0].source.parent, env, logs / f"kernel-{i + 1}.log",
                                   ready, prelude)
                       for i in range(count)]
            # While the kernels start: queue the notebooks, import papermill and
            # nbconvert, and extract the article.
            try:
                for job in sorted(jobs, key=_cost, reverse=True):
                    pending.put(job)
                _engine()
                _exporter()
                if hand_off is not None:
                    hand_off(Path(folder))
            except Exception:  # noqa: BLE001 - the notebooks' own extraction reports the problem
                pass
            finally:
                ready.set()
            failures = [f for run in running for f in run.result()]
    order = {job.source.name: i for i, job in enumerate(jobs)}
    return sorted(failures, key=lambda f: order.get(f.notebook, 0))


def _raise(failures: list[_Failure]) -> None:
    first = failures[0]
    more = f" (and {len(failures) - 1} more notebook{'s' if len(failures) > 2 else ''})" if len(failures) > 1 else ""
    raise ReportError(f"{first.notebook} failed at {first.cell}: {first.message}{more}; log: {first.log}")


# ----------------------------------------------------------------------------
# Public entry points


def render_reports(article: str | Path, out_root: str | Path = REPORTS_DIR, jobs: int = 2,
                   parameters: dict | None = None, notebooks: list[Path] | None = None) -> list[Path]:
    """Run every notebook on `article`; write executed notebooks and HTML into out_root/<article name>/.

    In:  the article's path; the root folder for reports; how many notebooks
         run at once; extra notebook parameters ({name: value}, strings are
         accepted for numbers); optionally the notebooks to run (default: all
         of notebooks/).
    Out: the written paths: every .html report, then every executed .ipynb, in run order.
    Raises InputError before anything is written on a bad article, parameter or
    folder; ReportError (one line: notebook, cell, log path) when a notebook fails,
    leaving any earlier reports for this article untouched.
    """
    from .article import load_article

    parameters = dict(parameters or {})
    for reserved in ("article", "out_dir"):
        if reserved in parameters:
            raise InputError(f"parameter {reserved} is set by the report command; pass the article as its "
                             "argument and the folder with --out.")
    if not isinstance(jobs, int) or jobs < 1:
        raise InputError(f"--jobs must be a whole number of at least 1, got {jobs!r}.")
    article_path = Path(article).expanduser().resolve()
    loaded = load_article(article_path)  # raises InputError on unusable input
    notebooks = list(notebooks) if notebooks is not None else notebook_paths()
    if not notebooks:
        raise InputError(f"no notebooks found in {NOTEBOOKS_DIR}.")

    validate_parameters({**parameters, "article": str(article_path)})  # before anything is written
    out_root = Path(out_root).expanduser().resolve()
    final = out_root / loaded.name
    try:
        out_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{loaded.name}-", dir=out_root))
    except OSError as exc:
        raise InputError(f"cannot write to {out_root} ({exc.strerror}); pass a writable --out folder.") from None
    values = validate_parameters({**parameters, "article": str(article_path), "out_dir": str(staging / "figures")})
    title_of = {nb: nb.stem.split("-", 1)[-1].replace("-", " ").capitalize() for nb in notebooks}
    logs = out_root / LOG_FOLDER / loaded.name
    batch = [
        _Job(source=nb, target=staging / nb.name, html=staging / f"{nb.stem}.html", parameters=values,
             log=logs / f"{nb.stem}.log", replace={str(staging): str(final)},
             title=f"{title_of[nb]}: {loaded.meta.headline or loaded.name}")
        for nb in notebooks
    ]
    def hand_off(folder: Path) -> None:
        from . import pipeline

        pipeline.hand_off(pipeline.extract(loaded), article_path, folder)

    try:
        failures = _run_all(batch, jobs, hand_off)
        if failures:
            _raise(failures)
        previous = None
        if final.exists():
            previous = Path(tempfile.mkdtemp(prefix=f".{loaded.name}-old-", dir=out_root))
            os.replace(final, previous / "report")
        staging.chmod(0o777 & ~_umask())
        os.replace(staging, final)
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    htmls = [final / f"{nb.stem}.html" for nb in notebooks]
    return htmls + [final / nb.name for nb in notebooks]


def refresh_notebooks(notebooks: list[Path] | None = None, out_dir: Path | None = None, jobs: int = 2) -> list[Path]:
    """Re-execute notebooks on their defaults (the seed article) and write them normalised.

    In:  notebooks to run (default: all of notebooks/); a folder to write them
         to (default: in place); how many run at once.
    Out: the written notebook paths. Raises ReportError when a notebook fails
    (nothing is overwritten then).
    """
    notebooks = list(notebooks) if notebooks is not None else notebook_paths()
    with tempfile.TemporaryDirectory(prefix="refresh-") as tmp:
        staging = Path(tmp)
        batch = [_Job(source=nb, target=staging / nb.name, html=None, parameters={}, log=staging / f"{nb.stem}.log",
                      title=nb.stem, replace={}) for nb in notebooks]
        failures = _run_all(batch, jobs)
        if failures:
            keep = Path(tempfile.mkdtemp(prefix="refresh-logs-"))
            for failure in failures:
                shutil.copy(failure.log, keep / failure.log.name)
            _raise([_Failure(f.notebook, f.cell, f.message, keep / f.log.name) for f in failures])
        written = []
        for nb in notebooks:
            target = (out_dir or nb.parent) / nb.name
            shutil.copyfile(staging / nb.name, target)
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    """`python -m analysis.reports refresh [NOTEBOOK...]`: re-execute committed notebooks in place."""
    parser = argparse.ArgumentParser(prog="python -m analysis.reports",
                                     description="Re-execute the committed notebooks on the seed article.")
    parser.add_argument("command", choices=["refresh"])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to refresh (default: all)")
    parser.add_argument("--jobs", type=int, default=min(5, os.cpu_count() or 1),
                        help="notebooks run in parallel (default: up to 5, one per CPU)")
    args = parser.parse_args(argv)
    started = dt.datetime.now()
    try:
        paths = refresh_notebooks([p.resolve() for p in args.notebooks] or None, jobs=args.jobs)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return InputError.exit_code
    for path in paths:
        print(path)
    print(f"refreshed {len(paths)} notebooks in {(dt.datetime.now() - started).total_seconds():.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
